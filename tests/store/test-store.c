/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "store/ward-store-checks.h"
#include "store/ward-store.h"
#include "store/ward-store-rows.h"
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
  f->dir = ward_test_make_dir ("store");
  f->path = g_build_filename (f->dir, "ward.sqlite3", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count (WardStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
query_text (WardStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_fresh_file_is_seeded (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *journal = NULL;
  g_autofree char *ward = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (ward_store_get_version (store), ==, ward_store_schema_version ());
  g_assert_cmpint (count (store, "PRAGMA user_version"), ==, ward_store_schema_version ());
  g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (store, "PRAGMA synchronous"), ==, 2); /* FULL */
  journal = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");

  ward = query_text (store, "SELECT name FROM ward");
  g_assert_cmpstr (ward, ==, "Phường Đông Sơn");
  g_assert_cmpint (count (store, "SELECT count(*) FROM ward WHERE term_start_year = 2025 AND term_end_year = 2030"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets"), ==, 11);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets WHERE source = 'admissions' AND goal = 600"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets WHERE source = 'enterprises' AND goal = 750"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets WHERE comparison = '>' AND goal = 85"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets WHERE kind = 'growth' AND goal = 11.8"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM programme_groups WHERE kind = 'task'"), ==, 6);
  g_assert_cmpint (count (store, "SELECT count(*) FROM programme_groups WHERE kind = 'breakthrough'"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM campaigns WHERE name LIKE '%Cuba%'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM units WHERE name = 'Ủy ban MTTQ'"), ==, 1);

  /* Every row carries a UUID and its times. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets WHERE length (uuid) = 36 "
                                 "AND created_at LIKE '____-__-__T__:__:__Z' AND updated_at = created_at"), ==, 11);
}

static void
test_new_file_is_private (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "sub", "dir", "ward.sqlite3", NULL);
  g_autoptr (WardStore) store = NULL;
  GStatBuf st;

  /* The folder is made too, as for the default path on first start. */
  store = ward_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_migrates_every_earlier_version (Fixture       *f,
                                     gconstpointer  data)
{
  for (int version = 1; version < ward_store_schema_version (); version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.sqlite3", f->dir, version);
      g_autoptr (GError) error = NULL;
      g_autoptr (WardStore) old = NULL;
      g_autoptr (WardStore) store = NULL;

      old = ward_store_open_full (path, NULL, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count (old, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (count (old, "SELECT count(*) FROM targets"), ==, 11);
      g_clear_object (&old);

      store = ward_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ward_store_get_version (store), ==, ward_store_schema_version ());
      g_assert_cmpint (count (store, "PRAGMA user_version"), ==, ward_store_schema_version ());
      /* The data written by the old version is all still there. */
      g_assert_cmpint (count (store, "SELECT count(*) FROM targets"), ==, 11);
      g_assert_cmpint (count (store, "SELECT count(*) FROM programme_groups"), ==, 8);
      /* Đông Sơn's file takes the congress date from the seed. */
      g_assert_cmpint (count (store, "SELECT count(*) FROM ward WHERE congress_date = '2025-08-16' "
                                     "AND term_end_date = '2030-12-31'"), ==, 1);
    }
}

/* Issue 18: a file from before enterprises kept their VSIC version gets
 * 2018 for every code it holds (all were checked against VSIC 2018), and
 * nothing for an enterprise without one. */
static void
test_migration_marks_vsic_2018 (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) old = NULL;
  g_autoptr (WardStore) store = NULL;
  int version = ward_store_schema_version () - 1;

  /* The last version without the column, whatever its number. */
  for (; version > 1; version--)
    {
      g_autofree char *path = g_strdup_printf ("%s/probe-v%d.sqlite3", f->dir, version);
      g_autoptr (WardStore) probe = ward_store_open_full (path, NULL, version, &error);

      g_assert_no_error (error);
      if (count (probe, "SELECT count(*) FROM pragma_table_info ('enterprises') "
                        "WHERE name = 'vsic_version'") == 0)
        break;
    }

  old = ward_store_open_full (f->path, NULL, version, &error);
  g_assert_no_error (error);
  g_assert_true (ward_store_exec (old,
    "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, vsic, "
    "registered_on, created_at, updated_at) VALUES "
    "('00000000-0000-4000-8000-000000000001', '0100109106', 'A', 'a', 'a', 'llc-one', '6201', "
    "'2024-03-01', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z'), "
    "('00000000-0000-4000-8000-000000000002', '0300588569', 'B', 'b', 'b', 'llc-one', NULL, "
    "'2024-03-01', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z')", &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = ward_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT vsic_version FROM enterprises WHERE vsic = '6201'"), ==, 2018);
  g_assert_cmpint (count (store, "SELECT count(*) FROM enterprises WHERE vsic IS NULL "
                                 "AND vsic_version IS NULL"), ==, 1);
}

static void
test_newer_file_refused_untouched (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  sql = g_strdup_printf ("PRAGMA user_version = %d", ward_store_schema_version () + 1);
  raw_exec (f->path, sql);
  before = file_digest (f->path);

  store = ward_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_database_refused (Fixture       *f,
                             gconstpointer  data)
{
  const char *text = "Họ và tên,Ngày sinh\nNguyễn Văn An,01/02/1990\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));
  store = ward_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE);

  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static void
test_other_programs_database_refused (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  raw_exec (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An')");
  before = file_digest (f->path);

  store = ward_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE);

  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corrupt_file_refused_untouched (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char garbage[512];
  int page_size;
  int fd;

  g_assert_no_error (error);
  page_size = (int) count (store, "PRAGMA page_size");
  g_clear_object (&store);

  /* Scribble over the b-tree pages after the first, as a bad sector or an
   * interrupted copy would, keeping the header intact. */
  memset (garbage, 0xA5, sizeof garbage);
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (int page = 1; page < 12; page++)
    {
      g_assert_cmpint (lseek (fd, (off_t) page * page_size, SEEK_SET), >=, 0);
      g_assert_cmpint (write (fd, garbage, sizeof garbage), ==, sizeof garbage);
    }
  close (fd);
  before = file_digest (f->path);

  store = ward_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == WARD_ERROR);
  g_assert_true (error->code == WARD_ERROR_CORRUPT || error->code == WARD_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, f->path));

  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_busy_file_reports_busy (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  sqlite3 *other = NULL;

  g_assert_no_error (error);

  /* A second program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (ward_store_begin (store, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_BUSY);
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (ward_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (ward_store_commit (store, &error));
}

static void
test_ledger_is_append_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = ward_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO ledger_entries (uuid, campaign_id, seq, kind, receipt_number, "
                                 "entry_date, amount, prev_hash, hash, created_at, updated_at) "
                                 "VALUES ('u1', 1, 1, 'receipt', '1', '2025-09-20', 500000, '', 'h', 'now', 'now')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE ledger_entries SET amount = 5", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM ledger_entries", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (count (store, "SELECT amount FROM ledger_entries"), ==, 500000);
}

static void
test_changes_are_audited (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *old_values = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  db = ward_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE units SET name = 'Công an phường Đông Sơn' "
                                     "WHERE name = 'Công an phường'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit WHERE table_name = 'units' AND action = 'update'"), ==, 1);
  old_values = query_text (store, "SELECT json_extract (old_values, '$.name') FROM audit WHERE action = 'update'");
  g_assert_cmpstr (old_values, ==, "Công an phường");
}

/* The installation's id and its receipt book, which the ledger writes in
 * and bundles carry (ward-store-installation.c). */
static void
test_installation_and_book (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (WardStore) store = ward_test_open_store (f->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = ward_store_dup_installation_id (store, &error);
  g_autofree char *again = ward_store_dup_installation_id (store, &error);
  g_autofree char *book = ward_store_dup_book (store, &error);
  g_autofree char *mine = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (id, ==, again);
  /* The default book comes from the installation id. */
  g_assert_cmpuint (strlen (book), ==, 6);
  expected = g_ascii_strup (id, 6);
  g_assert_cmpstr (book, ==, expected);

  g_assert_false (ward_store_set_book (store, "Q 03", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ward_store_set_book (store, " Q03 ", &error));
  mine = ward_store_dup_book (store, &error);
  g_assert_cmpstr (mine, ==, "Q03");
}

static void
on_changed_cb (WardStore  *store,
               const char *table,
               GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_changed_is_emitted_after_commit (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_signal_connect (store, "changed::units", G_CALLBACK (on_changed_cb), seen);

  g_assert_true (ward_store_begin (store, &error));
  ward_store_notify_changed (store, "units");
  ward_store_notify_changed (store, "targets");
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (ward_store_commit (store, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, "units");

  /* A rolled back change is never announced. */
  g_assert_true (ward_store_begin (store, &error));
  ward_store_notify_changed (store, "units");
  ward_store_rollback (store);
  g_assert_cmpuint (seen->len, ==, 1);
}

static void
test_deleted_file_is_put_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autoptr (WardStore) reopened = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (ward_store_set_setting (store, "kept", "yes", &error));

  /* Someone deletes the file while the window has it open. */
  g_assert_cmpint (g_unlink (f->path), ==, 0);

  g_assert_false (ward_store_begin (store, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "written back"));
  g_clear_error (&error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* Work goes on, into the file in its place. */
  g_assert_true (ward_store_set_setting (store, "after", "yes", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  reopened = ward_store_open (f->path, &error);
  g_assert_no_error (error);
  kept = ward_store_dup_setting (reopened, "kept");
  after = ward_store_dup_setting (reopened, "after");
  g_assert_cmpstr (kept, ==, "yes");
  g_assert_cmpstr (after, ==, "yes");
  g_assert_cmpint (count (reopened, "SELECT count(*) FROM targets"), ==, 11);
}

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autofree char *missing = NULL;
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  missing = ward_store_dup_setting (store, "installation-id");
  g_assert_null (missing);
  g_assert_true (ward_store_set_setting (store, "installation-id", "abc", &error));
  g_assert_true (ward_store_set_setting (store, "installation-id", "def", &error));
  value = ward_store_dup_setting (store, "installation-id");
  g_assert_cmpstr (value, ==, "def");
}

/* A page deep in the file, scribbled over: the file opens (its schema is
 * intact) and only the integrity check finds the damage. */
static void
damage_index_page (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  char garbage[65536];
  gint64 page_size, root;
  int fd;

  g_assert_no_error (error);
  page_size = count (store, "PRAGMA page_size");
  root = count (store, "SELECT rootpage FROM sqlite_schema WHERE name = 'audit_row'");
  g_assert_cmpint (root, >, 1);
  g_assert_cmpint (page_size, <=, (gint64) sizeof garbage);
  g_clear_object (&store);

  memset (garbage, 0xA5, sizeof garbage);
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (lseek (fd, (off_t) ((root - 1) * page_size), SEEK_SET), >=, 0);
  g_assert_cmpint (write (fd, garbage, page_size), ==, page_size);
  close (fd);
}

static gpointer
run_check_thread (gpointer data)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = ward_store_run_check (data, &error);

  g_assert_true (ok == (error == NULL));
  return GINT_TO_POINTER (ok ? 1 : g_error_matches (error, WARD_ERROR, WARD_ERROR_CORRUPT) ? 2 : 3);
}

static void
test_damage_found_later_refuses_writes (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GThread *thread;

  damage_index_page (f);
  before = file_digest (f->path);

  /* Opened at once, for the window to show ... */
  store = ward_store_open_check_later (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (ward_store_is_checked (store));

  /* ... but nothing written before the check, even past ward_store_begin() */
  g_assert_false (ward_store_exec (store, "INSERT INTO settings (uuid, key, value, created_at, updated_at) "
                                          "VALUES ('u', 'k', 'v', 't', 't')", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The check runs on a worker thread and finds the damage. */
  thread = g_thread_new ("check", run_check_thread, store);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, 2);
  g_assert_true (ward_store_is_checked (store));

  /* From then on every write is refused, naming the file. */
  g_assert_false (ward_store_begin (store, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  g_assert_false (ward_store_set_setting (store, "k", "v", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_CORRUPT);
  g_clear_error (&error);
  g_clear_object (&store);

  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);

  /* Opened the ordinary way, the same file is refused outright. */
  store = ward_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_CORRUPT);
}

static gboolean
insert_setting (WardStore  *store,
                const char *key,
                GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO settings (uuid, key, value, created_at, updated_at) "
                                          "VALUES ('%s', '%s', 'v', 't', 't')", key, key);

  return ward_store_exec (store, sql, error);
}

static void
test_sound_file_checked_at_first_write (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open_full (f->path, NULL, ward_store_schema_version () - 1, &error);
  g_autofree char *value = NULL;
  GThread *thread;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* A file about to be migrated is checked before the migration writes. */
  store = ward_store_open_check_later (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (ward_store_is_checked (store));
  g_clear_object (&store);

  /* One at the current version is checked later: by the first write when
   * no worker has done it yet ... */
  store = ward_store_open_check_later (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (ward_store_is_checked (store));
  g_assert_false (insert_setting (store, "raw", &error));    /* past ward_store_begin(): refused */
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (ward_store_set_setting (store, "k", "v", &error));
  g_assert_no_error (error);
  g_assert_true (ward_store_is_checked (store));
  value = ward_store_dup_setting (store, "k");
  g_assert_cmpstr (value, ==, "v");
  g_clear_object (&store);

  /* ... or by a worker, after which writes go straight through. */
  store = ward_store_open_check_later (f->path, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("check", run_check_thread, store);
  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, 1);
  g_assert_true (ward_store_begin (store, &error));
  g_assert_true (ward_store_commit (store, &error));
  g_assert_true (insert_setting (store, "raw", &error));
  g_assert_no_error (error);
}

static void
test_single_write_levels (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);

  g_assert_no_error (error);

  /* A refused statement at a level without a savepoint: the outer
   * transaction goes on and keeps what came before. */
  g_assert_true (ward_store_begin (store, &error));
  g_assert_true (ward_store_begin_single_write (store, &error));
  g_assert_true (insert_setting (store, "one", &error));
  g_assert_true (ward_store_commit (store, &error));
  g_assert_true (ward_store_begin_single_write (store, &error));
  g_assert_false (insert_setting (store, "one", &error));   /* key is unique */
  g_clear_error (&error);
  ward_store_rollback (store);
  g_assert_false (ward_store_transaction_lost (store));
  g_assert_true (ward_store_begin (store, &error));          /* a savepoint level after it */
  g_assert_true (insert_setting (store, "two", &error));
  g_assert_true (ward_store_commit (store, &error));
  g_assert_true (ward_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM settings WHERE key IN ('one', 'two')"), ==, 2);

  /* The outer rollback takes the single write with it. */
  g_assert_true (ward_store_begin (store, &error));
  g_assert_true (ward_store_begin_single_write (store, &error));
  g_assert_true (insert_setting (store, "three", &error));
  g_assert_true (ward_store_commit (store, &error));
  ward_store_rollback (store);
  g_assert_cmpint (count (store, "SELECT count(*) FROM settings WHERE key = 'three'"), ==, 0);

  /* At the top level it is an ordinary transaction. */
  g_assert_true (ward_store_begin_single_write (store, &error));
  g_assert_true (insert_setting (store, "four", &error));
  ward_store_rollback (store);
  g_assert_cmpint (count (store, "SELECT count(*) FROM settings WHERE key = 'four'"), ==, 0);
}

/* The count a list is sized by agrees with SQL's, for one campaign and for
 * all; and rows made for fewer than they get (a write between the count
 * and the read) keep every row. */
/* Issue 25: ids that grow with time (version 7), so that each insert is
 * appended to the uuid indexes; the installation's id stays random, since
 * its first digits make the book's prefix. */
static void
test_ids_grow_with_time (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WardStore) store = ward_test_open_store (f->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *installation = ward_store_dup_installation_id (store, &error);
  g_autofree char *previous = ward_store_new_uuid ();
  g_autofree char *first_audit = NULL;
  g_autofree char *last_audit = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  gint64 id_ms = g_ascii_strtoll (previous, NULL, 16) * 65536
                 + g_ascii_strtoll (previous + 9, NULL, 16);

  g_assert_no_error (error);
  g_assert_cmpint (installation[14], ==, '4');
  /* The first 48 bits are the time in milliseconds. */
  g_assert_cmpint (ABS (id_ms - now_ms), <, 60 * 1000);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = ward_store_new_uuid ();

      g_assert_true (g_uuid_string_is_valid (id));
      g_assert_cmpint (id[14], ==, '7');
      g_assert_true (strchr ("89ab", id[19]) != NULL);
      /* Strictly growing, within one millisecond too. */
      g_assert_cmpint (strcmp (previous, id), <, 0);
      g_free (previous);
      previous = g_steal_pointer (&id);
    }

  /* The audit rows' own ids grow with time as well. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("test-%u", i);

      g_assert_true (ward_store_set_setting (store, key, "x", &error));
      g_assert_no_error (error);
      g_usleep (2000);
    }
  first_audit = query_text (store, "SELECT uuid FROM audit WHERE table_name = 'settings' "
                                   "AND row_uuid IN (SELECT uuid FROM settings WHERE key = 'test-0')");
  last_audit = query_text (store, "SELECT uuid FROM audit WHERE table_name = 'settings' "
                                  "AND row_uuid IN (SELECT uuid FROM settings WHERE key = 'test-2')");
  g_assert_cmpuint (strlen (first_audit), ==, 32);
  g_assert_cmpint (strcmp (first_audit, last_audit), <, 0);
  /* Its first twelve digits are the time in milliseconds. */
  first_audit[12] = '\0';
  g_assert_cmpint (ABS (g_ascii_strtoll (first_audit, NULL, 16) - now_ms), <, 60 * 1000);
}

/* Issue 25: CHECK constraints with a list of three or more words are
 * written as comparisons (SQLite 3.40 builds a temporary index for each
 * such list at every row); the rules themselves stay. */
static void
test_check_lists_unfolded (Fixture       *f,
                           gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "kind TEXT CHECK (kind IN ('a', 'b', 'c'))", "kind TEXT CHECK ((kind = 'a' OR kind = 'b' OR kind = 'c'))" },
    { "CHECK (x IN ('>=', '>', '='))", "CHECK ((x = '>=' OR x = '>' OR x = '='))" },
    { "CHECK (s IN ('a, b','c',  'd'))", "CHECK ((s = 'a, b' OR s = 'c' OR s = 'd'))" },
    /* Two words, or numbers, SQLite compares one by one already. */
    { "CHECK (method IN ('cash', 'transfer'))", "CHECK (method IN ('cash', 'transfer'))" },
    { "CHECK (v IN (2018, 2025))", "CHECK (v IN (2018, 2025))" },
    { "CHECK (a IN ('x', 'y', 'z')), CHECK (b IN ('p', 'q'))",
      "CHECK ((a = 'x' OR a = 'y' OR a = 'z')), CHECK (b IN ('p', 'q'))" },
  };
  g_autofree char *v14 = g_build_filename (f->dir, "v14.sqlite3", NULL);
  g_autoptr (WardStore) old = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *integrity = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_tables = 0;
  int defensive = 0;
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *unfolded = ward_store_unfold_in_lists (cases[i].sql);

      g_assert_cmpstr (unfolded, ==, cases[i].expected);
    }

  /* A SQLite in defensive mode, as some distributions build it, takes the
   * change too, and is left defensive. */
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (k TEXT CHECK (k IN ('a', 'b', 'c')))", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (ward_store_unfold_in_checks (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = 't'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                   "CREATE TABLE t (k TEXT CHECK ((k = 'a' OR k = 'b' OR k = 'c')))");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t VALUES ('d')", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO t VALUES ('b')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);
  sqlite3_close (db);

  /* A file of version 14 is rewritten when opened; its rows and its rules
   * stay. */
  old = ward_store_open_full (v14, NULL, 14, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (old, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                               "AND sql LIKE '%kind IN (''receipt'', ''transfer'', ''reversal'')%'"), ==, 1);
  g_clear_object (&old);
  store = ward_store_open (v14, &error);
  g_assert_no_error (error);
  /* Nothing is left to rewrite in any table. */
  db = ward_store_get_db (store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' "
                                           "AND sql IS NOT NULL", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *again = ward_store_unfold_in_lists (sql);

      g_assert_cmpstr (again, ==, sql);
      n_tables++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n_tables, >, 20);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE "
                                 "'%(kind = ''receipt'' OR kind = ''transfer'' OR kind = ''reversal'')%'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM targets"), ==, 11);
  integrity = query_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  /* Refused as before: a word off the list; taken: one on it, or NULL
   * where the column may be empty. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE targets SET kind = 'other' WHERE id = 1", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO known_names (uuid, kind, name, created_at, updated_at) "
                                     "VALUES ('k1', 'donor', 'A', 't', 't')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE targets SET kind = 'quota' WHERE id = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit (uuid, at, table_name, row_uuid, action, "
                                     "created_at, updated_at) VALUES ('a1', 't', 'x', 'y', 'remove', 't', 't')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
}

static void
test_rows_sized_by_a_count (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (f->path, &error);
  g_autoptr (WardRows) rows = ward_rows_new_sized (sizeof (gint64), 3);

  g_assert_no_error (error);
  g_assert_cmpint (ward_store_count_rows_where (store, "targets", "id", 1, &error), ==, 1);
  g_assert_cmpint (ward_store_count_rows_where (store, "targets", "id", -1, &error), ==, 0);
  g_assert_cmpint (ward_store_count_rows (store, "targets", &error), ==,
                   count (store, "SELECT count(*) FROM targets"));
  g_assert_no_error (error);
  for (gint64 i = 0; i < 1000; i++)
    {
      gint64 *row = ward_rows_append (rows);

      g_assert_cmpint (*row, ==, 0);
      *row = i * 7;
    }
  g_assert_cmpuint (ward_rows_get_n (rows), ==, 1000);
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (*(const gint64 *) ward_rows_get (rows, i), ==, (gint64) i * 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/fresh-file-is-seeded", test_fresh_file_is_seeded);
  ADD ("/store/new-file-is-private", test_new_file_is_private);
  ADD ("/store/migrates-every-earlier-version", test_migrates_every_earlier_version);
  ADD ("/store/migration-marks-vsic-2018", test_migration_marks_vsic_2018);
  ADD ("/store/installation-and-book", test_installation_and_book);
  ADD ("/store/newer-file-refused-untouched", test_newer_file_refused_untouched);
  ADD ("/store/not-a-database-refused", test_not_a_database_refused);
  ADD ("/store/other-programs-database-refused", test_other_programs_database_refused);
  ADD ("/store/corrupt-file-refused-untouched", test_corrupt_file_refused_untouched);
  ADD ("/store/busy-file-reports-busy", test_busy_file_reports_busy);
  ADD ("/store/ledger-is-append-only", test_ledger_is_append_only);
  ADD ("/store/changes-are-audited", test_changes_are_audited);
  ADD ("/store/changed-is-emitted-after-commit", test_changed_is_emitted_after_commit);
  ADD ("/store/settings-round-trip", test_settings_round_trip);
  ADD ("/store/deleted-file-is-put-back", test_deleted_file_is_put_back);
  ADD ("/store/damage-found-later-refuses-writes", test_damage_found_later_refuses_writes);
  ADD ("/store/sound-file-checked-at-first-write", test_sound_file_checked_at_first_write);
  ADD ("/store/single-write-levels", test_single_write_levels);
  ADD ("/store/rows-sized-by-a-count", test_rows_sized_by_a_count);
  ADD ("/store/ids-grow-with-time", test_ids_grow_with_time);
  ADD ("/store/check-lists-unfolded", test_check_lists_unfolded);
#undef ADD

  return g_test_run ();
}
