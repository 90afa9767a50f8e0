-- Version 11: the shared folder (src/core/sync, issue 21). Bookkeeping
-- only, like the bundles' (sql/003): no register changes, no audit
-- triggers. The folder itself, this installation's next sequence number and
-- how far its own changes went out are settings ("sync-folder",
-- "sync-sequence", "sync-audit-mark").

-- Every other installation whose change files were read here: the last of
-- its sequence numbers applied, and the heads of its receipt books as it
-- last showed them (tamper evidence: a book rewritten since is reported).
CREATE TABLE sync_peers (
  installation  TEXT PRIMARY KEY,
  last_sequence INTEGER NOT NULL DEFAULT 0,
  books         TEXT,                  -- JSON: [{ "campaign", "book", "seq", "hash" }]
  applied_at    TEXT                   -- this computer's clock: shown, never compared
) WITHOUT ROWID;

-- Audit rows written by applying another installation's change file: they
-- are its changes, not ours, and never go out again in our own files of
-- the same folder. The office passes a collection laptop's receipts on
-- from the campaign's folder ("scope": the campaign's uuid) to its own.
CREATE TABLE sync_foreign_audit (
  from_id  INTEGER NOT NULL,           -- exclusive
  to_id    INTEGER NOT NULL,           -- inclusive
  scope    TEXT NOT NULL DEFAULT ''    -- '': the office's folder; else a campaign's uuid
);

-- Records a person decided in a conflict: the decision goes out in this
-- installation's next change file, so that every desk ends the same.
CREATE TABLE sync_resend (
  table_name  TEXT NOT NULL,
  row_uuid    TEXT NOT NULL,
  PRIMARY KEY (table_name, row_uuid)
) WITHOUT ROWID;
