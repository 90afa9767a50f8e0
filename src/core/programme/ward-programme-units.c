/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "programme/ward-programme-units.h"
#include "programme/ward-programme.h"

#define UNIT_NAME_MAX 200

/* How often a unit is used: items it leads, items it coordinates, readings it
 * reported. */
#define UNIT_USES \
  "((SELECT count (*) FROM programme_items WHERE lead_unit_id = u.id) " \
  " + (SELECT count (*) FROM programme_item_units WHERE unit_id = u.id) " \
  " + (SELECT count (*) FROM readings WHERE unit_id = u.id))"

void
ward_unit_free (WardUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->uuid);
  g_free (unit->name);
  g_free (unit);
}

static WardUnit *
unit_from_row (WardStmt *stmt)
{
  WardUnit *unit = g_new0 (WardUnit, 1);

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->uuid = ward_stmt_dup_text (stmt, 1);
  unit->name = ward_stmt_dup_text (stmt, 2);
  unit->position = sqlite3_column_int (stmt, 3);
  unit->n_uses = sqlite3_column_int (stmt, 4);
  return unit;
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const WardUnit *ua = *(WardUnit * const *) a;
  const WardUnit *ub = *(WardUnit * const *) b;
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  if (ua->position != ub->position)
    return ua->position < ub->position ? -1 : 1;
  ka = ward_text_collate_key (ua->name);
  kb = ward_text_collate_key (ub->name);
  return strcmp (ka, kb);
}

GPtrArray *
ward_units_load (WardStore  *store,
                 GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_unit_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT u.id, u.uuid, u.name, u.position, " UNIT_USES " FROM units u", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_sort (units, compare_units);
  return g_steal_pointer (&units);
}

/* Names compare NFC, ignoring case and spacing, but not tone marks: "Hội" and
 * "Hồi" are different words. */
static char *
name_key (const char *name)
{
  g_autofree char *normal = ward_text_normalize (name);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static WardUnit *
find_by_key (GPtrArray  *units,
             const char *key,
             gint64      except_id)
{
  for (guint i = 0; i < units->len; i++)
    {
      WardUnit *unit = units->pdata[i];
      g_autofree char *other = name_key (unit->name);

      if (unit->id != except_id && g_str_equal (other, key))
        return unit;
    }
  return NULL;
}

WardUnit *
ward_units_find (WardStore   *store,
                 const char  *name,
                 GError     **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *key = NULL;
  WardUnit *found;
  guint index;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  units = ward_units_load (store, error);
  if (units == NULL)
    return NULL;
  key = name_key (name);
  found = find_by_key (units, key, 0);
  if (found == NULL || !g_ptr_array_find (units, found, &index))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("There is no unit named “%s” in the list of units."), name);
      return NULL;
    }
  return g_ptr_array_steal_index (units, index);
}

gboolean
ward_unit_check_name (const char  *name,
                      char       **normalized_out,
                      GError     **error)
{
  g_autofree char *normal = ward_text_normalize (name);

  if (normal == NULL || *normal == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, _("Enter the unit’s name."));
      return FALSE;
    }
  if (g_utf8_strlen (normal, -1) > UNIT_NAME_MAX)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The unit’s name is too long: at most %d characters."), UNIT_NAME_MAX);
      return FALSE;
    }
  if (normalized_out != NULL)
    *normalized_out = g_steal_pointer (&normal);
  return TRUE;
}

/* Checks @name and that no other unit has it; gives the name to store. */
static char *
check_new_name (WardStore   *store,
                const char  *name,
                gint64       except_id,
                GError     **error)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *key = NULL;
  WardUnit *other;

  if (!ward_unit_check_name (name, &normal, error))
    return NULL;
  units = ward_units_load (store, error);
  if (units == NULL)
    return NULL;
  key = name_key (normal);
  other = find_by_key (units, key, except_id);
  if (other != NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE,
                   _("The list already has a unit named “%s”."), other->name);
      return NULL;
    }
  return g_steal_pointer (&normal);
}

static gboolean
step_done (WardStore  *store,
           WardStmt   *stmt,
           GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

gint64
ward_units_add (WardStore   *store,
                const char  *name,
                GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  gint64 id;

  g_return_val_if_fail (WARD_IS_STORE (store), 0);

  normal = check_new_name (store, name, 0, error);
  if (normal == NULL)
    return 0;
  stmt = ward_store_prepare (store,
                             "INSERT INTO units (uuid, name, position, created_at, updated_at) "
                             "VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM units), ?3, ?3)",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  ward_store_notify_changed (store, "units");
  return id;
}

gboolean
ward_units_rename (WardStore   *store,
                   gint64       id,
                   const char  *name,
                   GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *now = ward_store_now ();

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  normal = check_new_name (store, name, id, error);
  if (normal == NULL)
    return FALSE;
  if (!ward_store_begin (store, error))
    return FALSE;
  stmt = ward_store_prepare (store, "UPDATE units SET name = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, normal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (ward_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("This unit is no longer in the list."));
      goto fail;
    }
  /* The items' search keys hold their units' names. */
  if (!ward_programme_refresh_search_keys (store, id, error))
    goto fail;
  ward_store_notify_changed (store, "units");
  return ward_store_commit (store, error);

fail:
  ward_store_rollback (store);
  return FALSE;
}

static WardUnit *
load_one (WardStore  *store,
          gint64      id,
          GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT u.id, u.uuid, u.name, u.position, " UNIT_USES " FROM units u "
                             "WHERE u.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return unit_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                         _("This unit is no longer in the list."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

gboolean
ward_units_remove (WardStore   *store,
                   gint64       id,
                   GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (WardUnit) unit = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  unit = load_one (store, id, error);
  if (unit == NULL)
    return FALSE;
  if (unit->n_uses > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be removed: it is used by %d record. "
                                "Choose another unit there first.",
                                "“%s” cannot be removed: it is used by %d records. "
                                "Choose another unit there first.",
                                unit->n_uses),
                   unit->name, unit->n_uses);
      return FALSE;
    }
  stmt = ward_store_prepare (store, "DELETE FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (store, stmt, error))
    return FALSE;
  ward_store_notify_changed (store, "units");
  return TRUE;
}
