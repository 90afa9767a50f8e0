/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "programme/ward-programme-private.h"

/* Writing the action programme: items with their links, deleting and
 * restoring them, and their log of progress updates. */

static const char *item_tables[] = {
  "programme_items", "programme_item_units", "programme_item_targets", "programme_updates", NULL
};

static void
notify_item_tables (WardStore *store)
{
  for (guint i = 0; item_tables[i] != NULL; i++)
    ward_store_notify_changed (store, item_tables[i]);
}

static char *
make_search_key (const char *title,
                 const char *lead_unit,
                 const char *units_text)
{
  g_autofree char *joined = g_strjoin (" ", title ? title : "", lead_unit ? lead_unit : "",
                                       units_text ? units_text : "", NULL);

  return ward_text_fold (joined);
}

/* ---- Items: writing -------------------------------------------------------- */

static char *
unit_name (WardStore  *store,
           gint64      unit_id,
           GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT name FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ward_stmt_dup_text (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                         _("A chosen unit is no longer in the list of units; choose again."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

/* The search key from the title and the names of the item's units, which
 * must exist. */
static char *
item_search_key (WardStore          *store,
                 WardProgrammeItem  *item,
                 WardItemField      *field_out,
                 GError            **error)
{
  g_autofree char *lead = NULL;
  g_autofree char *others = NULL;

  if (item->lead_unit_id > 0 && (lead = unit_name (store, item->lead_unit_id, error)) == NULL)
    {
      if (field_out != NULL)
        *field_out = WARD_ITEM_FIELD_LEAD_UNIT;
      return NULL;
    }
  for (guint i = 0; i < item->unit_ids->len; i++)
    {
      g_autofree char *name = unit_name (store, g_array_index (item->unit_ids, gint64, i), error);

      if (name == NULL)
        return NULL;
      ward_programme_append_name (&others, name);
    }
  return make_search_key (item->title, lead, others);
}

static gboolean
write_item_row (WardStore          *store,
                WardProgrammeItem  *item,
                gboolean            insert,
                const char         *search_key,
                GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();

  if (insert)
    stmt = ward_store_prepare (store,
                               "INSERT INTO programme_items (id, uuid, group_id, title, search_key, "
                               "  lead_unit_id, start_date, deadline, status, percent, note, "
                               "  created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, coalesce (?12, ?13), ?13)",
                               error);
  else
    stmt = ward_store_prepare (store,
                               "UPDATE programme_items SET group_id = ?3, title = ?4, search_key = ?5, "
                               "  lead_unit_id = ?6, start_date = ?7, deadline = ?8, status = ?9, "
                               "  percent = ?10, note = ?11, updated_at = ?13 "
                               "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  if (item->id > 0)
    sqlite3_bind_int64 (stmt, 1, item->id);
  sqlite3_bind_text (stmt, 2, item->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, item->group_id);
  sqlite3_bind_text (stmt, 4, item->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, search_key, -1, SQLITE_STATIC);
  if (item->lead_unit_id > 0)
    sqlite3_bind_int64 (stmt, 6, item->lead_unit_id);
  ward_stmt_bind_text_or_null (stmt, 7, item->start_date);
  ward_stmt_bind_text_or_null (stmt, 8, item->deadline);
  sqlite3_bind_text (stmt, 9, ward_item_status_to_string (item->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, item->percent);
  ward_stmt_bind_text_or_null (stmt, 11, item->note);
  if (insert)
    ward_stmt_bind_text_or_null (stmt, 12, item->created_at);
  sqlite3_bind_text (stmt, 13, now, -1, SQLITE_STATIC);
  if (!ward_programme_step_done (store, stmt, error))
    return FALSE;
  if (!insert && sqlite3_changes (ward_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("This item of the action programme no longer exists."));
      return FALSE;
    }
  if (insert)
    item->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  return TRUE;
}

static gboolean
clear_links (WardStore  *store,
             gint64      item_id,
             gboolean    units,
             GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;

  stmt = ward_store_prepare (store, units
                             ? "DELETE FROM programme_item_units WHERE item_id = ?"
                             : "DELETE FROM programme_item_targets WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return ward_programme_step_done (store, stmt, error);
}

static gboolean
write_links (WardStore  *store,
             gint64      item_id,
             GArray     *ids,
             gboolean    units,
             GError    **error)
{
  g_autofree char *now = ward_store_now ();

  if (!clear_links (store, item_id, units, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (WardStmt) stmt = NULL;
      g_autofree char *uuid = ward_store_new_uuid ();

      stmt = ward_store_prepare (store, units
                                 ? "INSERT OR IGNORE INTO programme_item_units "
                                   "(uuid, item_id, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?4, ?4)"
                                 : "INSERT OR IGNORE INTO programme_item_targets "
                                   "(uuid, item_id, target_id, created_at, updated_at) VALUES (?, ?, ?, ?4, ?4)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, item_id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      if (!ward_programme_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Stores a validated item: a new one keeps item->id and item->uuid when they
 * are set (restoring a deleted item), an existing one is updated. */
static gboolean
store_item (WardStore          *store,
            WardProgrammeItem  *item,
            gboolean            insert,
            WardItemField      *field_out,
            GError            **error)
{
  g_autofree char *search_key = NULL;

  search_key = item_search_key (store, item, field_out, error);
  if (search_key == NULL)
    return FALSE;
  if (insert && item->uuid == NULL)
    item->uuid = ward_store_new_uuid ();
  if (!write_item_row (store, item, insert, search_key, error)
      || !write_links (store, item->id, item->unit_ids, TRUE, error)
      || !write_links (store, item->id, item->target_ids, FALSE, error))
    return FALSE;
  g_free (item->search_key);
  item->search_key = g_steal_pointer (&search_key);
  return TRUE;
}

gboolean
ward_programme_item_save (WardStore          *store,
                          WardProgrammeItem  *item,
                          WardItemField      *field_out,
                          GError            **error)
{
  gboolean insert;
  gboolean made_uuid;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!ward_programme_item_validate (item, field_out, error))
    return FALSE;
  insert = item->id == 0;
  made_uuid = insert && item->uuid == NULL;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!store_item (store, item, insert, field_out, error))
    {
      ward_store_rollback (store);
      if (insert)
        item->id = 0;
      if (made_uuid)
        g_clear_pointer (&item->uuid, g_free);
      return FALSE;
    }
  notify_item_tables (store);
  return ward_store_commit (store, error);
}

WardProgrammeItem *
ward_programme_item_delete (WardStore  *store,
                            gint64      id,
                            GError    **error)
{
  g_autoptr (WardProgrammeItem) item = NULL;
  g_autoptr (WardStmt) stmt = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (!ward_store_begin (store, error))
    return NULL;
  item = ward_programme_item_load (store, id, error);
  if (item == NULL)
    goto fail;
  /* The links and the log go with it (ON DELETE CASCADE). */
  stmt = ward_store_prepare (store, "DELETE FROM programme_items WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ward_programme_step_done (store, stmt, error))
    goto fail;
  notify_item_tables (store);
  if (!ward_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&item);

fail:
  ward_store_rollback (store);
  return NULL;
}

static gboolean
insert_update_row (WardStore            *store,
                   WardProgrammeUpdate  *update,
                   GError              **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();

  stmt = ward_store_prepare (store,
                             "INSERT INTO programme_updates (uuid, item_id, date, text, percent, doc_number, "
                             "  created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce (?7, ?8), ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, update->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, update->item_id);
  sqlite3_bind_text (stmt, 3, update->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, update->text, -1, SQLITE_STATIC);
  if (update->percent >= 0)
    sqlite3_bind_int (stmt, 5, update->percent);
  ward_stmt_bind_text_or_null (stmt, 6, update->doc_number);
  ward_stmt_bind_text_or_null (stmt, 7, update->created_at);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (!ward_programme_step_done (store, stmt, error))
    return FALSE;
  update->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  return TRUE;
}

gboolean
ward_programme_item_restore (WardStore          *store,
                             WardProgrammeItem  *item,
                             GError            **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && item->uuid != NULL, FALSE);

  if (!ward_programme_item_validate (item, NULL, error) || !ward_store_begin (store, error))
    return FALSE;
  /* The same uuid; the integer key may have been taken meanwhile. */
  item->id = 0;
  if (!store_item (store, item, TRUE, NULL, error))
    goto fail;
  for (guint i = 0; item->updates != NULL && i < item->updates->len; i++)
    {
      WardProgrammeUpdate *update = item->updates->pdata[i];

      update->item_id = item->id;
      if (!insert_update_row (store, update, error))
        goto fail;
    }
  notify_item_tables (store);
  return ward_store_commit (store, error);

fail:
  ward_store_rollback (store);
  return FALSE;
}

gboolean
ward_programme_refresh_search_keys (WardStore  *store,
                                    gint64      unit_id,
                                    GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  items = ward_programme_load_items (store, 0, 0, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      WardProgrammeItem *item = items->pdata[i];
      g_autofree char *key = make_search_key (item->title, item->lead_unit, item->units_text);
      g_autoptr (WardStmt) stmt = NULL;
      gboolean uses = unit_id == 0 || item->lead_unit_id == unit_id;

      for (guint u = 0; !uses && u < item->unit_ids->len; u++)
        uses = g_array_index (item->unit_ids, gint64, u) == unit_id;
      if (!uses || g_strcmp0 (key, item->search_key) == 0)
        continue;
      stmt = ward_store_prepare (store, "UPDATE programme_items SET search_key = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (!ward_programme_step_done (store, stmt, error))
        return FALSE;
      ward_store_notify_changed (store, "programme_items");
    }
  return TRUE;
}

/* ---- The log of progress updates ------------------------------------------ */

GPtrArray *
ward_programme_updates_load (WardStore  *store,
                             gint64      item_id,
                             GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) updates = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_update_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT id, uuid, item_id, date, text, percent, doc_number, created_at "
                             "FROM programme_updates WHERE item_id = ? ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardProgrammeUpdate *update = g_new0 (WardProgrammeUpdate, 1);

      update->id = sqlite3_column_int64 (stmt, 0);
      update->uuid = ward_stmt_dup_text (stmt, 1);
      update->item_id = sqlite3_column_int64 (stmt, 2);
      update->date = ward_stmt_dup_text (stmt, 3);
      update->text = ward_stmt_dup_text (stmt, 4);
      update->percent = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        update->doc_number = ward_stmt_dup_text (stmt, 6);
      update->created_at = ward_stmt_dup_text (stmt, 7);
      g_ptr_array_add (updates, update);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&updates);
}

static gboolean
fail_update (WardUpdateField  *field_out,
             WardUpdateField   field,
             GError          **error,
             const char       *message)
{
  if (field_out != NULL)
    *field_out = field;
  g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
validate_update (WardProgrammeUpdate  *update,
                 WardUpdateField      *field_out,
                 GError              **error)
{
  g_autoptr (GDate) date = ward_date_from_iso (update->date);
  g_autofree char *text = ward_programme_tidy_note (update->text);
  g_autofree char *doc_number = NULL;

  if (date == NULL)
    return fail_update (field_out, WARD_UPDATE_FIELD_DATE, error,
                        _("Enter the date of the update as dd/mm/yyyy."));
  if (text == NULL)
    return fail_update (field_out, WARD_UPDATE_FIELD_TEXT, error,
                        _("Describe the progress made."));
  if (update->percent < -1 || update->percent > 100)
    return fail_update (field_out, WARD_UPDATE_FIELD_PERCENT, error,
                        _("The progress must be from 0 to 100%."));
  doc_number = ward_programme_tidy_line (update->doc_number);
  g_free (update->text);
  update->text = g_steal_pointer (&text);
  g_free (update->doc_number);
  update->doc_number = g_steal_pointer (&doc_number);
  return TRUE;
}

/* Whether an update dated @date with a percentage would be the newest one
 * with a percentage; fills @status_out with the item's status. */
static gboolean
update_is_newest (WardStore       *store,
                  gint64           item_id,
                  const char      *date,
                  gboolean        *newest_out,
                  WardItemStatus  *status_out,
                  GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT i.status, (SELECT count (*) FROM programme_updates u "
                             "  WHERE u.item_id = i.id AND u.percent IS NOT NULL AND u.date > ?2) "
                             "FROM programme_items i WHERE i.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("This item of the action programme no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);
  *status_out = WARD_ITEM_NOT_STARTED;
  ward_item_status_from_string (ward_stmt_text (stmt, 0), status_out);
  *newest_out = sqlite3_column_int (stmt, 1) == 0;
  return TRUE;
}

static gboolean
set_item_progress (WardStore       *store,
                   gint64           item_id,
                   int              percent,
                   WardItemStatus   status,
                   GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();

  stmt = ward_store_prepare (store,
                             "UPDATE programme_items SET percent = ?2, status = ?3, updated_at = ?4 "
                             "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int (stmt, 2, percent);
  sqlite3_bind_text (stmt, 3, ward_item_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return ward_programme_step_done (store, stmt, error);
}

gboolean
ward_programme_update_add (WardStore            *store,
                           WardProgrammeUpdate  *update,
                           WardUpdateField      *field_out,
                           GError              **error)
{
  WardItemStatus status;
  gboolean newest = FALSE;
  g_autofree char *uuid = ward_store_new_uuid ();

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (update != NULL, FALSE);

  if (field_out != NULL)
    *field_out = WARD_UPDATE_FIELD_NONE;
  if (!validate_update (update, field_out, error) || !ward_store_begin (store, error))
    return FALSE;
  if (!update_is_newest (store, update->item_id, update->date, &newest, &status, error))
    goto fail;
  newest = newest && update->percent >= 0;
  if (newest && status == WARD_ITEM_DONE && update->percent < 100)
    {
      fail_update (field_out, WARD_UPDATE_FIELD_PERCENT, error,
                   _("This item is marked done, so its progress is 100%. "
                     "Mark it in progress first to record less."));
      goto fail;
    }
  g_free (update->uuid);
  update->uuid = g_strdup (uuid);
  if (!insert_update_row (store, update, error))
    goto fail;
  /* Progress on an item not yet started means it has started. */
  if (newest && status == WARD_ITEM_NOT_STARTED && update->percent > 0)
    status = WARD_ITEM_IN_PROGRESS;
  if (newest && !set_item_progress (store, update->item_id, update->percent, status, error))
    goto fail;
  ward_store_notify_changed (store, "programme_updates");
  if (newest)
    ward_store_notify_changed (store, "programme_items");
  return ward_store_commit (store, error);

fail:
  g_clear_pointer (&update->uuid, g_free);
  update->id = 0;
  ward_store_rollback (store);
  return FALSE;
}
