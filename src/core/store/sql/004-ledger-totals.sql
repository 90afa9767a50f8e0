-- Version 4: indexes for the ledger's totals (issue 13). The overview and
-- the donations page sum a campaign's receipts on every load; over 100,000
-- entries that read the whole table (45 ms before the first frame). The
-- first index covers the sum, the second (partial: reversals only, a few
-- rows) the receipts that a correction takes back.

CREATE INDEX ledger_campaign_amounts ON ledger_entries (campaign_id, kind, amount);
CREATE INDEX ledger_reversals ON ledger_entries (campaign_id, reverses_id)
  WHERE reverses_id IS NOT NULL;
