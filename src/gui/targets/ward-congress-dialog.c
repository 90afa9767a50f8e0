/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-congress-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "targets/ward-congress-dialog.h"
#include "targets/ward-targets-resolution.h"

/* The question is an AdwMessageDialog with an entry: the date (Save is
 * enabled once it is one within the term), or Later. Either way the file
 * remembers it was asked; `ward-tracker-cli term --congress` sets the date
 * afterwards, as `stats` says. */

typedef struct
{
  WardStore        *store;
  AdwMessageDialog *dialog;
  GtkEntry         *entry;
  GtkLabel         *problem;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_clear_object (&question->store);
  g_free (question);
}

/* The date as typed, if it is one (@error says why not). */
static char *
typed_date (Question  *question,
            GError   **error)
{
  char *iso = NULL;

  if (!ward_parse_date (gtk_editable_get_text (GTK_EDITABLE (question->entry)), &iso, error))
    return NULL;
  return iso;
}

/* Save only a date the rule takes; say why another is refused. */
static void
on_date_changed_cb (GtkEditable *editable,
                    Question    *question)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = typed_date (question, &error);
  g_autoptr (WardResolution) resolution = ward_resolution_load (question->store, NULL);
  gboolean empty = gtk_editable_get_text (editable)[0] == '\0';

  if (iso != NULL && resolution != NULL)
    ward_resolution_check_congress_date (resolution, iso, NULL, &error);
  adw_message_dialog_set_response_enabled (question->dialog, "save", iso != NULL && error == NULL);
  gtk_label_set_text (question->problem, error != NULL && !empty ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (question->problem), error != NULL && !empty);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Question         *question)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  if (g_str_equal (response, "save") && (iso = typed_date (question, &error)) != NULL
      && !ward_resolution_set_congress_date (question->store, iso, NULL, &error))
    g_warning ("The congress date was not saved: %s", error->message);
  g_clear_error (&error);
  if (!ward_resolution_mark_congress_asked (question->store, &error))
    g_warning ("Cannot remember that the congress date was asked: %s", error->message);
}

static GtkWidget *
date_box (Question *question)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *problem = gtk_label_new (NULL);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("dd/mm/yyyy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the congress"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  question->entry = GTK_ENTRY (entry);
  question->problem = GTK_LABEL (problem);
  g_signal_connect (entry, "changed", G_CALLBACK (on_date_changed_cb), question);
  return box;
}

void
ward_congress_dialog_ask (GtkWindow *parent,
                          WardStore *store)
{
  Question *question;
  GtkWidget *dialog;

  g_return_if_fail (WARD_IS_STORE (store));

  if (!ward_resolution_should_ask_congress (store))
    return;
  question = g_new0 (Question, 1);
  question->store = g_object_ref (store);
  dialog = adw_message_dialog_new (parent, _("When Was the Congress?"),
                                   _("The term runs from the congress that adopted the resolution: "
                                     "admissions and new enterprises before it do not count toward "
                                     "the term’s targets. Until the date is given they count from "
                                     "1 January of the term’s first year."));
  question->dialog = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), date_box (question));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Later"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
