/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Restore: a backup replaces the file, only when it passes the whole check
 * and after the clerk has seen what each of the two holds.
 *
 * A backup is accepted only when it is a Ward Tracker file (its
 * application id), of this version or an earlier one, undamaged
 * (integrity and foreign keys), with its ledger chain whole, and holding a
 * resolution: an empty file, /dev/null, an empty SQLite database, or one
 * of another program is refused with the reason and nothing changes. */

/* What a file holds, as the restore confirmation shows it. */
typedef struct
{
  char   *ward;            /* the ward's name, NULL without a resolution */
  gint64  n_targets;
  gint64  n_candidates;
  gint64  n_enterprises;
  gint64  n_receipts;      /* ledger entries of kind receipt */
  gint64  n_readings;
  gint64  n_programme_items;
  char   *last_receipt;    /* "no. 120 of 28/10/2025, 1.200.000 đ", NULL without one */
} WardFileSummary;

WardFileSummary *ward_file_summary_read   (WardStore             *store,
                                           GError               **error);
void             ward_file_summary_free   (WardFileSummary       *summary);
/* The rows of the comparison, for the window's grid and the command
 * line: labels (translated) and the two values as text. */
guint            ward_file_summary_n_rows (void);
const char      *ward_file_summary_label  (guint                  row);
char            *ward_file_summary_value  (const WardFileSummary *summary,
                                           guint                  row);
/* The comparison as lines of text: "Receipts    120    118". */
char            *ward_file_summary_compare (const WardFileSummary *current,
                                            const WardFileSummary *backup);

typedef struct _WardRestore WardRestore;

/* Copies @backup_path beside @db_path and checks the copy whole, writing
 * nothing else; reads what both files hold. */
WardRestore           *ward_restore_prepare     (const char   *db_path,
                                                 const char   *backup_path,
                                                 GError      **error);
/* NULL when there is no current file, or it cannot be read. */
const WardFileSummary *ward_restore_get_current (WardRestore  *restore);
const WardFileSummary *ward_restore_get_backup  (WardRestore  *restore);
/* Keeps the current file in the backups folder and renames the checked
 * copy over it. Close every store on the file first. Returns where the
 * previous file was kept ("" when there was none). */
char                  *ward_restore_commit      (WardRestore  *restore,
                                                 GError      **error);
/* Removes the copy unless it was committed. */
void                   ward_restore_free        (WardRestore  *restore);

/* Both steps at once. */
char                  *ward_restore_from_file   (const char   *db_path,
                                                 const char   *backup_path,
                                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardFileSummary, ward_file_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardRestore, ward_restore_free)

G_END_DECLS
