/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-page.h"
#include "common/ward-print.h"

/* The reports are laid out once by core; here they meet the print dialog
 * and the file chooser. Building a report reads the store and stays on the
 * main thread; writing its PDF or workbook, the long part for a disclosure
 * list of 100,000 lines, runs in a GTask thread on a report nobody else
 * touches. */

#define CAMPAIGN_KEY "ward-print-campaign"

/* The printer and options chosen last, offered again. */
static GtkPrintSettings *last_print_settings;

static GQuark
report_name_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("ward-print-report-name");
  return quark;
}

/* ---- Messages --------------------------------------------------------------- */

static void
show_error (GtkWidget  *page,
            const char *heading,
            GError     *error)
{
  if (WARD_IS_PAGE (page))
    ward_page_show_error (WARD_PAGE (page), heading, error);
  else
    g_warning ("%s %s", heading, error != NULL ? error->message : "");
}

static void
show_toast (GtkWidget  *page,
            const char *message)
{
  if (WARD_IS_PAGE (page))
    ward_page_toast (WARD_PAGE (page), message);
}

static GtkWindow *
window_of (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* ---- Settings --------------------------------------------------------------- */

WardReportSettings *
ward_print_load_settings (WardStore  *store,
                          GError    **error)
{
  g_autoptr (WardReportSettings) settings = ward_report_settings_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

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

/* ---- Printing --------------------------------------------------------------- */

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   WardReport        *report)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double a4_width, a4_height;

  /* The paper the dialog chose; on anything much smaller than A4 the
   * margins leave no room, and the report is laid out on A4 as its PDF.
   * A receipt book is laid out on A5, two pages to the sheet. */
  ward_report_get_page_size (report, &a4_width, &a4_height);
  if (ward_report_get_paper (report) != WARD_REPORT_PAPER_A4
      || width < a4_width * 0.6 || height < a4_height * 0.6)
    {
      width = a4_width;
      height = a4_height;
    }
  ward_report_paginate (report, gtk_print_context_get_cairo_context (context), width, height);
  gtk_print_operation_set_n_pages (operation, ward_report_get_n_sheets (report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 WardReport        *report)
{
  if (page_nr < ward_report_get_n_sheets (report))
    ward_report_draw_sheet (report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (operation), "page");

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr (GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (page, _("Could not print the report"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));

  /* The reference taken when the operation started. */
  g_object_unref (operation);
}

static GtkPageSetup *
page_setup_for (WardReport *report)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gboolean landscape = ward_report_get_orientation (report) == WARD_REPORT_LANDSCAPE
                       && ward_report_get_paper (report) == WARD_REPORT_PAPER_A4;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

void
ward_print_report (GtkWidget  *page,
                   WardReport *report)
{
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autofree char *job_name = NULL;
  g_autoptr (GError) error = NULL;
  GtkPrintOperation *operation;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (WARD_IS_REPORT (report));

  /* A missing font is said before the print dialog, never printed around. */
  if (!ward_report_check_fonts (report, &error))
    {
      show_error (page, _("Could not print the report"), error);
      return;
    }

  operation = gtk_print_operation_new ();
  setup = page_setup_for (report);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_print_settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  job_name = g_strdup (ward_report_get_title (report) != NULL ? ward_report_get_title (report) : "");
  g_strdelimit (job_name, "\n", ' ');
  gtk_print_operation_set_job_name (operation, job_name);

  g_object_set_data_full (G_OBJECT (operation), "report", g_object_ref (report), g_object_unref);
  g_object_set_data_full (G_OBJECT (operation), "page", g_object_ref (page), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), NULL);

  /* Errors, and the end of the operation, arrive through ::done, which
   * drops this reference. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window_of (page), NULL);
}

/* ---- Export as PDF ---------------------------------------------------------- */

typedef struct
{
  GtkWidget        *page;
  WardReport       *report;
  char             *path;
  WardReportAction  action;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->page);
  g_clear_object (&job->report);
  g_free (job->path);
  g_free (job);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  /* The file chooser asked the clerk before replacing a file. */
  if (job->action == WARD_REPORT_ACTION_XLSX
      ? ward_report_write_xlsx (job->report, job->path, WARD_OUTPUT_REPLACE, &error)
      : ward_report_write_pdf (job->report, job->path, WARD_OUTPUT_REPLACE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_pdf_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (job->page, _("Could not export the report"), error);
      return;
    }
  {
    g_autofree char *name = g_filename_display_basename (job->path);
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

    show_toast (job->page, message);
  }
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ExportJob       *job)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GTask) task = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      export_job_free (job);
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  job->path = file != NULL ? g_file_get_path (file) : NULL;
  g_object_unref (chooser);
  if (job->path == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                      _("Choose a folder on this computer."));

      show_error (job->page, _("Could not export the report"), error);
      export_job_free (job);
      return;
    }

  task = g_task_new (NULL, NULL, on_pdf_written_cb, NULL);
  g_task_set_source_tag (task, ward_export_report);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

void
ward_export_report (GtkWidget        *page,
                    WardReport       *report,
                    const char       *basename,
                    WardReportAction  action)
{
  gboolean xlsx = action == WARD_REPORT_ACTION_XLSX;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *name = g_strconcat (basename != NULL ? basename : "bao-cao",
                                       xlsx ? ".xlsx" : ".pdf", NULL);
  g_autoptr (GError) error = NULL;
  GtkFileChooserNative *chooser;
  ExportJob *job;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (WARD_IS_REPORT (report));

  if (!xlsx && !ward_report_check_fonts (report, &error))
    {
      show_error (page, _("Could not export the report"), error);
      return;
    }

  chooser = gtk_file_chooser_native_new (xlsx ? _("Export as Excel") : _("Export as PDF"),
                                         window_of (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, xlsx ? _("Excel workbooks") : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, xlsx ? "application/vnd.openxmlformats-officedocument"
                                                ".spreadsheetml.sheet" : "application/pdf");
  gtk_file_filter_add_suffix (filter, xlsx ? "xlsx" : "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (documents != NULL)
    {
      g_autoptr (GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (page);
  job->report = g_object_ref (report);
  job->action = action;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- A report from a page --------------------------------------------------- */

static const char *
failure_heading (WardReportAction action)
{
  return action == WARD_REPORT_ACTION_PRINT ? _("Could not print the report")
                                            : _("Could not export the report");
}

static void
run_report (GtkWidget               *page,
            WardStore               *store,
            WardReportKind           kind,
            const WardReportOptions *options,
            WardReportAction         action)
{
  g_autoptr (WardReportSettings) settings = NULL;
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  settings = ward_print_load_settings (store, &error);
  if (settings != NULL)
    report = ward_reports_build (store, kind, settings, options, &error);
  if (report == NULL)
    {
      show_error (page, failure_heading (action), error);
      return;
    }
  if (action == WARD_REPORT_ACTION_PRINT)
    {
      ward_print_report (page, report);
      return;
    }
  name = ward_reports_suggest_basename (kind, options);
  ward_export_report (page, report, name, action);
}

void
ward_print_page_report (GtkWidget        *page,
                        WardStore        *store,
                        const char       *report_name,
                        WardReportAction  action)
{
  WardReportKind kind;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (WARD_IS_STORE (store));

  if (!ward_report_kind_from_name (report_name, &kind) || kind == WARD_REPORT_KIND_RECEIPT)
    {
      g_critical ("No report called “%s” prints from a page", report_name);
      return;
    }
  ward_report_dialog_present (page, store, kind, g_object_get_data (G_OBJECT (page), CAMPAIGN_KEY),
                              action, run_report);
}

void
ward_print_receipt (GtkWidget  *page,
                    WardStore  *store,
                    const char *campaign,
                    const char *receipt_number,
                    gboolean    to_pdf)
{
  WardReportOptions options = { .campaign = campaign, .receipt_number = receipt_number };

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (WARD_IS_STORE (store));

  run_report (page, store, WARD_REPORT_KIND_RECEIPT, &options,
              to_pdf ? WARD_REPORT_ACTION_PDF : WARD_REPORT_ACTION_PRINT);
}

void
ward_print_set_campaign (GtkWidget  *page,
                         const char *campaign)
{
  g_return_if_fail (GTK_IS_WIDGET (page));

  g_object_set_data_full (G_OBJECT (page), CAMPAIGN_KEY, g_strdup (campaign), g_free);
}

/* ---- The page actions ------------------------------------------------------- */

static const char *
report_name_of (GtkWidget *widget)
{
  for (GType type = G_OBJECT_TYPE (widget); type != 0; type = g_type_parent (type))
    {
      const char *name = g_type_get_qdata (type, report_name_quark ());

      if (name != NULL)
        return name;
    }
  return NULL;
}

static void
page_report_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WardStore *store = WARD_IS_PAGE (widget) ? ward_page_get_store (WARD_PAGE (widget)) : NULL;

  if (store == NULL)
    return;
  ward_print_page_report (widget, store, report_name_of (widget),
                          g_str_equal (action_name, "page.export-pdf") ? WARD_REPORT_ACTION_PDF
                          : g_str_equal (action_name, "page.export-xlsx") ? WARD_REPORT_ACTION_XLSX
                          : WARD_REPORT_ACTION_PRINT);
}

void
ward_print_install_actions (GtkWidgetClass *widget_class,
                            const char     *report_name)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (ward_report_kind_from_name (report_name, NULL));

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), report_name_quark (), (gpointer) report_name);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, page_report_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, page_report_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export-xlsx", NULL, page_report_action_cb);
}
