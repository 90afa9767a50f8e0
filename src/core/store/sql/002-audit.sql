-- Version 2: the audit trail and the append-only ledger, as triggers, so that
-- every path that writes (window, CLI, import, bundle) is covered alike.
--
-- The audit triggers, one for each insert, update and delete of every table,
-- are made from the schema by ward-store-audit-triggers.c when this version
-- is applied, and again after every later migration. Until issue 22 they
-- were written out here by hand; the text made now is the same.

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
  SELECT RAISE (ABORT, 'ledger entries are append-only: record a reversing entry instead');
END;

CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
  SELECT RAISE (ABORT, 'ledger entries are append-only: record a reversing entry instead');
END;
