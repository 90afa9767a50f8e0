/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"

/* A target's progress from the store: what ward_progress_compute() needs
 * (the term, the readings or the register's yearly counts), and the verdict
 * explained in words. */

static void
fill_progress_target (WardTarget           *target,
                      const WardResolution *resolution,
                      WardProgressTarget   *out)
{
  g_autofree char *start = ward_resolution_term_start (resolution);

  memset (out, 0, sizeof *out);
  out->kind = ward_target_get_kind (target);
  out->comparison = ward_target_get_comparison (target);
  out->goal = ward_target_get_goal (target);
  out->term_start_year = resolution->term_start_year;
  out->term_end_year = resolution->term_end_year;
  out->baseline_year = ward_target_get_baseline_year (target);
  out->has_baseline_value = ward_target_get_baseline_value (target, &out->baseline_value);
  if (ward_resolution_has_congress_date (resolution))
    out->term_start_time = ward_progress_time_of_day (out->term_start_year, out->term_end_year, start);
  out->term_end_time = ward_progress_time_of_day (out->term_start_year, out->term_end_year,
                                                  resolution->term_end_date);
}

/* A baseline reading the clerk entered (the level at the congress): it
 * replaces the seed's, a final one before a draft, the one written last. */
static void
take_baseline (WardProgressTarget *input,
               WardStmt           *stmt,
               gboolean           *have_final)
{
  gboolean final = sqlite3_column_int (stmt, 2) == 1;

  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL || (*have_final && !final))
    return;
  *have_final = *have_final || final;
  input->has_baseline_value = TRUE;
  input->baseline_value = sqlite3_column_double (stmt, 3);
  input->baseline_year = 0;
  input->baseline_time = MAX (input->term_start_time, 1e-6);
}

static gboolean
load_yearly_counts (WardStore                 *store,
                    WardTarget                *target,
                    const WardProgressTarget  *input,
                    GArray                    *readings,
                    GError                   **error)
{
  int n_years = input->term_end_year - input->term_start_year + 1;
  g_autofree gint64 *counts = g_new0 (gint64, n_years);

  if (!ward_targets_count_by_year (store, ward_target_get_source (target), input->term_start_year,
                                   input->term_end_year, counts, error))
    return FALSE;
  for (int i = 0; i < n_years; i++)
    {
      WardProgressReading reading = {
        .year = input->term_start_year + i,
        .final = TRUE,
        .has_value = TRUE,
        .value = (double) counts[i],
      };

      g_array_append_val (readings, reading);
    }
  return TRUE;
}

static gboolean
load_progress_readings (WardStore           *store,
                        WardTarget          *target,
                        WardProgressTarget  *input,
                        GArray              *readings,
                        GError             **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  gboolean have_final_baseline = FALSE;
  gint64 entered = 0;
  int rc;

  /* Ordered by when they were written, so that "entered" breaks ties. */
  stmt = ward_store_prepare (store,
                             "SELECT year, half, status = 'final', value, quota, delivered, baseline "
                             "FROM readings WHERE target_id = ? ORDER BY updated_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ward_target_get_id (target));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 6) == 1)
        {
          take_baseline (input, stmt, &have_final_baseline);
          continue;
        }
      WardProgressReading reading = {
        .year = sqlite3_column_int (stmt, 0),
        .first_half = sqlite3_column_int (stmt, 1) == 1,
        .final = sqlite3_column_int (stmt, 2) == 1,
        .has_value = sqlite3_column_type (stmt, 3) != SQLITE_NULL,
        .value = sqlite3_column_double (stmt, 3),
        .quota = sqlite3_column_type (stmt, 4) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 4) : -1,
        .delivered = sqlite3_column_type (stmt, 5) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 5) : -1,
        .entered = ++entered,
      };

      g_array_append_val (readings, reading);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
ward_target_progress_input (WardStore           *store,
                            WardTarget          *target,
                            WardProgressTarget  *target_out,
                            GArray             **readings_out,
                            GError             **error)
{
  g_autoptr (WardResolution) resolution = NULL;
  g_autoptr (GArray) readings = g_array_new (FALSE, TRUE, sizeof (WardProgressReading));

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (WARD_IS_TARGET (target), FALSE);
  g_return_val_if_fail (target_out != NULL && readings_out != NULL, FALSE);

  resolution = ward_resolution_load (store, error);
  if (resolution == NULL)
    return FALSE;
  fill_progress_target (target, resolution, target_out);
  if (ward_target_is_counted (target))
    {
      if (!load_yearly_counts (store, target, target_out, readings, error))
        return FALSE;
    }
  else if (!load_progress_readings (store, target, target_out, readings, error))
    return FALSE;
  *readings_out = g_steal_pointer (&readings);
  return TRUE;
}

/* The last day of a reading's period, ISO: "2026-06-30", "2026-12-31". */
static void
reading_end (const WardProgressReading *reading,
             char                       out[11])
{
  g_snprintf (out, 11, "%04d-%s", reading->year, reading->first_half ? "06-30" : "12-31");
}

gboolean
ward_target_compute_progress_as_of (WardStore     *store,
                                    WardTarget    *target,
                                    const char    *today_iso,
                                    const char    *end_iso,
                                    WardProgress  *out,
                                    GError       **error)
{
  g_autoptr (GArray) readings = NULL;
  WardProgressTarget input;
  guint kept = 0;
  double judged;

  g_return_val_if_fail (today_iso != NULL && end_iso != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!ward_target_progress_input (store, target, &input, &readings, error))
    return FALSE;
  /* Counted targets have a reading for every year of the term: those of
   * periods not ended by @end_iso are not in yet. */
  for (guint i = 0; i < readings->len; i++)
    {
      WardProgressReading *each = &g_array_index (readings, WardProgressReading, i);
      char ends[11];

      reading_end (each, ends);
      if (strcmp (ends, end_iso) <= 0)
        g_array_index (readings, WardProgressReading, kept++) = *each;
    }
  g_array_set_size (readings, kept);
  judged = ward_progress_time_of_day (input.term_start_year, input.term_end_year,
                                      strcmp (today_iso, end_iso) < 0 ? today_iso : end_iso);
  ward_progress_compute (&input, (WardProgressReading *) readings->data, readings->len, judged, out);
  return TRUE;
}

gboolean
ward_target_compute_progress_until (WardStore     *store,
                                    WardTarget    *target,
                                    const char    *today_iso,
                                    int            year,
                                    gboolean       first_half,
                                    WardProgress  *out,
                                    GError       **error)
{
  g_autofree char *period_end = g_strdup_printf ("%04d-%s", year, first_half ? "06-30" : "12-31");

  return ward_target_compute_progress_as_of (store, target, today_iso, period_end, out, error);
}

gboolean
ward_target_compute_progress (WardStore     *store,
                              WardTarget    *target,
                              const char    *today_iso,
                              WardProgress  *out,
                              GArray       **series_out,
                              GError       **error)
{
  g_autoptr (GArray) readings = NULL;
  WardProgressTarget input;
  double today;

  g_return_val_if_fail (today_iso != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!ward_target_progress_input (store, target, &input, &readings, error))
    return FALSE;
  today = ward_progress_time_of_day (input.term_start_year, input.term_end_year, today_iso);
  ward_progress_compute (&input, (WardProgressReading *) readings->data, readings->len, today, out);
  if (series_out != NULL)
    *series_out = ward_progress_series (&input, (WardProgressReading *) readings->data,
                                        readings->len, today);
  return TRUE;
}

static void
describe_growth (GString            *text,
                 WardTarget         *target,
                 const WardProgress *p)
{
  g_autofree char *value = ward_format_percent (p->value, 2);

  if (p->n_years == 1)
    g_string_append_printf (text, _("Growth in %d: %s."), p->last_year, value);
  else
    g_string_append_printf (text, _("Compound annual growth over %d years with data (%d – %d): %s."),
                            p->n_years, p->first_year, p->last_year, value);
  if (p->missing_year != 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text, _("%d has no reading: the average annual growth needs every year."),
                              p->missing_year);
    }
  if (isfinite (p->pace_needed) && p->verdict != WARD_VERDICT_ON_TRACK)
    {
      g_autofree char *pace = ward_format_percent (p->pace_needed, 1);

      g_string_append_printf (text, " ");
      g_string_append_printf (text, _("The remaining years need %s a year."), pace);
    }
}

static void
describe_level (GString            *text,
                WardTarget         *target,
                const WardProgress *p)
{
  g_autofree char *expected = NULL;
  g_autofree char *period = NULL;

  /* No path without a baseline: a level already at the goal is met, and
   * says nothing of a pace. */
  if (!isfinite (p->expected_at_value))
    return;
  expected = ward_target_format_value (target, p->expected_at_value);
  if (ward_target_is_counted (target))
    g_string_append_printf (text, _("An even term would be at %s today."), expected);
  else
    {
      period = ward_reading_format_period (p->value_year, p->value_first_half);
      g_string_append_printf (text, _("An even term would be at %s by the end of %s."), expected, period);
    }
  if ((p->verdict == WARD_VERDICT_BEHIND || p->verdict == WARD_VERDICT_AT_RISK)
      && isfinite (p->pace_needed) && p->pace_needed > 0)
    {
      g_autofree char *pace = ward_target_is_counted (target)
                              ? ward_format_number ((gint64) ceil (p->pace_needed - 1e-9))
                              : ward_target_format_value (target, p->pace_needed);

      g_string_append_printf (text, " ");
      g_string_append_printf (text, _("The rest of the term needs %s more each year."), pace);
    }
}

char *
ward_target_describe_progress (WardTarget         *target,
                               const WardProgress *progress)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (WARD_IS_TARGET (target), NULL);
  g_return_val_if_fail (progress != NULL, NULL);

  if (!progress->has_value)
    {
      if (ward_target_get_kind (target) == WARD_TARGET_GROWTH && ward_target_get_baseline_year (target) > 0)
        g_string_append_printf (text, _("No growth reading after the base year %d yet."),
                                ward_target_get_baseline_year (target));
      /* Otherwise the verdict "No data yet" says it all. */
    }
  else if (progress->verdict == WARD_VERDICT_NO_BASELINE)
    g_string_append (text, _("The level at the congress is not known, so the pace cannot be judged: "
                             "enter it as the baseline reading."));
  else if (ward_target_get_kind (target) == WARD_TARGET_GROWTH)
    describe_growth (text, target, progress);
  else if (ward_target_get_kind (target) == WARD_TARGET_QUOTA)
    {
      if (progress->short_year != 0)
        g_string_append_printf (text, _("The quota of %d was not delivered in full."), progress->short_year);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "The quota was delivered in full in the %d year with data.",
                                                   "The quota was delivered in full in each of the %d years with data.",
                                                   progress->n_years), progress->n_years);
    }
  else
    describe_level (text, target, progress);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
