-- Version 8: donors who ask not to be named (issue 19). The ledger keeps the
-- name; every public list prints "Nhà hảo tâm (không nêu tên)" instead. The
-- flag is part of an entry's hash when set (ward-donations-ledger-chain.c),
-- so the entries written before it keep theirs. The audit triggers are made
-- again from the schema after this migration.

ALTER TABLE ledger_entries ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0
  CHECK (anonymous IN (0, 1));
