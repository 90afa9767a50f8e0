/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "base/ward-vsic.h"
#include "import/ward-import.h"
#include "store/ward-store-rows.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The register of newly established enterprises (target 9: 750 in the
 * term). One row per enterprise or branch, keyed by its tax code (mã số
 * doanh nghiệp). Counted toward the target: enterprises, not branches, with
 * their head office in the ward, first registered within the term, whatever
 * their status since; the same rule as ward_targets_count_registered(). */

/* Loại hình doanh nghiệp. The labels are the terms of the Law on
 * Enterprises and stay Vietnamese in every language. */
typedef enum
{
  WARD_ENTERPRISE_TYPE_NONE,   /* not given: a branch takes its parent's */
  WARD_ENTERPRISE_LLC_ONE,     /* TNHH một thành viên */
  WARD_ENTERPRISE_LLC_MULTI,   /* TNHH hai thành viên trở lên */
  WARD_ENTERPRISE_JOINT_STOCK, /* Công ty cổ phần */
  WARD_ENTERPRISE_PARTNERSHIP, /* Công ty hợp danh */
  WARD_ENTERPRISE_PRIVATE,     /* Doanh nghiệp tư nhân */
} WardEnterpriseType;

#define WARD_ENTERPRISE_N_TYPES 6

/* Tình trạng, in the tax authority's words. */
typedef enum
{
  WARD_ENTERPRISE_ACTIVE,          /* đang hoạt động */
  WARD_ENTERPRISE_SUSPENDED,       /* tạm ngừng kinh doanh */
  WARD_ENTERPRISE_NOT_AT_ADDRESS,  /* không hoạt động tại địa chỉ đã đăng ký */
  WARD_ENTERPRISE_DISSOLVING,      /* đang giải thể */
  WARD_ENTERPRISE_CLOSED,          /* đã giải thể / phá sản / chấm dứt */
} WardEnterpriseStatus;

#define WARD_ENTERPRISE_N_STATUSES 5

/* "llc-one" … as stored; NULL for NONE. */
const char *ward_enterprise_type_to_code    (WardEnterpriseType    type);
/* "TNHH một thành viên" …; "" for NONE. */
const char *ward_enterprise_type_label      (WardEnterpriseType    type);
/* Reads a type as offices write it ("Công ty TNHH MTV", "cổ phần", "DNTN",
 * "llc-one", …), ignoring case and tone marks; "" gives NONE. */
gboolean    ward_enterprise_type_parse      (const char           *text,
                                             WardEnterpriseType   *type_out,
                                             GError              **error);

const char *ward_enterprise_status_to_code  (WardEnterpriseStatus  status);
const char *ward_enterprise_status_label    (WardEnterpriseStatus  status);
/* "" gives ACTIVE. */
gboolean    ward_enterprise_status_parse    (const char           *text,
                                             WardEnterpriseStatus *status_out,
                                             GError              **error);

/* The fields, in the order of the spreadsheet's columns. */
typedef enum
{
  WARD_ENTERPRISE_FIELD_TAX_CODE,
  WARD_ENTERPRISE_FIELD_NAME,
  WARD_ENTERPRISE_FIELD_TYPE,
  WARD_ENTERPRISE_FIELD_CAPITAL,
  WARD_ENTERPRISE_FIELD_VSIC,
  WARD_ENTERPRISE_FIELD_REGISTERED_ON,
  WARD_ENTERPRISE_FIELD_ADDRESS,
  WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP,
  WARD_ENTERPRISE_FIELD_REPRESENTATIVE,
  WARD_ENTERPRISE_FIELD_STATUS,
  WARD_ENTERPRISE_FIELD_NOTE,
  WARD_ENTERPRISE_FIELD_STATUS_DATE,
  WARD_ENTERPRISE_FIELD_OUTSIDE_WARD,    /* the head office is not in the ward */
  WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD,  /* converted from a household business */
  WARD_ENTERPRISE_FIELD_VSIC_VERSION,    /* 2018, 2025, or "" to let the code and date decide */
} WardEnterpriseField;

#define WARD_ENTERPRISE_N_FIELDS 15

typedef struct
{
  gint64                id;              /* 0: not stored yet */
  char                 *uuid;            /* NULL: a new one is made when stored */
  char                 *created_at;      /* kept when a deleted record is restored */
  char                 *tax_code;        /* "0100109106" or "0100109106-001" once checked */
  gboolean              is_branch;       /* set from the tax code */
  char                 *name;
  WardEnterpriseType    type;
  gint64                capital;         /* whole đồng; 0: not given */
  char                 *vsic;            /* four digits, or NULL */
  WardVsicVersion       vsic_version;    /* of vsic: as stated, decided when validated
                                          * (ward_vsic_resolve()); ANY without a code */
  char                 *registered_on;   /* ISO; first registration */
  char                 *address;
  char                 *residential_group;
  gboolean              in_ward;         /* head office in the ward */
  char                 *representative;
  WardEnterpriseStatus  status;
  char                 *status_date;     /* ISO, or NULL */
  gboolean              from_household;
  char                 *note;
} WardEnterprise;

/* A blank record: active, head office in the ward. */
WardEnterprise *ward_enterprise_new         (void);
WardEnterprise *ward_enterprise_copy        (const WardEnterprise  *self);
void            ward_enterprise_free        (WardEnterprise        *self);

/* Reads one field as a clerk types it in the form or finds it in a
 * spreadsheet cell (dates dd/mm/yyyy, money "1.250.000.000", type and
 * status in words, "x"/"có" for yes). An empty @text clears the field. On
 * a value that cannot be read, leaves the record alone and returns FALSE
 * with a WARD_ERROR_INVALID error saying what is wrong. */
gboolean        ward_enterprise_set_field   (WardEnterprise        *self,
                                             WardEnterpriseField    field,
                                             const char            *text,
                                             GError               **error);
/* The field as the form shows it ("1.250.000.000", "05/02/2026", "x"). */
char           *ward_enterprise_dup_field   (const WardEnterprise  *self,
                                             WardEnterpriseField    field);
/* The field's name in the user's language ("Tax code"). */
const char     *ward_enterprise_field_title (WardEnterpriseField    field);

/* One problem found by ward_enterprise_validate(). */
typedef struct
{
  WardEnterpriseField  field;
  gboolean             warning;   /* FALSE: the record cannot be stored */
  char                *message;
} WardEnterpriseIssue;

void            ward_enterprise_issue_free  (WardEnterpriseIssue   *issue);
/* A GPtrArray that frees its WardEnterpriseIssues. */
GPtrArray      *ward_enterprise_issues_new  (void);

/* Checks every rule, normalising the record on the way (the tax code as
 * written on documents, text NFC) and appends every problem to @issues
 * (may be NULL): errors — a tax code that is malformed, has a wrong check
 * digit or belongs to another record; no name; a first registration date
 * missing or after @today_iso; capital not above 0, or given for a branch;
 * a VSIC code its version has not (the version decided on the way); a status date before the registration or
 * after today — and warnings: a branch whose parent enterprise is not in
 * the register. Returns FALSE with the first error in @error (WARD_ERROR_
 * DUPLICATE for a tax code already stored, WARD_ERROR_INVALID otherwise, or
 * the store's error). */
gboolean        ward_enterprise_validate    (WardStore             *store,
                                             WardEnterprise        *self,
                                             const char            *today_iso,
                                             GPtrArray             *issues,
                                             GError               **error);

/* Validates (as of ward_today_iso()) and stores: a new row when @self->id
 * is 0 (keeping @self->uuid and created_at when set, as an undone delete
 * does), else an update. Sets @self->id and uuid. Warnings go to @issues
 * (may be NULL). */
gboolean        ward_enterprise_save        (WardStore             *store,
                                             WardEnterprise        *self,
                                             GPtrArray             *issues,
                                             GError               **error);
WardEnterprise *ward_enterprise_load        (WardStore             *store,
                                             gint64                 id,
                                             GError               **error);
/* NULL without error when no record has @tax_code (as written on documents). */
WardEnterprise *ward_enterprise_find        (WardStore             *store,
                                             const char            *tax_code,
                                             GError               **error);
/* Removes the record and gives it back, so that it can be restored by
 * ward_enterprise_save() with id set to 0. */
WardEnterprise *ward_enterprise_delete      (WardStore             *store,
                                             gint64                 id,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardEnterprise, ward_enterprise_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardEnterpriseIssue, ward_enterprise_issue_free)

/* ---- Counting toward the target ----------------------------------------- */

/* Whether a record counts toward the 750: not a branch, head office in the
 * ward, first registered in [term_start_iso, term_end_iso]. */
gboolean        ward_enterprise_is_counted  (const WardEnterprise  *self,
                                             const char            *term_start_iso,
                                             const char            *term_end_iso);

/* Counted enterprises first registered in each year from @first_year to
 * @last_year: @counts_out has last_year - first_year + 1 slots. */
gboolean        ward_enterprises_count_by_year (WardStore          *store,
                                                int                 first_year,
                                                int                 last_year,
                                                gint64             *counts_out,
                                                GError            **error);

typedef struct
{
  gint64  goal;             /* from the targets: 750 */
  gint64  counted;          /* toward the goal, as ward_targets_count_registered() */
  int     term_start_year;
  int     term_end_year;
  gint64 *by_year;          /* counted, per year of the term */
  gint64  by_type[WARD_ENTERPRISE_N_TYPES];        /* counted */
  gint64  by_section[WARD_VSIC_N_SECTIONS];        /* counted */
  gint64  no_section;       /* counted without a line of business */
  gint64  pace_needed;      /* a year, for the rest of the term (ward_progress_pace_needed) */
  gint64  total;            /* every row of the register */
  gint64  branches;
  gint64  outside_ward;     /* enterprises with their head office elsewhere */
} WardEnterpriseSummary;

WardEnterpriseSummary *ward_enterprises_summarize   (WardStore              *store,
                                                     const char             *today_iso,
                                                     GError                **error);
void                   ward_enterprise_summary_free (WardEnterpriseSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardEnterpriseSummary, ward_enterprise_summary_free)

/* ---- Every row at once, for big lists ----------------------------------- */

/* A compact copy of one row; the strings belong to its WardRows. */
typedef struct
{
  gint64       id;
  const char  *tax_code;
  const char  *name;
  const char  *sort_key;       /* Vietnamese order, without the legal form in front */
  const char  *search_key;     /* folded name, representative and tax code digits */
  const char  *registered_on;  /* ISO */
  const char  *vsic;           /* "" when not given */
  const char  *residential_group;
  gint64       capital;        /* 0: not given */
  guint8       type;           /* WardEnterpriseType */
  guint8       status;         /* WardEnterpriseStatus */
  guint8       section;        /* section of the breakdowns (VSIC 2025) index + 1, 0 for none */
  guint16      vsic_version;   /* WardVsicVersion of vsic; 0 when not given */
  guint        is_branch : 1;
  guint        in_ward : 1;
  guint        counted : 1;
  int          year;           /* of registered_on */
} WardEnterpriseRow;

/* Every row with one query, in the order they were added: WardRows of
 * WardEnterpriseRow. */
WardRows *ward_enterprise_rows_load (WardStore  *store,
                                     GError    **error);
/* TRUE when two rows show the same: a reload keeps the list's items of the
 * rows that did not change (WardRowModel's same_row). */
gboolean  ward_enterprise_row_equal (gconstpointer a,
                                     gconstpointer b);

/* The sort key of an enterprise's name: Vietnamese order over the name
 * without its legal form in front ("Công ty TNHH Bình An" sorts as
 * "Bình An"). */
char           *ward_enterprise_name_sort_key (const char *name);
/* TRUE when the row matches what the clerk typed, folded with
 * ward_text_fold(): words of the name or of the representative's name, or
 * digits of the tax code however they are grouped ("0100109106-001",
 * "0100 109"). */
gboolean        ward_enterprise_row_matches   (const WardEnterpriseRow *row,
                                               const char              *folded_needle);

/* ---- Spreadsheet exchange ----------------------------------------------- */

/* `ward-tracker-cli import enterprises FILE`: the columns Mã số doanh
 * nghiệp, Tên doanh nghiệp, Loại hình, Vốn điều lệ, Ngành nghề chính, Ngày
 * cấp, Địa chỉ, Tổ dân phố, Người đại diện, Tình trạng, Ghi chú, and
 * optionally Ngày đổi tình trạng, Trụ sở ngoài phường, Chuyển từ hộ kinh
 * doanh (English headers accepted). The natural key is the tax code. */
extern const WardImportKind ward_enterprises_import_kind;

G_END_DECLS
