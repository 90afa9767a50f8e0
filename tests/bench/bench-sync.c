/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-sync"

#include "config.h"

#include <glib/gstdio.h>

#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"
#include "exchange/ward-exchange-sign.h"
#include "sync/ward-sync.h"
#include "support/ward-test.h"

/* Issue 21, the shared folder:
 *  - applying 10,000 changes from the folder (records added, edited and
 *    receipts, in 100 change files of one desk), on the desk that reads
 *    them;
 *  - the time from a change on one desk to its appearance on another
 *    through a local folder: the writer's sync and the reader's, with no
 *    debounce (the window adds 3 s after a change, 0.7 s after a file
 *    arrives, so that a burst of typing goes as one file).
 * Figures are printed; nothing fails on them. */

#define N_CHANGES 10000
#define N_FILES   100
#define N_LATENCY 25


static guint
sync_once (WardStore  *store,
           const char *folder)
{
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  if (!ward_sync_run (store, folder, NULL, NULL, &report, &error))
    g_error ("%s", error->message);
  if (report->problems->len > 0)
    g_error ("%s", (const char *) report->problems->pdata[0]);
  return report->n_applied;
}

static void
add_candidate (WardStore *store,
               guint      n)
{
  g_autofree char *uuid = ward_store_new_uuid ();
  char *sql = sqlite3_mprintf ("INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, "
                               "created_at, updated_at) VALUES (%Q, 'Ứng viên %u', '%u', '%u', "
                               "'1990-01-01', '2026-05-01T08:00:00Z', '2026-05-01T08:00:00Z')",
                               uuid, n, n, n);

  ward_test_exec (store, sql);
  sqlite3_free (sql);
}

static void
edit_candidate (WardStore *store,
                guint      n)
{
  char *sql = sqlite3_mprintf ("UPDATE candidates SET note = 'ghi chú %u', updated_at = "
                               "'2026-05-02T08:00:00Z' WHERE id = (SELECT max (id) FROM candidates)", n);

  ward_test_exec (store, sql);
  sqlite3_free (sql);
}

static void
add_receipt (WardStore    *store,
             WardCampaign *campaign,
             const char   *book,
             guint         n)
{
  g_autofree char *number = g_strdup_printf ("%s-%u", book, n);
  WardReceiptInput input = { number, campaign->start_date, "Nhà hảo tâm", WARD_DONOR_PERSON, NULL,
                             100000, WARD_PAYMENT_CASH };
  g_autoptr (GError) error = NULL;

  input.outside_period_confirmed = TRUE;
  if (!ward_ledger_add_receipt (store, campaign, &input, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* Ten changes in four: a record added, one edited, two receipts. */
static void
make_changes (WardStore    *store,
              WardCampaign *campaign,
              const char   *book,
              guint         from,
              guint         n)
{
  for (guint i = from; i < from + n; i++)
    switch (i % 4)
      {
      case 0: add_candidate (store, i); break;
      case 1: edit_candidate (store, i); break;
      default: add_receipt (store, campaign, book, i); break;
      }
}

static WardCampaign *
first_campaign (WardStore *store)
{
  g_autoptr (GPtrArray) campaigns = ward_campaigns_load (store, NULL);

  return g_steal_pointer (&campaigns->pdata[campaigns->len - 1]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = ward_test_make_dir ("bench-sync");
  g_autofree char *folder = g_build_filename (dir, "share", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.sqlite3", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.sqlite3", NULL);
  g_autoptr (WardStore) a = NULL;
  g_autoptr (WardStore) b = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autofree char *book = NULL;
  double latencies[N_LATENCY];
  gint64 start;
  guint applied;

  g_mkdir (folder, 0700);
  a = ward_test_open_store (path_a);
  b = ward_test_open_store (path_b);
  ward_test_trust (a, b);
  ward_test_trust (b, a);
  sync_once (a, folder);
  sync_once (b, folder);
  book = ward_store_dup_book (a, NULL);
  campaign = first_campaign (a);

  for (guint f = 0; f < N_FILES; f++)
    {
      make_changes (a, campaign, book, f * (N_CHANGES / N_FILES), N_CHANGES / N_FILES);
      sync_once (a, folder);
    }
  start = g_get_monotonic_time ();
  applied = sync_once (b, folder);
  g_print ("Applying %d changes in %u change files from the folder: %.2f s\n", N_CHANGES, applied,
           (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < N_LATENCY; i++)
    {
      start = g_get_monotonic_time ();
      make_changes (a, campaign, book, N_CHANGES + 4 * i, 1);
      sync_once (a, folder);
      if (sync_once (b, folder) != 1)
        g_error ("the change did not arrive");
      latencies[i] = (g_get_monotonic_time () - start) / 1e3;
    }
  qsort (latencies, N_LATENCY, sizeof (double), compare_doubles);
  g_print ("From a change on one desk to the other desk, through a local folder (%d runs): "
           "median %.0f ms, slowest %.0f ms (the window adds its debounce: 3 s after a change, "
           "0.7 s after a file arrives)\n",
           N_LATENCY, latencies[N_LATENCY / 2], latencies[N_LATENCY - 1]);

  g_clear_object (&a);
  g_clear_object (&b);
  ward_test_remove_tree (dir);
  return 0;
}
