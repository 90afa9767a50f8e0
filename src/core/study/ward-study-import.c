/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "study/ward-study-import.h"
#include "study/ward-study-private.h"

/* The roster as a spreadsheet: `ward-tracker-cli import roster`, `export
 * roster`, and the window's Import Spreadsheet… on the study's page.
 *
 * Two kinds of file come in. The office's own lists, and the export of the
 * Party member database ("Cơ sở dữ liệu đảng viên 3.0"), whose columns no
 * public manual gives: the headers it is matched by are those of the member
 * forms its records follow (Mẫu 7-HSĐV "Sổ danh sách đảng viên": "Họ và
 * tên", "Ngày vào Đảng", "Ngày chính thức", "Số thẻ đảng viên"; the Phiếu
 * đảng viên: "Sinh ngày", "Được miễn công tác và sinh hoạt Đảng ngày";
 * QĐ 339-QĐ/TW's profile: "Giới tính", "Chi bộ"). Other columns of the
 * export (the citizen ID among them) are left out with a warning: the
 * roster keeps only what the study needs.
 *
 * A row is the same person as a stored member when the name (folded for
 * case and tone marks) and the date of birth match, as in the admission
 * register: the same values are skipped, others updated on request or
 * refused as a conflict. A chi bộ the list lacks is added, with a
 * warning, as the admission register's import does. */

enum
{
  COL_NAME,
  COL_BIRTH,
  COL_GENDER,
  COL_CELL,
  COL_JOINED,
  COL_OFFICIAL,
  COL_CARD,
  COL_EXEMPT,
  COL_EXEMPT_SINCE,
  COL_LEFT,
  COL_NOTE,
  N_COLUMNS
};

G_STATIC_ASSERT ((int) N_COLUMNS == (int) WARD_MEMBER_N_FIELDS);

#define ALIASES(...) ((const char * const[]) { __VA_ARGS__, NULL })

static const WardCsvColumn columns[N_COLUMNS] = {
  { "full_name", "Họ và tên", ALIASES ("Họ và tên khai sinh", "Họ tên", "Full name", "Name"),
    WARD_CSV_TEXT, TRUE },
  { "birth_date", "Ngày sinh", ALIASES ("Sinh ngày", "Ngày tháng năm sinh", "Date of birth"),
    WARD_CSV_DATE, TRUE },
  { "gender", "Giới tính", ALIASES ("Nam, nữ", "Nam/Nữ", "Gender", "Sex"), WARD_CSV_TEXT, FALSE },
  { "cell", "Chi bộ", ALIASES ("Tên chi bộ", "Chi bộ sinh hoạt", "Party cell"), WARD_CSV_TEXT, FALSE },
  { "joined_date", "Ngày vào Đảng", ALIASES ("Ngày kết nạp", "Ngày kết nạp Đảng", "Date joined"),
    WARD_CSV_DATE, FALSE },
  { "official_date", "Ngày chính thức",
    ALIASES ("Ngày công nhận chính thức", "Ngày vào Đảng chính thức", "Official since"),
    WARD_CSV_DATE, FALSE },
  { "card_number", "Số thẻ đảng viên", ALIASES ("Số thẻ", "Số thẻ Đảng", "Party card number"),
    WARD_CSV_TEXT, FALSE },
  { "exempt", "Miễn sinh hoạt",
    ALIASES ("Miễn công tác và sinh hoạt đảng", "Được miễn công tác và sinh hoạt Đảng", "Exempt"),
    WARD_CSV_TEXT, FALSE },
  { "exempt_since", "Ngày miễn sinh hoạt",
    ALIASES ("Được miễn công tác và sinh hoạt Đảng ngày", "Exempt since"), WARD_CSV_DATE, FALSE },
  { "left_date", "Ngày chuyển đi", ALIASES ("Ngày chuyển sinh hoạt đi", "Left on"),
    WARD_CSV_DATE, FALSE },
  { "note", "Ghi chú", ALIASES ("Note", "Notes"), WARD_CSV_TEXT, FALSE },
};

/* ---- Cells -------------------------------------------------------------- */

static gboolean
take_gender (WardImportRow   *row,
             WardPartyMember *m)
{
  g_autofree char *folded = NULL;

  if (!ward_import_row_has_column (row, COL_GENDER))
    return TRUE;
  folded = g_strstrip (ward_text_fold (row->values[COL_GENDER].text));
  g_clear_pointer (&m->gender, g_free);
  if (g_str_equal (folded, "nam") || g_str_equal (folded, "male") || g_str_equal (folded, "m"))
    m->gender = g_strdup ("male");
  else if (g_str_equal (folded, "nu") || g_str_equal (folded, "female") || g_str_equal (folded, "f"))
    m->gender = g_strdup ("female");
  else if (folded[0] != '\0')
    {
      ward_import_row_error (row, COL_GENDER, _("Write “Nam” or “Nữ”."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_exempt (WardImportRow   *row,
             WardPartyMember *m)
{
  if (!ward_import_row_has_column (row, COL_EXEMPT))
    return TRUE;
  if (ward_exemption_parse (row->values[COL_EXEMPT].text, &m->exempt))
    return TRUE;
  ward_import_row_error (row, COL_EXEMPT,
                         _("Write the reason of the exemption: “tuổi cao” or “sức khỏe”, or leave it empty."));
  return FALSE;
}

static gboolean
take_cell (WardImportRow   *row,
           WardPartyMember *m)
{
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  gboolean added = FALSE;

  if (!ward_import_row_has_column (row, COL_CELL))
    return TRUE;
  name = ward_text_normalize (row->values[COL_CELL].text);
  m->cell_id = 0;
  if (name == NULL || g_strstrip (name)[0] == '\0')
    return TRUE;
  m->cell_id = ward_study_cell_resolve (row->store, name, &added, &error);
  if (m->cell_id <= 0)
    {
      ward_import_row_error (row, COL_CELL, error->message);
      return FALSE;
    }
  if (added)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not in the list of chi bộ: "
                                                    "it has been added to it."), name);

      ward_import_row_warning (row, COL_CELL, message);
    }
  return TRUE;
}

/* ---- Rows --------------------------------------------------------------- */

static gboolean
read_cells (WardImportRow   *row,
            WardPartyMember *m)
{
  gboolean ok = TRUE;

  ward_import_row_take_text (row, COL_NAME, &m->full_name);
  ward_import_row_take_date (row, COL_BIRTH, &m->birth_date);
  ward_import_row_take_date (row, COL_JOINED, &m->joined_date);
  ward_import_row_take_date (row, COL_OFFICIAL, &m->official_date);
  ward_import_row_take_text (row, COL_CARD, &m->card_number);
  ward_import_row_take_date (row, COL_EXEMPT_SINCE, &m->exempt_since);
  ward_import_row_take_date (row, COL_LEFT, &m->left_date);
  ward_import_row_take_text (row, COL_NOTE, &m->note);
  ok &= take_gender (row, m);
  ok &= take_exempt (row, m);
  return ok;
}

static gboolean
report_issues (WardImportRow *row,
               GPtrArray     *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardMemberIssue *issue = issues->pdata[i];

      ward_import_row_error (row, issue->field, issue->message);
    }
  return issues->len == 0;
}

static void export_record (WardCsvWriter *writer, const WardPartyMember *m);

static void
write_record (WardCsvWriter *writer,
              gconstpointer  record,
              gpointer       user_data)
{
  export_record (writer, record);
}

static gboolean
import_row (WardImportRow  *row,
            WardRowOutcome *outcome)
{
  g_autoptr (WardPartyMember) stored = NULL;
  g_autoptr (WardPartyMember) m = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = ward_today_iso ();
  gboolean ok;

  stored = ward_party_member_find (row->store, row->values[COL_NAME].text,
                                   row->values[COL_BIRTH].date, &error);
  if (error != NULL)
    return ward_import_row_error (row, G_MAXUINT, error->message), FALSE;
  m = stored != NULL ? ward_party_member_copy (stored) : ward_party_member_new ();
  if (!read_cells (row, m) || !take_cell (row, m))
    return FALSE;
  issues = ward_party_member_validate (row->store, m, today, &error);
  if (issues == NULL)
    return ward_import_row_error (row, G_MAXUINT, error->message), FALSE;
  if (!report_issues (row, issues))
    return FALSE;
  *outcome = stored != NULL ? WARD_ROW_UPDATED : WARD_ROW_ADDED;
  if (stored != NULL
      && ward_import_verdict_settles (ward_import_row_compare_stored (row, write_record, m, stored, NULL),
                                      outcome, &ok))
    return ok;
  if (!ward_party_member_write (row->store, m, &error))
    return ward_import_row_error (row, G_MAXUINT, error->message), FALSE;
  return TRUE;
}

static void
export_record (WardCsvWriter         *writer,
               const WardPartyMember *m)
{
  const char *gender = g_strcmp0 (m->gender, "male") == 0 ? "Nam"
                       : g_strcmp0 (m->gender, "female") == 0 ? "Nữ" : "";
  const char *exempt[] = { "", "Tuổi cao", "Sức khỏe" };

  ward_csv_writer_add_text (writer, m->full_name);
  ward_csv_writer_add_date (writer, m->birth_date);
  ward_csv_writer_add_text (writer, gender);
  ward_csv_writer_add_text (writer, m->cell_name);
  ward_csv_writer_add_date (writer, m->joined_date);
  ward_csv_writer_add_date (writer, m->official_date);
  ward_csv_writer_add_text (writer, m->card_number);
  ward_csv_writer_add_text (writer, exempt[m->exempt]);
  ward_csv_writer_add_date (writer, m->exempt_since);
  ward_csv_writer_add_date (writer, m->left_date);
  ward_csv_writer_add_text (writer, m->note);
  ward_csv_writer_end_row (writer);
}

static gboolean
export_all (WardStore          *store,
            WardImportContext  *context,
            WardCsvWriter      *writer,
            GError            **error)
{
  g_autoptr (GPtrArray) members = ward_party_members_load (store, 0, error);

  if (members == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < members->len; i++)
    export_record (writer, members->pdata[i]);
  return TRUE;
}

/* A member is a person: the folded name and the date of birth. */
static char *
row_key (WardImportRow *row)
{
  g_autofree char *folded = NULL;

  if (row->values[COL_NAME].empty || row->values[COL_BIRTH].date[0] == '\0')
    return NULL;
  folded = ward_text_fold (row->values[COL_NAME].text);
  return g_strdup_printf ("%s|%s", g_strstrip (folded), row->values[COL_BIRTH].date);
}

const WardImportKind ward_study_import_kind = {
  .name = "roster",
  .title = N_("Party members (roster)"),
  .columns = columns,
  .n_columns = G_N_ELEMENTS (columns),
  .import_row = import_row,
  .export = export_all,
  .row_key = row_key,
};
