/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "import/ward-import.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

/* The engine is tested with a small kind of its own over the units list, so
 * that what is proved here is the engine's behaviour (all or nothing, every
 * bad row reported, dry run, skip or update, cancel), not a register's. */

enum { COL_NAME, COL_POSITION };

static const char * const name_aliases[] = { "Unit", "Name", NULL };
static const WardCsvColumn unit_columns[] = {
  { "name", "Tên đơn vị", name_aliases, WARD_CSV_TEXT, TRUE },
  { "position", "Thứ tự", NULL, WARD_CSV_INTEGER, FALSE },
};

static gboolean
unit_import_row (WardImportRow  *row,
                 WardRowOutcome *outcome)
{
  g_autoptr (WardStmt) find = NULL;
  g_autoptr (WardStmt) write = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  gboolean exists;

  /* As the registers do: each record in a transaction of its own, nested in
   * the import's; a refused record rolls back only itself. */
  g_assert_true (ward_store_begin (row->store, NULL));
  g_assert_true (ward_store_exec (row->store, "UPDATE settings SET value = value", NULL));
  if (row->values[COL_POSITION].integer < 0)
    {
      ward_import_row_error (row, COL_POSITION, "the position cannot be negative");
      ward_store_rollback (row->store);
      return FALSE;
    }

  find = ward_store_prepare (row->store, "SELECT 1 FROM units WHERE name = ?", NULL);
  sqlite3_bind_text (find, 1, row->values[COL_NAME].text, -1, SQLITE_STATIC);
  exists = sqlite3_step (find) == SQLITE_ROW;

  if (exists && row->context->policy == WARD_IMPORT_SKIP_EXISTING)
    {
      ward_import_row_warning (row, COL_NAME, "already in the list; skipped");
      *outcome = WARD_ROW_SKIPPED;
      return ward_store_commit (row->store, NULL);
    }
  write = ward_store_prepare (row->store,
                              exists ? "UPDATE units SET position = ?2, updated_at = ?4 WHERE name = ?1"
                                     : "INSERT INTO units (name, position, uuid, created_at, updated_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?4)", NULL);
  sqlite3_bind_text (write, 1, row->values[COL_NAME].text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, row->values[COL_POSITION].integer);
  if (!exists)
    sqlite3_bind_text (write, 3, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (write, 4, now, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (write), ==, SQLITE_DONE);
  ward_store_notify_changed (row->store, "units");
  *outcome = exists ? WARD_ROW_UPDATED : WARD_ROW_ADDED;
  return ward_store_commit (row->store, NULL);
}

static gboolean
unit_export (WardStore          *store,
             WardImportContext  *context,
             WardCsvWriter      *writer,
             GError            **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT name, position FROM units ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, unit_columns, G_N_ELEMENTS (unit_columns));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 0));
      ward_csv_writer_add_integer (writer, sqlite3_column_int64 (stmt, 1));
      ward_csv_writer_end_row (writer);
    }
  return TRUE;
}

static const WardImportKind unit_kind = {
  "units", "Units", unit_columns, G_N_ELEMENTS (unit_columns), NULL, NULL, unit_import_row, unit_export,
};

typedef struct
{
  char      *dir;
  WardStore *store;
  gint64     seeded_units;
} Fixture;

static gint64
count_units (Fixture *f)
{
  return ward_store_count_rows (f->store, "units", NULL);
}

static WardCsvTable *
table_from (const char *csv)
{
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (GError) error = NULL;
  WardCsvTable *table = ward_csv_read_bytes (bytes, "units.csv", &error);

  g_assert_no_error (error);
  return table;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = ward_test_make_dir ("import");
  f->store = ward_test_new_store (f->dir, NULL);
  f->seeded_units = count_units (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_import_then_reimport_adds_nothing (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr (WardCsvTable) table = table_from ("Tên đơn vị,Thứ tự\nTổ dân phố 1,1\nTổ dân phố 2,2\nTổ dân phố 3,3\n");
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) again = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_cmpint (count_units (f), ==, f->seeded_units + 3);

  g_assert_true (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, NULL, NULL, NULL, &again, &error));
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.skipped, ==, 3);
  g_assert_cmpuint (ward_csv_issues_count (again.issues, WARD_CSV_SEVERITY_WARNING), ==, 3);
  g_assert_cmpint (count_units (f), ==, f->seeded_units + 3);
}

static void
test_bad_rows_store_nothing_and_are_all_reported (Fixture       *f,
                                                  gconstpointer  data)
{
  g_autoptr (WardCsvTable) table =
    table_from ("Tên đơn vị,Thứ tự\nTổ 1,1\nTổ 2,hai\nTổ 3,3\n,4\nTổ 5,-5\n");
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) rows = g_string_new (NULL);

  g_assert_true (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_false (result.committed);
  g_assert_cmpuint (result.n_errors, ==, 3);
  g_assert_cmpint (count_units (f), ==, f->seeded_units);

  for (guint i = 0; i < result.issues->len; i++)
    {
      const WardCsvIssue *issue = result.issues->pdata[i];

      if (issue->severity == WARD_CSV_SEVERITY_ERROR)
        g_string_append_printf (rows, "%u:%s;", issue->row, issue->column);
    }
  /* Row 3 (a word for a number), row 5 (no name), row 6 (negative): the
   * rows Excel shows, each with its column. */
  g_assert_cmpstr (rows->str, ==, "3:Thứ tự;5:Tên đơn vị;6:Thứ tự;");
}

static void
test_dry_run_stores_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (WardCsvTable) table = table_from ("Unit\nTổ 1\nTổ 2\n");
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_import_run (f->store, &unit_kind, table, NULL, TRUE, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.added, ==, 2);
  g_assert_false (result.committed);
  g_assert_cmpint (count_units (f), ==, f->seeded_units);
}

static void
test_update_policy_updates (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (WardCsvTable) table = table_from ("Tên đơn vị;Thứ tự\nCông an phường;42\nTổ mới;7\n");
  WardImportContext context = { WARD_IMPORT_UPDATE_EXISTING, NULL, NULL };
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_import_run (f->store, &unit_kind, table, &context, FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_true (result.committed);
}

static void
test_missing_required_column_fails (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (WardCsvTable) table = table_from ("Thứ tự,Ghi chú\n1,x\n");
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_false (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Tên đơn vị"));
  g_assert_cmpint (count_units (f), ==, f->seeded_units);
}

static void
cancel_halfway (double   fraction,
                gpointer data)
{
  if (fraction > 0.4)
    g_cancellable_cancel (data);
}

static void
test_cancel_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GString) csv = g_string_new ("Tên đơn vị,Thứ tự\n");
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Tổ %d,%d\n", i, i);
  table = table_from (csv->str);

  g_assert_false (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, cancel_halfway, cancellable,
                                   cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (result.committed);
  g_assert_cmpint (count_units (f), ==, f->seeded_units);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autoptr (WardCsvTable) table = NULL;
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (ward_export_to_path (f->store, &unit_kind, NULL, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Tên đơn vị,Thứ tự\r\n"));

  /* Everything exported is already stored: re-importing adds nothing. */
  table = ward_csv_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (ward_import_run (f->store, &unit_kind, table, NULL, FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_records, ==, (guint) f->seeded_units);
  g_assert_cmpuint (result.skipped, ==, (guint) f->seeded_units);
  g_assert_cmpuint (result.added, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import/reimport-adds-nothing", test_import_then_reimport_adds_nothing);
  ADD ("/import/bad-rows-store-nothing", test_bad_rows_store_nothing_and_are_all_reported);
  ADD ("/import/dry-run-stores-nothing", test_dry_run_stores_nothing);
  ADD ("/import/update-policy", test_update_policy_updates);
  ADD ("/import/missing-required-column", test_missing_required_column_fails);
  ADD ("/import/cancel-leaves-nothing", test_cancel_leaves_nothing);
  ADD ("/import/export-round-trip", test_export_round_trip);
#undef ADD

  return g_test_run ();
}
