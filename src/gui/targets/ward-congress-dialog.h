/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Asks once for the date of the congress that adopted the resolution, for a
 * file made before it was kept whose ward is not the seed's: the counted
 * targets count from it. Does nothing when the date is known or the user
 * was asked already (ward_resolution_should_ask_congress()). */
void ward_congress_dialog_ask (GtkWindow *parent,
                               WardStore *store);

G_END_DECLS
