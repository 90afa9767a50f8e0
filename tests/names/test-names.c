/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-names"

#include "config.h"

#include "base/ward-error.h"
#include "names/ward-names.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

static void
test_same (void)
{
  g_assert_true (ward_names_same ("To dan pho 3", "Tổ dân phố 3"));
  g_assert_true (ward_names_same ("tổ  dân phố 3 ", "Tổ dân phố 3"));
  g_assert_true (ward_names_same ("Đội 1", "doi 1"));
  g_assert_false (ward_names_same ("Tổ dân phố 3", "Tổ dân phố 13"));
  g_assert_false (ward_names_same ("Tổ dân phố 3", "Tổ dân phố 3a"));
  g_assert_false (ward_names_same (NULL, "Tổ 1"));
  g_assert_false (ward_names_same ("\xff", "\xff"));
}

/* The spelling with its tone marks names the known name, however the
 * first one came; the list's own spelling before those of the records. */
static void
test_spelling (void)
{
  g_autoptr (WardNames) names = ward_names_new ();

  ward_names_add (names, "To dan pho 3", FALSE);
  ward_names_add (names, "Tổ dân phố 3", FALSE);
  ward_names_add (names, "to dan pho 3", FALSE);
  ward_names_add (names, "", FALSE);
  ward_names_add (names, "   ", TRUE);
  g_assert_cmpuint (ward_names_get_n (names), ==, 1);
  g_assert_cmpstr (ward_names_lookup (names, "TO DAN PHO 3"), ==, "Tổ dân phố 3");
  g_assert_null (ward_names_lookup (names, "Tổ dân phố 4"));

  ward_names_add (names, "Tổ Dân Phố 3", TRUE);
  g_assert_cmpstr (ward_names_lookup (names, "to dan pho 3"), ==, "Tổ Dân Phố 3");
  ward_names_add (names, "Tổ dân phố 3", FALSE);
  g_assert_cmpstr (ward_names_lookup (names, "to dan pho 3"), ==, "Tổ Dân Phố 3");

  /* A name listed without its marks is written with them once seen so. */
  ward_names_add (names, "Chi bo 2", TRUE);
  ward_names_add (names, "Chi bộ 2", FALSE);
  g_assert_cmpstr (ward_names_lookup (names, "chi bo 2"), ==, "Chi bộ 2");
}

static void
test_order_and_complete (void)
{
  g_autoptr (WardNames) names = ward_names_new ();
  const char *expected[] = { "Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 10", "Tổ dân phố 12" };

  ward_names_add (names, "Tổ dân phố 12", TRUE);
  ward_names_add (names, "Tổ dân phố 10", TRUE);
  ward_names_add (names, "Tổ dân phố 2", TRUE);
  ward_names_add (names, "Tổ dân phố 1", TRUE);
  g_assert_cmpuint (ward_names_get_n (names), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ward_names_get (names, i), ==, expected[i]);

  g_assert_cmpstr (ward_names_complete (names, "to dan pho 1"), ==, "Tổ dân phố 1");
  g_assert_cmpstr (ward_names_complete (names, "to dan pho 1 "), ==, "Tổ dân phố 1");
  g_assert_cmpstr (ward_names_complete (names, "TỔ DÂN PHỐ 12"), ==, "Tổ dân phố 12");
  g_assert_cmpstr (ward_names_complete (names, "tổ d"), ==, "Tổ dân phố 1");
  g_assert_null (ward_names_complete (names, "chi bo"));
  g_assert_null (ward_names_complete (names, ""));
}

typedef struct
{
  WardTestFile file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ward_test_file_set_up (&f->file, "names");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ward_test_file_tear_down (&f->file);
}

/* A name is added once, however it is spelt; the list keeps the first. */
static void
test_add_known (Fixture       *f,
                gconstpointer  data)
{
  WardStore *store = f->file.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (WardNames) names = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *again_hoa = NULL;
  g_autofree char *listed = NULL;

  g_assert_false (ward_names_is_known (store, WARD_NAME_GROUP, "Tổ dân phố 16", &error));
  g_assert_no_error (error);
  g_assert_true (ward_names_add_known (store, WARD_NAME_GROUP, " Tổ dân phố  16", &first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "Tổ dân phố 16");
  g_assert_true (ward_names_add_known (store, WARD_NAME_GROUP, "to dan pho 16", &again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "Tổ dân phố 16");
  g_assert_true (ward_names_is_known (store, WARD_NAME_GROUP, "TO DAN PHO 16", &error));
  g_assert_false (ward_names_is_known (store, WARD_NAME_COLLECTOR, "Tổ dân phố 16", &error));

  names = ward_names_load (store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_names_get_n (names), ==, 1);

  /* Listed without its marks, then added with them: the list respells it,
   * and a receipt typed without them stores the list's. */
  g_assert_true (ward_names_add_known (store, WARD_NAME_COLLECTOR, "Le Thi Hoa", NULL, &error));
  g_assert_true (ward_names_add_known (store, WARD_NAME_COLLECTOR, "Lê Thị Hoa", &again_hoa, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again_hoa, ==, "Lê Thị Hoa");
  listed = ward_names_dup_listed (store, WARD_NAME_COLLECTOR, "le thi hoa", &error);
  g_assert_cmpstr (listed, ==, "Lê Thị Hoa");
  g_assert_null (ward_names_dup_listed (store, WARD_NAME_COLLECTOR, "Lê Thị Thu", &error));
  g_assert_no_error (error);

  g_assert_false (ward_names_add_known (store, WARD_NAME_COLLECTOR, "  ", NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ward_names_add_known (store, WARD_NAME_COLLECTOR, "Lê\x01Hoa", NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

/* The seeded units and chi bộ are lists too, in natural order. */
static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardNames) units = ward_names_load (f->file.store, WARD_NAME_UNIT, &error);
  g_autoptr (WardNames) cells = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ward_names_get_n (units), >, 10);
  ward_test_exec (f->file.store,
                  "INSERT INTO party_cells (uuid, name, created_at, updated_at) VALUES "
                  "('c10', 'Chi bộ 10', '', ''), ('c2', 'Chi bộ 2', '', '')");
  cells = ward_names_load (f->file.store, WARD_NAME_CELL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ward_names_lookup (cells, "chi bo 10"), ==, "Chi bộ 10");
}

/* A file written before the lists: the names its records hold are in the
 * lists after the migration, two spellings as one name. */
static void
test_records (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardNames) groups = NULL;

  ward_test_exec (f->file.store,
                  "INSERT INTO known_names (uuid, kind, name, created_at, updated_at) VALUES "
                  "('a', 'group', 'To dan pho 3', '', ''), ('b', 'group', 'Tổ dân phố 3', '', '');"
                  "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, registered_on, "
                  "residential_group, created_at, updated_at) VALUES "
                  "('e', '0101245486', 'Công ty A', '', '', '2025-01-01', 'tổ dân phố 5', '', '')");
  groups = ward_names_load (f->file.store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ward_names_get_n (groups), ==, 2);
  g_assert_cmpstr (ward_names_get (groups, 0), ==, "Tổ dân phố 3");
  g_assert_cmpstr (ward_names_get (groups, 1), ==, "tổ dân phố 5");
}

/* The office's list: names with the records using them; a name is spelled
 * better but never made another; only an unused one leaves the list. */
static void
test_known_list (Fixture       *f,
                 gconstpointer  data)
{
  WardStore *store = f->file.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 used, unused;

  ward_test_exec (store,
                  "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, registered_on, "
                  "residential_group, created_at, updated_at) VALUES "
                  "('e1', '0101245486', 'Công ty A', '', '', '2025-01-01', 'to dan pho 5', '', ''), "
                  "('e2', '0100109106', 'Công ty B', '', '', '2025-01-01', 'Tổ dân phố 5', '', '')");
  used = ward_known_name_add (store, WARD_NAME_GROUP, "To dan pho 5", &error);
  g_assert_no_error (error);
  unused = ward_known_name_add (store, WARD_NAME_GROUP, "Tổ dân phố 10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (used, >, 0);
  g_assert_cmpint (unused, >, 0);

  list = ward_known_names_load (store, WARD_NAME_GROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Natural order: 5 before 10; both enterprises count, however spelt. */
  g_assert_cmpint (((WardKnownName *) list->pdata[0])->id, ==, used);
  g_assert_cmpint (((WardKnownName *) list->pdata[0])->n_uses, ==, 2);
  g_assert_cmpint (((WardKnownName *) list->pdata[1])->n_uses, ==, 0);

  g_assert_true (ward_known_name_rename (store, WARD_NAME_GROUP, used, "Tổ Dân Phố 5", &error));
  g_assert_no_error (error);
  g_assert_false (ward_known_name_rename (store, WARD_NAME_GROUP, used, "Tổ 5", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ward_known_name_rename (store, WARD_NAME_GROUP, used, " ", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ward_known_name_remove (store, WARD_NAME_GROUP, used, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ward_known_name_remove (store, WARD_NAME_GROUP, unused, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ward_known_names_load (store, WARD_NAME_GROUP, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((WardKnownName *) list->pdata[0])->name, ==, "Tổ Dân Phố 5");
  g_assert_false (ward_known_name_remove (store, WARD_NAME_GROUP, unused, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
}

static void
assert_listed (WardStore  *store,
               const char *typed,
               const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *listed = ward_names_dup_listed (store, WARD_NAME_GROUP, typed, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (listed, ==, expected);
}

/* The list a receipt's spelling comes from is kept between receipts, and
 * read again after any change to it: through the lists, by plain SQL
 * inside a transaction (a bundle applied, an undo), by another program. */
static void
test_listed_follows_changes (Fixture       *f,
                             gconstpointer  data)
{
  WardStore *store = f->file.store;
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) other = NULL;

  assert_listed (store, "to dan pho 7", NULL);
  g_assert_true (ward_names_add_known (store, WARD_NAME_GROUP, "To dan pho 7", NULL, &error));
  g_assert_no_error (error);
  assert_listed (store, "to dan pho 7", "To dan pho 7");
  /* Typed with more marks than the list holds: as typed, the list as is. */
  assert_listed (store, "Tổ dân phố 7", "Tổ dân phố 7");
  assert_listed (store, "TO DAN PHO 7", "To dan pho 7");

  g_assert_true (ward_store_begin (store, &error));
  ward_test_exec (store, "UPDATE known_names SET name = 'Tổ Dân Phố 7' WHERE name = 'To dan pho 7'");
  assert_listed (store, "to dan pho 7", "Tổ Dân Phố 7");
  ward_store_rollback (store);
  assert_listed (store, "to dan pho 7", "To dan pho 7");

  other = ward_store_open (f->file.path, &error);
  g_assert_no_error (error);
  ward_test_exec (other, "DELETE FROM known_names WHERE kind = 'group'");
  assert_listed (store, "to dan pho 7", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/same", test_same);
  g_test_add_func ("/names/spelling", test_spelling);
  g_test_add_func ("/names/order-and-complete", test_order_and_complete);
  g_test_add ("/names/add-known", Fixture, NULL, fixture_set_up, test_add_known, fixture_tear_down);
  g_test_add ("/names/tables", Fixture, NULL, fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/names/listed-follows-changes", Fixture, NULL, fixture_set_up,
              test_listed_follows_changes, fixture_tear_down);
  g_test_add ("/names/records", Fixture, NULL, fixture_set_up, test_records, fixture_tear_down);
  g_test_add ("/names/known-list", Fixture, NULL, fixture_set_up, test_known_list, fixture_tear_down);

  return g_test_run ();
}
