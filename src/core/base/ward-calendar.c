/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-calendar"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "base/ward-calendar.h"
#include "base/ward-error.h"
#include "base/ward-format.h"

#define CALENDAR_RESOURCE "/io/github/wardtracker/WardTracker/base/calendar/holidays.txt"

static const char * const kinds[] = {
  "new-year", "tet", "victory", "labour", "national", "gio-to", "substitute", "bridge", "work", NULL,
};
static const char * const statuses[] = { "official", "statutory", "computed", NULL };

/* The built-in calendar, read once: the kind of every day of the years it
 * covers, and how many working days come before each, so that counting is
 * two look-ups however long the period. */
typedef struct
{
  int     first_year;
  int     last_year;
  guint32 first_julian;
  guint   n_days;
  guint8 *day_kinds;       /* WardDayKind, by day from first_julian */
  guint  *working_before;  /* n_days + 1 entries */
} Calendar;

void
ward_calendar_entry_free (WardCalendarEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->kind);
  g_free (entry->status);
  g_free (entry->note);
  g_free (entry);
}

static gboolean
is_exact_iso (const char *text)
{
  g_autoptr (GDate) date = ward_date_from_iso (text);
  g_autofree char *again = NULL;

  if (date == NULL)
    return FALSE;
  again = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date));
  return g_str_equal (again, text);
}

static WardCalendarEntry *
parse_line (const char  *line,
            guint        number,
            GError     **error)
{
  g_autoptr (WardCalendarEntry) entry = g_new0 (WardCalendarEntry, 1);
  g_autofree char *fields_text = NULL;
  g_auto (GStrv) fields = NULL;
  const char *hash = strchr (line, '#');
  guint n = 0;

  fields_text = hash != NULL ? g_strndup (line, hash - line) : g_strdup (line);
  entry->note = g_strstrip (g_strdup (hash != NULL ? hash + 1 : ""));
  fields = g_strsplit_set (g_strstrip (fields_text), " \t", -1);
  /* Several blanks in a row split into empty fields: drop (and free) them. */
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (fields[i][0] != '\0')
        fields[n++] = fields[i];
      else
        g_free (fields[i]);
    }
  fields[n] = NULL;

  if (n != 3 || !is_exact_iso (fields[0]) || !g_strv_contains (kinds, fields[1])
      || !g_strv_contains (statuses, fields[2]))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   "holidays.txt: line %u: expected “yyyy-mm-dd KIND STATUS # note”", number);
      return NULL;
    }
  entry->date = g_strdup (fields[0]);
  entry->kind = g_strdup (fields[1]);
  entry->status = g_strdup (fields[2]);
  return g_steal_pointer (&entry);
}

GPtrArray *
ward_calendar_parse (const char  *text,
                     GError     **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_calendar_entry_free);
  g_auto (GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *bare = g_strstrip (g_strdup (lines[i]));
      WardCalendarEntry *entry;

      if (bare[0] == '\0' || bare[0] == '#')
        continue;
      entry = parse_line (bare, i + 1, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
fill_days (Calendar  *calendar,
           GPtrArray *entries)
{
  guint32 julian = calendar->first_julian;

  for (guint i = 0; i < calendar->n_days; i++, julian++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      calendar->day_kinds[i] = g_date_get_weekday (&date) >= G_DATE_SATURDAY ? WARD_DAY_WEEKEND
                                                                                : WARD_DAY_WORKING;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      WardCalendarEntry *entry = entries->pdata[i];
      g_autoptr (GDate) date = ward_date_from_iso (entry->date);
      guint index = g_date_get_julian (date) - calendar->first_julian;

      calendar->day_kinds[index] = g_str_equal (entry->kind, "work") ? WARD_DAY_WORKING : WARD_DAY_HOLIDAY;
    }
  calendar->working_before[0] = 0;
  for (guint i = 0; i < calendar->n_days; i++)
    calendar->working_before[i + 1] = calendar->working_before[i]
                                      + (calendar->day_kinds[i] == WARD_DAY_WORKING);
}

static Calendar *
calendar_load (void)
{
  Calendar *calendar = g_new0 (Calendar, 1);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  bytes = g_resources_lookup_data (CALENDAR_RESOURCE, 0, &error);
  if (bytes != NULL)
    {
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      entries = ward_calendar_parse (text, &error);
    }
  if (entries == NULL || entries->len == 0)
    {
      g_critical ("The calendar of public holidays cannot be read: %s",
                  error != NULL ? error->message : "it is empty");
      return calendar;
    }
  calendar->first_year = atoi (((WardCalendarEntry *) entries->pdata[0])->date);
  calendar->last_year = atoi (((WardCalendarEntry *) entries->pdata[entries->len - 1])->date);
  calendar->first_julian = julian_of (calendar->first_year, 1, 1);
  calendar->n_days = julian_of (calendar->last_year, 12, 31) - calendar->first_julian + 1;
  calendar->day_kinds = g_new0 (guint8, calendar->n_days);
  calendar->working_before = g_new0 (guint, calendar->n_days + 1);
  fill_days (calendar, entries);
  return calendar;
}

static const Calendar *
calendar_get (void)
{
  static gsize loaded = 0;
  static Calendar *calendar = NULL;

  if (g_once_init_enter (&loaded))
    {
      calendar = calendar_load ();
      g_once_init_leave (&loaded, 1);
    }
  return calendar;
}

/* The day's place in the calendar, or -1 outside it. */
static int
day_index (const Calendar *calendar,
           const char     *iso)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);
  gint64 index;

  if (date == NULL || calendar->n_days == 0)
    return -1;
  index = (gint64) g_date_get_julian (date) - (gint64) calendar->first_julian;
  return index >= 0 && index < calendar->n_days ? (int) index : -1;
}

int
ward_calendar_first_year (void)
{
  return calendar_get ()->first_year;
}

int
ward_calendar_last_year (void)
{
  return calendar_get ()->last_year;
}

gboolean
ward_calendar_covers (const char *iso)
{
  return day_index (calendar_get (), iso) >= 0;
}

gboolean
ward_calendar_day_kind (const char  *iso,
                        WardDayKind *kind_out)
{
  const Calendar *calendar = calendar_get ();
  int index = day_index (calendar, iso);

  if (index < 0)
    return FALSE;
  if (kind_out != NULL)
    *kind_out = calendar->day_kinds[index];
  return TRUE;
}

gboolean
ward_calendar_working_days_between (const char *from_iso,
                                    const char *to_iso,
                                    int        *days_out)
{
  const Calendar *calendar = calendar_get ();
  int from = day_index (calendar, from_iso);
  int to = day_index (calendar, to_iso);

  g_return_val_if_fail (days_out != NULL, FALSE);

  if (from < 0 || to < 0)
    return FALSE;
  /* Working days in (from, to]: the day counted from is not counted. */
  *days_out = (int) calendar->working_before[to + 1] - (int) calendar->working_before[from + 1];
  return TRUE;
}

char *
ward_calendar_add_working_days (const char *iso,
                                int         n)
{
  const Calendar *calendar = calendar_get ();
  int from = day_index (calendar, iso);
  guint wanted, low, high;
  GDate date;

  g_return_val_if_fail (n >= 0, NULL);

  if (from < 0)
    return NULL;
  if (n == 0)
    return g_strdup (iso);
  wanted = calendar->working_before[from + 1] + (guint) n;
  if (wanted > calendar->working_before[calendar->n_days])
    return NULL;
  /* The first day after which @wanted working days have passed. */
  low = (guint) from + 1;
  high = calendar->n_days;
  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (calendar->working_before[middle + 1] >= wanted)
        high = middle;
      else
        low = middle + 1;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, calendar->first_julian + low);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}
