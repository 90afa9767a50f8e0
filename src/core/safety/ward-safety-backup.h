/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "base/ward-output.h"
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

/* Through ward_output_open(): never over the open database, over an
 * existing file only with WARD_OUTPUT_REPLACE. */
gboolean  ward_backup_to_file       (WardStore        *store,
                                     const char       *dest_path,
                                     WardOutputFlags   flags,
                                     GError          **error);

/* Makes a backup into the backups folder when the newest there is older than
 * 24 hours (or there is none), then keeps only the newest
 * WARD_BACKUPS_KEPT. Returns the path of the new backup, or NULL with no
 * error when none was due. */
char     *ward_backup_auto          (WardStore   *store,
                                     GError     **error);

G_END_DECLS
