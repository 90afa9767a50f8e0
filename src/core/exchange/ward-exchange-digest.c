/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange-private.h"

/* What a record says, as a digest the same on every laptop, and what this
 * file knows of the versions a record has had. */

/* Derived from other columns by each laptop's own code (search and sort
 * keys): never a reason to call two records different. */
static const char * const derived_columns[] = { "search_key", "sort_key", NULL };

/* ---- Digests ------------------------------------------------------------ */

char *
bundle_node_to_text (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "1" : "0");
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  return g_strdup (json_node_get_string (node));
}

/* Numbers by value, so that 600 and 600.0 (a REAL column after a trip
 * through JSON) are one. */
static void
append_canonical_value (GString  *out,
                        JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    {
      g_string_append_c (out, '~');
      return;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      g_string_append_printf (out, "'%zu:%s", strlen (text), text);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (value == floor (value) && fabs (value) < 9007199254740992.0)
        g_string_append_printf (out, "#%" G_GINT64_FORMAT, (gint64) value);
      else
        g_string_append_printf (out, "#%.17g", value);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_string_append_printf (out, "#%d", json_node_get_boolean (node) ? 1 : 0);
  else
    g_string_append_printf (out, "#%" G_GINT64_FORMAT, json_node_get_int (node));
}

static void
append_reference (GString     *out,
                  const char  *table,
                  JsonNode    *node,
                  BundleNamer  namer,
                  gpointer     user_data)
{
  g_autofree char *name = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_string_append_c (out, '~');
      return;
    }
  name = namer (table, json_node_get_string (node), user_data);
  g_string_append_printf (out, "@%zu:%s", strlen (name ? name : ""), name ? name : "");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
is_ignored_in_digest (const char *column)
{
  return g_str_equal (column, "id") || g_str_equal (column, "uuid")
         || g_str_equal (column, "created_at") || g_str_equal (column, "updated_at")
         || g_strv_contains (derived_columns, column);
}

static void
append_links (GString           *out,
              BundleTable       *table,
              JsonObject        *links,
              BundleNamer        namer,
              gpointer           user_data)
{
  for (guint i = 0; table->desc->links[i] != NULL; i++)
    {
      const BundleLinks *link = table->desc->links[i];
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      JsonArray *array = NULL;

      if (links != NULL && json_object_has_member (links, link->table)
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (links, link->table)))
        array = json_object_get_array_member (links, link->table);
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          JsonNode *node = json_array_get_element (array, j);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_ptr_array_add (names, namer (link->other_table, json_node_get_string (node), user_data));
        }
      g_ptr_array_sort (names, compare_strings);
      g_string_append_printf (out, "%s=[", link->table);
      for (guint j = 0; j < names->len; j++)
        g_string_append_printf (out, "%zu:%s,", strlen (names->pdata[j]), (char *) names->pdata[j]);
      g_string_append (out, "];");
    }
}

char *
bundle_digest (BundleTable *table,
               JsonObject  *values,
               JsonObject  *links,
               BundleNamer  namer,
               gpointer     user_data)
{
  g_autoptr (GList) members = json_object_get_members (values);
  g_autoptr (GString) text = g_string_new ("ward-bundle-record/1\n");
  g_autofree char *digest = NULL;

  members = g_list_sort (members, (GCompareFunc) strcmp);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      const char *reference = g_hash_table_lookup (table->references, column);

      if (is_ignored_in_digest (column))
        continue;
      g_string_append_printf (text, "%s=", column);
      if (reference != NULL)
        append_reference (text, reference, json_object_get_member (values, column), namer, user_data);
      else
        append_canonical_value (text, json_object_get_member (values, column));
      g_string_append_c (text, ';');
    }
  if (table->desc->links[0] != NULL)
    append_links (text, table, links, namer, user_data);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  /* 128 bits name a version well enough, at half the size in a bundle. */
  digest[32] = '\0';
  return g_steal_pointer (&digest);
}

char *
bundle_natural_key (const BundleDesc *desc,
                    JsonObject       *values)
{
  GString *key;

  if (desc->role != BUNDLE_REFERENCE)
    return NULL;
  key = g_string_new (NULL);
  for (guint i = 0; desc->natural_key[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      if (json_object_has_member (values, desc->natural_key[i]))
        text = bundle_node_to_text (json_object_get_member (values, desc->natural_key[i]));
      if (i > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, text ? text : "");
    }
  return g_string_free (key, FALSE);
}

char *
bundle_local_namer (const char *table,
                    const char *uuid,
                    gpointer    user_data)
{
  WardStore *store = user_data;
  const BundleDesc *desc = bundle_desc_lookup (table);
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  GString *key;

  if (desc == NULL || desc->role != BUNDLE_REFERENCE)
    return g_strdup (uuid);

  key = g_string_new ("SELECT ");
  for (guint i = 0; desc->natural_key[i] != NULL; i++)
    g_string_append_printf (key, "%s\"%s\"", i > 0 ? ", " : "", desc->natural_key[i]);
  g_string_append_printf (key, " FROM %s WHERE uuid = ?", table);
  sql = g_string_free (key, FALSE);
  stmt = ward_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return g_strdup (uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (uuid);
  key = g_string_new (NULL);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, ward_stmt_text (stmt, i));
    }
  return g_string_free (key, FALSE);
}

/* The versions the audit trail holds of a reference-list row: the seeded
 * one above all, which both laptops had without ever exchanging it. */
static gboolean
add_audit_history (WardStore    *store,
                   BundleTable  *table,
                   const char   *uuid,
                   GHashTable   *history,
                   GError      **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT old_values, new_values FROM audit "
                             "WHERE table_name = ? AND row_uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->desc->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 2; i++)
      {
        g_autoptr (JsonNode) node = NULL;

        if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
          continue;
        node = json_from_string (ward_stmt_text (stmt, i), NULL);
        if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
          g_hash_table_add (history, bundle_digest (table, json_node_get_object (node), NULL,
                                                    bundle_local_namer, store));
      }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

GHashTable *
bundle_history (WardStore    *store,
                BundleTable  *table,
                const char   *uuid,
                GError      **error)
{
  g_autoptr (GHashTable) history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT digest FROM bundle_versions WHERE table_name = ? AND row_uuid = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table->desc->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (history, ward_stmt_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  if (table->desc->role == BUNDLE_REFERENCE && !add_audit_history (store, table, uuid, history, error))
    return NULL;
  return g_steal_pointer (&history);
}

gboolean
bundle_remember (WardStore   *store,
                 const char  *table,
                 const char  *uuid,
                 const char  *digest,
                 GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "INSERT OR IGNORE INTO bundle_versions (table_name, row_uuid, digest) "
                             "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
bundle_deleted_here (WardStore   *store,
                     const char  *table,
                     const char  *uuid,
                     char       **updated_at_out,
                     GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  *updated_at_out = NULL;
  stmt = ward_store_prepare (store,
                             "SELECT json_extract (old_values, '$.updated_at') FROM audit "
                             "WHERE table_name = ? AND row_uuid = ? AND action = 'delete' "
                             "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *updated_at_out = g_strdup (ward_stmt_text (stmt, 0));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return FALSE;
}

void
bundle_bind_node (WardStmt *stmt,
                  int       index,
                  JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}
