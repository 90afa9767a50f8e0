/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <math.h>
#include <string.h>

#include "base/ward-format.h"
#include "reports/ward-reports-private.h"
#include "targets/ward-targets-progress.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* Báo cáo kết quả thực hiện các chỉ tiêu Nghị quyết, for any period. One
 * row per target:
 *
 *   Thực hiện: the reading of the period (a final one before a draft,
 *     marked "(ước)"): readings are kept per year and per first half, so a
 *     period that is neither takes the latest reading whose own period ends
 *     within it, named beside the figure ("82,5 (6T/2026)"); counted
 *     targets: the records of the period.
 *   Lũy kế nhiệm kỳ: as of the end of the period, by the progress rules
 *     (ward-targets-progress.c): counted targets the total since the term began,
 *     growth compounded over the years so far, rates and money the latest.
 *   Đánh giá: the target's verdict as of the end of the period (or today,
 *     if sooner), decided by ward_target_compute_progress_as_of(), the one
 *     function the targets page, the overview and `stats` judge with
 *     (ward_verdict_document_title()); the year's plan is compared in its
 *     own column.
 *
 * The plans have no core module yet: they are read here. */

typedef struct
{
  gboolean has_plan;
  double   plan;
  gboolean has_value;
  double   value;
  gboolean value_is_draft;
  char    *value_period;  /* the reading's own period when it is not the report's */
  gint64   quota;        /* the quota: the year's figures */
  gint64   delivered;
  gboolean has_total;
  double   total;        /* lũy kế nhiệm kỳ */
  WardVerdict verdict;
} TargetFigures;

typedef struct
{
  WardStore              *store;
  WardResolution         *ward;
  const WardReportPeriod *period;
  int                     plan_year;  /* the year whose plan applies; 0: none */
  const char             *today;      /* verdicts as of the period's end, or today if sooner */
  guint                   counts[WARD_N_VERDICTS];
} TargetsReport;

/* The figure without its unit (the table has a column for units). */
static char *
format_figure (WardTarget *target,
               double      value)
{
  switch (ward_target_get_kind (target))
    {
    case WARD_TARGET_MONEY:
    case WARD_TARGET_COUNT:
      return ward_format_number ((gint64) round (value));
    case WARD_TARGET_RATE:
    case WARD_TARGET_GROWTH:
    case WARD_TARGET_QUOTA:
    default:
      return ward_format_decimal (value, 2);
    }
}

static char *
format_goal (WardTarget *target)
{
  g_autofree char *goal = format_figure (target, ward_target_get_goal (target));

  switch (ward_target_get_comparison (target))
    {
    case WARD_COMPARE_AT_LEAST:
      return g_strconcat ("≥ ", goal, NULL);
    case WARD_COMPARE_ABOVE:
      return g_strconcat ("> ", goal, NULL);
    case WARD_COMPARE_EQUAL:
    default:
      return g_steal_pointer (&goal);
    }
}

static gboolean
load_plan (TargetsReport  *r,
           WardTarget     *target,
           TargetFigures  *f,
           GError        **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (r->store, "SELECT value FROM plans WHERE target_id = ? AND year = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (r->plan_year == 0)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, ward_target_get_id (target));
  sqlite3_bind_int (stmt, 2, r->plan_year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      f->has_plan = TRUE;
      f->plan = sqlite3_column_double (stmt, 0);
    }
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ward_store_set_error (r->store, rc, error);
  return TRUE;
}

/* The verdict, by the one function every page and `stats` judge with. */
static gboolean
judge_in_report (TargetsReport  *r,
                 WardTarget     *target,
                 TargetFigures  *f,
                 GError        **error)
{
  WardProgress progress;

  if (!ward_target_compute_progress_as_of (r->store, target, r->today, r->period->end, &progress, error))
    return FALSE;
  f->verdict = progress.verdict;
  return TRUE;
}

static gboolean
count_figures (TargetsReport  *r,
               WardTarget     *target,
               TargetFigures  *f,
               GError        **error)
{
  WardTargetSource source = ward_target_get_source (target);
  g_autofree char *term_start = ward_resolution_term_start (r->ward);
  GError *local_error = NULL;
  gint64 in_period, in_term = 0;

  in_period = ward_targets_count_registered (r->store, source, r->period->start, r->period->end,
                                             &local_error);
  if (local_error == NULL)
    in_term = ward_targets_count_registered (r->store, source, term_start, r->period->end,
                                             &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  f->has_value = f->has_total = TRUE;
  f->value = (double) in_period;
  f->total = (double) in_term;
  return judge_in_report (r, target, f, error);
}

static gboolean
reading_has_figure (const WardProgressTarget  *input,
                    const WardProgressReading *reading)
{
  if (input->kind == WARD_TARGET_QUOTA)
    return reading->quota > 0 && reading->delivered >= 0;
  return reading->has_value && isfinite (reading->value);
}

/* The last day of a reading's own period. */
static void
reading_end (const WardProgressReading *reading,
             char                       end[11])
{
  g_snprintf (end, 11, "%04d-%s", reading->year, reading->first_half ? "06-30" : "12-31");
}

/* Whether @a is the better reading for the period: the later period, then
 * a final one before a draft, then the one entered last. */
static gboolean
reading_is_better (const WardProgressReading *a,
                   const WardProgressReading *b)
{
  char a_end[11], b_end[11];
  int cmp;

  if (b == NULL)
    return TRUE;
  reading_end (a, a_end);
  reading_end (b, b_end);
  cmp = strcmp (a_end, b_end);
  if (cmp != 0)
    return cmp > 0;
  if (a->final != b->final)
    return a->final;
  return a->entered > b->entered;
}

/* The reading of the period: the latest one whose own period ends within
 * the report's (the year itself for a year, the first half for 2026-H1). */
static const WardProgressReading *
period_reading (TargetsReport            *r,
                const WardProgressTarget *input,
                GArray                   *readings)
{
  const WardProgressReading *best = NULL;

  for (guint i = 0; i < readings->len; i++)
    {
      const WardProgressReading *reading = &g_array_index (readings, WardProgressReading, i);
      char end[11];

      reading_end (reading, end);
      if (!ward_report_period_contains (r->period, end) || !reading_has_figure (input, reading))
        continue;
      if (reading_is_better (reading, best))
        best = reading;
    }
  return best;
}

/* Whether @reading's own period is the report's. */
static gboolean
reading_is_the_period (TargetsReport             *r,
                       const WardProgressReading *reading)
{
  if (r->period->kind == WARD_PERIOD_YEAR)
    return reading->year == r->period->year && !reading->first_half;
  if (r->period->kind == WARD_PERIOD_HALF && r->period->part == 1)
    return reading->year == r->period->year && reading->first_half;
  return FALSE;
}

static gboolean
read_figures (TargetsReport  *r,
              WardTarget     *target,
              TargetFigures  *f,
              GError        **error)
{
  g_autoptr (GArray) readings = NULL;
  const WardProgressReading *reading;
  WardProgressTarget input;
  WardProgress progress;

  if (!ward_target_progress_input (r->store, target, &input, &readings, error))
    return FALSE;

  reading = period_reading (r, &input, readings);
  if (reading != NULL)
    {
      f->has_value = TRUE;
      f->value_is_draft = !reading->final;
      if (!reading_is_the_period (r, reading))
        f->value_period = reading->first_half ? g_strdup_printf ("6T/%d", reading->year)
                                              : g_strdup_printf ("năm %d", reading->year);
      f->quota = reading->quota;
      f->delivered = reading->delivered;
      f->value = input.kind == WARD_TARGET_QUOTA
        ? 100.0 * (double) reading->delivered / (double) reading->quota
        : reading->value;
    }

  /* The one verdict the page and `stats` give, as of the period's end. */
  if (!ward_target_compute_progress_as_of (r->store, target, r->today, r->period->end, &progress, error))
    return FALSE;
  f->has_total = progress.has_value;
  f->total = progress.value;
  f->verdict = progress.verdict;
  return TRUE;
}

static void
add_target_row (TargetsReport       *r,
                WardReportTable     *table,
                WardTarget          *target,
                guint                number,
                const TargetFigures *f)
{
  double goal = ward_target_get_goal (target);
  g_autofree char *stt = g_strdup_printf ("%u", number);
  g_autofree char *goal_text = format_goal (target);
  g_autofree char *plan = f->has_plan ? format_figure (target, f->plan) : g_strdup ("");
  g_autofree char *value = NULL;
  g_autofree char *vs_plan = NULL;
  g_autofree char *total = f->has_total ? format_figure (target, f->total) : g_strdup ("");
  g_autofree char *vs_goal = f->has_total ? ward_reports_format_share (f->total, goal) : g_strdup ("");
  const char *cells[10];

  if (!f->has_value)
    value = g_strdup ("");
  else
    {
      g_autofree char *figure = format_figure (target, f->value);

      if (ward_target_get_kind (target) == WARD_TARGET_QUOTA)
        value = g_strdup_printf ("%s (%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ")",
                                 figure, f->delivered, f->quota);
      else
        value = g_steal_pointer (&figure);
      if (f->value_is_draft || f->value_period != NULL)
        {
          char *marked = g_strdup_printf ("%s (%s%s%s)", value, f->value_is_draft ? "ước" : "",
                                          f->value_is_draft && f->value_period ? ", " : "",
                                          f->value_period ? f->value_period : "");

          g_free (value);
          value = marked;
        }
    }
  vs_plan = f->has_plan && f->has_value ? ward_reports_format_share (f->value, f->plan) : g_strdup ("");

  cells[0] = stt;
  cells[1] = ward_target_get_name (target);
  cells[2] = ward_target_get_unit (target);
  cells[3] = goal_text;
  cells[4] = plan;
  cells[5] = value;
  cells[6] = vs_plan;
  cells[7] = total;
  cells[8] = vs_goal;
  cells[9] = ward_verdict_document_title (f->verdict);
  ward_report_table_add_row (table, cells);
  r->counts[f->verdict]++;
}

static WardReportTable *
add_targets_table (WardReport *report)
{
  static const struct { const char *header; double width; WardReportAlign align; } columns[] = {
    { "STT", 0.55, WARD_REPORT_ALIGN_CENTER },
    { "Chỉ tiêu", 3.3, WARD_REPORT_ALIGN_LEFT },
    { "Đơn vị\ntính", 1.0, WARD_REPORT_ALIGN_CENTER },
    { "Mục tiêu\nNghị quyết", 1.25, WARD_REPORT_ALIGN_RIGHT },
    { "Kế hoạch\nnăm", 1.2, WARD_REPORT_ALIGN_RIGHT },
    { "Thực hiện", 1.3, WARD_REPORT_ALIGN_RIGHT },
    { "So với\nkế hoạch\nnăm (%)", 1.0, WARD_REPORT_ALIGN_RIGHT },
    { "Lũy kế\nnhiệm kỳ", 1.2, WARD_REPORT_ALIGN_RIGHT },
    { "So với\nmục tiêu\nNghị quyết (%)", 1.15, WARD_REPORT_ALIGN_RIGHT },
    { "Đánh giá", 1.5, WARD_REPORT_ALIGN_CENTER },
  };
  WardReportTable *table = ward_report_add_table (report, G_N_ELEMENTS (columns));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    ward_report_table_set_column (table, i, columns[i].header, columns[i].width, columns[i].align);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  for (guint i = 4; i <= 8; i++)
    ward_report_table_set_column_type (table, i, WARD_REPORT_CELL_DECIMAL);
  ward_report_table_set_font_size (table, 11);
  return table;
}

static gboolean
fill_targets_table (TargetsReport    *r,
                    WardReportTable  *table,
                    GPtrArray        *targets,
                    GError          **error)
{
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      TargetFigures f = { 0 };
      gboolean ok;

      if (!load_plan (r, target, &f, error))
        return FALSE;
      if (ward_target_is_counted (target))
        ok = count_figures (r, target, &f, error);
      else
        ok = read_figures (r, target, &f, error);
      if (ok)
        add_target_row (r, table, target, i + 1, &f);
      g_free (f.value_period);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
add_conclusion (TargetsReport *r,
                WardReport    *report,
                guint          n_targets)
{
  g_autofree char *summary = NULL;

  summary = g_strdup_printf ("Tổng số %u chỉ tiêu: đã đạt %u, đúng tiến độ %u, chậm tiến độ %u, "
                             "có nguy cơ không đạt %u, chưa có số liệu gốc %u, chưa đủ số liệu %u, "
                             "chưa có số liệu %u.",
                             n_targets, r->counts[WARD_VERDICT_MET], r->counts[WARD_VERDICT_ON_TRACK],
                             r->counts[WARD_VERDICT_BEHIND], r->counts[WARD_VERDICT_AT_RISK],
                             r->counts[WARD_VERDICT_NO_BASELINE], r->counts[WARD_VERDICT_INCOMPLETE],
                             r->counts[WARD_VERDICT_NO_DATA]);
  ward_report_add_paragraph (report, summary);
  ward_report_add_paragraph (report,
                             "<i>Ghi chú: Lũy kế nhiệm kỳ tính đến hết kỳ báo cáo: chỉ tiêu đếm "
                             "theo sổ theo dõi (doanh nghiệp, đảng viên) là tổng số từ đầu nhiệm "
                             "kỳ; tốc độ tăng trưởng là bình quân hằng năm (bình quân nhân); các "
                             "chỉ tiêu khác là số liệu mới nhất. Đánh giá theo tiến độ thực hiện "
                             "mục tiêu Nghị quyết đến hết kỳ báo cáo, từ số liệu gốc tại Đại hội; "
                             "kết quả so với kế hoạch năm ở cột riêng. Số liệu ghi “(ước)” là số "
                             "ước thực hiện.</i>");
}

static void
set_titles (TargetsReport *r,
            WardReport    *report)
{
  g_autofree char *period = ward_report_period_format (r->period);
  g_autofree char *abstract = g_strdup_printf ("kết quả thực hiện các chỉ tiêu Nghị quyết %s",
                                               period);
  g_autofree char *subtitle = g_markup_printf_escaped ("(%s)", r->ward->resolution_title);
  g_autofree char *intro = g_markup_printf_escaped ("Kết quả thực hiện các chỉ tiêu chủ yếu của "
                                                    "Nghị quyết %s như sau:", period);

  ward_report_set_title (report, "Báo cáo");
  ward_report_set_abstract (report, abstract);
  ward_report_set_subtitle (report, subtitle, WARD_REPORT_STYLE_ITALIC);
  ward_report_add_paragraph (report, intro);
}

/* The year plan applies to a period within one year. */
static int
plan_year_of (const WardReportPeriod *period)
{
  int first = (int) g_ascii_strtoll (period->start, NULL, 10);
  int last = (int) g_ascii_strtoll (period->end, NULL, 10);

  return first == last ? first : 0;
}

WardReport *
ward_reports_targets (WardStore                 *store,
                      const WardReportSettings  *settings,
                      const WardReportOptions   *options,
                      GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (WardResolution) ward = NULL;
  TargetsReport r = { store, NULL, options->period, plan_year_of (options->period), options->today, { 0 } };
  WardReportTable *table;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  ward = ward_resolution_load (store, error);
  targets = ward != NULL ? ward_targets_load (store, error) : NULL;
  if (targets == NULL)
    return NULL;
  r.ward = ward;

  report = ward_report_new ();
  ward_report_set_orientation (report, WARD_REPORT_LANDSCAPE);
  ward_reports_set_party_heading (report, settings, options, "BC/ĐU");
  set_titles (&r, report);
  table = add_targets_table (report);
  if (!fill_targets_table (&r, table, targets, error))
    return NULL;
  add_conclusion (&r, report, targets->len);
  ward_reports_set_party_signature (report, settings, options);
  return g_steal_pointer (&report);
}
