/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reports/ward-reports.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The Print dialog of a report: the period it covers (the year, a half, a
 * quarter, a month, any range, the term: ward-reports-period.h), for the
 * disclosure list its layout, who signs it and how, its number and its
 * date. What the clerk chose is remembered per kind of report
 * (ward_report_kind_settings_new()), as the CLI's `report` remembers it. */

typedef enum
{
  WARD_REPORT_ACTION_PRINT,
  WARD_REPORT_ACTION_PDF,
  WARD_REPORT_ACTION_XLSX,
} WardReportAction;

/* Called with the report the clerk asked for, once the dialog is closed. */
typedef void (*WardReportChosen) (GtkWidget               *page,
                                  WardStore               *store,
                                  WardReportKind           kind,
                                  const WardReportOptions *options,
                                  WardReportAction         action);

#define WARD_TYPE_REPORT_DIALOG (ward_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WardReportDialog, ward_report_dialog, WARD, REPORT_DIALOG, AdwWindow)

/* Asks about the report of @kind that @page prints (@campaign: the
 * disclosure list's campaign, may be NULL), then calls @chosen. */
void ward_report_dialog_present (GtkWidget        *page,
                                 WardStore        *store,
                                 WardReportKind    kind,
                                 const char       *campaign,
                                 WardReportAction  action,
                                 WardReportChosen  chosen);

G_END_DECLS
