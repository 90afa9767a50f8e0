/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reports/ward-reports.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* Printing and PDF export of the reports, shared by every page. The
 * reports are laid out by core (ward-reports.h); this is the glue to
 * GtkPrintOperation and the file chooser. Messages (saved, failed) go to
 * @page: a toast or an error dialog over its window. */

/* Prints @report through GtkPrintOperation: its dialog, with Preview, on
 * A4 in the report's orientation, the settings of the last print kept. */
void                ward_print_report            (GtkWidget          *page,
                                                  WardReport         *report);
/* Asks where to save @report (GtkFileChooserNative, @suggested_name in the
 * Documents folder) and writes the PDF off the main thread. */
void                ward_export_report_pdf       (GtkWidget          *page,
                                                  WardReport         *report,
                                                  const char         *suggested_name);

/* Builds the report @report_name ("targets", "programme", "members",
 * "enterprises", "donations") from @store with the ward's settings, then
 * prints it (@to_pdf FALSE) or exports it as PDF. "targets" first asks for
 * the period, the current year chosen; "donations" is of the campaign set
 * with ward_print_set_campaign(), else of the default campaign. */
void                ward_print_page_report       (GtkWidget          *page,
                                                  WardStore          *store,
                                                  const char         *report_name,
                                                  gboolean            to_pdf);
/* Prints or exports the receipt (biên lai) @receipt_number of @campaign
 * (NULL: the default campaign). */
void                ward_print_receipt           (GtkWidget          *page,
                                                  WardStore          *store,
                                                  const char         *campaign,
                                                  const char         *receipt_number,
                                                  gboolean            to_pdf);
/* The campaign whose disclosure list @page prints (the one it shows). */
void                ward_print_set_campaign      (GtkWidget          *page,
                                                  const char         *campaign);

/* Installs "page.print" and "page.export-pdf" on the class of a WardPage,
 * both building the report @report_name (a static string) from the page's
 * store with ward_print_page_report(). One line in a page's class_init. */
void                ward_print_install_actions   (GtkWidgetClass     *widget_class,
                                                  const char         *report_name);

/* The ward's settings for reports: the application's GSettings, then the
 * ward table for what the user left unset. */
WardReportSettings *ward_print_load_settings     (WardStore          *store,
                                                  GError            **error);

G_END_DECLS
