/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include "store/ward-store-row-model.h"

struct _WardRowItem
{
  GObject      parent_instance;

  WardRows    *rows;
  guint        index;
  WardRowItem *target;  /* a slot's: the item it shows now, or NULL */
};

G_DEFINE_FINAL_TYPE (WardRowItem, ward_row_item, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _WardRowModel
{
  GObject     parent_instance;

  GEqualFunc  same_row;
  WardRows   *rows;
  GPtrArray  *items;  /* WardRowItem, or NULL until asked for */
};

static void ward_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardRowModel, ward_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_row_model_list_model_init))

/* ---- Items ---------------------------------------------------------------- */

static void
ward_row_item_finalize (GObject *object)
{
  WardRowItem *self = WARD_ROW_ITEM (object);

  g_clear_pointer (&self->rows, ward_rows_unref);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (ward_row_item_parent_class)->finalize (object);
}

static void
ward_row_item_class_init (WardRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_row_item_finalize;

  /* A slot was pointed at another row: whatever shows it shows it again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
ward_row_item_init (WardRowItem *self)
{
}

/* Points a kept item at its row in the new rows. */
static void
point_at (WardRowItem *item,
          WardRows    *rows,
          guint        index)
{
  if (item->rows != rows)
    {
      g_clear_pointer (&item->rows, ward_rows_unref);
      item->rows = ward_rows_ref (rows);
    }
  item->index = index;
}

/* A slot answers for the item it points at, so that a row kept by the
 * model and pointed at new rows on a reload is followed at once. */
static WardRowItem *
resolve (WardRowItem *self)
{
  return self->target != NULL ? self->target : self;
}

WardRows *
ward_row_item_get_rows (WardRowItem *self)
{
  g_return_val_if_fail (WARD_IS_ROW_ITEM (self), NULL);

  return resolve (self)->rows;
}

guint
ward_row_item_get_index (WardRowItem *self)
{
  g_return_val_if_fail (WARD_IS_ROW_ITEM (self), 0);

  return resolve (self)->index;
}

gconstpointer
ward_row_item_get_row (WardRowItem *self)
{
  g_return_val_if_fail (WARD_IS_ROW_ITEM (self), NULL);

  self = resolve (self);
  return self->rows != NULL ? ward_rows_get (self->rows, self->index) : NULL;
}

WardRowItem *
ward_row_item_new_slot (WardRowItem *target)
{
  WardRowItem *self;

  g_return_val_if_fail (WARD_IS_ROW_ITEM (target), NULL);

  self = g_object_new (WARD_TYPE_ROW_ITEM, NULL);
  self->target = g_object_ref (resolve (target));
  return self;
}

WardRowItem *
ward_row_item_get_target (WardRowItem *self)
{
  g_return_val_if_fail (WARD_IS_ROW_ITEM (self), NULL);

  return resolve (self);
}

void
ward_row_item_set_target (WardRowItem *self,
                          WardRowItem *target)
{
  g_return_if_fail (WARD_IS_ROW_ITEM (self) && self->target != NULL);
  g_return_if_fail (WARD_IS_ROW_ITEM (target));

  target = resolve (target);
  if (target == self->target)
    return;
  g_object_ref (target);
  g_object_unref (self->target);
  self->target = target;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---- The model ------------------------------------------------------------ */

/* Items are made on first use: most slots stay NULL. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GType
ward_row_model_get_item_type (GListModel *model)
{
  return WARD_TYPE_ROW_ITEM;
}

static guint
ward_row_model_get_n_items (GListModel *model)
{
  return WARD_ROW_MODEL (model)->items->len;
}

static gpointer
ward_row_model_get_item (GListModel *model,
                         guint       position)
{
  WardRowModel *self = WARD_ROW_MODEL (model);
  WardRowItem *item;

  if (position >= self->items->len)
    return NULL;
  item = self->items->pdata[position];
  if (item == NULL)
    {
      item = g_object_new (WARD_TYPE_ROW_ITEM, NULL);
      point_at (item, self->rows, position);
      self->items->pdata[position] = item;
    }
  return g_object_ref (item);
}

static void
ward_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_row_model_get_item_type;
  iface->get_n_items = ward_row_model_get_n_items;
  iface->get_item = ward_row_model_get_item;
}

static void
ward_row_model_finalize (GObject *object)
{
  WardRowModel *self = WARD_ROW_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, ward_rows_unref);

  G_OBJECT_CLASS (ward_row_model_parent_class)->finalize (object);
}

static void
ward_row_model_class_init (WardRowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_row_model_finalize;
}

static void
ward_row_model_init (WardRowModel *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

WardRowModel *
ward_row_model_new (GEqualFunc same_row)
{
  WardRowModel *self = g_object_new (WARD_TYPE_ROW_MODEL, NULL);

  self->same_row = same_row;
  return self;
}

/* How many rows at the start (@prefix) and at the end (@suffix) are the
 * same in both: a reload after one record was added, changed or removed
 * announces only that record. */
static void
count_same (WardRowModel *self,
            WardRows     *rows,
            guint        *prefix,
            guint        *suffix)
{
  guint old_n = self->items->len;
  guint new_n = rows != NULL ? ward_rows_get_n (rows) : 0;

  *prefix = *suffix = 0;
  if (self->same_row == NULL || self->rows == NULL || rows == NULL)
    return;
  while (*prefix < MIN (old_n, new_n)
         && self->same_row (ward_rows_get (self->rows, *prefix), ward_rows_get (rows, *prefix)))
    (*prefix)++;
  while (*suffix < MIN (old_n, new_n) - *prefix
         && self->same_row (ward_rows_get (self->rows, old_n - 1 - *suffix),
                            ward_rows_get (rows, new_n - 1 - *suffix)))
    (*suffix)++;
}

void
ward_row_model_set_rows (WardRowModel *self,
                         WardRows     *rows)
{
  guint old_n;
  guint new_n;
  guint prefix;
  guint suffix;
  GPtrArray *items;

  g_return_if_fail (WARD_IS_ROW_MODEL (self));

  old_n = self->items->len;
  new_n = rows != NULL ? ward_rows_get_n (rows) : 0;
  count_same (self, rows, &prefix, &suffix);

  items = g_ptr_array_new_full (new_n, unref_item);
  for (guint i = 0; i < new_n; i++)
    {
      WardRowItem *item = NULL;

      if (i < prefix)
        item = g_steal_pointer (&self->items->pdata[i]);
      else if (i >= new_n - suffix)
        item = g_steal_pointer (&self->items->pdata[old_n - (new_n - i)]);
      if (item != NULL)
        point_at (item, rows, i);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_unref (self->items);
  self->items = items;

  if (rows != NULL)
    ward_rows_ref (rows);
  g_clear_pointer (&self->rows, ward_rows_unref);
  self->rows = rows;
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
}

WardRows *
ward_row_model_get_rows (WardRowModel *self)
{
  g_return_val_if_fail (WARD_IS_ROW_MODEL (self), NULL);

  return self->rows;
}
