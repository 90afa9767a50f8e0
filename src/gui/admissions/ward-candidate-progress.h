/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "admissions/ward-admissions.h"

G_BEGIN_DECLS

/* The admission page's "Progress and Statistics" view: the count toward the
 * target by year and by chi bộ with the pace needed, who is due for official
 * recognition within 30 days, the stalled files, and the tables of Party
 * reports. Rebuilds @page's groups from core's figures; rows about one
 * candidate lead to "page.open-candidate" with its id. */

/* What the view shows, read in one go (on a worker thread, through a
 * reader's connection: ward_store_open_reader()) so that the page's first
 * frame does not wait for it. */
typedef struct
{
  WardAdmissionProgress *progress;
  GPtrArray             *due;      /* WardCandidateDue */
  GPtrArray             *stalled;  /* WardCandidateDue */
  WardAdmissionStats    *stats;    /* NULL if it could not be read */
} WardCandidateFigures;

void                  ward_candidate_figures_free  (WardCandidateFigures *figures);
WardCandidateFigures *ward_candidate_figures_load  (WardStore            *store,
                                                    const char           *today_iso,
                                                    GError              **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCandidateFigures, ward_candidate_figures_free)

void ward_candidate_progress_fill (AdwPreferencesPage         *page,
                                   const WardCandidateFigures *figures);

G_END_DECLS
