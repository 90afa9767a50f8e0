/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of a model as slots, one per position, for the
 * long lists (issue 25). GTK 4.8's list views keep a row's widgets across
 * ::items-changed only when the same item comes back, and build every
 * other row again (a row and a cell per column, with the factories' setup
 * and bind): a search key that changes the rows on screen rebuilt them
 * all. Here the item at position i is the same slot whatever row it shows:
 * when the model below changes, the slots are pointed at their position's
 * new row in place (each emits WardRowItem::changed, and the cells bound
 * to it bind again: ward-cell-factory.h), and only the difference in
 * length is announced, at the end. The slots nobody else holds are let
 * go rather than pointed elsewhere. A WardRowItem's slot is a WardRowItem
 * (ward_row_item_new_slot()), read as the model's items are; another
 * item's is read with ward_slot_get_item(). */

#define WARD_TYPE_SLOT_MODEL (ward_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (WardSlotModel, ward_slot_model, WARD, SLOT_MODEL, GObject)

/* Takes @model. */
WardSlotModel *ward_slot_model_new            (GListModel         *model);
GListModel    *ward_slot_model_get_model      (WardSlotModel      *self);
/* @selection (over this model) keeps the record selected across changes
 * where it moves, and selects nothing when it is no longer shown, never
 * another record that came into its slot. */
void           ward_slot_model_keep_selection (WardSlotModel      *self,
                                               GtkSingleSelection *selection);

/* Paces growth by the frames of @view (not held), the list view showing
 * this model: when the list grows by more than a window's rows (a search
 * erased back to a long list), the view is told of the first rows at once
 * and of the rest a step at each frame, so that no frame builds a hundred
 * rows of cells. A view unmapped is told of them all. Without a view, or
 * while it is not mapped, growth is told at once. */
void           ward_slot_model_pace_with      (WardSlotModel      *self,
                                               GtkWidget          *view);
/* Tells the view of every row now (before selecting one, say). */
void           ward_slot_model_fill           (WardSlotModel      *self);
/* The model's rows the view is not yet told of. */
guint          ward_slot_model_get_pending    (WardSlotModel      *self);

/* The item a slot (@item, as a list gives it) shows; @item itself when it
 * is not a slot. */
gpointer       ward_slot_get_item             (gpointer            item);

G_END_DECLS
