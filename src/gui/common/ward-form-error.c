/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-form-error"

#include "config.h"

#include "common/ward-form.h"
#include "common/ward-form-error.h"

void
ward_form_error_bind_template (GtkWidgetClass *widget_class,
                               gssize          struct_offset)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  gtk_widget_class_bind_template_child_full (widget_class, "error_revealer", FALSE,
                                             struct_offset
                                             + G_STRUCT_OFFSET (WardFormError, revealer));
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE,
                                             struct_offset
                                             + G_STRUCT_OFFSET (WardFormError, label));
}

void
ward_form_error_clear (WardFormError *self)
{
  g_return_if_fail (self != NULL);

  if (self->row != NULL)
    ward_form_mark_field (self->row, NULL);
  self->row = NULL;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

void
ward_form_error_show (WardFormError *self,
                      GtkWidget     *row,
                      const char    *message)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (message != NULL);

  ward_form_error_clear (self);
  gtk_label_set_text (self->label, message);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  if (row != NULL)
    {
      self->row = row;
      ward_form_mark_field (row, message);
      gtk_widget_grab_focus (row);
    }
}

void
ward_form_error_show_in_row (WardFormError     *self,
                             AdwPreferencesRow *row,
                             const char        *message)
{
  g_autofree char *with_title = NULL;

  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  with_title = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (row), message);
  ward_form_error_show (self, GTK_WIDGET (row), with_title);
}

void
ward_form_error_row_changed (WardFormError *self,
                             GtkEditable   *editable)
{
  g_return_if_fail (self != NULL);

  if (self->row != NULL && self->row == GTK_WIDGET (editable))
    ward_form_error_clear (self);
}
