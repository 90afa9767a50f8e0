/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "study/ward-study-private.h"

/* The written reflection (bài thu hoạch) each member hands in after the
 * study, which the study's guidance asks for (Chỉ thị 01-CT/TW 2016: "…với
 * thu hoạch, kiểm tra, đánh giá việc học tập, quán triệt Nghị quyết"). */

static const char * const grade_names[] = { NULL, "good", "fair", "pass", "fail" };

WardReflectionGrade
ward_grade_from_string (const char *text)
{
  for (guint i = 1; i < G_N_ELEMENTS (grade_names); i++)
    if (g_strcmp0 (text, grade_names[i]) == 0)
      return i;
  return WARD_GRADE_NONE;
}

const char *
ward_grade_to_string (WardReflectionGrade grade)
{
  return grade < G_N_ELEMENTS (grade_names) ? grade_names[grade] : NULL;
}

static gboolean
check_date (WardStore   *store,
            gint64       member_id,
            const char  *date,
            GError     **error)
{
  g_autoptr (WardPartyMember) m = ward_party_member_load (store, member_id, error);
  g_autofree char *today = ward_today_iso ();
  const char *message = NULL;

  if (m == NULL)
    return FALSE;
  if (date == NULL || date[0] == '\0')
    message = _("Write the date %s handed the reflection in.");
  else if (g_strcmp0 (date, today) > 0)
    message = _("%s's reflection is dated after today.");
  else if (m->joined_date != NULL && g_strcmp0 (date, m->joined_date) < 0)
    message = _("%s's reflection is dated before they joined the Party.");
  if (message != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, message, m->full_name);
  return message == NULL;
}

gboolean
ward_study_reflection_set (WardStore            *store,
                           gint64                member_id,
                           const char           *date,
                           WardReflectionGrade   grade,
                           GError              **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!check_date (store, member_id, date, error))
    return FALSE;
  stmt = ward_store_prepare (store, "INSERT INTO study_reflections (uuid, member_id, handed_in_on, "
                                    "grade, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                                    "ON CONFLICT (member_id) DO UPDATE SET handed_in_on = ?3, "
                                    "grade = ?4, updated_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, member_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  ward_stmt_bind_text_or_null (stmt, 4, ward_grade_to_string (grade));
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "study_reflections");
  return TRUE;
}

gboolean
ward_study_reflection_clear (WardStore  *store,
                             gint64      member_id,
                             GError    **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "DELETE FROM study_reflections "
                                                  "WHERE member_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "study_reflections");
  return TRUE;
}
