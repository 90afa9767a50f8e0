/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/ward-cli.h"
#include "donations/ward-donations-ledger.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-file-check.h"
#include "safety/ward-safety-restore.h"

int
ward_cli_command_backup (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  WardOutputFlags flags = WARD_OUTPUT_NONE;
  const char *path = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (ward_cli_take_force (argc, argv, i, &flags))
        continue;
      if (argv[i][0] == '-' || path != NULL)
        return ward_cli_misuse ("backup FILE [--force]");
      path = argv[i];
    }
  if (path == NULL)
    return ward_cli_misuse ("backup FILE [--force]");

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!ward_backup_to_file (store, path, flags, &error))
    return ward_cli_fail (error);
  g_print (_("Backed up to %s\n"), path);
  return WARD_CLI_OK;
}

int
ward_cli_command_restore (WardCliContext  *ctx,
                          int              argc,
                          char           **argv)
{
  g_autoptr (WardRestore) restore = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *comparison = NULL;
  const char *path = NULL;
  gboolean yes = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--yes"))
        yes = TRUE;
      else if (argv[i][0] == '-' || path != NULL)
        return ward_cli_misuse ("restore FILE [--yes]");
      else
        path = argv[i];
    }
  if (path == NULL)
    return ward_cli_misuse ("restore FILE [--yes]");

  restore = ward_restore_prepare (ctx->database, path, &error);
  if (restore == NULL)
    return ward_cli_fail (error);
  comparison = ward_file_summary_compare (ward_restore_get_current (restore),
                                          ward_restore_get_backup (restore));
  g_print ("%s", comparison);
  if (!yes)
    {
      g_printerr (_("Nothing was replaced. Compare what the two files hold above; to replace the "
                    "data file with the backup, run the command again with --yes.\n"));
      return WARD_CLI_MISUSE;
    }
  kept = ward_restore_commit (restore, &error);
  if (kept == NULL)
    return ward_cli_fail (error);
  if (*kept != '\0')
    g_print (_("Restored from %s; the previous file was kept as %s\n"), path, kept);
  else
    g_print (_("Restored from %s\n"), path);
  return WARD_CLI_OK;
}

static int
check_against (WardStore  *store,
               const char *hash)
{
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GError) error = NULL;

  added = ward_ledger_entries_after_hash (store, hash, &error);
  if (added == NULL)
    return ward_cli_fail (error);
  if (added->len == 0)
    g_print (_("The hash is the last entry of its receipt book: nothing was added after it.\n"));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u entry was added after the hash:\n",
                          "%u entries were added after the hash:\n", added->len), added->len);
  for (guint i = 0; i < added->len; i++)
    g_print ("  %s\n", (char *) added->pdata[i]);
  return WARD_CLI_OK;
}

static void
print_notes (WardStore *store)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  if (!ward_file_check_notes (store, notes, &error))
    g_printerr ("%s\n", error->message);
  for (guint i = 0; i < notes->len; i++)
    g_print ("%s %s\n", _("Note:"), (char *) notes->pdata[i]);
}

int
ward_cli_command_check (WardCliContext  *ctx,
                        int              argc,
                        char           **argv)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const char *against = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--against"))
    against = argv[2];
  else if (argc != 1)
    return ward_cli_misuse ("check [--against HASH]");

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (ward_file_check_full (store, problems, &error))
    {
      g_print (_("The file is whole: integrity, references and the donation ledger's chain all check out.\n"));
      print_notes (store);
      return against != NULL ? check_against (store, against) : WARD_CLI_OK;
    }
  if (error != NULL)
    return ward_cli_fail (error);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  return WARD_CLI_BAD_INPUT;
}
