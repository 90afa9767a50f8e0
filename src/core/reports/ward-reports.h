/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "report/ward-report.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The six reports a ward secretary prints, built from the store onto the
 * layout engine (ward-report.h): the same WardReport is previewed, printed
 * and written as PDF. Their fixed texts are Vietnamese whatever the user's
 * language: they are official documents.
 *
 * Party documents (targets, programme, members, enterprises) carry the
 * heading of Hướng dẫn 36-HD/VPTW; the Fatherland Front's (donations,
 * receipt) the national heading. */

typedef enum
{
  WARD_REPORT_KIND_TARGETS,      /* kết quả thực hiện các chỉ tiêu Nghị quyết */
  WARD_REPORT_KIND_PROGRAMME,    /* tiến độ chương trình hành động */
  WARD_REPORT_KIND_ADMISSIONS,   /* kết nạp đảng viên */
  WARD_REPORT_KIND_ENTERPRISES,  /* doanh nghiệp thành lập mới */
  WARD_REPORT_KIND_DONATIONS,    /* danh sách công khai ủng hộ, with its summary */
  WARD_REPORT_KIND_RECEIPT,      /* biên lai of one donation */
} WardReportKind;

#define WARD_REPORT_N_KINDS (WARD_REPORT_KIND_RECEIPT + 1)

/* "targets", "programme", "members", "enterprises", "donations", "receipt":
 * the names of `ward-tracker-cli report NAME`. */
const char *ward_report_kind_to_name   (WardReportKind  kind);
gboolean    ward_report_kind_from_name (const char     *name,
                                        WardReportKind *kind_out);

/* Who issues and signs the reports: the ward's Preferences. The caller
 * fills it; any field left NULL is taken from the ward as the seed set it
 * (ward_report_settings_fill_from_store()) or from a built-in default.
 *
 * The window reads the GSettings schema of the application; the CLI the
 * same schema when it is installed (g_settings_schema_source_lookup()),
 * else the ward table alone. Bodies are printed as given: the heading
 * wants them in capitals ("ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN"). */
typedef struct
{
  char  *parent_body;            /* "ĐẢNG BỘ TỈNH THANH HÓA" */
  char  *party_body;             /* "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN" */
  char  *place_name;             /* "Đông Sơn", before the date */
  char  *front_parent_body;      /* "ỦY BAN MTTQ VIỆT NAM" */
  char  *front_body;             /* "PHƯỜNG ĐÔNG SƠN" */
  char  *party_signatory_title;  /* "BÍ THƯ" */
  char  *party_signatory_name;   /* "" leaves the name blank */
  char  *front_signatory_title;  /* "CHỦ TỊCH" */
  char  *front_signatory_name;
  char **recipients;             /* "Nơi nhận" of Party reports, one per line, as
                                  * "Ban Thường vụ Tỉnh ủy (để b/c)" */
} WardReportSettings;

WardReportSettings *ward_report_settings_new             (void);
void                ward_report_settings_free            (WardReportSettings *settings);
WardReportSettings *ward_report_settings_copy            (const WardReportSettings *settings);
/* Takes from @gsettings (a settings object of the application's schema:
 * "parent-body", "party-body", "place-name", "front-parent-body",
 * "front-body", "party-signatory-title", "party-signatory-name",
 * "front-signatory-title", "front-signatory-name", "report-recipients")
 * every key the user has set, and the defaults of the keys the ward table
 * does not hold. The bodies and the place the user left at their default
 * are left NULL, for ward_report_settings_fill_from_store() to take from
 * the ward the file was seeded for. */
void                ward_report_settings_apply_gsettings (WardReportSettings *settings,
                                                          GSettings          *gsettings);
/* Fills the fields still NULL from the ward table (the bodies in
 * capitals, the place name), then from built-in defaults. */
gboolean            ward_report_settings_fill_from_store (WardReportSettings *settings,
                                                          WardStore          *store,
                                                          GError            **error);

/* What a report is about. Zeroed, it asks for the defaults. */
typedef struct
{
  const char *today;           /* the report's date, ISO; NULL: ward_today_iso() */
  int         year;            /* targets: the period; 0: the year of @today */
  gboolean    first_half;      /* targets: its first six months only */
  const char *campaign;        /* donations, receipt: the campaign's name; NULL: the default one */
  const char *receipt_number;  /* receipt: required */
} WardReportOptions;

/* Reads a period as the CLI takes it, "2026" or "2026-H1" (and what
 * readings accept: "6 tháng đầu năm 2026", "H1/2026"), and refuses one
 * outside the term of the store's resolution, with WARD_ERROR_INVALID. */
gboolean    ward_reports_parse_period    (WardStore          *store,
                                          const char         *text,
                                          int                *year_out,
                                          gboolean           *first_half_out,
                                          GError            **error);
/* "năm 2026", "6 tháng đầu năm 2026". */
char       *ward_reports_format_period   (int                 year,
                                          gboolean            first_half);

/* Builds the report of @kind; @settings must be filled (see above).
 * WARD_ERROR_INVALID for a period outside the term or a receipt without a
 * number, WARD_ERROR_NOT_FOUND for an unknown campaign or receipt. */
WardReport *ward_reports_build           (WardStore                *store,
                                          WardReportKind            kind,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);

/* A file name for the report: "bao-cao-chi-tieu-2026.pdf",
 * "danh-sach-cong-khai-ung-ho.pdf", "bien-lai-12.pdf". */
char       *ward_reports_suggest_filename (WardReportKind           kind,
                                           const WardReportOptions *options);

/* The reports one by one; ward_reports_build() calls them. @today is ISO. */
WardReport *ward_reports_targets         (WardStore                *store,
                                          const WardReportSettings *settings,
                                          int                       year,
                                          gboolean                  first_half,
                                          const char               *today,
                                          GError                  **error);
WardReport *ward_reports_programme       (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const char               *today,
                                          GError                  **error);
WardReport *ward_reports_admissions      (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const char               *today,
                                          GError                  **error);
WardReport *ward_reports_enterprises     (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const char               *today,
                                          GError                  **error);
WardReport *ward_reports_donations       (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const char               *campaign,
                                          const char               *today,
                                          GError                  **error);
WardReport *ward_reports_receipt         (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const char               *campaign,
                                          const char               *receipt_number,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReportSettings, ward_report_settings_free)

G_END_DECLS
