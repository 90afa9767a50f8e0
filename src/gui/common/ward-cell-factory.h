/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The factory of a list page's cells: a GtkSignalListItemFactory whose
 * "setup" is @setup and whose "bind" is @bind (both with @user_data), that
 * also binds a cell again whenever the slot it shows is pointed at another
 * row (WardRowItem::changed, ward-slot-model.h), so that a search changes
 * the texts of the rows on screen instead of building new rows. @bind
 * sets everything a cell shows, as it does when the view gives the cell
 * another row. */
GtkListItemFactory *ward_cell_factory_new (GCallback setup,
                                           GCallback bind,
                                           gpointer  user_data);

/* A cell that shows one line of text, cut short with an ellipsis: a
 * GtkInscription, made for list cells, which measures from @min_chars and
 * @nat_chars without laying its text out (a label shapes its text to be
 * measured, and a search that changes the rows measures every row the
 * view keeps, about 200, not only those on screen). */
GtkWidget          *ward_cell_text_new    (int         min_chars,
                                           int         nat_chars,
                                           float       xalign);
/* Its text, also its accessible name (what screen readers and the UI tests
 * read). */
void                ward_cell_text_set    (GtkWidget  *cell,
                                           const char *text);

G_END_DECLS
