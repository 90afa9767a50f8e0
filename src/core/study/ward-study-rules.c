/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "study/ward-study-private.h"

/* The counting rules of the study, in one place.
 *
 * No central text says how a study session's share is counted; the nearest
 * rule is the one for a chi bộ's conference of members (Quy định
 * 23-QĐ/TW 2006, điểm 12.3b; Hướng dẫn 01-HD/TW 2021, mục 13.2): a member
 * exempt from activities who does not come is left out of the total, one
 * who comes is counted. The study follows it, as local practice:
 *
 * - a member is due at a chi bộ session held while they were a Party member
 *   (joined on or before it, not left before it); at the ward's conference
 *   only when they have a line in it (it gathers delegates, not everyone);
 *   a member who joined after every session is not counted as absent;
 * - present at any session: attended; otherwise absent and made up at least
 *   once: made up, counted once however many sessions they made up;
 * - absent, not made up, and exempt (Quy định 24-QĐ/TW mục 7.1) at every
 *   session they were due at: not counted; otherwise still to make up. */

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

gboolean
ward_party_member_is_member_on (const WardPartyMember *member,
                                const char            *date)
{
  if (is_set (member->joined_date) && g_strcmp0 (member->joined_date, date) > 0)
    return FALSE;
  return !is_set (member->left_date) || g_strcmp0 (member->left_date, date) > 0;
}

gboolean
ward_study_member_exempt_at (const WardPartyMember *member,
                             const char            *date)
{
  if (member->exempt == WARD_EXEMPT_NONE)
    return FALSE;
  return !is_set (member->exempt_since) || g_strcmp0 (member->exempt_since, date) <= 0;
}

static gboolean
mark_due (const WardPartyMember *member,
          const WardStudyMark   *mark)
{
  if (!mark->recorded || (!mark->cell_session && !mark->has_line))
    return FALSE;
  return ward_party_member_is_member_on (member, mark->held_on);
}

WardStudyVerdict
ward_study_member_verdict (const WardPartyMember *member,
                           const WardStudyMark   *marks,
                           guint                  n_marks)
{
  gboolean any_due = FALSE, counted = FALSE, made_up = FALSE;

  g_return_val_if_fail (member != NULL, WARD_STUDY_NOT_DUE);

  for (guint i = 0; i < n_marks; i++)
    if (marks[i].recorded && marks[i].has_line && marks[i].present)
      return WARD_STUDY_ATTENDED;
  for (guint i = 0; i < n_marks; i++)
    {
      if (!mark_due (member, &marks[i]))
        continue;
      any_due = TRUE;
      if (marks[i].has_line && is_set (marks[i].made_up_on))
        made_up = TRUE;
      if (!ward_study_member_exempt_at (member, marks[i].held_on))
        counted = TRUE;
    }
  if (made_up)
    return WARD_STUDY_MADE_UP;
  if (!any_due)
    return WARD_STUDY_NOT_DUE;
  return counted ? WARD_STUDY_MISSING : WARD_STUDY_EXEMPT;
}

gboolean
ward_study_verdict_counted (WardStudyVerdict verdict)
{
  return verdict == WARD_STUDY_ATTENDED || verdict == WARD_STUDY_MADE_UP
         || verdict == WARD_STUDY_MISSING;
}

const char *
ward_study_verdict_label (WardStudyVerdict verdict)
{
  switch (verdict)
    {
    case WARD_STUDY_NOT_DUE:
      return _("No session yet");
    case WARD_STUDY_EXEMPT:
      return _("Exempt, not counted");
    case WARD_STUDY_ATTENDED:
      return _("Attended");
    case WARD_STUDY_MADE_UP:
      return _("Made up");
    case WARD_STUDY_MISSING:
      return _("Not studied");
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- Labels and parsing ------------------------------------------------- */

const char *
ward_exemption_label (WardExemption exempt)
{
  switch (exempt)
    {
    case WARD_EXEMPT_AGE:
      return _("Exempt (age)");
    case WARD_EXEMPT_HEALTH:
      return _("Exempt (health)");
    case WARD_EXEMPT_NONE:
    default:
      return "";
    }
}

static gboolean
folded_is_one_of (const char         *folded,
                  const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

#define WORDS(...) ((const char * const[]) { __VA_ARGS__, NULL })

gboolean
ward_exemption_parse (const char    *text,
                      WardExemption *out)
{
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");

  g_strstrip (folded);
  if (folded[0] == '\0' || folded_is_one_of (folded, WORDS ("khong", "no", "0")))
    *out = WARD_EXEMPT_NONE;
  else if (folded_is_one_of (folded, WORDS ("tuoi cao", "tuoi", "age", "mien do tuoi cao",
                                            "exempt (age)", "mien (tuoi cao)")))
    *out = WARD_EXEMPT_AGE;
  else if (folded_is_one_of (folded, WORDS ("suc khoe", "suc khoe yeu", "health",
                                            "mien do suc khoe", "exempt (health)",
                                            "mien (suc khoe)")))
    *out = WARD_EXEMPT_HEALTH;
  else
    return FALSE;
  return TRUE;
}

const char *
ward_reflection_grade_label (WardReflectionGrade grade)
{
  switch (grade)
    {
    case WARD_GRADE_GOOD:
      return _("Good");
    case WARD_GRADE_FAIR:
      return _("Fair");
    case WARD_GRADE_PASS:
      return _("Pass");
    case WARD_GRADE_FAIL:
      return _("Fail");
    case WARD_GRADE_NONE:
    default:
      return "";
    }
}

gboolean
ward_reflection_grade_parse (const char          *text,
                             WardReflectionGrade *out)
{
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");

  g_strstrip (folded);
  if (folded[0] == '\0')
    *out = WARD_GRADE_NONE;
  else if (folded_is_one_of (folded, WORDS ("tot", "good", "xuat sac")))
    *out = WARD_GRADE_GOOD;
  else if (folded_is_one_of (folded, WORDS ("kha", "fair")))
    *out = WARD_GRADE_FAIR;
  else if (folded_is_one_of (folded, WORDS ("dat", "trung binh", "pass")))
    *out = WARD_GRADE_PASS;
  else if (folded_is_one_of (folded, WORDS ("khong dat", "fail", "yeu")))
    *out = WARD_GRADE_FAIL;
  else
    return FALSE;
  return TRUE;
}

/* ---- A record's own rules ----------------------------------------------- */

void
ward_member_issue_add (GPtrArray       *issues,
                       WardMemberField  field,
                       int              code,
                       const char      *format,
                       ...)
{
  WardMemberIssue *issue = g_new0 (WardMemberIssue, 1);
  va_list args;

  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  issue->field = field;
  issue->code = code;
  g_ptr_array_add (issues, issue);
}

static void
check_dates (const WardPartyMember *m,
             const char            *today,
             GPtrArray             *issues)
{
  if (is_set (m->birth_date) && g_strcmp0 (m->birth_date, today) > 0)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_BIRTH, WARD_ERROR_INVALID, "%s",
                           _("The date of birth is after today."));
  if (is_set (m->joined_date) && g_strcmp0 (m->joined_date, today) > 0)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_JOINED, WARD_ERROR_INVALID, "%s",
                           _("The date of joining the Party is after today."));
  if (is_set (m->joined_date) && g_strcmp0 (m->joined_date, m->birth_date) <= 0)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_JOINED, WARD_ERROR_INVALID, "%s",
                           _("The date of joining the Party is before the date of birth."));
  if (is_set (m->official_date) && is_set (m->joined_date)
      && g_strcmp0 (m->official_date, m->joined_date) < 0)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_OFFICIAL, WARD_ERROR_INVALID, "%s",
                           _("The date of becoming an official member is before the date of joining."));
  if (is_set (m->left_date) && is_set (m->joined_date)
      && g_strcmp0 (m->left_date, m->joined_date) < 0)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_LEFT, WARD_ERROR_INVALID, "%s",
                           _("The date of leaving is before the date of joining."));
}

GPtrArray *
ward_party_member_check (const WardPartyMember *member,
                         const char            *today_iso)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_member_issue_free);

  if (!is_set (member->full_name))
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_NAME, WARD_ERROR_INVALID, "%s",
                           _("Write the member's full name."));
  if (!is_set (member->birth_date))
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_BIRTH, WARD_ERROR_INVALID, "%s",
                           _("Write the member's date of birth."));
  check_dates (member, today_iso, issues);
  if (is_set (member->exempt_since) && member->exempt == WARD_EXEMPT_NONE)
    ward_member_issue_add (issues, WARD_MEMBER_FIELD_EXEMPT, WARD_ERROR_INVALID, "%s",
                           _("An exemption date needs its reason: age or health."));
  return issues;
}
