/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-safety"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-input.h"
#include "base/ward-output.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-file-check.h"
#include "safety/ward-safety-restore.h"

struct _WardRestore
{
  char            *db_path;
  char            *copy;       /* the checked copy beside @db_path */
  WardFileSummary *current;
  WardFileSummary *backup;
  gboolean         committed;
};

/* What a file holds ------------------------------------------------------- */

enum {
  ROW_WARD,
  ROW_TARGETS,
  ROW_CANDIDATES,
  ROW_ENTERPRISES,
  ROW_RECEIPTS,
  ROW_LAST_RECEIPT,
  ROW_READINGS,
  ROW_PROGRAMME,
  N_ROWS
};

static const char * const row_labels[N_ROWS] = {
  N_("Ward"),
  N_("Targets"),
  N_("Candidates for admission"),
  N_("Enterprises"),
  N_("Donation receipts"),
  N_("Last receipt"),
  N_("Target readings"),
  N_("Programme items"),
};

static gint64
count_where (WardStore   *store,
             const char  *sql,
             GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error), -1;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
read_last_receipt (WardStore *store)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
      "SELECT receipt_number, entry_date, amount FROM ledger_entries WHERE kind = 'receipt' "
      "ORDER BY created_at DESC, id DESC LIMIT 1", NULL);
  g_autofree char *date = NULL;
  g_autofree char *money = NULL;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  date = ward_format_date (ward_stmt_text (stmt, 1));
  money = ward_format_money (sqlite3_column_int64 (stmt, 2));
  /* TRANSLATORS: the last receipt of a file: its number, date and amount */
  return g_strdup_printf (_("no. %s of %s, %s"), ward_stmt_text (stmt, 0), date ? date : "", money);
}

WardFileSummary *
ward_file_summary_read (WardStore  *store,
                        GError    **error)
{
  g_autoptr (WardFileSummary) summary = g_new0 (WardFileSummary, 1);
  g_autoptr (WardStmt) ward = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  ward = ward_store_prepare (store, "SELECT name FROM ward WHERE id = 1", error);
  if (ward == NULL)
    return NULL;
  if (sqlite3_step (ward) == SQLITE_ROW)
    summary->ward = ward_stmt_dup_text (ward, 0);
  if ((summary->n_targets = ward_store_count_rows (store, "targets", error)) < 0
      || (summary->n_candidates = ward_store_count_rows (store, "candidates", error)) < 0
      || (summary->n_enterprises = ward_store_count_rows (store, "enterprises", error)) < 0
      || (summary->n_readings = ward_store_count_rows (store, "readings", error)) < 0
      || (summary->n_programme_items = ward_store_count_rows (store, "programme_items", error)) < 0
      || (summary->n_receipts = count_where (store, "SELECT count(*) FROM ledger_entries "
                                                    "WHERE kind = 'receipt'", error)) < 0)
    return NULL;
  summary->last_receipt = read_last_receipt (store);
  return g_steal_pointer (&summary);
}

void
ward_file_summary_free (WardFileSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->ward);
  g_free (summary->last_receipt);
  g_free (summary);
}

guint
ward_file_summary_n_rows (void)
{
  return N_ROWS;
}

const char *
ward_file_summary_label (guint row)
{
  g_return_val_if_fail (row < N_ROWS, NULL);
  return _(row_labels[row]);
}

char *
ward_file_summary_value (const WardFileSummary *summary,
                         guint                  row)
{
  g_return_val_if_fail (row < N_ROWS, NULL);

  if (summary == NULL)
    return g_strdup ("—");
  switch (row)
    {
    case ROW_WARD:
      return g_strdup (summary->ward ? summary->ward : "—");
    case ROW_LAST_RECEIPT:
      return g_strdup (summary->last_receipt ? summary->last_receipt : "—");
    case ROW_TARGETS:
      return ward_format_number (summary->n_targets);
    case ROW_CANDIDATES:
      return ward_format_number (summary->n_candidates);
    case ROW_ENTERPRISES:
      return ward_format_number (summary->n_enterprises);
    case ROW_RECEIPTS:
      return ward_format_number (summary->n_receipts);
    case ROW_READINGS:
      return ward_format_number (summary->n_readings);
    default:
      return ward_format_number (summary->n_programme_items);
    }
}

char *
ward_file_summary_compare (const WardFileSummary *current,
                           const WardFileSummary *backup)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%-28s %-36s %s\n", "", _("Now"), _("The backup"));
  for (guint row = 0; row < N_ROWS; row++)
    {
      g_autofree char *now = ward_file_summary_value (current, row);
      g_autofree char *then = ward_file_summary_value (backup, row);
      const char *label = ward_file_summary_label (row);

      /* Padded by characters, not bytes: the labels are Vietnamese. */
      g_string_append (text, label);
      for (glong n = g_utf8_strlen (label, -1); n < 29; n++)
        g_string_append_c (text, ' ');
      g_string_append (text, now);
      for (glong n = g_utf8_strlen (now, -1); n < 37; n++)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s\n", then);
    }
  return g_string_free (text, FALSE);
}

/* The copy ------------------------------------------------------------------ */

static gboolean
copy_stream (int          from,
             int          to,
             const char  *dest,
             GError     **error)
{
  char buffer[65536];
  guint64 total = 0;

  for (;;)
    {
      ssize_t n = read (from, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        break;
      if (n < 0 || (total += (guint64) n) > WARD_INPUT_DATABASE_MAX
          || write (to, buffer, (size_t) n) != n)
        {
          g_autofree char *name = g_filename_display_name (dest);
          int saved = errno;

          g_set_error (error, WARD_ERROR, saved == ENOSPC ? WARD_ERROR_DISK_FULL : WARD_ERROR_FAILED,
                       _("Cannot copy the backup beside “%s”: %s."), name, g_strerror (saved));
          return FALSE;
        }
    }
  if (fsync (to) != 0)
    {
      g_autofree char *name = g_filename_display_name (dest);

      g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
                   _("Cannot copy the backup beside “%s”: %s."), name, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* A private copy of @source at @dest (which must not exist). */
static gboolean
copy_file_private (const char  *source,
                   const char  *dest,
                   GError     **error)
{
  int from, to;
  gboolean ok;

  from = ward_input_open (source, WARD_INPUT_DATABASE_MAX, NULL, error);
  if (from < 0)
    return FALSE;
  to = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (to < 0)
    {
      g_autofree char *name = g_filename_display_name (dest);
      int saved = errno;

      close (from);
      g_set_error (error, WARD_ERROR, saved == ENOSPC ? WARD_ERROR_DISK_FULL : WARD_ERROR_READ_ONLY,
                   _("Cannot copy the backup beside “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  ok = copy_stream (from, to, dest, error);
  close (from);
  if (close (to) != 0)
    ok = FALSE;
  if (!ok)
    g_unlink (dest);
  return ok;
}

/* Before the store opens it, which would make and seed a file that holds
 * no tables: the copy must already be a Ward Tracker file of a version
 * this build reads. */
static gboolean
check_is_ward_file (const char  *copy,
                    const char  *display,
                    GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0, version = 0;

  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "SELECT application_id, user_version FROM pragma_application_id, "
                                 "pragma_user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (app_id == WARD_STORE_APPLICATION_ID && version >= 1)
    return TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
               _("“%s” was not restored: it is not a Ward Tracker backup (it is empty, or a file "
                 "of another program). Nothing was changed."), display);
  return FALSE;
}

/* Opens the private copy as the application would, then checks it whole. */
static WardFileSummary *
check_candidate (const char  *copy,
                 const char  *display,
                 GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WardFileSummary) summary = NULL;
  g_autofree char *joined = NULL;

  if (!check_is_ward_file (copy, display, error))
    return NULL;
  store = ward_store_open_existing (copy, &local_error);
  if (store == NULL)
    {
      g_autofree char *real = ward_output_resolve_path (copy);
      g_autofree char *copy_name = g_filename_display_name (real ? real : copy);
      g_autoptr (GString) reason = g_string_new (local_error->message);

      /* Speak of the file the clerk chose, not of our private copy. */
      g_string_replace (reason, copy_name, display, 0);
      g_set_error (error, WARD_ERROR, local_error->code,
                   _("“%s” was not restored: %s"), display, reason->str);
      return NULL;
    }
  if (!ward_file_check_full (store, problems, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (problems, NULL);
      joined = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("“%s” was not restored; it fails the check:\n%s"), display, joined);
      return NULL;
    }
  summary = ward_file_summary_read (store, error);
  if (summary != NULL && (summary->ward == NULL || summary->n_targets == 0))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
                   _("“%s” was not restored: it holds no resolution (no ward and no targets). "
                     "Nothing was changed."), display);
      return NULL;
    }
  return g_steal_pointer (&summary);
}

static char *
keep_current (const char  *db_path,
              GError     **error)
{
  g_autofree char *dir = ward_backup_dir (db_path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strconcat ("before-restore-", stamp, ".sqlite3", NULL);
  g_autofree char *kept = g_build_filename (dir, name, NULL);
  g_autoptr (WardStore) current = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot make the folder “%s”: %s."), dir, g_strerror (errno));
      return NULL;
    }
  /* A good current file is copied as a consistent snapshot; a damaged one,
   * byte for byte, so that nothing of it is lost either. */
  current = ward_store_open_existing (db_path, NULL);
  if (current != NULL && ward_backup_to_file (current, kept, WARD_OUTPUT_NONE, NULL))
    return g_steal_pointer (&kept);
  g_clear_object (&current);
  if (!copy_file_private (db_path, kept, error))
    return NULL;
  return g_steal_pointer (&kept);
}

static WardFileSummary *
read_current (const char *db_path)
{
  g_autoptr (WardStore) store = ward_store_open_reader (db_path, NULL);

  return store != NULL ? ward_file_summary_read (store, NULL) : NULL;
}

WardRestore *
ward_restore_prepare (const char  *db_path,
                      const char  *backup_path,
                      GError     **error)
{
  g_autofree char *display = NULL;
  WardRestore *restore;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, NULL);

  display = g_filename_display_name (backup_path);
  restore = g_new0 (WardRestore, 1);
  restore->db_path = g_strdup (db_path);
  restore->copy = g_strdup_printf ("%s.restore-%08x", db_path, g_random_int ());
  if (!copy_file_private (backup_path, restore->copy, error)
      || (restore->backup = check_candidate (restore->copy, display, error)) == NULL)
    {
      ward_restore_free (restore);
      return NULL;
    }
  restore->current = read_current (db_path);
  return restore;
}

const WardFileSummary *
ward_restore_get_current (WardRestore *restore)
{
  g_return_val_if_fail (restore != NULL, NULL);
  return restore->current;
}

const WardFileSummary *
ward_restore_get_backup (WardRestore *restore)
{
  g_return_val_if_fail (restore != NULL, NULL);
  return restore->backup;
}

char *
ward_restore_commit (WardRestore  *restore,
                     GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (restore != NULL && !restore->committed, NULL);

  kept = keep_current (restore->db_path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_rename (restore->copy, restore->db_path) != 0)
    {
      g_autofree char *name = g_filename_display_name (restore->db_path);
      int saved = errno;

      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot replace “%s”: %s. Nothing was changed."), name, g_strerror (saved));
      return NULL;
    }
  restore->committed = TRUE;
  return kept ? g_steal_pointer (&kept) : g_strdup ("");
}

void
ward_restore_free (WardRestore *restore)
{
  if (restore == NULL)
    return;
  if (!restore->committed && restore->copy != NULL)
    g_unlink (restore->copy);
  g_free (restore->db_path);
  g_free (restore->copy);
  ward_file_summary_free (restore->current);
  ward_file_summary_free (restore->backup);
  g_free (restore);
}

char *
ward_restore_from_file (const char  *db_path,
                        const char  *backup_path,
                        GError     **error)
{
  g_autoptr (WardRestore) restore = ward_restore_prepare (db_path, backup_path, error);

  return restore != NULL ? ward_restore_commit (restore, error) : NULL;
}
