/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-audit"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "store/ward-store-audit.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

static void
test_history_of_a_record (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-audit");
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_test_new_store (dir, NULL);
  g_autoptr (GPtrArray) history = NULL;
  WardAuditEntry *entry;
  WardAuditChange *change;
  sqlite3 *db;

  g_assert_no_error (error);
  db = ward_store_get_db (store);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO party_cells (uuid, name, created_at, updated_at) "
                                 "VALUES ('cell-1', 'Chi bộ khu phố 1', 't1', 't1');"
                                 "UPDATE party_cells SET updated_at = 't2' WHERE uuid = 'cell-1';"
                                 "UPDATE party_cells SET name = 'Chi bộ khu phố Một', updated_at = 't3' "
                                 "WHERE uuid = 'cell-1';"
                                 "DELETE FROM party_cells WHERE uuid = 'cell-1';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  history = ward_audit_history (store, "party_cells", "cell-1", &error);
  g_assert_no_error (error);
  /* The update of updated_at alone is not a change a clerk made. */
  g_assert_cmpuint (history->len, ==, 3);

  entry = history->pdata[0];
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpuint (entry->changes->len, ==, 2);  /* name, position */

  entry = history->pdata[1];
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpuint (entry->changes->len, ==, 1);
  change = entry->changes->pdata[0];
  g_assert_cmpstr (change->field, ==, "name");
  g_assert_cmpstr (change->old_value, ==, "Chi bộ khu phố 1");
  g_assert_cmpstr (change->new_value, ==, "Chi bộ khu phố Một");
  g_assert_nonnull (entry->at);

  entry = history->pdata[2];
  g_assert_cmpstr (entry->action, ==, "delete");
  change = entry->changes->pdata[0];
  g_assert_null (change->new_value);

  g_clear_object (&store);
  ward_test_remove_tree (dir);
}

/* ---- The triggers, made from the schema --------------------------------- */

/* Written here on purpose, apart from the list in
 * ward-store-audit-triggers.c: a table left out of the trail must be left
 * out in both places. */
static const char * const not_audited[] = { "audit", "bundle_versions", "bundle_peers", "sync_peers",
                                            "sync_foreign_audit", "sync_resend", NULL };
static const char * const insert_only[] = { "ledger_entries", NULL };
/* What the ledger's insert row keeps of an entry (sql/014): its place in
 * the chain and what names it in the check's report; not its donor, its
 * amount, its hashes: the entry itself, which cannot change, holds them. */
static const char * const ledger_kept[] = { "campaign_id", "book", "seq", "kind", "receipt_number",
                                            "voucher", "entry_date", NULL };
static const char * const ledger_not_kept[] = { "donor", "amount", "search_key", "hash", "prev_hash",
                                                "note", NULL };

static GPtrArray *
query_column (WardStore  *store,
              const char *sql,
              const char *argument)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (argument != NULL)
    sqlite3_bind_text (stmt, 1, argument, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return values;
}

static char *
trigger_sql (WardStore  *store,
             const char *table,
             const char *action)
{
  g_autofree char *name = g_strdup_printf ("audit_%s_%s", table, action);
  g_autoptr (GPtrArray) sql = query_column (store, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                                                   "AND name = ?1", name);

  if (sql->len == 0)
    return NULL;
  /* Each on its own table. */
  g_assert_nonnull (strstr (sql->pdata[0], table));
  return g_strdup (sql->pdata[0]);
}

/* The trigger writes every column of the row, under its own name. */
static void
assert_records_every_column (const char *sql,
                             const char *row,
                             GPtrArray  *columns,
                             const char *what)
{
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *pair = g_strdup_printf ("'%s', %s.%s", (char *) columns->pdata[i], row,
                                               (char *) columns->pdata[i]);

      if (strstr (sql, pair) == NULL)
        g_error ("%s does not record %s", what, pair);
    }
}

static void
assert_records_only (const char         *sql,
                     const char * const *kept,
                     const char * const *not_kept,
                     const char         *what)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();

  for (guint i = 0; kept[i] != NULL; i++)
    g_ptr_array_add (columns, (gpointer) kept[i]);
  assert_records_every_column (sql, "NEW", columns, what);
  for (guint i = 0; not_kept[i] != NULL; i++)
    {
      g_autofree char *column = g_strdup_printf ("NEW.%s,", not_kept[i]);
      g_autofree char *last = g_strdup_printf ("NEW.%s)", not_kept[i]);

      if (strstr (sql, column) != NULL || strstr (sql, last) != NULL)
        g_error ("%s copies %s, which the entry itself keeps", what, not_kept[i]);
    }
}

static void
test_every_table_has_its_triggers (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-audit");
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_test_new_store (dir, NULL);
  g_autoptr (GPtrArray) tables = NULL;
  guint audited = 0;

  g_assert_no_error (error);
  tables = query_column (store, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", NULL);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      const char *actions[] = { "insert", "update", "delete" };
      gboolean inserts_only = g_strv_contains (insert_only, table);
      g_autoptr (GPtrArray) columns = NULL;

      if (g_strv_contains (not_audited, table))
        {
          for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
            g_assert_null (trigger_sql (store, table, actions[a]));
          continue;
        }
      columns = query_column (store, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", table);
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          g_autofree char *sql = trigger_sql (store, table, actions[a]);
          g_autofree char *what = g_strdup_printf ("the %s trigger of %s", actions[a], table);

          if (inserts_only && a > 0)
            {
              g_assert_null (sql);
              continue;
            }
          if (sql == NULL)
            g_error ("The table %s has no audit trigger for %s: every table but %s is audited",
                     table, actions[a], "audit, bundle_versions and bundle_peers");
          if (inserts_only)
            {
              assert_records_only (sql, ledger_kept, ledger_not_kept, what);
              continue;
            }
          if (a < 2)
            assert_records_every_column (sql, "NEW", columns, what);
          if (a > 0)
            assert_records_every_column (sql, "OLD", columns, what);
        }
      audited++;
    }
  /* Every register's table: settings, ward, units, targets, readings, plans,
   * the five of the programme, party cells, candidates, enterprises,
   * campaigns, the ledger; the installations whose bundles are trusted; the
   * study's roster, sessions, attendance and reflections; the lists of known
   * names. */
  g_assert_cmpuint (audited, ==, 22);

  g_clear_object (&store);
  ward_test_remove_tree (dir);
}

static gint64
count_audit (WardStore  *store,
             const char *sql)
{
  g_autoptr (GPtrArray) values = query_column (store, sql, NULL);

  return values->len > 0 ? g_ascii_strtoll (values->pdata[0], NULL, 10) : -1;
}

static void
test_added_column_is_audited (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-audit");
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_test_new_store (dir, NULL);
  g_autoptr (GPtrArray) colour = NULL;

  g_assert_no_error (error);
  /* What a migration adding a column does; the store then makes the
   * triggers again, as here. */
  g_assert_true (ward_store_exec (store, "ALTER TABLE units ADD COLUMN colour TEXT", &error));
  g_assert_true (ward_store_exec (store, "INSERT INTO units (uuid, name, colour, created_at, updated_at) "
                                         "VALUES ('unit-before', 'Tổ A', 'đỏ', 't1', 't1')", &error));
  g_assert_cmpint (count_audit (store, "SELECT count(*) FROM audit WHERE row_uuid = 'unit-before' "
                                       "AND json_type (new_values, '$.colour') IS NULL"), ==, 1);

  g_assert_true (ward_audit_create_triggers (store, &error));
  g_assert_no_error (error);
  g_assert_true (ward_store_exec (store, "INSERT INTO units (uuid, name, colour, created_at, updated_at) "
                                         "VALUES ('unit-after', 'Tổ B', 'xanh', 't1', 't1');"
                                         "UPDATE units SET colour = 'vàng' WHERE uuid = 'unit-after';"
                                         "DELETE FROM units WHERE uuid = 'unit-after'", &error));
  g_assert_no_error (error);
  colour = query_column (store, "SELECT coalesce (json_extract (old_values, '$.colour'), '-') || ' ' || "
                                "coalesce (json_extract (new_values, '$.colour'), '-') "
                                "FROM audit WHERE row_uuid = 'unit-after' ORDER BY id", NULL);
  g_assert_cmpuint (colour->len, ==, 3);
  g_assert_cmpstr (colour->pdata[0], ==, "- xanh");
  g_assert_cmpstr (colour->pdata[1], ==, "xanh vàng");
  g_assert_cmpstr (colour->pdata[2], ==, "vàng -");
  /* Still one trigger of each kind on the table. */
  g_assert_cmpint (count_audit (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                       "AND tbl_name = 'units'"), ==, 3);

  g_clear_object (&store);
  ward_test_remove_tree (dir);
}

static char *
dump_triggers (WardStore *store)
{
  g_autoptr (GPtrArray) rows = query_column (store, "SELECT name || ': ' || sql FROM sqlite_schema "
                                                    "WHERE type = 'trigger' ORDER BY name", NULL);

  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

static void
test_migrated_files_have_the_same_triggers (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-audit");
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) fresh = ward_test_new_store (dir, NULL);
  g_autofree char *expected = dump_triggers (fresh);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (expected, "audit_candidates_delete: CREATE TRIGGER"));
  g_assert_nonnull (strstr (expected, "ledger_entries_no_update: CREATE TRIGGER"));
  for (int version = 1; version < ward_store_schema_version (); version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.sqlite3", dir, version);
      g_autoptr (WardStore) old = ward_store_open_full (path, NULL, version, &error);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      before = dump_triggers (old);
      /* Version 1 had no trail yet; version 2 brought it. */
      g_assert_true ((version == 1) == (strstr (before, "audit_units_insert") == NULL));
      g_clear_object (&old);
      old = ward_store_open (path, &error);
      g_assert_no_error (error);
      after = dump_triggers (old);
      g_assert_cmpstr (after, ==, expected);
      g_clear_object (&old);
    }

  g_clear_object (&fresh);
  ward_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/history-of-a-record", test_history_of_a_record);
  g_test_add_func ("/audit/every-table-has-its-triggers", test_every_table_has_its_triggers);
  g_test_add_func ("/audit/added-column-is-audited", test_added_column_is_audited);
  g_test_add_func ("/audit/migrated-files-have-the-same-triggers", test_migrated_files_have_the_same_triggers);
  return g_test_run ();
}
