/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-admissions"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions-private.h"
#include "base/ward-calendar.h"
#include "base/ward-format.h"
#include "base/ward-text.h"

/* The rules of admission as the regulations write them, each at the step it
 * governs. The texts: Điều lệ Đảng (2011); Quy định 294-QĐ/TW of 26/5/2025
 * on implementing the Charter (in force 01/7/2025), which follows Quy định
 * 232-QĐ/TW (2025), 24-QĐ/TW (2021) and 29-QĐ/TW (2016) clause for clause
 * where the clauses below are concerned; Hướng dẫn 06-HD/TW of 09/6/2025 and
 * the Hướng dẫn 01-HD/TW (2016, 2021) before it. Where the current text could
 * not be read, the comment says which earlier one the figure comes from;
 * each such figure is one constant, to correct in one place. */

/* 294-QĐ/TW Điều 1, 1.1.1 (the same in 29-QĐ/TW and 24-QĐ/TW, 1.1): "Tại thời
 * điểm chi bộ xét kết nạp, người vào Đảng phải đủ 18 tuổi đến đủ 60 tuổi
 * (tính theo tháng)". 1.1.2: above 60, the committee directly under the
 * Central Committee (the province's) decides. */
#define MIN_AGE_MONTHS             (18 * 12)
#define MAX_AGE_MONTHS             (60 * 12)
/* Điều lệ Đoàn TNCS Hồ Chí Minh: youth from 16 to 30 join the Youth Union; the
 * Charter's "độ tuổi thanh niên" (Điều 4 khoản 2) is read as up to 30. */
#define YOUTH_MAX_AGE              30
/* 294-QĐ/TW Điều 4, 3.2.1 (24-QĐ/TW 3.2.1): the introducer is an official
 * member who has worked, studied or lived with the candidate "ít nhất 12
 * tháng". */
#define INTRODUCER_MONTHS          12
/* Hướng dẫn 06-HD/TW, 5.4 (read through a secondary source): the awareness
 * course certificate "có giá trị trong 60 tháng". Not confirmed in the text
 * itself. */
#define CERTIFICATE_VALID_MONTHS   60
/* Hướng dẫn 01-HD/TW (2016), on files: "quá 12 tháng, kể từ khi lập hồ sơ
 * đề nghị xét kết nạp ... mà chi bộ chưa xem xét ... thì phải làm lại" the
 * introductions and the mass organisations' resolution. The 2025 wording was
 * not found. */
#define FILE_VALID_MONTHS          12
/* Charter Điều 5 khoản 1: probation of twelve months from the ceremony. */
#define PROBATION_MONTHS           12
/* 29-QĐ/TW and 232-QĐ/TW, 4.3.1: "Trong thời hạn 60 ngày làm việc kể từ ngày
 * chi bộ có nghị quyết đề nghị kết nạp; trong thời hạn 30 ngày làm việc kể
 * từ ngày chi bộ có nghị quyết đề nghị công nhận đảng viên chính thức, thì
 * cấp ủy có thẩm quyền phải xem xét, quyết định" (an extension of up to 30
 * working days in special cases is not modelled: the warning stands). The
 * figures of 294-QĐ/TW itself were not found. */
#define DECISION_WORKING_DAYS      60
#define RECOGNITION_DECISION_WORKING_DAYS 30
/* 294-QĐ/TW Điều 5 (29-QĐ/TW, 24-QĐ/TW 4.1): the ceremony "trong thời hạn 30
 * ngày làm việc, kể từ ngày nhận được quyết định kết nạp"; the register
 * keeps the decision's date, not its receipt, so the deadline may show a
 * few days early. */
#define CEREMONY_WORKING_DAYS      30
/* 294-QĐ/TW 4.2 a (29-QĐ/TW, 24-QĐ/TW 4.2 a): "Trong thời hạn 30 ngày làm việc,
 * kể từ ngày đảng viên hết 12 tháng dự bị, chi bộ phải xét và đề nghị công
 * nhận chính thức". */
#define RECOGNITION_RESOLUTION_WORKING_DAYS 30

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
shown (const char *iso)
{
  return ward_format_date (iso);
}

/* ---- Age ----------------------------------------------------------------- */

int
ward_candidate_age_in_months (const char *birth_iso,
                              const char *on_iso)
{
  g_autoptr (GDate) birth = ward_date_from_iso (birth_iso);
  g_autoptr (GDate) on = ward_date_from_iso (on_iso);

  if (birth == NULL || on == NULL || g_date_compare (on, birth) < 0)
    return -1;
  /* By month, the day of the month left out: born 25/09/2007, 18 from
   * September 2025 on. */
  return ((int) g_date_get_year (on) * 12 + (int) g_date_get_month (on))
         - ((int) g_date_get_year (birth) * 12 + (int) g_date_get_month (birth));
}

gboolean
ward_candidate_is_youth_age (const WardCandidate *candidate,
                             const char          *on_iso)
{
  int months = ward_candidate_age_in_months (candidate->birth_date, on_iso);

  return months >= 0 && months < (YOUTH_MAX_AGE + 1) * 12;
}

static void
check_age (const WardCandidate *c,
           const char          *resolution,
           GPtrArray           *issues)
{
  int months = ward_candidate_age_in_months (c->birth_date, resolution);
  g_autofree char *on = shown (resolution);

  if (months < 0)
    return;
  if (months < MIN_AGE_MONTHS)
    {
      g_autofree char *month = ward_candidate_add_months (c->birth_date, MIN_AGE_MONTHS);
      g_autoptr (GDate) adult = ward_date_from_iso (month);

      ward_candidate_add_rule_issue (issues, "birth_date", FALSE, "age", WARD_STAGE_CELL_RESOLUTION,
                                     _("The candidate must be 18, counted by month, at the chi bộ "
                                       "resolution (%s): 18 from %02d/%04d."),
                                     on, g_date_get_month (adult), g_date_get_year (adult));
    }
  else if (months > MAX_AGE_MONTHS)
    ward_candidate_add_rule_issue (issues, "birth_date", TRUE, "age-over-60", WARD_STAGE_CELL_RESOLUTION,
                                   _("The candidate is over 60, counted by month, at the chi bộ "
                                     "resolution (%s): the provincial Party committee decides on "
                                     "the admission."), on);
}

/* ---- Education ----------------------------------------------------------- */

/* "9/12", "7/10": the grade finished and the school's length. */
static WardEducationLevel
level_of_grade (const char *folded)
{
  int grade = 0, length = 0;

  if (sscanf (folded, "%d/%d", &grade, &length) != 2 || grade < 0 || grade > length)
    return WARD_EDUCATION_UNKNOWN;
  if (length == 12)
    return grade >= 12 ? WARD_EDUCATION_UPPER_SECONDARY : grade >= 9 ? WARD_EDUCATION_LOWER_SECONDARY
           : grade >= 5 ? WARD_EDUCATION_PRIMARY : WARD_EDUCATION_BELOW_PRIMARY;
  if (length == 10)
    return grade >= 10 ? WARD_EDUCATION_UPPER_SECONDARY : grade >= 7 ? WARD_EDUCATION_LOWER_SECONDARY
           : grade >= 4 ? WARD_EDUCATION_PRIMARY : WARD_EDUCATION_BELOW_PRIMARY;
  return WARD_EDUCATION_UNKNOWN;
}

WardEducationLevel
ward_education_level_parse (const char *text)
{
  static const struct { const char *word; WardEducationLevel level; } words[] = {
    { "thpt", WARD_EDUCATION_UPPER_SECONDARY }, { "trung hoc pho thong", WARD_EDUCATION_UPPER_SECONDARY },
    { "dai hoc", WARD_EDUCATION_UPPER_SECONDARY }, { "cao dang", WARD_EDUCATION_UPPER_SECONDARY },
    { "thac si", WARD_EDUCATION_UPPER_SECONDARY }, { "tien si", WARD_EDUCATION_UPPER_SECONDARY },
    { "cap 3", WARD_EDUCATION_UPPER_SECONDARY }, { "thcs", WARD_EDUCATION_LOWER_SECONDARY },
    { "trung hoc co so", WARD_EDUCATION_LOWER_SECONDARY }, { "trung cap", WARD_EDUCATION_LOWER_SECONDARY },
    { "cap 2", WARD_EDUCATION_LOWER_SECONDARY }, { "tieu hoc", WARD_EDUCATION_PRIMARY },
    { "cap 1", WARD_EDUCATION_PRIMARY }, { "biet doc", WARD_EDUCATION_BELOW_PRIMARY },
    { "mu chu", WARD_EDUCATION_BELOW_PRIMARY },
  };
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");
  WardEducationLevel level;

  if (folded == NULL || folded[0] == '\0')
    return WARD_EDUCATION_UNKNOWN;
  level = level_of_grade (folded);
  for (guint i = 0; i < G_N_ELEMENTS (words) && level == WARD_EDUCATION_UNKNOWN; i++)
    if (strstr (folded, words[i].word) != NULL)
      level = words[i].level;
  return level;
}

/* 294-QĐ/TW 1.2.1 (24-QĐ/TW 1.2.1, whose text says it): "Người vào Đảng phải
 * có bằng tốt nghiệp trung học cơ sở trở lên." 1.2.2 leaves mountain, island
 * and ethnic-minority areas to the Secretariat's guidance: Hướng dẫn 01-HD/TW
 * (2021) 1.2 asks at least primary school there, and for village elders
 * only literacy with the provincial standing committee's written consent;
 * so with the exception's document, below primary is a warning, not a
 * refusal. */
static void
check_education (const WardCandidate *c,
                 GPtrArray           *issues)
{
  WardEducationLevel level = ward_education_level_parse (c->education);
  gboolean exception = ward_candidate_is_written (c->education_exception);

  if (level == WARD_EDUCATION_UNKNOWN)
    ward_candidate_add_rule_issue (issues, "education", TRUE, "education-unknown",
                                   WARD_STAGE_CELL_RESOLUTION, "%s",
                                   _("The education is not recorded in a form the rule can read "
                                     "(such as 9/12 or THCS): the chi bộ needs a lower-secondary "
                                     "diploma or higher."));
  else if (level < WARD_EDUCATION_LOWER_SECONDARY && !exception)
    ward_candidate_add_rule_issue (issues, "education", FALSE, "education", WARD_STAGE_CELL_RESOLUTION,
                                   "%s", _("The chi bộ admits a candidate with a lower-secondary "
                                           "diploma (THCS) or higher; below it only under the "
                                           "exception for mountain, island and ethnic-minority "
                                           "areas: write its document."));
  else if (level < WARD_EDUCATION_PRIMARY)
    ward_candidate_add_rule_issue (issues, "education", TRUE, "education-exception",
                                   WARD_STAGE_CELL_RESOLUTION, "%s",
                                   _("Even under the exception the guidance asks at least primary "
                                     "school, except for a village elder with the provincial "
                                     "standing committee’s written consent."));
}

/* ---- What the chi bộ resolution needs ------------------------------------ */

char *
ward_candidate_certificate_valid_until (const WardCandidate *candidate)
{
  g_return_val_if_fail (candidate != NULL, NULL);

  if (!is_set (candidate->dates[WARD_STAGE_COURSE]))
    return NULL;
  return ward_candidate_add_months (candidate->dates[WARD_STAGE_COURSE], CERTIFICATE_VALID_MONTHS);
}

/* The certificate's validity is a refusal at the resolution, not a warning
 * (Hướng dẫn 06-HD/TW 5.4: past it "chi bộ phải giới thiệu người vào đảng
 * học lại để được cấp giấy chứng nhận mới trước khi xem xét kết nạp"). */
static void
check_certificate (const WardCandidate *c,
                   const char          *resolution,
                   GPtrArray           *issues)
{
  g_autofree char *until = ward_candidate_certificate_valid_until (c);
  g_autofree char *issued = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *on = NULL;

  if (until == NULL || strcmp (resolution, until) <= 0)
    return;
  issued = shown (c->dates[WARD_STAGE_COURSE]);
  valid = shown (until);
  on = shown (resolution);
  ward_candidate_add_rule_issue (issues, "course_date", FALSE, "certificate", WARD_STAGE_CELL_RESOLUTION,
                                 _("The awareness course certificate of %s was valid for 60 months, "
                                   "until %s: it had expired by the chi bộ resolution of %s. The "
                                   "candidate attends the course again for a new certificate."),
                                 issued, valid, on);
}

/* Charter Điều 4 khoản 2 (an application, a truthful background
 * declaration) and Hướng dẫn 06-HD/TW 3 (the declaration verified before the
 * chi bộ considers it); the course certificate, 294-QĐ/TW 3.1. */
static void
check_papers (const WardCandidate *c,
              GPtrArray           *issues)
{
  static const struct { WardStage stage; const char *rule; const char *message; } papers[] = {
    { WARD_STAGE_COURSE, "certificate-missing",
      N_("Missing before the chi bộ resolution: the awareness course certificate.") },
    { WARD_STAGE_APPLICATION, "application-missing",
      N_("Missing before the chi bộ resolution: the application and the background declaration.") },
    { WARD_STAGE_VERIFICATION_DONE, "verification-missing",
      N_("Missing before the chi bộ resolution: the verification of the background declaration.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (!is_set (c->dates[papers[i].stage]))
      ward_candidate_add_rule_issue (issues, ward_stage_get_field (papers[i].stage), FALSE, papers[i].rule,
                                     WARD_STAGE_CELL_RESOLUTION, "%s", _(papers[i].message));
}

/* ---- Introducers ----------------------------------------------------------- */

gboolean
ward_candidate_is_introduced (const WardCandidate *candidate)
{
  const char *on;
  int n_members;

  g_return_val_if_fail (candidate != NULL, FALSE);

  on = is_set (candidate->dates[WARD_STAGE_CELL_RESOLUTION]) ? candidate->dates[WARD_STAGE_CELL_RESOLUTION]
                                                              : NULL;
  n_members = ward_candidate_is_written (candidate->introducer_1)
              + ward_candidate_is_written (candidate->introducer_2);
  /* Charter Điều 4 khoản 2: where the Youth Union exists, a candidate of youth
   * age is a member, introduced by its committee and one official member. */
  if (candidate->youth_union && (on == NULL || ward_candidate_is_youth_age (candidate, on)))
    return n_members >= 1 && ward_candidate_is_written (candidate->youth_union_resolution);
  if (n_members >= 2)
    return TRUE;
  /* Quy định 24-QĐ/TW 3.1: the grassroots trade union's resolution
   * introduces a trade union member, with one official member. */
  return n_members == 1 && candidate->trade_union
         && ward_candidate_is_written (candidate->trade_union_resolution);
}

/* 294-QĐ/TW Điều 4, 3.2.1: "Là đảng viên chính thức, cùng công tác, lao động,
 * học tập, hoặc cùng sinh hoạt nơi cư trú ít nhất 12 tháng với người được
 * giới thiệu": both facts recorded, for each introducer named. */
static void
check_one_introducer (GPtrArray  *issues,
                      const char *field,
                      const char *name,
                      gboolean    official,
                      const char *since,
                      const char *resolution)
{
  g_autofree char *enough = NULL;

  if (!ward_candidate_is_written (name))
    return;
  if (!official)
    ward_candidate_add_rule_issue (issues, field, FALSE, "introducer-official", WARD_STAGE_CELL_RESOLUTION,
                                   _("%s introduces the candidate only as an official Party member: "
                                     "record that she or he is one."), name);
  if (!is_set (since))
    {
      ward_candidate_add_rule_issue (issues, field, FALSE, "introducer-since", WARD_STAGE_CELL_RESOLUTION,
                                     _("Write since when %s has worked or lived with the candidate: "
                                       "at least 12 months before the chi bộ resolution."), name);
      return;
    }
  enough = ward_candidate_add_months (since, INTRODUCER_MONTHS);
  if (enough != NULL && strcmp (enough, resolution) > 0)
    {
      g_autofree char *from = shown (since);

      ward_candidate_add_rule_issue (issues, field, FALSE, "introducer-since", WARD_STAGE_CELL_RESOLUTION,
                                     _("%s has worked or lived with the candidate since %s, less than "
                                       "12 months before the chi bộ resolution."), name, from);
    }
}

static const char *
missing_introduction (const WardCandidate *c,
                      const char          *resolution)
{
  if (c->youth_union && ward_candidate_is_youth_age (c, resolution))
    return _("Missing introducers: a Youth Union member of youth age is introduced by the Youth "
             "Union’s resolution and one official Party member.");
  if (c->trade_union)
    return _("Missing introducers: two official Party members, or one and the trade union’s "
             "resolution.");
  return _("Missing introducers: two official Party members introduce the candidate.");
}

static void
check_introducers (const WardCandidate *c,
                   const char          *resolution,
                   GPtrArray           *issues)
{
  int n_members = ward_candidate_is_written (c->introducer_1) + ward_candidate_is_written (c->introducer_2);

  if (!ward_candidate_is_introduced (c))
    ward_candidate_add_rule_issue (issues, n_members == 0 ? "introducer_1" : "introducer_2", FALSE,
                                   "introducers", WARD_STAGE_CELL_RESOLUTION, "%s",
                                   missing_introduction (c, resolution));
  if (ward_candidate_is_written (c->youth_union_resolution) && c->youth_union
      && !ward_candidate_is_youth_age (c, resolution))
    ward_candidate_add_rule_issue (issues, "youth_union_resolution", FALSE, "youth-union-age",
                                   WARD_STAGE_CELL_RESOLUTION, "%s",
                                   _("The Youth Union introduces candidates of youth age (up to 30): "
                                     "over it, two official Party members introduce."));
  if (ward_candidate_is_written (c->introducer_1) && ward_candidate_is_written (c->introducer_2))
    {
      g_autofree char *a = ward_text_fold (c->introducer_1);
      g_autofree char *b = ward_text_fold (c->introducer_2);
      g_autofree char *ca = ward_candidate_clean_text (a);
      g_autofree char *cb = ward_candidate_clean_text (b);

      if (g_strcmp0 (ca, cb) == 0)
        ward_candidate_add_issue (issues, "introducer_2", FALSE, "%s",
                                  _("The two introducers must be two different Party members."));
    }
  check_one_introducer (issues, "introducer_1", c->introducer_1, c->introducer_1_official,
                        c->introducer_1_since, resolution);
  check_one_introducer (issues, "introducer_2", c->introducer_2, c->introducer_2_official,
                        c->introducer_2_since, resolution);
}

/* ---- Files that wait ------------------------------------------------------- */

/* What Hướng dẫn 01-HD/TW (2016) asks to redo once a file is 12 months old:
 * the introductions and the unions' resolution (in the text found); the
 * summary of opinions is in the same list of papers and is added here as
 * the offices do. */
static const char *
redo_list (void)
{
  return _("redo the introduction by the official Party members, the Youth Union’s or trade "
           "union’s resolution introducing the candidate, and the summary of opinions of the "
           "mass organisations and of the chi ủy where the candidate lives");
}

static void
check_file_age (const WardCandidate *c,
                const char          *resolution,
                const char          *today,
                GPtrArray           *issues)
{
  const char *application = c->dates[WARD_STAGE_APPLICATION];
  g_autofree char *limit = NULL;
  g_autofree char *applied = NULL;

  if (!is_set (application) || (limit = ward_candidate_add_months (application, FILE_VALID_MONTHS)) == NULL)
    return;
  applied = shown (application);
  if (resolution != NULL && strcmp (resolution, limit) > 0)
    ward_candidate_add_rule_issue (issues, "application_date", TRUE, "file-old", WARD_STAGE_CELL_RESOLUTION,
                                   _("The file was made more than 12 months before the chi bộ resolution "
                                     "(application %s): check that the office did %s."), applied,
                                   redo_list ());
  else if (resolution == NULL && today != NULL && ward_candidate_is_stalled (c, today))
    ward_candidate_add_rule_issue (issues, "application_date", TRUE, "file-stalled", WARD_STAGE_NONE,
                                   _("The file of %s has waited more than 12 months for the chi bộ: "
                                     "before it considers the candidate, %s."), applied, redo_list ());
}

/* ---- Each step needs the one before it ------------------------------------ */

static void
check_steps (const WardCandidate *c,
             const gboolean      *valid,
             GPtrArray           *issues)
{
  if (valid[WARD_STAGE_DECISION] && !is_set (c->dates[WARD_STAGE_CELL_RESOLUTION]))
    ward_candidate_add_rule_issue (issues, "cell_resolution_date", FALSE, "decision-without-resolution",
                                   WARD_STAGE_DECISION, "%s",
                                   _("The admission decision follows the chi bộ resolution proposing "
                                     "it: write the resolution’s date and number."));
  if (valid[WARD_STAGE_CEREMONY] && !is_set (c->dates[WARD_STAGE_DECISION]))
    ward_candidate_add_rule_issue (issues, "decision_date", FALSE, "ceremony-without-decision",
                                   WARD_STAGE_CEREMONY, "%s",
                                   _("The ceremony follows the admission decision: write the "
                                     "decision’s date and number."));
  if (valid[WARD_STAGE_RECOGNITION] && !is_set (c->recognition_resolution_date))
    ward_candidate_add_rule_issue (issues, "recognition_resolution_date", FALSE,
                                   "recognition-without-resolution", WARD_STAGE_RECOGNITION, "%s",
                                   _("Official recognition follows the chi bộ’s resolution proposing "
                                     "it: write that resolution’s date."));
}

/* The chi bộ's resolution on recognition: after the probation, before the
 * decision it proposes. */
static void
check_recognition_resolution (const WardCandidate *c,
                              const char          *today,
                              GPtrArray           *issues)
{
  const char *date = c->recognition_resolution_date;
  g_autofree char *probation_end = NULL;
  g_autofree char *on = NULL;
  g_autoptr (GDate) real = NULL;

  if (!is_set (date))
    return;
  on = shown (date);
  real = ward_date_from_iso (date);
  probation_end = is_set (c->dates[WARD_STAGE_CEREMONY])
                  ? ward_candidate_add_months (c->dates[WARD_STAGE_CEREMONY], PROBATION_MONTHS) : NULL;
  if (real == NULL || (today != NULL && strcmp (date, today) > 0))
    ward_candidate_add_issue (issues, "recognition_resolution_date", FALSE,
                              _("The chi bộ’s resolution on recognition (%s) is not a past date."), on);
  else if (probation_end == NULL || strcmp (date, probation_end) < 0)
    ward_candidate_add_rule_issue (issues, "recognition_resolution_date", FALSE, "recognition-early",
                                   WARD_STAGE_RECOGNITION,
                                   _("The chi bộ considers official recognition once the 12 months of "
                                     "probation are over (the resolution is dated %s)."), on);
  else if (is_set (c->dates[WARD_STAGE_RECOGNITION]) && strcmp (c->dates[WARD_STAGE_RECOGNITION], date) < 0)
    ward_candidate_add_issue (issues, "recognition_date", FALSE, "%s",
                              _("The decision on official recognition comes after the chi bộ’s "
                                "resolution proposing it."));
}

/* ---- Deadlines ------------------------------------------------------------- */

void
ward_deadline_free (WardDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->from);
  g_free (deadline->due);
  g_free (deadline->done);
  g_free (deadline);
}

const char *
ward_deadline_get_title (WardDeadlineKind kind)
{
  switch (kind)
    {
    case WARD_DEADLINE_DECISION:
      return _("Admission decision");
    case WARD_DEADLINE_CEREMONY:
      return _("Admission ceremony");
    case WARD_DEADLINE_RECOGNITION_RESOLUTION:
      return _("Chi bộ resolution on recognition");
    case WARD_DEADLINE_RECOGNITION_DECISION:
      return _("Decision on official recognition");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* One deadline, if it has begun to run and the calendar reaches it. */
static WardDeadline *
deadline_new (WardDeadlineKind  kind,
              const char       *field,
              int               working_days,
              const char       *from,
              const char       *done,
              const char       *today)
{
  g_autoptr (WardDeadline) deadline = NULL;
  const char *until = is_set (done) ? done : today;
  int over = 0;

  if (!is_set (from) || until == NULL)
    return NULL;
  deadline = g_new0 (WardDeadline, 1);
  deadline->kind = kind;
  deadline->field = field;
  deadline->working_days = working_days;
  deadline->from = g_strdup (from);
  deadline->due = ward_calendar_add_working_days (from, working_days);
  deadline->done = is_set (done) ? g_strdup (done) : NULL;
  if (deadline->due == NULL)
    return NULL;
  if (strcmp (until, deadline->due) > 0 && ward_calendar_working_days_between (deadline->due, until, &over))
    deadline->working_days_over = MAX (over, 0);
  return g_steal_pointer (&deadline);
}

GPtrArray *
ward_candidate_deadlines (const WardCandidate *c,
                          const char          *today_iso)
{
  GPtrArray *deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_deadline_free);
  g_autofree char *probation_end = NULL;
  const char *today = c->state == WARD_CANDIDATE_FOLLOWING ? today_iso : NULL;
  WardDeadline *each[WARD_N_DEADLINES];

  g_return_val_if_fail (c != NULL, deadlines);

  if (is_set (c->dates[WARD_STAGE_CEREMONY]))
    probation_end = ward_candidate_add_months (c->dates[WARD_STAGE_CEREMONY], PROBATION_MONTHS);
  each[0] = deadline_new (WARD_DEADLINE_DECISION, "decision_date", DECISION_WORKING_DAYS,
                          c->dates[WARD_STAGE_CELL_RESOLUTION], c->dates[WARD_STAGE_DECISION], today);
  each[1] = deadline_new (WARD_DEADLINE_CEREMONY, "ceremony_date", CEREMONY_WORKING_DAYS,
                          c->dates[WARD_STAGE_DECISION], c->dates[WARD_STAGE_CEREMONY], today);
  /* A period that has not ended yet runs from no day at all. */
  each[2] = deadline_new (WARD_DEADLINE_RECOGNITION_RESOLUTION, "recognition_resolution_date",
                          RECOGNITION_RESOLUTION_WORKING_DAYS,
                          probation_end != NULL && today_iso != NULL && strcmp (probation_end, today_iso) <= 0
                          ? probation_end : NULL,
                          c->recognition_resolution_date, today);
  each[3] = deadline_new (WARD_DEADLINE_RECOGNITION_DECISION, "recognition_date",
                          RECOGNITION_DECISION_WORKING_DAYS, c->recognition_resolution_date,
                          c->dates[WARD_STAGE_RECOGNITION], today);
  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    if (each[i] != NULL)
      g_ptr_array_add (deadlines, each[i]);
  return deadlines;
}

int
ward_candidate_overdue_days (const WardCandidate *candidate,
                             const char          *today_iso)
{
  g_autoptr (GPtrArray) deadlines = ward_candidate_deadlines (candidate, today_iso);
  int most = 0;

  for (guint i = 0; i < deadlines->len; i++)
    most = MAX (most, ((WardDeadline *) deadlines->pdata[i])->working_days_over);
  return most;
}

/* A missed deadline is a warning, never a refusal: the record must still be
 * kept as it happened. */
static void
check_deadlines (const WardCandidate *c,
                 const char          *today,
                 GPtrArray           *issues)
{
  g_autoptr (GPtrArray) deadlines = ward_candidate_deadlines (c, today);

  for (guint i = 0; i < deadlines->len; i++)
    {
      WardDeadline *d = deadlines->pdata[i];
      g_autofree char *due = NULL;

      if (d->working_days_over == 0)
        continue;
      due = shown (d->due);
      if (d->done != NULL)
        ward_candidate_add_rule_issue (issues, d->field, TRUE, "deadline", WARD_STAGE_NONE,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "Past the deadline: “%s” was due by %s (%d working "
                                                    "days) and came %d working day late.",
                                                    "Past the deadline: “%s” was due by %s (%d working "
                                                    "days) and came %d working days late.",
                                                    d->working_days_over),
                                       ward_deadline_get_title (d->kind), due, d->working_days,
                                       d->working_days_over);
      else
        ward_candidate_add_rule_issue (issues, d->field, TRUE, "deadline", WARD_STAGE_NONE,
                                       g_dngettext (GETTEXT_PACKAGE,
                                                    "Past the deadline: “%s” was due by %s (%d working "
                                                    "days) and is %d working day overdue.",
                                                    "Past the deadline: “%s” was due by %s (%d working "
                                                    "days) and is %d working days overdue.",
                                                    d->working_days_over),
                                       ward_deadline_get_title (d->kind), due, d->working_days,
                                       d->working_days_over);
    }
}

/* ---- Official membership --------------------------------------------------- */

char *
ward_candidate_official_since (const WardCandidate *candidate)
{
  g_return_val_if_fail (candidate != NULL, NULL);

  if (!is_set (candidate->dates[WARD_STAGE_RECOGNITION]) || !is_set (candidate->dates[WARD_STAGE_CEREMONY]))
    return NULL;
  /* 294-QĐ/TW 4.2 b (29-QĐ/TW, 24-QĐ/TW 4.2 b): "dù chi bộ họp chậm, cấp ủy có
   * thẩm quyền chuẩn y chậm, vẫn được công nhận đảng viên chính thức đúng
   * thời điểm hết 12 tháng dự bị". */
  return ward_candidate_add_months (candidate->dates[WARD_STAGE_CEREMONY], PROBATION_MONTHS);
}

/* ---- All of them ------------------------------------------------------------ */

void
ward_candidate_check_regulations (const WardCandidate *c,
                                  const gboolean      *valid,
                                  const char          *today,
                                  GPtrArray           *issues)
{
  const char *resolution = valid[WARD_STAGE_CELL_RESOLUTION] ? c->dates[WARD_STAGE_CELL_RESOLUTION] : NULL;

  if (resolution != NULL)
    {
      if (is_set (c->birth_date))
        check_age (c, resolution, issues);
      check_education (c, issues);
      check_papers (c, issues);
      if (valid[WARD_STAGE_COURSE])
        check_certificate (c, resolution, issues);
      check_introducers (c, resolution, issues);
    }
  if (ward_candidate_is_written (c->youth_union_resolution) && !c->youth_union)
    ward_candidate_add_issue (issues, "youth_union_resolution", FALSE, "%s",
                              _("Only a Youth Union member is introduced by a resolution of the "
                                "Youth Union: tick “Youth Union member” or remove the resolution."));
  check_steps (c, valid, issues);
  check_recognition_resolution (c, today, issues);
  check_file_age (c, resolution, today, issues);
  if (today != NULL)
    check_deadlines (c, today, issues);
}

/* The step's date as @c has it, for comparing with the stored record. */
static const char *
step_date (const WardCandidate *c,
           WardStage            step)
{
  return step == WARD_STAGE_NONE ? NULL : c->dates[step];
}

void
ward_candidate_inherit_issues (const WardCandidate *candidate,
                               const WardCandidate *stored,
                               const char          *today_iso,
                               GPtrArray           *issues)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GHashTable) broken = g_hash_table_new (g_str_hash, g_str_equal);

  if (stored == NULL)
    return;
  before = ward_candidate_check (stored, NULL, today_iso);
  for (guint i = 0; i < before->len; i++)
    {
      WardCandidateIssue *issue = before->pdata[i];

      if (!issue->warning && issue->rule != NULL && issue->step != WARD_STAGE_NONE)
        g_hash_table_add (broken, (gpointer) issue->rule);
    }
  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      if (!issue->warning && issue->rule != NULL && g_hash_table_contains (broken, issue->rule)
          && g_strcmp0 (step_date (candidate, issue->step), step_date (stored, issue->step)) == 0)
        issue->warning = TRUE;
    }
}
