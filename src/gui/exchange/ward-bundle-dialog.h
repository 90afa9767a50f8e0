/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"
#include "sync/ward-sync.h"

G_BEGIN_DECLS

#define WARD_TYPE_BUNDLE_DIALOG (ward_bundle_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardBundleDialog, ward_bundle_dialog, WARD, BUNDLE_DIALOG, AdwWindow)

/* Export Data Bundle…: the start date (by default the day of the last
 * export, empty for every record) and this computer's receipt book
 * prefix, then where to save; a toast on @parent says what was written. */
void ward_bundle_dialog_export (GtkWindow *parent,
                                WardStore *store);

/* Import Data Bundle…: asks for a bundle, then shows what importing it
 * would add, update and delete per register, and each record changed on
 * both computers with both versions and a choice; nothing is stored until
 * Import. */
void ward_bundle_dialog_import (GtkWindow *parent,
                                WardStore *store);

/* A change file of the shared folder whose conflicts wait for a person:
 * the same summary and choices as a bundle's; Import applies it, and the
 * decision goes out in this desk's next change file. */
void ward_bundle_dialog_decide_sync (GtkWindow             *parent,
                                     WardStore             *store,
                                     const WardSyncPending *pending);

G_END_DECLS
