/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "report/ward-report.h"
#include "reports/ward-reports-period.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The reports a ward secretary prints, built from the store onto the
 * layout engine (ward-report.h): the same WardReport is previewed, printed,
 * written as PDF and, its tables, as an Excel workbook. Their fixed texts
 * are Vietnamese whatever the user's language: they are official documents.
 *
 * Party documents (targets, programme, members, enterprises) carry the
 * heading of Hướng dẫn 36-HD/VPTW; the Fatherland Front's (donations,
 * receipt) the national heading of Nghị định 30/2020/NĐ-CP. Every report
 * covers a period (ward-reports-period.h) and is signed by the signer the
 * clerk chose for its kind (WardReportSigning), under the number and date
 * given for it. */

typedef enum
{
  WARD_REPORT_KIND_TARGETS,      /* kết quả thực hiện các chỉ tiêu Nghị quyết */
  WARD_REPORT_KIND_PROGRAMME,    /* tiến độ chương trình hành động */
  WARD_REPORT_KIND_ADMISSIONS,   /* kết nạp đảng viên, by chi bộ */
  WARD_REPORT_KIND_ENTERPRISES,  /* doanh nghiệp thành lập mới */
  WARD_REPORT_KIND_DONATIONS,    /* danh sách công khai ủng hộ, with its summary */
  WARD_REPORT_KIND_RECEIPT,      /* biên lai: one receipt, or a period's, A5 two to a sheet */
  WARD_REPORT_KIND_DONATIONS_BY_GROUP, /* the disclosure list, each group on its own page */
  WARD_REPORT_KIND_STUDY,        /* kết quả học tập, quán triệt Nghị quyết Đại hội */
} WardReportKind;

#define WARD_REPORT_N_KINDS (WARD_REPORT_KIND_STUDY + 1)

/* "targets", "programme", "members", "enterprises", "donations", "receipt",
 * "donations-by-group": the names of `ward-tracker-cli report NAME`. */
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

/* How the signer signs (Hướng dẫn 36-HD/VPTW, Mục II, điểm 1.7.1 for the
 * Party's "T/M", "K/T"; Nghị định 30/2020/NĐ-CP, Điều 13 and Phụ lục I for
 * the state's "TM.", "KT.", "Q."), printed above the signer's position. */
typedef enum
{
  WARD_SIGNER_DEFAULT,    /* the kind's usual: on behalf of the committee */
  WARD_SIGNER_DIRECT,     /* the position alone: the head of a body signs */
  WARD_SIGNER_ON_BEHALF,  /* T/M (Party), TM. (state, Front): for a collective body */
  WARD_SIGNER_DEPUTY,     /* K/T, KT.: the deputy signs for the head */
  WARD_SIGNER_ACTING,     /* Q.: acting in the head's position */
} WardSignerAuthority;

/* "", "none", "T/M", "K/T", "Q.": what the CLI and the settings hold. */
const char *ward_signer_authority_to_string (WardSignerAuthority  authority);
/* Accepts the above and "TM", "TM.", "KT", "KT.", "Q", "ký trực tiếp". */
gboolean    ward_signer_authority_parse     (const char          *text,
                                             WardSignerAuthority *authority_out,
                                             GError             **error);

/* Who signs a report, its number and its date: set per kind of report
 * (the window's Print dialog, `report --signer --number --date`) and
 * remembered per kind. Empty fields fall back on the Preferences (the
 * signatory's name and title) and on the day the report is made. */
typedef struct
{
  char                *name;      /* "Nguyễn Văn An" */
  char                *position;  /* "PHÓ BÍ THƯ"; NULL: the Preferences' title */
  WardSignerAuthority  authority;
  char                *number;    /* "12", or "12-BC/ĐU" as printed after "Số" */
  char                *date;      /* ISO; NULL: the day the report is made */
} WardReportSigning;

void        ward_report_signing_clear      (WardReportSigning  *signing);
/* The settings that remember @kind's signing and period: the relocatable
 * schema "<application id>.Report" at "<the application's path>reports/
 * <name>/". NULL when the schema is not installed. */
GSettings  *ward_report_kind_settings_new  (WardReportKind      kind);
void        ward_report_signing_load       (WardReportSigning  *signing,
                                            GSettings          *kind_settings);
void        ward_report_signing_save       (const WardReportSigning *signing,
                                            GSettings          *kind_settings);

/* What a report is about. Zeroed, it asks for the defaults. */
typedef struct
{
  const char              *today;           /* ISO; NULL: ward_today_iso() */
  const WardReportPeriod  *period;          /* NULL: the kind's default (ward_reports_default_period()) */
  const char              *campaign;        /* donations, receipt: the campaign's name; NULL: the default one */
  const char              *receipt_number;  /* receipt: one receipt; NULL: every receipt of @period */
  const WardReportSigning *signing;         /* NULL: the Preferences, today */
} WardReportOptions;

/* The period a kind covers unless told: the year of @today_iso for the
 * targets, the whole term for the others. */
gboolean    ward_reports_default_period  (WardStore          *store,
                                          WardReportKind      kind,
                                          const char         *today_iso,
                                          WardReportPeriod   *period_out,
                                          GError            **error);

/* Builds the report of @kind; @settings must be filled (see above).
 * WARD_ERROR_INVALID for a bad date or a period with no receipt to print,
 * WARD_ERROR_NOT_FOUND for an unknown campaign or receipt. */
WardReport *ward_reports_build           (WardStore                *store,
                                          WardReportKind            kind,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);

/* A file name for the report, without its extension: "bao-cao-chi-tieu-2026",
 * "danh-sach-cong-khai-ung-ho-2026-h2", "bien-lai-12". */
char       *ward_reports_suggest_basename (WardReportKind           kind,
                                           const WardReportOptions *options);

/* The reports one by one; ward_reports_build() calls them with @options
 * complete: today, the period and the signing set. */
WardReport *ward_reports_targets         (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_programme       (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_admissions      (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_enterprises     (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_donations       (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_donations_by_group (WardStore             *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_study           (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);
WardReport *ward_reports_receipt         (WardStore                *store,
                                          const WardReportSettings *settings,
                                          const WardReportOptions  *options,
                                          GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReportSettings, ward_report_settings_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WardReportSigning, ward_report_signing_clear)

G_END_DECLS
