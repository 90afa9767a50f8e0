/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-format"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"

/* The formats are the Vietnamese office conventions ('.' groups thousands,
 * ',' marks decimals, "đ" after money) whatever the interface language, so
 * the unit words below are not translated: a document in Vietnamese keeps
 * them. Only the error messages are. */

#define EXCEL_SERIAL_MAX   2958465  /* 31/12/9999 */
#define EXCEL_SERIAL_BOGUS 60       /* 29/02/1900, which Excel believes in */
#define NO_VALUE           "—"

typedef enum
{
  NUMBER_OK,
  NUMBER_GARBAGE,
  NUMBER_BAD_GROUPING,
} NumberResult;

static void
append_grouped_digits (GString    *out,
                       const char *digits,
                       gsize       n_digits)
{
  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

char *
ward_format_number (gint64 value)
{
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  char digits[32];
  GString *out = g_string_new (NULL);

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped_digits (out, digits, strlen (digits));
  return g_string_free (out, FALSE);
}

char *
ward_format_money (gint64 dong)
{
  g_autofree char *number = ward_format_number (dong);

  return g_strconcat (number, " đ", NULL);
}

/* Not-a-number and infinities (a rate over an empty base) show as a dash. */
char *
ward_format_decimal (double value,
                     int    max_decimals)
{
  char format[16];
  char buffer[512];
  const char *p = buffer;
  const char *integer;
  gsize n_integer;
  gsize n_fraction = 0;
  gboolean negative = FALSE;
  GString *out;

  if (!isfinite (value))
    return g_strdup (NO_VALUE);

  max_decimals = CLAMP (max_decimals, 0, 9);
  g_snprintf (format, sizeof format, "%%.%df", max_decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  integer = p;
  n_integer = strspn (integer, "0123456789");
  if (integer[n_integer] == '.')
    {
      const char *fraction = integer + n_integer + 1;

      n_fraction = strlen (fraction);
      while (n_fraction > 0 && fraction[n_fraction - 1] == '0')
        n_fraction--;
    }

  /* "-0" after rounding is plain zero. */
  if (n_fraction == 0 && strspn (integer, "0") == n_integer)
    negative = FALSE;

  out = g_string_new (negative ? "-" : NULL);
  append_grouped_digits (out, integer, n_integer);
  if (n_fraction > 0)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, integer + n_integer + 1, n_fraction);
    }
  return g_string_free (out, FALSE);
}

char *
ward_format_percent (double value,
                     int    max_decimals)
{
  g_autofree char *number = ward_format_decimal (value, max_decimals);

  return g_strconcat (number, "%", NULL);
}

char *
ward_format_date (const char *iso_date)
{
  g_autoptr(GDate) date = NULL;

  if (iso_date == NULL || iso_date[0] == '\0')
    return g_strdup ("");

  date = ward_date_from_iso (iso_date);
  if (date == NULL)
    return g_strdup (iso_date);

  return g_strdup_printf ("%02d/%02d/%04d",
                          g_date_get_day (date),
                          g_date_get_month (date),
                          g_date_get_year (date));
}

/* The unit is chosen after rounding, so 999.960.000 reads "1 tỷ" rather
 * than "1.000 triệu". Amounts above a thousand tỷ stay in tỷ ("1.500 tỷ"),
 * as the press writes them. */
char *
ward_format_money_short (double dong)
{
  static const struct { double unit; const char *word; } units[] = {
    { 1e9, "tỷ" },
    { 1e6, "triệu" },
    { 1e3, "nghìn" },
  };
  g_autofree char *number = NULL;

  if (!isfinite (dong))
    return g_strdup (NO_VALUE);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double scaled = dong / units[i].unit;

      if (round (fabs (scaled) * 10.0) >= 10.0)
        {
          number = ward_format_decimal (scaled, 1);
          return g_strconcat (number, " ", units[i].word, NULL);
        }
    }

  number = ward_format_decimal (dong, 0);
  return g_strconcat (number, " đ", NULL);
}

/* Normalised input for a parser: NULL reads as empty; FALSE with an error
 * for bytes that are not text. */
static gboolean
prepare_input (const char  *text,
               char       **input_out,
               GError     **error)
{
  char *input = ward_text_normalize (text != NULL ? text : "");

  if (input == NULL)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("The value contains characters that cannot be read."));
      return FALSE;
    }
  *input_out = input;
  return TRUE;
}

/* Reads up to nine digits. */
static gboolean
read_digits (const char **p,
             int         *value_out,
             int         *n_digits_out)
{
  int value = 0;
  int n = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > 9)
        return FALSE;
      value = value * 10 + (**p - '0');
      (*p)++;
    }
  *value_out = value;
  *n_digits_out = n;
  return n > 0;
}

static gboolean
check_date (const char  *input,
            int          day,
            int          month,
            int          year,
            char       **iso_out,
            GError     **error)
{
  if (year < 1)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a real date: there is no year 0."), input);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a real date: there is no month %d."), input, month);
      return FALSE;
    }
  if (day < 1)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a real date: there is no day 0."), input);
      return FALSE;
    }
  if (day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a real date: month %d of %d has %d days."),
                   input, month, year, g_date_get_days_in_month (month, year));
      return FALSE;
    }

  if (iso_out != NULL)
    *iso_out = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

/* Excel counts days from 1 = 01/01/1900 and, copying Lotus 1-2-3, believes
 * in 29/02/1900 (day 60); from day 61 on, its count is one ahead. */
static gboolean
parse_excel_serial (const char  *input,
                    int          serial,
                    char       **iso_out,
                    GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (serial == EXCEL_SERIAL_BOGUS)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is Excel’s day number for 29/02/1900, a day that never was; "
                     "write the date as dd/mm/yyyy."), input);
      return FALSE;
    }
  if (serial < 1 || serial > EXCEL_SERIAL_MAX)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is neither a date nor an Excel day number; write the date as dd/mm/yyyy."),
                   input);
      return FALSE;
    }

  date = g_date_new_dmy (serial < EXCEL_SERIAL_BOGUS ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, serial);
  return check_date (input, g_date_get_day (date), g_date_get_month (date),
                     g_date_get_year (date), iso_out, error);
}

static gboolean
set_date_format_error (const char  *input,
                       GError     **error)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is not a date; write it as dd/mm/yyyy, for example 05/02/2026."), input);
  return FALSE;
}

/* A bare number is an Excel day number. Four digits that read as a year are
 * refused rather than taken as a day of 1905. */
static gboolean
parse_bare_number (const char  *input,
                   int          number,
                   int          n_digits,
                   char       **iso_out,
                   GError     **error)
{
  if (n_digits == 4 && number >= 1900 && number <= 2100)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” looks like a year; write the whole date as dd/mm/yyyy."), input);
      return FALSE;
    }

  return parse_excel_serial (input, number, iso_out, error);
}

gboolean
ward_parse_date (const char  *text,
                 char       **iso_out,
                 GError     **error)
{
  g_autofree char *input = NULL;
  const char *p;
  char separator;
  int a, b, c;
  int na, nb, nc;

  if (!prepare_input (text, &input, error))
    return FALSE;
  if (input[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("No date was given; write it as dd/mm/yyyy."));
      return FALSE;
    }

  p = input;
  if (!read_digits (&p, &a, &na))
    return set_date_format_error (input, error);
  if (*p == '\0')
    return parse_bare_number (input, a, na, iso_out, error);

  separator = *p++;
  /* An Excel day number with a time of day: "45000.5". */
  if ((separator == '.' || separator == ',') && na >= 3
      && *p != '\0' && strspn (p, "0123456789") == strlen (p))
    return parse_excel_serial (input, a, iso_out, error);

  if (strchr ("/-.", separator) == NULL || !read_digits (&p, &b, &nb))
    return set_date_format_error (input, error);
  if (*p == '\0' && na <= 2 && nb <= 2)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” has no year; write the date as dd/mm/yyyy."), input);
      return FALSE;
    }
  if (*p++ != separator || !read_digits (&p, &c, &nc) || *p != '\0')
    return set_date_format_error (input, error);

  if (na == 4 && nb <= 2 && nc <= 2)
    return check_date (input, c, b, a, iso_out, error);
  if (na > 2 || nb > 2)
    return set_date_format_error (input, error);
  if (nc == 2)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” has a two-digit year; write the year with four digits, as dd/mm/yyyy."),
                   input);
      return FALSE;
    }
  if (nc != 4)
    return set_date_format_error (input, error);

  return check_date (input, a, b, c, iso_out, error);
}

static gboolean
is_group_separator (char c)
{
  return c == '.' || c == ',' || c == ' ';
}

/* Checks "1.250.000"-style grouping of @text[0..@len) and copies the digits
 * to @digits. Groups after the first have exactly three digits. */
static NumberResult
collect_grouped_digits (const char *text,
                        gsize       len,
                        GString    *digits)
{
  char separator = '\0';
  gsize group = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (text[i]))
        {
          g_string_append_c (digits, text[i]);
          group++;
          continue;
        }
      if (separator != '\0' && text[i] != separator)
        return NUMBER_BAD_GROUPING;
      if (group > 3 || (separator != '\0' && group != 3))
        return NUMBER_BAD_GROUPING;
      separator = text[i];
      group = 0;
    }

  if (separator != '\0' && group != 3)
    return NUMBER_BAD_GROUPING;
  return NUMBER_OK;
}

/* Splits a number written with thousands separators and maybe a decimal
 * part. When both '.' and ',' appear, the last one marks the decimals. A
 * single separator followed by exactly three digits groups thousands, as in
 * Vietnamese writing: for money any such separator ("1,250" is 1250, whole
 * đồng being the rule); for other numbers a '.' after one to three digits
 * other than 0 ("1.234" is 1234, "0.125" and "11.8" are decimals), while ','
 * always marks decimals ("1,234" is 1.234). */
static NumberResult
split_number (const char *text,
              gboolean    money,
              GString    *integer,
              GString    *fraction)
{
  gsize len = strlen (text);
  const char *last_dot = strrchr (text, '.');
  const char *last_comma = strrchr (text, ',');
  const char *decimal = NULL;
  const char *last = last_dot;

  if (len == 0 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[len - 1]))
    return NUMBER_GARBAGE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !is_group_separator (text[i]))
        return NUMBER_GARBAGE;
      if (is_group_separator (text[i]) && is_group_separator (text[i + 1]))
        return NUMBER_GARBAGE;
    }

  if (last == NULL || (last_comma != NULL && last_comma > last_dot))
    last = last_comma;
  if (last_dot != NULL && last_comma != NULL)
    decimal = last;
  else if (last != NULL && strchr (text, *last) == last)
    {
      gsize n_before = last - text;
      gboolean groups = strlen (last + 1) == 3 && strchr (last + 1, ' ') == NULL;

      if (!money)
        groups = groups && *last == '.' && n_before <= 3 && strspn (text, "0") < n_before;
      if (!groups)
        decimal = last;
    }

  if (decimal != NULL)
    {
      if (strchr (text, *decimal) != decimal || strchr (decimal + 1, ' ') != NULL)
        return NUMBER_BAD_GROUPING;
      g_string_append (fraction, decimal + 1);
      len = decimal - text;
    }

  return collect_grouped_digits (text, len, integer);
}

static void
set_money_error (const char  *input,
                 NumberResult result,
                 GError     **error)
{
  if (result == NUMBER_BAD_GROUPING)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” has its thousands separators in the wrong places; "
                   "write it like 1.250.000."), input);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is not an amount of money; write it in digits, like 1.250.000."),
                 input);
}

/* Removes one currency word at the end of folded text: đ, ₫, đồng, VNĐ, VND. */
static void
strip_currency (char *folded)
{
  static const char *const suffixes[] = { "vnd", "dong", "\xe2\x82\xab", "d" };
  gsize len = strlen (folded);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (folded, suffixes[i]))
        {
          len -= strlen (suffixes[i]);
          folded[len] = '\0';
          break;
        }
    }
  while (len > 0 && folded[len - 1] == ' ')
    folded[--len] = '\0';
}

static gboolean
digits_to_dong (const char  *input,
                const char  *digits,
                guint64     *value_out,
                GError     **error)
{
  guint64 value = 0;

  digits += strspn (digits, "0");
  if (strlen (digits) > 15)
    value = G_MAXUINT64;
  else
    for (const char *p = digits; *p != '\0'; p++)
      value = value * 10 + (guint64) (*p - '0');

  if (value > (guint64) WARD_MONEY_MAX)
    {
      g_autofree char *max = ward_format_money (WARD_MONEY_MAX);

      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is more than the largest amount accepted, %s."), input, max);
      return FALSE;
    }
  *value_out = value;
  return TRUE;
}

gboolean
ward_parse_money (const char  *text,
                  gint64      *dong_out,
                  GError     **error)
{
  g_autofree char *input = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) integer = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);
  const char *body;
  NumberResult result;
  guint64 value;

  if (!prepare_input (text, &input, error))
    return FALSE;
  if (input[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, _("No amount was given."));
      return FALSE;
    }

  folded = ward_text_fold (input);
  strip_currency (folded);
  body = folded[0] == '-' ? folded + 1 : folded;

  result = split_number (body, TRUE, integer, fraction);
  if (result != NUMBER_OK)
    {
      set_money_error (input, result, error);
      return FALSE;
    }
  if (strspn (fraction->str, "0") != fraction->len)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” has a fractional part; amounts are in whole đồng only."), input);
      return FALSE;
    }
  if (!digits_to_dong (input, integer->str, &value, error))
    return FALSE;

  if (dong_out != NULL)
    *dong_out = body != folded ? -(gint64) value : (gint64) value;
  return TRUE;
}

/* "11,8%" reads as 11.8: the sign only says the value is a percentage. */
gboolean
ward_parse_decimal (const char  *text,
                    double      *value_out,
                    GError     **error)
{
  g_autofree char *input = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) integer = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);
  gboolean negative;
  gsize len;

  if (!prepare_input (text, &input, error))
    return FALSE;
  if (input[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, _("No number was given."));
      return FALSE;
    }

  number = g_strdup (input);
  len = strlen (number);
  if (len > 0 && number[len - 1] == '%')
    number[--len] = '\0';
  while (len > 0 && number[len - 1] == ' ')
    number[--len] = '\0';
  negative = number[0] == '-';

  if (split_number (number + (negative ? 1 : 0), FALSE, integer, fraction) != NUMBER_OK)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a number; write it like 11,8."), input);
      return FALSE;
    }

  g_string_prepend (integer, negative ? "-" : "");
  g_string_append_c (integer, '.');
  g_string_append (integer, fraction->len > 0 ? fraction->str : "0");
  if (value_out != NULL)
    *value_out = g_ascii_strtod (integer->str, NULL);
  return TRUE;
}

gboolean
ward_parse_bool (const char  *text,
                 gboolean    *value_out,
                 GError     **error)
{
  static const char *const yes[] = { "x", "co", "yes", "y", "true", "1" };
  static const char *const no[] = { "", "khong", "no", "n", "false", "0" };
  g_autofree char *input = NULL;
  g_autofree char *folded = NULL;

  if (!prepare_input (text, &input, error))
    return FALSE;
  folded = ward_text_fold (input);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_str_equal (folded, yes[i]))
        {
          if (value_out != NULL)
            *value_out = TRUE;
          return TRUE;
        }
      if (g_str_equal (folded, no[i]))
        {
          if (value_out != NULL)
            *value_out = FALSE;
          return TRUE;
        }
    }

  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is not a yes-or-no value; write x or “có” for yes, "
                 "leave it empty or write “không” for no."), input);
  return FALSE;
}

static void
append_word (GString    *out,
             const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

static const char *const digit_words[] = {
  "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
};

/* Reads 1..999. @full means a higher group was read before, so the hundreds
 * and a zero tens digit are spoken: 1.000.005 is "một triệu không trăm linh
 * năm", the form receipts and accounting software write. Units after the
 * tens: "mốt" for 1 (from twenty on), "lăm" for 5, "bốn" (not "tư") for 4. */
static void
append_group_words (GString  *out,
                    guint     group,
                    gboolean  full)
{
  guint hundreds = group / 100;
  guint tens = group / 10 % 10;
  guint units = group % 10;

  if (full || hundreds > 0)
    {
      append_word (out, digit_words[hundreds]);
      append_word (out, "trăm");
    }

  if (tens == 0)
    {
      if (units > 0 && (full || hundreds > 0))
        append_word (out, "linh");
      if (units > 0)
        append_word (out, digit_words[units]);
      return;
    }

  if (tens == 1)
    append_word (out, "mười");
  else
    {
      append_word (out, digit_words[tens]);
      append_word (out, "mươi");
    }

  if (units == 1 && tens >= 2)
    append_word (out, "mốt");
  else if (units == 5)
    append_word (out, "lăm");
  else if (units > 0)
    append_word (out, digit_words[units]);
}

/* Groups of a number below one tỷ; zero groups are skipped whole. */
static void
append_below_ty_words (GString  *out,
                       guint64   value,
                       gboolean  full)
{
  static const char *const scales[] = { "triệu", "nghìn", NULL };
  guint groups[] = { value / 1000000, value / 1000 % 1000, value % 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (groups[i] == 0)
        continue;
      append_group_words (out, groups[i], full);
      if (scales[i] != NULL)
        append_word (out, scales[i]);
      full = TRUE;
    }
}

/* Above a thousand tỷ the count of tỷ is read as a number of its own:
 * 1.500.000.000.000 is "một nghìn năm trăm tỷ". */
static void
append_number_words (GString  *out,
                     guint64   value,
                     gboolean  full)
{
  if (value >= 1000000000)
    {
      append_number_words (out, value / 1000000000, full);
      append_word (out, "tỷ");
      append_below_ty_words (out, value % 1000000000, TRUE);
      return;
    }
  append_below_ty_words (out, value, full);
}

char *
ward_format_amount_in_words (gint64 dong)
{
  GString *out;
  gunichar first;
  const char *rest;
  char first_utf8[8];

  /* Any gint64, G_MININT64 included: a total is never printed as
   * "(null)". */
  out = g_string_new (NULL);
  if (dong < 0)
    append_word (out, "âm");
  if (dong == 0)
    append_word (out, "không");
  else
    append_number_words (out, dong < 0 ? -(guint64) dong : (guint64) dong, FALSE);
  append_word (out, "đồng");

  first = g_utf8_get_char (out->str);
  rest = g_utf8_next_char (out->str);
  first_utf8[g_unichar_to_utf8 (g_unichar_toupper (first), first_utf8)] = '\0';
  g_string_erase (out, 0, rest - out->str);
  g_string_prepend (out, first_utf8);
  return g_string_free (out, FALSE);
}

/* An unusable WARD_TODAY is a mistake of whoever set it: warn, use the
 * real date. */
char *
ward_today_iso (void)
{
  const char *pinned = g_getenv ("WARD_TODAY");
  time_t now = time (NULL);
  struct tm local;
  char iso[16];

  if (pinned != NULL && pinned[0] != '\0')
    {
      g_autoptr(GDate) date = ward_date_from_iso (pinned);

      if (date != NULL)
        return g_strdup (pinned);
      g_warning ("WARD_TODAY=%s is not a yyyy-mm-dd date; using the real date", pinned);
    }

  /* The C library's local time, not g_date_time_new_now_local(): an import
   * checks each row's date against today, and GLib looks the local time
   * zone up again at every call (a seventh of the import of 100,000
   * donations, issue 13). */
  if (localtime_r (&now, &local) == NULL || strftime (iso, sizeof iso, "%Y-%m-%d", &local) == 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();

      return g_date_time_format (utc, "%Y-%m-%d");
    }
  return g_strdup (iso);
}

/* Exactly yyyy-mm-dd and a real day, else NULL. */
GDate *
ward_date_from_iso (const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return NULL;
  for (int i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
        return NULL;
    }

  year = (int) g_ascii_strtoll (iso_date, NULL, 10);
  month = (int) g_ascii_strtoll (iso_date + 5, NULL, 10);
  day = (int) g_ascii_strtoll (iso_date + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}
