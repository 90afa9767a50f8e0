/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/ward-cli.h"
#include "donations/ward-donations-campaign.h"
#include "sync/ward-sync.h"

/* `sync [--folder DIR] [--keep-mine | --take-theirs]`: one sync with the
 * shared folder, for a timer (a systemd timer, cron) or by hand. --folder
 * sets the folder and remembers it in the data file, where the window's
 * Preferences keep it too; without it, the remembered one is used.
 *
 * --campaign-folder CAMPAIGN DIR (on an office desk) also writes the
 * campaign's ledger to DIR and reads its collection laptops' receipts
 * there; --laptop-for CAMPAIGN makes this installation a collection laptop
 * whose one folder is that campaign's (--office undoes it).
 *
 * --snapshot also writes a snapshot of every record this desk holds, from
 * which a desk joining later starts (compacting).
 *
 * Exit 0 when every file that could be read was applied (a file still
 * being copied waits for the next sync: that is normal); 1 when the folder
 * cannot be reached or a file needs a person (an untrusted desk, a newer
 * version, conflicts to decide); 2 on misuse. */

#define USAGE "sync [--folder DIR] [--keep-mine|--take-theirs] [--snapshot] " \
              "[--campaign-folder CAMPAIGN DIR] [--laptop-for CAMPAIGN|--office]"

static gboolean
decide_all (WardStore      *store,
            WardBundlePlan *plan,
            gpointer        user_data)
{
  WardBundleChoice choice = GPOINTER_TO_INT (user_data);

  if (choice == WARD_BUNDLE_UNDECIDED)
    return FALSE;
  ward_bundle_plan_set_all_choices (plan, choice);
  return TRUE;
}

typedef struct
{
  const char *folder;
  const char *campaign;           /* --campaign-folder CAMPAIGN DIR */
  const char *campaign_folder;
  const char *laptop_for;
  gboolean    office;
} Setup;

static char *
campaign_uuid (WardStore   *store,
               const char  *name,
               GError     **error)
{
  g_autoptr (WardCampaign) campaign = ward_campaign_find (store, name, error);

  return campaign != NULL ? g_strdup (campaign->uuid) : NULL;
}

/* What the options set is kept in the data file, for the window and for
 * a bare `sync` on a timer. */
static gboolean
remember_setup (WardStore    *store,
                const Setup  *setup,
                GError      **error)
{
  g_autofree char *folder = setup->folder ? g_canonicalize_filename (setup->folder, NULL) : NULL;
  g_autofree char *campaign_folder = setup->campaign_folder
                                     ? g_canonicalize_filename (setup->campaign_folder, NULL) : NULL;
  g_autofree char *uuid = NULL;

  if (folder != NULL && !ward_sync_set_folder (store, folder, error))
    return FALSE;
  if (setup->campaign != NULL
      && ((uuid = campaign_uuid (store, setup->campaign, error)) == NULL
          || !ward_sync_set_campaign_folder (store, uuid, campaign_folder, error)))
    return FALSE;
  g_clear_pointer (&uuid, g_free);
  if (setup->laptop_for != NULL
      && ((uuid = campaign_uuid (store, setup->laptop_for, error)) == NULL
          || !ward_sync_set_laptop_scope (store, uuid, error)))
    return FALSE;
  return !setup->office || ward_sync_set_laptop_scope (store, NULL, error);
}

int
ward_cli_command_sync (WardCliContext  *ctx,
                       int              argc,
                       char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  WardBundleChoice choice = WARD_BUNDLE_UNDECIDED;
  Setup setup = { NULL };
  gboolean snapshot = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--folder") && i + 1 < argc && setup.folder == NULL)
        setup.folder = argv[++i];
      else if (g_str_equal (argv[i], "--campaign-folder") && i + 2 < argc && setup.campaign == NULL)
        {
          setup.campaign = argv[++i];
          setup.campaign_folder = argv[++i];
        }
      else if (g_str_equal (argv[i], "--laptop-for") && i + 1 < argc && !setup.office)
        setup.laptop_for = argv[++i];
      else if (g_str_equal (argv[i], "--office") && setup.laptop_for == NULL)
        setup.office = TRUE;
      else if (ward_cli_take_choice (argv[i], &choice))
        continue;
      else if (g_str_equal (argv[i], "--snapshot"))
        snapshot = TRUE;
      else
        return ward_cli_misuse (USAGE);
    }

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!remember_setup (store, &setup, &error)
      || !ward_sync_run (store, NULL, decide_all, GINT_TO_POINTER (choice), &report, &error))
    return ward_cli_fail (error);
  summary = ward_sync_report_format (report);
  g_print ("%s", summary);
  if (snapshot)
    {
      g_autofree char *path = NULL;
      g_autofree char *name = NULL;

      if (!ward_sync_write_snapshot (store, NULL, &path, &error))
        return ward_cli_fail (error);
      name = g_filename_display_name (path);
      g_print (_("Wrote the snapshot %s: a desk joining the folder starts from it.\n"), name);
    }
  if (report->problems->len > 0 || report->pending->len > 0)
    return WARD_CLI_BAD_INPUT;
  return WARD_CLI_OK;
}
