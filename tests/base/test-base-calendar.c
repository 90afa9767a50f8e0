/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-base-calendar"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/ward-calendar.h"
#include "base/ward-error.h"
#include "base/ward-format.h"

/* The data file as it is in the source tree (the test reads the file a
 * person edits, not only what was compiled). */
static GPtrArray *
load_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("WARD_SOURCE_DIR"), "data", "calendar",
                                            "holidays.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *entries;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  entries = ward_calendar_parse (text, &error);
  g_assert_no_error (error);
  return entries;
}

static GDateWeekday
weekday_of (const char *iso)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);

  return g_date_get_weekday (date);
}

static int
count_in_year (GPtrArray  *entries,
               int         year,
               const char *kind,
               const char *month_day)
{
  int n = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      WardCalendarEntry *e = entries->pdata[i];

      if (atoi (e->date) == year && g_str_equal (e->kind, kind)
          && (month_day == NULL || g_str_equal (e->date + 5, month_day)))
        n++;
    }
  return n;
}

/* Every date real and written yyyy-mm-dd, in order, once. */
static void
test_file_is_well_formed (void)
{
  g_autoptr (GPtrArray) entries = load_file ();

  g_assert_cmpuint (entries->len, >, 70);
  for (guint i = 0; i < entries->len; i++)
    {
      WardCalendarEntry *e = entries->pdata[i];
      g_autoptr (GDate) date = ward_date_from_iso (e->date);

      g_assert_nonnull (date);
      g_assert_cmpstr (e->note, !=, "");
      if (i > 0)
        g_assert_cmpstr (((WardCalendarEntry *) entries->pdata[i - 1])->date, <, e->date);
      if (g_str_equal (e->kind, "work"))
        g_assert_cmpint (weekday_of (e->date), ==, G_DATE_SATURDAY);
      if (g_str_equal (e->kind, "tet") || g_str_equal (e->kind, "substitute")
          || g_str_equal (e->kind, "bridge"))
        g_assert_cmpint (weekday_of (e->date), <=, G_DATE_FRIDAY);
    }
}

/* Every year of the term and the next: the statutory days of Bộ luật Lao
 * động 2019 Điều 112 khoản 1. */
static void
test_file_has_every_holiday (void)
{
  g_autoptr (GPtrArray) entries = load_file ();

  g_assert_cmpint (ward_calendar_first_year (), ==, 2025);
  g_assert_cmpint (ward_calendar_last_year (), >=, 2031);
  for (int year = 2025; year <= 2031; year++)
    {
      int beside = count_in_year (entries, year, "national", "09-01")
                   + count_in_year (entries, year, "national", "09-03");

      g_test_message ("%d", year);
      g_assert_cmpint (count_in_year (entries, year, "tet", NULL), ==, 5);
      g_assert_cmpint (count_in_year (entries, year, "new-year", "01-01"), ==, 1);
      g_assert_cmpint (count_in_year (entries, year, "victory", "04-30"), ==, 1);
      g_assert_cmpint (count_in_year (entries, year, "labour", "05-01"), ==, 1);
      g_assert_cmpint (count_in_year (entries, year, "national", "09-02"), ==, 1);
      g_assert_cmpint (beside, ==, 1);
      g_assert_cmpint (count_in_year (entries, year, "gio-to", NULL), ==, 1);
    }
}

/* The official schedules of 2025 and 2026, day by day (research notes:
 * Công văn 8726/VPCP-KGVX, 12729/VPCP-KGVX and the notice of 10/2025). */
static void
test_file_known_dates (void)
{
  static const struct { const char *date; WardDayKind kind; } cases[] = {
    { "2025-01-01", WARD_DAY_HOLIDAY }, { "2025-01-24", WARD_DAY_WORKING },
    { "2025-01-27", WARD_DAY_HOLIDAY }, { "2025-01-31", WARD_DAY_HOLIDAY },
    { "2025-02-03", WARD_DAY_WORKING }, { "2025-04-07", WARD_DAY_HOLIDAY },
    { "2025-04-26", WARD_DAY_WORKING }, { "2025-04-30", WARD_DAY_HOLIDAY },
    { "2025-05-01", WARD_DAY_HOLIDAY }, { "2025-05-02", WARD_DAY_HOLIDAY },
    { "2025-05-03", WARD_DAY_WEEKEND }, { "2025-09-01", WARD_DAY_HOLIDAY },
    { "2025-09-02", WARD_DAY_HOLIDAY }, { "2025-09-03", WARD_DAY_WORKING },
    { "2026-01-01", WARD_DAY_HOLIDAY }, { "2026-01-02", WARD_DAY_HOLIDAY },
    { "2026-01-10", WARD_DAY_WORKING }, { "2026-02-13", WARD_DAY_WORKING },
    { "2026-02-16", WARD_DAY_HOLIDAY }, { "2026-02-20", WARD_DAY_HOLIDAY },
    { "2026-02-23", WARD_DAY_WORKING }, { "2026-04-27", WARD_DAY_HOLIDAY },
    { "2026-04-30", WARD_DAY_HOLIDAY }, { "2026-05-01", WARD_DAY_HOLIDAY },
    { "2026-08-22", WARD_DAY_WORKING }, { "2026-08-31", WARD_DAY_HOLIDAY },
    { "2026-09-01", WARD_DAY_HOLIDAY }, { "2026-09-02", WARD_DAY_HOLIDAY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WardDayKind kind;

      g_test_message ("%s", cases[i].date);
      g_assert_true (ward_calendar_day_kind (cases[i].date, &kind));
      g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

/* Computed years: the five statutory days of Tết are the five weekdays
 * from two days before mùng 1 (from the first weekday after, when that is a
 * weekend), as in the decisions of 2020 – 2026. Mùng 1: the research notes'
 * computed dates (UTC+7). */
static void
test_file_computed_tet (void)
{
  static const char * const new_years[] = {
    "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02", "2031-01-23",
  };
  g_autoptr (GPtrArray) entries = load_file ();

  for (gsize i = 0; i < G_N_ELEMENTS (new_years); i++)
    {
      g_autoptr (GDate) day = ward_date_from_iso (new_years[i]);
      int found = 0;

      g_date_subtract_days (day, 2);
      while (g_date_get_weekday (day) >= G_DATE_SATURDAY)
        g_date_add_days (day, 1);
      for (int n = 0; n < 5; n++)
        {
          char iso[11];

          g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
                      g_date_get_day (day));
          for (guint j = 0; j < entries->len; j++)
            if (g_str_equal (((WardCalendarEntry *) entries->pdata[j])->date, iso)
                && g_str_equal (((WardCalendarEntry *) entries->pdata[j])->kind, "tet"))
              found++;
          do
            g_date_add_days (day, 1);
          while (g_date_get_weekday (day) >= G_DATE_SATURDAY);
        }
      g_test_message ("Tết %s", new_years[i]);
      g_assert_cmpint (found, ==, 5);
    }
}

static void
test_parse_refuses (void)
{
  static const char * const bad[] = {
    "2025-02-30  tet  official  # no such day\n",
    "2025-1-1  new-year  official  # not yyyy-mm-dd\n",
    "2025-01-01  holiday  official  # unknown kind\n",
    "2025-01-01  new-year  # no status\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) entries = ward_calendar_parse (bad[i], &error);

      g_assert_null (entries);
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "line 1"));
    }
}

/* The n-th working day after a date: the last working day before Tết, a
 * deadline across Tết, swapped Saturdays, the edges of the calendar. */
static void
test_add_working_days (void)
{
  static const struct { const char *from; int n; const char *expected; } cases[] = {
    { "2025-01-24", 1, "2025-02-03" },   /* the last working day before Tết 2025 */
    { "2026-02-13", 1, "2026-02-23" },   /* the last working day before Tết 2026 */
    { "2026-01-20", 30, "2026-03-10" },  /* 30 working days across Tết 2026 */
    { "2025-12-15", 60, "2026-03-17" },  /* 60 across the new year and Tết */
    { "2025-09-05", 60, "2025-11-28" },
    { "2025-04-25", 1, "2025-04-26" },   /* a Saturday worked */
    { "2025-08-29", 1, "2025-09-03" },   /* over Quốc khánh */
    { "2025-03-03", 0, "2025-03-03" },
    { "2024-12-31", 1, NULL },           /* before the calendar */
    { "2031-12-30", 5, NULL },           /* past it */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = ward_calendar_add_working_days (cases[i].from, cases[i].n);

      g_test_message ("%s + %d", cases[i].from, cases[i].n);
      g_assert_cmpstr (due, ==, cases[i].expected);
    }
}

static void
test_working_days_between (void)
{
  static const struct { const char *from; const char *to; gboolean known; int days; } cases[] = {
    { "2025-01-24", "2025-02-03", TRUE, 1 },
    { "2025-01-24", "2025-02-02", TRUE, 0 },    /* all Tết and the weekend */
    { "2025-02-03", "2025-01-24", TRUE, -1 },
    { "2026-01-20", "2026-03-10", TRUE, 30 },
    { "2025-01-01", "2025-12-31", TRUE, 250 },
    { "2026-01-01", "2026-12-31", TRUE, 250 },
    { "2024-12-31", "2025-01-02", FALSE, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int days = 0;

      g_test_message ("%s → %s", cases[i].from, cases[i].to);
      g_assert_cmpint (ward_calendar_working_days_between (cases[i].from, cases[i].to, &days), ==,
                       cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (days, ==, cases[i].days);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/file/well-formed", test_file_is_well_formed);
  g_test_add_func ("/calendar/file/every-holiday", test_file_has_every_holiday);
  g_test_add_func ("/calendar/file/known-dates", test_file_known_dates);
  g_test_add_func ("/calendar/file/computed-tet", test_file_computed_tet);
  g_test_add_func ("/calendar/parse/refuses", test_parse_refuses);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/working-days-between", test_working_days_between);
  return g_test_run ();
}
