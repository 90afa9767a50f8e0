-- The floor under an import of receipts (issue 25): the rows of the
-- generator's donations.csv written by SQL alone into a file made with
-- `ward-tracker-cli init`, through the ledger's indexes, its receipt-number
-- trigger and the audit trigger, with none of the application's reading,
-- checking, cleaning, folding or hashing (the hashes are random). Run from
-- the folder that holds donations.csv:
--   ward-tracker-cli --database floor.sqlite3 init
--   /usr/bin/time sqlite3 floor.sqlite3 < PATH/TO/import-floor.sql
-- and compare the user time with `sqlite3 bare.sqlite3 ".import --csv
-- donations.csv donations"` and with the import itself (README, "Issue
-- 25, fifth round").
.import --csv --schema temp donations.csv raw
BEGIN;
INSERT INTO ledger_entries (uuid, campaign_id, book, seq, kind, receipt_number, entry_date, donor,
                            donor_kind, donor_group, search_key, amount, method, reference, collector,
                            receiver, voucher, reverses_id, reason, note, prev_hash, hash, created_at,
                            updated_at, anonymous)
SELECT printf ('%08x-%04x-7%03x-8%03x-%012x', rowid, 0, 0, 0, abs (random ()) % 281474976710655),
       (SELECT id FROM campaigns ORDER BY id LIMIT 1), 'FLOOR', rowid, 'receipt', "Số biên lai",
       substr ("Ngày", 7, 4) || '-' || substr ("Ngày", 4, 2) || '-' || substr ("Ngày", 1, 2),
       "Người ủng hộ", 'person', "Đơn vị / Tổ dân phố", lower ("Người ủng hộ"),
       CAST ("Số tiền" AS INTEGER), 'cash', NULL, "Người thu", NULL, NULL, NULL, NULL,
       nullif ("Ghi chú", ''), lower (hex (randomblob (32))), lower (hex (randomblob (32))),
       strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 0
FROM temp.raw ORDER BY rowid;
COMMIT;
