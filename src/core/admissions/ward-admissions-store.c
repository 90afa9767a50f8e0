/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-admissions"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions-private.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "names/ward-names.h"
#include "study/ward-study.h"

/* Reading and writing candidates and the chi bộ list. */

#define SEARCH_SEPARATOR " · "

WardCandidate *
ward_candidate_from_row (WardStmt *stmt)
{
  WardCandidate *c = ward_candidate_new ();
  int i = 0;

  c->id = sqlite3_column_int64 (stmt, i++);
  c->uuid = ward_stmt_dup_text (stmt, i++);
  c->full_name = ward_stmt_dup_text (stmt, i++);
  c->given_name_words = sqlite3_column_int (stmt, i++);
  c->birth_date = ward_stmt_dup_text (stmt, i++);
  c->gender = ward_gender_from_string (ward_stmt_text (stmt, i++));
  c->ethnicity = ward_stmt_dup_text (stmt, i++);
  c->religion = ward_stmt_dup_text (stmt, i++);
  c->education = ward_stmt_dup_text (stmt, i++);
  c->specialty = ward_stmt_dup_text (stmt, i++);
  c->occupation = ward_stmt_dup_text (stmt, i++);
  c->youth_union = sqlite3_column_int (stmt, i++) != 0;
  c->residential_group = ward_stmt_dup_text (stmt, i++);
  c->cell_id = sqlite3_column_int64 (stmt, i++);
  c->cell_name = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_SYMPATHISER] = ward_stmt_dup_text (stmt, i++);
  c->course_cert_number = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_COURSE] = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_APPLICATION] = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_VERIFICATION_SENT] = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_VERIFICATION_DONE] = ward_stmt_dup_text (stmt, i++);
  c->introducer_1 = ward_stmt_dup_text (stmt, i++);
  c->introducer_2 = ward_stmt_dup_text (stmt, i++);
  c->youth_union_resolution = ward_stmt_dup_text (stmt, i++);
  c->cell_resolution_number = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_CELL_RESOLUTION] = ward_stmt_dup_text (stmt, i++);
  c->decision_number = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_DECISION] = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_CEREMONY] = ward_stmt_dup_text (stmt, i++);
  c->recognition_number = ward_stmt_dup_text (stmt, i++);
  c->dates[WARD_STAGE_RECOGNITION] = ward_stmt_dup_text (stmt, i++);
  c->state = ward_candidate_state_from_string (ward_stmt_text (stmt, i++));
  c->state_reason = ward_stmt_dup_text (stmt, i++);
  c->note = ward_stmt_dup_text (stmt, i++);
  c->phone = ward_stmt_dup_text (stmt, i++);
  c->education_exception = ward_stmt_dup_text (stmt, i++);
  c->introducer_1_official = sqlite3_column_int (stmt, i++) == 1;
  c->introducer_1_since = ward_stmt_dup_text (stmt, i++);
  c->introducer_2_official = sqlite3_column_int (stmt, i++) == 1;
  c->introducer_2_since = ward_stmt_dup_text (stmt, i++);
  c->trade_union = sqlite3_column_int (stmt, i++) != 0;
  c->trade_union_resolution = ward_stmt_dup_text (stmt, i++);
  c->recognition_resolution_date = ward_stmt_dup_text (stmt, i++);

  /* ward_stmt_dup_text() gives "" for NULL; the record keeps NULL. */
  for (guint s = 0; s < WARD_N_STAGES; s++)
    if (c->dates[s] != NULL && c->dates[s][0] == '\0')
      g_clear_pointer (&c->dates[s], g_free);
  {
    char **dates[] = { &c->introducer_1_since, &c->introducer_2_since, &c->recognition_resolution_date };

    for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
      if (*dates[d] != NULL && (*dates[d])[0] == '\0')
        g_clear_pointer (dates[d], g_free);
  }
  return c;
}

/* ---- Keys --------------------------------------------------------------- */

static char *
search_key_for (const char *full_name,
                const char *cell_name,
                const char *residential_group)
{
  const char *parts[] = { full_name, cell_name, residential_group };
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *folded = NULL;

      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      folded = ward_text_fold (parts[i]);
      if (key->len > 0)
        g_string_append (key, SEARCH_SEPARATOR);
      g_string_append (key, folded);
    }
  return g_string_free (key, FALSE);
}

static char *
cell_name_for_id (WardStore  *store,
                  gint64      cell_id,
                  GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT name FROM party_cells WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cell_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ward_stmt_dup_text (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                 _("The chi bộ chosen is no longer in the list: choose another one."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

/* ---- Writing ------------------------------------------------------------ */

static void
clean_in_place (char **text)
{
  char *clean = ward_candidate_clean_text (*text);

  g_free (*text);
  *text = clean;
}

static void
clean_record (WardCandidate *c)
{
  char **texts[] = {
    &c->full_name, &c->ethnicity, &c->religion, &c->education, &c->specialty,
    &c->occupation, &c->residential_group, &c->course_cert_number, &c->introducer_1,
    &c->introducer_2, &c->youth_union_resolution, &c->cell_resolution_number,
    &c->decision_number, &c->recognition_number, &c->state_reason, &c->note, &c->phone,
    &c->education_exception, &c->trade_union_resolution,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    clean_in_place (texts[i]);
  for (guint i = 0; i < WARD_N_STAGES; i++)
    if (c->dates[i] != NULL && c->dates[i][0] == '\0')
      g_clear_pointer (&c->dates[i], g_free);
  /* One introducer is written first. */
  if (c->introducer_1 == NULL && c->introducer_2 != NULL)
    c->introducer_1 = g_steal_pointer (&c->introducer_2);
}

/* ?2 … ?34, ?37 … ?45: the record's own columns. */
static void
bind_fields (WardStmt            *stmt,
             const WardCandidate *c,
             const char          *sort_key,
             const char          *search_key)
{
  const char *texts[] = {
    c->full_name, NULL, sort_key, search_key, c->birth_date, ward_gender_to_string (c->gender),
    c->ethnicity, c->religion, c->education, c->specialty, c->occupation, NULL,
    c->residential_group, NULL, c->dates[WARD_STAGE_SYMPATHISER], c->course_cert_number,
    c->dates[WARD_STAGE_COURSE], c->dates[WARD_STAGE_APPLICATION],
    c->dates[WARD_STAGE_VERIFICATION_SENT], c->dates[WARD_STAGE_VERIFICATION_DONE],
    c->introducer_1, c->introducer_2, c->youth_union_resolution, c->cell_resolution_number,
    c->dates[WARD_STAGE_CELL_RESOLUTION], c->decision_number, c->dates[WARD_STAGE_DECISION],
    c->dates[WARD_STAGE_CEREMONY], c->recognition_number, c->dates[WARD_STAGE_RECOGNITION],
    ward_candidate_state_to_string (c->state), c->state_reason, c->note,
  };

  const char *more[] = {
    c->phone, c->education_exception, NULL, c->introducer_1_since, NULL, c->introducer_2_since, NULL,
    c->trade_union_resolution, c->recognition_resolution_date,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ward_stmt_bind_text_or_null (stmt, 2 + i, texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    ward_stmt_bind_text_or_null (stmt, 37 + i, more[i]);
  /* Recorded or not: an introducer named and ticked, or named and not. */
  if (c->introducer_1 != NULL)
    sqlite3_bind_int (stmt, 39, c->introducer_1_official ? 1 : 0);
  if (c->introducer_2 != NULL)
    sqlite3_bind_int (stmt, 41, c->introducer_2_official ? 1 : 0);
  sqlite3_bind_int (stmt, 43, c->trade_union ? 1 : 0);
  sqlite3_bind_int (stmt, 3, c->given_name_words);
  sqlite3_bind_int (stmt, 13, c->youth_union ? 1 : 0);
  if (c->cell_id > 0)
    sqlite3_bind_int64 (stmt, 15, c->cell_id);
  else
    sqlite3_bind_null (stmt, 15);
}

#define FIELD_COLUMNS \
  "full_name, given_name_words, sort_key, search_key, birth_date, gender, ethnicity, " \
  "religion, education, specialty, occupation, youth_union, residential_group, cell_id, " \
  "sympathiser_date, course_cert_number, course_date, application_date, verification_sent, " \
  "verification_done, introducer_1, introducer_2, youth_union_resolution, " \
  "cell_resolution_number, cell_resolution_date, decision_number, decision_date, " \
  "ceremony_date, recognition_number, recognition_date, state, state_reason, note"
#define MORE_COLUMNS \
  "phone, education_exception, introducer_1_official, introducer_1_since, introducer_2_official, " \
  "introducer_2_since, trade_union, trade_union_resolution, recognition_resolution_date"

static const char insert_sql[] =
  "INSERT INTO candidates (uuid, " FIELD_COLUMNS ", created_at, updated_at, id, " MORE_COLUMNS ") "
  "VALUES (?1, "
  "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
  "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?35, ?36, "
  "?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45)";

static const char update_sql[] =
  "UPDATE candidates SET full_name = ?2, given_name_words = ?3, sort_key = ?4, "
  "search_key = ?5, birth_date = ?6, gender = ?7, ethnicity = ?8, religion = ?9, "
  "education = ?10, specialty = ?11, occupation = ?12, youth_union = ?13, "
  "residential_group = ?14, cell_id = ?15, sympathiser_date = ?16, course_cert_number = ?17, "
  "course_date = ?18, application_date = ?19, verification_sent = ?20, "
  "verification_done = ?21, introducer_1 = ?22, introducer_2 = ?23, "
  "youth_union_resolution = ?24, cell_resolution_number = ?25, cell_resolution_date = ?26, "
  "decision_number = ?27, decision_date = ?28, ceremony_date = ?29, recognition_number = ?30, "
  "recognition_date = ?31, state = ?32, state_reason = ?33, note = ?34, updated_at = ?35, "
  "phone = ?37, education_exception = ?38, introducer_1_official = ?39, introducer_1_since = ?40, "
  "introducer_2_official = ?41, introducer_2_since = ?42, trade_union = ?43, "
  "trade_union_resolution = ?44, recognition_resolution_date = ?45 "
  "WHERE id = ?36";

static gboolean
id_is_free (WardStore *store,
            gint64     id)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT 1 FROM candidates WHERE id = ?", NULL);

  if (stmt == NULL || id <= 0)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

static gboolean
write_record (WardStore      *store,
              WardCandidate  *c,
              gboolean        insert,
              GError        **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *now = ward_store_now ();
  int rc;

  clean_record (c);
  g_clear_pointer (&c->cell_name, g_free);
  if (c->cell_id > 0 && (c->cell_name = cell_name_for_id (store, c->cell_id, error)) == NULL)
    return FALSE;
  sort_key = ward_text_name_sort_key (c->full_name, c->given_name_words);
  search_key = search_key_for (c->full_name, c->cell_name, c->residential_group);

  insert = insert || c->id == 0;
  stmt = ward_store_prepare (store, insert ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (insert && c->uuid == NULL)
    c->uuid = ward_store_new_uuid ();
  bind_fields (stmt, c, sort_key, search_key);
  if (insert)
    {
      sqlite3_bind_text (stmt, 1, c->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 35, now, -1, SQLITE_TRANSIENT);
      if (id_is_free (store, c->id))
        sqlite3_bind_int64 (stmt, 36, c->id);
    }
  else
    {
      sqlite3_bind_text (stmt, 35, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 36, c->id);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (!insert && sqlite3_changes (ward_store_get_db (store)) == 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                   _("The candidate is no longer in the register."));
      return FALSE;
    }
  if (insert)
    c->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  ward_store_notify_changed (store, "candidates");
  return TRUE;
}

/* The roster of the study is fed from here. A candidate admitted is a Party
 * member from the admission decision: "tuổi đảng … tính từ ngày cấp có
 * thẩm quyền ra quyết định kết nạp" (Hướng dẫn 29-HD/TW 4.5.1; Điều lệ Đảng,
 * Điều 5 khoản 4); without the decision's date, from the ceremony. Once
 * recognised, official from the end of the 12 months' probation counted
 * from the ceremony, however late the recognition (29-HD/TW 4.2 b). */
static gboolean
feed_roster (WardStore            *store,
             const WardCandidate  *c,
             GError              **error)
{
  const char *joined = c->dates[WARD_STAGE_DECISION] != NULL ? c->dates[WARD_STAGE_DECISION]
                                                              : c->dates[WARD_STAGE_CEREMONY];
  g_autofree char *official = NULL;
  WardAdmittedMember admitted = {
    c->id, c->full_name, c->birth_date, ward_gender_to_string (c->gender), c->cell_id, joined, NULL,
  };

  if (c->dates[WARD_STAGE_RECOGNITION] != NULL)
    {
      official = ward_candidate_recognition_due (c);
      admitted.official_date = official != NULL ? official : c->dates[WARD_STAGE_RECOGNITION];
    }
  return ward_study_member_from_admission (store, &admitted, error);
}

/* The candidate and the roster in one transaction (a savepoint inside the
 * caller's). */
gboolean
ward_candidate_write (WardStore      *store,
                      WardCandidate  *c,
                      gboolean        insert,
                      GError        **error)
{
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!write_record (store, c, insert, error) || !feed_roster (store, c, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return ward_store_commit (store, error);
}

/* ---- The same person ---------------------------------------------------- */

/* Another record than @except with the same person's key. */
static gboolean
add_duplicate_issue (WardStore            *store,
                     const WardCandidate  *candidate,
                     gint64                except,
                     GPtrArray            *issues,
                     GError              **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *name = ward_candidate_clean_text (candidate->full_name);
  g_autofree char *folded = NULL;
  int rc;

  if (name == NULL || candidate->birth_date == NULL)
    return TRUE;
  folded = ward_text_fold (name);
  stmt = ward_store_prepare (store,
                             "SELECT c.full_name, c.birth_date, p.name " WARD_CANDIDATE_FROM
                             "WHERE c.birth_date = ?1 AND c.id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, candidate->birth_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = ward_text_fold (ward_stmt_text (stmt, 0));
      g_autofree char *described = NULL;

      if (g_strcmp0 (folded, other) != 0)
        continue;
      described = ward_candidate_describe (ward_stmt_text (stmt, 0), ward_stmt_text (stmt, 1),
                                           sqlite3_column_text (stmt, 2) ? ward_stmt_text (stmt, 2) : NULL);
      ward_candidate_add_issue (issues, "full_name", FALSE,
                                _("The same person is already in the register: %s."), described);
      ((WardCandidateIssue *) g_ptr_array_index (issues, issues->len - 1))->code = WARD_ERROR_DUPLICATE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

GPtrArray *
ward_candidate_validate (WardStore            *store,
                         const WardCandidate  *candidate,
                         const char           *today_iso,
                         GError              **error)
{
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (WardCandidate) stored = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate != NULL, NULL);

  /* A record that is gone meanwhile is checked as a new one. */
  if (candidate->id > 0)
    stored = ward_candidate_load (store, candidate->id, NULL);
  issues = ward_candidate_check (candidate, stored, today_iso);
  if (!add_duplicate_issue (store, candidate, candidate->id, issues, error))
    return NULL;
  ward_candidate_sort_issues (issues);
  return g_steal_pointer (&issues);
}

/* ---- Public storing ----------------------------------------------------- */

WardCandidate *
ward_candidate_load (WardStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store, "SELECT " WARD_CANDIDATE_COLUMNS WARD_CANDIDATE_FROM
                                    "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ward_candidate_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                 _("The candidate is no longer in the register."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

gboolean
ward_candidate_save (WardStore      *store,
                     WardCandidate  *candidate,
                     GError        **error)
{
  g_autoptr (GPtrArray) issues = NULL;
  g_autofree char *today = ward_today_iso ();

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate != NULL, FALSE);

  issues = ward_candidate_validate (store, candidate, today, error);
  if (issues == NULL)
    return FALSE;
  if (ward_candidate_issues_to_error (issues, error))
    return FALSE;

  if (!ward_store_begin (store, error))
    return FALSE;
  if (!ward_candidate_write (store, candidate, FALSE, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return ward_store_commit (store, error);
}

gboolean
ward_candidate_delete (WardStore      *store,
                       gint64          id,
                       WardCandidate **deleted_out,
                       GError        **error)
{
  g_autoptr (WardCandidate) candidate = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  candidate = ward_candidate_load (store, id, error);
  if (candidate == NULL)
    return FALSE;
  stmt = ward_store_prepare (store, "DELETE FROM candidates WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "candidates");
  if (deleted_out != NULL)
    *deleted_out = g_steal_pointer (&candidate);
  return TRUE;
}

gboolean
ward_candidate_restore (WardStore      *store,
                        WardCandidate  *candidate,
                        GError        **error)
{
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_issue_free);

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate != NULL, FALSE);

  /* It was stored as it is: only the same person added meanwhile stops it.
   * Its chi bộ may have gone in the meantime, its id been taken. */
  if (!add_duplicate_issue (store, candidate, 0, issues, error))
    return FALSE;
  if (ward_candidate_issues_to_error (issues, error))
    return FALSE;
  if (candidate->cell_id > 0)
    {
      g_autofree char *cell = cell_name_for_id (store, candidate->cell_id, NULL);

      if (cell == NULL)
        candidate->cell_id = 0;
    }
  return ward_candidate_write (store, candidate, TRUE, error);
}

/* ---- The list ----------------------------------------------------------- */

/* The deadlines of the row's record (ward_candidate_overdue_days()), from
 * the dates the list reads. */
static int
overdue_days (WardStmt   *stmt,
              guint8      state,
              const char *today)
{
  WardCandidate probe = { 0, };

  for (int stage = WARD_STAGE_CELL_RESOLUTION; stage <= WARD_STAGE_RECOGNITION; stage++)
    probe.dates[stage] = sqlite3_column_type (stmt, 6 + stage) != SQLITE_NULL
                         ? (char *) ward_stmt_text (stmt, 6 + stage) : NULL;
  probe.recognition_resolution_date = sqlite3_column_type (stmt, 17) != SQLITE_NULL
                                      ? (char *) ward_stmt_text (stmt, 17) : NULL;
  probe.state = state;
  if (probe.dates[WARD_STAGE_CELL_RESOLUTION] == NULL && probe.dates[WARD_STAGE_DECISION] == NULL
      && probe.dates[WARD_STAGE_CEREMONY] == NULL)
    return 0;
  return ward_candidate_overdue_days (&probe, today);
}

static void
fill_row (WardCandidateRow *row,
          WardStmt         *stmt,
          WardRows         *rows,
          GHashTable       *cell_keys,
          const char       *today)
{
  const char *cell_key;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->full_name = ward_rows_take_text (rows, stmt, 1, FALSE);
  row->sort_key = ward_rows_take_text (rows, stmt, 2, FALSE);
  row->search_key = ward_rows_take_text (rows, stmt, 3, FALSE);
  row->cell_id = sqlite3_column_int64 (stmt, 4);
  row->cell_name = ward_rows_take_text (rows, stmt, 5, TRUE);
  cell_key = g_hash_table_lookup (cell_keys, row->cell_name);
  if (cell_key == NULL)
    {
      g_autofree char *key = ward_text_collate_key (row->cell_name);

      cell_key = ward_rows_keep_text (rows, key, TRUE);
      g_hash_table_insert (cell_keys, (gpointer) row->cell_name, (gpointer) cell_key);
    }
  row->cell_key = cell_key;
  row->birth_date = ward_rows_take_text (rows, stmt, 6, TRUE);
  row->stage = WARD_STAGE_NONE;
  row->stage_date = "";
  for (int stage = WARD_STAGE_RECOGNITION; stage > WARD_STAGE_NONE; stage--)
    if (sqlite3_column_type (stmt, 6 + stage) != SQLITE_NULL)
      {
        row->stage = stage;
        row->stage_date = ward_rows_take_text (rows, stmt, 6 + stage, TRUE);
        break;
      }
  row->ceremony_date = ward_rows_take_text (rows, stmt, 6 + WARD_STAGE_CEREMONY, TRUE);
  row->state = ward_candidate_state_from_string (ward_stmt_text (stmt, 16));
  row->overdue_days = (guint16) MIN (overdue_days (stmt, row->state, today), G_MAXUINT16);
}

WardRows *
ward_candidate_rows_load (WardStore  *store,
                          GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GHashTable) cell_keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (WardRows) rows = NULL;
  g_autofree char *today = ward_today_iso ();
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT c.id, c.full_name, c.sort_key, c.search_key, c.cell_id, p.name, "
                             "c.birth_date, c.sympathiser_date, c.course_date, c.application_date, "
                             "c.verification_sent, c.verification_done, c.cell_resolution_date, "
                             "c.decision_date, c.ceremony_date, c.recognition_date, c.state, "
                             "c.recognition_resolution_date"
                             WARD_CANDIDATE_FROM "ORDER BY c.sort_key, c.birth_date, c.id", error);
  if (stmt == NULL)
    return NULL;
  rows = ward_rows_new (sizeof (WardCandidateRow));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fill_row (ward_rows_append (rows), stmt, rows, cell_keys, today);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- The chi bộ list ---------------------------------------------------- */

void
ward_party_cell_free (WardPartyCell *cell)
{
  if (cell == NULL)
    return;
  g_free (cell->uuid);
  g_free (cell->name);
  g_free (cell);
}

GPtrArray *
ward_party_cells_load (WardStore  *store,
                       GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_party_cell_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT p.id, p.uuid, p.name, p.position, "
                             "(SELECT count(*) FROM candidates c WHERE c.cell_id = p.id) "
                             "FROM party_cells p ORDER BY p.position, p.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardPartyCell *cell = g_new0 (WardPartyCell, 1);

      cell->id = sqlite3_column_int64 (stmt, 0);
      cell->uuid = ward_stmt_dup_text (stmt, 1);
      cell->name = ward_stmt_dup_text (stmt, 2);
      cell->position = sqlite3_column_int (stmt, 3);
      cell->n_candidates = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (cells, cell);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cells);
}

gint64
ward_party_cell_find (WardStore   *store,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), -1);
  return ward_names_find_cell (store, name, 0, error);
}

static char *
check_cell_name (WardStore   *store,
                 const char  *name,
                 gint64       except,
                 GError     **error)
{
  g_autofree char *clean = ward_candidate_clean_text (name);
  gint64 other;

  if (clean == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, "%s", _("Write the name of the chi bộ."));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > 200)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, "%s",
                   _("The name of the chi bộ is longer than 200 characters."));
      return NULL;
    }
  other = ward_names_find_cell (store, clean, except, error);
  if (other < 0)
    return NULL;
  if (other > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE,
                   _("“%s” is already in the list of chi bộ."), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

gint64
ward_party_cell_add (WardStore   *store,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), 0);

  clean = check_cell_name (store, name, 0, error);
  if (clean == NULL)
    return 0;
  return ward_names_insert_cell (store, clean, error);
}

static gboolean
refresh_search_keys (WardStore   *store,
                     gint64       cell_id,
                     const char  *cell_name,
                     GError     **error)
{
  g_autoptr (WardStmt) select = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  select = ward_store_prepare (store, "SELECT id, full_name, residential_group FROM candidates "
                                      "WHERE cell_id = ?", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, cell_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (keys, search_key_for (ward_stmt_text (select, 1), cell_name,
                                             ward_stmt_text (select, 2)));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  g_clear_pointer (&select, ward_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (WardStmt) update = ward_store_prepare (store, "UPDATE candidates SET search_key = ? "
                                                               "WHERE id = ?", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_text (update, 1, keys->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, g_array_index (ids, gint64, i));
      rc = sqlite3_step (update);
      if (rc != SQLITE_DONE)
        return ward_store_set_error (store, rc, error);
    }
  if (ids->len > 0)
    ward_store_notify_changed (store, "candidates");
  return TRUE;
}

gboolean
ward_party_cell_rename (WardStore   *store,
                        gint64       id,
                        const char  *name,
                        GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = ward_store_now ();
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  clean = check_cell_name (store, name, id, error);
  if (clean == NULL || !ward_store_begin (store, error))
    return FALSE;
  stmt = ward_store_prepare (store, "UPDATE party_cells SET name = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      goto fail;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  if (!refresh_search_keys (store, id, clean, error))
    goto fail;
  ward_store_notify_changed (store, "party_cells");
  return ward_store_commit (store, error);

fail:
  ward_store_rollback (store);
  return FALSE;
}

gboolean
ward_party_cell_remove (WardStore   *store,
                        gint64       id,
                        GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *name = NULL;
  int n_candidates;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  stmt = ward_store_prepare (store, "SELECT name, (SELECT count(*) FROM candidates WHERE cell_id = ?1) "
                                    "FROM party_cells WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                     _("The chi bộ is no longer in the list."));
      else
        ward_store_set_error (store, rc, error);
      return FALSE;
    }
  name = ward_stmt_dup_text (stmt, 0);
  n_candidates = sqlite3_column_int (stmt, 1);
  g_clear_pointer (&stmt, ward_stmt_release);
  if (n_candidates > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still has %d candidate: move her or him to another chi bộ first.",
                                "“%s” still has %d candidates: move them to another chi bộ first.",
                                n_candidates),
                   name, n_candidates);
      return FALSE;
    }

  stmt = ward_store_prepare (store, "DELETE FROM party_cells WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "party_cells");
  return TRUE;
}
