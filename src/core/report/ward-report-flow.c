/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include "report/ward-report-private.h"

/* Pagination: every block is measured once, then placed in one pass down the
 * flow (O(rows) for tables). Paragraphs split between lines and tables
 * between rows, under a repeated header row; the other blocks never split,
 * and headings and the title stay with what follows them. A signature
 * never stands alone on a page: when it does not fit under what comes
 * before it, the last rows of the table (its total with them) or the last
 * lines of the paragraph go to the next page with it, as a secretary
 * would move them. */

/* The rows that go with a signature to its page: the totals at the end of
 * the table and this many rows above them. */
#define TAIL_ROWS  2
#define TAIL_LINES 2

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
  [BLOCK_COLUMNS]   = { 8, 10, FALSE },
  [BLOCK_PAGE_BREAK] = { 0, 0, FALSE },
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
    case BLOCK_PAGE_BREAK:
      block->height = 0;
      break;
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    case BLOCK_COLUMNS:
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
    case BLOCK_COLUMNS:
    case BLOCK_PAGE_BREAK:
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
  guint         document_start; /* the page the current document starts on */
  double        reserve;       /* what must fit after the block being placed: a signature */
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
  int number = (int) (flow->report->page_starts->len - flow->document_start) + 1;

  g_array_append_val (flow->report->page_starts, start);
  g_array_append_val (flow->report->page_numbers, number);
  flow->y = flow->frame.top;
  flow->header_table = NULL;
}

/* An appended document starts on a page of its own, numbered from 1. */
static void
flow_start_document (Flow *flow)
{
  int first = 1;

  if (flow->report->placements->len > g_array_index (flow->report->page_starts, guint,
                                                      flow->report->page_starts->len - 1))
    flow_new_page (flow);
  flow->document_start = flow->report->page_starts->len - 1;
  g_array_index (flow->report->page_numbers, int, flow->report->page_numbers->len - 1) = first;
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

      /* The paragraph ends here but the signature after it does not fit:
       * its last lines go with the signature. */
      if (last == n_lines && flow->reserve > 0
          && flow->y + ward_report_block_line_top (block, last) - top + block_rules[block->kind].space_after
             + flow->reserve > flow->frame.bottom)
        {
          if (last - first > TAIL_LINES)
            last -= TAIL_LINES;
          else if (first == 0 && !flow_at_top (flow))
            {
              flow_new_page (flow);
              continue;
            }
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

/* How many rows at the end of a table, starting on this page at @start, go
 * to the next page with the signature: the totals and TAIL_ROWS above them,
 * with the group heading above those; 0 when that would leave no row of
 * the table on this page. */
static guint
tail_rows (WardReportTable *table,
           guint            start,
           guint            n_rows)
{
  guint first = n_rows;
  guint normal = 0;

  while (first > start && ward_report_table_get_row_kind (table, first - 1) == 1)
    first--;
  while (first > start && normal < TAIL_ROWS)
    if (ward_report_table_get_row_kind (table, --first) == 0)
      normal++;
  while (first > start && ward_report_table_row_is_group (table, first - 1))
    first--;
  return first > start ? n_rows - first : 0;
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

      /* The table ends on the next page: leave it its last rows, not the
       * total alone, to go with the signature. */
      if (row < n_rows && flow->reserve > 0 && row - start > 1)
        {
          guint tail = tail_rows (table, 0, n_rows);

          while (n_rows - row < tail && row - start > 1)
            y -= ward_report_table_get_row_height (table, --row);
        }

      if (row == n_rows && flow->reserve > 0
          && y + block_rules[BLOCK_TABLE].space_after + flow->reserve > flow->frame.bottom)
        {
          guint tail = tail_rows (table, start, n_rows);

          if (tail == 0 && !flow_at_top (flow))
            {
              /* Too few rows here to leave some behind: all go on. */
              flow_new_page (flow);
              row = start;
              continue;
            }
          while (row > n_rows - tail)
            y -= ward_report_table_get_row_height (table, --row);
        }

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
    case BLOCK_PAGE_BREAK:
      if (block == &block->owner->break_block)
        flow_start_document (flow);
      else if (!flow_at_top (flow))
        flow_new_page (flow);
      return;
    case BLOCK_HEADER:
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_KEY_VALUE:
    case BLOCK_SIGNATURE:
    case BLOCK_COLUMNS:
    default:
      {
        double need = block->height;

        if (rules->keep_with_next && next != NULL)
          need += rules->space_after + block_rules[next->kind].space_before
                  + first_part_height (next);
        else if (flow->reserve > 0)
          need += rules->space_after + flow->reserve;
        flow_need (flow, need);
        flow_place (flow, block, 0, 0, 0, -1);
        flow->y += block->height;
      }
      break;
    }

  flow->y += rules->space_after;
}

void
ward_report_flow (WardReport   *self,
                  PangoContext *context)
{
  g_autoptr(GPtrArray) blocks = ward_report_collect_blocks (self);
  Flow flow = { .report = self, .context = context };
  guint end;

  ward_report_get_frame (self, &flow.frame);

  for (guint i = 0; i < blocks->len; i++)
    measure_block (self, g_ptr_array_index (blocks, i), context, flow.frame.width);

  flow_new_page (&flow);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *next = i + 1 < blocks->len ? g_ptr_array_index (blocks, i + 1) : NULL;

      /* What the block must leave room for: the signature after it. */
      flow.reserve = next != NULL && next->signs
                     ? block_rules[next->kind].space_before + next->height : 0;
      flow_block (&flow, g_ptr_array_index (blocks, i), next);
    }

  end = self->placements->len;
  g_array_append_val (self->page_starts, end);
}
