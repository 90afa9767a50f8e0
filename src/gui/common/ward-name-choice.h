/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Type-ahead in a list of names to choose from (units, lead units, chi
 * bộ, groups): a GtkDropDown or an AdwComboRow whose model is a
 * GtkStringList. With it focused, typing "to dan pho 1" chooses "Tổ dân phố
 * 1", case and tone marks left out, as the forms and imports match names
 * (ward_names_complete()); a pause of a second starts a new name, Space
 * still opens the list, and the open list keeps its own keys. (GTK 4.8's
 * enable-search matches the beginning of a name with its tone marks, and
 * puts a search entry before the list's keys: not used.) */
void ward_name_choice_install (GtkWidget *chooser);

G_END_DECLS
