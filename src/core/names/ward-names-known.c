/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-names"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "names/ward-names.h"

/* The lists of groups and collectors as the office keeps them: each name
 * with the number of records written with a spelling of it. The ledger is
 * append-only, so a receipt keeps the name it was written with: a listed
 * name may be spelled better (its key stays), never made another name, and
 * only a name no record uses may leave the list. */

static const char *const uses_sql[] = {
  [WARD_NAME_GROUP] =
    "SELECT donor_group, COUNT (*) FROM ledger_entries WHERE kind = 'receipt' GROUP BY donor_group "
    "UNION ALL SELECT residential_group, COUNT (*) FROM candidates GROUP BY residential_group "
    "UNION ALL SELECT residential_group, COUNT (*) FROM enterprises GROUP BY residential_group",
  [WARD_NAME_COLLECTOR] =
    "SELECT collector, COUNT (*) FROM ledger_entries WHERE kind = 'receipt' GROUP BY collector",
};

void
ward_known_name_free (WardKnownName *known)
{
  if (known == NULL)
    return;
  g_free (known->name);
  g_free (known->sort_key);
  g_free (known);
}

/* The records using each name, by its key. */
static GHashTable *
count_uses (WardStore     *store,
            WardNameKind   kind,
            GError       **error)
{
  g_autoptr (GHashTable) uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, uses_sql[kind], error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = ward_names_key (ward_stmt_text (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (key == NULL || key[0] == '\0')
        continue;
      n += GPOINTER_TO_SIZE (g_hash_table_lookup (uses, key));
      g_hash_table_insert (uses, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) n));
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&uses);
}

static int
compare_known (gconstpointer a,
               gconstpointer b)
{
  const WardKnownName *ka = *(WardKnownName * const *) a;
  const WardKnownName *kb = *(WardKnownName * const *) b;

  return g_strcmp0 (ka->sort_key, kb->sort_key);
}

GPtrArray *
ward_known_names_load (WardStore     *store,
                       WardNameKind   kind,
                       GError       **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_known_name_free);
  g_autoptr (GHashTable) uses = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == WARD_NAME_GROUP || kind == WARD_NAME_COLLECTOR, NULL);

  if ((uses = count_uses (store, kind, error)) == NULL)
    return NULL;
  stmt = ward_store_prepare (store, "SELECT id, name FROM known_names WHERE kind = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind == WARD_NAME_GROUP ? "group" : "collector", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardKnownName *known = g_new0 (WardKnownName, 1);
      g_autofree char *key = NULL;

      known->id = sqlite3_column_int64 (stmt, 0);
      known->name = ward_stmt_dup_text (stmt, 1);
      known->sort_key = ward_text_collate_key (known->name);
      key = ward_names_key (known->name);
      known->n_uses = key != NULL ? (int) GPOINTER_TO_SIZE (g_hash_table_lookup (uses, key)) : 0;
      g_ptr_array_add (list, known);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_known);
  return g_steal_pointer (&list);
}

static WardKnownName *
find_known (WardStore     *store,
            WardNameKind   kind,
            gint64         id,
            GError       **error)
{
  g_autoptr (GPtrArray) list = ward_known_names_load (store, kind, error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((WardKnownName *) list->pdata[i])->id == id)
      return g_ptr_array_steal_index (list, i);
  if (list != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                 _("The name is no longer in the list: another desk may have removed it."));
  return NULL;
}

gint64
ward_known_name_add (WardStore     *store,
                     WardNameKind   kind,
                     const char    *name,
                     GError       **error)
{
  g_autofree char *known = NULL;
  g_autoptr (WardStmt) stmt = NULL;

  if (!ward_names_add_known (store, kind, name, &known, error))
    return 0;
  stmt = ward_store_prepare (store, "SELECT id FROM known_names WHERE kind = ? AND name = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind == WARD_NAME_GROUP ? "group" : "collector", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, known, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s", _("The name could not be added."));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
ward_known_name_rename (WardStore     *store,
                        WardNameKind   kind,
                        gint64         id,
                        const char    *name,
                        GError       **error)
{
  g_autoptr (WardKnownName) known = find_known (store, kind, id, error);
  g_autofree char *clean = ward_text_normalize (name);
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();
  int rc;

  if (known == NULL || !ward_text_check_field (clean, _("Name"), WARD_TEXT_NAME_MAX, FALSE, error))
    return FALSE;
  if (clean == NULL || clean[0] == '\0')
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, "%s", _("Type the name to add to the list."));
      return FALSE;
    }
  old_key = ward_names_key (known->name);
  new_key = ward_names_key (clean);
  if (g_strcmp0 (old_key, new_key) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is another name than “%s”. Receipts keep the name they were written with, "
                     "so a listed name can only be spelled better (tone marks, capitals); add “%s” as "
                     "a new name instead."), clean, known->name, clean);
      return FALSE;
    }
  stmt = ward_store_prepare (store, "UPDATE known_names SET name = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "known_names");
  return TRUE;
}

gboolean
ward_known_name_remove (WardStore     *store,
                        WardNameKind   kind,
                        gint64         id,
                        GError       **error)
{
  g_autoptr (WardKnownName) known = find_known (store, kind, id, error);
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (known == NULL)
    return FALSE;
  if (known->n_uses > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” is written on %d record, so it stays in the list.",
                                "“%s” is written on %d records, so it stays in the list.", known->n_uses),
                   known->name, known->n_uses);
      return FALSE;
    }
  stmt = ward_store_prepare (store, "DELETE FROM known_names WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "known_names");
  return TRUE;
}
