/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The period a report covers, as an office reports: a year, a half, a
 * quarter, a month, any range of days, or the whole term. One parser for
 * the CLI's --period and the window's Print dialog. */

typedef enum
{
  WARD_PERIOD_TERM,     /* "term": the whole term of the resolution */
  WARD_PERIOD_YEAR,     /* "2026" */
  WARD_PERIOD_HALF,     /* "2026-H1", "2026-H2" */
  WARD_PERIOD_QUARTER,  /* "2026-Q3" */
  WARD_PERIOD_MONTH,    /* "2026-09" */
  WARD_PERIOD_RANGE,    /* "01/07/2025-30/06/2026" */
} WardPeriodKind;

typedef struct
{
  WardPeriodKind kind;
  int            year;      /* YEAR, HALF, QUARTER, MONTH; the end's year for the others */
  int            part;      /* HALF 1–2, QUARTER 1–4, MONTH 1–12; 0 otherwise */
  char           start[11]; /* ISO, the first day */
  char           end[11];   /* ISO, the last day (inclusive) */
} WardReportPeriod;

/* Reads @text: "2026"; "2026-H1" or "2026-H2" (and what readings accept,
 * "6 tháng đầu năm 2026", "H1/2026"); "2026-Q1" … "2026-Q4"; "2026-09";
 * two dates dd/mm/yyyy (or ISO) joined by "-" or "–"; "term" (or "nhiệm
 * kỳ"). Case and spaces around the parts do not matter. The term runs from
 * @term_start_iso to @term_end_iso: a period that ends before it or starts
 * after it is refused, and so is a range whose end is before its start;
 * WARD_ERROR_INVALID with a sentence that says what is accepted. */
gboolean  ward_report_period_parse      (const char             *text,
                                         const char             *term_start_iso,
                                         const char             *term_end_iso,
                                         WardReportPeriod       *period_out,
                                         GError                **error);
/* The same, the term read from the store's resolution. */
gboolean  ward_report_period_parse_for  (WardStore              *store,
                                         const char             *text,
                                         WardReportPeriod       *period_out,
                                         GError                **error);
/* The whole term, and the year of @today_iso (clamped to the term). */
gboolean  ward_report_period_term       (WardStore              *store,
                                         WardReportPeriod       *period_out,
                                         GError                **error);
gboolean  ward_report_period_year_of    (WardStore              *store,
                                         const char             *today_iso,
                                         WardReportPeriod       *period_out,
                                         GError                **error);

/* How a document names it: "năm 2026", "6 tháng đầu năm 2026", "6 tháng
 * cuối năm 2026", "quý III năm 2026", "tháng 9 năm 2026", "từ ngày
 * 01/07/2025 đến ngày 30/06/2026", "nhiệm kỳ 2025 – 2030" (the term's
 * years from @period). Vietnamese whatever the locale. */
char     *ward_report_period_format     (const WardReportPeriod *period);
/* The text the parser reads back: "2026-H2", "2026-09", "term". */
char     *ward_report_period_to_string  (const WardReportPeriod *period);
/* For file names: "2026-h2", "2026-q3", "2025-07-01-2026-06-30". */
char     *ward_report_period_slug       (const WardReportPeriod *period);
/* Whether the ISO date @iso falls in the period. */
gboolean  ward_report_period_contains   (const WardReportPeriod *period,
                                         const char             *iso);
/* The same period, cut to the term [@term_start_iso, @term_end_iso]. */
void      ward_report_period_clip       (const WardReportPeriod *period,
                                         const char             *term_start_iso,
                                         const char             *term_end_iso,
                                         char                    start_out[11],
                                         char                    end_out[11]);

G_END_DECLS
