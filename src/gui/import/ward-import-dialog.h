/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "import/ward-import.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_IMPORT_DIALOG (ward_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardImportDialog, ward_import_dialog, WARD, IMPORT_DIALOG, AdwWindow)

/* Import Spreadsheet…: asks for a CSV file, shows its first rows mapped to
 * the register's fields and every problem found by a dry run, then imports
 * it on "Import N rows" in a worker thread with a progress bar; Cancel leaves
 * nothing behind. A page's "page.import" action calls this with its kind. */
void ward_import_dialog_present (GtkWidget            *parent,
                                 WardStore            *store,
                                 const WardImportKind *kind,
                                 const char           *campaign);

/* Export Spreadsheet…: asks where to save and writes the CSV (UTF-8 with
 * BOM) for Excel; a toast on @parent's window says where it went. */
void ward_export_dialog_present (GtkWidget            *parent,
                                 WardStore            *store,
                                 const WardImportKind *kind,
                                 const char           *suggested_name,
                                 const char           *campaign);

G_END_DECLS
