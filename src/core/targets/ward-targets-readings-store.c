/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "targets/ward-targets-readings.h"

/* Readings in the store: save, load, delete and put back. The rules are in
 * ward-targets-readings.c (ward_reading_validate). */

#define READING_COLUMNS \
  "r.id, r.uuid, r.target_id, r.year, r.half, r.value, r.quota, r.delivered, r.status, " \
  "r.doc_number, r.doc_date, r.unit_id, u.name, r.note, r.created_at, r.updated_at, r.baseline "
#define READING_FROM "FROM readings r LEFT JOIN units u ON u.id = r.unit_id "

static void
bind_reading (WardStmt          *stmt,
              WardTarget        *target,
              const WardReading *reading)
{
  gboolean quota = ward_target_get_kind (target) == WARD_TARGET_QUOTA;

  sqlite3_bind_int64 (stmt, 1, reading->target_id);
  sqlite3_bind_int (stmt, 2, reading->year);
  sqlite3_bind_int (stmt, 3, reading->first_half ? 1 : 0);
  if (!quota && reading->has_value)
    sqlite3_bind_double (stmt, 4, reading->value);
  if (quota)
    {
      sqlite3_bind_int64 (stmt, 5, reading->quota);
      sqlite3_bind_int64 (stmt, 6, reading->delivered);
    }
  sqlite3_bind_text (stmt, 7, reading->final ? "final" : "draft", -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 8, reading->doc_number);
  ward_stmt_bind_text_or_null (stmt, 9, reading->doc_date);
  if (reading->unit_id != 0)
    sqlite3_bind_int64 (stmt, 10, reading->unit_id);
  ward_stmt_bind_text_or_null (stmt, 11, reading->note);
  sqlite3_bind_int (stmt, 16, reading->baseline ? 1 : 0);
}

static gboolean
insert_reading (WardStore          *store,
                WardTarget         *target,
                const WardReading  *reading,
                gboolean            keep_id,
                GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "INSERT INTO readings (target_id, year, half, value, quota, delivered, status, "
                             "doc_number, doc_date, unit_id, note, uuid, created_at, updated_at, id, "
                             "baseline) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_reading (stmt, target, reading);
  sqlite3_bind_text (stmt, 12, reading->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, reading->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, reading->updated_at, -1, SQLITE_STATIC);
  if (keep_id)
    sqlite3_bind_int64 (stmt, 15, reading->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
update_reading (WardStore          *store,
                WardTarget         *target,
                const WardReading  *reading,
                GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "UPDATE readings SET target_id = ?1, year = ?2, half = ?3, value = ?4, "
                             "quota = ?5, delivered = ?6, status = ?7, doc_number = ?8, doc_date = ?9, "
                             "unit_id = ?10, note = ?11, updated_at = ?12, baseline = ?16 WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_reading (stmt, target, reading);
  sqlite3_bind_text (stmt, 12, reading->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, reading->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (sqlite3_changes (ward_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("The reading was deleted meanwhile; nothing was saved."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ward_reading_save (WardStore         *store,
                   WardTarget        *target,
                   WardReading       *reading,
                   WardReadingField  *field_out,
                   GError           **error)
{
  g_autofree char *now = ward_store_now ();
  gboolean is_new;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (reading != NULL, FALSE);

  if (!ward_store_begin (store, error))
    return FALSE;
  if (!ward_reading_validate (store, target, reading, field_out, error))
    goto fail;

  is_new = reading->id == 0;
  g_free (reading->updated_at);
  reading->updated_at = g_strdup (now);
  if (is_new)
    {
      g_free (reading->created_at);
      reading->created_at = g_strdup (now);
      g_free (reading->uuid);
      reading->uuid = ward_store_new_uuid ();
      if (!insert_reading (store, target, reading, FALSE, error))
        goto fail;
      reading->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
    }
  else if (!update_reading (store, target, reading, error))
    goto fail;

  ward_store_notify_changed (store, "readings");
  if (ward_store_commit (store, error))
    return TRUE;
  if (is_new)
    {
      reading->id = 0;
      g_clear_pointer (&reading->uuid, g_free);
    }
  return FALSE;

fail:
  ward_store_rollback (store);
  return FALSE;
}

static WardReading *
reading_from_row (WardStmt *stmt)
{
  WardReading *reading = g_new0 (WardReading, 1);
  const char *status = ward_stmt_text (stmt, 8);

  reading->id = sqlite3_column_int64 (stmt, 0);
  reading->uuid = ward_stmt_dup_text (stmt, 1);
  reading->target_id = sqlite3_column_int64 (stmt, 2);
  reading->year = sqlite3_column_int (stmt, 3);
  reading->first_half = sqlite3_column_int (stmt, 4) == 1;
  reading->has_value = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  reading->value = sqlite3_column_double (stmt, 5);
  reading->quota = sqlite3_column_type (stmt, 6) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 6) : -1;
  reading->delivered = sqlite3_column_type (stmt, 7) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 7) : -1;
  reading->final = g_strcmp0 (status, "final") == 0;
  reading->doc_number = sqlite3_column_type (stmt, 9) != SQLITE_NULL ? ward_stmt_dup_text (stmt, 9) : NULL;
  reading->doc_date = sqlite3_column_type (stmt, 10) != SQLITE_NULL ? ward_stmt_dup_text (stmt, 10) : NULL;
  reading->unit_id = sqlite3_column_int64 (stmt, 11);
  reading->unit_name = sqlite3_column_type (stmt, 12) != SQLITE_NULL ? ward_stmt_dup_text (stmt, 12) : NULL;
  reading->note = sqlite3_column_type (stmt, 13) != SQLITE_NULL ? ward_stmt_dup_text (stmt, 13) : NULL;
  reading->created_at = ward_stmt_dup_text (stmt, 14);
  reading->updated_at = ward_stmt_dup_text (stmt, 15);
  reading->baseline = sqlite3_column_int (stmt, 16) == 1;
  return reading;
}

WardReading *
ward_reading_load (WardStore  *store,
                   gint64      id,
                   GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store, "SELECT " READING_COLUMNS READING_FROM "WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return reading_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                         _("The reading no longer exists; another window may have deleted it."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

GPtrArray *
ward_readings_load (WardStore  *store,
                    gint64      target_id,
                    GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) readings = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_reading_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT " READING_COLUMNS READING_FROM "WHERE r.target_id = ? "
                             "ORDER BY r.baseline, r.year DESC, r.half ASC, r.status = 'final' DESC, "
                             "r.updated_at DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, target_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (readings, reading_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&readings);
}

gint64
ward_readings_count (WardStore  *store,
                     gint64      target_id,
                     GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), -1);

  stmt = ward_store_prepare (store, "SELECT count(*) FROM readings WHERE target_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, target_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
ward_reading_delete (WardStore    *store,
                     gint64        id,
                     WardReading **deleted_out,
                     GError      **error)
{
  g_autoptr (WardReading) reading = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!ward_store_begin (store, error))
    return FALSE;
  reading = ward_reading_load (store, id, error);
  if (reading == NULL)
    goto fail;
  stmt = ward_store_prepare (store, "DELETE FROM readings WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      goto fail;
    }
  ward_store_notify_changed (store, "readings");
  if (!ward_store_commit (store, error))
    return FALSE;
  if (deleted_out != NULL)
    *deleted_out = g_steal_pointer (&reading);
  return TRUE;

fail:
  ward_store_rollback (store);
  return FALSE;
}

static WardTarget *
find_target (WardStore  *store,
             gint64      target_id,
             GError    **error)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);

  if (targets == NULL)
    return NULL;
  for (guint i = 0; i < targets->len; i++)
    if (ward_target_get_id (targets->pdata[i]) == target_id)
      return g_object_ref (targets->pdata[i]);
  g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                       _("The target of this reading no longer exists."));
  return NULL;
}

gboolean
ward_reading_restore (WardStore          *store,
                      const WardReading  *reading,
                      GError            **error)
{
  g_autoptr (WardTarget) target = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  gboolean id_free;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (reading != NULL && reading->uuid != NULL, FALSE);

  target = find_target (store, reading->target_id, error);
  if (target == NULL || !ward_store_begin (store, error))
    return FALSE;
  if (!ward_reading_validate (store, target, reading, NULL, error))
    goto fail;

  /* Keep the row's id too when nothing took it meanwhile, so that the
   * audit trail reads as one record deleted and put back. */
  stmt = ward_store_prepare (store, "SELECT NOT EXISTS (SELECT 1 FROM readings WHERE id = ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, reading->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto fail_sqlite;
  id_free = sqlite3_column_int (stmt, 0) == 1;
  g_clear_pointer (&stmt, ward_stmt_release);

  if (!insert_reading (store, target, reading, id_free, error))
    goto fail;
  ward_store_notify_changed (store, "readings");
  return ward_store_commit (store, error);

fail_sqlite:
  ward_store_set_error (store, sqlite3_errcode (ward_store_get_db (store)), error);
fail:
  ward_store_rollback (store);
  return FALSE;
}
