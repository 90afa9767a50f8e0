/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reports/ward-reports.h"

G_BEGIN_DECLS

/* What the six reports share: their headings, signatures and figures. */

/* Party heading: the parent body over the ward's Party committee, "*" and
 * "Số    -@number_suffix" ("BC/ĐU"); on the right "ĐẢNG CỘNG SẢN VIỆT
 * NAM" and the place and @date_iso. */
void  ward_reports_set_party_heading   (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const char               *number_suffix,
                                        const char               *date_iso);
/* The Fatherland Front's heading: its bodies on the left, the national
 * heading on the right. @number (may be NULL) as printed. */
void  ward_reports_set_front_heading   (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const char               *number,
                                        const char               *date_iso);
/* "T/M ĐẢNG ỦY", the signatory's title and name; the recipients of the
 * settings as "Nơi nhận". */
void  ward_reports_set_party_signature (WardReport               *report,
                                        const WardReportSettings *settings);
/* "T/M BAN THƯỜNG TRỰC", the Front's signatory, and @recipients. */
void  ward_reports_set_front_signature (WardReport               *report,
                                        const WardReportSettings *settings,
                                        const char * const       *recipients);

/* 100 × @part / @whole as "16,5" (one decimal), "" when @whole is 0. */
char *ward_reports_format_share        (double                    part,
                                        double                    whole);
/* "Tháng 02/2026" from an ISO date. */
char *ward_reports_format_month        (const char               *iso_date);

G_END_DECLS
