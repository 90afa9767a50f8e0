/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange-private.h"

/* What a bundle carries, parents before the records that refer to them.
 * Not carried: the ward itself, settings, the audit trail (each laptop
 * keeps its own) and this module's bookkeeping. */

static const BundleLinks item_units = {
  "programme_item_units", "item_id", "unit_id", "units"
};
static const BundleLinks item_targets = {
  "programme_item_targets", "item_id", "target_id", "targets"
};

static const BundleDesc descs[] = {
  { "units", NC_("bundle", "Units"), BUNDLE_REFERENCE, { "name" }, { NULL } },
  { "party_cells", NC_("bundle", "Party cells"), BUNDLE_REFERENCE, { "name" }, { NULL } },
  { "known_names", NC_("bundle", "Known names"), BUNDLE_REFERENCE, { "kind", "name" }, { NULL } },
  { "targets", NC_("bundle", "Targets"), BUNDLE_REFERENCE, { "code" }, { NULL } },
  { "programme_groups", NC_("bundle", "Key tasks and breakthroughs"), BUNDLE_REFERENCE,
    { "kind", "position" }, { NULL } },
  { "campaigns", NC_("bundle", "Campaigns"), BUNDLE_REFERENCE, { "name" }, { NULL } },
  { "readings", NC_("bundle", "Target readings"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "plans", NC_("bundle", "Target plans"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "programme_items", NC_("bundle", "Programme items"), BUNDLE_REGISTER, { NULL },
    { &item_units, &item_targets, NULL } },
  { "programme_updates", NC_("bundle", "Programme progress notes"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "candidates", NC_("bundle", "Candidates for admission"), BUNDLE_REGISTER, { NULL }, { NULL } },
  /* The study of the resolution: the roster (after the candidates it may
   * name), the sessions, and each member's attendance and reflection. */
  { "party_members", NC_("bundle", "Party members"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "study_sessions", NC_("bundle", "Study sessions"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "study_attendance", NC_("bundle", "Study attendance"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "study_reflections", NC_("bundle", "Study reflections"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "enterprises", NC_("bundle", "Enterprises"), BUNDLE_REGISTER, { NULL }, { NULL } },
  { "ledger_entries", NC_("bundle", "Donation ledger"), BUNDLE_LEDGER, { NULL }, { NULL } },
};

guint
ward_bundle_n_tables (void)
{
  return G_N_ELEMENTS (descs);
}

const char *
ward_bundle_table_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (descs), NULL);

  return descs[index].name;
}

gboolean
ward_bundle_carries_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (descs); i++)
    if (g_str_equal (descs[i].name, table))
      return TRUE;
  return FALSE;
}

/* ---- Tables ------------------------------------------------------------- */

static void
bundle_table_clear (BundleTable *table)
{
  g_clear_pointer (&table->columns, g_ptr_array_unref);
  g_clear_pointer (&table->references, g_hash_table_unref);
  g_clear_pointer (&table->not_null, g_hash_table_unref);
  g_clear_pointer (&table->keys, g_ptr_array_unref);
}

void
bundle_schema_free (BundleSchema *schema)
{
  for (guint i = 0; i < schema->n_tables; i++)
    bundle_table_clear (&schema->tables[i]);
  g_free (schema->tables);
  g_free (schema);
}

BundleTable *
bundle_schema_lookup (BundleSchema *schema,
                      const char   *name)
{
  for (guint i = 0; i < schema->n_tables; i++)
    if (g_str_equal (schema->tables[i].desc->name, name))
      return &schema->tables[i];
  return NULL;
}

static gboolean
load_columns (WardStore    *store,
              BundleTable  *table,
              GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table->desc->name);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = ward_stmt_text (stmt, 1);

      if (g_str_equal (name, "id") || g_str_equal (name, "uuid"))
        continue;
      g_ptr_array_add (table->columns, g_strdup (name));
      if (sqlite3_column_int (stmt, 3) != 0)
        g_hash_table_add (table->not_null, g_strdup (name));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
load_references (WardStore    *store,
                 BundleTable  *table,
                 GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list (%s)", table->desc->name);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table->references, g_strdup (ward_stmt_text (stmt, 3)),
                         g_strdup (ward_stmt_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static GStrv
index_columns (WardStore   *store,
               const char  *index,
               GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA index_info (\"%s\")", index);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, ward_stmt_text (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* The unique keys besides uuid: what names the same record when it was
 * entered on two laptops (a tax code, a name and birth date). Partial
 * indexes are left to SQLite, which refuses a clash on insert. */
static gboolean
load_keys (WardStore    *store,
           BundleTable  *table,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA index_list (%s)", table->desc->name);
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (table->desc->natural_key[0] != NULL)
    g_ptr_array_add (table->keys, g_strdupv ((GStrv) table->desc->natural_key));

  stmt = ward_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_int (stmt, 2) != 0 && sqlite3_column_int (stmt, 4) == 0
        && !g_str_equal (ward_stmt_text (stmt, 3), "pk"))
      g_ptr_array_add (names, g_strdup (ward_stmt_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  g_clear_pointer (&stmt, ward_stmt_release);

  for (guint i = 0; i < names->len; i++)
    {
      GStrv columns = index_columns (store, names->pdata[i], error);

      if (columns == NULL)
        return FALSE;
      if (g_strv_length (columns) == 1 && g_str_equal (columns[0], "uuid"))
        g_strfreev (columns);
      else
        g_ptr_array_add (table->keys, columns);
    }
  return TRUE;
}

BundleSchema *
bundle_schema_load (WardStore  *store,
                    GError    **error)
{
  g_autoptr (BundleSchema) schema = g_new0 (BundleSchema, 1);

  schema->n_tables = G_N_ELEMENTS (descs);
  schema->tables = g_new0 (BundleTable, schema->n_tables);
  for (guint i = 0; i < schema->n_tables; i++)
    {
      BundleTable *table = &schema->tables[i];

      table->desc = &descs[i];
      table->columns = g_ptr_array_new_with_free_func (g_free);
      table->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      table->not_null = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      table->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      if (!load_columns (store, table, error)
          || !load_references (store, table, error)
          || !load_keys (store, table, error))
        return NULL;
    }
  return g_steal_pointer (&schema);
}

const BundleDesc *
bundle_desc_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (descs); i++)
    if (g_str_equal (descs[i].name, name))
      return &descs[i];
  return NULL;
}

char *
bundle_table_select_sql (BundleTable *table,
                         const char  *tail)
{
  GString *sql = g_string_new ("SELECT id, uuid");

  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, ", \"%s\"", (const char *) table->columns->pdata[i]);
  g_string_append_printf (sql, " FROM %s %s", table->desc->name, tail ? tail : "");
  return g_string_free (sql, FALSE);
}

/* ---- Rows --------------------------------------------------------------- */

gboolean
bundle_uuid_exists (WardStore   *store,
                    const char  *table,
                    const char  *uuid,
                    gint64      *id_out,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?", table);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (id_out != NULL)
    *id_out = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id_out != NULL)
        *id_out = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return FALSE;
}

char *
bundle_uuid_for_id (WardStore   *store,
                    const char  *table,
                    gint64       id,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?", table);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ward_stmt_dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return NULL;
}

JsonObject *
bundle_table_read_values (WardStore    *store,
                          BundleTable  *table,
                          WardStmt     *stmt,
                          GError      **error)
{
  g_autoptr (JsonObject) values = json_object_new ();

  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *column = table->columns->pdata[i];
      const char *reference = g_hash_table_lookup (table->references, column);
      int index = (int) i + 2;

      switch (sqlite3_column_type (stmt, index))
        {
        case SQLITE_NULL:
          json_object_set_null_member (values, column);
          break;
        case SQLITE_INTEGER:
          if (reference != NULL)
            {
              g_autoptr (GError) local_error = NULL;
              g_autofree char *uuid = bundle_uuid_for_id (store, reference,
                                                          sqlite3_column_int64 (stmt, index),
                                                          &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return NULL;
                }
              if (uuid != NULL)
                json_object_set_string_member (values, column, uuid);
              else
                json_object_set_null_member (values, column);
            }
          else
            json_object_set_int_member (values, column, sqlite3_column_int64 (stmt, index));
          break;
        case SQLITE_FLOAT:
          json_object_set_double_member (values, column, sqlite3_column_double (stmt, index));
          break;
        default:
          json_object_set_string_member (values, column, ward_stmt_text (stmt, index));
          break;
        }
    }
  return g_steal_pointer (&values);
}

JsonObject *
bundle_table_read_row (WardStore    *store,
                       BundleTable  *table,
                       const char   *uuid,
                       gint64       *id_out,
                       GError      **error)
{
  g_autofree char *sql = bundle_table_select_sql (table, "WHERE uuid = ?");
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (id_out != NULL)
        *id_out = sqlite3_column_int64 (stmt, 0);
      return bundle_table_read_values (store, table, stmt, error);
    }
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return NULL;
}

JsonObject *
bundle_table_read_links (WardStore    *store,
                         BundleTable  *table,
                         gint64        id,
                         GError      **error)
{
  g_autoptr (JsonObject) links = NULL;

  if (table->desc->links[0] == NULL)
    return NULL;
  links = json_object_new ();
  for (guint i = 0; table->desc->links[i] != NULL; i++)
    {
      const BundleLinks *link = table->desc->links[i];
      g_autofree char *sql = g_strdup_printf ("SELECT o.uuid FROM %s l JOIN %s o ON o.id = l.%s "
                                              "WHERE l.%s = ? ORDER BY o.uuid",
                                              link->table, link->other_table, link->other_column,
                                              link->parent_column);
      g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
      JsonArray *array = json_array_new ();
      int rc;

      json_object_set_array_member (links, link->table, array);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        json_array_add_string_element (array, ward_stmt_text (stmt, 0));
      if (rc != SQLITE_DONE)
        {
          ward_store_set_error (store, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&links);
}
