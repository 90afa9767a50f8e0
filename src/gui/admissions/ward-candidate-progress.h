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
void ward_candidate_progress_fill (AdwPreferencesPage    *page,
                                   WardStore             *store,
                                   WardAdmissionProgress *progress,
                                   const char            *today_iso);

G_END_DECLS
