/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprises"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-taxcode.h"
#include "enterprises/ward-enterprises.h"

/* The register as a spreadsheet. Cells are read as text and go through
 * ward_enterprise_set_field() and ward_enterprise_validate(), the functions
 * the window's form calls, so a value is refused the same way in both. */

static const char * const tax_code_aliases[] = {
  "Tax code", "Enterprise code", "Mã số thuế", "MST", "Mã số DN", "Mã DN", "Mã doanh nghiệp", NULL
};
static const char * const name_aliases[] = {
  "Name", "Enterprise name", "Company name", "Tên công ty", "Tên DN", NULL
};
static const char * const type_aliases[] = {
  "Type", "Legal form", "Type of enterprise", "Loại hình doanh nghiệp", NULL
};
static const char * const capital_aliases[] = {
  "Charter capital", "Capital", "Vốn", NULL
};
static const char * const vsic_aliases[] = {
  "Main line of business", "Main business", "VSIC", "Ngành nghề kinh doanh chính",
  "Ngành kinh doanh chính", "Ngành nghề", "Mã ngành", NULL
};
static const char * const vsic_version_aliases[] = {
  "VSIC version", "Phiên bản VSIC", "Phiên bản", "Hệ thống ngành kinh tế", NULL
};
static const char * const registered_aliases[] = {
  "First registration date", "Registration date", "Registered on", "Ngày cấp GCN",
  "Ngày cấp lần đầu", "Ngày đăng ký", "Ngày đăng ký lần đầu", "Ngày thành lập", NULL
};
static const char * const address_aliases[] = {
  "Address", "Head office address", "Địa chỉ trụ sở", "Địa chỉ trụ sở chính", NULL
};
static const char * const group_aliases[] = {
  "Residential group", "TDP", "Tổ", NULL
};
static const char * const representative_aliases[] = {
  "Legal representative", "Representative", "Người đại diện theo pháp luật",
  "Đại diện pháp luật", "Giám đốc", NULL
};
static const char * const status_aliases[] = {
  "Status", "Trạng thái", "Tình trạng hoạt động", NULL
};
static const char * const note_aliases[] = {
  "Note", "Notes", NULL
};
static const char * const status_date_aliases[] = {
  "Status date", "Ngày tình trạng", "Ngày thay đổi tình trạng", NULL
};
static const char * const outside_aliases[] = {
  "Head office outside the ward", "Ngoài phường", NULL
};
static const char * const household_aliases[] = {
  "Converted from a household business", "From household business", "Từ hộ kinh doanh",
  "Hộ kinh doanh chuyển lên", NULL
};

/* In the order of WardEnterpriseField: column i is field i. */
static const WardCsvColumn columns[WARD_ENTERPRISE_N_FIELDS] = {
  { "tax_code", "Mã số doanh nghiệp", tax_code_aliases, WARD_CSV_TEXT, TRUE },
  { "name", "Tên doanh nghiệp", name_aliases, WARD_CSV_TEXT, TRUE },
  { "type", "Loại hình", type_aliases, WARD_CSV_TEXT, FALSE },
  { "capital", "Vốn điều lệ", capital_aliases, WARD_CSV_TEXT, FALSE },
  { "vsic", "Ngành nghề chính", vsic_aliases, WARD_CSV_TEXT, FALSE },
  { "registered_on", "Ngày cấp", registered_aliases, WARD_CSV_TEXT, TRUE },
  { "address", "Địa chỉ", address_aliases, WARD_CSV_TEXT, FALSE },
  { "residential_group", "Tổ dân phố", group_aliases, WARD_CSV_TEXT, FALSE },
  { "representative", "Người đại diện", representative_aliases, WARD_CSV_TEXT, FALSE },
  { "status", "Tình trạng", status_aliases, WARD_CSV_TEXT, FALSE },
  { "note", "Ghi chú", note_aliases, WARD_CSV_TEXT, FALSE },
  { "status_date", "Ngày đổi tình trạng", status_date_aliases, WARD_CSV_TEXT, FALSE },
  { "outside_ward", "Trụ sở ngoài phường", outside_aliases, WARD_CSV_BOOL, FALSE },
  { "from_household", "Chuyển từ hộ kinh doanh", household_aliases, WARD_CSV_BOOL, FALSE },
  { "vsic_version", "Phiên bản VSIC", vsic_version_aliases, WARD_CSV_TEXT, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == WARD_ENTERPRISE_N_FIELDS);

/* Excel reads "0100109106" as a number and drops the zero in front; codes
 * of the provinces 01–09 come back with nine (or twelve) digits. Put the
 * zero back when that makes a valid code, and say so. */
static gboolean
read_tax_code (WardImportRow  *row,
               WardEnterprise *record,
               const char     *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) retry_error = NULL;
  g_autofree char *padded = NULL;
  gsize digits = 0;

  if (ward_enterprise_set_field (record, WARD_ENTERPRISE_FIELD_TAX_CODE, text, &error))
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;
  padded = g_strconcat ("0", text, NULL);
  if ((digits == 9 || digits == 12)
      && ward_enterprise_set_field (record, WARD_ENTERPRISE_FIELD_TAX_CODE, padded, &retry_error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Read as %s: the spreadsheet had dropped the zero in front."),
                         record->tax_code);
      ward_import_row_warning (row, WARD_ENTERPRISE_FIELD_TAX_CODE, message);
      return TRUE;
    }
  ward_import_row_error (row, WARD_ENTERPRISE_FIELD_TAX_CODE, error->message);
  return FALSE;
}

/* Every cell of a column the file has; the ones it lacks keep what the
 * record had (defaults for a new one). Returns the fields that could not
 * be read, as bits. */
static guint
read_cells (WardImportRow  *row,
            WardEnterprise *record)
{
  guint failed = 0;

  for (guint i = 1; i < WARD_ENTERPRISE_N_FIELDS; i++)
    {
      g_autoptr (GError) error = NULL;
      const char *text = row->values[i].text;

      if (ward_csv_mapping_get_header (row->mapping, i) == NULL)
        continue;
      if (columns[i].type == WARD_CSV_BOOL)
        text = row->values[i].boolean ? "x" : "";
      if (!ward_enterprise_set_field (record, i, text, &error))
        {
          ward_import_row_error (row, i, error->message);
          failed |= 1u << i;
        }
    }
  return failed;
}

/* Reports the rules' issues, leaving out the fields already reported as
 * unreadable (their emptiness would only repeat it). */
static void
report_issues (WardImportRow *row,
               GPtrArray     *issues,
               guint          skip)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardEnterpriseIssue *issue = issues->pdata[i];

      if (skip & (1u << issue->field))
        continue;
      if (issue->warning)
        ward_import_row_warning (row, issue->field, issue->message);
      else
        ward_import_row_error (row, issue->field, issue->message);
    }
}

static gboolean
store_record (WardImportRow  *row,
              WardEnterprise *record,
              guint           unreadable)
{
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;
  gboolean stored;

  /* With a cell unreadable, still check the rest so that every problem of
   * the row is reported at once. */
  if (unreadable != 0)
    {
      ward_enterprise_validate (row->store, record, NULL, issues, NULL);
      report_issues (row, issues, unreadable);
      return FALSE;
    }

  stored = ward_enterprise_save (row->store, record, issues, &error);
  if (!stored && issues->len == 0)
    ward_import_row_error (row, G_MAXUINT, error->message);
  report_issues (row, issues, 0);
  return stored;
}

static void export_record (WardCsvWriter *writer, const WardEnterprise *record);

static void
write_record (WardCsvWriter *writer,
              gconstpointer  record,
              gpointer       user_data)
{
  export_record (writer, record);
}

/* The row names a registered tax code: once its values pass the register's
 * rules, the same values are skipped, others updated on request or refused
 * as a conflict naming both. TRUE when the row is to be stored. */
static gboolean
compare_stored (WardImportRow        *row,
                const WardEnterprise *stored,
                WardEnterprise       *filled,
                WardRowOutcome       *outcome,
                gboolean             *failed)
{
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  gboolean ok;

  if (!ward_enterprise_validate (row->store, filled, NULL, issues, NULL))
    {
      report_issues (row, issues, 0);
      *failed = TRUE;
      return FALSE;
    }
  if (ward_import_verdict_settles (ward_import_row_compare_stored (row, write_record, filled,
                                                                   stored, NULL),
                                   outcome, &ok))
    {
      *failed = !ok;
      return FALSE;
    }
  *outcome = WARD_ROW_UPDATED;
  return TRUE;
}

static gboolean
import_row (WardImportRow  *row,
            WardRowOutcome *outcome)
{
  g_autoptr (WardEnterprise) probe = ward_enterprise_new ();
  g_autoptr (WardEnterprise) record = NULL;
  g_autoptr (WardEnterprise) stored = NULL;
  g_autoptr (GError) error = NULL;
  gboolean failed = FALSE;
  guint unreadable;

  if (!read_tax_code (row, probe, row->values[WARD_ENTERPRISE_FIELD_TAX_CODE].text))
    {
      read_cells (row, probe);
      return FALSE;
    }

  stored = ward_enterprise_find (row->store, probe->tax_code, &error);
  if (error != NULL)
    {
      ward_import_row_error (row, G_MAXUINT, error->message);
      return FALSE;
    }
  *outcome = WARD_ROW_ADDED;
  record = stored != NULL ? ward_enterprise_copy (stored) : g_steal_pointer (&probe);
  unreadable = read_cells (row, record);
  /* Every rule first; only a valid row is compared with the register. */
  if (stored != NULL && unreadable == 0
      && !compare_stored (row, stored, record, outcome, &failed))
    return !failed;
  return store_record (row, record, unreadable);
}

static void
export_record (WardCsvWriter        *writer,
               const WardEnterprise *record)
{
  ward_csv_writer_add_text (writer, record->tax_code);
  ward_csv_writer_add_text (writer, record->name);
  ward_csv_writer_add_text (writer, ward_enterprise_type_label (record->type));
  if (record->capital > 0)
    ward_csv_writer_add_money (writer, record->capital);
  else
    ward_csv_writer_add_text (writer, "");
  ward_csv_writer_add_text (writer, record->vsic);
  ward_csv_writer_add_date (writer, record->registered_on);
  ward_csv_writer_add_text (writer, record->address);
  ward_csv_writer_add_text (writer, record->residential_group);
  ward_csv_writer_add_text (writer, record->representative);
  ward_csv_writer_add_text (writer, ward_enterprise_status_label (record->status));
  ward_csv_writer_add_text (writer, record->note);
  ward_csv_writer_add_date (writer, record->status_date);
  ward_csv_writer_add_bool (writer, !record->in_ward);
  ward_csv_writer_add_bool (writer, record->from_household);
  ward_csv_writer_add_text (writer, ward_vsic_version_label (record->vsic_version));
  ward_csv_writer_end_row (writer);
}

static gboolean
export_all (WardStore          *store,
            WardImportContext  *context,
            WardCsvWriter      *writer,
            GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT id FROM enterprises ORDER BY registered_on, id", error);
  if (stmt == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, columns, G_N_ELEMENTS (columns));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (WardEnterprise) record = NULL;

      record = ward_enterprise_load (store, sqlite3_column_int64 (stmt, 0), error);
      if (record == NULL)
        return FALSE;
      export_record (writer, record);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* An enterprise is its tax code, however the row writes it. */
static char *
row_key (WardImportRow *row)
{
  char *normalized = NULL;

  if (!ward_tax_code_parse (row->values[WARD_ENTERPRISE_FIELD_TAX_CODE].text, &normalized, NULL, NULL))
    return NULL;
  return normalized;
}

const WardImportKind ward_enterprises_import_kind = {
  .name = "enterprises",
  .title = N_("Enterprises"),
  .columns = columns,
  .n_columns = G_N_ELEMENTS (columns),
  .import_row = import_row,
  .export = export_all,
  .row_key = row_key,
};
