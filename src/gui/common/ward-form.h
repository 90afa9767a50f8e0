/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The keyboard grammar every form of the application follows (HACKING.md,
 * "The keyboard", and the shortcuts window say it to the clerk):
 *
 * - the focus is on the first field when the form opens;
 * - Enter in a text field moves to the next text field, and in the last
 *   one saves (combos and switches are reached with Tab);
 * - Ctrl+S saves; Ctrl+Enter saves too, or, where the form offers it,
 *   saves and starts the next entry;
 * - Escape closes the form, after asking when something was changed.
 *
 * "Saves" is a click on @save (the form's suggested button), so that the
 * form's own checks run as for the mouse. Call it once the form is filled:
 * what the fields hold then is what "changed" is measured from. */
void ward_form_install        (GtkWindow *form,
                               GtkWidget *first,
                               GtkWidget *save,
                               GtkWidget *save_and_next);

/* What the fields hold now becomes the form's unchanged state: after a
 * save that keeps the form open for the next entry. */
void ward_form_mark_unchanged (GtkWindow *form);

/* Marks @field as refused with @message (the "error" style, and for a
 * screen reader the invalid state and the message as its description,
 * read when the focus comes to it), or, with NULL, as right again. The
 * message shown beside the field is a plain label, never a Tab stop. */
void ward_form_mark_field     (GtkWidget  *field,
                               const char *message);

/* TRUE when a field differs from the unchanged state. */
gboolean ward_form_is_changed (GtkWindow *form);

G_END_DECLS
