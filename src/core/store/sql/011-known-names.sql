-- Version 13: the lists of known names (issue 26). A receipt's tổ dân phố
-- and its collector were free text, so "To dan pho 3" and "Tổ dân phố 3"
-- were two groups. The names the clerk chose are kept here, one list per
-- kind ('group': a tổ dân phố or other group of donors and residents;
-- 'collector': who collects receipts); units and chi bộ have their tables.
-- Two spellings of one name (the same once case and tone marks are left
-- out, ward_names_same()) are one known name: the list shows the spelling
-- with its tone marks (names/ward-names.c).
--
-- The ledger is append-only and hash-chained, so no stored receipt is
-- rewritten: its totals are keyed by the name, not by its spelling. The
-- lists start with the names the registers already hold; SQLite cannot
-- fold Vietnamese, so two spellings of one name may both come in here, and
-- the loader takes them as one.
CREATE TABLE known_names (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('group', 'collector')),
  name        TEXT NOT NULL CHECK (name <> ''),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (kind, name)
);

CREATE TEMP VIEW known_names_found AS
  SELECT 'group' AS kind, donor_group AS name FROM ledger_entries WHERE kind = 'receipt'
  UNION SELECT 'group', residential_group FROM candidates
  UNION SELECT 'group', residential_group FROM enterprises
  UNION SELECT 'collector', collector FROM ledger_entries WHERE kind = 'receipt';

INSERT INTO known_names (uuid, kind, name, created_at, updated_at)
  SELECT lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4'
         || substr (lower (hex (randomblob (2))), 2) || '-'
         || substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2)
         || '-' || lower (hex (randomblob (6))),
         kind, name, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM known_names_found WHERE name IS NOT NULL AND trim (name) <> '';

DROP VIEW known_names_found;
