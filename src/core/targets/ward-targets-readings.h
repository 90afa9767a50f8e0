/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/ward-import.h"
#include "store/ward-store.h"
#include "targets/ward-targets-progress.h"
#include "targets/ward-targets.h"

G_BEGIN_DECLS

/* Readings of the targets kept by hand: a value for a year or its first
 * half, a draft or the final figure, with the document it comes from. The
 * military recruitment target takes each year's quota and the number
 * delivered instead of a value. Counted targets take no readings. */

typedef enum
{
  WARD_READING_FIELD_NONE,
  WARD_READING_FIELD_PERIOD,
  WARD_READING_FIELD_VALUE,
  WARD_READING_FIELD_QUOTA,
  WARD_READING_FIELD_DELIVERED,
  WARD_READING_FIELD_STATUS,
  WARD_READING_FIELD_DOC_NUMBER,
  WARD_READING_FIELD_DOC_DATE,
  WARD_READING_FIELD_UNIT,
  WARD_READING_FIELD_NOTE,
} WardReadingField;

typedef struct
{
  gint64    id;          /* 0 until stored */
  char     *uuid;        /* NULL until stored */
  gint64    target_id;
  int       year;
  gboolean  first_half;  /* the first six months of @year only */
  gboolean  baseline;    /* the term's baseline: the level at the congress (@year is its
                          * year); rates and money only */
  gboolean  has_value;
  double    value;       /* rate or growth in %, money in đồng */
  gint64    quota;       /* recruitment only; -1 when not given */
  gint64    delivered;   /* recruitment only; -1 when not given */
  gboolean  final;       /* FALSE: a draft */
  char     *doc_number;  /* the source document, e.g. "125/BC-UBND" */
  char     *doc_date;    /* ISO */
  gint64    unit_id;     /* the responsible unit, 0 for none */
  char     *unit_name;   /* filled when loaded */
  char     *note;
  char     *created_at;
  char     *updated_at;
} WardReading;

WardReading *ward_reading_new              (WardTarget         *target);
WardReading *ward_reading_copy             (const WardReading  *reading);
void         ward_reading_free             (WardReading        *reading);

/* "2026", "First half of 2026" ("6 tháng đầu năm 2026"). */
char        *ward_reading_format_period    (int                 year,
                                            gboolean            first_half);
/* The period of @reading: as above, or "Baseline (at the congress)". */
char        *ward_reading_format_label     (const WardReading  *reading);
/* Reads "2026", "2026-H1", "6 tháng đầu năm 2026", "6T/2026", "H1/2026";
 * with @baseline_out, also "Số liệu gốc" (the term's baseline, whose year is
 * then 0: the caller gives it the congress's). */
gboolean     ward_reading_parse_period     (const char         *text,
                                            int                *year_out,
                                            gboolean           *first_half_out,
                                            gboolean           *baseline_out,
                                            GError            **error);
/* "96,5%", "82.000.000 đ", "18/20 (90%)"; "" without a value. */
char        *ward_reading_format_value     (WardTarget         *target,
                                            const WardReading  *reading);
/* The rate of a recruitment reading, delivered / quota in %. */
double       ward_reading_quota_rate       (const WardReading  *reading);

/* Sets @field of @reading from what the clerk typed (value, quota,
 * delivered, document number, document date, note). On a value that cannot
 * be read, FALSE with a WARD_ERROR_INVALID sentence that names the field;
 * @reading is left unchanged. Empty text clears the field. */
gboolean     ward_reading_set_text         (WardReading        *reading,
                                            WardTarget         *target,
                                            WardReadingField    field,
                                            const char         *text,
                                            GError            **error);

/* Every rule a reading must keep before it is stored: the target takes
 * readings; the period lies within the term (recruitment: whole years); a
 * rate lies in 0 – 100 %; growth is above −100 %; money is whole đồng, not
 * negative; recruitment has a quota above 0 and a number delivered (it may
 * pass the quota); the document date is a date; the unit exists; at most
 * one final reading per target and period. On failure, FALSE with the
 * field at fault and a sentence naming it. */
gboolean     ward_reading_validate         (WardStore          *store,
                                            WardTarget         *target,
                                            const WardReading  *reading,
                                            WardReadingField   *field_out,
                                            GError            **error);

/* Validates and stores @reading: a new one when its id is 0 (its id, uuid
 * and times are filled in), else the stored one with that id. */
gboolean     ward_reading_save             (WardStore          *store,
                                            WardTarget         *target,
                                            WardReading        *reading,
                                            WardReadingField   *field_out,
                                            GError            **error);
/* Deletes a reading; @deleted_out (optional) receives it for
 * ward_reading_restore(). */
gboolean     ward_reading_delete           (WardStore          *store,
                                            gint64              id,
                                            WardReading       **deleted_out,
                                            GError            **error);
/* Puts a deleted reading back, with its uuid (the "Undo" of a delete). */
gboolean     ward_reading_restore          (WardStore          *store,
                                            const WardReading  *reading,
                                            GError            **error);

WardReading *ward_reading_load             (WardStore          *store,
                                            gint64              id,
                                            GError            **error);
/* A target's readings, the latest period first. */
GPtrArray   *ward_readings_load            (WardStore          *store,
                                            gint64              target_id,
                                            GError            **error);
gint64       ward_readings_count           (WardStore          *store,
                                            gint64              target_id,
                                            GError            **error);

/* What the progress rules need about @target, from the store: the term,
 * the target's readings or, for counted targets, the count of each year of
 * the term. */
gboolean     ward_target_progress_input    (WardStore           *store,
                                            WardTarget          *target,
                                            WardProgressTarget  *target_out,
                                            GArray             **readings_out,
                                            GError             **error);
/* The progress and verdict of @target as of @today_iso (ward_today_iso()
 * for the real day); @series_out (optional) receives the points of its
 * chart (WardProgressPoint). The one function that decides a target's
 * verdict: the targets page, the overview, `stats` and every report call
 * it (tests/targets/test-targets-progress.c compares them). */
gboolean     ward_target_compute_progress  (WardStore           *store,
                                            WardTarget          *target,
                                            const char          *today_iso,
                                            WardProgress        *out,
                                            GArray             **series_out,
                                            GError             **error);
/* The same as of @end_iso, the last day of a report's period: only the
 * readings of the periods ended by then (a first half on 30/06, a year on
 * 31/12), judged on @end_iso or @today_iso, whichever comes first. */
gboolean     ward_target_compute_progress_as_of (WardStore      *store,
                                                 WardTarget     *target,
                                                 const char     *today_iso,
                                                 const char     *end_iso,
                                                 WardProgress   *out,
                                                 GError        **error);
/* The same as of the end of @year (of its first half with @first_half). */
gboolean     ward_target_compute_progress_until (WardStore      *store,
                                                 WardTarget     *target,
                                                 const char     *today_iso,
                                                 int             year,
                                                 gboolean        first_half,
                                                 WardProgress   *out,
                                                 GError        **error);

/* One or two sentences saying how the verdict was reached: what growth
 * was compounded over, where an even term would be, what the rest of the
 * term needs. */
char        *ward_target_describe_progress (WardTarget          *target,
                                            const WardProgress  *progress);

/* "readings": Chỉ tiêu (code or name), Kỳ (2026, 6 tháng đầu năm 2026),
 * Giá trị, Chỉ tiêu giao, Đã giao, Trạng thái (Chính thức / Dự thảo), Số
 * văn bản, Ngày văn bản, Đơn vị, Ghi chú. The natural key is the target,
 * the period and the status. */
extern const WardImportKind ward_readings_import_kind;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReading, ward_reading_free)

G_END_DECLS
