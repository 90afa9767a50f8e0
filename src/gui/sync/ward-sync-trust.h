/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sync/ward-sync-monitor.h"

G_BEGIN_DECLS

/* Asks whether to trust @signer, a desk writing in the sync folder that
 * this file does not trust yet, showing the code to compare with the one
 * that desk shows (Preferences → Data Bundles). Trusted, @monitor syncs at
 * once and that desk's files are read. */
void ward_sync_trust_ask (GtkWindow        *parent,
                          WardStore        *store,
                          WardSyncMonitor  *monitor,
                          const WardSigner *signer);

G_END_DECLS
