/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-safety-backup"

#include "config.h"

#include <utime.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-restore.h"
#include "safety/ward-safety-file-check.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = ward_test_make_dir ("safety-backup");
  g_object_unref (ward_test_new_store (f->dir, &f->path));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
units (const char *path)
{
  g_autoptr (WardStore) store = ward_store_open (path, NULL);

  g_assert_nonnull (store);
  return ward_store_count_rows (store, "units", NULL);
}

static char *
digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

static void
test_backup_is_whole_and_private (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "copy", "ward-copy.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  GStatBuf st;

  g_assert_true (ward_backup_to_file (store, dest, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (units (dest), ==, units (f->path));
}

static void
test_auto_backup_daily_keeps_thirty (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *dir = ward_backup_dir (f->path);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *later = NULL;
  struct utimbuf old_times;

  first = ward_backup_auto (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* Not again within the day. */
  again = ward_backup_auto (store, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  /* Thirty-five older backups lying about: a new one is due, and only the
   * newest thirty are kept. */
  old_times.actime = old_times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC) - 3 * 24 * 3600;
  g_assert_cmpint (utime (first, &old_times), ==, 0);
  for (int i = 0; i < 35; i++)
    {
      g_autofree char *name = g_strdup_printf ("ward-2025010%d-0000%02d.sqlite3", i % 9 + 1, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "x", 1, NULL));
      g_assert_cmpint (utime (path, &old_times), ==, 0);
    }
  later = ward_backup_auto (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_true (g_file_test (later, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir, "ward-"), ==, WARD_BACKUPS_KEPT);
}

static void
test_restore_good_backup_keeps_current (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "saved.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *kept = NULL;
  gint64 before = units (f->path);

  g_assert_true (ward_backup_to_file (store, dest, WARD_OUTPUT_REPLACE, &error));
  g_clear_object (&store);

  /* Work goes on after the backup … */
  exec_sql (f->path, "INSERT INTO units (uuid, name, created_at, updated_at) "
                     "VALUES ('x', 'Tổ dân phố 9', 'now', 'now')");
  g_assert_cmpint (units (f->path), ==, before + 1);

  /* … then the backup is restored, and the newer file is kept aside. */
  kept = ward_restore_from_file (f->path, dest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpint (units (f->path), ==, before);
  g_assert_cmpint (units (kept), ==, before + 1);
}

typedef struct
{
  const char *name;
  const char *sql;     /* applied to a copy to spoil it, or NULL */
  const char *text;    /* or the backup is this text */
  int         code;
} BadBackup;

static const BadBackup bad_backups[] = {
  { "newer", "PRAGMA user_version = 99", NULL, WARD_ERROR_NEWER_VERSION },
  { "not-database", NULL, "Số biên lai,Số tiền\n1,500000\n", WARD_ERROR_NOT_DATABASE },
  { "tampered-ledger",
    "INSERT INTO ledger_entries (uuid, campaign_id, seq, kind, receipt_number, entry_date, amount, "
    "prev_hash, hash, created_at, updated_at) VALUES ('t', 1, 1, 'receipt', '1', '2025-09-20', 100, '', "
    "'0000', 'now', 'now')", NULL, WARD_ERROR_CORRUPT },
};

static void
test_restore_refuses_bad_backup (gconstpointer data)
{
  const BadBackup *bad = data;
  Fixture fixture, *f = &fixture;
  g_autofree char *dest = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (GError) error = NULL;

  fixture_setup (f, NULL);
  dest = g_build_filename (f->dir, "bad.sqlite3", NULL);
  if (bad->text != NULL)
    g_assert_true (g_file_set_contents (dest, bad->text, -1, NULL));
  else
    {
      g_autoptr (WardStore) store = ward_store_open (f->path, NULL);

      g_assert_true (ward_backup_to_file (store, dest, WARD_OUTPUT_REPLACE, NULL));
      g_clear_object (&store);
      exec_sql (dest, bad->sql);
    }
  before = digest (f->path);

  kept = ward_restore_from_file (f->path, dest, &error);
  g_assert_null (kept);
  g_assert_error (error, WARD_ERROR, bad->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad.sqlite3"));

  /* Nothing changed, and no stray copy is left beside the file. */
  after = digest (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (f->dir, "ward.sqlite3."), ==, 0);

  fixture_teardown (f, NULL);
}

static void
test_check_reports_broken_reference (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;

  /* Written with foreign keys off, as a careless tool outside might. */
  exec_sql (f->path, "INSERT INTO readings (uuid, target_id, year, value, created_at, updated_at) "
                     "VALUES ('r', 999, 2026, 50, 'now', 'now')");
  store = ward_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (ward_file_check_full (store, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "readings"));

  g_clear_object (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/backup/whole-and-private", test_backup_is_whole_and_private);
  ADD ("/backup/auto-daily-keeps-thirty", test_auto_backup_daily_keeps_thirty);
  ADD ("/backup/restore-keeps-current", test_restore_good_backup_keeps_current);
  ADD ("/backup/check-reports-broken-reference", test_check_reports_broken_reference);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_backups); i++)
    {
      g_autofree char *path = g_strdup_printf ("/backup/restore-refuses/%s", bad_backups[i].name);
      g_test_add_data_func (path, &bad_backups[i], test_restore_refuses_bad_backup);
    }

  return g_test_run ();
}
