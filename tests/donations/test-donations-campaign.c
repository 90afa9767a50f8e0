/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-donations-campaign"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

/* Campaigns the ward adds itself, beside the seeded Cuba one: what is
 * stored, what is refused (and that a refusal stores nothing), and that
 * the ledger keeps each campaign's money apart. */

#define TODAY "2026-11-27"
#define CUBA "Ủng hộ Nhân dân Cuba"

typedef struct
{
  char      *dir;
  WardStore *store;
  guint      n_changed;
} Fixture;

static void
on_campaigns_changed_cb (WardStore  *store,
                         const char *table,
                         Fixture    *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_setenv ("WARD_TODAY", TODAY, TRUE);
  f->dir = ward_test_make_dir ("donations-campaign");
  f->store = ward_test_new_store (f->dir, NULL);
  g_signal_connect (f->store, "changed::campaigns", G_CALLBACK (on_campaigns_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gint64
count (Fixture    *f,
       const char *table)
{
  g_autoptr (GError) error = NULL;
  gint64 n = ward_store_count_rows (f->store, table, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
add_valid (Fixture    *f,
           const char *name,
           const char *start)
{
  g_autoptr (GError) error = NULL;
  WardCampaign campaign = {
    .name = (char *) name, .organiser = "Ủy ban MTTQ phường", .start_date = (char *) start,
  };
  WardCampaignField field = WARD_CAMPAIGN_FIELD_NAME;
  gint64 id = ward_campaign_add (f->store, &campaign, &field, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (field, ==, WARD_CAMPAIGN_FIELD_NONE);
  return id;
}

static void
test_add_and_find (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) found = NULL;
  g_autoptr (WardCampaign) by_id = NULL;
  g_autoptr (GPtrArray) all = NULL;
  WardCampaign campaign = {
    .id = 999, .uuid = "ignored",
    .name = "  Quỹ  vì người nghèo\t2026 ", .organiser = "Ủy ban MTTQ phường",
    .start_date = "2026-01-15", .end_date = "2026-12-31",
    .receiver = "Ủy ban MTTQ tỉnh Thanh Hóa", .receiver_account = "3761.0.1055032",
    .description = "",
  };
  gint64 audit_before = count (f, "audit");
  gint64 id;

  id = ward_campaign_add (f->store, &campaign, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (f->n_changed, ==, 1);
  g_assert_cmpint (count (f, "campaigns"), ==, 2);
  /* The audit trigger kept the insert. */
  g_assert_cmpint (count (f, "audit"), ==, audit_before + 1);

  /* Stored trimmed, with single spaces; empty optional text is NULL. */
  found = ward_campaign_find (f->store, "Quỹ vì người nghèo 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpstr (found->organiser, ==, "Ủy ban MTTQ phường");
  g_assert_cmpstr (found->start_date, ==, "2026-01-15");
  g_assert_cmpstr (found->end_date, ==, "2026-12-31");
  g_assert_cmpstr (found->receiver, ==, "Ủy ban MTTQ tỉnh Thanh Hóa");
  g_assert_cmpstr (found->receiver_account, ==, "3761.0.1055032");
  g_assert_null (found->description);
  g_assert_true (g_uuid_string_is_valid (found->uuid));

  by_id = ward_ledger_campaign_by_id (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id->uuid, ==, found->uuid);

  /* Newest first: the new campaign starts after the Cuba one. */
  all = ward_campaigns_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((WardCampaign *) all->pdata[0])->id, ==, id);
  g_assert_cmpstr (((WardCampaign *) all->pdata[1])->name, ==, CUBA);
}

static void
test_timestamps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (WardStmt) stmt = NULL;
  gint64 id = add_valid (f, "Tết vì người nghèo", "2026-01-01");

  stmt = ward_store_prepare (f->store, "SELECT created_at, updated_at FROM campaigns WHERE id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       ward_stmt_text (stmt, 0), 0, 0));
  g_assert_cmpstr (ward_stmt_text (stmt, 0), ==, ward_stmt_text (stmt, 1));
}

typedef struct
{
  const char        *what;
  const char        *name;
  const char        *organiser;
  const char        *start;
  const char        *end;
  WardError          code;
  WardCampaignField  field;
  const char        *message_part;
} Refusal;

static const Refusal refusals[] = {
  { "empty-name", "", "MTTQ", "2026-01-01", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_NAME, "name" },
  { "blank-name", "   \t ", "MTTQ", "2026-01-01", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_NAME, "name" },
  { "no-name", NULL, "MTTQ", "2026-01-01", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_NAME, "name" },
  { "duplicate-name", CUBA, "MTTQ", "2026-01-01", NULL,
    WARD_ERROR_DUPLICATE, WARD_CAMPAIGN_FIELD_NAME, "already" },
  { "duplicate-name-case", "  ủng hộ  NHÂN DÂN cuba ", "MTTQ", "2026-01-01", NULL,
    WARD_ERROR_DUPLICATE, WARD_CAMPAIGN_FIELD_NAME, CUBA },
  { "no-organiser", "Quỹ 2026", " ", "2026-01-01", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_ORGANISER, "organises" },
  { "no-start", "Quỹ 2026", "MTTQ", "", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_START_DATE, "starts" },
  { "bad-start", "Quỹ 2026", "MTTQ", "2026-02-30", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_START_DATE, "2026-02-30" },
  { "start-not-iso", "Quỹ 2026", "MTTQ", "01/02/2026", NULL,
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_START_DATE, "not a real date" },
  { "bad-end", "Quỹ 2026", "MTTQ", "2026-01-01", "2026-13-01",
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_END_DATE, "2026-13-01" },
  { "end-before-start", "Quỹ 2026", "MTTQ", "2026-03-01", "2026-02-28",
    WARD_ERROR_INVALID, WARD_CAMPAIGN_FIELD_END_DATE, "28/02/2026" },
};

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) check_error = NULL;
  WardCampaign campaign = {
    .name = (char *) refusal->name, .organiser = (char *) refusal->organiser,
    .start_date = (char *) refusal->start, .end_date = (char *) refusal->end,
  };
  WardCampaignField field = WARD_CAMPAIGN_FIELD_NONE;
  WardCampaignField check_field = WARD_CAMPAIGN_FIELD_NONE;
  gint64 campaigns_before = count (f, "campaigns");
  gint64 audit_before = count (f, "audit");

  g_assert_false (ward_campaign_check (f->store, &campaign, &check_field, &check_error));
  g_assert_error (check_error, WARD_ERROR, (int) refusal->code);
  g_assert_cmpint (check_field, ==, refusal->field);

  g_assert_cmpint (ward_campaign_add (f->store, &campaign, &field, &error), ==, 0);
  g_assert_error (error, WARD_ERROR, (int) refusal->code);
  g_assert_cmpint (field, ==, refusal->field);
  g_assert_nonnull (strstr (error->message, refusal->message_part));
  g_assert_cmpstr (error->message, ==, check_error->message);

  /* Nothing written, nothing announced. */
  g_assert_cmpint (count (f, "campaigns"), ==, campaigns_before);
  g_assert_cmpint (count (f, "audit"), ==, audit_before);
  g_assert_cmpint (f->n_changed, ==, 0);
}

static void
test_too_long (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_name = g_string_new (NULL);
  WardCampaign campaign = { .organiser = "MTTQ", .start_date = "2026-01-01" };
  WardCampaignField field = WARD_CAMPAIGN_FIELD_NONE;

  for (int i = 0; i < 201; i++)
    g_string_append (long_name, "ữ");
  campaign.name = long_name->str;
  g_assert_cmpint (ward_campaign_add (f->store, &campaign, &field, &error), ==, 0);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpint (field, ==, WARD_CAMPAIGN_FIELD_NAME);
  g_assert_cmpint (count (f, "campaigns"), ==, 1);

  /* 200 characters, not bytes, are accepted. */
  g_string_truncate (long_name, long_name->len - strlen ("ữ"));
  g_clear_error (&error);
  g_assert_cmpint (ward_campaign_add (f->store, &campaign, &field, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_end_same_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  WardCampaign campaign = {
    .name = "Một ngày", .organiser = "MTTQ", .start_date = "2026-05-19", .end_date = "2026-05-19",
  };

  g_assert_cmpint (ward_campaign_add (f->store, &campaign, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_receipt (Fixture            *f,
             const WardCampaign *campaign,
             const char         *number,
             const char         *donor,
             gint64              amount)
{
  g_autoptr (GError) error = NULL;
  /* On the campaign's first day: within its period. */
  WardReceiptInput input = {
    .receipt_number = number, .date = campaign->start_date, .donor = donor,
    .donor_kind = WARD_DONOR_PERSON, .amount = amount, .method = WARD_PAYMENT_CASH,
  };

  g_assert_true (ward_ledger_add_receipt (f->store, campaign, &input, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
get_totals (Fixture          *f,
            gint64            campaign_id,
            WardLedgerTotals *totals)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_ledger_get_totals (f->store, campaign_id, totals, &error));
  g_assert_no_error (error);
}

static void
test_receipt_in_new_campaign (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) cuba = ward_campaign_find (f->store, CUBA, &error);
  g_autoptr (WardCampaign) poor = NULL;
  WardLedgerTotals cuba_before = { 0 }, cuba_after = { 0 }, poor_totals = { 0 };
  gint64 id;

  g_assert_no_error (error);
  add_receipt (f, cuba, "1", "Nguyễn Văn An", 500000);
  get_totals (f, cuba->id, &cuba_before);

  id = add_valid (f, "Quỹ vì người nghèo 2026", "2026-10-01");
  poor = ward_ledger_campaign_by_id (f->store, id, &error);
  g_assert_no_error (error);
  /* Its own receipt book: number 1 again, in the new campaign. */
  add_receipt (f, poor, "1", "Trần Thị Bình", 1250000);

  get_totals (f, poor->id, &poor_totals);
  g_assert_cmpint (poor_totals.received, ==, 1250000);
  g_assert_cmpuint (poor_totals.n_receipts, ==, 1);
  g_assert_cmpuint (poor_totals.n_donors, ==, 1);

  get_totals (f, cuba->id, &cuba_after);
  g_assert_cmpint (cuba_after.received, ==, cuba_before.received);
  g_assert_cmpint (cuba_after.received, ==, 500000);
  g_assert_cmpuint (cuba_after.n_receipts, ==, cuba_before.n_receipts);
  g_assert_cmpint (cuba_after.on_hand, ==, cuba_before.on_hand);

  /* Both chains still verify. */
  g_assert_true (ward_ledger_verify (f->store, NULL, &error));
  g_assert_no_error (error);

  ward_ledger_totals_clear (&cuba_before);
  ward_ledger_totals_clear (&cuba_after);
  ward_ledger_totals_clear (&poor_totals);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/campaign/add-and-find", test_add_and_find);
  ADD ("/campaign/timestamps", test_timestamps);
  ADD ("/campaign/too-long", test_too_long);
  ADD ("/campaign/end-same-day", test_end_same_day);
  ADD ("/campaign/receipt-in-new-campaign", test_receipt_in_new_campaign);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/campaign/refused/%s", refusals[i].what);

      g_test_add (path, Fixture, &refusals[i], fixture_set_up, test_refused, fixture_tear_down);
    }
  return g_test_run ();
}
