/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-taxcode"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-taxcode.h"
#include "base/ward-text.h"

#define ENTERPRISE_DIGITS 10
#define BRANCH_DIGITS     13

/* Digits and where the hyphen stood, as read from the clerk's text. */
typedef struct
{
  char digits[BRANCH_DIGITS + 1];
  int  n_digits;
  int  hyphen_at;  /* digits before the hyphen, or -1 */
  int  n_hyphens;
} TaxCodeText;

/* Word processors turn '-' into a typographic dash. */
static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2013);
}

static gboolean
read_tax_code_text (const char  *input,
                    TaxCodeText *code)
{
  memset (code, 0, sizeof *code);
  code->hyphen_at = -1;

  for (const char *p = input; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          if (code->n_digits < BRANCH_DIGITS)
            code->digits[code->n_digits] = (char) c;
          code->n_digits++;
        }
      else if (is_hyphen (c))
        {
          code->n_hyphens++;
          code->hyphen_at = code->n_digits;
        }
      else if (c != ' ' && c != '.')
        return FALSE;
    }

  code->digits[MIN (code->n_digits, BRANCH_DIGITS)] = '\0';
  return TRUE;
}

/* The published rule: 10 - (N1×31 + N2×29 + N3×23 + N4×19 + N5×17 + N6×13 +
 * N7×7 + N8×5 + N9×3) mod 11. A remainder of 10 gives the digit 0 (as in
 * 0100230800); a remainder of 0 would ask for "10", so no code with such a
 * start is ever issued: -1. */
static int
check_digit (const char *digits)
{
  static const int weights[] = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };
  int sum = 0;
  int remainder;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    sum += (digits[i] - '0') * weights[i];

  remainder = sum % 11;
  return remainder == 0 ? -1 : 10 - remainder;
}

static gboolean
check_shape (const char         *input,
             const TaxCodeText  *code,
             GError            **error)
{
  if (code->n_digits != ENTERPRISE_DIGITS && code->n_digits != BRANCH_DIGITS)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   ngettext ("The tax code “%s” has %d digit; it must have 10, "
                             "or 13 for a branch, as in 0100109106-001.",
                             "The tax code “%s” has %d digits; it must have 10, "
                             "or 13 for a branch, as in 0100109106-001.",
                             code->n_digits),
                   input, code->n_digits);
      return FALSE;
    }
  if (code->n_hyphens > 1
      || (code->n_hyphens == 1
          && (code->hyphen_at != ENTERPRISE_DIGITS || code->n_digits != BRANCH_DIGITS)))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("In the tax code “%s” a hyphen may only stand between the tenth digit "
                     "and the branch number, as in 0100109106-001."), input);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_digits (const char  *digits,
              GError     **error)
{
  g_autofree char *enterprise = g_strndup (digits, ENTERPRISE_DIGITS);
  int expected = check_digit (digits);

  if (strspn (digits + 2, "0") >= 7)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The tax code %s is not valid: its third to ninth digits cannot all be zero."),
                   enterprise);
      return FALSE;
    }
  if (expected < 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The tax code %s is not valid: no check digit fits its first nine digits; "
                     "one of them is wrong."), enterprise);
      return FALSE;
    }
  if (digits[9] - '0' != expected)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The tax code %s has a wrong check digit: the tenth digit should be %d."),
                   enterprise, expected);
      return FALSE;
    }
  if (strlen (digits) == BRANCH_DIGITS && g_str_equal (digits + ENTERPRISE_DIGITS, "000"))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The tax code %s-000 has no branch number: branches are numbered "
                     "from 001 to 999."), enterprise);
      return FALSE;
    }
  return TRUE;
}

gboolean
ward_tax_code_parse (const char  *text,
                     char       **normalized_out,
                     gboolean    *is_branch_out,
                     GError     **error)
{
  g_autofree char *input = ward_text_normalize (text != NULL ? text : "");
  TaxCodeText code;
  gboolean is_branch;

  if (input == NULL || input[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, _("No tax code was given."));
      return FALSE;
    }
  if (!read_tax_code_text (input, &code))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The tax code “%s” may contain only digits, with a hyphen before "
                     "a branch number."), input);
      return FALSE;
    }
  if (!check_shape (input, &code, error) || !check_digits (code.digits, error))
    return FALSE;

  is_branch = code.n_digits == BRANCH_DIGITS;
  if (normalized_out != NULL)
    *normalized_out = is_branch
      ? g_strdup_printf ("%.10s-%s", code.digits, code.digits + ENTERPRISE_DIGITS)
      : g_strdup (code.digits);
  if (is_branch_out != NULL)
    *is_branch_out = is_branch;
  return TRUE;
}
