/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of a model that a GtkFilter lets through, in a GtkSorter's
 * order, as a GtkFilterListModel over a GtkSortListModel shows them, for
 * the long lists (issue 25). What differs is the cost of a
 * keystroke: the rows shown are kept as an array of positions in the model
 * below, so that the n-th is found at once (GTK 4.8's model counts bits
 * from the start of its set for each, and the list view asks for every row
 * a change adds: a search key that changed the number of ledger entries
 * shown took a third of a second); a change of the filter is announced as
 * one ::items-changed between the first and the last row that differ;
 * narrowing looks only at the rows shown, widening only at the others.
 * The order is kept as positions too, and over a WardRowModel the filter
 * and the sorter are handed one scratch item pointed at each row in turn:
 * no object is made per row (GtkSortListModel held one for each, 5 MB for
 * the ledger's 100,000 entries). Rows the sorter holds equal keep the
 * model's order. A new order shows the same rows. */

#define WARD_TYPE_FILTER_MODEL (ward_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (WardFilterModel, ward_filter_model, WARD, FILTER_MODEL, GObject)

/* Takes @model, @filter and @sorter (NULL: the model's order). */
WardFilterModel *ward_filter_model_new       (GListModel      *model,
                                              GtkFilter       *filter,
                                              GtkSorter       *sorter);
GListModel      *ward_filter_model_get_model (WardFilterModel *self);
/* The position in the model below of the row shown at @position. */
guint            ward_filter_model_get_model_position (WardFilterModel *self,
                                                       guint            position);

G_END_DECLS
