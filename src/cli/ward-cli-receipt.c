/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "cli/ward-cli.h"
#include "donations/ward-donations-ledger.h"

/* `receipt correct NUMBER [--amount AMOUNT] [--donor NAME] [--campaign NAME]
 * [--reason TEXT]`: the receipt that stands under NUMBER corrected as a
 * clerk means it (ward_ledger_correct_receipt()): its reversal and the
 * receipt written again under the same number, the money on hand moved by
 * the difference only. */

#define USAGE "receipt correct NUMBER [--amount AMOUNT] [--donor NAME] [--campaign NAME] [--reason TEXT]"

enum { OPT_AMOUNT, OPT_DONOR, OPT_CAMPAIGN, OPT_REASON, N_OPTS };

static const char *const option_names[N_OPTS] = { "--amount", "--donor", "--campaign", "--reason" };

static gboolean
read_arguments (int          argc,
                char       **argv,
                const char **number,
                const char  *values[N_OPTS])
{
  *number = NULL;
  for (int i = 2; i < argc; i++)
    {
      gboolean known = FALSE;

      if (argv[i][0] != '-' && *number == NULL)
        {
          *number = argv[i];
          continue;
        }
      for (guint o = 0; o < N_OPTS && !known; o++)
        if (g_str_equal (argv[i], option_names[o]) && i + 1 < argc)
          {
            values[o] = argv[++i];
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }
  return *number != NULL && (values[OPT_AMOUNT] != NULL || values[OPT_DONOR] != NULL);
}

/* The receipt that stands under @number, or NULL. */
static const WardLedgerEntry *
find_standing (WardLedgerEntries *entries,
               const char        *number)
{
  for (guint i = 0; i < ward_rows_get_n (entries); i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (entry->kind == WARD_LEDGER_RECEIPT && entry->reversed_by == 0
          && g_strcmp0 (entry->receipt_number, number) == 0)
        return entry;
    }
  return NULL;
}

static int
correct (WardStore              *store,
         const WardCampaign     *campaign,
         const WardLedgerEntry  *entry,
         const char             *values[N_OPTS])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = ward_format_money (entry->amount);
  g_autofree char *after = NULL;
  WardReceiptInput input = {
    entry->receipt_number, entry->date, entry->donor, entry->donor_kind, entry->donor_group,
    entry->amount, entry->method, entry->reference, entry->collector, entry->note,
    ward_ledger_entry_lacks_reference (entry), TRUE, entry->anonymous,
  };

  if (values[OPT_AMOUNT] != NULL && !ward_parse_money (values[OPT_AMOUNT], &input.amount, &error))
    {
      g_printerr ("%s: %s\n", option_names[OPT_AMOUNT], error->message);
      return WARD_CLI_BAD_INPUT;
    }
  if (values[OPT_DONOR] != NULL)
    input.donor = values[OPT_DONOR];
  if (!ward_ledger_correct_receipt (store, campaign, entry->id, &input, NULL,
                                    values[OPT_REASON],
                                    NULL, NULL, &error))
    return ward_cli_fail (error);
  after = ward_format_money (input.amount);
  g_print (_("Receipt no. %s corrected: %s, %s (was %s, %s).\n"), entry->receipt_number,
           input.donor, after, entry->donor, before);
  return WARD_CLI_OK;
}

int
ward_cli_command_receipt (WardCliContext  *ctx,
                          int              argc,
                          char           **argv)
{
  const char *values[N_OPTS] = { NULL };
  const char *number = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GError) error = NULL;
  const WardLedgerEntry *entry;

  if (argc < 2 || !g_str_equal (argv[1], "correct") || !read_arguments (argc, argv, &number, values))
    return ward_cli_misuse (USAGE);
  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  campaign = ward_ledger_find_campaign (store, values[OPT_CAMPAIGN], &error);
  if (campaign == NULL)
    return ward_cli_fail (error);
  entries = ward_ledger_entries_load (store, campaign->id, &error);
  if (entries == NULL)
    return ward_cli_fail (error);
  entry = find_standing (entries, number);
  if (entry == NULL)
    {
      g_printerr (_("No receipt no. %s stands in the campaign “%s”.\n"), number, campaign->name);
      return WARD_CLI_BAD_INPUT;
    }
  return correct (store, campaign, entry, values);
}
