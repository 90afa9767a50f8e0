/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-targets-progress"

#include "config.h"

#include <math.h>

#include "targets/ward-targets-progress.h"

/* The rules of ward-targets-progress.c, table by table, on the Đông Sơn term
 * 2025 – 2030 (six years of term time). */

#define START 2025
#define END   2030
/* 27/11/2026, the day the UI tests pin. */
#define TODAY (1.0 + 331.0 / 365.0)

#define MAX_READINGS 6

typedef struct
{
  int      year;
  gboolean first_half;
  gboolean final;
  double   value;
  gint64   quota;
  gint64   delivered;
} R;

typedef struct
{
  const char     *name;
  WardTargetKind  kind;
  WardComparison  comparison;
  double          goal;
  int             baseline_year;
  gboolean        has_baseline;
  double          baseline;
  double          today;
  guint           n;
  R               readings[MAX_READINGS];  /* in the order they were entered */
  WardVerdict     verdict;
  gboolean        has_value;
  double          value;
  int             value_year;
  gboolean        value_first_half;
  double          expected_at_value;       /* NAN: not checked */
} Case;

#define RATE(c, g)   WARD_TARGET_RATE, WARD_COMPARE_##c, g, 0, FALSE, 0
#define RATE_B(c, g, by, b) WARD_TARGET_RATE, WARD_COMPARE_##c, g, by, TRUE, b
#define MONEY(g, by, b) WARD_TARGET_MONEY, WARD_COMPARE_AT_LEAST, g, by, TRUE, b
#define MONEY_NO_BASELINE(g) WARD_TARGET_MONEY, WARD_COMPARE_AT_LEAST, g, 0, FALSE, 0
#define GROWTH(g)    WARD_TARGET_GROWTH, WARD_COMPARE_AT_LEAST, g, 2025, FALSE, 0
#define QUOTA        WARD_TARGET_QUOTA, WARD_COMPARE_EQUAL, 100, 0, FALSE, 0
#define COUNT(g)     WARD_TARGET_COUNT, WARD_COMPARE_AT_LEAST, g, 0, FALSE, 0
#define Y(y, v)      { y, FALSE, TRUE, v, 0, 0 }
#define H1(y, v)     { y, TRUE, TRUE, v, 0, 0 }
#define DRAFT(y, v)  { y, FALSE, FALSE, v, 0, 0 }
#define Q(y, q, d)   { y, FALSE, TRUE, 0, q, d }

static const Case cases[] = {
  /* Levels (rates, money) ------------------------------------------------ */
  { "no reading yet", RATE (AT_LEAST, 96), TODAY, 0, { { 0 } },
    WARD_VERDICT_NO_DATA, FALSE, 0, 0, FALSE, NAN },
  /* The examples: a first reading is not its own starting point. */
  { "5% 5G against 100% without a baseline: says so", RATE (EQUAL, 100), TODAY, 1, { Y (2025, 5) },
    WARD_VERDICT_NO_BASELINE, TRUE, 5, 2025, FALSE, NAN },
  { "an income of 10.000.000 đ without a baseline: says so", MONEY_NO_BASELINE (95e6), TODAY, 1,
    { Y (2026, 10e6) }, WARD_VERDICT_NO_BASELINE, TRUE, 10e6, 2026, FALSE, NAN },
  { "one reading already at the goal needs no baseline", RATE (AT_LEAST, 96), TODAY, 1, { Y (2026, 96) },
    WARD_VERDICT_MET, TRUE, 96, 2026, FALSE, NAN },
  { "already met, above the goal", RATE (AT_LEAST, 96), TODAY, 2, { Y (2025, 94), Y (2026, 96.5) },
    WARD_VERDICT_MET, TRUE, 96.5, 2026, FALSE, NAN },
  { "> 85: 85 is not met", RATE_B (ABOVE, 85, 2025, 85), TODAY, 1, { Y (2026, 85) },
    WARD_VERDICT_ON_TRACK, TRUE, 85, 2026, FALSE, 85 },
  { "> 85: 85,004 shows as 85 and is not met", RATE_B (ABOVE, 85, 2025, 85), TODAY, 1, { Y (2026, 85.004) },
    WARD_VERDICT_ON_TRACK, TRUE, 85.004, 2026, FALSE, NAN },
  { "> 85: 85,1 is met", RATE (ABOVE, 85), TODAY, 1, { Y (2026, 85.1) },
    WARD_VERDICT_MET, TRUE, 85.1, 2026, FALSE, NAN },
  { "= 100: 99,9 is not met", RATE_B (EQUAL, 100, 2026, 99.9), TODAY, 1, { Y (2026, 99.9) },
    WARD_VERDICT_ON_TRACK, TRUE, 99.9, 2026, FALSE, NAN },
  { "= 100: 100 is met", RATE (EQUAL, 100), TODAY, 1, { Y (2026, 100) },
    WARD_VERDICT_MET, TRUE, 100, 2026, FALSE, NAN },
  { "entered out of order: the latest period wins", RATE_B (EQUAL, 100, 2025, 80), TODAY, 3,
    { Y (2026, 85), Y (2025, 80), H1 (2026, 83) },
    WARD_VERDICT_ON_TRACK, TRUE, 85, 2026, FALSE, 84 },
  { "the whole year comes after its first half", RATE_B (EQUAL, 100, 2025, 80), TODAY, 3,
    { Y (2025, 80), Y (2026, 82), H1 (2026, 90) },
    WARD_VERDICT_BEHIND, TRUE, 82, 2026, FALSE, 84 },
  { "a first half newer than the last whole year", RATE_B (EQUAL, 100, 2025, 80), TODAY, 2,
    { H1 (2026, 83), Y (2025, 80) },
    WARD_VERDICT_ON_TRACK, TRUE, 83, 2026, TRUE, 82 },
  { "a final reading wins over a later draft of its period", RATE_B (AT_LEAST, 96, 2026, 94), TODAY, 2,
    { Y (2026, 94), DRAFT (2026, 97) },
    WARD_VERDICT_ON_TRACK, TRUE, 94, 2026, FALSE, NAN },
  { "a later draft wins over an earlier one", RATE (AT_LEAST, 96), TODAY, 2,
    { DRAFT (2026, 94), DRAFT (2026, 97) },
    WARD_VERDICT_MET, TRUE, 97, 2026, FALSE, NAN },
  /* The path from 95 to 96 plans 0,2 a year; after falling to 93 the rest
   * needs 0,75 a year, more than 1,5 × 0,2. */
  { "a draft of a later period wins over a final of an earlier one", RATE_B (AT_LEAST, 96, 2025, 95),
    TODAY, 2, { Y (2025, 95), DRAFT (2026, 93) },
    WARD_VERDICT_AT_RISK, TRUE, 93, 2026, FALSE, 95.2 },
  { "below the path, pace within 1,5×: behind", RATE_B (EQUAL, 100, 2025, 80), TODAY, 2,
    { Y (2025, 80), Y (2026, 82) },
    WARD_VERDICT_BEHIND, TRUE, 82, 2026, FALSE, 84 },
  { "below the path, pace above 1,5×: at risk", RATE_B (EQUAL, 100, 2025, 80), TODAY, 2,
    { Y (2025, 80), Y (2026, 72) },
    WARD_VERDICT_AT_RISK, TRUE, 72, 2026, FALSE, 84 },
  { "above the path: on track", RATE_B (EQUAL, 100, 2025, 80), TODAY, 2, { Y (2025, 80), Y (2026, 85) },
    WARD_VERDICT_ON_TRACK, TRUE, 85, 2026, FALSE, 84 },
  { "the term's last year in and not met: at risk", RATE_B (EQUAL, 100, 2025, 80), 6.0, 2,
    { Y (2025, 80), Y (2030, 98) },
    WARD_VERDICT_AT_RISK, TRUE, 98, 2030, FALSE, 100 },
  { "fell back below a goal it had passed: behind", RATE_B (AT_LEAST, 96, 2025, 97), TODAY, 2,
    { Y (2025, 97), Y (2026, 95) },
    WARD_VERDICT_BEHIND, TRUE, 95, 2026, FALSE, NAN },
  { "money from its baseline, on the path", MONEY (95e6, 2025, 70e6), TODAY, 1, { Y (2026, 75e6) },
    WARD_VERDICT_ON_TRACK, TRUE, 75e6, 2026, FALSE, 75e6 },
  { "money from its baseline, behind", MONEY (95e6, 2025, 70e6), TODAY, 1, { Y (2026, 70e6) },
    WARD_VERDICT_BEHIND, TRUE, 70e6, 2026, FALSE, 75e6 },
  { "money from its baseline, at risk", MONEY (95e6, 2025, 70e6), TODAY, 1, { Y (2026, 60e6) },
    WARD_VERDICT_AT_RISK, TRUE, 60e6, 2026, FALSE, 75e6 },

  /* Growth: compound, from the baseline year 2025 ---------------------- */
  { "growth: no reading", GROWTH (11.8), TODAY, 0, { { 0 } },
    WARD_VERDICT_NO_DATA, FALSE, 0, 0, FALSE, NAN },
  { "growth: the base year alone is not counted", GROWTH (11.8), TODAY, 1, { Y (2025, 12) },
    WARD_VERDICT_NO_DATA, FALSE, 0, 0, FALSE, NAN },
  { "growth: one year above the goal is on track", GROWTH (11.8), TODAY, 1, { Y (2026, 12) },
    WARD_VERDICT_ON_TRACK, TRUE, 12, 2026, FALSE, 11.8 },
  { "growth: compounded, not averaged (plain mean 11,8)", GROWTH (11.8), TODAY, 2,
    { Y (2027, 18.6), Y (2026, 5) },
    WARD_VERDICT_BEHIND, TRUE, 11.5931, 2027, FALSE, 11.8 },
  /* "bình quân hằng năm" needs every year: a gap is never "met". */
  { "growth: a year missing in the middle: not enough data", GROWTH (11.8), TODAY, 2,
    { Y (2026, 10), Y (2028, 12) },
    WARD_VERDICT_INCOMPLETE, TRUE, 10.9955, 2028, FALSE, 11.8 },
  { "growth: the first year after the base missing: not enough data", GROWTH (11.8), TODAY, 1,
    { Y (2027, 12) },
    WARD_VERDICT_INCOMPLETE, TRUE, 12, 2027, FALSE, 11.8 },
  { "growth: above the goal every year but 2028 missing: never met", GROWTH (11.8), 6.0, 4,
    { Y (2026, 13), Y (2027, 13), Y (2029, 13), Y (2030, 13) },
    WARD_VERDICT_INCOMPLETE, TRUE, 13, 2030, FALSE, 11.8 },
  { "growth: a first half stands for its year", GROWTH (11.8), TODAY, 2,
    { Y (2025, 9), H1 (2026, 13) },
    WARD_VERDICT_ON_TRACK, TRUE, 13, 2026, TRUE, 11.8 },
  { "growth: the whole year replaces its first half", GROWTH (11.8), TODAY, 2,
    { H1 (2026, 13), Y (2026, 9) },
    WARD_VERDICT_BEHIND, TRUE, 9, 2026, FALSE, 11.8 },
  { "growth: a fall of 5% leaves 16,5% a year needed: behind", GROWTH (11.8), TODAY, 1,
    { Y (2026, -5) },
    WARD_VERDICT_BEHIND, TRUE, -5, 2026, FALSE, 11.8 },
  { "growth: a fall of 10% leaves 18% a year needed: at risk", GROWTH (11.8), TODAY, 1,
    { Y (2026, -10) },
    WARD_VERDICT_AT_RISK, TRUE, -10, 2026, FALSE, 11.8 },
  { "growth: 11,8% every year of the term is met", GROWTH (11.8), 6.0, 5,
    { Y (2026, 11.8), Y (2027, 11.8), Y (2028, 11.8), Y (2029, 11.8), Y (2030, 11.8) },
    WARD_VERDICT_MET, TRUE, 11.8, 2030, FALSE, 11.8 },
  { "growth: the term over below the goal is at risk", GROWTH (11.8), 6.0, 5,
    { Y (2026, 12), Y (2027, 12), Y (2028, 12), Y (2029, 12), Y (2030, 10) },
    WARD_VERDICT_AT_RISK, TRUE, 11.5970, 2030, FALSE, 11.8 },

  /* The quota: delivered / quota each year ------------------------------ */
  { "quota: no year yet", QUOTA, TODAY, 0, { { 0 } },
    WARD_VERDICT_NO_DATA, FALSE, 0, 0, FALSE, NAN },
  { "quota: a year without its quota is no data", QUOTA, TODAY, 1, { Q (2025, 0, 5) },
    WARD_VERDICT_NO_DATA, FALSE, 0, 0, FALSE, NAN },
  { "quota: delivered in full", QUOTA, TODAY, 1, { Q (2025, 20, 20) },
    WARD_VERDICT_MET, TRUE, 100, 2025, FALSE, 100 },
  { "quota: above the quota is met", QUOTA, TODAY, 1, { Q (2025, 20, 22) },
    WARD_VERDICT_MET, TRUE, 110, 2025, FALSE, 100 },
  { "quota: the latest year short by 10%: behind", QUOTA, TODAY, 2,
    { Q (2026, 20, 18), Q (2025, 20, 20) },
    WARD_VERDICT_BEHIND, TRUE, 90, 2026, FALSE, 100 },
  { "quota: a past year at 75% stays at risk", QUOTA, TODAY, 2,
    { Q (2025, 20, 15), Q (2026, 20, 20) },
    WARD_VERDICT_AT_RISK, TRUE, 100, 2026, FALSE, 100 },

  /* Counted targets: yearly counts, judged today ------------------------ */
  { "count: nothing yet is a value of 0", COUNT (600), TODAY, 0, { { 0 } },
    WARD_VERDICT_BEHIND, TRUE, 0, 2026, FALSE, 190.6849 },
  { "count: 124 of 600 late in 2026: behind", COUNT (600), TODAY, 2, { Y (2025, 60), Y (2026, 64) },
    WARD_VERDICT_BEHIND, TRUE, 124, 2026, FALSE, 190.6849 },
  { "count: ahead of the path", COUNT (600), TODAY, 2, { Y (2025, 120), Y (2026, 130) },
    WARD_VERDICT_ON_TRACK, TRUE, 250, 2026, FALSE, 190.6849 },
  { "count: reached", COUNT (750), TODAY, 2, { Y (2025, 700), Y (2026, 50) },
    WARD_VERDICT_MET, TRUE, 750, 2026, FALSE, NAN },
  { "count: half of it with half a year left: at risk", COUNT (600), 5.5, 1, { Y (2027, 300) },
    WARD_VERDICT_AT_RISK, TRUE, 300, 2030, FALSE, 550 },
};

static void
fill (const Case          *c,
      WardProgressTarget  *target,
      WardProgressReading *readings)
{
  *target = (WardProgressTarget) {
    .kind = c->kind,
    .comparison = c->comparison,
    .goal = c->goal,
    .term_start_year = START,
    .term_end_year = END,
    .baseline_year = c->baseline_year,
    .has_baseline_value = c->has_baseline,
    .baseline_value = c->baseline,
  };
  for (guint i = 0; i < c->n; i++)
    readings[i] = (WardProgressReading) {
      .year = c->readings[i].year,
      .first_half = c->readings[i].first_half,
      .final = c->readings[i].final,
      .has_value = c->kind != WARD_TARGET_QUOTA,
      .value = c->readings[i].value,
      .quota = c->readings[i].quota,
      .delivered = c->readings[i].delivered,
      .entered = i + 1,
    };
}

static void
test_progress_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      WardProgressReading readings[MAX_READINGS];
      WardProgressTarget target;
      WardProgress p;

      g_test_message ("case %u: %s", i, c->name);
      fill (c, &target, readings);
      ward_progress_compute (&target, readings, c->n, c->today, &p);

      g_assert_cmpstr (ward_verdict_to_string (p.verdict), ==, ward_verdict_to_string (c->verdict));
      g_assert_cmpint (p.has_value, ==, c->has_value);
      if (!c->has_value)
        continue;
      g_assert_cmpfloat_with_epsilon (p.value, c->value, 1e-3);
      g_assert_cmpint (p.value_year, ==, c->value_year);
      g_assert_cmpint (p.value_first_half, ==, c->value_first_half);
      if (!isnan (c->expected_at_value))
        g_assert_cmpfloat_with_epsilon (p.expected_at_value, c->expected_at_value,
                                        1e-3 * MAX (1.0, fabs (c->expected_at_value)));
      g_assert_cmpfloat (p.progress, >=, 0);
    }
}

/* The term from the congress (16/08/2025, term time 228/365): the path of
 * a level starts from its baseline reading at the congress, that of a
 * count from 0 at the congress; the pace needed is over the time left. */
static void
test_progress_from_congress (void)
{
  double congress = ward_progress_time_of_day (START, END, "2025-08-16");
  WardProgressTarget coverage = {
    .kind = WARD_TARGET_RATE, .comparison = WARD_COMPARE_EQUAL, .goal = 100,
    .term_start_year = START, .term_end_year = END,
    .has_baseline_value = TRUE, .baseline_value = 0, .baseline_time = congress,
    .term_start_time = congress, .term_end_time = 6.0,
  };
  WardProgressTarget members = {
    .kind = WARD_TARGET_COUNT, .comparison = WARD_COMPARE_AT_LEAST, .goal = 600,
    .term_start_year = START, .term_end_year = END,
    .term_start_time = congress, .term_end_time = 6.0,
  };
  WardProgressReading five = { .year = 2025, .final = TRUE, .has_value = TRUE, .value = 5, .entered = 1 };
  WardProgressReading counts[] = {
    { .year = 2025, .final = TRUE, .has_value = TRUE, .value = 60, .entered = 1 },
    { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 64, .entered = 2 },
  };
  WardProgress p;

  g_assert_cmpfloat_with_epsilon (congress, 228.0 / 365.0, 1e-9);
  /* 5% at the end of 2025 against the path from 0 at the congress: 7,03%. */
  ward_progress_compute (&coverage, &five, 1, TODAY, &p);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_BEHIND);
  g_assert_cmpfloat_with_epsilon (p.expected_at_value, 100.0 * (1.0 - congress) / (6.0 - congress), 1e-6);
  g_assert_cmpfloat_with_epsilon (p.path_start_time, congress, 1e-9);

  /* 124 of 600 on 27/11/2026: the even path from the congress is at 143. */
  ward_progress_compute (&members, counts, G_N_ELEMENTS (counts), TODAY, &p);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_BEHIND);
  g_assert_cmpfloat_with_epsilon (p.expected_today, 600.0 * (TODAY - congress) / (6.0 - congress), 1e-6);
  /* Before the congress nothing is expected yet. */
  ward_progress_compute (&members, counts, 0, 0.5, &p);
  g_assert_cmpfloat (p.expected_today, ==, 0);
}

/* Reversing the order of entry changes nothing but ties within a period. */
static void
test_progress_entry_order (void)
{
  WardProgressReading readings[] = {
    { .year = 2027, .final = TRUE, .has_value = TRUE, .value = 88, .entered = 1 },
    { .year = 2025, .final = TRUE, .has_value = TRUE, .value = 80, .entered = 2 },
    { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 84, .entered = 3 },
  };
  WardProgressReading reversed[G_N_ELEMENTS (readings)];
  WardProgressTarget target = { WARD_TARGET_RATE, WARD_COMPARE_EQUAL, 100, START, END, 2024, TRUE, 80 };
  WardProgress a, b;

  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    reversed[i] = readings[G_N_ELEMENTS (readings) - 1 - i];
  ward_progress_compute (&target, readings, G_N_ELEMENTS (readings), TODAY, &a);
  ward_progress_compute (&target, reversed, G_N_ELEMENTS (readings), TODAY, &b);
  g_assert_cmpfloat (a.value, ==, 88);
  g_assert_cmpfloat (b.value, ==, 88);
  g_assert_cmpint (a.verdict, ==, b.verdict);
  g_assert_cmpfloat (a.path_start_value, ==, 80);
  g_assert_cmpfloat (b.path_start_value, ==, 80);
}

static void
test_progress_expected_today (void)
{
  WardProgressReading money[] = { { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 75e6 } };
  WardProgressTarget target = { WARD_TARGET_MONEY, WARD_COMPARE_AT_LEAST, 95e6, START, END,
                                2025, TRUE, 70e6 };
  WardProgressTarget growth = { WARD_TARGET_GROWTH, WARD_COMPARE_AT_LEAST, 11.8, START, END, 2025 };
  WardProgress p;

  /* From 70 million at the end of 2025 to 95 million at the end of 2030:
   * 5 million a year, so 27/11/2026 expects 70 + 5 × 331/365. */
  ward_progress_compute (&target, money, 1, TODAY, &p);
  g_assert_cmpfloat_with_epsilon (p.expected_today, 70e6 + 5e6 * 331.0 / 365.0, 1);
  g_assert_cmpfloat_with_epsilon (p.path_start_time, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.path_end_time, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.progress, 100.0 * 75.0 / 95.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.pace_needed, 20e6 / 4.0, 1);

  /* Growth expects the goal rate itself, every year. */
  ward_progress_compute (&growth, NULL, 0, TODAY, &p);
  g_assert_cmpfloat (p.expected_today, ==, 11.8);
  g_assert_cmpfloat (p.path_start_value, ==, 11.8);
  g_assert_cmpfloat (p.path_end_value, ==, 11.8);
}

static void
test_progress_growth_pace (void)
{
  WardProgressReading r[] = { { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 10 } };
  WardProgressTarget growth = { WARD_TARGET_GROWTH, WARD_COMPARE_AT_LEAST, 11.8, START, END, 2025 };
  WardProgress p;

  /* Five years 2026 – 2030 at 11,8% need 1,118⁵ in all; after 10% in 2026
   * the four left need (1,118⁵ / 1,10)^¼ − 1 = 12,26% a year. */
  ward_progress_compute (&growth, r, 1, TODAY, &p);
  g_assert_cmpfloat_with_epsilon (p.pace_needed, (pow (pow (1.118, 5) / 1.10, 0.25) - 1) * 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.pace_needed, 12.26, 0.01);
  g_assert_cmpint (p.n_years, ==, 1);
  g_assert_cmpint (p.first_year, ==, 2026);
  g_assert_cmpint (p.last_year, ==, 2026);
}

static void
test_progress_quota_short_year (void)
{
  WardProgressReading r[] = {
    { .year = 2026, .final = TRUE, .quota = 25, .delivered = 25 },
    { .year = 2025, .final = TRUE, .quota = 20, .delivered = 19 },
    { .year = 2027, .final = TRUE, .quota = 20, .delivered = 21 },
  };
  WardProgressTarget quota = { WARD_TARGET_QUOTA, WARD_COMPARE_EQUAL, 100, START, END };
  WardProgress p;

  ward_progress_compute (&quota, r, G_N_ELEMENTS (r), TODAY, &p);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_BEHIND);
  g_assert_cmpint (p.short_year, ==, 2025);
  g_assert_cmpint (p.n_years, ==, 3);
  g_assert_cmpfloat_with_epsilon (p.value, 105, 1e-9);
  g_assert_cmpint (p.value_year, ==, 2027);
}

typedef struct
{
  WardTargetKind kind;
  WardComparison comparison;
  double         value;
  double         goal;
  gboolean       meets;
} MeetsCase;

static void
test_progress_meets (void)
{
  static const MeetsCase meets[] = {
    { WARD_TARGET_RATE, WARD_COMPARE_ABOVE, 85, 85, FALSE },
    { WARD_TARGET_RATE, WARD_COMPARE_ABOVE, 85.004, 85, FALSE },
    { WARD_TARGET_RATE, WARD_COMPARE_ABOVE, 85.01, 85, TRUE },
    { WARD_TARGET_RATE, WARD_COMPARE_AT_LEAST, 96, 96, TRUE },
    { WARD_TARGET_RATE, WARD_COMPARE_AT_LEAST, 95.99, 96, FALSE },
    { WARD_TARGET_RATE, WARD_COMPARE_EQUAL, 99.99, 100, FALSE },
    { WARD_TARGET_RATE, WARD_COMPARE_EQUAL, 100, 100, TRUE },
    { WARD_TARGET_QUOTA, WARD_COMPARE_EQUAL, 110, 100, TRUE },
    { WARD_TARGET_GROWTH, WARD_COMPARE_AT_LEAST, 11.799999999, 11.8, TRUE },
    { WARD_TARGET_GROWTH, WARD_COMPARE_AT_LEAST, 11.79, 11.8, FALSE },
    { WARD_TARGET_MONEY, WARD_COMPARE_AT_LEAST, 94999999, 95e6, FALSE },
    { WARD_TARGET_MONEY, WARD_COMPARE_AT_LEAST, 95e6, 95e6, TRUE },
    { WARD_TARGET_COUNT, WARD_COMPARE_AT_LEAST, 599, 600, FALSE },
    { WARD_TARGET_COUNT, WARD_COMPARE_AT_LEAST, 600, 600, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (meets); i++)
    {
      g_test_message ("meets case %u: %g against %g", i, meets[i].value, meets[i].goal);
      g_assert_cmpint (ward_progress_meets (meets[i].kind, meets[i].comparison,
                                            meets[i].value, meets[i].goal), ==, meets[i].meets);
    }
}

static void
test_progress_time (void)
{
  static const struct { const char *day; double time; } days[] = {
    { "2025-01-01", 1.0 / 365.0 },
    { "2025-12-31", 1.0 },
    { "2026-11-27", TODAY },
    { "2028-07-01", 3.0 + 183.0 / 366.0 },   /* a leap year */
    { "2030-12-31", 6.0 },
    { "2024-12-31", 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_assert_cmpfloat_with_epsilon (ward_progress_time_of_day (START, END, days[i].day),
                                    days[i].time, 1e-9);
  g_assert_cmpfloat (ward_progress_period_time (START, 2026, TRUE), ==, 1.5);
  g_assert_cmpfloat (ward_progress_period_time (START, 2026, FALSE), ==, 2.0);
}

static void
test_progress_pace_needed (void)
{
  static const struct
  {
    gint64      count;
    gint64      goal;
    const char *today;
    gint64      pace;
    const char *text;
  } paces[] = {
    /* 476 left over 6 − (1 + 331/365) = 4,093 years: 116,3 → 117 */
    { 124, 600, "2026-11-27", 117, "124/600 · 117/year needed" },
    /* exactly two years left: 476 / 2 = 238, not 239 */
    { 124, 600, "2028-12-31", 238, "124/600 · 238/year needed" },
    { 0, 750, "2024-12-31", 125, "0/750 · 125/year needed" },
    { 600, 600, "2026-11-27", 0, "600/600 · met" },
    { 1200, 750, "2026-11-27", 0, "1.200/750 · met" },
    { 580, 600, "2031-02-01", 20, "580/600 · term over" },
    /* on the congress's day (16/08/2025): 600 over the 5,37 years left */
    { 0, 600, "2025-08-16", 112, "0/600 · 112/year needed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (paces); i++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpint (ward_progress_pace_needed (paces[i].count, paces[i].goal, paces[i].today,
                                                  "2030-12-31"), ==, paces[i].pace);
      text = ward_progress_format_count (paces[i].count, paces[i].goal, paces[i].today, "2030-12-31");
      g_assert_cmpstr (text, ==, paces[i].text);
    }
}

static void
test_progress_series (void)
{
  WardProgressReading level[] = {
    { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 85, .entered = 1 },
    { .year = 2025, .final = TRUE, .has_value = TRUE, .value = 80, .entered = 2 },
    { .year = 2026, .first_half = TRUE, .final = TRUE, .has_value = TRUE, .value = 83, .entered = 3 },
    { .year = 2026, .final = FALSE, .has_value = TRUE, .value = 99, .entered = 4 },
  };
  WardProgressReading counts[] = {
    { .year = 2025, .final = TRUE, .has_value = TRUE, .value = 60 },
    { .year = 2026, .final = TRUE, .has_value = TRUE, .value = 64 },
    { .year = 2027, .final = TRUE, .has_value = TRUE, .value = 0 },
  };
  WardProgressReading quota[] = { { .year = 2025, .final = TRUE, .quota = 20, .delivered = 18 } };
  WardProgressTarget rate = { WARD_TARGET_RATE, WARD_COMPARE_EQUAL, 100, START, END };
  WardProgressTarget count = { WARD_TARGET_COUNT, WARD_COMPARE_AT_LEAST, 600, START, END };
  WardProgressTarget recruits = { WARD_TARGET_QUOTA, WARD_COMPARE_EQUAL, 100, START, END };
  g_autoptr (GArray) a = ward_progress_series (&rate, level, G_N_ELEMENTS (level), TODAY);
  g_autoptr (GArray) b = ward_progress_series (&count, counts, G_N_ELEMENTS (counts), TODAY);
  g_autoptr (GArray) c = ward_progress_series (&recruits, quota, 1, TODAY);

  /* One point per period, in period order, the final reading of 2026. */
  g_assert_cmpuint (a->len, ==, 3);
  g_assert_cmpfloat (g_array_index (a, WardProgressPoint, 0).value, ==, 80);
  g_assert_cmpfloat (g_array_index (a, WardProgressPoint, 1).value, ==, 83);
  g_assert_cmpfloat (g_array_index (a, WardProgressPoint, 1).time, ==, 1.5);
  g_assert_cmpfloat (g_array_index (a, WardProgressPoint, 2).value, ==, 85);

  /* Running totals from 0 at the term's start to today, no further. */
  g_assert_cmpuint (b->len, ==, 3);
  g_assert_cmpfloat (g_array_index (b, WardProgressPoint, 0).value, ==, 0);
  g_assert_cmpfloat (g_array_index (b, WardProgressPoint, 1).value, ==, 60);
  g_assert_cmpfloat (g_array_index (b, WardProgressPoint, 1).time, ==, 1.0);
  g_assert_cmpfloat (g_array_index (b, WardProgressPoint, 2).value, ==, 124);
  g_assert_cmpfloat_with_epsilon (g_array_index (b, WardProgressPoint, 2).time, TODAY, 1e-9);

  g_assert_cmpuint (c->len, ==, 1);
  g_assert_cmpfloat (g_array_index (c, WardProgressPoint, 0).value, ==, 90);
}

static void
test_progress_verdict_words (void)
{
  static const char * const strings[] = {
    "no-data", "met", "on-track", "behind", "at-risk", "no-baseline", "incomplete",
  };
  static const char * const documents[] = {
    "Chưa có số liệu", "Đã đạt", "Đúng tiến độ", "Chậm tiến độ", "Có nguy cơ không đạt",
    "Chưa có số liệu gốc", "Chưa đủ số liệu",
  };

  for (int v = 0; v < WARD_N_VERDICTS; v++)
    {
      g_assert_cmpstr (ward_verdict_to_string (v), ==, strings[v]);
      g_assert_cmpstr (ward_verdict_title (v), !=, "");
      g_assert_cmpstr (ward_verdict_document_title (v), ==, documents[v]);
    }
  g_assert_cmpstr (ward_verdict_title (WARD_VERDICT_MET), ==, "Met");
  g_assert_cmpstr (ward_verdict_title (WARD_VERDICT_AT_RISK), ==, "At risk of not being met");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/cases", test_progress_cases);
  g_test_add_func ("/progress/from-congress", test_progress_from_congress);
  g_test_add_func ("/progress/entry-order", test_progress_entry_order);
  g_test_add_func ("/progress/expected-today", test_progress_expected_today);
  g_test_add_func ("/progress/growth-pace", test_progress_growth_pace);
  g_test_add_func ("/progress/quota-short-year", test_progress_quota_short_year);
  g_test_add_func ("/progress/meets", test_progress_meets);
  g_test_add_func ("/progress/time", test_progress_time);
  g_test_add_func ("/progress/pace-needed", test_progress_pace_needed);
  g_test_add_func ("/progress/series", test_progress_series);
  g_test_add_func ("/progress/verdict-words", test_progress_verdict_words);

  return g_test_run ();
}
