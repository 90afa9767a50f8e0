/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme"

#include "config.h"

#include "ward-programme.h"

void
ward_programme_group_free (WardProgrammeGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->uuid);
  g_free (group->kind);
  g_free (group->title);
  g_free (group);
}

GPtrArray *
ward_programme_groups_load (WardStore   *store,
                            const char  *today_iso,
                            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_group_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT g.id, g.uuid, g.kind, g.position, g.title, count (i.id), "
                             "  count (CASE WHEN i.status = 'done' THEN 1 END), "
                             "  count (CASE WHEN i.status != 'done' AND i.deadline < ?1 THEN 1 END) "
                             "FROM programme_groups g LEFT JOIN programme_items i ON i.group_id = g.id "
                             "GROUP BY g.id ORDER BY g.kind = 'breakthrough', g.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardProgrammeGroup *group = g_new0 (WardProgrammeGroup, 1);

      group->id = sqlite3_column_int64 (stmt, 0);
      group->uuid = ward_stmt_dup_text (stmt, 1);
      group->kind = ward_stmt_dup_text (stmt, 2);
      group->position = sqlite3_column_int (stmt, 3);
      group->title = ward_stmt_dup_text (stmt, 4);
      group->n_items = sqlite3_column_int (stmt, 5);
      group->n_done = sqlite3_column_int (stmt, 6);
      group->n_overdue = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (groups, group);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&groups);
}
