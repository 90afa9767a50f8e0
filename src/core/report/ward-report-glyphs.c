/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <string.h>

#include "report/ward-report-private.h"

/* A long table draws hundreds of thousands of short cells. Drawn one by one
 * with pango_cairo_show_layout(), each cell becomes a cairo_show_text_glyphs()
 * of its own, and the PDF surface pays for every call: that, not the shaping,
 * was most of the time of a disclosure list (issue 13). So a cell of one line
 * is shaped once, by Pango as before, into its glyphs with their positions,
 * and a page's cells are drawn with one cairo_show_glyphs() per font. The PDF
 * still says which text each glyph is: cairo maps a glyph back to its
 * character through the font's own table, as it does for any glyph. */

typedef struct
{
  cairo_scaled_font_t *font;
  guint                first;
  guint                n;
} Segment;

struct _WardReportGlyphRun
{
  GArray *glyphs;    /* cairo_glyph_t, from the layout's origin, in points */
  GArray *segments;  /* Segment: the glyphs of each font */
  double  height;    /* of the layout, as pango_layout_get_size() */
};

typedef struct
{
  cairo_scaled_font_t *font;
  GArray              *glyphs;  /* cairo_glyph_t, where they go on the page */
} Queue;

struct _WardReportGlyphs
{
  GPtrArray *queues;  /* Queue, one per font, in the order first met */
};

/* Numbers (row numbers, receipt numbers, dates, amounts) are most of a
 * list's distinct texts. They are placed from the advances of their
 * characters and the adjustment Pango makes to each pair of them (the
 * serif kerns "11"), both measured once, without shaping each number. */
#define NUMERALS    "0123456789.,-/:"
#define N_NUMERALS  (sizeof NUMERALS - 1)
#define MAX_NUMERAL_TEXT 64

typedef struct
{
  PangoGlyph glyph;
  int        width;     /* advance, Pango units */
  int        x_offset;
  int        y_offset;
} Numeral;

/* What shaping two numerals together changes from each alone. */
typedef struct
{
  int first_width;
  int second_width;
  int second_x_offset;
} PairAdjustment;

struct _WardReportNumerals
{
  cairo_scaled_font_t *font;
  Numeral              numerals[N_NUMERALS];
  PairAdjustment       pairs[N_NUMERALS][N_NUMERALS];
  int                  baseline;  /* Pango units from the top of the line */
  int                  height;
  WardReportGlyphRun  *scratch;   /* what ward_report_numerals_place() returns */
};

static void
queue_free (gpointer data)
{
  Queue *queue = data;

  cairo_scaled_font_destroy (queue->font);
  g_array_unref (queue->glyphs);
  g_free (queue);
}

WardReportGlyphs *
ward_report_glyphs_new (void)
{
  WardReportGlyphs *self = g_new0 (WardReportGlyphs, 1);

  self->queues = g_ptr_array_new_with_free_func (queue_free);

  return self;
}

void
ward_report_glyphs_free (WardReportGlyphs *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->queues);
  g_free (self);
}

void
ward_report_glyph_run_free (WardReportGlyphRun *run)
{
  if (run == NULL)
    return;

  for (guint i = 0; i < run->segments->len; i++)
    cairo_scaled_font_destroy (g_array_index (run->segments, Segment, i).font);
  g_array_unref (run->segments);
  g_array_unref (run->glyphs);
  g_free (run);
}

static WardReportGlyphRun *
glyph_run_new_empty (void)
{
  WardReportGlyphRun *run = g_new0 (WardReportGlyphRun, 1);

  run->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  run->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  return run;
}

/* Appends the glyphs of one run of a line whose baseline is @baseline and
 * whose run starts at @x (Pango units). FALSE for what only Pango can draw:
 * a missing glyph (the hex box), right-to-left text. */
static gboolean
add_pango_run (WardReportGlyphRun *run,
               PangoGlyphItem     *item,
               int                 x,
               int                 baseline)
{
  PangoGlyphString *glyphs = item->glyphs;
  Segment segment = { NULL, run->glyphs->len, 0 };

  if (item->item->analysis.level % 2 != 0 || !PANGO_IS_CAIRO_FONT (item->item->analysis.font))
    return FALSE;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      cairo_glyph_t glyph;

      if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
        return FALSE;
      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          glyph.index = info->glyph;
          glyph.x = (double) (x + info->geometry.x_offset) / PANGO_SCALE;
          glyph.y = (double) (baseline + info->geometry.y_offset) / PANGO_SCALE;
          g_array_append_val (run->glyphs, glyph);
        }
      x += info->geometry.width;
    }

  segment.font = cairo_scaled_font_reference (
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->item->analysis.font)));
  segment.n = run->glyphs->len - segment.first;
  g_array_append_val (run->segments, segment);
  return TRUE;
}

WardReportGlyphRun *
ward_report_glyph_run_new (PangoLayout *layout)
{
  WardReportGlyphRun *run;
  PangoLayoutIter *iter;
  gboolean ok = TRUE;
  int height;

  if (pango_layout_get_line_count (layout) != 1 || pango_layout_get_attributes (layout) != NULL)
    return NULL;

  run = glyph_run_new_empty ();
  pango_layout_get_size (layout, NULL, &height);
  run->height = (double) height / PANGO_SCALE;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *layout_run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (layout_run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      ok = add_pango_run (run, layout_run, logical.x, pango_layout_iter_get_baseline (iter));
    }
  while (ok && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (!ok)
    g_clear_pointer (&run, ward_report_glyph_run_free);
  return run;
}

double
ward_report_glyph_run_get_height (const WardReportGlyphRun *run)
{
  return run->height;
}

const cairo_glyph_t *
ward_report_glyph_run_get_glyphs (const WardReportGlyphRun *run,
                                  guint                    *n_glyphs)
{
  *n_glyphs = run->glyphs->len;
  return (const cairo_glyph_t *) (gconstpointer) run->glyphs->data;
}

static Queue *
queue_for (WardReportGlyphs    *self,
           cairo_scaled_font_t *font)
{
  Queue *queue;

  /* A table uses a font or two: a list is quicker than a hash. */
  for (guint i = 0; i < self->queues->len; i++)
    {
      queue = g_ptr_array_index (self->queues, i);
      if (queue->font == font)
        return queue;
    }

  queue = g_new0 (Queue, 1);
  queue->font = cairo_scaled_font_reference (font);
  queue->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  g_ptr_array_add (self->queues, queue);
  return queue;
}

void
ward_report_glyphs_add (WardReportGlyphs         *self,
                        const WardReportGlyphRun *run,
                        double                    x,
                        double                    y)
{
  for (guint s = 0; s < run->segments->len; s++)
    {
      const Segment *segment = &g_array_index (run->segments, Segment, s);
      Queue *queue = queue_for (self, segment->font);
      guint at = queue->glyphs->len;

      g_array_append_vals (queue->glyphs, &g_array_index (run->glyphs, cairo_glyph_t, segment->first),
                           segment->n);
      for (guint i = at; i < queue->glyphs->len; i++)
        {
          cairo_glyph_t *glyph = &g_array_index (queue->glyphs, cairo_glyph_t, i);

          glyph->x += x;
          glyph->y += y;
        }
    }
}

void
ward_report_glyphs_flush (WardReportGlyphs *self,
                          cairo_t          *cr)
{
  for (guint i = 0; i < self->queues->len; i++)
    {
      Queue *queue = g_ptr_array_index (self->queues, i);

      if (queue->glyphs->len == 0)
        continue;
      cairo_save (cr);
      cairo_set_scaled_font (cr, queue->font);
      cairo_show_glyphs (cr, (cairo_glyph_t *) (gpointer) queue->glyphs->data, (int) queue->glyphs->len);
      cairo_restore (cr);
      g_array_set_size (queue->glyphs, 0);
    }
}

/* ---- Numbers ------------------------------------------------------------ */

/* The one run of one line @layout shows for its text, from @font (set when
 * NULL) with @n_glyphs glyphs; NULL otherwise. */
static PangoGlyphItem *
single_run (PangoLayout  *layout,
            PangoFont   **font,
            int           n_glyphs)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoGlyphItem *item;

  if (pango_layout_get_line_count (layout) != 1 || line->runs == NULL || line->runs->next != NULL)
    return NULL;
  item = line->runs->data;
  if (item->glyphs->num_glyphs != n_glyphs || item->item->analysis.level % 2 != 0
      || !PANGO_IS_CAIRO_FONT (item->item->analysis.font)
      || (*font != NULL && item->item->analysis.font != *font))
    return NULL;
  for (int i = 0; i < n_glyphs; i++)
    if (item->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return NULL;
  *font = item->item->analysis.font;
  return item;
}

static gboolean
measure_numerals (WardReportNumerals *self,
                  PangoLayout        *probe,
                  PangoFont         **font)
{
  int height;

  for (guint i = 0; i < N_NUMERALS; i++)
    {
      const char text[] = { NUMERALS[i], '\0' };
      PangoGlyphItem *item;
      PangoGlyphInfo *info;

      pango_layout_set_text (probe, text, -1);
      item = single_run (probe, font, 1);
      if (item == NULL)
        return FALSE;
      info = &item->glyphs->glyphs[0];
      self->numerals[i] = (Numeral) { info->glyph, info->geometry.width,
                                      info->geometry.x_offset, info->geometry.y_offset };
    }
  self->baseline = pango_layout_get_baseline (probe);
  pango_layout_get_size (probe, NULL, &height);
  self->height = height;
  return TRUE;
}

/* Each pair shaped together: the same glyphs as alone, moved along the
 * line only; FALSE for a ligature, a contextual form, a vertical move. */
static gboolean
measure_pairs (WardReportNumerals *self,
               PangoLayout        *probe,
               PangoFont          *font)
{
  for (guint a = 0; a < N_NUMERALS; a++)
    for (guint b = 0; b < N_NUMERALS; b++)
      {
        const char pair[] = { NUMERALS[a], NUMERALS[b], '\0' };
        const Numeral *first = &self->numerals[a], *second = &self->numerals[b];
        PangoGlyphInfo *info;
        PangoGlyphItem *item;

        pango_layout_set_text (probe, pair, -1);
        item = single_run (probe, &font, 2);
        if (item == NULL)
          return FALSE;
        info = item->glyphs->glyphs;
        if (info[0].glyph != first->glyph || info[1].glyph != second->glyph
            || info[0].geometry.x_offset != first->x_offset
            || info[0].geometry.y_offset != first->y_offset
            || info[1].geometry.y_offset != second->y_offset)
          return FALSE;
        self->pairs[a][b] = (PairAdjustment) {
          info[0].geometry.width - first->width,
          info[1].geometry.width - second->width,
          info[1].geometry.x_offset - second->x_offset,
        };
      }
  return TRUE;
}

/* Where each glyph of @text goes, from the numerals and the pairs: FALSE
 * when @text holds another character or is too long. */
static gboolean
layout_numerals (WardReportNumerals *self,
                 const char         *text,
                 Numeral            *out,
                 guint              *n_out)
{
  guint index[MAX_NUMERAL_TEXT];
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    {
      const char *at = strchr (NUMERALS, *p);

      if (at == NULL || n == MAX_NUMERAL_TEXT)
        return FALSE;
      index[n] = (guint) (at - NUMERALS);
      out[n] = self->numerals[index[n]];
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      const PairAdjustment *pair = &self->pairs[index[i]][index[i + 1]];

      out[i].width += pair->first_width;
      out[i + 1].width += pair->second_width;
      out[i + 1].x_offset += pair->second_x_offset;
    }
  *n_out = n;
  return TRUE;
}

/* The pairs' adjustments add up in longer numbers as they do in Pango: each
 * triple with an adjusted pair is shaped and compared. */
static gboolean
triples_agree (WardReportNumerals *self,
               PangoLayout        *probe,
               PangoFont          *font)
{
  static const PairAdjustment plain = { 0, 0, 0 };

  for (guint a = 0; a < N_NUMERALS; a++)
    for (guint b = 0; b < N_NUMERALS; b++)
      for (guint c = 0; c < N_NUMERALS; c++)
        {
          const char triple[] = { NUMERALS[a], NUMERALS[b], NUMERALS[c], '\0' };
          Numeral expected[3];
          PangoGlyphItem *item;
          guint n;

          if (memcmp (&self->pairs[a][b], &plain, sizeof plain) == 0
              && memcmp (&self->pairs[b][c], &plain, sizeof plain) == 0)
            continue;
          pango_layout_set_text (probe, triple, -1);
          item = single_run (probe, &font, 3);
          if (item == NULL || !layout_numerals (self, triple, expected, &n))
            return FALSE;
          for (guint i = 0; i < 3; i++)
            if (item->glyphs->glyphs[i].geometry.width != expected[i].width
                || item->glyphs->glyphs[i].geometry.x_offset != expected[i].x_offset)
              return FALSE;
        }
  return TRUE;
}

WardReportNumerals *
ward_report_numerals_new (PangoContext               *context,
                          const PangoFontDescription *font_description)
{
  g_autoptr (PangoLayout) probe = pango_layout_new (context);
  WardReportNumerals *self = g_new0 (WardReportNumerals, 1);
  PangoFont *font = NULL;

  pango_layout_set_font_description (probe, font_description);
  if (!measure_numerals (self, probe, &font) || !measure_pairs (self, probe, font)
      || !triples_agree (self, probe, font))
    {
      ward_report_numerals_free (self);
      return NULL;
    }

  self->font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
  self->scratch = glyph_run_new_empty ();
  return self;
}

void
ward_report_numerals_free (WardReportNumerals *self)
{
  if (self == NULL)
    return;

  /* The scratch run's segment borrows the font. */
  if (self->scratch != NULL)
    g_array_set_size (self->scratch->segments, 0);
  g_clear_pointer (&self->scratch, ward_report_glyph_run_free);
  g_clear_pointer (&self->font, cairo_scaled_font_destroy);
  g_free (self);
}

/* Where Pango puts a line @line_width wide in a layout @layout_width wide
 * (pango-layout.c, get_x_offset). */
static int
x_offset_for (PangoAlignment alignment,
              int            layout_width,
              int            line_width)
{
  int offset;

  switch (alignment)
    {
    case PANGO_ALIGN_RIGHT:
      return layout_width - line_width;
    case PANGO_ALIGN_CENTER:
      offset = (layout_width - line_width) / 2;
      if (((layout_width | line_width) & (PANGO_SCALE - 1)) == 0)
        offset = PANGO_UNITS_ROUND (offset);
      return offset;
    case PANGO_ALIGN_LEFT:
    default:
      return 0;
    }
}

const WardReportGlyphRun *
ward_report_numerals_place (WardReportNumerals *self,
                            const char         *text,
                            PangoLayout        *layout)
{
  WardReportGlyphRun *run = self->scratch;
  int width = pango_layout_get_width (layout);
  Numeral placed[MAX_NUMERAL_TEXT];
  Segment segment = { self->font, 0, 0 };
  int line_width = 0, x;
  guint n;

  if (!layout_numerals (self, text, placed, &n))
    return NULL;
  for (guint i = 0; i < n; i++)
    line_width += placed[i].width;
  /* Wider than its column: Pango would wrap it. */
  if (width >= 0 && line_width > width)
    return NULL;

  g_array_set_size (run->glyphs, 0);
  g_array_set_size (run->segments, 0);
  x = width >= 0 ? x_offset_for (pango_layout_get_alignment (layout), width, line_width) : 0;
  for (guint i = 0; i < n; i++)
    {
      cairo_glyph_t glyph = {
        placed[i].glyph,
        (double) (x + placed[i].x_offset) / PANGO_SCALE,
        (double) (self->baseline + placed[i].y_offset) / PANGO_SCALE,
      };

      g_array_append_val (run->glyphs, glyph);
      x += placed[i].width;
    }
  segment.n = run->glyphs->len;
  g_array_append_val (run->segments, segment);
  run->height = (double) self->height / PANGO_SCALE;
  return run;
}
