/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "store/ward-store-checks.h"

/* SQLite 3.40 (Debian 12's) tests a CHECK such as `kind IN ('receipt',
 * 'transfer', 'reversal')` by making a temporary index of the list, three
 * pages zeroed and freed, at every row it checks; a list of two it
 * compares value by value. Three of them run at each receipt stored (the
 * entry's kind and donor kind, the audit row's action): a fifth of an
 * import's instructions (README, "Issue 25, fifth round"). The same rule
 * written `(kind = 'receipt' OR kind = 'transfer' OR kind = 'reversal')`
 * costs a few comparisons, and means the same for every value, NULL
 * included (NULL passes both).
 *
 * A CHECK cannot be changed by ALTER TABLE. SQLite's documentation gives
 * the way for a change that touches no stored row ("Making Other Kinds Of
 * Table Schema Changes", https://www.sqlite.org/lang_altertable.html):
 * rewrite the table's text in sqlite_schema under writable_schema and move
 * the schema version on, inside a transaction. Every row already passed
 * the old rule, which the new one equals, so no row is read again. */

/* `name IN ('a', 'b', 'c', …)`: a column tested against three or more
 * quoted words, none with a quote inside. */
#define IN_LIST "\\b([a-z_]+) IN \\(((?:'[^']*'\\s*,\\s*){2,}'[^']*')\\)"

static gboolean
unfold_one (const GMatchInfo *match,
            GString          *out,
            gpointer          data)
{
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *list = g_match_info_fetch (match, 2);
  gboolean first = TRUE;

  /* Word by word, quotes and all: a comma may stand inside one. */
  g_string_append_c (out, '(');
  for (const char *p = strchr (list, '\''); p != NULL; p = strchr (p, '\''))
    {
      const char *end = strchr (p + 1, '\'');

      g_string_append_printf (out, "%s%s = %.*s", first ? "" : " OR ", column, (int) (end - p + 1), p);
      first = FALSE;
      p = end + 1;
    }
  g_string_append_c (out, ')');
  return FALSE;
}

char *
ward_store_unfold_in_lists (const char *sql)
{
  static GRegex *in_list;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      in_list = g_regex_new (IN_LIST, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&made, 1);
    }
  return g_regex_replace_eval (in_list, sql, -1, 0, 0, unfold_one, NULL, NULL);
}

static gboolean
fail (const char  *why,
      GError     **error)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
               _("The data file’s rules could not be rewritten: %s. Nothing was changed."), why);
  return FALSE;
}

/* Under writable_schema: each table's new text, then the schema version
 * moved on, so that every connection reads the schema again. */
static gboolean
rewrite_tables (sqlite3   *db,
                GPtrArray *names,
                GPtrArray *texts,
                gint64     version)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA schema_version = %" G_GINT64_FORMAT, version + 1);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = sqlite3_prepare_v2 (db, "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
                           -1, &stmt, NULL) == SQLITE_OK;
  for (guint i = 0; ok && i < names->len; i++)
    {
      sqlite3_bind_text (stmt, 1, texts->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, names->pdata[i], -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return ok && sqlite3_exec (db, bump, NULL, NULL, NULL) == SQLITE_OK;
}

gboolean
ward_store_unfold_in_checks (sqlite3  *db,
                             GError  **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;
  int defensive = 0;
  gboolean ok;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
                          "AND sql IS NOT NULL", -1, &stmt, NULL) != SQLITE_OK)
    return fail (sqlite3_errmsg (db), error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *unfolded = ward_store_unfold_in_lists (sql);

      if (unfolded != NULL && !g_str_equal (unfolded, sql))
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (texts, g_steal_pointer (&unfolded));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return fail (sqlite3_errmsg (db), error);
  if (names->len == 0)
    return TRUE;

  if (sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL) != SQLITE_OK)
    return fail (sqlite3_errmsg (db), error);
  rc = sqlite3_step (stmt);
  version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return fail (sqlite3_errmsg (db), error);

  /* A SQLite built defensive (as some distributions' are) refuses
   * writable_schema: let it, for this change alone. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  ok = sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL) == SQLITE_OK
       && rewrite_tables (db, names, texts, version);
  if (!ok)
    why = g_strdup (sqlite3_errmsg (db));
  ok = sqlite3_exec (db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL) == SQLITE_OK && ok;
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, defensive, NULL);
  /* The schema is read again here: a text SQLite could not parse fails
   * now, inside the caller's transaction, which then undoes it. */
  if (!ok || sqlite3_exec (db, "SELECT COUNT (*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    return fail (why != NULL ? why : sqlite3_errmsg (db), error);
  return TRUE;
}
