/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "exchange/ward-exchange-private.h"

/* How a bundle's records read to a clerk: field names, values, the one
 * line that names a record, and the summary of an import. */

static const struct
{
  const char *column;
  const char *label;
} labels[] = {
  { "full_name", NC_("bundle", "Full name") },
  { "birth_date", NC_("bundle", "Date of birth") },
  { "gender", NC_("bundle", "Gender") },
  { "ethnicity", NC_("bundle", "Ethnicity") },
  { "religion", NC_("bundle", "Religion") },
  { "education", NC_("bundle", "Education") },
  { "occupation", NC_("bundle", "Occupation") },
  { "residential_group", NC_("bundle", "Residential group") },
  { "cell_id", NC_("bundle", "Party cell") },
  { "state", NC_("bundle", "State") },
  { "note", NC_("bundle", "Note") },
  { "name", NC_("bundle", "Name") },
  { "title", NC_("bundle", "Title") },
  { "tax_code", NC_("bundle", "Tax code") },
  { "address", NC_("bundle", "Address") },
  { "representative", NC_("bundle", "Representative") },
  { "capital", NC_("bundle", "Capital") },
  { "registered_on", NC_("bundle", "Registered on") },
  { "status", NC_("bundle", "Status") },
  { "status_date", NC_("bundle", "Status date") },
  { "target_id", NC_("bundle", "Target") },
  { "unit_id", NC_("bundle", "Unit") },
  { "lead_unit_id", NC_("bundle", "Lead unit") },
  { "group_id", NC_("bundle", "Key task or breakthrough") },
  { "item_id", NC_("bundle", "Programme item") },
  { "year", NC_("bundle", "Year") },
  { "value", NC_("bundle", "Value") },
  { "goal", NC_("bundle", "Goal") },
  { "deadline", NC_("bundle", "Deadline") },
  { "percent", NC_("bundle", "Percent done") },
  { "date", NC_("bundle", "Date") },
  { "text", NC_("bundle", "Text") },
  { "doc_number", NC_("bundle", "Document number") },
  { "doc_date", NC_("bundle", "Document date") },
  { "updated_at", NC_("bundle", "Last changed") },
  { "joined_date", NC_("bundle", "Joined the Party on") },
  { "official_date", NC_("bundle", "Official member since") },
  { "card_number", NC_("bundle", "Party card number") },
  { "exempt", NC_("bundle", "Exempt") },
  { "exempt_since", NC_("bundle", "Exempt since") },
  { "left_date", NC_("bundle", "Left on") },
  { "candidate_id", NC_("bundle", "Candidate for admission") },
  { "held_on", NC_("bundle", "Held on") },
  { "place", NC_("bundle", "Place") },
  { "presenter", NC_("bundle", "Presenter") },
  { "documents", NC_("bundle", "Documents studied") },
  { "attendance_recorded", NC_("bundle", "Attendance recorded") },
  { "session_id", NC_("bundle", "Study session") },
  { "member_id", NC_("bundle", "Party member") },
  { "present", NC_("bundle", "Present") },
  { "absence_reason", NC_("bundle", "Reason for absence") },
  { "made_up_on", NC_("bundle", "Made up on") },
  { "handed_in_on", NC_("bundle", "Handed in on") },
  { "grade", NC_("bundle", "Grade") },
  { "programme_item_units", NC_("bundle", "Units taking part") },
  { "programme_item_targets", NC_("bundle", "Targets served") },
};

static const char * const describing_columns[] = {
  "full_name", "short_name", "name", "title", "text", "receipt_number", "voucher", "code", NULL
};

const char *
bundle_column_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].column, column))
      return BUNDLE_C_ (labels[i].label);
  return column;
}

static gboolean
looks_like_date (const char *text)
{
  return strlen (text) == 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-';
}

static gboolean
looks_like_timestamp (const char *text)
{
  return strlen (text) >= 19 && text[4] == '-' && text[10] == 'T';
}

static char *
format_timestamp (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (text, utc);
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (text);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static char *
describe_reference (WardStore   *store,
                    const char  *table_name,
                    const char  *uuid)
{
  g_autoptr (BundleSchema) schema = bundle_schema_load (store, NULL);
  BundleTable *table = schema ? bundle_schema_lookup (schema, table_name) : NULL;
  g_autoptr (JsonObject) values = NULL;

  if (table != NULL)
    values = bundle_table_read_row (store, table, uuid, NULL, NULL);
  if (values == NULL)
    return g_strdup (_("(a record new to this computer)"));
  return bundle_describe_record (store, table, values);
}

char *
bundle_display_value (WardStore   *store,
                      BundleTable *table,
                      const char  *column,
                      JsonNode    *node)
{
  const char *reference = g_hash_table_lookup (table->references, column);
  g_autofree char *text = bundle_node_to_text (node);

  if (text == NULL)
    return g_strdup ("");
  if (reference != NULL)
    return describe_reference (store, reference, text);
  if (looks_like_date (text))
    return ward_format_date (text);
  if (looks_like_timestamp (text))
    return format_timestamp (text);
  return g_steal_pointer (&text);
}

char *
bundle_describe_record (WardStore   *store,
                        BundleTable *table,
                        JsonObject  *values)
{
  for (guint i = 0; describing_columns[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      if (json_object_has_member (values, describing_columns[i]))
        text = bundle_node_to_text (json_object_get_member (values, describing_columns[i]));
      if (text != NULL && *text != '\0')
        return g_steal_pointer (&text);
    }

  /* A member's attendance or reflection: the member, then what of. */
  if (json_object_has_member (values, "member_id"))
    {
      g_autofree char *member = bundle_display_value (store, table, "member_id",
                                                      json_object_get_member (values, "member_id"));
      g_autofree char *session = NULL;

      if (json_object_has_member (values, "session_id"))
        session = bundle_display_value (store, table, "session_id", json_object_get_member (values, "session_id"));
      if (session != NULL && *session != '\0')
        return g_strdup_printf ("%s — %s", member, session);
      return g_strdup_printf ("%s — %s", member, BUNDLE_C_ (table->desc->title));
    }

  /* A reading, a plan: what it is about (its first reference), and when. */
  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *column = table->columns->pdata[i];
      g_autofree char *text = NULL;
      g_autofree char *year = NULL;

      if (g_hash_table_contains (table->references, column) && json_object_has_member (values, column))
        text = bundle_display_value (store, table, column, json_object_get_member (values, column));
      if (text == NULL || *text == '\0')
        continue;
      if (json_object_has_member (values, "year"))
        year = bundle_node_to_text (json_object_get_member (values, "year"));
      return year ? g_strdup_printf ("%s, %s", text, year) : g_steal_pointer (&text);
    }
  return g_strdup (BUNDLE_C_ (table->desc->title));
}

const char *
ward_bundle_conflict_kind_to_string (WardBundleConflictKind kind)
{
  switch (kind)
    {
    case WARD_BUNDLE_CHANGED_BOTH:
      return _("changed on both computers");
    case WARD_BUNDLE_ENTERED_TWICE:
      return _("entered on both computers, with different values");
    case WARD_BUNDLE_DELETED_THERE:
      return _("deleted on the other computer, changed on this one");
    case WARD_BUNDLE_DELETED_HERE:
    default:
      return _("deleted on this computer, changed on the other one");
    }
}

static void
format_header (WardBundlePlan *plan,
               GString        *out)
{
  g_autofree char *made = format_timestamp (plan->created_at);

  g_string_append_printf (out, _("Bundle from installation %s (receipt book %s), made %s.\n"),
                          plan->installation, plan->book ? plan->book : "—", made);
  if (plan->since != NULL)
    {
      g_autofree char *since = looks_like_date (plan->since) ? ward_format_date (plan->since)
                                                             : format_timestamp (plan->since);

      g_string_append_printf (out, _("It holds the records changed since %s.\n"), since);
    }
}

static void
format_conflict (const WardBundleConflict *conflict,
                 GString                  *out)
{
  g_string_append_printf (out, "  %s — %s: %s\n", conflict->register_title, conflict->description,
                          ward_bundle_conflict_kind_to_string (conflict->kind));
  for (guint j = 0; j < conflict->fields->len; j++)
    {
      const WardBundleField *field = conflict->fields->pdata[j];

      g_string_append_printf (out, _("      %s: here “%s”, in the bundle “%s”\n"),
                              field->label, field->mine, field->theirs);
    }
}

static void
append_part (GString    *out,
             guint       n,
             const char *format)
{
  if (n == 0)
    return;
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append_printf (out, format, n);
}

char *
ward_bundle_count_describe (const WardBundleCount *count)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (count != NULL, NULL);

  append_part (out, count->n_conflicts, _("%u in conflict"));
  append_part (out, count->n_added, _("%u to add"));
  append_part (out, count->n_updated, _("%u to update"));
  append_part (out, count->n_deleted, _("%u to delete"));
  append_part (out, count->n_skipped, _("%u deleted here earlier, not added again"));
  append_part (out, count->n_unchanged, _("%u unchanged"));
  if (out->len == 0)
    g_string_append (out, _("nothing"));
  return g_string_free (out, FALSE);
}

char *
ward_bundle_plan_format (WardBundlePlan *plan)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  format_header (plan, out);
  for (guint i = 0; i < plan->counts->len; i++)
    {
      const WardBundleCount *count = &g_array_index (plan->counts, WardBundleCount, i);

      g_autofree char *line = ward_bundle_count_describe (count);

      g_string_append_printf (out, "  %s: %s\n", count->title, line);
    }
  if (plan->conflicts->len > 0)
    {
      g_string_append_printf (out, _("Conflicts (%u): each needs a person to choose which version "
                                     "to keep.\n"), plan->conflicts->len);
      for (guint i = 0; i < plan->conflicts->len; i++)
        format_conflict (plan->conflicts->pdata[i], out);
    }
  else if (plan->n_changes == 0)
    g_string_append (out, _("Nothing to change: this file already holds everything in the bundle.\n"));
  return g_string_free (out, FALSE);
}
