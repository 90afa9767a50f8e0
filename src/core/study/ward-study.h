/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The study of the resolution (học tập, quán triệt Nghị quyết): the Party
 * members of each chi bộ (the roster), the study sessions with who
 * attended, and each member's written reflection (bài thu hoạch).
 *
 * Who counts, and as what, is decided once, by ward_study_member_verdict()
 * (ward-study-rules.c); the page, the report and the CLI read the tallies
 * made with it (ward_study_tally_load()). */

/* ---- The roster --------------------------------------------------------- */

/* Miễn công tác và sinh hoạt đảng (Quy định 24-QĐ/TW 2021, mục 7.1: "Đảng
 * viên tuổi cao, sức khoẻ yếu …"; the criteria in Hướng dẫn 27-HD/BTCTW,
 * mục 1.1): by the chi bộ's resolution, for age or for health. */
typedef enum
{
  WARD_EXEMPT_NONE,
  WARD_EXEMPT_AGE,
  WARD_EXEMPT_HEALTH,
} WardExemption;

typedef enum
{
  WARD_MEMBER_FIELD_NAME,
  WARD_MEMBER_FIELD_BIRTH,
  WARD_MEMBER_FIELD_GENDER,
  WARD_MEMBER_FIELD_CELL,
  WARD_MEMBER_FIELD_JOINED,
  WARD_MEMBER_FIELD_OFFICIAL,
  WARD_MEMBER_FIELD_CARD,
  WARD_MEMBER_FIELD_EXEMPT,
  WARD_MEMBER_FIELD_EXEMPT_SINCE,
  WARD_MEMBER_FIELD_LEFT,
  WARD_MEMBER_FIELD_NOTE,
  WARD_MEMBER_N_FIELDS
} WardMemberField;

typedef struct
{
  gint64         id;            /* 0: not stored yet */
  char          *uuid;
  char          *full_name;
  char          *birth_date;    /* ISO */
  char          *gender;        /* "male", "female" or NULL */
  gint64         cell_id;       /* 0: none */
  char          *cell_name;     /* read only: the chi bộ's name */
  char          *joined_date;   /* ngày vào Đảng; NULL: not known */
  char          *official_date; /* ngày chính thức; NULL: probationary */
  char          *card_number;
  WardExemption  exempt;
  char          *exempt_since;
  char          *left_date;     /* moved away, died or left: not counted after */
  gint64         candidate_id;  /* the admission register's record, 0: none */
  char          *note;
} WardPartyMember;

WardPartyMember *ward_party_member_new   (void);
WardPartyMember *ward_party_member_copy  (const WardPartyMember *member);
void             ward_party_member_free  (WardPartyMember       *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardPartyMember, ward_party_member_free)

/* "Miễn do tuổi cao", "Miễn do sức khỏe", "" (translated); and back, from
 * what a list writes ("tuổi cao", "sức khỏe", "age", "health", "x"
 * meaning exempt without a reason is refused). */
const char   *ward_exemption_label       (WardExemption  exempt);
gboolean      ward_exemption_parse       (const char    *text,
                                          WardExemption *out);

/* One problem of a record, as the form and the import show it. */
typedef struct
{
  WardMemberField  field;
  char            *message;
  int              code;    /* WARD_ERROR_*: DUPLICATE for the same person */
} WardMemberIssue;

void          ward_member_issue_free     (WardMemberIssue *issue);
/* The record's own rules (dates, the exemption), then the same person
 * already on the roster (another record than its own). Never NULL on
 * success; NULL with @error set if the file could not be read. */
GPtrArray    *ward_party_member_validate (WardStore             *store,
                                          const WardPartyMember *member,
                                          const char            *today_iso,
                                          GError               **error);
/* The first issue as an error (WARD_ERROR_INVALID or its code); FALSE if
 * none. */
gboolean      ward_member_issues_to_error (GPtrArray            *issues,
                                           GError              **error);

WardPartyMember *ward_party_member_load  (WardStore             *store,
                                          gint64                 id,
                                          GError               **error);
/* The same person: the name folded for case and tone marks, and the birth
 * date. NULL (no error) when there is none. */
WardPartyMember *ward_party_member_find  (WardStore             *store,
                                          const char            *full_name,
                                          const char            *birth_date,
                                          GError               **error);
/* Checks and stores (a new record when id is 0), in one transaction. */
gboolean      ward_party_member_save     (WardStore             *store,
                                          WardPartyMember       *member,
                                          GError               **error);
/* Deletes the member with their attendance and reflection; @deleted_out
 * gets the record for undo (the attendance is not brought back). */
gboolean      ward_party_member_delete   (WardStore             *store,
                                          gint64                 id,
                                          WardPartyMember      **deleted_out,
                                          GError               **error);
/* Members of a chi bộ (0: every chi bộ), in Vietnamese name order. */
GPtrArray    *ward_party_members_load    (WardStore             *store,
                                          gint64                 cell_id,
                                          GError               **error);

/* The admission register's hook, called inside its transaction whenever a
 * candidate is written: from the admission decision (or, lacking it, the
 * ceremony) the candidate is on the roster, probationary until
 * @official_date. With neither date the member made from the candidate is
 * taken off again, unless they already attended or handed in a
 * reflection. */
typedef struct
{
  gint64      candidate_id;
  const char *full_name;
  const char *birth_date;
  const char *gender;
  gint64      cell_id;
  const char *joined_date;
  const char *official_date;
} WardAdmittedMember;

gboolean      ward_study_member_from_admission (WardStore                *store,
                                                const WardAdmittedMember *admitted,
                                                GError                  **error);

/* ---- Sessions and attendance -------------------------------------------- */

typedef enum
{
  WARD_STUDY_DOC_RESOLUTION = 1 << 0,  /* Nghị quyết Đại hội */
  WARD_STUDY_DOC_PROGRAMME  = 1 << 1,  /* Chương trình hành động */
  WARD_STUDY_DOC_FRONT_PLAN = 1 << 2,  /* Kế hoạch của Mặt trận */
} WardStudyDocuments;

typedef struct
{
  gint64   id;
  char    *uuid;
  gint64   cell_id;              /* 0: the ward's conference */
  char    *cell_name;           /* read only */
  char    *title;
  char    *held_on;
  char    *place;
  char    *presenter;
  guint    documents;            /* WardStudyDocuments */
  gboolean attendance_recorded;
  char    *note;
} WardStudySession;

WardStudySession *ward_study_session_new  (void);
void              ward_study_session_free (WardStudySession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardStudySession, ward_study_session_free)

/* "Nghị quyết Đại hội; Chương trình hành động" (translated). */
char         *ward_study_documents_describe (guint documents);
/* The same in a document's fixed Vietnamese: "Nghị quyết Đại hội; …". */
char         *ward_study_documents_describe_vi (guint documents);

/* One member's line in a session. */
typedef struct
{
  gint64    member_id;
  char     *member_name;   /* read only */
  gboolean  present;
  char     *absence_reason;
  char     *made_up_on;    /* ISO; only when absent */
} WardStudyAttendance;

WardStudyAttendance *ward_study_attendance_new  (gint64       member_id,
                                                 gboolean     present);
void                 ward_study_attendance_free (WardStudyAttendance *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardStudyAttendance, ward_study_attendance_free)

/* Stores a session (new when id is 0) with its attendance replacing the
 * lines it had, in one transaction. Refused, naming the member: a member of
 * another chi bộ, one who joined the Party after the session or had left
 * before it, a make-up dated before the session or after today. */
gboolean      ward_study_session_save    (WardStore        *store,
                                          WardStudySession *session,
                                          GPtrArray        *attendance,
                                          GError          **error);
WardStudySession *ward_study_session_load (WardStore       *store,
                                          gint64            id,
                                          GError          **error);
/* Every session, the latest first. */
GPtrArray    *ward_study_sessions_load   (WardStore        *store,
                                          GError          **error);
/* The lines of a session, in name order. */
GPtrArray    *ward_study_attendance_load (WardStore        *store,
                                          gint64            session_id,
                                          GError          **error);
gboolean      ward_study_session_delete  (WardStore        *store,
                                          gint64            id,
                                          GError          **error);
/* An absent member made the session up on @date (ISO). */
gboolean      ward_study_make_up         (WardStore        *store,
                                          gint64            session_id,
                                          gint64            member_id,
                                          const char       *date,
                                          GError          **error);

/* ---- Reflections -------------------------------------------------------- */

/* The office's own scale (no central one was found): Tốt, Khá, Đạt,
 * Không đạt; WARD_GRADE_NONE: not graded yet. */
typedef enum
{
  WARD_GRADE_NONE,
  WARD_GRADE_GOOD,
  WARD_GRADE_FAIR,
  WARD_GRADE_PASS,
  WARD_GRADE_FAIL,
} WardReflectionGrade;

const char   *ward_reflection_grade_label (WardReflectionGrade grade);
gboolean      ward_reflection_grade_parse (const char          *text,
                                           WardReflectionGrade *out);
/* Handed in on @date (ISO) with @grade; replaces what was recorded. */
gboolean      ward_study_reflection_set   (WardStore           *store,
                                           gint64               member_id,
                                           const char          *date,
                                           WardReflectionGrade  grade,
                                           GError             **error);
gboolean      ward_study_reflection_clear (WardStore           *store,
                                           gint64               member_id,
                                           GError             **error);

/* ---- The counting rules (ward-study-rules.c) ---------------------------- */

typedef enum
{
  WARD_STUDY_NOT_DUE,   /* no session since they joined (or none yet) */
  WARD_STUDY_EXEMPT,    /* exempt from activities and did not attend: not counted */
  WARD_STUDY_ATTENDED,
  WARD_STUDY_MADE_UP,
  WARD_STUDY_MISSING,   /* still to make up */
} WardStudyVerdict;

/* A session as one member saw it. */
typedef struct
{
  const char *held_on;
  gboolean    cell_session;   /* FALSE: the ward's conference */
  gboolean    recorded;       /* the session's attendance was recorded */
  gboolean    has_line;       /* the member has a line in it */
  gboolean    present;
  const char *made_up_on;
} WardStudyMark;

/* A Party member on @date (ISO): joined by then (or not known), not left
 * before it. A session expects only these members. */
gboolean      ward_party_member_is_member_on (const WardPartyMember *member,
                                              const char            *date);
WardStudyVerdict ward_study_member_verdict (const WardPartyMember *member,
                                            const WardStudyMark   *marks,
                                            guint                  n_marks);
/* Counted in the shares: attended, made up or missing. */
gboolean      ward_study_verdict_counted  (WardStudyVerdict verdict);
const char   *ward_study_verdict_label    (WardStudyVerdict verdict);

/* ---- Tallies ------------------------------------------------------------ */

typedef struct
{
  gint64  cell_id;         /* 0: the ward's total */
  char   *cell_name;
  guint   members;         /* on the roster (not left) */
  guint   sessions;        /* sessions held with attendance recorded */
  guint   counted;
  guint   attended;
  guint   made_up;
  guint   missing;
  guint   exempt;
  guint   not_due;
  guint   reflections_in;
  guint   reflections_missing;  /* counted members without one */
} WardStudyCount;

/* Shares of the counted members, 0 when none is counted. */
double        ward_study_count_attended_share (const WardStudyCount *count);
double        ward_study_count_studied_share  (const WardStudyCount *count);

/* One member as the page lists them. */
typedef struct
{
  gint64               member_id;
  char                *full_name;
  char                *birth_date;
  gint64               cell_id;
  char                *cell_name;
  gboolean             official;
  WardExemption        exempt;
  WardStudyVerdict     verdict;
  gboolean             reflection_in;
  WardReflectionGrade  grade;
  gint64               missed_session_id;  /* MISSING: the session to make up */
} WardStudyMemberRow;

typedef struct
{
  GPtrArray      *cells;    /* WardStudyCount, one per chi bộ with members or sessions */
  WardStudyCount  total;
  GPtrArray      *members;  /* WardStudyMemberRow, in chi bộ and name order */
  guint           ward_sessions;  /* the ward's conferences */
} WardStudyTally;

/* Everything as of @today_iso (NULL: today); members who left before it
 * are not counted. */
WardStudyTally *ward_study_tally_load (WardStore   *store,
                                       const char  *today_iso,
                                       GError     **error);
void            ward_study_tally_free (WardStudyTally *tally);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardStudyTally, ward_study_tally_free)

G_END_DECLS
