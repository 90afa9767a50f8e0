/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange-private.h"

/* Reading a bundle and deciding, record by record, what an import would
 * do. Nothing is written here.
 *
 * Which side changed a record is told by content digests, not by clocks
 * (laptops' clocks disagree): each side keeps the digests of the versions
 * it has sent, received or kept, and a bundle sends them along. Mine is in
 * what they superseded and theirs is not in my past: they changed it, take
 * theirs. Theirs is in my past: I changed it, keep mine. Neither (or
 * both): it changed on both sides, a person chooses. */

typedef struct
{
  BundleTable *table;
  JsonObject  *record;
  const char  *uuid;            /* the uuid in the bundle */
  JsonObject  *values;          /* as sent: references by the sender's uuids */
  JsonObject  *links;
  JsonArray   *supersedes;
  JsonObject  *resolved;        /* references by this file's uuids (NULL: deleted here) */
  JsonObject  *resolved_links;
  char        *digest;
  gboolean     orphan;          /* belongs to a record deleted here */
} Incoming;

static void
incoming_clear (Incoming *inc)
{
  g_clear_pointer (&inc->resolved, json_object_unref);
  g_clear_pointer (&inc->resolved_links, json_object_unref);
  g_clear_pointer (&inc->digest, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Incoming, incoming_clear)

/* ---- Resolving references ------------------------------------------------ */

/* Names a referenced row as its sender does: by the natural key it has in
 * the bundle, else as this file knows it. */
static char *
incoming_namer (const char *table,
                const char *uuid,
                gpointer    user_data)
{
  BundlePlanner *planner = user_data;
  g_autofree char *key = bundle_key (table, uuid);
  JsonObject *record = g_hash_table_lookup (planner->incoming, key);
  BundleTable *bundle_table = bundle_schema_lookup (planner->schema, table);

  if (record != NULL && bundle_table != NULL && bundle_table->desc->role == BUNDLE_REFERENCE)
    return bundle_natural_key (bundle_table->desc, json_object_get_object_member (record, "values"));
  return bundle_local_namer (table, uuid, planner->store);
}

static gboolean
resolve_reference (BundlePlanner  *planner,
                   const char     *table,
                   const char     *uuid,
                   char          **local_out,
                   GError        **error)
{
  g_autofree char *key = bundle_key (table, uuid);
  g_autofree char *deleted_updated_at = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *mapped = g_hash_table_lookup (planner->map, key);

  *local_out = NULL;
  if (mapped != NULL)
    {
      *local_out = *mapped != '\0' ? g_strdup (mapped) : NULL;
      return TRUE;
    }
  if (bundle_uuid_exists (planner->store, table, uuid, NULL, &local_error))
    {
      *local_out = g_strdup (uuid);
      return TRUE;
    }
  if (local_error == NULL && bundle_deleted_here (planner->store, table, uuid, &deleted_updated_at, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("The bundle “%s” refers to a record (of %s) that is neither in it nor in this file. "
                 "Nothing was imported. Ask for a bundle of every record (made without a start date)."),
               planner->plan->display_name, table);
  return FALSE;
}

static gboolean
resolve_values (BundlePlanner  *planner,
                Incoming       *inc,
                GError        **error)
{
  g_autoptr (GList) members = json_object_get_members (inc->values);

  inc->resolved = json_object_new ();
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *column = l->data;
      const char *reference = g_hash_table_lookup (inc->table->references, column);
      JsonNode *node = json_object_get_member (inc->values, column);
      g_autofree char *local = NULL;

      if (reference == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          json_object_set_member (inc->resolved, column, json_node_copy (node));
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return bundle_corrupt (planner->plan, column, error);
      if (!resolve_reference (planner, reference, json_node_get_string (node), &local, error))
        return FALSE;
      if (local == NULL && g_hash_table_contains (inc->table->not_null, column))
        inc->orphan = TRUE;
      if (local != NULL)
        json_object_set_string_member (inc->resolved, column, local);
      else
        json_object_set_null_member (inc->resolved, column);
    }
  return TRUE;
}

static gboolean
resolve_links (BundlePlanner  *planner,
               Incoming       *inc,
               GError        **error)
{
  const BundleDesc *desc = inc->table->desc;

  if (desc->links[0] == NULL)
    return TRUE;
  inc->resolved_links = json_object_new ();
  for (guint i = 0; desc->links[i] != NULL; i++)
    {
      JsonArray *resolved = json_array_new ();
      JsonNode *node = inc->links ? json_object_get_member (inc->links, desc->links[i]->table) : NULL;
      JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      json_object_set_array_member (inc->resolved_links, desc->links[i]->table, resolved);
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          JsonNode *element = json_array_get_element (array, j);
          g_autofree char *local = NULL;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            return bundle_corrupt (planner->plan, desc->links[i]->table, error);
          if (!resolve_reference (planner, desc->links[i]->other_table, json_node_get_string (element),
                                  &local, error))
            return FALSE;
          if (local != NULL)
            json_array_add_string_element (resolved, local);
        }
    }
  return TRUE;
}

static gboolean
read_incoming (BundlePlanner  *planner,
               BundleTable    *table,
               JsonObject     *record,
               Incoming       *inc,
               GError        **error)
{
  JsonNode *supersedes = json_object_get_member (record, "supersedes");
  JsonNode *links = json_object_get_member (record, "links");

  inc->table = table;
  inc->record = record;
  inc->uuid = bundle_string_member (record, "uuid");
  inc->values = json_object_get_object_member (record, "values");
  inc->links = links != NULL && JSON_NODE_HOLDS_OBJECT (links) ? json_node_get_object (links) : NULL;
  if (supersedes != NULL && !JSON_NODE_HOLDS_NULL (supersedes))
    {
      if (!JSON_NODE_HOLDS_ARRAY (supersedes))
        return bundle_corrupt (planner->plan, table->desc->name, error);
      inc->supersedes = json_node_get_array (supersedes);
    }
  if (!resolve_values (planner, inc, error) || !resolve_links (planner, inc, error))
    return FALSE;
  inc->digest = bundle_digest (table, inc->values, inc->links, incoming_namer, planner);
  return TRUE;
}

static gboolean
supersedes_contains (Incoming   *inc,
                     const char *digest)
{
  for (guint i = 0; inc->supersedes != NULL && i < json_array_get_length (inc->supersedes); i++)
    {
      JsonNode *node = json_array_get_element (inc->supersedes, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (node), digest) == 0)
        return TRUE;
    }
  return FALSE;
}

/* What the row will know of itself after the import: the version received
 * and every version it superseded. */
static void
remember_incoming (BundleAction *action,
                   Incoming     *inc)
{
  g_ptr_array_add (action->remember, g_strdup (inc->digest));
  for (guint i = 0; inc->supersedes != NULL && i < json_array_get_length (inc->supersedes); i++)
    {
      JsonNode *node = json_array_get_element (inc->supersedes, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (action->remember, g_strdup (json_node_get_string (node)));
    }
}

/* ---- Finding the same record here ---------------------------------------- */

static gboolean
bind_key_value (BundlePlanner  *planner,
                Incoming       *inc,
                WardStmt       *stmt,
                int             index,
                const char     *column,
                GError        **error)
{
  const char *reference = g_hash_table_lookup (inc->table->references, column);
  JsonNode *node = json_object_get_member (inc->resolved, column);
  gint64 id = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (reference == NULL)
    {
      bundle_bind_node (stmt, index, node);
      return TRUE;
    }
  if (!bundle_uuid_exists (planner->store, reference, json_node_get_string (node), &id, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, index, id);
  return TRUE;
}

/* By a natural key: a unit or a target by its name or code, an enterprise
 * by its tax code, a candidate by name and birth date. */
static gboolean
find_by_key (BundlePlanner  *planner,
             Incoming       *inc,
             GStrv           key,
             char          **uuid_out,
             GError        **error)
{
  GString *sql = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_string_printf (sql, "SELECT uuid FROM %s WHERE 1", inc->table->desc->name);
  for (guint i = 0; key[i] != NULL; i++)
    g_string_append_printf (sql, " AND \"%s\" = ?", key[i]);
  text = g_string_free (sql, FALSE);
  stmt = ward_store_prepare (planner->store, text, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; key[i] != NULL; i++)
    if (!bind_key_value (planner, inc, stmt, (int) i + 1, key[i], error))
      return error == NULL || *error == NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *uuid_out = ward_stmt_dup_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return ward_store_set_error (planner->store, rc, error);
  return TRUE;
}

static gboolean
find_local (BundlePlanner  *planner,
            Incoming       *inc,
            char          **uuid_out,
            GError        **error)
{
  g_autoptr (GError) local_error = NULL;

  *uuid_out = NULL;
  if (bundle_uuid_exists (planner->store, inc->table->desc->name, inc->uuid, NULL, &local_error))
    {
      *uuid_out = g_strdup (inc->uuid);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; i < inc->table->keys->len && *uuid_out == NULL; i++)
    if (!find_by_key (planner, inc, inc->table->keys->pdata[i], uuid_out, error))
      return FALSE;
  return TRUE;
}

/* Two copies of the same record under two uuids (seeded on each laptop,
 * or entered on both): both sides settle on the same one, the smaller,
 * so that they agree after one exchange each way. A campaign is different:
 * its uuid is hashed into each of its ledger entries. One with entries
 * here keeps its uuid; one without takes the sender's at once, so that a
 * laptop which imports the office's bundle before collecting receipts
 * writes them under the office's campaign. */
static char *
agreed_uuid (BundlePlanner *planner,
             Incoming      *inc,
             const char    *local_uuid,
             gint64         local_id)
{
  if (g_str_equal (local_uuid, inc->uuid))
    return g_strdup (local_uuid);
  if (g_str_equal (inc->table->desc->name, "campaigns"))
    {
      g_autoptr (WardStmt) stmt = ward_store_prepare (planner->store,
                                                      "SELECT COUNT (*) FROM ledger_entries "
                                                      "WHERE campaign_id = ?", NULL);
      gint64 here = 0;

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, local_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            here = sqlite3_column_int64 (stmt, 0);
        }
      return g_strdup (here > 0 ? local_uuid : inc->uuid);
    }
  return g_strdup (strcmp (inc->uuid, local_uuid) < 0 ? inc->uuid : local_uuid);
}

static void
add_action (BundlePlanner *planner,
            BundleAction  *action)
{
  g_ptr_array_add (planner->plan->actions, action);
  if (action->kind != ACTION_REMEMBER && action->conflict == NULL)
    planner->plan->n_changes++;
}

/* ---- Deciding, record by record ------------------------------------------ */

static const char *
values_string (JsonObject *values,
               const char *member)
{
  return values != NULL ? bundle_string_member (values, member) : NULL;
}

static BundleAction *
write_action (ActionKind  kind,
              Incoming   *inc,
              const char *uuid)
{
  BundleAction *action = bundle_action_new (kind, inc->table, uuid);

  action->values = json_object_ref (inc->resolved);
  if (inc->resolved_links != NULL)
    action->links = json_object_ref (inc->resolved_links);
  remember_incoming (action, inc);
  return action;
}

/* Not here: new, unless it was deleted here. A copy of the version that was
 * deleted is not brought back; a version changed there since is a conflict. */
static gboolean
plan_absent (BundlePlanner    *planner,
             Incoming         *inc,
             WardBundleCount  *count,
             GError          **error)
{
  g_autofree char *deleted_updated_at = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GHashTable) history = NULL;
  const char *name = inc->table->desc->name;
  BundleAction *action;

  if (!bundle_deleted_here (planner->store, name, inc->uuid, &deleted_updated_at, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_action (planner, write_action (ACTION_INSERT, inc, inc->uuid));
      g_hash_table_insert (planner->map, bundle_key (name, inc->uuid), g_strdup (inc->uuid));
      count->n_added++;
      return TRUE;
    }

  history = bundle_history (planner->store, inc->table, inc->uuid, error);
  if (history == NULL)
    return FALSE;
  if (g_strcmp0 (values_string (inc->values, "updated_at"), deleted_updated_at) == 0
      || g_hash_table_contains (history, inc->digest))
    {
      action = bundle_action_new (ACTION_REMEMBER, inc->table, inc->uuid);
      g_ptr_array_add (action->remember, g_strdup (inc->digest));
      add_action (planner, action);
      g_hash_table_insert (planner->map, bundle_key (name, inc->uuid), g_strdup (""));
      count->n_skipped++;
      return TRUE;
    }
  action = write_action (ACTION_INSERT, inc, inc->uuid);
  action->conflict = bundle_add_conflict (planner, WARD_BUNDLE_DELETED_HERE, inc->table, inc->uuid,
                                   inc->resolved,
                                   bundle_conflict_fields (planner, inc->table, NULL, NULL,
                                                    inc->resolved, inc->resolved_links));
  add_action (planner, action);
  g_hash_table_insert (planner->map, bundle_key (name, inc->uuid), g_strdup (inc->uuid));
  return TRUE;
}

/* Compares like with like: a bundle from an older version carries fewer
 * columns. */
static JsonObject *
filter_like (JsonObject *values,
             JsonObject *like)
{
  g_autoptr (GList) members = json_object_get_members (values);
  JsonObject *filtered = json_object_new ();

  for (GList *l = members; l != NULL; l = l->next)
    if (json_object_has_member (like, l->data))
      json_object_set_member (filtered, l->data, json_object_dup_member (values, l->data));
  return filtered;
}

/* The same content under other timestamps: both sides settle on the
 * earliest created_at and the latest updated_at. */
static void
plan_touch (BundlePlanner *planner,
            Incoming      *inc,
            JsonObject    *local,
            const char    *uuid)
{
  const char *created_here = values_string (local, "created_at");
  const char *created_there = values_string (inc->values, "created_at");
  const char *updated_here = values_string (local, "updated_at");
  const char *updated_there = values_string (inc->values, "updated_at");
  BundleAction *action;

  if (created_here == NULL || created_there == NULL || updated_here == NULL || updated_there == NULL)
    return;
  if (strcmp (created_there, created_here) >= 0 && strcmp (updated_there, updated_here) <= 0)
    return;
  action = bundle_action_new (ACTION_TOUCH, inc->table, uuid);
  action->created_at = g_strdup (strcmp (created_there, created_here) < 0 ? created_there : created_here);
  action->updated_at = g_strdup (strcmp (updated_there, updated_here) > 0 ? updated_there : updated_here);
  add_action (planner, action);
}

static gboolean
plan_changed (BundlePlanner    *planner,
              Incoming         *inc,
              JsonObject       *local,
              JsonObject       *local_links,
              const char       *local_digest,
              const char       *uuid,
              gboolean          same_uuid,
              WardBundleCount  *count,
              GError          **error)
{
  g_autoptr (GHashTable) history = bundle_history (planner->store, inc->table, uuid, error);
  gboolean mine_known, theirs_known;
  BundleAction *action;

  if (history == NULL)
    return FALSE;
  mine_known = supersedes_contains (inc, local_digest);
  theirs_known = g_hash_table_contains (history, inc->digest);

  if (theirs_known && !mine_known)
    {
      action = bundle_action_new (ACTION_REMEMBER, inc->table, uuid);
      remember_incoming (action, inc);
      add_action (planner, action);
      count->n_unchanged++;
      return TRUE;
    }
  action = write_action (ACTION_UPDATE, inc, uuid);
  g_ptr_array_add (action->remember, g_strdup (local_digest));
  if (mine_known && !theirs_known)
    count->n_updated++;
  else
    action->conflict = bundle_add_conflict (planner,
                                     same_uuid || g_hash_table_size (history) > 0
                                     ? WARD_BUNDLE_CHANGED_BOTH : WARD_BUNDLE_ENTERED_TWICE,
                                     inc->table, uuid, local,
                                     bundle_conflict_fields (planner, inc->table, local, local_links,
                                                      inc->resolved, inc->resolved_links));
  add_action (planner, action);
  return TRUE;
}

static gboolean
plan_present (BundlePlanner    *planner,
              Incoming         *inc,
              const char       *local_uuid,
              WardBundleCount  *count,
              GError          **error)
{
  g_autoptr (JsonObject) local = NULL;
  g_autoptr (JsonObject) local_links = NULL;
  g_autoptr (JsonObject) compared = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *local_digest = NULL;
  BundleAction *action;
  gint64 id = 0;

  local = bundle_table_read_row (planner->store, inc->table, local_uuid, &id, error);
  if (local == NULL)
    return FALSE;
  if (inc->table->desc->links[0] != NULL
      && (local_links = bundle_table_read_links (planner->store, inc->table, id, error)) == NULL)
    return FALSE;

  uuid = agreed_uuid (planner, inc, local_uuid, id);
  if (!g_str_equal (uuid, local_uuid))
    {
      action = bundle_action_new (ACTION_ADOPT_UUID, inc->table, uuid);
      action->old_uuid = g_strdup (local_uuid);
      add_action (planner, action);
    }
  g_hash_table_insert (planner->map, bundle_key (inc->table->desc->name, inc->uuid), g_strdup (uuid));

  compared = filter_like (local, inc->values);
  local_digest = bundle_digest (inc->table, compared, local_links, bundle_local_namer, planner->store);
  if (g_str_equal (local_digest, inc->digest))
    {
      plan_touch (planner, inc, local, uuid);
      action = bundle_action_new (ACTION_REMEMBER, inc->table, uuid);
      remember_incoming (action, inc);
      add_action (planner, action);
      count->n_unchanged++;
      return TRUE;
    }
  return plan_changed (planner, inc, local, local_links, local_digest, uuid,
                       g_str_equal (local_uuid, inc->uuid), count, error);
}

static gboolean
plan_record (BundlePlanner  *planner,
             BundleTable    *table,
             JsonObject     *record,
             GError        **error)
{
  g_auto (Incoming) inc = { 0 };
  g_autofree char *local_uuid = NULL;
  WardBundleCount *count = bundle_planner_count (planner, table->desc->name);

  if (!read_incoming (planner, table, record, &inc, error))
    return FALSE;
  if (inc.orphan)
    {
      /* Its parent was deleted here: deleted with it, as here. */
      g_hash_table_insert (planner->map, bundle_key (table->desc->name, inc.uuid), g_strdup (""));
      count->n_skipped++;
      return TRUE;
    }
  if (!find_local (planner, &inc, &local_uuid, error))
    return FALSE;
  if (local_uuid == NULL)
    return plan_absent (planner, &inc, count, error);
  return plan_present (planner, &inc, local_uuid, count, error);
}

static gboolean
plan_table (BundlePlanner  *planner,
            BundleTable    *table,
            GError        **error)
{
  JsonArray *array = bundle_records_of (planner, table->desc->name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!plan_record (planner, table, json_array_get_object_element (array, i), error))
      return FALSE;
  return TRUE;
}

/* ---- Deletions ------------------------------------------------------------ */

static gboolean
plan_tombstone (BundlePlanner  *planner,
                JsonObject     *tombstone,
                GPtrArray      *deletions,
                GError        **error)
{
  const char *name = bundle_string_member (tombstone, "table");
  const char *uuid = bundle_string_member (tombstone, "uuid");
  const char *updated_at = bundle_string_member (tombstone, "updated_at");
  BundleTable *table = name ? bundle_schema_lookup (planner->schema, name) : NULL;
  g_autoptr (JsonObject) local = NULL;
  g_autoptr (GHashTable) history = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *marker = NULL;
  BundleAction *action;

  if (table == NULL || table->desc->role == BUNDLE_LEDGER || uuid == NULL)
    return bundle_corrupt (planner->plan, "deleted", error);
  local = bundle_table_read_row (planner->store, table, uuid, NULL, &local_error);
  if (local == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL && (error == NULL || *error == NULL);
    }
  history = bundle_history (planner->store, table, uuid, error);
  if (history == NULL)
    return FALSE;
  marker = g_strconcat ("deleted:", updated_at ? updated_at : "", NULL);
  if (g_hash_table_contains (history, marker))
    {
      bundle_planner_count (planner, name)->n_unchanged++;
      return TRUE;
    }
  action = bundle_action_new (ACTION_DELETE, table, uuid);
  g_ptr_array_add (action->remember, g_steal_pointer (&marker));
  if (g_strcmp0 (values_string (local, "updated_at"), updated_at) == 0)
    {
      bundle_planner_count (planner, name)->n_deleted++;
      planner->plan->n_changes++;
    }
  else
    action->conflict = bundle_add_conflict (planner, WARD_BUNDLE_DELETED_THERE, table, uuid, local,
                                     bundle_conflict_fields (planner, table, local, NULL, NULL, NULL));
  g_ptr_array_add (deletions, action);
  return TRUE;
}

static int
compare_deletions (gconstpointer a,
                   gconstpointer b)
{
  const BundleAction *x = *(BundleAction * const *) a;
  const BundleAction *y = *(BundleAction * const *) b;

  /* Records that refer to others go first. */
  return (y->desc > x->desc) - (y->desc < x->desc);
}

static gboolean
plan_deletions (BundlePlanner  *planner,
                GPtrArray      *deletions,
                GError        **error)
{
  JsonNode *node = json_object_get_member (planner->plan->records, "deleted");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bundle_corrupt (planner->plan, "deleted", error);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return bundle_corrupt (planner->plan, "deleted", error);
      if (!plan_tombstone (planner, json_node_get_object (element), deletions, error))
        return FALSE;
    }
  g_ptr_array_sort (deletions, compare_deletions);
  return TRUE;
}

/* ---- The plan --------------------------------------------------------------- */

static void
drop_untouched_counts (WardBundlePlan *plan)
{
  for (guint i = plan->counts->len; i > 0; i--)
    {
      WardBundleCount *count = &g_array_index (plan->counts, WardBundleCount, i - 1);
      JsonNode *node = json_object_get_member (plan->records, count->table);
      gboolean sent = node != NULL && JSON_NODE_HOLDS_ARRAY (node)
                      && json_array_get_length (json_node_get_array (node)) > 0;

      if (!sent && count->n_added + count->n_updated + count->n_deleted + count->n_unchanged
                   + count->n_conflicts + count->n_skipped == 0)
        g_array_remove_index (plan->counts, i - 1);
    }
}

gboolean
bundle_plan_make (WardStore       *store,
           WardBundlePlan  *plan,
           GError         **error)
{
  g_autoptr (BundleSchema) schema = NULL;
  g_autoptr (GHashTable) incoming = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) deletions = g_ptr_array_new ();
  BundlePlanner planner = { store, NULL, plan, incoming, map };

  if (!bundle_read_envelope (store, plan, error) || (schema = bundle_schema_load (store, error)) == NULL)
    return FALSE;
  planner.schema = schema;
  for (guint i = 0; i < schema->n_tables; i++)
    {
      WardBundleCount count = { schema->tables[i].desc->name, BUNDLE_C_ (schema->tables[i].desc->title) };

      g_array_append_val (plan->counts, count);
    }
  if (!bundle_index_records (&planner, error))
    return FALSE;
  for (guint i = 0; i < schema->n_tables; i++)
    if (schema->tables[i].desc->role != BUNDLE_LEDGER && !plan_table (&planner, &schema->tables[i], error))
      return FALSE;
  if (!bundle_plan_ledger (&planner, error) || !plan_deletions (&planner, deletions, error))
    {
      g_ptr_array_set_free_func (deletions, (GDestroyNotify) bundle_action_free);
      return FALSE;
    }
  for (guint i = 0; i < deletions->len; i++)
    g_ptr_array_add (plan->actions, deletions->pdata[i]);
  drop_untouched_counts (plan);
  plan->file_state = bundle_file_state (store);
  return TRUE;
}
