/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-csv"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "import/ward-import-csv.h"
#include "support/ward-test.h"

/* The column table a register would give: the order of this table is the
 * order of the values ward_csv_mapping_parse_row() fills. */
enum { COL_NAME, COL_BIRTH, COL_AMOUNT, COL_MEMBER, COL_RATE, COL_COUNT, N_COLS };

static const char * const name_aliases[] = { "Full name", "Name", NULL };
static const char * const birth_aliases[] = { "Date of birth", NULL };
static const char * const amount_aliases[] = { "Amount", NULL };
static const char * const member_aliases[] = { "Party member", NULL };

static const WardCsvColumn columns[N_COLS] = {
  { "full_name", "Họ và tên", name_aliases, WARD_CSV_TEXT, TRUE },
  { "birth_date", "Ngày sinh", birth_aliases, WARD_CSV_DATE, TRUE },
  { "amount", "Số tiền", amount_aliases, WARD_CSV_MONEY, FALSE },
  { "member", "Đảng viên", member_aliases, WARD_CSV_BOOL, FALSE },
  { "rate", "Tỷ lệ", NULL, WARD_CSV_DECIMAL, FALSE },
  { "count", "Số người", NULL, WARD_CSV_INTEGER, FALSE },
};

static WardCsvTable *
read_sample (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  WardCsvTable *table = ward_csv_read_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpstr (ward_csv_table_get_display_name (table), ==, name);

  return table;
}

static WardCsvTable *
read_text (const char  *text,
           gssize       len,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return ward_csv_read_bytes (bytes, "test.csv", error);
}

static void
assert_row (WardCsvTable       *table,
            guint               row,
            guint               number,
            const char * const *expected)
{
  guint n_fields;
  const char * const *fields = ward_csv_table_get_row (table, row, &n_fields);

  g_assert_cmpuint (ward_csv_table_get_row_number (table, row), ==, number);
  g_assert_cmpuint (n_fields, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
  g_assert_null (fields[n_fields]);
}

static void
assert_no_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = ward_csv_issue_to_string (g_ptr_array_index (issues, i));

      g_test_message ("unexpected issue: %s", line);
    }
  g_assert_cmpuint (issues->len, ==, 0);
}

static const WardCsvIssue *
find_issue (GPtrArray  *issues,
            guint       row,
            const char *column)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = g_ptr_array_index (issues, i);

      if (issue->row == row && g_strcmp0 (issue->column, column) == 0)
        return issue;
    }

  return NULL;
}

/* The four "people" samples hold the same three people, written by
 * different programs. */
static void
check_people (WardCsvTable *table)
{
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  WardCsvValue values[N_COLS];

  assert_no_issues (issues);
  g_assert_cmpuint (ward_csv_mapping_get_n_records (mapping), ==, 3);

  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpstr (values[COL_NAME].text, ==, "Nguy\xe1\xbb\x85n V\xc4\x83n An");  /* NFC bytes */
  g_assert_cmpstr (values[COL_BIRTH].date, ==, "1990-02-05");
  g_assert_cmpint (values[COL_AMOUNT].money, ==, 1250000);
  g_assert_true (values[COL_MEMBER].boolean);
  g_assert_true (values[COL_RATE].empty);

  g_assert_true (ward_csv_mapping_parse_row (mapping, 1, values, issues));
  g_assert_cmpstr (values[COL_NAME].text, ==, "Trần Thị Bích Ngọc");
  g_assert_cmpstr (values[COL_BIRTH].date, ==, "1985-09-17");
  g_assert_cmpint (values[COL_AMOUNT].money, ==, 500000);
  g_assert_false (values[COL_MEMBER].boolean);

  g_assert_true (ward_csv_mapping_parse_row (mapping, 2, values, issues));
  g_assert_cmpstr (values[COL_NAME].text, ==, "Lê Quốc Đạt");
  g_assert_true (g_utf8_validate (values[COL_NAME].text, -1, NULL));
  g_assert_cmpint (values[COL_AMOUNT].money, ==, 0);
  g_assert_false (values[COL_AMOUNT].empty);
  g_assert_true (values[COL_MEMBER].boolean);
  g_assert_cmpuint (ward_csv_mapping_get_row_number (mapping, 2), ==, 4);

  assert_no_issues (issues);
}

/* ---- Encodings ---------------------------------------------------------- */

static void
test_utf8_bom (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("people-utf8-bom.csv");
  guint n_fields;
  const char * const *headers = ward_csv_table_get_row (table, 0, &n_fields);

  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (ward_csv_table_get_separator (table), ==, ',');
  /* The BOM is not part of the first header. */
  g_assert_cmpstr (headers[0], ==, "Họ và tên");
  check_people (table);
}

static void
test_utf8_semicolon (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("people-semicolon.csv");

  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF8);
  g_assert_cmpint (ward_csv_table_get_separator (table), ==, ';');
  check_people (table);
}

static void
test_utf16le_tab (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("people-utf16le.txt");

  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF16LE);
  g_assert_cmpint (ward_csv_table_get_separator (table), ==, '\t');
  check_people (table);
}

static void
test_utf16be (void)
{
  const char *text = "\xef\xbb\xbfHọ và tên\tNgày sinh\r\nLê Thị Hà\t01/02/2003\r\n";
  g_autofree char *utf16 = NULL;
  g_autoptr(WardCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  /* With a BOM (the converted U+FEFF) and, below, without one. */
  utf16 = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  table = read_text (utf16, len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF16BE);
  assert_row (table, 1, 2, (const char *[]) { "Lê Thị Hà", "01/02/2003", NULL });
  g_assert_cmpstr (ward_csv_table_get_row (table, 0, NULL)[0], ==, "Họ và tên");

  g_clear_pointer (&table, ward_csv_table_unref);
  table = read_text (utf16 + 2, len - 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF16BE);
  g_assert_cmpstr (ward_csv_table_get_row (table, 0, NULL)[0], ==, "Họ và tên");
}

static void
test_cp1258 (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("people-cp1258.csv");

  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_CP1258);
  /* Windows-1258 writes "ễ" as "ê" and a combining tilde: it must come back
   * as the one precomposed character. */
  check_people (table);
}

static void
test_nfd (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("people-nfd.csv");
  const char *header = ward_csv_table_get_row (table, 0, NULL)[0];

  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF8);
  g_assert_cmpstr (header, ==, "H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan");
  check_people (table);
}

/* Long rows of decomposed text, marks in either order, split across the
 * pieces the reader normalises one at a time: each field must equal what
 * g_utf8_normalize() makes of it alone. */
static void
test_nfc_long (void)
{
  static const char *words[] = {
    "Nguye\xcc\x82\xcc\x83n",           /* e + circumflex + tilde */
    "a\xcc\x82\xcc\xa3",                /* circumflex before dot below: ậ */
    "a\xcc\xa3\xcc\x82",                /* dot below before circumflex: ậ */
    "\xc3\xaa\xcc\x83",                 /* precomposed ê + tilde: ễ */
    "\xcc\x81x",                         /* a mark with nothing before it */
    "Vie\xcc\xa3\xcc\x82t Nam",
    "\xe1\x84\x80\xe1\x85\xa1",          /* Hangul jamo compose too */
    "plain",
  };
  g_autoptr(GString) text = g_string_new ("h\n");
  g_autoptr(WardCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) raw = NULL;
  guint n_fields;
  const char * const *fields;

  /* Three words to a field, so that fields run past a piece's length. */
  for (guint i = 0; i < 1500; i++)
    {
      g_string_append (text, words[(i * 7 + i / 5) % G_N_ELEMENTS (words)]);
      if (i % 3 == 2)
        g_string_append_c (text, ',');
    }

  table = read_text (text->str, text->len, &error);
  g_assert_no_error (error);
  fields = ward_csv_table_get_row (table, 1, &n_fields);

  raw = g_strsplit (text->str + 2, ",", -1);
  g_assert_cmpuint (n_fields, ==, g_strv_length (raw));
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *nfc = g_utf8_normalize (raw[i], -1, G_NORMALIZE_NFC);

      g_assert_cmpstr (fields[i], ==, nfc);
    }
}

static void
test_not_csv (void)
{
#define CASE(bytes) { bytes, sizeof (bytes) - 1 }
  static const struct
  {
    const char *bytes;
    gsize       len;
  } cases[] = {
    CASE ("PK\x03\x04\x14\x00\x06\x00"),                 /* .xlsx, .ods */
    CASE ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),  /* .xls */
    CASE ("a,b\n\x00\x01\x02,c\n"),                      /* binary */
    CASE ("\xef\xbb\xbf" "a,\xff\xfe\xfd\n"),             /* damaged UTF-8 */
    CASE ("\r\n,,\r\n  \r\n"),                          /* nothing in it */
    CASE ("\xff\xfe" "a\x00,"),                           /* damaged UTF-16 */
    CASE ("\x81\x8a,\x8d\n"),                            /* not Windows-1258 */
  };
#undef CASE

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WardCsvTable) table = read_text (cases[i].bytes, cases[i].len, &error);

      g_test_message ("case %u", i);
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_null (table);
      /* The message names the file. */
      g_assert_nonnull (strstr (error->message, "test.csv"));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = ward_csv_read_file ("/nonexistent/dir/x.csv", &error);

  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_assert_null (table);
}

/* ---- Separators and splitting ------------------------------------------- */

static void
test_separator_detection (void)
{
  static const struct
  {
    const char *text;
    char        separator;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    /* Decimal commas in a semicolon file. */
    { "Tên;Tỷ lệ\nAn;11,8\nBình;12,5\n", ';' },
    /* A comma inside quotes does not count. */
    { "\"Tên, họ\";Tiền\n\"An, Lê\";5\n", ';' },
    /* Money with grouping commas in a semicolon file. */
    { "Tên;Tiền;Ngày\nAn;1,250,000;1/1/2000\nBình;500,000;2/2/2000\n", ';' },
    /* A title line above the header. */
    { "DANH SÁCH\nTên;Tiền\nAn;5\nBình;6\n", ';' },
    { "DANH SÁCH, 2025\nTên\tTiền\tGhi chú\nAn\t5\t\nBình\t6\t\n", '\t' },
    /* One column: comma. */
    { "Tên\nAn\n", ',' },
    /* Excel's hint line wins. */
    { "sep=;\na,b;c\n", ';' },
    { "sep=\t\na,b\tc\n", '\t' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WardCsvTable) table = read_text (cases[i].text, -1, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpint (ward_csv_table_get_separator (table), ==, cases[i].separator);
    }
}

static void
test_sep_line (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("sep-line.csv");

  g_assert_cmpint (ward_csv_table_get_separator (table), ==, ';');
  g_assert_cmpuint (ward_csv_table_get_n_rows (table), ==, 2);
  /* Excel hides the hint: the header is row 1. */
  assert_row (table, 0, 1, (const char *[]) { "Họ và tên", "Số tiền", NULL });
  assert_row (table, 1, 2, (const char *[]) { "Nguyễn Văn An", "1.250.000", NULL });
}

static void
test_line_ends (void)
{
  const char *texts[] = {
    "a,b\r\n1,2\r\n3,4\r\n",
    "a,b\n1,2\n3,4\n",
    "a,b\r1,2\r3,4\r",
    "a,b\n1,2\r\n3,4",   /* mixed, no final line end */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WardCsvTable) table = read_text (texts[i], -1, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (ward_csv_table_get_n_rows (table), ==, 3);
      assert_row (table, 0, 1, (const char *[]) { "a", "b", NULL });
      assert_row (table, 1, 2, (const char *[]) { "1", "2", NULL });
      assert_row (table, 2, 3, (const char *[]) { "3", "4", NULL });
    }
}

static void
test_quoted (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("quoted.csv");

  g_assert_cmpuint (ward_csv_table_get_n_rows (table), ==, 4);
  assert_row (table, 1, 2, (const char *[]) {
    "Nguyễn Văn An", "Số 5, phố Lê Lợi", "Nói: \"Ủng hộ Cuba\"", NULL });
  /* A line break inside quotes stays in the value and starts no new row. */
  assert_row (table, 2, 3, (const char *[]) {
    "Trần Thị Bình", "Tổ 3\r\nkhu phố 2", "có khoảng trắng", NULL });
  /* Quoted spaces are kept; unquoted ones are trimmed. */
  assert_row (table, 3, 4, (const char *[]) { "  giữ khoảng trắng  ", ";x", "cuối", NULL });
}

static void
test_quote_quirks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = NULL;

  /* Spaces around quotes, text after a closing quote, a quote inside an
   * unquoted value, empty quoted values, a separator at the end. */
  table = read_text ("h1,h2,h3,h4\n"
                     "  \"a,b\"  , \"x\"y ,say \"hi\",\n"
                     "\"\",\"\"\"\",z,\n",
                     -1, &error);
  g_assert_no_error (error);
  assert_row (table, 1, 2, (const char *[]) { "a,b", "xy", "say \"hi\"", "", NULL });
  assert_row (table, 2, 3, (const char *[]) { "", "\"", "z", "", NULL });
  g_clear_pointer (&table, ward_csv_table_unref);

  /* A tone mark after the closing quote joins its letter: still NFC. */
  table = read_text ("h\n\"Tra\"\xcc\x80n\n", -1, &error);
  g_assert_no_error (error);
  assert_row (table, 1, 2, (const char *[]) { "Tr\xc3\xa0n", NULL });
}

static void
test_unclosed_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = NULL;

  table = read_text ("a,b\n1,2\n3,\"never closed\n4,5\n", -1, &error);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_null (table);
  g_assert_nonnull (strstr (error->message, "test.csv"));
  g_assert_nonnull (strstr (error->message, " 3 "));
}

static void
test_blank_rows (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("blank-rows.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = NULL;

  /* The blank row 3 and the blank rows at the end are dropped; the rows
   * keep the numbers Excel shows. */
  g_assert_cmpuint (ward_csv_table_get_n_rows (table), ==, 3);
  assert_row (table, 1, 2, (const char *[]) { "Nguyễn Văn An", "01/01/1990", NULL });
  assert_row (table, 2, 4, (const char *[]) { "Trần Thị Bình", "02/02/1991", NULL });

  mapping = ward_csv_map (table, columns, N_COLS, issues);
  g_assert_cmpuint (ward_csv_mapping_get_n_records (mapping), ==, 2);
  g_assert_cmpuint (ward_csv_mapping_validate (mapping, issues), ==, 0);
  assert_no_issues (issues);
}

/* ---- Headers ------------------------------------------------------------ */

static void
test_header_variants (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("headers.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  WardCsvValue values[N_COLS];

  g_assert_cmpstr (ward_csv_mapping_get_header (mapping, COL_NAME), ==, "ho   va ten");
  g_assert_cmpstr (ward_csv_mapping_get_header (mapping, COL_BIRTH), ==, "NGÀY SINH:");
  g_assert_cmpstr (ward_csv_mapping_get_header (mapping, COL_AMOUNT), ==, "Amount");
  g_assert_cmpstr (ward_csv_mapping_get_header (mapping, COL_MEMBER), ==, "ĐẢNG VIÊN");
  g_assert_cmpstr (ward_csv_mapping_get_header (mapping, COL_COUNT), ==, "Số người (người)");
  g_assert_null (ward_csv_mapping_get_header (mapping, COL_RATE));

  /* Two unknown columns: warnings, not errors. */
  g_assert_cmpuint (issues->len, ==, 2);
  g_assert_cmpuint (ward_csv_issues_count (issues, WARD_CSV_SEVERITY_WARNING), ==, 2);
  g_assert_nonnull (find_issue (issues, 1, "STT"));
  g_assert_nonnull (find_issue (issues, 1, "Ghi chú"));

  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpstr (values[COL_NAME].text, ==, "Nguyễn Văn An");
  g_assert_cmpstr (values[COL_BIRTH].date, ==, "1990-02-05");
  g_assert_cmpint (values[COL_AMOUNT].money, ==, 1250000);
  g_assert_true (values[COL_MEMBER].boolean);
  g_assert_cmpint (values[COL_COUNT].integer, ==, 3);
  g_assert_true (values[COL_RATE].empty);
  g_assert_cmpuint (issues->len, ==, 2);
}

static void
test_header_spellings (void)
{
  const char *spellings[] = {
    "Họ và tên", "HỌ VÀ TÊN", "Ho va ten", "họ   và tên", "Họ và tên:", " Họ và tên *",
    "HO VA TEN", "Full name", "FULL NAME", "name", "Họ và tên (ghi đầy đủ)",
    /* NFD, as macOS writes it. */
    "Ho\xcc\xa3 va\xcc\x80 te\xcc\x82n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *text = g_strdup_printf ("\"%s\",Ngày sinh\nAn,01/01/2000\n", spellings[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(WardCsvTable) table = read_text (text, -1, &error);
      g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
      g_autoptr(WardCsvMapping) mapping = NULL;

      g_test_message ("header “%s”", spellings[i]);
      g_assert_no_error (error);
      mapping = ward_csv_map (table, columns, N_COLS, issues);
      assert_no_issues (issues);
      g_assert_nonnull (ward_csv_mapping_get_header (mapping, COL_NAME));
    }
}

static void
test_header_missing (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("missing-column.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  const WardCsvIssue *issue;

  g_assert_cmpuint (issues->len, ==, 1);
  issue = find_issue (issues, 1, "Ngày sinh");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, WARD_CSV_SEVERITY_ERROR);
  g_assert_cmpstr (issue->file, ==, "missing-column.csv");

  /* The rows themselves are fine: the missing column is reported once. */
  g_assert_cmpuint (ward_csv_mapping_validate (mapping, issues), ==, 0);
  g_assert_cmpuint (issues->len, ==, 1);
}

static void
test_header_title_row (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("title-row.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  const WardCsvIssue *issue;
  WardCsvValue values[N_COLS];

  g_assert_cmpuint (ward_csv_mapping_get_n_records (mapping), ==, 1);
  g_assert_cmpuint (ward_csv_mapping_get_row_number (mapping, 0), ==, 4);
  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpint (values[COL_AMOUNT].money, ==, 100000);

  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->severity, ==, WARD_CSV_SEVERITY_WARNING);
  g_assert_cmpuint (issue->row, ==, 1);
  g_assert_cmpstr (issue->value, ==, "DANH SÁCH ỦNG HỘ NHÂN DÂN CUBA");
}

static void
test_header_repeated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = read_text ("Họ và tên,Ngày sinh,Name\nAn,01/01/2000,Bình\n",
                                             -1, &error);
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  WardCsvValue values[N_COLS];

  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_nonnull (find_issue (issues, 1, "Name"));
  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpstr (values[COL_NAME].text, ==, "An");
}

/* ---- Values ------------------------------------------------------------- */

static void
test_bad_rows (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("bad-rows.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  static const struct
  {
    guint       row;
    const char *column;
    const char *value;
  } expected[] = {
    { 3, "Ngày sinh", "31/02/1990" },
    { 4, "Số tiền", "1.25" },
    { 6, "Họ và tên", NULL },
    { 6, "Số tiền", "abc" },
    { 6, "Đảng viên", "ừ" },
    { 6, "Số người", "1.5" },
  };

  assert_no_issues (issues);
  /* Rows 3, 4 and 6 are bad; every bad cell is reported, not only the
   * first. Row 3 spans two lines of the file but is one row in Excel, and
   * the blank row 5 still counts. */
  g_assert_cmpuint (ward_csv_mapping_validate (mapping, issues), ==, 3);
  g_assert_cmpuint (issues->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (ward_csv_issues_count (issues, WARD_CSV_SEVERITY_ERROR), ==, issues->len);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WardCsvIssue *issue = find_issue (issues, expected[i].row, expected[i].column);

      g_test_message ("row %u, %s", expected[i].row, expected[i].column);
      g_assert_nonnull (issue);
      g_assert_cmpstr (issue->value, ==, expected[i].value);
      g_assert_cmpstr (issue->file, ==, "bad-rows.csv");
      g_assert_true (issue->message != NULL && issue->message[0] != '\0');
    }

  g_assert_cmpuint (ward_csv_mapping_get_row_number (mapping, 4), ==, 7);
}

static void
test_dates (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("dates.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  guint n_records = ward_csv_mapping_get_n_records (mapping);

  /* dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, d-m-yyyy, d.m.yyyy, Excel's serial. */
  g_assert_cmpuint (n_records, ==, 6);
  for (guint i = 0; i < n_records; i++)
    {
      WardCsvValue values[N_COLS];

      g_assert_true (ward_csv_mapping_parse_row (mapping, i, values, issues));
      g_test_message ("%s", values[COL_BIRTH].text);
      g_assert_cmpstr (values[COL_BIRTH].date, ==, "2026-02-05");
    }
  assert_no_issues (issues);
}

static void
test_money (void)
{
  g_autoptr(WardCsvTable) table = read_sample ("money.csv");
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = NULL;
  guint n_records;

  /* The birth date is required: the money sample has none. */
  mapping = ward_csv_map (table, columns, N_COLS, issues);
  g_assert_cmpuint (issues->len, ==, 1);
  g_ptr_array_set_size (issues, 0);

  n_records = ward_csv_mapping_get_n_records (mapping);
  g_assert_cmpuint (n_records, ==, 8);
  for (guint i = 0; i < n_records; i++)
    {
      WardCsvValue values[N_COLS];

      g_assert_true (ward_csv_mapping_parse_row (mapping, i, values, issues));
      g_test_message ("%s", values[COL_AMOUNT].text);
      g_assert_cmpint (values[COL_AMOUNT].money, ==, 1250000);
    }
  assert_no_issues (issues);
}

static void
test_integer_and_decimal (void)
{
  static const struct
  {
    const char *text;
    gboolean    ok;
    gint64      value;
  } integers[] = {
    { "7", TRUE, 7 }, { "-12", TRUE, -12 }, { "1.250", TRUE, 1250 }, { "1,250", TRUE, 1250 },
    { "1 250 000", TRUE, 1250000 }, { "\" 42 \"", TRUE, 42 },
    { "1.5", FALSE, 0 }, { "12.34.567", FALSE, 0 }, { "1,250.000", FALSE, 0 },
    { "abc", FALSE, 0 }, { "-", FALSE, 0 }, { "1.", FALSE, 0 }, { "99999999999999999999", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (integers); i++)
    {
      g_autofree char *text = g_strdup_printf ("Họ và tên;Ngày sinh;Số người;Tỷ lệ\n"
                                               "An;01/01/2000;%s;11,8\n", integers[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(WardCsvTable) table = read_text (text, -1, &error);
      g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
      g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
      WardCsvValue values[N_COLS];

      g_test_message ("“%s”", integers[i].text);
      g_assert_no_error (error);
      g_assert_cmpint (ward_csv_mapping_parse_row (mapping, 0, values, issues), ==,
                       integers[i].ok);
      g_assert_cmpfloat_with_epsilon (values[COL_RATE].decimal, 11.8, 1e-9);
      if (integers[i].ok)
        g_assert_cmpint (values[COL_COUNT].integer, ==, integers[i].value);
      else
        g_assert_nonnull (find_issue (issues, 2, "Số người"));
    }
}

static void
test_extra_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = read_text ("Họ và tên,Ngày sinh\n"
                                             "An,01/01/2000,,lạc chỗ\n"
                                             "Bình\n",
                                             -1, &error);
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, N_COLS, issues);
  WardCsvValue values[N_COLS];
  const WardCsvIssue *issue;

  /* A value beyond the last header: a warning, the row is still good. */
  g_assert_true (ward_csv_mapping_parse_row (mapping, 0, values, issues));
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->severity, ==, WARD_CSV_SEVERITY_WARNING);
  g_assert_cmpstr (issue->value, ==, "lạc chỗ");

  /* A short row: the missing required date is an error. */
  g_assert_false (ward_csv_mapping_parse_row (mapping, 1, values, issues));
  g_assert_nonnull (find_issue (issues, 3, "Ngày sinh"));
}

static void
test_issue_format (void)
{
  g_autoptr(WardCsvIssue) cell = ward_csv_issue_new (WARD_CSV_SEVERITY_ERROR, "members.csv", 7,
                                                     "Ngày sinh", "31/02/1990",
                                                     "This date does not exist.");
  g_autoptr(WardCsvIssue) quoted = ward_csv_issue_new (WARD_CSV_SEVERITY_ERROR, "m.csv", 7,
                                                       "Số tiền", "abc",
                                                       "“abc” is not an amount.");
  g_autoptr(WardCsvIssue) column = ward_csv_issue_new (WARD_CSV_SEVERITY_ERROR, "m.csv", 1,
                                                       "Ngày sinh", NULL, "Missing.");
  g_autoptr(WardCsvIssue) file = ward_csv_issue_new (WARD_CSV_SEVERITY_ERROR, "m.csv", 0,
                                                     NULL, NULL, "Empty.");
  g_autoptr(WardCsvIssue) lines = ward_csv_issue_new (WARD_CSV_SEVERITY_WARNING, "m.csv", 3,
                                                      NULL, "Tổ 3\r\nkhu 2", "Ignored.");
  g_autofree char *s1 = ward_csv_issue_to_string (cell);
  g_autofree char *s2 = ward_csv_issue_to_string (quoted);
  g_autofree char *s3 = ward_csv_issue_to_string (column);
  g_autofree char *s4 = ward_csv_issue_to_string (file);
  g_autofree char *s5 = ward_csv_issue_to_string (lines);

  g_assert_cmpstr (s1, ==, "members.csv, row 7, column «Ngày sinh»: “31/02/1990” — "
                           "This date does not exist.");
  /* The parsers' messages quote the value already: not twice. */
  g_assert_cmpstr (s2, ==, "m.csv, row 7, column «Số tiền»: “abc” is not an amount.");
  g_assert_cmpstr (s3, ==, "m.csv, row 1, column «Ngày sinh»: Missing.");
  g_assert_cmpstr (s4, ==, "m.csv: Empty.");
  /* One line, whatever the value holds. */
  g_assert_cmpstr (s5, ==, "m.csv, row 3: “Tổ 3  khu 2” — Ignored.");
}

/* ---- Writing ------------------------------------------------------------ */

static char *
write_to_memory (void (*fill) (WardCsvWriter *writer),
                 gsize *len)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(WardCsvWriter) writer = ward_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;

  fill (writer);
  g_assert_true (ward_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  *len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
fill_quoting (WardCsvWriter *writer)
{
  ward_csv_writer_add_text (writer, "plain");
  ward_csv_writer_add_text (writer, "a,b");
  ward_csv_writer_add_text (writer, "say \"hi\"");
  ward_csv_writer_add_text (writer, "two\nlines");
  ward_csv_writer_add_text (writer, " padded ");
  ward_csv_writer_add_text (writer, NULL);
  ward_csv_writer_end_row (writer);
  ward_csv_writer_add_date (writer, "2026-02-05");
  ward_csv_writer_add_money (writer, 1250000);
  ward_csv_writer_add_money (writer, -500);
  ward_csv_writer_add_decimal (writer, 11.8, 2);
  ward_csv_writer_add_decimal (writer, 12.0, 2);
  ward_csv_writer_add_bool (writer, TRUE);
  ward_csv_writer_add_bool (writer, FALSE);
  ward_csv_writer_add_integer (writer, 42);
  ward_csv_writer_add_text (writer, "=HYPERLINK(\"x\")");
}

static void
test_writer_bytes (void)
{
  gsize len;
  g_autofree char *data = write_to_memory (fill_quoting, &len);
  const char *expected =
    "\xef\xbb\xbf"
    "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded \",\r\n"
    "05/02/2026,1250000,-500,\"11,8\",12,x,,42,\"'=HYPERLINK(\"\"x\"\")\"\r\n";

  g_assert_cmpmem (data, len, expected, strlen (expected));
}

static const char *round_trip_names[] = {
  "Nguyễn Văn An", "Lê, Thị \"Bé\"", "  khoảng trắng  ", "Tổ 3\r\nkhu phố 2",
  "=1+2", "'=quoted", "-", "+84 912 345 678", "sep=;", "a;b\tc",
};

static void
fill_round_trip (WardCsvWriter *writer)
{
  ward_csv_writer_add_header (writer, columns, N_COLS);
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_names); i++)
    {
      g_autofree char *iso = g_strdup_printf ("20%02u-%02u-%02u", i, i + 1, i + 10);

      ward_csv_writer_add_text (writer, round_trip_names[i]);
      ward_csv_writer_add_date (writer, iso);
      ward_csv_writer_add_money (writer, (gint64) i * 1250000 - 3);
      ward_csv_writer_add_bool (writer, i % 2);
      ward_csv_writer_add_decimal (writer, i * 1.25 - 2, 2);
      ward_csv_writer_add_integer (writer, (gint64) i * 1000);
      ward_csv_writer_end_row (writer);
    }
}

static void
test_writer_round_trip (void)
{
  g_autofree char *dir = ward_test_make_dir ("import-csv");
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(WardCsvWriter) writer = ward_csv_writer_new_for_path (path, WARD_OUTPUT_REPLACE);
  g_autoptr(WardCsvTable) table = NULL;
  g_autoptr(WardCsvMapping) mapping = NULL;
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(GError) error = NULL;

  fill_round_trip (writer);
  g_assert_true (ward_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);

  table = ward_csv_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ward_csv_table_get_encoding (table), ==, WARD_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpint (ward_csv_table_get_separator (table), ==, ',');
  mapping = ward_csv_map (table, columns, N_COLS, issues);
  g_assert_cmpuint (ward_csv_mapping_get_n_records (mapping), ==,
                    G_N_ELEMENTS (round_trip_names));

  for (guint i = 0; i < G_N_ELEMENTS (round_trip_names); i++)
    {
      g_autofree char *iso = g_strdup_printf ("20%02u-%02u-%02u", i, i + 1, i + 10);
      WardCsvValue values[N_COLS];

      g_assert_true (ward_csv_mapping_parse_row (mapping, i, values, issues));
      g_assert_cmpstr (values[COL_NAME].text, ==, round_trip_names[i]);
      g_assert_cmpstr (values[COL_BIRTH].date, ==, iso);
      g_assert_cmpint (values[COL_AMOUNT].money, ==, (gint64) i * 1250000 - 3);
      g_assert_cmpint (values[COL_MEMBER].boolean, ==, i % 2);
      g_assert_cmpfloat_with_epsilon (values[COL_RATE].decimal, i * 1.25 - 2, 1e-9);
      g_assert_cmpint (values[COL_COUNT].integer, ==, (gint64) i * 1000);
      g_assert_cmpuint (ward_csv_mapping_get_row_number (mapping, i), ==, i + 2);
    }
  assert_no_issues (issues);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_writer_atomic (void)
{
  g_autofree char *dir = ward_test_make_dir ("import-csv");
  g_autofree char *path = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  WardCsvWriter *writer;
  GDir *listing;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* Abandoned half way: the old file stays as it was. */
  writer = ward_csv_writer_new_for_path (path, WARD_OUTPUT_REPLACE);
  ward_csv_writer_add_text (writer, "new");
  ward_csv_writer_end_row (writer);
  ward_csv_writer_free (writer);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* Cancelled: the same. */
  writer = ward_csv_writer_new_for_path (path, WARD_OUTPUT_REPLACE);
  ward_csv_writer_add_text (writer, "new");
  g_cancellable_cancel (cancellable);
  g_assert_false (ward_csv_writer_close (writer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  ward_csv_writer_free (writer);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* A folder that does not exist: an error, and nothing written. */
  writer = ward_csv_writer_new_for_path (missing, WARD_OUTPUT_REPLACE);
  ward_csv_writer_add_text (writer, "new");
  g_assert_false (ward_csv_writer_close (writer, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  ward_csv_writer_free (writer);

  /* Closed: the whole new file, and no temporary file left beside it. */
  writer = ward_csv_writer_new_for_path (path, WARD_OUTPUT_REPLACE);
  ward_csv_writer_add_text (writer, "new");
  g_assert_true (ward_csv_writer_close (writer, NULL, &error));
  g_assert_no_error (error);
  ward_csv_writer_free (writer);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "\xef\xbb\xbfnew\r\n");

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "export.csv");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fill_large (WardCsvWriter *writer)
{
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người thứ %u", i);

      ward_csv_writer_add_text (writer, name);
      ward_csv_writer_add_money (writer, i);
      ward_csv_writer_end_row (writer);
    }
}

static void
test_writer_large_stream (void)
{
  gsize len;
  g_autofree char *data = write_to_memory (fill_large, &len);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = ward_csv_read_bytes (bytes, "large.csv", &error);

  /* More than the writer's buffer: flushed in pieces, nothing lost. */
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 64 * 1024);
  g_assert_cmpuint (ward_csv_table_get_n_rows (table), ==, 5000);
  assert_row (table, 4999, 5000, (const char *[]) { "Người thứ 4999", "4999", NULL });
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/encoding/utf8-bom", test_utf8_bom);
  g_test_add_func ("/csv/encoding/utf8-semicolon", test_utf8_semicolon);
  g_test_add_func ("/csv/encoding/utf16le-tab", test_utf16le_tab);
  g_test_add_func ("/csv/encoding/utf16be", test_utf16be);
  g_test_add_func ("/csv/encoding/cp1258", test_cp1258);
  g_test_add_func ("/csv/encoding/nfd", test_nfd);
  g_test_add_func ("/csv/encoding/nfc-long", test_nfc_long);
  g_test_add_func ("/csv/encoding/not-csv", test_not_csv);
  g_test_add_func ("/csv/encoding/missing-file", test_missing_file);
  g_test_add_func ("/csv/split/separator", test_separator_detection);
  g_test_add_func ("/csv/split/sep-line", test_sep_line);
  g_test_add_func ("/csv/split/line-ends", test_line_ends);
  g_test_add_func ("/csv/split/quoted", test_quoted);
  g_test_add_func ("/csv/split/quote-quirks", test_quote_quirks);
  g_test_add_func ("/csv/split/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/csv/split/blank-rows", test_blank_rows);
  g_test_add_func ("/csv/header/variants", test_header_variants);
  g_test_add_func ("/csv/header/spellings", test_header_spellings);
  g_test_add_func ("/csv/header/missing", test_header_missing);
  g_test_add_func ("/csv/header/title-row", test_header_title_row);
  g_test_add_func ("/csv/header/repeated", test_header_repeated);
  g_test_add_func ("/csv/values/bad-rows", test_bad_rows);
  g_test_add_func ("/csv/values/dates", test_dates);
  g_test_add_func ("/csv/values/money", test_money);
  g_test_add_func ("/csv/values/integer-decimal", test_integer_and_decimal);
  g_test_add_func ("/csv/values/extra", test_extra_values);
  g_test_add_func ("/csv/issue/format", test_issue_format);
  g_test_add_func ("/csv/writer/bytes", test_writer_bytes);
  g_test_add_func ("/csv/writer/round-trip", test_writer_round_trip);
  g_test_add_func ("/csv/writer/atomic", test_writer_atomic);
  g_test_add_func ("/csv/writer/large-stream", test_writer_large_stream);

  return g_test_run ();
}
