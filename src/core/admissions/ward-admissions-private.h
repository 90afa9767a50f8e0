/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "admissions/ward-admissions.h"

G_BEGIN_DECLS

/* Shared by the files of the admission register (ward-candidates*.c). */

/* The columns read for a whole record, in candidate_from_row()'s order. */
#define WARD_CANDIDATE_COLUMNS \
  "c.id, c.uuid, c.full_name, c.given_name_words, c.birth_date, c.gender, c.ethnicity, " \
  "c.religion, c.education, c.specialty, c.occupation, c.youth_union, c.residential_group, " \
  "c.cell_id, p.name, c.sympathiser_date, c.course_cert_number, c.course_date, " \
  "c.application_date, c.verification_sent, c.verification_done, c.introducer_1, " \
  "c.introducer_2, c.youth_union_resolution, c.cell_resolution_number, " \
  "c.cell_resolution_date, c.decision_number, c.decision_date, c.ceremony_date, " \
  "c.recognition_number, c.recognition_date, c.state, c.state_reason, c.note, c.phone, " \
  "c.education_exception, c.introducer_1_official, c.introducer_1_since, c.introducer_2_official, " \
  "c.introducer_2_since, c.trade_union, c.trade_union_resolution, c.recognition_resolution_date"

#define WARD_CANDIDATE_FROM \
  " FROM candidates c LEFT JOIN party_cells p ON p.id = c.cell_id "

WardCandidate *ward_candidate_from_row      (WardStmt            *stmt);

/* Stores @candidate as it is (no rule checked): inserts when id is 0, or
 * when @insert is TRUE (a restore, keeping the uuid and trying the id),
 * else updates. Computes the keys and notifies "candidates". */
gboolean       ward_candidate_write         (WardStore           *store,
                                             WardCandidate       *candidate,
                                             gboolean             insert,
                                             GError             **error);

/* The key under which the same person is recognised: the folded name and
 * the date of birth. */
char          *ward_candidate_person_key    (const char          *full_name,
                                             const char          *birth_date);

/* Issue helpers. ward_candidate_add_issue() is about the record's own
 * consistency (step NONE); ward_candidate_add_rule_issue() about a rule of
 * the regulations, named, and the step it governs. */
void           ward_candidate_add_issue     (GPtrArray           *issues,
                                             const char          *field,
                                             gboolean             warning,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (4, 5);
void           ward_candidate_add_rule_issue (GPtrArray          *issues,
                                              const char         *field,
                                              gboolean            warning,
                                              const char         *rule,
                                              WardStage           step,
                                              const char         *format,
                                              ...) G_GNUC_PRINTF (6, 7);

/* The regulations' rules (ward-admissions-rules.c), on the dates @valid
 * says can be used (by stage). */
void           ward_candidate_check_regulations (const WardCandidate *candidate,
                                                 const gboolean      *valid,
                                                 const char          *today_iso,
                                                 GPtrArray           *issues);
/* Makes a warning of each error of a step's rule that @stored already
 * broke while the step's date is the same: see ward_candidate_check(). */
void           ward_candidate_inherit_issues    (const WardCandidate *candidate,
                                                 const WardCandidate *stored,
                                                 const char          *today_iso,
                                                 GPtrArray           *issues);

/* Whether @text holds something, not only white space. */
gboolean       ward_candidate_is_written    (const char          *text);
/* Puts the errors before the warnings, keeping their order. */
void           ward_candidate_sort_issues   (GPtrArray           *issues);

/* Text as stored: NFC, spaces collapsed; NULL for NULL or blank. */
char          *ward_candidate_clean_text    (const char          *text);

/* "male" / "female" / NULL and back. */
const char    *ward_gender_to_string        (WardGender           gender);
WardGender     ward_gender_from_string      (const char          *text);
const char    *ward_candidate_state_to_string   (WardCandidateState state);
WardCandidateState ward_candidate_state_from_string (const char  *text);

/* The term of the resolution as ISO dates, and the admissions target. */
gboolean       ward_admissions_term         (WardStore           *store,
                                             char               **start_out,
                                             char               **end_out,
                                             int                 *start_year_out,
                                             int                 *end_year_out,
                                             GError             **error);

G_END_DECLS
