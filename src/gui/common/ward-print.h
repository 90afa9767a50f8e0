/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "common/ward-report-dialog.h"
#include "reports/ward-reports.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* Printing, PDF and Excel export of the reports, shared by every page. The
 * reports are laid out by core (ward-reports.h); this is the glue to
 * GtkPrintOperation and the file chooser. Messages (saved, failed) go to
 * @page: a toast or an error dialog over its window. */

/* Prints @report through GtkPrintOperation: its dialog, with Preview, on
 * A4 in the report's orientation (a receipt book's A5 pages two to an A4
 * sheet), the settings of the last print kept. */
void                ward_print_report            (GtkWidget          *page,
                                                  WardReport         *report);
/* Asks where to save @report (GtkFileChooserNative, @basename with the
 * action's extension in the Documents folder) and writes the PDF, or the
 * Excel workbook of its tables, off the main thread. */
void                ward_export_report           (GtkWidget          *page,
                                                  WardReport         *report,
                                                  const char         *basename,
                                                  WardReportAction    action);

/* Asks about the report @report_name ("targets", "programme", "members",
 * "enterprises", "donations") in the Print dialog (period, signer, number,
 * date: ward-report-dialog.h), builds it from @store with the ward's
 * settings, then prints or exports it. "donations" is of the campaign set
 * with ward_print_set_campaign(), else of the default campaign. */
void                ward_print_page_report       (GtkWidget          *page,
                                                  WardStore          *store,
                                                  const char         *report_name,
                                                  WardReportAction    action);
/* Prints or exports the receipt (biên lai) @receipt_number of @campaign
 * (NULL: the default campaign): its two copies on an A4 sheet. */
void                ward_print_receipt           (GtkWidget          *page,
                                                  WardStore          *store,
                                                  const char         *campaign,
                                                  const char         *receipt_number,
                                                  gboolean            to_pdf);
/* The campaign whose disclosure list @page prints (the one it shows). */
void                ward_print_set_campaign      (GtkWidget          *page,
                                                  const char         *campaign);

/* Installs "page.print", "page.export-pdf" and "page.export-xlsx" on the
 * class of a WardPage,
 * both building the report @report_name (a static string) from the page's
 * store with ward_print_page_report(). One line in a page's class_init. */
void                ward_print_install_actions   (GtkWidgetClass     *widget_class,
                                                  const char         *report_name);

/* The ward's settings for reports: the application's GSettings, then the
 * ward table for what the user left unset. */
WardReportSettings *ward_print_load_settings     (WardStore          *store,
                                                  GError            **error);

G_END_DECLS
