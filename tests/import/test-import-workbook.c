/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-workbook"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "base/ward-error.h"
#include "import/ward-import-workbook-private.h"
#include "support/ward-test.h"

/* The workbooks under tests/data/workbooks, made by openpyxl and by
 * LibreOffice (make-workbooks.py there says what each holds). */

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "workbooks", name, NULL);
}

static WardCsvTable *
read_sample (const char *name,
             const char *sheet)
{
  g_autofree char *path = sample_path (name);
  g_autoptr (GError) error = NULL;
  WardCsvTable *table = ward_import_read_file (path, sheet, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The row whose spreadsheet number is @number, or NULL. */
static const char * const *
row_numbered (WardCsvTable *table,
              guint         number)
{
  for (guint r = 0; r < ward_csv_table_get_n_rows (table); r++)
    if (ward_csv_table_get_row_number (table, r) == number)
      return ward_csv_table_get_row (table, r, NULL);
  return NULL;
}

static gboolean
notes_have (WardCsvTable *table,
            const char   *text)
{
  GPtrArray *notes = ward_csv_table_get_notes (table);

  for (guint i = 0; i < notes->len; i++)
    if (strstr (((WardCsvIssue *) notes->pdata[i])->message, text) != NULL)
      return TRUE;
  return FALSE;
}

/* What every maker's copy of donations.* must read as. */
static void
check_donations (WardCsvTable *table,
                 gboolean      knows_hidden,
                 gboolean      has_formula_values)
{
  const char * const *header = row_numbered (table, 4);
  const char * const *row;

  g_assert_cmpstr (ward_csv_table_get_sheet (table), ==, "Đợt 1");
  g_assert_cmpuint (g_strv_length ((char **) ward_csv_table_get_sheets (table)), ==, 2);
  g_assert_cmpstr (ward_csv_table_get_sheets (table)[1], ==, "Tổ 2");
  g_assert_true (notes_have (table, "“Tổ 2”"));
  /* Title rows keep their numbers; the blank row 3 is left out. */
  g_assert_cmpstr (row_numbered (table, 1)[0], ==, "DANH SÁCH ỦNG HỘ QUỸ VÌ NGƯỜI NGHÈO");
  g_assert_null (row_numbered (table, 3));
  g_assert_cmpstr (header[1], ==, "Số biên lai");
  g_assert_cmpstr (header[6], ==, "Mã GD");
  /* A date cell, and a date typed as text. */
  row = row_numbered (table, 5);
  g_assert_cmpstr (row[1], ==, "0001");
  g_assert_cmpstr (row[2], ==, "05/01/2026");
  g_assert_cmpstr (row[4], ==, "500000");
  g_assert_cmpstr (row_numbered (table, 6)[2], ==, "06/01/2026");
  /* A formula's cached value. */
  if (has_formula_values)
    g_assert_cmpstr (row_numbered (table, 7)[4], ==, "400000");
  g_assert_cmpstr (row_numbered (table, 7)[6], ==, "FT26007001");
  g_assert_cmpstr (row_numbered (table, 10)[0], ==, "Tổng cộng");
  if (!knows_hidden)
    return;
  /* The hidden row (receipt 0004) and column H are left out, and said so. */
  g_assert_null (row_numbered (table, 8));
  g_assert_cmpuint (g_strv_length ((char **) header), ==, 7);
  g_assert_true (notes_have (table, "row 8"));
  g_assert_true (notes_have (table, ": H."));
}

static void
test_xlsx_openpyxl (void)
{
  g_autoptr (WardCsvTable) table = read_sample ("donations.xlsx", NULL);

  /* openpyxl writes formulas without their results: said, cell by cell. */
  check_donations (table, TRUE, FALSE);
  g_assert_true (notes_have (table, "formulas in E7, E10 were never saved"));
}

static void
test_xlsx_libreoffice (void)
{
  g_autoptr (WardCsvTable) table = read_sample ("donations-lo.xlsx", NULL);

  check_donations (table, TRUE, TRUE);
}

static void
test_ods (void)
{
  g_autoptr (WardCsvTable) table = read_sample ("donations.ods", NULL);

  check_donations (table, TRUE, TRUE);
}

static void
test_xls (void)
{
  g_autoptr (WardCsvTable) table = read_sample ("donations.xls", NULL);

  /* FreeXL 1.0 reads neither hidden rows nor formulas' values: said so. */
  check_donations (table, FALSE, FALSE);
  g_assert_true (notes_have (table, "save the workbook as .xlsx"));
  g_assert_cmpstr (row_numbered (table, 8)[1], ==, "0004");
}

static void
test_second_sheet (void)
{
  const char *files[] = { "donations.xlsx", "donations-lo.xlsx", "donations.ods", "donations.xls" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (WardCsvTable) table = read_sample (files[i], "Tổ 2");

      g_assert_cmpstr (ward_csv_table_get_sheet (table), ==, "Tổ 2");
      g_assert_cmpstr (row_numbered (table, 5)[1], ==, "0101");
      g_assert_cmpstr (row_numbered (table, 5)[2], ==, "02/02/2026");
      /* A number typed as text stays as typed: the money parser reads it. */
      g_assert_cmpstr (row_numbered (table, 6)[4], ==, "100.000");
      /* Chosen by name: no note about the other sheets. */
      g_assert_false (notes_have (table, "also has"));
    }
}

static void
test_unknown_sheet (void)
{
  const char *files[] = { "donations.xlsx", "donations.ods", "donations.xls" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = sample_path (files[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (WardCsvTable) table = ward_import_read_file (path, "Tổ 9", &error);

      g_assert_null (table);
      g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "“Đợt 1”, “Tổ 2”"));
    }
}

static void
test_date_systems (void)
{
  g_autoptr (WardCsvTable) mac = read_sample ("dates-1904.xlsx", NULL);
  g_autoptr (WardCsvTable) feb29 = read_sample ("feb29-1900.xlsx", NULL);
  struct { double serial; gboolean date1904; const char *text; } days[] = {
    { 1, FALSE, "01/01/1900" },
    { 59, FALSE, "28/02/1900" },
    { 60, FALSE, "60" },
    { 61, FALSE, "01/03/1900" },
    { 46027, FALSE, "05/01/2026" },
    { 46027.75, FALSE, "05/01/2026" },
    { 0, TRUE, "01/01/1904" },
    { 44565, TRUE, "05/01/2026" },
  };

  g_assert_cmpstr (row_numbered (mac, 2)[1], ==, "05/01/2026");
  /* Day 60 is left for the date parser, which names it. */
  g_assert_cmpstr (row_numbered (feb29, 2)[1], ==, "60");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *text = ward_sheet_format_serial (days[i].serial, days[i].date1904);

      g_assert_cmpstr (text, ==, days[i].text);
    }
}

static void
test_numbers (void)
{
  struct { double value; gboolean percent; const char *text; } numbers[] = {
    { 1250000, FALSE, "1250000" },
    { -500, FALSE, "-500" },
    { 11.8, FALSE, "11,8" },
    { 0.1 + 0.2, FALSE, "0,3" },
    { 0.118, TRUE, "11,8%" },
    { 1, TRUE, "100%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = ward_sheet_format_number (numbers[i].value, numbers[i].percent);

      g_assert_cmpstr (text, ==, numbers[i].text);
    }
}

static void
test_inline_strings (void)
{
  g_autoptr (WardCsvTable) table = read_sample ("inline.xlsx", NULL);
  const char * const *header = row_numbered (table, 1);
  const char * const *row = row_numbered (table, 2);

  /* Rich text runs joined; a phonetic guide left out; a formula's text. */
  g_assert_cmpstr (header[2], ==, "Người ủng hộ");
  g_assert_cmpstr (row[0], ==, "0001");
  g_assert_cmpstr (row[1], ==, "05/01/2026");
  g_assert_cmpstr (row[2], ==, "Ngô Văn Ích");
  g_assert_cmpstr (row[3], ==, "120000");
  g_assert_cmpstr (ward_csv_table_get_sheet (table), ==, "Thu");
}

static const WardCsvColumn receipt_columns[] = {
  { "number", "Số biên lai", NULL, WARD_CSV_TEXT, TRUE },
  { "date", "Ngày", NULL, WARD_CSV_DATE, TRUE },
  { "donor", "Người ủng hộ", NULL, WARD_CSV_TEXT, TRUE },
  { "amount", "Số tiền", NULL, WARD_CSV_MONEY, TRUE },
};

/* Imports @name's records the engine's way: the sums, then the totals. */
static guint
check_totals (const char *name,
              GPtrArray  *issues)
{
  g_autoptr (WardCsvTable) table = read_sample (name, NULL);
  g_autoptr (WardCsvMapping) mapping = ward_csv_map (table, receipt_columns, 4, issues);
  WardCsvValue sums[4] = { 0 };
  WardCsvValue values[4];

  g_assert_cmpuint (ward_csv_mapping_get_n_totals (mapping), ==, 1);
  for (guint r = 0; r < ward_csv_mapping_get_n_records (mapping); r++)
    {
      g_assert_true (ward_csv_mapping_parse_row (mapping, r, values, issues));
      ward_csv_mapping_add_to_sums (mapping, sums, values);
    }
  return ward_csv_mapping_check_totals (mapping, sums, issues);
}

static gboolean
issues_have (GPtrArray  *issues,
             guint       row,
             const char *text)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = issues->pdata[i];

      if (issue->row == row && strstr (issue->message, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_total_row (void)
{
  g_autoptr (GPtrArray) good = ward_csv_issues_new ();
  g_autoptr (GPtrArray) bad = ward_csv_issues_new ();

  /* SUBTOTAL leaves the hidden row out, as the rows read do: it matches. */
  g_assert_cmpuint (check_totals ("donations-lo.xlsx", good), ==, 0);
  g_assert_true (issues_have (good, 10, "its sums match"));
  g_assert_cmpuint (check_totals ("bad-total.xlsx", bad), ==, 1);
  g_assert_true (issues_have (bad, 4, "says 700.000 đ, but the rows above add up to 750.000 đ"));
}

static void
test_hostile (void)
{
  g_autofree char *path = sample_path ("donations-lo.xlsx");
  g_autofree char *data = NULL;
  gsize len = 0;
  const char *bits[] = { "PK\x03\x04garbage", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1junk" };

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  /* Cut short: a damaged workbook, never a crash or a half table. */
  for (gsize cut = 10; cut < len; cut += len / 7)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (WardCsvTable) table = ward_workbook_read_bytes (bytes, "cut.xlsx", NULL, NULL,
                                                                 &error);

      g_assert_null (table);
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "cut.xlsx"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (bits[i], strlen (bits[i]));

      g_assert_cmpint (ward_workbook_sniff (bytes), ==, i == 0 ? WARD_WORKBOOK_XLSX : WARD_WORKBOOK_XLS);
    }
}

static void
test_csv_has_no_sheet (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "money.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCsvTable) csv = ward_import_read_file (path, NULL, &error);
  g_autoptr (WardCsvTable) refused = NULL;

  g_assert_no_error (error);
  g_assert_null (ward_csv_table_get_sheet (csv));
  refused = ward_import_read_file (path, "Sheet1", &error);
  g_assert_null (refused);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

/* `import --map` and the window's mapping: the clerk names each column. */
static void
test_column_map (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("SỔ THU\n\nCột A,Cột B,Cột C,Cột D\n"
                                                 "0001,18/09/2025,Nguyễn Văn An,100000\n", 82);
  g_autoptr (WardCsvTable) table = ward_csv_read_bytes (bytes, "so-thu.csv", NULL);
  g_autoptr (GPtrArray) unmapped = ward_csv_issues_new ();
  g_autoptr (GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (WardCsvMapping) before = NULL;
  g_autoptr (WardCsvMapping) mapping = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) headers = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *text = NULL;
  WardCsvValue values[4];
  int choices[] = { 0, 1, 2, -1 };

  /* Unknown headers: the row of several values below the title is the one to map. */
  before = ward_csv_map (table, receipt_columns, 4, unmapped);
  g_assert_cmpuint (ward_csv_issues_count (unmapped, WARD_CSV_SEVERITY_ERROR), ==, 4);
  headers = ward_csv_mapping_get_file_headers (before);
  g_assert_cmpstr (headers[0], ==, "Cột A");
  g_assert_cmpint (ward_csv_mapping_get_column_of (before, 0), ==, -1);
  signature = ward_csv_headers_signature ((const char * const *) headers);
  g_assert_cmpstr (signature, ==, "cota|cotb|cotc|cotd");

  /* Headers match ignoring case and tones; fields by label, alias or key. */
  map = ward_csv_column_map_parse ("cot a=Số biên lai, Cột B=Ngày,CỘT C=donor,Cột D=Số tiền",
                                   receipt_columns, 4, &error);
  g_assert_no_error (error);
  mapping = ward_csv_map_with (table, receipt_columns, 4, map, issues);
  g_assert_cmpuint (ward_csv_issues_count (issues, WARD_CSV_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (ward_csv_mapping_get_n_records (mapping), ==, 1);
  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpstr (values[1].date, ==, "2025-09-18");
  g_assert_cmpint (values[3].money, ==, 100000);
  g_assert_cmpint (ward_csv_mapping_get_column_of (mapping, 2), ==, 2);

  text = ward_csv_column_map_to_string ((const char * const *) headers, choices, receipt_columns);
  g_assert_cmpstr (text, ==, "Cột A=Số biên lai,Cột B=Ngày,Cột C=Người ủng hộ");
  g_clear_pointer (&map, g_hash_table_unref);
  map = ward_csv_column_map_parse ("Cột A=Tên lửa", receipt_columns, 4, &error);
  g_assert_null (map);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Tên lửa” is not a field"));
  g_clear_error (&error);
  map = ward_csv_column_map_parse ("Cột A", receipt_columns, 4, &error);
  g_assert_null (map);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/workbook/xlsx-openpyxl", test_xlsx_openpyxl);
  g_test_add_func ("/import/workbook/xlsx-libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/import/workbook/ods", test_ods);
  g_test_add_func ("/import/workbook/xls", test_xls);
  g_test_add_func ("/import/workbook/second-sheet", test_second_sheet);
  g_test_add_func ("/import/workbook/unknown-sheet", test_unknown_sheet);
  g_test_add_func ("/import/workbook/date-systems", test_date_systems);
  g_test_add_func ("/import/workbook/numbers", test_numbers);
  g_test_add_func ("/import/workbook/inline-strings", test_inline_strings);
  g_test_add_func ("/import/workbook/total-row", test_total_row);
  g_test_add_func ("/import/workbook/hostile", test_hostile);
  g_test_add_func ("/import/workbook/csv-has-no-sheet", test_csv_has_no_sheet);
  g_test_add_func ("/import/workbook/column-map", test_column_map);

  return g_test_run ();
}
