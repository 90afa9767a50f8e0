/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/ward-report-private.h"

/* The document is a flow of blocks: the heading blocks, the title, what the
 * caller added, the signature and a closing paragraph. Pagination measures
 * each block once and places it (or, for paragraphs and tables, runs of its
 * lines or rows) on pages; drawing a page replays its placements. */

G_DEFINE_FINAL_TYPE (WardReport, ward_report, G_TYPE_OBJECT)

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->value, g_free);
  g_clear_pointer (&block->columns, g_strfreev);
  g_clear_pointer (&block->table, ward_report_table_free);
  g_clear_pointer (&block->section, g_free);
  g_clear_pointer (&block->lines, g_array_unref);
}

static void
block_free (gpointer data)
{
  block_clear (data);
  g_free (data);
}

static Block *
add_block (WardReport *self,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->owner = self;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* The heading the caller put above a table, for the spreadsheet's sheet. */
static const char *
last_heading (WardReport *self)
{
  for (guint i = self->blocks->len; i > 0; i--)
    {
      Block *block = g_ptr_array_index (self->blocks, i - 1);

      if (block->kind == BLOCK_HEADING)
        return block->text;
      if (block->kind == BLOCK_TABLE)
        return NULL;
    }
  return NULL;
}

static void
invalidate (WardReport *self)
{
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->page_starts, 0);
  g_array_set_size (self->page_numbers, 0);
  g_clear_object (&self->draw_context);
}

static void
set_string (char       **field,
            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static char *
join_lines (const char * const *lines)
{
  if (lines == NULL || lines[0] == NULL)
    return NULL;

  return g_strjoinv ("\n", (char **) lines);
}

static char *
valid_markup (const char *markup)
{
  g_autoptr(GError) error = NULL;

  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
    return g_strdup (markup);

  g_critical ("Invalid markup in a report, shown as text: %s", error->message);

  return g_markup_escape_text (markup, -1);
}

/* Drawing */

static const cairo_user_data_key_t draw_target_key;

/* The context to draw with on @cr. One context serves all the pages drawn on
 * the same surface, so that the tables' layouts outlive a page: Pango lays
 * every layout of a context out again once the context changes, and
 * pango_cairo_update_context() always changes it. */
static PangoContext *
draw_context_for (WardReport *self,
                  cairo_t    *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);

  if (self->draw_context != NULL
      && cairo_surface_get_user_data (target, &draw_target_key) == self
      && memcmp (&matrix, &self->draw_matrix, sizeof matrix) == 0)
    return self->draw_context;

  g_clear_object (&self->draw_context);
  self->draw_context = ward_report_create_context (cr);
  self->draw_matrix = matrix;
  cairo_surface_set_user_data (target, &draw_target_key, self, NULL);

  return self->draw_context;
}

static void
draw_placement (WardReport      *self,
                const Placement *placement,
                PangoContext    *context,
                cairo_t         *cr,
                const Frame     *frame)
{
  Block *block = placement->block;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_CLOSING:
      {
        g_autoptr(PangoLayout) layout = NULL;

        layout = ward_report_paragraph_layout_new (block, context, frame->width);

        ward_report_show_lines (cr, layout, frame->left, placement->y,
                                ward_report_block_line_top (block, placement->first),
                                ward_report_block_line_top (block, placement->last));
      }
      break;
    case BLOCK_TABLE:
      ward_report_table_draw (block->table, cr, context, frame->left, placement->y,
                              placement->with_header, placement->first, placement->last,
                              placement->slice_start, placement->slice_end);
      break;
    case BLOCK_PAGE_BREAK:
      break;
    case BLOCK_COLUMNS:
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    default:
      ward_report_render_block (self, block, context, cr, frame->left, placement->y, frame->width);
      break;
    }
}

static void
ward_report_finalize (GObject *object)
{
  WardReport *self = (WardReport *) object;

  g_free (self->parent_body);
  g_free (self->issuing_body);
  g_free (self->number);
  g_free (self->place_date);
  g_free (self->heading);
  g_free (self->motto);
  g_free (self->title);
  g_free (self->abstract);
  g_free (self->subtitle);
  g_free (self->recipients);
  g_free (self->signature_lines);
  g_free (self->signatory);
  g_free (self->document_date);
  g_ptr_array_unref (self->blocks);
  block_clear (&self->header_block);
  block_clear (&self->title_block);
  block_clear (&self->signature_block);
  block_clear (&self->closing_block);
  block_clear (&self->form_block);
  g_ptr_array_unref (self->documents);
  g_array_unref (self->placements);
  g_array_unref (self->page_starts);
  g_array_unref (self->page_numbers);
  g_clear_object (&self->draw_context);

  G_OBJECT_CLASS (ward_report_parent_class)->finalize (object);
}

static void
ward_report_class_init (WardReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ward_report_finalize;
}

static void
ward_report_init (WardReport *self)
{
  Block *own[] = { &self->header_block, &self->title_block, &self->signature_block,
                   &self->closing_block, &self->break_block, &self->form_block };

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->header_block.kind = BLOCK_HEADER;
  self->title_block.kind = BLOCK_TITLE;
  self->signature_block.kind = BLOCK_SIGNATURE;
  self->signature_block.signs = TRUE;
  self->closing_block.kind = BLOCK_CLOSING;
  self->break_block.kind = BLOCK_PAGE_BREAK;
  self->form_block.kind = BLOCK_COLUMNS;
  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    own[i]->owner = self;
  self->margins.top = MARGIN_TOP_MM * WARD_REPORT_MM;
  self->margins.right = MARGIN_RIGHT_MM * WARD_REPORT_MM;
  self->margins.bottom = MARGIN_BOTTOM_MM * WARD_REPORT_MM;
  self->margins.left = MARGIN_LEFT_MM * WARD_REPORT_MM;
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  self->subtitle_style = WARD_REPORT_STYLE_BOLD;
}

PangoContext *
ward_report_create_context (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoContext *context;

  /* The project's fonts only, never the default font map's fallbacks. */
  context = pango_font_map_create_context (ward_report_font_map ());
  if (cr != NULL)
    pango_cairo_update_context (cr, context);

  /* Unhinted metrics in points: the same sizes on a PDF and on a printer. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string ("vi"));
  cairo_font_options_destroy (options);

  return context;
}

PangoFontDescription *
ward_report_font_new (double          size,
                      WardReportStyle style)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, WARD_REPORT_SERIF_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (style & WARD_REPORT_STYLE_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style & WARD_REPORT_STYLE_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);

  return font;
}

void
ward_report_show_lines (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y,
                        double       from,
                        double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;

      if (top >= from && top < to)
        {
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, y + baseline - from);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (top < to && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

WardReport *
ward_report_new (void)
{
  return g_object_new (WARD_TYPE_REPORT, NULL);
}

void
ward_report_set_orientation (WardReport            *self,
                             WardReportOrientation  orientation)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  self->orientation = orientation;
  invalidate (self);
}

WardReportOrientation
ward_report_get_orientation (WardReport *self)
{
  g_return_val_if_fail (WARD_IS_REPORT (self), WARD_REPORT_PORTRAIT);

  return self->orientation;
}

void
ward_report_get_page_size (WardReport *self,
                           double     *width_pt,
                           double     *height_pt)
{
  double short_side = A4_SHORT, long_side = A4_LONG;
  gboolean landscape;

  g_return_if_fail (WARD_IS_REPORT (self));

  /* A5 is half an A4 sheet: 148,5 × 210 mm, laid across the sheet. */
  landscape = self->orientation == WARD_REPORT_LANDSCAPE;
  if (self->paper == WARD_REPORT_PAPER_A5_ON_A4)
    {
      short_side = A4_LONG / 2;
      long_side = A4_SHORT;
      landscape = TRUE;
    }
  if (width_pt != NULL)
    *width_pt = landscape ? long_side : short_side;
  if (height_pt != NULL)
    *height_pt = landscape ? short_side : long_side;
}

void
ward_report_set_paper (WardReport      *self,
                       WardReportPaper  paper)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  self->paper = paper;
  invalidate (self);
}

WardReportPaper
ward_report_get_paper (WardReport *self)
{
  g_return_val_if_fail (WARD_IS_REPORT (self), WARD_REPORT_PAPER_A4);

  return self->paper;
}

void
ward_report_get_sheet_size (WardReport *self,
                            double     *width_pt,
                            double     *height_pt)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  if (self->paper != WARD_REPORT_PAPER_A5_ON_A4)
    {
      ward_report_get_page_size (self, width_pt, height_pt);
      return;
    }
  if (width_pt != NULL)
    *width_pt = A4_SHORT;
  if (height_pt != NULL)
    *height_pt = A4_LONG;
}

void
ward_report_set_margins (WardReport *self,
                         double      top_mm,
                         double      right_mm,
                         double      bottom_mm,
                         double      left_mm)
{
  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (top_mm >= 0 && right_mm >= 0 && bottom_mm >= 0 && left_mm >= 0);

  self->margins.top = top_mm * WARD_REPORT_MM;
  self->margins.right = right_mm * WARD_REPORT_MM;
  self->margins.bottom = bottom_mm * WARD_REPORT_MM;
  self->margins.left = left_mm * WARD_REPORT_MM;
  invalidate (self);
}

void
ward_report_set_header (WardReport           *self,
                        WardReportHeaderKind  kind,
                        const char           *parent_body,
                        const char           *issuing_body,
                        const char           *number,
                        const char           *place_date)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  self->header_kind = kind;
  set_string (&self->parent_body, parent_body);
  set_string (&self->issuing_body, issuing_body);
  set_string (&self->number, number);
  set_string (&self->place_date, place_date);
  invalidate (self);
}

void
ward_report_set_national_heading (WardReport *self,
                                  const char *heading,
                                  const char *motto)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  set_string (&self->heading, heading);
  set_string (&self->motto, motto);
  invalidate (self);
}

void
ward_report_set_title (WardReport *self,
                       const char *title)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  g_clear_pointer (&self->title, g_free);
  if (title != NULL)
    self->title = g_utf8_strup (title, -1);
  invalidate (self);
}

const char *
ward_report_get_title (WardReport *self)
{
  g_return_val_if_fail (WARD_IS_REPORT (self), NULL);

  return self->title;
}

void
ward_report_set_abstract (WardReport *self,
                          const char *abstract)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  set_string (&self->abstract, abstract);
  invalidate (self);
}

void
ward_report_set_subtitle (WardReport      *self,
                          const char      *markup,
                          WardReportStyle  style)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  g_clear_pointer (&self->subtitle, g_free);
  if (markup != NULL)
    self->subtitle = valid_markup (markup);
  self->subtitle_style = style;
  invalidate (self);
}

void
ward_report_add_paragraph (WardReport *self,
                           const char *markup)
{
  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (markup != NULL);

  add_block (self, BLOCK_PARAGRAPH)->text = valid_markup (markup);
  invalidate (self);
}

void
ward_report_add_heading (WardReport *self,
                         const char *text)
{
  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  add_block (self, BLOCK_HEADING)->text = g_strdup (text);
  invalidate (self);
}

void
ward_report_add_key_value (WardReport *self,
                           const char *key,
                           const char *value)
{
  Block *block;

  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (key != NULL);

  block = add_block (self, BLOCK_KEY_VALUE);
  block->text = g_strdup (key);
  block->value = g_strdup (value != NULL ? value : "");
  invalidate (self);
}

WardReportTable *
ward_report_add_table (WardReport *self,
                       guint       n_columns)
{
  const char *section;
  Block *block;

  g_return_val_if_fail (WARD_IS_REPORT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  section = last_heading (self);
  block = add_block (self, BLOCK_TABLE);
  block->table = ward_report_table_new (n_columns);
  block->section = g_strdup (section);
  invalidate (self);

  return block->table;
}

void
ward_report_add_columns (WardReport         *self,
                         const char * const *markups,
                         gboolean            signs)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  Block *block;

  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (markups != NULL && markups[0] != NULL);

  for (guint i = 0; markups[i] != NULL; i++)
    {
      g_autofree char *markup = valid_markup (markups[i]);

      g_strv_builder_add (builder, markup);
    }
  block = add_block (self, BLOCK_COLUMNS);
  block->columns = g_strv_builder_end (builder);
  block->signs = signs;
  invalidate (self);
}

void
ward_report_set_form_heading (WardReport         *self,
                              const char * const *markups)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (WARD_IS_REPORT (self));

  for (guint i = 0; markups != NULL && markups[i] != NULL; i++)
    {
      g_autofree char *markup = valid_markup (markups[i]);

      g_strv_builder_add (builder, markup);
    }
  g_clear_pointer (&self->form_block.columns, g_strfreev);
  if (markups != NULL && markups[0] != NULL)
    self->form_block.columns = g_strv_builder_end (builder);
  invalidate (self);
}

void
ward_report_add_page_break (WardReport *self)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  add_block (self, BLOCK_PAGE_BREAK);
  invalidate (self);
}

void
ward_report_append (WardReport *self,
                    WardReport *document)
{
  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (WARD_IS_REPORT (document) && document != self);

  g_ptr_array_add (self->documents, g_object_ref (document));
  invalidate (self);
}

void
ward_report_set_recipients (WardReport         *self,
                            const char * const *recipients)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  g_free (self->recipients);
  self->recipients = join_lines (recipients);
  invalidate (self);
}

void
ward_report_set_signature (WardReport         *self,
                           const char * const *title_lines,
                           const char         *name)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  g_free (self->signature_lines);
  self->signature_lines = join_lines (title_lines);
  set_string (&self->signatory, name);
  invalidate (self);
}

void
ward_report_set_closing (WardReport *self,
                         const char *markup)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  g_clear_pointer (&self->closing_block.text, g_free);
  if (markup != NULL)
    self->closing_block.text = valid_markup (markup);
  invalidate (self);
}

static void
collect_into (WardReport *self,
              GPtrArray  *flow)
{
  if (self->header_kind != WARD_REPORT_HEADER_NONE)
    g_ptr_array_add (flow, &self->header_block);
  if (self->form_block.columns != NULL)
    g_ptr_array_add (flow, &self->form_block);
  if (self->title != NULL || self->abstract != NULL || self->subtitle != NULL)
    g_ptr_array_add (flow, &self->title_block);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (flow, g_ptr_array_index (self->blocks, i));
  if (self->recipients != NULL || self->signature_lines != NULL || self->signatory != NULL)
    g_ptr_array_add (flow, &self->signature_block);
  if (self->closing_block.text != NULL)
    g_ptr_array_add (flow, &self->closing_block);

  for (guint i = 0; i < self->documents->len; i++)
    {
      WardReport *document = g_ptr_array_index (self->documents, i);

      g_ptr_array_add (flow, &document->break_block);
      collect_into (document, flow);
    }
}

GPtrArray *
ward_report_collect_blocks (WardReport *self)
{
  GPtrArray *flow = g_ptr_array_new ();

  collect_into (self, flow);
  return flow;
}

static gboolean
check_block (WardReportCoverage  *coverage,
             const Block         *block,
             GError             **error)
{
  gboolean markup = block->kind == BLOCK_PARAGRAPH || block->kind == BLOCK_CLOSING;

  if (block->table != NULL)
    return ward_report_table_check_coverage (block->table, coverage, error);
  for (guint i = 0; block->columns != NULL && block->columns[i] != NULL; i++)
    if (!ward_report_coverage_check (coverage, block->columns[i], TRUE, error))
      return FALSE;

  return ward_report_coverage_check (coverage, block->text, markup, error)
         && ward_report_coverage_check (coverage, block->value, FALSE, error);
}

/* The texts of @self's own heading, title and signature. */
static gboolean
check_fields (WardReport          *self,
              WardReportCoverage  *coverage,
              GError             **error)
{
  const char *fields[] = { self->parent_body, self->issuing_body, self->number,
                           self->place_date, self->heading, self->motto, self->title,
                           self->abstract, self->recipients, self->signature_lines,
                           self->signatory };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!ward_report_coverage_check (coverage, fields[i], FALSE, error))
      return FALSE;
  return ward_report_coverage_check (coverage, self->subtitle, TRUE, error);
}

gboolean
ward_report_check_fonts (WardReport  *self,
                         GError     **error)
{
  g_autoptr (WardReportCoverage) coverage = NULL;
  g_autoptr (GPtrArray) blocks = NULL;

  g_return_val_if_fail (WARD_IS_REPORT (self), FALSE);

  if (!ward_report_fonts_available (error))
    return FALSE;

  coverage = ward_report_coverage_new ();
  blocks = ward_report_collect_blocks (self);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->kind == BLOCK_HEADER && !check_fields (block->owner, coverage, error))
        return FALSE;
      if (!check_block (coverage, block, error))
        return FALSE;
    }
  /* A document without a heading block still has its title checked. */
  return check_fields (self, coverage, error);
}

void
ward_report_set_document_date (WardReport *self,
                               const char *date_iso)
{
  g_return_if_fail (WARD_IS_REPORT (self));

  set_string (&self->document_date, date_iso);
}

const char *
ward_report_get_document_date (WardReport *self)
{
  g_return_val_if_fail (WARD_IS_REPORT (self), NULL);

  return self->document_date;
}

int
ward_report_paginate (WardReport *self,
                      cairo_t    *measure_cr,
                      double      width_pt,
                      double      height_pt)
{
  PangoContext *context;

  g_return_val_if_fail (WARD_IS_REPORT (self), 0);
  g_return_val_if_fail (width_pt > self->margins.left + self->margins.right + 36, 0);
  g_return_val_if_fail (height_pt > self->margins.top + self->margins.bottom + 36, 0);

  invalidate (self);
  self->page_width = width_pt;
  self->page_height = height_pt;

  context = ward_report_create_context (measure_cr);
  ward_report_flow (self, context);
  g_object_unref (context);

  return ward_report_get_n_pages (self);
}

int
ward_report_get_n_pages (WardReport *self)
{
  g_return_val_if_fail (WARD_IS_REPORT (self), 0);

  return self->page_starts->len > 0 ? (int) self->page_starts->len - 1 : 0;
}

void
ward_report_draw_page (WardReport *self,
                       cairo_t    *cr,
                       int         page_nr)
{
  PangoContext *context;
  guint first, last;
  Frame frame;
  int number;

  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr >= 0 && page_nr < ward_report_get_n_pages (self));

  ward_report_get_frame (self, &frame);
  context = draw_context_for (self, cr);
  first = g_array_index (self->page_starts, guint, page_nr);
  last = g_array_index (self->page_starts, guint, page_nr + 1);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < last; i++)
    draw_placement (self, &g_array_index (self->placements, Placement, i), context, cr, &frame);

  /* Numbered from the second page of each document (Nghị định 30/2020,
   * Phụ lục I, Mục I.7: "không hiển thị số trang thứ nhất"); a form on
   * A5 has one page. */
  number = g_array_index (self->page_numbers, int, page_nr);
  if (number > 1 && self->paper == WARD_REPORT_PAPER_A4)
    ward_report_draw_page_number (self, context, cr, &frame, number);

  cairo_restore (cr);
}

int
ward_report_get_n_sheets (WardReport *self)
{
  int n_pages;

  g_return_val_if_fail (WARD_IS_REPORT (self), 0);

  n_pages = ward_report_get_n_pages (self);
  return self->paper == WARD_REPORT_PAPER_A5_ON_A4 ? (n_pages + 1) / 2 : n_pages;
}

/* A dashed line across the sheet between its two halves, to cut along. */
static void
draw_cut_line (cairo_t *cr,
               double   width,
               double   y)
{
  const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.4);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, 0, y);
  cairo_line_to (cr, width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ward_report_draw_sheet (WardReport *self,
                        cairo_t    *cr,
                        int         sheet_nr)
{
  double width, half;
  int n_pages;

  g_return_if_fail (WARD_IS_REPORT (self));
  g_return_if_fail (sheet_nr >= 0 && sheet_nr < ward_report_get_n_sheets (self));

  if (self->paper != WARD_REPORT_PAPER_A5_ON_A4)
    {
      ward_report_draw_page (self, cr, sheet_nr);
      return;
    }
  n_pages = ward_report_get_n_pages (self);
  ward_report_get_page_size (self, &width, &half);
  for (int i = 0; i < 2 && 2 * sheet_nr + i < n_pages; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, i * half);
      ward_report_draw_page (self, cr, 2 * sheet_nr + i);
      cairo_restore (cr);
    }
  draw_cut_line (cr, width, half);
}

char *
ward_report_format_place_date (const char  *place,
                               const GDate *date)
{
  int day, month, year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);

  /* A leading zero for days below 10 and for January and February only,
   * so that nobody can add a digit before them. */
  if (place == NULL || place[0] == '\0')
    return g_strdup_printf ("Ngày %02d tháng %0*d năm %d", day, month <= 2 ? 2 : 1, month, year);

  return g_strdup_printf ("%s, ngày %02d tháng %0*d năm %d",
                          place, day, month <= 2 ? 2 : 1, month, year);
}

char *
ward_report_format_place_date_iso (const char *place,
                                   const char *iso_date)
{
  unsigned int year, month, day;
  int consumed = 0;
  g_autoptr(GDate) date = NULL;

  if (iso_date == NULL
      || sscanf (iso_date, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3
      || consumed != 10 || iso_date[10] != '\0'
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  date = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return ward_report_format_place_date (place, date);
}
