/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the window benchmarks share (ward-bench-filter, ward-bench-switch). */

/* Sorts @times (double, ms) and gives their median, their 95th percentile
 * (nearest rank) and the worst: a clerk feels the worst key, not the
 * median (issue 25). 0 for none. */
void ward_bench_summarize (GArray *times,
                           double *median,
                           double *p95,
                           double *worst);
/* Runs the main loop for @ms, as a clerk pauses between two keys or looks
 * at a page before the next click. */
void ward_bench_pause     (guint   ms);

G_END_DECLS
