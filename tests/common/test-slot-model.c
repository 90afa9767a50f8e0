/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "common/ward-list-chain.h"
#include "common/ward-slot-model.h"

/* WardSlotModel (issue 25) against the plain answer, GtkFilterListModel
 * over a GtkSortListModel of the same rows (the list chain sorts in its
 * WardFilterModel): after every search, sort and reload, the
 * slots show the same rows at the same positions; the slots a view holds
 * stay the same objects, each told (::changed) exactly when its row
 * changed; and the model announces only its change of length, at its end.
 * The list chain keeps the record selected, wherever it moves. */

typedef struct
{
  gint64 id;
  char   word[8];
} Row;

typedef struct
{
  char      *needle;
  guint      by_word;      /* the sort: by id, by word then id, by word alone
                            * (ties: the rows' own order), by word descending */
  GPtrArray *held;         /* slots a view would hold: the first rows */
  GArray    *told;         /* guint: ::changed per held slot */
  GPtrArray *before;       /* the item each held slot showed */
  guint      n_before;
  guint      signals;
} Fixture;

static gboolean
same_row (gconstpointer a,
          gconstpointer b)
{
  const Row *x = a, *y = b;

  return x->id == y->id && strcmp (x->word, y->word) == 0;
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  Fixture *fixture = user_data;
  const Row *row = ward_row_item_get_row (item);

  return strstr (row->word, fixture->needle) != NULL;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Fixture *fixture = user_data;
  const Row *x = ward_row_item_get_row (WARD_ROW_ITEM ((gpointer) a));
  const Row *y = ward_row_item_get_row (WARD_ROW_ITEM ((gpointer) b));
  int order = fixture->by_word > 0 ? strcmp (x->word, y->word) : 0;

  if (fixture->by_word == 3)
    order = -order;
  if (order == 0 && fixture->by_word < 2)
    order = (x->id > y->id) - (x->id < y->id);
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
random_word (GRand *rand,
             char   word[8])
{
  static const char letters[] = "abcn";
  int n = g_rand_int_range (rand, 1, 6);

  memset (word, 0, 8);
  for (int i = 0; i < n; i++)
    word[i] = letters[g_rand_int_range (rand, 0, 4)];
}

/* @n rows with ids from 1; each row of @before kept with probability 4/5,
 * the others new or with another word. */
static WardRows *
make_rows (GRand    *rand,
           WardRows *before,
           guint     n,
           gint64   *next_id)
{
  WardRows *rows = ward_rows_new (sizeof (Row));
  guint old_n = before != NULL ? ward_rows_get_n (before) : 0;

  for (guint i = 0; i < MAX (n, old_n); i++)
    {
      Row *row;

      if (i >= n && g_rand_int_range (rand, 0, 2) == 0)
        continue;
      row = ward_rows_append (rows);
      if (i < old_n && g_rand_int_range (rand, 0, 5) > 0)
        *row = *(const Row *) ward_rows_get (before, i);
      else
        {
          row->id = (*next_id)++;
          random_word (rand, row->word);
        }
    }
  return rows;
}

static void
on_slot_items_changed_cb (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          Fixture    *fixture)
{
  /* Only the length changes, at the end. */
  g_assert_cmpuint (position, ==, fixture->n_before - removed);
  g_assert_true (removed == 0 || added == 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_before - removed + added);
  fixture->signals++;
}

static void
on_changed_cb (WardRowItem *slot,
               Fixture     *fixture)
{
  for (guint i = 0; i < fixture->held->len; i++)
    if (fixture->held->pdata[i] == slot)
      g_array_index (fixture->told, guint, i)++;
}

/* A view showing the first rows: it holds their slots. */
static void
hold_first (Fixture    *fixture,
            GListModel *slots)
{
  guint n = MIN (g_list_model_get_n_items (slots), 20);

  for (guint i = fixture->held->len; i < n; i++)
    {
      WardRowItem *slot = g_list_model_get_item (slots, i);

      g_signal_connect (slot, "changed", G_CALLBACK (on_changed_cb), fixture);
      g_ptr_array_add (fixture->held, slot);
    }
  g_array_set_size (fixture->told, fixture->held->len);
  g_ptr_array_set_size (fixture->before, 0);
  for (guint i = 0; i < fixture->held->len; i++)
    {
      g_array_index (fixture->told, guint, i) = 0;
      g_ptr_array_add (fixture->before, g_object_ref (ward_row_item_get_target (fixture->held->pdata[i])));
    }
  fixture->n_before = g_list_model_get_n_items (slots);
  fixture->signals = 0;
}

static void
drop_held (Fixture *fixture,
           guint    from)
{
  for (guint i = from; i < fixture->held->len; i++)
    g_signal_handlers_disconnect_by_data (fixture->held->pdata[i], fixture);
  if (from < fixture->held->len)
    g_ptr_array_remove_range (fixture->held, from, fixture->held->len - from);
}

/* The slots show what the plain model shows; the held ones are still at
 * their positions, told once when their item changed, never otherwise. */
static void
assert_same (Fixture    *fixture,
             GListModel *slots,
             GListModel *plain)
{
  guint n = g_list_model_get_n_items (plain);

  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, n);
  g_assert_cmpuint (fixture->signals, <=, 1);
  g_assert_cmpuint (fixture->signals, ==, n != fixture->n_before);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (WardRowItem) slot = g_list_model_get_item (slots, i);
      g_autoptr (WardRowItem) item = g_list_model_get_item (plain, i);

      g_assert_true (ward_row_item_get_target (slot) == item);
      g_assert_true (ward_row_item_get_row (slot) == ward_row_item_get_row (item));
      if (i < fixture->held->len)
        {
          /* A reload replaces the items of the rows that changed, and
           * of all rows without same_row(): told then, and only then. */
          gboolean moved = item != fixture->before->pdata[i];

          g_assert_true (slot == fixture->held->pdata[i]);
          g_assert_cmpuint (g_array_index (fixture->told, guint, i), ==, moved);
        }
    }
  g_assert_null (g_list_model_get_item (slots, n));
  drop_held (fixture, n);
}

static void
test_slot_model_follows (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (25);
  Fixture fixture = { g_strdup (""), TRUE, g_ptr_array_new_with_free_func (g_object_unref),
                      g_array_new (FALSE, TRUE, sizeof (guint)),
                      g_ptr_array_new_with_free_func (g_object_unref), 0, 0 };
  gint64 next_id = 1;
  g_autoptr (WardRowModel) rows = ward_row_model_new (same_row);
  g_autoptr (WardRows) first = make_rows (rand, NULL, 600, &next_id);
  g_autoptr (GtkCustomFilter) filter = gtk_custom_filter_new (match_cb, &fixture, NULL);
  g_autoptr (GtkCustomSorter) sorter = gtk_custom_sorter_new (compare_cb, &fixture, NULL);
  WardListChain chain = { 0 };
  g_autoptr (GtkSortListModel) sorted = NULL;
  g_autoptr (GtkFilterListModel) plain = NULL;
  GListModel *slots;
  static const char * const needles[] = { "a", "an", "ann", "an", "", "b", "bc", "c", "", "n", "nn", "x", "" };

  ward_row_model_set_rows (rows, first);
  ward_list_chain_build_models (&chain, rows, GTK_FILTER (filter), GTK_SORTER (sorter), 0);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (rows)), g_object_ref (GTK_SORTER (sorter)));
  plain = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)),
                                     g_object_ref (GTK_FILTER (filter)));
  slots = G_LIST_MODEL (chain.slot_model);
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_slot_items_changed_cb), &fixture);
  for (int round = 0; round < 40; round++)
    {
      g_autoptr (WardRows) next = NULL;

      hold_first (&fixture, slots);
      g_free (fixture.needle);
      fixture.needle = g_strdup (needles[round % G_N_ELEMENTS (needles)]);
      gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
      assert_same (&fixture, slots, G_LIST_MODEL (plain));

      hold_first (&fixture, slots);
      fixture.by_word = (fixture.by_word + 1) % 4;
      gtk_sorter_changed (GTK_SORTER (sorter), GTK_SORTER_CHANGE_DIFFERENT);
      assert_same (&fixture, slots, G_LIST_MODEL (plain));

      hold_first (&fixture, slots);
      next = make_rows (rand, ward_row_model_get_rows (rows), g_rand_int_range (rand, 0, 700), &next_id);
      ward_row_model_set_rows (rows, next);
      assert_same (&fixture, slots, G_LIST_MODEL (plain));
    }
  drop_held (&fixture, 0);
  ward_list_chain_clear (&chain, &fixture);
  g_free (fixture.needle);
  g_ptr_array_unref (fixture.held);
  g_array_unref (fixture.told);
  g_ptr_array_unref (fixture.before);
}

static gint64
selected_id (WardListChain *chain)
{
  const Row *row = ward_list_chain_get_selected (chain);

  return row != NULL ? row->id : 0;
}

/* A search that moves the selected record keeps it selected where it is
 * shown now, and one that hides it leaves nothing selected: never another
 * record in its slot. */
static void
test_slot_model_keeps_the_selection (void)
{
  Fixture fixture = { g_strdup ("") };
  g_autoptr (WardRowModel) rows = ward_row_model_new (same_row);
  g_autoptr (WardRows) data = ward_rows_new (sizeof (Row));
  g_autoptr (GtkCustomFilter) filter = gtk_custom_filter_new (match_cb, &fixture, NULL);
  WardListChain chain = { 0 };
  static const char * const words[] = { "ab", "cd", "abc", "ce", "abd" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      Row *row = ward_rows_append (data);

      row->id = i + 1;
      strcpy (row->word, words[i]);
    }
  ward_row_model_set_rows (rows, data);
  ward_list_chain_build_models (&chain, rows, GTK_FILTER (filter), NULL, 0);
  g_assert_true (ward_list_chain_get_selected (&chain) == NULL);

  gtk_single_selection_set_selected (chain.selection, 2);
  g_assert_cmpint (selected_id (&chain), ==, 3);
  g_free (fixture.needle);
  fixture.needle = g_strdup ("ab");
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (gtk_single_selection_get_selected (chain.selection), ==, 1);
  g_assert_cmpint (selected_id (&chain), ==, 3);

  g_free (fixture.needle);
  fixture.needle = g_strdup ("abd");
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (gtk_single_selection_get_selected (chain.selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (ward_list_chain_get_selected (&chain) == NULL);

  g_free (fixture.needle);
  fixture.needle = g_strdup ("");
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_true (ward_list_chain_get_selected (&chain) == NULL);
  gtk_single_selection_set_selected (chain.selection, 4);
  g_free (fixture.needle);
  fixture.needle = g_strdup ("c");
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_true (ward_list_chain_get_selected (&chain) == NULL);
  ward_list_chain_clear (&chain, &fixture);
  g_free (fixture.needle);
}

static gboolean
string_match_cb (gpointer item,
                 gpointer user_data)
{
  return strstr (gtk_string_object_get_string (item), *(const char **) user_data) != NULL;
}

static const char *
string_at (GListModel *model,
           guint       position)
{
  g_autoptr (GObject) slot = g_list_model_get_item (model, position);

  return slot != NULL ? gtk_string_object_get_string (ward_slot_get_item (slot)) : NULL;
}

static void
on_selected_item_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     guint              *told)
{
  (*told)++;
}

/* Items that are not WardRowItems (the programme's) get slots of their
 * own: the same rows as the plain filter model, read through
 * ward_slot_get_item(); where a row is always selected (autoselect), a
 * search that hides the selected one selects the row now in its place and
 * says so. */
static void
test_slot_model_other_items (void)
{
  const char * const words[] = { "an", "ba", "can", "da", "ean", NULL };
  const char *needle = "";
  g_autoptr (GtkStringList) strings = gtk_string_list_new (words);
  g_autoptr (GtkCustomFilter) filter = gtk_custom_filter_new (string_match_cb, &needle, NULL);
  g_autoptr (GtkFilterListModel) plain = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (strings)),
                                                                    g_object_ref (GTK_FILTER (filter)));
  GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (strings)),
                                                            g_object_ref (GTK_FILTER (filter)));
  WardSlotModel *slots = ward_slot_model_new (G_LIST_MODEL (filtered));
  g_autoptr (GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (slots));
  g_autoptr (GObject) first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  guint told = 0;

  ward_slot_model_keep_selection (slots, selection);
  gtk_single_selection_set_selected (selection, 1);
  g_signal_connect (selection, "notify::selected-item", G_CALLBACK (on_selected_item_cb), &told);
  needle = "a";
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (told, ==, 0);
  needle = "an";
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (plain), i);

      g_assert_cmpstr (string_at (G_LIST_MODEL (slots), i), ==, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }
  g_assert_null (string_at (G_LIST_MODEL (slots), 3));
  /* "ba" is gone: "can", now at its place, is selected, and told. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_cmpstr (string_at (G_LIST_MODEL (slots), 1), ==, "can");
  g_assert_cmpuint (told, >, 0);
  {
    g_autoptr (GObject) now = g_list_model_get_item (G_LIST_MODEL (slots), 0);

    g_assert_true (now == first);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/slot-model/follows-search-sort-and-reload", test_slot_model_follows);
  g_test_add_func ("/slot-model/keeps-the-selection", test_slot_model_keeps_the_selection);
  g_test_add_func ("/slot-model/other-items", test_slot_model_other_items);
  return g_test_run ();
}
