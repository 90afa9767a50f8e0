/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/ward-exchange-private.h"

/* A conflict as a person sees it: the record named, and both versions
 * field by field, as a clerk reads them. */

static void
add_field (GPtrArray  *fields,
           const char *label,
           char       *mine,
           char       *theirs)
{
  WardBundleField *field = g_new0 (WardBundleField, 1);

  field->label = g_strdup (label);
  field->mine = mine;
  field->theirs = theirs;
  g_ptr_array_add (fields, field);
}

static char *
display (BundlePlanner *planner,
         BundleTable   *table,
         JsonObject    *values,
         const char    *column)
{
  if (values == NULL || !json_object_has_member (values, column))
    return g_strdup ("");
  return bundle_display_value (planner->store, table, column, json_object_get_member (values, column));
}

static gboolean
same_value (JsonObject *a,
            JsonObject *b,
            const char *column)
{
  g_autofree char *ta = json_object_has_member (a, column)
                        ? bundle_node_to_text (json_object_get_member (a, column)) : NULL;
  g_autofree char *tb = json_object_has_member (b, column)
                        ? bundle_node_to_text (json_object_get_member (b, column)) : NULL;

  return g_strcmp0 (ta, tb) == 0;
}

static gboolean
shown_column (const char *column)
{
  return !g_str_equal (column, "search_key") && !g_str_equal (column, "sort_key")
         && !g_str_equal (column, "created_at");
}

static char *
display_links (BundlePlanner     *planner,
               const BundleLinks *link,
               JsonObject        *links)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  BundleTable *other = bundle_schema_lookup (planner->schema, link->other_table);
  JsonArray *array = links ? json_object_get_array_member (links, link->table) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autoptr (JsonObject) values = bundle_table_read_row (planner->store, other,
                                                             json_array_get_string_element (array, i),
                                                             NULL, NULL);

      if (values != NULL)
        g_ptr_array_add (names, bundle_describe_record (planner->store, other, values));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* Both versions, field by field: every field that differs, or every field
 * with a value when one side deleted the record. */
GPtrArray *
bundle_conflict_fields (BundlePlanner *planner,
                 BundleTable   *table,
                 JsonObject    *mine,
                 JsonObject    *mine_links,
                 JsonObject    *theirs,
                 JsonObject    *theirs_links)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_field_free);

  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *column = table->columns->pdata[i];
      g_autofree char *a = NULL, *b = NULL;

      if (!shown_column (column))
        continue;
      if (mine != NULL && theirs != NULL && same_value (mine, theirs, column))
        continue;
      a = display (planner, table, mine, column);
      b = display (planner, table, theirs, column);
      if (*a == '\0' && *b == '\0')
        continue;
      add_field (fields, bundle_column_label (column), g_steal_pointer (&a), g_steal_pointer (&b));
    }
  for (guint i = 0; table->desc->links[i] != NULL; i++)
    {
      const BundleLinks *link = table->desc->links[i];
      g_autofree char *a = mine ? display_links (planner, link, mine_links) : g_strdup ("");
      g_autofree char *b = theirs ? display_links (planner, link, theirs_links) : g_strdup ("");

      if (g_strcmp0 (a, b) != 0)
        add_field (fields, bundle_column_label (link->table), g_steal_pointer (&a), g_steal_pointer (&b));
    }
  return fields;
}

WardBundleConflict *
bundle_add_conflict (BundlePlanner          *planner,
              WardBundleConflictKind  kind,
              BundleTable            *table,
              const char             *uuid,
              JsonObject             *described,
              GPtrArray              *fields)
{
  WardBundleConflict *conflict = g_new0 (WardBundleConflict, 1);

  conflict->kind = kind;
  conflict->table = table->desc->name;
  conflict->register_title = BUNDLE_C_ (table->desc->title);
  conflict->uuid = g_strdup (uuid);
  conflict->description = bundle_describe_record (planner->store, table, described);
  conflict->fields = fields;
  conflict->choice = WARD_BUNDLE_UNDECIDED;
  g_ptr_array_add (planner->plan->conflicts, conflict);
  bundle_planner_count (planner, table->desc->name)->n_conflicts++;
  return conflict;
}
