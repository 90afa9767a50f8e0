/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reports"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <glib/gstdio.h>

#include "admissions/ward-admissions.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-taxcode.h"
#include "donations/ward-donations-ledger.h"
#include "enterprises/ward-enterprises.h"
#include "programme/ward-programme-units.h"
#include "programme/ward-programme.h"
#include "registers/ward-registers-stats.h"
#include "reports/ward-reports.h"
#include "study/ward-study.h"
#include "support/ward-test.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets.h"

/* The six reports, built from a store filled through the registers' own
 * functions and read back as a reader of the PDF would: poppler's
 * pdftotext, pdfinfo and pdffonts. Today is pinned to 27/11/2026. */

#define TODAY      "2026-11-27"
#define N_LONG     5000
#define LIST_HEAD  "Họ và tên"  /* the first line of the list's header */

/* The lines the helpers below hand out, freed with the fixture. */
static GPtrArray *lines_handed_out;

typedef struct
{
  char               *dir;
  WardStore          *store;
  WardReportSettings *settings;
} Fixture;

/* ---- Fixture and tools ----------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  lines_handed_out = g_ptr_array_new_with_free_func (g_free);
  f->dir = ward_test_make_dir ("reports");
  f->store = ward_test_new_store (f->dir, NULL);
  f->settings = ward_report_settings_new ();
  g_assert_true (ward_report_settings_fill_from_store (f->settings, f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->settings, ward_report_settings_free);
  g_clear_pointer (&lines_handed_out, g_ptr_array_unref);
  /* WARD_TEST_KEEP=1 leaves the PDFs to look at. */
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The text of page @page (from 1; 0: every page), laid out as on paper. */
static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *from = g_strdup_printf ("%d", page);

  if (page == 0)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-", NULL };

      return ward_test_run_tool (argv);
    }
  else
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", "-f", from, "-l", from,
                             pdf, "-", NULL };

      return ward_test_run_tool (argv);
    }
}

/* The lines of the table row printed on the line holding @needle, with
 * the line above and below it: a cell that wraps (a long name) spreads
 * over them, the row's other cells on the middle line. */
static const char *
row_around (const char *text,
            const char *needle)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  char *row = NULL;

  for (guint i = 0; lines[i] != NULL && row == NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      row = g_strjoin ("\n", i > 0 ? lines[i - 1] : "", lines[i],
                       lines[i + 1] != NULL ? lines[i + 1] : "", NULL);
  if (row == NULL)
    {
      g_printerr ("“%s” not found in:\n%s\n", needle, text);
      g_assert_not_reached ();
    }
  g_ptr_array_add (lines_handed_out, row);
  return row;
}

static int
pdf_n_pages (const char *pdf,
             double     *width,
             double     *height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = ward_test_run_tool (argv);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  if (width != NULL && height != NULL)
    g_assert_cmpint (sscanf (size, "\nPage size: %lf x %lf", width, height), ==, 2);
  return atoi (pages + strlen ("\nPages:"));
}

/* Every font is the project's serif, embedded, never a fallback. */
static void
assert_serif_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = ward_test_run_tool (argv);
  g_auto (GStrv) lines = g_strsplit_set (out, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] == '\0')
        continue;
      fields = g_strsplit_set (lines[i], " ", -1);
      g_test_message ("font: %s", lines[i]);
      g_assert_nonnull (strstr (lines[i], "+LiberationSerif"));
      /* name type [type] encoding emb sub uni object ID: "yes" three times */
      g_assert_nonnull (strstr (lines[i], " yes "));
      g_assert_null (strstr (lines[i], " no  yes "));
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_null (strstr (out, " no  "));
}

/* The period @text, parsed for the fixture's file; valid until the next
 * call with the same slot. */
static const WardReportPeriod *
period_of (Fixture    *f,
           const char *text,
           guint       slot)
{
  static WardReportPeriod periods[4];
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (slot, <, G_N_ELEMENTS (periods));
  g_assert_true (ward_report_period_parse_for (f->store, text, &periods[slot], &error));
  g_assert_no_error (error);
  return &periods[slot];
}

static char *
write_report (Fixture                 *f,
              WardReportKind           kind,
              const WardReportOptions *options)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = ward_reports_suggest_basename (kind, options);
  g_autofree char *name = g_strconcat (base, ".pdf", NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  report = ward_reports_build (f->store, kind, f->settings, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (ward_report_write_pdf (report, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_substrings (const char *text,
                  const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The words of @line after @label, whitespace collapsed: "0 1 1 0 2 0 2". */
static char *
numbers_after (const char *line,
               const char *label)
{
  const char *at = strstr (line, label);
  g_auto (GStrv) words = NULL;

  g_assert_nonnull (at);
  words = g_strsplit_set (at + strlen (label), " \t", -1);
  {
    g_autoptr (GString) out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_printerr ("“%s” not found in:\n%s\n", needle, text);
      g_assert_not_reached ();
    }
}

/* As assert_contains(), with every run of blanks and line breaks in the
 * laid-out text read as one space: a sentence may wrap anywhere. */
static void
assert_contains_words (const char *text,
                       const char *needle)
{
  g_autoptr (GString) flat = g_string_sized_new (strlen (text));
  gboolean blank = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          blank = TRUE;
          continue;
        }
      if (blank && flat->len > 0)
        g_string_append_c (flat, ' ');
      blank = FALSE;
      g_string_append_c (flat, *p);
    }
  assert_contains (flat->str, needle);
}

/* The line of the laid-out text that holds @needle; freed with the fixture. */
static const char *
line_with (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);
  const char *start, *end;

  if (at == NULL)
    {
      g_printerr ("“%s” not found in:\n%s\n", needle, text);
      g_assert_not_reached ();
    }
  for (start = at; start > text && start[-1] != '\n'; start--)
    ;
  end = strchr (at, '\n');
  g_ptr_array_add (lines_handed_out,
                   g_strndup (start, end != NULL ? (gsize) (end - start) : strlen (start)));
  return g_ptr_array_index (lines_handed_out, lines_handed_out->len - 1);
}

/* The line of row @number of a table: where its number and every cell of
 * one line stand, whatever the wrapped cells around it. */
static const char *
row_line (const char *text,
          guint       number)
{
  g_auto (GStrv) lines = g_strsplit_set (text, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%u ", number);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), prefix))
      {
        g_ptr_array_add (lines_handed_out, g_strdup (lines[i]));
        return g_ptr_array_index (lines_handed_out, lines_handed_out->len - 1);
      }
  g_printerr ("No row %u in:\n%s\n", number, text);
  g_assert_not_reached ();
}

static void
assert_party_heading (const char *text)
{
  assert_contains (text, "ĐẢNG CỘNG SẢN VIỆT NAM");
  assert_contains (text, "ĐẢNG BỘ TỈNH THANH HÓA");
  assert_contains (text, "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN");
  assert_contains (text, "-BC/ĐU");
  assert_contains (text, "Đông Sơn, ngày 27 tháng 11 năm 2026");
  assert_contains (text, "T/M ĐẢNG ỦY");
  assert_contains (text, "BÍ THƯ");
  assert_contains (text, "Nơi nhận");
  assert_contains (text, "- Ban Thường vụ Tỉnh ủy (để b/c),");
}

/* ---- Filling the registers -------------------------------------------------- */

static WardTarget *
find_target (GPtrArray  *targets,
             const char *code)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_str_equal (ward_target_get_code (targets->pdata[i]), code))
      return targets->pdata[i];
  g_assert_not_reached ();
}

static void
add_reading (Fixture    *f,
             GPtrArray  *targets,
             const char *code,
             int         year,
             double      value,
             gboolean    final)
{
  WardTarget *target = find_target (targets, code);
  g_autoptr (WardReading) reading = ward_reading_new (target);
  g_autoptr (GError) error = NULL;

  reading->year = year;
  reading->has_value = TRUE;
  reading->value = value;
  reading->final = final;
  g_assert_true (ward_reading_save (f->store, target, reading, NULL, &error));
  g_assert_no_error (error);
}

static void
add_quota (Fixture   *f,
           GPtrArray *targets,
           int        year,
           gint64     quota,
           gint64     delivered)
{
  WardTarget *target = find_target (targets, "recruitment");
  g_autoptr (WardReading) reading = ward_reading_new (target);
  g_autoptr (GError) error = NULL;

  reading->year = year;
  reading->quota = quota;
  reading->delivered = delivered;
  reading->final = TRUE;
  g_assert_true (ward_reading_save (f->store, target, reading, NULL, &error));
  g_assert_no_error (error);
}

/* The plans have no core function yet: written as the file holds them. */
static void
add_plan (Fixture    *f,
          GPtrArray  *targets,
          const char *code,
          int         year,
          double      value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();

  stmt = ward_store_prepare (f->store, "INSERT INTO plans (uuid, target_id, year, value, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ward_target_get_id (find_target (targets, code)));
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_double (stmt, 4, value);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* A tax code with its right check digit: the one of ten that parses. */
static char *
valid_tax_code (const char *nine_digits)
{
  for (int digit = 0; digit < 10; digit++)
    {
      g_autofree char *code = g_strdup_printf ("%s%d", nine_digits, digit);
      char *normalized = NULL;

      if (ward_tax_code_parse (code, &normalized, NULL, NULL))
        return normalized;
    }
  g_assert_not_reached ();
}

static void
add_enterprise (Fixture            *f,
                const char         *tax_code,
                const char         *name,
                WardEnterpriseType  type,
                const char         *vsic,
                const char         *registered_on)
{
  g_autoptr (WardEnterprise) e = ward_enterprise_new ();
  g_autoptr (GError) error = NULL;

  e->tax_code = g_strdup (tax_code);
  e->name = g_strdup (name);
  e->type = type;
  /* A capital for every enterprise, none for the branch (refused). */
  e->capital = type != WARD_ENTERPRISE_TYPE_NONE ? 1000000000 * (gint64) (type + 1) : 0;
  e->vsic = g_strdup (vsic);
  e->registered_on = g_strdup (registered_on);
  g_assert_true (ward_enterprise_save (f->store, e, NULL, &error));
  g_assert_no_error (error);
}

/* Three counted in 2026, one in 2025, and a branch that is not counted. */
static void
fill_enterprises (Fixture *f)
{
  g_autofree char *binh_an = valid_tax_code ("280061234");
  g_autofree char *dong_son = valid_tax_code ("280061235");
  g_autofree char *hai_chau = valid_tax_code ("280061236");
  g_autofree char *minh_tam = valid_tax_code ("280061237");
  g_autofree char *branch = g_strconcat (binh_an, "-001", NULL);

  add_enterprise (f, binh_an, "Công ty TNHH Bình An", WARD_ENTERPRISE_LLC_ONE, "4620", "2026-02-05");
  add_enterprise (f, dong_son, "Công ty Cổ phần Đông Sơn Xanh", WARD_ENTERPRISE_JOINT_STOCK, "4100",
                  "2026-02-20");
  add_enterprise (f, hai_chau, "Công ty TNHH Hải Châu", WARD_ENTERPRISE_LLC_MULTI, "5610", "2026-03-10");
  add_enterprise (f, minh_tam, "Doanh nghiệp tư nhân Minh Tâm", WARD_ENTERPRISE_PRIVATE, "4711",
                  "2025-11-11");
  add_enterprise (f, branch, "Chi nhánh Công ty TNHH Bình An", WARD_ENTERPRISE_TYPE_NONE, "4620",
                  "2026-04-01");
}

/* Dates of every stage up to @upto, a month apart from @first, the
 * ceremony on @ceremony when reached. */
static void
add_candidate (Fixture            *f,
               const char         *name,
               const char         *birth,
               WardGender          gender,
               const char         *ethnicity,
               gint64              cell_id,
               WardStage           upto,
               const char         *ceremony,
               WardCandidateState  state)
{
  /* After the congress (16/08/2025); the steps' facts as the rules ask. */
  static const char * const before_ceremony[] = {
    NULL, "2025-01-10", "2025-02-15", "2025-03-01", "2025-03-10", "2025-05-10",
    "2025-08-25", "2025-09-15",
  };
  g_autoptr (WardCandidate) c = ward_candidate_new ();
  g_autoptr (GError) error = NULL;

  c->full_name = g_strdup (name);
  c->birth_date = g_strdup (birth);
  c->gender = gender;
  c->ethnicity = g_strdup (ethnicity);
  c->religion = g_strdup ("Không");
  c->education = g_strdup ("12/12");
  c->occupation = g_strdup ("Giáo viên");
  c->youth_union = TRUE;
  c->cell_id = cell_id;
  for (int stage = WARD_STAGE_SYMPATHISER; stage <= (int) upto && stage <= WARD_STAGE_DECISION; stage++)
    c->dates[stage] = g_strdup (before_ceremony[stage]);
  if (upto >= WARD_STAGE_CEREMONY)
    c->dates[WARD_STAGE_CEREMONY] = g_strdup (ceremony);
  c->introducer_1 = g_strdup ("Lê Văn Tám");
  c->introducer_2 = g_strdup ("Phạm Thị Mai");
  c->introducer_1_official = c->introducer_2_official = TRUE;
  c->introducer_1_since = g_strdup ("2020-01-01");
  c->introducer_2_since = g_strdup ("2020-01-01");
  if (ward_candidate_is_youth_age (c, before_ceremony[WARD_STAGE_CELL_RESOLUTION]))
    c->youth_union_resolution = g_strdup ("08-NQ/ĐTN");
  if (upto >= WARD_STAGE_CELL_RESOLUTION)
    c->cell_resolution_number = g_strdup ("05-NQ/CB");
  if (upto >= WARD_STAGE_DECISION)
    c->decision_number = g_strdup ("120-QĐ/ĐU");
  c->state = state;
  if (state == WARD_CANDIDATE_WITHDRAWN)
    c->state_reason = g_strdup ("Chuyển nơi cư trú");
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);
}

static void
fill_candidates (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 first = ward_party_cell_add (f->store, "Chi bộ Khu phố 1", &error);
  gint64 second = ward_party_cell_add (f->store, "Chi bộ Khu phố 2", &error);

  g_assert_no_error (error);
  /* Admitted 10/12/2025: due for recognition on 10/12/2026, 13 days on. */
  add_candidate (f, "Nguyễn Thị Hoa", "1995-03-05", WARD_GENDER_FEMALE, "Kinh", first,
                 WARD_STAGE_CEREMONY, "2025-12-10", WARD_CANDIDATE_FOLLOWING);
  add_candidate (f, "Hoàng Văn Em", "1990-02-02", WARD_GENDER_MALE, "Mường", second,
                 WARD_STAGE_CEREMONY, "2026-03-15", WARD_CANDIDATE_FOLLOWING);
  add_candidate (f, "Trần Văn Bình", "1980-01-01", WARD_GENDER_MALE, "Kinh", second,
                 WARD_STAGE_APPLICATION, NULL, WARD_CANDIDATE_FOLLOWING);
  add_candidate (f, "Lê Minh Châu", "2000-06-06", WARD_GENDER_MALE, "Kinh", first,
                 WARD_STAGE_COURSE, NULL, WARD_CANDIDATE_PAUSED);
  add_candidate (f, "Phạm Văn Dũng", "1985-08-08", WARD_GENDER_MALE, "Kinh", first,
                 WARD_STAGE_SYMPATHISER, NULL, WARD_CANDIDATE_WITHDRAWN);
}

static WardCampaign *
campaign_of (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  WardCampaign *campaign = ward_ledger_default_campaign (f->store, &error);

  g_assert_no_error (error);
  return campaign;
}

static gint64
add_receipt (Fixture      *f,
             WardCampaign *campaign,
             const char   *number,
             const char   *date,
             const char   *donor,
             const char   *group,
             gint64        amount)
{
  g_autoptr (GError) error = NULL;
  WardReceiptInput input = {
    .receipt_number = number, .date = date, .donor = donor,
    .donor_kind = ward_donor_kind_guess (donor), .donor_group = group,
    .amount = amount, .method = WARD_PAYMENT_CASH, .collector = "Lê Thị Thu",
    .outside_period_confirmed = TRUE,  /* as the clerk confirms one in the window */
  };
  gint64 id = 0;

  g_assert_true (ward_ledger_add_receipt (f->store, campaign, &input, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* Received 1.250.000 đ that stand (a receipt of 200.000 đ reversed),
 * 1.000.000 đ transferred upward. */
static void
fill_ledger (Fixture *f)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  g_autoptr (GError) error = NULL;
  WardTransferInput transfer = {
    .date = "2025-10-16", .amount = 1000000, .receiver = "Hội Chữ thập đỏ tỉnh Thanh Hóa",
    .voucher = "CT-01",
  };
  WardReversalInput reversal = { .date = "2025-09-25", .reason = "Ghi nhầm người ủng hộ" };

  add_receipt (f, campaign, "1", "2025-09-20", "Nguyễn Văn An", "Tổ dân phố 1", 500000);
  add_receipt (f, campaign, "2", "2025-09-21", "Chi bộ Khu phố 2", "Chi bộ Khu phố 2", 750000);
  reversal.reverses_id = add_receipt (f, campaign, "3", "2025-09-22", "Trần Thị Bé", "Tổ dân phố 3",
                                      200000);
  g_assert_true (ward_ledger_add_reversal (f->store, campaign, &reversal, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ward_ledger_add_transfer (f->store, campaign, &transfer, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fill_programme (Fixture *f)
{
  static const struct {
    guint group; const char *title; const char *unit; const char *deadline; WardItemStatus status;
    int percent;
  } items[] = {
    { 0, "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 – 2030", "Đảng ủy", "2026-06-30",
      WARD_ITEM_IN_PROGRESS, 40 },
    { 2, "Hoàn thành quy hoạch chung đô thị Đông Sơn", "UBND phường", "2026-03-31",
      WARD_ITEM_DONE, 100 },
    { 6, "Xây dựng chính quyền số, 100% hồ sơ xử lý trực tuyến", "UBND phường", "2027-12-31",
      WARD_ITEM_IN_PROGRESS, 30 },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = ward_programme_groups_load (f->store, TODAY, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (WardProgrammeItem) item = ward_programme_item_new ();
      g_autoptr (WardUnit) unit = ward_units_find (f->store, items[i].unit, &error);

      g_assert_no_error (error);
      item->group_id = ((WardProgrammeGroup *) groups->pdata[items[i].group])->id;
      item->title = g_strdup (items[i].title);
      item->lead_unit_id = unit->id;
      item->deadline = g_strdup (items[i].deadline);
      item->status = items[i].status;
      item->percent = items[i].percent;
      g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
      g_assert_no_error (error);
    }
}

/* ---- Report 1: targets ------------------------------------------------------ */

static void
fill_targets (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) targets = ward_targets_load (f->store, &error);

  g_assert_no_error (error);
  add_reading (f, targets, "grdp-growth", 2025, 10.9, TRUE);
  add_reading (f, targets, "grdp-growth", 2026, 12.4, TRUE);
  add_reading (f, targets, "grdp-growth", 2027, 11.5, FALSE);
  add_plan (f, targets, "grdp-growth", 2026, 12.0);
  add_reading (f, targets, "income", 2026, 82000000, FALSE);
  add_reading (f, targets, "health-insurance", 2026, 95.2, TRUE);
  add_plan (f, targets, "health-insurance", 2026, 96);
  add_quota (f, targets, 2026, 20, 20);
  fill_enterprises (f);
  fill_candidates (f);
}

static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  WardReportOptions options = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *growth = NULL;
  const char *insurance = NULL;
  const char *enterprises = NULL;
  const char *recruitment = NULL;
  double width, height;

  if (!ward_test_have_poppler ())
    return;
  fill_targets (f);
  options.period = period_of (f, "2026", 0);
  pdf = write_report (f, WARD_REPORT_KIND_TARGETS, &options);
  text = pdf_text (pdf, 0);

  g_assert_cmpint (pdf_n_pages (pdf, &width, &height), >=, 1);
  g_assert_cmpfloat (width, >, height);  /* landscape */
  assert_party_heading (text);
  assert_contains (text, "BÁO CÁO");
  assert_contains (text, "kết quả thực hiện các chỉ tiêu Nghị quyết năm 2026");
  assert_contains (text, "Lũy kế");
  assert_contains (text, "Đánh giá");

  /* Growth: 12,4% against a plan of 12%: 103,3%. 2025 is the baseline
   * year: the term's growth so far is 2026's, 105,1% of 11,8%, on track.
   * The verdicts are the targets page's (ward_target_compute_progress()). */
  growth = row_line (text, 1);
  assert_contains (growth, "≥ 11,8");
  assert_contains (growth, " 12 ");
  assert_contains (growth, "12,4");
  assert_contains (growth, "103,3");
  assert_contains (growth, "105,1");
  assert_contains (growth, "Đúng tiến độ");
  /* A rate under its plan, without a baseline at the congress. */
  insurance = row_line (text, 5);
  assert_contains (insurance, "≥ 96");
  assert_contains (insurance, "95,2");
  assert_contains (insurance, "99,2");
  /* A draft is an estimate; the first reading is not its own baseline. */
  assert_contains (text, "82.000.000");
  assert_contains (text, "(ước)");
  assert_contains (row_line (text, 2), "86,3");
  /* Counted: three enterprises in 2026, four in the term (not the branch). */
  enterprises = row_line (text, 9);
  assert_contains (enterprises, "≥ 750");
  assert_contains (enterprises, " 3 ");
  assert_contains (enterprises, " 4 ");
  assert_contains (enterprises, "0,5");
  recruitment = row_line (text, 11);
  assert_contains (recruitment, "100 (20/20)");
  assert_contains (recruitment, "Đã đạt");
  assert_contains (text, "Tổng số 11 chỉ tiêu: đã đạt 1, đúng tiến độ 1, chậm tiến độ 2");
  assert_contains_words (text, "chưa có số liệu gốc 2, chưa đủ số liệu 0");
  assert_serif_embedded (pdf);

  /* 2027: compounded over 2026–2027, √(1,124 × 1,115) − 1 = 11,95%, which
   * is 101,3% of 11,8%; the quota of 2026 stays the latest. */
  options.period = period_of (f, "2027", 0);
  g_free (pdf);
  pdf = write_report (f, WARD_REPORT_KIND_TARGETS, &options);
  g_free (text);
  text = pdf_text (pdf, 0);
  growth = row_line (text, 1);
  assert_contains (growth, "11,5");
  assert_contains (growth, "11,95");
  assert_contains (growth, "101,3");
  assert_contains (growth, "Đúng tiến độ");
  g_assert_null (strstr (growth, "103,3"));
  assert_serif_embedded (pdf);
}

/* One function decides each target's verdict: the targets page and the
 * overview call ward_target_compute_progress(), `stats` prints what it
 * says, the report counts the same verdicts. Every kind of verdict is in:
 * a baseline reading (5G), a growth series with a year missing. */
static void
test_targets_verdicts_agree (Fixture       *f,
                             gconstpointer  data)
{
  WardReportOptions options = { 0 };
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (JsonNode) stats = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  guint counts[WARD_N_VERDICTS] = { 0 };
  JsonArray *judged;

  if (!ward_test_have_poppler ())
    return;
  fill_targets (f);
  targets = ward_targets_load (f->store, &error);
  {
    WardTarget *coverage = find_target (targets, "5g");
    g_autoptr (WardReading) baseline = ward_reading_new (coverage);

    baseline->year = 2025;
    baseline->baseline = TRUE;
    baseline->has_value = TRUE;
    baseline->final = TRUE;
    g_assert_true (ward_reading_save (f->store, coverage, baseline, NULL, &error));
    g_assert_no_error (error);
  }
  add_reading (f, targets, "5g", 2025, 5, TRUE);
  add_reading (f, targets, "online-services", 2026, 90, TRUE);
  stats = ward_stats_collect (f->store, &error);
  g_assert_no_error (error);
  judged = json_object_get_array_member (json_node_get_object (stats), "targets");
  g_assert_cmpuint (json_array_get_length (judged), ==, targets->len);
  for (guint i = 0; i < targets->len; i++)
    {
      WardProgress progress;
      JsonObject *printed = json_array_get_object_element (judged, i);

      g_assert_true (ward_target_compute_progress (f->store, targets->pdata[i], "2026-11-27", &progress,
                                                   NULL, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %s", ward_target_get_code (targets->pdata[i]),
                      ward_verdict_to_string (progress.verdict));
      g_assert_cmpstr (json_object_get_string_member (printed, "code"), ==,
                       ward_target_get_code (targets->pdata[i]));
      g_assert_cmpstr (json_object_get_string_member (printed, "verdict"), ==,
                       ward_verdict_to_string (progress.verdict));
      counts[progress.verdict]++;
    }
  g_assert_cmpuint (counts[WARD_VERDICT_BEHIND], >=, 1);       /* 5G from its baseline */
  g_assert_cmpuint (counts[WARD_VERDICT_NO_BASELINE], >=, 1);  /* income, insurance */
  g_assert_cmpuint (counts[WARD_VERDICT_MET], >=, 1);          /* online services, recruitment */

  options.period = period_of (f, "2026", 0);
  pdf = write_report (f, WARD_REPORT_KIND_TARGETS, &options);
  text = pdf_text (pdf, 0);
  summary = g_strdup_printf ("đã đạt %u, đúng tiến độ %u, chậm tiến độ %u", counts[WARD_VERDICT_MET],
                             counts[WARD_VERDICT_ON_TRACK], counts[WARD_VERDICT_BEHIND]);
  assert_contains_words (text, summary);
  g_free (summary);
  summary = g_strdup_printf ("chưa có số liệu gốc %u, chưa đủ số liệu %u", counts[WARD_VERDICT_NO_BASELINE],
                             counts[WARD_VERDICT_INCOMPLETE]);
  assert_contains_words (text, summary);
  g_free (summary);
  summary = g_strdup_printf ("có nguy cơ không đạt %u", counts[WARD_VERDICT_AT_RISK]);
  assert_contains_words (text, summary);
}

static void
test_targets_half_year (Fixture       *f,
                        gconstpointer  data)
{
  WardReportOptions options = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *admissions = NULL;

  if (!ward_test_have_poppler ())
    return;
  fill_targets (f);
  options.period = period_of (f, "2026-H1", 0);
  pdf = write_report (f, WARD_REPORT_KIND_TARGETS, &options);
  text = pdf_text (pdf, 0);
  assert_contains (text, "chỉ tiêu Nghị quyết 6 tháng đầu năm 2026");
  /* The ceremony of 15/03/2026 is in the half; 10/12/2025 before it. */
  admissions = row_line (text, 10);
  assert_contains (admissions, " 1 ");
  assert_contains (admissions, " 2 ");
  /* No half-year growth reading: nothing for the period. */
  assert_contains (text, "6 tháng đầu năm 2026 như sau");
}

/* Every form of --period, read by the one parser the CLI, the window and
 * the reports share, against a term of 2025 – 2030. */
static void
test_periods (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    const char *text; WardPeriodKind kind; const char *start; const char *end;
    const char *canonical; const char *words;
  } good[] = {
    { "2026", WARD_PERIOD_YEAR, "2026-01-01", "2026-12-31", "2026", "năm 2026" },
    { " 2030 ", WARD_PERIOD_YEAR, "2030-01-01", "2030-12-31", "2030", "năm 2030" },
    { "2026-H1", WARD_PERIOD_HALF, "2026-01-01", "2026-06-30", "2026-H1", "6 tháng đầu năm 2026" },
    { "2025-h2", WARD_PERIOD_HALF, "2025-07-01", "2025-12-31", "2025-H2", "6 tháng cuối năm 2025" },
    { "H2/2027", WARD_PERIOD_HALF, "2027-07-01", "2027-12-31", "2027-H2", "6 tháng cuối năm 2027" },
    { "6 tháng đầu năm 2027", WARD_PERIOD_HALF, "2027-01-01", "2027-06-30", "2027-H1",
      "6 tháng đầu năm 2027" },
    { "2026-Q3", WARD_PERIOD_QUARTER, "2026-07-01", "2026-09-30", "2026-Q3", "quý III năm 2026" },
    { "2028-q1", WARD_PERIOD_QUARTER, "2028-01-01", "2028-03-31", "2028-Q1", "quý I năm 2028" },
    { "Q4/2026", WARD_PERIOD_QUARTER, "2026-10-01", "2026-12-31", "2026-Q4", "quý IV năm 2026" },
    { "2026-09", WARD_PERIOD_MONTH, "2026-09-01", "2026-09-30", "2026-09", "tháng 9 năm 2026" },
    { "2028-02", WARD_PERIOD_MONTH, "2028-02-01", "2028-02-29", "2028-02", "tháng 2 năm 2028" },
    { "02/2027", WARD_PERIOD_MONTH, "2027-02-01", "2027-02-28", "2027-02", "tháng 2 năm 2027" },
    { "01/07/2025-30/06/2026", WARD_PERIOD_RANGE, "2025-07-01", "2026-06-30",
      "01/07/2025-30/06/2026", "từ ngày 01/07/2025 đến ngày 30/06/2026" },
    { "1/7/2025 – 30/6/2026", WARD_PERIOD_RANGE, "2025-07-01", "2026-06-30",
      "01/07/2025-30/06/2026", "từ ngày 01/07/2025 đến ngày 30/06/2026" },
    { "2025-07-01-2026-06-30", WARD_PERIOD_RANGE, "2025-07-01", "2026-06-30",
      "01/07/2025-30/06/2026", "từ ngày 01/07/2025 đến ngày 30/06/2026" },
    { "15/12/2024-15/01/2025", WARD_PERIOD_RANGE, "2024-12-15", "2025-01-15",
      "15/12/2024-15/01/2025", "từ ngày 15/12/2024 đến ngày 15/01/2025" },
    { "term", WARD_PERIOD_TERM, "2025-01-01", "2030-12-31", "term", "nhiệm kỳ 2025 – 2030" },
    { "Nhiệm kỳ", WARD_PERIOD_TERM, "2025-01-01", "2030-12-31", "term", "nhiệm kỳ 2025 – 2030" },
  };
  static const struct { const char *text; const char *message; } bad[] = {
    { "2031", "outside the term" },
    { "2024-H1", "outside the term" },
    { "01/01/2031-31/12/2031", "outside the term" },
    { "2026-H3", "is not a period" },
    { "2026-Q5", "is not a period" },
    { "2026-13", "is not a period" },
    { "2026-00", "is not a period" },
    { "20x6", "is not a period" },
    { "", "is not a period" },
    { "2026-H1x", "is not a period" },
    { "31/02/2026-01/03/2026", "is not a period" },
    { "30/06/2026-01/07/2025", "ends before it starts" },
    { "45000-45100", "is not a period" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *canonical = NULL;
      g_autofree char *words = NULL;
      WardReportPeriod period, again;

      g_test_message ("period “%s”", good[i].text);
      g_assert_true (ward_report_period_parse (good[i].text, "2025-01-01", "2030-12-31", &period,
                                               &error));
      g_assert_no_error (error);
      g_assert_cmpint (period.kind, ==, good[i].kind);
      g_assert_cmpstr (period.start, ==, good[i].start);
      g_assert_cmpstr (period.end, ==, good[i].end);
      canonical = ward_report_period_to_string (&period);
      g_assert_cmpstr (canonical, ==, good[i].canonical);
      words = ward_report_period_format (&period);
      g_assert_cmpstr (words, ==, good[i].words);
      /* What the parser writes, it reads back the same. */
      g_assert_true (ward_report_period_parse (canonical, "2025-01-01", "2030-12-31", &again, NULL));
      g_assert_cmpstr (again.start, ==, period.start);
      g_assert_cmpstr (again.end, ==, period.end);
      g_assert_true (ward_report_period_contains (&period, good[i].start));
      g_assert_true (ward_report_period_contains (&period, good[i].end));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      WardReportPeriod period;

      g_test_message ("period “%s”", bad[i].text);
      g_assert_false (ward_report_period_parse (bad[i].text, "2025-01-01", "2030-12-31", &period,
                                                &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      assert_contains (error->message, bad[i].message);
    }
  /* The store's term is the seeded resolution's: from its congress
   * (16/08/2025) to the term's end. */
  {
    g_autoptr (GError) error = NULL;
    WardReportPeriod period;

    g_assert_true (ward_report_period_term (f->store, &period, &error));
    g_assert_cmpstr (period.start, ==, "2025-08-16");
    g_assert_cmpstr (period.end, ==, "2030-12-31");
    g_assert_false (ward_report_period_parse_for (f->store, "2031", &period, &error));
    assert_contains (error->message, "16/08/2025 – 31/12/2030");
  }
}

/* ---- Report 2: programme ---------------------------------------------------- */

static void
test_programme (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *overdue = NULL;
  const char *done = NULL;
  const char *count = NULL;
  double width, height;

  if (!ward_test_have_poppler ())
    return;
  fill_programme (f);
  pdf = write_report (f, WARD_REPORT_KIND_PROGRAMME, NULL);
  text = pdf_text (pdf, 0);

  pdf_n_pages (pdf, &width, &height);
  g_assert_cmpfloat (width, >, height);
  assert_party_heading (text);
  assert_contains (text, "tiến độ thực hiện chương trình hành động nhiệm kỳ 2025 – 2030");
  assert_contains (text, "Nhiệm vụ trọng tâm 1: Xây dựng Đảng");
  assert_contains (text, "Khâu đột phá 1: ");
  overdue = row_line (strstr (text, "Nhiệm vụ trọng tâm 1:"), 1);
  assert_contains (overdue, "Đảng ủy");
  assert_contains (overdue, "30/06/2026");
  assert_contains (overdue, "Đang thực hiện");
  assert_contains (overdue, " 40 ");
  assert_contains (overdue, "Quá hạn");
  done = row_line (strstr (text, "Nhiệm vụ trọng tâm 3:"), 1);
  assert_contains (done, "Hoàn thành");
  g_assert_null (strstr (done, "Quá hạn"));
  count = line_with (text, "Quá hạn chưa hoàn thành");
  assert_contains (count, " 1");
  assert_serif_embedded (pdf);
}

/* ---- The study of the resolution -------------------------------------------- */

/* Ten members of one chi bộ, one absent who made it up, one absent still to
 * make up, one exempt and absent (not counted); two reflections. */
static void
fill_study (Fixture *f)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);
  g_autoptr (WardStudySession) s = ward_study_session_new ();
  g_autoptr (GError) error = NULL;
  gint64 cell = ward_party_cell_add (f->store, "Chi bộ Khu phố 3", &error), ids[11];

  for (guint i = 0; i < 11; i++)
    {
      g_autoptr (WardPartyMember) m = ward_party_member_new ();
      WardStudyAttendance *line;

      m->full_name = g_strdup_printf ("Đảng viên Số %02u", i + 1);
      m->birth_date = g_strdup ("1970-01-01");
      m->joined_date = g_strdup ("1995-01-01");
      m->cell_id = cell;
      m->exempt = i == 10 ? WARD_EXEMPT_HEALTH : WARD_EXEMPT_NONE;
      g_assert_true (ward_party_member_save (f->store, m, &error));
      ids[i] = m->id;
      line = ward_study_attendance_new (m->id, i < 8);
      g_ptr_array_add (lines, line);
    }
  s->cell_id = cell;
  s->title = g_strdup ("Quán triệt Nghị quyết Đại hội Đảng bộ phường");
  s->held_on = g_strdup ("2025-10-05");
  s->presenter = g_strdup ("Lê Văn Tám");
  g_assert_true (ward_study_session_save (f->store, s, lines, &error));
  g_assert_true (ward_study_make_up (f->store, s->id, ids[8], "2025-10-15", &error));
  g_assert_true (ward_study_reflection_set (f->store, ids[0], "2025-10-20", WARD_GRADE_GOOD, &error));
  g_assert_true (ward_study_reflection_set (f->store, ids[1], "2025-10-20", WARD_GRADE_PASS, &error));
  g_assert_no_error (error);
}

static void
test_study (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *numbers = NULL;

  if (!ward_test_have_poppler ())
    return;
  fill_study (f);
  pdf = write_report (f, WARD_REPORT_KIND_STUDY, NULL);
  text = pdf_text (pdf, 0);
  assert_party_heading (text);
  assert_contains (text, "kết quả học tập, quán triệt Nghị quyết Đại hội");
  assert_contains (text, "dự học 8 đồng chí, đạt 80%; học bù 1 đồng chí");
  assert_contains (text, "tổng số đã học tập 9 đồng chí, đạt 90%");
  assert_contains (text, "không tính vào tổng số: 1 đồng chí");
  assert_contains (line_with (text, "05/10/2025"), "Chi bộ Khu phố 3");
  numbers = numbers_after (line_with (text, "1 Chi bộ Khu phố 3"), "Chi bộ Khu phố 3");
  g_assert_cmpstr (numbers, ==, "10 8 80 1 90 1 2 1");
  assert_contains (line_with (text, "Đảng viên chưa nộp bài thu hoạch"), "8");
  assert_contains (text, "Đảng viên Số 10 (Chi bộ Khu phố 3)");
  g_assert_null (strstr (text, "Đảng viên Số 11 ("));
  assert_serif_embedded (pdf);
}

/* ---- Report 3: members ------------------------------------------------------ */

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *hoa = NULL;
  const char *women = NULL;
  g_autofree char *chau = NULL;
  const char *first_cell, *second_cell, *due;
  WardMissedDeadlines missed;
  g_autofree char *counted = NULL;

  if (!ward_test_have_poppler ())
    return;
  fill_candidates (f);
  pdf = write_report (f, WARD_REPORT_KIND_ADMISSIONS, NULL);
  text = pdf_text (pdf, 0);

  assert_party_heading (text);
  assert_contains (text, "kết quả công tác phát triển đảng viên nhiệm kỳ 2025 – 2030");
  assert_contains (line_with (text, "chỉ tiêu Nghị quyết"), "2/600");
  /* By chi bộ, in the office's order, the furthest stage first. */
  first_cell = strstr (text, "Chi bộ Khu phố 1 (2 người)");
  second_cell = strstr (text, "Chi bộ Khu phố 2 (2 người)");
  g_assert_nonnull (first_cell);
  g_assert_nonnull (second_cell);
  g_assert_true (first_cell < second_cell);
  g_assert_true (strstr (first_cell, "Nguyễn Thị Hoa") < strstr (first_cell, "Lê Minh Châu"));
  hoa = row_line (first_cell, 1);
  assert_contains (hoa, "Nguyễn Thị Hoa");
  assert_contains (hoa, "05/03/1995");
  assert_contains (hoa, "Đã kết nạp");
  assert_contains (hoa, "10/12/2025");
  chau = g_strndup (first_cell, second_cell - first_cell);
  assert_contains (chau, "Lê Minh Châu");
  assert_contains (chau, "Tạm dừng");
  assert_contains (chau, "Đã học lớp nhận thức về");
  g_assert_null (strstr (text, "Phạm Văn Dũng"));
  assert_contains (text, "Không kể 1 trường hợp đã thôi theo dõi.");
  /* The statistics of the two admitted. */
  women = line_with (text, "Nữ ");
  assert_contains (women, "50");
  assert_contains (line_with (text, "Từ 18 đến 30 tuổi"), " 1 ");
  assert_contains (line_with (text, "Từ 31 đến 40 tuổi"), " 1 ");
  assert_contains (line_with (text, "Trên 50 tuổi"), " 0 ");
  assert_contains (line_with (text, "Mường"), "50");
  assert_contains (line_with (text, "Là đoàn viên"), "100");
  /* Due for recognition: only Nguyễn Thị Hoa, on 10/12/2026. */
  due = strstr (text, "V. Đảng viên dự bị đến hạn");
  g_assert_nonnull (due);
  assert_contains (due, "Nguyễn Thị Hoa");
  assert_contains (due, "10/12/2026");
  assert_contains (due, "Còn 13 ngày");
  g_assert_null (strstr (due, "Hoàng Văn Em"));
  /* The deadlines missed, as the register's filter counts them: two in
   * these files (ward_admissions_missed_deadlines(), the one count). */
  g_assert_true (ward_admissions_missed_deadlines (f->store, TODAY, &missed, NULL));
  g_assert_cmpint (missed.missed, ==, 2);
  counted = g_strdup_printf ("2 thời hạn, ở %" G_GINT64_FORMAT " hồ sơ; quá nhiều nhất %d", missed.candidates,
                             missed.most_days_over);
  assert_contains_words (text, counted);
  assert_serif_embedded (pdf);
}


/* The report by chi bộ the Party office sends up every six months: the
 * admissions of the period per chi bộ add up to what the target counts
 * (ward_targets_count_registered()), the stages are those at the end of
 * the period. */
static void
test_members_by_cell (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *period; const char *first; const char *second;
                        const char *total; } cases[] = {
    /* Cảm tình, lớp, hồ sơ, chờ, kết nạp, công nhận, dự bị */
    { "term", "0 1 0 0 1 0 1", "0 0 1 0 1 0 1", "0 1 1 0 2 0 2" },
    { "2026-H1", "0 1 0 0 0 0 1", "0 0 1 0 1 0 1", "0 1 1 0 1 0 2" },
    /* At the end of 2025 Hoàng Văn Em awaited his ceremony (decision of 20/06/2025). */
    { "2025", "0 1 0 0 1 0 1", "0 0 1 1 0 0 0", "0 1 1 1 1 0 1" },
  };

  if (!ward_test_have_poppler ())
    return;
  fill_candidates (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WardReportOptions options = { .period = period_of (f, cases[i].period, 0) };
      g_autofree char *pdf = write_report (f, WARD_REPORT_KIND_ADMISSIONS, &options);
      g_autofree char *text = pdf_text (pdf, 0);
      g_autofree char *first = numbers_after (line_with (text, " Chi bộ Khu phố 1 "), "Khu phố 1");
      g_autofree char *second = numbers_after (line_with (text, " Chi bộ Khu phố 2 "), "Khu phố 2");
      g_autofree char *total = numbers_after (line_with (text, "Tổng cộng"), "Tổng cộng");
      g_autoptr (GError) error = NULL;
      gint64 counted;
      g_auto (GStrv) totals = g_strsplit (total, " ", -1);

      g_test_message ("%s: %s | %s | %s", cases[i].period, first, second, total);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (second, ==, cases[i].second);
      g_assert_cmpstr (total, ==, cases[i].total);
      counted = ward_targets_count_registered (f->store, WARD_SOURCE_ADMISSIONS,
                                               options.period->start, options.period->end, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_ascii_strtoll (totals[4], NULL, 10), ==, counted);
      assert_contains (text, "II. Kết quả theo chi bộ");
    }
}

/* ---- Report 4: enterprises -------------------------------------------------- */

static void
test_enterprises (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *list, *february, *march;

  if (!ward_test_have_poppler ())
    return;
  fill_enterprises (f);
  pdf = write_report (f, WARD_REPORT_KIND_ENTERPRISES, NULL);
  text = pdf_text (pdf, 0);

  assert_party_heading (text);
  assert_contains (text, "tình hình thành lập mới doanh nghiệp nhiệm kỳ 2025 – 2030");
  assert_contains (line_with (text, "chỉ tiêu Nghị quyết"), "4/750 (0,5%)");
  assert_contains (line_with (text, "Năm 2026"), "3");
  assert_contains (text, "Không tính 1 chi nhánh");
  assert_contains (line_with (text, "TNHH một thành viên"), "25");
  assert_contains (line_with (text, "Doanh nghiệp tư nhân "), "1");
  assert_contains (text, "G – ");
  assert_contains (text, "F – ");
  list = strstr (text, "IV. Danh sách");
  g_assert_nonnull (list);
  february = strstr (list, "Tháng 02/2026 (2 doanh nghiệp)");
  march = strstr (list, "Tháng 03/2026 (1 doanh nghiệp)");
  g_assert_nonnull (february);
  g_assert_nonnull (march);
  g_assert_true (strstr (list, "Tháng 11/2025 (1 doanh nghiệp)") < february);
  g_assert_true (february < strstr (list, "Công ty Cổ phần Đông Sơn Xanh"));
  g_assert_true (strstr (list, "Công ty TNHH Hải Châu") > march);
  g_assert_null (strstr (list, "Chi nhánh Công ty TNHH Bình An"));
  assert_contains (line_with (list, "Công ty TNHH Bình An"), "05/02/2026");
  assert_serif_embedded (pdf);
}


/* The period's new enterprises by type and section, with their capital:
 * the same enterprises as the target counts in the period. */
static void
test_enterprises_period (Fixture       *f,
                         gconstpointer  data)
{
  WardReportOptions options = { 0 };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  gint64 counted;

  if (!ward_test_have_poppler ())
    return;
  fill_enterprises (f);
  /* February 2026: Bình An (TNHH một thành viên, 2 tỷ) and Đông Sơn Xanh
   * (cổ phần, 4 tỷ). */
  options.period = period_of (f, "2026-02", 0);
  pdf = write_report (f, WARD_REPORT_KIND_ENTERPRISES, &options);
  text = pdf_text (pdf, 0);
  counted = ward_targets_count_registered (f->store, WARD_SOURCE_ENTERPRISES,
                                           options.period->start, options.period->end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counted, ==, 2);
  assert_contains (text, "tình hình thành lập mới doanh nghiệp tháng 2 năm 2026");
  assert_contains (line_with (text, "Số doanh nghiệp thành lập mới trong tháng 2 năm 2026"), " 2");
  assert_contains (line_with (text, "Tổng vốn điều lệ đăng ký"), "6.000.000.000 đ");
  /* The term's total as of the end of the period: Minh Tâm (2025) too. */
  assert_contains (line_with (text, "Lũy kế nhiệm kỳ"), "3/750");
  {
    g_autofree char *llc = numbers_after (line_with (text, "TNHH một thành viên "),
                                          "TNHH một thành viên");
    g_autofree char *jsc = numbers_after (line_with (text, "Công ty cổ phần "), "Công ty cổ phần");

    g_assert_cmpstr (llc, ==, "1 50 2.000.000.000");
    g_assert_cmpstr (jsc, ==, "1 50 4.000.000.000");
  }
  g_assert_null (strstr (text, "Hải Châu"));
  g_assert_null (strstr (text, "Minh Tâm"));
  assert_contains (line_with (strstr (text, "IV. Danh sách"), "Công ty TNHH Bình An"),
                   "2.000.000.000");
  assert_serif_embedded (pdf);
}

/* Who signs, under which number and date: the forms of each kind of body. */
static void
test_signer (Fixture       *f,
             gconstpointer  data)
{
  static const struct {
    WardReportKind kind; WardSignerAuthority authority; const char *position;
    const char *lines[3]; const char *number;
  } cases[] = {
    { WARD_REPORT_KIND_ADMISSIONS, WARD_SIGNER_DEFAULT, NULL, { "T/M ĐẢNG ỦY", "BÍ THƯ" },
      "Số 12-BC/ĐU" },
    { WARD_REPORT_KIND_ADMISSIONS, WARD_SIGNER_ON_BEHALF, "PHÓ BÍ THƯ",
      { "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ" }, "Số 12-BC/ĐU" },
    { WARD_REPORT_KIND_ENTERPRISES, WARD_SIGNER_DEPUTY, "PHÓ BÍ THƯ",
      { "K/T BÍ THƯ", "PHÓ BÍ THƯ" }, "Số 12-BC/ĐU" },
    { WARD_REPORT_KIND_DONATIONS, WARD_SIGNER_DEPUTY, "PHÓ CHỦ TỊCH",
      { "TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" }, "Số: 12/DS-MTTQ-BTT" },
    { WARD_REPORT_KIND_DONATIONS, WARD_SIGNER_ACTING, "CHỦ TỊCH",
      { "TM. BAN THƯỜNG TRỰC", "Q. CHỦ TỊCH" }, "Số: 12/DS-MTTQ-BTT" },
    { WARD_REPORT_KIND_PROGRAMME, WARD_SIGNER_DIRECT, "TRƯỞNG BAN TUYÊN GIÁO",
      { "TRƯỞNG BAN TUYÊN GIÁO" }, "Số 12-BC/ĐU" },
  };

  if (!ward_test_have_poppler ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WardReportSigning signing = {
        .name = (char *) "Lê Văn Thành", .position = (char *) cases[i].position,
        .authority = cases[i].authority, .number = (char *) "12", .date = (char *) "2026-12-05",
      };
      WardReportOptions options = { .signing = &signing };
      g_autofree char *pdf = write_report (f, cases[i].kind, &options);
      g_autofree char *text = pdf_text (pdf, 0);
      g_autofree char *info = NULL;

      g_test_message ("case %u", i);
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].lines) && cases[i].lines[k] != NULL; k++)
        assert_contains (text, cases[i].lines[k]);
      assert_contains (text, "Lê Văn Thành");
      assert_contains (text, cases[i].number);
      assert_contains (text, "Đông Sơn, ngày 05 tháng 12 năm 2026");
      {
        const char *argv[] = { "pdfinfo", pdf, NULL };

        info = ward_test_run_tool (argv);
        assert_contains (info, "2026");
      }
    }
  /* A number written whole is printed as written. */
  {
    WardReportSigning signing = { .number = (char *) "45-BC/ĐU" };
    WardReportOptions options = { .signing = &signing };
    g_autofree char *pdf = write_report (f, WARD_REPORT_KIND_ENTERPRISES, &options);
    g_autofree char *text = pdf_text (pdf, 0);

    assert_contains (text, "Số 45-BC/ĐU");
    g_assert_null (strstr (text, "45-BC/ĐU-BC"));
  }
}

/* ---- Report 5: the disclosure list ------------------------------------------ */

static char *
last_hash (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStmt) stmt = ward_store_prepare (f->store, "SELECT hash FROM ledger_entries "
                                                  "ORDER BY seq DESC LIMIT 1", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return ward_stmt_dup_text (stmt, 0);
}

/* The example: receipts dated 12/2026 into a campaign that ran
 * 17/09–16/10/2025, confirmed: the list keeps its period true and counts
 * them apart. */
static void
test_donations_outside_period (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  campaign = campaign_of (f);
  add_receipt (f, campaign, "4", "2026-11-20", "Phạm Văn Muộn", "Tổ dân phố 4", 300000);
  pdf = write_report (f, WARD_REPORT_KIND_DONATIONS, NULL);
  text = pdf_text (pdf, 0);
  assert_contains (text, "(Từ ngày 17/09/2025 đến ngày 16/10/2025)");
  /* The period's list: as before, without the late receipt. */
  assert_contains (line_with (text, "Tổng cộng"), "1.250.000");
  assert_contains (text, "Biên lai ghi ngày ngoài thời gian cuộc vận động");
  assert_contains (text, "1 biên lai, tổng 300.000 đ, ghi ngày ngoài thời gian nêu trên");
  assert_contains (line_with (text, "Phạm Văn Muộn"), "300.000");
}

static void
test_donations (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *hash = NULL;
  int n_pages;

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  pdf = write_report (f, WARD_REPORT_KIND_DONATIONS, NULL);
  text = pdf_text (pdf, 0);

  assert_contains (text, "ỦY BAN MTTQ VIỆT NAM");
  assert_contains (text, "PHƯỜNG ĐÔNG SƠN");
  assert_contains (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  assert_contains (text, "Độc lập - Tự do - Hạnh phúc");
  g_assert_null (strstr (text, "ĐẢNG CỘNG SẢN VIỆT NAM"));
  assert_contains (text, "BAN THƯỜNG TRỰC");
  assert_contains (text, "/DS-MTTQ-BTT");
  assert_contains (text, "DANH SÁCH");
  assert_contains (text, "công khai kết quả ủng hộ cuộc vận động “Ủng hộ Nhân dân Cuba”");
  assert_contains (text, "(Từ ngày 17/09/2025 đến ngày 16/10/2025)");
  assert_contains (text, LIST_HEAD);
  assert_contains (line_with (text, "Nguyễn Văn An"), "500.000");
  assert_contains (line_with (text, "Nguyễn Văn An"), "Tổ dân phố 1");
  assert_contains (line_with (text, "Nguyễn Văn An"), "Tiền mặt");
  assert_contains (line_with (text, "Nguyễn Văn An"), "20/09/2025");
  /* The reversed receipt is not listed; the list's total is what stands. */
  g_assert_null (strstr (text, "Trần Thị Bé"));
  assert_contains (line_with (text, "Tổng cộng"), "1.250.000");
  assert_contains (line_with (text, "Tổng số tiền đã nhận"), "1.250.000 đ");
  assert_contains (text, "Một triệu hai trăm năm mươi nghìn đồng");
  assert_contains (line_with (text, "Đã chuyển lên cấp trên"), "1.000.000 đ");
  assert_contains (line_with (text, "Số tiền còn lại (tồn quỹ)"), "250.000 đ");
  assert_contains (line_with (text, "CT-01"), "Hội Chữ thập đỏ tỉnh Thanh Hóa");
  assert_contains (text, "TM. BAN THƯỜNG TRỰC");
  assert_contains (text, "CHỦ TỊCH");
  assert_contains (text, "- Lưu: VT.");

  /* The chain's last hash, on the last page. */
  hash = last_hash (f);
  n_pages = pdf_n_pages (pdf, NULL, NULL);
  last_page = pdf_text (pdf, n_pages);
  /* The label and the hash on one line: a page never parts them. */
  /* Each installation writes its own receipt book: the line names it. */
  assert_contains (line_with (last_page, hash), "Mã kiểm tra sổ quỹ (SHA-256), quyển ");
  assert_contains (line_with (last_page, hash), ", bút toán 5:");
  assert_serif_embedded (pdf);
}

/* Issue 26: a typo found after the money went upward, corrected under the
 * receipt's own number: the list shows the receipt as corrected, once, and
 * says that it was. */
static void
test_donations_corrected (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  WardReceiptInput fixed = {
    .date = "2025-09-21", .donor = "Chi bộ Khu phố 2", .donor_kind = WARD_DONOR_BODY,
    .donor_group = "Chi bộ Khu phố 2", .amount = 700000, .method = WARD_PAYMENT_CASH,
  };

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  campaign = campaign_of (f);
  /* Receipt no. 2 was 750.000, typed for 700.000; 250.000 is on hand. */
  g_assert_true (ward_ledger_correct_receipt (f->store, campaign, 2, &fixed, "2025-10-20",
                                              "Ghi nhầm số tiền", NULL, NULL, &error));
  g_assert_no_error (error);
  pdf = write_report (f, WARD_REPORT_KIND_DONATIONS, NULL);
  text = pdf_text (pdf, 0);
  assert_contains (line_with (text, "Chi bộ Khu phố 2"), "700.000");
  g_assert_null (strstr (text, "750.000"));
  assert_contains (line_with (text, "Tổng cộng"), "1.200.000");
  assert_contains (line_with (text, "Số tiền còn lại (tồn quỹ)"), "200.000 đ");
  assert_contains (text, "2 bút toán điều chỉnh");
  assert_contains (text, "1 biên lai được sửa (hủy và ghi lại với cùng số");
}

static gint64
fill_long_ledger (Fixture *f)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  g_autoptr (GError) error = NULL;
  gint64 total = 0;

  g_assert_true (ward_store_begin (f->store, &error));
  for (int i = 1; i <= N_LONG; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *donor = g_strdup_printf ("Người ủng hộ số %04d", i);
      g_autofree char *group = g_strdup_printf ("Tổ dân phố %d", i % 12 + 1);
      gint64 amount = (i % 20 + 1) * 10000;

      add_receipt (f, campaign, number, "2025-10-01", donor, group, amount);
      total += amount;
    }
  g_assert_true (ward_store_commit (f->store, &error));
  g_assert_no_error (error);
  return total;
}

static void
test_disclosure_long (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *total_text = NULL;
  int n_pages, list_pages = 0;
  gint64 total;

  if (!ward_test_have_poppler ())
    return;
  total = fill_long_ledger (f);
  pdf = write_report (f, WARD_REPORT_KIND_DONATIONS, NULL);
  n_pages = pdf_n_pages (pdf, NULL, NULL);
  g_assert_cmpint (n_pages, >, 50);
  total_text = ward_format_number (total);

  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("%d", page);
      g_auto (GStrv) lines = g_strsplit_set (text, "\n", -1);
      const char *first_line = NULL;

      for (guint i = 0; lines[i] != NULL && first_line == NULL; i++)
        if (g_strstrip (lines[i])[0] != '\0')
          first_line = lines[i];
      g_assert_nonnull (first_line);
      /* Numbered from page 2, centred in the top margin. */
      if (page > 1)
        g_assert_cmpstr (first_line, ==, number);
      if (list_pages == 0)
        {
          /* Every page of the list repeats its header row. */
          assert_contains (text, LIST_HEAD);
          if (strstr (text, "Tổng cộng") != NULL)
            {
              list_pages = page;
              assert_contains (line_with (text, "Tổng cộng"), total_text);
              assert_contains (text, "Người ủng hộ số 5000");
            }
        }
    }
  g_assert_cmpint (list_pages, >, 50);
  {
    g_autofree char *hash = last_hash (f);
    g_autofree char *last_page = pdf_text (pdf, n_pages);
    g_autofree char *expected = g_strdup_printf ("bút toán 5000: %s", hash);
    g_auto (GStrv) words = g_strsplit_set (last_page, " \n", -1);
    g_autoptr (GString) flat = g_string_new (NULL);

    /* The hash may go to a line of its own: it changes with the time the
     * entries were recorded, and its letters are wider than its digits. */
    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[i]);
    assert_contains (flat->str, expected);
  }
}

/* ---- Report 6: the receipt -------------------------------------------------- */

/* @text in two at the start of the line holding @needle: the heading of a
 * half-sheet shares its line with what stands beside it. */
static GStrv
split_at_line (const char *text,
               const char *needle)
{
  const char *found = strstr (text, needle);
  const char *line;
  char **halves = g_new0 (char *, 3);

  g_assert_nonnull (found);
  for (line = found; line > text && line[-1] != '\n'; line--)
    ;
  halves[0] = g_strndup (text, line - text);
  halves[1] = g_strdup (line);
  return halves;
}

static void
test_receipt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  WardReportOptions options = { .receipt_number = "BL-0012" };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) halves = NULL;
  double width, height;

  if (!ward_test_have_poppler ())
    return;
  add_receipt (f, campaign, "BL-0012", "2025-10-05", "Nguyễn Văn An", "Tổ dân phố 4", 1250000);
  pdf = write_report (f, WARD_REPORT_KIND_RECEIPT, &options);
  g_assert_true (g_str_has_suffix (pdf, "bien-lai-BL-0012.pdf"));
  text = pdf_text (pdf, 0);

  /* Its two copies on one A4 sheet, one A5 half each. */
  g_assert_cmpint (pdf_n_pages (pdf, &width, &height), ==, 1);
  g_assert_cmpint ((int) (width + 0.5), ==, 595);
  g_assert_cmpint ((int) (height + 0.5), ==, 842);
  halves = split_at_line (text, "Liên 2: Lưu tại quyển biên lai");
  assert_contains (halves[0], "Liên 1: Giao người nộp tiền");
  g_assert_null (strstr (halves[0], "Liên 2"));
  for (guint i = 0; i < 2; i++)
    {
      const char *half = halves[i];

      assert_contains (half, "ỦY BAN MTTQ VIỆT NAM");
      assert_contains (half, "Quyển số: ");
      assert_contains (half, "Số: BL-0012");
      assert_contains (half, "BIÊN LAI THU TIỀN ỦNG HỘ");
      assert_contains (line_with (half, "Họ và tên người nộp tiền"), "Nguyễn Văn An");
      assert_contains (line_with (half, "Số tiền"), "1.250.000 đ");
      assert_contains (half, "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng.");
      assert_contains (line_with (half, "Hình thức"), "Tiền mặt");
      assert_contains (half, "Đông Sơn, ngày 05 tháng 10 năm 2025");
      assert_contains (half, "NGƯỜI NỘP TIỀN");
      assert_contains (half, "NGƯỜI THU TIỀN");
      assert_contains (half, "(Ký tên, đóng dấu)");
      assert_contains (half, "Lê Thị Thu");
      assert_contains (half, "Ủng hộ Nhân dân Cuba");
    }
  assert_serif_embedded (pdf);
}

/* A period's receipts, reprinted as the book holds them: each receipt's two
 * copies on one sheet, in receipt number order. */
static void
test_receipt_book (Fixture       *f,
                   gconstpointer  data)
{
  WardReportOptions options = { 0 };
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = NULL;
  int n_sheets;

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  options.period = period_of (f, "09/2025", 0);
  report = ward_reports_build (f->store, WARD_REPORT_KIND_RECEIPT, f->settings, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ward_report_get_paper (report), ==, WARD_REPORT_PAPER_A5_ON_A4);
  pdf = g_build_filename (f->dir, "bien-lai-2025-09.pdf", NULL);
  g_assert_true (ward_report_write_pdf (report, pdf, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  n_sheets = pdf_n_pages (pdf, NULL, NULL);
  /* Three receipts in September, the reversed one with its note: six A5
   * pages, two to a sheet. */
  g_assert_cmpint (n_sheets, ==, 3);
  g_assert_cmpint (ward_report_get_n_pages (report), ==, 6);
  g_assert_cmpint (ward_report_get_n_sheets (report), ==, 3);
  for (int sheet = 1; sheet <= n_sheets; sheet++)
    {
      g_autofree char *text = pdf_text (pdf, sheet);
      g_autofree char *number = g_strdup_printf ("Số: %d", sheet);

      assert_contains (text, "Liên 1: Giao người nộp tiền");
      assert_contains (text, "Liên 2: Lưu tại quyển biên lai");
      g_assert_cmpuint (count_substrings (text, number), ==, 2);
      if (sheet == 3)
        assert_contains (text, "đã được hủy bằng bút toán điều chỉnh ngày 25/09/2025");
    }
}

static void
test_receipt_refused (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *campaign; const char *number; int code; } cases[] = {
    { NULL, "99", WARD_ERROR_NOT_FOUND },
    { NULL, "  ", WARD_ERROR_INVALID },
    { "Không có chiến dịch này", "1", WARD_ERROR_NOT_FOUND },
  };

  fill_ledger (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WardReportOptions options = { .campaign = cases[i].campaign, .receipt_number = cases[i].number };
      g_autoptr (GError) error = NULL;
      g_autoptr (WardReport) report = ward_reports_build (f->store, WARD_REPORT_KIND_RECEIPT,
                                                          f->settings, &options, &error);

      g_assert_null (report);
      g_assert_error (error, WARD_ERROR, cases[i].code);
    }
  /* A period without a receipt. */
  {
    WardReportOptions options = { .period = period_of (f, "2027", 0) };
    g_autoptr (GError) error = NULL;
    g_autoptr (WardReport) report = ward_reports_build (f->store, WARD_REPORT_KIND_RECEIPT,
                                                        f->settings, &options, &error);

    g_assert_null (report);
    g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
    assert_contains (error->message, "no receipt in the period 2027");
  }
}


static gint64
add_anonymous_receipt (Fixture      *f,
                       WardCampaign *campaign)
{
  g_autoptr (GError) error = NULL;
  WardReceiptInput input = {
    .receipt_number = "4", .date = "2025-09-23", .donor = "Phan Văn Giấu",
    .donor_kind = WARD_DONOR_PERSON, .donor_group = "Tổ dân phố 1", .amount = 300000,
    .method = WARD_PAYMENT_BANK, .reference = "FT25266001", .collector = "Lê Thị Thu",
    .anonymous = TRUE,
  };
  gint64 id = 0;

  g_assert_true (ward_ledger_add_receipt (f->store, campaign, &input, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* A donor who asked not to be named: every public list names the
 * "Nhà hảo tâm (không nêu tên)", the ledger and the donor's own receipt
 * keep the name, and the chain still verifies. */
static void
test_anonymous (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GError) error = NULL;
  const WardReportKind public_lists[] = { WARD_REPORT_KIND_DONATIONS,
                                          WARD_REPORT_KIND_DONATIONS_BY_GROUP };
  gint64 id;

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  id = add_anonymous_receipt (f, campaign);
  entries = ward_ledger_entries_load (f->store, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ward_ledger_entries_lookup (entries, id)->donor, ==, "Phan Văn Giấu");
  g_assert_true (ward_ledger_entries_lookup (entries, id)->anonymous);
  g_assert_true (ward_ledger_verify (f->store, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (public_lists); i++)
    {
      g_autofree char *pdf = write_report (f, public_lists[i], NULL);
      g_autofree char *text = pdf_text (pdf, 0);
      const char *row = row_around (text, "23/09/2025");

      /* The label wraps in the name's column: "Nhà hảo tâm (không" above
       * the row's line, "nêu tên)" below it. */
      g_assert_null (strstr (text, "Phan Văn Giấu"));
      assert_contains (row, "Nhà hảo tâm (không");
      assert_contains (row, "nêu tên)");
      assert_contains (line_with (row, "23/09/2025"), "Chuyển khoản");
      assert_contains (line_with (row, "23/09/2025"), "300.000");
    }
  {
    WardReportOptions options = { .receipt_number = "4" };
    g_autofree char *pdf = write_report (f, WARD_REPORT_KIND_RECEIPT, &options);
    g_autofree char *text = pdf_text (pdf, 0);

    assert_contains (line_with (text, "Họ và tên người nộp tiền"), "Phan Văn Giấu");
    assert_contains (text, "Chuyển khoản (mã giao dịch FT25266001)");
  }
}

/* Each group on its own page, as the Front posts it in that group: its
 * heading, its receipts, its subtotal, the collector's and the Front's
 * signatures; after the summary signed by the Front. */
static void
test_donations_by_group (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  int n_pages, first_group = 0;

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  add_anonymous_receipt (f, campaign);
  pdf = write_report (f, WARD_REPORT_KIND_DONATIONS_BY_GROUP, NULL);
  n_pages = pdf_n_pages (pdf, NULL, NULL);
  all = pdf_text (pdf, 0);
  assert_contains (line_with (all, "Tổng số tiền đã nhận"), "1.550.000 đ");

  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);

      if (strstr (text, "NGƯỜI THU TIỀN") == NULL)
        continue;
      if (first_group == 0)
        first_group = page;
      assert_contains (text, "ỦY BAN MTTQ VIỆT NAM");
      assert_contains (text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      assert_contains (text, "TM. BAN THƯỜNG TRỰC");
      assert_contains (text, "Lê Thị Thu");
      if (strstr (text, "Tổ dân phố 1") != NULL)
        {
          assert_contains (line_with (text, "Nguyễn Văn An"), "500.000");
          assert_contains (row_around (text, "23/09/2025"), "Nhà hảo tâm (không");
          assert_contains (line_with (text, "23/09/2025"), "300.000");
          assert_contains (line_with (text, "Cộng"), "800.000");
          g_assert_null (strstr (text, "Chi bộ Khu phố 2 "));
        }
      else
        {
          assert_contains (text, "Chi bộ Khu phố 2");
          assert_contains (line_with (text, "Cộng"), "750.000");
        }
    }
  /* The summary first; then Chi bộ Khu phố 2 and Tổ dân phố 1, a page each
   * (Tổ dân phố 3's only receipt was reversed). */
  g_assert_cmpint (first_group, >, 1);
  g_assert_cmpint (n_pages - first_group + 1, ==, 2);
  g_assert_null (strstr (all, "Trần Thị Bé"));
  assert_serif_embedded (pdf);
}

/* A file holding "To dan pho 3" beside "Tổ dân phố 3" (typed before the
 * lists of known names): the summary's groups and the disclosure lists by
 * group count them as one group, named with its marks; "Tổ dân phố 2"
 * before "Tổ dân phố 10". */
static void
test_donations_known_names (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (WardCampaign) campaign = campaign_of (f);
  g_autofree char *summary = NULL;
  g_autofree char *by_group = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  const char *groups, *two, *ten;
  int n_found = 0;

  if (!ward_test_have_poppler ())
    return;
  add_receipt (f, campaign, "1", "2025-09-20", "Nguyễn Văn An", "To dan pho 3", 500000);
  add_receipt (f, campaign, "2", "2025-09-21", "Trần Thị Bình", "Tổ dân phố 3", 300000);
  add_receipt (f, campaign, "3", "2025-09-22", "Lê Văn Cường", "Tổ dân phố 10", 100000);
  add_receipt (f, campaign, "4", "2025-09-23", "Phạm Thị Dung", "Tổ dân phố 2", 100000);

  summary = write_report (f, WARD_REPORT_KIND_DONATIONS, NULL);
  text = pdf_text (summary, 0);
  g_assert_null (strstr (text, "To dan pho 3"));
  groups = strstr (text, "Tổng hợp theo đơn vị");
  g_assert_nonnull (groups);
  assert_contains (line_with (groups, "Tổ dân phố 3"), "800.000");
  two = strstr (groups, "Tổ dân phố 2 ");
  ten = strstr (groups, "Tổ dân phố 10 ");
  g_assert_nonnull (two);
  g_assert_nonnull (ten);
  g_assert_true (two < ten);

  by_group = write_report (f, WARD_REPORT_KIND_DONATIONS_BY_GROUP, NULL);
  all = pdf_text (by_group, 0);
  g_assert_null (strstr (all, "To dan pho 3"));
  for (int page = 1; page <= pdf_n_pages (by_group, NULL, NULL); page++)
    {
      g_autofree char *one = pdf_text (by_group, page);

      if (strstr (one, "NGƯỜI THU TIỀN") == NULL || strstr (one, "Nguyễn Văn An") == NULL)
        continue;
      assert_contains (one, "Trần Thị Bình");
      assert_contains (line_with (one, "Cộng"), "800.000");
      n_found++;
    }
  g_assert_cmpint (n_found, ==, 1);
}

/* The tables of a report as a workbook: a zip in place, no temporary file
 * left beside it, and a report without a table refused. Its cells are read
 * back by tests/cli/test_report_xlsx.py with openpyxl. */
static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *path = g_build_filename (f->dir, "ket-nap.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *name;
  guint n_files = 0;

  fill_candidates (f);
  report = ward_reports_build (f->store, WARD_REPORT_KIND_ADMISSIONS, f->settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ward_report_write_xlsx (report, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
  dir = g_dir_open (f->dir, 0, &error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".ket-nap.xlsx."));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);

  {
    WardReportOptions options = { .receipt_number = "1" };
    g_autoptr (WardReport) receipt = NULL;
    g_autofree char *refused = g_build_filename (f->dir, "bien-lai.xlsx", NULL);

    fill_ledger (f);
    receipt = ward_reports_build (f->store, WARD_REPORT_KIND_RECEIPT, f->settings, &options, &error);
    g_assert_no_error (error);
    g_assert_false (ward_report_write_xlsx (receipt, refused, WARD_OUTPUT_REPLACE, &error));
    g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }
}

/* ---- Settings --------------------------------------------------------------- */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr (WardReportSettings) settings = ward_report_settings_new ();
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GError) error = NULL;
  const char *recipients[] = { "Ban Tuyên giáo Tỉnh ủy", "Lưu", NULL };
  g_autofree char *pdf = g_build_filename (f->dir, "settings.pdf", NULL);
  g_autofree char *text = NULL;

  if (!ward_test_have_poppler ())
    return;

  /* The ward as the seed has it, in capitals. */
  g_assert_cmpstr (f->settings->party_body, ==, "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN");
  g_assert_cmpstr (f->settings->parent_body, ==, "ĐẢNG BỘ TỈNH THANH HÓA");
  g_assert_cmpstr (f->settings->front_body, ==, "PHƯỜNG ĐÔNG SƠN");
  g_assert_cmpstr (f->settings->place_name, ==, "Đông Sơn");

  /* What the user set wins; a body left at its default comes from the
   * ward the file was seeded for. */
  ward_test_exec (f->store, "UPDATE ward SET parent_body = 'Đảng bộ tỉnh Nghệ An'");
  g_settings_set_string (gsettings, "party-body", "ĐẢNG ỦY PHƯỜNG VINH PHÚ");
  g_settings_set_string (gsettings, "place-name", "Vinh Phú");
  g_settings_set_string (gsettings, "party-signatory-name", "Nguyễn Văn Bình");
  g_settings_set_strv (gsettings, "report-recipients", recipients);
  ward_report_settings_apply_gsettings (settings, gsettings);
  g_assert_null (settings->parent_body);
  g_assert_true (ward_report_settings_fill_from_store (settings, f->store, &error));
  g_assert_no_error (error);

  report = ward_reports_build (f->store, WARD_REPORT_KIND_PROGRAMME, settings, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ward_report_write_pdf (report, pdf, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  assert_contains (text, "ĐẢNG BỘ TỈNH NGHỆ AN");
  assert_contains (text, "ĐẢNG ỦY PHƯỜNG VINH PHÚ");
  assert_contains (text, "Vinh Phú, ngày 27 tháng 11 năm 2026");
  assert_contains (text, "Nguyễn Văn Bình");
  assert_contains (text, "- Ban Tuyên giáo Tỉnh ủy,");
  assert_contains (text, "- Lưu.");
  g_assert_null (strstr (text, "Lưu Văn phòng Đảng ủy"));
  g_settings_reset (gsettings, "party-body");
  g_settings_reset (gsettings, "place-name");
  g_settings_reset (gsettings, "party-signatory-name");
  g_settings_reset (gsettings, "report-recipients");
}

/* ---- The command line ------------------------------------------------------- */

static int
run_cli (Fixture    *f,
         char      **err_out,
         ...)
{
  g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "ward-tracker-cli",
                                                NULL);
  g_autofree char *db = g_build_filename (f->dir, "ward.sqlite3", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  int status;
  va_list args;

  g_assert_true (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE));
  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, db);
  va_start (args, err_out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, err_out, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  static const struct { const char *args[7]; int status; const char *message; } cases[] = {
    { { "report", "targets", "--period", "2026-H1", "--output", "t.pdf" }, 0, NULL },
    { { "report", "donations", "--output", "d.pdf" }, 0, NULL },
    { { "report", "receipt", "--receipt", "2", "--output", "r.pdf" }, 0, NULL },
    { { "report", "receipt", "--receipt", "77", "--output", "x.pdf" }, 1, "no receipt number “77”" },
    { { "report", "targets", "--period", "2031", "--output", "x.pdf" }, 1, "outside the term" },
    { { "report", "targets", "--period", "năm sau", "--output", "x.pdf" }, 1, "is not a period" },
    { { "report", "donations", "--campaign", "Lũ lụt", "--output", "x.pdf" }, 1, NULL },
    { { "report", "targets" }, 2, "Usage:" },
    { { "report", "budget", "--output", "x.pdf" }, 2, "Usage:" },
    { { "report", "donations", "--period", "2025-Q3", "--output", "d3.pdf" }, 0, NULL },
    { { "report", "receipt", "--period", "2025-09", "--output", "b.pdf" }, 0, NULL },
    { { "report", "targets", "--receipt", "2", "--output", "x.pdf" }, 2, "Usage:" },
    { { "report", "members", "--campaign", "Cuba", "--output", "x.pdf" }, 2, "Usage:" },
    { { "report", "receipt", "--output", "x.pdf" }, 2, "Usage:" },
    { { "report", "members", "--date", "31/02/2026", "--output", "x.pdf" }, 1, "31/02/2026" },
    { { "report", "members", "--signer-authority", "P.", "--output", "x.pdf" }, 1,
      "not a way of signing" },
  };

  if (!ward_test_have_poppler ())
    return;
  fill_ledger (f);
  g_clear_object (&f->store);  /* the CLI opens the file itself */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *a = cases[i].args;
      g_autofree char *err = NULL;
      g_autofree char *out_arg = NULL;
      const char *args[7] = { NULL };
      int status;

      for (guint j = 0; j < G_N_ELEMENTS (args) && a[j] != NULL; j++)
        args[j] = a[j];
      for (guint j = 0; j < G_N_ELEMENTS (args) && args[j] != NULL; j++)
        if (g_str_has_suffix (args[j], ".pdf"))
          args[j] = out_arg = g_build_filename (f->dir, a[j], NULL);
      status = run_cli (f, &err, args[0], args[1], args[2], args[3], args[4], args[5], NULL);
      g_test_message ("%s %s: %d %s", a[0], a[1], status, err);
      g_assert_cmpint (status, ==, cases[i].status);
      if (cases[i].message != NULL)
        assert_contains (err, cases[i].message);
      if (cases[i].status == 0)
        {
          g_autofree char *text = pdf_text (out_arg, 0);

          g_assert_true (strlen (text) > 100);
        }
      else if (out_arg != NULL)
        g_assert_false (g_file_test (out_arg, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("WARD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reports/targets", Fixture, NULL, fixture_set_up, test_targets, fixture_tear_down);
  g_test_add ("/reports/targets-verdicts-agree", Fixture, NULL, fixture_set_up, test_targets_verdicts_agree,
              fixture_tear_down);
  g_test_add ("/reports/targets-half-year", Fixture, NULL, fixture_set_up, test_targets_half_year,
              fixture_tear_down);
  g_test_add ("/reports/periods", Fixture, NULL, fixture_set_up, test_periods, fixture_tear_down);
  g_test_add ("/reports/programme", Fixture, NULL, fixture_set_up, test_programme, fixture_tear_down);
  g_test_add ("/reports/study", Fixture, NULL, fixture_set_up, test_study, fixture_tear_down);
  g_test_add ("/reports/members", Fixture, NULL, fixture_set_up, test_members, fixture_tear_down);
  g_test_add ("/reports/enterprises", Fixture, NULL, fixture_set_up, test_enterprises,
              fixture_tear_down);
  g_test_add ("/reports/donations", Fixture, NULL, fixture_set_up, test_donations, fixture_tear_down);
  g_test_add ("/reports/donations-known-names", Fixture, NULL, fixture_set_up,
              test_donations_known_names, fixture_tear_down);
  g_test_add ("/reports/donations-outside-period", Fixture, NULL, fixture_set_up,
              test_donations_outside_period, fixture_tear_down);
  g_test_add ("/reports/donations-corrected", Fixture, NULL, fixture_set_up, test_donations_corrected,
              fixture_tear_down);
  g_test_add ("/reports/disclosure-5000", Fixture, NULL, fixture_set_up, test_disclosure_long,
              fixture_tear_down);
  g_test_add ("/reports/receipt", Fixture, NULL, fixture_set_up, test_receipt, fixture_tear_down);
  g_test_add ("/reports/receipt-refused", Fixture, NULL, fixture_set_up, test_receipt_refused,
              fixture_tear_down);
  g_test_add ("/reports/receipt-book", Fixture, NULL, fixture_set_up, test_receipt_book,
              fixture_tear_down);
  g_test_add ("/reports/members-by-cell", Fixture, NULL, fixture_set_up, test_members_by_cell,
              fixture_tear_down);
  g_test_add ("/reports/enterprises-period", Fixture, NULL, fixture_set_up,
              test_enterprises_period, fixture_tear_down);
  g_test_add ("/reports/signer", Fixture, NULL, fixture_set_up, test_signer, fixture_tear_down);
  g_test_add ("/reports/anonymous", Fixture, NULL, fixture_set_up, test_anonymous,
              fixture_tear_down);
  g_test_add ("/reports/donations-by-group", Fixture, NULL, fixture_set_up,
              test_donations_by_group, fixture_tear_down);
  g_test_add ("/reports/xlsx", Fixture, NULL, fixture_set_up, test_xlsx, fixture_tear_down);
  g_test_add ("/reports/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/reports/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
