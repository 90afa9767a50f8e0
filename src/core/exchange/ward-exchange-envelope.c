/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "exchange/ward-exchange-private.h"
#include "exchange/ward-exchange-sign.h"

/* A bundle as read: the envelope checked (format, version, checksum, who
 * made it), its records indexed, and the plan object that holds what an
 * import would do. */

void
bundle_field_free (WardBundleField *field)
{
  g_free (field->label);
  g_free (field->mine);
  g_free (field->theirs);
  g_free (field);
}

static void
bundle_conflict_free (WardBundleConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->description);
  g_ptr_array_unref (conflict->fields);
  g_free (conflict);
}

void
bundle_action_free (BundleAction *action)
{
  g_free (action->uuid);
  g_free (action->old_uuid);
  g_clear_pointer (&action->values, json_object_unref);
  g_clear_pointer (&action->links, json_object_unref);
  g_clear_pointer (&action->replacement, json_object_unref);
  g_free (action->created_at);
  g_free (action->updated_at);
  g_ptr_array_unref (action->remember);
  g_free (action);
}

BundleAction *
bundle_action_new (ActionKind   kind,
                   BundleTable *table,
                   const char  *uuid)
{
  BundleAction *action = g_new0 (BundleAction, 1);

  action->kind = kind;
  action->desc = table->desc;
  action->uuid = g_strdup (uuid);
  action->remember = g_ptr_array_new_with_free_func (g_free);
  return action;
}

char *
bundle_key (const char *table,
            const char *uuid)
{
  return g_strconcat (table, "\x1f", uuid, NULL);
}

gboolean
bundle_refuse_corrupt (const char  *display_name,
                       const char  *what,
                       GError     **error)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
               _("“%s” is not a Ward Tracker data bundle, or it is damaged (%s). "
                 "Nothing was imported."), display_name, what);
  return FALSE;
}

gboolean
bundle_corrupt (WardBundlePlan  *plan,
                const char      *what,
                GError         **error)
{
  return bundle_refuse_corrupt (plan->display_name, what, error);
}

WardBundleCount *
bundle_planner_count (BundlePlanner *planner,
                      const char    *table)
{
  GArray *counts = planner->plan->counts;

  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (g_array_index (counts, WardBundleCount, i).table, table))
      return &g_array_index (counts, WardBundleCount, i);
  g_return_val_if_reached (NULL);
}

static WardBundlePlan *
plan_new (const char *display_name)
{
  WardBundlePlan *plan = g_new0 (WardBundlePlan, 1);

  g_atomic_ref_count_init (&plan->ref);
  plan->display_name = g_strdup (display_name);
  plan->counts = g_array_new (FALSE, TRUE, sizeof (WardBundleCount));
  plan->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_conflict_free);
  plan->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_action_free);
  return plan;
}

/* ---- The envelope -------------------------------------------------------- */

const char *
bundle_string_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
ward_bundle_int_member (JsonObject *object,
                        const char *member,
                        gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
check_version (WardBundlePlan  *plan,
               JsonObject      *root,
               GError         **error)
{
  gint64 version = 0, schema = 0;

  if (g_strcmp0 (bundle_string_member (root, "format"), WARD_BUNDLE_FORMAT) != 0)
    return bundle_corrupt (plan, _("it does not say it is one"), error);
  if (!ward_bundle_int_member (root, "version", &version) || version < 1)
    return bundle_corrupt (plan, _("its format version is missing"), error);
  if (version > WARD_BUNDLE_VERSION)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NEWER_VERSION,
                   _("The bundle “%s” was made by a newer version of Ward Tracker (bundle format %d; "
                     "this version reads up to %d). Nothing was imported. Install the newer version "
                     "to import it."), plan->display_name, (int) version, WARD_BUNDLE_VERSION);
      return FALSE;
    }
  if (!ward_bundle_int_member (root, "schema", &schema) || schema < 1)
    return bundle_corrupt (plan, _("its data version is missing"), error);
  if (schema > ward_store_schema_version ())
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NEWER_VERSION,
                   _("The bundle “%s” was made by a newer version of Ward Tracker (data version %d; "
                     "this version reads up to %d). Nothing was imported. Install the newer version "
                     "to import it."), plan->display_name, (int) schema, ward_store_schema_version ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_checksum (WardBundlePlan  *plan,
                JsonObject      *root,
                GError         **error)
{
  JsonNode *records = json_object_get_member (root, "records");
  const char *checksum = bundle_string_member (root, "checksum");
  g_autofree char *canonical = NULL;
  g_autofree char *computed = NULL;

  if (records == NULL || !JSON_NODE_HOLDS_OBJECT (records))
    return bundle_corrupt (plan, _("it holds no records"), error);
  if (checksum == NULL)
    return bundle_corrupt (plan, _("its checksum is missing"), error);
  canonical = json_to_string (records, FALSE);
  computed = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  if (g_ascii_strcasecmp (computed, checksum) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_TAMPERED,
                   _("The bundle “%s” was changed after it was made: its content no longer matches "
                     "its checksum. Nothing was imported. Ask for the bundle again."),
                   plan->display_name);
      return FALSE;
    }
  plan->records = json_node_get_object (records);
  return TRUE;
}

gboolean
bundle_read_envelope (WardStore       *store,
               WardBundlePlan  *plan,
               GError         **error)
{
  JsonObject *root;
  const char *since;

  if (plan->root == NULL || !JSON_NODE_HOLDS_OBJECT (plan->root))
    return bundle_corrupt (plan, _("it is not a JSON object"), error);
  root = json_node_get_object (plan->root);
  if (!check_version (plan, root, error) || !check_checksum (plan, root, error))
    return FALSE;

  plan->installation = g_strdup (bundle_string_member (root, "installation"));
  plan->created_at = g_strdup (bundle_string_member (root, "created_at"));
  plan->book = g_strdup (bundle_string_member (root, "book"));
  since = bundle_string_member (root, "since");
  plan->since = since != NULL && *since != '\0' ? g_strdup (since) : NULL;
  if (plan->installation == NULL || *plan->installation == '\0' || plan->created_at == NULL)
    return bundle_corrupt (plan, _("it does not say where and when it was made"), error);

  /* The records speak for the installation that signed them, and for
   * no other (ward_exchange_open_sealed() refused this file's own). */
  if (g_strcmp0 (plan->signer, plan->installation) != 0)
    return bundle_corrupt (plan, _("it was signed by another installation than the one it names"), error);
  return TRUE;
}

/* ---- The records, indexed ------------------------------------------------ */

/* A column holds a number, text or nothing: never a list or an object. */
static gboolean
holds_plain_values (JsonObject *values)
{
  JsonObjectIter iter;
  JsonNode *node;

  json_object_iter_init (&iter, values);
  while (json_object_iter_next (&iter, NULL, &node))
    if (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node))
      return FALSE;
  return TRUE;
}

static gboolean
index_table (BundlePlanner  *planner,
             BundleTable    *table,
             JsonNode       *node,
             GError        **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bundle_corrupt (planner->plan, table->desc->name, error);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *record;
      JsonNode *values;
      const char *uuid;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return bundle_corrupt (planner->plan, table->desc->name, error);
      record = json_node_get_object (element);
      uuid = bundle_string_member (record, "uuid");
      values = json_object_get_member (record, "values");
      if (uuid == NULL || *uuid == '\0' || values == NULL || !JSON_NODE_HOLDS_OBJECT (values)
          || !holds_plain_values (json_node_get_object (values)))
        return bundle_corrupt (planner->plan, table->desc->name, error);
      g_hash_table_insert (planner->incoming, bundle_key (table->desc->name, uuid), record);
    }
  return TRUE;
}

gboolean
bundle_index_records (BundlePlanner  *planner,
               GError        **error)
{
  g_autoptr (GList) members = json_object_get_members (planner->plan->records);

  for (GList *l = members; l != NULL; l = l->next)
    {
      BundleTable *table;

      if (g_str_equal (l->data, "deleted"))
        continue;
      table = bundle_schema_lookup (planner->schema, l->data);
      if (table == NULL)
        return bundle_corrupt (planner->plan, l->data, error);
      if (!index_table (planner, table, json_object_get_member (planner->plan->records, l->data), error))
        return FALSE;
    }
  return TRUE;
}

JsonArray *
bundle_records_of (BundlePlanner *planner,
            const char    *table)
{
  JsonNode *node = json_object_get_member (planner->plan->records, table);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static WardBundlePlan *
plan_from_root (WardStore   *store,
                JsonNode    *root,
                const char  *signer,
                const char  *display_name,
                GError     **error)
{
  g_autoptr (WardBundlePlan) plan = plan_new (display_name);

  plan->root = json_node_ref (root);
  plan->signer = g_strdup (signer);
  if (!bundle_plan_make (store, plan, error))
    return NULL;
  return g_steal_pointer (&plan);
}

WardBundlePlan *
ward_bundle_plan_new_for_bytes (WardStore   *store,
                                GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (WardSigner) signer = NULL;
  g_autoptr (GBytes) payload = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  /* Only what an installation trusted here signed is read further: the
   * size and nesting of the envelope are checked there before parsing. */
  payload = ward_exchange_open_sealed (store, bytes, display_name, &signer, error);
  if (payload == NULL)
    return NULL;
  data = g_bytes_get_data (payload, &size);
  /* Before the parser, which recurses once per level of nesting. */
  if (!ward_input_check_json (data, size, display_name, error))
    return NULL;
  /* Blank text parses to no root at all (found by tests/fuzz/fuzz-bundle). */
  if (size == 0 || !g_utf8_validate (data, (gssize) size, NULL)
      || !json_parser_load_from_data (parser, data, (gssize) size, NULL)
      || json_parser_get_root (parser) == NULL)
    {
      bundle_refuse_corrupt (display_name, _("it is not JSON text"), error);
      return NULL;
    }
  return plan_from_root (store, json_parser_get_root (parser), signer->installation, display_name, error);
}

WardBundlePlan *
ward_bundle_plan_new_for_path (WardStore   *store,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  /* A regular file under the limit: never /dev/zero or a pipe. */
  bytes = ward_input_read (path, WARD_INPUT_JSON_MAX, &local_error);
  if (bytes == NULL && g_error_matches (local_error, WARD_ERROR, WARD_ERROR_NOT_FOUND))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("The bundle “%s” could not be read: %s. Nothing was imported."),
                   name, local_error->message);
      return NULL;
    }
  if (bytes == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return ward_bundle_plan_new_for_bytes (store, bytes, name, error);
}

gint64
bundle_file_state (WardStore *store)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  /* data_version tells of other connections' commits, the count of changes
   * of this one's. */
  return version * G_GINT64_CONSTANT (1000000007) + sqlite3_total_changes64 (ward_store_get_db (store));
}

WardBundlePlan *
bundle_plan_remake (WardStore       *store,
                    WardBundlePlan  *plan,
                    GError         **error)
{
  return plan_from_root (store, plan->root, plan->signer, plan->display_name, error);
}

WardBundlePlan *
ward_bundle_plan_ref (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref);
  return plan;
}

void
ward_bundle_plan_unref (WardBundlePlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref))
    return;
  g_clear_pointer (&plan->root, json_node_unref);
  g_free (plan->display_name);
  g_free (plan->installation);
  g_free (plan->signer);
  g_free (plan->book);
  g_free (plan->created_at);
  g_free (plan->since);
  g_array_unref (plan->counts);
  g_ptr_array_unref (plan->conflicts);
  g_ptr_array_unref (plan->actions);
  g_free (plan);
}

const char *
ward_bundle_plan_get_installation (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->installation;
}

const char *
ward_bundle_plan_get_book (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->book;
}

const char *
ward_bundle_plan_get_created_at (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->created_at;
}

const char *
ward_bundle_plan_get_since (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->since;
}

guint
ward_bundle_plan_get_n_counts (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->counts->len;
}

const WardBundleCount *
ward_bundle_plan_get_count (WardBundlePlan *plan,
                            guint           index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->counts->len, NULL);
  return &g_array_index (plan->counts, WardBundleCount, index);
}

gboolean
ward_bundle_plan_has_changes (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  return plan->n_changes > 0 || plan->conflicts->len > 0;
}

guint
ward_bundle_plan_get_n_conflicts (WardBundlePlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->conflicts->len;
}

const WardBundleConflict *
ward_bundle_plan_get_conflict (WardBundlePlan *plan,
                               guint           index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->conflicts->len, NULL);
  return plan->conflicts->pdata[index];
}

void
ward_bundle_plan_set_choice (WardBundlePlan   *plan,
                             guint             index,
                             WardBundleChoice  choice)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (index < plan->conflicts->len);

  ((WardBundleConflict *) plan->conflicts->pdata[index])->choice = choice;
}

void
ward_bundle_plan_set_all_choices (WardBundlePlan   *plan,
                                  WardBundleChoice  choice)
{
  g_return_if_fail (plan != NULL);

  for (guint i = 0; i < plan->conflicts->len; i++)
    ((WardBundleConflict *) plan->conflicts->pdata[i])->choice = choice;
}

guint
ward_bundle_plan_get_n_undecided (WardBundlePlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->conflicts->len; i++)
    if (((WardBundleConflict *) plan->conflicts->pdata[i])->choice == WARD_BUNDLE_UNDECIDED)
      n++;
  return n;
}
