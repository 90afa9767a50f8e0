/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <math.h>

#include "report/ward-report-private.h"

/* The blocks as the rules for Party documents (Hướng dẫn 36-HD/VPTW) and
 * state documents (Nghị định 30/2020/NĐ-CP) set them out. */

#define BODY_SIZE      13.0
#define TITLE_SIZE     15.0
#define SUBTITLE_SIZE  14.0
#define SMALL_SIZE     11.0
#define SIGNATURE_ROOM 72.0  /* for the signature and the seal */
#define RULE_WIDTH     0.6

static PangoLayout *
text_layout_new (PangoContext    *context,
                 const char      *text,
                 gboolean         is_markup,
                 double           size,
                 WardReportStyle  style,
                 double           width,
                 PangoAlignment   alignment)
{
  g_autoptr(PangoFontDescription) font = ward_report_font_new (size, style);
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  if (is_markup)
    pango_layout_set_markup (layout, text != NULL ? text : "", -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

static double
height_of (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static double
width_of (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);

  return (double) width / PANGO_SCALE;
}

static double
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return height_of (layout);
}

typedef struct
{
  double x;
  double width;
  double baseline;
  double bottom;
} LineExtents;

/* Where the last line of @layout starts and ends, its baseline and bottom. */
static void
last_line_extents (PangoLayout *layout,
                   LineExtents *line)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  while (pango_layout_iter_next_line (iter))
    ;
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  line->baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  pango_layout_iter_free (iter);

  line->x = (double) logical.x / PANGO_SCALE;
  line->width = (double) logical.width / PANGO_SCALE;
  line->bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
}

static void
rule (cairo_t *cr,
      double   x,
      double   y,
      double   length)
{
  if (cr == NULL)
    return;

  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, length, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
}

/* Underlines the last line of @layout, drawn at (@x, @y), over the width of
 * its text only. Returns the rule's distance below @y. */
static double
underline_last_line (cairo_t     *cr,
                     PangoLayout *layout,
                     double       x,
                     double       y)
{
  LineExtents line;

  last_line_extents (layout, &line);
  rule (cr, x + line.x, y + line.bottom + 1.0, line.width);

  return line.bottom + 1.0;
}

/* The heading blocks */

typedef struct
{
  PangoLayout *parent;
  PangoLayout *issuing;
  PangoLayout *mark;
  PangoLayout *number;
  PangoLayout *heading;
  PangoLayout *motto;
  PangoLayout *place_date;
} HeaderLayouts;

static void
header_layouts_clear (HeaderLayouts *h)
{
  g_clear_object (&h->parent);
  g_clear_object (&h->issuing);
  g_clear_object (&h->mark);
  g_clear_object (&h->number);
  g_clear_object (&h->heading);
  g_clear_object (&h->motto);
  g_clear_object (&h->place_date);
}

static PangoLayout *
header_layout_new (PangoContext    *context,
                   const char      *text,
                   double           size,
                   WardReportStyle  style)
{
  if (text == NULL || text[0] == '\0')
    return NULL;

  return text_layout_new (context, text, FALSE, size, style, -1, PANGO_ALIGN_CENTER);
}

static void
header_layouts_init (WardReport    *self,
                     PangoContext  *context,
                     HeaderLayouts *h)
{
  gboolean party = self->header_kind == WARD_REPORT_HEADER_PARTY;
  double body_size = party ? 13 : 12;
  const char *heading = self->heading;
  const char *motto = self->motto;

  if (heading == NULL)
    {
      heading = party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
      motto = party ? NULL : "Độc lập - Tự do - Hạnh phúc";
    }

  h->parent = header_layout_new (context, self->parent_body, body_size, WARD_REPORT_STYLE_NORMAL);
  h->issuing = header_layout_new (context, self->issuing_body, body_size, WARD_REPORT_STYLE_BOLD);
  h->mark = party ? header_layout_new (context, "*", body_size, WARD_REPORT_STYLE_NORMAL) : NULL;
  h->number = header_layout_new (context, self->number, 13, WARD_REPORT_STYLE_NORMAL);
  h->heading = header_layout_new (context, heading, party ? 14 : 12, WARD_REPORT_STYLE_BOLD);
  h->motto = header_layout_new (context, motto, 13, WARD_REPORT_STYLE_BOLD);
  h->place_date = header_layout_new (context, self->place_date, 13, WARD_REPORT_STYLE_ITALIC);
}

static double
natural_width (PangoLayout * const *layouts,
               guint                n_layouts)
{
  double width = 0;

  for (guint i = 0; i < n_layouts; i++)
    if (layouts[i] != NULL)
      width = MAX (width, width_of (layouts[i]));

  return width;
}

static void
set_column_width (PangoLayout * const *layouts,
                  guint                n_layouts,
                  double               width)
{
  for (guint i = 0; i < n_layouts; i++)
    if (layouts[i] != NULL)
      pango_layout_set_width (layouts[i], (int) (width * PANGO_SCALE));
}

/* Splits @width between the two blocks, each centred in its column: the
 * left takes about two fifths when both fit. When they do not, the national
 * heading and the date keep their one line and the bodies' names wrap. */
static double
left_column_width (double left_natural,
                   double right_natural,
                   double width)
{
  const double gap = 12;

  if (left_natural + right_natural + gap <= width)
    return CLAMP (0.42 * width, left_natural + gap / 2, width - right_natural - gap / 2);

  return MAX (width - right_natural - gap / 2, 0.35 * width);
}

/* Top left: the parent body over the issuing body in bold, then "*" for the
 * Party or a short rule (Nghị định 30/2020: a third to a half of the name's
 * length). Returns the bottom. */
static double
render_bodies (HeaderLayouts *h,
               cairo_t       *cr,
               double         x,
               double         y)
{
  LineExtents line;

  if (h->parent != NULL)
    y += show (cr, h->parent, x, y);

  if (h->issuing == NULL)
    return y;

  last_line_extents (h->issuing, &line);
  y += show (cr, h->issuing, x, y);

  if (h->mark != NULL)
    return y + show (cr, h->mark, x, y);

  rule (cr, x + line.x + line.width * 0.3, y + 2, line.width * 0.4);

  return y + 8;
}

/* Top right: the national heading, its last line underlined over the width
 * of its text. Returns the bottom. */
static double
render_national_heading (HeaderLayouts *h,
                         cairo_t       *cr,
                         double         x,
                         double         y)
{
  PangoLayout *last = h->motto != NULL ? h->motto : h->heading;

  if (h->heading != NULL && h->motto != NULL)
    y += show (cr, h->heading, x, y);

  if (last == NULL)
    return y;

  show (cr, last, x, y);

  return y + underline_last_line (cr, last, x, y) + 8;
}

static double
render_header (WardReport   *self,
               PangoContext *context,
               cairo_t      *cr,
               double        x,
               double        y,
               double        width)
{
  HeaderLayouts h = { NULL, };
  PangoLayout *left[] = { NULL, NULL, NULL }, *right[] = { NULL, NULL, NULL };
  double left_width, row, bottom;

  header_layouts_init (self, context, &h);
  left[0] = h.parent, left[1] = h.issuing, left[2] = h.number;
  right[0] = h.heading, right[1] = h.motto, right[2] = h.place_date;

  left_width = left_column_width (natural_width (left, 3), natural_width (right, 3), width);
  set_column_width (left, 3, left_width);
  set_column_width (&h.mark, 1, left_width);
  set_column_width (right, 3, width - left_width);

  /* The number and the date share a line under both blocks. */
  row = MAX (render_bodies (&h, cr, x, y), render_national_heading (&h, cr, x + left_width, y));
  bottom = row;
  if (h.number != NULL)
    bottom = MAX (bottom, row + show (cr, h.number, x, row));
  if (h.place_date != NULL)
    bottom = MAX (bottom, row + show (cr, h.place_date, x + left_width, row));

  header_layouts_clear (&h);

  return bottom - y;
}

static double
render_title (WardReport   *self,
              PangoContext *context,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width)
{
  double top = y;

  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = text_layout_new (context, self->title, FALSE, TITLE_SIZE,
                                                      WARD_REPORT_STYLE_BOLD, width,
                                                      PANGO_ALIGN_CENTER);
      y += show (cr, title, x, y);
    }

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = text_layout_new (context, self->subtitle, TRUE,
                                                         SUBTITLE_SIZE, self->subtitle_style,
                                                         width, PANGO_ALIGN_CENTER);
      if (y > top)
        y += 2;
      y += show (cr, subtitle, x, y);
    }

  return y - top;
}

static double
render_heading (Block        *block,
                PangoContext *context,
                cairo_t      *cr,
                double        x,
                double        y,
                double        width)
{
  g_autoptr(PangoLayout) layout = text_layout_new (context, block->text, FALSE, BODY_SIZE,
                                                   WARD_REPORT_STYLE_BOLD, width,
                                                   PANGO_ALIGN_LEFT);

  return show (cr, layout, x, y);
}

static void
dot_leaders (cairo_t *cr,
             double   from,
             double   to,
             double   baseline)
{
  const double step = 4;

  if (cr == NULL)
    return;

  for (double dot = ceil (from / step) * step; dot <= to; dot += step)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, dot, baseline - 0.6, 0.6, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static double
render_key_value (Block        *block,
                  PangoContext *context,
                  cairo_t      *cr,
                  double        x,
                  double        y,
                  double        width)
{
  g_autoptr(PangoLayout) value = text_layout_new (context, block->value, FALSE, BODY_SIZE,
                                                  WARD_REPORT_STYLE_BOLD, -1, PANGO_ALIGN_LEFT);
  double value_width = MIN (width_of (value), width / 2);
  g_autoptr(PangoLayout) key = NULL;
  double value_y;
  LineExtents line;

  pango_layout_set_width (value, (int) (value_width * PANGO_SCALE));
  pango_layout_set_alignment (value, PANGO_ALIGN_RIGHT);
  key = text_layout_new (context, block->text, FALSE, BODY_SIZE, WARD_REPORT_STYLE_NORMAL,
                         width - value_width - 12, PANGO_ALIGN_LEFT);

  /* The value sits on the baseline of the key's last line. */
  last_line_extents (key, &line);
  value_y = MAX (0, line.baseline - (double) pango_layout_get_baseline (value) / PANGO_SCALE);

  show (cr, key, x, y);
  show (cr, value, x + width - value_width, y + value_y);
  dot_leaders (cr, x + line.x + line.width + 4, x + width - value_width - 4, y + line.baseline);

  return MAX (height_of (key), value_y + height_of (value));
}

static double
render_signature (WardReport   *self,
                  PangoContext *context,
                  cairo_t      *cr,
                  double        x,
                  double        y,
                  double        width)
{
  double left_width = 0.45 * width;
  double left = 0, right = 0;

  if (self->recipients != NULL)
    {
      g_autoptr(PangoLayout) label = text_layout_new (context, "Nơi nhận:", FALSE, 12,
                                                      WARD_REPORT_STYLE_BOLD
                                                      | WARD_REPORT_STYLE_ITALIC,
                                                      left_width, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) list = text_layout_new (context, self->recipients, FALSE,
                                                     SMALL_SIZE, WARD_REPORT_STYLE_NORMAL,
                                                     left_width, PANGO_ALIGN_LEFT);

      left += show (cr, label, x, y);
      left += show (cr, list, x, y + left);
    }

  if (self->signature_lines != NULL || self->signatory != NULL)
    {
      g_autoptr(PangoLayout) lines = text_layout_new (context, self->signature_lines, FALSE,
                                                      BODY_SIZE, WARD_REPORT_STYLE_BOLD,
                                                      width - left_width, PANGO_ALIGN_CENTER);
      g_autoptr(PangoLayout) name = text_layout_new (context, self->signatory, FALSE,
                                                     BODY_SIZE, WARD_REPORT_STYLE_BOLD,
                                                     width - left_width, PANGO_ALIGN_CENTER);

      if (self->signature_lines != NULL)
        right += show (cr, lines, x + left_width, y);
      right += SIGNATURE_ROOM;
      if (self->signatory != NULL)
        right += show (cr, name, x + left_width, y + right);
    }

  return MAX (left, right);
}

PangoLayout *
ward_report_paragraph_layout_new (Block        *block,
                                  PangoContext *context,
                                  double        width)
{
  PangoLayout *layout;

  if (block->kind == BLOCK_CLOSING)
    return text_layout_new (context, block->text, TRUE, SMALL_SIZE, WARD_REPORT_STYLE_NORMAL,
                            width, PANGO_ALIGN_LEFT);

  layout = text_layout_new (context, block->text, TRUE, BODY_SIZE, WARD_REPORT_STYLE_NORMAL,
                            width, PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (10 * WARD_REPORT_MM * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, 1.15f);

  return layout;
}

double
ward_report_render_block (WardReport   *self,
                          Block        *block,
                          PangoContext *context,
                          cairo_t      *cr,
                          double        x,
                          double        y,
                          double        width)
{
  switch (block->kind)
    {
    case BLOCK_HEADER:
      return render_header (self, context, cr, x, y, width);
    case BLOCK_TITLE:
      return render_title (self, context, cr, x, y, width);
    case BLOCK_HEADING:
      return render_heading (block, context, cr, x, y, width);
    case BLOCK_KEY_VALUE:
      return render_key_value (block, context, cr, x, y, width);
    case BLOCK_SIGNATURE:
      return render_signature (self, context, cr, x, y, width);
    case BLOCK_PARAGRAPH:
    case BLOCK_TABLE:
    case BLOCK_CLOSING:
    default:
      g_assert_not_reached ();
    }
}

void
ward_report_draw_page_number (PangoContext *context,
                              cairo_t      *cr,
                              const Frame  *frame,
                              int           page_nr)
{
  g_autofree char *text = g_strdup_printf ("%d", page_nr + 1);
  g_autoptr(PangoLayout) layout = text_layout_new (context, text, FALSE, BODY_SIZE,
                                                   WARD_REPORT_STYLE_NORMAL, frame->width,
                                                   PANGO_ALIGN_CENTER);

  show (cr, layout, frame->left, (frame->top - height_of (layout)) / 2);
}
