/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the admission page's list shows: candidates of one chi bộ, at one
 * stage, whose name, chi bộ or tổ dân phố hold every word typed (folded for
 * case and tone marks: "nguyen thi hoa" finds "Nguyễn Thị Hoa"). Matches on
 * the keys stored with each row, so that a change runs over 20,000 rows in
 * a few milliseconds; it tells the filter model how the change narrows or
 * widens the list, so that only what may change is looked at again. */

#define WARD_CANDIDATE_FILTER_ANY (-1)

#define WARD_TYPE_CANDIDATE_FILTER (ward_candidate_filter_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateFilter, ward_candidate_filter, WARD, CANDIDATE_FILTER, GtkFilter)

WardCandidateFilter *ward_candidate_filter_new       (void);
/* The text as typed; NULL or "" for every candidate. */
void                 ward_candidate_filter_set_text  (WardCandidateFilter *self,
                                                      const char          *text);
/* A chi bộ's id, 0 for candidates without one, WARD_CANDIDATE_FILTER_ANY. */
void                 ward_candidate_filter_set_cell  (WardCandidateFilter *self,
                                                      gint64               cell_id);
/* A WardStage (the furthest reached), or WARD_CANDIDATE_FILTER_ANY. */
void                 ward_candidate_filter_set_stage (WardCandidateFilter *self,
                                                      int                  stage);
/* Only the files past a statutory deadline ("Quá hạn theo quy định":
 * WardCandidateRow.overdue_days, from ward_candidate_overdue_days()). */
void                 ward_candidate_filter_set_overdue (WardCandidateFilter *self,
                                                        gboolean             overdue);

G_END_DECLS
