/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "base/ward-output.h"

G_BEGIN_DECLS

/* The layout engine of every printed report: a document built by code
 * (heading blocks, title, paragraphs, tables, "Nơi nhận" and signature),
 * paginated once and drawn page by page onto any cairo context: a PDF
 * surface, or the cairo context of a GtkPrintContext.
 *
 * Everything is in points on A4 paper (595.28 × 841.89 pt, or the other way
 * round in landscape), margins 25 mm top and bottom, 35 mm left, 15 mm right
 * unless set. A document may also be laid out on A5 pages printed two to an
 * A4 sheet (a receipt book for a printer without A5 paper). When printing
 * with GtkPrintOperation, set its unit to GTK_UNIT_POINTS and use_full_page
 * to TRUE so that the context's origin is the paper's corner, paginate in
 * begin-print with the context's cairo context, give the operation
 * ward_report_get_n_sheets() pages and call ward_report_draw_sheet() from
 * draw-page.
 *
 * Several documents can follow one another in one report, each from a new
 * page with its own heading, title and signature (ward_report_append()): a
 * disclosure list per residential group, a receipt book.
 *
 * Every string is given by the caller (the names of bodies and signatories
 * come from the ward's settings); the engine only lays them out. */

#define WARD_TYPE_REPORT (ward_report_get_type ())

G_DECLARE_FINAL_TYPE (WardReport, ward_report, WARD, REPORT, GObject)

typedef enum
{
  WARD_REPORT_PORTRAIT,
  WARD_REPORT_LANDSCAPE,
} WardReportOrientation;

typedef enum
{
  WARD_REPORT_HEADER_NONE,
  WARD_REPORT_HEADER_PARTY,   /* Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" */
  WARD_REPORT_HEADER_STATE,   /* national heading, also used by the Fatherland Front */
} WardReportHeaderKind;

/* The paper the pages are laid out on. */
typedef enum
{
  WARD_REPORT_PAPER_A4,
  WARD_REPORT_PAPER_A5_ON_A4,  /* A5 landscape pages, two to an A4 portrait sheet */
} WardReportPaper;

typedef enum
{
  WARD_REPORT_ALIGN_LEFT,
  WARD_REPORT_ALIGN_CENTER,
  WARD_REPORT_ALIGN_RIGHT,
} WardReportAlign;

typedef enum
{
  WARD_REPORT_STYLE_NORMAL = 0,
  WARD_REPORT_STYLE_BOLD   = 1 << 0,
  WARD_REPORT_STYLE_ITALIC = 1 << 1,
} WardReportStyle;

/* What a table column holds, for a spreadsheet of the report: the cells
 * are text as printed ("1.250.000", "05/02/2026", "16,5"), read back with
 * the same parsers a spreadsheet import uses (ward-format.h) into numbers
 * and dates; a cell that does not read ("8,2 (ước)") stays text. */
typedef enum
{
  WARD_REPORT_CELL_TEXT,
  WARD_REPORT_CELL_INTEGER,  /* "1.250.000": a whole number, #,##0 */
  WARD_REPORT_CELL_DECIMAL,  /* "16,5": #,##0.0## */
  WARD_REPORT_CELL_DATE,     /* "05/02/2026": an Excel date, dd/mm/yyyy */
} WardReportCellType;

/* A table inside a report; owned by the report, valid as long as it is. */
typedef struct _WardReportTable WardReportTable;

WardReport            *ward_report_new                  (void);

void                   ward_report_set_orientation      (WardReport            *self,
                                                         WardReportOrientation  orientation);
WardReportOrientation  ward_report_get_orientation      (WardReport            *self);
/* A4 (or A5 for WARD_REPORT_PAPER_A5_ON_A4) in points, turned for the
 * orientation: the page the document is laid out on. */
void                   ward_report_get_page_size        (WardReport            *self,
                                                         double                *width_pt,
                                                         double                *height_pt);
void                   ward_report_set_paper            (WardReport            *self,
                                                         WardReportPaper        paper);
WardReportPaper        ward_report_get_paper            (WardReport            *self);
/* The sheet a page is printed on: the page itself, or for A5 pages the A4
 * portrait sheet that holds two of them. */
void                   ward_report_get_sheet_size       (WardReport            *self,
                                                         double                *width_pt,
                                                         double                *height_pt);
/* The margins in millimetres, for a form that is not an official document
 * (a receipt on A5); the defaults are the guides' (ward-report-private.h). */
void                   ward_report_set_margins          (WardReport            *self,
                                                         double                 top_mm,
                                                         double                 right_mm,
                                                         double                 bottom_mm,
                                                         double                 left_mm);

/* The heading blocks of the first page. Left: @parent_body (may be NULL)
 * over @issuing_body in bold, then "*" (party) or a short rule (state), then
 * @number ("Số 12-BC/ĐU", may be NULL). Right: the heading of @kind, then
 * @place_date in italics (see ward_report_format_place_date()). */
void                   ward_report_set_header           (WardReport            *self,
                                                         WardReportHeaderKind   kind,
                                                         const char            *parent_body,
                                                         const char            *issuing_body,
                                                         const char            *number,
                                                         const char            *place_date);
/* For a form (no official heading): @markups side by side at the top of
 * the first page, above the title, as ward_report_add_columns() lays them
 * out ("ỦY BAN MTTQ VIỆT NAM" on the left, "Liên 1" and the numbers on the
 * right). */
void                   ward_report_set_form_heading     (WardReport            *self,
                                                         const char * const    *markups);
/* Replaces the top-right heading that @kind implies ("ĐẢNG CỘNG SẢN VIỆT NAM";
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" over "Độc lập - Tự do - Hạnh phúc").
 * The last line given is underlined; @motto may be NULL. */
void                   ward_report_set_national_heading (WardReport            *self,
                                                         const char            *heading,
                                                         const char            *motto);

/* The name of the document's type (tên loại: "Báo cáo", "Danh sách"), in
 * bold capitals, centred; "\n" breaks lines. The text is upper-cased. */
void                   ward_report_set_title            (WardReport            *self,
                                                         const char            *title);
const char            *ward_report_get_title            (WardReport            *self);
/* The trích yếu under the type's name: what the document is about, in
 * bold lower case as written ("kết quả công tác phát triển đảng viên"),
 * centred, with a short rule under it. */
void                   ward_report_set_abstract         (WardReport            *self,
                                                         const char            *abstract);
/* Pango markup, centred, under the title. */
void                   ward_report_set_subtitle         (WardReport            *self,
                                                         const char            *markup,
                                                         WardReportStyle        style);

/* Body text, justified with a first-line indent; Pango markup. */
void                   ward_report_add_paragraph        (WardReport            *self,
                                                         const char            *markup);
/* A bold line kept on the page of what follows it; plain text. */
void                   ward_report_add_heading          (WardReport            *self,
                                                         const char            *text);
/* "Tổng số tiền đã nhận ........ 1.250.000 đ": @key on the left, @value
 * in bold on the right, dot leaders between; plain text. */
void                   ward_report_add_key_value        (WardReport            *self,
                                                         const char            *key,
                                                         const char            *value);
/* Blocks of text side by side, each centred in an equal share of the
 * width (Pango markup, "\n" between lines; empty lines leave room): the
 * signatures of a receipt, the heading of a form. Never split. When
 * @signs, it is a signature: it never stands alone on a page, the end of
 * what comes before it goes with it. */
void                   ward_report_add_columns          (WardReport            *self,
                                                         const char * const    *markups,
                                                         gboolean               signs);
/* The next block starts a new page. */
void                   ward_report_add_page_break       (WardReport            *self);
/* @document (its heading, title, blocks and signature) follows this one
 * from a new page; laid out with this report's paper and margins. The
 * report keeps a reference. */
void                   ward_report_append               (WardReport            *self,
                                                         WardReport            *document);
/* A table of @n_columns columns, each given by ward_report_table_set_column().
 * Fill it before paginating: rows added later need a new pagination. */
WardReportTable       *ward_report_add_table            (WardReport            *self,
                                                         guint                  n_columns);

/* The end of the document. "Nơi nhận:" and @recipients (each a line, as the
 * caller words it: "- Ban Thường vụ Tỉnh ủy,") on the left; on the right
 * @title_lines in bold ("T/M ĐẢNG ỦY", "BÍ THƯ"), room for the signature and
 * the seal, then @name in bold. Either side may be NULL. */
void                   ward_report_set_recipients       (WardReport            *self,
                                                         const char * const    *recipients);
void                   ward_report_set_signature        (WardReport            *self,
                                                         const char * const    *title_lines,
                                                         const char            *name);
/* A last paragraph after the signature (the ledger's chain hash); markup. */
void                   ward_report_set_closing          (WardReport            *self,
                                                         const char            *markup);

/* Column @column: its header (may hold "\n"), its width relative to the
 * others' and the alignment of its cells. */
void                   ward_report_table_set_column     (WardReportTable       *table,
                                                         guint                  column,
                                                         const char            *header,
                                                         double                 relative_width,
                                                         WardReportAlign        align);
/* What column @column holds, for the spreadsheet (TEXT unless set). */
void                   ward_report_table_set_column_type (WardReportTable      *table,
                                                          guint                 column,
                                                          WardReportCellType    type);
/* Point size of the table's text; 12 unless set (11 suits long lists). */
void                   ward_report_table_set_font_size  (WardReportTable       *table,
                                                         double                 points);
/* One row: @cells holds n_columns strings (NULL ones are empty). */
void                   ward_report_table_add_row        (WardReportTable       *table,
                                                         const char * const    *cells);
/* A row in bold: totals. */
void                   ward_report_table_add_total_row  (WardReportTable       *table,
                                                         const char * const    *cells);
/* A bold line across all the columns that heads the rows after it; never
 * left alone at the foot of a page. */
void                   ward_report_table_add_group_row  (WardReportTable       *table,
                                                         const char            *text);
guint                  ward_report_table_get_n_rows     (WardReportTable       *table);

/* Lays the document out on pages of @width_pt × @height_pt, measuring text
 * with @measure_cr's font settings (NULL: a context of the report's own
 * font map). Returns the number of pages, at least 1. */
int                    ward_report_paginate             (WardReport            *self,
                                                         cairo_t               *measure_cr,
                                                         double                 width_pt,
                                                         double                 height_pt);
int                    ward_report_get_n_pages          (WardReport            *self);
/* Draws page @page_nr (from 0) as paginated onto @cr, whose user space is
 * in points with the origin at the page's top-left corner. */
void                   ward_report_draw_page            (WardReport            *self,
                                                         cairo_t               *cr,
                                                         int                    page_nr);
/* The sheets the pages are printed on (the pages themselves on A4; two A5
 * pages to a sheet, a cut line between them), once paginated. */
int                    ward_report_get_n_sheets         (WardReport            *self);
void                   ward_report_draw_sheet           (WardReport            *self,
                                                         cairo_t               *cr,
                                                         int                    sheet_nr);
/* FALSE, writing nothing, when the fonts reports are set in are not
 * installed (the message names the font and its package) or lack a
 * character of the report's text (the message names it and where it is).
 * ward_report_write_pdf() checks this; call it before printing. */
gboolean               ward_report_check_fonts          (WardReport            *self,
                                                         GError               **error);
/* The document's date, ISO "2026-02-05": the PDF's creation date, so the
 * same report of the same file is the same PDF byte for byte. When the
 * environment sets SOURCE_DATE_EPOCH, that wins; with neither, the time of
 * writing. */
void                   ward_report_set_document_date    (WardReport            *self,
                                                         const char            *date_iso);
const char            *ward_report_get_document_date    (WardReport            *self);
/* Paginates and writes the whole report as a PDF through ward_output_open()
 * (never over the open database; over an existing file only with
 * WARD_OUTPUT_REPLACE; 0600); checks the fonts first
 * (ward_report_check_fonts()). */
gboolean               ward_report_write_pdf            (WardReport            *self,
                                                         const char            *path,
                                                         WardOutputFlags        flags,
                                                         GError               **error);

/* Writes the report's tables as an Excel workbook (.xlsx): one sheet per
 * table under the document's heading rows (issuing body, title, the
 * table's section heading), the header row frozen, numbers and dates as
 * real cells in Vietnamese formats (ward-report-xlsx.c), column widths that
 * fit; the key figures ("Tổng số tiền đã nhận ... 1.250.000 đ") on a sheet
 * of their own. Through ward_output_open(), as the PDF. */
gboolean               ward_report_write_xlsx           (WardReport            *self,
                                                         const char            *path,
                                                         WardOutputFlags        flags,
                                                         GError               **error);

/* "Đông Sơn, ngày 05 tháng 02 năm 2026": days below 10 and the months
 * January and February take a leading zero (Hướng dẫn 36-HD/VPTW, Nghị định
 * 30/2020/NĐ-CP), so 3 April 2018 gives "ngày 03 tháng 4 năm 2018". */
char                  *ward_report_format_place_date    (const char            *place,
                                                         const GDate           *date);
/* The same from an ISO date "2026-02-05"; NULL if it is not a valid date. */
char                  *ward_report_format_place_date_iso (const char           *place,
                                                          const char           *iso_date);

G_END_DECLS
