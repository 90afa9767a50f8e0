/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ward-store.h"

G_BEGIN_DECLS

/* The list of units the office keeps: add one, rename one, remove one that
 * nothing uses. Every change goes through core (ward-units.h). */

#define WARD_TYPE_UNITS_DIALOG (ward_units_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardUnitsDialog, ward_units_dialog, WARD, UNITS_DIALOG, AdwWindow)

WardUnitsDialog *ward_units_dialog_new (GtkWindow *parent,
                                        WardStore *store);

G_END_DECLS
