/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A form's refusal, as the dialogs show it: a sentence in a revealer at the
 * top of the form, and the row it is about marked with the "error" style
 * class and focused, until the clerk edits that row or the form is checked
 * again. Embed one in the dialog's instance struct and bind it with
 * ward_form_error_bind_template(); the template names the revealer
 * "error_revealer" and the label inside it "error_label". */
typedef struct
{
  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkWidget   *row;      /* the row marked in error, if any */
} WardFormError;

/* Binds the template children into the WardFormError at @struct_offset of
 * the instance: G_STRUCT_OFFSET (WardThingDialog, form_error). */
void ward_form_error_bind_template (GtkWidgetClass *widget_class,
                                    gssize          struct_offset);

void ward_form_error_clear         (WardFormError  *self);
/* Shows @message; marks and focuses @row, if not NULL. */
void ward_form_error_show          (WardFormError  *self,
                                    GtkWidget      *row,
                                    const char     *message);
/* The same, the message led by the row's title ("Date: …"): for the
 * sentences of a parser, which do not say which field they are about. */
void ward_form_error_show_in_row   (WardFormError     *self,
                                    AdwPreferencesRow *row,
                                    const char        *message);
/* For a row's ::changed: a row the clerk is correcting no longer shows as
 * wrong. */
void ward_form_error_row_changed   (WardFormError  *self,
                                    GtkEditable    *editable);

G_END_DECLS
