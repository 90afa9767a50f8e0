/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/ward-cli.h"
#include "exchange/ward-exchange.h"
#include "exchange/ward-exchange-sign.h"

/* `bundle export FILE [--since DATE]`,
 * `bundle import FILE [--dry-run] [--keep-mine | --take-theirs]`,
 * `bundle code` (this computer's code, which the other computer compares)
 * and `bundle trust CODE` (trusts the installation a refused bundle came
 * from, once its code was compared on both screens).
 *
 * An import with conflicts stores nothing unless told how to settle all of
 * them at once: --keep-mine keeps this file's version of every record
 * changed on both sides, --take-theirs takes the bundle's. To choose
 * record by record, use the window (Import Data Bundle…). */

#define USAGE "bundle export FILE [--since DATE] [--force] | bundle import FILE [--dry-run] " \
              "[--keep-mine|--take-theirs] | bundle code | bundle trust CODE"

static int
bundle_export (WardCliContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  const char *path = NULL, *since = NULL;
  WardOutputFlags flags = WARD_OUTPUT_NONE;
  guint n_records = 0;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--since") && i + 1 < argc)
        since = argv[++i];
      else if (ward_cli_take_force (argc, argv, i, &flags))
        continue;
      else if (argv[i][0] == '-' || path != NULL)
        return ward_cli_misuse (USAGE);
      else
        path = argv[i];
    }
  if (path == NULL)
    return ward_cli_misuse (USAGE);

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!ward_bundle_export (store, path, since, flags, &n_records, &error))
    return ward_cli_fail (error);
  name = g_filename_display_name (path);
  g_print (_("Wrote %u records to %s.\n"), n_records, name);
  return WARD_CLI_OK;
}

static int
bundle_import (WardCliContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  WardBundleChoice choice = WARD_BUNDLE_UNDECIDED;
  const char *path = NULL;
  gboolean dry_run = FALSE;
  guint n_conflicts;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (ward_cli_take_choice (argv[i], &choice))
        continue;
      else if (argv[i][0] == '-' || path != NULL)
        return ward_cli_misuse (USAGE);
      else
        path = argv[i];
    }
  if (path == NULL)
    return ward_cli_misuse (USAGE);

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  plan = ward_bundle_plan_new_for_path (store, path, &error);
  if (plan == NULL)
    return ward_cli_fail (error);
  summary = ward_bundle_plan_format (plan);
  g_print ("%s", summary);

  n_conflicts = ward_bundle_plan_get_n_conflicts (plan);
  if (dry_run)
    {
      g_print (_("Dry run: nothing was stored.\n"));
      return WARD_CLI_OK;
    }
  if (n_conflicts > 0 && choice == WARD_BUNDLE_UNDECIDED)
    {
      g_printerr (_("Nothing was imported: %u records were changed on both computers. Choose which "
                    "version to keep for each in the window (Import Data Bundle…), or run again with "
                    "--keep-mine or --take-theirs to settle all of them at once.\n"), n_conflicts);
      return WARD_CLI_BAD_INPUT;
    }
  ward_bundle_plan_set_all_choices (plan, choice);
  if (!ward_bundle_plan_apply (store, plan, &error))
    return ward_cli_fail (error);
  g_print (_("Imported.\n"));
  return WARD_CLI_OK;
}

static int
bundle_code (WardCliContext  *ctx,
             int              argc)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardSigner) own = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    return ward_cli_misuse (USAGE);
  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  own = ward_exchange_dup_own_signer (store, &error);
  if (own == NULL)
    return ward_cli_fail (error);
  g_print (_("This computer's code: %s\n%s\n"), own->code, own->name);
  g_print (_("Another computer trusts the bundles of this one once a person there compared this "
             "code with the one its refusal shows.\n"));
  return WARD_CLI_OK;
}

static int
bundle_trust (WardCliContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardSigner) signer = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 3 || argv[2][0] == '-')
    return ward_cli_misuse (USAGE);
  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!ward_exchange_trust_code (store, argv[2], &signer, &error))
    return ward_cli_fail (error);
  g_print (_("This file now accepts the bundles of “%s” (code %s). Import its bundle again.\n"),
           ward_signer_get_label (signer), signer->code);
  return WARD_CLI_OK;
}

int
ward_cli_command_bundle (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  if (argc < 2)
    return ward_cli_misuse (USAGE);
  if (g_str_equal (argv[1], "export"))
    return bundle_export (ctx, argc, argv);
  if (g_str_equal (argv[1], "import"))
    return bundle_import (ctx, argc, argv);
  if (g_str_equal (argv[1], "code"))
    return bundle_code (ctx, argc);
  if (g_str_equal (argv[1], "trust"))
    return bundle_trust (ctx, argc, argv);
  return ward_cli_misuse (USAGE);
}
