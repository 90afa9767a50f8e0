/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-donations-ledger"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-money.h"
#include "base/ward-text.h"
#include "donations/ward-donations-ledger-private.h"
#include "donations/ward-donations-ledger.h"
#include "import/ward-import.h"
#include "names/ward-names.h"
#include "registers/ward-registers-stats.h"
#include "registers/ward-registers.h"
#include "safety/ward-safety-file-check.h"
#include "store/ward-store-audit.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

/* The seeded Cuba campaign starts on 17/09/2025; the tests run on a fixed
 * "today" a little later. */
#define TODAY "2025-12-31"

typedef struct
{
  char         *dir;
  WardStore    *store;
  WardCampaign *campaign;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("WARD_TODAY", TODAY, TRUE);
  f->dir = ward_test_make_dir ("donations-ledger");
  f->store = ward_test_new_store (f->dir, NULL);
  f->campaign = ward_ledger_default_campaign (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->campaign->name, ==, "Ủng hộ Nhân dân Cuba");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->campaign, ward_campaign_free);
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
receipt (Fixture     *f,
         const char  *number,
         const char  *date,
         const char  *donor,
         const char  *group,
         gint64       amount)
{
  g_autoptr (GError) error = NULL;
  WardReceiptInput input = {
    .receipt_number = number, .date = date, .donor = donor,
    .donor_kind = ward_donor_kind_guess (donor), .donor_group = group,
    .amount = amount, .method = WARD_PAYMENT_CASH, .collector = "Lê Thị Hoa",
  };
  gint64 id = 0;

  g_assert_true (ward_ledger_add_receipt (f->store, f->campaign, &input, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
transfer (Fixture     *f,
          const char  *date,
          gint64       amount,
          gint64      *id,
          GError     **error)
{
  WardTransferInput input = {
    .date = date, .amount = amount, .receiver = "Hội Chữ thập đỏ tỉnh Thanh Hóa", .voucher = "CT-01",
  };

  return ward_ledger_add_transfer (f->store, f->campaign, &input, id, NULL, error);
}

static gboolean
reverse (Fixture     *f,
         gint64       id,
         const char  *date,
         GError     **error)
{
  WardReversalInput input = { .reverses_id = id, .date = date, .reason = "Ghi nhầm số tiền" };

  return ward_ledger_add_reversal (f->store, f->campaign, &input, NULL, NULL, error);
}

static void
get_totals (Fixture          *f,
            WardLedgerTotals *totals)
{
  g_autoptr (GError) error = NULL;
  gint64 received = -1;
  guint n_receipts = G_MAXUINT;

  g_assert_true (ward_ledger_get_totals (f->store, f->campaign->id, totals, &error));
  g_assert_no_error (error);
  /* The one-query sum the overview shows agrees, whatever was reversed. */
  g_assert_true (ward_ledger_get_received (f->store, f->campaign->id, &received, &n_receipts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (received, ==, totals->received);
  g_assert_cmpuint (n_receipts, ==, totals->n_receipts);
}

/* ---- Totals -------------------------------------------------------------- */

static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  WardLedgerTotals totals = { 0 };
  WardLedgerGroupTotal *group;

  receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1250000);
  receipt (f, "2", "2025-09-18", "Chi bộ khu phố 3", "Chi bộ 3", 3000000);
  /* The same donor written another way is one donor. */
  receipt (f, "3", "2025-09-20", "nguyen van  AN", "chi bộ 1", 750000);
  receipt (f, "4", "2025-09-21", "Trần Thị Bình", NULL, 100000);
  g_assert_true (transfer (f, "2025-09-25", 4000000, NULL, &error));
  g_assert_no_error (error);

  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 5100000);
  g_assert_cmpint (totals.transferred, ==, 4000000);
  g_assert_cmpint (totals.on_hand, ==, 1100000);
  g_assert_cmpint (totals.reversed, ==, 0);
  g_assert_cmpuint (totals.n_receipts, ==, 4);
  g_assert_cmpuint (totals.n_transfers, ==, 1);
  g_assert_cmpuint (totals.n_donors, ==, 3);

  /* By group, in Vietnamese order, the group without a name last; "chi bộ 1"
   * and "Chi bộ 1" are one group, named as first written. */
  g_assert_cmpuint (totals.groups->len, ==, 3);
  group = totals.groups->pdata[0];
  g_assert_cmpstr (group->group, ==, "Chi bộ 1");
  g_assert_cmpint (group->amount, ==, 2000000);
  g_assert_cmpuint (group->n_receipts, ==, 2);
  group = totals.groups->pdata[1];
  g_assert_cmpstr (group->group, ==, "Chi bộ 3");
  g_assert_cmpint (group->amount, ==, 3000000);
  group = totals.groups->pdata[2];
  g_assert_cmpstr (group->group, ==, "");
  g_assert_cmpint (group->amount, ==, 100000);
  ward_ledger_totals_clear (&totals);
}

/* The totals are added up from an index in its own order (issue 25), not
 * the list's: a group is still named as first written by date, whatever
 * order the receipts were typed in, and what a correction took back is in
 * no group and names no donor. */
static void
test_totals_first_written (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  WardLedgerTotals totals = { 0 };
  WardLedgerGroupTotal *group;
  gint64 wrong;

  receipt (f, "1", "2025-09-25", "Nguyễn Văn An", "tổ dân phố 7", 200000);
  receipt (f, "2", "2025-09-19", "Lê Văn Cường", "Tổ Dân Phố 7", 300000);
  receipt (f, "3", "2025-09-19", "Phạm Thị Dung", "TỔ DÂN PHỐ 7", 400000);
  wrong = receipt (f, "4", "2025-09-20", "Hoàng Văn Em", "Tổ dân phố 9", 5000000);
  g_assert_true (reverse (f, wrong, "2025-09-21", &error));
  g_assert_no_error (error);

  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 900000);
  g_assert_cmpint (totals.reversed, ==, 5000000);
  g_assert_cmpuint (totals.n_receipts, ==, 3);
  g_assert_cmpuint (totals.n_reversals, ==, 1);
  g_assert_cmpuint (totals.n_donors, ==, 3);
  g_assert_cmpuint (totals.groups->len, ==, 1);
  group = totals.groups->pdata[0];
  /* The 19th comes first, and of the two that day the one entered first. */
  g_assert_cmpstr (group->group, ==, "Tổ Dân Phố 7");
  g_assert_cmpint (group->amount, ==, 900000);
  g_assert_cmpuint (group->n_receipts, ==, 3);
  ward_ledger_totals_clear (&totals);
}

/* ---- The rules of a receipt ------------------------------------------- */

typedef struct
{
  const char        *name;
  const char        *number;
  const char        *date;
  const char        *donor;
  gint64             amount;
  WardPaymentMethod  method;
  const char        *reference;
  WardLedgerField    field;
  int                code;
  const char        *message_part;
} ReceiptCase;

static const ReceiptCase receipt_cases[] = {
  { "ok", "10", "2025-09-17", "Nguyễn Văn An", 1, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_NONE, 0, NULL },
  { "ok-last-day", "11", "2025-10-16", "Nguyễn Văn An", WARD_ENTRY_AMOUNT_MAX, WARD_PAYMENT_BANK, "FT25", WARD_LEDGER_FIELD_NONE, 0, NULL },
  { "no-number", "  ", "2025-09-18", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_RECEIPT_NUMBER, WARD_ERROR_INVALID, "receipt number" },
  { "duplicate", "1", "2025-09-18", "Lê Văn Cường", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_RECEIPT_NUMBER, WARD_ERROR_DUPLICATE, "already recorded" },
  { "no-date", "12", "", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DATE, WARD_ERROR_INVALID, "date" },
  /* Outside the campaign's period: refused unless confirmed (below). */
  { "before-start", "12", "2025-09-16", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DATE, WARD_ERROR_INVALID, "before the campaign was launched on 17/09/2025" },
  { "after-end", "12", "2025-10-17", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DATE, WARD_ERROR_INVALID, "after the campaign ended on 16/10/2025" },
  { "future", "12", "2026-01-01", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DATE, WARD_ERROR_INVALID, "in the future" },
  { "not-a-date", "12", "2025-02-30", "Nguyễn Văn An", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DATE, WARD_ERROR_INVALID, "not a date" },
  { "no-donor", "12", "2025-09-18", "", 1000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_DONOR, WARD_ERROR_INVALID, "donor" },
  { "zero", "12", "2025-09-18", "Nguyễn Văn An", 0, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_AMOUNT, WARD_ERROR_INVALID, "more than 0" },
  { "negative", "12", "2025-09-18", "Nguyễn Văn An", -50000, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_AMOUNT, WARD_ERROR_INVALID, "more than 0" },
  { "too-large", "12", "2025-09-18", "Nguyễn Văn An", WARD_ENTRY_AMOUNT_MAX + 1, WARD_PAYMENT_CASH, NULL, WARD_LEDGER_FIELD_AMOUNT, WARD_ERROR_INVALID, "largest amount" },
  { "bank-no-reference", "12", "2025-09-18", "Nguyễn Văn An", 1000, WARD_PAYMENT_BANK, " ", WARD_LEDGER_FIELD_REFERENCE, WARD_ERROR_INVALID, "reference" },
};

static void
test_receipt_rules (Fixture       *f,
                    gconstpointer  data)
{
  receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1250000);

  for (guint i = 0; i < G_N_ELEMENTS (receipt_cases); i++)
    {
      const ReceiptCase *c = &receipt_cases[i];
      g_autoptr (GError) error = NULL;
      WardLedgerField field = WARD_LEDGER_FIELD_NOTE;
      WardReceiptInput input = {
        .receipt_number = c->number, .date = c->date, .donor = c->donor,
        .amount = c->amount, .method = c->method, .reference = c->reference,
      };
      gint64 before = ward_store_count_rows (f->store, "ledger_entries", NULL);
      gboolean ok;

      g_test_message ("case %s", c->name);
      ok = ward_ledger_add_receipt (f->store, f->campaign, &input, NULL, &field, &error);
      if (c->message_part == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (ward_store_count_rows (f->store, "ledger_entries", NULL), ==, before + 1);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, WARD_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->message_part));
      g_assert_cmpint (field, ==, c->field);
      /* Nothing is stored on a refusal. */
      g_assert_cmpint (ward_store_count_rows (f->store, "ledger_entries", NULL), ==, before);
    }
  g_assert_true (ward_ledger_amount_needs_confirmation (WARD_LEDGER_CONFIRM_THRESHOLD + 1));
  g_assert_false (ward_ledger_amount_needs_confirmation (WARD_LEDGER_CONFIRM_THRESHOLD));
}

/* The issue's example: receipts dated 12/2026 into a campaign that ran
 * 17/09–16/10/2025 are refused unless the clerk confirms them; confirmed,
 * they are recorded (and the disclosure list counts them apart). */
static void
test_receipt_outside_period (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;
  WardReceiptInput input = {
    .receipt_number = "30", .date = "2025-12-05", .donor = "Nguyễn Văn An",
    .amount = 200000, .method = WARD_PAYMENT_CASH,
  };

  g_assert_true (ward_campaign_in_period (f->campaign, "2025-09-17"));
  g_assert_true (ward_campaign_in_period (f->campaign, "2025-10-16"));
  g_assert_false (ward_campaign_in_period (f->campaign, "2025-10-17"));
  g_assert_false (ward_campaign_in_period (f->campaign, "2025-09-16"));
  why = ward_campaign_describe_outside (f->campaign, "2025-12-05");
  g_assert_cmpstr (why, ==, "The receipt is dated 05/12/2025, after the campaign ended on 16/10/2025.");
  g_assert_null (ward_campaign_describe_outside (f->campaign, "2025-10-01"));

  g_assert_false (ward_ledger_add_receipt (f->store, f->campaign, &input, NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  input.outside_period_confirmed = TRUE;
  g_assert_true (ward_ledger_add_receipt (f->store, f->campaign, &input, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A transfer after the end is no receipt: it needs no confirmation. */
  g_assert_true (transfer (f, "2025-12-20", 100000, NULL, &error));
  g_assert_no_error (error);
}

/* ---- Transfers --------------------------------------------------------- */

static void
test_transfer_rule (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  WardLedgerTotals totals = { 0 };

  receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1000000);
  receipt (f, "2", "2025-09-25", "Trần Thị Bình", "Chi bộ 2", 2000000);

  /* More than is on hand: refused, and said so with the balance. */
  g_assert_false (transfer (f, "2025-09-26", 3000001, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3.000.000 đ"));
  g_clear_error (&error);

  /* On 20/09 only the first receipt was in hand. */
  g_assert_false (transfer (f, "2025-09-20", 2000000, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1.000.000 đ on 20/09/2025"));
  g_clear_error (&error);

  g_assert_true (transfer (f, "2025-09-20", 1000000, NULL, &error));
  g_assert_no_error (error);
  /* A transfer dated earlier may not spend money a later transfer took. */
  g_assert_true (transfer (f, "2025-09-26", 2000000, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (transfer (f, "2025-09-26", 1, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  /* The other rules of a transfer. */
  {
    WardTransferInput input = { .date = "2025-09-26", .amount = 1, .receiver = "", .voucher = "1" };
    WardLedgerField field = WARD_LEDGER_FIELD_NONE;

    g_assert_false (ward_ledger_add_transfer (f->store, f->campaign, &input, NULL, &field, &error));
    g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_RECEIVER);
    g_clear_error (&error);
    input.receiver = "Hội Chữ thập đỏ";
    input.voucher = NULL;
    g_assert_false (ward_ledger_add_transfer (f->store, f->campaign, &input, NULL, &field, &error));
    g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_VOUCHER);
    g_clear_error (&error);
    input.voucher = "CT-9";
    input.amount = 0;
    g_assert_false (ward_ledger_add_transfer (f->store, f->campaign, &input, NULL, &field, &error));
    g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_AMOUNT);
    g_clear_error (&error);
  }

  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 3000000);
  g_assert_cmpint (totals.transferred, ==, 3000000);
  g_assert_cmpint (totals.on_hand, ==, 0);
  ward_ledger_totals_clear (&totals);
}

/* ---- Corrections ------------------------------------------------------- */

static void
test_reversal (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  WardLedgerTotals totals = { 0 };
  const WardLedgerEntry *entry;
  gint64 first, second, transfer_id = 0, reversal_id = 0;

  first = receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1000000);
  second = receipt (f, "2", "2025-09-19", "Trần Thị Bình", "Chi bộ 2", 500000);

  /* A reason is required; a correction is not dated before its entry. */
  {
    WardReversalInput input = { .reverses_id = first, .date = "2025-10-01", .reason = " " };
    WardLedgerField field = WARD_LEDGER_FIELD_NONE;

    g_assert_false (ward_ledger_add_reversal (f->store, f->campaign, &input, NULL, &field, &error));
    g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_REASON);
    g_clear_error (&error);
    input.reason = "Nhầm";
    input.date = "2025-09-17";
    g_assert_false (ward_ledger_add_reversal (f->store, f->campaign, &input, NULL, &field, &error));
    g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_DATE);
    g_clear_error (&error);
  }

  g_assert_true (reverse (f, second, "2025-10-01", &error));
  g_assert_no_error (error);
  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 1000000);
  g_assert_cmpint (totals.reversed, ==, 500000);
  g_assert_cmpint (totals.on_hand, ==, 1000000);
  g_assert_cmpuint (totals.n_receipts, ==, 1);
  g_assert_cmpuint (totals.n_donors, ==, 1);
  g_assert_cmpuint (totals.n_reversals, ==, 1);
  ward_ledger_totals_clear (&totals);

  /* Once only. */
  g_assert_false (reverse (f, second, "2025-10-02", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Receipt no. 2 has already been reversed"));
  g_clear_error (&error);

  /* The money is gone upward: reversing the receipt would leave less than
   * nothing on hand. */
  g_assert_true (transfer (f, "2025-10-05", 800000, &transfer_id, &error));
  g_assert_no_error (error);
  g_assert_false (reverse (f, first, "2025-10-06", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "below zero"));
  g_clear_error (&error);
  /* Nor before the transfer: the balance after it would go below zero. */
  g_assert_false (reverse (f, first, "2025-10-04", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  /* Reversing the transfer gives the money back on hand ... */
  {
    WardReversalInput input = { .reverses_id = transfer_id, .date = "2025-10-06", .reason = "Chuyển nhầm" };
    g_autoptr (WardLedgerEntries) now = NULL;

    g_assert_true (ward_ledger_add_reversal (f->store, f->campaign, &input, &reversal_id, NULL, &error));
    g_assert_no_error (error);
    /* The list shows what each entry did to the money on hand. */
    now = ward_ledger_entries_load (f->store, f->campaign->id, &error);
    g_assert_cmpint (ward_ledger_entries_get_effect (now, ward_ledger_entries_lookup (now, transfer_id)), ==, -800000);
    g_assert_cmpint (ward_ledger_entries_get_effect (now, ward_ledger_entries_lookup (now, reversal_id)), ==, 800000);
    g_assert_cmpint (ward_ledger_entries_get_effect (now, ward_ledger_entries_lookup (now, first)), ==, 1000000);
  }
  get_totals (f, &totals);
  g_assert_cmpint (totals.transferred, ==, 0);
  g_assert_cmpint (totals.on_hand, ==, 1000000);
  ward_ledger_totals_clear (&totals);
  /* ... and then the receipt can be reversed. */
  g_assert_true (reverse (f, first, "2025-10-06", &error));
  g_assert_no_error (error);
  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 0);
  g_assert_cmpint (totals.reversed, ==, 1500000);
  g_assert_cmpint (totals.on_hand, ==, 0);
  g_assert_cmpuint (totals.n_donors, ==, 0);
  ward_ledger_totals_clear (&totals);

  /* A correction is not itself reversed. */
  g_assert_false (reverse (f, reversal_id, "2025-10-07", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "itself a correction"));
  g_clear_error (&error);

  /* The list knows what was reversed and by what. */
  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  entry = ward_ledger_entries_lookup (entries, second);
  g_assert_cmpint (entry->reversed_by, >, 0);
  g_assert_false (ward_ledger_entry_can_reverse (entry, NULL));
  entry = ward_ledger_entries_lookup (entries, entry->reversed_by);
  g_assert_cmpint (entry->kind, ==, WARD_LEDGER_REVERSAL);
  g_assert_cmpint (entry->amount, ==, -500000);
  g_assert_cmpstr (entry->reason, ==, "Ghi nhầm số tiền");
  /* Found by its receipt, its donor and its reason, without tone marks. */
  g_assert_true (ward_text_folded_contains (entry->search_key, "tran thi binh"));
  g_assert_true (ward_text_folded_contains (entry->search_key, "ghi nham so tien"));
  g_assert_cmpstr (entry->receipt_number, ==, "2");
  g_assert_false (ward_ledger_entry_can_reverse (entry, NULL));
}

/* ---- Append-only -------------------------------------------------------- */

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3 *db = ward_store_get_db (f->store);

  receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1000000);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE ledger_entries SET amount = 1", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM ledger_entries", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (ward_store_count_rows (f->store, "ledger_entries", NULL), ==, 1);
}

/* ---- The chain ---------------------------------------------------------- */

static void
record_sample (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  for (int i = 1; i <= 12; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *donor = g_strdup_printf ("Người ủng hộ %d", i);

      receipt (f, number, "2025-09-20", donor, "Tổ dân phố 2", 100000 * i);
    }
  g_assert_true (transfer (f, "2025-09-30", 1000000, NULL, &error));
  g_assert_no_error (error);
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = ward_store_get_db (f->store);
  char *message = NULL;

  /* As a tamperer with the sqlite3 shell would: drop the guards first. */
  sqlite3_exec (db, "DROP TRIGGER IF EXISTS ledger_entries_no_update; "
                    "DROP TRIGGER IF EXISTS ledger_entries_no_delete", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static GPtrArray *
verify_fails (Fixture *f)
{
  g_autoptr (GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  g_assert_false (ward_ledger_verify (f->store, report, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_TAMPERED);
  for (guint i = 0; i < report->len; i++)
    g_test_message ("finding: %s", (char *) report->pdata[i]);
  g_assert_cmpuint (report->len, >, 0);
  return g_steal_pointer (&report);
}

static gboolean
report_has (GPtrArray  *report,
            const char *a,
            const char *b)
{
  for (guint i = 0; i < report->len; i++)
    if (strstr (report->pdata[i], a) != NULL && strstr (report->pdata[i], b) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_chain_intact (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  sqlite3 *db = ward_store_get_db (f->store);

  g_assert_true (ward_ledger_verify (f->store, report, &error));
  g_assert_no_error (error);

  record_sample (f);
  g_assert_true (reverse (f, 1, "2025-10-01", &error));
  g_assert_no_error (error);
  /* A second campaign keeps its own chain. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO campaigns (uuid, name, organiser, start_date, "
                                 "created_at, updated_at) VALUES ('c2', 'Quỹ vì người nghèo 2025', "
                                 "'Ủy ban MTTQ phường', '2025-01-01', 'x', 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  ward_campaign_free (f->campaign);
  f->campaign = ward_campaign_find (f->store, "Quỹ vì người nghèo 2025", &error);
  g_assert_no_error (error);
  receipt (f, "1", "2025-03-01", "Nguyễn Văn An", "Chi bộ 1", 200000);

  g_assert_true (ward_ledger_verify (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_chain_altered (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  record_sample (f);
  tamper (f, "UPDATE ledger_entries SET amount = 1000000 WHERE receipt_number = '7'");
  report = verify_fails (f);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "Receipt no. 7", "changed outside Ward Tracker"));
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WardFileCheck **check = user_data;
  g_autoptr (GError) error = NULL;

  *check = ward_file_check_finish (WARD_STORE (source), result, &error);
  g_assert_no_error (error);
}

/* The window's check, on a worker thread through its own connection. */
static WardFileCheck *
check_file (Fixture *f)
{
  WardFileCheck *check = NULL;

  ward_file_check_async (f->store, NULL, on_checked_cb, &check);
  while (check == NULL)
    g_main_context_iteration (NULL, TRUE);
  return check;
}

static void
test_chain_checked_in_background (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (WardFileCheck) sound = NULL;
  g_autoptr (WardFileCheck) altered = NULL;

  record_sample (f);
  sound = check_file (f);
  g_assert_no_error (sound->file_error);
  g_assert_no_error (sound->chain_error);
  g_assert_cmpuint (sound->chain_report->len, ==, 0);

  tamper (f, "UPDATE ledger_entries SET amount = 1000000 WHERE receipt_number = '7'");
  altered = check_file (f);
  g_assert_no_error (altered->file_error);
  g_assert_error (altered->chain_error, WARD_ERROR, WARD_ERROR_TAMPERED);
  g_assert_cmpuint (altered->chain_report->len, ==, 1);
  g_assert_true (report_has (altered->chain_report, "Receipt no. 7", "changed outside Ward Tracker"));
}

static void
test_chain_altered_fraction (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  /* 700000.4 would read back as 700000 through an integer: the hash
   * covers the text SQLite holds. */
  record_sample (f);
  tamper (f, "UPDATE ledger_entries SET amount = 700000.4 WHERE receipt_number = '7'");
  report = verify_fails (f);
  g_assert_true (report_has (report, "Receipt no. 7", "changed"));
}

static void
test_chain_rehashed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = ward_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  const char *fields[WARD_LEDGER_N_HASH_FIELDS];
  char hash[WARD_LEDGER_HASH_LEN + 1];

  /* A cleverer tamperer changes the amount and writes a matching hash for
   * that entry: the next entry's link gives it away. */
  record_sample (f);
  tamper (f, "UPDATE ledger_entries SET amount = 1 WHERE receipt_number = '5'");
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT c.uuid, e.book, e.seq, e.kind, e.uuid, e.receipt_number, "
                                       "e.entry_date, e.donor, e.donor_kind, e.donor_group, e.amount, "
                                       "e.method, e.reference, e.collector, e.receiver, e.voucher, NULL, "
                                       "e.reason, e.note, e.created_at, e.prev_hash FROM ledger_entries e "
                                       "JOIN campaigns c ON c.id = e.campaign_id WHERE receipt_number = '5'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (guint i = 0; i < WARD_LEDGER_N_HASH_FIELDS; i++)
    fields[i] = (const char *) sqlite3_column_text (stmt, i);
  ward_ledger_hash_fields (checksum, buffer, fields, hash);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("UPDATE ledger_entries SET hash = '%s' WHERE receipt_number = '5'", hash);
  tamper (f, sql);

  report = verify_fails (f);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "Receipt no. 6", "link to the entry before it"));
}

static void
test_chain_deleted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  record_sample (f);
  tamper (f, "DELETE FROM ledger_entries WHERE receipt_number = '4'");
  report = verify_fails (f);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "Receipt no. 4", "removed"));
}

static void
test_chain_deleted_last (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  /* The last entry leaves no hole in the chain; the audit trail names it. */
  record_sample (f);
  tamper (f, "DELETE FROM ledger_entries WHERE kind = 'transfer'");
  report = verify_fails (f);
  g_assert_true (report_has (report, "Transfer voucher CT-01", "removed"));
}

static void
test_chain_deleted_last_receipt (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  /* The audit row of an entry keeps its place and name, not a copy of it
   * (sql/014): enough to name a last receipt taken out. */
  record_sample (f);
  receipt (f, "13", "2025-10-02", "Người ủng hộ 13", "Tổ dân phố 2", 50000);
  g_assert_cmpint (ward_test_query_int (f->store,
                                        "SELECT count(*) FROM audit WHERE table_name = 'ledger_entries' "
                                        "AND json_extract (new_values, '$.seq') IS NOT NULL "
                                        "AND json_extract (new_values, '$.donor') IS NULL "
                                        "AND json_extract (new_values, '$.hash') IS NULL"),
                   ==, ward_test_query_int (f->store, "SELECT count(*) FROM ledger_entries"));
  tamper (f, "DELETE FROM ledger_entries WHERE receipt_number = '13'");
  report = verify_fails (f);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "Receipt no. 13", "removed"));
}

static void
test_chain_deleted_with_audit (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GPtrArray) report = NULL;

  /* With its audit rows gone too, the hole in the chain still shows, next
   * to the entry after it. */
  record_sample (f);
  tamper (f, "DELETE FROM audit WHERE table_name = 'ledger_entries' AND row_uuid IN "
             "(SELECT uuid FROM ledger_entries WHERE receipt_number IN ('3', '4')); "
             "DELETE FROM ledger_entries WHERE receipt_number IN ('3', '4')");
  report = verify_fails (f);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_true (report_has (report, "2 entries just before Receipt no. 5", "removed"));
}

/* ---- Receipt numbers ---------------------------------------------------- */

static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  static const char * const numbers[] = { "1", "2", "5", "6", "10", "12", "BL-0007", "BL-0009", "X", NULL };
  static const char * const expected[] = { "3–4", "7–9", "11", "BL-0008", NULL };
  g_autoptr (GPtrArray) gaps = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;

  first = ward_ledger_next_receipt_number (f->store, f->campaign->id, &error);
  g_assert_cmpstr (first, ==, "1");
  for (guint i = 0; numbers[i] != NULL; i++)
    receipt (f, numbers[i], "2025-09-20", "Nguyễn Văn An", NULL, 1000);

  gaps = ward_ledger_receipt_gaps (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gaps->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (gaps->pdata[i], ==, expected[i]);

  next = ward_ledger_next_receipt_number (f->store, f->campaign->id, &error);
  g_assert_cmpstr (next, ==, "13");

  g_assert_cmpint (ward_ledger_compare_receipt_numbers ("2", "10"), <, 0);
  g_assert_cmpint (ward_ledger_compare_receipt_numbers ("BL-9", "BL-0010"), <, 0);
  g_assert_cmpint (ward_ledger_compare_receipt_numbers ("10", "10"), ==, 0);
  g_assert_cmpint (ward_ledger_compare_receipt_numbers ("A2", "10"), >, 0);
}

/* ---- Words and guesses --------------------------------------------------- */

static void
test_words (void)
{
  static const struct { const char *text; gboolean ok; WardPaymentMethod method; } methods[] = {
    { "", TRUE, WARD_PAYMENT_CASH }, { "Tiền mặt", TRUE, WARD_PAYMENT_CASH },
    { "TIEN MAT", TRUE, WARD_PAYMENT_CASH }, { "Chuyển khoản", TRUE, WARD_PAYMENT_BANK },
    { "CK", TRUE, WARD_PAYMENT_BANK }, { "bank transfer", TRUE, WARD_PAYMENT_BANK },
    { "séc", FALSE, WARD_PAYMENT_CASH },
  };
  static const struct { const char *donor; WardDonorKind kind; } guesses[] = {
    { "Nguyễn Văn An", WARD_DONOR_PERSON }, { "Hộ ông Lê Văn Ba", WARD_DONOR_HOUSEHOLD },
    { "Gia đình bà Hoa", WARD_DONOR_HOUSEHOLD }, { "Chi bộ khu phố 3", WARD_DONOR_BODY },
    { "Hội Phụ nữ phường", WARD_DONOR_BODY }, { "Tổ dân phố Nam Sơn", WARD_DONOR_BODY },
    { "Hồ Thị Lan", WARD_DONOR_PERSON }, { "Đoàn Thanh niên phường", WARD_DONOR_BODY },
    { "Đoàn Văn Hậu", WARD_DONOR_PERSON }, { "Trương Văn Minh", WARD_DONOR_PERSON },
    { "Trường THCS Đông Sơn", WARD_DONOR_BODY },
  };
  WardDonorKind kind = WARD_DONOR_PERSON;

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr (GError) error = NULL;
      WardPaymentMethod method = WARD_PAYMENT_CASH;

      g_assert_cmpint (ward_payment_method_parse (methods[i].text, &method, &error), ==, methods[i].ok);
      if (methods[i].ok)
        g_assert_cmpint (method, ==, methods[i].method);
      else
        g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    g_assert_cmpint (ward_donor_kind_guess (guesses[i].donor), ==, guesses[i].kind);

  g_assert_true (ward_donor_kind_parse ("Tập thể", &kind, NULL));
  g_assert_cmpint (kind, ==, WARD_DONOR_BODY);
  g_assert_false (ward_donor_kind_parse ("", &kind, NULL));
}

/* ---- Import and export --------------------------------------------------- */

static const char donations_csv[] =
  "\xef\xbb\xbfSố biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú,Mã giao dịch\r\n"
  "1,18/09/2025,Nguyễn Văn An,Chi bộ 1,\"1.250.000\",Tiền mặt,Lê Thị Hoa,,\r\n"
  "2,19/09/2025,Chi bộ khu phố 3,Chi bộ 3,500000,Chuyển khoản,,Qua tài khoản MTTQ,FT25262\r\n"
  "3,20/09/2025,Hộ ông Trần Văn Ba,Tổ dân phố 5,200.000 đ,,Lê Thị Hoa,,\r\n";

static WardCsvTable *
table_from (const char *text,
            const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  WardCsvTable *table = ward_csv_read_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return table;
}

static void
run_import (Fixture           *f,
            const char        *text,
            WardImportPolicy   policy,
            WardImportResult  *result)
{
  g_autoptr (WardCsvTable) table = table_from (text, "donations.csv");
  g_autoptr (GError) error = NULL;
  WardImportContext context = { policy, NULL, NULL };
  const WardImportKind *kind = ward_registers_import_kind ("donations");

  g_assert_nonnull (kind);
  g_assert_true (ward_import_run (f->store, kind, table, &context, FALSE, NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
}

static gboolean
issues_have (GPtrArray       *issues,
             WardCsvSeverity  severity,
             guint            row,
             const char      *part)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardCsvIssue *issue = issues->pdata[i];

      if (issue->severity == severity && issue->row == row && strstr (issue->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A receipt dated outside the campaign's period is an error on import,
 * unless the import is told to allow it (--allow-outside-period, the
 * dialog's switch): then a warning on its row. */
static void
test_import_outside_period (Fixture       *f,
                            gconstpointer  data)
{
  static const char late_csv[] =
    "Số biên lai,Ngày,Người ủng hộ,Số tiền\r\n"
    "1,18/09/2025,Nguyễn Văn An,100000\r\n"
    "2,05/12/2025,Trần Văn Muộn,200000\r\n";
  const WardImportKind *kind = ward_registers_import_kind ("donations");
  g_auto (WardImportResult) refused = { 0 };
  g_auto (WardImportResult) allowed = { 0 };
  g_autoptr (WardCsvTable) table = table_from (late_csv, "donations.csv");
  g_autoptr (GError) error = NULL;
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };

  g_assert_true (kind->has_period);
  run_import (f, late_csv, WARD_IMPORT_SKIP_EXISTING, &refused);
  g_assert_false (refused.committed);
  g_assert_cmpuint (refused.n_errors, ==, 1);
  g_assert_true (issues_have (refused.issues, WARD_CSV_SEVERITY_ERROR, 3, "after the campaign ended on 16/10/2025"));
  g_assert_cmpint (ward_store_count_rows (f->store, "ledger_entries", NULL), ==, 0);

  context.allow_outside_period = TRUE;
  g_assert_true (ward_import_run (f->store, kind, table, &context, FALSE, NULL, NULL, NULL, &allowed, &error));
  g_assert_no_error (error);
  g_assert_true (allowed.committed);
  g_assert_cmpuint (allowed.added, ==, 2);
  g_assert_true (issues_have (allowed.issues, WARD_CSV_SEVERITY_WARNING, 3, "counts it apart"));
}

/* A second file about stored receipts: each row is checked by every rule
 * first, then compared; other values are a conflict naming both, whatever
 * the policy, and nothing of the file is stored. */
static void
test_import_conflicts (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) second = { 0 };
  g_auto (WardImportResult) update = { 0 };
  const char *file = "Số biên lai,Ngày,Người ủng hộ,Số tiền,Hình thức,Mã giao dịch\n"
                     "1,18/09/2025,Nguyễn Văn An,\"1.500.000\",Tiền mặt,\n"
                     "2,19/09/2025,Chi bộ khu phố 3,-500.000,CK,FT25262\n"
                     "3,20/09/2025,Hộ ông Trần Văn Ba,200000,,\n"
                     "15,21/09/2025,Nguyễn Văn Mới,100000,,\n";

  run_import (f, donations_csv, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (result.committed);
  run_import (f, file, WARD_IMPORT_SKIP_EXISTING, &second);
  g_assert_false (second.committed);
  g_assert_cmpuint (second.n_errors, ==, 2);
  g_assert_cmpuint (second.skipped, ==, 1);
  g_assert_true (issues_have (second.issues, WARD_CSV_SEVERITY_ERROR, 2,
                              "«Số tiền»: stored “1.250.000 đ”, in the file “1.500.000 đ”"));
  g_assert_true (issues_have (second.issues, WARD_CSV_SEVERITY_ERROR, 2, "record a correction"));
  /* The negative amount is refused as such, never taken for the stored receipt. */
  g_assert_true (issues_have (second.issues, WARD_CSV_SEVERITY_ERROR, 3, "more than 0 đồng"));
  g_assert_true (issues_have (second.issues, WARD_CSV_SEVERITY_WARNING, 4, "same values"));
  /* Ledger entries are never updated: --update changes nothing. */
  run_import (f, file, WARD_IMPORT_UPDATE_EXISTING, &update);
  g_assert_false (update.committed);
  g_assert_cmpuint (update.n_errors, ==, 2);
  g_assert_cmpuint (update.updated, ==, 0);
}

/* The donation sheet as offices keep it: transfers with no column for the
 * bank's reference. Stored and marked; the preview counts them; the ledger,
 * its filter and `check` agree on which; the form still asks. */
static void
test_import_missing_reference (Fixture       *f,
                               gconstpointer  data)
{
  g_auto (WardImportResult) dry = { 0 };
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GPtrArray) receipts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *described = NULL;
  guint marked = 0;
  const char *sheet = "Số biên lai,Ngày,Người ủng hộ,Số tiền,Hình thức\n"
                      "1,18/09/2025,Nguyễn Văn An,100000,Chuyển khoản\n"
                      "2,18/09/2025,Trần Thị Bình,200000,Tiền mặt\n"
                      "3,19/09/2025,Lê Văn Cường,300000,CK\n";
  WardReceiptInput form = {
    .receipt_number = "9", .date = "2025-09-20", .donor = "Phạm Văn Dũng", .amount = 5000,
    .method = WARD_PAYMENT_BANK,
  };
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;

  {
    g_autoptr (WardCsvTable) table = table_from (sheet, "ung-ho.csv");
    WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };

    g_assert_true (ward_import_run (f->store, ward_registers_import_kind ("donations"), table,
                                    &context, TRUE, NULL, NULL, NULL, &dry, &error));
  }
  described = ward_import_result_describe_flags (&dry, TRUE);
  g_assert_cmpstr (described, ==, "2 rows will be marked “missing transaction reference”.");
  g_assert_true (issues_have (dry.issues, WARD_CSV_SEVERITY_WARNING, 2, "without its reference"));

  run_import (f, sheet, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  entries = ward_ledger_entries_load (f->store, f->campaign->id, NULL);
  for (guint i = 0; i < ward_rows_get_n (entries); i++)
    if (ward_ledger_entry_lacks_reference (ward_rows_get (entries, i)))
      marked++;
  /* The ledger's rule and the file's query agree. */
  g_assert_cmpuint (marked, ==, 2);
  g_assert_cmpint (ward_ledger_missing_references (f->store, receipts, &error), ==, 2);
  g_assert_cmpstr (receipts->pdata[0], ==, "1 (Ủng hộ Nhân dân Cuba)");
  g_assert_true (ward_file_check_notes (f->store, notes, &error));
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_nonnull (strstr (notes->pdata[0], "2 receipts paid by transfer are marked"));

  /* A correction takes one off the list. */
  for (guint i = 0; i < ward_rows_get_n (entries); i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (g_str_equal (entry->receipt_number, "1"))
        g_assert_true (reverse (f, entry->id, "2025-09-21", &error));
    }
  g_assert_cmpint (ward_ledger_missing_references (f->store, NULL, &error), ==, 1);

  /* The window's form still asks for it. */
  g_assert_false (ward_ledger_check_receipt (f->store, f->campaign, &form, &field, &error));
  g_assert_cmpint (field, ==, WARD_LEDGER_FIELD_REFERENCE);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) again = { 0 };
  g_auto (WardImportResult) update = { 0 };
  g_auto (WardImportResult) bad = { 0 };
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  WardLedgerTotals totals = { 0 };
  const WardLedgerEntry *entry;

  run_import (f, donations_csv, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, 1950000);
  g_assert_cmpuint (totals.n_donors, ==, 3);
  ward_ledger_totals_clear (&totals);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, NULL);
  entry = ward_rows_get (entries, 0);   /* the newest first */
  g_assert_cmpstr (entry->receipt_number, ==, "3");
  g_assert_cmpint (entry->donor_kind, ==, WARD_DONOR_HOUSEHOLD);
  entry = ward_rows_get (entries, 1);
  g_assert_cmpint (entry->method, ==, WARD_PAYMENT_BANK);
  g_assert_cmpstr (entry->reference, ==, "FT25262");
  g_assert_cmpint (entry->donor_kind, ==, WARD_DONOR_BODY);

  /* Twice adds nothing; asking to update changes nothing either. */
  run_import (f, donations_csv, WARD_IMPORT_SKIP_EXISTING, &again);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.skipped, ==, 3);
  run_import (f, donations_csv, WARD_IMPORT_UPDATE_EXISTING, &update);
  g_assert_cmpuint (update.updated, ==, 0);
  g_assert_cmpuint (update.skipped, ==, 3);
  g_assert_true (issues_have (update.issues, WARD_CSV_SEVERITY_WARNING, 2, "same values"));
  g_assert_true (ward_ledger_verify (f->store, report, NULL));

  /* Every bad row is reported and nothing is stored. */
  run_import (f,
              "Số biên lai,Ngày,Người ủng hộ,Số tiền,Hình thức\n"
              "10,18/09/2025,Nguyễn Văn Em,-5000,\n"
              "11,01/01/2030,Nguyễn Văn Em,5000,\n"
              "12,18/09/2025,Nguyễn Văn Em,5000,Chuyển khoản\n"
              "13,18/09/2025,Nguyễn Văn Em,5000,Séc\n"
              "14,18/09/2025,Nguyễn Văn Em,5000,Tiền mặt\n",
              WARD_IMPORT_SKIP_EXISTING, &bad);
  g_assert_false (bad.committed);
  g_assert_cmpuint (bad.n_errors, ==, 3);
  g_assert_true (issues_have (bad.issues, WARD_CSV_SEVERITY_ERROR, 2, "more than 0"));
  g_assert_true (issues_have (bad.issues, WARD_CSV_SEVERITY_ERROR, 3, "in the future"));
  /* A transfer without its reference is no error in a sheet: it is marked. */
  g_assert_true (issues_have (bad.issues, WARD_CSV_SEVERITY_WARNING, 4, "without its reference"));
  g_assert_true (issues_have (bad.issues, WARD_CSV_SEVERITY_ERROR, 5, "way of paying"));
  g_assert_cmpint (ward_store_count_rows (f->store, "ledger_entries", NULL), ==, 3);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) back = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (WardLedgerEntries) before = NULL;
  g_autoptr (WardLedgerEntries) after = NULL;
  const WardImportKind *kind = ward_registers_import_kind ("donations");
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  sqlite3 *db = ward_store_get_db (f->store);

  run_import (f, donations_csv, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (ward_export_to_path (f->store, kind, &context, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfSố biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,"
                                             "Số tiền,Hình thức,Người thu,Ghi chú"));
  g_assert_nonnull (strstr (contents, "2,19/09/2025,Chi bộ khu phố 3,Chi bộ 3,500000,Chuyển khoản,,"
                                      "Qua tài khoản MTTQ,Tập thể,FT25262"));

  /* Into a second campaign: the same receipts come back. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO campaigns (uuid, name, organiser, start_date, "
                                 "created_at, updated_at) VALUES ('c2', 'Bản sao', 'MTTQ', "
                                 "'2025-01-01', 'x', 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr (WardCsvTable) table = NULL;
    g_autoptr (WardCampaign) copy = ward_campaign_find (f->store, "Bản sao", NULL);
    WardImportContext into = { WARD_IMPORT_SKIP_EXISTING, "Bản sao", NULL };

    table = ward_csv_read_file (path, &error);
    g_assert_no_error (error);
    g_assert_true (ward_import_run (f->store, kind, table, &into, FALSE, NULL, NULL, NULL, &back, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (back.added, ==, 3);
    before = ward_ledger_entries_load (f->store, f->campaign->id, NULL);
    after = ward_ledger_entries_load (f->store, copy->id, NULL);
  }
  g_assert_cmpuint (ward_rows_get_n (after), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const WardLedgerEntry *a = ward_rows_get (before, i);
      const WardLedgerEntry *b = ward_rows_get (after, i);

      g_assert_cmpstr (a->receipt_number, ==, b->receipt_number);
      g_assert_cmpstr (a->date, ==, b->date);
      g_assert_cmpstr (a->donor, ==, b->donor);
      g_assert_cmpint (a->donor_kind, ==, b->donor_kind);
      g_assert_cmpstr (a->donor_group, ==, b->donor_group);
      g_assert_cmpint (a->amount, ==, b->amount);
      g_assert_cmpint (a->method, ==, b->method);
      g_assert_cmpstr (a->reference, ==, b->reference);
      g_assert_cmpstr (a->collector, ==, b->collector);
      g_assert_cmpstr (a->note, ==, b->note);
    }
}

/* ---- Stats -------------------------------------------------------------- */

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) stats = NULL;
  g_autofree char *text = NULL;
  JsonObject *campaign;

  receipt (f, "1", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1250000);
  receipt (f, "2", "2025-09-19", "Trần Thị Bình", "Chi bộ 1", 750000);
  g_assert_true (transfer (f, "2025-09-30", 1500000, NULL, &error));

  stats = ward_stats_collect (f->store, &error);
  g_assert_no_error (error);
  campaign = json_array_get_object_element (json_object_get_array_member (json_node_get_object (stats),
                                                                          "campaigns"), 0);
  g_assert_cmpstr (json_object_get_string_member (campaign, "name"), ==, "Ủng hộ Nhân dân Cuba");
  g_assert_cmpint (json_object_get_int_member (campaign, "received"), ==, 2000000);
  g_assert_cmpint (json_object_get_int_member (campaign, "transferred"), ==, 1500000);
  g_assert_cmpint (json_object_get_int_member (campaign, "on_hand"), ==, 500000);
  g_assert_cmpint (json_object_get_int_member (campaign, "donors"), ==, 2);
  text = ward_stats_format_text (stats);
  g_assert_nonnull (strstr (text, "On hand: 500.000 đ"));
  g_assert_nonnull (strstr (text, "Chi bộ 1: 2.000.000 đ"));
}

/* ---- Campaigns ----------------------------------------------------------- */

static void
test_default_campaign (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (WardCampaign) named = NULL;
  sqlite3 *db = ward_store_get_db (f->store);

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO campaigns (uuid, name, organiser, start_date, "
                                 "created_at, updated_at) VALUES ('c2', 'Quỹ vì người nghèo 2026', "
                                 "'MTTQ', '2026-01-01', 'x', 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  /* A newer campaign does not take the place of the seeded one ... */
  campaign = ward_ledger_default_campaign (f->store, &error);
  g_assert_cmpstr (campaign->name, ==, "Ủng hộ Nhân dân Cuba");
  g_clear_pointer (&campaign, ward_campaign_free);
  /* ... unless the file says so. */
  g_assert_true (ward_store_set_setting (f->store, "default-campaign", "Quỹ vì người nghèo 2026", NULL));
  campaign = ward_ledger_find_campaign (f->store, NULL, &error);
  g_assert_cmpstr (campaign->name, ==, "Quỹ vì người nghèo 2026");
  named = ward_ledger_find_campaign (f->store, "Không có", &error);
  g_assert_null (named);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
}

/* QuickFill: a name typed is completed from earlier receipts, the newest
 * first, case and tone marks left out; a known donor brings their group. */
static void
test_complete_names (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *donor = NULL;
  g_autofree char *group = NULL;
  g_autofree char *none = NULL;
  g_autofree char *empty = NULL;
  g_autoptr (WardNames) groups = NULL;

  receipt (f, "1", "2025-10-01", "Nguyễn Văn An", "Tổ dân phố 3", 100000);
  receipt (f, "2", "2025-10-01", "Nguyễn Văn Ánh", "Tổ dân phố 5", 100000);
  receipt (f, "3", "2025-10-02", "Đặng Thị Đào", "Chi bộ Công an phường", 100000);

  donor = ward_ledger_complete_donor (f->store, "nguyen van a", &group, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (donor, ==, "Nguyễn Văn Ánh");   /* the newest of the two */
  g_assert_cmpstr (group, ==, "Tổ dân phố 5");
  g_clear_pointer (&donor, g_free);
  g_clear_pointer (&group, g_free);

  donor = ward_ledger_complete_donor (f->store, "NGUYỄN VĂN AN", &group, &error);
  g_assert_cmpstr (donor, ==, "Nguyễn Văn An");
  g_assert_cmpstr (group, ==, "Tổ dân phố 3");
  g_clear_pointer (&donor, g_free);

  donor = ward_ledger_complete_donor (f->store, "dang", NULL, &error);
  g_assert_cmpstr (donor, ==, "Đặng Thị Đào");   /* đ folds to d */

  none = ward_ledger_complete_donor (f->store, "Trần", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  empty = ward_ledger_complete_donor (f->store, "  ", NULL, &error);
  g_assert_null (empty);

  groups = ward_names_load (f->store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ward_names_complete (groups, "chi bo cong"), ==, "Chi bộ Công an phường");
}

/* ---- Known names ---------------------------------------------------------- */

/* A file from before the lists holds "To dan pho 3" beside "Tổ dân phố 3":
 * the ledger is append-only, so both stay as written, and the totals count
 * them as one group named with its tone marks; groups with numbers sort by
 * their value. */
static void
test_known_names_totals (Fixture       *f,
                         gconstpointer  data)
{
  WardLedgerTotals totals = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  const WardLedgerGroupTotal *first;

  receipt (f, "1", "2025-10-01", "Nguyễn Văn An", "To dan pho 3", 100000);
  receipt (f, "2", "2025-10-02", "Trần Thị Bình", "Tổ dân phố 3", 200000);
  receipt (f, "3", "2025-10-03", "Lê Văn Cường", "Tổ dân phố 10", 50000);
  receipt (f, "4", "2025-10-04", "Phạm Thị Dung", "tổ dân phố 2", 70000);

  get_totals (f, &totals);
  g_assert_cmpuint (totals.groups->len, ==, 3);
  g_assert_cmpstr (((WardLedgerGroupTotal *) totals.groups->pdata[0])->group, ==, "tổ dân phố 2");
  first = totals.groups->pdata[1];
  g_assert_cmpstr (first->group, ==, "Tổ dân phố 3");
  g_assert_cmpint (first->amount, ==, 300000);
  g_assert_cmpuint (first->n_receipts, ==, 2);
  g_assert_cmpstr (((WardLedgerGroupTotal *) totals.groups->pdata[2])->group, ==, "Tổ dân phố 10");
  ward_ledger_totals_clear (&totals);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  groups = ward_ledger_entries_dup_groups (entries);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (groups->pdata[1], ==, "Tổ dân phố 3");
  /* Newest first: the receipt typed "To dan pho 3" is the last. */
  g_assert_cmpuint (ward_rows_get_n (entries), ==, 4);
  g_assert_cmpstr (((const WardLedgerEntry *) ward_rows_get (entries, 3))->donor_group, ==, "To dan pho 3");
  g_assert_cmpstr (ward_ledger_entries_get_group_name (entries, 3), ==, "Tổ dân phố 3");
}

/* Once a name is in its list, a receipt typed with another spelling of it
 * stores the list's; a name outside the list is stored as typed. */
static void
test_known_names_receipt (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  const WardLedgerEntry *entry;

  g_assert_true (ward_names_add_known (f->store, WARD_NAME_GROUP, "Tổ dân phố 3", NULL, &error));
  g_assert_true (ward_names_add_known (f->store, WARD_NAME_COLLECTOR, "Lê Thị Hoa", NULL, &error));
  g_assert_no_error (error);
  receipt (f, "1", "2025-10-01", "Nguyễn Văn An", "to dan pho  3", 100000);
  receipt (f, "2", "2025-10-02", "Trần Thị Bình", "Tổ dân phố 31", 100000);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  entry = ward_ledger_entries_lookup (entries, 1);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->donor_group, ==, "Tổ dân phố 3");
  g_assert_cmpstr (entry->collector, ==, "Lê Thị Hoa");
  entry = ward_ledger_entries_lookup (entries, 2);
  g_assert_cmpstr (entry->donor_group, ==, "Tổ dân phố 31");
}

/* The entries are listed newest first, so their order is not the ids':
 * each id is found (through the entries' index sorted by id), an id that is
 * not there is not, and the packed kinds and flags read back as stored. */
static void
test_entries_lookup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GError) error = NULL;
  const char *dates[] = { "2025-10-12", "2025-10-01", "2025-10-15", "2025-10-05", "2025-10-09",
                          "2025-10-03", "2025-10-14" };
  gint64 ids[G_N_ELEMENTS (dates)];
  WardReceiptInput bank = {
    .receipt_number = "8", .date = "2025-10-11", .donor = "Trần Văn Cường",
    .donor_kind = WARD_DONOR_PERSON, .amount = 300000, .method = WARD_PAYMENT_BANK,
    .reference = "FT25001", .collector = "Lê Thị Hoa", .anonymous = TRUE,
  };
  gint64 bank_id = 0, transfer_id = 0;
  const WardLedgerEntry *entry;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      ids[i] = receipt (f, number, dates[i], i % 2 ? "Nguyễn Văn An" : "Hộ bà Lê Thị Mai", "Tổ dân phố 3",
                        100000 * (i + 1));
    }
  g_assert_true (ward_ledger_add_receipt (f->store, f->campaign, &bank, &bank_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (transfer (f, "2025-10-16", 500000, &transfer_id, &error));
  g_assert_no_error (error);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_rows_get_n (entries), ==, G_N_ELEMENTS (dates) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      entry = ward_ledger_entries_lookup (entries, ids[i]);
      g_assert_nonnull (entry);
      g_assert_cmpint (entry->id, ==, ids[i]);
      g_assert_cmpstr (entry->date, ==, dates[i]);
      g_assert_cmpint (entry->amount, ==, 100000 * (i + 1));
      g_assert_cmpint (entry->kind, ==, WARD_LEDGER_RECEIPT);
      g_assert_true (entry->has_method);
      g_assert_cmpint (entry->method, ==, WARD_PAYMENT_CASH);
      g_assert_false (entry->anonymous);
    }
  entry = ward_ledger_entries_lookup (entries, bank_id);
  g_assert_cmpint (entry->method, ==, WARD_PAYMENT_BANK);
  g_assert_cmpint (entry->donor_kind, ==, WARD_DONOR_PERSON);
  g_assert_true (entry->anonymous);
  g_assert_cmpstr (ward_ledger_entry_public_donor (entry), ==, WARD_LEDGER_ANONYMOUS_DONOR);
  entry = ward_ledger_entries_lookup (entries, transfer_id);
  g_assert_cmpint (entry->kind, ==, WARD_LEDGER_TRANSFER);
  g_assert_false (entry->has_method);
  /* Two receipts of one donor share the name's one copy. */
  g_assert_true (ward_ledger_entries_lookup (entries, ids[1])->donor
                 == ward_ledger_entries_lookup (entries, ids[3])->donor);
  g_assert_null (ward_ledger_entries_lookup (entries, 0));
  g_assert_null (ward_ledger_entries_lookup (entries, transfer_id + 1));
}

/* On import a name that folds to a known one is taken as that one, and the
 * preview says so; a new name joins its list, said once. */
static void
test_known_names_import (Fixture       *f,
                         gconstpointer  data)
{
  static const char csv[] =
    "Số biên lai,Ngày,Người ủng hộ,Đơn vị,Số tiền,Người nhận\r\n"
    "1,01/10/2025,Nguyễn Văn An,To dan pho 3,100000,le thi hoa\r\n"
    "2,01/10/2025,Trần Thị Bình,Tổ dân phố 16,100000,Lê Thị Hoa\r\n"
    "3,01/10/2025,Lê Văn Cường,to dan pho 16,100000,Lê Thị Hoa\r\n";
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WardNames) groups = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;

  g_assert_true (ward_names_add_known (f->store, WARD_NAME_GROUP, "Tổ dân phố 3", NULL, &error));
  g_assert_true (ward_names_add_known (f->store, WARD_NAME_COLLECTOR, "Lê Thị Hoa", NULL, &error));
  g_assert_no_error (error);
  run_import (f, csv, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_true (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 2,
                              "“To dan pho 3” is taken as the known name “Tổ dân phố 3”"));
  g_assert_true (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 2,
                              "“le thi hoa” is taken as the known name “Lê Thị Hoa”"));
  g_assert_true (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 3,
                              "“Tổ dân phố 16” is a new group"));
  g_assert_true (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 4,
                              "“to dan pho 16” is taken as the known name “Tổ dân phố 16”"));
  g_assert_false (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 4, "new group"));

  groups = ward_names_load (f->store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_names_get_n (groups), ==, 2);
  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ward_rows_get_n (entries); i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      g_assert_true (g_str_equal (entry->donor_group, "Tổ dân phố 3")
                     || g_str_equal (entry->donor_group, "Tổ dân phố 16"));
      g_assert_cmpstr (entry->collector, ==, "Lê Thị Hoa");
    }
}

/* A file holding both spellings: the one without marks first is new and
 * listed, the one with them then writes the list's name; the totals and
 * the list name the group with its marks. */
static void
test_known_names_import_both (Fixture       *f,
                              gconstpointer  data)
{
  static const char csv[] =
    "Số biên lai,Ngày,Người ủng hộ,Đơn vị,Số tiền\r\n"
    "1,01/10/2025,Nguyễn Văn An,To dan pho 7,100000\r\n"
    "2,01/10/2025,Trần Thị Bình,Tổ dân phố 7,200000\r\n";
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WardNames) groups = NULL;
  WardLedgerTotals totals = { 0 };

  run_import (f, csv, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_true (result.committed);
  g_assert_true (issues_have (result.issues, WARD_CSV_SEVERITY_WARNING, 2, "“To dan pho 7” is a new group"));
  groups = ward_names_load (f->store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_names_get_n (groups), ==, 1);
  g_assert_cmpstr (ward_names_get (groups, 0), ==, "Tổ dân phố 7");
  get_totals (f, &totals);
  g_assert_cmpuint (totals.groups->len, ==, 1);
  g_assert_cmpstr (((WardLedgerGroupTotal *) totals.groups->pdata[0])->group, ==, "Tổ dân phố 7");
  g_assert_cmpint (((WardLedgerGroupTotal *) totals.groups->pdata[0])->amount, ==, 300000);
  ward_ledger_totals_clear (&totals);
}

/* ---- Corrections under the receipt's own number -------------------------- */

static gboolean
correct (Fixture     *f,
         gint64       id,
         const char  *donor,
         gint64       amount,
         gint64      *new_id,
         GError     **error)
{
  WardReceiptInput input = {
    .date = "2025-09-18", .donor = donor, .donor_kind = ward_donor_kind_guess (donor),
    .donor_group = "Chi bộ 1", .amount = amount, .method = WARD_PAYMENT_CASH,
    .collector = "Lê Thị Hoa",
  };

  return ward_ledger_correct_receipt (f->store, f->campaign, id, &input, "2025-10-10",
                                      "Ghi nhầm khi nhập", new_id, NULL, error);
}

static void
assert_on_hand (Fixture *f,
                gint64   received,
                gint64   on_hand)
{
  WardLedgerTotals totals = { 0 };

  get_totals (f, &totals);
  g_assert_cmpint (totals.received, ==, received);
  g_assert_cmpint (totals.on_hand, ==, on_hand);
  ward_ledger_totals_clear (&totals);
}

static void
test_correction_after_transfer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  const WardLedgerEntry *entry;
  gint64 first, second = 0, third = 0;

  first = receipt (f, "12", "2025-09-18", "Nguyễn Văn An", "Chi bộ 1", 1000000);
  g_assert_true (transfer (f, "2025-10-01", 1000000, NULL, &error));
  g_assert_no_error (error);
  /* A plain reversal is refused: the money went upward. */
  g_assert_false (reverse (f, first, "2025-10-10", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  /* Typed 1,000,000 for 1,100,000: up by 100,000, allowed after the transfer. */
  g_assert_true (correct (f, first, "Nguyễn Văn An", 1100000, &second, &error));
  g_assert_no_error (error);
  assert_on_hand (f, 1100000, 100000);
  /* Down by 50,000: the 100,000 on hand pays for it. */
  g_assert_true (correct (f, second, "Nguyễn Văn Anh", 1050000, &third, &error));
  g_assert_no_error (error);
  assert_on_hand (f, 1050000, 50000);
  /* Down by 60,000 would leave −10,000 on hand: refused, nothing written. */
  g_assert_false (correct (f, third, "Nguyễn Văn Anh", 990000, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "60.000"));
  g_clear_error (&error);
  assert_on_hand (f, 1050000, 50000);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  /* Receipt, transfer, and two corrections of two entries each. */
  g_assert_cmpuint (ward_rows_get_n (entries), ==, 6);
  entry = ward_ledger_entries_lookup (entries, third);
  g_assert_cmpstr (entry->receipt_number, ==, "12");
  g_assert_cmpstr (entry->donor, ==, "Nguyễn Văn Anh");
  g_assert_cmpint (entry->reversed_by, ==, 0);
  g_assert_cmpint (ward_ledger_entries_lookup (entries, first)->reversed_by, >, 0);
  g_assert_cmpint (ward_ledger_entries_lookup (entries, second)->reversed_by, >, 0);
  entry = ward_ledger_entries_lookup (entries, ward_ledger_entries_lookup (entries, second)->reversed_by);
  g_assert_cmpint (entry->kind, ==, WARD_LEDGER_REVERSAL);
  g_assert_cmpint (entry->amount, ==, -1100000);
  g_assert_cmpstr (entry->receipt_number, ==, "12");
  g_assert_cmpstr (entry->reason, ==, "Ghi nhầm khi nhập");

  g_assert_true (ward_ledger_verify (f->store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_correction_rules (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  WardReceiptInput input = {
    .receipt_number = "7", .date = "2025-12-05", .donor = "Trần Thị Bình",
    .amount = 300000, .method = WARD_PAYMENT_CASH,
  };
  gint64 first, second, fixed = 0;

  first = receipt (f, "7", "2025-09-18", "Trần Thị Binh", NULL, 300000);
  second = receipt (f, "8", "2025-09-19", "Lê Văn Cường", NULL, 200000);

  /* Another number is refused: the paper book keeps it. */
  input.receipt_number = "9";
  g_assert_false (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "Sai tên",
                                               NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  /* Every receipt rule holds, the period's with its confirmation. */
  input.receipt_number = NULL;
  g_assert_false (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "Sai tên",
                                               NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  input.donor = "";
  input.outside_period_confirmed = TRUE;
  g_assert_false (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "Sai tên",
                                               NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  input.donor = "Trần Thị Bình";
  /* A reason is asked as for any reversal. */
  g_assert_false (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "",
                                               NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  assert_on_hand (f, 500000, 500000);

  /* The form's check writes nothing. */
  g_assert_true (ward_ledger_check_correction (f->store, f->campaign, first, &input, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ward_ledger_check_correction (f->store, f->campaign, second + 100, &input, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_on_hand (f, 500000, 500000);
  /* The donor's name corrected: the totals do not move. */
  g_assert_true (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "Sai tên",
                                              &fixed, NULL, &error));
  g_assert_no_error (error);
  assert_on_hand (f, 500000, 500000);
  /* The number comes back only through a correction: a plain receipt no. 7
   * is refused, and so is one after a plain reversal of no. 8. */
  input.receipt_number = "7";
  input.donor = "Ai đó";
  g_assert_false (ward_ledger_add_receipt (f->store, f->campaign, &input, NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (reverse (f, second, "2025-10-01", &error));
  g_assert_no_error (error);
  input.receipt_number = "8";
  g_assert_false (ward_ledger_add_receipt (f->store, f->campaign, &input, NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  /* A reversed receipt is not corrected again. */
  g_assert_false (ward_ledger_correct_receipt (f->store, f->campaign, first, &input, NULL, "Lần nữa",
                                               NULL, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  entries = ward_ledger_entries_load (f->store, f->campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ward_ledger_entries_lookup (entries, fixed)->donor, ==, "Trần Thị Bình");
  g_assert_cmpstr (ward_ledger_entries_lookup (entries, fixed)->date, ==, "2025-12-05");
  /* Both halves are in the audit trail. */
  {
    g_autoptr (WardStmt) stmt = ward_store_prepare (f->store, "SELECT uuid FROM ledger_entries WHERE id = ?", &error);

    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, fixed);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    history = ward_audit_history (f->store, "ledger_entries", ward_stmt_text (stmt, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
  }
  g_assert_true (ward_ledger_verify (f->store, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ledger/totals", test_totals);
  ADD ("/ledger/totals/first-written", test_totals_first_written);
  ADD ("/ledger/receipt-rules", test_receipt_rules);
  ADD ("/ledger/receipt-outside-period", test_receipt_outside_period);
  ADD ("/ledger/transfer-rule", test_transfer_rule);
  ADD ("/ledger/reversal", test_reversal);
  ADD ("/ledger/correction/after-transfer", test_correction_after_transfer);
  ADD ("/ledger/correction/rules", test_correction_rules);
  ADD ("/ledger/append-only", test_append_only);
  ADD ("/ledger/chain/intact", test_chain_intact);
  ADD ("/ledger/chain/altered", test_chain_altered);
  ADD ("/ledger/chain/altered-fraction", test_chain_altered_fraction);
  ADD ("/ledger/chain/checked-in-background", test_chain_checked_in_background);
  ADD ("/ledger/chain/rehashed", test_chain_rehashed);
  ADD ("/ledger/chain/deleted", test_chain_deleted);
  ADD ("/ledger/chain/deleted-last", test_chain_deleted_last);
  ADD ("/ledger/chain/deleted-last-receipt", test_chain_deleted_last_receipt);
  ADD ("/ledger/chain/deleted-with-audit", test_chain_deleted_with_audit);
  ADD ("/ledger/receipt-numbers", test_numbers);
  ADD ("/ledger/import", test_import);
  ADD ("/ledger/import-outside-period", test_import_outside_period);
  ADD ("/ledger/import-conflicts", test_import_conflicts);
  ADD ("/ledger/import-missing-reference", test_import_missing_reference);
  ADD ("/ledger/export-round-trip", test_export_round_trip);
  ADD ("/ledger/default-campaign", test_default_campaign);
  ADD ("/ledger/stats", test_stats);
  ADD ("/ledger/complete-names", test_complete_names);
  ADD ("/ledger/known-names/totals", test_known_names_totals);
  ADD ("/ledger/known-names/receipt", test_known_names_receipt);
  ADD ("/ledger/known-names/import", test_known_names_import);
  ADD ("/ledger/known-names/import-both", test_known_names_import_both);
  ADD ("/ledger/entries/lookup", test_entries_lookup);
  g_test_add_func ("/ledger/words", test_words);

  return g_test_run ();
}
