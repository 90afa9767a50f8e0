/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "cli/ward-cli.h"
#include "reports/ward-reports.h"

/* `ward-tracker-cli report NAME [--period 2026|2026-H1] [--campaign NAME]
 * [--receipt NUMBER] --output FILE.pdf`: the reports of the window, written
 * headless. The names of bodies and signatories come from the application's
 * GSettings when its schema is installed, else from the ward table. */

#define USAGE "report NAME [--period 2026|2026-H1] [--campaign NAME] [--receipt NUMBER] " \
              "--output FILE.pdf [--force]\n  NAME: targets, programme, members, enterprises, donations, receipt"

typedef struct
{
  const char *name;
  const char *period;
  const char *campaign;
  const char *receipt;
  const char *output;
  WardOutputFlags flags;
} ReportArgs;

/* "--option VALUE" or "--option=VALUE"; advances *i over what it took. */
static gboolean
take_option (const char  *option,
             int          argc,
             char       **argv,
             int         *i,
             const char **value_out)
{
  size_t len = strlen (option);

  if (g_str_equal (argv[*i], option) && *i + 1 < argc)
    {
      *value_out = argv[++*i];
      return TRUE;
    }
  if (strncmp (argv[*i], option, len) == 0 && argv[*i][len] == '=')
    {
      *value_out = argv[*i] + len + 1;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_args (int         argc,
            char      **argv,
            ReportArgs *args)
{
  for (int i = 1; i < argc; i++)
    {
      if (take_option ("--period", argc, argv, &i, &args->period)
          || take_option ("--campaign", argc, argv, &i, &args->campaign)
          || take_option ("--receipt", argc, argv, &i, &args->receipt)
          || take_option ("--output", argc, argv, &i, &args->output)
          || ward_cli_take_force (argc, argv, i, &args->flags))
        continue;
      if (argv[i][0] == '-' || args->name != NULL)
        return FALSE;
      args->name = argv[i];
    }
  return args->name != NULL && args->output != NULL && args->output[0] != '\0';
}

/* Options that belong to another report are misuse, not ignored. */
static gboolean
options_fit (WardReportKind    kind,
             const ReportArgs *args)
{
  if (args->period != NULL && kind != WARD_REPORT_KIND_TARGETS)
    return FALSE;
  if (args->campaign != NULL && kind != WARD_REPORT_KIND_DONATIONS && kind != WARD_REPORT_KIND_RECEIPT)
    return FALSE;
  if ((args->receipt != NULL) != (kind == WARD_REPORT_KIND_RECEIPT))
    return FALSE;
  return TRUE;
}

static WardReportSettings *
load_settings (WardStore  *store,
               GError    **error)
{
  g_autoptr (WardReportSettings) settings = ward_report_settings_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr (GSettings) gsettings = g_settings_new_full (schema, NULL, NULL);

      ward_report_settings_apply_gsettings (settings, gsettings);
    }
  if (!ward_report_settings_fill_from_store (settings, store, error))
    return NULL;
  return g_steal_pointer (&settings);
}

int
ward_cli_command_report (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardReportSettings) settings = NULL;
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = NULL;
  WardReportOptions options = { 0 };
  ReportArgs args = { 0 };
  WardReportKind kind;
  int n_pages;

  if (!parse_args (argc, argv, &args) || !ward_report_kind_from_name (args.name, &kind)
      || !options_fit (kind, &args))
    return ward_cli_misuse (USAGE);

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (args.period != NULL
      && !ward_reports_parse_period (store, args.period, &options.year, &options.first_half, &error))
    return ward_cli_fail (error);
  options.campaign = args.campaign;
  options.receipt_number = args.receipt;

  settings = load_settings (store, &error);
  if (settings != NULL)
    report = ward_reports_build (store, kind, settings, &options, &error);
  if (report == NULL || !ward_report_write_pdf (report, args.output, args.flags, &error))
    return ward_cli_fail (error);

  n_pages = ward_report_get_n_pages (report);
  shown = g_filename_display_name (args.output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%d page)\n", "Wrote %s (%d pages)\n", n_pages),
           shown, n_pages);
  return WARD_CLI_OK;
}
