/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/ward-store.h"
#include "sync/ward-sync.h"

G_BEGIN_DECLS

/* Syncs the window's file with its shared folder (src/core/sync) without
 * ever blocking the window: on opening, a few seconds after each change,
 * when a file arrives in the folder (a file monitor), and every minute
 * (shares that send no file events; a folder that was not reachable). One
 * sync at a time, on a worker thread; the pages reload through the store's
 * ::changed as after any other change.
 *
 * "status" is what the header shows: "Đã đồng bộ lúc 10:32 · 4 máy", or
 * what is wrong in a few words ("details" has the sentences); "active" is
 * FALSE while no folder is set. */
#define WARD_TYPE_SYNC_MONITOR (ward_sync_monitor_get_type ())
G_DECLARE_FINAL_TYPE (WardSyncMonitor, ward_sync_monitor, WARD, SYNC_MONITOR, GObject)

WardSyncMonitor *ward_sync_monitor_new        (WardStore       *store);
const char      *ward_sync_monitor_get_status (WardSyncMonitor *self);
gboolean         ward_sync_monitor_get_active (WardSyncMonitor *self);
gboolean         ward_sync_monitor_get_failed (WardSyncMonitor *self);
/* The whole sentences behind the status: for its tooltip. */
const char      *ward_sync_monitor_get_details (WardSyncMonitor *self);
/* The first change file of the last sync whose conflicts wait for a
 * person, or NULL. */
const WardSyncPending *ward_sync_monitor_get_pending (WardSyncMonitor *self);
/* Syncs now (or right after the sync under way). */
/* A desk writing in the folder that this file does not trust yet; NULL
 * for none. */
const WardSigner *ward_sync_monitor_get_untrusted (WardSyncMonitor *self);
void             ward_sync_monitor_sync_now   (WardSyncMonitor *self);

G_END_DECLS
