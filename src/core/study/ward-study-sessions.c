/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "study/ward-study-private.h"

/* Study sessions and who attended them. */

WardStudySession *
ward_study_session_new (void)
{
  WardStudySession *s = g_new0 (WardStudySession, 1);

  s->documents = WARD_STUDY_DOC_RESOLUTION;
  s->attendance_recorded = TRUE;
  return s;
}

void
ward_study_session_free (WardStudySession *s)
{
  if (s == NULL)
    return;
  g_free (s->uuid);
  g_free (s->cell_name);
  g_free (s->title);
  g_free (s->held_on);
  g_free (s->place);
  g_free (s->presenter);
  g_free (s->note);
  g_free (s);
}

WardStudyAttendance *
ward_study_attendance_new (gint64   member_id,
                           gboolean present)
{
  WardStudyAttendance *line = g_new0 (WardStudyAttendance, 1);

  line->member_id = member_id;
  line->present = present;
  return line;
}

void
ward_study_attendance_free (WardStudyAttendance *line)
{
  if (line == NULL)
    return;
  g_free (line->member_name);
  g_free (line->absence_reason);
  g_free (line->made_up_on);
  g_free (line);
}

static char *
describe (guint    documents,
          gboolean document_words)
{
  /* A document's words are Vietnamese whatever the user's language. */
  static const struct { const char *label; const char *vi; } names[] = {
    { N_("the congress's resolution"), "Nghị quyết Đại hội" },
    { N_("the action programme"), "Chương trình hành động" },
    { N_("the Front's plan"), "Kế hoạch của Mặt trận" },
  };
  g_autoptr (GStrvBuilder) parts = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (documents & (1u << i))
      g_strv_builder_add (parts, document_words ? names[i].vi : _(names[i].label));
  strv = g_strv_builder_end (parts);
  return g_strjoinv ("; ", strv);
}

char *
ward_study_documents_describe (guint documents)
{
  return describe (documents, FALSE);
}

char *
ward_study_documents_describe_vi (guint documents)
{
  return describe (documents, TRUE);
}

/* ---- Reading ------------------------------------------------------------ */

#define SESSION_SELECT \
  "SELECT s.id, s.uuid, s.cell_id, p.name, s.title, s.held_on, s.place, s.presenter, " \
  "s.documents, s.attendance_recorded, s.note FROM study_sessions s " \
  "LEFT JOIN party_cells p ON p.id = s.cell_id "

static WardStudySession *
session_from_row (WardStmt *stmt)
{
  WardStudySession *s = ward_study_session_new ();

  s->id = sqlite3_column_int64 (stmt, 0);
  s->uuid = ward_stmt_dup_text (stmt, 1);
  s->cell_id = sqlite3_column_int64 (stmt, 2);
  s->cell_name = ward_study_dup_or_null (stmt, 3);
  s->title = ward_stmt_dup_text (stmt, 4);
  s->held_on = ward_stmt_dup_text (stmt, 5);
  s->place = ward_study_dup_or_null (stmt, 6);
  s->presenter = ward_study_dup_or_null (stmt, 7);
  s->documents = sqlite3_column_int (stmt, 8);
  s->attendance_recorded = sqlite3_column_int (stmt, 9) != 0;
  s->note = ward_study_dup_or_null (stmt, 10);
  return s;
}

WardStudySession *
ward_study_session_load (WardStore  *store,
                         gint64      id,
                         GError    **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, SESSION_SELECT "WHERE s.id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return session_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, "%s",
                 _("The study session is no longer in the file."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

static gpointer
session_from_stmt (WardStmt *stmt)
{
  return session_from_row (stmt);
}

GPtrArray *
ward_study_sessions_load (WardStore  *store,
                          GError    **error)
{
  return ward_study_rows_load (store, SESSION_SELECT "ORDER BY s.held_on DESC, s.id DESC", 0,
                               session_from_stmt, (GDestroyNotify) ward_study_session_free, error);
}

static gpointer
line_from_stmt (WardStmt *stmt)
{
  WardStudyAttendance *line = ward_study_attendance_new (sqlite3_column_int64 (stmt, 0),
                                                         sqlite3_column_int (stmt, 2) != 0);

  line->member_name = ward_stmt_dup_text (stmt, 1);
  line->absence_reason = ward_study_dup_or_null (stmt, 3);
  line->made_up_on = ward_study_dup_or_null (stmt, 4);
  return line;
}

GPtrArray *
ward_study_attendance_load (WardStore  *store,
                            gint64      session_id,
                            GError    **error)
{
  return ward_study_rows_load (store, "SELECT a.member_id, m.full_name, a.present, a.absence_reason, "
                                      "a.made_up_on FROM study_attendance a JOIN party_members m "
                                      "ON m.id = a.member_id WHERE a.session_id = ?1 "
                                      "ORDER BY m.sort_key, m.id",
                               session_id, line_from_stmt,
                               (GDestroyNotify) ward_study_attendance_free, error);
}

/* ---- Checking ----------------------------------------------------------- */

static gboolean
check_session (const WardStudySession  *s,
               const char              *today,
               GError                 **error)
{
  const char *message = NULL;

  if (s->title == NULL || s->title[0] == '\0')
    message = _("Write the session's title.");
  else if (s->held_on == NULL || s->held_on[0] == '\0')
    message = _("Write the date the session was held.");
  else if (g_strcmp0 (s->held_on, today) > 0)
    message = _("The session's date is after today: record a session once it is held.");
  if (message != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, "%s", message);
  return message == NULL;
}

/* A line's member belongs in the session: of its chi bộ (for a chi bộ's
 * session), a Party member on its day; a make-up on or after it. */
static gboolean
check_line (WardStore                  *store,
            const WardStudySession     *s,
            const WardStudyAttendance  *line,
            const char                 *today,
            GError                    **error)
{
  g_autoptr (WardPartyMember) m = ward_party_member_load (store, line->member_id, error);
  const char *message = NULL;

  if (m == NULL)
    return FALSE;
  if (s->cell_id > 0 && m->cell_id != s->cell_id)
    message = _("%s is not a member of the session's chi bộ.");
  else if (!ward_party_member_is_member_on (m, s->held_on))
    message = m->left_date != NULL && g_strcmp0 (m->left_date, s->held_on) <= 0
              ? _("%s had left the chi bộ before the session.")
              : _("%s joined the Party after the session: they are not counted in it.");
  else if (line->made_up_on != NULL && g_strcmp0 (line->made_up_on, s->held_on) < 0)
    message = _("%s made the session up before it was held: check the make-up date.");
  else if (line->made_up_on != NULL && g_strcmp0 (line->made_up_on, today) > 0)
    message = _("%s made the session up after today: check the make-up date.");
  if (message != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, message, m->full_name);
  return message == NULL;
}

/* ---- Writing ------------------------------------------------------------ */

static gboolean
write_session (WardStore         *store,
               WardStudySession  *s,
               GError           **error)
{
  gboolean insert = s->id == 0;
  g_autofree char *now = ward_store_now ();
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, insert
    ? "INSERT INTO study_sessions (cell_id, title, held_on, place, presenter, documents, "
      "attendance_recorded, note, updated_at, uuid, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9)"
    : "UPDATE study_sessions SET cell_id = ?1, title = ?2, held_on = ?3, place = ?4, "
      "presenter = ?5, documents = ?6, attendance_recorded = ?7, note = ?8, updated_at = ?9 "
      "WHERE id = ?11", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (s->cell_id > 0)
    sqlite3_bind_int64 (stmt, 1, s->cell_id);
  ward_stmt_bind_text_or_null (stmt, 2, s->title);
  ward_stmt_bind_text_or_null (stmt, 3, s->held_on);
  ward_stmt_bind_text_or_null (stmt, 4, s->place);
  ward_stmt_bind_text_or_null (stmt, 5, s->presenter);
  sqlite3_bind_int (stmt, 6, s->documents & 7);
  sqlite3_bind_int (stmt, 7, s->attendance_recorded ? 1 : 0);
  ward_stmt_bind_text_or_null (stmt, 8, s->note);
  ward_stmt_bind_text_or_null (stmt, 9, now);
  if (insert && s->uuid == NULL)
    s->uuid = ward_store_new_uuid ();
  if (insert)
    sqlite3_bind_text (stmt, 10, s->uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 11, s->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (insert)
    s->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  return TRUE;
}

static gboolean
write_line (WardStore                  *store,
            gint64                      session_id,
            const WardStudyAttendance  *line,
            GError                    **error)
{
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
    "INSERT INTO study_attendance (uuid, session_id, member_id, present, absence_reason, "
    "made_up_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
    "ON CONFLICT (session_id, member_id) DO UPDATE SET present = ?4, absence_reason = ?5, "
    "made_up_on = ?6, updated_at = ?7", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, line->member_id);
  sqlite3_bind_int (stmt, 4, line->present ? 1 : 0);
  ward_stmt_bind_text_or_null (stmt, 5, line->present ? NULL : line->absence_reason);
  ward_stmt_bind_text_or_null (stmt, 6, line->present ? NULL : line->made_up_on);
  ward_stmt_bind_text_or_null (stmt, 7, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* Lines of members no longer in @attendance go; the others are kept (their
 * uuid too) and updated. */
static gboolean
drop_other_lines (WardStore   *store,
                  gint64       session_id,
                  GPtrArray   *attendance,
                  GError     **error)
{
  g_autoptr (GString) keep = g_string_new ("0");
  g_autofree char *sql = NULL;

  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    g_string_append_printf (keep, ",%" G_GINT64_FORMAT,
                            ((WardStudyAttendance *) attendance->pdata[i])->member_id);
  sql = g_strdup_printf ("DELETE FROM study_attendance WHERE session_id = %" G_GINT64_FORMAT
                         " AND member_id NOT IN (%s)", session_id, keep->str);
  return ward_store_exec (store, sql, error);
}

static gboolean
write_all (WardStore         *store,
           WardStudySession  *s,
           GPtrArray         *attendance,
           const char        *today,
           GError           **error)
{
  if (!write_session (store, s, error) || !drop_other_lines (store, s->id, attendance, error))
    return FALSE;
  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    if (!check_line (store, s, attendance->pdata[i], today, error)
        || !write_line (store, s->id, attendance->pdata[i], error))
      return FALSE;
  return TRUE;
}

gboolean
ward_study_session_save (WardStore         *store,
                         WardStudySession  *session,
                         GPtrArray         *attendance,
                         GError           **error)
{
  g_autofree char *today = ward_today_iso ();

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (!check_session (session, today, error) || !ward_store_begin (store, error))
    return FALSE;
  if (!write_all (store, session, attendance, today, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  ward_store_notify_changed (store, "study_sessions");
  ward_store_notify_changed (store, "study_attendance");
  return ward_store_commit (store, error);
}

gboolean
ward_study_session_delete (WardStore  *store,
                           gint64      id,
                           GError    **error)
{
  return ward_study_delete_row (store, "study_sessions", id, "study_attendance", error);
}

gboolean
ward_study_make_up (WardStore   *store,
                    gint64       session_id,
                    gint64       member_id,
                    const char  *date,
                    GError     **error)
{
  g_autoptr (WardStudySession) s = ward_study_session_load (store, session_id, error);
  g_autoptr (WardStudyAttendance) line = ward_study_attendance_new (member_id, FALSE);
  g_autoptr (GPtrArray) lines = NULL;

  if (s == NULL || (lines = ward_study_attendance_load (store, session_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      WardStudyAttendance *old = lines->pdata[i];

      if (old->member_id == member_id && old->present)
        return g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, _("%s attended the session: "
                            "there is nothing to make up."), old->member_name), FALSE;
      if (old->member_id == member_id)
        line->absence_reason = g_strdup (old->absence_reason);
    }
  line->made_up_on = g_strdup (date);
  /* After its old line: the upsert keeps the last one. */
  g_ptr_array_add (lines, g_steal_pointer (&line));
  return ward_study_session_save (store, s, lines, error);
}
