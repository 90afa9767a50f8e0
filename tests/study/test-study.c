/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-study"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "admissions/ward-admissions.h"
#include "base/ward-error.h"
#include "import/ward-import.h"
#include "registers/ward-registers.h"
#include "study/ward-study.h"
#include "support/ward-test.h"

/* The study of the resolution: the counting rules on their own, then the
 * roster, sessions and attendance in a file, the admission register's hook
 * and the audit trail. Today is pinned to 27/11/2026. */

#define TODAY "2026-11-27"

/* ---- The rules alone ---------------------------------------------------- */

static WardPartyMember *
member (const char *joined)
{
  WardPartyMember *m = ward_party_member_new ();

  m->full_name = g_strdup ("Nguyễn Văn An");
  m->birth_date = g_strdup ("1960-01-01");
  m->joined_date = g_strdup (joined);
  return m;
}

#define CELL(date, line, present, made_up) \
  { date, TRUE, TRUE, line, present, made_up }

static void
test_joined_after_session (void)
{
  g_autoptr (WardPartyMember) m = member ("2025-11-01");
  WardStudyMark before[] = { CELL ("2025-10-10", FALSE, FALSE, NULL) };
  WardStudyMark both[] = { CELL ("2025-10-10", FALSE, FALSE, NULL),
                           CELL ("2025-12-05", TRUE, FALSE, NULL) };

  /* Admitted after the chi bộ's session: not absent, not counted. */
  g_assert_cmpint (ward_study_member_verdict (m, before, 1), ==, WARD_STUDY_NOT_DUE);
  g_assert_false (ward_study_verdict_counted (WARD_STUDY_NOT_DUE));
  /* A later session they missed is theirs to make up. */
  g_assert_cmpint (ward_study_member_verdict (m, both, 2), ==, WARD_STUDY_MISSING);
  /* Joined on the session's day: due. */
  g_free (m->joined_date);
  m->joined_date = g_strdup ("2025-10-10");
  g_assert_cmpint (ward_study_member_verdict (m, before, 1), ==, WARD_STUDY_MISSING);
}

static void
test_exempt (void)
{
  g_autoptr (WardPartyMember) m = member ("1985-05-19");
  WardStudyMark absent[] = { CELL ("2025-10-10", TRUE, FALSE, NULL) };
  WardStudyMark present[] = { CELL ("2025-10-10", TRUE, TRUE, NULL) };
  WardStudyMark made_up[] = { CELL ("2025-10-10", TRUE, FALSE, "2025-10-20") };

  m->exempt = WARD_EXEMPT_AGE;
  /* Absent and exempt: left out (QĐ 23-QĐ/TW 12.3b by analogy). */
  g_assert_cmpint (ward_study_member_verdict (m, absent, 1), ==, WARD_STUDY_EXEMPT);
  g_assert_false (ward_study_verdict_counted (WARD_STUDY_EXEMPT));
  /* Present or made up: counted. */
  g_assert_cmpint (ward_study_member_verdict (m, present, 1), ==, WARD_STUDY_ATTENDED);
  g_assert_cmpint (ward_study_member_verdict (m, made_up, 1), ==, WARD_STUDY_MADE_UP);
  /* Exempted only after the session: counted as missing. */
  m->exempt_since = g_strdup ("2025-11-01");
  g_assert_cmpint (ward_study_member_verdict (m, absent, 1), ==, WARD_STUDY_MISSING);
}

static void
test_made_up_once (void)
{
  g_autoptr (WardPartyMember) m = member ("2000-02-03");
  WardStudyMark twice[] = { CELL ("2025-10-10", TRUE, FALSE, "2025-10-20"),
                            CELL ("2025-11-10", TRUE, FALSE, "2025-11-20") };
  WardStudyMark then_present[] = { CELL ("2025-10-10", TRUE, FALSE, "2025-10-20"),
                                   CELL ("2025-11-10", TRUE, TRUE, NULL) };

  g_assert_cmpint (ward_study_member_verdict (m, twice, 2), ==, WARD_STUDY_MADE_UP);
  g_assert_cmpint (ward_study_member_verdict (m, then_present, 2), ==, WARD_STUDY_ATTENDED);
}

static void
test_ward_conference (void)
{
  g_autoptr (WardPartyMember) m = member ("2000-02-03");
  /* The ward's conference: due only with a line; unrecorded: ignored. */
  WardStudyMark no_line[] = { { "2025-09-17", FALSE, TRUE, FALSE, FALSE, NULL } };
  WardStudyMark unrecorded[] = { { "2025-09-17", FALSE, FALSE, TRUE, TRUE, NULL } };
  WardStudyMark line[] = { { "2025-09-17", FALSE, TRUE, TRUE, TRUE, NULL } };

  g_assert_cmpint (ward_study_member_verdict (m, no_line, 1), ==, WARD_STUDY_NOT_DUE);
  g_assert_cmpint (ward_study_member_verdict (m, unrecorded, 1), ==, WARD_STUDY_NOT_DUE);
  g_assert_cmpint (ward_study_member_verdict (m, line, 1), ==, WARD_STUDY_ATTENDED);
}

/* ---- In a file ---------------------------------------------------------- */

typedef WardTestFile Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  ward_test_file_set_up (f, "study");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  ward_test_file_tear_down (f);
}

static gint64
add_cell (Fixture    *f,
          const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = ward_party_cell_add (f->store, name, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_member (Fixture    *f,
            gint64      cell,
            const char *name,
            const char *joined)
{
  g_autoptr (WardPartyMember) m = member (joined);
  g_autoptr (GError) error = NULL;

  g_free (m->full_name);
  m->full_name = g_strdup (name);
  m->cell_id = cell;
  g_assert_true (ward_party_member_save (f->store, m, &error));
  g_assert_no_error (error);
  return m->id;
}

/* A chi bộ of @n members, the first @absent of them absent. */
static WardStudySession *
hold_session (Fixture  *f,
              gint64    cell,
              gint64   *ids,
              guint     n,
              guint     absent)
{
  g_autoptr (WardStudySession) s = ward_study_session_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);
  g_autoptr (GError) error = NULL;

  s->cell_id = cell;
  s->title = g_strdup ("Học tập Nghị quyết Đại hội");
  s->held_on = g_strdup ("2025-10-10");
  s->documents = WARD_STUDY_DOC_RESOLUTION | WARD_STUDY_DOC_PROGRAMME;
  for (guint i = 0; i < n; i++)
    {
      WardStudyAttendance *line = ward_study_attendance_new (ids[i], i >= absent);

      if (i < absent)
        line->absence_reason = g_strdup ("Ốm");
      g_ptr_array_add (lines, line);
    }
  g_assert_true (ward_study_session_save (f->store, s, lines, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&s);
}

static void
test_twenty_members (Fixture       *f,
                     gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 1"), ids[20];
  g_autoptr (WardStudySession) s = NULL;
  g_autoptr (WardStudyTally) tally = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Đảng viên %02u", i);

      ids[i] = add_member (f, cell, name, "2000-01-01");
    }
  s = hold_session (f, cell, ids, 20, 2);
  g_assert_true (ward_study_make_up (f->store, s->id, ids[0], "2025-10-25", &error));
  g_assert_no_error (error);
  g_assert_true (ward_study_reflection_set (f->store, ids[5], "2025-11-01", WARD_GRADE_GOOD, &error));

  tally = ward_study_tally_load (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally->cells->len, ==, 1);
  g_assert_cmpuint (tally->total.counted, ==, 20);
  g_assert_cmpuint (tally->total.attended, ==, 18);
  g_assert_cmpuint (tally->total.made_up, ==, 1);
  g_assert_cmpuint (tally->total.missing, ==, 1);
  g_assert_cmpuint (tally->total.sessions, ==, 1);
  g_assert_cmpuint (tally->total.reflections_in, ==, 1);
  g_assert_cmpuint (tally->total.reflections_missing, ==, 19);
  g_assert_cmpfloat_with_epsilon (ward_study_count_attended_share (&tally->total), 0.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (ward_study_count_studied_share (&tally->total), 0.95, 1e-9);
  /* The one still to make up is named, with the session to make up. */
  for (guint i = 0; i < tally->members->len; i++)
    {
      WardStudyMemberRow *row = tally->members->pdata[i];

      g_assert_cmpint (row->verdict == WARD_STUDY_MISSING, ==, row->member_id == ids[1]);
      g_assert_cmpint (row->missed_session_id, ==, row->member_id == ids[1] ? s->id : 0);
    }
}

static void
test_session_refusals (Fixture       *f,
                       gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 2"), other = add_cell (f, "Chi bộ Khu phố 3");
  gint64 ids[3];
  g_autoptr (WardStudySession) s = ward_study_session_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);
  g_autoptr (GError) error = NULL;
  gint64 seeded = ward_store_count_rows (f->store, "study_sessions", NULL);

  ids[0] = add_member (f, cell, "Lê Thị Hoa", "2000-01-01");
  ids[1] = add_member (f, cell, "Trần Văn Bình", "2025-11-01");
  ids[2] = add_member (f, other, "Phạm Văn Cường", "2000-01-01");
  s->cell_id = cell;
  s->title = g_strdup ("Học tập Nghị quyết");
  s->held_on = g_strdup ("2025-10-10");
  g_ptr_array_add (lines, ward_study_attendance_new (ids[0], TRUE));
  g_ptr_array_add (lines, ward_study_attendance_new (ids[1], FALSE));
  g_assert_false (ward_study_session_save (f->store, s, lines, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Trần Văn Bình"));
  g_clear_error (&error);
  /* All or nothing: neither the session nor the first line was kept. */
  g_assert_cmpint (ward_store_count_rows (f->store, "study_sessions", NULL), ==, seeded);
  g_assert_cmpint (ward_store_count_rows (f->store, "study_attendance", NULL), ==, 0);

  g_ptr_array_remove_index (lines, 1);
  g_ptr_array_add (lines, ward_study_attendance_new (ids[2], TRUE));
  s->id = 0;
  g_assert_false (ward_study_session_save (f->store, s, lines, &error));
  g_assert_nonnull (strstr (error->message, "Phạm Văn Cường"));
  g_clear_error (&error);

  g_free (s->held_on);
  s->held_on = g_strdup ("2027-01-01");
  s->id = 0;
  g_assert_false (ward_study_session_save (f->store, s, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

static void
test_roster_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (WardPartyMember) m = member ("1950-01-01");
  g_autoptr (WardPartyMember) again = member ("1980-01-01");
  g_autoptr (GError) error = NULL;

  /* Joined before birth. */
  g_assert_false (ward_party_member_save (f->store, m, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_free (m->joined_date);
  m->joined_date = g_strdup ("1985-01-01");
  g_assert_true (ward_party_member_save (f->store, m, &error));
  /* The same person, written without tone marks: refused. */
  g_free (again->full_name);
  again->full_name = g_strdup ("NGUYEN VAN AN");
  g_assert_false (ward_party_member_save (f->store, again, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
}

/* A candidate who follows every rule of the admission register up to
 * @upto (the timeline of tests/admissions). */
static const char * const timeline[WARD_N_STAGES] = {
  NULL, "2025-01-10", "2025-02-15", "2025-03-01", "2025-03-10", "2025-05-10",
  "2025-08-25", "2025-09-15", "2025-09-20", "2026-09-28",
};

static void
fill_candidate (WardCandidate *c,
                WardStage      upto)
{
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    {
      g_free (c->dates[stage]);
      c->dates[stage] = stage <= (int) upto ? g_strdup (timeline[stage]) : NULL;
    }
  g_free (c->education);
  c->education = g_strdup ("12/12");
  c->introducer_1 = c->introducer_1 ? c->introducer_1 : g_strdup ("Lê Văn Tám");
  c->introducer_2 = c->introducer_2 ? c->introducer_2 : g_strdup ("Phạm Thị Mai");
  c->introducer_1_official = c->introducer_2_official = TRUE;
  c->introducer_1_since = c->introducer_1_since ? c->introducer_1_since : g_strdup ("2022-01-01");
  c->introducer_2_since = c->introducer_2_since ? c->introducer_2_since : g_strdup ("2023-05-01");
  g_clear_pointer (&c->cell_resolution_number, g_free);
  g_clear_pointer (&c->decision_number, g_free);
  g_clear_pointer (&c->recognition_number, g_free);
  if (upto >= WARD_STAGE_CELL_RESOLUTION)
    c->cell_resolution_number = g_strdup ("05-NQ/CB");
  if (upto >= WARD_STAGE_DECISION)
    c->decision_number = g_strdup ("120-QĐ/ĐU");
  if (upto >= WARD_STAGE_RECOGNITION)
    c->recognition_number = g_strdup ("310-QĐ/ĐU");
  g_free (c->recognition_resolution_date);
  c->recognition_resolution_date = upto >= WARD_STAGE_RECOGNITION ? g_strdup ("2026-09-22") : NULL;
}

static void
save_candidate (Fixture       *f,
                WardCandidate *c,
                WardStage      upto)
{
  g_autoptr (GError) error = NULL;

  fill_candidate (c, upto);
  ward_candidate_save (f->store, c, &error);
  g_assert_no_error (error);
}

/* A candidate admitted is on the roster, from the decision's date, and
 * official twelve months after the ceremony once recognised. */
static void
test_admission_feeds_roster (Fixture       *f,
                             gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 4");
  g_autoptr (WardCandidate) c = ward_candidate_new ();
  g_autoptr (WardPartyMember) m = NULL;
  g_autoptr (GError) error = NULL;

  c->full_name = g_strdup ("Hoàng Thị Lan");
  c->birth_date = g_strdup ("1998-04-02");
  c->cell_id = cell;
  save_candidate (f, c, WARD_STAGE_CELL_RESOLUTION);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_members", NULL), ==, 0);

  save_candidate (f, c, WARD_STAGE_CEREMONY);
  m = ward_party_member_find (f->store, "Hoàng Thị Lan", "1998-04-02", &error);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->joined_date, ==, "2025-09-15");
  g_assert_null (m->official_date);
  g_assert_cmpint (m->cell_id, ==, cell);
  g_assert_cmpint (m->candidate_id, ==, c->id);
  g_clear_pointer (&m, ward_party_member_free);

  save_candidate (f, c, WARD_STAGE_RECOGNITION);
  m = ward_party_member_find (f->store, "Hoàng Thị Lan", "1998-04-02", &error);
  g_assert_cmpstr (m->official_date, ==, "2026-09-20");
  g_assert_cmpint (ward_store_count_rows (f->store, "party_members", NULL), ==, 1);
  g_clear_pointer (&m, ward_party_member_free);

  /* The dates corrected away: off the roster again. */
  save_candidate (f, c, WARD_STAGE_CELL_RESOLUTION);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_members", NULL), ==, 0);
}

/* The same person already on the roster from the database's export is
 * linked, not added twice. */
static void
test_admission_links_imported (Fixture       *f,
                               gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 6");
  g_autoptr (WardCandidate) c = ward_candidate_new ();

  add_member (f, cell, "Vũ Thị Thu", "2025-09-15");
  c->full_name = g_strdup ("Vũ Thị Thu");
  c->birth_date = g_strdup ("1960-01-01");
  c->cell_id = cell;
  save_candidate (f, c, WARD_STAGE_CEREMONY);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_members", NULL), ==, 1);
}

/* ---- Import ------------------------------------------------------------- */

/* A roster in the columns of the Party member database's export (as the
 * member forms name them: Mẫu 7-HSĐV, the Phiếu đảng viên), with columns
 * the roster does not keep. */
static const char export_rows[] =
  "STT,Họ và tên khai sinh,Sinh ngày,Giới tính,Chi bộ,Ngày vào Đảng,Ngày chính thức,"
  "Số thẻ đảng viên,Số định danh cá nhân,Được miễn công tác và sinh hoạt Đảng,"
  "Được miễn công tác và sinh hoạt Đảng ngày\n"
  "1,Nguyễn Văn Hải,12/03/1950,Nam,Chi bộ Khu phố 7,19/05/1975,19/05/1976,01234567,038050001234,Tuổi cao,01/01/2020\n"
  "2,Lê Thị Thu,02/09/1990,Nữ,Chi bộ Khu phố 7,03/02/2025,,,038190001234,,\n"
  "3,Trần Văn Lực,15/08/1985,Nam,Chi bộ Khu phố 8,01/07/2010,01/07/2011,07654321,038085001234,,\n";

static WardImportResult *
import_roster (Fixture          *f,
               const char       *text,
               WardImportPolicy  policy)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  WardImportContext context = { policy, NULL, NULL };
  WardImportResult *result = g_new0 (WardImportResult, 1);

  table = ward_csv_read_bytes (bytes, "dang-vien.csv", &error);
  g_assert_no_error (error);
  g_assert_true (ward_import_run (f->store, ward_registers_import_kind ("roster"), table, &context,
                                  FALSE, NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->issues->len; i++)
    {
      g_autofree char *line = ward_csv_issue_to_string (result->issues->pdata[i]);

      g_test_message ("%s", line);
    }
  return result;
}

static void
result_free (WardImportResult *result)
{
  ward_import_result_clear (result);
  g_free (result);
}

typedef WardImportResult ImportResult;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, result_free)

static void
test_import_export_columns (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (ImportResult) first = import_roster (f, export_rows, WARD_IMPORT_SKIP_EXISTING);
  g_autoptr (ImportResult) again = NULL;
  g_autoptr (WardPartyMember) hai = NULL;
  g_autoptr (WardPartyMember) thu = NULL;

  g_assert_true (first->committed);
  g_assert_cmpuint (first->added, ==, 3);
  hai = ward_party_member_find (f->store, "Nguyễn Văn Hải", "1950-03-12", NULL);
  g_assert_nonnull (hai);
  g_assert_cmpstr (hai->joined_date, ==, "1975-05-19");
  g_assert_cmpstr (hai->official_date, ==, "1976-05-19");
  g_assert_cmpstr (hai->card_number, ==, "01234567");
  g_assert_cmpstr (hai->gender, ==, "male");
  g_assert_cmpint (hai->exempt, ==, WARD_EXEMPT_AGE);
  g_assert_cmpstr (hai->exempt_since, ==, "2020-01-01");
  g_assert_cmpstr (hai->cell_name, ==, "Chi bộ Khu phố 7");
  thu = ward_party_member_find (f->store, "LE THI THU", "1990-09-02", NULL);
  g_assert_nonnull (thu);
  g_assert_null (thu->official_date);
  /* The same file again adds nothing. */
  again = import_roster (f, export_rows, WARD_IMPORT_SKIP_EXISTING);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 3);
}

/* One bad row refuses the file, naming the row and column; the rows before
 * it are not kept. */
static void
test_import_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  static const char bad[] =
    "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Miễn sinh hoạt\n"
    "Đinh Văn Tú,01/01/1970,Chi bộ Khu phố 9,01/01/1995,\n"
    "Mai Thị Hằng,05/05/1980,Chi bộ Khu phố 9,01/01/1975,\n"
    "Bùi Văn Long,05/05/1960,Chi bộ Khu phố 9,01/01/1990,có\n";
  g_autoptr (ImportResult) result = import_roster (f, bad, WARD_IMPORT_SKIP_EXISTING);
  gboolean joined = FALSE, exempt = FALSE;

  g_assert_false (result->committed);
  g_assert_cmpuint (result->n_errors, ==, 2);
  for (guint i = 0; i < result->issues->len; i++)
    {
      WardCsvIssue *issue = result->issues->pdata[i];

      joined |= issue->row == 3 && g_strcmp0 (issue->column, "Ngày vào Đảng") == 0;
      exempt |= issue->row == 4 && g_strcmp0 (issue->column, "Miễn sinh hoạt") == 0;
    }
  g_assert_true (joined);
  g_assert_true (exempt);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_members", NULL), ==, 0);
}

/* The same person with other values: a conflict, unless updating. */
static void
test_import_conflict (Fixture       *f,
                      gconstpointer  data)
{
  static const char changed[] =
    "Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Ngày chính thức\n"
    "Lê Thị Thu,02/09/1990,Chi bộ Khu phố 7,03/02/2025,03/02/2026\n";
  g_autoptr (ImportResult) first = import_roster (f, export_rows, WARD_IMPORT_SKIP_EXISTING);
  g_autoptr (ImportResult) refused = import_roster (f, changed, WARD_IMPORT_SKIP_EXISTING);
  g_autoptr (ImportResult) updated = NULL;
  g_autoptr (WardPartyMember) thu = NULL;

  g_assert_false (refused->committed);
  g_assert_cmpuint (refused->n_errors, ==, 1);
  updated = import_roster (f, changed, WARD_IMPORT_UPDATE_EXISTING);
  g_assert_true (updated->committed);
  g_assert_cmpuint (updated->updated, ==, 1);
  thu = ward_party_member_find (f->store, "Lê Thị Thu", "1990-09-02", NULL);
  g_assert_cmpstr (thu->official_date, ==, "2026-02-03");
  g_assert_cmpstr (thu->card_number, ==, NULL);
}

/* The Đông Sơn seed holds the ward's conference of 17/9/2025, without
 * attendance: listed, counted in no share. */
static void
test_seeded_conference (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GPtrArray) sessions = ward_study_sessions_load (f->store, NULL);
  g_autoptr (WardStudyTally) tally = ward_study_tally_load (f->store, TODAY, NULL);
  WardStudySession *s;

  g_assert_cmpuint (sessions->len, ==, 1);
  s = sessions->pdata[0];
  g_assert_cmpstr (s->held_on, ==, "2025-09-17");
  g_assert_cmpint (s->cell_id, ==, 0);
  g_assert_false (s->attendance_recorded);
  g_assert_nonnull (strstr (s->title, "quán triệt Nghị quyết Đại hội Đảng bộ phường lần thứ I"));
  g_assert_cmpuint (tally->ward_sessions, ==, 1);
  g_assert_cmpuint (tally->total.sessions, ==, 0);
  g_assert_cmpuint (tally->total.counted, ==, 0);
}

static gint64
audit_rows (Fixture    *f,
            const char *table)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (f->store, "SELECT count(*) FROM audit "
                                                  "WHERE table_name = ?", NULL);

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_audited (Fixture       *f,
              gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 5"), id;
  g_autoptr (WardStudySession) s = NULL;
  g_autoptr (GError) error = NULL;

  gint64 seeded = audit_rows (f, "study_sessions");

  id = add_member (f, cell, "Đỗ Văn Minh", "1990-01-01");
  s = hold_session (f, cell, &id, 1, 0);
  g_assert_true (ward_study_reflection_set (f->store, id, "2025-10-30", WARD_GRADE_FAIR, &error));
  g_assert_cmpint (audit_rows (f, "party_members"), ==, 1);
  g_assert_cmpint (audit_rows (f, "study_sessions"), ==, seeded + 1);
  g_assert_cmpint (audit_rows (f, "study_attendance"), ==, 1);
  g_assert_cmpint (audit_rows (f, "study_reflections"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("WARD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study/rules/joined-after-session", test_joined_after_session);
  g_test_add_func ("/study/rules/exempt", test_exempt);
  g_test_add_func ("/study/rules/made-up-once", test_made_up_once);
  g_test_add_func ("/study/rules/ward-conference", test_ward_conference);
  g_test_add ("/study/store/twenty-members", Fixture, NULL, set_up, test_twenty_members, tear_down);
  g_test_add ("/study/store/session-refusals", Fixture, NULL, set_up, test_session_refusals, tear_down);
  g_test_add ("/study/store/roster-rules", Fixture, NULL, set_up, test_roster_rules, tear_down);
  g_test_add ("/study/store/admission-feeds-roster", Fixture, NULL, set_up,
              test_admission_feeds_roster, tear_down);
  g_test_add ("/study/store/admission-links-imported", Fixture, NULL, set_up,
              test_admission_links_imported, tear_down);
  g_test_add ("/study/import/export-columns", Fixture, NULL, set_up, test_import_export_columns, tear_down);
  g_test_add ("/study/import/all-or-nothing", Fixture, NULL, set_up, test_import_all_or_nothing, tear_down);
  g_test_add ("/study/import/conflict", Fixture, NULL, set_up, test_import_conflict, tear_down);
  g_test_add ("/study/seed/conference", Fixture, NULL, set_up, test_seeded_conference, tear_down);
  g_test_add ("/study/store/audited", Fixture, NULL, set_up, test_audited, tear_down);
  return g_test_run ();
}
