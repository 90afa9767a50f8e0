/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-output.h"
#include "exchange/ward-exchange-private.h"
#include "exchange/ward-exchange-sign.h"

/* Writing a bundle. Each record goes with the digests of the versions it
 * had before ("supersedes"), so that the receiver can tell "changed here
 * only" from "changed on both sides"; the digest of what is sent is kept,
 * since the receiver may change the record and send it back. */

typedef struct
{
  WardStore    *store;
  BundleSchema *schema;
  const char   *since;      /* UTC timestamp, or NULL for everything */
  gboolean      selected;   /* only the records named in temp.bundle_outgoing */
  guint         n_records;
} Exporter;

static gboolean
normalise_since (const char  *since,
                 char       **out,
                 GError     **error)
{
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *iso = NULL;
  int y, m, d;

  *out = NULL;
  if (since == NULL || *since == '\0')
    return TRUE;
  if (strchr (since, 'T') != NULL)
    {
      g_autoptr (GTimeZone) zone = g_time_zone_new_utc ();
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (since, zone);

      if (when == NULL)
        goto invalid;
      utc = g_date_time_to_utc (when);
    }
  else
    {
      /* A day means from its first moment where the clerk is. */
      if (!ward_parse_date (since, &iso, NULL) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
        goto invalid;
      local = g_date_time_new_local (y, m, d, 0, 0, 0);
      if (local == NULL)
        goto invalid;
      utc = g_date_time_to_utc (local);
    }
  *out = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;

invalid:
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is not a date. Write the start date as dd/mm/yyyy, or leave it out to "
                 "send every record."), since);
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static JsonArray *
supersedes_array (WardStore    *store,
                  BundleTable  *table,
                  const char   *uuid,
                  const char   *digest,
                  GError      **error)
{
  g_autoptr (GHashTable) history = bundle_history (store, table, uuid, error);
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  JsonArray *array;

  if (history == NULL)
    return NULL;
  g_hash_table_remove (history, digest);
  g_hash_table_iter_init (&iter, history);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_strings);
  array = json_array_sized_new (sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    json_array_add_string_element (array, sorted->pdata[i]);
  return array;
}

static JsonObject *
export_row (Exporter     *ex,
            BundleTable  *table,
            WardStmt     *stmt,
            GError      **error)
{
  g_autoptr (JsonObject) record = json_object_new ();
  g_autoptr (JsonObject) values = NULL;
  g_autoptr (JsonObject) links = NULL;
  g_autofree char *digest = NULL;
  const char *uuid = ward_stmt_text (stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  JsonArray *supersedes;

  values = bundle_table_read_values (ex->store, table, stmt, error);
  if (values == NULL)
    return NULL;
  json_object_set_string_member (record, "uuid", uuid);
  if (table->desc->role == BUNDLE_LEDGER)
    {
      json_object_set_object_member (record, "values", g_steal_pointer (&values));
      return g_steal_pointer (&record);
    }

  if (table->desc->links[0] != NULL && (links = bundle_table_read_links (ex->store, table, id, error)) == NULL)
    return NULL;
  digest = bundle_digest (table, values, links, bundle_local_namer, ex->store);
  supersedes = supersedes_array (ex->store, table, uuid, digest, error);
  if (supersedes == NULL || !bundle_remember (ex->store, table->desc->name, uuid, digest, error))
    {
      g_clear_pointer (&supersedes, json_array_unref);
      return NULL;
    }
  json_object_set_object_member (record, "values", g_steal_pointer (&values));
  json_object_set_array_member (record, "supersedes", supersedes);
  if (links != NULL)
    json_object_set_object_member (record, "links", g_steal_pointer (&links));
  return g_steal_pointer (&record);
}

static char *
select_sql (Exporter    *ex,
            BundleTable *table)
{
  const char *order = table->desc->role == BUNDLE_LEDGER ? "ORDER BY campaign_id, book, seq"
                                                         : "ORDER BY id";
  g_autofree char *tail = NULL;

  /* Records that arrived here from elsewhere keep their updated_at: the
   * audit trail says when they changed here. */
  if (table->desc->role == BUNDLE_REFERENCE || (ex->since == NULL && !ex->selected))
    tail = g_strdup (order);
  else if (ex->selected)
    tail = g_strdup_printf ("WHERE uuid IN (SELECT row_uuid FROM temp.bundle_outgoing "
                            "WHERE table_name = '%s') %s", table->desc->name, order);
  else
    tail = g_strdup_printf ("WHERE updated_at >= ?1 OR uuid IN (SELECT row_uuid FROM audit "
                            "WHERE table_name = '%s' AND at >= ?1) %s", table->desc->name, order);
  return bundle_table_select_sql (table, tail);
}

static gboolean
export_table (Exporter     *ex,
              BundleTable  *table,
              JsonObject   *records,
              GError      **error)
{
  g_autofree char *sql = select_sql (ex, table);
  g_autoptr (WardStmt) stmt = ward_store_prepare (ex->store, sql, error);
  JsonArray *array = json_array_new ();
  int rc;

  json_object_set_array_member (records, table->desc->name, array);
  if (stmt == NULL)
    return FALSE;
  if (ex->since != NULL && table->desc->role != BUNDLE_REFERENCE)
    sqlite3_bind_text (stmt, 1, ex->since, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *record = export_row (ex, table, stmt, error);

      if (record == NULL)
        return FALSE;
      json_array_add_object_element (array, record);
      ex->n_records++;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (ex->store, rc, error);
  return TRUE;
}

/* Records deleted here, from the audit trail, with the updated_at they had:
 * the receiver deletes its copy only if it is that same version. */
static gboolean
export_deletions (Exporter     *ex,
                  BundleTable  *table,
                  JsonArray    *deleted,
                  GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT a.row_uuid, json_extract (a.old_values, '$.updated_at'), "
                                          "MAX (a.at) FROM audit a "
                                          "WHERE a.table_name = '%s' AND a.action = 'delete' "
                                          "AND (?1 IS NULL OR a.at >= ?1) %s "
                                          "AND NOT EXISTS (SELECT 1 FROM %s t WHERE t.uuid = a.row_uuid) "
                                          "GROUP BY a.row_uuid ORDER BY a.row_uuid",
                                          table->desc->name,
                                          ex->selected ? "AND a.row_uuid IN (SELECT row_uuid FROM "
                                                         "temp.bundle_outgoing o WHERE o.table_name "
                                                         "= a.table_name)" : "",
                                          table->desc->name);
  g_autoptr (WardStmt) stmt = ward_store_prepare (ex->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (ex->since != NULL)
    sqlite3_bind_text (stmt, 1, ex->since, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *tombstone = json_object_new ();

      json_object_set_string_member (tombstone, "table", table->desc->name);
      json_object_set_string_member (tombstone, "uuid", ward_stmt_text (stmt, 0));
      json_object_set_string_member (tombstone, "updated_at", ward_stmt_text (stmt, 1));
      json_object_set_string_member (tombstone, "deleted_at", ward_stmt_text (stmt, 2));
      json_array_add_object_element (deleted, tombstone);
      ex->n_records++;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (ex->store, rc, error);
  return TRUE;
}

static JsonNode *
build_records (Exporter  *ex,
               GError   **error)
{
  g_autoptr (JsonObject) records = json_object_new ();
  JsonArray *deleted = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < ex->schema->n_tables; i++)
    if (!export_table (ex, &ex->schema->tables[i], records, error))
      {
        json_array_unref (deleted);
        return NULL;
      }
  json_object_set_array_member (records, "deleted", deleted);
  for (guint i = 0; i < ex->schema->n_tables; i++)
    if (ex->schema->tables[i].desc->role != BUNDLE_LEDGER
        && !export_deletions (ex, &ex->schema->tables[i], deleted, error))
      return NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&records));
  return node;
}

static JsonNode *
build_bundle (WardStore   *store,
              JsonNode    *records,
              const char  *since,
              const char  *created_at,
              GError     **error)
{
  g_autofree char *installation = ward_store_dup_installation_id (store, error);
  g_autofree char *book = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (installation == NULL || (book = ward_store_dup_book (store, error)) == NULL)
    return NULL;
  canonical = json_to_string (records, FALSE);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, WARD_BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WARD_BUNDLE_VERSION);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, ward_store_get_version (store));
  json_builder_set_member_name (builder, "installation");
  json_builder_add_string_value (builder, installation);
  json_builder_set_member_name (builder, "book");
  json_builder_add_string_value (builder, book);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created_at);
  json_builder_set_member_name (builder, "since");
  if (since != NULL)
    json_builder_add_string_value (builder, since);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "records");
  json_builder_add_value (builder, json_node_copy (records));
  json_builder_set_member_name (builder, "checksum");
  json_builder_add_string_value (builder, checksum);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static GBytes *
export_bytes (WardStore   *store,
              const char  *since,
              gboolean     selected,
              guint       *n_records_out,
              char       **created_at_out,
              GError     **error)
{
  g_autoptr (BundleSchema) schema = NULL;
  g_autoptr (JsonNode) records = NULL;
  g_autoptr (JsonNode) bundle = NULL;
  g_autofree char *utc_since = NULL;
  g_autoptr (GBytes) unsigned_bytes = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autofree char *created_at = ward_store_now ();
  Exporter ex = { store, NULL, NULL, selected, 0 };
  char *text;

  if (!normalise_since (since, &utc_since, error))
    return NULL;
  if ((schema = bundle_schema_load (store, error)) == NULL)
    return NULL;
  ex.schema = schema;
  ex.since = utc_since;

  /* One transaction: a consistent picture, and the digests it keeps. */
  if (!ward_store_begin (store, error))
    return NULL;
  records = build_records (&ex, error);
  if (records != NULL && (bundle = build_bundle (store, records, utc_since, created_at, error)) != NULL)
    {
      text = json_to_string (bundle, FALSE);
      unsigned_bytes = g_bytes_new_take (text, strlen (text));
      /* Signed inside the transaction: the digests it keeps are those of
       * a bundle that was made whole. */
      sealed = ward_exchange_seal (store, unsigned_bytes, error);
    }
  if (sealed == NULL || !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return NULL;
    }
  if (n_records_out != NULL)
    *n_records_out = ex.n_records;
  if (created_at_out != NULL)
    *created_at_out = g_steal_pointer (&created_at);
  return g_steal_pointer (&sealed);
}

GBytes *
ward_bundle_export_bytes (WardStore   *store,
                          const char  *since,
                          guint       *n_records_out,
                          GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return export_bytes (store, since, FALSE, n_records_out, NULL, error);
}

GBytes *
ward_bundle_export_selected_bytes (WardStore   *store,
                                   guint       *n_records_out,
                                   GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return export_bytes (store, NULL, TRUE, n_records_out, NULL, error);
}

gboolean
ward_bundle_export (WardStore        *store,
                    const char       *path,
                    const char       *since,
                    WardOutputFlags   flags,
                    guint            *n_records_out,
                    GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *created_at = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ward_output_check (path, flags, error))
    return FALSE;
  bytes = export_bytes (store, since, FALSE, n_records_out, &created_at, error);
  if (bytes == NULL)
    return FALSE;
  /* It holds personal data: ward_output_open() makes it its owner's only. */
  if (!ward_output_write_file (path, flags, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               error))
    return FALSE;
  /* Only once the file is whole: "since the last export" must not skip
   * records that never left. */
  return ward_store_set_setting (store, "bundle-last-export", created_at, error);
}

char *
ward_bundle_dup_last_export (WardStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  value = ward_store_dup_setting (store, "bundle-last-export");
  return value != NULL && *value != '\0' ? g_steal_pointer (&value) : NULL;
}
