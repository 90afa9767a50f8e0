/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include "store/ward-store-row-model.h"

struct _WardRowItem
{
  GObject      parent_instance;

  WardRows     *rows;
  guint         index;
  WardRowItem  *target;  /* a slot's: the item it shows now, or NULL */
  WardRowModel *owner;   /* not held: the model whose live item this is */
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
  GHashTable *live;   /* index → WardRowItem, not held: the items alive */
  WardRowItem *scratch;
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

  if (self->owner != NULL)
    g_hash_table_remove (self->owner->live, GUINT_TO_POINTER (self->index));
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
ward_row_item_new_scratch (void)
{
  return g_object_new (WARD_TYPE_ROW_ITEM, NULL);
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

/* Items are made when asked for and kept only while someone holds them:
 * one object per row of 100,000 was 5 MB, and the lists hold a few hundred
 * (the rows on screen, the selection). While an item lives, the model
 * hands out the same one for its row, so that the slots and the selection
 * compare items as before, and a reload points it at its row's new place. */
static GType
ward_row_model_get_item_type (GListModel *model)
{
  return WARD_TYPE_ROW_ITEM;
}

static guint
ward_row_model_get_n_items (GListModel *model)
{
  WardRowModel *self = WARD_ROW_MODEL (model);

  return self->rows != NULL ? ward_rows_get_n (self->rows) : 0;
}

static gpointer
ward_row_model_get_item (GListModel *model,
                         guint       position)
{
  WardRowModel *self = WARD_ROW_MODEL (model);
  WardRowItem *item;

  if (position >= ward_row_model_get_n_items (model))
    return NULL;
  item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);
  item = g_object_new (WARD_TYPE_ROW_ITEM, NULL);
  point_at (item, self->rows, position);
  item->owner = self;
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), item);
  return item;
}

static void
ward_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_row_model_get_item_type;
  iface->get_n_items = ward_row_model_get_n_items;
  iface->get_item = ward_row_model_get_item;
}

/* The items still held elsewhere outlive the model: they keep their row. */
static void
disown (GHashTable *live)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, live);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    WARD_ROW_ITEM (item)->owner = NULL;
  g_hash_table_remove_all (live);
}

static void
ward_row_model_finalize (GObject *object)
{
  WardRowModel *self = WARD_ROW_MODEL (object);

  disown (self->live);
  g_clear_pointer (&self->live, g_hash_table_unref);
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
  self->live = g_hash_table_new (NULL, NULL);
}

WardRowModel *
ward_row_model_new (GEqualFunc same_row)
{
  WardRowModel *self = g_object_new (WARD_TYPE_ROW_MODEL, NULL);

  self->same_row = same_row;
  return self;
}

WardRowItem *
ward_row_model_point (WardRowModel *self,
                      WardRowItem  *scratch,
                      guint         position)
{
  g_return_val_if_fail (WARD_IS_ROW_MODEL (self) && self->rows != NULL, NULL);
  g_return_val_if_fail (position < ward_rows_get_n (self->rows), NULL);
  g_return_val_if_fail (WARD_IS_ROW_ITEM (scratch) && scratch->owner == NULL, NULL);
  g_return_val_if_fail (scratch->target == NULL, NULL);

  point_at (scratch, self->rows, position);
  return scratch;
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
  guint old_n = ward_row_model_get_n_items (G_LIST_MODEL (self));
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

/* The live items of rows kept are pointed at their place in @rows; the
 * others are let go (their holders keep the row they had). */
static void
repoint_live (WardRowModel *self,
              WardRows     *rows,
              guint         prefix,
              guint         suffix)
{
  guint old_n = ward_row_model_get_n_items (G_LIST_MODEL (self));
  guint new_n = rows != NULL ? ward_rows_get_n (rows) : 0;
  GHashTable *before = self->live;
  GHashTableIter iter;
  gpointer key, value;

  self->live = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WardRowItem *item = value;
      guint index = GPOINTER_TO_UINT (key);

      if (index >= prefix && index < old_n - suffix)
        {
          item->owner = NULL;
          continue;
        }
      if (index >= prefix)
        index = index - old_n + new_n;
      point_at (item, rows, index);
      g_hash_table_insert (self->live, GUINT_TO_POINTER (index), item);
    }
  g_hash_table_unref (before);
}

void
ward_row_model_set_rows (WardRowModel *self,
                         WardRows     *rows)
{
  guint old_n;
  guint new_n;
  guint prefix;
  guint suffix;

  g_return_if_fail (WARD_IS_ROW_MODEL (self));

  old_n = ward_row_model_get_n_items (G_LIST_MODEL (self));
  new_n = rows != NULL ? ward_rows_get_n (rows) : 0;
  count_same (self, rows, &prefix, &suffix);
  repoint_live (self, rows, prefix, suffix);

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
