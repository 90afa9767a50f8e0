/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ward-store.h"

G_BEGIN_DECLS

/* The list of chi bộ the office keeps: add one, rename one, remove one
 * without candidates. Every change goes through core (ward-candidates.h). */

#define WARD_TYPE_CANDIDATE_CELLS_DIALOG (ward_candidate_cells_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateCellsDialog, ward_candidate_cells_dialog, WARD, CANDIDATE_CELLS_DIALOG, AdwWindow)

WardCandidateCellsDialog *ward_candidate_cells_dialog_new (GtkWindow *parent,
                                                           WardStore *store);

G_END_DECLS
