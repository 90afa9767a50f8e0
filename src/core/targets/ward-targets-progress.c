/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "targets/ward-targets-progress.h"

/* The rest of the term is "at risk" when it would need more than this many
 * times the pace of the even path (the planned pace). We compare with the
 * planned pace rather than with the pace so far because the latter does not
 * exist with one reading and swings wildly early in the term. */
#define AT_RISK_PACE 1.5

/* The quota has no path to be ahead or behind of: a year under its quota is
 * "behind" when it still delivered this share of it, "at risk" below. */
#define QUOTA_AT_RISK_SHARE 0.8

/* Where every path ends: the term's end in term time. */
static double
term_length (const WardProgressTarget *target)
{
  if (target->term_end_time > 0)
    return target->term_end_time;
  return (double) (target->term_end_year - target->term_start_year + 1);
}

/* Values are judged at the precision they are shown with: percentages to
 * two decimals, money and counts whole. */
static double
at_shown_precision (WardTargetKind kind,
                    double         value)
{
  if (kind == WARD_TARGET_MONEY || kind == WARD_TARGET_COUNT)
    return round (value);
  return round (value * 100.0) / 100.0;
}

gboolean
ward_progress_meets (WardTargetKind kind,
                     WardComparison comparison,
                     double         value,
                     double         goal)
{
  double v = at_shown_precision (kind, value);
  double g = at_shown_precision (kind, goal);

  if (comparison == WARD_COMPARE_ABOVE)
    return v > g;
  /* "≥", and "=" whose goal is a ceiling: a rate cannot pass 100 %, and a
   * quota delivered beyond 100 % is met all the same. */
  return v >= g;
}

static gboolean
is_below (WardTargetKind kind,
          double         value,
          double         expected)
{
  return at_shown_precision (kind, value) < at_shown_precision (kind, expected);
}

double
ward_progress_period_time (int      term_start_year,
                           int      year,
                           gboolean first_half)
{
  return (double) (year - term_start_year) + (first_half ? 0.5 : 1.0);
}

double
ward_progress_time_of_day (int         term_start_year,
                           int         term_end_year,
                           const char *day_iso)
{
  g_autoptr (GDate) date = ward_date_from_iso (day_iso);
  int year;
  double days;

  g_return_val_if_fail (date != NULL, 0.0);

  year = g_date_get_year (date);
  days = g_date_is_leap_year ((GDateYear) year) ? 366.0 : 365.0;
  return (double) (year - term_start_year) + g_date_get_day_of_year (date) / days;
}

/* Whether @reading can count for @target at all. */
static gboolean
reading_usable (const WardProgressTarget  *target,
                const WardProgressReading *reading)
{
  if (reading->year < target->term_start_year || reading->year > target->term_end_year)
    return FALSE;
  if (target->kind == WARD_TARGET_QUOTA)
    return !reading->first_half && reading->quota > 0 && reading->delivered >= 0;
  if (!reading->has_value || !isfinite (reading->value))
    return FALSE;
  if (target->kind == WARD_TARGET_GROWTH)
    return reading->value > -100.0;
  return TRUE;
}

/* The first half of a year comes before the whole year. */
static int
period_key (const WardProgressReading *reading)
{
  return reading->year * 2 + (reading->first_half ? 0 : 1);
}

/* For one period: a final reading before a draft, then the one entered
 * last. */
static gboolean
reading_beats (const WardProgressReading *a,
               const WardProgressReading *b)
{
  if (a->final != b->final)
    return a->final;
  return a->entered > b->entered;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  const WardProgressReading *ra = *(const WardProgressReading * const *) a;
  const WardProgressReading *rb = *(const WardProgressReading * const *) b;

  return period_key (ra) - period_key (rb);
}

/* The reading that stands for each period with data, oldest period first,
 * whatever order they were entered in. */
static GPtrArray *
choose_periods (const WardProgressTarget  *target,
                const WardProgressReading *readings,
                guint                      n_readings)
{
  GPtrArray *periods = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; i < n_readings; i++)
    if (reading_usable (target, &readings[i]))
      g_ptr_array_add (periods, (gpointer) &readings[i]);
  g_ptr_array_sort (periods, compare_periods);

  for (guint i = 0; i < periods->len; i++)
    {
      const WardProgressReading *r = periods->pdata[i];

      if (kept > 0 && period_key (periods->pdata[kept - 1]) == period_key (r))
        {
          if (reading_beats (r, periods->pdata[kept - 1]))
            periods->pdata[kept - 1] = (gpointer) r;
          continue;
        }
      periods->pdata[kept++] = (gpointer) r;
    }
  g_ptr_array_set_size (periods, kept);
  return periods;
}

static double
path_value_at (const WardProgress *p,
               double              time)
{
  double span = p->path_end_time - p->path_start_time;

  if (time <= p->path_start_time)
    return p->path_start_value;
  if (span <= 0 || time >= p->path_end_time)
    return p->path_end_value;
  return p->path_start_value
         + (p->path_end_value - p->path_start_value) * (time - p->path_start_time) / span;
}

static void
set_flat_path (WardProgress             *out,
               const WardProgressTarget *target)
{
  out->path_start_time = 0;
  out->path_end_time = term_length (target);
  out->path_start_value = out->path_end_value = target->goal;
  out->expected_today = out->expected_at_value = target->goal;
}

static double
progress_of (const WardProgressTarget *target,
             double                    value)
{
  if (target->goal <= 0)
    return 0;
  return MAX (0.0, 100.0 * value / target->goal);
}

/* Levels and counts, measured at @time against the straight path: met when
 * the goal is reached; on track when at or above the path; otherwise behind,
 * or at risk when what is left needs more than AT_RISK_PACE times the
 * planned pace or no time is left. */
static WardVerdict
judge_against_path (const WardProgressTarget *target,
                    WardProgress             *p,
                    double                    time)
{
  double left = term_length (target) - time;
  double planned;

  p->pace_needed = left > 0 ? (target->goal - p->value) / left : target->goal - p->value;
  if (ward_progress_meets (target->kind, target->comparison, p->value, target->goal))
    {
      p->pace_needed = 0;
      return WARD_VERDICT_MET;
    }
  if (left <= 0)
    return WARD_VERDICT_AT_RISK;
  if (!is_below (target->kind, p->value, p->expected_at_value))
    return WARD_VERDICT_ON_TRACK;

  planned = p->path_end_time > p->path_start_time
            ? (p->path_end_value - p->path_start_value) / (p->path_end_time - p->path_start_time)
            : 0;
  /* A target that started at or above its goal and fell back has no planned
   * pace to compare with: it is behind. */
  if (planned <= 0)
    return WARD_VERDICT_BEHIND;
  return p->pace_needed > AT_RISK_PACE * planned ? WARD_VERDICT_AT_RISK : WARD_VERDICT_BEHIND;
}

/* Where the expected path of a level starts: the baseline's value at the
 * congress (a baseline reading), at the end of the seed's baseline year, or
 * at the congress when the seed gives a value without a year. */
static double
baseline_time (const WardProgressTarget *target)
{
  if (target->baseline_time > 0)
    return target->baseline_time;
  if (target->baseline_year > 0)
    return ward_progress_period_time (target->term_start_year, target->baseline_year, FALSE);
  return target->term_start_time;
}

static void
set_latest_value (const WardProgressTarget  *target,
                  const WardProgressReading *latest,
                  WardProgress              *out)
{
  out->has_value = TRUE;
  out->value = latest->value;
  out->value_year = latest->year;
  out->value_first_half = latest->first_half;
  out->progress = progress_of (target, out->value);
}

/* Rates and money, the resolution's levels to reach by the end of the term:
 * "Thu nhập bình quân đầu người đến năm 2030 ≥ 95 triệu đồng", "100% đường
 * giao thông được cứng hóa", "100% trường học đạt chuẩn Quốc gia", "Tỷ lệ dân
 * số tham gia bảo hiểm y tế ≥ 96%", "100% trạm y tế đạt chuẩn quốc gia",
 * "Tỷ lệ sử dụng dịch vụ công trực tuyến > 85%", "Tỷ lệ phủ sóng 5G 100%".
 *
 * The latest period's reading, judged at the end of that period (not today:
 * a figure for 2025 is compared with where 2025 should have been, so that
 * waiting for the statistics office is not "behind"). The path runs from the
 * term's baseline, the level at the congress (baseline_time()), to the goal
 * at the end of the term. A level that already meets the goal is met.
 * Otherwise, without a baseline nothing says how far the term has come: the
 * verdict says so (WARD_VERDICT_NO_BASELINE) rather than guess one from the
 * first reading. A baseline at or past the goal makes the path the goal
 * itself. */
static void
compute_level (const WardProgressTarget *target,
               GPtrArray                *periods,
               double                    today,
               WardProgress             *out)
{
  const WardProgressReading *latest = periods->pdata[periods->len - 1];
  double time = ward_progress_period_time (target->term_start_year, latest->year, latest->first_half);

  set_latest_value (target, latest, out);
  out->path_end_time = term_length (target);
  out->path_end_value = target->goal;
  if (!target->has_baseline_value)
    {
      set_flat_path (out, target);
      out->expected_today = out->expected_at_value = NAN;
      out->verdict = ward_progress_meets (target->kind, target->comparison, out->value, target->goal)
                     ? WARD_VERDICT_MET : WARD_VERDICT_NO_BASELINE;
      return;
    }
  out->path_start_value = target->baseline_value;
  out->path_start_time = baseline_time (target);
  /* A baseline that already meets the goal has nothing left to climb: the
   * path is the goal itself, and not a slope down to it. */
  if (ward_progress_meets (target->kind, target->comparison, out->path_start_value, target->goal))
    out->path_start_value = target->goal;
  out->expected_today = path_value_at (out, CLAMP (today, 0, term_length (target)));
  out->expected_at_value = path_value_at (out, time);
  out->verdict = judge_against_path (target, out, time);
}

/* Growth, "Tốc độ tăng tổng giá trị sản phẩm trên địa bàn bình quân hằng năm
 * ≥ 11,8%": compound annual growth over the years after the baseline year
 * (the whole term without one), ((Π (1 + gᵢ/100))^(1/n) − 1) · 100, never a
 * plain average. A year takes its whole-year reading, or its first half
 * while the whole year is not in. An average "hằng năm" needs every year: a
 * year without a reading between the first year counted and the latest one
 * makes the verdict WARD_VERDICT_INCOMPLETE (the value over the years with
 * data is still shown), never "met". The expected value is the goal rate
 * itself, every year. Since the goal is an average over the term, it is
 * only "met" once the term's last year is in; before that, at or above the
 * goal is on track; below it, behind, or at risk when the remaining years
 * would need more than AT_RISK_PACE times the goal rate for the term's
 * average to reach it. */
static void
add_growth_year (const WardProgressReading *r,
                 double                    *product,
                 WardProgress              *out)
{
  *product *= 1.0 + r->value / 100.0;
  if (out->n_years++ == 0)
    out->first_year = r->year;
  else if (out->missing_year == 0 && r->year > out->last_year + 1)
    out->missing_year = out->last_year + 1;
  out->last_year = r->year;
  out->value_first_half = r->first_half;
}

static WardVerdict
judge_growth (const WardProgressTarget *target,
              WardProgress             *out,
              double                    product)
{
  double goal = target->goal / 100.0;
  int left = target->term_end_year - out->last_year;

  if (left > 0)
    out->pace_needed = (pow (pow (1.0 + goal, out->n_years + left) / product, 1.0 / left) - 1.0) * 100.0;
  if (out->missing_year != 0)
    return WARD_VERDICT_INCOMPLETE;
  if (ward_progress_meets (target->kind, target->comparison, out->value, target->goal))
    return left > 0 ? WARD_VERDICT_ON_TRACK : WARD_VERDICT_MET;
  if (left <= 0 || (goal > 0 && out->pace_needed > AT_RISK_PACE * target->goal))
    return WARD_VERDICT_AT_RISK;
  return WARD_VERDICT_BEHIND;
}

static void
compute_growth (const WardProgressTarget *target,
                GPtrArray                *periods,
                WardProgress             *out)
{
  int from = target->baseline_year > 0 ? target->baseline_year + 1 : target->term_start_year;
  double product = 1.0;

  set_flat_path (out, target);
  for (guint i = 0; i < periods->len; i++)
    {
      const WardProgressReading *r = periods->pdata[i];
      const WardProgressReading *next = i + 1 < periods->len ? periods->pdata[i + 1] : NULL;

      if (r->year < from || (next != NULL && next->year == r->year))
        continue;  /* the base year, or a first half whose whole year is in */
      add_growth_year (r, &product, out);
    }
  if (out->n_years == 0)
    return;
  if (out->first_year > from)
    out->missing_year = from;

  out->has_value = TRUE;
  out->value = (pow (product, 1.0 / out->n_years) - 1.0) * 100.0;
  out->value_year = out->last_year;
  out->progress = progress_of (target, out->value);
  out->verdict = judge_growth (target, out, product);
}

/* The quota, "Hoàn thành 100% chỉ tiêu giao quân": each year delivered /
 * quota, the goal (100 %) every year. The
 * value is the latest year's rate. Met when every year so far reached its
 * quota (delivering more is allowed); otherwise the worst year decides:
 * behind when it still delivered QUOTA_AT_RISK_SHARE of the goal, at risk
 * below. */
static void
compute_quota (const WardProgressTarget *target,
               GPtrArray                *periods,
               WardProgress             *out)
{
  double worst = G_MAXDOUBLE;

  set_flat_path (out, target);
  for (guint i = 0; i < periods->len; i++)
    {
      const WardProgressReading *r = periods->pdata[i];
      double rate = 100.0 * (double) r->delivered / (double) r->quota;

      out->n_years++;
      out->value = rate;
      out->value_year = r->year;
      if (!ward_progress_meets (target->kind, target->comparison, rate, target->goal)
          && out->short_year == 0)
        out->short_year = r->year;
      worst = MIN (worst, rate);
    }
  out->has_value = TRUE;
  out->progress = progress_of (target, out->value);
  if (out->short_year == 0)
    out->verdict = WARD_VERDICT_MET;
  else if (worst >= QUOTA_AT_RISK_SHARE * target->goal)
    out->verdict = WARD_VERDICT_BEHIND;
  else
    out->verdict = WARD_VERDICT_AT_RISK;
}

/* Counted targets, "Thành lập mới 750 doanh nghiệp trong nhiệm kỳ" and "Kết
 * nạp 600 đảng viên trong nhiệm kỳ": the total of the term's yearly counts
 * (from the congress, see ward_targets_count_by_year()), judged today
 * against the straight path from 0 at the congress to the goal at the
 * term's end (see judge_against_path()). A count of 0 is a value, not "no
 * data". */
static void
compute_count (const WardProgressTarget *target,
               GPtrArray                *periods,
               double                    today,
               WardProgress             *out)
{
  double time = CLAMP (today, 0, term_length (target));

  out->path_start_time = target->term_start_time;
  out->path_start_value = 0;
  out->path_end_time = term_length (target);
  out->path_end_value = target->goal;

  out->has_value = TRUE;
  for (guint i = 0; i < periods->len; i++)
    out->value += ((const WardProgressReading *) periods->pdata[i])->value;
  out->value_year = MIN (target->term_start_year + (int) floor (time), target->term_end_year);
  out->progress = progress_of (target, out->value);
  out->expected_today = out->expected_at_value = path_value_at (out, time);
  out->verdict = judge_against_path (target, out, time);
}

/**
 * ward_progress_compute:
 * @target: the target
 * @readings: its readings, in any order (drafts and finals)
 * @today: today in term time (ward_progress_time_of_day())
 * @out: (out caller-allocates): the result
 *
 * Without a usable reading the verdict is WARD_VERDICT_NO_DATA and
 * @out->has_value is FALSE (counted targets always have a value). The
 * latest reading is the latest *period* (the whole year after its first
 * half), never the last one entered; within one period a final reading
 * wins over a draft.
 */
void
ward_progress_compute (const WardProgressTarget  *target,
                       const WardProgressReading *readings,
                       guint                      n_readings,
                       double                     today,
                       WardProgress              *out)
{
  g_autoptr (GPtrArray) periods = NULL;

  g_return_if_fail (target != NULL);
  g_return_if_fail (readings != NULL || n_readings == 0);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->verdict = WARD_VERDICT_NO_DATA;
  out->pace_needed = NAN;
  out->expected_today = out->expected_at_value = NAN;
  out->path_end_time = term_length (target);

  periods = choose_periods (target, readings, n_readings);
  if (target->kind == WARD_TARGET_COUNT)
    compute_count (target, periods, today, out);
  else if (target->kind == WARD_TARGET_GROWTH)
    compute_growth (target, periods, out);
  else if (periods->len == 0)
    {
      /* Nothing to judge; the chart still shows where the goal lies. */
      set_flat_path (out, target);
      out->expected_today = out->expected_at_value = NAN;
    }
  else if (target->kind == WARD_TARGET_QUOTA)
    compute_quota (target, periods, out);
  else
    compute_level (target, periods, today, out);
}

static void
append_point (GArray                    *series,
              const WardProgressTarget  *target,
              const WardProgressReading *reading,
              double                     value)
{
  WardProgressPoint point = {
    .time = ward_progress_period_time (target->term_start_year, reading->year, reading->first_half),
    .value = value,
    .year = reading->year,
    .first_half = reading->first_half,
    .final = reading->final,
  };

  g_array_append_val (series, point);
}

static void
append_running_totals (GArray                   *series,
                       const WardProgressTarget *target,
                       GPtrArray                *periods,
                       double                    today)
{
  double time = CLAMP (today, 0, term_length (target));
  WardProgressPoint point = { .time = target->term_start_time, .value = 0, .year = target->term_start_year,
                             .final = TRUE };
  guint next = 0;

  g_array_append_val (series, point);
  for (int year = target->term_start_year; year <= target->term_end_year; year++)
    {
      double end = ward_progress_period_time (target->term_start_year, year, FALSE);

      if (end - 1.0 >= time)
        break;
      while (next < periods->len && ((const WardProgressReading *) periods->pdata[next])->year <= year)
        point.value += ((const WardProgressReading *) periods->pdata[next++])->value;
      point.time = MIN (end, time);
      point.year = year;
      g_array_append_val (series, point);
    }
}

GArray *
ward_progress_series (const WardProgressTarget  *target,
                      const WardProgressReading *readings,
                      guint                      n_readings,
                      double                     today)
{
  g_autoptr (GPtrArray) periods = NULL;
  GArray *series = g_array_new (FALSE, FALSE, sizeof (WardProgressPoint));

  g_return_val_if_fail (target != NULL, series);

  periods = choose_periods (target, readings, n_readings);
  if (target->kind == WARD_TARGET_COUNT)
    {
      append_running_totals (series, target, periods, today);
      return series;
    }
  for (guint i = 0; i < periods->len; i++)
    {
      const WardProgressReading *r = periods->pdata[i];

      if (target->kind == WARD_TARGET_QUOTA)
        append_point (series, target, r, 100.0 * (double) r->delivered / (double) r->quota);
      else
        append_point (series, target, r, r->value);
    }
  return series;
}

/* Years from @today_iso to the end of @term_end_iso, each year's days as a
 * share of that year (so that 31/12/2028 to 31/12/2030 is exactly 2); 0
 * once it is over. */
static double
years_left (const char *today_iso,
            const char *term_end_iso)
{
  g_autoptr (GDate) today = ward_date_from_iso (today_iso);
  g_autoptr (GDate) end = ward_date_from_iso (term_end_iso);
  int year;

  if (today == NULL || end == NULL)
    return 0;
  year = g_date_get_year (today);
  return MAX (0.0, ward_progress_time_of_day (year, year, term_end_iso)
                   - ward_progress_time_of_day (year, year, today_iso));
}

gint64
ward_progress_pace_needed (gint64      count,
                           gint64      goal,
                           const char *today_iso,
                           const char *term_end_iso)
{
  double left;

  g_return_val_if_fail (today_iso != NULL && term_end_iso != NULL, 0);

  if (count >= goal)
    return 0;
  left = years_left (today_iso, term_end_iso);
  if (left <= 0)
    return goal - count;
  /* The small margin keeps 120.0000001 from becoming 121. */
  return (gint64) ceil ((double) (goal - count) / left - 1e-9);
}

char *
ward_progress_format_count (gint64      count,
                            gint64      goal,
                            const char *today_iso,
                            const char *term_end_iso)
{
  g_autofree char *done = ward_format_number (count);
  g_autofree char *total = ward_format_number (goal);
  g_autofree char *pace = NULL;

  if (count >= goal)
    /* Translators: admissions or enterprises counted against the term's goal */
    return g_strdup_printf (_("%s/%s · met"), done, total);
  if (g_strcmp0 (today_iso, term_end_iso) > 0)
    return g_strdup_printf (_("%s/%s · term over"), done, total);
  pace = ward_format_number (ward_progress_pace_needed (count, goal, today_iso, term_end_iso));
  /* Translators: "124/600 · 130/year needed": the count so far, the goal and how
   * many a year the rest of the term needs */
  return g_strdup_printf (_("%s/%s · %s/year needed"), done, total, pace);
}

const char *
ward_verdict_to_string (WardVerdict verdict)
{
  switch (verdict)
    {
    case WARD_VERDICT_MET:
      return "met";
    case WARD_VERDICT_ON_TRACK:
      return "on-track";
    case WARD_VERDICT_BEHIND:
      return "behind";
    case WARD_VERDICT_AT_RISK:
      return "at-risk";
    case WARD_VERDICT_NO_BASELINE:
      return "no-baseline";
    case WARD_VERDICT_INCOMPLETE:
      return "incomplete";
    case WARD_VERDICT_NO_DATA:
    default:
      return "no-data";
    }
}

const char *
ward_verdict_title (WardVerdict verdict)
{
  switch (verdict)
    {
    case WARD_VERDICT_MET:
      return C_("verdict", "Met");
    case WARD_VERDICT_ON_TRACK:
      return C_("verdict", "On track");
    case WARD_VERDICT_BEHIND:
      return C_("verdict", "Behind schedule");
    case WARD_VERDICT_AT_RISK:
      return C_("verdict", "At risk of not being met");
    case WARD_VERDICT_NO_BASELINE:
      return C_("verdict", "No baseline");
    case WARD_VERDICT_INCOMPLETE:
      return C_("verdict", "Not enough data");
    case WARD_VERDICT_NO_DATA:
    default:
      return C_("verdict", "No data yet");
    }
}

const char *
ward_verdict_document_title (WardVerdict verdict)
{
  static const char * const titles[WARD_N_VERDICTS] = {
    [WARD_VERDICT_NO_DATA] = "Chưa có số liệu",
    [WARD_VERDICT_MET] = "Đã đạt",
    [WARD_VERDICT_ON_TRACK] = "Đúng tiến độ",
    [WARD_VERDICT_BEHIND] = "Chậm tiến độ",
    [WARD_VERDICT_AT_RISK] = "Có nguy cơ không đạt",
    [WARD_VERDICT_NO_BASELINE] = "Chưa có số liệu gốc",
    [WARD_VERDICT_INCOMPLETE] = "Chưa đủ số liệu",
  };

  g_return_val_if_fail (verdict < WARD_N_VERDICTS, titles[WARD_VERDICT_NO_DATA]);
  return titles[verdict];
}
