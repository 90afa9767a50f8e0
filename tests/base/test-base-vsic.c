/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-base-vsic"

#include "config.h"

#include <locale.h>

#include "base/ward-error.h"
#include "base/ward-vsic.h"

static gboolean
exists (int             code,
        WardVsicVersion version)
{
  char text[5];

  g_snprintf (text, sizeof text, "%04d", code);
  return ward_vsic_code_exists (text, version);
}

/* The lists hold what the decisions count: VSIC 2025, 495 classes in 87
 * divisions and 259 groups (Quyết định 36/2025/QĐ-TTg, Điều 1); VSIC
 * 2018, 242 groups in 88 divisions (Quyết định 27/2018/QĐ-TTg). */
static void
test_lists_counts (void)
{
  guint classes = 0, groups_2025 = 0, divisions_2025 = 0, groups_2018 = 0, divisions_2018 = 0;

  for (int code = 0; code < 10000; code++)
    classes += exists (code, WARD_VSIC_2025);
  for (int group = 0; group < 1000; group++)
    {
      gboolean in_2025 = FALSE;

      for (int d = 0; d < 10; d++)
        in_2025 |= exists (group * 10 + d, WARD_VSIC_2025);
      groups_2025 += in_2025;
      groups_2018 += exists (group * 10, WARD_VSIC_2018);
    }
  for (int division = 0; division < 100; division++)
    {
      gboolean in_2018 = FALSE, in_2025 = FALSE;

      for (int c = 0; c < 100; c++)
        {
          in_2018 |= exists (division * 100 + c, WARD_VSIC_2018);
          in_2025 |= exists (division * 100 + c, WARD_VSIC_2025);
        }
      divisions_2018 += in_2018;
      divisions_2025 += in_2025;
      /* Every division with codes has its section in the version's table. */
      g_assert_true (!in_2018 || ward_vsic_display_section (division, WARD_VSIC_2018) != NULL);
      g_assert_true (!in_2025 || ward_vsic_display_section (division, WARD_VSIC_2025) != NULL);
    }
  g_assert_cmpuint (classes, ==, 495);
  g_assert_cmpuint (groups_2025, ==, 259);
  g_assert_cmpuint (divisions_2025, ==, 87);
  g_assert_cmpuint (groups_2018, ==, 242);
  g_assert_cmpuint (divisions_2018, ==, 88);
}

/* A handful of codes checked against the texts: codes both versions have,
 * codes VSIC 2025 dropped (6201, 4669, 0131, division 45) or added (6219,
 * 4340, 5231, 6039, 5640), and codes no version has. */
static void
test_lists_codes (void)
{
  static const struct { const char *code; gboolean in_2018; gboolean in_2025; } cases[] = {
    { "0111", TRUE, TRUE },   { "4620", TRUE, TRUE },   { "5610", TRUE, TRUE },
    { "6419", TRUE, TRUE },   { "9900", TRUE, TRUE },   { "4661", TRUE, TRUE },
    { "6201", TRUE, FALSE },  { "4669", TRUE, FALSE },  { "0131", TRUE, FALSE },
    { "4520", TRUE, FALSE },  { "3100", TRUE, FALSE },
    { "6219", FALSE, TRUE },  { "4340", FALSE, TRUE },  { "5231", FALSE, TRUE },
    { "6039", FALSE, TRUE },  { "5640", FALSE, TRUE },
    /* New in 2025 but in a group VSIC 2018 had (962, 856): the check of
     * 2018 codes by group cannot refuse them. */
    { "9623", TRUE, TRUE },   { "8561", TRUE, TRUE },
    { "9999", FALSE, FALSE }, { "0000", FALSE, FALSE }, { "4010", FALSE, FALSE },
    { "8310", FALSE, FALSE }, { "0190", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].code);
      g_assert_cmpint (ward_vsic_code_exists (cases[i].code, WARD_VSIC_2018), ==, cases[i].in_2018);
      g_assert_cmpint (ward_vsic_code_exists (cases[i].code, WARD_VSIC_2025), ==, cases[i].in_2025);
      g_assert_cmpint (ward_vsic_code_exists (cases[i].code, WARD_VSIC_ANY), ==,
                       cases[i].in_2018 || cases[i].in_2025);
    }
  g_assert_false (ward_vsic_code_exists ("462", WARD_VSIC_ANY));
  g_assert_false (ward_vsic_code_exists ("46200", WARD_VSIC_ANY));
  g_assert_false (ward_vsic_code_exists (NULL, WARD_VSIC_ANY));
}

static void
check_parse (const char      *text,
             WardVsicVersion  version,
             const char      *code,
             const char      *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *parsed = NULL;
  gboolean ok = ward_vsic_parse (text, version, &parsed, &error);

  g_test_message ("“%s” in %d", text, version);
  if (code != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (parsed, ==, code);
    }
  else
    {
      g_assert_false (ok);
      g_assert_null (parsed);
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, message);
    }
}

static void
test_parse (void)
{
  check_parse ("4620", WARD_VSIC_ANY, "4620", NULL);
  check_parse (" 4620 - Bán buôn nông, lâm sản nguyên liệu ", WARD_VSIC_ANY, "4620", NULL);
  check_parse ("4620: Bán buôn", WARD_VSIC_ANY, "4620", NULL);
  check_parse ("G4620", WARD_VSIC_ANY, "4620", NULL);
  check_parse ("g 4620", WARD_VSIC_2018, "4620", NULL);
  check_parse ("F 4620", WARD_VSIC_ANY, NULL, "The VSIC code 4620 belongs to section G, not F.");
  check_parse ("46201", WARD_VSIC_ANY, NULL,
               "“46201” is a five-digit VSIC code; write the main line of business as its "
               "four-digit code, 4620.");
  check_parse ("462", WARD_VSIC_ANY, NULL,
               "“462” is not a VSIC code: the main line of business is written as four digits, "
               "such as 4620.");
  check_parse ("Bán buôn", WARD_VSIC_ANY, NULL,
               "“Bán buôn” is not a VSIC code: the main line of business is written as four "
               "digits, such as 4620.");
  check_parse ("", WARD_VSIC_ANY, NULL, "No line of business was given.");
}

/* Issue 24: 9999 was accepted because only its division was checked. A
 * code is now looked up in the list of its version, and the refusal names
 * the code and the version. */
static void
test_parse_refuses_unknown (void)
{
  check_parse ("9999", WARD_VSIC_ANY, NULL,
               "The VSIC code 9999 is in neither VSIC 2018 nor VSIC 2025; check the code on the "
               "enterprise's registration certificate.");
  check_parse ("9999", WARD_VSIC_2025, NULL,
               "The VSIC code 9999 is not in VSIC 2025: Quyết định 36/2025/QĐ-TTg has no such "
               "class.");
  check_parse ("9999", WARD_VSIC_2018, NULL,
               "The VSIC code 9999 is not in VSIC 2018: Quyết định 27/2018/QĐ-TTg has no group "
               "999.");
  check_parse ("4010", WARD_VSIC_ANY, NULL,
               "The VSIC code 4010 is in neither VSIC 2018 nor VSIC 2025; check the code on the "
               "enterprise's registration certificate.");
  /* A code of one version only, in the other. */
  check_parse ("6201", WARD_VSIC_2025, NULL,
               "The VSIC code 6201 is not in VSIC 2025: Quyết định 36/2025/QĐ-TTg has no such "
               "class.");
  check_parse ("6201", WARD_VSIC_2018, "6201", NULL);
  check_parse ("6219", WARD_VSIC_2018, NULL,
               "The VSIC code 6219 is not in VSIC 2018: Quyết định 27/2018/QĐ-TTg has no group "
               "621.");
  check_parse ("6219", WARD_VSIC_2025, "6219", NULL);
  check_parse ("9900", WARD_VSIC_2025, "9900", NULL);
}

/* The letters moved from J on: 6419 is K in VSIC 2018 and L in VSIC 2025. */
static void
test_parse_letters (void)
{
  check_parse ("K 6419", WARD_VSIC_ANY, "6419", NULL);
  check_parse ("L 6419", WARD_VSIC_ANY, "6419", NULL);
  check_parse ("K 6419", WARD_VSIC_2018, "6419", NULL);
  check_parse ("K 6419", WARD_VSIC_2025, NULL, "The VSIC code 6419 belongs to section L, not K.");
  check_parse ("J 6419", WARD_VSIC_ANY, NULL, "The VSIC code 6419 belongs to section L, not J.");
  check_parse ("V9900", WARD_VSIC_ANY, "9900", NULL);
  check_parse ("U9900", WARD_VSIC_2018, "9900", NULL);
}

static void
check_resolve (const char      *code,
               WardVsicVersion  stated,
               const char      *registered_on,
               WardVsicVersion  expected)
{
  g_autoptr (GError) error = NULL;
  WardVsicVersion version = WARD_VSIC_ANY;

  g_test_message ("%s, stated %d, registered %s", code, stated, registered_on);
  g_assert_true (ward_vsic_resolve (code, stated, registered_on, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, expected);
}

static void
test_resolve (void)
{
  g_autoptr (GError) error = NULL;
  WardVsicVersion version = WARD_VSIC_ANY;

  /* A code one version has decides, whatever the date. */
  check_resolve ("6201", WARD_VSIC_ANY, "2026-03-01", WARD_VSIC_2018);
  check_resolve ("6219", WARD_VSIC_ANY, "2019-03-01", WARD_VSIC_2025);
  /* Both have it: the decision in force on the registration date, VSIC
   * 2025 from 15/11/2025 (Quyết định 36/2025/QĐ-TTg). */
  check_resolve ("4620", WARD_VSIC_ANY, "2025-11-14", WARD_VSIC_2018);
  check_resolve ("4620", WARD_VSIC_ANY, "2025-11-15", WARD_VSIC_2025);
  check_resolve ("4620", WARD_VSIC_ANY, "2018-08-20", WARD_VSIC_2018);
  check_resolve ("4620", WARD_VSIC_ANY, NULL, WARD_VSIC_2025);
  /* A stated version is kept, even against the date. */
  check_resolve ("4620", WARD_VSIC_2018, "2026-01-05", WARD_VSIC_2018);
  check_resolve ("4620", WARD_VSIC_2025, "2020-01-05", WARD_VSIC_2025);

  g_assert_false (ward_vsic_resolve ("6219", WARD_VSIC_2018, "2026-01-05", &version, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The VSIC code 6219 is not in VSIC 2018: Quyết định 27/2018/QĐ-TTg has no "
                   "group 621.");
  g_clear_error (&error);
  g_assert_false (ward_vsic_resolve ("9999", WARD_VSIC_ANY, "2026-01-05", &version, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpint (version, ==, WARD_VSIC_ANY);
}

/* Breakdowns count in VSIC 2025's sections. A 2018 code goes to the 2025
 * section of the same title: the letters moved one place from J on, and
 * 2018's J was split, 58–60 to J and 61–63 to K. */
static void
test_display_sections (void)
{
  static const struct { int division; char own; char shown; } cases_2018[] = {
    { 1, 'A', 'A' },  { 10, 'C', 'C' }, { 45, 'G', 'G' }, { 47, 'G', 'G' }, { 49, 'H', 'H' },
    { 56, 'I', 'I' }, { 58, 'J', 'J' }, { 60, 'J', 'J' }, { 61, 'J', 'K' }, { 63, 'J', 'K' },
    { 64, 'K', 'L' }, { 68, 'L', 'M' }, { 69, 'M', 'N' }, { 77, 'N', 'O' }, { 84, 'O', 'P' },
    { 85, 'P', 'Q' }, { 86, 'Q', 'R' }, { 90, 'R', 'S' }, { 94, 'S', 'T' }, { 97, 'T', 'U' },
    { 99, 'U', 'V' },
  };
  char code[5];

  for (guint i = 0; i < G_N_ELEMENTS (cases_2018); i++)
    {
      const WardVsicSection *shown = ward_vsic_display_section (cases_2018[i].division,
                                                                WARD_VSIC_2018);

      g_snprintf (code, sizeof code, "%02d00", cases_2018[i].division);
      g_test_message ("division %d", cases_2018[i].division);
      g_assert_cmpint (ward_vsic_section_in (code, WARD_VSIC_2018)->letter, ==, cases_2018[i].own);
      g_assert_nonnull (shown);
      g_assert_cmpint (shown->letter, ==, cases_2018[i].shown);
      g_assert_true (shown == ward_vsic_section_nth (ward_vsic_section_index (shown)));
    }
  /* By title: the 2025 section a 2018 one maps to has its title, or its
   * title less the part that moved elsewhere. */
  g_assert_cmpstr (ward_vsic_display_section (64, WARD_VSIC_2018)->title, ==,
                   ward_vsic_section_in ("6419", WARD_VSIC_2018)->title);
  g_assert_cmpstr (ward_vsic_display_section (99, WARD_VSIC_2018)->title, ==,
                   ward_vsic_section_in ("9900", WARD_VSIC_2018)->title);
  g_assert_true (g_str_has_prefix (ward_vsic_section_in ("4620", WARD_VSIC_2018)->title,
                                   ward_vsic_display_section (46, WARD_VSIC_2018)->title));

  g_assert_cmpint (ward_vsic_display_section (61, WARD_VSIC_2025)->letter, ==, 'K');
  g_assert_cmpint (ward_vsic_display_section (99, WARD_VSIC_2025)->letter, ==, 'V');
  g_assert_null (ward_vsic_display_section (45, WARD_VSIC_2025));
  g_assert_null (ward_vsic_display_section (40, WARD_VSIC_2018));
  g_assert_null (ward_vsic_display_section (46, WARD_VSIC_ANY));
  g_assert_cmpint (ward_vsic_section_nth (0)->letter, ==, 'A');
  g_assert_cmpint (ward_vsic_section_nth (WARD_VSIC_N_SECTIONS - 1)->letter, ==, 'V');
}

static void
test_version_words (void)
{
  static const struct { const char *text; WardVsicVersion version; } cases[] = {
    { "2018", WARD_VSIC_2018 }, { "VSIC 2018", WARD_VSIC_2018 }, { "27/2018/QĐ-TTg", WARD_VSIC_2018 },
    { "2025", WARD_VSIC_2025 }, { "vsic 2025", WARD_VSIC_2025 }, { "36/2025", WARD_VSIC_2025 },
    { "", WARD_VSIC_ANY }, { "  ", WARD_VSIC_ANY },
  };
  static const char * const wrong[] = { "2019", "VSIC", "2018, 2025", "2007" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WardVsicVersion version = 1;

      g_assert_true (ward_vsic_version_parse (cases[i].text, &version, NULL));
      g_assert_cmpint (version, ==, cases[i].version);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr (GError) error = NULL;
      WardVsicVersion version = WARD_VSIC_ANY;

      g_assert_false (ward_vsic_version_parse (wrong[i], &version, &error));
      g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
    }
  g_assert_cmpstr (ward_vsic_version_label (WARD_VSIC_2025), ==, "VSIC 2025");
  g_assert_cmpstr (ward_vsic_version_label (WARD_VSIC_ANY), ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/base/vsic/lists/counts", test_lists_counts);
  g_test_add_func ("/base/vsic/lists/codes", test_lists_codes);
  g_test_add_func ("/base/vsic/parse", test_parse);
  g_test_add_func ("/base/vsic/parse/refuses-unknown", test_parse_refuses_unknown);
  g_test_add_func ("/base/vsic/parse/letters", test_parse_letters);
  g_test_add_func ("/base/vsic/resolve", test_resolve);
  g_test_add_func ("/base/vsic/display-sections", test_display_sections);
  g_test_add_func ("/base/vsic/version-words", test_version_words);

  return g_test_run ();
}
