/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange-private.h"

/* Storing a plan: all of it in one transaction, or nothing. The plan is
 * made again inside the transaction, so that what is stored is decided on
 * the file as it is at that moment, with the choices a person made. */

typedef struct
{
  WardStore    *store;
  BundleSchema *schema;
  const char   *display;   /* the bundle's name, for the registers' refusals */
} Applier;

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

/* A reference by uuid, as an integer key here. FALSE when the record it
 * names is not here (its creation was declined). */
static gboolean
bind_reference (Applier      *applier,
                WardStmt     *stmt,
                int           index,
                const char   *table,
                JsonNode     *node,
                gboolean     *missing,
                GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 id = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (bundle_uuid_exists (applier->store, table, json_node_get_string (node), &id, &local_error))
    {
      sqlite3_bind_int64 (stmt, index, id);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sqlite3_bind_null (stmt, index);
  *missing = TRUE;
  return TRUE;
}

/* The columns of @values that this file has, in table order. */
static GPtrArray *
columns_of (BundleTable *table,
            JsonObject  *values)
{
  GPtrArray *columns = g_ptr_array_new ();

  for (guint i = 0; i < table->columns->len; i++)
    if (json_object_has_member (values, table->columns->pdata[i]))
      g_ptr_array_add (columns, table->columns->pdata[i]);
  return columns;
}

/* Binds the values from index 2 on; FALSE for an error. @skip is set when a
 * record it must refer to is not here. */
static gboolean
bind_values (Applier      *applier,
             BundleTable  *table,
             WardStmt     *stmt,
             GPtrArray    *columns,
             JsonObject   *values,
             gboolean     *skip,
             GError      **error)
{
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = columns->pdata[i];
      const char *reference = g_hash_table_lookup (table->references, column);
      JsonNode *node = json_object_get_member (values, column);
      gboolean missing = FALSE;

      if (reference == NULL)
        {
          bundle_bind_node (stmt, (int) i + 2, node);
          continue;
        }
      if (!bind_reference (applier, stmt, (int) i + 2, reference, node, &missing, error))
        return FALSE;
      if (missing && g_hash_table_contains (table->not_null, column))
        *skip = TRUE;
    }
  return TRUE;
}

static char *
write_sql (BundleTable *table,
           GPtrArray   *columns,
           gboolean     insert)
{
  GString *sql = g_string_new (NULL);

  if (insert)
    {
      g_string_printf (sql, "INSERT INTO %s (uuid", table->desc->name);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", \"%s\"", (const char *) columns->pdata[i]);
      g_string_append (sql, ") VALUES (?1");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append_c (sql, ')');
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET ", table->desc->name);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s\"%s\" = ?%u", i > 0 ? ", " : "",
                                (const char *) columns->pdata[i], i + 2);
      g_string_append (sql, " WHERE uuid = ?1");
    }
  return g_string_free (sql, FALSE);
}

static gboolean
write_links (Applier      *applier,
             BundleTable  *table,
             const char   *uuid,
             JsonObject   *links,
             GError      **error)
{
  g_autofree char *now = ward_store_now ();
  gint64 parent = 0;

  if (links == NULL || !bundle_uuid_exists (applier->store, table->desc->name, uuid, &parent, error))
    return error == NULL || *error == NULL;
  for (guint i = 0; table->desc->links[i] != NULL; i++)
    {
      const BundleLinks *link = table->desc->links[i];
      g_autofree char *clear = g_strdup_printf ("DELETE FROM %s WHERE %s = ?", link->table,
                                                link->parent_column);
      g_autofree char *insert = g_strdup_printf ("INSERT OR IGNORE INTO %s (uuid, %s, %s, created_at, "
                                                 "updated_at) VALUES (?, ?, ?, ?4, ?4)",
                                                 link->table, link->parent_column, link->other_column);
      g_autoptr (WardStmt) stmt = ward_store_prepare (applier->store, clear, error);
      JsonArray *array = json_object_get_array_member (links, link->table);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent);
      if (!step_done (applier->store, stmt, error))
        return FALSE;
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          g_autoptr (WardStmt) add = NULL;
          g_autofree char *link_uuid = ward_store_new_uuid ();
          gint64 other = 0;

          if (!bundle_uuid_exists (applier->store, link->other_table,
                                   json_array_get_string_element (array, j), &other, NULL))
            continue;
          if ((add = ward_store_prepare (applier->store, insert, error)) == NULL)
            return FALSE;
          sqlite3_bind_text (add, 1, link_uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (add, 2, parent);
          sqlite3_bind_int64 (add, 3, other);
          sqlite3_bind_text (add, 4, now, -1, SQLITE_STATIC);
          if (!step_done (applier->store, add, error))
            return FALSE;
        }
      ward_store_notify_changed (applier->store, link->table);
    }
  return TRUE;
}

static gboolean
write_record (Applier       *applier,
              BundleTable   *table,
              BundleAction  *action,
              gboolean       insert,
              GError       **error)
{
  g_autoptr (GPtrArray) columns = columns_of (table, action->values);
  g_autofree char *sql = write_sql (table, columns, insert);
  g_autoptr (WardStmt) stmt = ward_store_prepare (applier->store, sql, error);
  gboolean skip = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, action->uuid, -1, SQLITE_TRANSIENT);
  if (!bind_values (applier, table, stmt, columns, action->values, &skip, error))
    return FALSE;
  /* It belongs to a record whose creation was declined. */
  if (skip)
    return TRUE;
  if (!step_done (applier->store, stmt, error))
    {
      g_autofree char *what = bundle_describe_record (applier->store, table, action->values);

      g_prefix_error (error, _("“%s” (%s) could not be stored, so nothing was imported. "),
                      what, BUNDLE_C_ (table->desc->title));
      return FALSE;
    }
  return write_links (applier, table, action->uuid, action->links, error);
}

static gboolean
exec_bound (Applier     *applier,
            const char  *sql,
            const char  *first,
            const char  *second,
            const char  *third,
            GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (applier->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);
  if (third != NULL)
    sqlite3_bind_text (stmt, 3, third, -1, SQLITE_TRANSIENT);
  return step_done (applier->store, stmt, error);
}

/* The record takes the uuid both sides agreed on; what this file knew of
 * it under the old one goes along. */
static gboolean
adopt_uuid (Applier       *applier,
            BundleTable   *table,
            BundleAction  *action,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET uuid = ?1 WHERE uuid = ?2", table->desc->name);
  g_autoptr (GHashTable) history = bundle_history (applier->store, table, action->old_uuid, error);
  g_autofree char *default_campaign = NULL;
  GHashTableIter iter;
  gpointer digest;

  if (history == NULL || !exec_bound (applier, sql, action->uuid, action->old_uuid, NULL, error))
    return FALSE;
  g_hash_table_iter_init (&iter, history);
  while (g_hash_table_iter_next (&iter, &digest, NULL))
    if (!bundle_remember (applier->store, table->desc->name, action->uuid, digest, error))
      return FALSE;
  if (!exec_bound (applier, "DELETE FROM bundle_versions WHERE table_name = ?1 AND row_uuid = ?2",
                   table->desc->name, action->old_uuid, NULL, error))
    return FALSE;
  default_campaign = ward_store_dup_setting (applier->store, "default-campaign");
  if (g_str_equal (table->desc->name, "campaigns") && g_strcmp0 (default_campaign, action->old_uuid) == 0)
    return ward_store_set_setting (applier->store, "default-campaign", action->uuid, error);
  return TRUE;
}

static gboolean write_action (Applier *applier, BundleTable *table, BundleAction *action, GError **error);

static gboolean
run_action (Applier       *applier,
            BundleAction  *action,
            GError       **error)
{
  BundleTable *table = bundle_schema_lookup (applier->schema, action->desc->name);

  if (action->conflict != NULL && action->conflict->choice != WARD_BUNDLE_TAKE_THEIRS)
    return TRUE;
  if (!bundle_check_before_write (applier->store, table, action, applier->display, error)
      || !write_action (applier, table, action, error))
    return FALSE;
  return bundle_check_after_write (applier->store, table, action, applier->display, error);
}

static gboolean
write_action (Applier       *applier,
              BundleTable   *table,
              BundleAction  *action,
              GError       **error)
{
  g_autofree char *sql = NULL;

  switch (action->kind)
    {
    case ACTION_INSERT:
    case ACTION_LEDGER_INSERT:
      return write_record (applier, table, action, TRUE, error);
    case ACTION_UPDATE:
      return write_record (applier, table, action, FALSE, error);
    case ACTION_DELETE:
      sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", table->desc->name);
      return exec_bound (applier, sql, action->uuid, NULL, NULL, error);
    case ACTION_ADOPT_UUID:
      return adopt_uuid (applier, table, action, error);
    case ACTION_TOUCH:
      sql = g_strdup_printf ("UPDATE %s SET created_at = ?2, updated_at = ?3 WHERE uuid = ?1",
                             table->desc->name);
      return exec_bound (applier, sql, action->uuid, action->created_at, action->updated_at, error);
    case ACTION_REMEMBER:
    default:
      return TRUE;
    }
}

static gboolean
remember_all (Applier       *applier,
              BundleAction  *action,
              GError       **error)
{
  for (guint i = 0; i < action->remember->len; i++)
    if (!bundle_remember (applier->store, action->desc->name, action->uuid,
                          action->remember->pdata[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
record_peer (WardStore       *store,
             WardBundlePlan  *plan,
             GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();

  stmt = ward_store_prepare (store,
                             "INSERT INTO bundle_peers (uuid, book, last_bundle_at, last_import_at, "
                             "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4, ?4) "
                             "ON CONFLICT (uuid) DO UPDATE SET book = ?2, last_bundle_at = ?3, "
                             "last_import_at = ?4, updated_at = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->installation, -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 2, plan->book);
  sqlite3_bind_text (stmt, 3, plan->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

static const WardBundleConflict *
find_conflict (WardBundlePlan           *plan,
               const WardBundleConflict *like)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      const WardBundleConflict *conflict = plan->conflicts->pdata[i];

      if (conflict->kind == like->kind && g_str_equal (conflict->table, like->table)
          && g_str_equal (conflict->uuid, like->uuid))
        return conflict;
    }
  return NULL;
}

/* The person chose for the conflicts they were shown; any other conflict
 * means the file changed meanwhile. */
static gboolean
carry_choices (WardBundlePlan  *from,
               WardBundlePlan  *to,
               GError         **error)
{
  for (guint i = 0; i < to->conflicts->len; i++)
    {
      WardBundleConflict *conflict = to->conflicts->pdata[i];
      const WardBundleConflict *chosen = find_conflict (from, conflict);

      if (chosen == NULL)
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("The data changed while the summary of “%s” was shown. Nothing was imported: "
                         "open the bundle again to see what importing it would do now."),
                       from->display_name);
          return FALSE;
        }
      conflict->choice = chosen->choice;
    }
  return TRUE;
}

static gboolean
apply_fresh (Applier         *applier,
             WardBundlePlan  *plan,
             GError         **error)
{
  g_autoptr (WardBundlePlan) fresh = NULL;

  /* Untouched since the plan was made (the usual case: the summary was
   * just shown): the plan stands. Otherwise it is made again. */
  if (bundle_file_state (applier->store) == plan->file_state)
    fresh = ward_bundle_plan_ref (plan);
  else if ((fresh = bundle_plan_remake (applier->store, plan, error)) == NULL
           || !carry_choices (plan, fresh, error))
    return FALSE;
  for (guint i = 0; i < fresh->actions->len; i++)
    {
      BundleAction *action = fresh->actions->pdata[i];

      if (!run_action (applier, action, error) || !remember_all (applier, action, error))
        return FALSE;
      if (action->kind != ACTION_REMEMBER)
        ward_store_notify_changed (applier->store, action->desc->name);
    }
  return record_peer (applier->store, fresh, error);
}

gboolean
ward_bundle_plan_apply (WardStore       *store,
                        WardBundlePlan  *plan,
                        GError         **error)
{
  g_autoptr (BundleSchema) schema = NULL;
  Applier applier = { store, NULL, plan->display_name };
  guint undecided;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  undecided = ward_bundle_plan_get_n_undecided (plan);
  if (undecided > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u record in the bundle “%s” was changed on both computers. Nothing "
                                "was imported: choose which version to keep first.",
                                "%u records in the bundle “%s” were changed on both computers. Nothing "
                                "was imported: choose which version to keep for each first.",
                                undecided),
                   undecided, plan->display_name);
      return FALSE;
    }
  if ((schema = bundle_schema_load (store, error)) == NULL)
    return FALSE;
  applier.schema = schema;

  if (!ward_store_begin (store, error))
    return FALSE;
  if (!apply_fresh (&applier, plan, error) || !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
