-- Version 7: the version of the industry classification each enterprise's
-- line of business is written in (issue 18). VSIC 2025 (Quyết định
-- 36/2025/QĐ-TTg, in force from 15/11/2025) replaced VSIC 2018 (Quyết định
-- 27/2018/QĐ-TTg); from section J on the letters changed meaning and some
-- codes kept their digits but not their content, so a code is stored with
-- its version. Every code stored before this version was checked against
-- VSIC 2018. NULL when the enterprise has no code.
ALTER TABLE enterprises ADD COLUMN vsic_version INTEGER
  CHECK (vsic_version IS NULL OR vsic_version IN (2018, 2025));
UPDATE enterprises SET vsic_version = 2018 WHERE vsic IS NOT NULL;
