/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-exchange"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "donations/ward-donations-ledger-private.h"
#include "donations/ward-donations-ledger.h"
#include "exchange/ward-exchange.h"
#include "exchange/ward-exchange-sign.h"
#include "store/ward-store.h"
#include "study/ward-study.h"
#include "support/ward-test.h"

/* Two laptops, each with its own file seeded on its own (so with its own
 * uuids for the seeded targets, groups, units and campaign), edited apart
 * and then exchanging bundles. */

typedef struct
{
  char      *dir;
  WardStore *office;
  WardStore *volunteer;
} Pair;

static WardStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return ward_test_open_store (path);
}


static void
pair_set_up (Pair          *pair,
             gconstpointer  data)
{
  pair->dir = ward_test_make_dir ("exchange");
  pair->office = open_store (pair->dir, "office.sqlite3");
  pair->volunteer = open_store (pair->dir, "volunteer.sqlite3");
  ward_test_trust (pair->office, pair->volunteer);
  ward_test_trust (pair->volunteer, pair->office);
}

static void
pair_tear_down (Pair          *pair,
                gconstpointer  data)
{
  g_clear_object (&pair->office);
  g_clear_object (&pair->volunteer);
  ward_test_remove_tree (pair->dir);
  g_free (pair->dir);
}

/* ---- Writing records as the registers do -------------------------------- */

static void
exec (WardStore  *store,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (ward_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
execf (WardStore  *store,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  exec (store, sql);
  sqlite3_free (g_steal_pointer (&sql));
}

static void
add_candidate (WardStore  *store,
               const char *uuid,
               const char *name,
               const char *birth,
               const char *cell,
               const char *when)
{
  execf (store,
         "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, cell_id, "
         "created_at, updated_at) VALUES (%Q, %Q, lower (%Q), lower (%Q), %Q, "
         "(SELECT id FROM party_cells WHERE name = %Q), %Q, %Q)",
         uuid, name, name, name, birth, cell, when, when);
}

static void
add_enterprise (WardStore  *store,
                const char *uuid,
                const char *tax_code,
                const char *name,
                const char *when)
{
  execf (store,
         "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
         "created_at, updated_at) VALUES (%Q, %Q, %Q, lower (%Q), lower (%Q), 'llc-one', '2026-02-02', "
         "%Q, %Q)",
         uuid, tax_code, name, name, name, when, when);
}

static void
set_note (WardStore  *store,
          const char *table,
          const char *uuid,
          const char *note,
          const char *when)
{
  execf (store, "UPDATE %s SET note = %Q, updated_at = %Q WHERE uuid = %Q", table, note, when, uuid);
}

static char *
query_text (WardStore  *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
assert_text (WardStore  *store,
             const char *sql,
             const char *expected)
{
  g_autofree char *text = query_text (store, sql);

  g_assert_cmpstr (text, ==, expected);
}

static gint64
query_int (WardStore  *store,
           const char *sql)
{
  g_autofree char *text = query_text (store, sql);

  return text ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* ---- Comparing two files --------------------------------------------------- */

/* References point at integer keys, which differ between laptops: they are
 * compared by the uuid of the row they name. */
static const struct
{
  const char *table;
  const char *column;
  const char *references;
} references[] = {
  { "candidates", "cell_id", "party_cells" },
  { "readings", "target_id", "targets" },
  { "readings", "unit_id", "units" },
  { "programme_items", "group_id", "programme_groups" },
  { "programme_items", "lead_unit_id", "units" },
  { "programme_updates", "item_id", "programme_items" },
  { "ledger_entries", "campaign_id", "campaigns" },
  { "ledger_entries", "reverses_id", "ledger_entries" },
  { "party_members", "cell_id", "party_cells" },
  { "party_members", "candidate_id", "candidates" },
  { "study_sessions", "cell_id", "party_cells" },
  { "study_attendance", "session_id", "study_sessions" },
  { "study_attendance", "member_id", "party_members" },
  { "study_reflections", "member_id", "party_members" },
};

static const char *
referenced_table (const char *table,
                  const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    if (g_str_equal (references[i].table, table) && g_str_equal (references[i].column, column))
      return references[i].references;
  return NULL;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of @table as "uuid|column=value|…", sorted. */
static GPtrArray *
snapshot (WardStore  *store,
          const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *column = sqlite3_column_name (stmt, i);
          const char *target = referenced_table (table, column);
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (g_str_equal (column, "id"))
            continue;
          if (target != NULL && value != NULL)
            {
              g_autofree char *lookup = g_strdup_printf ("SELECT uuid FROM %s WHERE id = %s", target, value);
              g_autofree char *uuid = query_text (store, lookup);

              g_string_append_printf (row, "%s=@%s|", column, uuid);
            }
          else
            g_string_append_printf (row, "%s=%s|", column, value ? value : "NULL");
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

static void
assert_same_rows (WardStore  *a,
                  WardStore  *b,
                  const char *table)
{
  g_autoptr (GPtrArray) rows_a = snapshot (a, table);
  g_autoptr (GPtrArray) rows_b = snapshot (b, table);

  g_test_message ("comparing %s: %u and %u rows", table, rows_a->len, rows_b->len);
  g_assert_cmpuint (rows_a->len, ==, rows_b->len);
  for (guint i = 0; i < rows_a->len; i++)
    g_assert_cmpstr (rows_a->pdata[i], ==, rows_b->pdata[i]);
}

static const char * const exchanged_tables[] = {
  "units", "party_cells", "known_names", "targets", "programme_groups", "campaigns", "readings", "plans",
  "programme_items", "programme_updates", "candidates", "party_members", "study_sessions", "study_attendance",
  "study_reflections", "enterprises", "ledger_entries", NULL
};

static void
assert_converged (Pair *pair)
{
  for (guint i = 0; exchanged_tables[i] != NULL; i++)
    assert_same_rows (pair->office, pair->volunteer, exchanged_tables[i]);
}

/* ---- Exchanging ------------------------------------------------------------ */

static WardBundlePlan *
plan_from (WardStore  *from,
           WardStore  *to,
           const char *since)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = ward_bundle_export_bytes (from, since, NULL, &error);
  WardBundlePlan *plan;

  g_assert_no_error (error);
  plan = ward_bundle_plan_new_for_bytes (to, bytes, "test.json", &error);
  g_assert_no_error (error);
  return plan;
}

static void
apply (WardStore      *store,
       WardBundlePlan *plan)
{
  g_autoptr (GError) error = NULL;

  gboolean ok = ward_bundle_plan_apply (store, plan, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static WardBundlePlan *
exchange (WardStore *from,
          WardStore *to)
{
  WardBundlePlan *plan = plan_from (from, to, NULL);
  g_autofree char *summary = ward_bundle_plan_format (plan);

  g_test_message ("%s", summary);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (plan), ==, 0);
  apply (to, plan);
  return plan;
}

static const WardBundleCount *
count_for (WardBundlePlan *plan,
           const char     *table)
{
  for (guint i = 0; i < ward_bundle_plan_get_n_counts (plan); i++)
    if (g_str_equal (ward_bundle_plan_get_count (plan, i)->table, table))
      return ward_bundle_plan_get_count (plan, i);
  g_assert_not_reached ();
}

static void
edit_apart (Pair *pair)
{
  exec (pair->office, "INSERT INTO party_cells (uuid, name, created_at, updated_at) "
                      "VALUES ('cell-1', 'Chi bộ khu phố 1', '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z')");
  add_candidate (pair->office, "cand-office", "Nguyễn Văn An", "1995-04-12", "Chi bộ khu phố 1",
                 "2026-01-06T08:00:00Z");
  add_enterprise (pair->office, "ent-office", "2801234564", "Công ty TNHH Đông Sơn Xanh",
                  "2026-01-06T09:00:00Z");
  add_candidate (pair->volunteer, "cand-volunteer", "Lê Thị Hoa", "1998-09-01", NULL,
                 "2026-01-07T08:00:00Z");
  add_enterprise (pair->volunteer, "ent-volunteer", "2807654325", "Công ty cổ phần Hàm Rồng",
                  "2026-01-07T09:00:00Z");
  /* A programme item with the units and targets it serves, on the volunteer's side. */
  exec (pair->volunteer,
        "INSERT INTO programme_items (uuid, group_id, title, created_at, updated_at) "
        "VALUES ('item-1', (SELECT id FROM programme_groups WHERE kind = 'task' AND position = 2), "
        "'Cải cách thủ tục đầu tư', '2026-01-08T08:00:00Z', '2026-01-08T08:00:00Z');"
        "INSERT INTO programme_item_units (uuid, item_id, unit_id, created_at, updated_at) "
        "SELECT 'link-1', (SELECT id FROM programme_items WHERE uuid = 'item-1'), id, 'x', 'x' "
        "FROM units ORDER BY position LIMIT 1;"
        "INSERT INTO programme_item_targets (uuid, item_id, target_id, created_at, updated_at) "
        "SELECT 'link-2', (SELECT id FROM programme_items WHERE uuid = 'item-1'), id, 'x', 'x' "
        "FROM targets WHERE code = 'grdp-growth';");
}

/* ---- Tests ------------------------------------------------------------------ */

static void converge (Pair *pair);

static void
test_convergence (Pair          *pair,
                  gconstpointer  data)
{
  g_autoptr (WardBundlePlan) first = NULL;
  g_autoptr (WardBundlePlan) second = NULL;
  g_autofree char *item_units = NULL;

  edit_apart (pair);

  first = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (first, "candidates")->n_added, ==, 1);
  g_assert_cmpuint (count_for (first, "enterprises")->n_added, ==, 1);
  g_assert_cmpuint (count_for (first, "programme_items")->n_added, ==, 1);
  /* The seeded targets are the same targets, not new ones. */
  g_assert_cmpuint (count_for (first, "targets")->n_added, ==, 0);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM targets"), ==, 11);

  second = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (second, "candidates")->n_added, ==, 1);
  g_assert_cmpuint (count_for (second, "candidates")->n_unchanged, ==, 1);
  g_assert_cmpuint (count_for (second, "party_cells")->n_added, ==, 1);

  assert_converged (pair);
  /* The item's units came along by name, not by the sender's integer key. */
  item_units = query_text (pair->office,
                           "SELECT u.name FROM programme_item_units l JOIN units u ON u.id = l.unit_id "
                           "JOIN programme_items i ON i.id = l.item_id WHERE i.uuid = 'item-1'");
  assert_text (pair->volunteer, "SELECT name FROM units ORDER BY position LIMIT 1", item_units);
  assert_text (pair->volunteer,
               "SELECT p.name FROM candidates c JOIN party_cells p ON p.id = c.cell_id "
               "WHERE c.uuid = 'cand-office'", "Chi bộ khu phố 1");
}

static void
test_one_side_changed (Pair          *pair,
                       gconstpointer  data)
{
  g_autoptr (WardBundlePlan) out = NULL;
  g_autoptr (WardBundlePlan) again = NULL;

  converge (pair);

  /* The office corrects the volunteer's candidate; the volunteer's
   * enterprise is changed on the volunteer's laptop. */
  set_note (pair->office, "candidates", "cand-volunteer", "Đã nộp đơn", "2026-02-01T08:00:00Z");
  set_note (pair->volunteer, "enterprises", "ent-volunteer", "Đã chuyển trụ sở", "2026-02-02T08:00:00Z");
  exec (pair->volunteer, "DELETE FROM programme_item_units");

  out = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (out, "candidates")->n_updated, ==, 1);
  /* The volunteer's newer enterprise is not overwritten by the office's older copy. */
  g_assert_cmpuint (count_for (out, "enterprises")->n_updated, ==, 0);
  assert_text (pair->volunteer, "SELECT note FROM candidates WHERE uuid = 'cand-volunteer'", "Đã nộp đơn");
  assert_text (pair->volunteer, "SELECT note FROM enterprises WHERE uuid = 'ent-volunteer'", "Đã chuyển trụ sở");

  again = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (again, "enterprises")->n_updated, ==, 1);
  g_assert_cmpuint (count_for (again, "candidates")->n_updated, ==, 0);
  /* The item's units, removed on the volunteer's laptop, go at the office too. */
  g_assert_cmpuint (count_for (again, "programme_items")->n_updated, ==, 1);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM programme_item_units"), ==, 0);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM programme_item_targets"), ==, 1);
  assert_converged (pair);
}

static void
test_reimport_is_a_no_op (Pair          *pair,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (WardBundlePlan) replay = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  gint64 audit_before;

  edit_apart (pair);
  bytes = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);
  plan = ward_bundle_plan_new_for_bytes (pair->office, bytes, "bundle.json", &error);
  g_assert_no_error (error);
  g_assert_true (ward_bundle_plan_has_changes (plan));
  apply (pair->office, plan);

  before = snapshot (pair->office, "candidates");
  audit_before = query_int (pair->office, "SELECT COUNT (*) FROM audit");
  replay = ward_bundle_plan_new_for_bytes (pair->office, bytes, "bundle.json", &error);
  g_assert_no_error (error);
  g_assert_false (ward_bundle_plan_has_changes (replay));
  g_assert_cmpuint (count_for (replay, "candidates")->n_added, ==, 0);
  g_assert_cmpuint (count_for (replay, "candidates")->n_unchanged, ==, 1);
  apply (pair->office, replay);
  after = snapshot (pair->office, "candidates");
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (before->pdata[i], ==, after->pdata[i]);
  /* No record was written at all: the audit trail says so. */
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM audit"), ==, audit_before);
}

static void
converge (Pair *pair)
{
  g_autoptr (WardBundlePlan) a = NULL;
  g_autoptr (WardBundlePlan) b = NULL;

  edit_apart (pair);
  a = exchange (pair->volunteer, pair->office);
  b = exchange (pair->office, pair->volunteer);
}

static void
test_conflict_is_listed (Pair          *pair,
                         gconstpointer  data)
{
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (WardBundlePlan) back = NULL;
  g_autoptr (GError) error = NULL;
  const WardBundleConflict *conflict;
  const WardBundleField *field = NULL;

  converge (pair);
  set_note (pair->office, "candidates", "cand-office", "Chờ thẩm tra", "2026-02-01T08:00:00Z");
  set_note (pair->volunteer, "candidates", "cand-office", "Đã thẩm tra", "2026-02-03T08:00:00Z");

  plan = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (plan), ==, 1);
  g_assert_cmpuint (count_for (plan, "candidates")->n_conflicts, ==, 1);
  conflict = ward_bundle_plan_get_conflict (plan, 0);
  g_assert_cmpint (conflict->kind, ==, WARD_BUNDLE_CHANGED_BOTH);
  g_assert_cmpstr (conflict->table, ==, "candidates");
  g_assert_cmpstr (conflict->description, ==, "Nguyễn Văn An");
  for (guint i = 0; i < conflict->fields->len; i++)
    if (g_str_equal (((WardBundleField *) conflict->fields->pdata[i])->mine, "Chờ thẩm tra"))
      field = conflict->fields->pdata[i];
  g_assert_nonnull (field);
  g_assert_cmpstr (field->theirs, ==, "Đã thẩm tra");

  /* Never resolved silently: without a choice nothing is written. */
  g_assert_false (ward_bundle_plan_apply (pair->office, plan, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  assert_text (pair->office, "SELECT note FROM candidates WHERE uuid = 'cand-office'", "Chờ thẩm tra");

  /* The office keeps its version; the volunteer then takes it without a
   * second conflict, since the office's version superseded theirs. */
  ward_bundle_plan_set_choice (plan, 0, WARD_BUNDLE_KEEP_MINE);
  apply (pair->office, plan);
  assert_text (pair->office, "SELECT note FROM candidates WHERE uuid = 'cand-office'", "Chờ thẩm tra");
  back = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (back, "candidates")->n_updated, ==, 1);
  assert_text (pair->volunteer, "SELECT note FROM candidates WHERE uuid = 'cand-office'", "Chờ thẩm tra");
  assert_converged (pair);
}

static void
test_conflict_take_theirs (Pair          *pair,
                           gconstpointer  data)
{
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (WardBundlePlan) back = NULL;

  converge (pair);
  set_note (pair->office, "enterprises", "ent-volunteer", "Ghi chú văn phòng", "2026-02-01T08:00:00Z");
  set_note (pair->volunteer, "enterprises", "ent-volunteer", "Ghi chú tình nguyện viên",
            "2026-02-02T08:00:00Z");
  plan = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (plan), ==, 1);
  ward_bundle_plan_set_all_choices (plan, WARD_BUNDLE_TAKE_THEIRS);
  apply (pair->office, plan);
  assert_text (pair->office, "SELECT note FROM enterprises WHERE uuid = 'ent-volunteer'", "Ghi chú tình nguyện viên");
  back = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (back, "enterprises")->n_updated, ==, 0);
  assert_converged (pair);
}

static void
test_entered_twice (Pair          *pair,
                    gconstpointer  data)
{
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (WardBundlePlan) back = NULL;

  /* The same enterprise (tax code) typed in on both laptops: identical
   * values merge into one record; different values are a conflict. */
  add_enterprise (pair->office, "ent-a", "2801111114", "Công ty TNHH Minh Phát", "2026-01-06T09:00:00Z");
  add_enterprise (pair->volunteer, "ent-b", "2801111114", "Công ty TNHH Minh Phát", "2026-01-07T09:00:00Z");
  add_enterprise (pair->office, "ent-c", "2802222226", "Công ty TNHH Hoa Sen", "2026-01-06T09:00:00Z");
  add_enterprise (pair->volunteer, "ent-d", "2802222226", "Công ty TNHH Hoa Sen Việt", "2026-01-07T09:00:00Z");

  plan = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_cmpuint (count_for (plan, "enterprises")->n_added, ==, 0);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (plan), ==, 1);
  g_assert_cmpint (ward_bundle_plan_get_conflict (plan, 0)->kind, ==, WARD_BUNDLE_ENTERED_TWICE);
  ward_bundle_plan_set_choice (plan, 0, WARD_BUNDLE_KEEP_MINE);
  apply (pair->office, plan);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM enterprises"), ==, 2);

  back = exchange (pair->office, pair->volunteer);
  assert_text (pair->volunteer, "SELECT name FROM enterprises WHERE tax_code = '2802222226'", "Công ty TNHH Hoa Sen");
  assert_converged (pair);
}

static void
test_deletions (Pair          *pair,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) stale = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (WardBundlePlan) resurrect = NULL;
  g_autoptr (WardBundlePlan) conflict = NULL;

  converge (pair);
  /* A bundle the volunteer made before hearing of the deletion. */
  stale = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);

  exec (pair->office, "DELETE FROM enterprises WHERE uuid = 'ent-office'");
  exec (pair->office, "DELETE FROM enterprises WHERE uuid = 'ent-volunteer'");
  set_note (pair->volunteer, "enterprises", "ent-volunteer", "Vẫn hoạt động", "2026-03-01T08:00:00Z");

  /* The old copy does not bring the deleted record back. */
  resurrect = ward_bundle_plan_new_for_bytes (pair->office, stale, "stale.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_for (resurrect, "enterprises")->n_skipped, ==, 2);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (resurrect), ==, 0);
  apply (pair->office, resurrect);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM enterprises"), ==, 0);

  /* Deleted there, unchanged here: deleted. Deleted there, changed here:
   * a conflict. */
  plan = plan_from (pair->office, pair->volunteer, NULL);
  g_assert_cmpuint (count_for (plan, "enterprises")->n_deleted, ==, 1);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (plan), ==, 1);
  g_assert_cmpint (ward_bundle_plan_get_conflict (plan, 0)->kind, ==, WARD_BUNDLE_DELETED_THERE);
  ward_bundle_plan_set_choice (plan, 0, WARD_BUNDLE_KEEP_MINE);
  apply (pair->volunteer, plan);
  g_assert_cmpint (query_int (pair->volunteer, "SELECT COUNT (*) FROM enterprises WHERE uuid = 'ent-office'"), ==, 0);
  g_assert_cmpint (query_int (pair->volunteer, "SELECT COUNT (*) FROM enterprises WHERE uuid = 'ent-volunteer'"), ==, 1);

  /* The changed copy goes back to the office, where its deletion is now
   * the conflict. */
  conflict = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_cmpuint (ward_bundle_plan_get_n_conflicts (conflict), ==, 1);
  g_assert_cmpint (ward_bundle_plan_get_conflict (conflict, 0)->kind, ==, WARD_BUNDLE_DELETED_HERE);
  ward_bundle_plan_set_choice (conflict, 0, WARD_BUNDLE_TAKE_THEIRS);
  apply (pair->office, conflict);
  assert_converged (pair);
}

static void
assert_refused (WardStore  *store,
                GBytes     *bytes,
                int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  gint64 audit = query_int (store, "SELECT COUNT (*) FROM audit");

  plan = ward_bundle_plan_new_for_bytes (store, bytes, "bundle.json", &error);
  g_assert_null (plan);
  g_assert_error (error, WARD_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpint (query_int (store, "SELECT COUNT (*) FROM audit"), ==, audit);
}

static GBytes *
replace_once (GBytes     *bytes,
              const char *from,
              const char *to)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *at = strstr (text, from);
  GString *changed;

  g_assert_nonnull (at);
  changed = g_string_new_len (text, at - text);
  g_string_append (changed, to);
  g_string_append (changed, at + strlen (from));
  return g_string_free_to_bytes (changed);
}

/* The bundle inside a signed one, as text. */
static char *
unseal (GBytes *sealed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = json_from_string (g_bytes_get_data (sealed, NULL), &error);
  g_autofree guchar *payload = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  payload = g_base64_decode (json_object_get_string_member (json_node_get_object (root), "payload"),
                             &length);
  return g_strndup ((const char *) payload, length);
}

/* @text signed by @store: what a trusted installation would send. */
static GBytes *
seal_text (WardStore  *store,
           const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) payload = g_bytes_new (text, strlen (text));
  GBytes *sealed = ward_exchange_seal (store, payload, &error);

  g_assert_no_error (error);
  return sealed;
}

/* The bundle inside @sealed with @from replaced by @to, signed again. */
static GBytes *
reseal_replacing (WardStore  *store,
                  GBytes     *sealed,
                  const char *from,
                  const char *to)
{
  g_autofree char *text = unseal (sealed);
  g_autoptr (GBytes) inner = g_bytes_new (text, strlen (text));
  g_autoptr (GBytes) changed = replace_once (inner, from, to);
  g_autofree char *changed_text = g_strndup (g_bytes_get_data (changed, NULL), g_bytes_get_size (changed));

  return seal_text (store, changed_text);
}

static void
test_refused (Pair          *pair,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) tampered = NULL;
  g_autoptr (GBytes) newer = NULL;
  g_autoptr (GBytes) newer_schema = NULL;
  g_autoptr (GBytes) truncated = NULL;
  g_autoptr (GBytes) not_json = g_bytes_new_static ("Số biên lai;Ngày\n1;01/02/2026\n", 31);
  g_autoptr (GBytes) other = g_bytes_new_static ("{\"format\":\"ward-tracker-seed\",\"version\":1}", 42);

  edit_apart (pair);
  bytes = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);

  /* One letter of one value changed, the checksum made again, signed by
   * a trusted installation: the checksum still tells. */
  tampered = reseal_replacing (pair->volunteer, bytes, "Lê Thị Hoa", "Lê Thị Hòa");
  assert_refused (pair->office, tampered, WARD_ERROR_TAMPERED);

  newer = reseal_replacing (pair->volunteer, bytes, "\"version\":1", "\"version\":2");
  assert_refused (pair->office, newer, WARD_ERROR_NEWER_VERSION);
  newer_schema = reseal_replacing (pair->volunteer, bytes, "\"schema\":", "\"schema\":9");
  assert_refused (pair->office, newer_schema, WARD_ERROR_NEWER_VERSION);

  truncated = g_bytes_new_from_bytes (bytes, 0, g_bytes_get_size (bytes) / 2);
  assert_refused (pair->office, truncated, WARD_ERROR_CORRUPT);
  assert_refused (pair->office, not_json, WARD_ERROR_CORRUPT);
  assert_refused (pair->office, other, WARD_ERROR_CORRUPT);

  /* Its own bundle, back to the file that made it. */
  assert_refused (pair->volunteer, bytes, WARD_ERROR_INVALID);

  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM candidates"), ==, 1);
}

static char *
key_path_of (WardStore *store)
{
  g_autofree char *id = ward_store_dup_installation_id (store, NULL);
  g_autofree char *name = g_strconcat (id, ".key", NULL);

  return g_build_filename (g_get_user_data_dir (), "ward-tracker", "keys", name, NULL);
}

/* A third laptop, never trusted by the office, until a person compares
 * its code; the secret key never leaves it. */
static void
test_signed (Pair          *pair,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) stranger = open_store (pair->dir, "stranger.sqlite3");
  g_autoptr (WardSigner) own = ward_exchange_dup_own_signer (stranger, &error);
  g_autoptr (WardSigner) trusted = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GBytes) forged = NULL;
  g_autoptr (GBytes) unsigned_bytes = NULL;
  g_autoptr (GBytes) misnamed = NULL;
  g_autofree char *key_path = key_path_of (stranger);
  g_autofree char *secret = NULL;
  g_autofree char *secret_b64 = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *inner = NULL;
  gsize secret_len = 0;
  GStatBuf st;

  g_assert_no_error (error);
  bytes = ward_bundle_export_bytes (stranger, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The secret half: the user's data folder, 0600, never in the bundle. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (key_path, &secret, &secret_len, NULL));
  g_assert_cmpuint (secret_len, ==, 64);
  secret_b64 = g_base64_encode ((const guchar *) secret, 32);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), secret_b64));

  /* Unknown: refused, naming its code and how to trust it; nothing stored. */
  g_assert_null (ward_bundle_plan_new_for_bytes (pair->office, bytes, "stranger.json", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, own->code));
  g_assert_nonnull (strstr (error->message, "bundle trust"));
  g_clear_error (&error);

  /* Trusted by its code as a person types it. */
  typed = g_ascii_strdown (own->code, -1);
  g_strdelimit (typed, "-", ' ');
  g_assert_true (ward_exchange_trust_code (pair->office, typed, &trusted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trusted->installation, ==, own->installation);
  plan = ward_bundle_plan_new_for_bytes (pair->office, bytes, "stranger.json", &error);
  g_assert_no_error (error);
  g_assert_false (ward_exchange_trust_code (pair->office, "AAAA-AAAA", NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* One character of the signed payload changed. */
  forged = replace_once (bytes, "\"eyJmb3Jt", "\"eyKmb3Jt");
  assert_refused (pair->office, forged, WARD_ERROR_TAMPERED);
  /* The bare bundle of an older version, unsigned. */
  inner = unseal (bytes);
  unsigned_bytes = g_bytes_new (inner, strlen (inner));
  assert_refused (pair->office, unsigned_bytes, WARD_ERROR_UNTRUSTED);
  /* The volunteer's records signed by the stranger. */
  g_free (inner);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);
  inner = unseal (bytes);
  misnamed = seal_text (stranger, inner);
  assert_refused (pair->office, misnamed, WARD_ERROR_CORRUPT);

  /* Its key lost (the file copied to another computer): a new key is
   * made, and the office refuses it until it is trusted again. */
  g_assert_cmpint (g_unlink (key_path), ==, 0);
  again = ward_bundle_export_bytes (stranger, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ward_bundle_plan_new_for_bytes (pair->office, again, "again.json", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "another key"));
  g_clear_error (&error);
  /* Its new code, compared on both screens, is trusted in place of the old. */
  g_clear_pointer (&own, ward_signer_free);
  g_clear_pointer (&trusted, ward_signer_free);
  own = ward_exchange_dup_own_signer (stranger, &error);
  g_assert_no_error (error);
  g_assert_true (ward_exchange_trust_code (pair->office, own->code, &trusted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ward_exchange_get_trust (pair->office, own, NULL), ==, WARD_TRUST_TRUSTED);
  g_clear_pointer (&plan, ward_bundle_plan_unref);
  plan = ward_bundle_plan_new_for_bytes (pair->office, again, "again.json", &error);
  g_assert_no_error (error);
}

static void
test_since (Pair          *pair,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) later = NULL;
  g_autoptr (GBytes) all = NULL;
  g_autoptr (WardBundlePlan) plan = NULL;
  guint n_later = 0, n_all = 0;

  edit_apart (pair);
  later = ward_bundle_export_bytes (pair->volunteer, "2099-01-01", &n_later, &error);
  g_assert_no_error (error);
  all = ward_bundle_export_bytes (pair->volunteer, NULL, &n_all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_later, <, n_all);
  plan = ward_bundle_plan_new_for_bytes (pair->office, later, "later.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ward_bundle_plan_get_since (plan), ==, "2099-01-01T00:00:00Z");
  g_assert_cmpuint (count_for (plan, "targets")->n_unchanged, ==, 11);
  for (guint i = 0; i < ward_bundle_plan_get_n_counts (plan); i++)
    g_assert_cmpuint (ward_bundle_plan_get_count (plan, i)->n_added, ==, 0);

  g_assert_null (ward_bundle_export_bytes (pair->volunteer, "31/02/2026", NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

/* ---- The ledger ------------------------------------------------------------ */

/* Appends an entry to @book's chain as the ledger does for its own book. */
static char *
append_entry (WardStore  *store,
              const char *book,
              const char *kind,
              const char *number,
              gint64      amount,
              const char *reverses)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) campaign = ward_ledger_default_campaign (store, &error);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *seq_text = NULL, *amount_text = NULL, *prev = NULL;
  char *sql;
  const char *fields[WARD_LEDGER_N_HASH_FIELDS] = { NULL };
  char hash[WARD_LEDGER_HASH_LEN + 1];
  gint64 seq;

  g_assert_no_error (error);
  sql = sqlite3_mprintf ("SELECT COUNT (*) FROM ledger_entries WHERE campaign_id = %lld AND book = %Q",
                         (long long) campaign->id, book);
  seq = query_int (store, sql) + 1;
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("SELECT hash FROM ledger_entries WHERE campaign_id = %lld AND book = %Q "
                         "AND seq = %lld", (long long) campaign->id, book, (long long) seq - 1);
  prev = query_text (store, sql);
  sqlite3_free (sql);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  amount_text = g_strdup_printf ("%" G_GINT64_FORMAT, amount);

  fields[WARD_LEDGER_HASH_CAMPAIGN] = campaign->uuid;
  fields[WARD_LEDGER_HASH_BOOK] = book;
  fields[WARD_LEDGER_HASH_SEQ] = seq_text;
  fields[WARD_LEDGER_HASH_KIND] = kind;
  fields[WARD_LEDGER_HASH_UUID] = uuid;
  fields[WARD_LEDGER_HASH_RECEIPT_NUMBER] = number;
  fields[WARD_LEDGER_HASH_DATE] = "2025-10-01";
  fields[WARD_LEDGER_HASH_DONOR] = g_str_equal (kind, "receipt") ? "Hộ ông Trần Văn Bình" : NULL;
  fields[WARD_LEDGER_HASH_AMOUNT] = amount_text;
  fields[WARD_LEDGER_HASH_METHOD] = g_str_equal (kind, "receipt") ? "cash" : NULL;
  fields[WARD_LEDGER_HASH_REVERSES] = reverses;
  fields[WARD_LEDGER_HASH_REASON] = reverses ? "Ghi nhầm số tiền" : NULL;
  fields[WARD_LEDGER_HASH_CREATED_AT] = "2025-10-01T08:00:00Z";
  fields[WARD_LEDGER_HASH_PREV_HASH] = prev ? prev : WARD_LEDGER_GENESIS;
  ward_ledger_hash_fields (checksum, buffer, fields, hash);

  sql = sqlite3_mprintf ("INSERT INTO ledger_entries (uuid, campaign_id, book, seq, kind, receipt_number, "
                         "entry_date, donor, amount, method, reverses_id, reason, prev_hash, hash, "
                         "created_at, updated_at) VALUES (%Q, %lld, %Q, %lld, %Q, %Q, %Q, %Q, %lld, %Q, "
                         "(SELECT id FROM ledger_entries WHERE uuid = %Q), %Q, %Q, %Q, %Q, %Q)",
                         uuid, (long long) campaign->id, book, (long long) seq, kind, number,
                         fields[WARD_LEDGER_HASH_DATE], fields[WARD_LEDGER_HASH_DONOR], (long long) amount,
                         fields[WARD_LEDGER_HASH_METHOD], reverses, fields[WARD_LEDGER_HASH_REASON],
                         fields[WARD_LEDGER_HASH_PREV_HASH], hash, fields[WARD_LEDGER_HASH_CREATED_AT],
                         fields[WARD_LEDGER_HASH_CREATED_AT]);
  exec (store, sql);
  sqlite3_free (sql);
  return g_steal_pointer (&uuid);
}

static void
assert_ledger_verifies (WardStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) report = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (ward_ledger_verify (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 0);
}

static void
test_ledger_books_merge (Pair          *pair,
                         gconstpointer  data)
{
  g_autoptr (WardBundlePlan) start = NULL;
  g_autoptr (WardBundlePlan) in = NULL;
  g_autoptr (WardBundlePlan) out = NULL;
  g_autoptr (WardBundlePlan) replay = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *correction = NULL;

  g_assert_true (ward_store_set_book (pair->office, "VP", NULL));
  g_assert_true (ward_store_set_book (pair->volunteer, "TNV1", NULL));
  /* The volunteer's laptop takes the office's lists before collecting. */
  start = exchange (pair->office, pair->volunteer);

  g_free (append_entry (pair->office, "VP", "receipt", "VP-001", 500000, NULL));
  wrong = append_entry (pair->office, "VP", "receipt", "VP-002", 2000000, NULL);
  correction = append_entry (pair->office, "VP", "reversal", NULL, -2000000, wrong);
  g_free (append_entry (pair->volunteer, "TNV1", "receipt", "TNV1-001", 300000, NULL));
  g_free (append_entry (pair->volunteer, "TNV1", "receipt", "TNV1-002", 150000, NULL));
  assert_ledger_verifies (pair->office);
  assert_ledger_verifies (pair->volunteer);

  in = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (in, "ledger_entries")->n_added, ==, 2);
  out = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (out, "ledger_entries")->n_added, ==, 3);
  g_assert_cmpuint (count_for (out, "ledger_entries")->n_unchanged, ==, 2);

  assert_ledger_verifies (pair->office);
  assert_ledger_verifies (pair->volunteer);
  assert_converged (pair);
  g_assert_cmpint (query_int (pair->volunteer, "SELECT COUNT (DISTINCT book) FROM ledger_entries"), ==, 2);

  /* Nothing is counted twice. */
  replay = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_false (ward_bundle_plan_has_changes (replay));
  g_assert_cmpuint (count_for (replay, "ledger_entries")->n_unchanged, ==, 5);
  apply (pair->office, replay);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM ledger_entries"), ==, 5);
}

static gint64
on_hand (WardStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCampaign) campaign = ward_ledger_default_campaign (store, &error);
  WardLedgerTotals totals = { 0 };
  gint64 result;

  g_assert_true (ward_ledger_get_totals (store, campaign->id, &totals, &error));
  g_assert_no_error (error);
  result = totals.on_hand;
  ward_ledger_totals_clear (&totals);
  return result;
}

/* Issue 26: a receipt corrected under its own number after its money went
 * upward travels as its reversal and the receipt written again, and is
 * taken as the volunteer's laptop took it: the number kept, the money on
 * hand moved by the difference only. */
static void
test_ledger_correction (Pair          *pair,
                        gconstpointer  data)
{
  g_autoptr (WardBundlePlan) start = NULL;
  g_autoptr (WardBundlePlan) first = NULL;
  g_autoptr (WardBundlePlan) second = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;
  WardReceiptInput input = {
    .receipt_number = "TNV1-001", .date = "2025-09-20", .donor = "Hộ ông Trần Văn Bình",
    .donor_kind = WARD_DONOR_HOUSEHOLD, .amount = 1000000, .method = WARD_PAYMENT_CASH,
  };
  WardTransferInput transfer = {
    .date = "2025-10-01", .amount = 1000000, .receiver = "Ủy ban MTTQ tỉnh", .voucher = "CT-01",
  };
  gint64 id = 0;

  g_assert_true (ward_store_set_book (pair->office, "VP", NULL));
  g_assert_true (ward_store_set_book (pair->volunteer, "TNV1", NULL));
  start = exchange (pair->office, pair->volunteer);
  campaign = ward_ledger_default_campaign (pair->volunteer, &error);
  g_assert_no_error (error);
  g_assert_true (ward_ledger_add_receipt (pair->volunteer, campaign, &input, &id, NULL, &error));
  g_assert_true (ward_ledger_add_transfer (pair->volunteer, campaign, &transfer, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The office has the receipt and the transfer before the correction. */
  first = exchange (pair->volunteer, pair->office);
  g_assert_cmpint (on_hand (pair->office), ==, 0);

  input.amount = 1200000;
  g_assert_true (ward_ledger_correct_receipt (pair->volunteer, campaign, id, &input, "2025-10-05",
                                              "Ghi nhầm số tiền", &id, NULL, &error));
  g_assert_no_error (error);
  input.amount = 1150000;
  g_assert_true (ward_ledger_correct_receipt (pair->volunteer, campaign, id, &input, "2025-10-06",
                                              "Ghi nhầm số tiền", NULL, NULL, &error));
  g_assert_no_error (error);
  second = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (second, "ledger_entries")->n_added, ==, 4);
  g_assert_cmpint (on_hand (pair->office), ==, 150000);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM ledger_entries "
                                            "WHERE receipt_number = 'TNV1-001' AND kind = 'receipt'"), ==, 3);
  assert_ledger_verifies (pair->office);
  assert_converged (pair);
}

/* A bundle whose entry was altered and its checksum made again: the
 * chain still tells. */
static void
test_ledger_tampered_entry (Pair          *pair,
                            gconstpointer  data)
{
  g_autoptr (WardBundlePlan) start = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) forged = NULL;
  g_autofree char *records = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *text = NULL;
  g_autofree char *inner = NULL;
  JsonObject *object;
  JsonObject *values;

  g_assert_true (ward_store_set_book (pair->volunteer, "TNV1", NULL));
  start = exchange (pair->office, pair->volunteer);
  g_free (append_entry (pair->volunteer, "TNV1", "receipt", "TNV1-001", 300000, NULL));
  bytes = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);

  inner = unseal (bytes);
  root = json_from_string (inner, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  values = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (object, "records"),
                                                                 "ledger_entries"), 0), "values");
  json_object_set_int_member (values, "amount", 30000);
  records = json_to_string (json_object_get_member (object, "records"), FALSE);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, records, -1);
  json_object_set_string_member (object, "checksum", checksum);
  text = json_to_string (root, FALSE);
  /* Signed by the volunteer itself: a trusted installation cannot forge
   * the chain either. */
  forged = seal_text (pair->volunteer, text);
  assert_refused (pair->office, forged, WARD_ERROR_TAMPERED);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM ledger_entries"), ==, 0);
}

/* Two laptops writing the same book (as the ledger does while every
 * installation writes book ''): refused, with the reason, not merged. */
static void
test_ledger_same_book_refused (Pair          *pair,
                               gconstpointer  data)
{
  g_autoptr (WardBundlePlan) start = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  start = exchange (pair->office, pair->volunteer);
  g_free (append_entry (pair->office, "", "receipt", "1", 100000, NULL));
  g_free (append_entry (pair->volunteer, "", "receipt", "7", 200000, NULL));
  bytes = ward_bundle_export_bytes (pair->volunteer, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_refused (pair->office, bytes, WARD_ERROR_INVALID);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM ledger_entries"), ==, 1);
}

/* Two laptops seeded apart that both took receipts before ever meeting:
 * each campaign's uuid is in the hash of its receipts, so neither can take
 * the other's. Refused, with the reason, rather than merged into a ledger
 * that no longer verifies. */
/* Two laptops seeded apart record receipts before they ever exchange: the
 * seeded campaign has the same UUID on both (ward-store-seed.c), so their books
 * merge and both chains verify. */
static void
test_ledger_collected_before_first_exchange (Pair          *pair,
                                             gconstpointer  data)
{
  g_autoptr (WardBundlePlan) in = NULL;
  g_autoptr (WardBundlePlan) out = NULL;

  g_assert_true (ward_store_set_book (pair->office, "VP", NULL));
  g_assert_true (ward_store_set_book (pair->volunteer, "TNV1", NULL));
  g_free (append_entry (pair->office, "VP", "receipt", "VP-001", 100000, NULL));
  g_free (append_entry (pair->volunteer, "TNV1", "receipt", "TNV1-001", 200000, NULL));

  in = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (in, "ledger_entries")->n_added, ==, 1);
  out = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (out, "ledger_entries")->n_added, ==, 1);
  assert_ledger_verifies (pair->office);
  assert_ledger_verifies (pair->volunteer);
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM ledger_entries"), ==, 2);
}

/* ---- The study of the resolution ------------------------------------------- */

static gint64
add_member (WardStore  *store,
            gint64      cell,
            const char *name)
{
  g_autoptr (WardPartyMember) member = ward_party_member_new ();
  g_autoptr (GError) error = NULL;

  member->full_name = g_strdup (name);
  member->birth_date = g_strdup ("1980-03-03");
  member->joined_date = g_strdup ("2010-05-19");
  member->official_date = g_strdup ("2011-05-19");
  member->cell_id = cell;
  g_assert_true (ward_party_member_save (store, member, &error));
  g_assert_no_error (error);
  return member->id;
}

static gint64
id_in (WardStore  *store,
       const char *table,
       const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s", table, where);

  return query_int (store, sql);
}

/* The study's tables alike in both files (the seeded lists, made apart,
 * may differ in the second they were written). */
static void
assert_study_converged (Pair *pair)
{
  static const char * const tables[] = {
    "party_cells", "party_members", "study_sessions", "study_attendance", "study_reflections",
  };

  /* The seed's own session has one uuid everywhere but the time each file
   * was made. */
  for (guint i = 0; i < 2; i++)
    exec (i == 0 ? pair->office : pair->volunteer,
          "UPDATE study_sessions SET created_at = '2025-09-17T00:00:00Z', "
          "updated_at = '2025-09-17T00:00:00Z' WHERE uuid = 'b2120dc0-7111-54e0-b218-a5f1ec4d7692'");
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    assert_same_rows (pair->office, pair->volunteer, tables[i]);
}

/* The roster, a chi bộ's session with one member absent, and a reflection
 * travel to the other desk; the make-up recorded there comes back. */
static void
test_study (Pair          *pair,
            gconstpointer  data)
{
  g_autoptr (WardStudySession) session = ward_study_session_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);
  g_autoptr (WardBundlePlan) out = NULL;
  g_autoptr (WardBundlePlan) back = NULL;
  g_autoptr (GError) error = NULL;
  WardStudyAttendance *absent;
  gint64 cell, an, binh;

  exec (pair->office, "INSERT INTO party_cells (uuid, name, created_at, updated_at) "
                      "VALUES ('cell-1', 'Chi bộ khu phố 1', '2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z')");
  cell = id_in (pair->office, "party_cells", "uuid = 'cell-1'");
  an = add_member (pair->office, cell, "Nguyễn Văn An");
  binh = add_member (pair->office, cell, "Trần Thị Bình");
  session->cell_id = cell;
  session->title = g_strdup ("Học tập Nghị quyết Đại hội");
  session->held_on = g_strdup ("2025-10-10");
  g_ptr_array_add (lines, ward_study_attendance_new (an, TRUE));
  absent = ward_study_attendance_new (binh, FALSE);
  absent->absence_reason = g_strdup ("Ốm");
  g_ptr_array_add (lines, absent);
  g_assert_true (ward_study_session_save (pair->office, session, lines, &error));
  g_assert_no_error (error);
  g_assert_true (ward_study_reflection_set (pair->office, an, "2025-10-20", WARD_GRADE_GOOD, &error));
  g_assert_no_error (error);

  out = exchange (pair->office, pair->volunteer);
  g_assert_cmpuint (count_for (out, "party_members")->n_added, ==, 2);
  g_assert_cmpuint (count_for (out, "study_sessions")->n_added, ==, 1);
  g_assert_cmpuint (count_for (out, "study_attendance")->n_added, ==, 2);
  g_assert_cmpuint (count_for (out, "study_reflections")->n_added, ==, 1);
  assert_study_converged (pair);

  g_assert_true (ward_study_make_up (pair->volunteer,
                                     id_in (pair->volunteer, "study_sessions", "title = 'Học tập Nghị quyết Đại hội'"),
                                     id_in (pair->volunteer, "party_members", "full_name = 'Trần Thị Bình'"),
                                     "2025-10-17", &error));
  g_assert_no_error (error);
  back = exchange (pair->volunteer, pair->office);
  g_assert_cmpuint (count_for (back, "study_attendance")->n_updated, ==, 1);
  assert_text (pair->office, "SELECT made_up_on FROM study_attendance a JOIN party_members m "
                             "ON m.id = a.member_id WHERE m.full_name = 'Trần Thị Bình'", "2025-10-17");
  assert_study_converged (pair);
}

/* A member written into the other file outside the application, made
 * official before joining: the roster's rules refuse the bundle whole. */
static void
test_study_refused (Pair          *pair,
                    gconstpointer  data)
{
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  exec (pair->volunteer, "INSERT INTO party_members (uuid, full_name, sort_key, search_key, birth_date, "
                         "joined_date, official_date, created_at, updated_at) VALUES ('m-1', 'Lê Văn Cường', "
                         "'le van cuong', 'le van cuong', '1980-01-01', '2012-01-01', '2011-01-01', "
                         "'2026-01-05T08:00:00Z', '2026-01-05T08:00:00Z')");
  plan = plan_from (pair->volunteer, pair->office, NULL);
  g_assert_false (ward_bundle_plan_apply (pair->office, plan, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Lê Văn Cường"));
  g_assert_cmpint (query_int (pair->office, "SELECT COUNT (*) FROM party_members"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("WARD_TODAY", "2026-03-01", TRUE);

#define ADD(path, func) g_test_add ("/bundle/" path, Pair, NULL, pair_set_up, func, pair_tear_down)
  ADD ("convergence", test_convergence);
  ADD ("one-side-changed", test_one_side_changed);
  ADD ("reimport-is-a-no-op", test_reimport_is_a_no_op);
  ADD ("conflict-is-listed", test_conflict_is_listed);
  ADD ("conflict-take-theirs", test_conflict_take_theirs);
  ADD ("entered-twice", test_entered_twice);
  ADD ("deletions", test_deletions);
  ADD ("refused", test_refused);
  ADD ("since", test_since);
  ADD ("signed", test_signed);
  ADD ("ledger/books-merge", test_ledger_books_merge);
  ADD ("ledger/correction", test_ledger_correction);
  ADD ("ledger/tampered-entry", test_ledger_tampered_entry);
  ADD ("ledger/same-book-refused", test_ledger_same_book_refused);
  ADD ("ledger/collected-before-first-exchange", test_ledger_collected_before_first_exchange);
  ADD ("study", test_study);
  ADD ("study/refused", test_study_refused);
#undef ADD

  return g_test_run ();
}
