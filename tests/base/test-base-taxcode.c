/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-base-taxcode"

#include "config.h"

#include <locale.h>

#include "base/ward-error.h"
#include "base/ward-taxcode.h"

static void
test_valid (void)
{
  /* Codes of well-known enterprises, as published on their invoices. */
  static const struct
  {
    const char *input;
    const char *normalized;
    gboolean    is_branch;
  } cases[] = {
    { "0100109106", "0100109106", FALSE },         /* Viettel */
    { "0300588569", "0300588569", FALSE },         /* Vinamilk */
    { "0100112437", "0100112437", FALSE },         /* Vietcombank */
    { "0100100079", "0100100079", FALSE },         /* EVN */
    { "0101245486", "0101245486", FALSE },         /* Vingroup */
    { "0100230800", "0100230800", FALSE },         /* Techcombank: remainder 10, check digit 0 */
    { "0100109106-001", "0100109106-001", TRUE },
    { "0100109106001", "0100109106-001", TRUE },
    { "0100112437-005", "0100112437-005", TRUE },  /* a Vietcombank branch */
    { "0100109106-999", "0100109106-999", TRUE },
    { " 0100109106 ", "0100109106", FALSE },
    { "0100 109 106", "0100109106", FALSE },
    { "01.00.112.437", "0100112437", FALSE },
    { "0100109106 - 001", "0100109106-001", TRUE },
    { "0100109106\xe2\x80\x93" "001", "0100109106-001", TRUE },  /* en dash */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      gboolean is_branch = !cases[i].is_branch;

      g_test_message ("“%s”", cases[i].input);
      g_assert_true (ward_tax_code_parse (cases[i].input, &normalized, &is_branch, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      g_assert_cmpint (is_branch, ==, cases[i].is_branch);
    }

  g_assert_true (ward_tax_code_parse ("0300588569", NULL, NULL, NULL));
}

static void
test_invalid (void)
{
  static const struct
  {
    const char *input;
    const char *message;
  } cases[] = {
    /* one digit off a real code */
    { "0100109107", "The tax code 0100109107 has a wrong check digit: the tenth digit should be 6." },
    { "0100109116", "The tax code 0100109116 has a wrong check digit: the tenth digit should be 3." },
    { "0300588568", "The tax code 0300588568 has a wrong check digit: the tenth digit should be 9." },
    { "0100230801", "The tax code 0100230801 has a wrong check digit: the tenth digit should be 0." },
    /* two digits swapped */
    { "0100112473", "The tax code 0100112473 has a wrong check digit: the tenth digit should be 6." },
    { "0100109107-001", "The tax code 0100109107 has a wrong check digit: "
                        "the tenth digit should be 6." },
    /* nine digits whose weighted sum is a multiple of 11 */
    { "0100109165", "The tax code 0100109165 is not valid: no check digit fits its first "
                    "nine digits; one of them is wrong." },
    /* passes the check digit, but digits 3 to 9 are all zero */
    { "0100000003", "The tax code 0100000003 is not valid: its third to ninth digits cannot "
                    "all be zero." },
    { "0100109106-000", "The tax code 0100109106-000 has no branch number: branches are "
                        "numbered from 001 to 999." },
    { "010010910", "The tax code “010010910” has 9 digits; it must have 10, or 13 for a "
                   "branch, as in 0100109106-001." },
    { "01001091061", "The tax code “01001091061” has 11 digits; it must have 10, or 13 for a "
                     "branch, as in 0100109106-001." },
    { "0100109106-01", "The tax code “0100109106-01” has 12 digits; it must have 10, or 13 for "
                       "a branch, as in 0100109106-001." },
    { "0100109106-", "In the tax code “0100109106-” a hyphen may only stand between the tenth "
                     "digit and the branch number, as in 0100109106-001." },
    { "010010-9106001", "In the tax code “010010-9106001” a hyphen may only stand between the "
                        "tenth digit and the branch number, as in 0100109106-001." },
    { "0100109106--001", "In the tax code “0100109106--001” a hyphen may only stand between the "
                         "tenth digit and the branch number, as in 0100109106-001." },
    { "MST 0100109106", "The tax code “MST 0100109106” may contain only digits, with a hyphen "
                        "before a branch number." },
    { "0100109106/001", "The tax code “0100109106/001” may contain only digits, with a hyphen "
                        "before a branch number." },
    { "", "No tax code was given." },
    { "  ", "No tax code was given." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      char *normalized = NULL;
      gboolean is_branch = FALSE;

      g_test_message ("“%s”", cases[i].input);
      g_assert_false (ward_tax_code_parse (cases[i].input, &normalized, &is_branch, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (normalized);
    }

  g_assert_false (ward_tax_code_parse (NULL, NULL, NULL, NULL));
}

/* Every single-digit change of a valid code is caught: the weights are
 * prime to 11, so the check digit must move. */
static void
test_every_single_digit_error_is_caught (void)
{
  static const char *const valid[] = { "0100109106", "0300588569", "0100230800" };

  for (gsize v = 0; v < G_N_ELEMENTS (valid); v++)
    for (int position = 0; position < 10; position++)
      for (char digit = '0'; digit <= '9'; digit++)
        {
          g_autofree char *changed = g_strdup (valid[v]);

          if (changed[position] == digit)
            continue;
          changed[position] = digit;
          g_test_message ("“%s”", changed);
          g_assert_false (ward_tax_code_parse (changed, NULL, NULL, NULL));
        }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/taxcode/valid", test_valid);
  g_test_add_func ("/taxcode/invalid", test_invalid);
  g_test_add_func ("/taxcode/single-digit-errors", test_every_single_digit_error_is_caught);

  return g_test_run ();
}
