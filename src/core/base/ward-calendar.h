/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Working days as Vietnam's civil servants and the Party's bodies count
 * them ("ngày làm việc"): Monday to Friday, less the public holidays, plus
 * the Saturdays worked in exchange for a bridge day. The holidays are a
 * data file, data/calendar/holidays.txt (one date a line, with the holiday
 * and its source), compiled into the program: Tết and Giỗ Tổ Hùng Vương
 * fall on lunar dates and the Prime Minister fixes the days each year, so
 * no rule can compute them all. The file covers whole years; outside them
 * the functions below say they cannot count rather than guess. */

typedef enum
{
  WARD_DAY_WORKING,
  WARD_DAY_WEEKEND,
  WARD_DAY_HOLIDAY,   /* a holiday, a substitute or a bridge day */
} WardDayKind;

/* One line of the data file, for its test and for whoever reads it. */
typedef struct
{
  char *date;     /* ISO */
  char *kind;     /* new-year, tet, victory, labour, national, gio-to, substitute, bridge, work */
  char *status;   /* official, statutory, computed */
  char *note;     /* the holiday and its source */
} WardCalendarEntry;

/* The file's entries, in its order (a GPtrArray the caller unrefs). NULL
 * with @error naming the line when a line cannot be read. */
GPtrArray   *ward_calendar_parse               (const char   *text,
                                                GError      **error);
/* The first and last years the built-in file covers. */
int          ward_calendar_first_year          (void);
int          ward_calendar_last_year           (void);
gboolean     ward_calendar_covers              (const char   *iso);

/* What @iso is; FALSE when the calendar does not cover it. */
gboolean     ward_calendar_day_kind            (const char   *iso,
                                                WardDayKind  *kind_out);
/* The working days after @from_iso up to and including @to_iso (negative
 * when @to_iso is before: minus those after it up to @from_iso). FALSE when
 * either date is outside the calendar. */
gboolean     ward_calendar_working_days_between (const char  *from_iso,
                                                 const char  *to_iso,
                                                 int         *days_out);
/* The @n-th working day after @iso (n ≥ 1), as a period in working days
 * counted from an event ends (the day of the event is not counted: Bộ
 * luật Dân sự 2015, Điều 147); @iso itself for 0. NULL when the calendar
 * does not reach it. */
char        *ward_calendar_add_working_days    (const char   *iso,
                                                int           n);

void         ward_calendar_entry_free          (WardCalendarEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCalendarEntry, ward_calendar_entry_free)

G_END_DECLS
