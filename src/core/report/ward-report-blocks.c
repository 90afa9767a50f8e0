/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <math.h>

#include "report/ward-report-private.h"

/* The blocks as the rules for Party documents (Hướng dẫn 36-HD/VPTW) and
 * state documents (Nghị định 30/2020/NĐ-CP) set them out. */

#define SIGNATURE_ROOM 72.0  /* for the signature and the seal: about 25 mm */
#define RULE_WIDTH     0.6

/* Hướng dẫn 36-HD/VPTW (03/4/2018), the appendix "Mẫu chữ và chi tiết
 * trình bày thể thức văn bản", as a secondary copy of it reproduces the
 * table (the official PDF could not be read): each size is the guide's, or
 * the lower end of its range. The rows for the signature, "Nơi nhận", the
 * rule under the trích yếu and the page number were not in that copy; they
 * follow the Party offices' practice as other secondary sources give it. */
static const DocumentStyle party_style = {
  .heading = 15,           /* "ĐẢNG CỘNG SẢN VIỆT NAM": in hoa, 15, đứng, đậm */
  .motto = 0,              /* none: the Party heading has no motto */
  .parent_body = 14,       /* tên cơ quan cấp trên trực tiếp: in hoa, 14, đứng */
  .issuing_body = 14,      /* tên cơ quan ban hành: in hoa, 14, đứng, đậm */
  .number = 14,            /* số và ký hiệu: in thường, 14, đứng ("Số 12-BC/ĐU") */
  .place_date = 14,        /* địa danh, ngày tháng năm: in thường, 14, nghiêng */
  .type_name = 16,         /* tên loại văn bản: in hoa, 15-16, đứng, đậm */
  .abstract = 14,          /* trích yếu: in thường, 14-15, đứng, đậm */
  .body = 14,              /* nội dung: in thường, 14-15, đứng */
  .signature = 14,         /* quyền hạn, chức vụ (in hoa), họ tên: 14, đứng, đậm */
  .recipients_label = "<u>Nơi nhận:</u>",  /* in thường, 14, đứng, gạch chân */
  .recipients_label_size = 14,
  .recipients = 12,        /* the recipients: in thường, 12, đứng */
  .page_number = 14,
  .abstract_rule = "-----", /* five hyphens under the trích yếu */
};

/* Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục V "Mẫu chữ và chi tiết trình
 * bày thể thức văn bản hành chính", which the Fatherland Front's own
 * guidance (Hướng dẫn 91/HD-MTTW-BTT, 2013) follows for its documents: the
 * national heading on the right. Sizes from the decree's table; the
 * signature and "Nơi nhận" rows from secondary sources. */
static const DocumentStyle state_style = {
  .heading = 13,           /* Quốc hiệu: in hoa, 12-13, đứng, đậm */
  .motto = 14,             /* Tiêu ngữ: in thường, 13-14, đứng, đậm */
  .parent_body = 13,       /* tên cơ quan chủ quản: in hoa, 12-13, đứng */
  .issuing_body = 13,      /* tên cơ quan ban hành: in hoa, 12-13, đứng, đậm */
  .number = 13,            /* số, ký hiệu: in thường, 13, đứng ("Số: 12/DS-MTTQ-BTT") */
  .place_date = 14,        /* địa danh, thời gian: in thường, 13-14, nghiêng */
  .type_name = 14,         /* tên loại văn bản: in hoa, 13-14, đứng, đậm */
  .abstract = 14,          /* trích yếu: in thường, 13-14, đứng, đậm */
  .body = 14,              /* nội dung: in thường, 13-14, đứng */
  .signature = 14,         /* quyền hạn, chức vụ, họ tên: 13-14, đứng, đậm */
  .recipients_label = "<b><i>Nơi nhận:</i></b>",  /* in thường, 12, nghiêng, đậm */
  .recipients_label_size = 12,
  .recipients = 11,        /* the recipients: in thường, 11, đứng */
  .page_number = 14,       /* Mục I.7: cỡ chữ 13 đến 14, đứng, canh giữa lề trên */
  .abstract_rule = NULL,   /* a solid rule a third of the trích yếu's width */
};

/* Forms neither guide governs (the receipt book, on A5): the text of a
 * printed form, smaller. */
static const DocumentStyle form_style = {
  .heading = 12,
  .motto = 12,
  .parent_body = 12,
  .issuing_body = 12,
  .number = 12,
  .place_date = 12,
  .type_name = 15,
  .abstract = 12,
  .body = 12,
  .signature = 12,
  .recipients_label = "<b><i>Nơi nhận:</i></b>",
  .recipients_label_size = 11,
  .recipients = 11,
  .page_number = 12,
  .abstract_rule = NULL,
};

const DocumentStyle *
ward_report_style (WardReport *owner)
{
  switch (owner->header_kind)
    {
    case WARD_REPORT_HEADER_PARTY:
      return &party_style;
    case WARD_REPORT_HEADER_STATE:
      return &state_style;
    case WARD_REPORT_HEADER_NONE:
    default:
      return &form_style;
    }
}

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
  const DocumentStyle *style = ward_report_style (self);
  gboolean party = self->header_kind == WARD_REPORT_HEADER_PARTY;
  const char *heading = self->heading;
  const char *motto = self->motto;

  if (heading == NULL)
    {
      heading = party ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
      motto = party ? NULL : "Độc lập - Tự do - Hạnh phúc";
    }

  h->parent = header_layout_new (context, self->parent_body, style->parent_body,
                                 WARD_REPORT_STYLE_NORMAL);
  h->issuing = header_layout_new (context, self->issuing_body, style->issuing_body,
                                  WARD_REPORT_STYLE_BOLD);
  /* Under a Party body, "*" (Hướng dẫn 36-HD/VPTW); under the others a
   * short rule, drawn in render_bodies(). */
  h->mark = party ? header_layout_new (context, "*", style->issuing_body,
                                       WARD_REPORT_STYLE_NORMAL) : NULL;
  h->number = header_layout_new (context, self->number, style->number, WARD_REPORT_STYLE_NORMAL);
  h->heading = header_layout_new (context, heading, style->heading, WARD_REPORT_STYLE_BOLD);
  h->motto = header_layout_new (context, motto, style->motto, WARD_REPORT_STYLE_BOLD);
  h->place_date = header_layout_new (context, self->place_date, style->place_date,
                                     WARD_REPORT_STYLE_ITALIC);
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

/* The short rule under the trích yếu: five hyphens on Party documents, a
 * solid line a third of its width on the others (see the styles). */
static double
render_abstract_rule (const DocumentStyle *style,
                      PangoContext        *context,
                      PangoLayout         *abstract,
                      cairo_t             *cr,
                      double               x,
                      double               y,
                      double               width)
{
  LineExtents line;

  if (style->abstract_rule != NULL)
    {
      g_autoptr(PangoLayout) dashes = text_layout_new (context, style->abstract_rule, FALSE,
                                                       style->abstract, WARD_REPORT_STYLE_NORMAL,
                                                       width, PANGO_ALIGN_CENTER);

      return show (cr, dashes, x, y);
    }
  last_line_extents (abstract, &line);
  rule (cr, x + line.x + line.width / 3, y + 3, line.width / 3);
  return 6;
}

static double
render_title (WardReport   *self,
              PangoContext *context,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width)
{
  const DocumentStyle *style = ward_report_style (self);
  double top = y;

  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = text_layout_new (context, self->title, FALSE, style->type_name,
                                                      WARD_REPORT_STYLE_BOLD, width,
                                                      PANGO_ALIGN_CENTER);
      y += show (cr, title, x, y);
    }

  if (self->abstract != NULL)
    {
      g_autoptr(PangoLayout) abstract = text_layout_new (context, self->abstract, FALSE,
                                                         style->abstract, WARD_REPORT_STYLE_BOLD,
                                                         width, PANGO_ALIGN_CENTER);

      y += show (cr, abstract, x, y);
      y += render_abstract_rule (style, context, abstract, cr, x, y, width);
    }

  if (self->subtitle != NULL)
    {
      g_autoptr(PangoLayout) subtitle = text_layout_new (context, self->subtitle, TRUE,
                                                         style->body, self->subtitle_style,
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
  g_autoptr(PangoLayout) layout = text_layout_new (context, block->text, FALSE,
                                                   ward_report_style (block->owner)->body,
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
  double size = ward_report_style (block->owner)->body;
  g_autoptr(PangoLayout) value = text_layout_new (context, block->value, FALSE, size,
                                                  WARD_REPORT_STYLE_BOLD, -1, PANGO_ALIGN_LEFT);
  double value_width = MIN (width_of (value), width / 2);
  g_autoptr(PangoLayout) key = NULL;
  double value_y;
  LineExtents line;

  pango_layout_set_width (value, (int) (value_width * PANGO_SCALE));
  pango_layout_set_alignment (value, PANGO_ALIGN_RIGHT);
  key = text_layout_new (context, block->text, FALSE, size, WARD_REPORT_STYLE_NORMAL,
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
  const DocumentStyle *style = ward_report_style (self);
  double left_width = 0.45 * width;
  double left = 0, right = 0;

  if (self->recipients != NULL)
    {
      g_autoptr(PangoLayout) label = text_layout_new (context, style->recipients_label, TRUE,
                                                      style->recipients_label_size,
                                                      WARD_REPORT_STYLE_NORMAL,
                                                      left_width, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) list = text_layout_new (context, self->recipients, FALSE,
                                                     style->recipients, WARD_REPORT_STYLE_NORMAL,
                                                     left_width, PANGO_ALIGN_LEFT);

      left += show (cr, label, x, y);
      left += show (cr, list, x, y + left);
    }

  if (self->signature_lines != NULL || self->signatory != NULL)
    {
      g_autoptr(PangoLayout) lines = text_layout_new (context, self->signature_lines, FALSE,
                                                      style->signature, WARD_REPORT_STYLE_BOLD,
                                                      width - left_width, PANGO_ALIGN_CENTER);
      g_autoptr(PangoLayout) name = text_layout_new (context, self->signatory, FALSE,
                                                     style->signature, WARD_REPORT_STYLE_BOLD,
                                                     width - left_width, PANGO_ALIGN_CENTER);

      if (self->signature_lines != NULL)
        right += show (cr, lines, x + left_width, y);
      right += SIGNATURE_ROOM;
      if (self->signatory != NULL)
        right += show (cr, name, x + left_width, y + right);
    }

  return MAX (left, right);
}

/* Columns of equal width, each centred: signatures side by side. */
static double
render_columns (Block        *block,
                PangoContext *context,
                cairo_t      *cr,
                double        x,
                double        y,
                double        width)
{
  guint n = g_strv_length (block->columns);
  double column_width = width / n;
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout_new (context, block->columns[i], TRUE,
                                                       ward_report_style (block->owner)->body,
                                                       WARD_REPORT_STYLE_NORMAL, column_width - 4,
                                                       PANGO_ALIGN_CENTER);

      height = MAX (height, show (cr, layout, x + i * column_width + 2, y));
    }
  return height;
}

PangoLayout *
ward_report_paragraph_layout_new (Block        *block,
                                  PangoContext *context,
                                  double        width)
{
  const DocumentStyle *style = ward_report_style (block->owner);
  PangoLayout *layout;

  if (block->kind == BLOCK_CLOSING)
    return text_layout_new (context, block->text, TRUE, style->recipients,
                            WARD_REPORT_STYLE_NORMAL, width, PANGO_ALIGN_LEFT);

  layout = text_layout_new (context, block->text, TRUE, style->body, WARD_REPORT_STYLE_NORMAL,
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
      return render_header (block->owner, context, cr, x, y, width);
    case BLOCK_TITLE:
      return render_title (block->owner, context, cr, x, y, width);
    case BLOCK_HEADING:
      return render_heading (block, context, cr, x, y, width);
    case BLOCK_KEY_VALUE:
      return render_key_value (block, context, cr, x, y, width);
    case BLOCK_SIGNATURE:
      return render_signature (block->owner, context, cr, x, y, width);
    case BLOCK_COLUMNS:
      return render_columns (block, context, cr, x, y, width);
    case BLOCK_PARAGRAPH:
    case BLOCK_TABLE:
    case BLOCK_CLOSING:
    case BLOCK_PAGE_BREAK:
    default:
      g_assert_not_reached ();
    }
}

void
ward_report_draw_page_number (WardReport   *self,
                              PangoContext *context,
                              cairo_t      *cr,
                              const Frame  *frame,
                              int           number)
{
  g_autofree char *text = g_strdup_printf ("%d", number);
  g_autoptr(PangoLayout) layout = text_layout_new (context, text, FALSE,
                                                   ward_report_style (self)->page_number,
                                                   WARD_REPORT_STYLE_NORMAL, frame->width,
                                                   PANGO_ALIGN_CENTER);

  show (cr, layout, frame->left, (frame->top - height_of (layout)) / 2);
}
