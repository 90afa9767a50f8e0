/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-name-list-dialog.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The list of units the office keeps: add one, rename one, remove one that
 * nothing uses. Every change goes through core (ward-programme-units.h). It is the
 * name list dialog (ward-name-list-dialog.h) over the units. */
typedef WardNameListDialog WardUnitsDialog;

WardUnitsDialog *ward_units_dialog_new (GtkWindow *parent,
                                        WardStore *store);

G_END_DECLS
