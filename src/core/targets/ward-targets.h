/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

typedef enum
{
  WARD_TARGET_RATE,     /* a percentage, 0 – 100 */
  WARD_TARGET_GROWTH,   /* yearly growth in %, may be negative; judged compounded */
  WARD_TARGET_MONEY,    /* whole đồng */
  WARD_TARGET_COUNT,    /* counted from a register */
  WARD_TARGET_QUOTA,    /* delivered / quota, each year */
} WardTargetKind;

typedef enum
{
  WARD_SOURCE_MANUAL,
  WARD_SOURCE_ADMISSIONS,
  WARD_SOURCE_ENTERPRISES,
  WARD_SOURCE_QUOTA,
} WardTargetSource;

typedef enum
{
  WARD_COMPARE_AT_LEAST,  /* ≥ */
  WARD_COMPARE_ABOVE,     /* > */
  WARD_COMPARE_EQUAL,     /* = (reach it exactly: 100 %) */
} WardComparison;

#define WARD_TYPE_TARGET (ward_target_get_type ())
G_DECLARE_FINAL_TYPE (WardTarget, ward_target, WARD, TARGET, GObject)

gint64            ward_target_get_id          (WardTarget *self);
const char       *ward_target_get_uuid        (WardTarget *self);
const char       *ward_target_get_code        (WardTarget *self);
int               ward_target_get_position    (WardTarget *self);
const char       *ward_target_get_name        (WardTarget *self);
const char       *ward_target_get_short_name  (WardTarget *self);
const char       *ward_target_get_unit        (WardTarget *self);
WardTargetKind    ward_target_get_kind        (WardTarget *self);
WardTargetSource  ward_target_get_source      (WardTarget *self);
WardComparison    ward_target_get_comparison  (WardTarget *self);
double            ward_target_get_goal        (WardTarget *self);
const char       *ward_target_get_group       (WardTarget *self);  /* economy, society, defence, party */
int               ward_target_get_baseline_year (WardTarget *self);  /* 0 when unset */
/* The level the expected path starts from; FALSE when the seed gave none. */
gboolean          ward_target_get_baseline_value (WardTarget *self,
                                                  double     *value_out);
/* Admissions and enterprises: counted from a register, they take no readings. */
gboolean          ward_target_is_counted      (WardTarget *self);

/* "≥ 11,8%", "≥ 95.000.000 đ", "100%", "> 85%", "750 doanh nghiệp" */
char             *ward_target_format_goal     (WardTarget *self);
/* A value of this target, formatted for its kind: "96,5%", "82.000.000 đ", "124". */
char             *ward_target_format_value    (WardTarget *self,
                                               double      value);
/* The group's title in the user's language. */
const char       *ward_target_group_title     (const char *group_code);

/* All targets in the order of the resolution. */
GPtrArray        *ward_targets_load           (WardStore  *store,
                                               GError    **error);

/* The latest value of a target: the newest reading (a final one before a
 * draft, the whole year before its first half); for counted targets, the
 * live count in the term; for the quota, delivered / quota of the latest
 * year. FALSE when there is nothing yet. */
gboolean          ward_target_latest_value    (WardStore  *store,
                                               WardTarget *target,
                                               double     *value_out,
                                               GError    **error);

/* Records counted toward a counted target, in [start_iso, end_iso]:
 * admissions whose ceremony falls in it; enterprises (not branches, head
 * office in the ward) first registered in it. */
gint64            ward_targets_count_registered (WardStore        *store,
                                                 WardTargetSource  source,
                                                 const char       *start_iso,
                                                 const char       *end_iso,
                                                 GError          **error);

/* The same, for each year from @first_year to @last_year, each year cut to
 * the term (ward_resolution_term_start(): nothing before the congress
 * counts): @counts holds last_year - first_year + 1 numbers. */
gboolean          ward_targets_count_by_year  (WardStore        *store,
                                               WardTargetSource  source,
                                               int               first_year,
                                               int               last_year,
                                               gint64           *counts,
                                               GError          **error);

G_END_DECLS
