/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli/ward-cli.h"
#include "import/ward-import-workbook.h"
#include "import/ward-import.h"
#include "registers/ward-registers.h"

static void
print_kinds (void)
{
  const WardImportKind * const *kinds = ward_registers_import_kinds ();

  g_printerr ("%s", _("Kinds:"));
  for (guint i = 0; kinds[i] != NULL; i++)
    g_printerr (" %s", kinds[i]->name);
  g_printerr ("\n");
}

static const WardImportKind *
lookup_kind (const char *name)
{
  const WardImportKind *kind = ward_registers_import_kind (name);

  if (kind == NULL)
    {
      g_printerr (_("Unknown kind “%s”.\n"), name);
      print_kinds ();
    }
  return kind;
}

static void
print_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = issues->pdata[i];
      g_autofree char *line = ward_csv_issue_to_string (issue);

      g_printerr ("%s: %s\n",
                  issue->severity == WARD_CSV_SEVERITY_ERROR ? _("error") : _("warning"), line);
    }
}

static void
print_summary (const WardImportResult *result,
               gboolean                dry_run)
{
  g_autofree char *flags = ward_import_result_describe_flags (result, dry_run || !result->committed);

  g_print (_("%u rows read: %u added, %u updated, %u skipped, %u with errors.\n"),
           result->n_records, result->added, result->updated, result->skipped, result->n_errors);
  if (flags != NULL && result->n_errors == 0)
    g_print ("%s\n", flags);
  if (result->n_errors > 0)
    g_print (_("Nothing was imported: correct the rows above and import the file again.\n"));
  else if (dry_run)
    g_print (_("Dry run: nothing was stored.\n"));
}

/* The header was not recognised: how to name each column by hand. */
static void
print_map_hint (const WardImportKind *kind)
{
  g_autoptr (GString) fields = g_string_new (NULL);

  for (guint c = 0; c < kind->n_columns; c++)
    g_string_append_printf (fields, "%s“%s”", c > 0 ? ", " : "", kind->columns[c].label);
  g_printerr (_("Name the field of each of the file's columns with --map, e.g. --map \"Cột A=%s,"
                "Cột B=%s\". The fields: %s.\n"),
              kind->columns[0].label, kind->columns[MIN (1, kind->n_columns - 1)].label,
              fields->str);
}

/* Which sheet, or which encoding: a wrong one is seen before the import
 * rather than in the register. */
static void
print_source (WardCsvTable *table)
{
  const char *sheet = ward_csv_table_get_sheet (table);

  if (sheet != NULL)
    g_print (_("Read sheet “%s” of “%s”.\n"), sheet, ward_csv_table_get_display_name (table));
  else
    g_print (_("Read “%s” as %s.\n"), ward_csv_table_get_display_name (table),
             ward_csv_encoding_get_name (ward_csv_table_get_encoding (table)));
}

int
ward_cli_command_import (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  const char *usage = "import KIND FILE [--sheet NAME] [--map \"HEADER=FIELD,…\"] [--dry-run] [--update] "
                      "[--campaign NAME] [--allow-outside-period]";
  WardImportContext import_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  const WardImportKind *kind;
  const char *kind_name = NULL, *path = NULL, *sheet = NULL;
  gboolean dry_run = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (g_str_equal (argv[i], "--update"))
        import_context.policy = WARD_IMPORT_UPDATE_EXISTING;
      else if (g_str_equal (argv[i], "--campaign") && i + 1 < argc)
        import_context.campaign = argv[++i];
      else if (g_str_equal (argv[i], "--allow-outside-period"))
        import_context.allow_outside_period = TRUE;
      else if (g_str_equal (argv[i], "--sheet") && i + 1 < argc)
        sheet = argv[++i];
      else if (g_str_equal (argv[i], "--map") && i + 1 < argc)
        import_context.column_map = argv[++i];
      else if (argv[i][0] == '-')
        return ward_cli_misuse (usage);
      else if (kind_name == NULL)
        kind_name = argv[i];
      else if (path == NULL)
        path = argv[i];
      else
        return ward_cli_misuse (usage);
    }
  if (kind_name == NULL || path == NULL)
    return ward_cli_misuse (usage);
  if ((kind = lookup_kind (kind_name)) == NULL)
    return WARD_CLI_MISUSE;

  table = ward_import_read_file (path, sheet, &error);
  if (table == NULL)
    return ward_cli_fail (error);
  print_source (table);
  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;

  if (!ward_import_run (store, kind, table, &import_context, dry_run, NULL, NULL, NULL,
                        &result, &error))
    {
      if (result.issues != NULL)
        print_issues (result.issues);
      if (result.issues != NULL && ward_csv_issues_count (result.issues, WARD_CSV_SEVERITY_ERROR) > 0)
        print_map_hint (kind);
      return ward_cli_fail (error);
    }
  print_issues (result.issues);
  print_summary (&result, dry_run);
  return result.n_errors > 0 ? WARD_CLI_BAD_INPUT : WARD_CLI_OK;
}

int
ward_cli_command_export (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  const char *usage = "export KIND FILE [--campaign NAME] [--force]";
  WardOutputFlags flags = WARD_OUTPUT_NONE;
  WardImportContext export_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const WardImportKind *kind;
  const char *kind_name = NULL, *path = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--campaign") && i + 1 < argc)
        export_context.campaign = argv[++i];
      else if (ward_cli_take_force (argc, argv, i, &flags))
        continue;
      else if (argv[i][0] == '-')
        return ward_cli_misuse (usage);
      else if (kind_name == NULL)
        kind_name = argv[i];
      else if (path == NULL)
        path = argv[i];
      else
        return ward_cli_misuse (usage);
    }
  if (kind_name == NULL || path == NULL)
    return ward_cli_misuse (usage);
  if ((kind = lookup_kind (kind_name)) == NULL)
    return WARD_CLI_MISUSE;

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!ward_export_to_path (store, kind, &export_context, path, flags, &error))
    return ward_cli_fail (error);
  return WARD_CLI_OK;
}
