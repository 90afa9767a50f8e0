/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-history-dialog.h"
#include "store/ward-store-audit.h"

/* Column names as a clerk reads them. */
static const struct { const char *field; const char *label; } field_labels[] = {
  { "name", N_("Name") },
  { "full_name", N_("Full name") },
  { "title", N_("Title") },
  { "birth_date", N_("Date of birth") },
  { "gender", N_("Gender") },
  { "ethnicity", N_("Ethnicity") },
  { "religion", N_("Religion") },
  { "education", N_("Education") },
  { "specialty", N_("Specialty") },
  { "occupation", N_("Occupation") },
  { "youth_union", N_("Youth union member") },
  { "residential_group", N_("Residential group") },
  { "cell_id", N_("Party cell") },
  { "sympathiser_date", N_("Sympathiser list") },
  { "course_cert_number", N_("Course certificate number") },
  { "course_date", N_("Course certificate date") },
  { "application_date", N_("Application") },
  { "verification_sent", N_("Background check sent") },
  { "verification_done", N_("Background check finished") },
  { "introducer_1", N_("First introducer") },
  { "introducer_2", N_("Second introducer") },
  { "youth_union_resolution", N_("Youth union resolution") },
  { "cell_resolution_number", N_("Party cell resolution number") },
  { "cell_resolution_date", N_("Party cell resolution date") },
  { "decision_number", N_("Admission decision number") },
  { "decision_date", N_("Admission decision date") },
  { "ceremony_date", N_("Admission ceremony") },
  { "recognition_number", N_("Recognition decision number") },
  { "recognition_date", N_("Official recognition") },
  { "state", N_("State") },
  { "state_reason", N_("Reason") },
  { "note", N_("Note") },
  { "tax_code", N_("Tax code") },
  { "is_branch", N_("Branch") },
  { "type", N_("Type") },
  { "capital", N_("Charter capital") },
  { "vsic", N_("Main business line") },
  { "vsic_version", N_("VSIC version") },
  { "registered_on", N_("First registered") },
  { "address", N_("Head office") },
  { "in_ward", N_("Head office in the ward") },
  { "representative", N_("Legal representative") },
  { "status", N_("Status") },
  { "status_date", N_("Status date") },
  { "from_household", N_("Converted from a household business") },
  { "group_id", N_("Task or breakthrough") },
  { "lead_unit_id", N_("Lead unit") },
  { "start_date", N_("Start") },
  { "deadline", N_("Deadline") },
  { "percent", N_("Percent done") },
  { "year", N_("Year") },
  { "half", N_("First half only") },
  { "value", N_("Value") },
  { "quota", N_("Quota") },
  { "delivered", N_("Delivered") },
  { "doc_number", N_("Document number") },
  { "doc_date", N_("Document date") },
  { "unit_id", N_("Responsible unit") },
  { "position", N_("Order") },
};

static const char *
field_label (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return field;
}

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "insert") == 0)
    return _("Added");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Deleted");
  return _("Changed");
}

static char *
format_when (const char *iso)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (iso);
}

static char *
show_value (const char *value)
{
  /* Dates are stored ISO and shown as the clerk writes them. */
  if (value != NULL && strlen (value) == 10 && value[4] == '-' && value[7] == '-')
    return ward_format_date (value);
  return g_strdup (value ? value : "—");
}

static GtkWidget *
entry_group (WardAuditEntry *entry)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *when = format_when (entry->at);
  g_autofree char *title = g_strdup_printf ("%s · %s", when, action_label (entry->action));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      WardAuditChange *change = entry->changes->pdata[i];
      g_autofree char *before = show_value (change->old_value);
      g_autofree char *after = show_value (change->new_value);
      g_autofree char *text = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (g_str_equal (entry->action, "update"))
        text = g_strdup_printf ("%s → %s", before, after);
      else
        text = g_strdup (g_str_equal (entry->action, "insert") ? after : before);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field_label (change->field));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

void
ward_history_dialog_present (GtkWidget  *parent,
                             WardStore  *store,
                             const char *table,
                             const char *row_uuid,
                             const char *record_title)
{
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *box, *header, *page, *title;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (WARD_IS_STORE (store));

  root = gtk_widget_get_root (parent);
  window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_title (GTK_WINDOW (window), _("Change History"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Change History"), record_title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  history = ward_audit_history (store, table, row_uuid, &error);
  if (history == NULL || history->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-recent-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Changes Recorded"));
      if (error != NULL)
        adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (box), status);
    }
  else
    {
      /* The newest first: that is what a clerk looks for. */
      for (guint i = history->len; i > 0; i--)
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                  ADW_PREFERENCES_GROUP (entry_group (history->pdata[i - 1])));
      gtk_box_append (GTK_BOX (box), page);
    }

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  WardStore *store;
  char      *table;
  char      *uuid;
  char      *title;
} HistoryTarget;

static void
history_target_free (gpointer data,
                     GClosure *closure)
{
  HistoryTarget *target = data;

  g_object_unref (target->store);
  g_free (target->table);
  g_free (target->uuid);
  g_free (target->title);
  g_free (target);
}

static void
on_history_clicked_cb (GtkButton     *button,
                       HistoryTarget *target)
{
  ward_history_dialog_present (GTK_WIDGET (button), target->store, target->table, target->uuid,
                               target->title);
}

void
ward_history_add_button (GtkWindow  *dialog,
                         WardStore  *store,
                         const char *table,
                         const char *row_uuid,
                         const char *record_title)
{
  GtkWidget *header = find_header_bar (GTK_WIDGET (dialog));
  GtkWidget *button;
  HistoryTarget *target;

  g_return_if_fail (GTK_IS_WINDOW (dialog));
  if (header == NULL || row_uuid == NULL)
    return;

  button = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
  gtk_widget_set_tooltip_text (button, _("Change History"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Change History"), -1);
  target = g_new0 (HistoryTarget, 1);
  target->store = g_object_ref (store);
  target->table = g_strdup (table);
  target->uuid = g_strdup (row_uuid);
  target->title = g_strdup (record_title);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_history_clicked_cb), target,
                         history_target_free, 0);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
}
