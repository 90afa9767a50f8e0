/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "base/ward-error.h"
#include "import/ward-import.h"
#include "store/ward-store-rows.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The admission register: people the ward's Party cells (chi bộ) follow on
 * their way into the Party, each through the stages of the Party's
 * guidance, and the admissions that count toward the term's target.
 *
 * Every rule lives here; the window and the spreadsheet import call the same
 * functions. */

/* ---- Stages ------------------------------------------------------------- */

/* The dated stages, in the order their dates must follow (each date on or
 * after the one before it, where both are set; a stage may be left blank):
 *
 *   vào danh sách cảm tình đảng ≤ cấp giấy chứng nhận lớp bồi dưỡng nhận
 *   thức về Đảng ≤ đơn xin vào Đảng và lý lịch ≤ gửi thẩm tra lý lịch ≤
 *   hoàn thành thẩm tra ≤ nghị quyết chi bộ ≤ quyết định kết nạp ≤ lễ kết
 *   nạp ≤ công nhận đảng viên chính thức (and that one no earlier than 12
 *   months after the ceremony: the probation lasts a full 12 months).
 *
 * The introduction (giới thiệu) has no date of its own: it is checked when
 * the chi bộ resolution is dated. Nor has the chi bộ's resolution proposing
 * official recognition a stage: it is a date of the record
 * (recognition_resolution_date), between the end of the probation and the
 * recognition decision. */
typedef enum
{
  WARD_STAGE_NONE,               /* in the register, no stage dated yet */
  WARD_STAGE_SYMPATHISER,        /* vào danh sách cảm tình đảng */
  WARD_STAGE_COURSE,             /* lớp bồi dưỡng nhận thức về Đảng (certificate) */
  WARD_STAGE_APPLICATION,        /* đơn và lý lịch */
  WARD_STAGE_VERIFICATION_SENT,  /* thẩm tra lý lịch: sent */
  WARD_STAGE_VERIFICATION_DONE,  /* thẩm tra lý lịch: finished */
  WARD_STAGE_CELL_RESOLUTION,    /* nghị quyết chi bộ */
  WARD_STAGE_DECISION,           /* quyết định kết nạp */
  WARD_STAGE_CEREMONY,           /* lễ kết nạp: counts toward the target */
  WARD_STAGE_RECOGNITION,        /* công nhận đảng viên chính thức */
} WardStage;

#define WARD_N_STAGES (WARD_STAGE_RECOGNITION + 1)

/* Translated name of a stage ("Chi bộ resolution"), for lists and forms. */
const char *ward_stage_get_title    (WardStage stage);
/* The column that holds the stage's date ("ceremony_date"); NULL for NONE. */
const char *ward_stage_get_field    (WardStage stage);

typedef enum
{
  WARD_CANDIDATE_FOLLOWING,  /* đang theo dõi */
  WARD_CANDIDATE_PAUSED,     /* tạm dừng */
  WARD_CANDIDATE_WITHDRAWN,  /* thôi (with the reason) */
} WardCandidateState;

#define WARD_N_CANDIDATE_STATES (WARD_CANDIDATE_WITHDRAWN + 1)

const char *ward_candidate_state_get_title (WardCandidateState state);

typedef enum
{
  WARD_GENDER_UNKNOWN,
  WARD_GENDER_MALE,
  WARD_GENDER_FEMALE,
} WardGender;

/* "Nam" / "Nữ" (the words of Party forms, in every language); "" for unknown. */
const char *ward_gender_get_label   (WardGender  gender);
/* Accepts Nam/Nữ (with or without tone marks, any case), male/female, M/F;
 * "" is UNKNOWN. */
gboolean    ward_gender_parse       (const char *text,
                                     WardGender *gender_out,
                                     GError    **error);

/* ---- A candidate -------------------------------------------------------- */

typedef struct
{
  gint64              id;                 /* 0 until stored */
  char               *uuid;               /* NULL until stored */
  char               *full_name;
  int                 given_name_words;   /* 1, or 2 for a two-word given name (Bình Minh) */
  char               *birth_date;         /* ISO */
  WardGender          gender;
  char               *ethnicity;
  char               *religion;
  char               *education;          /* trình độ giáo dục phổ thông, e.g. "12/12" */
  char               *specialty;          /* chuyên môn */
  char               *occupation;
  gboolean            youth_union;        /* đoàn viên */
  gboolean            trade_union;        /* đoàn viên công đoàn */
  char               *phone;
  char               *education_exception;  /* the document that allows a lower education (mountain,
                                             * island, ethnic-minority areas: Hướng dẫn 01-HD/TW 1.2) */
  char               *residential_group;  /* tổ dân phố */
  gint64              cell_id;            /* party_cells.id, 0 for none */
  char               *cell_name;          /* read when loading; not written */

  char               *dates[WARD_N_STAGES];  /* ISO or NULL, by stage; [NONE] unused */
  char               *course_cert_number;
  char               *introducer_1;       /* official Party members, by name */
  char               *introducer_2;
  gboolean            introducer_1_official;  /* recorded: the introducer is an official member */
  gboolean            introducer_2_official;
  char               *introducer_1_since;  /* ISO: since when they work or live together */
  char               *introducer_2_since;
  char               *youth_union_resolution;
  char               *trade_union_resolution;
  char               *cell_resolution_number;
  char               *decision_number;
  char               *recognition_number;
  char               *recognition_resolution_date;  /* ISO: the chi bộ proposes recognition */

  WardCandidateState  state;
  char               *state_reason;
  char               *note;
} WardCandidate;

WardCandidate *ward_candidate_new         (void);
WardCandidate *ward_candidate_copy        (const WardCandidate *candidate);
void           ward_candidate_free        (WardCandidate       *candidate);

/* The furthest stage with a date. */
WardStage      ward_candidate_get_stage   (const WardCandidate *candidate);
/* Official recognition is due a full 12 months after the ceremony: ISO,
 * NULL without a ceremony. */
char          *ward_candidate_recognition_due (const WardCandidate *candidate);
/* The file waits for the chi bộ: an application older than 12 months on
 * @today_iso, no chi bộ resolution, and the candidate still followed. */
gboolean       ward_candidate_is_stalled  (const WardCandidate *candidate,
                                           const char          *today_iso);

/* Introduced as the chi bộ needs, on the date of its resolution (today
 * without one): by two official Party members; for a Youth Union member of
 * youth age, by one and the Youth Union's resolution; for a trade union
 * member, one and the trade union's resolution also does. Only the names
 * and resolutions are looked at here; ward_candidate_check() checks each
 * introducer. */
gboolean       ward_candidate_is_introduced (const WardCandidate *candidate);
/* Of youth age (Điều lệ Đoàn: 16 to 30) on @on_iso. */
gboolean       ward_candidate_is_youth_age  (const WardCandidate *candidate,
                                             const char          *on_iso);

/* When the candidate became, or becomes, an official member: the end of the
 * 12 months of probation (ceremony + 12 months) once recognised, even when
 * the chi bộ met or the committee decided late (Quy định 294-QĐ/TW, 4.2 b):
 * the statistics count official members from it. NULL while not
 * recognised. */
char          *ward_candidate_official_since (const WardCandidate *candidate);
/* The last day the awareness-course certificate is valid for a chi bộ
 * resolution (its date + WARD_CERTIFICATE_VALID_MONTHS); NULL without a
 * certificate. */
char          *ward_candidate_certificate_valid_until (const WardCandidate *candidate);

/* ---- Education ---------------------------------------------------------- */

typedef enum
{
  WARD_EDUCATION_UNKNOWN,          /* nothing written, or words the rule cannot read */
  WARD_EDUCATION_BELOW_PRIMARY,
  WARD_EDUCATION_PRIMARY,          /* tiểu học: 5/12 */
  WARD_EDUCATION_LOWER_SECONDARY,  /* trung học cơ sở: 9/12 */
  WARD_EDUCATION_UPPER_SECONDARY,  /* trung học phổ thông and above: 12/12 */
} WardEducationLevel;

/* Reads the level as clerks write it: "9/12", "12/12", "7/10" (the old
 * ten-year school), "THCS", "Tốt nghiệp THPT", "Đại học", "Tiểu học". */
WardEducationLevel ward_education_level_parse (const char *text);

/* ---- Statutory deadlines ------------------------------------------------ */

/* The deadlines of the admission steps, in working days (base/ward-calendar.h). */
typedef enum
{
  WARD_DEADLINE_DECISION,                /* the decision, after the chi bộ resolution */
  WARD_DEADLINE_CEREMONY,                /* the ceremony, after the decision */
  WARD_DEADLINE_RECOGNITION_RESOLUTION,  /* the chi bộ's resolution, after the probation */
  WARD_DEADLINE_RECOGNITION_DECISION,    /* the recognition decision, after that resolution */
} WardDeadlineKind;

#define WARD_N_DEADLINES (WARD_DEADLINE_RECOGNITION_DECISION + 1)

typedef struct
{
  WardDeadlineKind  kind;
  const char       *field;              /* the column of the step that is due */
  int               working_days;       /* the period the regulation gives */
  char             *from;               /* ISO: the day the period runs from */
  char             *due;                /* ISO: its last working day */
  char             *done;               /* ISO: when the step took place; NULL: not yet */
  int               working_days_over;  /* > 0: missed by that many (still pending: as of today) */
} WardDeadline;

void        ward_deadline_free           (WardDeadline *deadline);
/* "Admission decision" ("Quyết định kết nạp"), in the user's language. */
const char *ward_deadline_get_title      (WardDeadlineKind kind);
/* Every deadline that has begun to run for @candidate (its first step is
 * dated and the calendar covers it), in order, on @today_iso. A step still
 * pending counts against today only while the file is followed. */
GPtrArray  *ward_candidate_deadlines     (const WardCandidate *candidate,
                                          const char          *today_iso);
/* The most working days any deadline of @candidate was missed by; 0 when
 * none was. What the register's filter "Quá hạn theo quy định" shows. */
int         ward_candidate_overdue_days  (const WardCandidate *candidate,
                                          const char          *today_iso);

/* ---- Dates -------------------------------------------------------------- */

/* @iso plus @months (may be negative). A day the target month lacks becomes
 * that month's last day, as the Civil Code (2015, art. 148) ends a period:
 * 29/02/2024 + 12 months = 28/02/2025. NULL for a bad date. */
char          *ward_candidate_add_months  (const char *iso,
                                           int         months);
/* Age counted by month, as the Party's rules count it (Quy định 294-QĐ/TW,
 * 1.1.1: "tính theo tháng"): the months from the month of birth to the
 * month of @on_iso, the days left out; 216 is 18. -1 for a bad date or
 * @on_iso before @birth_iso. */
int            ward_candidate_age_in_months (const char *birth_iso,
                                             const char *on_iso);
/* Full years of age on @on_iso: a person born on 29/02 has a full year more
 * on 28/02 of a common year (the same rule). -1 for a bad date or @on_iso
 * before @birth_iso. */
int            ward_candidate_age_on      (const char *birth_iso,
                                           const char *on_iso);

/* ---- Rules -------------------------------------------------------------- */

typedef struct
{
  const char *field;    /* the column it is about: "birth_date", "ceremony_date", "introducer_1", … */
  gboolean    warning;  /* FALSE: an error, the record is refused */
  char       *message;  /* one translated sentence */
  WardError   code;     /* WARD_ERROR_DUPLICATE for the same person, else WARD_ERROR_INVALID */
  const char *rule;     /* which rule: "introducers", "certificate", "age", … */
  WardStage   step;     /* the step the rule governs; WARD_STAGE_NONE for the record's own
                         * consistency (names, dates, numbers) */
} WardCandidateIssue;

void       ward_candidate_issue_free      (WardCandidateIssue *issue);

/* Every rule that needs no other record, on @today_iso. The record's own
 * consistency:
 * - a full name, and a date of birth not after today;
 * - stage dates real, not after today nor before the birth, in stage order
 *   (see WardStage); official recognition no earlier than 12 months after
 *   the ceremony;
 * - a number for every dated chi bộ resolution, admission decision and
 *   recognition decision, and no number without its date;
 * - a reason when the file is closed (withdrawn).
 * The regulations' rules, each at the step it governs (ward-admissions-rules.c
 * cites each one's article):
 * - the chi bộ resolution: the age counted by month (18 to 60; over 60 a
 *   warning that the provincial committee decides), the education, the
 *   certificate still valid, the application, the background declaration
 *   and its verification, the introducers;
 * - the decision needs the chi bộ resolution, the ceremony the decision,
 *   the recognition the chi bộ's resolution proposing it;
 * - warnings: each statutory deadline missed, with the working days it ran
 *   over (ward_candidate_deadlines()); a file waiting more than 12 months,
 *   with what must be redone.
 * A step's rule an older record already broke (@stored, the record as it
 * is stored, NULL for a new one) is a warning, not an error, as long as the
 * step's date is not changed: a clerk correcting a phone number on a record
 * imported without its introducers sees "Thiếu người giới thiệu" and can
 * save. Returns the issues, errors first (empty when all is well). */
GPtrArray *ward_candidate_check           (const WardCandidate     *candidate,
                                           const WardCandidate     *stored,
                                           const char              *today_iso);
/* As ward_candidate_check() against the record stored under candidate->id,
 * and the same person (full name folded for case and tone marks, and the
 * date of birth) already in the register is an error that names the stored
 * record: its name, birth date and chi bộ. NULL with @error only when the
 * store fails. */
GPtrArray *ward_candidate_validate        (WardStore               *store,
                                           const WardCandidate     *candidate,
                                           const char              *today_iso,
                                           GError                 **error);
gboolean   ward_candidate_issues_have_errors (GPtrArray           *issues);
/* The first error of @issues as a GError (WARD_ERROR_DUPLICATE for the same
 * person, WARD_ERROR_INVALID otherwise); FALSE if there is none. */
gboolean   ward_candidate_issues_to_error (GPtrArray               *issues,
                                           GError                 **error);

/* "Nguyễn Thị Hoa, born 05/03/1995, chi bộ Khu phố 1 (already in the
 * register)": how a message points at a stored record. */
char      *ward_candidate_describe        (const char              *full_name,
                                           const char              *birth_date,
                                           const char              *cell_name);

/* ---- Storing ------------------------------------------------------------ */

/* The candidate stored under @id, with its chi bộ's name. */
WardCandidate *ward_candidate_load        (WardStore      *store,
                                           gint64          id,
                                           GError        **error);
/* Validates with the form's rules on today's date (ward_today_iso()) and
 * stores: adds when candidate->id is 0 (setting id and uuid), else updates.
 * A record with an error is refused with that error, nothing stored. The
 * name is stored NFC with its sort key (Vietnamese order by given name) and
 * its search key (name, chi bộ, tổ dân phố folded). */
gboolean       ward_candidate_save        (WardStore      *store,
                                           WardCandidate  *candidate,
                                           GError        **error);
/* Deletes @id; @deleted_out (may be NULL) gets the record as it was, for
 * ward_candidate_restore(). */
gboolean       ward_candidate_delete      (WardStore      *store,
                                           gint64          id,
                                           WardCandidate **deleted_out,
                                           GError        **error);
/* Puts a deleted record back, with its uuid (and its id when still free).
 * Refused only if the same person was added again meanwhile. */
gboolean       ward_candidate_restore     (WardStore      *store,
                                           WardCandidate  *candidate,
                                           GError        **error);

/* ---- The list, for the page --------------------------------------------- */

/* One candidate as the list shows it: compact, for 20,000 and more. The
 * strings belong to its WardRows. */
typedef struct
{
  gint64      id;
  const char *full_name;
  const char *sort_key;
  const char *search_key;
  const char *cell_name;    /* "" when none */
  gint64      cell_id;
  const char *birth_date;   /* ISO */
  const char *stage_date;   /* ISO date of the furthest stage, "" for none */
  const char *ceremony_date;  /* ISO or "" */
  const char *cell_key;     /* collation key of the chi bộ's name */
  guint8      stage;        /* WardStage */
  guint8      state;        /* WardCandidateState */
  guint16     overdue_days; /* ward_candidate_overdue_days() when the rows were loaded */
} WardCandidateRow;

/* Every candidate, in one query, in Vietnamese name order: WardRows of
 * WardCandidateRow. */
WardRows *ward_candidate_rows_load (WardStore  *store,
                                    GError    **error);

/* ---- The chi bộ the office keeps ----------------------------------------- */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  int     position;
  int     n_candidates;
} WardPartyCell;

void       ward_party_cell_free     (WardPartyCell *cell);
/* In the office's order (position), then alphabetical. */
GPtrArray *ward_party_cells_load    (WardStore     *store,
                                     GError       **error);
/* The chi bộ whose name folds to the same as @name; 0 when none (not an
 * error), -1 with @error when the store fails. */
gint64     ward_party_cell_find     (WardStore     *store,
                                     const char    *name,
                                     GError       **error);
/* Adds a chi bộ at the end of the list; refused when the name is empty,
 * longer than 200 characters, or already in the list (ignoring case and
 * tone marks). Returns its id, or 0 with @error. */
gint64     ward_party_cell_add      (WardStore     *store,
                                     const char    *name,
                                     GError       **error);
/* Renames, with the same checks; the candidates' search keys follow. */
gboolean   ward_party_cell_rename   (WardStore     *store,
                                     gint64         id,
                                     const char    *name,
                                     GError       **error);
/* Refused while candidates belong to it (the message says how many). */
gboolean   ward_party_cell_remove   (WardStore     *store,
                                     gint64         id,
                                     GError       **error);

/* ---- Progress toward the target and statistics -------------------------- */

typedef struct
{
  char   *label;
  gint64  count;
} WardCount;

void       ward_count_free          (WardCount *count);

typedef struct
{
  gint64     goal;            /* the admissions target (600) */
  gint64     count;           /* ceremonies in the term, as the targets count them */
  int        term_start_year;
  int        term_end_year;
  int        year;            /* of today */
  gint64     pace_needed;     /* ward_progress_pace_needed(); -1 after the term, not reached */
  GPtrArray *by_year;         /* WardCount, one per year of the term, label "2026" */
  GPtrArray *by_cell;         /* WardCount per chi bộ with admissions, most first */
} WardAdmissionProgress;

void                   ward_admission_progress_free (WardAdmissionProgress *progress);
WardAdmissionProgress *ward_admissions_progress     (WardStore   *store,
                                                     const char  *today_iso,
                                                     GError     **error);

/* The age groups of Party reports, by age at the ceremony:
 * 0: 18–30, 1: 31–40, 2: 41–50, 3: over 50. */
#define WARD_N_AGE_GROUPS 4
int         ward_admissions_age_group       (int age);
const char *ward_admissions_age_group_title (int group);

/* Admitted in the term (ceremony in it), as Party reports break them down;
 * each list is of WardCount, every bucket of the age groups and the two of
 * the youth union shown even when empty. */
typedef struct
{
  gint64     total;
  GPtrArray *gender;
  GPtrArray *age_group;
  GPtrArray *ethnicity;
  GPtrArray *religion;
  GPtrArray *education;
  GPtrArray *youth_union;
  GPtrArray *occupation;
} WardAdmissionStats;

void                ward_admission_stats_free (WardAdmissionStats *stats);
WardAdmissionStats *ward_admissions_stats     (WardStore   *store,
                                               GError     **error);

/* Lists for the office's follow-up. */
typedef struct
{
  gint64  id;
  char   *full_name;
  char   *cell_name;   /* "" when none */
  char   *date;        /* due: the recognition due date; stalled: the application date */
  int     days;        /* due: days from today to it (negative: overdue);
                        * stalled: days since the application */
} WardCandidateDue;

void       ward_candidate_due_free        (WardCandidateDue *due);
/* Admitted, not yet recognised, not withdrawn, due within @within_days of
 * @today_iso (overdue ones included), soonest first. */
GPtrArray *ward_admissions_due_recognition (WardStore   *store,
                                            const char  *today_iso,
                                            int          within_days,
                                            GError     **error);
/* ward_candidate_is_stalled() on @today_iso, the oldest application first. */
GPtrArray *ward_admissions_stalled         (WardStore   *store,
                                            const char  *today_iso,
                                            GError     **error);

/* The statutory deadlines missed in the register on @today_iso
 * (ward_candidate_deadlines()): how many, in how many files, and the most
 * working days one ran over. What the reports count. */
typedef struct
{
  gint64 missed;         /* deadlines */
  gint64 candidates;     /* files with at least one */
  int    most_days_over;
} WardMissedDeadlines;

gboolean   ward_admissions_missed_deadlines (WardStore            *store,
                                             const char           *today_iso,
                                             WardMissedDeadlines  *out,
                                             GError              **error);
/* Official members counted by the day their probation ended
 * (ward_candidate_official_since()), within [@from_iso, @to_iso]. */
gint64     ward_admissions_count_official   (WardStore   *store,
                                             const char  *from_iso,
                                             const char  *to_iso,
                                             GError     **error);

/* ---- Spreadsheet exchange ----------------------------------------------- */

/* `ward-tracker-cli import members FILE`: the columns of the issue, natural
 * key name + date of birth; a chi bộ not in the list is added to it (with a
 * warning). */
extern const WardImportKind ward_admissions_import_kind;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCandidate, ward_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardDeadline, ward_deadline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCandidateIssue, ward_candidate_issue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardPartyCell, ward_party_cell_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardAdmissionProgress, ward_admission_progress_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardAdmissionStats, ward_admission_stats_free)

G_END_DECLS
