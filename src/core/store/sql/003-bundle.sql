-- Version 3: exchange between laptops (src/core/exchange). Bookkeeping only: no
-- register changes, so no audit triggers (these tables are not registers).

-- Every content digest a record is known to have had, besides what the
-- audit trail shows: versions received in bundles, versions this file kept
-- over a bundle's ("keep mine"), deletions already dealt with. A bundle
-- sends them as "supersedes", so that the other side can tell a record
-- changed on one side only from one changed on both.
CREATE TABLE bundle_versions (
  table_name  TEXT NOT NULL,
  row_uuid    TEXT NOT NULL,
  digest      TEXT NOT NULL,
  PRIMARY KEY (table_name, row_uuid, digest)
) WITHOUT ROWID;

-- The installations bundles came from.
CREATE TABLE bundle_peers (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,   -- the peer's installation id
  book            TEXT,                   -- its receipt book prefix
  last_bundle_at  TEXT,                   -- created_at of the last bundle imported from it
  last_import_at  TEXT,                   -- when that bundle was imported here
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
