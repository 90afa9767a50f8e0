/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "store/ward-store-audit.h"

/* Bookkeeping columns that every row has: not worth showing a clerk. */
static const char * const hidden_fields[] = {
  "id", "uuid", "created_at", "updated_at", "search_key", "sort_key", "prev_hash", "hash", "seq", NULL
};

static void
change_free (WardAuditChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

void
ward_audit_entry_free (WardAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->action);
  g_clear_pointer (&entry->changes, g_ptr_array_unref);
  g_free (entry);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) ? json_object_ref (json_node_get_object (root)) : NULL;
}

static char *
value_text (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL
      || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) ? g_strdup (json_node_get_string (node)) : NULL;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

static GPtrArray *
diff (JsonObject *old_values,
      JsonObject *new_values)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr (GList) members = json_object_get_members (new_values ? new_values : old_values);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *field = l->data;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      WardAuditChange *change;

      if (g_strv_contains (hidden_fields, field))
        continue;
      before = value_text (old_values, field);
      after = value_text (new_values, field);
      if (g_strcmp0 (before, after) == 0)
        continue;
      change = g_new0 (WardAuditChange, 1);
      change->field = g_strdup (field);
      change->old_value = g_steal_pointer (&before);
      change->new_value = g_steal_pointer (&after);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

GPtrArray *
ward_audit_history (WardStore   *store,
                    const char  *table,
                    const char  *row_uuid,
                    GError     **error)
{
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_audit_entry_free);
  g_autoptr (JsonParser) old_parser = json_parser_new ();
  g_autoptr (JsonParser) new_parser = json_parser_new ();
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT at, action, old_values, new_values FROM audit "
                             "WHERE table_name = ? AND row_uuid = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject) old_values = parse_object (old_parser, (const char *) sqlite3_column_text (stmt, 2));
      g_autoptr (JsonObject) new_values = parse_object (new_parser, (const char *) sqlite3_column_text (stmt, 3));
      g_autoptr (WardAuditEntry) entry = g_new0 (WardAuditEntry, 1);

      if (old_values == NULL && new_values == NULL)
        continue;
      entry->at = ward_stmt_dup_text (stmt, 0);
      entry->action = ward_stmt_dup_text (stmt, 1);
      entry->changes = diff (old_values, new_values);
      if (g_str_equal (entry->action, "update") && entry->changes->len == 0)
        continue;
      g_ptr_array_add (history, g_steal_pointer (&entry));
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&history);
}
