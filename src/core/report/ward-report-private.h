/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "report/ward-report.h"

G_BEGIN_DECLS

/* The family every report is set in, and the Debian package that installs
 * it (ward-report-fonts.c). Nothing is left to the machine's "serif" or
 * "monospace". */
#define WARD_REPORT_SERIF_FAMILY  "Liberation Serif"
#define WARD_REPORT_FONT_PACKAGE  "fonts-liberation2"
#define WARD_REPORT_MM          (72.0 / 25.4)

/* The margins of an official document. Nghị định 30/2020/NĐ-CP, Phụ lục I,
 * Phần I, Mục I.3: "cách mép trên và mép dưới 20 - 25 mm, cách mép trái
 * 30 - 35 mm, cách mép phải 15 - 20 mm". Hướng dẫn 36-HD/VPTW's own
 * figures could not be read in the guide (secondary copies give 20/20/30/15
 * and, for the older 11-HD/VPTW, 25/25/35/15): these satisfy Nghị định 30
 * and the older Party rule, and the left one leaves room to bind. */
#define MARGIN_TOP_MM     25.0
#define MARGIN_BOTTOM_MM  25.0
#define MARGIN_LEFT_MM    35.0
#define MARGIN_RIGHT_MM   15.0
#define A4_SHORT       (210 * WARD_REPORT_MM)
#define A4_LONG        (297 * WARD_REPORT_MM)

typedef enum
{
  BLOCK_HEADER,
  BLOCK_TITLE,
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_KEY_VALUE,
  BLOCK_TABLE,
  BLOCK_SIGNATURE,
  BLOCK_CLOSING,
  BLOCK_COLUMNS,
  BLOCK_PAGE_BREAK,
} BlockKind;

/* The sizes (points) and styles the guides fix for each part of a
 * document, one set per kind of heading: Hướng dẫn 36-HD/VPTW for Party
 * documents, Nghị định 30/2020/NĐ-CP for the state's and the Fatherland
 * Front's, and a smaller set for forms (receipts) that neither governs.
 * The values and the rule each one follows are in ward-report-blocks.c. */
typedef struct
{
  double heading;           /* "ĐẢNG CỘNG SẢN VIỆT NAM"; the Quốc hiệu */
  double motto;             /* the Tiêu ngữ */
  double parent_body;       /* tên cơ quan cấp trên */
  double issuing_body;      /* tên cơ quan ban hành */
  double number;            /* số và ký hiệu */
  double place_date;        /* địa danh, ngày tháng năm */
  double type_name;         /* tên loại văn bản */
  double abstract;          /* trích yếu */
  double body;              /* nội dung */
  double signature;         /* quyền hạn, chức vụ, họ tên người ký */
  double recipients;        /* the lines under "Nơi nhận:" */
  double page_number;
  const char *recipients_label;  /* "Nơi nhận:" as markup, in its style */
  double recipients_label_size;
  const char *abstract_rule;     /* text under the trích yếu, or NULL for a drawn rule */
} DocumentStyle;

typedef struct
{
  BlockKind        kind;
  WardReport      *owner;   /* the document it belongs to: its style, its heading */
  char            *text;    /* markup for paragraphs, plain text otherwise */
  char            *value;
  char           **columns; /* BLOCK_COLUMNS: markup of each column */
  gboolean         signs;   /* a signature: the end of the block before goes with it */
  WardReportTable *table;
  char            *section; /* tables: the heading above it, for the spreadsheet */
  double           height;  /* measured, for the blocks that never split */
  GArray          *lines;   /* paragraphs: the top of each line, then the bottom */
} Block;

typedef struct
{
  Block  *block;
  double  y;
  guint   first;        /* rows of a table, lines of a paragraph */
  guint   last;
  double  slice_start;  /* part of a table row taller than a page */
  double  slice_end;    /* negative: whole rows */
  gboolean with_header; /* tables: the rows start the table on this page */
} Placement;

typedef struct
{
  double left;
  double top;
  double width;
  double bottom;
} Frame;

typedef struct
{
  double top;
  double right;
  double bottom;
  double left;
} Margins;

struct _WardReport
{
  GObject               parent_instance;

  WardReportOrientation orientation;
  WardReportPaper       paper;
  Margins               margins;      /* points */
  WardReportHeaderKind  header_kind;
  char                 *parent_body;
  char                 *issuing_body;
  char                 *number;
  char                 *place_date;
  char                 *heading;
  char                 *motto;
  char                 *title;
  char                 *abstract;
  char                 *subtitle;
  WardReportStyle       subtitle_style;
  char                 *recipients;   /* one a line */
  char                 *signature_lines;
  char                 *signatory;
  char                 *document_date; /* ISO; the PDF's creation date */

  GPtrArray            *blocks;       /* Block *, those the caller added */
  Block                 header_block;
  Block                 title_block;
  Block                 signature_block;
  Block                 closing_block;
  Block                 break_block;  /* before this document when appended */
  Block                 form_block;   /* BLOCK_COLUMNS: a form's heading, when set */
  GPtrArray            *documents;    /* WardReport *, appended, each from a new page */

  double                page_width;
  double                page_height;
  PangoContext         *draw_context;  /* kept from page to page, see draw_context_for() */
  cairo_matrix_t        draw_matrix;
  GArray               *placements;   /* Placement */
  GArray               *page_starts;  /* guint: first placement of each page, then the end */
  GArray               *page_numbers; /* int: each page's number in its document */
};

static inline void
ward_report_get_frame (WardReport *self,
                       Frame      *frame)
{
  frame->left = self->margins.left;
  frame->top = self->margins.top;
  frame->width = self->page_width - self->margins.left - self->margins.right;
  frame->bottom = self->page_height - self->margins.bottom;
}

/* The sizes of @owner's kind of document (ward-report-blocks.c). */
const DocumentStyle *ward_report_style (WardReport *owner);
/* Every block of the document and of those appended to it, in order, page
 * breaks between documents (ward-report.c); the pointers are borrowed. */
GPtrArray    *ward_report_collect_blocks     (WardReport   *self);

static inline double
ward_report_block_line_top (Block *block,
                            guint  line)
{
  return g_array_index (block->lines, double, line);
}

/* ward-report-blocks.c: how each kind of block is laid out. The blocks that
 * never split are measured and drawn by the same function, which draws only
 * when given a cairo context, and returns the height. */
double        ward_report_render_block       (WardReport   *self,
                                              Block        *block,
                                              PangoContext *context,
                                              cairo_t      *cr,
                                              double        x,
                                              double        y,
                                              double        width);
/* Paragraphs and the closing paragraph, which split between lines. */
PangoLayout  *ward_report_paragraph_layout_new (Block        *block,
                                                PangoContext *context,
                                                double        width);
void          ward_report_draw_page_number   (WardReport   *self,
                                              PangoContext *context,
                                              cairo_t      *cr,
                                              const Frame  *frame,
                                              int           number);

/* ward-report-flow.c: measures every block and places it on pages. */
void          ward_report_flow               (WardReport   *self,
                                              PangoContext *context);

/* ward-report-fonts.c: the font map reports are laid out with (one per
 * thread), holding the project's fonts and nothing else; whether they are
 * installed; and whether they have every character of a text. */
PangoFontMap         *ward_report_font_map         (void);
gboolean              ward_report_fonts_available  (GError **error);

typedef struct _WardReportCoverage WardReportCoverage;

WardReportCoverage   *ward_report_coverage_new     (void);
void                  ward_report_coverage_free    (WardReportCoverage  *self);
/* FALSE, naming the character and the text, when the serif lacks one of
 * the characters of @text (Pango markup when @is_markup). */
gboolean              ward_report_coverage_check   (WardReportCoverage  *self,
                                                    const char          *text,
                                                    gboolean             is_markup,
                                                    GError             **error);

/* A context that measures in points (72 dpi) with linear metrics, so that a
 * layout measured on one surface has the same size when drawn on another. */
PangoContext         *ward_report_create_context (cairo_t         *cr);
PangoFontDescription *ward_report_font_new       (double           size,
                                                  WardReportStyle  style);
/* Draws the lines of @layout whose tops lie in [@from, @to), the line at
 * @from placed at @y: the part of a paragraph or cell on one page. */
void                  ward_report_show_lines     (cairo_t         *cr,
                                                  PangoLayout     *layout,
                                                  double           x,
                                                  double           y,
                                                  double           from,
                                                  double           to);

/* ward-report-advances.c: telling, without shaping, that a text fits on one
 * line, and that line's height. */
typedef struct _WardReportAdvances WardReportAdvances;

WardReportAdvances   *ward_report_advances_new   (PangoContext               *context,
                                                  const PangoFontDescription *font);
void                  ward_report_advances_free  (WardReportAdvances         *self);
/* The height of @text on one line @width points wide, or -1 when it may not
 * fit or cannot be measured this way. */
double                ward_report_advances_one_line_height (WardReportAdvances *self,
                                                            const char         *text,
                                                            double              width);

/* ward-report-glyphs.c: one-line texts shaped once and drawn in one
 * cairo_show_glyphs() per font. */
typedef struct _WardReportGlyphRun WardReportGlyphRun;
typedef struct _WardReportGlyphs   WardReportGlyphs;

/* The glyphs @layout (one line, its text, width and alignment set) draws,
 * placed from its origin; NULL when only Pango can draw it (more lines,
 * attributes, a missing glyph, right-to-left text). */
WardReportGlyphRun   *ward_report_glyph_run_new        (PangoLayout              *layout);
void                  ward_report_glyph_run_free       (WardReportGlyphRun       *run);
/* The layout's height, as pango_layout_get_size() gives it. */
double                ward_report_glyph_run_get_height (const WardReportGlyphRun *run);
/* For tests: the glyphs, placed from the layout's origin. */
const cairo_glyph_t  *ward_report_glyph_run_get_glyphs (const WardReportGlyphRun *run,
                                                        guint                    *n_glyphs);

WardReportGlyphs     *ward_report_glyphs_new   (void);
void                  ward_report_glyphs_free  (WardReportGlyphs         *self);
/* Queues @run with the layout's origin at @x, @y (the current user space). */
void                  ward_report_glyphs_add   (WardReportGlyphs         *self,
                                                const WardReportGlyphRun *run,
                                                double                    x,
                                                double                    y);
/* Draws what was queued, one cairo_show_glyphs() per font, and empties it. */
void                  ward_report_glyphs_flush (WardReportGlyphs         *self,
                                                cairo_t                  *cr);

/* Numbers set from the advances of their characters, without shaping,
 * for a font that neither kerns nor joins digits and . , - / : (tested
 * pair by pair when made); NULL for a font that does. */
typedef struct _WardReportNumerals WardReportNumerals;

WardReportNumerals       *ward_report_numerals_new   (PangoContext               *context,
                                                      const PangoFontDescription *font);
void                      ward_report_numerals_free  (WardReportNumerals         *self);
/* The glyphs Pango would draw for @text in @layout (its font that of
 * @self, its width and alignment those of the cell), or NULL when @text
 * is not made of those characters only or would not fit on one line. The
 * run is valid until the next call. */
const WardReportGlyphRun *ward_report_numerals_place (WardReportNumerals         *self,
                                                      const char                 *text,
                                                      PangoLayout                *layout);

/* ward-report-table.c */
WardReportTable      *ward_report_table_new      (guint            n_columns);
/* For the spreadsheet: the columns, their types and the rows as drawn. */
guint                 ward_report_table_get_n_columns  (WardReportTable *self);
const char           *ward_report_table_get_header     (WardReportTable *self,
                                                        guint            column);
double                ward_report_table_get_weight     (WardReportTable *self,
                                                        guint            column);
WardReportCellType    ward_report_table_get_column_type (WardReportTable *self,
                                                         guint            column);
WardReportAlign       ward_report_table_get_align      (WardReportTable *self,
                                                        guint            column);
/* 0 normal, 1 total, 2 group (one cell). */
guint                 ward_report_table_get_row_kind   (WardReportTable *self,
                                                        guint            row);
const char           *ward_report_table_get_cell       (WardReportTable *self,
                                                        guint            row,
                                                        guint            column);
void                  ward_report_table_free     (WardReportTable *self);

/* Measures every row once for a table @width points wide. */
void                  ward_report_table_measure  (WardReportTable *self,
                                                  PangoContext    *context,
                                                  double           width);
/* For tests: a row's height found by laying out every cell, which measuring
 * skips for the cells that surely fit on one line. */
double                ward_report_table_measure_row_exactly (WardReportTable *self,
                                                             PangoContext    *context,
                                                             guint            row);
double                ward_report_table_get_header_height (WardReportTable *self);
double                ward_report_table_get_row_height    (WardReportTable *self,
                                                           guint            row);
gboolean              ward_report_table_row_is_group      (WardReportTable *self,
                                                           guint            row);
/* Where to end the part of a row taller than a page that starts at @from
 * (in the row's text, from its top) with @room points: never inside a line,
 * so @from itself when not one line fits. */
double                ward_report_table_break_row         (WardReportTable *self,
                                                           PangoContext    *context,
                                                           guint            row,
                                                           double           from,
                                                           double           room);
/* The text height of a row cut by ward_report_table_break_row(). */
double                ward_report_table_get_row_text_height (WardReportTable *self,
                                                             guint            row);
double                ward_report_table_get_padding       (WardReportTable *self);
/* FALSE at the first header or cell the fonts cannot print. */
gboolean              ward_report_table_check_coverage    (WardReportTable    *self,
                                                           WardReportCoverage *coverage,
                                                           GError            **error);

/* Draws the header row at @y if @with_header, then rows [@first, @last);
 * when @slice_end is not negative, the single row @first is drawn from
 * @slice_start to @slice_end of its text. Returns the bottom. */
double                ward_report_table_draw     (WardReportTable *self,
                                                  cairo_t         *cr,
                                                  PangoContext    *context,
                                                  double           x,
                                                  double           y,
                                                  gboolean         with_header,
                                                  guint            first,
                                                  guint            last,
                                                  double           slice_start,
                                                  double           slice_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReportTable, ward_report_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReportGlyphRun, ward_report_glyph_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardReportCoverage, ward_report_coverage_free)

G_END_DECLS
