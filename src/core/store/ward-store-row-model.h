/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/ward-store-rows.h"

G_BEGIN_DECLS

/* WardRows as a GListModel, for the column views of the admissions,
 * enterprises and donations pages. Each item is a small object pointing at
 * its row, made when asked for and kept while someone holds it: as long as
 * it lives, the model gives the same object for its row. A filter or a
 * sort looks at every row through one scratch item instead
 * (ward_row_model_point()). */

#define WARD_TYPE_ROW_ITEM (ward_row_item_get_type ())
G_DECLARE_FINAL_TYPE (WardRowItem, ward_row_item, WARD, ROW_ITEM, GObject)

WardRows      *ward_row_item_get_rows  (WardRowItem *self);
guint          ward_row_item_get_index (WardRowItem *self);
/* The row: a WardCandidateRow, a WardEnterpriseRow, a WardLedgerEntry. */
gconstpointer  ward_row_item_get_row   (WardRowItem *self);

/* A slot: an item that stands at one position of a list and shows in turn
 * whichever item is there (gui/common/ward-slot-model.h), so that a list
 * view keeps its row widgets when a search changes the rows. Its rows,
 * index and row are its target's; ::changed tells when it is pointed at
 * another item. */
WardRowItem   *ward_row_item_new_slot    (WardRowItem *target);
WardRowItem   *ward_row_item_get_target  (WardRowItem *self);
void           ward_row_item_set_target  (WardRowItem *self,
                                          WardRowItem *target);

/* An item of no model, to point at rows with ward_row_model_point(). */
WardRowItem   *ward_row_item_new_scratch (void);

#define WARD_TYPE_ROW_MODEL (ward_row_model_get_type ())
G_DECLARE_FINAL_TYPE (WardRowModel, ward_row_model, WARD, ROW_MODEL, GObject)

/* @same_row (may be NULL) tells two rows apart across a reload: given it,
 * a reload announces only the rows between the first and the last that
 * changed, and the items of the others are kept, so that the view keeps
 * its place and its selection. Without it a reload replaces every item. */
WardRowModel  *ward_row_model_new      (GEqualFunc    same_row);
/* Replaces the rows (NULL: none) with one ::items-changed, if any changed. */
void           ward_row_model_set_rows (WardRowModel *self,
                                        WardRows     *rows);
WardRows      *ward_row_model_get_rows (WardRowModel *self);
/* Points @scratch at the row at @position and returns it: what a GtkFilter
 * or a GtkSorter is handed for that row, without an object per row. Valid
 * until pointed elsewhere; never the item a list holds for the row. */
WardRowItem   *ward_row_model_point    (WardRowModel *self,
                                        WardRowItem  *scratch,
                                        guint         position);

G_END_DECLS
