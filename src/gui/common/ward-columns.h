/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Columns that give way on a narrow window, as GNOME applications do with
 * breakpoints (AdwBreakpoint is libadwaita 1.4's; Debian 12 has 1.2): a
 * secondary column is hidden while the list is narrower than @min_width
 * pixels, and shown again when it is wider, so that the name column keeps
 * its room. The width is the list's visible width (its scrolled window's
 * page), followed as the window is resized. */
void ward_columns_give_way (GtkColumnView       *view,
                            GtkColumnViewColumn *column,
                            int                  min_width);

G_END_DECLS
