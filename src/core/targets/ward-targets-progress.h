/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "targets/ward-targets.h"

G_BEGIN_DECLS

/* Progress of a target against the term, and its verdict.
 *
 * Pure arithmetic over plain structs: no store, no clock. Time is measured
 * in years from 1 January of the term's first year ("term time"): a whole
 * year's reading belongs to the end of that year, a first-half reading to
 * its middle, and the term ends at term_end_year - term_start_year + 1.
 * The rules themselves are written out above ward_progress_compute() in
 * ward-targets-progress.c. */

typedef enum
{
  WARD_VERDICT_NO_DATA,      /* Chưa có số liệu */
  WARD_VERDICT_MET,          /* Đã đạt */
  WARD_VERDICT_ON_TRACK,     /* Đúng tiến độ */
  WARD_VERDICT_BEHIND,       /* Chậm tiến độ */
  WARD_VERDICT_AT_RISK,      /* Có nguy cơ không đạt */
  WARD_VERDICT_NO_BASELINE,  /* Chưa có số liệu gốc: a level with no value at the congress */
  WARD_VERDICT_INCOMPLETE,   /* Chưa đủ số liệu: a growth series with a year missing */
} WardVerdict;

#define WARD_N_VERDICTS 7

/* What the rules need to know about a target. */
typedef struct
{
  WardTargetKind  kind;
  WardComparison  comparison;
  double          goal;
  int             term_start_year;
  int             term_end_year;
  int             baseline_year;        /* 0: none */
  gboolean        has_baseline_value;
  double          baseline_value;       /* the level at the end of baseline_year, or at
                                         * baseline_time */
  double          baseline_time;        /* > 0: when baseline_value was measured (a
                                         * baseline reading: the congress), in term time */
  /* The congress and the term's end in term time: counted targets count
   * from the first, every path ends at the second. 0: 1 January of the
   * first year and 31 December of the last. */
  double          term_start_time;
  double          term_end_time;
} WardProgressTarget;

/* One reading. For counted targets, one per year: that year's count. */
typedef struct
{
  int       year;
  gboolean  first_half;   /* the first six months only */
  gboolean  final;        /* FALSE: a draft */
  gboolean  has_value;
  double    value;        /* rate, growth, money or count; unused for the quota */
  gint64    quota;        /* the quota: the recruits asked for that year */
  gint64    delivered;    /* the quota: the recruits handed over */
  gint64    entered;      /* order of entry, later is larger: breaks ties */
} WardProgressReading;

typedef struct
{
  WardVerdict  verdict;
  gboolean     has_value;
  /* Rate, money: the latest reading. Growth: the compound annual growth
   * over the years counted. Quota: the latest year's delivered / quota.
   * Count: the total in the term. */
  double       value;
  int          value_year;          /* the period @value belongs to */
  gboolean     value_first_half;
  double       progress;            /* 100 × value / goal, never below 0 */
  double       expected_today;      /* where an even term would be today */
  double       expected_at_value;   /* ... at the time of @value: what the verdict compares */
  /* Per year, what the rest of the term needs (rate, money, count: units
   * per year; growth: % a year); NAN where it does not apply. */
  double       pace_needed;
  int          n_years;             /* growth: years counted; quota: years with data */
  int          first_year;          /* growth: the first and last year counted */
  int          last_year;
  int          short_year;          /* quota: the first year under its quota, 0 if none */
  int          missing_year;        /* growth: the first year without a reading, 0 if none */
  /* The expected path, a straight line in term time (flat for growth and
   * the quota). */
  double       path_start_time;
  double       path_start_value;
  double       path_end_time;
  double       path_end_value;
} WardProgress;

/* A point of the target's own series, for the chart. */
typedef struct
{
  double    time;        /* term time */
  double    value;
  int       year;
  gboolean  first_half;
  gboolean  final;
} WardProgressPoint;

void         ward_progress_compute         (const WardProgressTarget   *target,
                                            const WardProgressReading  *readings,
                                            guint                       n_readings,
                                            double                      today,
                                            WardProgress               *out);

/* The series to draw: one point per period with data (the reading chosen
 * for it), in period order; for counted targets the running total at the
 * end of each year, the current year ending at @today. */
GArray      *ward_progress_series          (const WardProgressTarget   *target,
                                            const WardProgressReading  *readings,
                                            guint                       n_readings,
                                            double                      today);

/* Whether @value satisfies @goal with @comparison, at the precision the
 * value is shown with (so that a growth of 11,8% computed as 11,7999…
 * meets "≥ 11,8%"). "=" is a ceiling goal (100 %): met on reaching it. */
gboolean     ward_progress_meets           (WardTargetKind              kind,
                                            WardComparison              comparison,
                                            double                      value,
                                            double                      goal);

/* Term time of the end of a period, and of a day. */
double       ward_progress_period_time     (int                         term_start_year,
                                            int                         year,
                                            gboolean                    first_half);
double       ward_progress_time_of_day     (int                         term_start_year,
                                            int                         term_end_year,
                                            const char                 *day_iso);

/* For the counted goals (600 admissions, 750 enterprises): how many a year
 * the rest of the term needs to reach @goal from @count, as of @today_iso,
 * over the time actually left until @term_end_iso;
 * 0 once reached; the whole shortfall when the term is over. Rounded up. */
gint64       ward_progress_pace_needed     (gint64                      count,
                                            gint64                      goal,
                                            const char                 *today_iso,
                                            const char                 *term_end_iso);
/* "124/600 · 130/year needed" ("… · cần 130/năm"), "612/600 · met",
 * "580/600 · term over". */
char        *ward_progress_format_count    (gint64                      count,
                                            gint64                      goal,
                                            const char                 *today_iso,
                                            const char                 *term_end_iso);

/* "met", "on-track", "behind", "at-risk", "no-data": for JSON and CSS
 * ("verdict-" + this). */
const char  *ward_verdict_to_string        (WardVerdict                 verdict);
/* "Met", "On track", "Behind", "At risk of not being met", "No data yet",
 * "No baseline", "Not enough data", in the user's language. */
const char  *ward_verdict_title            (WardVerdict                 verdict);
/* The same in Vietnamese whatever the locale, for printed documents:
 * "Đã đạt", "Đúng tiến độ", "Chậm tiến độ", "Có nguy cơ không đạt", "Chưa
 * có số liệu", "Chưa có số liệu gốc", "Chưa đủ số liệu". */
const char  *ward_verdict_document_title   (WardVerdict                 verdict);

G_END_DECLS
