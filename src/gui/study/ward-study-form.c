/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study-form"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-accessible.h"
#include "common/ward-form.h"
#include "study/ward-study-form.h"

AdwPreferencesPage *
ward_study_form_frame (AdwWindow  *window,
                       GtkWidget **save_out,
                       GtkLabel  **error_out)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), window);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_set_margin_top (error_label, 12);
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), box);
  adw_window_set_content (window, view);
  *save_out = save;
  *error_out = GTK_LABEL (error_label);
  return ADW_PREFERENCES_PAGE (page);
}

void
ward_study_form_error (GtkLabel   *error_label,
                       GtkWidget  *field,
                       const char *message)
{
  gtk_label_set_text (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  if (field != NULL)
    {
      ward_form_mark_field (field, message);
      gtk_widget_grab_focus (field);
    }
}

AdwEntryRow *
ward_study_form_entry_row (AdwPreferencesGroup *group,
                           const char          *title,
                           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
ward_study_form_combo_row (AdwPreferencesGroup *group,
                           const char          *title,
                           const char * const  *labels,
                           guint                selected)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (labels);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
  ward_combo_row_name_items (row);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}
