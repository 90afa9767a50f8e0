/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-filter-model"

#include "config.h"

#include "common/ward-filter-model.h"

struct _WardFilterModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkFilter  *filter;
  GArray     *shown;   /* guint: positions in @model, ascending */
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

static gboolean
matches (WardFilterModel *self,
         guint            position)
{
  g_autoptr (GObject) item = g_list_model_get_item (self->model, position);

  return gtk_filter_match (self->filter, item);
}

/* Appends to @out the positions from @from to @to (excluded) that match. */
static void
filter_range (WardFilterModel *self,
              guint            from,
              guint            to,
              GArray          *out)
{
  GtkFilterMatch strictness = gtk_filter_get_strictness (self->filter);

  if (strictness == GTK_FILTER_MATCH_NONE)
    return;
  for (guint i = from; i < to; i++)
    if (strictness == GTK_FILTER_MATCH_ALL || matches (self, i))
      g_array_append_val (out, i);
}

/* What the filter lets through now: narrowed, only the rows shown can
 * still be; widened, the rows shown still are. */
static GArray *
refilter (WardFilterModel *self,
          GtkFilterChange  change)
{
  guint n = g_list_model_get_n_items (self->model);
  GArray *now = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                   change == GTK_FILTER_CHANGE_MORE_STRICT ? self->shown->len : n);
  GtkFilterMatch strictness = gtk_filter_get_strictness (self->filter);
  guint k = 0;

  if (strictness != GTK_FILTER_MATCH_SOME || change == GTK_FILTER_CHANGE_DIFFERENT)
    filter_range (self, 0, n, now);
  else if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    for (guint i = 0; i < self->shown->len; i++)
      {
        if (matches (self, SHOWN (self->shown, i)))
          g_array_append_val (now, SHOWN (self->shown, i));
      }
  else
    for (guint i = 0; i < n; i++)
      {
        gboolean shown = k < self->shown->len && SHOWN (self->shown, k) == i;

        k += shown;
        if (shown || matches (self, i))
          g_array_append_val (now, i);
      }
  return now;
}

/* Shows @now instead, announcing only the rows between the first and the
 * last that differ (the view keeps the others, and its place). */
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

/* The index of the first row shown at @position of the model or after. */
static guint
first_shown_from (WardFilterModel *self,
                  guint            position)
{
  guint low = 0, high = self->shown->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (SHOWN (self->shown, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The model changed from @position on: the rows shown before stay, those
 * after move by what was added and removed, and only the rows added are
 * filtered. */
static void
on_items_changed_cb (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     WardFilterModel *self)
{
  g_autoptr (GArray) inserted = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = first_shown_from (self, position);
  guint end = first_shown_from (self, position + removed);

  filter_range (self, position, position + added, inserted);
  for (guint i = end; i < self->shown->len; i++)
    SHOWN (self->shown, i) = SHOWN (self->shown, i) - removed + added;
  g_array_remove_range (self->shown, first, end - first);
  g_array_insert_vals (self->shown, first, inserted->data, inserted->len);
  if (end - first > 0 || inserted->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, end - first, inserted->len);
}

static void
ward_filter_model_dispose (GObject *object)
{
  WardFilterModel *self = WARD_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ward_filter_model_parent_class)->dispose (object);
}

static void
ward_filter_model_finalize (GObject *object)
{
  g_array_unref (WARD_FILTER_MODEL (object)->shown);

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
                       GtkFilter  *filter)
{
  WardFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);

  self = g_object_new (WARD_TYPE_FILTER_MODEL, NULL);
  self->model = model;
  self->filter = filter;
  filter_range (self, 0, g_list_model_get_n_items (model), self->shown);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
  return self;
}

GListModel *
ward_filter_model_get_model (WardFilterModel *self)
{
  g_return_val_if_fail (WARD_IS_FILTER_MODEL (self), NULL);

  return self->model;
}
