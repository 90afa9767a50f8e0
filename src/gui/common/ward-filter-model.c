/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-filter-model"

#include "config.h"

#include "common/ward-filter-model.h"
#include "store/ward-store-row-model.h"

struct _WardFilterModel
{
  GObject      parent_instance;

  GListModel  *model;
  GtkFilter   *filter;
  GtkSorter   *sorter;      /* or NULL */
  GArray      *order;       /* guint: every position of @model, sorted; NULL: as they come */
  GArray      *shown;       /* guint: positions in @model shown, in @order's order */
  WardRowItem *scratch[2];  /* what the filter and the sorter look at, when @model is rows */
  GObject     *borrowed[2]; /* the same for other models */
};

static void ward_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardFilterModel, ward_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_filter_model_list_model_init))

#define SHOWN(array, i) g_array_index ((array), guint, (i))

static GType
ward_filter_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (WARD_FILTER_MODEL (list)->model);
}

static guint
ward_filter_model_get_n_items (GListModel *list)
{
  return WARD_FILTER_MODEL (list)->shown->len;
}

static gpointer
ward_filter_model_get_item (GListModel *list,
                            guint       position)
{
  WardFilterModel *self = WARD_FILTER_MODEL (list);

  if (position >= self->shown->len)
    return NULL;
  return g_list_model_get_item (self->model, SHOWN (self->shown, position));
}

static void
ward_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_filter_model_get_item_type;
  iface->get_n_items = ward_filter_model_get_n_items;
  iface->get_item = ward_filter_model_get_item;
}

/* The item at @position of the model below, for the filter or the sorter
 * to look at (@which: one of two at a time), valid until the next call
 * with the same @which: over rows, a scratch item pointed at the row,
 * since an object for each of 100,000 rows was 5 MB. */
static gpointer
look_at (WardFilterModel *self,
         guint            which,
         guint            position)
{
  if (self->scratch[which] != NULL)
    return ward_row_model_point (WARD_ROW_MODEL (self->model), self->scratch[which], position);
  g_clear_object (&self->borrowed[which]);
  self->borrowed[which] = g_list_model_get_item (self->model, position);
  return self->borrowed[which];
}

static gboolean
matches (WardFilterModel *self,
         guint            position)
{
  return gtk_filter_match (self->filter, look_at (self, 0, position));
}

/* The position in the model of the @k-th row in order. */
static guint
in_order (WardFilterModel *self,
          guint            k)
{
  return self->order != NULL ? SHOWN (self->order, k) : k;
}

/* ---- Sorting --------------------------------------------------------------- */

/* The sorter's order, and the model's between rows it holds equal (as
 * GtkSortListModel, whose sort is stable). */
static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  WardFilterModel *self = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  GtkOrdering order = gtk_sorter_compare (self->sorter, look_at (self, 0, x), look_at (self, 1, y));

  if (order != GTK_ORDERING_EQUAL)
    return order;
  return (x > y) - (x < y);
}

static gboolean
sorted (WardFilterModel *self)
{
  return self->sorter != NULL && gtk_sorter_get_order (self->sorter) != GTK_SORTER_ORDER_NONE;
}

static void
sort_positions (WardFilterModel *self,
                GArray          *positions)
{
  g_qsort_with_data (positions->data, positions->len, sizeof (guint), compare_positions, self);
  g_clear_object (&self->borrowed[0]);
  g_clear_object (&self->borrowed[1]);
}

/* Every position of the model in the sorter's order, or NULL when it has
 * none. */
static GArray *
make_order (WardFilterModel *self)
{
  guint n = g_list_model_get_n_items (self->model);
  GArray *order;

  if (!sorted (self))
    return NULL;
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  sort_positions (self, order);
  return order;
}

/* Merges into the order the rows @added at @position, in place of the
 * @removed there; the model has changed already. */
static void
update_order (WardFilterModel *self,
              guint            position,
              guint            removed,
              guint            added)
{
  g_autoptr (GArray) fresh = g_array_sized_new (FALSE, FALSE, sizeof (guint), added);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), g_list_model_get_n_items (self->model));
  guint f = 0;

  for (guint i = position; i < position + added; i++)
    g_array_append_val (fresh, i);
  sort_positions (self, fresh);
  for (guint k = 0; k < self->order->len; k++)
    {
      guint p = SHOWN (self->order, k);

      if (p >= position && p < position + removed)
        continue;
      if (p >= position + removed)
        p = p - removed + added;
      while (f < fresh->len && compare_positions (&SHOWN (fresh, f), &p, self) < 0)
        g_array_append_val (order, SHOWN (fresh, f++));
      g_array_append_val (order, p);
    }
  g_array_append_vals (order, fresh->data + f * sizeof (guint), fresh->len - f);
  g_clear_object (&self->borrowed[0]);
  g_clear_object (&self->borrowed[1]);
  g_array_unref (self->order);
  self->order = order;
}

/* ---- Filtering ------------------------------------------------------------- */

static gboolean
lets_through (WardFilterModel *self,
              GtkFilterMatch   strictness,
              guint            position)
{
  return strictness == GTK_FILTER_MATCH_ALL
         || (strictness == GTK_FILTER_MATCH_SOME && matches (self, position));
}

/* Which positions of the model @shown holds, one byte each. */
static guint8 *
shown_set (WardFilterModel *self,
           GArray          *shown)
{
  guint8 *set = g_new0 (guint8, g_list_model_get_n_items (self->model) + 1);

  for (guint i = 0; i < shown->len; i++)
    if (SHOWN (shown, i) != G_MAXUINT)
      set[SHOWN (shown, i)] = 1;
  return set;
}

/* What the filter lets through now, in order: narrowed, only the rows
 * shown can still be; widened, the rows shown still are. */
static GArray *
refilter (WardFilterModel *self,
          GtkFilterChange  change)
{
  guint n = g_list_model_get_n_items (self->model);
  GArray *now = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                   change == GTK_FILTER_CHANGE_MORE_STRICT ? self->shown->len : n);
  GtkFilterMatch strictness = gtk_filter_get_strictness (self->filter);
  g_autofree guint8 *was = NULL;

  if (strictness == GTK_FILTER_MATCH_SOME && change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      for (guint i = 0; i < self->shown->len; i++)
        if (matches (self, SHOWN (self->shown, i)))
          g_array_append_val (now, SHOWN (self->shown, i));
      return now;
    }
  if (strictness == GTK_FILTER_MATCH_SOME && change == GTK_FILTER_CHANGE_LESS_STRICT)
    was = shown_set (self, self->shown);
  for (guint k = 0; k < n; k++)
    {
      guint p = in_order (self, k);

      if ((was != NULL && was[p]) || lets_through (self, strictness, p))
        g_array_append_val (now, p);
    }
  return now;
}

/* Shows @now instead, announcing only the rows between the first and the
 * last that differ (the view keeps the others, and its place). The rows
 * shown before are positions in the model as it is now; G_MAXUINT for a
 * row it no longer has. */
static void
replace_shown (WardFilterModel *self,
               GArray          *now)
{
  GArray *before = self->shown;
  guint old_n = before->len, new_n = now->len;
  guint prefix = 0, suffix = 0;

  while (prefix < MIN (old_n, new_n) && SHOWN (before, prefix) == SHOWN (now, prefix))
    prefix++;
  while (suffix < MIN (old_n, new_n) - prefix
         && SHOWN (before, old_n - 1 - suffix) == SHOWN (now, new_n - 1 - suffix))
    suffix++;
  self->shown = now;
  g_array_unref (before);
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
}

static void
on_filter_changed_cb (GtkFilter       *filter,
                      GtkFilterChange  change,
                      WardFilterModel *self)
{
  replace_shown (self, refilter (self, change));
}

/* The rows shown, in the order now: a new sort shows the same rows. */
static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      WardFilterModel *self)
{
  guint n = g_list_model_get_n_items (self->model);
  g_autofree guint8 *was = shown_set (self, self->shown);
  GArray *now = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->shown->len);

  g_clear_pointer (&self->order, g_array_unref);
  self->order = make_order (self);
  for (guint k = 0; k < n; k++)
    {
      guint p = in_order (self, k);

      if (was[p])
        g_array_append_val (now, p);
    }
  replace_shown (self, now);
}

/* The model changed at @position: the rows shown before that it still has
 * stay shown (at their new positions), the rows added are filtered and
 * sorted in, and only the difference is announced. */
static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     WardFilterModel *self)
{
  GtkFilterMatch strictness = gtk_filter_get_strictness (self->filter);
  guint n = g_list_model_get_n_items (model);
  g_autofree guint8 *was = NULL;
  GArray *now = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->shown->len + added);

  for (guint i = 0; i < self->shown->len; i++)
    {
      guint p = SHOWN (self->shown, i);

      if (p >= position + removed)
        SHOWN (self->shown, i) = p - removed + added;
      else if (p >= position)
        SHOWN (self->shown, i) = G_MAXUINT;
    }
  if (self->order != NULL)
    update_order (self, position, removed, added);
  was = shown_set (self, self->shown);
  for (guint k = 0; k < n; k++)
    {
      guint p = in_order (self, k);
      gboolean fresh = p >= position && p < position + added;

      if (fresh ? lets_through (self, strictness, p) : was[p])
        g_array_append_val (now, p);
    }
  replace_shown (self, now);
}

static void
ward_filter_model_dispose (GObject *object)
{
  WardFilterModel *self = WARD_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->scratch[0]);
  g_clear_object (&self->scratch[1]);
  g_clear_object (&self->borrowed[0]);
  g_clear_object (&self->borrowed[1]);

  G_OBJECT_CLASS (ward_filter_model_parent_class)->dispose (object);
}

static void
ward_filter_model_finalize (GObject *object)
{
  WardFilterModel *self = WARD_FILTER_MODEL (object);

  g_array_unref (self->shown);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (ward_filter_model_parent_class)->finalize (object);
}

static void
ward_filter_model_class_init (WardFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ward_filter_model_dispose;
  object_class->finalize = ward_filter_model_finalize;
}

static void
ward_filter_model_init (WardFilterModel *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

WardFilterModel *
ward_filter_model_new (GListModel *model,
                       GtkFilter  *filter,
                       GtkSorter  *sorter)
{
  WardFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);
  g_return_val_if_fail (sorter == NULL || GTK_IS_SORTER (sorter), NULL);

  self = g_object_new (WARD_TYPE_FILTER_MODEL, NULL);
  self->model = model;
  self->filter = filter;
  self->sorter = sorter;
  if (WARD_IS_ROW_MODEL (model))
    {
      self->scratch[0] = ward_row_item_new_scratch ();
      self->scratch[1] = ward_row_item_new_scratch ();
    }
  self->order = make_order (self);
  g_array_unref (self->shown);
  self->shown = refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  if (sorter != NULL)
    g_signal_connect (sorter, "changed", G_CALLBACK (on_sorter_changed_cb), self);
  return self;
}

GListModel *
ward_filter_model_get_model (WardFilterModel *self)
{
  g_return_val_if_fail (WARD_IS_FILTER_MODEL (self), NULL);

  return self->model;
}

guint
ward_filter_model_get_model_position (WardFilterModel *self,
                                      guint            position)
{
  g_return_val_if_fail (WARD_IS_FILTER_MODEL (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (position < self->shown->len, GTK_INVALID_LIST_POSITION);

  return SHOWN (self->shown, position);
}
