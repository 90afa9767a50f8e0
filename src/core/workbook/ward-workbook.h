/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "base/ward-output.h"

G_BEGIN_DECLS

/* Excel workbooks out (.xlsx, Office Open XML), written by libxlsxwriter:
 * the tables of the reports and the registers' exports, as a province's
 * office opens them in Excel or LibreOffice.
 *
 * Cells are real: numbers are numbers and dates are Excel dates, so that a
 * reader can sum and sort them. Their formats are Excel's format codes
 * tagged with the Vietnamese locale ("[$-42A]#,##0", "[$-42A]dd/mm/yyyy"):
 * LibreOffice then shows 1.250.000, 16,5 and 05/02/2026 whatever its own
 * language, as Vietnamese offices write them; Excel, which takes the
 * separators from the computer's settings, shows them with Windows' own
 * (a Vietnamese Windows: the same). Dates read day, month, year everywhere.
 *
 * Printed from Excel or LibreOffice, a sheet goes on A4, as wide as the
 * paper (landscape when it has many columns), the header row on every page.
 *
 * The workbook is written to a temporary file beside its path, renamed
 * into place by ward_workbook_close() when complete: a full disk never
 * leaves half a workbook where the old one was. Rows are written in order,
 * top to bottom, one sheet after another (libxlsxwriter's constant memory
 * mode: a list of 100,000 rows takes no more memory than one of ten). */

typedef struct _WardWorkbook WardWorkbook;
typedef struct _WardSheet    WardSheet;

/* The look of a cell. The table styles have thin borders. */
typedef enum
{
  WARD_CELL_PLAIN,      /* a table cell: text wraps when long */
  WARD_CELL_BOLD,       /* a total, a group's heading */
  WARD_CELL_HEADER,     /* a column's header: bold, centred, wrapped */
  WARD_CELL_TITLE,      /* a heading line: bold, centred across the table */
  WARD_CELL_SUBTITLE,   /* italic, centred across the table */
  WARD_CELL_LEFT,       /* a line of the document, left, no border */
  WARD_CELL_LEFT_BOLD,  /* the same in bold: a section's heading */
  WARD_CELL_CENTER,     /* a table cell centred: a receipt's number, "Tiền mặt" */
  WARD_CELL_CENTER_BOLD,
} WardCellStyle;

typedef enum
{
  WARD_NUMBER_INTEGER,  /* #,##0 */
  WARD_NUMBER_DECIMAL,  /* #,##0.0## */
} WardNumberFormat;

/* A new workbook for @path, its title and date (ISO, may be NULL: the
 * time of writing, or SOURCE_DATE_EPOCH) in its properties. Written
 * through ward_output_open() (never over the open database; over an
 * existing file only with WARD_OUTPUT_REPLACE; no symlink followed;
 * 0600). NULL with @error when @path is refused or no file can be made
 * beside it. */
WardWorkbook *ward_workbook_new        (const char       *path,
                                        WardOutputFlags   flags,
                                        const char       *title,
                                        const char       *date_iso,
                                        GError          **error);
/* Adds a sheet named @name, made valid for Excel (at most 31 characters,
 * none of []:*?/\) and unique in the workbook; owned by the workbook. */
WardSheet    *ward_workbook_add_sheet  (WardWorkbook     *self,
                                        const char       *name);
/* Writes the workbook, puts it in place and frees @self. */
gboolean      ward_workbook_close      (WardWorkbook     *self,
                                        GError          **error);
/* Frees an unclosed workbook, removing its temporary file. */
void          ward_workbook_free       (WardWorkbook     *self);

/* Cells of row @row, column @column (from 0), left to right, rows top to
 * bottom. NULL or "" writes an empty cell in that style. */
void          ward_sheet_set_text      (WardSheet        *sheet,
                                        guint             row,
                                        guint             column,
                                        const char       *text,
                                        WardCellStyle     style);
void          ward_sheet_set_number    (WardSheet        *sheet,
                                        guint             row,
                                        guint             column,
                                        double            value,
                                        WardNumberFormat  format,
                                        gboolean          bold);
/* An Excel date from ISO yyyy-mm-dd; FALSE (nothing written) when @iso is
 * not a date. */
gboolean      ward_sheet_set_date      (WardSheet        *sheet,
                                        guint             row,
                                        guint             column,
                                        const char       *iso,
                                        gboolean          bold);
/* @text centred (or, LEFT styles, left) across columns @first to @last:
 * the heading rows above a table. */
void          ward_sheet_set_across    (WardSheet        *sheet,
                                        guint             row,
                                        guint             first,
                                        guint             last,
                                        const char       *text,
                                        WardCellStyle     style);
/* The rows above @n_rows stay in view when the rest scrolls: the heading
 * rows and the header row. */
void          ward_sheet_freeze_rows   (WardSheet        *sheet,
                                        guint             n_rows);
/* What the sheet holds, for the tests. */
guint         ward_sheet_get_n_rows    (WardSheet        *sheet);
double        ward_sheet_get_width     (WardSheet        *sheet,
                                        guint             column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardWorkbook, ward_workbook_free)

G_END_DECLS
