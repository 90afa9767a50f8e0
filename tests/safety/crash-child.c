/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crash-child"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"
#include "store/ward-store.h"

/* The child that the fault tests kill or hold: it works on the file as the
 * application does, through core.
 *
 *   crash-child edits DB     records receipts one by one and edits the units
 *                            list, for ever (until killed)
 *   crash-child hold DB SEC  takes the write lock, changes a row, and keeps
 *                            the transaction open for SEC seconds */

static int
edits (WardStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) campaign = ward_ledger_default_campaign (store, &error);
  unsigned int seed = (unsigned int) getpid ();

  if (campaign == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint n = 0;; n++)
    {
      g_autofree char *number = g_strdup_printf ("E%u-%u", seed, n);
      g_autofree char *donor = g_strdup_printf ("Người ủng hộ %u", n);
      WardReceiptInput receipt = {
        number, "2025-10-01", donor, WARD_DONOR_PERSON, "Tổ dân phố 3",
        10000 + (rand_r (&seed) % 1000) * 1000, WARD_PAYMENT_CASH, NULL, "Thủ quỹ", NULL
      };

      if (!ward_ledger_add_receipt (store, campaign, &receipt, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (!ward_store_begin (store, &error)
          || !ward_store_exec (store, "UPDATE units SET position = position + 1", &error)
          || !ward_store_commit (store, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (n == 0)
        {
          printf ("started\n");
          fflush (stdout);
        }
    }
  return 0;
}

static int
hold (WardStore *store,
      int        seconds)
{
  g_autoptr (GError) error = NULL;

  if (!ward_store_begin (store, &error)
      || !ward_store_exec (store, "UPDATE units SET position = position + 1", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("holding\n");
  fflush (stdout);
  g_usleep ((gulong) seconds * G_USEC_PER_SEC);
  return ward_store_commit (store, &error) ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: crash-child edits|hold DB [SECONDS]\n");
      return 2;
    }
  store = ward_store_open (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_str_equal (argv[1], "edits"))
    return edits (store);
  if (g_str_equal (argv[1], "hold") && argc == 4)
    return hold (store, atoi (argv[3]));
  return 2;
}
