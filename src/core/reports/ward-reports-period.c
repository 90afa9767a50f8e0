/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "reports/ward-reports-period.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"

/* The periods of a report. Every form is read here and nowhere else: the
 * CLI's --period, the window's Print dialog and the reports call
 * ward_report_period_parse(). */

static const char * const roman[] = { "I", "II", "III", "IV" };

static void
set_days (WardReportPeriod *period,
          int               year,
          int               first_month,
          int               last_month)
{
  g_snprintf (period->start, sizeof period->start, "%04d-%02d-01", year, first_month);
  g_snprintf (period->end, sizeof period->end, "%04d-%02d-%02d", year, last_month,
              g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year));
}

static gboolean
plausible_year (int year)
{
  return year >= 1900 && year <= 2200;
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
number_of (const char *text,
           gsize       n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    value = 10 * value + (text[i] - '0');
  return value;
}

/* Splits "2026", "2026-H2", "2026-Q3", "2026-09" and the same with the
 * part first ("H2/2026", "Q3/2026", "09/2026") into the year, a letter
 * ('Y' for a year, 'M' for a month) and the part. */
static gboolean
split_calendar (const char *text,
                int        *year,
                char       *letter,
                int        *part)
{
  gsize len = strlen (text);
  const char *year_text = text, *part_text;

  if (len == 4 && all_digits (text, 4))
    {
      *letter = 'Y';
      *year = number_of (text, 4);
      *part = 0;
      return TRUE;
    }
  if (len != 7)
    return FALSE;
  if (text[4] == '-')
    part_text = text + 5;
  else if (text[2] == '/')
    {
      part_text = text;
      year_text = text + 3;
    }
  else
    return FALSE;
  if (!all_digits (year_text, 4))
    return FALSE;
  *year = number_of (year_text, 4);
  if (all_digits (part_text, 2))
    {
      *letter = 'M';
      *part = number_of (part_text, 2);
      return TRUE;
    }
  if (!g_ascii_isalpha (part_text[0]) || !g_ascii_isdigit (part_text[1]))
    return FALSE;
  *letter = g_ascii_toupper (part_text[0]);
  *part = part_text[1] - '0';
  return TRUE;
}

static gboolean
parse_calendar (const char       *text,
                WardReportPeriod *period)
{
  int year, part;
  char letter;

  if (!split_calendar (text, &year, &letter, &part) || !plausible_year (year))
    return FALSE;
  period->year = year;
  period->part = part;
  switch (letter)
    {
    case 'Y':
      period->kind = WARD_PERIOD_YEAR;
      set_days (period, year, 1, 12);
      return TRUE;
    case 'H':
      if (part < 1 || part > 2)
        return FALSE;
      period->kind = WARD_PERIOD_HALF;
      set_days (period, year, part == 1 ? 1 : 7, part == 1 ? 6 : 12);
      return TRUE;
    case 'Q':
      if (part < 1 || part > 4)
        return FALSE;
      period->kind = WARD_PERIOD_QUARTER;
      set_days (period, year, 3 * part - 2, 3 * part);
      return TRUE;
    case 'M':
      if (part < 1 || part > 12)
        return FALSE;
      period->kind = WARD_PERIOD_MONTH;
      set_days (period, year, part, part);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A date as the two ends of a range are written: with its separators,
 * never a bare number (which ward_parse_date() would take for an Excel
 * day number). */
static gboolean
parse_end (const char *text,
           char        iso[11])
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *parsed = NULL;

  if (strpbrk (stripped, "/-.") == NULL || !ward_parse_date (stripped, &parsed, NULL))
    return FALSE;
  g_strlcpy (iso, parsed, 11);
  return TRUE;
}

/* "01/07/2025-30/06/2026", "01/07/2025 – 30/06/2026", "2025-07-01-2026-06-30":
 * the first dash at which both sides read as dates. */
static gboolean
parse_range (const char       *text,
             WardReportPeriod *period)
{
  const char *en_dash = strstr (text, "–");

  if (en_dash != NULL)
    {
      g_autofree char *left = g_strndup (text, en_dash - text);

      if (!parse_end (left, period->start) || !parse_end (en_dash + strlen ("–"), period->end))
        return FALSE;
    }
  else
    {
      const char *dash;

      for (dash = strchr (text, '-'); dash != NULL; dash = strchr (dash + 1, '-'))
        {
          g_autofree char *left = g_strndup (text, dash - text);

          if (parse_end (left, period->start) && parse_end (dash + 1, period->end))
            break;
        }
      if (dash == NULL)
        return FALSE;
    }
  period->kind = WARD_PERIOD_RANGE;
  period->year = (int) g_ascii_strtoll (period->end, NULL, 10);
  period->part = 0;
  return TRUE;
}

static gboolean
is_term (const char *text)
{
  g_autofree char *folded = ward_text_fold (text);

  return g_strcmp0 (folded, "term") == 0 || g_strcmp0 (folded, "nhiem ky") == 0
         || g_strcmp0 (folded, "ca nhiem ky") == 0;
}

/* What readings accept for a half: "6 tháng đầu năm 2026", "H1/2026". */
static gboolean
parse_reading_period (const char       *text,
                      WardReportPeriod *period)
{
  gboolean first_half = FALSE;
  gboolean baseline = FALSE;
  int year = 0;

  /* The congress's baseline is a reading, not a period to report on. */
  if (!ward_reading_parse_period (text, &year, &first_half, &baseline, NULL) || baseline
      || !plausible_year (year))
    return FALSE;
  period->kind = first_half ? WARD_PERIOD_HALF : WARD_PERIOD_YEAR;
  period->year = year;
  period->part = first_half ? 1 : 0;
  set_days (period, year, 1, first_half ? 6 : 12);
  return TRUE;
}

static void
set_term (WardReportPeriod *period,
          const char       *term_start_iso,
          const char       *term_end_iso)
{
  period->kind = WARD_PERIOD_TERM;
  period->part = 0;
  g_strlcpy (period->start, term_start_iso, sizeof period->start);
  g_strlcpy (period->end, term_end_iso, sizeof period->end);
  period->year = (int) g_ascii_strtoll (term_end_iso, NULL, 10);
}

static gboolean
check_in_term (const WardReportPeriod  *period,
               const char              *text,
               const char              *term_start_iso,
               const char              *term_end_iso,
               GError                 **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (strcmp (period->start, period->end) > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” ends before it starts; write the earlier date first."), text);
      return FALSE;
    }
  if (strcmp (period->end, term_start_iso) >= 0 && strcmp (period->start, term_end_iso) <= 0)
    return TRUE;
  start = ward_format_date (term_start_iso);
  end = ward_format_date (term_end_iso);
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is outside the term (%s – %s); choose a period of the term."),
               text, start, end);
  return FALSE;
}

gboolean
ward_report_period_parse (const char        *text,
                          const char        *term_start_iso,
                          const char        *term_end_iso,
                          WardReportPeriod  *period_out,
                          GError           **error)
{
  g_autofree char *clean = NULL;
  WardReportPeriod period = { 0 };
  gboolean ok;

  g_return_val_if_fail (term_start_iso != NULL && term_end_iso != NULL, FALSE);
  g_return_val_if_fail (period_out != NULL, FALSE);

  clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (is_term (clean))
    {
      set_term (&period, term_start_iso, term_end_iso);
      ok = TRUE;
    }
  else
    ok = clean[0] != '\0'
         && (parse_calendar (clean, &period) || parse_range (clean, &period)
             || parse_reading_period (clean, &period));
  if (!ok)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a period. Write a year (2026), a half (2026-H1, 2026-H2), "
                     "a quarter (2026-Q3), a month (2026-09), two dates "
                     "(01/07/2025-30/06/2026) or “term” for the whole term."), clean);
      return FALSE;
    }
  if (!check_in_term (&period, clean, term_start_iso, term_end_iso, error))
    return FALSE;
  *period_out = period;
  return TRUE;
}

static gboolean
load_term (WardStore  *store,
           char      **start,
           char      **end,
           GError    **error)
{
  g_autoptr (WardResolution) ward = ward_resolution_load (store, error);

  if (ward == NULL)
    return FALSE;
  *start = ward_resolution_term_start (ward);
  *end = ward_resolution_term_end (ward);
  return TRUE;
}

gboolean
ward_report_period_parse_for (WardStore         *store,
                              const char        *text,
                              WardReportPeriod  *period_out,
                              GError           **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  return load_term (store, &start, &end, error)
         && ward_report_period_parse (text, start, end, period_out, error);
}

gboolean
ward_report_period_term (WardStore         *store,
                         WardReportPeriod  *period_out,
                         GError           **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!load_term (store, &start, &end, error))
    return FALSE;
  memset (period_out, 0, sizeof *period_out);
  set_term (period_out, start, end);
  return TRUE;
}

gboolean
ward_report_period_year_of (WardStore         *store,
                            const char        *today_iso,
                            WardReportPeriod  *period_out,
                            GError           **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int year;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today_iso != NULL, FALSE);

  if (!load_term (store, &start, &end, error))
    return FALSE;
  year = CLAMP ((int) g_ascii_strtoll (today_iso, NULL, 10),
                (int) g_ascii_strtoll (start, NULL, 10), (int) g_ascii_strtoll (end, NULL, 10));
  memset (period_out, 0, sizeof *period_out);
  period_out->kind = WARD_PERIOD_YEAR;
  period_out->year = year;
  set_days (period_out, year, 1, 12);
  return TRUE;
}

char *
ward_report_period_format (const WardReportPeriod *period)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case WARD_PERIOD_YEAR:
      return g_strdup_printf ("năm %d", period->year);
    case WARD_PERIOD_HALF:
      return g_strdup_printf ("6 tháng %s năm %d", period->part == 1 ? "đầu" : "cuối",
                              period->year);
    case WARD_PERIOD_QUARTER:
      return g_strdup_printf ("quý %s năm %d", roman[CLAMP (period->part, 1, 4) - 1],
                              period->year);
    case WARD_PERIOD_MONTH:
      return g_strdup_printf ("tháng %d năm %d", period->part, period->year);
    case WARD_PERIOD_TERM:
      return g_strdup_printf ("nhiệm kỳ %.4s – %.4s", period->start, period->end);
    case WARD_PERIOD_RANGE:
    default:
      start = ward_format_date (period->start);
      end = ward_format_date (period->end);
      return g_strdup_printf ("từ ngày %s đến ngày %s", start, end);
    }
}

char *
ward_report_period_to_string (const WardReportPeriod *period)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case WARD_PERIOD_YEAR:
      return g_strdup_printf ("%d", period->year);
    case WARD_PERIOD_HALF:
      return g_strdup_printf ("%d-H%d", period->year, period->part);
    case WARD_PERIOD_QUARTER:
      return g_strdup_printf ("%d-Q%d", period->year, period->part);
    case WARD_PERIOD_MONTH:
      return g_strdup_printf ("%d-%02d", period->year, period->part);
    case WARD_PERIOD_TERM:
      return g_strdup ("term");
    case WARD_PERIOD_RANGE:
    default:
      start = ward_format_date (period->start);
      end = ward_format_date (period->end);
      return g_strdup_printf ("%s-%s", start, end);
    }
}

char *
ward_report_period_slug (const WardReportPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->kind == WARD_PERIOD_RANGE)
    return g_strdup_printf ("%s-%s", period->start, period->end);
  if (period->kind == WARD_PERIOD_TERM)
    return g_strdup_printf ("nhiem-ky-%.4s-%.4s", period->start, period->end);
  {
    g_autofree char *text = ward_report_period_to_string (period);

    return g_ascii_strdown (text, -1);
  }
}

gboolean
ward_report_period_contains (const WardReportPeriod *period,
                             const char             *iso)
{
  g_return_val_if_fail (period != NULL, FALSE);

  return iso != NULL && iso[0] != '\0'
         && strncmp (iso, period->start, 10) >= 0 && strncmp (iso, period->end, 10) <= 0;
}

void
ward_report_period_clip (const WardReportPeriod *period,
                         const char             *term_start_iso,
                         const char             *term_end_iso,
                         char                    start_out[11],
                         char                    end_out[11])
{
  g_return_if_fail (period != NULL);

  g_strlcpy (start_out, strcmp (period->start, term_start_iso) < 0 ? term_start_iso : period->start,
             11);
  g_strlcpy (end_out, strcmp (period->end, term_end_iso) > 0 ? term_end_iso : period->end, 11);
}
