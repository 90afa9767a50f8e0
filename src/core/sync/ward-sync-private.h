/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sync/ward-sync.h"

G_BEGIN_DECLS

/* ---- The folder (ward-sync-folder.c) ------------------------------------ */

/* The installations writing in @folder: the names of its sub-folders that
 * are installation ids (uuids), sorted. */
GPtrArray *sync_folder_list_writers  (const char  *folder,
                                      GError     **error);
/* The sequence numbers of @dir's change files ("<digits>.wtchange"; every
 * other name is a sync tool's or a person's and is ignored), ascending. */
GArray    *sync_folder_list_sequences (const char *dir);
char      *sync_folder_change_path   (const char  *folder,
                                      const char  *installation,
                                      guint64      sequence);
/* Writes @bytes at @path whole or not at all: a temporary name in the same
 * folder, flushed, renamed into place, the folder flushed. Refuses to
 * replace a file: a change file is never rewritten. */
gboolean   sync_folder_write_new     (const char  *path,
                                      GBytes      *bytes,
                                      GError     **error);

/* ---- This installation's files (ward-sync-write.c) ---------------------- */

/* @scope, here and below: "" for the office's folder, a campaign's uuid for
 * that campaign's folder (a collection laptop's only one). */

/* Writes a change file of what changed here since the last one, if
 * anything did; @written_out is TRUE when a file was written. */
gboolean   sync_write_own            (WardStore   *store,
                                      const char  *folder,
                                      const char  *scope,
                                      gboolean    *written_out,
                                      GError     **error);
/* The heads of this installation's receipt books, one per campaign. */
JsonArray *sync_own_books            (WardStore   *store,
                                      GError     **error);
gint64     sync_max_audit_id         (WardStore   *store,
                                      GError     **error);
/* @header with "bundle": @bundle's text, sealed with this desk's key. */
GBytes    *sync_seal_with_bundle     (WardStore   *store,
                                      JsonObject  *header,
                                      GBytes      *bundle,
                                      GError     **error);
/* How far this desk has applied every other desk's files (of @writers
 * only, when not NULL). */
JsonObject *sync_seen_peers          (WardStore   *store,
                                      GPtrArray   *writers,
                                      GError     **error);

/* ---- The other installations' files (ward-sync-read.c) ------------------ */

gboolean   sync_read_others          (WardStore           *store,
                                      const char          *folder,
                                      const char          *scope,
                                      WardSyncDecideFunc   decide,
                                      gpointer             user_data,
                                      WardSyncReport      *report,
                                      GError             **error);

/* Marks the audit rows after @from_id as written by another desk's file. */
gboolean   sync_remember_foreign     (WardStore   *store,
                                      gint64       from_id,
                                      const char  *scope,
                                      GError     **error);

/* ---- Snapshots (ward-sync-snapshot.c) ----------------------------------- */

gboolean   sync_start_from_snapshot  (WardStore   *store,
                                      const char  *folder,
                                      GPtrArray   *writers);

G_END_DECLS
