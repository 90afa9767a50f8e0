/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers, money, dates and percentages as Vietnamese offices write them.
 * Show: "1.250.000 đ", "11,8%", "05/02/2026". Parse: what clerks type and
 * what spreadsheets hold. Parsers return FALSE with a WARD_ERROR_INVALID
 * error whose message says what is wrong, in the user's language. */

/* The largest amount accepted anywhere: 999.999.999.999.999 đồng. */
#define WARD_MONEY_MAX G_GINT64_CONSTANT (999999999999999)

char     *ward_format_number        (gint64       value);          /* "1.250.000" */
char     *ward_format_money         (gint64       dong);           /* "1.250.000 đ" */
char     *ward_format_decimal       (double       value,
                                     int          max_decimals);   /* "11,8" ("12" if whole) */
char     *ward_format_percent       (double       value,
                                     int          max_decimals);   /* "11,8%" */
/* ISO "2026-02-05" -> "05/02/2026"; NULL or empty gives "". */
char     *ward_format_date          (const char  *iso_date);
/* Money in a short human form for chart axes: "95 triệu", "1,2 tỷ". */
char     *ward_format_money_short   (double       dong);

/* Accepts dd/mm/yyyy, d/m/yyyy (also with - or .), yyyy-mm-dd and Excel serial
 * day numbers (e.g. "45000"); writes ISO yyyy-mm-dd into @iso_out. */
gboolean  ward_parse_date           (const char  *text,
                                     char       **iso_out,
                                     GError     **error);
/* Accepts "1.250.000", "1,250,000", "1250000", "1.250.000 đ", "1.250.000đ",
 * "1 250 000", "1.250.000 VNĐ"; whole đồng only; negative allowed only
 * with a leading '-'. */
gboolean  ward_parse_money          (const char  *text,
                                     gint64      *dong_out,
                                     GError     **error);
/* Accepts "11,8", "11.8", "11,8%", "-2,5". */
gboolean  ward_parse_decimal        (const char  *text,
                                     double      *value_out,
                                     GError     **error);
/* Accepts x, có, co, yes, y, true, 1 / không, khong, no, n, false, 0, "" (FALSE). */
gboolean  ward_parse_bool           (const char  *text,
                                     gboolean    *value_out,
                                     GError     **error);

/* "Một triệu hai trăm năm mươi nghìn đồng" (capitalised, ends with "đồng"),
 * for any gint64. */
char     *ward_format_amount_in_words (gint64     dong);

/* Today's date as ISO text, honouring WARD_TODAY=yyyy-mm-dd when set
 * (tests and reports pin the date through it). */
char     *ward_today_iso            (void);
GDate    *ward_date_from_iso        (const char  *iso_date);

G_END_DECLS
