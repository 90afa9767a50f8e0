/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reports/ward-reports.h"

G_BEGIN_DECLS

/* What the reports share: their headings, signatures and figures. */

/* The date the document carries: the signing's, else today (ISO). */
const char *ward_reports_document_date (const WardReportOptions  *options);

/* Party heading: the parent body over the ward's Party committee, "*" and
 * "Số 12-@number_suffix" (the signing's number, or a blank to fill in by
 * hand); on the right "ĐẢNG CỘNG SẢN VIỆT NAM" and the place and date. */
void  ward_reports_set_party_heading   (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const WardReportOptions  *options,
                                        const char               *number_suffix);
/* The Fatherland Front's heading (Nghị định 30/2020/NĐ-CP as the Front's
 * guidance applies it): "ỦY BAN MTTQ VIỆT NAM / PHƯỜNG ĐÔNG SƠN" over
 * "BAN THƯỜNG TRỰC", the body that signs, a short rule and "Số: 12/
 * @number_suffix"; the national heading on the right. */
void  ward_reports_set_front_heading   (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const WardReportOptions  *options,
                                        const char               *number_suffix);
/* "T/M ĐẢNG ỦY", the signer's position and name (the signing's, else the
 * Preferences'); the recipients of the settings as "Nơi nhận". */
void  ward_reports_set_party_signature (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const WardReportOptions  *options);
/* "TM. BAN THƯỜNG TRỰC", the Front's signer, and @recipients. */
void  ward_reports_set_front_signature (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const WardReportOptions  *options,
                                        const char * const       *recipients);

/* 100 × @part / @whole as "16,5" (one decimal), "" when @whole is 0. */
char *ward_reports_format_share        (double                    part,
                                        double                    whole);
/* "Tháng 02/2026" from an ISO date. */
char *ward_reports_format_month        (const char               *iso_date);

G_END_DECLS
