/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-registers"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "donations/ward-donations-ledger.h"
#include "programme/ward-programme.h"
#include "registers/ward-registers-stats.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* The verdict of one target (see ward-targets-progress.c): "value" above is what
 * the verdict judges, so for growth the compound annual growth so far. */
static gboolean
add_target_progress (WardStore           *store,
                     JsonBuilder         *builder,
                     WardTarget          *target,
                     const WardProgress  *progress,
                     GError             **error)
{
  gint64 n_readings = 0;

  if (!ward_target_is_counted (target)
      && (n_readings = ward_readings_count (store, ward_target_get_id (target), error)) < 0)
    return FALSE;
  json_builder_set_member_name (builder, "readings");
  json_builder_add_int_value (builder, n_readings);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, ward_verdict_to_string (progress->verdict));
  json_builder_set_member_name (builder, "verdict_text");
  json_builder_add_string_value (builder, ward_verdict_title (progress->verdict));
  json_builder_set_member_name (builder, "progress");
  if (progress->has_value)
    json_builder_add_double_value (builder, round (progress->progress * 10.0) / 10.0);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "expected");
  if (isfinite (progress->expected_today))
    json_builder_add_double_value (builder, progress->expected_today);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "value_period");
  if (progress->has_value && !ward_target_is_counted (target))
    {
      g_autofree char *period = ward_reading_format_period (progress->value_year,
                                                            progress->value_first_half);
      json_builder_add_string_value (builder, period);
    }
  else
    json_builder_add_null_value (builder);
  return TRUE;
}

static gboolean
add_targets (WardStore    *store,
             JsonBuilder  *builder,
             GError      **error)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);
  g_autofree char *today = ward_today_iso ();

  if (targets == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      g_autofree char *goal = ward_target_format_goal (target);
      WardProgress progress;
      double value;
      gboolean has_value;

      if (!ward_target_compute_progress (store, target, today, &progress, NULL, error))
        return FALSE;
      has_value = progress.has_value;
      value = progress.value;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, ward_target_get_code (target));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ward_target_get_name (target));
      json_builder_set_member_name (builder, "goal");
      json_builder_add_double_value (builder, ward_target_get_goal (target));
      json_builder_set_member_name (builder, "goal_text");
      json_builder_add_string_value (builder, goal);
      json_builder_set_member_name (builder, "value");
      if (has_value)
        json_builder_add_double_value (builder, value);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "value_text");
      if (has_value)
        {
          g_autofree char *text = ward_target_format_value (target, value);
          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_string_value (builder, _("no data yet"));
      if (!add_target_progress (store, builder, target, &progress, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* One counted target, as `stats` prints it: its count in the term and in
 * each year of the term, all by ward_targets_count_registered(), the query
 * the targets and the overview count with, so the figures always agree.
 * Appends {code, name, source, goal, count, by_year: [{year, count}, …]} to
 * the array being built; nothing when no target counts @source. The
 * admission and the enterprise registers share it. */
gboolean
ward_stats_add_counted_by_year (WardStore         *store,
                                JsonBuilder       *builder,
                                WardTargetSource   source,
                                GError           **error)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);
  g_autoptr (WardResolution) resolution = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree gint64 *years = NULL;
  WardTarget *target = NULL;
  gint64 count;

  if (targets == NULL || (resolution = ward_resolution_load (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len && target == NULL; i++)
    if (ward_target_get_source (targets->pdata[i]) == source)
      target = targets->pdata[i];
  if (target == NULL)
    return TRUE;

  start = ward_resolution_term_start (resolution);
  end = ward_resolution_term_end (resolution);
  count = ward_targets_count_registered (store, source, start, end, error);
  if (count < 0)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, ward_target_get_code (target));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ward_target_get_short_name (target));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source == WARD_SOURCE_ADMISSIONS ? "admissions" : "enterprises");
  json_builder_set_member_name (builder, "goal");
  json_builder_add_int_value (builder, (gint64) ward_target_get_goal (target));
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "by_year");
  years = g_new0 (gint64, resolution->term_end_year - resolution->term_start_year + 1);
  if (!ward_targets_count_by_year (store, source, resolution->term_start_year,
                                   resolution->term_end_year, years, error))
    return FALSE;
  json_builder_begin_array (builder);
  for (int year = resolution->term_start_year; year <= resolution->term_end_year; year++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, year);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, years[year - resolution->term_start_year]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

/* The term as the counts use it: from the congress (null until it is set)
 * to the term's end. */
static void
add_term_dates (JsonBuilder          *builder,
                const WardResolution *resolution)
{
  g_autofree char *start = ward_resolution_term_start (resolution);

  json_builder_set_member_name (builder, "congress_date");
  if (ward_resolution_has_congress_date (resolution))
    json_builder_add_string_value (builder, resolution->congress_date);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "term_start");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "term_end");
  json_builder_add_string_value (builder, resolution->term_end_date);
}

JsonNode *
ward_stats_collect (WardStore  *store,
                    GError    **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (WardResolution) resolution = ward_resolution_load (store, error);

  if (resolution == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ward");
  json_builder_add_string_value (builder, resolution->name);
  json_builder_set_member_name (builder, "party_body");
  json_builder_add_string_value (builder, resolution->party_body);
  json_builder_set_member_name (builder, "resolution");
  json_builder_add_string_value (builder, resolution->resolution_title);
  json_builder_set_member_name (builder, "term_start_year");
  json_builder_add_int_value (builder, resolution->term_start_year);
  json_builder_set_member_name (builder, "term_end_year");
  json_builder_add_int_value (builder, resolution->term_end_year);
  add_term_dates (builder, resolution);
  if (!add_targets (store, builder, error))
    return NULL;
  /* The targets counted from a register, each with its years. */
  json_builder_set_member_name (builder, "counted");
  json_builder_begin_array (builder);
  if (!ward_stats_add_counted_by_year (store, builder, WARD_SOURCE_ADMISSIONS, error)
      || !ward_stats_add_counted_by_year (store, builder, WARD_SOURCE_ENTERPRISES, error))
    return NULL;
  json_builder_end_array (builder);
  if (!ward_ledger_add_stats (store, builder, error)
      || !ward_programme_add_stats (store, builder, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
append_counted_text (GString   *out,
                     JsonArray *counted)
{
  if (json_array_get_length (counted) == 0)
    return;
  g_string_append_printf (out, "\n%s\n", _("Counted in the term:"));
  for (guint i = 0; i < json_array_get_length (counted); i++)
    {
      JsonObject *target = json_array_get_object_element (counted, i);
      JsonArray *years = json_object_get_array_member (target, "by_year");

      g_string_append_printf (out, "  %s: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "\n   ",
                              json_object_get_string_member (target, "name"),
                              json_object_get_int_member (target, "count"),
                              json_object_get_int_member (target, "goal"));
      for (guint y = 0; y < json_array_get_length (years); y++)
        {
          JsonObject *year = json_array_get_object_element (years, y);

          g_string_append_printf (out, " %d: %" G_GINT64_FORMAT,
                                  (int) json_object_get_int_member (year, "year"),
                                  json_object_get_int_member (year, "count"));
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_term_text (GString    *out,
                  JsonObject *root)
{
  const char *congress = json_object_get_string_member_with_default (root, "congress_date", NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (congress == NULL)
    {
      g_string_append_printf (out, "%s\n", ward_resolution_congress_hint ());
      return;
    }
  from = ward_format_date (congress);
  to = ward_format_date (json_object_get_string_member (root, "term_end"));
  g_string_append_printf (out, _("Counted from the congress on %s to %s.\n"), from, to);
}

char *
ward_stats_format_text (JsonNode *stats)
{
  JsonObject *root = json_node_get_object (stats);
  JsonArray *targets = json_object_get_array_member (root, "targets");
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", json_object_get_string_member (root, "resolution"));
  g_string_append_printf (out, _("Term: %d – %d\n"),
                          (int) json_object_get_int_member (root, "term_start_year"),
                          (int) json_object_get_int_member (root, "term_end_year"));
  append_term_text (out, root);
  g_string_append_printf (out, "\n%s\n", _("Targets:"));
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *target = json_array_get_object_element (targets, i);

      gboolean judged = g_strcmp0 (json_object_get_string_member (target, "verdict"), "no-data") != 0;

      g_string_append_printf (out, "%2u. %s\n    %s: %s · %s: %s%s%s\n", i + 1,
                              json_object_get_string_member (target, "name"),
                              _("Goal"), json_object_get_string_member (target, "goal_text"),
                              _("Current"), json_object_get_string_member (target, "value_text"),
                              judged ? " · " : "",
                              judged ? json_object_get_string_member (target, "verdict_text") : "");
    }
  if (json_object_has_member (root, "counted"))
    append_counted_text (out, json_object_get_array_member (root, "counted"));
  ward_ledger_format_stats (root, out);
  ward_programme_format_stats (root, out);
  return g_string_free (out, FALSE);
}
