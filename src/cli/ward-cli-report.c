/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "cli/ward-cli.h"
#include "reports/ward-reports.h"

/* `ward-tracker-cli report NAME [--period P] [--campaign NAME] [--receipt
 * NUMBER] [--signer NAME] [--signer-position TEXT] [--signer-authority
 * T/M|K/T|Q.|none] [--number N] [--date DD/MM/YYYY] --output FILE.pdf|.xlsx`:
 * the reports of the window, written headless, as PDF or, their tables, as
 * an Excel workbook (by the output's suffix). The names of bodies and
 * signatories come from the application's GSettings when its schema is
 * installed, else from the ward table. The signer, the number and the date
 * are remembered per kind of report in the same settings, as the window's
 * Print dialog remembers them: the next report of that kind takes them
 * unless told otherwise. */

#define USAGE "report NAME [--period P] [--campaign NAME] [--receipt NUMBER] [--signer NAME] " \
              "[--signer-position TEXT] [--signer-authority T/M|K/T|Q.|none] [--number N] " \
              "[--date DD/MM/YYYY|today] --output FILE.pdf|FILE.xlsx [--force]\n" \
              "  NAME: targets, programme, members, enterprises, donations, donations-by-group, " \
              "receipt\n" \
              "  P: 2026, 2026-H1, 2026-H2, 2026-Q3, 2026-09, 01/07/2025-30/06/2026, term"

typedef struct
{
  const char *name;
  const char *period;
  const char *campaign;
  const char *receipt;
  const char *signer;
  const char *position;
  const char *authority;
  const char *number;
  const char *date;
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
          || take_option ("--signer-position", argc, argv, &i, &args->position)
          || take_option ("--signer-authority", argc, argv, &i, &args->authority)
          || take_option ("--signer", argc, argv, &i, &args->signer)
          || take_option ("--number", argc, argv, &i, &args->number)
          || take_option ("--date", argc, argv, &i, &args->date)
          || take_option ("--output", argc, argv, &i, &args->output)
          || ward_cli_take_force (argc, argv, i, &args->flags))
        continue;
      if (argv[i][0] == '-' || args->name != NULL)
        return FALSE;
      args->name = argv[i];
    }
  return args->name != NULL && args->output != NULL && args->output[0] != '\0';
}

static gboolean
is_donations (WardReportKind kind)
{
  return kind == WARD_REPORT_KIND_DONATIONS || kind == WARD_REPORT_KIND_DONATIONS_BY_GROUP
         || kind == WARD_REPORT_KIND_RECEIPT;
}

/* Options that belong to another report are misuse, not ignored. A receipt
 * is one (--receipt) or a period's (--period). */
static gboolean
options_fit (WardReportKind    kind,
             const ReportArgs *args)
{
  if (args->campaign != NULL && !is_donations (kind))
    return FALSE;
  if (args->receipt != NULL && kind != WARD_REPORT_KIND_RECEIPT)
    return FALSE;
  if (kind == WARD_REPORT_KIND_RECEIPT && args->receipt == NULL && args->period == NULL)
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

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = value != NULL && value[0] != '\0' ? g_strstrip (g_strdup (value)) : NULL;
}

/* The remembered signing of the kind, with what the command line gives over
 * it. "--date today" and "--number ''" clear what was remembered. */
static gboolean
apply_signing (const ReportArgs   *args,
               WardReportSigning  *signing,
               GError            **error)
{
  if (args->signer != NULL)
    replace (&signing->name, args->signer);
  if (args->position != NULL)
    replace (&signing->position, args->position);
  if (args->number != NULL)
    replace (&signing->number, args->number);
  if (args->authority != NULL
      && !ward_signer_authority_parse (args->authority, &signing->authority, error))
    return FALSE;
  if (args->date != NULL)
    {
      g_autofree char *iso = NULL;

      if (g_ascii_strcasecmp (args->date, "today") == 0 || args->date[0] == '\0')
        g_clear_pointer (&signing->date, g_free);
      else if (!ward_parse_date (args->date, &iso, error))
        return FALSE;
      else
        replace (&signing->date, iso);
    }
  return TRUE;
}

/* What the report took from memory rather than from this command line. */
static void
tell_remembered (const ReportArgs        *args,
                 const WardReportSigning *signing)
{
  if (args->number == NULL && signing->number != NULL)
    g_print (_("Number %s, as last time for this kind of report (--number '' leaves it blank).\n"),
             signing->number);
  if (args->date == NULL && signing->date != NULL)
    {
      g_autofree char *date = ward_format_date (signing->date);

      g_print (_("Dated %s, as last time for this kind of report (--date today dates it today).\n"),
               date);
    }
}

static gboolean
write_report (WardReport       *report,
              const char       *path,
              WardOutputFlags   flags,
              GError          **error)
{
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    return ward_report_write_xlsx (report, path, flags, error);
  return ward_report_write_pdf (report, path, flags, error);
}

static int
run (WardCliContext   *ctx,
     WardReportKind    kind,
     const ReportArgs *args)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardReportSettings) settings = NULL;
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GSettings) memory = ward_report_kind_settings_new (kind);
  g_autoptr (GError) error = NULL;
  g_auto (WardReportSigning) signing = { 0 };
  g_autofree char *shown = NULL;
  WardReportOptions options = { 0 };
  WardReportPeriod period;
  int n_pages;

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if (memory != NULL)
    ward_report_signing_load (&signing, memory);
  if (!apply_signing (args, &signing, &error)
      || (args->period != NULL && !ward_report_period_parse_for (store, args->period, &period, &error)))
    return ward_cli_fail (error);
  options.period = args->period != NULL ? &period : NULL;
  options.campaign = args->campaign;
  options.receipt_number = args->receipt;
  options.signing = &signing;

  settings = load_settings (store, &error);
  if (settings != NULL)
    report = ward_reports_build (store, kind, settings, &options, &error);
  if (report == NULL || !write_report (report, args->output, args->flags, &error))
    return ward_cli_fail (error);
  if (memory != NULL)
    {
      ward_report_signing_save (&signing, memory);
      /* The backend writes later; this process ends now. */
      g_settings_sync ();
    }

  tell_remembered (args, &signing);
  shown = g_filename_display_name (args->output);
  n_pages = ward_report_get_n_sheets (report);
  if (n_pages == 0)
    g_print (_("Wrote %s\n"), shown);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%d page)\n", "Wrote %s (%d pages)\n",
                          n_pages), shown, n_pages);
  return WARD_CLI_OK;
}

int
ward_cli_command_report (WardCliContext  *ctx,
                         int              argc,
                         char           **argv)
{
  ReportArgs args = { 0 };
  WardReportKind kind;

  if (!parse_args (argc, argv, &args) || !ward_report_kind_from_name (args.name, &kind)
      || !options_fit (kind, &args))
    return ward_cli_misuse (USAGE);
  return run (ctx, kind, &args);
}
