/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include "report/ward-report-private.h"

/* Pagination: every block is measured once, then placed in one pass down the
 * flow (O(rows) for tables). Paragraphs split between lines and tables
 * between rows, under a repeated header row; the other blocks never split,
 * and headings and the title stay with what follows them. */

typedef struct
{
  double space_before;
  double space_after;
  gboolean keep_with_next;
} BlockRules;

static const BlockRules block_rules[] = {
  [BLOCK_HEADER]    = { 0, 18, TRUE },
  [BLOCK_TITLE]     = { 0, 12, TRUE },
  [BLOCK_PARAGRAPH] = { 0, 6, FALSE },
  [BLOCK_HEADING]   = { 6, 4, TRUE },
  [BLOCK_KEY_VALUE] = { 0, 4, FALSE },
  [BLOCK_TABLE]     = { 6, 8, FALSE },
  [BLOCK_SIGNATURE] = { 12, 0, FALSE },
  [BLOCK_CLOSING]   = { 12, 0, FALSE },
};

static void
measure_lines (Block        *block,
               PangoContext *context,
               double        width)
{
  g_autoptr(PangoLayout) layout = ward_report_paragraph_layout_new (block, context, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = 0;

  g_clear_pointer (&block->lines, g_array_unref);
  block->lines = g_array_new (FALSE, FALSE, sizeof (double));

  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;
      g_array_append_val (block->lines, top);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  g_array_append_val (block->lines, bottom);
}

static void
measure_block (WardReport   *self,
               Block        *block,
               PangoContext *context,
               double        width)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_CLOSING:
      measure_lines (block, context, width);
      break;
    case BLOCK_TABLE:
      ward_report_table_measure (block->table, context, width);
      break;
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    default:
      block->height = ward_report_render_block (self, block, context, NULL, 0, 0, width);
      break;
    }
}

/* The least that must follow a block kept with the next on the same page. */
static double
first_part_height (Block *block)
{
  WardReportTable *table = block->table;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_CLOSING:
      return ward_report_block_line_top (block, MIN (2, block->lines->len - 1))
             - ward_report_block_line_top (block, 0);
    case BLOCK_TABLE:
      if (ward_report_table_get_n_rows (table) == 0)
        return ward_report_table_get_header_height (table);
      return ward_report_table_get_header_height (table)
             + ward_report_table_get_row_height (table, 0);
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    default:
      return block->height;
    }
}

typedef struct
{
  WardReport   *report;
  PangoContext *context;
  Frame         frame;
  double        y;
  Block        *header_table;  /* the table whose header row is on the current page */
} Flow;

static void
flow_place (Flow   *flow,
            Block  *block,
            guint   first,
            guint   last,
            double  slice_start,
            double  slice_end)
{
  Placement placement = { block, flow->y, first, last, slice_start, slice_end, FALSE };

  g_array_append_val (flow->report->placements, placement);
}

static void
flow_new_page (Flow *flow)
{
  guint start = flow->report->placements->len;

  g_array_append_val (flow->report->page_starts, start);
  flow->y = flow->frame.top;
  flow->header_table = NULL;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= flow->frame.top;
}

/* Moves to a new page unless @height fits below the current position or the
 * page is still empty. */
static void
flow_need (Flow   *flow,
           double  height)
{
  if (flow->y + height > flow->frame.bottom && !flow_at_top (flow))
    flow_new_page (flow);
}

static void
flow_lines (Flow  *flow,
            Block *block)
{
  guint n_lines = block->lines->len - 1;
  guint first = 0;

  while (first < n_lines)
    {
      double top = ward_report_block_line_top (block, first);
      guint last = first;

      while (last < n_lines
             && flow->y + ward_report_block_line_top (block, last + 1) - top <= flow->frame.bottom)
        last++;

      if (last == first)
        {
          if (!flow_at_top (flow))
            {
              flow_new_page (flow);
              continue;
            }
          last = first + 1;  /* a line taller than a page */
        }

      flow_place (flow, block, first, last, 0, -1);
      flow->y += ward_report_block_line_top (block, last) - top;
      first = last;

      if (first < n_lines)
        flow_new_page (flow);
    }
}

/* The height of the header row a table's next rows need: none while the
 * table goes on down a page that already shows it. */
static double
table_header_height (Flow  *flow,
                     Block *block)
{
  if (flow->header_table == block)
    return 0;

  return ward_report_table_get_header_height (block->table);
}

static void
flow_place_rows (Flow   *flow,
                 Block  *block,
                 guint   first,
                 guint   last,
                 double  slice_start,
                 double  slice_end)
{
  Placement placement = { block, flow->y, first, last, slice_start, slice_end,
                          flow->header_table != block };

  g_array_append_val (flow->report->placements, placement);
  flow->header_table = block;
}

/* A row taller than a page starts where it is and goes on from page to page,
 * cut between lines of text. */
static void
flow_tall_row (Flow  *flow,
               Block *block,
               guint  row)
{
  WardReportTable *table = block->table;
  double padding = 2 * ward_report_table_get_padding (table);
  double text_height = ward_report_table_get_row_text_height (table, row);
  double from = 0;

  while (from < text_height)
    {
      double header = table_header_height (flow, block);
      double room = flow->frame.bottom - flow->y - header - padding;
      double to = room > 0 ? ward_report_table_break_row (table, flow->context, row, from, room)
                           : from;

      if (to <= from)
        {
          if (!flow_at_top (flow))
            {
              flow_new_page (flow);
              continue;
            }
          to = MIN (from + room, text_height);  /* one line taller than a page */
        }

      flow_place_rows (flow, block, row, row + 1, from, to);
      flow->y += header + to - from + padding;
      from = to;

      if (from < text_height)
        flow_new_page (flow);
    }
}

static gboolean
row_is_tall (Flow            *flow,
             WardReportTable *table,
             guint            row)
{
  return ward_report_table_get_header_height (table) + ward_report_table_get_row_height (table, row)
         > flow->frame.bottom - flow->frame.top;
}

/* Rows go on a page while they fit, under the header row repeated on every
 * page; a row is cut only when it is taller than a page on its own. */
static void
flow_table (Flow  *flow,
            Block *block)
{
  WardReportTable *table = block->table;
  guint n_rows = ward_report_table_get_n_rows (table);
  guint row = 0;

  if (n_rows == 0)
    {
      flow_need (flow, table_header_height (flow, block));
      flow_place_rows (flow, block, 0, 0, 0, -1);
      flow->y += ward_report_table_get_header_height (table);
      return;
    }

  while (row < n_rows)
    {
      double need = table_header_height (flow, block)
                    + ward_report_table_get_row_height (table, row);
      guint start = row;
      double y;

      if (row_is_tall (flow, table, row))
        {
          flow_tall_row (flow, block, row++);
          continue;
        }

      if (ward_report_table_row_is_group (table, row) && row + 1 < n_rows)
        need += ward_report_table_get_row_height (table, row + 1);
      flow_need (flow, need);

      y = flow->y + table_header_height (flow, block);
      while (row < n_rows && !row_is_tall (flow, table, row)
             && y + ward_report_table_get_row_height (table, row) <= flow->frame.bottom)
        y += ward_report_table_get_row_height (table, row++);

      /* A group heading does not stay alone at the foot of a page. */
      if (row < n_rows && row - start > 1 && ward_report_table_row_is_group (table, row - 1))
        y -= ward_report_table_get_row_height (table, --row);

      flow_place_rows (flow, block, start, row, 0, -1);
      flow->y = y;

      if (row < n_rows && !row_is_tall (flow, table, row))
        flow_new_page (flow);
    }
}

static void
flow_block (Flow  *flow,
            Block *block,
            Block *next)
{
  const BlockRules *rules = &block_rules[block->kind];

  if (!flow_at_top (flow))
    flow->y += rules->space_before;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_CLOSING:
      flow_lines (flow, block);
      break;
    case BLOCK_TABLE:
      flow_table (flow, block);
      break;
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    default:
      {
        double need = block->height;

        if (rules->keep_with_next && next != NULL)
          need += rules->space_after + block_rules[next->kind].space_before
                  + first_part_height (next);
        flow_need (flow, need);
        flow_place (flow, block, 0, 0, 0, -1);
        flow->y += block->height;
      }
      break;
    }

  flow->y += rules->space_after;
}

static GPtrArray *
collect_flow (WardReport *self)
{
  GPtrArray *flow = g_ptr_array_new ();

  if (self->header_kind != WARD_REPORT_HEADER_NONE)
    g_ptr_array_add (flow, &self->header_block);
  if (self->title != NULL || self->subtitle != NULL)
    g_ptr_array_add (flow, &self->title_block);
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (flow, g_ptr_array_index (self->blocks, i));
  if (self->recipients != NULL || self->signature_lines != NULL || self->signatory != NULL)
    g_ptr_array_add (flow, &self->signature_block);
  if (self->closing_block.text != NULL)
    g_ptr_array_add (flow, &self->closing_block);

  return flow;
}

void
ward_report_flow (WardReport   *self,
                  PangoContext *context)
{
  g_autoptr(GPtrArray) blocks = collect_flow (self);
  Flow flow = { .report = self, .context = context };
  guint end;

  ward_report_get_frame (self, &flow.frame);

  for (guint i = 0; i < blocks->len; i++)
    measure_block (self, g_ptr_array_index (blocks, i), context, flow.frame.width);

  flow_new_page (&flow);
  for (guint i = 0; i < blocks->len; i++)
    flow_block (&flow, g_ptr_array_index (blocks, i),
                i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL);

  end = self->placements->len;
  g_array_append_val (self->page_starts, end);
}
