/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include "base/ward-text.h"
#include "donations/ward-donations-ledger-private.h"

/* Names typed before, offered again as the clerk types (GnuCash's
 * QuickFill): the most recent receipt whose name, folded, begins with what
 * was typed, folded; so "nguyen v" brings back "Nguyễn Văn An". A name
 * that is the whole of what was typed comes first: "Nguyễn Văn An" typed
 * in full is not completed to a newer "Nguyễn Văn Ánh". */

typedef enum
{
  MATCH_NONE,
  MATCH_PREFIX,
  MATCH_WHOLE,
} Match;

static Match
match (const char *name,
       const char *folded_typed)
{
  g_autofree char *folded = ward_text_fold (name);

  if (folded == NULL || !g_str_has_prefix (folded, folded_typed))
    return MATCH_NONE;
  return g_str_equal (folded, folded_typed) ? MATCH_WHOLE : MATCH_PREFIX;
}

/* The newest receipt whose @column begins with @typed: the receipt's
 * @column, and @other (when not NULL) into @other_out. */
static char *
complete (WardStore   *store,
          const char  *column,
          const char  *other,
          const char  *typed,
          char       **other_out,
          GError     **error)
{
  g_autofree char *folded = ward_text_fold (typed);
  g_autofree char *sql = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *best = NULL;
  g_autofree char *best_other = NULL;
  int rc;

  if (folded == NULL || *folded == '\0')
    return NULL;
  sql = g_strdup_printf ("SELECT %s, %s FROM ledger_entries WHERE kind = 'receipt' AND %s IS NOT NULL "
                         "AND %s <> '' ORDER BY id DESC",
                         column, other ? other : "NULL", column, column);
  stmt = ward_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Match found = match (ward_stmt_text (stmt, 0), folded);

      if (found == MATCH_NONE || (found == MATCH_PREFIX && best != NULL))
        continue;
      g_free (best);
      g_free (best_other);
      best = ward_stmt_dup_text (stmt, 0);
      best_other = ward_stmt_dup_text (stmt, 1);
      if (found == MATCH_WHOLE)
        break;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  if (other_out != NULL)
    *other_out = g_steal_pointer (&best_other);
  return g_steal_pointer (&best);
}

char *
ward_ledger_complete_donor (WardStore   *store,
                            const char  *typed,
                            char       **group_out,
                            GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (typed != NULL, NULL);

  return complete (store, "donor", "donor_group", typed, group_out, error);
}
