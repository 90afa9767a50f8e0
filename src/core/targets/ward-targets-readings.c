/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"

/* A reading as a record, what a clerk types into it, and the rules it must
 * keep. Storing is in ward-targets-readings-store.c, progress in
 * ward-targets-readings-progress.c. */

WardReading *
ward_reading_new (WardTarget *target)
{
  WardReading *reading = g_new0 (WardReading, 1);

  g_return_val_if_fail (WARD_IS_TARGET (target), reading);

  reading->target_id = ward_target_get_id (target);
  reading->quota = -1;
  reading->delivered = -1;
  return reading;
}

WardReading *
ward_reading_copy (const WardReading *reading)
{
  WardReading *copy;

  g_return_val_if_fail (reading != NULL, NULL);

  copy = g_memdup2 (reading, sizeof *reading);
  copy->uuid = g_strdup (reading->uuid);
  copy->doc_number = g_strdup (reading->doc_number);
  copy->doc_date = g_strdup (reading->doc_date);
  copy->unit_name = g_strdup (reading->unit_name);
  copy->note = g_strdup (reading->note);
  copy->created_at = g_strdup (reading->created_at);
  copy->updated_at = g_strdup (reading->updated_at);
  return copy;
}

void
ward_reading_free (WardReading *reading)
{
  if (reading == NULL)
    return;
  g_free (reading->uuid);
  g_free (reading->doc_number);
  g_free (reading->doc_date);
  g_free (reading->unit_name);
  g_free (reading->note);
  g_free (reading->created_at);
  g_free (reading->updated_at);
  g_free (reading);
}

char *
ward_reading_format_label (const WardReading *reading)
{
  g_return_val_if_fail (reading != NULL, NULL);

  if (reading->baseline)
    return g_strdup (_("Baseline (at the congress)"));
  return ward_reading_format_period (reading->year, reading->first_half);
}

char *
ward_reading_format_period (int      year,
                            gboolean first_half)
{
  if (first_half)
    return g_strdup_printf (_("First half of %d"), year);
  return g_strdup_printf ("%d", year);
}

/* The words around the year, folded, with punctuation as spaces. */
static char *
words_beside_year (const char *folded,
                   int        *year_out,
                   int        *n_years_out)
{
  g_autoptr (GString) rest = g_string_new (NULL);
  g_auto (GStrv) words = NULL;
  g_autoptr (GString) joined = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      gboolean starts_number = p == folded || !g_ascii_isdigit (p[-1]);

      if (starts_number && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1])
          && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          *year_out = (int) g_ascii_strtoll (p, NULL, 10);
          (*n_years_out)++;
          p += 3;
          g_string_append_c (rest, ' ');
        }
      else
        g_string_append_c (rest, strchr ("/-.,():", *p) != NULL ? ' ' : *p);
    }

  words = g_strsplit (rest->str, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

gboolean
ward_reading_parse_period (const char  *text,
                           int         *year_out,
                           gboolean    *first_half_out,
                           gboolean    *baseline_out,
                           GError     **error)
{
  static const char * const baseline[] = { "so lieu goc", "goc", "baseline", NULL };
  static const char * const whole_year[] = { "", "nam", "year", NULL };
  static const char * const first_half[] = {
    "h1", "6t", "6 thang", "6 thang dau", "6 thang dau nam", "nua dau nam",
    "first half", "first half of", NULL
  };
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");
  g_autofree char *words = NULL;
  int year = 0;
  int n_years = 0;

  g_return_val_if_fail (year_out != NULL && first_half_out != NULL, FALSE);

  words = words_beside_year (folded != NULL ? folded : "", &year, &n_years);
  if (baseline_out != NULL)
    *baseline_out = n_years <= 1 && g_strv_contains (baseline, words);
  if (baseline_out != NULL && *baseline_out)
    {
      *year_out = year;
      *first_half_out = FALSE;
      return TRUE;
    }
  if (n_years != 1 || (!g_strv_contains (whole_year, words) && !g_strv_contains (first_half, words)))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a period; write a year (2026) or its first half (6 tháng đầu năm 2026)."),
                   text != NULL ? text : "");
      return FALSE;
    }
  *year_out = year;
  *first_half_out = g_strv_contains (first_half, words);
  return TRUE;
}

double
ward_reading_quota_rate (const WardReading *reading)
{
  g_return_val_if_fail (reading != NULL, 0);

  if (reading->quota <= 0 || reading->delivered < 0)
    return 0;
  return 100.0 * (double) reading->delivered / (double) reading->quota;
}

char *
ward_reading_format_value (WardTarget        *target,
                           const WardReading *reading)
{
  g_return_val_if_fail (WARD_IS_TARGET (target), NULL);
  g_return_val_if_fail (reading != NULL, NULL);

  if (ward_target_get_kind (target) == WARD_TARGET_QUOTA)
    {
      g_autofree char *rate = NULL;

      if (reading->quota <= 0 || reading->delivered < 0)
        return g_strdup ("");
      rate = ward_format_percent (ward_reading_quota_rate (reading), 1);
      return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%s)",
                              reading->delivered, reading->quota, rate);
    }
  if (!reading->has_value)
    return g_strdup ("");
  return ward_target_format_value (target, reading->value);
}

static const char *
field_title (WardReadingField field)
{
  switch (field)
    {
    case WARD_READING_FIELD_PERIOD:
      return _("Period");
    case WARD_READING_FIELD_VALUE:
      return _("Value");
    case WARD_READING_FIELD_QUOTA:
      return _("Quota");
    case WARD_READING_FIELD_DELIVERED:
      return _("Delivered");
    case WARD_READING_FIELD_STATUS:
      return _("Status");
    case WARD_READING_FIELD_DOC_NUMBER:
      return _("Document number");
    case WARD_READING_FIELD_DOC_DATE:
      return _("Document date");
    case WARD_READING_FIELD_UNIT:
      return _("Responsible unit");
    case WARD_READING_FIELD_NOTE:
      return _("Note");
    case WARD_READING_FIELD_NONE:
    default:
      return "";
    }
}

G_GNUC_PRINTF (4, 5)
static gboolean
field_error (GError           **error,
             WardReadingField   field,
             WardReadingField  *field_out,
             const char        *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (field_out != NULL)
    *field_out = field;
  /* Translators: "Value: a rate lies between 0% and 100%." */
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, _("%s: %s"), field_title (field), message);
  return FALSE;
}

static gboolean
parse_value (WardTarget   *target,
             const char   *text,
             double       *value_out,
             GError      **error)
{
  if (ward_target_get_kind (target) == WARD_TARGET_MONEY)
    {
      gint64 dong;

      if (!ward_parse_money (text, &dong, error))
        return FALSE;
      *value_out = (double) dong;
      return TRUE;
    }
  return ward_parse_decimal (text, value_out, error);
}

static gboolean
parse_whole (const char  *text,
             gint64      *value_out,
             GError     **error)
{
  double value;

  if (!ward_parse_decimal (text, &value, error))
    return FALSE;
  if (value != floor (value) || fabs (value) > 1e9)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a whole number of people."), text);
      return FALSE;
    }
  *value_out = (gint64) value;
  return TRUE;
}

static void
set_string (char       **field,
            const char  *text)
{
  g_free (*field);
  *field = ward_text_normalize (text);
  if (*field != NULL && (*field)[0] == '\0')
    g_clear_pointer (field, g_free);
}

gboolean
ward_reading_set_text (WardReading       *reading,
                       WardTarget        *target,
                       WardReadingField   field,
                       const char        *text,
                       GError           **error)
{
  g_autofree char *input = ward_text_normalize (text != NULL ? text : "");
  g_autoptr (GError) local_error = NULL;
  gboolean empty = input == NULL || input[0] == '\0';
  double value = 0;
  gint64 whole = -1;
  char *iso = NULL;

  g_return_val_if_fail (reading != NULL, FALSE);
  g_return_val_if_fail (WARD_IS_TARGET (target), FALSE);

  switch (field)
    {
    case WARD_READING_FIELD_VALUE:
      if (!empty && !parse_value (target, input, &value, &local_error))
        break;
      reading->has_value = !empty;
      reading->value = value;
      return TRUE;
    case WARD_READING_FIELD_QUOTA:
    case WARD_READING_FIELD_DELIVERED:
      if (!empty && !parse_whole (input, &whole, &local_error))
        break;
      if (field == WARD_READING_FIELD_QUOTA)
        reading->quota = whole;
      else
        reading->delivered = whole;
      return TRUE;
    case WARD_READING_FIELD_DOC_DATE:
      if (!empty && !ward_parse_date (input, &iso, &local_error))
        break;
      g_free (reading->doc_date);
      reading->doc_date = iso;
      return TRUE;
    case WARD_READING_FIELD_DOC_NUMBER:
      set_string (&reading->doc_number, input);
      return TRUE;
    case WARD_READING_FIELD_NOTE:
      set_string (&reading->note, input);
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }

  return field_error (error, field, NULL, "%s", local_error->message);
}

static gboolean
check_period (WardTarget            *target,
              const WardReading     *reading,
              const WardResolution  *resolution,
              WardReadingField      *field_out,
              GError               **error)
{
  g_autofree char *period = ward_reading_format_period (reading->year, reading->first_half);

  if (reading->year < resolution->term_start_year || reading->year > resolution->term_end_year)
    return field_error (error, WARD_READING_FIELD_PERIOD, field_out,
                        _("%s lies outside the term %d – %d."), period,
                        resolution->term_start_year, resolution->term_end_year);
  if (reading->first_half && ward_target_get_kind (target) == WARD_TARGET_QUOTA)
    return field_error (error, WARD_READING_FIELD_PERIOD, field_out, "%s",
                        _("military recruitment is counted by whole years."));
  /* A baseline is the level the path to a level's goal starts from; growth
   * and the quota are judged year by year and have none. */
  if (reading->baseline && ward_target_get_kind (target) != WARD_TARGET_RATE
      && ward_target_get_kind (target) != WARD_TARGET_MONEY)
    return field_error (error, WARD_READING_FIELD_PERIOD, field_out, "%s",
                        _("only a rate or an amount has a baseline at the congress."));
  if (reading->baseline && reading->first_half)
    return field_error (error, WARD_READING_FIELD_PERIOD, field_out, "%s",
                        _("the baseline is the level at the congress, not a half year."));
  return TRUE;
}

static gboolean
check_quota (const WardReading  *reading,
             WardReadingField   *field_out,
             GError            **error)
{
  if (reading->quota < 0)
    return field_error (error, WARD_READING_FIELD_QUOTA, field_out, "%s",
                        _("enter the number of recruits the ward was asked for."));
  if (reading->quota == 0)
    return field_error (error, WARD_READING_FIELD_QUOTA, field_out, "%s",
                        _("the quota must be more than 0."));
  if (reading->delivered < 0)
    return field_error (error, WARD_READING_FIELD_DELIVERED, field_out, "%s",
                        _("enter the number of recruits handed over (0 if none)."));
  return TRUE;
}

static gboolean
check_value (WardTarget         *target,
             const WardReading  *reading,
             WardReadingField   *field_out,
             GError            **error)
{
  double value = reading->value;

  if (!reading->has_value)
    return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s", _("enter a value."));
  if (!isfinite (value))
    return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s", _("the value is not a number."));

  switch (ward_target_get_kind (target))
    {
    case WARD_TARGET_RATE:
      if (value < 0 || value > 100)
        return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s",
                            _("a rate lies between 0% and 100%."));
      break;
    case WARD_TARGET_GROWTH:
      if (value <= -100)
        return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s",
                            _("growth may be negative but must be more than −100%."));
      if (value > 1000)
        return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s",
                            _("growth above 1000% is surely a typing error."));
      break;
    case WARD_TARGET_MONEY:
      if (value < 0 || value != floor (value) || value > (double) WARD_MONEY_MAX)
        return field_error (error, WARD_READING_FIELD_VALUE, field_out, "%s",
                            _("money is a whole number of đồng, not negative."));
      break;
    default:
      break;
    }
  return TRUE;
}

/* The unique index readings_one_final would refuse it anyway; this says
 * why in words. */
static gboolean
check_one_final (WardStore          *store,
                 const WardReading  *reading,
                 WardReadingField   *field_out,
                 GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *period = NULL;
  int rc;

  if (!reading->final)
    return TRUE;
  stmt = ward_store_prepare (store,
                             "SELECT 1 FROM readings WHERE target_id = ?1 AND year = ?2 AND half = ?3 "
                             "AND status = 'final' AND uuid IS NOT ?4 AND baseline = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reading->target_id);
  sqlite3_bind_int (stmt, 2, reading->year);
  sqlite3_bind_int (stmt, 3, reading->first_half ? 1 : 0);
  /* By uuid, not id: a deleted row's id may have been given to another. */
  if (reading->uuid != NULL)
    sqlite3_bind_text (stmt, 4, reading->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, reading->baseline ? 1 : 0);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);

  period = ward_reading_format_label (reading);
  if (field_out != NULL)
    *field_out = WARD_READING_FIELD_STATUS;
  g_set_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE,
               _("%s: there is already a final reading for %s. Save this one as a draft, "
                 "or edit the final one."), field_title (WARD_READING_FIELD_STATUS), period);
  return FALSE;
}

static gboolean
check_unit (WardStore          *store,
            const WardReading  *reading,
            WardReadingField   *field_out,
            GError            **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (reading->unit_id == 0)
    return TRUE;
  stmt = ward_store_prepare (store, "SELECT 1 FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reading->unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return field_error (error, WARD_READING_FIELD_UNIT, field_out, "%s",
                      _("the unit is no longer in the list; choose another."));
}

gboolean
ward_reading_validate (WardStore          *store,
                       WardTarget         *target,
                       const WardReading  *reading,
                       WardReadingField   *field_out,
                       GError            **error)
{
  g_autoptr (WardResolution) resolution = NULL;
  g_autoptr (GDate) doc_date = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (WARD_IS_TARGET (target), FALSE);
  g_return_val_if_fail (reading != NULL, FALSE);

  if (field_out != NULL)
    *field_out = WARD_READING_FIELD_NONE;
  if (ward_target_is_counted (target))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is counted from its register; it takes no readings."),
                   ward_target_get_short_name (target));
      return FALSE;
    }
  if (reading->target_id != ward_target_get_id (target))
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("The reading belongs to another target."));
      return FALSE;
    }

  resolution = ward_resolution_load (store, error);
  if (resolution == NULL || !check_period (target, reading, resolution, field_out, error))
    return FALSE;
  if (ward_target_get_kind (target) == WARD_TARGET_QUOTA)
    {
      if (!check_quota (reading, field_out, error))
        return FALSE;
    }
  else if (!check_value (target, reading, field_out, error))
    return FALSE;

  if (reading->doc_date != NULL && (doc_date = ward_date_from_iso (reading->doc_date)) == NULL)
    return field_error (error, WARD_READING_FIELD_DOC_DATE, field_out,
                        _("“%s” is not a date."), reading->doc_date);
  return check_unit (store, reading, field_out, error)
         && check_one_final (store, reading, field_out, error);
}
