/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-bench-switch"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <adwaita.h>

#include "shell/ward-application.h"
#include "shell/ward-window.h"
#include "ward-bench-util.h"

/* Switches between the pages of the real window over a large file (issue
 * 25), each switch timed to the first frame drawn after it, as a clerk
 * sees the page appear:
 *
 *   ward-bench-switch FILE [RUNS]
 *
 * The window opens as a clerk's does (ward-tracker --database FILE); once
 * the file's checks are done, each page is shown once (its first visit
 * builds it and reads its rows on a worker thread), then the pages are
 * gone through RUNS times in order. Between two switches the loop runs
 * for a while, as a clerk looks at a page before the next click, so that
 * each page's reading is over. Prints one line per page:
 *
 *   NAME FIRST-VISIT-MS MEDIAN-MS P95-MS WORST-MS
 *
 * and a last line "all" with the figures over every switch after the
 * first visits, for ward-bench to read. */

#define LOOK_MS 400

static const char * const pages[] = {
  "overview", "targets", "programme", "admissions", "enterprises", "donations", NULL
};

typedef struct
{
  GtkWidget *window;
  guint      n_paints;
  gboolean   checked;
  int        runs;
  double     first_visit[G_N_ELEMENTS (pages)];
  GArray    *times[G_N_ELEMENTS (pages)];
  GArray    *all;
} Bench;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  bench->n_paints++;
}

static double
switch_to (Bench      *bench,
           const char *name)
{
  gint64 start = g_get_monotonic_time ();
  guint paints = bench->n_paints;
  double ms;

  ward_window_show_page (WARD_WINDOW (bench->window), name);
  while (bench->n_paints == paints)
    g_main_context_iteration (NULL, TRUE);
  ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  if (g_getenv ("WARD_BENCH_VERBOSE") != NULL)
    g_printerr ("  %s: %.1f ms\n", name, ms);
  ward_bench_pause (LOOK_MS);
  return ms;
}

static void
print_summary (const char *name,
               double      first_visit,
               GArray     *times)
{
  double median, p95, worst;

  ward_bench_summarize (times, &median, &p95, &worst);
  g_print ("%s %.1f %.1f %.1f %.1f\n", name, first_visit, median, p95, worst);
}

static void
on_file_checked_cb (Bench *bench)
{
  bench->checked = TRUE;
}

/* Runs once the window is up: the measure, then quits. */
static gboolean
run_bench_cb (gpointer user_data)
{
  Bench *bench = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (bench->window));

  while (!bench->checked || !gtk_widget_get_mapped (bench->window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (bench->window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), bench);
  ward_bench_pause (LOOK_MS);
  for (guint i = 0; pages[i] != NULL; i++)
    bench->first_visit[i] = switch_to (bench, pages[i]);
  for (int run = 0; run < bench->runs; run++)
    for (guint i = 0; pages[i] != NULL; i++)
      {
        double ms = switch_to (bench, pages[i]);

        g_array_append_val (bench->times[i], ms);
        g_array_append_val (bench->all, ms);
      }
  for (guint i = 0; pages[i] != NULL; i++)
    print_summary (pages[i], bench->first_visit[i], bench->times[i]);
  print_summary ("all", 0, bench->all);
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    Bench          *bench)
{
  if (!WARD_IS_WINDOW (window) || bench->window != NULL)
    return;
  bench->window = GTK_WIDGET (window);
  g_signal_connect_swapped (window, "file-checked", G_CALLBACK (on_file_checked_cb), bench);
  g_idle_add (run_bench_cb, bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WardApplication) app = NULL;
  Bench bench = { 0 };
  char *app_argv[] = { argv[0], (char *) "--database", NULL, NULL };
  int status;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: ward-bench-switch FILE [RUNS]\n");
      return 2;
    }
  bench.runs = argc > 2 && atoi (argv[2]) > 0 ? atoi (argv[2]) : 5;
  bench.all = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; pages[i] != NULL; i++)
    bench.times[i] = g_array_new (FALSE, FALSE, sizeof (double));
  app_argv[2] = argv[1];
  app = ward_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &bench);
  status = g_application_run (G_APPLICATION (app), 3, app_argv);
  for (guint i = 0; pages[i] != NULL; i++)
    g_array_unref (bench.times[i]);
  g_array_unref (bench.all);
  return bench.window != NULL ? status : 1;
}
