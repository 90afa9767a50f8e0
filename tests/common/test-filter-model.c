/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "common/ward-filter-model.h"

/* WardFilterModel (issue 25) against the plain answer: after every change
 * of the filter or of the model below, it shows exactly the rows that
 * match, in order, and its ::items-changed signals, applied to a copy of
 * what it showed, give what it shows. */

typedef struct
{
  char       *needle;
  GPtrArray  *mirror;   /* the strings shown, as the signals told them */
} Fixture;

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  Fixture *fixture = user_data;

  return strstr (gtk_string_object_get_string (item), fixture->needle) != NULL;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (fixture->mirror, position + i, g_strdup (gtk_string_object_get_string (item)));
    }
}

/* What the model shows, what it told, and the plain answer agree. */
static void
assert_shows_matches (GListModel *filtered,
                      GListModel *strings,
                      Fixture    *fixture)
{
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (strings, i);
      const char *text = gtk_string_object_get_string (item);
      g_autoptr (GtkStringObject) at = NULL;

      if (strstr (text, fixture->needle) == NULL)
        continue;
      at = g_list_model_get_item (filtered, shown);
      g_assert_nonnull (at);
      g_assert_true (at == item);
      g_assert_cmpstr (fixture->mirror->pdata[shown], ==, text);
      shown++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, shown);
  g_assert_cmpuint (fixture->mirror->len, ==, shown);
  g_assert_null (g_list_model_get_item (filtered, shown));
}

static void
set_needle (Fixture    *fixture,
            GtkFilter  *filter,
            const char *needle)
{
  GtkFilterChange change = strstr (needle, fixture->needle) ? GTK_FILTER_CHANGE_MORE_STRICT
                           : strstr (fixture->needle, needle) ? GTK_FILTER_CHANGE_LESS_STRICT
                           : GTK_FILTER_CHANGE_DIFFERENT;

  g_free (fixture->needle);
  fixture->needle = g_strdup (needle);
  gtk_filter_changed (filter, change);
}

static char *
random_word (GRand *rand)
{
  static const char letters[] = "abcn";
  char word[6] = { 0 };
  int n = g_rand_int_range (rand, 1, 6);

  for (int i = 0; i < n; i++)
    word[i] = letters[g_rand_int_range (rand, 0, 4)];
  return g_strdup (word);
}

static void
test_filter_model_follows (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (25);
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  Fixture fixture = { g_strdup (""), g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GtkCustomFilter) filter = gtk_custom_filter_new (match_cb, &fixture, NULL);
  g_autoptr (WardFilterModel) filtered = NULL;
  static const char * const needles[] = { "a", "an", "ann", "an", "", "b", "bc", "c", "", "n", "nn" };

  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *word = random_word (rand);

      gtk_string_list_append (strings, word);
    }
  filtered = ward_filter_model_new (g_object_ref (G_LIST_MODEL (strings)),
                                    g_object_ref (GTK_FILTER (filter)), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filtered)); i++)
    g_ptr_array_add (fixture.mirror,
                     g_strdup (gtk_string_list_get_string (strings, i)));
  g_signal_connect (filtered, "items-changed", G_CALLBACK (on_items_changed_cb), &fixture);
  assert_shows_matches (G_LIST_MODEL (filtered), G_LIST_MODEL (strings), &fixture);

  for (int round = 0; round < 60; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (strings));
      guint at = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - at, 50) + 1);
      g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

      set_needle (&fixture, GTK_FILTER (filter), needles[round % G_N_ELEMENTS (needles)]);
      assert_shows_matches (G_LIST_MODEL (filtered), G_LIST_MODEL (strings), &fixture);
      for (int i = g_rand_int_range (rand, 0, 40); i > 0; i--)
        g_ptr_array_add (words, random_word (rand));
      g_ptr_array_add (words, NULL);
      gtk_string_list_splice (strings, at, removed, (const char * const *) words->pdata);
      assert_shows_matches (G_LIST_MODEL (filtered), G_LIST_MODEL (strings), &fixture);
    }
  g_free (fixture.needle);
  g_ptr_array_unref (fixture.mirror);
}

/* A narrowing that leaves the first and the last rows shown announces
 * only the rows between them. */
static void
test_filter_model_announces_the_change_only (void)
{
  const char * const words[] = { "an", "ba", "an", "ca", "an", NULL };
  g_autoptr (GtkStringList) strings = gtk_string_list_new (words);
  Fixture fixture = { g_strdup ("a"), g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GtkCustomFilter) filter = gtk_custom_filter_new (match_cb, &fixture, NULL);
  g_autoptr (WardFilterModel) filtered = ward_filter_model_new (g_object_ref (G_LIST_MODEL (strings)),
                                                                g_object_ref (GTK_FILTER (filter)), NULL);

  for (guint i = 0; words[i] != NULL; i++)
    g_ptr_array_add (fixture.mirror, g_strdup (words[i]));
  g_signal_connect (filtered, "items-changed", G_CALLBACK (on_items_changed_cb), &fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 5);
  set_needle (&fixture, GTK_FILTER (filter), "an");
  assert_shows_matches (G_LIST_MODEL (filtered), G_LIST_MODEL (strings), &fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 3);
  g_free (fixture.needle);
  g_ptr_array_unref (fixture.mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filter-model/follows-filter-and-model", test_filter_model_follows);
  g_test_add_func ("/filter-model/announces-the-change-only", test_filter_model_announces_the_change_only);
  return g_test_run ();
}
