/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "targets/ward-targets-readings.h"

G_BEGIN_DECLS

/* The form of one reading of a target: new or edited. It reads and checks
 * every field through core (ward_reading_set_text, ward_reading_save) and
 * shows a refused value inline, naming the field, storing nothing; on
 * success it emits ::saved with the reading's id and closes. */

#define WARD_TYPE_READING_DIALOG (ward_reading_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardReadingDialog, ward_reading_dialog, WARD, READING_DIALOG, AdwWindow)

/* @reading: the reading to edit (copied), or NULL for a new one. */
WardReadingDialog *ward_reading_dialog_new (GtkWindow         *parent,
                                            WardStore         *store,
                                            WardTarget        *target,
                                            const WardReading *reading);
/* The reading as the form opened it (id 0 for a new one). */
const WardReading *ward_reading_dialog_get_reading (WardReadingDialog *self);

G_END_DECLS
