/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-names"

#include "config.h"

#include "base/ward-text.h"
#include "names/ward-names.h"

/* The list of chi bộ, as the admissions register and the study's roster
 * both fill it: one lookup and one insert, so that a chi bộ named on a
 * roster and the same one named on a candidate's record are one row. */

gint64
ward_names_find_cell (WardStore   *store,
                      const char  *name,
                      gint64       except,
                      GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *folded = g_strstrip (ward_text_fold (name != NULL ? name : ""));
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), -1);

  stmt = ward_store_prepare (store, "SELECT id, name FROM party_cells WHERE id <> ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, except);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = g_strstrip (ward_text_fold (ward_stmt_text (stmt, 1)));

      if (g_strcmp0 (folded, other) == 0)
        return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  return 0;
}

gint64
ward_names_insert_cell (WardStore   *store,
                        const char  *name,
                        GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store) && name != NULL, 0);

  stmt = ward_store_prepare (store,
                             "INSERT INTO party_cells (uuid, name, position, created_at, updated_at) "
                             "VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM party_cells), "
                             "?3, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return 0;
    }
  ward_store_notify_changed (store, "party_cells");
  return sqlite3_last_insert_rowid (ward_store_get_db (store));
}
