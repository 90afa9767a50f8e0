/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Backups and restore (the checks they run: ward-safety-file-check.h).
 *
 * A backup is made with SQLite's online backup API after a full integrity
 * check, written beside its final name and renamed into place, mode 0600.
 * The automatic ones live in a "backups" folder beside the file. */

#define WARD_BACKUPS_KEPT 30

/* The folder of automatic backups for the file at @db_path. */
char     *ward_backup_dir           (const char  *db_path);

gboolean  ward_backup_to_file       (WardStore   *store,
                                     const char  *dest_path,
                                     GError     **error);

/* Makes a backup into the backups folder when the newest there is older than
 * 24 hours (or there is none), then keeps only the newest
 * WARD_BACKUPS_KEPT. Returns the path of the new backup, or NULL with no
 * error when none was due. */
char     *ward_backup_auto          (WardStore   *store,
                                     GError     **error);

/* Replaces the file at @db_path with the backup at @backup_path. The backup
 * is checked first on a private copy (not newer, not damaged, a Ward
 * Tracker file, its ledger chain whole; an older one is brought up to
 * date); then the current file is kept in the backups folder and the copy
 * is renamed over it. A bad backup is refused with the reason and nothing
 * changes. Close every store on @db_path before calling this. Returns the
 * path where the previous file was kept (may be NULL if there was none). */
char     *ward_restore_from_file    (const char  *db_path,
                                     const char  *backup_path,
                                     GError     **error);

G_END_DECLS
