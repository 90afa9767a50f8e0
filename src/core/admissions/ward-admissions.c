/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-admissions"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions-private.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"

/* The record, its stages and its own consistency. The regulations' rules
 * are in ward-admissions-rules.c, storing in ward-admissions-store.c, the
 * counts in ward-admissions-progress.c and the spreadsheet in
 * ward-admissions-import.c. */

/* Charter Điều 5 khoản 1: twelve months of probation from the ceremony. */
#define PROBATION_MONTHS        12
/* Hướng dẫn 01-HD/TW (2016): a file older than 12 months without the chi
 * bộ's consideration has papers to redo (ward-admissions-rules.c). */
#define STALL_MONTHS            12

static const struct
{
  const char *title;
  const char *field;
} stages[WARD_N_STAGES] = {
  { N_("Not started"), NULL },
  { N_("Sympathiser list"), "sympathiser_date" },
  { N_("Awareness course"), "course_date" },
  { N_("Application and background"), "application_date" },
  { N_("Background check sent"), "verification_sent" },
  { N_("Background check finished"), "verification_done" },
  { N_("Chi bộ resolution"), "cell_resolution_date" },
  { N_("Admission decision"), "decision_date" },
  { N_("Admission ceremony"), "ceremony_date" },
  { N_("Official recognition"), "recognition_date" },
};

const char *
ward_stage_get_title (WardStage stage)
{
  g_return_val_if_fail (stage < WARD_N_STAGES, NULL);
  return _(stages[stage].title);
}

const char *
ward_stage_get_field (WardStage stage)
{
  g_return_val_if_fail (stage < WARD_N_STAGES, NULL);
  return stages[stage].field;
}

const char *
ward_candidate_state_get_title (WardCandidateState state)
{
  switch (state)
    {
    case WARD_CANDIDATE_FOLLOWING:
      return _("Following");
    case WARD_CANDIDATE_PAUSED:
      return _("Paused");
    case WARD_CANDIDATE_WITHDRAWN:
      return _("Withdrawn");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ward_candidate_state_to_string (WardCandidateState state)
{
  static const char * const names[] = { "following", "paused", "withdrawn" };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), "following");
  return names[state];
}

WardCandidateState
ward_candidate_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "paused") == 0)
    return WARD_CANDIDATE_PAUSED;
  if (g_strcmp0 (text, "withdrawn") == 0)
    return WARD_CANDIDATE_WITHDRAWN;
  return WARD_CANDIDATE_FOLLOWING;
}

/* ---- Gender ------------------------------------------------------------- */

const char *
ward_gender_get_label (WardGender gender)
{
  switch (gender)
    {
    case WARD_GENDER_MALE:
      return "Nam";
    case WARD_GENDER_FEMALE:
      return "Nữ";
    case WARD_GENDER_UNKNOWN:
    default:
      return "";
    }
}

const char *
ward_gender_to_string (WardGender gender)
{
  if (gender == WARD_GENDER_MALE)
    return "male";
  if (gender == WARD_GENDER_FEMALE)
    return "female";
  return NULL;
}

WardGender
ward_gender_from_string (const char *text)
{
  if (g_strcmp0 (text, "male") == 0)
    return WARD_GENDER_MALE;
  if (g_strcmp0 (text, "female") == 0)
    return WARD_GENDER_FEMALE;
  return WARD_GENDER_UNKNOWN;
}

gboolean
ward_gender_parse (const char  *text,
                   WardGender  *gender_out,
                   GError     **error)
{
  static const char * const male[] = { "nam", "male", "m", NULL };
  static const char * const female[] = { "nu", "female", "f", NULL };
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");

  if (folded == NULL || folded[0] == '\0')
    *gender_out = WARD_GENDER_UNKNOWN;
  else if (g_strv_contains (male, folded))
    *gender_out = WARD_GENDER_MALE;
  else if (g_strv_contains (female, folded))
    *gender_out = WARD_GENDER_FEMALE;
  else
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("Write the gender as “Nam” or “Nữ”."));
      return FALSE;
    }
  return TRUE;
}

/* ---- The record --------------------------------------------------------- */

WardCandidate *
ward_candidate_new (void)
{
  WardCandidate *candidate = g_new0 (WardCandidate, 1);

  candidate->given_name_words = 1;
  candidate->state = WARD_CANDIDATE_FOLLOWING;
  return candidate;
}

#define COPY_TEXT(field) copy->field = g_strdup (candidate->field)

WardCandidate *
ward_candidate_copy (const WardCandidate *candidate)
{
  WardCandidate *copy;

  g_return_val_if_fail (candidate != NULL, NULL);

  copy = g_memdup2 (candidate, sizeof *candidate);
  COPY_TEXT (uuid);
  COPY_TEXT (full_name);
  COPY_TEXT (birth_date);
  COPY_TEXT (ethnicity);
  COPY_TEXT (phone);
  COPY_TEXT (education_exception);
  COPY_TEXT (introducer_1_since);
  COPY_TEXT (introducer_2_since);
  COPY_TEXT (trade_union_resolution);
  COPY_TEXT (recognition_resolution_date);
  COPY_TEXT (religion);
  COPY_TEXT (education);
  COPY_TEXT (specialty);
  COPY_TEXT (occupation);
  COPY_TEXT (residential_group);
  COPY_TEXT (cell_name);
  for (guint i = 0; i < WARD_N_STAGES; i++)
    COPY_TEXT (dates[i]);
  COPY_TEXT (course_cert_number);
  COPY_TEXT (introducer_1);
  COPY_TEXT (introducer_2);
  COPY_TEXT (youth_union_resolution);
  COPY_TEXT (cell_resolution_number);
  COPY_TEXT (decision_number);
  COPY_TEXT (recognition_number);
  COPY_TEXT (state_reason);
  COPY_TEXT (note);
  return copy;
}

#undef COPY_TEXT

void
ward_candidate_free (WardCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->uuid);
  g_free (candidate->full_name);
  g_free (candidate->birth_date);
  g_free (candidate->ethnicity);
  g_free (candidate->phone);
  g_free (candidate->education_exception);
  g_free (candidate->introducer_1_since);
  g_free (candidate->introducer_2_since);
  g_free (candidate->trade_union_resolution);
  g_free (candidate->recognition_resolution_date);
  g_free (candidate->religion);
  g_free (candidate->education);
  g_free (candidate->specialty);
  g_free (candidate->occupation);
  g_free (candidate->residential_group);
  g_free (candidate->cell_name);
  for (guint i = 0; i < WARD_N_STAGES; i++)
    g_free (candidate->dates[i]);
  g_free (candidate->course_cert_number);
  g_free (candidate->introducer_1);
  g_free (candidate->introducer_2);
  g_free (candidate->youth_union_resolution);
  g_free (candidate->cell_resolution_number);
  g_free (candidate->decision_number);
  g_free (candidate->recognition_number);
  g_free (candidate->state_reason);
  g_free (candidate->note);
  g_free (candidate);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

gboolean
ward_candidate_is_written (const char *text)
{
  g_autofree char *clean = ward_candidate_clean_text (text);

  return clean != NULL;
}

WardStage
ward_candidate_get_stage (const WardCandidate *candidate)
{
  g_return_val_if_fail (candidate != NULL, WARD_STAGE_NONE);

  for (int stage = WARD_STAGE_RECOGNITION; stage > WARD_STAGE_NONE; stage--)
    if (is_set (candidate->dates[stage]))
      return stage;
  return WARD_STAGE_NONE;
}

char *
ward_candidate_recognition_due (const WardCandidate *candidate)
{
  g_return_val_if_fail (candidate != NULL, NULL);

  if (!is_set (candidate->dates[WARD_STAGE_CEREMONY]))
    return NULL;
  return ward_candidate_add_months (candidate->dates[WARD_STAGE_CEREMONY], PROBATION_MONTHS);
}

gboolean
ward_candidate_is_stalled (const WardCandidate *candidate,
                           const char          *today_iso)
{
  g_autofree char *limit = NULL;

  g_return_val_if_fail (candidate != NULL, FALSE);

  if (candidate->state != WARD_CANDIDATE_FOLLOWING
      || !is_set (candidate->dates[WARD_STAGE_APPLICATION])
      || is_set (candidate->dates[WARD_STAGE_CELL_RESOLUTION]))
    return FALSE;
  limit = ward_candidate_add_months (candidate->dates[WARD_STAGE_APPLICATION], STALL_MONTHS);
  return limit != NULL && today_iso != NULL && strcmp (today_iso, limit) > 0;
}

char *
ward_candidate_clean_text (const char *text)
{
  char *clean = ward_text_normalize (text);

  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

char *
ward_candidate_person_key (const char *full_name,
                           const char *birth_date)
{
  g_autofree char *folded = ward_text_fold (full_name != NULL ? full_name : "");

  return g_strconcat (folded != NULL ? folded : "", "|", birth_date != NULL ? birth_date : "", NULL);
}

char *
ward_candidate_describe (const char *full_name,
                         const char *birth_date,
                         const char *cell_name)
{
  g_autofree char *born = ward_format_date (birth_date);

  if (is_set (cell_name))
    /* Translators: name, born dd/mm/yyyy, chi bộ name */
    return g_strdup_printf (_("%s, born %s, %s"), full_name, born, cell_name);
  /* Translators: name, born dd/mm/yyyy */
  return g_strdup_printf (_("%s, born %s, no chi bộ"), full_name, born);
}

/* ---- Dates -------------------------------------------------------------- */

char *
ward_candidate_add_months (const char *iso,
                           int         months)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);
  int year, month, day, total;

  if (date == NULL)
    return NULL;

  total = g_date_get_year (date) * 12 + (g_date_get_month (date) - 1) + months;
  year = total / 12;
  month = total % 12 + 1;
  if (year < 1 || year > 9999)
    return NULL;
  day = MIN (g_date_get_day (date), g_date_get_days_in_month (month, year));
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

int
ward_candidate_age_on (const char *birth_iso,
                       const char *on_iso)
{
  g_autoptr (GDate) birth = ward_date_from_iso (birth_iso);
  g_autoptr (GDate) on = ward_date_from_iso (on_iso);
  int age;

  if (birth == NULL || on == NULL || g_date_compare (on, birth) < 0)
    return -1;

  age = g_date_get_year (on) - g_date_get_year (birth);
  /* The birthday of this year, moved to the month's end when it lacks the
   * day (29/02 in a common year): not reached yet, one year less. */
  if (g_date_get_month (on) < g_date_get_month (birth)
      || (g_date_get_month (on) == g_date_get_month (birth)
          && g_date_get_day (on) < MIN (g_date_get_day (birth),
                                        g_date_get_days_in_month (g_date_get_month (on),
                                                                  g_date_get_year (on)))))
    age--;
  return age;
}

/* ---- Issues ------------------------------------------------------------- */

void
ward_candidate_issue_free (WardCandidateIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue);
}

static void
add_issue_valist (GPtrArray  *issues,
                  const char *field,
                  gboolean    warning,
                  const char *rule,
                  WardStage   step,
                  const char *format,
                  va_list     args)
{
  WardCandidateIssue *issue = g_new0 (WardCandidateIssue, 1);

  issue->message = g_strdup_vprintf (format, args);
  issue->field = field;
  issue->warning = warning;
  issue->code = WARD_ERROR_INVALID;
  issue->rule = rule;
  issue->step = step;
  g_ptr_array_add (issues, issue);
}

void
ward_candidate_add_issue (GPtrArray  *issues,
                          const char *field,
                          gboolean    warning,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  add_issue_valist (issues, field, warning, NULL, WARD_STAGE_NONE, format, args);
  va_end (args);
}

void
ward_candidate_add_rule_issue (GPtrArray  *issues,
                               const char *field,
                               gboolean    warning,
                               const char *rule,
                               WardStage   step,
                               const char *format,
                               ...)
{
  va_list args;

  va_start (args, format);
  add_issue_valist (issues, field, warning, rule, step, format, args);
  va_end (args);
}

void
ward_candidate_sort_issues (GPtrArray *issues)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new ();
  guint n_errors = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      if (issue->warning)
        g_ptr_array_add (warnings, issue);
      else
        issues->pdata[n_errors++] = issue;
    }
  for (guint i = 0; i < warnings->len; i++)
    issues->pdata[n_errors + i] = warnings->pdata[i];
}

gboolean
ward_candidate_issues_have_errors (GPtrArray *issues)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (!((WardCandidateIssue *) issues->pdata[i])->warning)
      return TRUE;
  return FALSE;
}

gboolean
ward_candidate_issues_to_error (GPtrArray  *issues,
                                GError    **error)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      if (issue->warning)
        continue;
      g_set_error_literal (error, WARD_ERROR, issue->code, issue->message);
      return TRUE;
    }
  return FALSE;
}

/* The earliest date of birth accepted. */
#define BIRTH_FLOOR "1900-01-01"

/* ---- Rules -------------------------------------------------------------- */

static void
check_name (const WardCandidate *candidate,
            GPtrArray           *issues)
{
  g_autofree char *name = ward_candidate_clean_text (candidate->full_name);
  g_auto (GStrv) words = NULL;

  if (name == NULL)
    {
      ward_candidate_add_issue (issues, "full_name", FALSE, "%s", _("Write the candidate’s full name."));
      return;
    }
  words = g_strsplit (name, " ", -1);
  if (candidate->given_name_words == 2 && g_strv_length (words) < 3)
    ward_candidate_add_issue (issues, "full_name", FALSE, "%s",
                              _("A two-word given name needs the family name before it: "
                                "write the full name, e.g. “Trần Bình Minh”."));
  if (g_utf8_strlen (name, -1) > 200)
    ward_candidate_add_issue (issues, "full_name", FALSE, "%s",
                              _("The full name is longer than 200 characters."));
}

/* No control characters, names and lines of a sane length. */
static void
check_texts (const WardCandidate *candidate,
             GPtrArray           *issues)
{
  const struct
  {
    const char *field;
    const char *label;
    const char *text;
    guint       max;
  } texts[] = {
    { "full_name", N_("Full name"), candidate->full_name, WARD_TEXT_NAME_MAX },
    { "ethnicity", N_("Ethnicity"), candidate->ethnicity, WARD_TEXT_NAME_MAX },
    { "religion", N_("Religion"), candidate->religion, WARD_TEXT_NAME_MAX },
    { "education", N_("Education"), candidate->education, WARD_TEXT_NAME_MAX },
    { "specialty", N_("Specialty"), candidate->specialty, WARD_TEXT_LINE_MAX },
    { "occupation", N_("Occupation"), candidate->occupation, WARD_TEXT_LINE_MAX },
    { "residential_group", N_("Residential group"), candidate->residential_group, WARD_TEXT_NAME_MAX },
    { "course_cert_number", N_("Certificate number"), candidate->course_cert_number, WARD_TEXT_NAME_MAX },
    { "introducer_1", N_("First introducer"), candidate->introducer_1, WARD_TEXT_NAME_MAX },
    { "introducer_2", N_("Second introducer"), candidate->introducer_2, WARD_TEXT_NAME_MAX },
    { "youth_union_resolution", N_("Youth Union resolution"), candidate->youth_union_resolution,
      WARD_TEXT_NAME_MAX },
    { "cell_resolution_number", N_("Cell resolution number"), candidate->cell_resolution_number,
      WARD_TEXT_NAME_MAX },
    { "decision_number", N_("Admission decision number"), candidate->decision_number, WARD_TEXT_NAME_MAX },
    { "recognition_number", N_("Recognition decision number"), candidate->recognition_number,
      WARD_TEXT_NAME_MAX },
    { "state_reason", N_("Reason"), candidate->state_reason, WARD_TEXT_NOTE_MAX },
    { "note", N_("Note"), candidate->note, WARD_TEXT_NOTE_MAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) wrong = NULL;

      if (!ward_text_check_field (texts[i].text, _(texts[i].label), texts[i].max,
                                  texts[i].max == WARD_TEXT_NOTE_MAX, &wrong))
        ward_candidate_add_issue (issues, texts[i].field, FALSE, "%s", wrong->message);
    }
}

/* Each date real, not in the future, not before the birth. Returns whether
 * the date can take part in the other rules. */
static gboolean
check_one_date (GPtrArray  *issues,
                const char *field,
                const char *title,
                const char *iso,
                const char *birth,
                const char *today)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);
  g_autofree char *shown = ward_format_date (iso);

  if (date == NULL)
    {
      ward_candidate_add_issue (issues, field, FALSE, _("“%s” is not a date (%s)."), iso, title);
      return FALSE;
    }
  if (today != NULL && strcmp (iso, today) > 0)
    {
      ward_candidate_add_issue (issues, field, FALSE,
                                _("“%s” is dated %s, after today: record a stage once it "
                                  "has taken place."), title, shown);
      return FALSE;
    }
  if (birth != NULL && strcmp (iso, birth) < 0)
    {
      ward_candidate_add_issue (issues, field, FALSE,
                                _("“%s” (%s) is before the date of birth."), title, shown);
      return FALSE;
    }
  return TRUE;
}

static void
check_dates (const WardCandidate *candidate,
             const char          *today,
             GPtrArray           *issues,
             gboolean            *valid)
{
  const char *birth = NULL;
  int previous = WARD_STAGE_NONE;

  if (!is_set (candidate->birth_date))
    ward_candidate_add_issue (issues, "birth_date", FALSE, "%s", _("Write the date of birth."));
  else if (strcmp (candidate->birth_date, BIRTH_FLOOR) < 0)
    {
      g_autofree char *shown = ward_format_date (candidate->birth_date);

      /* No one born before 1900 is alive to join: a year of 1 or 1800 is
       * a typing or a conversion error. */
      ward_candidate_add_issue (issues, "birth_date", FALSE,
                                _("The date of birth %s is before 1900: check it."), shown);
    }
  else if (check_one_date (issues, "birth_date", _("Date of birth"), candidate->birth_date, NULL, today))
    birth = candidate->birth_date;

  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    {
      const char *iso = candidate->dates[stage];

      valid[stage] = is_set (iso)
                     && check_one_date (issues, stages[stage].field, _(stages[stage].title),
                                        iso, birth, today);
      if (!valid[stage])
        continue;
      /* The nearest earlier dated stage: if each such pair is in order, the
       * whole chain is. */
      if (previous != WARD_STAGE_NONE && strcmp (iso, candidate->dates[previous]) < 0)
        {
          g_autofree char *shown = ward_format_date (iso);
          g_autofree char *before = ward_format_date (candidate->dates[previous]);

          ward_candidate_add_issue (issues, stages[stage].field, FALSE,
                                    _("“%s” (%s) cannot be earlier than “%s” (%s): the stages "
                                      "follow each other in order."),
                                    _(stages[stage].title), shown,
                                    _(stages[previous].title), before);
          valid[stage] = FALSE;
        }
      else
        previous = stage;
    }
}

static void
check_probation (const WardCandidate *candidate,
                 const gboolean      *valid,
                 GPtrArray           *issues)
{
  g_autofree char *due = NULL;
  g_autofree char *shown = NULL;

  if (!valid[WARD_STAGE_RECOGNITION])
    return;
  if (!valid[WARD_STAGE_CEREMONY])
    {
      if (!is_set (candidate->dates[WARD_STAGE_CEREMONY]))
        ward_candidate_add_issue (issues, "ceremony_date", FALSE, "%s",
                                  _("Official recognition needs the date of the admission ceremony."));
      return;
    }
  due = ward_candidate_recognition_due (candidate);
  if (strcmp (candidate->dates[WARD_STAGE_RECOGNITION], due) >= 0)
    return;
  shown = ward_format_date (due);
  ward_candidate_add_issue (issues, "recognition_date", FALSE,
                            _("Official recognition comes after the 12 months of probation: "
                              "not before %s."), shown);
}

static void
check_number (GPtrArray  *issues,
              const char *date,
              const char *date_field,
              const char *number,
              const char *number_field,
              const char *missing_number,
              const char *missing_date)
{
  if (is_set (date) && !ward_candidate_is_written (number))
    ward_candidate_add_issue (issues, number_field, FALSE, "%s", missing_number);
  else if (!is_set (date) && ward_candidate_is_written (number))
    ward_candidate_add_issue (issues, date_field, FALSE, "%s", missing_date);
}

static void
check_numbers (const WardCandidate *candidate,
               GPtrArray           *issues)
{
  check_number (issues, candidate->dates[WARD_STAGE_CELL_RESOLUTION], "cell_resolution_date",
                candidate->cell_resolution_number, "cell_resolution_number",
                _("Write the number of the chi bộ resolution: its date is set."),
                _("Write the date of the chi bộ resolution: its number is set."));
  check_number (issues, candidate->dates[WARD_STAGE_DECISION], "decision_date",
                candidate->decision_number, "decision_number",
                _("Write the number of the admission decision: its date is set."),
                _("Write the date of the admission decision: its number is set."));
  check_number (issues, candidate->dates[WARD_STAGE_RECOGNITION], "recognition_date",
                candidate->recognition_number, "recognition_number",
                _("Write the number of the decision on official recognition: its date is set."),
                _("Write the date of the decision on official recognition: its number is set."));
}

GPtrArray *
ward_candidate_check (const WardCandidate *candidate,
                      const WardCandidate *stored,
                      const char          *today_iso)
{
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_issue_free);
  gboolean valid[WARD_N_STAGES] = { FALSE, };

  g_return_val_if_fail (candidate != NULL, NULL);

  check_name (candidate, issues);
  check_texts (candidate, issues);
  check_dates (candidate, today_iso, issues, valid);
  check_probation (candidate, valid, issues);
  check_numbers (candidate, issues);
  ward_candidate_check_regulations (candidate, valid, today_iso, issues);
  if (candidate->state == WARD_CANDIDATE_WITHDRAWN && !ward_candidate_is_written (candidate->state_reason))
    ward_candidate_add_issue (issues, "state_reason", FALSE, "%s",
                              _("Write why the candidate’s file was closed."));
  if (candidate->given_name_words != 1 && candidate->given_name_words != 2)
    ward_candidate_add_issue (issues, "full_name", FALSE, "%s",
                              _("The given name is one word or two."));
  if (g_utf8_strlen (candidate->phone != NULL ? candidate->phone : "", -1) > 40)
    ward_candidate_add_issue (issues, "phone", FALSE, "%s",
                              _("The phone number is longer than 40 characters."));

  ward_candidate_inherit_issues (candidate, stored, today_iso, issues);
  ward_candidate_sort_issues (issues);
  return g_steal_pointer (&issues);
}
