/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-admissions"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions-private.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "names/ward-names.h"

/* The admission register as a spreadsheet: `ward-tracker-cli import members`
 * and `export members`, and the window's Import Spreadsheet… on the page.
 *
 * The columns are those of the issue, in its order. A row is the same
 * person as a stored record when the name (folded for case and tone marks)
 * and the date of birth match: it is skipped, or updated when the user asks
 * (then only the columns the file has are changed). A chi bộ the list does
 * not have yet is added to it, with a warning, rather than refusing the
 * row: offices write their own chi bộ in their lists, and the clerk can
 * rename or merge it afterwards in the chi bộ list. Every row goes through
 * the form's rules (ward_candidate_check()), all of them: the file has a
 * column for every fact a step needs (the introducers and what the
 * regulations ask of them, the papers before the chi bộ resolution, the
 * chi bộ's resolution on recognition). A row that updates a stored record
 * is checked against it as the form is: a step's rule the stored record
 * already broke is a warning until the step is changed. */

enum
{
  COL_NAME,
  COL_BIRTH,
  COL_GENDER,
  COL_ETHNICITY,
  COL_RELIGION,
  COL_EDUCATION,
  COL_OCCUPATION,
  COL_YOUTH_UNION,
  COL_GROUP,
  COL_CELL,
  COL_SYMPATHISER,
  COL_COURSE,
  COL_RESOLUTION_NUMBER,
  COL_RESOLUTION_DATE,
  COL_DECISION_NUMBER,
  COL_DECISION_DATE,
  COL_CEREMONY,
  COL_RECOGNITION,
  COL_NOTE,
  COL_PHONE,
  COL_EDUCATION_EXCEPTION,
  COL_TRADE_UNION,
  COL_CERT_NUMBER,
  COL_APPLICATION,
  COL_VERIFICATION_SENT,
  COL_VERIFICATION_DONE,
  COL_INTRODUCER_1,
  COL_INTRODUCER_1_OFFICIAL,
  COL_INTRODUCER_1_SINCE,
  COL_INTRODUCER_2,
  COL_INTRODUCER_2_OFFICIAL,
  COL_INTRODUCER_2_SINCE,
  COL_YOUTH_RESOLUTION,
  COL_TRADE_RESOLUTION,
  COL_RECOGNITION_RESOLUTION,
  COL_RECOGNITION_NUMBER,
  N_COLUMNS
};

#define ALIASES(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const WardCsvColumn columns[N_COLUMNS] = {
  { "full_name", "Họ và tên", ALIASES ("Full name", "Name", "Họ tên"), WARD_CSV_TEXT, TRUE },
  { "birth_date", "Ngày sinh", ALIASES ("Date of birth", "Birth date"), WARD_CSV_DATE, TRUE },
  { "gender", "Giới tính", ALIASES ("Gender", "Sex"), WARD_CSV_TEXT, FALSE },
  { "ethnicity", "Dân tộc", ALIASES ("Ethnicity"), WARD_CSV_TEXT, FALSE },
  { "religion", "Tôn giáo", ALIASES ("Religion"), WARD_CSV_TEXT, FALSE },
  { "education", "Trình độ học vấn", ALIASES ("Education", "Trình độ giáo dục phổ thông"),
    WARD_CSV_TEXT, FALSE },
  { "occupation", "Nghề nghiệp", ALIASES ("Occupation"), WARD_CSV_TEXT, FALSE },
  { "youth_union", "Đoàn viên", ALIASES ("Youth Union member", "Youth Union"), WARD_CSV_BOOL, FALSE },
  { "residential_group", "Tổ dân phố", ALIASES ("Residential group"), WARD_CSV_TEXT, FALSE },
  { "cell", "Chi bộ", ALIASES ("Party cell", "Cell"), WARD_CSV_TEXT, FALSE },
  { "sympathiser_date", "Ngày vào danh sách cảm tình",
    ALIASES ("Ngày vào danh sách cảm tình đảng", "Sympathiser list date"), WARD_CSV_DATE, FALSE },
  { "course_date", "Ngày cấp giấy chứng nhận",
    ALIASES ("Certificate date", "Awareness course certificate date"), WARD_CSV_DATE, FALSE },
  { "cell_resolution_number", "Số nghị quyết chi bộ",
    ALIASES ("Cell resolution number", "Chi bộ resolution number"), WARD_CSV_TEXT, FALSE },
  { "cell_resolution_date", "Ngày nghị quyết chi bộ",
    ALIASES ("Cell resolution date", "Chi bộ resolution date"), WARD_CSV_DATE, FALSE },
  { "decision_number", "Số quyết định kết nạp",
    ALIASES ("Admission decision number"), WARD_CSV_TEXT, FALSE },
  { "decision_date", "Ngày quyết định kết nạp",
    ALIASES ("Admission decision date"), WARD_CSV_DATE, FALSE },
  { "ceremony_date", "Ngày kết nạp", ALIASES ("Admission date", "Ceremony date"), WARD_CSV_DATE, FALSE },
  { "recognition_date", "Ngày công nhận chính thức",
    ALIASES ("Official recognition date", "Recognition date"), WARD_CSV_DATE, FALSE },
  { "note", "Ghi chú", ALIASES ("Note", "Notes"), WARD_CSV_TEXT, FALSE },
  { "phone", "Số điện thoại", ALIASES ("Phone", "Điện thoại"), WARD_CSV_TEXT, FALSE },
  { "education_exception", "Văn bản cho phép về học vấn",
    ALIASES ("Education exception", "Trường hợp đặc biệt về học vấn"), WARD_CSV_TEXT, FALSE },
  { "trade_union", "Đoàn viên công đoàn", ALIASES ("Trade union member"), WARD_CSV_BOOL, FALSE },
  { "course_cert_number", "Số giấy chứng nhận", ALIASES ("Certificate number"), WARD_CSV_TEXT, FALSE },
  { "application_date", "Ngày đơn và lý lịch",
    ALIASES ("Ngày làm đơn xin vào Đảng", "Application date"), WARD_CSV_DATE, FALSE },
  { "verification_sent", "Ngày gửi thẩm tra lý lịch",
    ALIASES ("Background check sent"), WARD_CSV_DATE, FALSE },
  { "verification_done", "Ngày hoàn thành thẩm tra lý lịch",
    ALIASES ("Ngày thẩm tra xong", "Background check finished"), WARD_CSV_DATE, FALSE },
  { "introducer_1", "Người giới thiệu 1", ALIASES ("First introducer", "Introducer 1"),
    WARD_CSV_TEXT, FALSE },
  { "introducer_1_official", "Người giới thiệu 1 là đảng viên chính thức",
    ALIASES ("Introducer 1 official member"), WARD_CSV_BOOL, FALSE },
  { "introducer_1_since", "Người giới thiệu 1 cùng công tác từ ngày",
    ALIASES ("Introducer 1 since"), WARD_CSV_DATE, FALSE },
  { "introducer_2", "Người giới thiệu 2", ALIASES ("Second introducer", "Introducer 2"),
    WARD_CSV_TEXT, FALSE },
  { "introducer_2_official", "Người giới thiệu 2 là đảng viên chính thức",
    ALIASES ("Introducer 2 official member"), WARD_CSV_BOOL, FALSE },
  { "introducer_2_since", "Người giới thiệu 2 cùng công tác từ ngày",
    ALIASES ("Introducer 2 since"), WARD_CSV_DATE, FALSE },
  { "youth_union_resolution", "Nghị quyết giới thiệu của Đoàn",
    ALIASES ("Youth Union resolution"), WARD_CSV_TEXT, FALSE },
  { "trade_union_resolution", "Nghị quyết giới thiệu của Công đoàn",
    ALIASES ("Trade union resolution"), WARD_CSV_TEXT, FALSE },
  { "recognition_resolution_date", "Ngày nghị quyết chi bộ đề nghị công nhận chính thức",
    ALIASES ("Recognition resolution date"), WARD_CSV_DATE, FALSE },
  { "recognition_number", "Số quyết định công nhận chính thức",
    ALIASES ("Recognition decision number"), WARD_CSV_TEXT, FALSE },
};

/* The state of one import, kept on the store so that a run that stops
 * half-way (when the engine calls no end()) leaves nothing behind for long:
 * the next run replaces it. */
#define STATE_KEY "ward-admissions-import"

typedef struct
{
  gint64  id;
  guint   row;   /* the file's row that added or updated it in this run; 0: stored before */
} Person;

typedef struct
{
  GHashTable *people;  /* ward_candidate_person_key () → Person */
  GHashTable *cells;   /* ward_names_key () → id (as a pointer-sized integer) */
  WardNames  *cell_names;
  char       *today;
} ImportState;

static void
import_state_free (ImportState *state)
{
  g_hash_table_unref (state->people);
  g_hash_table_unref (state->cells);
  g_clear_pointer (&state->cell_names, ward_names_free);
  g_free (state->today);
  g_free (state);
}

static gboolean
load_people (WardStore    *store,
             ImportState  *state,
             GError      **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT id, full_name, birth_date FROM candidates", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person *person = g_new0 (Person, 1);

      person->id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (state->people,
                           ward_candidate_person_key (ward_stmt_text (stmt, 1), ward_stmt_text (stmt, 2)),
                           person);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
load_cells (WardStore    *store,
            ImportState  *state,
            GError      **error)
{
  g_autoptr (GPtrArray) cells = ward_party_cells_load (store, error);

  if (cells == NULL)
    return FALSE;
  state->cell_names = ward_names_new ();
  for (guint i = 0; i < cells->len; i++)
    {
      WardPartyCell *cell = cells->pdata[i];

      g_hash_table_insert (state->cells, ward_names_key (cell->name), GSIZE_TO_POINTER (cell->id));
      ward_names_add (state->cell_names, cell->name, TRUE);
    }
  return TRUE;
}

static gboolean
members_begin (WardStore          *store,
               WardImportContext  *context,
               GError            **error)
{
  ImportState *state = g_new0 (ImportState, 1);

  state->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->today = ward_today_iso ();
  g_object_set_data_full (G_OBJECT (store), STATE_KEY, state, (GDestroyNotify) import_state_free);
  context->kind_data = state;
  return load_people (store, state, error) && load_cells (store, state, error);
}

static gboolean
members_end (WardStore          *store,
             WardImportContext  *context,
             GError            **error)
{
  context->kind_data = NULL;
  g_object_set_data (G_OBJECT (store), STATE_KEY, NULL);
  return TRUE;
}

/* ---- One row ------------------------------------------------------------ */

static void
take_bool (WardImportRow *row,
           guint          column,
           gboolean      *field)
{
  if (ward_import_row_has_column (row, column))
    *field = row->values[column].boolean;
}

/* What each step needs: the papers, the introducers and their two facts,
 * the unions' resolutions, the recognition. */
static void
take_stage_facts (WardImportRow *row,
                  WardCandidate *c)
{
  ward_import_row_take_text (row, COL_PHONE, &c->phone);
  ward_import_row_take_text (row, COL_EDUCATION_EXCEPTION, &c->education_exception);
  take_bool (row, COL_TRADE_UNION, &c->trade_union);
  ward_import_row_take_text (row, COL_CERT_NUMBER, &c->course_cert_number);
  ward_import_row_take_date (row, COL_APPLICATION, &c->dates[WARD_STAGE_APPLICATION]);
  ward_import_row_take_date (row, COL_VERIFICATION_SENT, &c->dates[WARD_STAGE_VERIFICATION_SENT]);
  ward_import_row_take_date (row, COL_VERIFICATION_DONE, &c->dates[WARD_STAGE_VERIFICATION_DONE]);
  ward_import_row_take_text (row, COL_INTRODUCER_1, &c->introducer_1);
  take_bool (row, COL_INTRODUCER_1_OFFICIAL, &c->introducer_1_official);
  ward_import_row_take_date (row, COL_INTRODUCER_1_SINCE, &c->introducer_1_since);
  ward_import_row_take_text (row, COL_INTRODUCER_2, &c->introducer_2);
  take_bool (row, COL_INTRODUCER_2_OFFICIAL, &c->introducer_2_official);
  ward_import_row_take_date (row, COL_INTRODUCER_2_SINCE, &c->introducer_2_since);
  ward_import_row_take_text (row, COL_YOUTH_RESOLUTION, &c->youth_union_resolution);
  ward_import_row_take_text (row, COL_TRADE_RESOLUTION, &c->trade_union_resolution);
  ward_import_row_take_date (row, COL_RECOGNITION_RESOLUTION, &c->recognition_resolution_date);
  ward_import_row_take_text (row, COL_RECOGNITION_NUMBER, &c->recognition_number);
}

/* A stored record keeps its name and date of birth: they are how the row
 * found it (the file may write the name in capitals or without tone
 * marks); the other columns the file has replace the stored values. */
static gboolean
fill_candidate (WardImportRow *row,
                WardCandidate *c,
                gboolean       is_new)
{
  g_autoptr (GError) error = NULL;

  if (is_new)
    {
      ward_import_row_take_text (row, COL_NAME, &c->full_name);
      ward_import_row_take_date (row, COL_BIRTH, &c->birth_date);
    }
  ward_import_row_take_text (row, COL_ETHNICITY, &c->ethnicity);
  ward_import_row_take_text (row, COL_RELIGION, &c->religion);
  ward_import_row_take_text (row, COL_EDUCATION, &c->education);
  ward_import_row_take_text (row, COL_OCCUPATION, &c->occupation);
  if (ward_import_row_has_column (row, COL_YOUTH_UNION))
    c->youth_union = row->values[COL_YOUTH_UNION].boolean;
  ward_import_row_take_text (row, COL_GROUP, &c->residential_group);
  ward_import_row_take_date (row, COL_SYMPATHISER, &c->dates[WARD_STAGE_SYMPATHISER]);
  ward_import_row_take_date (row, COL_COURSE, &c->dates[WARD_STAGE_COURSE]);
  ward_import_row_take_text (row, COL_RESOLUTION_NUMBER, &c->cell_resolution_number);
  ward_import_row_take_date (row, COL_RESOLUTION_DATE, &c->dates[WARD_STAGE_CELL_RESOLUTION]);
  ward_import_row_take_text (row, COL_DECISION_NUMBER, &c->decision_number);
  ward_import_row_take_date (row, COL_DECISION_DATE, &c->dates[WARD_STAGE_DECISION]);
  ward_import_row_take_date (row, COL_CEREMONY, &c->dates[WARD_STAGE_CEREMONY]);
  ward_import_row_take_date (row, COL_RECOGNITION, &c->dates[WARD_STAGE_RECOGNITION]);
  ward_import_row_take_text (row, COL_NOTE, &c->note);
  take_stage_facts (row, c);

  if (ward_import_row_has_column (row, COL_GENDER)
      && !ward_gender_parse (row->values[COL_GENDER].text, &c->gender, &error))
    {
      ward_import_row_error (row, COL_GENDER, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The chi bộ named in the row, added to the list when it is new. */
static gboolean
resolve_cell (WardImportRow *row,
              ImportState   *state,
              WardCandidate *c)
{
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;
  gpointer id;

  if (!ward_import_row_has_column (row, COL_CELL))
    return TRUE;
  name = ward_candidate_clean_text (row->values[COL_CELL].text);
  if (name == NULL)
    {
      c->cell_id = 0;
      return TRUE;
    }
  folded = ward_names_key (name);
  if (g_hash_table_lookup_extended (state->cells, folded, NULL, &id))
    {
      const char *known = ward_names_lookup (state->cell_names, name);

      c->cell_id = GPOINTER_TO_SIZE (id);
      if (known != NULL && !g_str_equal (known, name))
        {
          message = g_strdup_printf (_("“%s” is taken as the known name “%s”."), name, known);
          ward_import_row_warning (row, COL_CELL, message);
        }
      return TRUE;
    }
  c->cell_id = ward_party_cell_add (row->store, name, &error);
  if (c->cell_id <= 0)
    {
      ward_import_row_error (row, COL_CELL, error->message);
      return FALSE;
    }
  g_hash_table_insert (state->cells, g_steal_pointer (&folded), GSIZE_TO_POINTER (c->cell_id));
  ward_names_add (state->cell_names, name, TRUE);
  message = g_strdup_printf (_("“%s” was not in the list of chi bộ: it has been added to it."), name);
  ward_import_row_warning (row, COL_CELL, message);
  return TRUE;
}

static guint
column_for_field (const char *field)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].key, field) == 0)
      return i;
  return G_MAXUINT;
}

static gboolean
report_issues (WardImportRow *row,
               GPtrArray     *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];
      guint column = column_for_field (issue->field);

      if (issue->warning)
        ward_import_row_warning (row, column, issue->message);
      else
        ward_import_row_error (row, column, issue->message);
    }
  return !ward_candidate_issues_have_errors (issues);
}

/* The record a row is about, found by the person's key: one stored before
 * the import, or a new entry for this row. Every row, even one refused
 * later, claims its person, so that a second row about the same person in
 * the file is reported. Returns NULL (and reports it) for such a row. */
static Person *
claim_person (WardImportRow *row,
              ImportState   *state)
{
  g_autofree char *name = ward_candidate_clean_text (row->values[COL_NAME].text);
  g_autofree char *key = ward_candidate_person_key (name, row->values[COL_BIRTH].date);
  guint row_number = ward_csv_mapping_get_row_number (row->mapping, row->record);
  Person *person = g_hash_table_lookup (state->people, key);

  if (person != NULL && person->row != 0)
    {
      g_autofree char *message = g_strdup_printf (_("The same person is already on row %u of this file."),
                                                  person->row);

      ward_import_row_error (row, COL_NAME, message);
      return NULL;
    }
  if (person == NULL)
    {
      person = g_new0 (Person, 1);
      g_hash_table_insert (state->people, g_steal_pointer (&key), person);
    }
  person->row = row_number;
  return person;
}

static void write_candidate (WardCsvWriter *writer, const WardCandidate *c);

static void
write_candidate_record (WardCsvWriter *writer,
                        gconstpointer  record,
                        gpointer       user_data)
{
  write_candidate (writer, record);
}

/* The row, checked by the register's rules, about a person already in
 * the register: the same values are skipped, others updated on request
 * or refused as a conflict naming both. */
static WardStoredVerdict
compare_stored (WardImportRow       *row,
                const WardCandidate *filled,
                gint64               id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCandidate) stored = ward_candidate_load (row->store, id, &error);

  if (stored == NULL)
    {
      ward_import_row_error (row, G_MAXUINT, error->message);
      return WARD_STORED_CONFLICT;
    }
  return ward_import_row_compare_stored (row, write_candidate_record, filled,
                                         stored, NULL);
}

/* @stored: the record as it is stored, NULL for a new one: a rule an
 * older record already broke is a warning (ward_candidate_check()). */
static gboolean
check_row (WardImportRow       *row,
           ImportState         *state,
           WardCandidate       *c,
           const WardCandidate *stored)
{
  g_autoptr (GPtrArray) issues = ward_candidate_check (c, stored, state->today);

  return report_issues (row, issues);
}

static gboolean
store_row (WardImportRow *row,
           WardCandidate *c,
           Person        *person)
{
  g_autoptr (GError) error = NULL;

  if (!ward_candidate_write (row->store, c, FALSE, &error))
    {
      ward_import_row_error (row, G_MAXUINT, error->message);
      return FALSE;
    }
  person->id = c->id;
  return TRUE;
}

static gboolean
members_import_row (WardImportRow  *row,
                    WardRowOutcome *outcome)
{
  ImportState *state = row->context->kind_data;
  g_autoptr (WardCandidate) candidate = NULL;
  g_autoptr (WardCandidate) stored = NULL;
  g_autoptr (GError) error = NULL;
  gboolean stored_before;
  gboolean ok;
  Person *person;

  g_return_val_if_fail (state != NULL, FALSE);

  person = claim_person (row, state);
  if (person == NULL)
    return FALSE;
  stored_before = person->id != 0;
  candidate = stored_before ? ward_candidate_load (row->store, person->id, &error)
                            : ward_candidate_new ();
  if (candidate == NULL)
    {
      ward_import_row_error (row, G_MAXUINT, error->message);
      return FALSE;
    }
  if (stored_before)
    stored = ward_candidate_copy (candidate);

  /* Every rule first; only a valid row is compared with the register. */
  if (!fill_candidate (row, candidate, !stored_before) || !resolve_cell (row, state, candidate)
      || !check_row (row, state, candidate, stored))
    return FALSE;
  if (stored_before
      && ward_import_verdict_settles (compare_stored (row, candidate, person->id), outcome, &ok))
    return ok;
  if (!store_row (row, candidate, person))
    return FALSE;
  *outcome = stored_before ? WARD_ROW_UPDATED : WARD_ROW_ADDED;
  return TRUE;
}

/* ---- Export ------------------------------------------------------------- */

static void
write_introducer (WardCsvWriter *writer,
                  const char    *name,
                  gboolean       official,
                  const char    *since)
{
  ward_csv_writer_add_text (writer, name);
  if (name != NULL)
    ward_csv_writer_add_bool (writer, official);
  else
    ward_csv_writer_add_text (writer, "");
  ward_csv_writer_add_date (writer, since);
}

/* In the order of take_stage_facts(). */
static void
write_stage_facts (WardCsvWriter       *writer,
                   const WardCandidate *c)
{
  ward_csv_writer_add_text (writer, c->phone);
  ward_csv_writer_add_text (writer, c->education_exception);
  ward_csv_writer_add_bool (writer, c->trade_union);
  ward_csv_writer_add_text (writer, c->course_cert_number);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_APPLICATION]);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_VERIFICATION_SENT]);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_VERIFICATION_DONE]);
  write_introducer (writer, c->introducer_1, c->introducer_1_official, c->introducer_1_since);
  write_introducer (writer, c->introducer_2, c->introducer_2_official, c->introducer_2_since);
  ward_csv_writer_add_text (writer, c->youth_union_resolution);
  ward_csv_writer_add_text (writer, c->trade_union_resolution);
  ward_csv_writer_add_date (writer, c->recognition_resolution_date);
  ward_csv_writer_add_text (writer, c->recognition_number);
}

static void
write_candidate (WardCsvWriter       *writer,
                 const WardCandidate *c)
{
  ward_csv_writer_add_text (writer, c->full_name);
  ward_csv_writer_add_date (writer, c->birth_date);
  ward_csv_writer_add_text (writer, ward_gender_get_label (c->gender));
  ward_csv_writer_add_text (writer, c->ethnicity);
  ward_csv_writer_add_text (writer, c->religion);
  ward_csv_writer_add_text (writer, c->education);
  ward_csv_writer_add_text (writer, c->occupation);
  ward_csv_writer_add_bool (writer, c->youth_union);
  ward_csv_writer_add_text (writer, c->residential_group);
  ward_csv_writer_add_text (writer, c->cell_name);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_SYMPATHISER]);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_COURSE]);
  ward_csv_writer_add_text (writer, c->cell_resolution_number);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_CELL_RESOLUTION]);
  ward_csv_writer_add_text (writer, c->decision_number);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_DECISION]);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_CEREMONY]);
  ward_csv_writer_add_date (writer, c->dates[WARD_STAGE_RECOGNITION]);
  ward_csv_writer_add_text (writer, c->note);
  write_stage_facts (writer, c);
  ward_csv_writer_end_row (writer);
}

static gboolean
members_export (WardStore          *store,
                WardImportContext  *context,
                WardCsvWriter      *writer,
                GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT " WARD_CANDIDATE_COLUMNS WARD_CANDIDATE_FROM
                                    "ORDER BY c.sort_key, c.birth_date, c.id", error);
  if (stmt == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, columns, N_COLUMNS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (WardCandidate) candidate = ward_candidate_from_row (stmt);

      write_candidate (writer, candidate);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* A candidate is a name and a birth date (ward_candidate_person_key()). */
static char *
members_row_key (WardImportRow *row)
{
  g_autofree char *name = ward_candidate_clean_text (row->values[COL_NAME].text);

  if (name == NULL || *name == '\0' || row->values[COL_BIRTH].date[0] == '\0')
    return NULL;
  return ward_candidate_person_key (name, row->values[COL_BIRTH].date);
}

const WardImportKind ward_admissions_import_kind = {
  .name = "members",
  .title = N_("Party admissions"),
  .columns = columns,
  .n_columns = N_COLUMNS,
  .begin = members_begin,
  .end = members_end,
  .import_row = members_import_row,
  .export = members_export,
  .row_key = members_row_key,
};
