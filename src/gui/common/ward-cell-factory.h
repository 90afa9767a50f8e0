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

G_END_DECLS
