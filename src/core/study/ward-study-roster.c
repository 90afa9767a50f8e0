/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "study/ward-study-private.h"

/* Storing the roster: the form's and the import's saving, deleting, and
 * the admission register's hook. */

static void
clean_in_place (char **text)
{
  char *clean = ward_text_normalize (*text);

  g_free (*text);
  *text = clean != NULL && clean[0] != '\0' ? clean : (g_free (clean), NULL);
}

static void
clean_record (WardPartyMember *m)
{
  char **texts[] = {
    &m->full_name, &m->birth_date, &m->gender, &m->joined_date, &m->official_date,
    &m->card_number, &m->exempt_since, &m->left_date, &m->note,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    clean_in_place (texts[i]);
  if (m->exempt == WARD_EXEMPT_NONE)
    g_clear_pointer (&m->exempt_since, g_free);
}

static const char insert_sql[] =
  "INSERT INTO party_members (full_name, sort_key, search_key, birth_date, gender, cell_id, "
  "joined_date, official_date, card_number, exempt, exempt_since, left_date, candidate_id, "
  "note, updated_at, uuid, created_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?15)";

static const char update_sql[] =
  "UPDATE party_members SET full_name = ?1, sort_key = ?2, search_key = ?3, birth_date = ?4, "
  "gender = ?5, cell_id = ?6, joined_date = ?7, official_date = ?8, card_number = ?9, "
  "exempt = ?10, exempt_since = ?11, left_date = ?12, candidate_id = ?13, note = ?14, "
  "updated_at = ?15 WHERE id = ?16";

static void
bind_record (WardStmt              *stmt,
             const WardPartyMember *m)
{
  g_autofree char *sort_key = ward_text_name_sort_key (m->full_name, 1);
  g_autofree char *search_key = ward_text_fold (m->full_name);
  g_autofree char *now = ward_store_now ();
  const char *texts[] = {
    m->full_name, sort_key, search_key, m->birth_date, m->gender, NULL, m->joined_date,
    m->official_date, m->card_number, ward_exemption_to_string (m->exempt), m->exempt_since,
    m->left_date, NULL, m->note, now,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ward_stmt_bind_text_or_null (stmt, 1 + i, texts[i]);
  if (m->cell_id > 0)
    sqlite3_bind_int64 (stmt, 6, m->cell_id);
  if (m->candidate_id > 0)
    sqlite3_bind_int64 (stmt, 13, m->candidate_id);
}

gboolean
ward_party_member_write (WardStore        *store,
                         WardPartyMember  *m,
                         GError          **error)
{
  gboolean insert = m->id == 0;
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, insert ? insert_sql : update_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  clean_record (m);
  if (insert && m->uuid == NULL)
    m->uuid = ward_store_new_uuid ();
  bind_record (stmt, m);
  if (insert)
    sqlite3_bind_text (stmt, 16, m->uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 16, m->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (insert)
    m->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  ward_store_notify_changed (store, "party_members");
  return TRUE;
}

gboolean
ward_party_member_save (WardStore        *store,
                        WardPartyMember  *member,
                        GError          **error)
{
  g_autoptr (GPtrArray) issues = NULL;
  g_autofree char *today = ward_today_iso ();

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  clean_record (member);
  issues = ward_party_member_validate (store, member, today, error);
  if (issues == NULL || ward_member_issues_to_error (issues, error))
    return FALSE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!ward_party_member_write (store, member, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return ward_store_commit (store, error);
}

gboolean
ward_party_member_delete (WardStore        *store,
                          gint64            id,
                          WardPartyMember **deleted_out,
                          GError          **error)
{
  g_autoptr (WardPartyMember) member = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  member = ward_party_member_load (store, id, error);
  if (member == NULL || !ward_study_delete_row (store, "party_members", id, "study_attendance", error))
    return FALSE;
  if (deleted_out != NULL)
    *deleted_out = g_steal_pointer (&member);
  return TRUE;
}

/* ---- From the admission register ---------------------------------------- */

static gint64
member_of_candidate (WardStore  *store,
                     gint64      candidate_id,
                     gboolean   *has_history,
                     GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT m.id, EXISTS (SELECT 1 FROM study_attendance a "
                             "WHERE a.member_id = m.id) OR EXISTS (SELECT 1 FROM study_reflections r "
                             "WHERE r.member_id = m.id) FROM party_members m WHERE m.candidate_id = ?",
                             error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, candidate_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error), -1;
  *has_history = sqlite3_column_int (stmt, 1) != 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* The member to write: the one made from the candidate, or the same person
 * already on the roster from an import, or a new one. */
static WardPartyMember *
admitted_record (WardStore                *store,
                 const WardAdmittedMember *admitted,
                 gint64                    linked,
                 GError                  **error)
{
  GError *local = NULL;
  WardPartyMember *m;

  if (linked > 0)
    return ward_party_member_load (store, linked, error);
  m = ward_party_member_find (store, admitted->full_name, admitted->birth_date, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return m != NULL ? m : ward_party_member_new ();
}

static void
copy_admission (WardPartyMember          *m,
                const WardAdmittedMember *admitted)
{
  g_free (m->full_name);
  m->full_name = g_strdup (admitted->full_name);
  g_free (m->birth_date);
  m->birth_date = g_strdup (admitted->birth_date);
  if (admitted->gender != NULL)
    {
      g_free (m->gender);
      m->gender = g_strdup (admitted->gender);
    }
  if (admitted->cell_id > 0)
    m->cell_id = admitted->cell_id;
  g_free (m->joined_date);
  m->joined_date = g_strdup (admitted->joined_date);
  g_free (m->official_date);
  m->official_date = g_strdup (admitted->official_date);
  m->candidate_id = admitted->candidate_id;
}

gboolean
ward_study_member_from_admission (WardStore                *store,
                                  const WardAdmittedMember *admitted,
                                  GError                  **error)
{
  g_autoptr (WardPartyMember) m = NULL;
  gboolean has_history = FALSE;
  gint64 linked;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  linked = member_of_candidate (store, admitted->candidate_id, &has_history, error);
  if (linked < 0)
    return FALSE;
  /* No longer admitted (a date corrected away): taken off the roster,
   * unless the member already has a history there to keep. */
  if (admitted->joined_date == NULL)
    return linked == 0 || has_history || ward_study_delete_row (store, "party_members", linked, "study_attendance", error);
  m = admitted_record (store, admitted, linked, error);
  if (m == NULL)
    return FALSE;
  copy_admission (m, admitted);
  return ward_party_member_write (store, m, error);
}
