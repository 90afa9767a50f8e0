/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ward-bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
ward_bench_summarize (GArray *times,
                      double *median,
                      double *p95,
                      double *worst)
{
  guint n = times->len;
  guint rank = (95 * n + 99) / 100;

  *median = *p95 = *worst = 0;
  if (n == 0)
    return;
  g_array_sort (times, compare_doubles);
  *median = n % 2 ? g_array_index (times, double, n / 2)
            : (g_array_index (times, double, n / 2 - 1) + g_array_index (times, double, n / 2)) / 2;
  *p95 = g_array_index (times, double, MAX (rank, 1) - 1);
  *worst = g_array_index (times, double, n - 1);
}

static gboolean
on_pause_over_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ward_bench_pause (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add (ms, on_pause_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
}
