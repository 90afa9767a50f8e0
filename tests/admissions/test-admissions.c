/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-admissions"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "admissions/ward-admissions.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "registers/ward-registers-stats.h"
#include "registers/ward-registers.h"
#include "support/ward-test.h"
#include "targets/ward-targets.h"

/* The admission register's rules, each table-driven where it is a table,
 * then storing, progress, statistics and the spreadsheet. Today is pinned
 * to 27/11/2026 (WARD_TODAY). */

#define TODAY "2026-11-27"

/* A timeline that follows every rule, for a person born 05/03/1995. */
static const WardCandidateRow *
candidate_row (WardRows *rows,
               guint     index)
{
  return ward_rows_get (rows, index);
}

/* After the congress (16/08/2025), each step within its deadline. */
static const char * const timeline[WARD_N_STAGES] = {
  NULL, "2025-01-10", "2025-02-15", "2025-03-01", "2025-03-10", "2025-05-10",
  "2025-08-25", "2025-09-15", "2025-09-20", "2026-09-28",
};

static WardCandidate *
make_candidate (const char *name,
                const char *birth,
                WardStage   upto)
{
  WardCandidate *c = ward_candidate_new ();

  c->full_name = g_strdup (name);
  c->birth_date = g_strdup (birth);
  for (int stage = WARD_STAGE_SYMPATHISER; stage <= (int) upto; stage++)
    c->dates[stage] = g_strdup (timeline[stage]);
  c->education = g_strdup ("12/12");
  c->introducer_1 = g_strdup ("Lê Văn Tám");
  c->introducer_2 = g_strdup ("Phạm Thị Mai");
  c->introducer_1_official = c->introducer_2_official = TRUE;
  c->introducer_1_since = g_strdup ("2022-01-01");
  c->introducer_2_since = g_strdup ("2023-05-01");
  if (upto >= WARD_STAGE_CELL_RESOLUTION)
    c->cell_resolution_number = g_strdup ("05-NQ/CB");
  if (upto >= WARD_STAGE_DECISION)
    c->decision_number = g_strdup ("120-QĐ/ĐU");
  if (upto >= WARD_STAGE_RECOGNITION)
    {
      c->recognition_number = g_strdup ("310-QĐ/ĐU");
      c->recognition_resolution_date = g_strdup ("2026-09-22");
    }
  return c;
}

static void
set_date (WardCandidate *c,
          WardStage      stage,
          const char    *iso)
{
  g_free (c->dates[stage]);
  c->dates[stage] = g_strdup (iso);
}

/* The first issue about @field, or NULL. */
static WardCandidateIssue *
issue_for (GPtrArray  *issues,
           const char *field)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      if (g_strcmp0 (issue->field, field) == 0)
        return issue;
    }
  return NULL;
}

static gboolean
has_message (GPtrArray  *issues,
             const char *part)
{
  for (guint i = 0; i < issues->len; i++)
    if (strstr (((WardCandidateIssue *) issues->pdata[i])->message, part) != NULL)
      return TRUE;
  return FALSE;
}

static void
dump_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      g_test_message ("  %s %s: %s", issue->warning ? "warning" : "error", issue->field, issue->message);
    }
}

/* ---- Dates -------------------------------------------------------------- */

static void
test_age_on (void)
{
  static const struct { const char *birth, *on; int age; } cases[] = {
    { "2008-11-27", "2026-11-27", 18 },   /* the 18th birthday itself */
    { "2008-11-27", "2026-11-26", 17 },   /* the day before */
    { "2008-11-27", "2026-11-28", 18 },
    { "2008-12-31", "2026-12-30", 17 },
    { "2008-01-01", "2026-01-01", 18 },
    { "2008-02-29", "2026-02-28", 18 },   /* leap-day birth: the month's last day in a common year */
    { "2008-02-29", "2026-02-27", 17 },
    { "2008-02-29", "2026-03-01", 18 },
    { "2008-02-29", "2028-02-28", 19 },   /* a leap year has the day itself */
    { "2008-02-29", "2028-02-29", 20 },
    { "1966-11-27", "2026-11-27", 60 },
    { "2000-05-05", "2000-05-05", 0 },
    { "2026-05-05", "2026-05-04", -1 },   /* before the birth */
    { "2026-02-30", "2026-05-04", -1 },   /* not a date */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("born %s, on %s", cases[i].birth, cases[i].on);
      g_assert_cmpint (ward_candidate_age_on (cases[i].birth, cases[i].on), ==, cases[i].age);
    }
}

static void
test_add_months (void)
{
  static const struct { const char *iso; int months; const char *expected; } cases[] = {
    { "2025-07-01", 12, "2026-07-01" },
    { "2024-02-29", 12, "2025-02-28" },
    { "2024-02-29", 48, "2028-02-29" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2025-03-31", -1, "2025-02-28" },
    { "2021-06-01", 60, "2026-06-01" },
    { "2025-12-15", 1, "2026-01-15" },
    { "2026-01-15", -13, "2024-12-15" },
    { "15/01/2026", 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = ward_candidate_add_months (cases[i].iso, cases[i].months);

      g_test_message ("%s + %d months", cases[i].iso, cases[i].months);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* ---- Rules -------------------------------------------------------------- */

static void
test_valid_timeline (void)
{
  g_autoptr (WardCandidate) c = make_candidate ("Nguyễn Thị Hoa", "1995-03-05", WARD_STAGE_RECOGNITION);
  g_autoptr (GPtrArray) issues = ward_candidate_check (c, NULL, TODAY);

  dump_issues (issues);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpint (ward_candidate_get_stage (c), ==, WARD_STAGE_RECOGNITION);
}

static void
test_required_fields (void)
{
  g_autoptr (WardCandidate) c = ward_candidate_new ();
  g_autoptr (GPtrArray) issues = ward_candidate_check (c, NULL, TODAY);
  g_autoptr (GPtrArray) later = NULL;

  g_assert_nonnull (issue_for (issues, "full_name"));
  g_assert_nonnull (issue_for (issues, "birth_date"));
  g_assert_true (ward_candidate_issues_have_errors (issues));

  /* Born after today, withdrawn without a reason, a two-word given name
   * without a family name. */
  c->full_name = g_strdup ("  Bình   Minh ");
  c->given_name_words = 2;
  c->birth_date = g_strdup ("2026-12-01");
  c->state = WARD_CANDIDATE_WITHDRAWN;
  later = ward_candidate_check (c, NULL, TODAY);
  dump_issues (later);
  g_assert_nonnull (issue_for (later, "full_name"));
  g_assert_true (has_message (later, "after today"));
  g_assert_nonnull (issue_for (later, "state_reason"));
}

/* Counted by month at the chi bộ resolution (Quy định 294-QĐ/TW 1.1.1): the
 * day before and the day of the 18th-birthday month, the issue's held
 * example, the 60th. */
static void
test_age_rule (void)
{
  static const struct
  {
    const char *birth;
    const char *resolution;
    gboolean    error;
    gboolean    warning;
    const char *message;
  } cases[] = {
    { "2007-09-25", "2025-09-05", FALSE, FALSE, NULL },   /* held: 18 in September, by month */
    { "2007-09-25", "2025-09-01", FALSE, FALSE, NULL },   /* the first day of the month */
    { "2007-09-25", "2025-08-31", TRUE, FALSE, "18 from 09/2025" },  /* the day before it */
    { "2007-10-01", "2025-09-30", TRUE, FALSE, "18 from 10/2025" },
    { "2008-02-29", "2026-02-01", FALSE, FALSE, NULL },
    { "1965-09-30", "2025-09-01", FALSE, FALSE, NULL },   /* 60, by month */
    { "1965-08-01", "2025-09-30", FALSE, TRUE, "provincial" },  /* 60 and a month */
    { "1950-01-01", "2025-09-30", FALSE, TRUE, "over 60" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", cases[i].birth, WARD_STAGE_CELL_RESOLUTION);
      g_autoptr (GPtrArray) issues = NULL;
      WardCandidateIssue *issue;

      set_date (c, WARD_STAGE_CELL_RESOLUTION, cases[i].resolution);
      issues = ward_candidate_check (c, NULL, cases[i].resolution);
      g_test_message ("born %s, chi bộ resolution %s", cases[i].birth, cases[i].resolution);
      dump_issues (issues);
      issue = issue_for (issues, "birth_date");
      if (!cases[i].error && !cases[i].warning)
        {
          g_assert_null (issue);
          g_assert_false (ward_candidate_issues_have_errors (issues));
          continue;
        }
      g_assert_nonnull (issue);
      g_assert_cmpint (issue->warning, ==, cases[i].warning);
      g_assert_nonnull (strstr (issue->message, cases[i].message));
      g_assert_cmpint (ward_candidate_issues_have_errors (issues), ==, cases[i].error);
    }
  g_assert_cmpint (ward_candidate_age_in_months ("2007-09-25", "2025-09-05"), ==, 216);
  g_assert_cmpint (ward_candidate_age_in_months ("2007-09-25", "2025-08-31"), ==, 215);
  g_assert_cmpint (ward_candidate_age_in_months ("2007-09-25", "2007-09-01"), ==, -1);
}

static void
test_stage_order (void)
{
  /* Each stage against the one before it: a day earlier is refused, naming
   * both; the same day is accepted. */
  for (int stage = WARD_STAGE_COURSE; stage < WARD_N_STAGES; stage++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", stage);
      g_autoptr (GPtrArray) issues = NULL;
      g_autoptr (GPtrArray) same_day = NULL;
      WardCandidateIssue *issue;
      const char *field = ward_stage_get_field (stage);

      set_date (c, stage - 1, "2026-10-02");
      set_date (c, stage, "2026-10-01");
      issues = ward_candidate_check (c, NULL, TODAY);
      g_test_message ("%s a day before %s", field, ward_stage_get_field (stage - 1));
      dump_issues (issues);
      issue = issue_for (issues, field);
      g_assert_nonnull (issue);
      g_assert_false (issue->warning);
      g_assert_nonnull (strstr (issue->message, "cannot be earlier than"));
      g_assert_nonnull (strstr (issue->message, ward_stage_get_title (stage - 1)));
      g_assert_nonnull (strstr (issue->message, "01/10/2026"));

      set_date (c, stage, "2026-10-02");
      same_day = ward_candidate_check (c, NULL, TODAY);
      g_assert_false (has_message (same_day, "cannot be earlier than"));
    }
}

static void
test_stage_order_gaps (void)
{
  g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_NONE);
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GPtrArray) future = NULL;
  g_autoptr (GPtrArray) probation = NULL;

  /* Blank stages in between are skipped: the application is compared with
   * the sympathiser list. */
  set_date (c, WARD_STAGE_SYMPATHISER, "2026-03-01");
  set_date (c, WARD_STAGE_APPLICATION, "2026-02-01");
  issues = ward_candidate_check (c, NULL, TODAY);
  g_assert_nonnull (issue_for (issues, "application_date"));
  g_assert_true (has_message (issues, ward_stage_get_title (WARD_STAGE_SYMPATHISER)));

  /* A stage after today is refused. */
  set_date (c, WARD_STAGE_APPLICATION, "2026-11-28");
  future = ward_candidate_check (c, NULL, TODAY);
  g_assert_nonnull (issue_for (future, "application_date"));
  g_assert_true (has_message (future, "after today"));

  /* Recognition within the 12 months of probation is refused. */
  g_clear_pointer (&c, ward_candidate_free);
  c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_RECOGNITION);
  set_date (c, WARD_STAGE_RECOGNITION, "2026-09-19");
  probation = ward_candidate_check (c, NULL, TODAY);
  g_assert_nonnull (issue_for (probation, "recognition_date"));
  g_assert_true (has_message (probation, "not before 20/09/2026"));
}

static void
test_decision_numbers (void)
{
  static const struct
  {
    WardStage   stage;
    const char *number_field;
  } cases[] = {
    { WARD_STAGE_CELL_RESOLUTION, "cell_resolution_number" },
    { WARD_STAGE_DECISION, "decision_number" },
    { WARD_STAGE_RECOGNITION, "recognition_number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_RECOGNITION);
      g_autoptr (GPtrArray) form = NULL;
      g_autoptr (GPtrArray) no_date = NULL;
      char **number = cases[i].stage == WARD_STAGE_CELL_RESOLUTION ? &c->cell_resolution_number
                      : cases[i].stage == WARD_STAGE_DECISION ? &c->decision_number
                      : &c->recognition_number;
      WardCandidateIssue *issue;

      g_test_message ("%s", cases[i].number_field);
      g_clear_pointer (number, g_free);
      *number = g_strdup ("  ");  /* blank is no number */
      form = ward_candidate_check (c, NULL, TODAY);
      issue = issue_for (form, cases[i].number_field);
      g_assert_nonnull (issue);
      g_assert_false (issue->warning);
      g_assert_nonnull (strstr (issue->message, "Write the number"));

      /* A number without its date. */
      g_free (*number);
      *number = g_strdup ("99-QĐ");
      set_date (c, WARD_STAGE_RECOGNITION, NULL);
      if (cases[i].stage != WARD_STAGE_RECOGNITION)
        set_date (c, cases[i].stage, NULL);
      no_date = ward_candidate_check (c, NULL, TODAY);
      dump_issues (no_date);
      g_assert_nonnull (issue_for (no_date, ward_stage_get_field (cases[i].stage)));
    }
}

/* Hướng dẫn 06-HD/TW 5.4: valid for 60 months, a refusal past them, naming
 * the certificate's date; the held example: expired the day before. */
static void
test_certificate_validity (void)
{
  static const struct { const char *course, *resolution; gboolean refused; } cases[] = {
    { "2021-06-01", "2026-06-01", FALSE },  /* the last day of the 60 months */
    { "2021-06-01", "2026-06-02", TRUE },   /* expired the day before the resolution */
    { "2019-01-01", "2026-06-02", TRUE },
    { "2024-02-29", "2029-02-28", FALSE },  /* checked against dates, not today */
    { "2025-06-01", "2025-06-01", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1970-01-01", WARD_STAGE_CELL_RESOLUTION);
      g_autoptr (GPtrArray) issues = NULL;
      g_autofree char *issued = ward_format_date (cases[i].course);
      WardCandidateIssue *issue;

      set_date (c, WARD_STAGE_SYMPATHISER, NULL);
      set_date (c, WARD_STAGE_COURSE, cases[i].course);
      set_date (c, WARD_STAGE_APPLICATION, cases[i].course);
      set_date (c, WARD_STAGE_VERIFICATION_SENT, NULL);
      set_date (c, WARD_STAGE_VERIFICATION_DONE, cases[i].course);
      set_date (c, WARD_STAGE_CELL_RESOLUTION, cases[i].resolution);
      issues = ward_candidate_check (c, NULL, "2030-01-01");
      g_test_message ("course %s, resolution %s", cases[i].course, cases[i].resolution);
      dump_issues (issues);
      issue = issue_for (issues, "course_date");
      g_assert_cmpint (issue != NULL, ==, cases[i].refused);
      if (issue != NULL)
        {
          g_assert_false (issue->warning);
          g_assert_cmpstr (issue->rule, ==, "certificate");
          g_assert_nonnull (strstr (issue->message, issued));
        }
      g_assert_cmpint (ward_candidate_issues_have_errors (issues), ==, cases[i].refused);
    }
}

static void
test_stall (void)
{
  static const struct
  {
    const char         *application;
    const char         *resolution;
    WardCandidateState  state;
    const char         *today;
    gboolean            stalled;
  } cases[] = {
    { "2025-11-27", NULL, WARD_CANDIDATE_FOLLOWING, "2026-11-27", FALSE },  /* exactly 12 months */
    { "2025-11-26", NULL, WARD_CANDIDATE_FOLLOWING, "2026-11-27", TRUE },
    { "2024-02-29", NULL, WARD_CANDIDATE_FOLLOWING, "2025-02-28", FALSE },
    { "2024-02-29", NULL, WARD_CANDIDATE_FOLLOWING, "2025-03-01", TRUE },
    { "2025-12-01", "2026-11-01", WARD_CANDIDATE_FOLLOWING, "2026-11-27", FALSE },  /* considered */
    { "2025-01-01", NULL, WARD_CANDIDATE_PAUSED, "2026-11-27", FALSE },
    { "2025-01-01", NULL, WARD_CANDIDATE_WITHDRAWN, "2026-11-27", FALSE },
    { NULL, NULL, WARD_CANDIDATE_FOLLOWING, "2026-11-27", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1970-01-01", WARD_STAGE_NONE);
      g_autoptr (GPtrArray) issues = NULL;
      WardCandidateIssue *issue;

      set_date (c, WARD_STAGE_APPLICATION, cases[i].application);
      set_date (c, WARD_STAGE_CELL_RESOLUTION, cases[i].resolution);
      if (cases[i].resolution != NULL)
        c->cell_resolution_number = g_strdup ("01-NQ/CB");
      c->state = cases[i].state;
      c->state_reason = g_strdup ("Chuyển công tác");
      g_test_message ("application %s, today %s", cases[i].application, cases[i].today);
      g_assert_cmpint (ward_candidate_is_stalled (c, cases[i].today), ==, cases[i].stalled);

      issues = ward_candidate_check (c, NULL, cases[i].today);
      issue = issue_for (issues, "application_date");
      g_assert_cmpint (issue != NULL, ==, cases[i].stalled);
      if (issue != NULL)
        g_assert_true (issue->warning);
    }
}

/* Charter Điều 4 khoản 2, Quy định 294-QĐ/TW 3.2.1: two official members of
 * 12 months' acquaintance; the Youth Union's route for a member of youth
 * age; the trade union's. */
static void
test_introducers (void)
{
  static const struct
  {
    const char *birth;
    gboolean    youth_union;
    gboolean    trade_union;
    const char *first;
    const char *second;
    const char *youth;          /* the Youth Union's resolution */
    const char *trade;          /* the trade union's */
    gboolean    official;       /* the second introducer ticked official */
    const char *since;          /* the second introducer's acquaintance */
    gboolean    considered;     /* the chi bộ resolution is dated */
    const char *error_field;    /* NULL: accepted */
    const char *message;
  } cases[] = {
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", "Phạm Thị Mai", NULL, NULL, TRUE, "2024-08-25", TRUE, NULL, NULL },
    /* 12 months to the day, and a day short */
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", "Phạm Thị Mai", NULL, NULL, TRUE, "2024-08-26", TRUE,
      "introducer_2", "less than 12 months" },
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", "Phạm Thị Mai", NULL, NULL, TRUE, NULL, TRUE,
      "introducer_2", "since when" },
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", "Phạm Thị Mai", NULL, NULL, FALSE, "2020-01-01", TRUE,
      "introducer_2", "official Party member" },
    { "2000-01-01", TRUE, FALSE, "Lê Văn Tám", NULL, "12-NQ/ĐTN", NULL, TRUE, NULL, TRUE, NULL, NULL },
    { "2000-01-01", TRUE, FALSE, NULL, "Lê Văn Tám", "12-NQ/ĐTN", NULL, TRUE, "2020-01-01", TRUE, NULL, NULL },
    /* a youth member of youth age without the Union's resolution */
    { "2000-01-01", TRUE, FALSE, "Lê Văn Tám", "Phạm Thị Mai", NULL, NULL, TRUE, "2020-01-01", TRUE,
      "introducer_2", "Youth Union’s resolution" },
    /* over 30 the Union does not introduce */
    { "1980-01-01", TRUE, FALSE, "Lê Văn Tám", NULL, "12-NQ/ĐTN", NULL, TRUE, NULL, TRUE,
      "youth_union_resolution", "youth age" },
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", NULL, NULL, NULL, TRUE, NULL, TRUE,
      "introducer_2", "Missing introducers" },
    { "1990-01-01", FALSE, TRUE, "Lê Văn Tám", NULL, NULL, "03-NQ/CĐ", TRUE, NULL, TRUE, NULL, NULL },
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", NULL, "12-NQ/ĐTN", NULL, TRUE, NULL, TRUE,
      "youth_union_resolution", "Only a Youth Union member" },
    { "1990-01-01", FALSE, FALSE, NULL, NULL, NULL, NULL, TRUE, NULL, TRUE, "introducer_1", "Missing introducers" },
    { "1990-01-01", FALSE, FALSE, NULL, NULL, NULL, NULL, TRUE, NULL, FALSE, NULL, NULL },  /* not needed yet */
    { "1990-01-01", FALSE, FALSE, "Lê Văn Tám", "LE VAN TAM", NULL, NULL, TRUE, "2020-01-01", TRUE,
      "introducer_2", "two different" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", cases[i].birth,
                                                    cases[i].considered ? WARD_STAGE_CELL_RESOLUTION
                                                                        : WARD_STAGE_VERIFICATION_DONE);
      g_autoptr (GPtrArray) issues = NULL;

      g_clear_pointer (&c->introducer_1, g_free);
      g_clear_pointer (&c->introducer_2, g_free);
      g_clear_pointer (&c->introducer_2_since, g_free);
      c->youth_union = cases[i].youth_union;
      c->trade_union = cases[i].trade_union;
      c->introducer_1 = g_strdup (cases[i].first);
      c->introducer_2 = g_strdup (cases[i].second);
      c->introducer_2_official = cases[i].official;
      c->introducer_2_since = g_strdup (cases[i].since);
      c->youth_union_resolution = g_strdup (cases[i].youth);
      c->trade_union_resolution = g_strdup (cases[i].trade);
      issues = ward_candidate_check (c, NULL, TODAY);
      g_test_message ("case %u", i);
      dump_issues (issues);
      if (cases[i].error_field == NULL)
        g_assert_false (ward_candidate_issues_have_errors (issues));
      else
        {
          WardCandidateIssue *issue = issue_for (issues, cases[i].error_field);

          g_assert_nonnull (issue);
          g_assert_false (issue->warning);
          g_assert_nonnull (strstr (issue->message, cases[i].message));
        }
    }
}

/* Quy định 294-QĐ/TW 1.2.1: THCS or higher; the exception with its document
 * (Hướng dẫn 01-HD/TW 1.2). */
static void
test_education (void)
{
  static const struct
  {
    const char         *education;
    const char         *exception;
    WardEducationLevel  level;
    gboolean            error;
    gboolean            warning;
  } cases[] = {
    { "9/12", NULL, WARD_EDUCATION_LOWER_SECONDARY, FALSE, FALSE },
    { "12/12", NULL, WARD_EDUCATION_UPPER_SECONDARY, FALSE, FALSE },
    { "7/10", NULL, WARD_EDUCATION_LOWER_SECONDARY, FALSE, FALSE },   /* the old ten-year school */
    { "Tốt nghiệp THCS", NULL, WARD_EDUCATION_LOWER_SECONDARY, FALSE, FALSE },
    { "Đại học", NULL, WARD_EDUCATION_UPPER_SECONDARY, FALSE, FALSE },
    { "8/12", NULL, WARD_EDUCATION_PRIMARY, TRUE, FALSE },
    { "Tiểu học", NULL, WARD_EDUCATION_PRIMARY, TRUE, FALSE },
    { "8/12", "Công văn 15-CV/TU, xã vùng cao", WARD_EDUCATION_PRIMARY, FALSE, FALSE },
    { "3/12", "Công văn 15-CV/TU, già làng", WARD_EDUCATION_BELOW_PRIMARY, FALSE, TRUE },
    { NULL, NULL, WARD_EDUCATION_UNKNOWN, FALSE, TRUE },               /* not recorded */
    { "khá", NULL, WARD_EDUCATION_UNKNOWN, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_CELL_RESOLUTION);
      g_autoptr (WardCandidate) earlier = make_candidate ("Trần Văn An", "1990-01-01",
                                                          WARD_STAGE_VERIFICATION_DONE);
      g_autoptr (GPtrArray) issues = NULL;
      g_autoptr (GPtrArray) before = NULL;
      WardCandidateIssue *issue;

      g_test_message ("education “%s”", cases[i].education);
      g_assert_cmpint (ward_education_level_parse (cases[i].education), ==, cases[i].level);
      g_free (c->education);
      c->education = g_strdup (cases[i].education);
      c->education_exception = g_strdup (cases[i].exception);
      issues = ward_candidate_check (c, NULL, TODAY);
      dump_issues (issues);
      issue = issue_for (issues, "education");
      g_assert_cmpint (issue != NULL, ==, cases[i].error || cases[i].warning);
      g_assert_cmpint (ward_candidate_issues_have_errors (issues), ==, cases[i].error);
      if (issue != NULL)
        g_assert_cmpint (issue->warning, ==, cases[i].warning);
      /* The rule governs the chi bộ resolution: not asked before it. */
      g_free (earlier->education);
      earlier->education = g_strdup (cases[i].education);
      before = ward_candidate_check (earlier, NULL, TODAY);
      g_assert_null (issue_for (before, "education"));
    }
}

/* Charter Điều 4 khoản 2, Hướng dẫn 06-HD/TW 3: what must exist before the
 * chi bộ resolution; the issue's example, a file with only the resolution,
 * the decision and the ceremony, is refused. */
static void
test_papers_before_resolution (void)
{
  static const struct { WardStage missing; const char *field; const char *message; } cases[] = {
    { WARD_STAGE_COURSE, "course_date", "awareness course certificate" },
    { WARD_STAGE_APPLICATION, "application_date", "application and the background declaration" },
    { WARD_STAGE_VERIFICATION_DONE, "verification_done", "verification of the background" },
  };
  g_autoptr (WardCandidate) bare = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_NONE);
  g_autoptr (GPtrArray) refused = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_CELL_RESOLUTION);
      g_autoptr (GPtrArray) issues = NULL;
      WardCandidateIssue *issue;

      set_date (c, cases[i].missing, NULL);
      issues = ward_candidate_check (c, NULL, TODAY);
      dump_issues (issues);
      issue = issue_for (issues, cases[i].field);
      g_assert_nonnull (issue);
      g_assert_false (issue->warning);
      g_assert_nonnull (strstr (issue->message, cases[i].message));
    }

  set_date (bare, WARD_STAGE_CELL_RESOLUTION, "2025-08-25");
  set_date (bare, WARD_STAGE_DECISION, "2025-09-15");
  set_date (bare, WARD_STAGE_CEREMONY, "2025-09-20");
  bare->cell_resolution_number = g_strdup ("05-NQ/CB");
  bare->decision_number = g_strdup ("120-QĐ/ĐU");
  refused = ward_candidate_check (bare, NULL, TODAY);
  dump_issues (refused);
  g_assert_true (ward_candidate_issues_have_errors (refused));
  g_assert_nonnull (issue_for (refused, "course_date"));
  g_assert_nonnull (issue_for (refused, "application_date"));
  g_assert_nonnull (issue_for (refused, "verification_done"));
}

/* Each step needs the one before it. */
static void
test_steps (void)
{
  g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_RECOGNITION);
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GPtrArray) early = NULL;

  g_clear_pointer (&c->recognition_resolution_date, g_free);
  issues = ward_candidate_check (c, NULL, TODAY);
  g_assert_nonnull (issue_for (issues, "recognition_resolution_date"));
  g_assert_false (issue_for (issues, "recognition_resolution_date")->warning);

  /* The chi bộ considers recognition once the probation is over. */
  c->recognition_resolution_date = g_strdup ("2026-09-19");
  early = ward_candidate_check (c, NULL, TODAY);
  g_assert_nonnull (issue_for (early, "recognition_resolution_date"));
  g_assert_true (has_message (early, "12 months of probation"));
}

static WardDeadline *
deadline_of (GPtrArray        *deadlines,
             WardDeadlineKind  kind)
{
  for (guint i = 0; i < deadlines->len; i++)
    if (((WardDeadline *) deadlines->pdata[i])->kind == kind)
      return deadlines->pdata[i];
  return NULL;
}

/* Statutory deadlines in working days (Quy định 294-QĐ/TW 4.1, 4.2 a, 4.3.1):
 * late steps and steps still waiting, across Tết, on the day they fall
 * due; warnings that never block the record. */
static void
test_deadlines (void)
{
  static const struct
  {
    WardDeadlineKind  kind;
    const char       *from;
    const char       *done;    /* NULL: still waiting on @today */
    const char       *today;
    const char       *due;
    int               over;
  } cases[] = {
    /* 60 working days from the chi bộ resolution of 15/12/2025: 17/03/2026,
     * across the new year and Tết Bính Ngọ. */
    { WARD_DEADLINE_DECISION, "2025-12-15", "2026-03-17", TODAY, "2026-03-17", 0 },
    { WARD_DEADLINE_DECISION, "2025-12-15", "2026-03-18", TODAY, "2026-03-17", 1 },
    { WARD_DEADLINE_DECISION, "2025-12-15", NULL, "2026-03-20", "2026-03-17", 3 },
    /* 30 from a decision of 20/01/2026: 10/03/2026, Tết not counted. */
    { WARD_DEADLINE_CEREMONY, "2026-01-20", "2026-03-10", TODAY, "2026-03-10", 0 },
    { WARD_DEADLINE_CEREMONY, "2026-01-20", "2026-03-16", TODAY, "2026-03-10", 4 },
    /* The last working day before Tết 2026, 13/02: the next is 23/02. */
    { WARD_DEADLINE_CEREMONY, "2026-01-05", "2026-02-23", TODAY, "2026-02-13", 1 },
    { WARD_DEADLINE_CEREMONY, "2026-01-05", "2026-02-20", TODAY, "2026-02-13", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_NONE);
      g_autoptr (GPtrArray) deadlines = NULL;
      WardDeadline *d;

      if (cases[i].kind == WARD_DEADLINE_DECISION)
        {
          set_date (c, WARD_STAGE_CELL_RESOLUTION, cases[i].from);
          set_date (c, WARD_STAGE_DECISION, cases[i].done);
        }
      else
        {
          set_date (c, WARD_STAGE_DECISION, cases[i].from);
          set_date (c, WARD_STAGE_CEREMONY, cases[i].done);
        }
      deadlines = ward_candidate_deadlines (c, cases[i].today);
      d = deadline_of (deadlines, cases[i].kind);
      g_test_message ("%s from %s, done %s", ward_deadline_get_title (cases[i].kind), cases[i].from,
                      cases[i].done);
      g_assert_nonnull (d);
      g_assert_cmpstr (d->due, ==, cases[i].due);
      g_assert_cmpint (d->working_days_over, ==, cases[i].over);
      g_assert_cmpint (ward_candidate_overdue_days (c, cases[i].today), >=, cases[i].over);
    }
}

/* A missed deadline is a warning naming the working days over; the record
 * is kept. The probation's end starts the chi bộ's 30 working days. */
static void
test_deadline_warnings (void)
{
  g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_CEREMONY);
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GPtrArray) waiting = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  WardCandidateIssue *issue;
  WardDeadline *d;

  set_date (c, WARD_STAGE_CEREMONY, "2025-11-20");  /* 30 working days from 15/09 end 27/10 */
  late = ward_candidate_check (c, NULL, TODAY);
  dump_issues (late);
  issue = issue_for (late, "ceremony_date");
  g_assert_nonnull (issue);
  g_assert_true (issue->warning);
  g_assert_true (has_message (late, "came 18 working days late"));
  g_assert_false (ward_candidate_issues_have_errors (late));

  /* The probation ended on 20/11/2026: on 27/11 the chi bộ still has time;
   * on 07/01/2027 it is late. */
  deadlines = ward_candidate_deadlines (c, TODAY);
  d = deadline_of (deadlines, WARD_DEADLINE_RECOGNITION_RESOLUTION);
  g_assert_nonnull (d);
  g_assert_cmpint (d->working_days_over, ==, 0);
  waiting = ward_candidate_check (c, NULL, "2027-01-07");
  g_assert_true (has_message (waiting, "working days overdue"));
  g_assert_nonnull (issue_for (waiting, "recognition_resolution_date"));

  /* A withdrawn file's pending steps are no longer due. */
  c->state = WARD_CANDIDATE_WITHDRAWN;
  g_clear_pointer (&deadlines, g_ptr_array_unref);
  deadlines = ward_candidate_deadlines (c, "2027-01-07");
  g_assert_null (deadline_of (deadlines, WARD_DEADLINE_RECOGNITION_RESOLUTION));
}

/* Quy định 294-QĐ/TW 4.2 b: official from the end of the probation, however
 * late the recognition came. */
static void
test_official_since (void)
{
  g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_RECOGNITION);
  g_autofree char *since = NULL;
  g_autofree char *none = NULL;

  set_date (c, WARD_STAGE_RECOGNITION, "2026-11-25");
  since = ward_candidate_official_since (c);
  g_assert_cmpstr (since, ==, "2026-09-20");
  set_date (c, WARD_STAGE_RECOGNITION, NULL);
  none = ward_candidate_official_since (c);
  g_assert_null (none);
}

static void
test_age_groups (void)
{
  static const struct { int age, group; } cases[] = {
    { 18, 0 }, { 30, 0 }, { 31, 1 }, { 40, 1 }, { 41, 2 }, { 50, 2 }, { 51, 3 }, { 75, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ward_admissions_age_group (cases[i].age), ==, cases[i].group);
  g_assert_cmpstr (ward_admissions_age_group_title (0), ==, "18 to 30");
  g_assert_cmpstr (ward_admissions_age_group_title (3), ==, "Over 50");
}

/* ---- With a store ------------------------------------------------------- */

typedef struct
{
  char      *dir;
  WardStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = ward_test_make_dir ("admissions");
  f->store = ward_test_new_store (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
add_cell (Fixture    *f,
          const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 id = ward_party_cell_add (f->store, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static WardCandidate *
save_new (Fixture    *f,
          const char *name,
          const char *birth,
          WardStage   upto,
          gint64      cell_id)
{
  g_autoptr (WardCandidate) c = make_candidate (name, birth, upto);
  g_autoptr (GError) error = NULL;

  c->cell_id = cell_id;
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c->id, >, 0);
  return g_steal_pointer (&c);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const same_person[] = {
    "Nguyễn Thị Hoa",
    "nguyễn thị hoa",
    "NGUYỄN THỊ HOA",
    "Nguyen Thi Hoa",
    "  Nguyễn   Thị  Hoa ",
    "Nguye\xcc\x82\xcc\x83n Thi\xcc\xa3 Hoa",  /* NFD */
  };
  gint64 cell = add_cell (f, "Chi bộ Khu phố 1");
  g_autoptr (WardCandidate) first = save_new (f, "Nguyễn Thị Hoa", "1995-03-05", WARD_STAGE_APPLICATION, cell);
  g_autoptr (WardCandidate) other_day = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (same_person); i++)
    {
      g_autoptr (WardCandidate) c = make_candidate (same_person[i], "1995-03-05", WARD_STAGE_NONE);
      g_autoptr (GError) dup_error = NULL;

      g_test_message ("“%s”", same_person[i]);
      g_assert_false (ward_candidate_save (f->store, c, &dup_error));
      g_assert_error (dup_error, WARD_ERROR, WARD_ERROR_DUPLICATE);
      /* The message points at the stored record. */
      g_assert_nonnull (strstr (dup_error->message, "Nguyễn Thị Hoa"));
      g_assert_nonnull (strstr (dup_error->message, "05/03/1995"));
      g_assert_nonnull (strstr (dup_error->message, "Chi bộ Khu phố 1"));
      g_assert_cmpint (c->id, ==, 0);
    }
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 1);

  /* Another birth date is another person; the record itself is no
   * duplicate of itself. */
  other_day = save_new (f, "Nguyễn Thị Hoa", "1995-03-06", WARD_STAGE_NONE, 0);
  g_free (first->note);
  first->note = g_strdup ("Đã học lớp cảm tình");
  g_assert_true (ward_candidate_save (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 2);
}

static void
test_save_and_keys (Fixture       *f,
                    gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố Đông Hải");
  g_autoptr (WardCandidate) c = make_candidate ("Tru\xcc\x9bo\xcc\x9b\xcc\x80ng  Bi\xcc\x80nh Minh", "1990-01-01",
                                                WARD_STAGE_NONE);
  g_autoptr (WardCandidate) loaded = NULL;
  g_autoptr (WardCandidate) underage = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sort_key = NULL;

  c->given_name_words = 2;
  c->cell_id = cell;
  c->residential_group = g_strdup ("Tổ 5");
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);

  stmt = ward_store_prepare (f->store, "SELECT full_name, sort_key, search_key FROM candidates WHERE id = ?", &error);
  sqlite3_bind_int64 (stmt, 1, c->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (ward_stmt_text (stmt, 0), ==, "Trường Bình Minh");  /* NFC, one space */
  sort_key = ward_text_name_sort_key ("Trường Bình Minh", 2);
  g_assert_cmpstr (ward_stmt_text (stmt, 1), ==, sort_key);
  g_assert_true (ward_text_folded_contains (ward_stmt_text (stmt, 2), "truong binh minh"));
  g_assert_true (ward_text_folded_contains (ward_stmt_text (stmt, 2), "khu pho dong hai"));
  g_assert_true (ward_text_folded_contains (ward_stmt_text (stmt, 2), "to 5"));
  g_clear_pointer (&stmt, ward_stmt_release);

  loaded = ward_candidate_load (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->cell_name, ==, "Chi bộ Khu phố Đông Hải");
  g_assert_cmpint (loaded->given_name_words, ==, 2);
  g_assert_cmpstr (loaded->uuid, ==, c->uuid);

  /* A refused record stores nothing. */
  underage = make_candidate ("Lê Thị Na", "2009-06-01", WARD_STAGE_CELL_RESOLUTION);
  set_date (underage, WARD_STAGE_CELL_RESOLUTION, "2026-11-20");
  g_assert_false (ward_candidate_save (f->store, underage, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "18 from 06/2027"));
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 1);
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const names[] = {
    "Lê Thị Hoa", "Trần Văn Bình", "Nguyễn Văn An", "Đỗ Văn Anh", "Phạm Thị Ánh", "Vũ Văn Đức",
  };
  /* By given name: An, Anh, Ánh, Bình, Đức, Hoa. */
  static const char * const expected[] = {
    "Nguyễn Văn An", "Đỗ Văn Anh", "Phạm Thị Ánh", "Trần Văn Bình", "Vũ Văn Đức", "Lê Thị Hoa",
  };
  gint64 cell = add_cell (f, "Chi bộ 3");
  g_autoptr (WardRows) list = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ward_candidate_free (save_new (f, names[i], "1990-01-01",
                                   i == 0 ? WARD_STAGE_CEREMONY : WARD_STAGE_NONE, cell));
  list = ward_candidate_rows_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_rows_get_n (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (candidate_row (list, i)->full_name, ==, expected[i]);
  /* Lê Thị Hoa: the furthest stage and its date. */
  g_assert_cmpint (candidate_row (list, 5)->stage, ==, WARD_STAGE_CEREMONY);
  g_assert_cmpstr (candidate_row (list, 5)->stage_date, ==, "2025-09-20");
  g_assert_cmpstr (candidate_row (list, 5)->cell_name, ==, "Chi bộ 3");
  g_assert_cmpint (candidate_row (list, 0)->stage, ==, WARD_STAGE_NONE);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WardCandidate) c = save_new (f, "Lê Thị Hoa", "1990-01-01", WARD_STAGE_CEREMONY, 0);
  g_autoptr (WardCandidate) deleted = NULL;
  g_autoptr (WardCandidate) back = NULL;
  g_autoptr (WardCandidate) again = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_candidate_delete (f->store, c->id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 0);
  g_assert_true (ward_candidate_restore (f->store, deleted, &error));
  g_assert_no_error (error);
  back = ward_candidate_load (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->uuid, ==, c->uuid);
  g_assert_cmpstr (back->dates[WARD_STAGE_CEREMONY], ==, "2025-09-20");

  /* Saving a record someone deleted meanwhile is refused, not lost. */
  g_assert_true (ward_candidate_delete (f->store, c->id, NULL, &error));
  g_assert_false (ward_candidate_save (f->store, back, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ward_candidate_restore (f->store, back, &error));
  g_assert_no_error (error);

  /* Restoring once the same person was added again is refused. */
  g_assert_true (ward_candidate_delete (f->store, c->id, NULL, &error));
  again = save_new (f, "LÊ THỊ HOA", "1990-01-01", WARD_STAGE_NONE, 0);
  g_assert_false (ward_candidate_restore (f->store, back, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
}

static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  gint64 one = add_cell (f, "Chi bộ Khu phố 1");
  gint64 two = add_cell (f, "Chi bộ Khu phố 2");
  g_autoptr (WardCandidate) c = save_new (f, "Lê Thị Hoa", "1990-01-01", WARD_STAGE_NONE, one);
  g_autoptr (GPtrArray) cells = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (ward_party_cell_add (f->store, "chi bo khu pho 1", &error), ==, 0);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (ward_party_cell_add (f->store, "   ", &error), ==, 0);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ward_party_cell_find (f->store, "CHI BỘ KHU PHỐ 2", &error), ==, two);
  g_assert_cmpint (ward_party_cell_find (f->store, "Chi bộ 9", &error), ==, 0);

  /* Renaming: refused onto another's name; the candidates' search follows. */
  g_assert_false (ward_party_cell_rename (f->store, one, "Chi Bộ Khu Phố 2", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (ward_party_cell_rename (f->store, one, "Chi bộ Phú Sơn", &error));
  g_assert_no_error (error);
  stmt = ward_store_prepare (f->store, "SELECT search_key FROM candidates WHERE id = ?", &error);
  sqlite3_bind_int64 (stmt, 1, c->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (ward_text_folded_contains (ward_stmt_text (stmt, 0), "phu son"));
  g_assert_false (ward_text_folded_contains (ward_stmt_text (stmt, 0), "khu pho 1"));
  g_clear_pointer (&stmt, ward_stmt_release);

  /* Removing: refused while used. */
  g_assert_false (ward_party_cell_remove (f->store, one, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 candidate"));
  g_clear_error (&error);
  g_assert_true (ward_party_cell_remove (f->store, two, &error));
  g_assert_no_error (error);
  cells = ward_party_cells_load (f->store, &error);
  g_assert_cmpuint (cells->len, ==, 1);
  g_assert_cmpstr (((WardPartyCell *) cells->pdata[0])->name, ==, "Chi bộ Phú Sơn");
  g_assert_cmpint (((WardPartyCell *) cells->pdata[0])->n_candidates, ==, 1);
}

static char *
days_before (const char *iso,
             int         days)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);

  g_date_subtract_days (date, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Admitted on @ceremony, each step before it within its deadline. */
static void
save_admitted (Fixture    *f,
               const char *name,
               const char *birth,
               const char *ceremony,
               WardGender  gender,
               const char *ethnicity,
               gboolean    youth_union,
               gint64      cell)
{
  static const struct { WardStage stage; int days; } before[] = {
    { WARD_STAGE_SYMPATHISER, 200 }, { WARD_STAGE_COURSE, 190 }, { WARD_STAGE_APPLICATION, 180 },
    { WARD_STAGE_VERIFICATION_SENT, 170 }, { WARD_STAGE_VERIFICATION_DONE, 120 },
    { WARD_STAGE_CELL_RESOLUTION, 20 }, { WARD_STAGE_DECISION, 5 }, { WARD_STAGE_CEREMONY, 0 },
  };
  g_autoptr (WardCandidate) c = make_candidate (name, birth, WARD_STAGE_CEREMONY);
  g_autoptr (GError) error = NULL;

  c->gender = gender;
  c->ethnicity = g_strdup (ethnicity);
  c->religion = g_strdup ("Không");
  c->occupation = g_strdup ("Giáo viên");
  g_clear_pointer (&c->education, g_free);
  c->youth_union = youth_union;
  if (youth_union)
    c->youth_union_resolution = g_strdup ("08-NQ/ĐTN");
  c->cell_id = cell;
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      g_free (c->dates[before[i].stage]);
      c->dates[before[i].stage] = days_before (ceremony, before[i].days);
    }
  g_free (c->introducer_1_since);
  c->introducer_1_since = days_before (ceremony, 1000);
  g_free (c->introducer_2_since);
  c->introducer_2_since = days_before (ceremony, 1000);
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);
}

static const char *
count_of (GPtrArray  *counts,
          const char *label,
          gint64     *n)
{
  for (guint i = 0; i < counts->len; i++)
    {
      WardCount *count = counts->pdata[i];

      if (g_strcmp0 (count->label, label) == 0)
        {
          *n = count->count;
          return label;
        }
    }
  *n = -1;
  return NULL;
}

static gint64
count_label (GPtrArray  *counts,
             const char *label)
{
  gint64 n;

  count_of (counts, label, &n);
  return n;
}

static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  gint64 cell = add_cell (f, "Chi bộ Khu phố 1");
  g_autoptr (WardAdmissionStats) stats = NULL;
  g_autoptr (WardAdmissionProgress) progress = NULL;
  g_autoptr (GError) error = NULL;

  /* Ages at the ceremony at each edge of the groups. */
  save_admitted (f, "Nguyễn Văn A", "1995-09-10", "2025-09-10", WARD_GENDER_MALE, "Kinh", TRUE, cell);   /* 30 */
  save_admitted (f, "Nguyễn Văn B", "1994-09-10", "2025-09-09", WARD_GENDER_MALE, "Kinh", FALSE, cell);  /* 30 */
  save_admitted (f, "Nguyễn Thị C", "1994-09-10", "2025-09-10", WARD_GENDER_FEMALE, "Mường", FALSE, 0); /* 31 */
  save_admitted (f, "Nguyễn Thị D", "1985-01-01", "2026-01-01", WARD_GENDER_FEMALE, "Kinh", FALSE, cell); /* 41 */
  save_admitted (f, "Nguyễn Thị E", "1976-03-01", "2026-02-28", WARD_GENDER_FEMALE, "Thái", FALSE, cell); /* 49 */
  save_admitted (f, "Nguyễn Văn G", "1975-03-01", "2026-03-01", WARD_GENDER_UNKNOWN, NULL, FALSE, cell); /* 51 */
  /* Before the term, and before the congress (16/08/2025): not counted. */
  save_admitted (f, "Nguyễn Văn H", "1990-01-01", "2024-12-31", WARD_GENDER_MALE, "Kinh", FALSE, cell);
  save_admitted (f, "Nguyễn Văn I", "1990-01-01", "2025-08-15", WARD_GENDER_MALE, "Kinh", FALSE, cell);

  stats = ward_admissions_stats (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stats->total, ==, 6);
  g_assert_cmpint (count_label (stats->age_group, "18 to 30"), ==, 2);
  g_assert_cmpint (count_label (stats->age_group, "31 to 40"), ==, 1);
  g_assert_cmpint (count_label (stats->age_group, "41 to 50"), ==, 2);
  g_assert_cmpint (count_label (stats->age_group, "Over 50"), ==, 1);
  g_assert_cmpint (count_label (stats->gender, "Nam"), ==, 2);
  g_assert_cmpint (count_label (stats->gender, "Nữ"), ==, 3);
  g_assert_cmpint (count_label (stats->gender, "Not recorded"), ==, 1);
  g_assert_cmpint (count_label (stats->ethnicity, "Kinh"), ==, 3);
  g_assert_cmpstr (((WardCount *) stats->ethnicity->pdata[0])->label, ==, "Kinh");  /* most first */
  g_assert_cmpint (count_label (stats->ethnicity, "Mường"), ==, 1);
  g_assert_cmpint (count_label (stats->ethnicity, "Not recorded"), ==, 1);
  g_assert_cmpint (count_label (stats->youth_union, "Youth Union members"), ==, 1);
  g_assert_cmpint (count_label (stats->youth_union, "Not Youth Union members"), ==, 5);
  g_assert_cmpint (count_label (stats->religion, "Không"), ==, 6);
  g_assert_cmpint (count_label (stats->occupation, "Giáo viên"), ==, 6);
  g_assert_cmpint (count_label (stats->education, "Not recorded"), ==, 6);

  progress = ward_admissions_progress (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (progress->goal, ==, 600);
  g_assert_cmpint (progress->count, ==, 6);
  /* The same as the targets count. */
  g_assert_cmpint (progress->count, ==,
                   ward_targets_count_registered (f->store, WARD_SOURCE_ADMISSIONS, "2025-08-16", "2030-12-31", NULL));
  g_assert_cmpuint (progress->by_year->len, ==, 6);
  g_assert_cmpstr (((WardCount *) progress->by_year->pdata[0])->label, ==, "2025");
  g_assert_cmpint (((WardCount *) progress->by_year->pdata[0])->count, ==, 3);
  g_assert_cmpint (((WardCount *) progress->by_year->pdata[1])->count, ==, 3);
  g_assert_cmpint (((WardCount *) progress->by_year->pdata[5])->count, ==, 0);
  g_assert_cmpint (count_label (progress->by_cell, "Chi bộ Khu phố 1"), ==, 5);
  g_assert_cmpint (count_label (progress->by_cell, "No chi bộ"), ==, 1);
  /* 594 over the 4,1 years left of the term on 27/11/2026 (ward_progress_pace_needed). */
  g_assert_cmpint (progress->pace_needed, ==, 146);
}

/* The issue's example: candidates imported without introducers stay
 * editable; a clerk correcting a phone number sees "Thiếu người giới
 * thiệu" as a warning. Changing the chi bộ resolution records the step
 * again: then the rule refuses. */
static void
test_inherited_rules (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (WardCandidate) c = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GError) error = NULL;
  WardCandidateIssue *issue;

  ward_candidate_free (save_new (f, "Trần Văn An", "1990-01-01", WARD_STAGE_CEREMONY, 0));
  /* As an import before the introducer columns left it. */
  ward_test_exec (f->store, "UPDATE candidates SET introducer_1 = NULL, introducer_2 = NULL, "
                            "introducer_1_official = NULL, introducer_2_official = NULL, "
                            "introducer_1_since = NULL, introducer_2_since = NULL");
  c = ward_candidate_load (f->store, 1, &error);
  g_assert_no_error (error);
  c->phone = g_strdup ("0912 345 678");
  issues = ward_candidate_validate (f->store, c, TODAY, &error);
  g_assert_no_error (error);
  dump_issues (issues);
  issue = issue_for (issues, "introducer_1");
  g_assert_nonnull (issue);
  g_assert_true (issue->warning);
  g_assert_nonnull (strstr (issue->message, "Missing introducers"));
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);

  set_date (c, WARD_STAGE_CELL_RESOLUTION, "2025-08-26");
  g_assert_false (ward_candidate_save (f->store, c, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Missing introducers"));
}

static void
test_overdue_rows (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (WardCandidate) late = make_candidate ("Trần Văn Muộn", "1990-01-01", WARD_STAGE_DECISION);
  g_autoptr (WardCandidate) waiting = make_candidate ("Trần Văn Chờ", "1990-01-01", WARD_STAGE_CELL_RESOLUTION);
  g_autoptr (WardRows) rows = NULL;
  g_autoptr (GError) error = NULL;
  WardMissedDeadlines missed;

  ward_candidate_free (save_new (f, "Trần Văn Đúng", "1990-01-01", WARD_STAGE_RECOGNITION, 0));
  set_date (late, WARD_STAGE_DECISION, "2025-12-01");  /* due 17/11/2025 */
  g_assert_true (ward_candidate_save (f->store, late, &error));
  set_date (waiting, WARD_STAGE_CELL_RESOLUTION, "2026-06-01");  /* decision due 24/08/2026 */
  g_assert_true (ward_candidate_save (f->store, waiting, &error));
  g_assert_no_error (error);

  rows = ward_candidate_rows_load (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ward_rows_get_n (rows); i++)
    {
      const WardCandidateRow *row = candidate_row (rows, i);

      g_test_message ("%s: %u", row->full_name, row->overdue_days);
      if (g_str_equal (row->full_name, "Trần Văn Đúng"))
        g_assert_cmpint (row->overdue_days, ==, 0);
      else
        g_assert_cmpint (row->overdue_days, >, 0);
    }
  g_assert_true (ward_admissions_missed_deadlines (f->store, TODAY, &missed, &error));
  g_assert_no_error (error);
  /* The late decision, the ceremony it still waits for, the decision the
   * second waits for. */
  g_assert_cmpint (missed.candidates, ==, 2);
  g_assert_cmpint (missed.missed, ==, 3);
  g_assert_cmpint (missed.most_days_over, >, 50);
}

static void
test_count_official (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WardCandidate) c = make_candidate ("Trần Văn An", "1990-01-01", WARD_STAGE_RECOGNITION);
  g_autoptr (GError) error = NULL;

  /* Recognised late, in November: official from 20/09/2026. */
  set_date (c, WARD_STAGE_RECOGNITION, "2026-11-25");
  g_free (c->recognition_resolution_date);
  c->recognition_resolution_date = g_strdup ("2026-10-30");
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ward_admissions_count_official (f->store, "2026-09-01", "2026-09-30", &error), ==, 1);
  g_assert_cmpint (ward_admissions_count_official (f->store, "2026-11-01", "2026-11-30", &error), ==, 0);
}

static void
test_follow_up_lists (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) stalled = NULL;
  g_autoptr (GError) error = NULL;

  save_admitted (f, "Trần Thị Sắp", "1990-01-01", "2025-12-20", WARD_GENDER_FEMALE, NULL, FALSE, 0);  /* due in 23 days */
  save_admitted (f, "Trần Văn Muộn", "1990-01-01", "2025-10-01", WARD_GENDER_MALE, NULL, FALSE, 0);   /* 57 days late */
  save_admitted (f, "Trần Văn Xa", "1990-01-01", "2026-01-10", WARD_GENDER_MALE, NULL, FALSE, 0);     /* 44 days away */
  {
    g_autoptr (WardCandidate) done = make_candidate ("Trần Văn Xong", "1990-01-01", WARD_STAGE_RECOGNITION);
    g_autoptr (WardCandidate) waiting = make_candidate ("Lê Văn Chờ", "1990-01-01", WARD_STAGE_APPLICATION);
    g_autoptr (WardCandidate) recent = make_candidate ("Lê Văn Mới", "1990-01-01", WARD_STAGE_NONE);

    g_assert_true (ward_candidate_save (f->store, done, &error));
    g_assert_true (ward_candidate_save (f->store, waiting, &error));  /* applied 01/03/2025 */
    set_date (recent, WARD_STAGE_APPLICATION, "2026-01-01");
    g_assert_true (ward_candidate_save (f->store, recent, &error));
    g_assert_no_error (error);
  }

  due = ward_admissions_due_recognition (f->store, TODAY, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((WardCandidateDue *) due->pdata[0])->full_name, ==, "Trần Văn Muộn");
  g_assert_cmpint (((WardCandidateDue *) due->pdata[0])->days, ==, -57);
  g_assert_cmpstr (((WardCandidateDue *) due->pdata[1])->full_name, ==, "Trần Thị Sắp");
  g_assert_cmpstr (((WardCandidateDue *) due->pdata[1])->date, ==, "2026-12-20");
  g_assert_cmpint (((WardCandidateDue *) due->pdata[1])->days, ==, 23);

  stalled = ward_admissions_stalled (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stalled->len, ==, 1);
  g_assert_cmpstr (((WardCandidateDue *) stalled->pdata[0])->full_name, ==, "Lê Văn Chờ");
  g_assert_cmpstr (((WardCandidateDue *) stalled->pdata[0])->date, ==, "2025-03-01");
}

static void
test_stats_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (JsonNode) stats = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *counted;
  JsonObject *admissions = NULL;

  save_admitted (f, "Nguyễn Văn A", "1995-06-10", "2025-09-10", WARD_GENDER_MALE, "Kinh", TRUE, 0);
  save_admitted (f, "Nguyễn Văn B", "1995-06-10", "2026-06-10", WARD_GENDER_MALE, "Kinh", TRUE, 0);
  save_admitted (f, "Nguyễn Văn C", "1995-06-10", "2026-06-11", WARD_GENDER_MALE, "Kinh", TRUE, 0);
  stats = ward_stats_collect (f->store, &error);
  g_assert_no_error (error);
  counted = json_object_get_array_member (json_node_get_object (stats), "counted");
  for (guint i = 0; i < json_array_get_length (counted); i++)
    {
      JsonObject *target = json_array_get_object_element (counted, i);

      if (g_strcmp0 (json_object_get_string_member (target, "source"), "admissions") == 0)
        {
          g_assert_null (admissions);  /* once */
          admissions = target;
        }
    }
  g_assert_nonnull (admissions);
  g_assert_cmpint (json_object_get_int_member (admissions, "count"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (admissions, "goal"), ==, 600);
  {
    JsonArray *years = json_object_get_array_member (admissions, "by_year");
    JsonObject *y2026 = json_array_get_object_element (years, 1);

    g_assert_cmpuint (json_array_get_length (years), ==, 6);
    g_assert_cmpint (json_object_get_int_member (y2026, "year"), ==, 2026);
    g_assert_cmpint (json_object_get_int_member (y2026, "count"), ==, 2);
  }
  text = ward_stats_format_text (stats);
  g_assert_nonnull (strstr (text, "3/600"));
  g_assert_nonnull (strstr (text, "2026: 2"));
}

/* ---- Spreadsheet -------------------------------------------------------- */

static const char conflict_csv[] =
  "Họ và tên,Ngày sinh,Nghề nghiệp,Ghi chú\r\n"
  "Nguyễn Thị Hoa,05/03/1995,Hiệu trưởng,\"Ghi chú, có dấu phẩy\"\r\n"
  "Trần Văn Bình,01/01/1990,Kỹ sư,\r\n";

/* Every step's facts have a column (README lists them). */
static const char members_csv[] =
  "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Trình độ học vấn,Nghề nghiệp,Đoàn viên,"
  "Tổ dân phố,Chi bộ,Ngày vào danh sách cảm tình,Ngày cấp giấy chứng nhận,Số nghị quyết chi bộ,"
  "Ngày nghị quyết chi bộ,Số quyết định kết nạp,Ngày quyết định kết nạp,Ngày kết nạp,"
  "Ngày công nhận chính thức,Ghi chú,Số điện thoại,Ngày đơn và lý lịch,"
  "Ngày hoàn thành thẩm tra lý lịch,Người giới thiệu 1,Người giới thiệu 1 là đảng viên chính thức,"
  "Người giới thiệu 1 cùng công tác từ ngày,Nghị quyết giới thiệu của Đoàn,"
  "Ngày nghị quyết chi bộ đề nghị công nhận chính thức,Số quyết định công nhận chính thức\r\n"
  "Nguyễn Thị Hoa,05/03/1995,Nữ,Kinh,Không,12/12,Giáo viên,x,Tổ 3,Chi bộ Khu phố 1,10/01/2025,"
  "15/02/2025,05-NQ/CB,25/08/2025,120-QĐ/ĐU,15/09/2025,20/09/2025,28/09/2026,\"Ghi chú, có dấu phẩy\","
  "0912 345 678,01/03/2025,10/05/2025,Lê Văn Tám,x,01/01/2022,12-NQ/ĐTN,22/09/2026,310-QĐ/ĐU\r\n"
  "Trần Văn Bình,1990-01-01,Nam,Kinh,Phật giáo,12/12,Kỹ sư,,Tổ 1,chi bo khu pho 1,,,,,,,,,,,,,,,,,,\r\n"
  "Lê Văn Cường,01/02/1988,nam,Tày,,9/12,Nông dân,0,Tổ 2,Chi bộ Phú Sơn,,,,,,,,,,,,,,,,,,\r\n";

static WardCsvTable *
table_from (const char *csv)
{
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (GError) error = NULL;
  WardCsvTable *table = ward_csv_read_bytes (bytes, "members.csv", &error);

  g_assert_no_error (error);
  return table;
}

static void
run_import (Fixture          *f,
            const char       *csv,
            WardImportPolicy  policy,
            gboolean          dry_run,
            WardImportResult *result)
{
  g_autoptr (WardCsvTable) table = table_from (csv);
  g_autoptr (GError) error = NULL;
  WardImportContext context = { policy, NULL, NULL };

  g_assert_true (ward_import_run (f->store, &ward_admissions_import_kind, table, &context, dry_run,
                                  NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->issues->len; i++)
    {
      g_autofree char *line = ward_csv_issue_to_string (result->issues->pdata[i]);
      g_test_message ("  %s", line);
    }
}

static gboolean
has_issue (WardImportResult *result,
           WardCsvSeverity   severity,
           guint             row,
           const char       *column,
           const char       *part)
{
  for (guint i = 0; i < result->issues->len; i++)
    {
      WardCsvIssue *issue = result->issues->pdata[i];

      if (issue->severity == severity && issue->row == row && g_strcmp0 (issue->column, column) == 0
          && strstr (issue->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  WardImportResult result = { 0, };
  g_autoptr (GPtrArray) cells = NULL;
  g_autoptr (WardCandidate) hoa = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  add_cell (f, "Chi bộ Khu phố 1");
  g_assert_nonnull (ward_registers_import_kind ("members"));

  /* A dry run stores nothing, not even the new chi bộ. */
  run_import (f, members_csv, WARD_IMPORT_SKIP_EXISTING, TRUE, &result);
  g_assert_cmpuint (result.n_errors, ==, 0);
  g_assert_false (result.committed);
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 0);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_cells", NULL), ==, 1);
  ward_import_result_clear (&result);

  run_import (f, members_csv, WARD_IMPORT_SKIP_EXISTING, FALSE, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  /* “chi bo khu pho 1” is the chi bộ already kept; Phú Sơn is new: added,
   * with a warning on its row. */
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_WARNING, 4, "Chi bộ", "Chi bộ Phú Sơn"));
  /* The preview says that “chi bo khu pho 1” is taken as the kept one. */
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_WARNING, 3, "Chi bộ",
                            "“chi bo khu pho 1” is taken as the known name “Chi bộ Khu phố 1”"));
  g_assert_false (has_issue (&result, WARD_CSV_SEVERITY_WARNING, 3, "Chi bộ", "list of chi bộ"));
  cells = ward_party_cells_load (f->store, &error);
  g_assert_cmpuint (cells->len, ==, 2);
  ward_import_result_clear (&result);

  id = 0;
  {
    g_autoptr (WardRows) list = ward_candidate_rows_load (f->store, &error);

    for (guint i = 0; i < ward_rows_get_n (list); i++)
      if (g_str_equal (candidate_row (list, i)->full_name, "Nguyễn Thị Hoa"))
        id = candidate_row (list, i)->id;
  }
  hoa = ward_candidate_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hoa->gender, ==, WARD_GENDER_FEMALE);
  g_assert_true (hoa->youth_union);
  g_assert_cmpstr (hoa->cell_name, ==, "Chi bộ Khu phố 1");
  g_assert_cmpstr (hoa->dates[WARD_STAGE_CEREMONY], ==, "2025-09-20");
  g_assert_cmpstr (hoa->note, ==, "Ghi chú, có dấu phẩy");
  g_assert_cmpstr (hoa->phone, ==, "0912 345 678");
  g_assert_cmpstr (hoa->introducer_1, ==, "Lê Văn Tám");
  g_assert_true (hoa->introducer_1_official);
  g_assert_cmpstr (hoa->introducer_1_since, ==, "2022-01-01");
  g_assert_cmpstr (hoa->recognition_resolution_date, ==, "2026-09-22");
  g_assert_cmpstr (hoa->recognition_number, ==, "310-QĐ/ĐU");
  g_assert_cmpint (ward_targets_count_registered (f->store, WARD_SOURCE_ADMISSIONS, "2025-01-01",
                                                  "2030-12-31", NULL), ==, 1);

  /* The same file again adds nothing: each row is skipped, said so. */
  run_import (f, members_csv, WARD_IMPORT_SKIP_EXISTING, FALSE, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.skipped, ==, 3);
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_WARNING, 2, "Họ và tên", "same values"));
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 3);
  ward_import_result_clear (&result);

  /* Another value for a stored person is a conflict naming both, unless
   * the clerk asks to update. */
  run_import (f, conflict_csv, WARD_IMPORT_SKIP_EXISTING, FALSE, &result);
  g_assert_false (result.committed);
  g_assert_cmpuint (result.n_errors, ==, 1);
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 2, "Họ và tên",
                            "«Nghề nghiệp»: stored “Giáo viên”, in the file “Hiệu trưởng”"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_WARNING, 3, "Họ và tên", "same values"));
  ward_import_result_clear (&result);
  run_import (f, conflict_csv, WARD_IMPORT_UPDATE_EXISTING, FALSE, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.skipped, ==, 1);
  ward_import_result_clear (&result);
  g_clear_pointer (&hoa, ward_candidate_free);
  hoa = ward_candidate_load (f->store, id, &error);
  g_assert_cmpstr (hoa->occupation, ==, "Hiệu trưởng");
  g_assert_cmpstr (hoa->note, ==, "Ghi chú, có dấu phẩy");
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const char bad_csv[] =
    "Full name;Date of birth;Gender;Party cell;Cell resolution number;Cell resolution date;Admission date\n"
    "Lê Thị Nhỏ;01/06/2009;Nữ;Chi bộ 1;07-NQ/CB;20/11/2026;\n"          /* 17 at the resolution */
    "Lê Văn Ngược;01/01/1990;Nam;Chi bộ 1;08-NQ/CB;20/11/2026;01/11/2026\n"  /* ceremony before */
    "Lê Văn Số;01/01/1990;Nam;Chi bộ 1;;20/11/2026;\n"                 /* no number */
    "Lê Văn Giới;01/01/1991;Khác;Chi bộ 1;;;\n"                         /* gender */
    "lê văn số;01/01/1990;Nam;Chi bộ 1;;;\n"                            /* row 4 again */
    "Lê Văn Tốt;01/01/1992;Nam;Chi bộ 1;;;\n";
  WardImportResult result = { 0, };

  run_import (f, bad_csv, WARD_IMPORT_SKIP_EXISTING, FALSE, &result);
  g_assert_false (result.committed);
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 0);
  g_assert_cmpint (ward_store_count_rows (f->store, "party_cells", NULL), ==, 0);
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 2, "Date of birth", "18 from 06/2027"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 3, "Admission date", "cannot be earlier"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 4, "Cell resolution number", "Write the number"));
  /* The chi bộ resolution's rules apply on import too: no introducers, no
   * papers before it. */
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 4, "Người giới thiệu 1", "Missing introducers"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 4, "Ngày đơn và lý lịch", "the application"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 5, "Gender", "Nam"));
  g_assert_true (has_issue (&result, WARD_CSV_SEVERITY_ERROR, 6, "Full name", "row 4"));
  g_assert_cmpuint (result.n_errors, ==, 5);
  ward_import_result_clear (&result);
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  WardImportResult result = { 0, };
  g_autofree char *first_path = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.csv", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.sqlite3", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (WardStore) other = NULL;
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };

  run_import (f, members_csv, WARD_IMPORT_SKIP_EXISTING, FALSE, &result);
  g_assert_true (result.committed);
  ward_import_result_clear (&result);
  g_assert_true (ward_export_to_path (f->store, &ward_admissions_import_kind, NULL, first_path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);

  /* Into a fresh file, then out again: the same records, the same file. */
  other = ward_store_open (other_db, &error);
  g_assert_no_error (error);
  table = ward_csv_read_file (first_path, &error);
  g_assert_no_error (error);
  g_assert_true (ward_import_run (other, &ward_admissions_import_kind, table, &context, FALSE,
                                  NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  ward_import_result_clear (&result);
  g_assert_true (ward_export_to_path (other, &ward_admissions_import_kind, NULL, second_path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);

  first = read_text (first_path);
  second = read_text (second_path);
  g_assert_true (g_str_has_prefix (first, "\xef\xbb\xbf"));  /* BOM for Excel */
  g_assert_nonnull (strstr (first, "05/03/1995"));
  g_assert_nonnull (strstr (first, "Nữ"));
  g_assert_cmpstr (first, ==, second);
}

static void
test_import_update (Fixture       *f,
                    gconstpointer  data)
{
  static const char update_csv[] =
    "Họ và tên,Ngày sinh,Nghề nghiệp\n"
    "NGUYỄN THỊ HOA,05/03/1995,Kế toán\n";
  WardImportResult result = { 0, };
  g_autoptr (WardCandidate) c = make_candidate ("Nguyễn Thị Hoa", "1995-03-05", WARD_STAGE_CEREMONY);
  g_autoptr (WardCandidate) after = NULL;
  g_autoptr (GError) error = NULL;

  c->occupation = g_strdup ("Giáo viên");
  c->ethnicity = g_strdup ("Kinh");
  g_assert_true (ward_candidate_save (f->store, c, &error));
  g_assert_no_error (error);

  run_import (f, update_csv, WARD_IMPORT_UPDATE_EXISTING, FALSE, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.updated, ==, 1);
  ward_import_result_clear (&result);

  /* Only the file's columns change; the introducers it has no column for
   * stay. */
  after = ward_candidate_load (f->store, c->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->occupation, ==, "Kế toán");
  g_assert_cmpstr (after->ethnicity, ==, "Kinh");
  g_assert_cmpstr (after->introducer_1, ==, "Lê Văn Tám");
  g_assert_cmpstr (after->dates[WARD_STAGE_CEREMONY], ==, "2025-09-20");
  g_assert_cmpstr (after->uuid, ==, c->uuid);
  g_assert_cmpint (ward_store_count_rows (f->store, "candidates", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("WARD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/admissions/age-on", test_age_on);
  g_test_add_func ("/admissions/add-months", test_add_months);
  g_test_add_func ("/admissions/rules/valid-timeline", test_valid_timeline);
  g_test_add_func ("/admissions/rules/required", test_required_fields);
  g_test_add_func ("/admissions/rules/age", test_age_rule);
  g_test_add_func ("/admissions/rules/stage-order", test_stage_order);
  g_test_add_func ("/admissions/rules/stage-order-gaps", test_stage_order_gaps);
  g_test_add_func ("/admissions/rules/decision-numbers", test_decision_numbers);
  g_test_add_func ("/admissions/rules/certificate", test_certificate_validity);
  g_test_add_func ("/admissions/rules/stall", test_stall);
  g_test_add_func ("/admissions/rules/introducers", test_introducers);
  g_test_add_func ("/admissions/rules/education", test_education);
  g_test_add_func ("/admissions/rules/papers-before-resolution", test_papers_before_resolution);
  g_test_add_func ("/admissions/rules/steps", test_steps);
  g_test_add_func ("/admissions/rules/deadlines", test_deadlines);
  g_test_add_func ("/admissions/rules/deadline-warnings", test_deadline_warnings);
  g_test_add_func ("/admissions/rules/official-since", test_official_since);
  g_test_add_func ("/admissions/age-groups", test_age_groups);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/admissions/store/duplicates", test_duplicates);
  ADD ("/admissions/store/save-and-keys", test_save_and_keys);
  ADD ("/admissions/store/list-order", test_list_order);
  ADD ("/admissions/store/delete-restore", test_delete_restore);
  ADD ("/admissions/store/cells", test_cells);
  ADD ("/admissions/store/inherited-rules", test_inherited_rules);
  ADD ("/admissions/store/overdue-rows", test_overdue_rows);
  ADD ("/admissions/progress/official", test_count_official);
  ADD ("/admissions/progress/statistics", test_statistics);
  ADD ("/admissions/progress/follow-up", test_follow_up_lists);
  ADD ("/admissions/progress/stats-json", test_stats_json);
  ADD ("/admissions/import/members", test_import);
  ADD ("/admissions/import/errors", test_import_errors);
  ADD ("/admissions/import/round-trip", test_export_round_trip);
  ADD ("/admissions/import/update", test_import_update);
#undef ADD

  return g_test_run ();
}
