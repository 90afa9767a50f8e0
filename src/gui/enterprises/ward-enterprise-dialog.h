/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "enterprises/ward-enterprises.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_ENTERPRISE_DIALOG (ward_enterprise_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardEnterpriseDialog, ward_enterprise_dialog, WARD, ENTERPRISE_DIALOG, AdwWindow)

/* The form of one enterprise: a new one when @id is 0. Every field is read
 * and checked by core (ward_enterprise_set_field, ward_enterprise_validate);
 * a refused value is shown under its field and nothing is stored.
 *
 * Signals: ::saved (gint64 id, gboolean is_new, const char *warning or
 * NULL) after storing; ::delete-requested (gint64 id) when the clerk asks
 * to delete the record, which the page does with an undo. */
WardEnterpriseDialog *ward_enterprise_dialog_new (GtkWindow *parent,
                                                  WardStore *store,
                                                  gint64     id,
                                                  GError   **error);
/* The record as the form opened it, before any edit. */
const WardEnterprise *ward_enterprise_dialog_get_record (WardEnterpriseDialog *self);

G_END_DECLS
