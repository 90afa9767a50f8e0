/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-slot-model"

#include "config.h"

#include "common/ward-slot-model.h"
#include "store/ward-store-row-model.h"

struct _WardSlotModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *slots;  /* WardRowItem slots, or NULL until asked for */
};

static void ward_slot_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardSlotModel, ward_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_slot_model_list_model_init))

static GType
ward_slot_model_get_item_type (GListModel *list)
{
  return WARD_TYPE_ROW_ITEM;
}

static guint
ward_slot_model_get_n_items (GListModel *list)
{
  return WARD_SLOT_MODEL (list)->slots->len;
}

static gpointer
ward_slot_model_get_item (GListModel *list,
                          guint       position)
{
  WardSlotModel *self = WARD_SLOT_MODEL (list);
  g_autoptr (WardRowItem) target = NULL;

  if (position >= self->slots->len)
    return NULL;
  if (self->slots->pdata[position] == NULL)
    {
      target = g_list_model_get_item (self->model, position);
      self->slots->pdata[position] = ward_row_item_new_slot (target);
    }
  return g_object_ref (self->slots->pdata[position]);
}

static void
ward_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_slot_model_get_item_type;
  iface->get_n_items = ward_slot_model_get_n_items;
  iface->get_item = ward_slot_model_get_item;
}

static void
unref_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

/* Points the slots from @from to @to (excluded) at their position's row.
 * A slot only this model holds shows nothing (no cell is bound to it, the
 * selection has not got it): it is let go, so that a keystroke costs the
 * rows on screen, not every row ever scrolled past. */
static void
retarget (WardSlotModel *self,
          guint          from,
          guint          to)
{
  for (guint i = from; i < to; i++)
    {
      WardRowItem *slot = self->slots->pdata[i];
      g_autoptr (WardRowItem) target = NULL;

      if (slot == NULL)
        continue;
      if (g_atomic_int_get (&G_OBJECT (slot)->ref_count) == 1)
        {
          g_clear_object (&self->slots->pdata[i]);
          continue;
        }
      target = g_list_model_get_item (self->model, i);
      ward_row_item_set_target (slot, target);
    }
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     WardSlotModel *self)
{
  guint old_n = self->slots->len;
  guint new_n = old_n - removed + added;

  /* Past the change, the rows only moved when its length changed. */
  retarget (self, position, removed == added ? position + added : MIN (old_n, new_n));
  g_ptr_array_set_size (self->slots, new_n);
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
ward_slot_model_dispose (GObject *object)
{
  WardSlotModel *self = WARD_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->slots, 0);

  G_OBJECT_CLASS (ward_slot_model_parent_class)->dispose (object);
}

static void
ward_slot_model_finalize (GObject *object)
{
  g_ptr_array_unref (WARD_SLOT_MODEL (object)->slots);

  G_OBJECT_CLASS (ward_slot_model_parent_class)->finalize (object);
}

static void
ward_slot_model_class_init (WardSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ward_slot_model_dispose;
  object_class->finalize = ward_slot_model_finalize;
}

static void
ward_slot_model_init (WardSlotModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (unref_slot);
}

WardSlotModel *
ward_slot_model_new (GListModel *model)
{
  WardSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (WARD_TYPE_SLOT_MODEL, NULL);
  self->model = model;
  g_ptr_array_set_size (self->slots, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

GListModel *
ward_slot_model_get_model (WardSlotModel *self)
{
  g_return_val_if_fail (WARD_IS_SLOT_MODEL (self), NULL);

  return self->model;
}
