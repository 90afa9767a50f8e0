/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-base-format"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-money.h"

#define NBSP "\xc2\xa0"

typedef struct
{
  const char *input;
  const char *expected;  /* the result, or the error message */
} ParseCase;

static void
test_format_number (void)
{
  static const struct { gint64 value; const char *expected; } cases[] = {
    { 0, "0" },
    { 5, "5" },
    { 999, "999" },
    { 1000, "1.000" },
    { 99999, "99.999" },
    { 1250000, "1.250.000" },
    { -1250000, "-1.250.000" },
    { -999, "-999" },
    { G_MAXINT64, "9.223.372.036.854.775.807" },
    { G_MININT64, "-9.223.372.036.854.775.808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = ward_format_number (cases[i].value);

      g_assert_cmpstr (number, ==, cases[i].expected);
    }
}

static void
test_format_money (void)
{
  static const struct { gint64 value; const char *expected; } cases[] = {
    { 1250000, "1.250.000 đ" },
    { 0, "0 đ" },
    { -500000, "-500.000 đ" },
    { WARD_MONEY_MAX, "999.999.999.999.999 đ" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *money = ward_format_money (cases[i].value);

      g_assert_cmpstr (money, ==, cases[i].expected);
    }
}

static void
test_format_decimal (void)
{
  static const struct { double value; int decimals; const char *decimal; const char *percent; } cases[] = {
    { 11.8, 1, "11,8", "11,8%" },
    { 11.8, 0, "12", "12%" },
    { 12.0, 1, "12", "12%" },
    { 100.0, 2, "100", "100%" },
    { 96.04, 1, "96", "96%" },
    { 85.26, 1, "85,3", "85,3%" },
    { 2.0 / 3.0, 2, "0,67", "0,67%" },
    { 1234.5, 2, "1.234,5", "1.234,5%" },
    { 1000000.0, 0, "1.000.000", "1.000.000%" },
    { -2.5, 1, "-2,5", "-2,5%" },
    { -0.04, 1, "0", "0%" },
    { 0.0, 3, "0", "0%" },
    { NAN, 1, "—", "—%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *decimal = ward_format_decimal (cases[i].value, cases[i].decimals);
      g_autofree char *percent = ward_format_percent (cases[i].value, cases[i].decimals);

      g_test_message ("%g with %d decimals", cases[i].value, cases[i].decimals);
      g_assert_cmpstr (decimal, ==, cases[i].decimal);
      g_assert_cmpstr (percent, ==, cases[i].percent);
    }
}

static void
test_format_decimal_ignores_locale (void)
{
  /* The machine's locale must not turn the comma into a point, whatever it is. */
  const char *previous = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (previous);
  g_autofree char *decimal = NULL;

  if (setlocale (LC_NUMERIC, "vi_VN.UTF-8") == NULL && setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }
  decimal = ward_format_decimal (1234.5, 1);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpstr (decimal, ==, "1.234,5");
}

static void
test_format_date (void)
{
  static const struct { const char *iso; const char *expected; } cases[] = {
    { "2026-02-05", "05/02/2026" },
    { "2025-09-17", "17/09/2025" },
    { "2024-02-29", "29/02/2024" },
    { "", "" },
    { NULL, "" },
    { "2026-02-30", "2026-02-30" },  /* not a date: shown as it is */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = ward_format_date (cases[i].iso);

      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

static void
test_format_money_short (void)
{
  static const struct { double dong; const char *expected; } cases[] = {
    { 95e6, "95 triệu" },
    { 95.5e6, "95,5 triệu" },
    { 1.2e9, "1,2 tỷ" },
    { 1.26e9, "1,3 tỷ" },
    { 500e3, "500 nghìn" },
    { 999.96e6, "1 tỷ" },
    { 1e6, "1 triệu" },
    { 1.5e12, "1.500 tỷ" },
    { -95e6, "-95 triệu" },
    { 500, "500 đ" },
    { 0, "0 đ" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ward_format_money_short (cases[i].dong);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_parse_date_valid (void)
{
  static const ParseCase cases[] = {
    { "05/02/2026", "2026-02-05" },
    { "5/2/2026", "2026-02-05" },
    { "05-02-2026", "2026-02-05" },
    { "05.02.2026", "2026-02-05" },
    { " 5.2.2026 ", "2026-02-05" },
    { "2026-02-05", "2026-02-05" },
    { "2026-2-5", "2026-02-05" },
    { "29/02/2024", "2024-02-29" },
    { "31/12/1930", "1930-12-31" },
    /* Excel day numbers, with Excel's 29/02/1900 skipped */
    { "1", "1900-01-01" },
    { "59", "1900-02-28" },
    { "61", "1900-03-01" },
    { "36526", "2000-01-01" },
    { "45000", "2023-03-15" },
    { "45000.5", "2023-03-15" },
    { "45000,75", "2023-03-15" },
    { "2958465", "9999-12-31" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_test_message ("“%s”", cases[i].input);
      g_assert_true (ward_parse_date (cases[i].input, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

static void
test_parse_date_invalid (void)
{
  static const ParseCase cases[] = {
    { "31/02/2026", "“31/02/2026” is not a real date: month 2 of 2026 has 28 days." },
    { "29/02/2025", "“29/02/2025” is not a real date: month 2 of 2025 has 28 days." },
    { "31/04/2026", "“31/04/2026” is not a real date: month 4 of 2026 has 30 days." },
    { "05/13/2026", "“05/13/2026” is not a real date: there is no month 13." },
    { "00/01/2026", "“00/01/2026” is not a real date: there is no day 0." },
    { "2026-02-30", "“2026-02-30” is not a real date: month 2 of 2026 has 28 days." },
    { "01/01/0000", "“01/01/0000” is not a real date: there is no year 0." },
    { "60", "“60” is Excel’s day number for 29/02/1900, a day that never was; "
            "write the date as dd/mm/yyyy." },
    { "0", "“0” is neither a date nor an Excel day number; write the date as dd/mm/yyyy." },
    { "2958466", "“2958466” is neither a date nor an Excel day number; "
                 "write the date as dd/mm/yyyy." },
    { "2026", "“2026” looks like a year; write the whole date as dd/mm/yyyy." },
    { "05/02/26", "“05/02/26” has a two-digit year; write the year with four digits, "
                  "as dd/mm/yyyy." },
    { "5/2", "“5/2” has no year; write the date as dd/mm/yyyy." },
    { "05.02", "“05.02” has no year; write the date as dd/mm/yyyy." },
    { "", "No date was given; write it as dd/mm/yyyy." },
    { "   ", "No date was given; write it as dd/mm/yyyy." },
    { "hôm nay", "“hôm nay” is not a date; write it as dd/mm/yyyy, for example 05/02/2026." },
    { "05/02-2026", "“05/02-2026” is not a date; write it as dd/mm/yyyy, for example 05/02/2026." },
    { "2026-02-05T10:00", "“2026-02-05T10:00” is not a date; write it as dd/mm/yyyy, "
                          "for example 05/02/2026." },
    { "05022026", "“05022026” is neither a date nor an Excel day number; "
                  "write the date as dd/mm/yyyy." },
    { "123/02/2026", "“123/02/2026” is not a date; write it as dd/mm/yyyy, "
                     "for example 05/02/2026." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *iso = NULL;

      g_test_message ("“%s”", cases[i].input);
      g_assert_false (ward_parse_date (cases[i].input, &iso, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].expected);
      g_assert_null (iso);
    }
}

static void
test_parse_money_valid (void)
{
  static const struct { const char *input; gint64 expected; } cases[] = {
    { "1.250.000", 1250000 },
    { "1,250,000", 1250000 },
    { "1250000", 1250000 },
    { "1.250.000 đ", 1250000 },
    { "1.250.000đ", 1250000 },
    { "1 250 000", 1250000 },
    { "1" NBSP "250" NBSP "000", 1250000 },
    { "1.250.000 VNĐ", 1250000 },
    { "1.250.000 VND", 1250000 },
    { "1.250.000 vnđ", 1250000 },
    { "1.250.000 đồng", 1250000 },
    { " 500 ₫ ", 500 },
    { "-1.250.000", -1250000 },
    { "-500đ", -500 },
    { "0", 0 },
    { "-0", 0 },
    { "1.000", 1000 },
    { "1,250", 1250 },
    { "999", 999 },
    { "1250000.00", 1250000 },  /* a zero decimal part is still whole đồng */
    { "1.250.000,00", 1250000 },
    { "999.999.999.999.999", WARD_MONEY_MAX },
    { "-999.999.999.999.999", -WARD_MONEY_MAX },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 dong = 42;

      g_test_message ("“%s”", cases[i].input);
      g_assert_true (ward_parse_money (cases[i].input, &dong, &error));
      g_assert_no_error (error);
      g_assert_cmpint (dong, ==, cases[i].expected);
    }
}

static void
test_parse_money_invalid (void)
{
  static const ParseCase cases[] = {
    { "1.250.000,50", "“1.250.000,50” has a fractional part; amounts are in whole đồng only." },
    { "1,250,000.50", "“1,250,000.50” has a fractional part; amounts are in whole đồng only." },
    { "12,5", "“12,5” has a fractional part; amounts are in whole đồng only." },
    { "1000000000000000", "“1000000000000000” is more than the largest amount accepted, "
                          "999.999.999.999.999 đ." },
    { "-1.000.000.000.000.000", "“-1.000.000.000.000.000” is more than the largest amount "
                                "accepted, 999.999.999.999.999 đ." },
    { "99999999999999999999999", "“99999999999999999999999” is more than the largest amount "
                                 "accepted, 999.999.999.999.999 đ." },
    { "1.25.000", "“1.25.000” has its thousands separators in the wrong places; "
                  "write it like 1.250.000." },
    { "1250.000.000", "“1250.000.000” has its thousands separators in the wrong places; "
                      "write it like 1.250.000." },
    { "1.250 000", "“1.250 000” has its thousands separators in the wrong places; "
                   "write it like 1.250.000." },
    { "1.250,000,5", "“1.250,000,5” has its thousands separators in the wrong places; "
                     "write it like 1.250.000." },
    { "abc", "“abc” is not an amount of money; write it in digits, like 1.250.000." },
    { "1.5 triệu", "“1.5 triệu” is not an amount of money; write it in digits, like 1.250.000." },
    { "1000-", "“1000-” is not an amount of money; write it in digits, like 1.250.000." },
    { "(1.000)", "“(1.000)” is not an amount of money; write it in digits, like 1.250.000." },
    { "+1000", "“+1000” is not an amount of money; write it in digits, like 1.250.000." },
    { "--5", "“--5” is not an amount of money; write it in digits, like 1.250.000." },
    { "1..000", "“1..000” is not an amount of money; write it in digits, like 1.250.000." },
    { "đ", "“đ” is not an amount of money; write it in digits, like 1.250.000." },
    { "", "No amount was given." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 dong = 42;

      g_test_message ("“%s”", cases[i].input);
      g_assert_false (ward_parse_money (cases[i].input, &dong, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].expected);
      g_assert_cmpint (dong, ==, 42);
    }
}

static void
test_parse_decimal (void)
{
  static const struct { const char *input; double expected; } valid[] = {
    { "11,8", 11.8 },
    { "11.8", 11.8 },
    { "11,8%", 11.8 },
    { "11,8 %", 11.8 },
    { "-2,5", -2.5 },
    { "0", 0.0 },
    { "100", 100.0 },
    { "96%", 96.0 },
    { "1.234,5", 1234.5 },
    { "1,234.5", 1234.5 },
    { "1.234.567", 1234567.0 },
    /* a lone '.' before three digits groups thousands, as Vietnamese write */
    { "1.234", 1234.0 },
    { "95.000", 95000.0 },
    { "0.125", 0.125 },
    { "1234.567", 1234.567 },
    { "1,234", 1.234 },
    { "11.85", 11.85 },
  };
  static const char *const invalid[] = { "", "abc", "1,2,3,4", "11,8%%", ".5", "5.", "nan", "1e5" };

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;

      g_test_message ("“%s”", valid[i].input);
      g_assert_true (ward_parse_decimal (valid[i].input, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, valid[i].expected, 1e-9);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = -1;

      g_test_message ("“%s”", invalid[i]);
      g_assert_false (ward_parse_decimal (invalid[i], &value, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpfloat (value, ==, -1);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ward_parse_decimal ("abc", NULL, &error));
    g_assert_cmpstr (error->message, ==, "“abc” is not a number; write it like 11,8.");
  }
}

static void
test_parse_bool (void)
{
  static const char *const yes[] = { "x", "X", "có", "Có", "CÓ", "co", "yes", "Y", "true", "TRUE", "1", " x " };
  static const char *const no[] = { "", "  ", "không", "Không", "KHÔNG", "khong", "no", "N", "false", "0" };
  static const char *const invalid[] = { "maybe", "2", "có không", "ok" };
  g_autoptr(GError) null_error = NULL;
  gboolean null_value = TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean value = FALSE;

      g_test_message ("“%s”", yes[i]);
      g_assert_true (ward_parse_bool (yes[i], &value, &error));
      g_assert_no_error (error);
      g_assert_true (value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean value = TRUE;

      g_test_message ("“%s”", no[i]);
      g_assert_true (ward_parse_bool (no[i], &value, &error));
      g_assert_no_error (error);
      g_assert_false (value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("“%s” is not a yes-or-no value; write x or "
                                                   "“có” for yes, leave it empty or write "
                                                   "“không” for no.", invalid[i]);

      g_assert_false (ward_parse_bool (invalid[i], NULL, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }

  g_assert_true (ward_parse_bool (NULL, &null_value, &null_error));
  g_assert_false (null_value);
}

static void
test_amount_in_words (void)
{
  static const struct { gint64 dong; const char *expected; } cases[] = {
    { 0, "Không đồng" },
    { 5, "Năm đồng" },
    { 10, "Mười đồng" },
    { 11, "Mười một đồng" },
    { 15, "Mười lăm đồng" },
    { 21, "Hai mươi mốt đồng" },
    { 24, "Hai mươi bốn đồng" },
    { 25, "Hai mươi lăm đồng" },
    { 100, "Một trăm đồng" },
    { 105, "Một trăm linh năm đồng" },
    { 110, "Một trăm mười đồng" },
    { 115, "Một trăm mười lăm đồng" },
    { 1005, "Một nghìn không trăm linh năm đồng" },
    { 1000005, "Một triệu không trăm linh năm đồng" },
    { 1050000, "Một triệu không trăm năm mươi nghìn đồng" },
    { 1250000, "Một triệu hai trăm năm mươi nghìn đồng" },
    { 95000000, "Chín mươi lăm triệu đồng" },
    { 1000000000, "Một tỷ đồng" },
    { 1000000001, "Một tỷ không trăm linh một đồng" },
    { G_GINT64_CONSTANT (1000000000000), "Một nghìn tỷ đồng" },
    { G_GINT64_CONSTANT (2005000000000), "Hai nghìn không trăm linh năm tỷ đồng" },
    { WARD_MONEY_MAX, "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
                      "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
                      "chín trăm chín mươi chín đồng" },
    { -1000, "Âm một nghìn đồng" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = ward_format_amount_in_words (cases[i].dong);

      g_assert_cmpstr (words, ==, cases[i].expected);
    }
}

/* At the limits of a gint64, where a wrapped total would land: words,
 * never NULL (issue 24: a disclosure list printed "Bằng chữ: (null)"). */
static void
test_amount_in_words_out_of_range (void)
{
  g_autofree char *most = ward_format_amount_in_words (G_MAXINT64);
  g_autofree char *least = ward_format_amount_in_words (G_MININT64);
  g_autofree char *entry = ward_format_amount_in_words (WARD_ENTRY_AMOUNT_MAX);

  g_assert_cmpstr (most, ==, "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm "
                             "ba mươi sáu tỷ tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn "
                             "tám trăm linh bảy đồng");
  g_assert_true (g_str_has_prefix (least, "Âm chín tỷ hai trăm"));
  g_assert_true (g_str_has_suffix (least, "tám trăm linh tám đồng"));
  g_assert_cmpstr (entry, ==, "Một nghìn tỷ đồng");
}

/* Sums that would wrap stop at the limit and say so. */
static void
test_money_add (void)
{
  gint64 total = 0;

  for (int i = 0; i < 9; i++)
    g_assert_true (ward_money_add (&total, G_MAXINT64 / 10));
  g_assert_cmpint (total, >, 0);
  g_assert_false (ward_money_add (&total, G_MAXINT64 / 5));
  g_assert_cmpint (total, ==, G_MAXINT64);
  total = G_MININT64 + 5;
  g_assert_false (ward_money_add (&total, -6));
  g_assert_cmpint (total, ==, G_MININT64);
  total = 9200000 * WARD_ENTRY_AMOUNT_MAX;
  g_assert_true (ward_money_add (&total, WARD_ENTRY_AMOUNT_MAX));
}

static void
test_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *before_iso = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *pinned = NULL;
  g_autofree char *real = NULL;
  g_autofree char *after_iso = NULL;
  g_autoptr(GDateTime) after = NULL;

  g_setenv ("WARD_TODAY", "2026-02-05", TRUE);
  pinned = ward_today_iso ();
  g_assert_cmpstr (pinned, ==, "2026-02-05");

  g_unsetenv ("WARD_TODAY");
  real = ward_today_iso ();
  after = g_date_time_new_now_local ();
  after_iso = g_date_time_format (after, "%Y-%m-%d");
  g_assert_true (g_str_equal (real, before_iso) || g_str_equal (real, after_iso));
}

static void
test_today_bad_pin (void)
{
  g_autofree char *today = NULL;
  g_autoptr(GDate) date = NULL;

  /* A bad pin is reported, and the real date is used. */
  g_setenv ("WARD_TODAY", "05/02/2026", TRUE);
  g_test_expect_message ("ward-format", G_LOG_LEVEL_WARNING,
                         "WARD_TODAY=05/02/2026 is not a yyyy-mm-dd date*");
  today = ward_today_iso ();
  g_test_assert_expected_messages ();
  g_unsetenv ("WARD_TODAY");

  date = ward_date_from_iso (today);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), >=, 2025);
}

static void
test_date_from_iso (void)
{
  static const char *const invalid[] = {
    "2026-02-30", "2026-2-5", "05/02/2026", "", "2026-02-05T00:00", "2026/02/05", "0000-01-01",
  };
  g_autoptr(GDate) date = ward_date_from_iso ("2026-02-05");

  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_day (date), ==, 5);
  g_assert_cmpint (g_date_get_month (date), ==, 2);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("“%s”", invalid[i]);
      g_assert_null (ward_date_from_iso (invalid[i]));
    }
  g_assert_null (ward_date_from_iso (NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_unsetenv ("WARD_TODAY");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/number", test_format_number);
  g_test_add_func ("/format/money", test_format_money);
  g_test_add_func ("/format/decimal", test_format_decimal);
  g_test_add_func ("/format/decimal-ignores-locale", test_format_decimal_ignores_locale);
  g_test_add_func ("/format/date", test_format_date);
  g_test_add_func ("/format/money-short", test_format_money_short);
  g_test_add_func ("/format/amount-in-words", test_amount_in_words);
  g_test_add_func ("/format/amount-in-words-out-of-range", test_amount_in_words_out_of_range);
  g_test_add_func ("/format/money-add", test_money_add);
  g_test_add_func ("/parse/date/valid", test_parse_date_valid);
  g_test_add_func ("/parse/date/invalid", test_parse_date_invalid);
  g_test_add_func ("/parse/money/valid", test_parse_money_valid);
  g_test_add_func ("/parse/money/invalid", test_parse_money_invalid);
  g_test_add_func ("/parse/decimal", test_parse_decimal);
  g_test_add_func ("/parse/bool", test_parse_bool);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/today-bad-pin", test_today_bad_pin);
  g_test_add_func ("/date/from-iso", test_date_from_iso);

  return g_test_run ();
}
