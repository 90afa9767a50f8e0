/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-slot-model"

#include "config.h"

#include "common/ward-filter-model.h"
#include "common/ward-slot-model.h"
#include "store/ward-store-row-model.h"

/* ---- Slots of other items -------------------------------------------------- */

/* A WardRowItem is its own slot (ward_row_item_new_slot()): the pages read
 * its rows as they read the model's items. Other items get this. */
#define WARD_TYPE_SLOT (ward_slot_get_type ())
G_DECLARE_FINAL_TYPE (WardSlot, ward_slot, WARD, SLOT, GObject)

struct _WardSlot
{
  GObject  parent_instance;

  GObject *target;
};

G_DEFINE_FINAL_TYPE (WardSlot, ward_slot, G_TYPE_OBJECT)

static guint slot_changed_signal;

static void
ward_slot_finalize (GObject *object)
{
  g_clear_object (&WARD_SLOT (object)->target);

  G_OBJECT_CLASS (ward_slot_parent_class)->finalize (object);
}

static void
ward_slot_class_init (WardSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_slot_finalize;

  /* As WardRowItem::changed: pointed at another item. */
  slot_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ward_slot_init (WardSlot *self)
{
}

gpointer
ward_slot_get_item (gpointer item)
{
  if (WARD_IS_SLOT (item))
    return WARD_SLOT (item)->target;
  if (WARD_IS_ROW_ITEM (item))
    return ward_row_item_get_target (item);
  return item;
}

static GObject *
slot_new (GObject *target)
{
  WardSlot *slot;

  if (WARD_IS_ROW_ITEM (target))
    return G_OBJECT (ward_row_item_new_slot (WARD_ROW_ITEM (target)));
  slot = g_object_new (WARD_TYPE_SLOT, NULL);
  slot->target = g_object_ref (target);
  return G_OBJECT (slot);
}

static void
slot_set_target (GObject *slot,
                 GObject *target)
{
  if (WARD_IS_ROW_ITEM (slot))
    {
      ward_row_item_set_target (WARD_ROW_ITEM (slot), WARD_ROW_ITEM (target));
      return;
    }
  if (WARD_SLOT (slot)->target == target)
    return;
  g_set_object (&WARD_SLOT (slot)->target, target);
  g_signal_emit (slot, slot_changed_signal, 0);
}

/* ---- The model ------------------------------------------------------------ */

struct _WardSlotModel
{
  GObject             parent_instance;

  GListModel         *model;
  GHashTable         *slots;      /* position → slot, for the slots asked for
                                   * (a few hundred, where an array had a
                                   * pointer for each of 100,000 rows) */
  guint               n;
  GtkSingleSelection *selection;  /* not held: it holds this model */
};

static void ward_slot_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardSlotModel, ward_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_slot_model_list_model_init))

static GType
ward_slot_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
ward_slot_model_get_n_items (GListModel *list)
{
  return WARD_SLOT_MODEL (list)->n;
}

static gpointer
ward_slot_model_get_item (GListModel *list,
                          guint       position)
{
  WardSlotModel *self = WARD_SLOT_MODEL (list);
  g_autoptr (GObject) target = NULL;
  GObject *slot;

  if (position >= self->n)
    return NULL;
  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot == NULL)
    {
      target = g_list_model_get_item (self->model, position);
      slot = slot_new (target);
      g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);
    }
  return g_object_ref (slot);
}

static void
ward_slot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_slot_model_get_item_type;
  iface->get_n_items = ward_slot_model_get_n_items;
  iface->get_item = ward_slot_model_get_item;
}

/* The positions of the slots from @from on, before @to: a list of their
 * own, since pointing a slot elsewhere runs its cells' handlers. */
static GArray *
slots_between (WardSlotModel *self,
               guint          from,
               guint          to)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= from && position < to)
        g_array_append_val (positions, position);
    }
  return positions;
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
  g_autoptr (GArray) positions = slots_between (self, from, to);

  for (guint k = 0; k < positions->len; k++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (positions, guint, k));
      GObject *slot = g_hash_table_lookup (self->slots, key);
      g_autoptr (GObject) target = NULL;

      if (slot == NULL)
        continue;
      if (g_atomic_int_get (&slot->ref_count) == 1)
        {
          g_hash_table_remove (self->slots, key);
          continue;
        }
      target = g_list_model_get_item (self->model, GPOINTER_TO_UINT (key));
      slot_set_target (slot, target);
    }
}

/* The item the selected slot shows, before a change. */
static GObject *
selected_target (WardSlotModel *self)
{
  gpointer slot = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return slot != NULL ? g_object_ref (ward_slot_get_item (slot)) : NULL;
}

/* Where @item is shown now. Over a filter model of rows, by its row: the
 * model's items live only while held, and asking for each would make them
 * all, one at a time. */
static guint
find_item (WardSlotModel *self,
           GObject       *item)
{
  guint n = g_list_model_get_n_items (self->model);

  if (WARD_IS_FILTER_MODEL (self->model) && WARD_IS_ROW_ITEM (item))
    {
      WardFilterModel *filtered = WARD_FILTER_MODEL (self->model);
      GListModel *below = ward_filter_model_get_model (filtered);

      if (!WARD_IS_ROW_MODEL (below)
          || ward_row_item_get_rows (WARD_ROW_ITEM (item)) != ward_row_model_get_rows (WARD_ROW_MODEL (below)))
        return GTK_INVALID_LIST_POSITION;
      for (guint i = 0; i < n; i++)
        if (ward_filter_model_get_model_position (filtered, i) == ward_row_item_get_index (WARD_ROW_ITEM (item)))
          return i;
      return GTK_INVALID_LIST_POSITION;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) other = g_list_model_get_item (self->model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* After: a slot now showing another item must not leave another record
 * selected; the one selected is selected where it moved, if still shown. */
static void
keep_selected (WardSlotModel *self,
               GObject       *before)
{
  gpointer slot = gtk_single_selection_get_selected_item (self->selection);
  guint at = gtk_single_selection_get_selected (self->selection);
  guint position;

  if (slot != NULL && ward_slot_get_item (slot) == (gpointer) before)
    return;
  position = find_item (self, before);
  if (position == GTK_INVALID_LIST_POSITION && gtk_single_selection_get_autoselect (self->selection))
    {
      /* Gone, where a row is always selected: the row now where it was,
       * as GTK picks one; told as a new selection (the slot is the same). */
      if (at == GTK_INVALID_LIST_POSITION)
        return;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      position = at;
    }
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     WardSlotModel *self)
{
  guint old_n = self->n;
  guint new_n = old_n - removed + added;
  g_autoptr (GObject) selected = selected_target (self);
  g_autoptr (GArray) gone = NULL;

  /* Past the change, the rows only moved when its length changed. */
  retarget (self, position, removed == added ? position + added : MIN (old_n, new_n));
  gone = slots_between (self, new_n, G_MAXUINT);
  for (guint k = 0; k < gone->len; k++)
    g_hash_table_remove (self->slots, GUINT_TO_POINTER (g_array_index (gone, guint, k)));
  self->n = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  if (selected != NULL && self->selection != NULL)
    keep_selected (self, selected);
}

static void
ward_slot_model_dispose (GObject *object)
{
  WardSlotModel *self = WARD_SLOT_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->selection), (gpointer *) &self->selection);
  self->selection = NULL;
  g_clear_object (&self->model);
  g_hash_table_remove_all (self->slots);

  G_OBJECT_CLASS (ward_slot_model_parent_class)->dispose (object);
}

static void
ward_slot_model_finalize (GObject *object)
{
  g_hash_table_unref (WARD_SLOT_MODEL (object)->slots);

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
  self->slots = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

WardSlotModel *
ward_slot_model_new (GListModel *model)
{
  WardSlotModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (WARD_TYPE_SLOT_MODEL, NULL);
  self->model = model;
  self->n = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  return self;
}

GListModel *
ward_slot_model_get_model (WardSlotModel *self)
{
  g_return_val_if_fail (WARD_IS_SLOT_MODEL (self), NULL);

  return self->model;
}

void
ward_slot_model_keep_selection (WardSlotModel      *self,
                                GtkSingleSelection *selection)
{
  g_return_if_fail (WARD_IS_SLOT_MODEL (self) && self->selection == NULL);
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  self->selection = selection;
  g_object_add_weak_pointer (G_OBJECT (selection), (gpointer *) &self->selection);
}
