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
  guint               n;          /* the length told to the view */
  guint               target_n;   /* the model's, which n reaches frame by frame */
  GtkSingleSelection *selection;  /* not held: it holds this model */
  GtkWidget          *pacer;      /* not held: the view, whose frames pace growth */
  guint               tick;
};

/* Rows told to the view at a time when the list grows: what fills a
 * window, about 30 rows. The view builds a row of cells for each, and 100
 * at once kept a frame busy for 40 to 70 ms (issue 25). GTK 4.8's list
 * view builds rows for about 200 items around the one it is anchored to,
 * none further: past that many, the rest costs no frame a row and is told
 * at once (the scroll bar then has the list's whole length). */
#define GROW_STEP 32
#define ROWS_BUILT 200

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

/* Tells the view of the rows up to @limit (at most the model's length). */
static void
grow_to (WardSlotModel *self,
         guint          limit)
{
  guint old_n = self->n;

  limit = MIN (limit, self->target_n);
  if (limit <= old_n)
    return;
  self->n = limit;
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, limit - old_n);
}

static void
stop_pacing (WardSlotModel *self)
{
  if (self->tick != 0 && self->pacer != NULL)
    gtk_widget_remove_tick_callback (self->pacer, self->tick);
  self->tick = 0;
}

/* A step's rows; those past the rows the view builds, all at once. */
static void
grow_a_step (WardSlotModel *self)
{
  grow_to (self, self->n + GROW_STEP >= ROWS_BUILT ? self->target_n : self->n + GROW_STEP);
}

/* At each frame, before its layout: the next rows, so that each frame
 * builds a step's rows and the clerk's next key is read in between. */
static gboolean
pace_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  WardSlotModel *self = user_data;

  grow_a_step (self);
  if (self->n < self->target_n)
    return G_SOURCE_CONTINUE;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

/* A view no longer drawn has no frames: what is left is told at once. */
static void
on_pacer_unmap_cb (GtkWidget     *widget,
                   WardSlotModel *self)
{
  ward_slot_model_fill (self);
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
  /* Not yet told of, while the list grows: the rows up to it are. */
  if (position != GTK_INVALID_LIST_POSITION && position >= self->n)
    grow_to (self, position + 1);
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
  guint new_n = g_list_model_get_n_items (model);
  g_autoptr (GObject) selected = selected_target (self);
  g_autoptr (GArray) gone = NULL;

  /* Past the change, the rows only moved when its length changed. The
   * slots are those told of (below n), which may be fewer than the
   * model's rows were while the list was growing. */
  retarget (self, position, removed == added ? position + added : MIN (old_n, new_n));
  gone = slots_between (self, new_n, G_MAXUINT);
  for (guint k = 0; k < gone->len; k++)
    g_hash_table_remove (self->slots, GUINT_TO_POINTER (g_array_index (gone, guint, k)));
  self->target_n = new_n;
  if (new_n < old_n)
    {
      self->n = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }
  else if (self->pacer != NULL && gtk_widget_get_mapped (self->pacer) && old_n < ROWS_BUILT
           && new_n - old_n > GROW_STEP)
    {
      /* A short list grown long (the last letter of a search erased):
       * a window's worth now, the rest at the next frames. */
      grow_a_step (self);
      if (self->n < self->target_n && self->tick == 0)
        self->tick = gtk_widget_add_tick_callback (self->pacer, pace_cb, self, NULL);
    }
  else
    grow_to (self, new_n);
  if (self->n == self->target_n)
    stop_pacing (self);
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
  stop_pacing (self);
  if (self->pacer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pacer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->pacer), (gpointer *) &self->pacer);
    }
  self->pacer = NULL;
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
  self->n = self->target_n = g_list_model_get_n_items (model);
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

void
ward_slot_model_pace_with (WardSlotModel *self,
                           GtkWidget     *view)
{
  g_return_if_fail (WARD_IS_SLOT_MODEL (self) && self->pacer == NULL);
  g_return_if_fail (GTK_IS_WIDGET (view));

  self->pacer = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->pacer);
  g_signal_connect (view, "unmap", G_CALLBACK (on_pacer_unmap_cb), self);
}

void
ward_slot_model_fill (WardSlotModel *self)
{
  g_return_if_fail (WARD_IS_SLOT_MODEL (self));

  stop_pacing (self);
  grow_to (self, self->target_n);
}

guint
ward_slot_model_get_pending (WardSlotModel *self)
{
  g_return_val_if_fail (WARD_IS_SLOT_MODEL (self), 0);

  return self->target_n - self->n;
}
