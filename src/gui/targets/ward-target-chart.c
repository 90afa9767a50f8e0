/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-target-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "targets/ward-target-chart.h"
#include "targets/ward-targets-readings.h"

struct _WardTargetChart
{
  GtkWidget       parent_instance;

  gboolean        has_data;
  WardTargetKind  kind;
  int             term_start_year;
  int             term_end_year;
  double          goal;
  WardProgress    progress;
  GArray         *series;  /* WardProgressPoint */
  double          today;
};

G_DEFINE_FINAL_TYPE (WardTargetChart, ward_target_chart, GTK_TYPE_WIDGET)

#define MARGIN_TOP     28.0
#define MARGIN_RIGHT   16.0
#define MARGIN_BOTTOM  30.0
#define DOT_RADIUS     4.0

typedef struct
{
  double x0, y0, width, height;   /* the plot area */
  double length;                  /* the term, in years */
  double lo, hi, step;            /* the value axis */
} Frame;

static double
frame_x (const Frame *f,
         double       time)
{
  return f->x0 + f->width * time / f->length;
}

static double
frame_y (const Frame *f,
         double       value)
{
  return f->y0 + f->height * (1.0 - (value - f->lo) / (f->hi - f->lo));
}

static char *
format_axis_value (WardTargetKind kind,
                   double         value)
{
  switch (kind)
    {
    case WARD_TARGET_MONEY:
      return ward_format_money_short (value);
    case WARD_TARGET_COUNT:
      return ward_format_number ((gint64) llround (value));
    case WARD_TARGET_RATE:
    case WARD_TARGET_GROWTH:
    case WARD_TARGET_QUOTA:
    default:
      return ward_format_percent (value, 1);
    }
}

static double
nice_step (double span)
{
  double raw = span / 4.0;
  double magnitude = pow (10, floor (log10 (raw)));
  double f = raw / magnitude;

  if (f <= 1)
    return magnitude;
  if (f <= 2)
    return 2 * magnitude;
  if (f <= 2.5)
    return 2.5 * magnitude;
  if (f <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

/* The value axis: every point and the path in view, padded, on round
 * steps. Counts, money and the quota start at 0; rates stay within 0 – 100. */
static void
compute_value_axis (WardTargetChart *self,
                    Frame           *f)
{
  double lo = MIN (self->progress.path_start_value, self->progress.path_end_value);
  double hi = MAX (self->progress.path_start_value, self->progress.path_end_value);
  double pad;

  lo = MIN (lo, self->goal);
  hi = MAX (hi, self->goal);
  for (guint i = 0; i < self->series->len; i++)
    {
      double v = g_array_index (self->series, WardProgressPoint, i).value;

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }
  pad = MAX ((hi - lo) * 0.1, MAX (fabs (hi) * 0.02, 1.0));
  lo -= pad;
  hi += pad;
  if (self->kind == WARD_TARGET_COUNT || self->kind == WARD_TARGET_MONEY || self->kind == WARD_TARGET_QUOTA)
    lo = 0;
  if (self->kind == WARD_TARGET_RATE)
    {
      lo = MAX (lo, 0);
      hi = MIN (hi, 100);
    }

  f->step = nice_step (hi - lo);
  f->lo = floor (lo / f->step) * f->step;
  f->hi = ceil (hi / f->step) * f->step;
  if (f->hi <= f->lo)
    f->hi = f->lo + f->step;
}

static PangoLayout *
make_layout (WardTargetChart *self,
             const char      *text,
             gboolean         small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

/* Draws @layout with its anchor at (@x, @y): @ax and @ay are 0 (left/top),
 * 0.5 (centre) or 1 (right/bottom). */
static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       ax,
             double       ay)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (cr, layout);
}

/* The same for @text, small. */
static void
draw_text (WardTargetChart *self,
           cairo_t         *cr,
           const char      *text,
           double           x,
           double           y,
           double           ax,
           double           ay)
{
  g_autoptr (PangoLayout) layout = make_layout (self, text, TRUE);

  draw_layout (cr, layout, x, y, ax, ay);
}

static double
widest_value_label (WardTargetChart *self,
                    const Frame     *f)
{
  double widest = 0;

  for (double v = f->lo; v <= f->hi + f->step / 2; v += f->step)
    {
      g_autofree char *text = format_axis_value (self->kind, v);
      g_autoptr (PangoLayout) layout = make_layout (self, text, TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_axes (WardTargetChart *self,
           cairo_t         *cr,
           const Frame     *f,
           const GdkRGBA   *fg)
{
  cairo_set_line_width (cr, 1);
  for (double v = f->lo; v <= f->hi + f->step / 2; v += f->step)
    {
      g_autofree char *text = format_axis_value (self->kind, v);
      double y = round (frame_y (f, v)) + 0.5;

      set_color (cr, fg, 0.12);
      cairo_move_to (cr, f->x0, y);
      cairo_line_to (cr, f->x0 + f->width, y);
      cairo_stroke (cr);
      set_color (cr, fg, 0.7);
      draw_text (self, cr, text, f->x0 - 6, y, 1, 0.5);
    }
  /* A reading for a year is drawn at the year's end: label the ends. */
  for (int year = self->term_start_year; year <= self->term_end_year; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      double x = round (frame_x (f, year - self->term_start_year + 1)) + 0.5;

      set_color (cr, fg, 0.12);
      cairo_move_to (cr, x, f->y0);
      cairo_line_to (cr, x, f->y0 + f->height);
      cairo_stroke (cr);
      set_color (cr, fg, 0.7);
      draw_text (self, cr, text, x, f->y0 + f->height + 6, 0.5, 0);
    }
  set_color (cr, fg, 0.35);
  cairo_move_to (cr, f->x0 + 0.5, f->y0);
  cairo_line_to (cr, f->x0 + 0.5, f->y0 + f->height);
  cairo_line_to (cr, f->x0 + f->width, f->y0 + f->height);
  cairo_stroke (cr);
}

static void
draw_today (WardTargetChart *self,
            cairo_t         *cr,
            const Frame     *f,
            const GdkRGBA   *fg)
{
  static const double dots[] = { 2, 3 };
  g_autoptr (PangoLayout) layout = NULL;
  double x;
  int w, h;

  if (self->today <= 0 || self->today >= f->length)
    return;
  x = round (frame_x (f, self->today)) + 0.5;
  set_color (cr, fg, 0.45);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_move_to (cr, x, f->y0);
  cairo_line_to (cr, x, f->y0 + f->height);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Right of the line, or left of it near the chart's end ("Hôm nay" in
   * the last half year was cut at the edge). */
  layout = make_layout (self, _("Today"), TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (x + 3 + w <= gtk_widget_get_width (GTK_WIDGET (self)))
    draw_layout (cr, layout, x + 3, f->y0, 0, 0);
  else
    draw_layout (cr, layout, x - 3, f->y0, 1, 0);
}

static void
draw_path (cairo_t            *cr,
           const Frame        *f,
           const WardProgress *p,
           const GdkRGBA      *fg)
{
  static const double dashes[] = { 6, 4 };

  set_color (cr, fg, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, frame_x (f, 0), frame_y (f, p->path_start_value));
  cairo_line_to (cr, frame_x (f, p->path_start_time), frame_y (f, p->path_start_value));
  cairo_line_to (cr, frame_x (f, p->path_end_time), frame_y (f, p->path_end_value));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_series (WardTargetChart *self,
             cairo_t         *cr,
             const Frame     *f,
             const GdkRGBA   *accent,
             const GdkRGBA   *background)
{
  set_color (cr, accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->series->len; i++)
    {
      WardProgressPoint *point = &g_array_index (self->series, WardProgressPoint, i);

      if (i == 0)
        cairo_move_to (cr, frame_x (f, point->time), frame_y (f, point->value));
      else
        cairo_line_to (cr, frame_x (f, point->time), frame_y (f, point->value));
    }
  cairo_stroke (cr);

  if (self->kind == WARD_TARGET_COUNT)
    return;
  for (guint i = 0; i < self->series->len; i++)
    {
      WardProgressPoint *point = &g_array_index (self->series, WardProgressPoint, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, frame_x (f, point->time), frame_y (f, point->value), DOT_RADIUS, 0, 2 * G_PI);
      set_color (cr, point->final ? accent : background, 1);
      cairo_fill_preserve (cr);
      set_color (cr, accent, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

static void
draw_legend (WardTargetChart *self,
             cairo_t         *cr,
             double           right,
             const GdkRGBA   *fg,
             const GdkRGBA   *accent)
{
  static const double dashes[] = { 6, 4 };
  g_autoptr (PangoLayout) actual = make_layout (self, _("Actual"), TRUE);
  g_autoptr (PangoLayout) path = make_layout (self, _("Even path"), TRUE);
  int wa, wp, h;
  double x;

  pango_layout_get_pixel_size (actual, &wa, &h);
  pango_layout_get_pixel_size (path, &wp, &h);
  x = right - wp;
  set_color (cr, fg, 0.8);
  cairo_move_to (cr, x, 4);
  pango_cairo_show_layout (cr, path);
  set_color (cr, fg, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x - 30, 4 + h / 2.0);
  cairo_line_to (cr, x - 6, 4 + h / 2.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  x -= 48 + wa;
  set_color (cr, fg, 0.8);
  cairo_move_to (cr, x, 4);
  pango_cairo_show_layout (cr, actual);
  set_color (cr, accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_move_to (cr, x - 30, 4 + h / 2.0);
  cairo_line_to (cr, x - 6, 4 + h / 2.0);
  cairo_stroke (cr);
}

static void
draw_chart (WardTargetChart *self,
            cairo_t         *cr,
            int              width,
            int              height)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent, background;
  Frame f = { 0 };

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background))
    gdk_rgba_parse (&background, "#ffffff");

  f.length = self->term_end_year - self->term_start_year + 1;
  compute_value_axis (self, &f);
  f.x0 = widest_value_label (self, &f) + 12;
  f.y0 = MARGIN_TOP;
  f.width = width - f.x0 - MARGIN_RIGHT;
  f.height = height - MARGIN_TOP - MARGIN_BOTTOM;
  if (f.width < 40 || f.height < 40)
    return;

  draw_axes (self, cr, &f, &fg);
  draw_today (self, cr, &f, &fg);
  draw_path (cr, &f, &self->progress, &fg);
  draw_series (self, cr, &f, &accent, &background);
  draw_legend (self, cr, width - MARGIN_RIGHT, &fg, &accent);
}

static void
ward_target_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  WardTargetChart *self = WARD_TARGET_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (!self->has_data || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, cr, width, height);
  cairo_destroy (cr);
}

static void
ward_target_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 520;
    }
  else
    {
      *minimum = 180;
      *natural = 240;
    }
}

static void
ward_target_chart_finalize (GObject *object)
{
  WardTargetChart *self = WARD_TARGET_CHART (object);

  g_clear_pointer (&self->series, g_array_unref);

  G_OBJECT_CLASS (ward_target_chart_parent_class)->finalize (object);
}

static void
ward_target_chart_class_init (WardTargetChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ward_target_chart_finalize;
  widget_class->snapshot = ward_target_chart_snapshot;
  widget_class->measure = ward_target_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ward_target_chart_init (WardTargetChart *self)
{
  self->series = g_array_new (FALSE, FALSE, sizeof (WardProgressPoint));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Readings against the even path"),
                                  -1);
}

GtkWidget *
ward_target_chart_new (void)
{
  return g_object_new (WARD_TYPE_TARGET_CHART, NULL);
}

/* The chart in words, for screen readers: "2025: 94%; 2026: 96,5%". */
static void
update_description (WardTargetChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->series->len; i++)
    {
      WardProgressPoint *point = &g_array_index (self->series, WardProgressPoint, i);
      g_autofree char *value = NULL;
      g_autofree char *period = NULL;

      if (self->kind == WARD_TARGET_COUNT && i == 0)
        continue;
      value = self->kind == WARD_TARGET_MONEY ? ward_format_money ((gint64) point->value)
                                              : format_axis_value (self->kind, point->value);
      period = ward_reading_format_period (point->year, point->first_half);
      g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "; " : "", period, value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->len > 0 ? text->str : _("No readings yet"),
                                  -1);
}

void
ward_target_chart_set_data (WardTargetChart    *self,
                            WardTargetKind      kind,
                            int                 term_start_year,
                            int                 term_end_year,
                            double              goal,
                            const WardProgress *progress,
                            GArray             *series,
                            double              today)
{
  g_return_if_fail (WARD_IS_TARGET_CHART (self));
  g_return_if_fail (progress != NULL);
  g_return_if_fail (term_end_year >= term_start_year);

  self->has_data = TRUE;
  self->kind = kind;
  self->term_start_year = term_start_year;
  self->term_end_year = term_end_year;
  self->goal = goal;
  self->progress = *progress;
  self->today = today;
  g_array_set_size (self->series, 0);
  if (series != NULL)
    g_array_append_vals (self->series, series->data, series->len);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ward_target_chart_clear (WardTargetChart *self)
{
  g_return_if_fail (WARD_IS_TARGET_CHART (self));

  self->has_data = FALSE;
  g_array_set_size (self->series, 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
