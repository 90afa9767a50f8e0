/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "study/ward-study-private.h"

/* The tallies every view reads: per chi bộ and for the ward, each member's
 * verdict by ward_study_member_verdict(), and the reflections. */

typedef struct
{
  gint64    session_id;
  gboolean  present;
  char     *made_up_on;
} Line;

static void
line_free (Line *line)
{
  g_free (line->made_up_on);
  g_free (line);
}

typedef struct
{
  WardStore  *store;
  const char *today;
  GPtrArray  *sessions;   /* WardStudySession */
  GHashTable *lines;      /* member id -> GPtrArray of Line */
  GHashTable *grades;     /* member id -> grade + 1 */
  GHashTable *counts;     /* cell id -> WardStudyCount (borrowed from the tally) */
} Loader;

static void
count_clear (WardStudyCount *count)
{
  g_free (count->cell_name);
}

static void
count_free (WardStudyCount *count)
{
  count_clear (count);
  g_free (count);
}

static void
member_row_free (WardStudyMemberRow *row)
{
  g_free (row->full_name);
  g_free (row->birth_date);
  g_free (row->cell_name);
  g_free (row);
}

void
ward_study_tally_free (WardStudyTally *tally)
{
  if (tally == NULL)
    return;
  g_clear_pointer (&tally->cells, g_ptr_array_unref);
  g_clear_pointer (&tally->members, g_ptr_array_unref);
  count_clear (&tally->total);
  g_free (tally);
}

double
ward_study_count_attended_share (const WardStudyCount *count)
{
  return count->counted == 0 ? 0 : (double) count->attended / count->counted;
}

double
ward_study_count_studied_share (const WardStudyCount *count)
{
  return count->counted == 0 ? 0 : (double) (count->attended + count->made_up) / count->counted;
}

/* ---- Reading what the verdicts need ------------------------------------- */

static gboolean
load_lines (Loader  *loader,
            GError **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (loader->store, "SELECT member_id, session_id, "
                                                  "present, made_up_on FROM study_attendance", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);
      GPtrArray *lines = g_hash_table_lookup (loader->lines, &member);
      Line *line = g_new0 (Line, 1);

      if (lines == NULL)
        {
          lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
          g_hash_table_insert (loader->lines, g_memdup2 (&member, sizeof member), lines);
        }
      line->session_id = sqlite3_column_int64 (stmt, 1);
      line->present = sqlite3_column_int (stmt, 2) != 0;
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        line->made_up_on = ward_stmt_dup_text (stmt, 3);
      g_ptr_array_add (lines, line);
    }
  return rc == SQLITE_DONE || ward_store_set_error (loader->store, rc, error);
}

static gboolean
load_grades (Loader  *loader,
             GError **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (loader->store, "SELECT member_id, grade "
                                                  "FROM study_reflections", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);
      WardReflectionGrade grade = ward_grade_from_string (ward_stmt_text (stmt, 1));

      g_hash_table_insert (loader->grades, g_memdup2 (&member, sizeof member),
                           GINT_TO_POINTER (grade + 1));
    }
  return rc == SQLITE_DONE || ward_store_set_error (loader->store, rc, error);
}

/* ---- One member --------------------------------------------------------- */

static const Line *
line_of (GPtrArray *lines,
         gint64     session_id)
{
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    if (((Line *) lines->pdata[i])->session_id == session_id)
      return lines->pdata[i];
  return NULL;
}

/* The sessions that concern @m as marks: their chi bộ's, and any other
 * they have a line in. @missed_out: the latest one still to make up. */
static GArray *
marks_of (Loader                *loader,
          const WardPartyMember *m,
          gint64                *missed_out)
{
  GPtrArray *lines = g_hash_table_lookup (loader->lines, &m->id);
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (WardStudyMark));

  for (guint i = 0; i < loader->sessions->len; i++)
    {
      WardStudySession *s = loader->sessions->pdata[i];
      const Line *line = line_of (lines, s->id);
      WardStudyMark mark = { s->held_on, s->cell_id > 0, s->attendance_recorded, line != NULL,
                             line != NULL && line->present, line != NULL ? line->made_up_on : NULL };

      if (line == NULL && (s->cell_id == 0 || s->cell_id != m->cell_id))
        continue;
      g_array_append_val (marks, mark);
      if (*missed_out == 0 && mark.recorded && !mark.present && mark.made_up_on == NULL
          && ward_study_member_verdict (m, &mark, 1) == WARD_STUDY_MISSING)
        *missed_out = s->id;   /* sessions come latest first */
    }
  return marks;
}

static void
add_to (WardStudyCount           *count,
        const WardStudyMemberRow *row)
{
  count->members++;
  count->attended += row->verdict == WARD_STUDY_ATTENDED;
  count->made_up += row->verdict == WARD_STUDY_MADE_UP;
  count->missing += row->verdict == WARD_STUDY_MISSING;
  count->exempt += row->verdict == WARD_STUDY_EXEMPT;
  count->not_due += row->verdict == WARD_STUDY_NOT_DUE;
  count->reflections_in += row->reflection_in;
  if (ward_study_verdict_counted (row->verdict))
    {
      count->counted++;
      count->reflections_missing += !row->reflection_in;
    }
}

static WardStudyMemberRow *
member_row (Loader                *loader,
            const WardPartyMember *m)
{
  WardStudyMemberRow *row = g_new0 (WardStudyMemberRow, 1);
  gpointer grade = g_hash_table_lookup (loader->grades, &m->id);
  g_autoptr (GArray) marks = marks_of (loader, m, &row->missed_session_id);

  row->member_id = m->id;
  row->full_name = g_strdup (m->full_name);
  row->birth_date = g_strdup (m->birth_date);
  row->cell_id = m->cell_id;
  row->cell_name = g_strdup (m->cell_name);
  row->official = m->official_date != NULL && g_strcmp0 (m->official_date, loader->today) <= 0;
  row->exempt = ward_study_member_exempt_at (m, loader->today) ? m->exempt : WARD_EXEMPT_NONE;
  row->verdict = ward_study_member_verdict (m, (WardStudyMark *) marks->data, marks->len);
  row->reflection_in = grade != NULL;
  row->grade = grade != NULL ? GPOINTER_TO_INT (grade) - 1 : WARD_GRADE_NONE;
  if (row->verdict != WARD_STUDY_MISSING)
    row->missed_session_id = 0;
  return row;
}

/* ---- The chi bộ --------------------------------------------------------- */

static WardStudyCount *
count_for (Loader         *loader,
           WardStudyTally *tally,
           gint64          cell_id,
           const char     *cell_name)
{
  WardStudyCount *count = g_hash_table_lookup (loader->counts, &cell_id);

  if (count != NULL)
    return count;
  count = g_new0 (WardStudyCount, 1);
  count->cell_id = cell_id;
  count->cell_name = g_strdup (cell_name != NULL ? cell_name : _("No chi bộ"));
  g_ptr_array_add (tally->cells, count);
  g_hash_table_insert (loader->counts, g_memdup2 (&cell_id, sizeof cell_id), count);
  return count;
}

static gboolean
add_members (Loader          *loader,
             WardStudyTally  *tally,
             GError         **error)
{
  g_autoptr (GPtrArray) members = ward_party_members_load (loader->store, 0, error);

  if (members == NULL)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      WardPartyMember *m = members->pdata[i];
      WardStudyMemberRow *row;

      if (m->left_date != NULL && g_strcmp0 (m->left_date, loader->today) <= 0)
        continue;
      row = member_row (loader, m);
      add_to (count_for (loader, tally, m->cell_id, m->cell_name), row);
      add_to (&tally->total, row);
      g_ptr_array_add (tally->members, row);
    }
  return TRUE;
}

static void
add_sessions (Loader         *loader,
              WardStudyTally *tally)
{
  for (guint i = loader->sessions->len; i-- > 0;)
    {
      WardStudySession *s = loader->sessions->pdata[i];

      if (s->cell_id == 0)
        {
          tally->ward_sessions++;
          continue;
        }
      if (!s->attendance_recorded)
        continue;
      count_for (loader, tally, s->cell_id, s->cell_name)->sessions++;
      tally->total.sessions++;
    }
}

WardStudyTally *
ward_study_tally_load (WardStore   *store,
                       const char  *today_iso,
                       GError     **error)
{
  g_autofree char *today = today_iso != NULL ? g_strdup (today_iso) : ward_today_iso ();
  g_autoptr (WardStudyTally) tally = g_new0 (WardStudyTally, 1);
  g_autoptr (GHashTable) lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) grades = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) sessions = ward_study_sessions_load (store, error);
  Loader loader = { store, today, sessions, lines, grades, counts };

  if (sessions == NULL || !load_lines (&loader, error) || !load_grades (&loader, error))
    return NULL;
  tally->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  tally->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_row_free);
  tally->total.cell_name = g_strdup (_("The whole ward"));
  if (!add_members (&loader, tally, error))
    return NULL;
  add_sessions (&loader, tally);
  return g_steal_pointer (&tally);
}
