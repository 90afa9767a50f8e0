/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "common/ward-slot-model.h"

/* WardSlotModel paced by a view's frames (issue 25), in a real window: a
 * short list grown long is told to the view a step at a frame until the
 * rows the view builds are there, then all at once; the rows shown at the
 * end are the model's, in order; a view not on screen, or ward_slot_model_
 * fill(), gets them all at once; a list already long grows at once. Needs
 * a display: run under xvfb-run (tests/common/meson.build). */

#define N_ROWS 400

typedef struct
{
  GtkWidget         *window;
  GtkWidget         *view;
  GtkStringList     *strings;
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  WardSlotModel     *slots;
  const char        *needle;       /* "!…": the rows without it */
  GArray            *steps;        /* guint: rows told at each growth */
  guint              paints;
} Fixture;

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  Fixture *fixture = user_data;
  const char *text = gtk_string_object_get_string (item);

  if (fixture->needle[0] == '!')
    return strstr (text, fixture->needle + 1) == NULL;
  return strstr (text, fixture->needle) != NULL;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  if (added > 0)
    g_array_append_val (fixture->steps, added);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Fixture       *fixture)
{
  fixture->paints++;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gtk_label_new (NULL));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  GtkStringObject *string = ward_slot_get_item (gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (string));
}

static void
fixture_set_up (Fixture *fixture)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSingleSelection *selection;

  fixture->strings = gtk_string_list_new (NULL);
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %03u%s", i, i % 40 == 0 ? " forty" : "");

      gtk_string_list_append (fixture->strings, text);
    }
  fixture->needle = "";
  fixture->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->filter = gtk_custom_filter_new (match_cb, fixture, NULL);
  fixture->filtered = gtk_filter_list_model_new (G_LIST_MODEL (fixture->strings),
                                                 g_object_ref (GTK_FILTER (fixture->filter)));
  fixture->slots = ward_slot_model_new (G_LIST_MODEL (fixture->filtered));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (fixture->slots)));
  ward_slot_model_keep_selection (fixture->slots, selection);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  fixture->view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  ward_slot_model_pace_with (fixture->slots, fixture->view);
  g_signal_connect (fixture->slots, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fixture->view);
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (fixture->view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (fixture->window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), fixture);
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (fixture->slots);
  g_object_unref (fixture->filter);
  g_array_unref (fixture->steps);
}

static void
search (Fixture    *fixture,
        const char *needle)
{
  fixture->needle = needle;
  g_array_set_size (fixture->steps, 0);
  gtk_filter_changed (GTK_FILTER (fixture->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The rows the slots show are the filter's, in its order. */
static void
assert_same_rows (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->filtered));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->slots)), ==, n);
  g_assert_cmpuint (ward_slot_model_get_pending (fixture->slots), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) slot = g_list_model_get_item (G_LIST_MODEL (fixture->slots), i);
      g_autoptr (GObject) row = g_list_model_get_item (G_LIST_MODEL (fixture->filtered), i);

      g_assert_true (ward_slot_get_item (slot) == (gpointer) row);
    }
}

static void
wait_until_whole (Fixture *fixture)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (ward_slot_model_get_pending (fixture->slots) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_grows_by_frames (void)
{
  Fixture fixture = { 0 };
  guint paints, told;

  fixture_set_up (&fixture);
  assert_same_rows (&fixture);

  /* 400 rows to 10, then back: the view is told of a step now. */
  search (&fixture, "forty");
  assert_same_rows (&fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.slots)), ==, N_ROWS / 40);
  search (&fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.slots)), >, N_ROWS / 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.slots)), <=, N_ROWS / 40 + 32);
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), ==,
                    N_ROWS - g_list_model_get_n_items (G_LIST_MODEL (fixture.slots)));

  /* The rest at the next frames: a step at a time (32 rows) while the
   * view builds rows for them (its first 200), then the rest at once. */
  paints = fixture.paints;
  wait_until_whole (&fixture);
  assert_same_rows (&fixture);
  g_assert_cmpuint (fixture.steps->len, >=, 4);
  g_assert_cmpuint (fixture.paints - paints, >=, fixture.steps->len - 1);
  told = N_ROWS / 40;
  for (guint k = 0; k + 1 < fixture.steps->len; k++)
    {
      g_assert_cmpuint (g_array_index (fixture.steps, guint, k), ==, 32);
      told += 32;
    }
  g_assert_cmpuint (told, <, 200);
  g_assert_cmpuint (told + 32, >=, 200);

  /* A search while the list grows: the slots follow the new rows. */
  search (&fixture, "forty");
  search (&fixture, "row 1");
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), >, 0);
  search (&fixture, "row");
  wait_until_whole (&fixture);
  assert_same_rows (&fixture);

  /* fill() tells them all at once. */
  search (&fixture, "forty");
  search (&fixture, "");
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), >, 0);
  ward_slot_model_fill (fixture.slots);
  assert_same_rows (&fixture);

  fixture_tear_down (&fixture);
}

/* A view off screen has no frames: the rows are told at once, also those
 * a growth already under way was to tell. */
static void
test_unmapped_view (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture);
  search (&fixture, "forty");
  search (&fixture, "");
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), >, 0);
  gtk_widget_set_visible (fixture.window, FALSE);
  assert_same_rows (&fixture);

  search (&fixture, "forty");
  search (&fixture, "");
  assert_same_rows (&fixture);
  g_assert_cmpuint (fixture.steps->len, ==, 1);
  fixture_tear_down (&fixture);
}

/* A list already longer than the rows the view builds grows at once. */
static void
test_long_list_grows_at_once (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture);
  search (&fixture, "row 1");     /* 100 rows */
  search (&fixture, "row 2");
  search (&fixture, "row");       /* from 100 rows: paced */
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), >, 0);
  wait_until_whole (&fixture);
  search (&fixture, "row ");      /* the same 400 */
  assert_same_rows (&fixture);

  /* 300 rows, more than the view builds, to 400: at once. */
  search (&fixture, "!row 3");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.slots)), ==, 300);
  search (&fixture, "");
  g_assert_cmpuint (ward_slot_model_get_pending (fixture.slots), ==, 0);
  g_assert_cmpuint (fixture.steps->len, ==, 1);
  assert_same_rows (&fixture);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slot-pacing/grows-by-frames", test_grows_by_frames);
  g_test_add_func ("/slot-pacing/unmapped-view", test_unmapped_view);
  g_test_add_func ("/slot-pacing/long-list-grows-at-once", test_long_list_grows_at_once);
  return g_test_run ();
}
