/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-audit"

#include "config.h"

#include <glib/gstdio.h>

#include "store/ward-store-audit.h"
#include "store/ward-store.h"

static void
test_history_of_a_record (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ward-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = ward_store_open (path, &error);
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
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/history-of-a-record", test_history_of_a_record);
  return g_test_run ();
}
