/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-columns"

#include "config.h"

#include "common/ward-columns.h"

typedef struct
{
  GtkColumnViewColumn *column;   /* the view holds it */
  int                  min_width;
} GiveWay;

static GArray *
give_way_of (GtkColumnView *view)
{
  return g_object_get_data (G_OBJECT (view), "ward-columns-give-way");
}

static void
apply (GtkColumnView *view,
       double         width)
{
  GArray *columns = give_way_of (view);

  /* Not yet laid out: every column stays as it is. */
  if (width <= 0)
    return;
  for (guint i = 0; i < columns->len; i++)
    {
      GiveWay *g = &g_array_index (columns, GiveWay, i);

      gtk_column_view_column_set_visible (g->column, width >= g->min_width);
    }
}

static void
apply_later_cb (gpointer data)
{
  GtkColumnView *view = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_object_set_data (G_OBJECT (view), "ward-columns-pending", NULL);
  if (adjustment != NULL)
    apply (view, gtk_adjustment_get_page_size (adjustment));
  g_object_unref (view);
}

/* Told while the window is being laid out: the columns change once it is
 * done, never during it. */
static void
on_adjustment_changed_cb (GtkAdjustment *adjustment,
                          GtkColumnView *view)
{
  if (g_object_get_data (G_OBJECT (view), "ward-columns-pending") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "ward-columns-pending", GINT_TO_POINTER (TRUE));
  g_idle_add_once (apply_later_cb, g_object_ref (view));
}

/* The scrolled window gives the view its adjustment once it holds it; a
 * new one may come later. */
static void
on_hadjustment_cb (GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  if (adjustment == NULL || g_object_get_data (G_OBJECT (adjustment), "ward-columns-view") == view)
    return;
  g_object_set_data (G_OBJECT (adjustment), "ward-columns-view", view);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_adjustment_changed_cb), view, 0);
  on_adjustment_changed_cb (adjustment, view);
}

void
ward_columns_give_way (GtkColumnView       *view,
                       GtkColumnViewColumn *column,
                       int                  min_width)
{
  GArray *columns;
  GiveWay g = { column, min_width };

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column) && min_width > 0);

  columns = give_way_of (view);
  if (columns == NULL)
    {
      columns = g_array_new (FALSE, FALSE, sizeof (GiveWay));
      g_object_set_data_full (G_OBJECT (view), "ward-columns-give-way", columns,
                              (GDestroyNotify) g_array_unref);
      g_signal_connect (view, "notify::hadjustment", G_CALLBACK (on_hadjustment_cb), NULL);
    }
  g_array_append_val (columns, g);
  on_hadjustment_cb (view);
}
