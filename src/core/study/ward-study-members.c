/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "names/ward-names.h"
#include "study/ward-study-private.h"

/* The roster: reading and writing Party members. Personal data, kept as
 * the admission register keeps its candidates: in the file only (readable
 * by its owner), every change in the audit trail (the store makes the
 * triggers from the schema), exports written owner-only. */

WardPartyMember *
ward_party_member_new (void)
{
  return g_new0 (WardPartyMember, 1);
}

void
ward_party_member_free (WardPartyMember *m)
{
  if (m == NULL)
    return;
  g_free (m->uuid);
  g_free (m->full_name);
  g_free (m->birth_date);
  g_free (m->gender);
  g_free (m->cell_name);
  g_free (m->joined_date);
  g_free (m->official_date);
  g_free (m->card_number);
  g_free (m->exempt_since);
  g_free (m->left_date);
  g_free (m->note);
  g_free (m);
}

WardPartyMember *
ward_party_member_copy (const WardPartyMember *m)
{
  WardPartyMember *copy = g_memdup2 (m, sizeof *m);
  char **texts[] = {
    &copy->uuid, &copy->full_name, &copy->birth_date, &copy->gender, &copy->cell_name,
    &copy->joined_date, &copy->official_date, &copy->card_number, &copy->exempt_since,
    &copy->left_date, &copy->note,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    *texts[i] = g_strdup (*texts[i]);
  return copy;
}

void
ward_member_issue_free (WardMemberIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

WardExemption
ward_exemption_from_string (const char *text)
{
  if (g_strcmp0 (text, "age") == 0)
    return WARD_EXEMPT_AGE;
  if (g_strcmp0 (text, "health") == 0)
    return WARD_EXEMPT_HEALTH;
  return WARD_EXEMPT_NONE;
}

const char *
ward_exemption_to_string (WardExemption exempt)
{
  return exempt == WARD_EXEMPT_AGE ? "age" : exempt == WARD_EXEMPT_HEALTH ? "health" : NULL;
}

/* ---- Reading ------------------------------------------------------------ */

#define MEMBER_COLUMNS \
  "m.id, m.uuid, m.full_name, m.birth_date, m.gender, m.cell_id, p.name, m.joined_date, " \
  "m.official_date, m.card_number, m.exempt, m.exempt_since, m.left_date, m.candidate_id, m.note "
#define MEMBER_FROM "FROM party_members m LEFT JOIN party_cells p ON p.id = m.cell_id "

char *
ward_study_dup_or_null (WardStmt *stmt,
                        int       column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : ward_stmt_dup_text (stmt, column);
}

GPtrArray *
ward_study_rows_load (WardStore       *store,
                      const char      *sql,
                      gint64           id,
                      gpointer       (*from_row) (WardStmt *stmt),
                      GDestroyNotify   free_func,
                      GError         **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
ward_study_delete_row (WardStore   *store,
                       const char  *table,
                       gint64       id,
                       const char  *also,
                       GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, table);
  ward_store_notify_changed (store, also);
  return TRUE;
}

static WardPartyMember *
member_from_row (WardStmt *stmt)
{
  WardPartyMember *m = ward_party_member_new ();

  m->id = sqlite3_column_int64 (stmt, 0);
  m->uuid = ward_stmt_dup_text (stmt, 1);
  m->full_name = ward_stmt_dup_text (stmt, 2);
  m->birth_date = ward_stmt_dup_text (stmt, 3);
  m->gender = ward_study_dup_or_null (stmt, 4);
  m->cell_id = sqlite3_column_int64 (stmt, 5);
  m->cell_name = ward_study_dup_or_null (stmt, 6);
  m->joined_date = ward_study_dup_or_null (stmt, 7);
  m->official_date = ward_study_dup_or_null (stmt, 8);
  m->card_number = ward_study_dup_or_null (stmt, 9);
  m->exempt = ward_exemption_from_string (ward_stmt_text (stmt, 10));
  m->exempt_since = ward_study_dup_or_null (stmt, 11);
  m->left_date = ward_study_dup_or_null (stmt, 12);
  m->candidate_id = sqlite3_column_int64 (stmt, 13);
  m->note = ward_study_dup_or_null (stmt, 14);
  return m;
}

static WardPartyMember *
load_where (WardStore   *store,
            const char  *where,
            gint64       id,
            GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " MEMBER_COLUMNS MEMBER_FROM, where, NULL);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return member_from_row (stmt);
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return NULL;
}

WardPartyMember *
ward_party_member_load (WardStore  *store,
                        gint64      id,
                        GError    **error)
{
  GError *local = NULL;
  WardPartyMember *m = load_where (store, "WHERE m.id = ?1", id, &local);

  if (m == NULL && local == NULL)
    g_set_error (&local, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                 _("The Party member is no longer on the roster."));
  if (local != NULL)
    g_propagate_error (error, local);
  return m;
}

/* The same person as @full_name and @birth_date, other than @except. */
static WardPartyMember *
find_person (WardStore   *store,
             const char  *full_name,
             const char  *birth_date,
             gint64       except,
             GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *folded = ward_text_fold (full_name != NULL ? full_name : "");
  int rc;

  stmt = ward_store_prepare (store, "SELECT " MEMBER_COLUMNS MEMBER_FROM
                                    "WHERE m.birth_date = ?1 AND m.id <> ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, birth_date != NULL ? birth_date : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = ward_text_fold (ward_stmt_text (stmt, 2));

      if (g_strcmp0 (g_strstrip (folded), g_strstrip (other)) == 0)
        return member_from_row (stmt);
    }
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return NULL;
}

WardPartyMember *
ward_party_member_find (WardStore   *store,
                        const char  *full_name,
                        const char  *birth_date,
                        GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  return find_person (store, full_name, birth_date, 0, error);
}

static gpointer
member_from_stmt (WardStmt *stmt)
{
  return member_from_row (stmt);
}

GPtrArray *
ward_party_members_load (WardStore  *store,
                         gint64      cell_id,
                         GError    **error)
{
  return ward_study_rows_load (store, "SELECT " MEMBER_COLUMNS MEMBER_FROM
                                      "WHERE ?1 = 0 OR m.cell_id = ?1 "
                                      "ORDER BY p.position, p.name, m.sort_key, m.id",
                               cell_id, member_from_stmt, (GDestroyNotify) ward_party_member_free,
                               error);
}

/* ---- Checking ----------------------------------------------------------- */

GPtrArray *
ward_party_member_validate (WardStore             *store,
                            const WardPartyMember *member,
                            const char            *today_iso,
                            GError               **error)
{
  g_autoptr (GPtrArray) issues = ward_party_member_check (member, today_iso);
  g_autoptr (WardPartyMember) same = NULL;
  GError *local = NULL;

  if (member->full_name == NULL || member->birth_date == NULL)
    return g_steal_pointer (&issues);
  same = find_person (store, member->full_name, member->birth_date, member->id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (same != NULL)
    {
      g_autofree char *born = ward_format_date (same->birth_date);

      ward_member_issue_add (issues, WARD_MEMBER_FIELD_NAME, WARD_ERROR_DUPLICATE,
                             _("The same person is already on the roster: %s, born %s."),
                             same->full_name, born);
    }
  return g_steal_pointer (&issues);
}

gboolean
ward_member_issues_to_error (GPtrArray  *issues,
                             GError    **error)
{
  WardMemberIssue *first;

  if (issues->len == 0)
    return FALSE;
  first = issues->pdata[0];
  g_set_error (error, WARD_ERROR, first->code ? first->code : WARD_ERROR_INVALID, "%s",
               first->message);
  return TRUE;
}

/* ---- The chi bộ of a list ----------------------------------------------- */

gint64
ward_study_cell_resolve (WardStore   *store,
                         const char  *name,
                         gboolean    *added_out,
                         GError     **error)
{
  gint64 id = ward_names_find_cell (store, name, 0, error);

  *added_out = FALSE;
  if (id != 0)
    return MAX (id, 0);
  id = ward_names_insert_cell (store, name, error);
  *added_out = id > 0;
  return id;
}
