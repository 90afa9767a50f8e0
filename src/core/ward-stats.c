/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-format.h"
#include "ward-resolution.h"
#include "ward-stats.h"
#include "ward-targets.h"

static gboolean
add_targets (WardStore    *store,
             JsonBuilder  *builder,
             GError      **error)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);

  if (targets == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      g_autofree char *goal = ward_target_format_goal (target);
      g_autoptr (GError) local_error = NULL;
      double value = 0;
      gboolean has_value;

      has_value = ward_target_latest_value (store, target, &value, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

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
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
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
  if (!add_targets (store, builder, error))
    return NULL;
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
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
  g_string_append_printf (out, "\n%s\n", _("Targets:"));
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *target = json_array_get_object_element (targets, i);

      g_string_append_printf (out, "%2u. %s\n    %s: %s · %s: %s\n", i + 1,
                              json_object_get_string_member (target, "name"),
                              _("Goal"), json_object_get_string_member (target, "goal_text"),
                              _("Current"), json_object_get_string_member (target, "value_text"));
    }
  return g_string_free (out, FALSE);
}
