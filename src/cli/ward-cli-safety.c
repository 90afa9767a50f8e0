/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/ward-cli.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-file-check.h"

int
ward_cli_command_backup (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    return ward_cli_misuse ("backup FILE");

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!ward_backup_to_file (store, argv[1], &error))
    return ward_cli_fail (error);
  g_print (_("Backed up to %s\n"), argv[1]);
  return WARD_CLI_OK;
}

int
ward_cli_command_restore (WardCliContext  *ctx,
                          int              argc,
                          char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;

  if (argc != 2)
    return ward_cli_misuse ("restore FILE");

  kept = ward_restore_from_file (ctx->database, argv[1], &error);
  if (kept == NULL)
    return ward_cli_fail (error);
  if (*kept != '\0')
    g_print (_("Restored from %s; the previous file was kept as %s\n"), argv[1], kept);
  else
    g_print (_("Restored from %s\n"), argv[1]);
  return WARD_CLI_OK;
}

int
ward_cli_command_check (WardCliContext  *ctx,
                        int              argc,
                        char           **argv)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 1)
    return ward_cli_misuse ("check");

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (ward_file_check_full (store, problems, &error))
    {
      g_print (_("The file is whole: integrity, references and the donation ledger's chain all check out.\n"));
      return WARD_CLI_OK;
    }
  if (error != NULL)
    return ward_cli_fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  return WARD_CLI_BAD_INPUT;
}
