/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "cli/ward-cli.h"
#include "registers/ward-registers-stats.h"
#include "targets/ward-targets-resolution.h"

typedef struct
{
  const char     *name;
  WardCliCommand  run;
  const char     *synopsis;
  const char     *summary;
} Command;

static int command_init (WardCliContext *ctx, int argc, char **argv);
static int command_stats (WardCliContext *ctx, int argc, char **argv);
static int command_term (WardCliContext *ctx, int argc, char **argv);
static int print_term (WardStore *store);

#define TERM_USAGE "term [--congress DD/MM/YYYY] [--end DD/MM/YYYY]"

static const Command commands[] = {
  { "init", command_init, "init [--seed FILE]",
    N_("Create the database file from a resolution seed (default: the built-in Đông Sơn one)") },
  { "stats", command_stats, "stats [--json]",
    N_("Print the ward, the term and every target with its goal and current value") },
  { "term", command_term, TERM_USAGE,
    N_("Print the term, or set the date of the congress that adopted the resolution and the "
       "term's end: admissions and enterprises count from the congress") },
  { "import", ward_cli_command_import,
    "import KIND FILE [--sheet NAME] [--map \"HEADER=FIELD,…\"] [--dry-run] [--update] [--campaign NAME] "
    "[--allow-outside-period]",
    N_("Import a CSV file or a workbook's sheet (.xlsx, .xls, .ods), all or nothing (KIND: "
       "members, enterprises, donations, readings, roster); --map names the field of each header the "
       "file's own words do not; --allow-outside-period takes receipts dated outside the "
       "campaign’s period") },
  { "export", ward_cli_command_export, "export KIND FILE [--campaign NAME] [--force]",
    N_("Export as CSV for Excel (UTF-8 with BOM, dates dd/mm/yyyy), or as an Excel workbook "
       "when FILE ends in .xlsx") },
  { "backup", ward_cli_command_backup, "backup FILE [--force]",
    N_("Copy the data file, checked whole, to FILE") },
  { "restore", ward_cli_command_restore, "restore FILE [--yes]",
    N_("Show what a checked backup holds beside the data file; with --yes, replace the data "
       "file with it, keeping the current one") },
  { "check", ward_cli_command_check, "check [--against HASH]",
    N_("Check integrity, references and the ledger chain (exit 1 with a report); with --against, "
       "also the receipts added after a hash printed on a disclosure list") },
  { "report", ward_cli_command_report, "report NAME [OPTIONS] --output FILE.pdf|FILE.xlsx [--force]",
    N_("Write a report as PDF, or its tables as an Excel workbook (NAME: targets, programme, "
       "members, enterprises, donations, donations-by-group, receipt, study; OPTIONS: --period "
       "2026|2026-H2|2026-Q3|2026-09|dd/mm/yyyy-dd/mm/yyyy|term, --campaign C, --receipt N, "
       "--signer NAME, --signer-position TEXT, --signer-authority T/M|K/T|Q.|none, --number N, "
       "--date DD/MM/YYYY; the signer, number and date are remembered per report)") },
  { "campaign", ward_cli_command_campaign, "campaign list [--json] | campaign add NAME [OPTIONS]",
    N_("List the donation campaigns, or add one: add NAME --organiser TEXT --start DD/MM/YYYY "
       "[--end DD/MM/YYYY] [--receiver TEXT] [--account TEXT] [--description TEXT]") },
  { "receipt", ward_cli_command_receipt,
    "receipt correct NUMBER [--amount AMOUNT] [--donor NAME] [--campaign NAME] [--reason TEXT]",
    N_("Correct a receipt under its own number: its reversal and the receipt written again, "
       "the money on hand moved by the difference only, even after a transfer upward") },
  { "study", ward_cli_command_study, "study status | sessions | session add [OPTIONS] | make-up | reflection",
    N_("The study of the resolution: the shares per chi bộ and who is still to make up (status); "
       "the sessions; record one: session add (--chi-bo NAME | --ward) --title TEXT --date "
       "DD/MM/YYYY [--place TEXT] [--presenter TEXT] [--documents resolution,programme,front] "
       "[--absent \"NAME[=REASON]\"]… [--no-attendance]; make-up SESSION NAME --date DD/MM/YYYY; "
       "reflection NAME --date DD/MM/YYYY [--grade tốt|khá|đạt|không đạt]") },
  { "bundle", ward_cli_command_bundle, "bundle export|import FILE [OPTIONS] | bundle code | bundle trust CODE",
    N_("Exchange records with another laptop: export [--since DATE] [--force]; import [--dry-run] "
       "[--keep-mine|--take-theirs]; code, this computer's code; trust CODE, the sender's code "
       "after comparing it with the one its screen shows") },
  { "sync", ward_cli_command_sync,
    "sync [--folder DIR] [--keep-mine|--take-theirs] [--snapshot] [--campaign-folder CAMPAIGN DIR] "
    "[--laptop-for CAMPAIGN|--office]",
    N_("Sync with the shared folder: write this desk's changes there and apply the other "
       "desks'; --folder sets the folder and remembers it in the data file (trust each desk "
       "once with bundle trust CODE); --snapshot also writes a snapshot a new desk starts from; "
       "--campaign-folder also writes a campaign's ledger to its own folder, which a collection "
       "laptop set up with --laptop-for syncs alone") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  ward-tracker-cli [--database FILE] COMMAND [ARGUMENTS]\n\n%s\n",
           _("Usage:"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-44s %s\n", commands[i].synopsis, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Exit status: 0 success, 1 bad input or a refused file, 2 misuse."));
}

int
ward_cli_misuse (const char *usage)
{
  g_printerr ("%s ward-tracker-cli [--database FILE] %s\n", _("Usage:"), usage);
  return WARD_CLI_MISUSE;
}

int
ward_cli_fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  if (g_error_matches (error, WARD_ERROR, WARD_ERROR_EXISTS))
    g_printerr ("%s\n", _("Run the command again with --force to replace it."));
  return WARD_CLI_BAD_INPUT;
}

gboolean
ward_cli_take_force (int           argc,
                     char        **argv,
                     int           i,
                     WardOutputFlags *flags)
{
  if (i >= argc || !g_str_equal (argv[i], "--force"))
    return FALSE;
  *flags |= WARD_OUTPUT_REPLACE;
  return TRUE;
}

gboolean
ward_cli_take_choice (const char       *arg,
                      WardBundleChoice *choice)
{
  /* One or the other, never both. */
  if (g_str_equal (arg, "--keep-mine") && *choice != WARD_BUNDLE_TAKE_THEIRS)
    *choice = WARD_BUNDLE_KEEP_MINE;
  else if (g_str_equal (arg, "--take-theirs") && *choice != WARD_BUNDLE_KEEP_MINE)
    *choice = WARD_BUNDLE_TAKE_THEIRS;
  else
    return FALSE;
  return TRUE;
}

WardStore *
ward_cli_open_store (WardCliContext *ctx)
{
  g_autoptr (GError) error = NULL;
  WardStore *store;

  /* Only `init` creates a file: every other command refuses a missing
   * one rather than seeding a new file in its place. */
  store = ward_store_open_existing (ctx->database, &error);
  if (store == NULL)
    ward_cli_fail (error);
  return store;
}

/* A file for a command that only reads (`stats`, what a timer or a script
 * calls): opened read-only, without the integrity check of the whole file
 * that guards writes (1 s on a file of 100,000 receipts; SQLite still
 * refuses any page it reads damaged). A file that must first be migrated,
 * or that a crash left with a journal to roll back, is opened as every
 * other command opens it. */
static WardStore *
open_store_to_read (WardCliContext *ctx)
{
  g_autoptr (WardStore) reader = NULL;

  if (g_file_test (ctx->database, G_FILE_TEST_IS_REGULAR))
    reader = ward_store_open_reader (ctx->database, NULL);
  if (reader != NULL && ward_store_get_version (reader) == ward_store_schema_version ())
    return g_steal_pointer (&reader);
  g_clear_object (&reader);
  return ward_cli_open_store (ctx);
}

static int
command_init (WardCliContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autofree char *name = g_filename_display_name (ctx->database);
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        ctx->seed = argv[++i];
      else if (g_str_has_prefix (argv[i], "--seed="))
        ctx->seed = argv[i] + strlen ("--seed=");
      else
        return ward_cli_misuse ("init [--seed FILE]");
    }

  /* Even an empty one: it may be what a failed copy of the ward's file
   * left, and the clerk should look at it before it is replaced. */
  if (g_lstat (ctx->database, &st) == 0)
    {
      g_printerr (_("The file “%s” already exists; it was not changed. "
                    "Choose a new file with --database.\n"), name);
      return WARD_CLI_BAD_INPUT;
    }

  store = ward_store_open_full (ctx->database, ctx->seed, -1, &error);
  if (store == NULL)
    return ward_cli_fail (error);
  g_print (_("Created %s\n"), name);
  return print_term (store);
}

/* The term as the counts use it, or how to give its start when missing. */
static int
print_term (WardStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardResolution) resolution = ward_resolution_load (store, &error);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (resolution == NULL)
    return ward_cli_fail (error);
  if (!ward_resolution_has_congress_date (resolution))
    {
      g_print ("%s\n", ward_resolution_congress_hint ());
      return WARD_CLI_OK;
    }
  from = ward_format_date (resolution->congress_date);
  to = ward_format_date (resolution->term_end_date);
  g_print (_("Term: from the congress on %s to %s.\n"), from, to);
  return WARD_CLI_OK;
}

static gboolean
parse_date_option (const char  *text,
                   char       **iso_out)
{
  g_autoptr (GError) error = NULL;

  if (ward_parse_date (text, iso_out, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

static int
command_term (WardCliContext  *ctx,
              int              argc,
              char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *congress = NULL;
  g_autofree char *end = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--congress") && i + 1 < argc && congress == NULL)
        {
          if (!parse_date_option (argv[++i], &congress))
            return WARD_CLI_BAD_INPUT;
        }
      else if (g_str_equal (argv[i], "--end") && i + 1 < argc && end == NULL)
        {
          if (!parse_date_option (argv[++i], &end))
            return WARD_CLI_BAD_INPUT;
        }
      else
        return ward_cli_misuse (TERM_USAGE);
    }
  if (end != NULL && congress == NULL)
    return ward_cli_misuse (TERM_USAGE);

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (congress != NULL && !ward_resolution_set_congress_date (store, congress, end, &error))
    return ward_cli_fail (error);
  return print_term (store);
}

static int
command_stats (WardCliContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (JsonNode) stats = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        return ward_cli_misuse ("stats [--json]");
    }

  store = open_store_to_read (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  stats = ward_stats_collect (store, &error);
  if (stats == NULL)
    return ward_cli_fail (error);

  if (json)
    {
      g_autofree char *text = json_to_string (stats, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = ward_stats_format_text (stats);
      g_print ("%s", text);
    }
  return WARD_CLI_OK;
}

static void
setup_locale (void)
{
  setlocale (LC_ALL, "");
  /* WARD_LOCALEDIR lets the tests use the catalogues in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WARD_LOCALEDIR") ? g_getenv ("WARD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
ward_cli_main (int    argc,
               char **argv)
{
  g_autofree char *default_path = NULL;
  WardCliContext ctx = { 0 };
  int i = 1;

  setup_locale ();
  g_set_prgname ("ward-tracker-cli");

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--database") && i + 1 < argc)
        ctx.database = argv[++i];
      else if (g_str_has_prefix (argv[i], "--database="))
        ctx.database = argv[i] + strlen ("--database=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return WARD_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("ward-tracker-cli %s\n", PACKAGE_VERSION);
          return WARD_CLI_OK;
        }
      else
        {
          g_printerr (_("Unknown option “%s”.\n"), argv[i]);
          print_usage (stderr);
          return WARD_CLI_MISUSE;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return WARD_CLI_MISUSE;
    }

  if (ctx.database == NULL)
    ctx.database = default_path = ward_store_default_path ();

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&ctx, argc - i, argv + i);

  g_printerr (_("Unknown command “%s”.\n"), argv[i]);
  print_usage (stderr);
  return WARD_CLI_MISUSE;
}
