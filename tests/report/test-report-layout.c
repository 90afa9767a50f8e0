/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "test-report-layout"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "report/ward-report-private.h"
#include "report/ward-report.h"
#include "support/ward-test.h"

/* The report engine checked from outside, the way a reader of its PDFs sees
 * them: poppler's pdftotext, pdfinfo and pdffonts read what was written. */

#define N_ROWS        5000
#define MM            (72.0 / 25.4)
#define RULE_TOP    (25 * MM)
#define RULE_LEFT   (35 * MM)
#define RULE_RIGHT  (15 * MM)
#define SLACK         2.0   /* pdftotext boxes glyphs by the font's ascent and descent */

#define NAME_HEADER   "Họ và tên người ủng hộ"
#define PARTY_TITLE     "Báo cáo"
#define PARTY_ABSTRACT  "kết quả thực hiện các chỉ tiêu Nghị quyết"
#define FRONT_TITLE     "Danh sách"
#define FRONT_ABSTRACT  "công khai ủng hộ Nhân dân Cuba"
#define CHAIN_HASH    "3f9a0c5be2d14f7788a1c0de5b2e9f4410c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9"

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  double x_min, y_min, x_max, y_max;
  char  *text;
} Word;

typedef struct
{
  double  width;
  double  height;
  GArray *words;   /* Word */
} Page;

/* Helpers */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ward_test_make_dir ("report-layout");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ward_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

  return ward_test_run_tool (argv);
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

static int
pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = ward_test_run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);

  return atoi (pages + strlen ("\nPages:"));
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_array_unref (page->words);
}

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Every word of the PDF with its box, page by page (pdftotext -bbox). */
static GArray *
pdf_words (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-", NULL };
  g_autofree char *html = ward_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit_set (html, "\n", -1);
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  Page *page = NULL;

  g_array_set_clear_func (pages, page_clear);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      Word word;
      int end = 0;

      if (g_str_has_prefix (line, "<page "))
        {
          Page fresh = { 0, 0, g_array_new (FALSE, FALSE, sizeof (Word)) };

          g_array_set_clear_func (fresh.words, word_clear);
          g_assert_cmpint (sscanf (line, "<page width=\"%lf\" height=\"%lf\"",
                                   &fresh.width, &fresh.height), ==, 2);
          g_array_append_val (pages, fresh);
          page = &g_array_index (pages, Page, pages->len - 1);
        }
      else if (sscanf (line, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%n",
                       &word.x_min, &word.y_min, &word.x_max, &word.y_max, &end) == 4
               && end > 0)
        {
          const char *close = strstr (line + end, "</word>");

          g_assert_nonnull (page);
          g_assert_nonnull (close);
          word.text = g_strndup (line + end, close - (line + end));
          g_array_append_val (page->words, word);
        }
    }

  return pages;
}

static const Word *
find_word (const Page *page,
           const char *text)
{
  for (guint i = 0; i < page->words->len; i++)
    {
      const Word *word = &g_array_index (page->words, Word, i);

      if (g_strcmp0 (word->text, text) == 0)
        return word;
    }

  return NULL;
}

/* The reports */

static void
add_donor_rows (WardReportTable *table,
                guint            n_rows,
                gboolean         groups)
{
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *nr = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("Nguyễn Thị Hằng %05u", i);
      g_autofree char *address = g_strdup_printf ("Khu phố %u, phường Đông Sơn", i % 17 + 1);
      g_autofree char *amount = g_strdup_printf ("%u.000", 50 + i % 950);
      const char *cells[] = { nr, name, address, amount };

      if (groups && i % 500 == 1)
        {
          g_autofree char *group = g_strdup_printf ("Chi hội Khu phố số %u", i / 500 + 1);

          ward_report_table_add_group_row (table, group);
        }

      ward_report_table_add_row (table, cells);
    }
}

static WardReportTable *
add_donor_table (WardReport *report,
                 gboolean    groups)
{
  WardReportTable *table = ward_report_add_table (report, 4);
  const char *total[] = { NULL, "Tổng cộng", NULL, "2.497.500.000" };

  ward_report_table_set_column (table, 0, "STT", 1, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, NAME_HEADER, 5, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Địa chỉ", 5, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 3, "Số tiền\n(đồng)", 3, WARD_REPORT_ALIGN_RIGHT);
  add_donor_rows (table, N_ROWS, groups);
  ward_report_table_add_total_row (table, total);

  return table;
}

static WardReport *
party_report_new (void)
{
  WardReport *report = ward_report_new ();
  const char *recipients[] = { "- Ban Thường vụ Tỉnh ủy,", "- Các chi bộ trực thuộc,",
                               "- Lưu Văn phòng Đảng ủy.", NULL };
  const char *signature[] = { "T/M ĐẢNG ỦY", "BÍ THƯ", NULL };
  g_autofree char *place_date = ward_report_format_place_date_iso ("Đông Sơn", "2026-02-05");

  ward_report_set_header (report, WARD_REPORT_HEADER_PARTY, "ĐẢNG BỘ TỈNH THANH HÓA",
                          "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN", "Số 12-BC/ĐU", place_date);
  ward_report_set_title (report, PARTY_TITLE);
  ward_report_set_abstract (report, PARTY_ABSTRACT);
  ward_report_set_subtitle (report, "Năm 2026", WARD_REPORT_STYLE_BOLD);
  ward_report_add_heading (report, "I. KẾT QUẢ THỰC HIỆN");
  ward_report_add_paragraph (report, "Thực hiện Nghị quyết Đại hội <b>Đảng bộ phường</b> lần "
                             "thứ I, nhiệm kỳ 2025 – 2030, Đảng ủy phường báo cáo kết quả "
                             "thực hiện các chỉ tiêu chủ yếu như sau:");
  ward_report_add_key_value (report, "Tổng số người ủng hộ", "5.000 người");
  add_donor_table (report, FALSE);
  ward_report_set_recipients (report, recipients);
  ward_report_set_signature (report, signature, "Lê Văn Thành");

  return report;
}

static WardReport *
front_report_new (void)
{
  WardReport *report = ward_report_new ();
  const char *recipients[] = { "- Ban Thường trực UBMTTQ tỉnh,", "- Lưu.", NULL };
  const char *signature[] = { "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", NULL };
  g_autoptr(GDate) date = g_date_new_dmy (17, G_DATE_SEPTEMBER, 2025);
  g_autofree char *place_date = ward_report_format_place_date ("Đông Sơn", date);

  ward_report_set_orientation (report, WARD_REPORT_LANDSCAPE);
  ward_report_set_header (report, WARD_REPORT_HEADER_STATE, "ỦY BAN MTTQ VIỆT NAM",
                          "PHƯỜNG ĐÔNG SƠN", NULL, place_date);
  ward_report_set_title (report, FRONT_TITLE);
  ward_report_set_abstract (report, FRONT_ABSTRACT);
  ward_report_set_subtitle (report, "<i>(Kỷ niệm 65 năm quan hệ ngoại giao Việt Nam – Cuba)</i>",
                            WARD_REPORT_STYLE_NORMAL);
  add_donor_table (report, TRUE);
  ward_report_set_recipients (report, recipients);
  ward_report_set_signature (report, signature, "Trần Thị Mai");
  ward_report_set_closing (report, "Mã kiểm tra sổ quỹ: <span size=\"8192\">" CHAIN_HASH "</span>");

  return report;
}

static char *
write_report (Fixture    *fixture,
              WardReport *report,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (ward_report_write_pdf (report, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);

  return path;
}

/* Checks shared by both reports */

static void
assert_composed (const char *text,
                 const char *expected)
{
  g_autofree char *nfc = g_utf8_normalize (expected, -1, G_NORMALIZE_NFC);

  if (strstr (text, nfc) == NULL)
    g_error ("“%s” is not in the PDF's text", expected);
}

/* Every page that holds rows has the header row once; every row is there
 * once, in order. */
static void
assert_table_pages (const char *text,
                    int         n_pages)
{
  g_auto(GStrv) pages = g_strsplit_set (text, "\f", -1);
  guint next_row = 1;
  guint pages_with_rows = 0;

  /* pdftotext ends every page with a form feed */
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);

  for (int p = 0; p < n_pages; p++)
    {
      guint first_row = next_row;
      const char *mark;

      for (mark = strstr (pages[p], "Hằng "); mark != NULL; mark = strstr (mark + 1, "Hằng "))
        {
          guint row = (guint) g_ascii_strtoull (mark + strlen ("Hằng "), NULL, 10);

          g_assert_cmpuint (row, ==, next_row);
          next_row++;
        }

      if (next_row > first_row)
        {
          pages_with_rows++;
          g_assert_cmpuint (count_substrings (pages[p], NAME_HEADER), ==, 1);
        }
      else
        g_assert_cmpuint (count_substrings (pages[p], NAME_HEADER), ==, 0);
    }

  g_assert_cmpuint (next_row, ==, N_ROWS + 1);
  g_assert_cmpuint (pages_with_rows, >=, n_pages - 1);
  g_assert_cmpuint (pages_with_rows, >, 50);
}

/* Page numbers centred in the top margin from page 2; everything else inside
 * the margins. */
static void
assert_margins_and_numbers (GArray *pages,
                            double  page_width,
                            double  page_height)
{
  for (guint p = 0; p < pages->len; p++)
    {
      const Page *page = &g_array_index (pages, Page, p);
      g_autofree char *number = g_strdup_printf ("%u", p + 1);
      guint in_top_margin = 0;

      g_assert_cmpfloat_with_epsilon (page->width, page_width, 0.5);
      g_assert_cmpfloat_with_epsilon (page->height, page_height, 0.5);

      for (guint i = 0; i < page->words->len; i++)
        {
          const Word *word = &g_array_index (page->words, Word, i);
          double text_centre = RULE_LEFT + (page_width - RULE_LEFT - RULE_RIGHT) / 2;

          g_assert_cmpfloat (word->x_min, >=, RULE_LEFT - SLACK);
          g_assert_cmpfloat (word->x_max, <=, page_width - RULE_RIGHT + SLACK);
          g_assert_cmpfloat (word->y_max, <=, page_height - RULE_TOP + SLACK);

          if (word->y_max < RULE_TOP)
            {
              in_top_margin++;
              g_assert_cmpstr (word->text, ==, number);
              g_assert_cmpfloat_with_epsilon ((word->x_min + word->x_max) / 2, text_centre, 1);
            }
          else
            g_assert_cmpfloat (word->y_min, >=, RULE_TOP - SLACK);
        }

      g_assert_cmpuint (in_top_margin, ==, p == 0 ? 0 : 1);
    }
}

static gboolean
is_serif (const char *font_line)
{
  return strstr (font_line, "+LiberationSerif") != NULL;
}

/* Every font in the PDF is the project's serif, embedded: a report never
 * takes what the machine offers (DejaVu and the like). */
static void
assert_serif_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = ward_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit_set (out, "\n", -1);
  gsize emb_column = 0;
  guint serif_fonts = 0;

  g_assert_cmpuint (g_strv_length (lines), >=, 3);

  /* name type encoding emb sub uni object ID; the dashes give the columns */
  for (guint dash = 0, col = 0; lines[1][col] != '\0'; col++)
    if (lines[1][col] == '-' && (col == 0 || lines[1][col - 1] == ' ') && ++dash == 4)
      emb_column = col;
  g_assert_cmpuint (emb_column, >, 0);

  for (guint i = 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (!is_serif (lines[i]))
        g_error ("%s uses a font other than Liberation Serif:\n%s", pdf, lines[i]);

      serif_fonts++;
      g_assert_cmpuint (strlen (lines[i]), >, emb_column + 3);
      g_assert_true (g_str_has_prefix (lines[i] + emb_column, "yes"));
    }

  g_assert_cmpuint (serif_fonts, >=, 3);  /* regular, bold and italic at least */
}

/* Tests */

static void
test_place_date (void)
{
  const struct
  {
    const char *place;
    const char *iso;
    const char *expected;
  } cases[] = {
    { "Đông Sơn", "2026-02-05", "Đông Sơn, ngày 05 tháng 02 năm 2026" },
    { "Đông Sơn", "2026-01-31", "Đông Sơn, ngày 31 tháng 01 năm 2026" },
    { "Hà Nội", "2018-04-03", "Hà Nội, ngày 03 tháng 4 năm 2018" },
    { "Đông Sơn", "2025-09-17", "Đông Sơn, ngày 17 tháng 9 năm 2025" },
    { "Đông Sơn", "2025-12-01", "Đông Sơn, ngày 01 tháng 12 năm 2025" },
    { NULL, "2026-02-05", "Ngày 05 tháng 02 năm 2026" },
    { "Đông Sơn", "2026-02-30", NULL },
    { "Đông Sơn", "05/02/2026", NULL },
    { "Đông Sơn", "2026-02-05x", NULL },
    { "Đông Sơn", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ward_report_format_place_date_iso (cases[i].place, cases[i].iso);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_party_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WardReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) pages = NULL;
  const Page *first;
  const Word *heading, *parent, *date, *title;
  double width, height;
  int n_pages;

  if (!ward_test_have_poppler ())
    return;

  report = party_report_new ();
  pdf = write_report (fixture, report, "party.pdf");
  n_pages = pdf_n_pages (pdf);
  g_assert_cmpint (n_pages, ==, ward_report_get_n_pages (report));

  text = pdf_text (pdf);
  /* Line by line: GLib's normalisation moves the rest of its buffer for
   * every letter it composes, which under AddressSanitizer takes minutes
   * on a whole document. */
  lines = g_strsplit_set (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *nfc = g_utf8_normalize (lines[i], -1, G_NORMALIZE_NFC);

      g_assert_cmpstr (lines[i], ==, nfc);
    }
  assert_composed (text, "ĐẢNG CỘNG SẢN VIỆT NAM");
  assert_composed (text, "ĐẢNG BỘ TỈNH THANH HÓA");
  assert_composed (text, "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN");
  assert_composed (text, "Số 12-BC/ĐU");
  assert_composed (text, "Đông Sơn, ngày 05 tháng 02 năm 2026");
  assert_composed (text, "BÁO CÁO");
  assert_composed (text, PARTY_ABSTRACT);
  assert_composed (text, "Nơi nhận:");
  assert_composed (text, "T/M ĐẢNG ỦY");
  assert_composed (text, "Lê Văn Thành");
  assert_composed (text, "Tổng cộng");
  assert_composed (text, "2.497.500.000");
  assert_table_pages (text, n_pages);

  pages = pdf_words (pdf);
  g_assert_cmpuint (pages->len, ==, n_pages);
  ward_report_get_page_size (report, &width, &height);
  g_assert_cmpfloat (width, <, height);
  assert_margins_and_numbers (pages, width, height);
  assert_serif_embedded (pdf);

  /* Top left the bodies, top right the party's name over the date. */
  first = &g_array_index (pages, Page, 0);
  heading = find_word (first, "CỘNG");
  parent = find_word (first, "TỈNH");
  date = find_word (first, "tháng");
  title = find_word (first, "BÁO");
  g_assert_nonnull (heading);
  g_assert_nonnull (parent);
  g_assert_nonnull (date);
  g_assert_nonnull (title);
  g_assert_cmpfloat (parent->x_max, <, RULE_LEFT + 0.45 * (width - RULE_LEFT - RULE_RIGHT));
  g_assert_cmpfloat (heading->x_min, >, RULE_LEFT + 0.5 * (width - RULE_LEFT - RULE_RIGHT));
  g_assert_cmpfloat (heading->y_max, <=, date->y_min);
  g_assert_cmpfloat (date->y_max, <=, title->y_min);
}

static void
test_front_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WardReport) report = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) page_texts = NULL;
  g_autoptr(GArray) pages = NULL;
  double width, height;
  int n_pages;

  if (!ward_test_have_poppler ())
    return;

  report = front_report_new ();
  pdf = write_report (fixture, report, "front.pdf");
  n_pages = pdf_n_pages (pdf);

  text = pdf_text (pdf);
  assert_composed (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_composed (text, "Độc lập - Tự do - Hạnh phúc");
  assert_composed (text, "ỦY BAN MTTQ VIỆT NAM");
  assert_composed (text, "Đông Sơn, ngày 17 tháng 9 năm 2025");
  assert_composed (text, "DANH SÁCH");
  assert_composed (text, FRONT_ABSTRACT);
  assert_composed (text, "Chi hội Khu phố số 10");
  assert_composed (text, "T/M BAN THƯỜNG TRỰC");
  assert_table_pages (text, n_pages);

  /* The chain hash once, on the last page. */
  page_texts = g_strsplit_set (text, "\f", -1);
  g_assert_cmpuint (count_substrings (text, CHAIN_HASH), ==, 1);
  g_assert_cmpuint (count_substrings (page_texts[n_pages - 1], CHAIN_HASH), ==, 1);

  /* Landscape: every page wider than tall. */
  pages = pdf_words (pdf);
  g_assert_cmpuint (pages->len, ==, n_pages);
  ward_report_get_page_size (report, &width, &height);
  g_assert_cmpfloat (width, >, height);
  for (guint p = 0; p < pages->len; p++)
    {
      const Page *page = &g_array_index (pages, Page, p);

      g_assert_cmpfloat (page->width, >, page->height);
    }
  assert_margins_and_numbers (pages, width, height);
  assert_serif_embedded (pdf);
}

/* A row longer than a page is the one thing cut across pages: it starts
 * where it is, nothing of it is lost or repeated, and every page shows the
 * header row once, the page where the rows go on after it too. */
static void
test_tall_row (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(WardReport) report = ward_report_new ();
  g_autoptr(GString) long_cell = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  WardReportTable *table;
  const char *before[] = { "trước", "A" };
  const char *after[] = { "sau", "B" };
  const char *tall[] = { "dài", NULL };
  int n_pages;

  if (!ward_test_have_poppler ())
    return;

  for (guint i = 1; i <= 140; i++)
    g_string_append_printf (long_cell, "%sdòng-%03u", i > 1 ? "\n" : "", i);
  tall[1] = long_cell->str;

  table = ward_report_add_table (report, 2);
  ward_report_table_set_column (table, 0, "Mục", 1, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "Nội dung", 4, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_add_row (table, before);
  ward_report_table_add_row (table, tall);
  ward_report_table_add_row (table, after);

  pdf = write_report (fixture, report, "tall.pdf");
  n_pages = pdf_n_pages (pdf);
  g_assert_cmpint (n_pages, ==, 3);
  text = pdf_text (pdf);
  pages = g_strsplit_set (text, "\f", -1);

  for (guint i = 1; i <= 140; i++)
    {
      g_autofree char *line = g_strdup_printf ("dòng-%03u", i);

      g_assert_cmpuint (count_substrings (text, line), ==, 1);
    }
  for (int p = 0; p < n_pages; p++)
    g_assert_cmpuint (count_substrings (pages[p], "Nội dung"), ==, 1);

  g_assert_nonnull (strstr (pages[0], "dòng-001"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "dòng-140"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "sau"));
}

/* Markup that does not parse is a bug of the caller's, reported, and the
 * text is printed as it is rather than lost. */
static void
test_bad_markup (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WardReport) report = ward_report_new ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!ward_test_have_poppler ())
    return;

  g_test_expect_message ("ward-report", G_LOG_LEVEL_CRITICAL, "*Invalid markup*");
  ward_report_add_paragraph (report, "Tỷ lệ <b>87,5% > 85%");
  g_test_assert_expected_messages ();

  pdf = write_report (fixture, report, "markup.pdf");
  text = pdf_text (pdf);
  assert_composed (text, "Tỷ lệ <b>87,5% > 85%");
}

static void
assert_dir_holds (const char *path,
                  const char *only)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, only);
      n++;
    }
  g_assert_cmpuint (n, ==, only != NULL ? 1 : 0);
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WardReport) report = party_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *taken = g_build_filename (fixture->dir, "a-folder", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "r.pdf", NULL);

  /* A folder that does not exist. */
  g_assert_false (ward_report_write_pdf (report, missing, WARD_OUTPUT_REPLACE, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "r.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The name is taken by a folder: the PDF is made, then cannot replace it,
   * and the temporary file goes. */
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_false (ward_report_write_pdf (report, taken, WARD_OUTPUT_REPLACE, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == WARD_ERROR);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);
  assert_dir_holds (taken, NULL);
  g_rmdir (taken);
  assert_dir_holds (fixture->dir, NULL);

  /* A read-only folder (root writes anyway: then there is nothing to see). */
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  if (access (locked, W_OK) == 0)
    {
      g_test_message ("running as root: the read-only folder case is not checked");
      return;
    }
  g_assert_false (ward_report_write_pdf (report, in_locked, WARD_OUTPUT_REPLACE, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY);
  assert_dir_holds (locked, NULL);
}

/* Measuring skips shaping for the cells that surely fit on one line: its
 * heights must be those of laying every cell out, near the edge too. */
static void
test_row_heights (void)
{
  const char *words[] = { "Nguyễn", "Thị", "Hằng", "phường", "Đông", "Sơn,", "1.250.000",
                          "Khu", "phố", "WWWWW", "iiiii", "–", "(đồng)", "Ủy", "ban",
                          "MTTQ", "Việt", "Nam;", "AVAVAV", "Tổng", "cộng:", "ffi" };
  g_autoptr(WardReport) report = ward_report_new ();
  WardReportTable *table = ward_report_add_table (report, 3);
  PangoContext *context = ward_report_create_context (NULL);
  guint one_line = 0, wrapped = 0;
  double single = 0;

  ward_report_table_set_column (table, 0, "A", 2, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "B", 3, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 2, "C", 5, WARD_REPORT_ALIGN_CENTER);

  for (guint r = 0; r < 3000; r++)
    {
      GString *cells[3] = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
      const char *texts[3];

      for (guint c = 0; c < 3; c++)
        {
          guint n_words = (guint) g_test_rand_int_range (1, 4 + 3 * (int) c);

          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (cells[c], "%s%s", w > 0 ? " " : "",
                                    words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          texts[c] = cells[c]->str;
        }

      if (r % 7 == 3)
        ward_report_table_add_total_row (table, texts);
      else if (r % 11 == 5)
        ward_report_table_add_group_row (table, texts[2]);
      else
        ward_report_table_add_row (table, texts);

      for (guint c = 0; c < 3; c++)
        g_string_free (cells[c], TRUE);
    }

  ward_report_table_measure (table, context, 300);

  for (guint r = 0; r < ward_report_table_get_n_rows (table); r++)
    {
      double fast = ward_report_table_get_row_height (table, r);

      g_assert_cmpfloat (fast, ==, ward_report_table_measure_row_exactly (table, context, r));
      if (single == 0 || fast < single)
        single = fast;
    }

  for (guint r = 0; r < ward_report_table_get_n_rows (table); r++)
    {
      if (ward_report_table_get_row_height (table, r) > single)
        wrapped++;
      else
        one_line++;
    }

  /* both kinds were there to compare */
  g_assert_cmpuint (one_line, >, 300);
  g_assert_cmpuint (wrapped, >, 300);

  g_object_unref (context);
}

/* The engine draws on any cairo context: here an image the size of the page
 * at one pixel a point, with nothing in the side margins. */
/* The x-th pixel of row y is not white. */
static gboolean
inked (cairo_surface_t *surface,
       int              x,
       int              y)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return (*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff;
}

/* The engine draws on any cairo context: here an image of the page at two
 * pixels a point, with nothing in the side margins and the rules of a table
 * of one-line rows evenly spaced down the page. */
static void
test_any_surface (void)
{
  const int scale = 2;
  g_autoptr(WardReport) report = party_report_new ();
  g_autoptr(GArray) rules = g_array_new (FALSE, FALSE, sizeof (int));
  cairo_surface_t *surface;
  double width, height;
  int n_inked = 0;
  int probe_x;
  cairo_t *cr;

  ward_report_get_page_size (report, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * scale,
                                        (int) height * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  g_assert_cmpint (ward_report_paginate (report, cr, width, height), >, 50);
  ward_report_draw_page (report, cr, 1);
  cairo_surface_flush (surface);

  for (int y = 0; y < (int) height * scale; y++)
    for (int x = 0; x < (int) width * scale; x++)
      if (inked (surface, x, y))
        {
          n_inked++;
          g_assert_cmpfloat (x, >=, (RULE_LEFT - 1) * scale);
          g_assert_cmpfloat (x, <=, (width - RULE_RIGHT + 1) * scale);
        }
  g_assert_cmpint (n_inked, >, 10000);

  /* Just inside the table's left edge only the row rules cross. */
  probe_x = (int) ((RULE_LEFT + 1.5) * scale);
  for (int y = 1; y < (int) height * scale; y++)
    if (inked (surface, probe_x, y) && !inked (surface, probe_x, y - 1))
      g_array_append_val (rules, y);

  g_assert_cmpuint (rules->len, >, 20);
  for (guint i = 3; i < rules->len; i++)
    {
      int gap = g_array_index (rules, int, i) - g_array_index (rules, int, i - 1);
      int first_gap = g_array_index (rules, int, 2) - g_array_index (rules, int, 1);

      g_assert_cmpint (ABS (gap - first_gap), <=, 1);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Numbers placed from their characters' advances land where Pango puts
 * them, glyph for glyph, whatever the column's width and alignment; the
 * serif kerns "11", so runs of ones are among them. */
static void
check_numerals_like_pango (PangoContext    *context,
                           WardReportStyle  style)
{
  g_autoptr(PangoFontDescription) font = ward_report_font_new (10.5, style);
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  WardReportNumerals *numerals = ward_report_numerals_new (context, font);
  const char *extra[] = { "11", "111", "1111", "11.111.111", "1.250.000", "11/11/2011",
                          "2025-01-01", "01:11", "-1", "1,5", "0", "19.578", NULL };
  const PangoAlignment alignments[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };
  const int widths[] = { 40, 73, 121 };
  guint n_checked = 0;

  g_assert_nonnull (numerals);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < 1300 + G_N_ELEMENTS (extra) - 1; i++)
    for (guint a = 0; a < G_N_ELEMENTS (alignments); a++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autofree char *text = i < 1300 ? g_strdup_printf ("%u", i * 7919 % 120000)
                                           : g_strdup (extra[i - 1300]);
          const WardReportGlyphRun *placed;
          g_autoptr(WardReportGlyphRun) shaped = NULL;
          const cairo_glyph_t *a_glyphs, *b_glyphs;
          guint n_a, n_b;

          pango_layout_set_width (layout, widths[w] * PANGO_SCALE);
          pango_layout_set_alignment (layout, alignments[a]);
          pango_layout_set_text (layout, text, -1);
          shaped = ward_report_glyph_run_new (layout);
          placed = ward_report_numerals_place (numerals, text, layout);
          /* Too wide for the column: both leave it to the layout. */
          if (shaped == NULL || pango_layout_get_line_count (layout) > 1)
            {
              g_assert_null (placed);
              continue;
            }
          g_assert_nonnull (placed);
          g_assert_cmpfloat (ward_report_glyph_run_get_height (placed), ==,
                             ward_report_glyph_run_get_height (shaped));
          a_glyphs = ward_report_glyph_run_get_glyphs (placed, &n_a);
          b_glyphs = ward_report_glyph_run_get_glyphs (shaped, &n_b);
          g_assert_cmpuint (n_a, ==, n_b);
          for (guint g = 0; g < n_a; g++)
            {
              g_assert_cmpuint (a_glyphs[g].index, ==, b_glyphs[g].index);
              g_assert_cmpfloat_with_epsilon (a_glyphs[g].x, b_glyphs[g].x, 1e-9);
              g_assert_cmpfloat_with_epsilon (a_glyphs[g].y, b_glyphs[g].y, 1e-9);
            }
          n_checked++;
        }
  g_assert_cmpuint (n_checked, >, 5000);

  /* Anything but the numerals goes to Pango. */
  pango_layout_set_width (layout, 200 * PANGO_SCALE);
  g_assert_null (ward_report_numerals_place (numerals, "BL-0012", layout));
  g_assert_null (ward_report_numerals_place (numerals, "12 000", layout));
  g_assert_null (ward_report_numerals_place (numerals, "1.250.000 đ", layout));
  ward_report_numerals_free (numerals);
}

static void
test_numerals (void)
{
  PangoContext *context = ward_report_create_context (NULL);

  check_numerals_like_pango (context, WARD_REPORT_STYLE_NORMAL);
  check_numerals_like_pango (context, WARD_REPORT_STYLE_BOLD);
  g_object_unref (context);
}

/* The same report is the same PDF, byte for byte: its only date is the
 * document's (or SOURCE_DATE_EPOCH), and its fonts are the project's own. */
static void
test_reproducible (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(WardReport) first = front_report_new ();
  g_autoptr(WardReport) second = front_report_new ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autofree char *a_bytes = NULL, *b_bytes = NULL, *c_bytes = NULL;
  gsize a_len, b_len, c_len;

  ward_report_set_document_date (first, "2025-09-17");
  ward_report_set_document_date (second, "2025-09-17");
  a = write_report (fixture, first, "a.pdf");
  b = write_report (fixture, second, "b.pdf");
  g_assert_true (g_file_get_contents (a, &a_bytes, &a_len, NULL));
  g_assert_true (g_file_get_contents (b, &b_bytes, &b_len, NULL));
  g_assert_cmpmem (a_bytes, a_len, b_bytes, b_len);
  g_assert_nonnull (memmem (a_bytes, a_len, "20250917000000", 14));

  /* SOURCE_DATE_EPOCH wins over the document's date. */
  g_setenv ("SOURCE_DATE_EPOCH", "1758067200", TRUE);  /* 2025-09-17 00:00:00 UTC */
  ward_report_set_document_date (second, "2026-01-01");
  c = write_report (fixture, second, "c.pdf");
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_true (g_file_get_contents (c, &c_bytes, &c_len, NULL));
  g_assert_nonnull (memmem (c_bytes, c_len, "20250917000000", 14));
}

/* A character the project's fonts lack is refused, named, and nothing is
 * written: no fallback font prints it. */
static void
test_uncovered_character (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *cases[][2] = {
    { "cell", "\xe6\xbc\xa2" },       /* a Han character in a table cell */
    { "paragraph", "\xf0\x9f\x98\x80" },  /* an emoji in body text */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WardReport) report = front_report_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, "uncovered.pdf", NULL);
      g_autofree char *text = g_strdup_printf ("Nguyễn Văn %s An", cases[i][1]);

      if (g_str_equal (cases[i][0], "cell"))
        {
          WardReportTable *table = ward_report_add_table (report, 2);
          const char *cells[] = { "1", text };

          ward_report_table_set_column (table, 0, "TT", 1, WARD_REPORT_ALIGN_CENTER);
          ward_report_table_set_column (table, 1, "Họ và tên", 4, WARD_REPORT_ALIGN_LEFT);
          ward_report_table_add_row (table, cells);
        }
      else
        ward_report_add_paragraph (report, text);

      g_assert_false (ward_report_write_pdf (report, path, WARD_OUTPUT_REPLACE, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_FONT_MISSING);
      g_assert_nonnull (strstr (error->message, cases[i][1]));
      g_assert_nonnull (strstr (error->message, "Liberation Serif"));
      g_assert_nonnull (strstr (error->message, "Nguyễn Văn"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/place-date", test_place_date);
  g_test_add_func ("/report/row-heights", test_row_heights);
  g_test_add_func ("/report/any-surface", test_any_surface);
  g_test_add_func ("/report/numerals", test_numerals);
  g_test_add ("/report/party", Fixture, NULL, fixture_set_up, test_party_report,
              fixture_tear_down);
  g_test_add ("/report/front", Fixture, NULL, fixture_set_up, test_front_report,
              fixture_tear_down);
  g_test_add ("/report/tall-row", Fixture, NULL, fixture_set_up, test_tall_row,
              fixture_tear_down);
  g_test_add ("/report/bad-markup", Fixture, NULL, fixture_set_up, test_bad_markup,
              fixture_tear_down);
  g_test_add ("/report/unwritable", Fixture, NULL, fixture_set_up, test_unwritable,
              fixture_tear_down);
  g_test_add ("/report/reproducible", Fixture, NULL, fixture_set_up, test_reproducible,
              fixture_tear_down);
  g_test_add ("/report/uncovered-character", Fixture, NULL, fixture_set_up,
              test_uncovered_character, fixture_tear_down);

  return g_test_run ();
}
