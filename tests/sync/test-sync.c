/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sync"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-taxcode.h"
#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"
#include "exchange/ward-exchange-sign.h"
#include "registers/ward-registers-stats.h"
#include "safety/ward-safety-file-check.h"
#include "sync/ward-sync.h"
#include "support/ward-test.h"

/* The shared folder. Each desk has a file of its own, seeded on its own,
 * and a folder of its own that a "sync tool" of the test keeps in step
 * with the others' as the real ones do: late, out of order, a file seen
 * half-copied under its final name, duplicated as conflict copies, with
 * its temporary files lying about. */

#define N_DESKS 3

typedef struct
{
  WardStore *store;
  char      *folder;
  char      *book;
  guint      n_receipts;
  gint       clock_skew_days;   /* laptops' clocks are wrong by days */
} Desk;

typedef struct
{
  char      *dir;
  GRand     *rand;
  guint32    seed;
  Desk       desks[N_DESKS];
  GPtrArray *receipts;          /* char *: uuid of every receipt written, corrections' too */
  guint      n_reversals;
  guint      n_conflicts;       /* decided, as a person would */
  guint      n_half_copies;
  guint      n_litter;          /* conflict copies and temporary files */
  guint      n_waits;           /* files a sync left for later */
} Office;

/* ---- Setting up --------------------------------------------------------- */


static guint32
office_seed (void)
{
  const char *env = g_getenv ("WARD_SYNC_SEED");

  return env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : 20261207;
}

static void
office_set_up (Office *office)
{
  office->dir = ward_test_make_dir ("sync");
  office->seed = office_seed ();
  office->rand = g_rand_new_with_seed (office->seed);
  office->receipts = g_ptr_array_new_with_free_func (g_free);
  /* Printed first, so that a failure's log names it. */
  g_printerr ("# sync: seed %u (WARD_SYNC_SEED=%u repeats this run)\n", office->seed, office->seed);
  for (int i = 0; i < N_DESKS; i++)
    {
      Desk *desk = &office->desks[i];
      g_autofree char *name = g_strdup_printf ("desk%d.sqlite3", i);
      g_autofree char *path = g_build_filename (office->dir, name, NULL);
      g_autofree char *id = NULL;
      g_autoptr (GError) error = NULL;

      desk->store = ward_test_open_store (path);
      /* From the seed: the order of the ids settles the conflicts. */
      id = g_strdup_printf ("%08x-0000-4000-8000-%012x", g_rand_int (office->rand), i);
      g_assert_true (ward_store_set_setting (desk->store, "installation-id", id, &error));
      desk->folder = g_strdup_printf ("%s/folder%d", office->dir, i);
      g_assert_cmpint (g_mkdir (desk->folder, 0700), ==, 0);
      desk->book = ward_store_dup_book (desk->store, &error);
      g_assert_no_error (error);
      desk->clock_skew_days = i == 1 ? -10 : (i == 2 ? 3 : 0);
    }
  for (int i = 0; i < N_DESKS; i++)
    for (int j = 0; j < N_DESKS; j++)
      if (i != j)
        ward_test_trust (office->desks[i].store, office->desks[j].store);
}

static void
office_tear_down (Office *office)
{
  for (int i = 0; i < N_DESKS; i++)
    {
      g_clear_object (&office->desks[i].store);
      g_free (office->desks[i].folder);
      g_free (office->desks[i].book);
    }
  g_ptr_array_unref (office->receipts);
  g_rand_free (office->rand);
  ward_test_remove_tree (office->dir);
  g_free (office->dir);
}

/* ---- The sync tool ------------------------------------------------------ */

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize size = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, size);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

/* What a sync tool leaves beside the files it copies. */
static void
litter (Office     *office,
        const char *to_path)
{
  g_autofree char *dir = g_path_get_dirname (to_path);
  g_autofree char *base = g_path_get_basename (to_path);
  g_autofree char *stem = g_strndup (base, strcspn (base, "."));
  g_autofree char *copy = NULL;

  switch (g_rand_int_range (office->rand, 0, 4))
    {
    case 0: copy = g_strdup_printf ("%s/%s.sync-conflict-20261207-101010-ABCDEFG.wtchange", dir, stem); break;
    case 1: copy = g_strdup_printf ("%s/%s (conflicted copy 2026-12-07).wtchange", dir, stem); break;
    case 2: copy = g_strdup_printf ("%s/.syncthing.%s.tmp", dir, base); break;
    default: copy = g_strdup_printf ("%s/~%s", dir, base); break;
    }
  write_bytes (copy, "{\"format\": \"garbage\"", 20);
  office->n_litter++;
}

/* Copies one file from @from's folder to @to's: whole, or (now and then)
 * half of it under its final name, to be finished by a later copy. */
static void
copy_file (Office     *office,
           const char *from_path,
           const char *to_path,
           gboolean    whole)
{
  g_autoptr (GBytes) bytes = read_bytes (from_path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree char *existing = NULL;
  gsize existing_size = 0;

  if (g_file_get_contents (to_path, &existing, &existing_size, NULL) && existing_size == size)
    return;
  if (!whole && g_rand_int_range (office->rand, 0, 4) == 0)
    {
      size = g_rand_int_range (office->rand, 1, (gint32) size);
      office->n_half_copies++;
    }
  write_bytes (to_path, g_bytes_get_data (bytes, NULL), size);
  if (!whole && g_rand_int_range (office->rand, 0, 8) == 0)
    litter (office, to_path);
}

/* Each writer's files in its own folder, copied to the folders of the
 * others: all of them, or a random few in a random order. */
static void
tool_run (Office   *office,
          gboolean  whole)
{
  for (int from = 0; from < N_DESKS; from++)
    {
      g_autofree char *id = ward_store_dup_installation_id (office->desks[from].store, NULL);
      g_autofree char *src = g_build_filename (office->desks[from].folder, id, NULL);
      g_autoptr (GDir) dir = g_dir_open (src, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        for (int to = 0; to < N_DESKS; to++)
          {
            g_autofree char *from_path = g_build_filename (src, name, NULL);
            g_autofree char *to_path = g_build_filename (office->desks[to].folder, id, name, NULL);

            if (to == from || (!whole && g_rand_int_range (office->rand, 0, 3) != 0))
              continue;
            copy_file (office, from_path, to_path, whole);
          }
    }
}

/* ---- The desks' work ---------------------------------------------------- */

/* The person at each desk settles a conflict as the people at the other
 * desks would: a deletion stands, and between two edits the version of
 * the installation with the smaller id does. */
static gboolean
decide (WardStore      *store,
        WardBundlePlan *plan,
        gpointer        user_data)
{
  Office *office = user_data;
  g_autofree char *own = ward_store_dup_installation_id (store, NULL);
  gboolean mine_smaller = g_strcmp0 (own, ward_bundle_plan_get_installation (plan)) < 0;

  for (guint i = 0; i < ward_bundle_plan_get_n_conflicts (plan); i++)
    {
      const WardBundleConflict *conflict = ward_bundle_plan_get_conflict (plan, i);
      WardBundleChoice choice;

      if (conflict->kind == WARD_BUNDLE_DELETED_THERE)
        choice = WARD_BUNDLE_TAKE_THEIRS;
      else if (conflict->kind == WARD_BUNDLE_DELETED_HERE)
        choice = WARD_BUNDLE_KEEP_MINE;
      else
        choice = mine_smaller ? WARD_BUNDLE_KEEP_MINE : WARD_BUNDLE_TAKE_THEIRS;
      ward_bundle_plan_set_choice (plan, i, choice);
      office->n_conflicts++;
    }
  return TRUE;
}

static guint
desk_sync (Office *office,
           Desk   *desk)
{
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_sync_run (desk->store, desk->folder, decide, office, &report, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_error ("seed %u: %s", office->seed, (const char *) report->problems->pdata[i]);
  g_assert_cmpuint (report->pending->len, ==, 0);
  office->n_waits += report->n_waiting;
  return report->n_applied + report->n_written;
}

static char *
desk_now (Desk *desk)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) skewed = g_date_time_add_days (now, desk->clock_skew_days);

  return g_date_time_format (skewed, "%Y-%m-%dT%H:%M:%SZ");
}

static void
desk_exec (Desk       *desk,
           const char *format,
           ...)
{
  va_list args;
  char *sql;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  ward_test_exec (desk->store, sql);
  sqlite3_free (sql);
}

static char *
random_uuid_of (Office     *office,
                Desk       *desk,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s ORDER BY id LIMIT 1 OFFSET "
                                          "abs (?) %% max (1, (SELECT count(*) FROM %s))", table, table);
  g_autoptr (WardStmt) stmt = ward_store_prepare (desk->store, sql, NULL);

  sqlite3_bind_int (stmt, 1, (int) g_rand_int (office->rand));
  return sqlite3_step (stmt) == SQLITE_ROW ? ward_stmt_dup_text (stmt, 0) : NULL;
}

/* Nine random digits and the one check digit that fits them. */
static char *
random_tax_code (Office *office)
{
  for (;;)
    {
      guint n = (guint) g_rand_int_range (office->rand, 100000000, 999999999);

      for (int last = 0; last < 10; last++)
        {
          g_autofree char *code = g_strdup_printf ("%09u%d", n, last);

          if (ward_tax_code_parse (code, NULL, NULL, NULL))
            return g_steal_pointer (&code);
        }
    }
}

static void
add_record (Office *office,
            int     d)
{
  Desk *desk = &office->desks[d];
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = desk_now (desk);
  guint n = g_rand_int (office->rand);
  g_autofree char *tax_code = random_tax_code (office);

  if (g_rand_boolean (office->rand))
    desk_exec (desk, "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, "
                     "created_at, updated_at) VALUES (%Q, 'Ứng viên %d-%u', '%d-%u', '%d-%u', "
                     "'1990-01-01', %Q, %Q)", uuid, d, n, d, n, d, n, now, now);
  else
    desk_exec (desk, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, "
                     "registered_on, created_at, updated_at) VALUES (%Q, %Q, 'Công ty %d-%u', "
                     "'%u', '%u', 'llc-one', '2026-02-02', %Q, %Q)", uuid, tax_code, d, n, n, n, now, now);
}

static void
edit_or_delete (Office  *office,
                int      d,
                gboolean delete)
{
  Desk *desk = &office->desks[d];
  const char *table = g_rand_boolean (office->rand) ? "candidates" : "enterprises";
  g_autofree char *uuid = random_uuid_of (office, desk, table);
  g_autofree char *now = desk_now (desk);

  if (uuid == NULL)
    return;
  if (delete)
    desk_exec (desk, "DELETE FROM %s WHERE uuid = %Q", table, uuid);
  else
    desk_exec (desk, "UPDATE %s SET note = 'ghi chú %d-%u', updated_at = %Q WHERE uuid = %Q",
               table, d, g_rand_int (office->rand), now, uuid);
}

static WardCampaign *
the_campaign (Desk *desk)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) campaigns = ward_campaigns_load (desk->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, >, 0);
  return g_steal_pointer (&campaigns->pdata[campaigns->len - 1]);
}

static void
remember_receipt (Office *office,
                  Desk   *desk,
                  gint64  id)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (desk->store, "SELECT uuid FROM ledger_entries "
                                                               "WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_ptr_array_add (office->receipts, ward_stmt_dup_text (stmt, 0));
}

/* Each desk numbers its receipts in its own book, as each keeps a paper
 * book of its own. */
static void
add_receipt (Office *office,
             int     d)
{
  Desk *desk = &office->desks[d];
  g_autoptr (WardCampaign) campaign = the_campaign (desk);
  g_autoptr (GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%s-%u", desk->book, ++desk->n_receipts);
  g_autofree char *donor = g_strdup_printf ("Nhà hảo tâm %d-%u", d, desk->n_receipts);
  WardReceiptInput input = { number, campaign->start_date, donor, WARD_DONOR_PERSON, NULL,
                             1000 * g_rand_int_range (office->rand, 1, 500), WARD_PAYMENT_CASH };
  gint64 id = 0;

  input.outside_period_confirmed = TRUE;
  g_assert_true (ward_ledger_add_receipt (desk->store, campaign, &input, &id, NULL, &error));
  g_assert_no_error (error);
  remember_receipt (office, desk, id);
}

/* A desk corrects the receipts of its own book (a receipt corrected on two
 * desks at once would be reversed twice: see the README). */
static void
correct_receipt (Office *office,
                 int     d)
{
  Desk *desk = &office->desks[d];
  g_autoptr (WardCampaign) campaign = the_campaign (desk);
  g_autoptr (WardStmt) stmt = ward_store_prepare (desk->store,
    "SELECT e.id, e.receipt_number, e.donor FROM ledger_entries e WHERE e.kind = 'receipt' "
    "AND e.book = ? AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) "
    "ORDER BY e.id DESC LIMIT 1 OFFSET ?", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *donor = NULL;
  gint64 receipt_id, id = 0;
  WardReceiptInput input = { NULL };

  sqlite3_bind_text (stmt, 1, desk->book, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, g_rand_int_range (office->rand, 0, 5));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  receipt_id = sqlite3_column_int64 (stmt, 0);
  number = ward_stmt_dup_text (stmt, 1);
  donor = ward_stmt_dup_text (stmt, 2);
  g_clear_pointer (&stmt, ward_stmt_release);
  input = (WardReceiptInput) { number, campaign->start_date, donor, WARD_DONOR_PERSON, NULL,
                               1000 * g_rand_int_range (office->rand, 1, 500), WARD_PAYMENT_CASH };
  input.outside_period_confirmed = TRUE;
  g_assert_true (ward_ledger_correct_receipt (desk->store, campaign, receipt_id, &input, NULL, NULL,
                                              &id, NULL, &error));
  g_assert_no_error (error);
  remember_receipt (office, desk, id);
  office->n_reversals++;
}

static void
random_operation (Office *office,
                  int     d)
{
  switch (g_rand_int_range (office->rand, 0, 10))
    {
    case 0: case 1: add_record (office, d); break;
    case 2: case 3: edit_or_delete (office, d, FALSE); break;
    case 4: edit_or_delete (office, d, TRUE); break;
    case 5: case 6: add_receipt (office, d); break;
    case 7: correct_receipt (office, d); break;
    case 8: desk_sync (office, &office->desks[d]); break;
    default: tool_run (office, FALSE); break;
    }
}

/* Every file to every folder, and syncs of the first @n_desks desks,
 * until a whole round moves nothing. */
static void
settle_desks (Office *office,
              int     n_desks)
{
  guint moved = 1;

  for (int round = 0; moved > 0; round++)
    {
      g_assert_cmpint (round, <, 20);
      moved = 0;
      for (int d = 0; d < n_desks; d++)
        {
          tool_run (office, TRUE);
          moved += desk_sync (office, &office->desks[d]);
        }
    }
}

static void
settle (Office *office)
{
  settle_desks (office, N_DESKS);
}

/* ---- What every desk must agree on -------------------------------------- */

static char *
dump (WardStore  *store,
      const char *sql)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s\t", ward_stmt_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static char *
picture (WardStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) stats = ward_stats_collect (store, &error);
  g_autofree char *stats_text = NULL;
  g_autofree char *candidates = dump (store, "SELECT uuid, full_name, birth_date, note FROM candidates "
                                             "ORDER BY uuid");
  g_autofree char *enterprises = dump (store, "SELECT uuid, tax_code, name, note FROM enterprises "
                                              "ORDER BY uuid");
  g_autofree char *ledger = dump (store, "SELECT c.uuid, e.book, e.seq, e.uuid, e.kind, e.receipt_number, "
                                         "e.amount, e.prev_hash, e.hash FROM ledger_entries e "
                                         "JOIN campaigns c ON c.id = e.campaign_id "
                                         "ORDER BY c.uuid, e.book, e.seq");

  g_assert_no_error (error);
  stats_text = json_to_string (stats, TRUE);
  return g_strjoin ("\n--\n", candidates, enterprises, ledger, stats_text, NULL);
}

static void
check_desk (Office *office,
            Desk   *desk)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  if (!ward_file_check_full (desk->store, problems, &error))
    g_error ("seed %u: %s", office->seed,
             problems->len > 0 ? (const char *) problems->pdata[0] : error->message);
  /* No receipt lost, none doubled: each written once, found once. */
  for (guint i = 0; i < office->receipts->len; i++)
    {
      g_autoptr (WardStmt) stmt = ward_store_prepare (desk->store, "SELECT count(*) FROM ledger_entries "
                                                                   "WHERE uuid = ?", NULL);

      sqlite3_bind_text (stmt, 1, office->receipts->pdata[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("seed %u: receipt %s found %d times", office->seed,
                 (const char *) office->receipts->pdata[i], sqlite3_column_int (stmt, 0));
    }
  /* …and nothing else: the receipts and the corrections' reversals. */
  g_assert_cmpint (ward_store_count_rows (desk->store, "ledger_entries", NULL), ==,
                   office->receipts->len + office->n_reversals);
}

/* ---- The tests ---------------------------------------------------------- */

static guint
n_operations (void)
{
  const char *env = g_getenv ("WARD_SYNC_OPERATIONS");

  return env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 2000;
}

/* The first desk's campaign reaches the others before anyone writes a
 * receipt, as a new desk joins by syncing first. */
static void
office_join (Office *office)
{
  desk_sync (office, &office->desks[0]);
  tool_run (office, TRUE);
  for (int d = 1; d < N_DESKS; d++)
    desk_sync (office, &office->desks[d]);
  settle (office);
}

static void
assert_same (Office *office)
{
  g_autofree char *first = picture (office->desks[0].store);

  for (int d = 0; d < N_DESKS; d++)
    {
      g_autofree char *other = picture (office->desks[d].store);

      if (g_strcmp0 (first, other) != 0)
        {
          g_autofree char *a = g_strdup_printf ("%s/picture-0.txt", office->dir);
          g_autofree char *b = g_strdup_printf ("%s/picture-%d.txt", office->dir, d);

          g_file_set_contents (a, first, -1, NULL);
          g_file_set_contents (b, other, -1, NULL);
          g_error ("seed %u: desk %d differs from desk 0 (diff %s %s)", office->seed, d, a, b);
        }
      check_desk (office, &office->desks[d]);
    }
}

/* A desk joining late starts from another desk's snapshot and reads only
 * the change files written after it. */
static void
test_sync_snapshot (void)
{
  Office office = { 0 };
  Desk *late;
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *snapshot = NULL;
  guint n_files = 0;

  office_set_up (&office);
  late = &office.desks[2];
  desk_sync (&office, &office.desks[0]);
  tool_run (&office, TRUE);
  desk_sync (&office, &office.desks[1]);
  for (guint i = 0; i < 300; i++)
    random_operation (&office, g_rand_int_range (office.rand, 0, 2));
  settle_desks (&office, 2);
  g_assert_true (ward_sync_write_snapshot (office.desks[0].store, office.desks[0].folder, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  add_receipt (&office, 1);
  desk_sync (&office, &office.desks[1]);
  tool_run (&office, TRUE);
  for (int d = 0; d < 2; d++)
    {
      g_autofree char *id = ward_store_dup_installation_id (office.desks[d].store, NULL);
      g_autofree char *dir = g_build_filename (late->folder, id, NULL);
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        n_files += g_regex_match_simple ("^[0-9]+\\.wtchange$", name, 0, 0);
    }

  g_assert_true (ward_sync_run (late->store, late->folder, decide, &office, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  /* The snapshot and the one file after it, not every file. */
  g_test_message ("%u change files in the folder; the late desk applied %u", n_files, report->n_applied);
  g_assert_cmpuint (report->n_applied, ==, 2);
  g_assert_cmpuint (n_files, >, 10);
  settle (&office);
  assert_same (&office);
  office_tear_down (&office);
}

/* Copies what @from holds that @to lacks, as a sync tool does. */
static void
mirror (const char *from,
        const char *to)
{
  g_autoptr (GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          g_mkdir_with_parents (target, 0700);
          mirror (source, target);
        }
      else if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GBytes) bytes = read_bytes (source);

          write_bytes (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
    }
}

static gint64
count (WardStore  *store,
       const char *table)
{
  return ward_store_count_rows (store, table, NULL);
}

/* The laptop's one folder is the campaign's, which the sync tool of the
 * test (tool_run) does not reach: mirror() carries it. */
static void
laptop_sync (Office     *office,
             Desk       *laptop,
             const char *folder)
{
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_sync_run (laptop->store, folder, decide, office, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
}

/* An office desk, another office desk and a collection laptop for the
 * campaign: the laptop syncs the campaign's folder only, receives its
 * ledger and never a candidate; its receipts reach both office desks. */
static void
test_sync_scopes (void)
{
  Office office = { 0 };
  Desk *desk0, *desk1, *laptop;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *office_side = NULL;
  g_autofree char *laptop_side = NULL;

  office_set_up (&office);
  desk0 = &office.desks[0];
  desk1 = &office.desks[1];
  laptop = &office.desks[2];
  desk_sync (&office, desk0);
  tool_run (&office, TRUE);
  settle_desks (&office, 2);
  for (guint i = 0; i < 6; i++)
    add_record (&office, 0);
  desk_exec (desk0, "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, created_at, "
                    "updated_at) VALUES ('5e0c1d2e-3333-4a8b-9c2d-5e6f7a8b9c0d', 'Nguyễn Thị Riêng', 'rieng', "
                    "'nguyen thi rieng', '1995-05-05', '2026-05-01T08:00:00Z', '2026-05-01T08:00:00Z')");
  add_receipt (&office, 0);
  add_receipt (&office, 1);
  settle_desks (&office, 2);

  campaign = the_campaign (desk0);
  office_side = g_build_filename (office.dir, "campaign-office", NULL);
  laptop_side = g_build_filename (office.dir, "campaign-laptop", NULL);
  g_mkdir (office_side, 0700);
  g_mkdir (laptop_side, 0700);
  g_assert_true (ward_sync_set_campaign_folder (desk0->store, campaign->uuid, office_side, &error));
  g_assert_true (ward_sync_set_laptop_scope (laptop->store, campaign->uuid, &error));
  g_assert_no_error (error);

  /* The office writes the campaign's ledger; the laptop joins from it. */
  desk_sync (&office, desk0);
  mirror (office_side, laptop_side);
  laptop_sync (&office, laptop, laptop_side);
  g_assert_cmpint (count (laptop->store, "ledger_entries"), ==, 2);
  add_receipt (&office, 2);
  add_receipt (&office, 2);
  laptop_sync (&office, laptop, laptop_side);
  mirror (laptop_side, office_side);
  mirror (office_side, laptop_side);
  desk_sync (&office, desk0);
  settle_desks (&office, 2);
  mirror (office_side, laptop_side);
  laptop_sync (&office, laptop, laptop_side);

  /* The laptop's receipts reached both office desks through the office. */
  for (int d = 0; d < N_DESKS; d++)
    {
      g_assert_cmpint (count (office.desks[d].store, "ledger_entries"), ==, 4);
      check_desk (&office, &office.desks[d]);
    }
  /* …and not one candidate reached the laptop. */
  g_assert_cmpint (count (desk1->store, "candidates"), >, 0);
  g_assert_cmpint (count (laptop->store, "candidates"), ==, 0);
  office_tear_down (&office);
}

static void
test_sync_property (void)
{
  Office office = { 0 };
  guint n = n_operations ();

  office_set_up (&office);
  office_join (&office);
  for (guint i = 0; i < n; i++)
    random_operation (&office, g_rand_int_range (office.rand, 0, N_DESKS));
  settle (&office);

  assert_same (&office);
  g_test_message ("%u operations, %u receipts, %u conflicts decided, %u half copies, %u conflict "
                  "copies and temporary files, %u files left for later", n, office.receipts->len,
                  office.n_conflicts, office.n_half_copies, office.n_litter, office.n_waits);
  /* The run met what it is there to meet. */
  g_assert_cmpuint (office.n_conflicts, >, 0);
  g_assert_cmpuint (office.n_half_copies, >, 0);
  g_assert_cmpuint (office.n_litter, >, 0);
  g_assert_cmpuint (office.n_waits, >, 0);
  office_tear_down (&office);
}

/* A missing or unmounted folder is said, and nothing changes. */
static void
test_sync_unreachable (void)
{
  Office office = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (WardSyncReport) report = NULL;
  g_autofree char *gone = NULL;

  office_set_up (&office);
  gone = g_build_filename (office.dir, "not-mounted", NULL);
  g_assert_false (ward_sync_run (office.desks[0].store, gone, NULL, NULL, &report, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_assert_null (ward_store_dup_setting (office.desks[0].store, "sync-sequence"));
  office_tear_down (&office);
}

static guint
files_in (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* A file restored from an older backup writes after the files of its own
 * already in the folder, never over them. */
static void
test_sync_never_rewritten (void)
{
  Office office = { 0 };
  Desk *desk;
  g_autofree char *id = NULL;
  g_autofree char *own = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;

  office_set_up (&office);
  desk = &office.desks[0];
  desk_sync (&office, desk);
  id = ward_store_dup_installation_id (desk->store, NULL);
  own = g_build_filename (desk->folder, id, NULL);
  first = g_build_filename (own, "1" WARD_SYNC_EXTENSION, NULL);
  before = read_bytes (first);

  /* As a backup taken before the first sync would have it. */
  g_assert_true (ward_store_set_setting (desk->store, "sync-sequence", "0", NULL));
  g_assert_true (ward_store_set_setting (desk->store, "sync-audit-mark", "0", NULL));
  desk_sync (&office, desk);
  after = read_bytes (first);
  g_assert_true (g_bytes_equal (before, after));
  second = g_build_filename (own, "2" WARD_SYNC_EXTENSION, NULL);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  /* No temporary file left behind. */
  g_assert_cmpuint (files_in (own), ==, 2);
  office_tear_down (&office);
}

/* What a sync tool leaves in a folder is not read, and is no error. */
static void
test_sync_ignores_litter (void)
{
  Office office = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  static const char * const names[] = {
    "1.sync-conflict-20261207-101010-ABCDEFG.wtchange", "1 (conflicted copy).wtchange",
    ".1.wtchange.AbC123.tmp", "~syncthing~1.wtchange.tmp", "1.wtchange.part", "notes.txt",
  };

  office_set_up (&office);
  id = ward_store_dup_installation_id (office.desks[1].store, NULL);
  dir = g_build_filename (office.desks[0].folder, id, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      write_bytes (path, "not a change file", 17);
    }
  /* A sub-folder's conflict copy is no desk either. */
  copy = g_build_filename (office.desks[0].folder, "x.sync-conflict-1", "1.wtchange", NULL);
  write_bytes (copy, "x", 1);
  g_assert_cmpuint (desk_sync (&office, &office.desks[0]), ==, 1);
  office_tear_down (&office);
}

/* A change file of a newer format is left unread and said; the desk's
 * later files wait behind it. */
static void
test_sync_newer_version (void)
{
  Office office = { 0 };
  Desk *reader, *writer;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *payload_text = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  office_set_up (&office);
  reader = &office.desks[0];
  writer = &office.desks[1];
  id = ward_store_dup_installation_id (writer->store, NULL);
  payload_text = g_strdup_printf ("{\"format\": \"" WARD_SYNC_FORMAT "\", \"version\": %d, "
                                  "\"installation\": \"%s\", \"sequence\": 1}",
                                  WARD_SYNC_VERSION + 1, id);
  payload = g_bytes_new (payload_text, strlen (payload_text));
  sealed = ward_exchange_seal (writer->store, payload, &error);
  g_assert_no_error (error);
  path = g_build_filename (reader->folder, id, "1" WARD_SYNC_EXTENSION, NULL);
  write_bytes (path, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));

  g_assert_true (ward_sync_run (reader->store, reader->folder, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (report->problems->pdata[0], "newer version"));
  office_tear_down (&office);
}

/* An installation nobody here trusted: its files are said with its code,
 * as a bundle's are, and applied once it is trusted. */
static void
test_sync_untrusted (void)
{
  Office office = { 0 };
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stranger_path = NULL;
  g_autoptr (WardStore) stranger = NULL;
  g_autofree char *code = NULL;

  office_set_up (&office);
  stranger_path = g_build_filename (office.dir, "stranger.sqlite3", NULL);
  stranger = ward_test_open_store (stranger_path);
  g_assert_true (ward_sync_run (stranger, office.desks[0].folder, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ward_sync_run (office.desks[0].store, office.desks[0].folder,
                                NULL, NULL, &report, &error));
  g_assert_cmpuint (report->n_applied, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  code = ward_exchange_dup_own_code (stranger, &error);
  g_assert_nonnull (strstr (report->problems->pdata[0], code));
  /* The window's question: the desk, verified, once. */
  g_assert_cmpuint (report->untrusted->len, ==, 1);
  g_assert_cmpstr (((WardSigner *) report->untrusted->pdata[0])->code, ==, code);

  /* Trusted by its code, as the window does once a person compared it. */
  g_clear_pointer (&report, ward_sync_report_free);
  g_assert_true (ward_exchange_trust_code (office.desks[0].store, code, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ward_sync_run (office.desks[0].store, office.desks[0].folder, NULL, NULL, &report, &error));
  g_assert_cmpuint (report->n_applied, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->untrusted->len, ==, 0);
  office_tear_down (&office);
}

/* A desk whose book was rewritten outside the application (its hashes
 * made again, say, to hide a changed amount) is reported by the others at
 * their next sync, and its changes are not taken. */
static void
test_sync_rewritten_book (void)
{
  Office office = { 0 };
  Desk *a, *b;
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  office_set_up (&office);
  office_join (&office);
  a = &office.desks[0];
  b = &office.desks[1];
  add_receipt (&office, 0);
  add_receipt (&office, 0);
  settle (&office);
  g_assert_cmpint (ward_store_count_rows (b->store, "ledger_entries", NULL), ==, 2);

  /* As a person with a database tool would: triggers dropped, the last
   * receipt's amount and hash written over. */
  desk_exec (a, "DROP TRIGGER ledger_entries_no_update");
  desk_exec (a, "UPDATE ledger_entries SET amount = 1000, hash = 'f00d' WHERE book = %Q AND seq = 2", a->book);
  desk_sync (&office, a);
  tool_run (&office, TRUE);
  g_assert_true (ward_sync_run (b->store, b->folder, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (report->problems->pdata[0], "was rewritten outside Ward Tracker"));
  g_assert_nonnull (strstr (report->problems->pdata[0], a->book));
  office_tear_down (&office);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/unreachable", test_sync_unreachable);
  g_test_add_func ("/sync/never-rewritten", test_sync_never_rewritten);
  g_test_add_func ("/sync/ignores-litter", test_sync_ignores_litter);
  g_test_add_func ("/sync/newer-version", test_sync_newer_version);
  g_test_add_func ("/sync/untrusted", test_sync_untrusted);
  g_test_add_func ("/sync/rewritten-book", test_sync_rewritten_book);
  g_test_add_func ("/sync/snapshot", test_sync_snapshot);
  g_test_add_func ("/sync/scopes", test_sync_scopes);
  g_test_add_func ("/sync/property", test_sync_property);
  return g_test_run ();
}
