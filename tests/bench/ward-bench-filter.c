/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-bench-filter"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "admissions/ward-admissions-page.h"
#include "common/ward-filter-model.h"
#include "common/ward-slot-model.h"
#include "donations/ward-donations-page.h"
#include "enterprises/ward-enterprises-page.h"
#include "programme/ward-programme-page.h"
#include "ward-bench-util.h"

/* Keystrokes in the search field of a page over a large file, measured in
 * the process: the page is built on the file inside a window, a text is
 * typed into the field one character at a time and taken back one at a
 * time, as Backspace does, with a typist's pause between keys, and each
 * keystroke is timed
 *
 *   - to the first frame drawn once the page has handled the search
 *     (what the clerk sees react), and
 *   - to the filter's completion (GtkFilterListModel:pending == 0), the
 *     list's (the rows a growing list tells the view of frame by frame:
 *     ward-slot-model.h) and the frame drawn after it (the list final);
 *     the same when neither is incremental, and
 *   - by its longest busy stretch: the longest turn of the main loop
 *     while the key is handled and its list completed, without the time
 *     the loop waits in poll(). A key typed meanwhile waits that long to
 *     be read, and no frame is drawn in it.
 *
 * The search field's typing delay (GtkSearchEntry:search-delay, 150 ms by
 * default, there so that a search starts once typing pauses) is set to 0:
 * what is measured is the work, not the wait.
 *
 *   ward-bench-filter donations|admissions|enterprises|programme FILE "text to type" [RUNS]
 *
 * Prints one line: keystrokes, then the median, the 95th percentile and
 * the worst of the first two times in milliseconds, then the rows shown
 * at the end, then the same three of the longest stretch, for ward-bench to read; WARD_BENCH_VERBOSE=1 shows each
 * keystroke. A clerk feels the worst key, not the median (issue 25). */

#define PAUSE_MS 60

typedef struct
{
  GtkWidget          *window;
  GtkEditable        *entry;
  GListModel         *filter_model; /* a WardFilterModel or a GtkFilterListModel */
  WardSlotModel      *slot_model;   /* NULL where the view shows the rows themselves */
  gint64              longest;      /* the longest busy turn of the loop, µs */
  GdkFrameClock      *clock;
  guint               n_paints;
  gboolean            searched;   /* the page has handled search-changed */
} Bench;

/* The first widget of @type on screen (a drop-down's popover holds a
 * search field of its own, unmapped). */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  bench->n_paints++;
}

/* WARD_BENCH_SCREENSHOT_DIR: what the window showed, to look at. */
static void
save_screenshot (Bench      *bench,
                 const char *page,
                 const char *when)
{
  const char *dir = g_getenv ("WARD_BENCH_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (bench->window);
  int height = gtk_widget_get_height (bench->window);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (bench->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (bench->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  name = g_strdup_printf ("bench-%s-%s.png", page, when);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The time the main loop spends waiting in poll(), to take out of its
 * turns. */
static GPollFunc default_poll;
static gint64 polled;

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint result = default_poll (fds, n_fds, timeout);

  polled += g_get_monotonic_time () - start;
  return result;
}

/* One turn of the main loop, its busy time counted. */
static gboolean
iterate (Bench    *bench,
         gboolean  may_block)
{
  gint64 start = g_get_monotonic_time ();
  gint64 polled_before = polled;
  gboolean dispatched = g_main_context_iteration (NULL, may_block);
  gint64 busy = g_get_monotonic_time () - start - (polled - polled_before);

  bench->longest = MAX (bench->longest, busy);
  return dispatched;
}

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* Turns the field's text into @text as typing does: Backspace over what
 * differs, then the new characters, so that one keystroke is one change
 * (gtk_editable_set_text() would empty the field first, and a search
 * field reacts to the empty text at once). */
static void
edit_to (GtkEditable *entry,
         const char  *text)
{
  const char *current = gtk_editable_get_text (entry);
  int common = 0, length = (int) g_utf8_strlen (current, -1), position;
  const char *a = current, *b = text;

  while (*a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      common++;
    }
  if (common < length)
    gtk_editable_delete_text (entry, common, length);
  position = common;
  if (*b != '\0')
    gtk_editable_insert_text (entry, b, -1, &position);
}

/* Runs the main loop until a frame is drawn after this call (the field
 * asks for one: nothing else may have changed on screen). */
static void
wait_for_paint (Bench *bench)
{
  guint paints = bench->n_paints;

  gtk_widget_queue_draw (GTK_WIDGET (bench->entry));
  while (bench->n_paints == paints)
    iterate (bench, TRUE);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      Bench          *bench)
{
  bench->searched = TRUE;
}

/* The filter model under the view's selection: the long lists sort and
 * then filter (and show the rows as slots), the programme filters and
 * then sorts. */
/* The slots under the view's selection, if it shows the rows as slots. */
static WardSlotModel *
find_slot_model (GListModel *model)
{
  if (GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  return WARD_IS_SLOT_MODEL (model) ? WARD_SLOT_MODEL (model) : NULL;
}

static GListModel *
find_filter_model (GListModel *model)
{
  while (model != NULL && !GTK_IS_FILTER_LIST_MODEL (model) && !WARD_IS_FILTER_MODEL (model))
    {
      if (GTK_IS_SORT_LIST_MODEL (model))
        model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
      else if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (WARD_IS_SLOT_MODEL (model))
        model = ward_slot_model_get_model (WARD_SLOT_MODEL (model));
      else
        model = NULL;
    }
  return model;
}

/* Rows still to filter (a WardFilterModel filters at once), then rows
 * the list has not yet told the view of. */
static guint
pending (Bench *bench)
{
  guint n = GTK_IS_FILTER_LIST_MODEL (bench->filter_model)
            ? gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (bench->filter_model)) : 0;

  return n + (bench->slot_model != NULL ? ward_slot_model_get_pending (bench->slot_model) : 0);
}

static void
wait_until_settled (Bench *bench)
{
  while (pending (bench) > 0)
    iterate (bench, TRUE);
  wait_for_paint (bench);
  while (iterate (bench, FALSE))
    ;
}

static void
keystroke (Bench      *bench,
           const char *text,
           GArray     *first_frame,
           GArray     *complete,
           GArray     *stretch)
{
  gint64 start = g_get_monotonic_time ();
  double first = -1, done, handled, longest;

  /* The first frame drawn once the page has filtered (the search field
   * hands the text over from a timeout). */
  bench->searched = FALSE;
  edit_to (bench->entry, text);
  bench->longest = g_get_monotonic_time () - start;
  while (!bench->searched)
    iterate (bench, TRUE);
  handled = ms_since (start);
  wait_for_paint (bench);
  first = ms_since (start);
  if (pending (bench) > 0)
    {
      while (pending (bench) > 0)
        iterate (bench, TRUE);
      wait_for_paint (bench);
    }
  done = ms_since (start);
  longest = (double) bench->longest / 1000.0;
  if (g_getenv ("WARD_BENCH_VERBOSE") != NULL)
    g_printerr ("  “%s”: handled %.1f ms, first frame %.1f ms, complete %.1f ms, longest stretch %.1f ms, "
                "%u rows\n", text, handled, first, done, longest,
                g_list_model_get_n_items (bench->filter_model));
  g_array_append_val (first_frame, first);
  g_array_append_val (complete, done);
  g_array_append_val (stretch, longest);
  /* Between two keys a typist leaves a tenth of a second or so, and the
   * frame clock is idle again when the next comes (typed back to back,
   * each key would wait for the next vertical blank and the measure would
   * count it). */
  ward_bench_pause (PAUSE_MS);
}

static GtkWidget *
build_page (const char *page_name,
            WardStore  *store)
{
  GType type = g_str_equal (page_name, "admissions") ? WARD_TYPE_ADMISSIONS_PAGE
               : g_str_equal (page_name, "enterprises") ? WARD_TYPE_ENTERPRISES_PAGE
               : g_str_equal (page_name, "programme") ? WARD_TYPE_PROGRAMME_PAGE
               : WARD_TYPE_DONATIONS_PAGE;

  return g_object_new (type, "store", store, NULL);
}

static void
open_window (Bench     *bench,
             GtkWidget *page)
{
  GtkColumnView *view;

  bench->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (bench->window), page);
  gtk_window_present (GTK_WINDOW (bench->window));
  while (!gtk_widget_get_mapped (bench->window))
    g_main_context_iteration (NULL, TRUE);
  /* A page reads its rows on a worker thread and shows its list once
   * they are in. */
  for (gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
       find_widget (page, GTK_TYPE_COLUMN_VIEW) == NULL;)
    {
      if (g_get_monotonic_time () > end)
        g_error ("The page shows no list after 30 s: has the file rows for it?");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
  bench->entry = GTK_EDITABLE (find_widget (page, GTK_TYPE_SEARCH_ENTRY));
  bench->filter_model = find_filter_model (G_LIST_MODEL (gtk_column_view_get_model (view)));
  bench->slot_model = find_slot_model (G_LIST_MODEL (gtk_column_view_get_model (view)));
  g_assert (bench->filter_model != NULL);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (bench->entry), 0);
  g_signal_connect_after (bench->entry, "search-changed", G_CALLBACK (on_search_changed_cb), bench);
  bench->clock = gtk_widget_get_frame_clock (bench->window);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);
  wait_until_settled (bench);
}

static void
type_and_erase (Bench      *bench,
                const char *page,
                const char *text,
                GArray     *first_frame,
                GArray     *complete,
                GArray     *stretch)
{
  glong n = g_utf8_strlen (text, -1);

  for (glong i = 1; i <= n; i++)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i);

      keystroke (bench, prefix, first_frame, complete, stretch);
    }
  save_screenshot (bench, page, "typed");
  for (glong i = n - 1; i >= 0; i--)
    {
      g_autofree char *prefix = g_utf8_substring (text, 0, i);

      keystroke (bench, prefix, first_frame, complete, stretch);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GArray) first_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) stretch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  Bench bench = { 0 };
  double first_median, first_p95, first_worst, done_median, done_p95, done_worst;
  double stretch_median, stretch_p95, stretch_worst;
  int runs = argc > 4 ? atoi (argv[4]) : 3;

  setlocale (LC_ALL, "");
  if (argc < 4)
    {
      g_printerr ("Usage: ward-bench-filter donations|admissions|enterprises|programme FILE TEXT [RUNS]\n");
      return 2;
    }
  adw_init ();
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  store = ward_store_open (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return 1;
    }
  open_window (&bench, build_page (argv[1], store));
  save_screenshot (&bench, argv[1], "open");
  for (int run = 0; run < MAX (runs, 1); run++)
    type_and_erase (&bench, argv[1], argv[3], first_frame, complete, stretch);

  ward_bench_summarize (first_frame, &first_median, &first_p95, &first_worst);
  ward_bench_summarize (complete, &done_median, &done_p95, &done_worst);
  ward_bench_summarize (stretch, &stretch_median, &stretch_p95, &stretch_worst);
  g_print ("%u %.1f %.1f %.1f %.1f %.1f %.1f %u %.1f %.1f %.1f\n", first_frame->len, first_median, first_p95,
           first_worst, done_median, done_p95, done_worst,
           g_list_model_get_n_items (bench.filter_model), stretch_median, stretch_p95, stretch_worst);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
