/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-seed"

#include "config.h"

#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "store/ward-store-seed.h"
#include "store/ward-store.h"
#include "support/ward-test.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* A small seed of another ward, as an office would write its own. */
static const char *good_seed =
  "{ \"format\": \"ward-tracker-seed\", \"version\": 1,"
  "  \"ward\": { \"name\": \"Xã Quảng Phú\", \"party_body\": \"Đảng ủy xã Quảng Phú\","
  "    \"parent_body\": \"Đảng bộ tỉnh Thanh Hóa\", \"province\": \"Thanh Hóa\","
  "    \"place_name\": \"Quảng Phú\", \"congress\": \"Đại hội lần thứ I\","
  "    \"resolution_title\": \"Nghị quyết Đại hội Đảng bộ xã Quảng Phú\","
  "    \"term_start_year\": 2025, \"term_end_year\": 2030, \"congress_date\": \"2025-08-20\" },"
  "  \"targets\": ["
  "    { \"code\": \"bhyt\", \"group\": \"society\", \"kind\": \"rate\", \"source\": \"manual\","
  "      \"name\": \"Tỷ lệ tham gia bảo hiểm y tế\", \"unit\": \"%\", \"comparison\": \">=\", \"goal\": 95 },"
  "    { \"code\": \"members\", \"group\": \"party\", \"kind\": \"count\", \"source\": \"admissions\","
  "      \"name\": \"Kết nạp đảng viên\", \"unit\": \"đảng viên\", \"comparison\": \">=\", \"goal\": 120 } ],"
  "  \"programme\": [ { \"kind\": \"task\", \"title\": \"Xây dựng Đảng\" } ],"
  "  \"units\": [ \"UBND xã\" ],"
  "  \"campaigns\": [] }";

typedef struct
{
  const char *name;
  const char *from;  /* replace this part of the good seed … */
  const char *to;    /* … with this */
  const char *place; /* and expect the error to name this place */
} BadSeed;

static const BadSeed bad_seeds[] = {
  { "not-json", "{ \"format\"", "{ format", "not valid JSON" },
  { "wrong-format", "\"ward-tracker-seed\"", "\"something-else\"", "format" },
  { "newer-version", "\"version\": 1", "\"version\": 7", "version" },
  { "no-ward", "\"ward\":", "\"wards\":", "ward" },
  { "ward-name-missing", "\"name\": \"Xã Quảng Phú\",", "", "ward.name" },
  { "term-backwards", "\"term_end_year\": 2030", "\"term_end_year\": 2020", "ward.term_end_year" },
  /* The term runs from the congress: a seed without its date is refused. */
  { "congress-date-missing", ", \"congress_date\": \"2025-08-20\"", "", "ward.congress_date" },
  { "congress-date-outside-term", "\"congress_date\": \"2025-08-20\"", "\"congress_date\": \"2024-12-20\"",
    "ward.congress_date" },
  { "congress-date-not-a-date", "\"congress_date\": \"2025-08-20\"", "\"congress_date\": \"20/08/2025\"",
    "ward.congress_date" },
  { "term-end-before-congress", "\"congress_date\": \"2025-08-20\"",
    "\"congress_date\": \"2025-08-20\", \"term_end_date\": \"2025-01-01\"", "ward.term_end_date" },
  { "goal-not-number", "\"goal\": 120", "\"goal\": \"120\"", "targets[1].goal" },
  { "unknown-kind", "\"kind\": \"rate\"", "\"kind\": \"ratio\"", "targets[0].kind" },
  { "rate-over-100", "\"goal\": 95", "\"goal\": 195", "targets[0].goal" },
  { "unknown-comparison", "\"comparison\": \">=\", \"goal\": 95", "\"comparison\": \"~\", \"goal\": 95", "targets[0].comparison" },
  { "programme-kind", "\"kind\": \"task\"", "\"kind\": \"project\"", "programme[0].kind" },
  { "unit-not-text", "[ \"UBND xã\" ]", "[ 5 ]", "units[0]" },
  { "duplicate-target", "\"code\": \"members\"", "\"code\": \"bhyt\"", "targets[1]" },
};

static char *
write_seed (const char *dir,
            const char *contents)
{
  char *path = g_build_filename (dir, "seed.json", NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
test_custom_seed_loads (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-seed");
  g_autofree char *seed = write_seed (dir, good_seed);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardResolution) resolution = NULL;
  g_autoptr (GPtrArray) targets = NULL;

  store = ward_store_open_full (db, seed, -1, &error);
  g_assert_no_error (error);

  resolution = ward_resolution_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolution->name, ==, "Xã Quảng Phú");
  g_assert_cmpint (resolution->term_start_year, ==, 2025);
  g_assert_cmpstr (resolution->congress_date, ==, "2025-08-20");
  g_assert_cmpstr (resolution->term_end_date, ==, "2030-12-31");

  targets = ward_targets_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 2);
  g_assert_cmpstr (ward_target_get_code (targets->pdata[1]), ==, "members");
  g_assert_cmpint (ward_target_get_source (targets->pdata[1]), ==, WARD_SOURCE_ADMISSIONS);
  g_assert_cmpfloat (ward_target_get_goal (targets->pdata[1]), ==, 120);

  g_clear_object (&store);
  ward_test_remove_tree (dir);
}

/* A file of another ward made before the term's dates were kept: its
 * migration does not give it Đông Sơn's congress date; the user is asked
 * (ward_resolution_congress_hint()) and sets it. */
static void
test_other_ward_migrated_without_congress (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-seed");
  g_autofree char *seed = write_seed (dir, good_seed);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardResolution) resolution = NULL;
  g_autofree char *start = NULL;

  store = ward_store_open_full (db, seed, WARD_SEED_TERM_DATES_VERSION - 1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  store = ward_store_open (db, &error);
  g_assert_no_error (error);
  resolution = ward_resolution_load (store, &error);
  g_assert_no_error (error);
  g_assert_false (ward_resolution_has_congress_date (resolution));
  start = ward_resolution_term_start (resolution);
  g_assert_cmpstr (start, ==, "2025-01-01");
  g_assert_cmpstr (resolution->term_end_date, ==, "2030-12-31");
  /* The window asks once: answered or put off, not again for this file. */
  g_assert_true (ward_resolution_should_ask_congress (store));
  g_assert_true (ward_resolution_mark_congress_asked (store, &error));
  g_assert_no_error (error);
  g_assert_false (ward_resolution_should_ask_congress (store));

  /* A date outside the term is refused with the dates named. */
  g_assert_false (ward_resolution_set_congress_date (store, "2031-02-01", NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "01/02/2031"));
  g_clear_error (&error);
  g_assert_true (ward_resolution_set_congress_date (store, "2025-08-22", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&resolution, ward_resolution_free);
  g_clear_pointer (&start, g_free);
  resolution = ward_resolution_load (store, &error);
  start = ward_resolution_term_start (resolution);
  g_assert_cmpstr (start, ==, "2025-08-22");

  g_clear_object (&store);
  ward_test_remove_tree (dir);
}

static void
test_bad_seed (gconstpointer data)
{
  const BadSeed *bad = data;
  g_autofree char *dir = ward_test_make_dir ("store-seed");
  g_autofree char *contents = replace_once (good_seed, bad->from, bad->to);
  g_autofree char *seed = write_seed (dir, contents);
  g_autofree char *db = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;

  store = ward_store_open_full (db, seed, -1, &error);
  g_assert_null (store);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_SEED);
  g_test_message ("%s", error->message);
  /* The message names the file and the place in it. */
  g_assert_nonnull (strstr (error->message, seed));
  g_assert_nonnull (strstr (error->message, bad->place));
  /* A half-made database is never left behind. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  ward_test_remove_tree (dir);
}

static char *
uuids_of (WardStore  *store,
          const char *sql)
{
  g_autoptr (GString) all = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (all, "%s;", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
test_seeded_rows_share_uuids (void)
{
  static const char * const queries[] = {
    "SELECT uuid FROM ward",
    "SELECT uuid FROM targets ORDER BY code",
    "SELECT uuid FROM programme_groups ORDER BY kind, position",
    "SELECT uuid FROM units ORDER BY name",
    "SELECT uuid FROM campaigns ORDER BY name",
  };
  g_autofree char *dir = ward_test_make_dir ("store-seed");
  g_autofree char *first = g_build_filename (dir, "office.sqlite3", NULL);
  g_autofree char *second = g_build_filename (dir, "laptop.sqlite3", NULL);
  g_autoptr (WardStore) office = ward_store_open (first, NULL);
  g_autoptr (WardStore) laptop = ward_store_open (second, NULL);

  /* Two laptops seeded apart speak of the same rows. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *a = uuids_of (office, queries[i]);
      g_autofree char *b = uuids_of (laptop, queries[i]);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (strlen (a), >, 36);
    }

  g_clear_object (&office);
  g_clear_object (&laptop);
  ward_test_remove_tree (dir);
}

static void
test_missing_seed_file (void)
{
  g_autofree char *dir = ward_test_make_dir ("store-seed");
  g_autofree char *db = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autofree char *seed = g_build_filename (dir, "nowhere.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;

  store = ward_store_open_full (db, seed, -1, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  ward_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/custom-seed-loads", test_custom_seed_loads);
  g_test_add_func ("/seed/missing-seed-file", test_missing_seed_file);
  g_test_add_func ("/seed/other-ward-migrated-without-congress", test_other_ward_migrated_without_congress);
  g_test_add_func ("/seed/seeded-rows-share-uuids", test_seeded_rows_share_uuids);
  for (guint i = 0; i < G_N_ELEMENTS (bad_seeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/seed/bad/%s", bad_seeds[i].name);
      g_test_add_data_func (path, &bad_seeds[i], test_bad_seed);
    }

  return g_test_run ();
}
