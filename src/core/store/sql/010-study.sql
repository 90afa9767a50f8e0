-- Version 10: the study of the resolution (issue 23).
--
-- The Party members of each chi bộ, enough to count and name those who
-- should study the resolution: the roster. A member comes from the Party
-- member database's export, from the office's own list, or from the
-- admission register when a candidate is admitted (candidate_id, kept when
-- the candidate is later deleted from the register). One person is one
-- name (as written) and one birth date, as in the admission register.
CREATE TABLE party_members (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  full_name         TEXT NOT NULL,
  sort_key          TEXT NOT NULL,
  search_key        TEXT NOT NULL,
  birth_date        TEXT NOT NULL,
  gender            TEXT CHECK (gender IN ('male', 'female')),
  cell_id           INTEGER REFERENCES party_cells (id) ON DELETE SET NULL,
  -- Ngày vào Đảng: the date of the admission decision (Điều lệ Đảng, Điều 5
  -- khoản 4); NULL when the list does not say.
  joined_date       TEXT,
  -- Ngày chính thức; NULL while the member is probationary (dự bị).
  official_date     TEXT,
  card_number       TEXT,
  -- Miễn công tác và sinh hoạt đảng, by the chi bộ's resolution, for age or
  -- health (Quy định 24-QĐ/TW 2021 mục 7.1; Hướng dẫn 27-HD/BTCTW mục 1.1).
  exempt            TEXT CHECK (exempt IN ('age', 'health')),
  exempt_since      TEXT,
  -- Moved to another Party organisation, died or left: not counted after.
  left_date         TEXT,
  candidate_id      INTEGER UNIQUE REFERENCES candidates (id) ON DELETE SET NULL,
  note              TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (full_name, birth_date),
  CHECK (exempt_since IS NULL OR exempt IS NOT NULL)
);
CREATE INDEX party_members_cell ON party_members (cell_id);

-- A study session: the ward's conference (no chi bộ) or one chi bộ's. The
-- documents studied are a set: 1 the congress's resolution, 2 the action
-- programme, 4 the Fatherland Front's plan. A session held without the
-- attendance recorded (the ward conference in the seed: the article gives
-- no figures) counts in no share.
CREATE TABLE study_sessions (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  cell_id             INTEGER REFERENCES party_cells (id) ON DELETE RESTRICT,
  title               TEXT NOT NULL,
  held_on             TEXT NOT NULL,
  place               TEXT,
  presenter           TEXT,
  documents           INTEGER NOT NULL DEFAULT 1 CHECK (documents BETWEEN 0 AND 7),
  attendance_recorded INTEGER NOT NULL DEFAULT 1 CHECK (attendance_recorded IN (0, 1)),
  note                TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX study_sessions_cell ON study_sessions (cell_id, held_on);

-- One line per member a session expected: present, or absent with its
-- reason and, once made up, the day of the make-up session.
CREATE TABLE study_attendance (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  session_id      INTEGER NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
  member_id       INTEGER NOT NULL REFERENCES party_members (id) ON DELETE CASCADE,
  present         INTEGER NOT NULL CHECK (present IN (0, 1)),
  absence_reason  TEXT,
  made_up_on      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (session_id, member_id),
  CHECK (present = 0 OR (made_up_on IS NULL AND absence_reason IS NULL))
);
CREATE INDEX study_attendance_member ON study_attendance (member_id);

-- The written reflection (bài thu hoạch), one per member, and the grade
-- the office gives it (its own scale: no central one was found).
CREATE TABLE study_reflections (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  member_id     INTEGER NOT NULL UNIQUE REFERENCES party_members (id) ON DELETE CASCADE,
  handed_in_on  TEXT NOT NULL,
  grade         TEXT CHECK (grade IN ('good', 'fair', 'pass', 'fail')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- A Đông Sơn file made before this version gets the ward's conference of
-- 17/9/2025 as the seed (version 2) gives it to a new file, with the same
-- uuid; another ward's file gets nothing. A new file has no ward row yet
-- when it is migrated: the seed adds the conference after.
INSERT INTO study_sessions (uuid, title, held_on, documents, attendance_recorded, note,
                            created_at, updated_at)
SELECT 'b2120dc0-7111-54e0-b218-a5f1ec4d7692',
       'Hội nghị triển khai kế hoạch học tập, quán triệt Nghị quyết Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025 – 2030',
       '2025-09-17', 1, 0,
       'Đảng ủy phường tổ chức; cùng ngày phát động phong trào ủng hộ Nhân dân Cuba (Báo Thanh Hóa). Bài báo không nêu số người dự.',
       strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM ward WHERE id = 1 AND name = 'Phường Đông Sơn' AND province = 'Thanh Hóa';
