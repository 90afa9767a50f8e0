/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_STUDY_SESSION_DIALOG (ward_study_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardStudySessionDialog, ward_study_session_dialog, WARD, STUDY_SESSION_DIALOG,
                      AdwWindow)

/* Records a study session with the attendance of its chi bộ's members, one
 * row each (present, absent with a reason, made up on a date), or edits
 * the session @session_id (0: a new one). */
WardStudySessionDialog *ward_study_session_dialog_new (GtkWindow *parent,
                                                       WardStore *store,
                                                       gint64     session_id);

G_END_DECLS
