/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The frame of the study's forms (a session, a member): a header bar with
 * Cancel and Save, a line for the error the core gives, and a preferences
 * page below, which scrolls. @save_out receives the Save button (the
 * caller connects it), @error_out the error line. */
AdwPreferencesPage *ward_study_form_frame     (AdwWindow            *window,
                                               GtkWidget           **save_out,
                                               GtkLabel            **error_out);
/* Shows @message on the form's error line and, with @field, beside the
 * field, which takes the focus. */
void                ward_study_form_error     (GtkLabel             *error_label,
                                               GtkWidget            *field,
                                               const char           *message);
AdwEntryRow        *ward_study_form_entry_row (AdwPreferencesGroup  *group,
                                               const char           *title,
                                               const char           *text);
/* A combo row of @labels (NULL-terminated) with @selected chosen. */
AdwComboRow        *ward_study_form_combo_row (AdwPreferencesGroup  *group,
                                               const char           *title,
                                               const char * const   *labels,
                                               guint                 selected);

G_END_DECLS
