/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-name-list-dialog.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The list of chi bộ the office keeps: add one, rename one, remove one
 * without candidates. Every change goes through core (ward-admissions.h).
 * It is the name list dialog (ward-name-list-dialog.h) over the chi bộ. */
typedef WardNameListDialog WardCandidateCellsDialog;

WardCandidateCellsDialog *ward_candidate_cells_dialog_new (GtkWindow *parent,
                                                           WardStore *store);

G_END_DECLS
