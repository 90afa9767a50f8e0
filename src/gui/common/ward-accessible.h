/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK 4.8 gives list items no accessible label (GtkListItem gains one in
 * 4.12), and libadwaita 1.2's AdwComboRow shows the chosen item in the row,
 * and the items of its popup, as focusable list items that a screen reader
 * announces without a name. This gives @row factories that draw the items as
 * libadwaita does (the popup's with a check mark on the chosen one) and name
 * each after the text it shows: the row's expression, or the string of a
 * GtkStringList. Call it once, after the row's template is built. */
void ward_combo_row_name_items (AdwComboRow *row);

/* libadwaita 1.2's own windows (AdwAboutWindow, AdwPreferencesWindow) leave
 * some controls unnamed: the back buttons of their subpages, their search
 * entry, the text views of the About window's subpages, its version button.
 * This names those found under @root: "Back", "Search", a text view after
 * the title of the header bar above it, a button after the label inside it. */
void ward_accessible_name_adw_internals (GtkWidget *root);

G_END_DECLS
