/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include "report/ward-report-private.h"

/* Tables hold the long lists (a disclosure list may have 100,000 rows), so
 * the cells live in one string chunk, each row is measured once per
 * pagination, measuring and drawing reuse one PangoLayout per column and
 * one font description per style, and a one-line cell is drawn from glyphs
 * shaped once per text and queued for the page (ward-report-glyphs.c). */

#define CELL_PAD_X    3.0
#define CELL_PAD_Y    2.0
#define RULE_WIDTH    0.5
#define MAX_REMEMBERED 16384  /* texts remembered per column while drawing */

typedef enum
{
  ROW_NORMAL,
  ROW_TOTAL,
  ROW_GROUP,
} RowKind;

typedef struct
{
  guint  first_cell;
  float  height;        /* with the padding; set by measuring */
  guint8 kind;
} Row;

typedef struct
{
  char              *header;
  double             weight;
  WardReportAlign    align;
  WardReportCellType type;
  double           x;   /* from the table's left edge; set by measuring */
  double           width;
} Column;

/* The layouts of one measuring or drawing pass. */
typedef struct
{
  guint         n;
  PangoLayout **plain;
  PangoLayout **bold;
  PangoLayout **head;
  PangoLayout  *group;
  double        line_height;
  WardReportAdvances *regular_advances;  /* when measuring */
  WardReportAdvances *bold_advances;
  WardReportNumerals *regular_numerals;  /* when drawing; NULL if the font kerns numbers */
  WardReportNumerals *bold_numerals;
} CellLayouts;

struct _WardReportTable
{
  guint         n_columns;
  Column       *columns;
  double        font_size;
  GStringChunk *strings;
  GPtrArray    *cells;    /* const char * into strings */
  GArray       *rows;     /* Row */
  double        width;
  double        header_height;

  /* Drawing keeps its layouts from page to page while the context stays,
   * and shapes a text that came up before (amounts, groups, names) only once. */
  PangoContext     *draw_context;
  CellLayouts      *draw;
  GHashTable      **drawn;   /* per column and style: text -> WardReportGlyphRun or &needs_layout */
  WardReportGlyphs *glyphs;  /* the cells of the page being drawn */
};

/* In a column's hash: a text that only a PangoLayout can draw. */
static char needs_layout;

static PangoAlignment
pango_alignment (WardReportAlign align)
{
  switch (align)
    {
    case WARD_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case WARD_REPORT_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case WARD_REPORT_ALIGN_LEFT:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static PangoLayout *
cell_layout_new (PangoContext               *context,
                 const PangoFontDescription *font,
                 double                      width,
                 PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static void
cell_layouts_init (CellLayouts     *cl,
                   WardReportTable *self,
                   PangoContext    *context)
{
  g_autoptr(PangoFontDescription) regular = ward_report_font_new (self->font_size,
                                                                 WARD_REPORT_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) bold = ward_report_font_new (self->font_size,
                                                              WARD_REPORT_STYLE_BOLD);

  cl->n = self->n_columns;
  cl->plain = g_new0 (PangoLayout *, cl->n);
  cl->bold = g_new0 (PangoLayout *, cl->n);
  cl->head = g_new0 (PangoLayout *, cl->n);

  for (guint c = 0; c < cl->n; c++)
    {
      double inner = self->columns[c].width - 2 * CELL_PAD_X;
      PangoAlignment alignment = pango_alignment (self->columns[c].align);

      cl->plain[c] = cell_layout_new (context, regular, inner, alignment);
      cl->bold[c] = cell_layout_new (context, bold, inner, alignment);
      cl->head[c] = cell_layout_new (context, bold, inner, PANGO_ALIGN_CENTER);
    }

  cl->group = cell_layout_new (context, bold, self->width - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);
  pango_layout_set_text (cl->group, "Ag", -1);
  cl->line_height = layout_height (cl->group);
  cl->regular_advances = NULL;
  cl->bold_advances = NULL;
  cl->regular_numerals = NULL;
  cl->bold_numerals = NULL;
}

static void
cell_layouts_init_measuring (CellLayouts     *cl,
                             WardReportTable *self,
                             PangoContext    *context)
{
  g_autoptr(PangoFontDescription) regular = ward_report_font_new (self->font_size,
                                                                 WARD_REPORT_STYLE_NORMAL);
  g_autoptr(PangoFontDescription) bold = ward_report_font_new (self->font_size,
                                                              WARD_REPORT_STYLE_BOLD);

  cell_layouts_init (cl, self, context);
  cl->regular_advances = ward_report_advances_new (context, regular);
  cl->bold_advances = ward_report_advances_new (context, bold);
}

static void
cell_layouts_clear (CellLayouts *cl)
{
  for (guint c = 0; c < cl->n; c++)
    {
      g_object_unref (cl->plain[c]);
      g_object_unref (cl->bold[c]);
      g_object_unref (cl->head[c]);
    }

  g_free (cl->plain);
  g_free (cl->bold);
  g_free (cl->head);
  g_object_unref (cl->group);
  g_clear_pointer (&cl->regular_advances, ward_report_advances_free);
  g_clear_pointer (&cl->bold_advances, ward_report_advances_free);
  g_clear_pointer (&cl->regular_numerals, ward_report_numerals_free);
  g_clear_pointer (&cl->bold_numerals, ward_report_numerals_free);
}

static inline const char *
cell_text (WardReportTable *self,
           const Row       *row,
           guint            column)
{
  return g_ptr_array_index (self->cells, row->first_cell + column);
}

static PangoLayout *
cell_layout_of (CellLayouts *cl,
                const Row   *row,
                guint        column)
{
  if (row->kind == ROW_GROUP)
    return cl->group;
  if (row->kind == ROW_TOTAL)
    return cl->bold[column];
  return cl->plain[column];
}

/* The layout holding a cell's text, or NULL for an empty cell. */
static PangoLayout *
cell_layouts_set (CellLayouts     *cl,
                  WardReportTable *self,
                  const Row       *row,
                  guint            column)
{
  const char *text = cell_text (self, row, column);
  PangoLayout *layout;

  if (text[0] == '\0')
    return NULL;

  layout = cell_layout_of (cl, row, column);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static guint
row_n_cells (WardReportTable *self,
             const Row       *row)
{
  return row->kind == ROW_GROUP ? 1 : self->n_columns;
}

/* Most cells hold one short line: their height is known without shaping.
 * Returns that height, or -1 when the cell must be laid out. */
static double
one_line_height (WardReportTable *self,
                 CellLayouts     *cl,
                 const Row       *row,
                 guint            column)
{
  const char *text = cell_text (self, row, column);
  double width = row->kind == ROW_GROUP ? self->width : self->columns[column].width;

  if (text[0] == '\0')
    return 0;

  return ward_report_advances_one_line_height (row->kind == ROW_NORMAL ? cl->regular_advances
                                                                      : cl->bold_advances,
                                               text, width - 2 * CELL_PAD_X);
}

static double
row_text_height (WardReportTable *self,
                 CellLayouts     *cl,
                 const Row       *row,
                 gboolean         exactly)
{
  double height = cl->line_height;

  for (guint c = 0; c < row_n_cells (self, row); c++)
    {
      double cell_height = exactly ? -1 : one_line_height (self, cl, row, c);

      if (cell_height < 0)
        {
          PangoLayout *layout = cell_layouts_set (cl, self, row, c);

          cell_height = layout != NULL ? layout_height (layout) : 0;
        }

      height = MAX (height, cell_height);
    }

  return height;
}

static void
clear_run (gpointer data)
{
  if (data != &needs_layout)
    ward_report_glyph_run_free (data);
}

static guint
n_draw_slots (WardReportTable *self)
{
  return 2 * self->n_columns + 1;
}

static void
draw_state_clear (WardReportTable *self)
{
  if (self->draw == NULL)
    return;

  for (guint slot = 0; slot < n_draw_slots (self); slot++)
    g_hash_table_unref (self->drawn[slot]);
  g_clear_pointer (&self->drawn, g_free);
  g_clear_pointer (&self->glyphs, ward_report_glyphs_free);
  cell_layouts_clear (self->draw);
  g_clear_pointer (&self->draw, g_free);
  self->draw_context = NULL;
}

static void
draw_state_ensure (WardReportTable *self,
                   PangoContext    *context)
{
  if (self->draw != NULL && self->draw_context == context)
    return;

  draw_state_clear (self);
  self->draw_context = context;
  self->draw = g_new0 (CellLayouts, 1);
  cell_layouts_init (self->draw, self, context);
  {
    g_autoptr(PangoFontDescription) regular = ward_report_font_new (self->font_size,
                                                                   WARD_REPORT_STYLE_NORMAL);
    g_autoptr(PangoFontDescription) bold = ward_report_font_new (self->font_size,
                                                                WARD_REPORT_STYLE_BOLD);

    self->draw->regular_numerals = ward_report_numerals_new (context, regular);
    self->draw->bold_numerals = ward_report_numerals_new (context, bold);
  }
  self->drawn = g_new0 (GHashTable *, n_draw_slots (self));
  for (guint slot = 0; slot < n_draw_slots (self); slot++)
    self->drawn[slot] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, clear_run);
  self->glyphs = ward_report_glyphs_new ();

  for (guint c = 0; c < self->n_columns; c++)
    if (self->columns[c].header != NULL)
      pango_layout_set_text (self->draw->head[c], self->columns[c].header, -1);
}

/* The glyphs of a non-empty cell: a number set from its characters'
 * advances, or the text shaped the first time it comes up in its column and
 * style and kept for the next; NULL when only a layout can draw it (more
 * than one line). */
static const WardReportGlyphRun *
draw_run_for (WardReportTable *self,
              const Row       *row,
              guint            column)
{
  const char *text = cell_text (self, row, column);
  guint slot = row->kind == ROW_GROUP ? 2 * self->n_columns
               : row->kind == ROW_TOTAL ? self->n_columns + column : column;
  WardReportNumerals *numerals = row->kind == ROW_NORMAL ? self->draw->regular_numerals
                                                         : self->draw->bold_numerals;
  GHashTable *drawn = self->drawn[slot];
  gpointer run = g_hash_table_lookup (drawn, text);

  if (run == NULL && numerals != NULL)
    run = (gpointer) ward_report_numerals_place (numerals, text, cell_layout_of (self->draw, row, column));
  if (run == NULL)
    {
      if (g_hash_table_size (drawn) >= MAX_REMEMBERED)
        g_hash_table_remove_all (drawn);
      run = ward_report_glyph_run_new (cell_layouts_set (self->draw, self, row, column));
      if (run == NULL)
        run = &needs_layout;
      g_hash_table_insert (drawn, (gpointer) text, run);
    }

  return run != &needs_layout ? run : NULL;
}

static void
add_row (WardReportTable   *self,
         RowKind            kind,
         const char * const *cells,
         guint              n_cells)
{
  Row row = { self->cells->len, 0, kind };

  for (guint c = 0; c < n_cells; c++)
    {
      const char *text = cells[c];

      if (text == NULL || text[0] == '\0')
        g_ptr_array_add (self->cells, (char *) "");
      else
        g_ptr_array_add (self->cells, g_string_chunk_insert (self->strings, text));
    }

  g_array_append_val (self->rows, row);
}

static void
set_column_geometry (WardReportTable *self,
                     double           width)
{
  double total = 0;
  double x = 0;

  for (guint c = 0; c < self->n_columns; c++)
    total += self->columns[c].weight;

  for (guint c = 0; c < self->n_columns; c++)
    {
      self->columns[c].x = x;
      self->columns[c].width = width * self->columns[c].weight / total;
      x += self->columns[c].width;
    }

  self->width = width;
}

static void
draw_cell (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       height)
{
  double text_height = layout_height (layout);

  cairo_move_to (cr, x + CELL_PAD_X, y + (height - text_height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
add_row_rules (WardReportTable *self,
               cairo_t         *cr,
               double           x,
               double           y,
               double           height,
               gboolean         group)
{
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, self->width, 0);

  if (group)
    return;

  for (guint c = 1; c < self->n_columns; c++)
    {
      cairo_move_to (cr, x + self->columns[c].x, y);
      cairo_rel_line_to (cr, 0, height);
    }
}

static double
draw_header (WardReportTable *self,
             cairo_t         *cr,
             double           x,
             double           y)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *header = self->columns[c].header;

      if (header != NULL && header[0] != '\0')
        draw_cell (cr, self->draw->head[c], x + self->columns[c].x, y, self->header_height);
    }

  return self->header_height;
}

static double
draw_row (WardReportTable *self,
          cairo_t         *cr,
          const Row       *row,
          double           x,
          double           y)
{
  for (guint c = 0; c < row_n_cells (self, row); c++)
    {
      const WardReportGlyphRun *run;
      double cell_x = x + self->columns[c].x;

      if (cell_text (self, row, c)[0] == '\0')
        continue;
      run = draw_run_for (self, row, c);
      if (run != NULL)
        ward_report_glyphs_add (self->glyphs, run, cell_x + CELL_PAD_X,
                                y + (row->height - ward_report_glyph_run_get_height (run)) / 2);
      else
        draw_cell (cr, cell_layouts_set (self->draw, self, row, c), cell_x, y, row->height);
    }

  return row->height;
}

static double
draw_row_slice (WardReportTable *self,
                cairo_t         *cr,
                const Row       *row,
                double           x,
                double           y,
                double           from,
                double           to)
{
  for (guint c = 0; c < row_n_cells (self, row); c++)
    {
      PangoLayout *layout = cell_layouts_set (self->draw, self, row, c);

      if (layout != NULL)
        ward_report_show_lines (cr, layout,
                                x + self->columns[c].x + CELL_PAD_X, y + CELL_PAD_Y,
                                from, to);
    }

  return to - from + 2 * CELL_PAD_Y;
}

static double
break_layout (PangoLayout *layout,
              double       from,
              double       limit)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;

      if (top >= from && top < limit && bottom > limit)
        limit = top;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return limit;
}

WardReportTable *
ward_report_table_new (guint n_columns)
{
  WardReportTable *self = g_new0 (WardReportTable, 1);

  self->n_columns = n_columns;
  self->columns = g_new0 (Column, n_columns);
  self->font_size = 12;
  self->strings = g_string_chunk_new (64 * 1024);
  self->cells = g_ptr_array_new ();
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint c = 0; c < n_columns; c++)
    self->columns[c].weight = 1;

  return self;
}

void
ward_report_table_free (WardReportTable *self)
{
  if (self == NULL)
    return;

  draw_state_clear (self);
  for (guint c = 0; c < self->n_columns; c++)
    g_free (self->columns[c].header);

  g_free (self->columns);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->cells);
  g_array_unref (self->rows);
  g_free (self);
}

void
ward_report_table_measure (WardReportTable *self,
                           PangoContext    *context,
                           double           width)
{
  CellLayouts cl;
  double header = 0;

  draw_state_clear (self);
  set_column_geometry (self, width);
  cell_layouts_init_measuring (&cl, self, context);

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (self->columns[c].header == NULL)
        continue;

      pango_layout_set_text (cl.head[c], self->columns[c].header, -1);
      header = MAX (header, layout_height (cl.head[c]));
    }

  self->header_height = header + 2 * CELL_PAD_Y;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      row->height = (float) (row_text_height (self, &cl, row, FALSE) + 2 * CELL_PAD_Y);
    }

  cell_layouts_clear (&cl);
}

double
ward_report_table_measure_row_exactly (WardReportTable *self,
                                       PangoContext    *context,
                                       guint            row)
{
  CellLayouts cl;
  double height;

  cell_layouts_init_measuring (&cl, self, context);
  height = row_text_height (self, &cl, &g_array_index (self->rows, Row, row), TRUE);
  cell_layouts_clear (&cl);

  return (float) (height + 2 * CELL_PAD_Y);
}

double
ward_report_table_get_header_height (WardReportTable *self)
{
  return self->header_height;
}

double
ward_report_table_get_row_height (WardReportTable *self,
                                  guint            row)
{
  return g_array_index (self->rows, Row, row).height;
}

double
ward_report_table_get_row_text_height (WardReportTable *self,
                                       guint            row)
{
  return g_array_index (self->rows, Row, row).height - 2 * CELL_PAD_Y;
}

double
ward_report_table_get_padding (WardReportTable *self)
{
  return CELL_PAD_Y;
}

gboolean
ward_report_table_check_coverage (WardReportTable    *self,
                                  WardReportCoverage *coverage,
                                  GError            **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (!ward_report_coverage_check (coverage, self->columns[i].header, FALSE, error))
      return FALSE;

  for (guint i = 0; i < self->cells->len; i++)
    if (!ward_report_coverage_check (coverage, g_ptr_array_index (self->cells, i), FALSE, error))
      return FALSE;

  return TRUE;
}

gboolean
ward_report_table_row_is_group (WardReportTable *self,
                                guint            row)
{
  return g_array_index (self->rows, Row, row).kind == ROW_GROUP;
}

double
ward_report_table_break_row (WardReportTable *self,
                             PangoContext    *context,
                             guint            row_nr,
                             double           from,
                             double           room)
{
  const Row *row = &g_array_index (self->rows, Row, row_nr);
  double limit = from + room;
  CellLayouts cl;

  cell_layouts_init (&cl, self, context);

  for (guint c = 0; c < row_n_cells (self, row); c++)
    {
      PangoLayout *layout = cell_layouts_set (&cl, self, row, c);

      if (layout != NULL)
        limit = break_layout (layout, from, limit);
    }

  cell_layouts_clear (&cl);

  return MIN (limit, ward_report_table_get_row_text_height (self, row_nr));
}

double
ward_report_table_draw (WardReportTable *self,
                        cairo_t         *cr,
                        PangoContext    *context,
                        double           x,
                        double           y,
                        gboolean         with_header,
                        guint            first,
                        guint            last,
                        double           slice_start,
                        double           slice_end)
{
  double top = y;
  double row_y;

  draw_state_ensure (self, context);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (with_header)
    y += draw_header (self, cr, x, y);
  row_y = y;

  for (guint r = first; r < last; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);

      if (slice_end >= 0)
        y += draw_row_slice (self, cr, row, x, y, slice_start, slice_end);
      else
        y += draw_row (self, cr, row, x, y);
    }
  ward_report_glyphs_flush (self->glyphs, cr);

  /* The rules go in one path, stroked once. */
  cairo_new_path (cr);
  if (with_header)
    add_row_rules (self, cr, x, top, self->header_height, FALSE);
  for (guint r = first; r < last; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      double height = slice_end >= 0 ? y - row_y : row->height;

      add_row_rules (self, cr, x, row_y, height, row->kind == ROW_GROUP);
      row_y += height;
    }
  cairo_rectangle (cr, x, top, self->width, y - top);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);

  cairo_restore (cr);

  return y;
}

void
ward_report_table_set_column (WardReportTable *table,
                              guint            column,
                              const char      *header,
                              double           relative_width,
                              WardReportAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (relative_width > 0);

  g_free (table->columns[column].header);
  table->columns[column].header = g_strdup (header);
  table->columns[column].weight = relative_width;
  table->columns[column].align = align;
}

void
ward_report_table_set_font_size (WardReportTable *table,
                                 double           points)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (points >= 4 && points <= 72);

  table->font_size = points;
}

void
ward_report_table_add_row (WardReportTable    *table,
                           const char * const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  add_row (table, ROW_NORMAL, cells, table->n_columns);
}

void
ward_report_table_add_total_row (WardReportTable    *table,
                                 const char * const *cells)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  add_row (table, ROW_TOTAL, cells, table->n_columns);
}

void
ward_report_table_add_group_row (WardReportTable *table,
                                 const char      *text)
{
  const char *cells[] = { text };

  g_return_if_fail (table != NULL);

  add_row (table, ROW_GROUP, cells, 1);
}

void
ward_report_table_set_column_type (WardReportTable    *table,
                                   guint               column,
                                   WardReportCellType  type)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);

  table->columns[column].type = type;
}

guint
ward_report_table_get_n_columns (WardReportTable *self)
{
  return self->n_columns;
}

const char *
ward_report_table_get_header (WardReportTable *self,
                              guint            column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column].header;
}

double
ward_report_table_get_weight (WardReportTable *self,
                              guint            column)
{
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->columns[column].weight;
}

WardReportCellType
ward_report_table_get_column_type (WardReportTable *self,
                                   guint            column)
{
  g_return_val_if_fail (column < self->n_columns, WARD_REPORT_CELL_TEXT);

  return self->columns[column].type;
}

WardReportAlign
ward_report_table_get_align (WardReportTable *self,
                             guint            column)
{
  g_return_val_if_fail (column < self->n_columns, WARD_REPORT_ALIGN_LEFT);

  return self->columns[column].align;
}

guint
ward_report_table_get_row_kind (WardReportTable *self,
                                guint            row)
{
  g_return_val_if_fail (row < self->rows->len, ROW_NORMAL);

  return g_array_index (self->rows, Row, row).kind;
}

const char *
ward_report_table_get_cell (WardReportTable *self,
                            guint            row,
                            guint            column)
{
  const Row *r;

  g_return_val_if_fail (row < self->rows->len, NULL);
  r = &g_array_index (self->rows, Row, row);
  g_return_val_if_fail (column < row_n_cells (self, r), NULL);

  return cell_text (self, r, column);
}

guint
ward_report_table_get_n_rows (WardReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}
