/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include "base/ward-error.h"
#include "store/ward-store-audit.h"

/* The audit triggers, made from the schema rather than written by hand:
 * every table gets an insert, an update and a delete trigger that write
 * the row's every column, old and new, as JSON into the audit table (the
 * ledger's insert row keeps only the entry's place and name: see
 * ledger_identity). The
 * store drops them before each migration and makes them again after it, so
 * a column added by a migration is in the trail with no other change.
 *
 * The text is the one sql/002-audit.sql wrote by hand until issue 22, byte
 * for byte (the ledger's insert trigger apart, since sql/014): a file
 * migrated then and one made now hold the same triggers.
 * The tests hold the list of exceptions below against the schema. */

typedef enum
{
  AUDIT_EVERY_CHANGE,
  AUDIT_INSERTS,     /* the ledger: append-only, never updated nor deleted */
  AUDIT_NOTHING,     /* the trail itself, and bookkeeping that is no register */
} AuditScope;

/* What the insert row of the ledger keeps of an entry: where it sits in its
 * chain and what names it, so that the check of the chain can name an
 * entry removed outside the application (find_removed() in
 * ward-donations-ledger-chain.c), the last one of a chain too. The rest is
 * the entry itself, which nothing can change (sql/014 says why). */
static const char * const ledger_identity[] = {
  "campaign_id", "book", "seq", "kind", "receipt_number", "voucher", "entry_date", NULL
};

static const struct
{
  const char         *table;
  AuditScope          scope;
  const char * const *kept;   /* AUDIT_INSERTS: the columns its insert row keeps */
} exceptions[] = {
  { "audit", AUDIT_NOTHING },
  { "bundle_versions", AUDIT_NOTHING },   /* exchange's bookkeeping (sql/003) */
  { "bundle_peers", AUDIT_NOTHING },
  { "sync_peers", AUDIT_NOTHING },        /* the shared folder's bookkeeping (sql/011) */
  { "sync_foreign_audit", AUDIT_NOTHING },
  { "sync_resend", AUDIT_NOTHING },
  { "ledger_entries", AUDIT_INSERTS, ledger_identity }, /* its own triggers refuse the rest (sql/002) */
};

#define NOW "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
/* An audit row's own id: 32 hex digits, the first 12 the time in
 * milliseconds since 1970 and the rest random, so that the rows of the
 * trail are appended at the right edge of its unique index rather than on
 * a random page of it at each change (see ward_store_new_uuid()). Plain
 * SQL, so that the triggers still run in any program that opens the file. */
#define AUDIT_ID "lower (printf ('%012x', CAST ((julianday ('now') - 2440587.5) * 86400000 AS INTEGER)) " \
                 "|| hex (randomblob (10)))"

static AuditScope
scope_of (const char          *table,
          const char * const **kept)
{
  *kept = NULL;
  if (g_str_has_prefix (table, "sqlite_"))
    return AUDIT_NOTHING;
  for (guint i = 0; i < G_N_ELEMENTS (exceptions); i++)
    if (g_str_equal (exceptions[i].table, table))
      {
        *kept = exceptions[i].kept;
        return exceptions[i].scope;
      }
  return AUDIT_EVERY_CHANGE;
}

/* The columns of @kept, each of which the table must have (a migration
 * that renames one must change the list). */
static GPtrArray *
kept_columns (const char          *table,
              GPtrArray           *columns,
              const char * const  *kept,
              GError             **error)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; kept[i] != NULL; i++)
    {
      if (!g_ptr_array_find_with_equal_func (columns, kept[i], g_str_equal, NULL))
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       "The table %s has no column %s for its insert audit row to keep",
                       table, kept[i]);
          return NULL;
        }
      g_ptr_array_add (chosen, g_strdup (kept[i]));
    }
  return g_steal_pointer (&chosen);
}

/* Names go into the trigger's text as they are: only plain ones do. */
static gboolean
is_plain_name (const char *name)
{
  if (!g_ascii_islower (name[0]) && name[0] != '_')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static GPtrArray *
names_of (WardStore   *store,
          const char  *sql,
          const char  *argument,
          GError     **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (argument != NULL)
    sqlite3_bind_text (stmt, 1, argument, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (ward_stmt_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static void
append_values (GString    *sql,
               const char *row,
               GPtrArray  *columns)
{
  g_string_append (sql, "json_object (");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s'%s', %s.%s", i > 0 ? ", " : "",
                            (char *) columns->pdata[i], row, (char *) columns->pdata[i]);
  g_string_append (sql, ")");
}

static char *
trigger_sql (const char *table,
             const char *action,
             GPtrArray  *columns)
{
  gboolean has_old = !g_str_equal (action, "insert");
  gboolean has_new = !g_str_equal (action, "delete");
  g_autofree char *event = g_ascii_strup (action, -1);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "CREATE TRIGGER audit_%s_%s AFTER %s ON %s\nBEGIN\n",
                          table, action, event, table);
  g_string_append (sql, "  INSERT INTO audit (uuid, at, table_name, row_uuid, action, "
                        "old_values, new_values, created_at, updated_at)\n"
                        "  VALUES (" AUDIT_ID ", " NOW ", ");
  g_string_append_printf (sql, "'%s', %s.uuid, '%s',\n          ",
                          table, has_new ? "NEW" : "OLD", action);
  if (has_old)
    append_values (sql, "OLD", columns);
  else
    g_string_append (sql, "NULL");
  g_string_append (sql, ",\n          ");
  if (has_new)
    append_values (sql, "NEW", columns);
  else
    g_string_append (sql, "NULL");
  g_string_append (sql, ",\n          " NOW ", " NOW ");\nEND");
  return g_string_free (sql, FALSE);
}

static gboolean
check_columns (const char  *table,
               GPtrArray   *columns,
               GError     **error)
{
  gboolean has_uuid = FALSE;

  for (guint i = 0; i < columns->len; i++)
    {
      if (!is_plain_name (columns->pdata[i]))
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       "The column %s.%s cannot be audited: name it in lower case, digits and _",
                       table, (char *) columns->pdata[i]);
          return FALSE;
        }
      has_uuid = has_uuid || g_str_equal (columns->pdata[i], "uuid");
    }
  if (!has_uuid)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 "The table %s has no uuid column to audit its rows by: give it one, or list it "
                 "among the exceptions of ward-store-audit-triggers.c", table);
  return has_uuid;
}

static gboolean
create_for_table (WardStore   *store,
                  const char  *table,
                  GError     **error)
{
  static const char * const actions[] = { "insert", "update", "delete" };
  const char * const *kept = NULL;
  AuditScope scope = scope_of (table, &kept);
  g_autoptr (GPtrArray) columns = NULL;

  if (scope == AUDIT_NOTHING)
    return TRUE;
  if (!is_plain_name (table))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   "The table %s cannot be audited: name it in lower case, digits and _", table);
      return FALSE;
    }
  columns = names_of (store, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", table, error);
  if (columns == NULL || !check_columns (table, columns, error))
    return FALSE;
  if (kept != NULL)
    {
      GPtrArray *chosen = kept_columns (table, columns, kept, error);

      if (chosen == NULL)
        return FALSE;
      g_ptr_array_unref (columns);
      columns = chosen;
    }

  for (guint i = 0; i < (scope == AUDIT_INSERTS ? 1 : G_N_ELEMENTS (actions)); i++)
    {
      g_autofree char *sql = trigger_sql (table, actions[i], columns);

      if (!ward_store_exec (store, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ward_audit_drop_triggers (WardStore  *store,
                          GError    **error)
{
  g_autoptr (GPtrArray) triggers = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  triggers = names_of (store, "SELECT name FROM sqlite_schema "
                              "WHERE type = 'trigger' AND name GLOB 'audit_*'", NULL, error);
  if (triggers == NULL)
    return FALSE;
  for (guint i = 0; i < triggers->len; i++)
    {
      char *sql = sqlite3_mprintf ("DROP TRIGGER \"%w\"", (char *) triggers->pdata[i]);
      gboolean dropped = ward_store_exec (store, sql, error);

      sqlite3_free (sql);
      if (!dropped)
        return FALSE;
    }
  return TRUE;
}

gboolean
ward_audit_create_triggers (WardStore  *store,
                            GError    **error)
{
  g_autoptr (GPtrArray) tables = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!ward_audit_drop_triggers (store, error))
    return FALSE;
  tables = names_of (store, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid",
                     NULL, error);
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!create_for_table (store, tables->pdata[i], error))
      return FALSE;
  return TRUE;
}
