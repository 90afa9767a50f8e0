/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-workbook"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "import/ward-import-workbook.h"
#include "import/ward-import.h"
#include "registers/ward-registers.h"
#include "support/ward-test.h"

/* Issue 20: the ledger of 100,000 receipts imported from an Excel workbook
 * beside the same rows from CSV, in one run. Each file is read and imported
 * whole (one transaction) into a new file, three times; the median is
 * printed with the fastest and slowest. A benchmark prints figures and
 * never fails on them:
 *
 *   meson test -C BUILD --benchmark --verbose import-workbook
 *
 * The workbook is written here as Excel writes one (shared strings, dates
 * as serial numbers with a date style); the readers, not this writer, are
 * what is measured. */

#define N_RECEIPTS 100000
#define N_RUNS 3
/* 18/09/2025, inside the seeded campaign (17/09 – 16/10/2025). */
#define FIRST_DAY 45918

typedef struct
{
  char  number[16];
  int   serial;
  char  donor[64];
  char  group[32];
  gint64 amount;
  gboolean transfer;
} Receipt;

static void
make_receipt (guint    i,
              Receipt *r)
{
  static const char *family[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi" };
  static const char *given[] = { "Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Minh Đức", "Thu Hà" };

  g_snprintf (r->number, sizeof r->number, "%06u", i + 1);
  r->serial = FIRST_DAY + (int) (i % 29);
  g_snprintf (r->donor, sizeof r->donor, "%s %s %u", family[i % G_N_ELEMENTS (family)],
              given[i % G_N_ELEMENTS (given)], i);
  g_snprintf (r->group, sizeof r->group, "Tổ dân phố %u", i % 12 + 1);
  r->amount = 10000 * (1 + i % 50);
  r->transfer = i % 4 == 0;
}

static void
write_csv (const char *path)
{
  GString *text = g_string_new ("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,"
                                "Hình thức,Mã giao dịch\r\n");

  for (guint i = 0; i < N_RECEIPTS; i++)
    {
      Receipt r;
      g_autoptr (GDate) date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);

      make_receipt (i, &r);
      g_date_add_days (date, (guint) r.serial);
      g_string_append_printf (text, "%s,%02d/%02d/%04d,%s,%s,%" G_GINT64_FORMAT ",%s,%s\r\n",
                              r.number, g_date_get_day (date), g_date_get_month (date),
                              g_date_get_year (date), r.donor, r.group, r.amount,
                              r.transfer ? "Chuyển khoản" : "Tiền mặt",
                              r.transfer ? r.number : "");
    }
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_string_free (text, TRUE);
}

/* The shared strings: each text once, its index in @index. */
static guint
share (GHashTable *index,
       GString    *strings,
       const char *text)
{
  gpointer found;
  guint n;
  g_autofree char *escaped = NULL;

  if (g_hash_table_lookup_extended (index, text, NULL, &found))
    return GPOINTER_TO_UINT (found);
  n = g_hash_table_size (index);
  g_hash_table_insert (index, g_strdup (text), GUINT_TO_POINTER (n));
  escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (strings, "<si><t>%s</t></si>", escaped);
  return n;
}

static void
add_row (GString    *sheet,
         GHashTable *index,
         GString    *strings,
         guint       number,
         const char *const cells[7],
         int         serial,
         gint64      amount)
{
  g_string_append_printf (sheet, "<row r=\"%u\">", number);
  for (guint c = 0; c < 7; c++)
    {
      char column = (char) ('A' + c);

      if (c == 1 && serial > 0)
        g_string_append_printf (sheet, "<c r=\"%c%u\" s=\"1\"><v>%d</v></c>", column, number, serial);
      else if (c == 4 && amount > 0)
        g_string_append_printf (sheet, "<c r=\"%c%u\"><v>%" G_GINT64_FORMAT "</v></c>", column,
                                number, amount);
      else if (cells[c] != NULL && cells[c][0] != '\0')
        g_string_append_printf (sheet, "<c r=\"%c%u\" t=\"s\"><v>%u</v></c>", column, number,
                                share (index, strings, cells[c]));
    }
  g_string_append (sheet, "</row>");
}

static void
add_entry (struct archive *zip,
           const char     *name,
           GString        *text)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) text->len);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (zip, text->str, text->len), ==, (la_ssize_t) text->len);
  archive_entry_free (entry);
}

static void
write_xlsx (const char *path)
{
  const char *header[7] = { "Số biên lai", "Ngày", "Người ủng hộ", "Đơn vị / Tổ dân phố", "Số tiền",
                            "Hình thức", "Mã giao dịch" };
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *sheet = g_string_new ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
  GString *strings = g_string_new (NULL);
  GString *parts[4];
  struct archive *zip = archive_write_new ();

  add_row (sheet, index, strings, 1, header, 0, 0);
  for (guint i = 0; i < N_RECEIPTS; i++)
    {
      Receipt r;
      const char *cells[7];

      make_receipt (i, &r);
      cells[0] = r.number, cells[1] = NULL, cells[2] = r.donor, cells[3] = r.group;
      cells[4] = NULL, cells[5] = r.transfer ? "Chuyển khoản" : "Tiền mặt";
      cells[6] = r.transfer ? r.number : NULL;
      add_row (sheet, index, strings, i + 2, cells, r.serial, r.amount);
    }
  g_string_append (sheet, "</sheetData></worksheet>");
  parts[0] = g_string_new ("<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                           "<sheets><sheet name=\"Thu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  parts[1] = g_string_new ("<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  parts[2] = g_string_new ("<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                           "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>");
  parts[3] = g_string_new (NULL);
  g_string_printf (parts[3], "<sst>%s</sst>", strings->str);

  archive_write_set_format_zip (zip);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  add_entry (zip, "xl/workbook.xml", parts[0]);
  add_entry (zip, "xl/_rels/workbook.xml.rels", parts[1]);
  add_entry (zip, "xl/styles.xml", parts[2]);
  add_entry (zip, "xl/sharedStrings.xml", parts[3]);
  add_entry (zip, "xl/worksheets/sheet1.xml", sheet);
  archive_write_close (zip);
  archive_write_free (zip);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_string_free (parts[i], TRUE);
  g_string_free (sheet, TRUE);
  g_string_free (strings, TRUE);
}

/* Seconds to read @path and import it whole into a new file in @dir; the
 * reading alone in @read_s. */
static double
import_once (const char *dir,
             guint       run,
             const char *path,
             double     *read_s)
{
  g_autofree char *sub = g_strdup_printf ("%s/run-%u-%s", dir, run, strrchr (path, '.') + 1);
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (WardImportResult) result = { 0 };
  gint64 start;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  store = ward_test_new_store (sub, NULL);
  start = g_get_monotonic_time ();
  table = ward_import_read_file (path, NULL, &error);
  g_assert_no_error (error);
  *read_s = (g_get_monotonic_time () - start) / 1e6;
  g_assert_true (ward_import_run (store, ward_registers_import_kind ("donations"), table, NULL,
                                  FALSE, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, N_RECEIPTS);
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
measure (const char *dir,
         const char *label,
         const char *path)
{
  double total[N_RUNS], reading[N_RUNS];
  struct stat st;

  for (guint run = 0; run < N_RUNS; run++)
    total[run] = import_once (dir, run, path, &reading[run]);
  qsort (total, N_RUNS, sizeof (double), compare_doubles);
  qsort (reading, N_RUNS, sizeof (double), compare_doubles);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  printf ("%-34s %7.1f MB  read %6.2f s  read+import %6.2f s (min %.2f, max %.2f)\n", label,
          st.st_size / 1e6, reading[N_RUNS / 2], total[N_RUNS / 2], total[0], total[N_RUNS - 1]);
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = ward_test_make_dir ("bench-workbook");
  g_autofree char *csv = g_build_filename (dir, "donations.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "donations.xlsx", NULL);

  setlocale (LC_ALL, "");
  write_csv (csv);
  write_xlsx (xlsx);
  printf ("Import of %u receipts into a new file, median of %u runs:\n", N_RECEIPTS, N_RUNS);
  measure (dir, "CSV (UTF-8)", csv);
  measure (dir, "Excel workbook (.xlsx)", xlsx);
  ward_test_remove_tree (dir);
  return 0;
}
