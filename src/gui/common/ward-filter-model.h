/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of a model that a GtkFilter lets through, as GtkFilterListModel
 * shows them, for the long lists (issue 25). What differs is the cost of a
 * keystroke: the rows shown are kept as an array of positions in the model
 * below, so that the n-th is found at once (GTK 4.8's model counts bits
 * from the start of its set for each, and the list view asks for every row
 * a change adds: a search key that changed the number of ledger entries
 * shown took a third of a second); a change of the filter is announced as
 * one ::items-changed between the first and the last row that differ;
 * narrowing looks only at the rows shown, widening only at the others. */

#define WARD_TYPE_FILTER_MODEL (ward_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (WardFilterModel, ward_filter_model, WARD, FILTER_MODEL, GObject)

/* Takes @model and @filter. */
WardFilterModel *ward_filter_model_new       (GListModel      *model,
                                              GtkFilter       *filter);
GListModel      *ward_filter_model_get_model (WardFilterModel *self);

G_END_DECLS
