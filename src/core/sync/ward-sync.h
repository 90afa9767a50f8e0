/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "exchange/ward-exchange.h"
#include "exchange/ward-exchange-sign.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* Several desks, one office, a shared folder. Each installation writes its
 * own changes into its own sub-folder of a folder that something else keeps
 * in step between machines (Syncthing, a Nextcloud folder, a mounted share,
 * a USB stick), and reads the others'. No file in the folder ever has two
 * writers, so a file-sync tool never holds two versions of one file:
 *
 *   <folder>/<installation id>/<sequence>.wtchange
 *
 * A change file is sealed with its writer's key (ward-exchange-sign.h):
 *   { "format": "ward-tracker-change", "version": 1, "installation",
 *     "sequence", "previous", "books": [ { "campaign", "book", "seq",
 *     "hash" } ], "bundle": "<the sealed bundle of what changed>" }
 * It is written under a temporary name, flushed, renamed into place, and
 * never rewritten. "previous" is the writer's sequence before this one:
 * a file is applied once its writer's previous file was.
 *
 * Reading never trusts clocks: each writer's files in the order of its
 * sequence numbers, each applied whole through the bundles' merge (one
 * transaction) or not at all. What sync tools do to a folder is normal:
 * files still being copied are left for later, conflict copies and
 * temporary files are ignored (only "<digits>.wtchange" is read), a missing
 * folder is "not reachable" and retried. */

#define WARD_SYNC_FORMAT    "ward-tracker-change"
#define WARD_SYNC_VERSION   1
#define WARD_SYNC_EXTENSION ".wtchange"

/* A change file whose conflicts wait for a person. */
typedef struct
{
  char           *installation;
  guint64         sequence;
  char           *path;
  char           *scope;        /* "": the office's folder; else the campaign's uuid */
  WardBundlePlan *plan;
} WardSyncPending;

WardSyncPending *ward_sync_pending_copy (const WardSyncPending *pending);
void             ward_sync_pending_free (WardSyncPending       *pending);

typedef struct
{
  char      *folder;
  guint      n_written;    /* change files this sync wrote (0 or 1) */
  guint      n_applied;    /* other desks' files applied */
  guint      n_waiting;    /* incomplete or not yet applicable: left for later */
  guint      n_desks;      /* installations writing in the folder, this one included */
  char      *synced_at;    /* this computer's clock, ISO 8601 UTC: shown, never compared */
  GPtrArray *waiting;      /* char *: why a desk's next file waits (normal while a copy runs) */
  GPtrArray *problems;     /* char *: what a person must see to (untrusted, newer, rewritten book) */
  GPtrArray *pending;      /* WardSyncPending */
  GPtrArray *untrusted;    /* WardSigner: desks writing in the folder that this file does not
                            * trust yet (or whose key changed), each once, their signature
                            * verified: what a person compares before trusting */
} WardSyncReport;

void        ward_sync_report_free     (WardSyncReport *report);
/* Lines of text for the command line. */
char       *ward_sync_report_format   (WardSyncReport *report);

/* Asked for a change file with conflicts: set every choice in @plan
 * (ward_bundle_plan_set_choice()) and return TRUE, or FALSE to leave the
 * file for later (it is then in the report's pending list). */
typedef gboolean (*WardSyncDecideFunc) (WardStore      *store,
                                        WardBundlePlan *plan,
                                        gpointer        user_data);

/* The folder stored in this file (setting "sync-folder"), or NULL. */
char       *ward_sync_dup_folder      (WardStore   *store);
/* Stores @folder (an absolute path; NULL or "" forgets it). */
gboolean    ward_sync_set_folder      (WardStore   *store,
                                       const char  *folder,
                                       GError     **error);

/* Scopes. An installation is an office desk (everything) or a collection
 * laptop for one campaign, which syncs only that campaign's folder and so
 * never receives candidates' personal data (Nghị định 13/2023/NĐ-CP). The
 * office writes each campaign's ledger to that campaign's folder as well,
 * and reads the laptops' receipts there, passing them on to its own
 * folder. */
/* @campaign_uuid NULL: an office desk. */
gboolean    ward_sync_set_laptop_scope   (WardStore   *store,
                                          const char  *campaign_uuid,
                                          GError     **error);
/* The office's folder for one campaign (an absolute path; NULL forgets it). */
gboolean    ward_sync_set_campaign_folder (WardStore  *store,
                                           const char *campaign_uuid,
                                           const char *folder,
                                           GError    **error);

/* One sync: writes this installation's changes since its last change file,
 * then applies every other installation's files not applied yet. @folder
 * NULL: the stored one. FALSE with WARD_ERROR_NOT_FOUND when no folder is
 * set or it is not reachable (nothing changed: try again later), or on an
 * error of this file. Files that cannot be applied (untrusted, newer,
 * conflicts undecided) are said in the report, not errors. */
gboolean    ward_sync_run             (WardStore           *store,
                                       const char          *folder,
                                       WardSyncDecideFunc   decide,
                                       gpointer             user_data,
                                       WardSyncReport     **report_out,
                                       GError             **error);

/* Applies a pending file once a person decided its conflicts; the
 * decision goes out in this installation's next change file. */
gboolean    ward_sync_apply_pending   (WardStore        *store,
                                       WardSyncPending  *pending,
                                       GError          **error);

/* Compacting: syncs, then writes a snapshot of every record this desk
 * holds into its own sub-folder, with how far it had applied each desk's
 * files. A desk that has read nothing from the folder yet starts from the
 * newest snapshot and reads only the change files after it. @path_out
 * (may be NULL) receives the snapshot's path. */
gboolean        ward_sync_write_snapshot (WardStore   *store,
                                          const char  *folder,
                                          char       **path_out,
                                          GError     **error);

/* ward_sync_run() with the stored folder on a worker thread, on a
 * connection of its own to the file at @database_path; conflicts are left
 * pending for the window. */
void            ward_sync_run_async   (const char          *database_path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
WardSyncReport *ward_sync_run_finish  (GAsyncResult        *result,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardSyncReport, ward_sync_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardSyncPending, ward_sync_pending_free)

G_END_DECLS
