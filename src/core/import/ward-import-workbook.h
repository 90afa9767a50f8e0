/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/ward-import-csv.h"

G_BEGIN_DECLS

/* The office's workbooks read as they are: .xlsx (Excel 2007 and later) and
 * .ods (LibreOffice) through libarchive and libxml2's streaming reader, .xls
 * (Excel 97–2003) through FreeXL. A sheet becomes a WardCsvTable that the
 * import engine maps, previews and imports as it does a CSV file:
 *
 * - the row numbers are those the spreadsheet shows, so title rows above
 *   the header and blank rows keep the numbering the clerk sees;
 * - a date cell (a serial number with a date format, in the 1900 or the
 *   1904 system) reads as dd/mm/yyyy; Excel's day 60, the 29/02/1900 that
 *   never was, stays "60" so that the date parser refuses it by name;
 * - numbers read in the Vietnamese way ("11,8", "12,5%"), formulas as their
 *   cached value, shared and inline strings as their text;
 * - hidden rows and columns are left out and said so in the table's notes.
 *
 * The format is told by the file's first bytes, never by its name. */

typedef enum
{
  WARD_WORKBOOK_NONE,  /* not a workbook: read it as CSV */
  WARD_WORKBOOK_XLSX,
  WARD_WORKBOOK_ODS,
  WARD_WORKBOOK_XLS,
} WardWorkbookFormat;

WardWorkbookFormat ward_workbook_sniff (GBytes *bytes);

/* "Excel workbook (.xlsx)", … translated. */
const char *ward_workbook_format_get_name (WardWorkbookFormat format);

/* Reads @sheet (NULL: the first visible one; the others are named in a
 * note) of the workbook in @bytes. @path is needed for .xls only (FreeXL
 * reads files), NULL otherwise. Errors (WARD_ERROR_INVALID) name the file:
 * a damaged or encrypted workbook, an unknown sheet (the sheets listed), a
 * sheet wider than WARD_CSV_MAX_COLUMNS, an empty sheet. */
WardCsvTable *ward_workbook_read_bytes (GBytes      *bytes,
                                        const char  *display_name,
                                        const char  *path,
                                        const char  *sheet,
                                        GError     **error);

/* Reads any file the import accepts: a workbook's @sheet, or CSV (then
 * @sheet must be NULL). Regular files under WARD_INPUT_TABLE_MAX only. */
WardCsvTable *ward_import_read_file    (const char  *path,
                                        const char  *sheet,
                                        GError     **error);

G_END_DECLS
