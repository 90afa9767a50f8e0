-- Version 9: a receipt corrected under its own number (issue 26). A
-- correction writes the reversal of the receipt and, right after it, the
-- receipt as it should have been, with the same number, so that the ledger
-- still matches the paper book. A number may therefore be in the ledger
-- more than once, but only one receipt with it may stand: the unique index
-- becomes a trigger that refuses a receipt whose number is held by a
-- receipt not reversed. The core's rule (ward-donations-ledger-record.c)
-- is narrower still: the number comes back only through a correction.

DROP INDEX ledger_receipt_number;
CREATE INDEX ledger_receipt_number ON ledger_entries (campaign_id, receipt_number)
  WHERE kind = 'receipt';

CREATE TRIGGER ledger_entries_receipt_number_standing BEFORE INSERT ON ledger_entries
  WHEN NEW.kind = 'receipt' AND EXISTS (
    SELECT 1 FROM ledger_entries e
    WHERE e.campaign_id = NEW.campaign_id AND e.kind = 'receipt'
      AND e.receipt_number = NEW.receipt_number
      AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id))
BEGIN
  SELECT RAISE (ABORT, 'a receipt number is used once: a receipt that stands holds it');
END;
