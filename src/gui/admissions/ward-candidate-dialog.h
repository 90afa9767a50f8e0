/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The form of one candidate: the person, the stages as a timeline (each
 * step dated, done or pending, with its document), and the follow-up
 * state. Every rule is core's (ward_candidate_validate()): its messages
 * appear under the field they are about as the clerk types, and Save
 * stores nothing while one of them is an error. Emits ::delete-requested
 * (with the candidate's id) when the clerk asks to delete; the page deletes
 * and offers to undo. Emits ::edited (the record as the form opened it,
 * its id) once an edit is stored, for the page to offer its undo. */

#define WARD_TYPE_CANDIDATE_DIALOG (ward_candidate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateDialog, ward_candidate_dialog, WARD, CANDIDATE_DIALOG, AdwWindow)

/* @id: the candidate to edit, 0 for a new one. NULL with @error when it
 * cannot be read. */
WardCandidateDialog *ward_candidate_dialog_new (GtkWindow  *parent,
                                                WardStore  *store,
                                                gint64      id,
                                                GError    **error);

G_END_DECLS
