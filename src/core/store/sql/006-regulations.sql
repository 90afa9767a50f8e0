-- Version 6: the facts the regulations ask for (issue 18).
--
-- The term runs from the congress that adopted the resolution: its date, and
-- the term's end. Đông Sơn's file takes both from the built-in seed when it is
-- migrated (ward-store.c); another ward's file is asked for the congress date
-- once, in the window, or takes it from `ward-tracker-cli term --congress`.
ALTER TABLE ward ADD COLUMN congress_date TEXT;
ALTER TABLE ward ADD COLUMN term_end_date TEXT;
UPDATE ward SET term_end_date = printf ('%04d-12-31', term_end_year);

-- Admissions: each introducer is an official Party member who has worked or
-- lived with the candidate for at least 12 months (Quy định 294-QĐ/TW, 3.2.1):
-- both facts, as the clerk records them (NULL: not recorded). The trade
-- union's route (Quy định 24-QĐ/TW, 3.1), the exception to the education
-- rule with its document (Hướng dẫn 01-HD/TW, 1.2), the chi bộ's resolution
-- proposing official recognition (Quy định 294-QĐ/TW, 4.2), a phone number.
ALTER TABLE candidates ADD COLUMN phone TEXT;
ALTER TABLE candidates ADD COLUMN education_exception TEXT;
ALTER TABLE candidates ADD COLUMN introducer_1_official INTEGER CHECK (introducer_1_official IN (0, 1));
ALTER TABLE candidates ADD COLUMN introducer_1_since TEXT;
ALTER TABLE candidates ADD COLUMN introducer_2_official INTEGER CHECK (introducer_2_official IN (0, 1));
ALTER TABLE candidates ADD COLUMN introducer_2_since TEXT;
ALTER TABLE candidates ADD COLUMN trade_union INTEGER NOT NULL DEFAULT 0;
ALTER TABLE candidates ADD COLUMN trade_union_resolution TEXT;
ALTER TABLE candidates ADD COLUMN recognition_resolution_date TEXT;

-- Targets: a reading may be the term's baseline, the level at the congress,
-- from which the expected path starts. A baseline and the year's reading are
-- two readings.
ALTER TABLE readings ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1));
DROP INDEX readings_one_final;
CREATE UNIQUE INDEX readings_one_final ON readings (target_id, year, half, baseline)
  WHERE status = 'final';

