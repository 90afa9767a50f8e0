/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "targets/ward-targets-progress.h"

G_BEGIN_DECLS

/* A target's readings against the path an even term would follow, drawn
 * with cairo: years of the term along the bottom, the target's unit up the
 * side in Vietnamese number format ("11,8%", "95 triệu"). Final readings
 * are filled dots, drafts hollow ones. */

#define WARD_TYPE_TARGET_CHART (ward_target_chart_get_type ())
G_DECLARE_FINAL_TYPE (WardTargetChart, ward_target_chart, WARD, TARGET_CHART, GtkWidget)

GtkWidget *ward_target_chart_new       (void);

/* @series: WardProgressPoint (ward_progress_series()); @progress gives the
 * expected path; @today in term time. */
void       ward_target_chart_set_data  (WardTargetChart     *self,
                                        WardTargetKind       kind,
                                        int                  term_start_year,
                                        int                  term_end_year,
                                        double               goal,
                                        const WardProgress  *progress,
                                        GArray              *series,
                                        double               today);
void       ward_target_chart_clear     (WardTargetChart     *self);

G_END_DECLS
