/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-programme"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "import/ward-import.h"
#include "programme/ward-programme-units.h"
#include "programme/ward-programme.h"
#include "registers/ward-registers.h"
#include "store/ward-store.h"
#include "support/ward-test.h"

#define TODAY "2026-11-27"

typedef struct
{
  char      *dir;
  WardStore *store;
  gint64     group_ids[8];   /* six key tasks, then two breakthroughs */
} Fixture;

static gint64
unit_id (WardStore  *store,
         const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardUnit) unit = ward_units_find (store, name, &error);

  g_assert_no_error (error);
  return unit->id;
}

static gint64
target_id (WardStore  *store,
           const char *code)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (ward_store_get_db (store), "SELECT id FROM targets WHERE code = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
count (WardStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;

  f->dir = ward_test_make_dir ("programme");
  f->store = ward_test_new_store (f->dir, NULL);

  groups = ward_programme_groups_load (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 8);
  for (guint i = 0; i < 8; i++)
    f->group_ids[i] = ((WardProgrammeGroup *) groups->pdata[i])->id;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A valid item of group @group; the caller changes what it tests. */
static WardProgrammeItem *
make_item (Fixture        *f,
           guint           group,
           const char     *title,
           const char     *deadline,
           WardItemStatus  status)
{
  WardProgrammeItem *item = ward_programme_item_new ();

  item->group_id = f->group_ids[group];
  item->title = g_strdup (title);
  item->deadline = g_strdup (deadline);
  item->status = status;
  return item;
}

static gint64
add_item (Fixture        *f,
          guint           group,
          const char     *title,
          const char     *deadline,
          WardItemStatus  status)
{
  g_autoptr (WardProgrammeItem) item = make_item (f, group, title, deadline, status);
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->id, >, 0);
  return item->id;
}

/* ---- The deadline rule ----------------------------------------------------- */

typedef struct
{
  const char     *deadline;
  WardItemStatus  status;
  const char     *today;
  WardDueState    expected;
} DueCase;

static const DueCase due_cases[] = {
  /* Around the deadline day. */
  { "2026-11-26", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_OVERDUE },   /* one day late */
  { "2026-11-27", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_SOON },      /* due today: not late yet */
  { "2026-11-28", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_SOON },
  /* The 30-day window. */
  { "2026-12-27", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_SOON },      /* 30 days ahead */
  { "2026-12-28", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_NONE },      /* 31 days ahead */
  { "2027-06-30", WARD_ITEM_NOT_STARTED, TODAY, WARD_DUE_NONE },
  /* Every unfinished status falls overdue; done never does. */
  { "2026-01-15", WARD_ITEM_NOT_STARTED, TODAY, WARD_DUE_OVERDUE },
  { "2026-01-15", WARD_ITEM_PAUSED, TODAY, WARD_DUE_OVERDUE },
  { "2026-01-15", WARD_ITEM_DONE, TODAY, WARD_DUE_NONE },
  { "2026-11-30", WARD_ITEM_DONE, TODAY, WARD_DUE_NONE },
  { "2026-11-30", WARD_ITEM_PAUSED, TODAY, WARD_DUE_SOON },
  /* No deadline, or one that cannot be read. */
  { NULL, WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_NONE },
  { "", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_NONE },
  { "26/11/2026", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_NONE },
  { "2026-02-30", WARD_ITEM_IN_PROGRESS, TODAY, WARD_DUE_NONE },
  { "2026-11-26", WARD_ITEM_IN_PROGRESS, NULL, WARD_DUE_NONE },
  /* Across a year's end and a leap day. */
  { "2027-01-26", WARD_ITEM_IN_PROGRESS, "2026-12-27", WARD_DUE_SOON },   /* 30 days */
  { "2027-01-27", WARD_ITEM_IN_PROGRESS, "2026-12-27", WARD_DUE_NONE },   /* 31 days */
  { "2026-12-31", WARD_ITEM_IN_PROGRESS, "2027-01-01", WARD_DUE_OVERDUE },
  { "2028-02-29", WARD_ITEM_IN_PROGRESS, "2028-03-01", WARD_DUE_OVERDUE },
  { "2028-03-30", WARD_ITEM_IN_PROGRESS, "2028-02-29", WARD_DUE_SOON },   /* 30 days, in a leap year */
  { "2028-03-31", WARD_ITEM_IN_PROGRESS, "2028-02-29", WARD_DUE_NONE },
};

static void
test_due_state (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      const DueCase *c = &due_cases[i];
      WardDueState state = ward_programme_due_state (c->deadline, c->status, c->today);

      if (state != c->expected)
        g_error ("case %u: deadline %s, status %s, today %s: got %d, expected %d", i,
                 c->deadline ? c->deadline : "(none)", ward_item_status_to_string (c->status),
                 c->today ? c->today : "(none)", state, c->expected);
    }
  g_assert_cmpstr (ward_due_state_css_class (WARD_DUE_OVERDUE), ==, "overdue");
  g_assert_cmpstr (ward_due_state_css_class (WARD_DUE_SOON), ==, "due-soon");
  g_assert_null (ward_due_state_css_class (WARD_DUE_NONE));
  g_assert_cmpstr (ward_due_state_label (WARD_DUE_OVERDUE), ==, "Overdue");
  g_assert_cmpstr (ward_due_state_label (WARD_DUE_NONE), ==, "");
}

static void
test_status_strings (void)
{
  static const char * const stored[] = { "not-started", "in-progress", "done", "paused" };
  WardItemStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    {
      g_assert_true (ward_item_status_from_string (stored[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (ward_item_status_to_string (status), ==, stored[i]);
      g_assert_cmpstr (ward_item_status_label (status), !=, "");
    }
  g_assert_false (ward_item_status_from_string ("finished", &status));
  g_assert_false (ward_item_status_from_string (NULL, &status));
}

/* ---- Validation ----------------------------------------------------------- */

typedef struct
{
  const char *text;
  gboolean    allow_empty;
  gboolean    ok;
  int         expected;
} PercentCase;

static const PercentCase percent_cases[] = {
  { "0", FALSE, TRUE, 0 },
  { "100", FALSE, TRUE, 100 },
  { " 45 % ", FALSE, TRUE, 45 },
  { "45%", FALSE, TRUE, 45 },
  { "", TRUE, TRUE, -1 },
  { "  ", TRUE, TRUE, -1 },
  { "", FALSE, FALSE, 0 },
  { "101", FALSE, FALSE, 0 },
  { "-5", FALSE, FALSE, 0 },
  { "45,5", FALSE, FALSE, 0 },
  { "bốn mươi", FALSE, FALSE, 0 },
  { "1000", FALSE, FALSE, 0 },
};

static void
test_parse_percent (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (percent_cases); i++)
    {
      const PercentCase *c = &percent_cases[i];
      g_autoptr (GError) error = NULL;
      int value = 12345;
      gboolean ok = ward_programme_parse_percent (c->text, c->allow_empty, &value, &error);

      g_test_message ("percent case %u: “%s”", i, c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (value, ==, c->expected);
        }
      else
        g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
    }
}

typedef struct
{
  const char     *title;
  const char     *start;
  const char     *deadline;
  int             percent;
  WardItemStatus  status;
  gboolean        no_group;
  WardItemField   field;   /* NONE: accepted */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "Số hóa hồ sơ", "2026-01-01", "2026-12-31", 40, WARD_ITEM_IN_PROGRESS, FALSE, WARD_ITEM_FIELD_NONE },
  { "Số hóa hồ sơ", NULL, NULL, 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_NONE },
  { "Số hóa hồ sơ", "2026-05-05", "2026-05-05", 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_NONE },
  { "Số hóa hồ sơ", NULL, NULL, 0, WARD_ITEM_NOT_STARTED, TRUE, WARD_ITEM_FIELD_GROUP },
  { "", NULL, NULL, 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_TITLE },
  { "   \t ", NULL, NULL, 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_TITLE },
  { NULL, NULL, NULL, 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_TITLE },
  { "Số hóa hồ sơ", "2026-06-01", "2026-05-31", 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_DEADLINE },
  { "Số hóa hồ sơ", "2026-13-01", NULL, 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_START_DATE },
  { "Số hóa hồ sơ", NULL, "31/12/2026", 0, WARD_ITEM_NOT_STARTED, FALSE, WARD_ITEM_FIELD_DEADLINE },
  { "Số hóa hồ sơ", NULL, NULL, 101, WARD_ITEM_IN_PROGRESS, FALSE, WARD_ITEM_FIELD_PERCENT },
  { "Số hóa hồ sơ", NULL, NULL, -1, WARD_ITEM_IN_PROGRESS, FALSE, WARD_ITEM_FIELD_PERCENT },
  { "Số hóa hồ sơ", NULL, NULL, 0, (WardItemStatus) 7, FALSE, WARD_ITEM_FIELD_STATUS },
};

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      const ValidateCase *c = &validate_cases[i];
      g_autoptr (WardProgrammeItem) item = make_item (f, 0, c->title, c->deadline, c->status);
      g_autoptr (GError) error = NULL;
      WardItemField field = 99;
      gboolean ok;

      g_test_message ("validate case %u", i);
      item->start_date = g_strdup (c->start);
      item->percent = c->percent;
      if (c->no_group)
        item->group_id = 0;
      ok = ward_programme_item_save (f->store, item, &field, &error);
      g_assert_cmpint (field, ==, c->field);
      if (c->field == WARD_ITEM_FIELD_NONE)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_cmpint (item->id, ==, 0);
        }
    }
  /* Only the accepted ones were stored. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_items"), ==, 3);
}

static void
test_done_means_complete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (WardProgrammeItem) item = make_item (f, 2, "  Nâng cấp   đường  ", NULL, WARD_ITEM_DONE);
  g_autoptr (WardProgrammeItem) loaded = NULL;
  g_autoptr (GError) error = NULL;

  item->percent = 60;
  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  g_assert_no_error (error);
  loaded = ward_programme_item_load (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->percent, ==, 100);
  g_assert_cmpint (loaded->status, ==, WARD_ITEM_DONE);
  g_assert_cmpstr (loaded->title, ==, "Nâng cấp đường");
}

/* ---- Storing and loading --------------------------------------------------- */

static void
test_save_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (WardProgrammeItem) item = make_item (f, 6, "Triển khai dịch vụ công trực tuyến toàn trình",
                                                  "2027-06-30", WARD_ITEM_IN_PROGRESS);
  g_autoptr (WardProgrammeItem) loaded = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 mttq = unit_id (f->store, "Ủy ban MTTQ");
  gint64 youth = unit_id (f->store, "Đoàn Thanh niên");
  gint64 online = target_id (f->store, "online-services");

  item->lead_unit_id = unit_id (f->store, "UBND phường");
  item->start_date = g_strdup ("2026-01-02");
  item->percent = 35;
  item->note = g_strdup ("  Phối hợp Viettel\n");
  g_array_append_val (item->unit_ids, youth);
  g_array_append_val (item->unit_ids, mttq);
  g_array_append_val (item->target_ids, online);
  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (item->uuid);

  loaded = ward_programme_item_load (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->uuid, ==, item->uuid);
  g_assert_cmpstr (loaded->lead_unit, ==, "UBND phường");
  g_assert_cmpstr (loaded->start_date, ==, "2026-01-02");
  g_assert_cmpstr (loaded->deadline, ==, "2027-06-30");
  g_assert_cmpint (loaded->percent, ==, 35);
  g_assert_cmpstr (loaded->note, ==, "Phối hợp Viettel");
  g_assert_cmpstr (loaded->group_kind, ==, "breakthrough");
  /* The office's order of units: MTTQ comes before the Youth Union. */
  g_assert_cmpstr (loaded->units_text, ==, "Ủy ban MTTQ, Đoàn Thanh niên");
  g_assert_cmpstr (loaded->targets_text, ==, "Dịch vụ công trực tuyến");
  g_assert_cmpuint (loaded->unit_ids->len, ==, 2);
  g_assert_cmpuint (loaded->updates->len, ==, 0);
  /* The search key folds the title and every unit. */
  g_assert_true (ward_text_folded_contains (loaded->search_key, "dich vu cong"));
  g_assert_true (ward_text_folded_contains (loaded->search_key, "ubnd phuong"));
  g_assert_true (ward_text_folded_contains (loaded->search_key, "doan thanh nien"));

  /* Editing replaces the links. */
  g_array_set_size (loaded->unit_ids, 0);
  g_assert_true (ward_programme_item_save (f->store, loaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_item_units"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_item_targets"), ==, 1);

  items = ward_programme_items_load (f->store, f->group_ids[6], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = ward_programme_items_load (f->store, f->group_ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
}

/* ---- The roll-up ----------------------------------------------------------- */

static void
test_rollup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) overdue = NULL;
  g_autoptr (GError) error = NULL;
  WardProgrammeGroup *g0, *g1, *g7;
  g_autofree char *g7_title = NULL;

  /* Group 0: 5 items, 2 done, 2 overdue, 1 due soon. */
  add_item (f, 0, "Xong đúng hạn", "2026-03-01", WARD_ITEM_DONE);
  add_item (f, 0, "Xong, không có hạn", NULL, WARD_ITEM_DONE);
  add_item (f, 0, "Trễ đang làm", "2026-11-26", WARD_ITEM_IN_PROGRESS);
  add_item (f, 0, "Trễ tạm dừng", "2026-02-10", WARD_ITEM_PAUSED);
  add_item (f, 0, "Hạn hôm nay", TODAY, WARD_ITEM_NOT_STARTED);
  /* Group 1: one not due for long. */
  add_item (f, 1, "Còn xa", "2028-01-01", WARD_ITEM_IN_PROGRESS);
  /* Group 7 (the second breakthrough): one overdue, not started. */
  add_item (f, 7, "Quy hoạch chung", "2026-10-01", WARD_ITEM_NOT_STARTED);

  groups = ward_programme_groups_load (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 8);
  g0 = groups->pdata[0];
  g1 = groups->pdata[1];
  g7 = groups->pdata[7];
  g_assert_cmpstr (g0->kind, ==, "task");
  g_assert_cmpstr (g7->kind, ==, "breakthrough");
  g_assert_cmpint (g0->n_items, ==, 5);
  g_assert_cmpint (g0->n_done, ==, 2);
  g_assert_cmpint (g0->n_overdue, ==, 2);
  g_assert_cmpint (g0->n_due_soon, ==, 1);
  g_assert_cmpint (g1->n_items, ==, 1);
  g_assert_cmpint (g1->n_done, ==, 0);
  g_assert_cmpint (g1->n_overdue, ==, 0);
  g_assert_cmpint (g1->n_due_soon, ==, 0);
  g_assert_cmpint (g7->n_items, ==, 1);
  g_assert_cmpint (g7->n_overdue, ==, 1);
  for (guint i = 2; i < 7; i++)
    g_assert_cmpint (((WardProgrammeGroup *) groups->pdata[i])->n_items, ==, 0);
  g7_title = g_strdup (g7->title);

  /* The day after, the item due today is overdue too. */
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = ward_programme_groups_load (f->store, "2026-11-28", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((WardProgrammeGroup *) groups->pdata[0])->n_overdue, ==, 3);
  g_assert_cmpint (((WardProgrammeGroup *) groups->pdata[0])->n_due_soon, ==, 0);

  /* The overview's list: every overdue item, oldest deadline first. */
  overdue = ward_programme_items_overdue (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 3);
  g_assert_cmpstr (((WardProgrammeItem *) overdue->pdata[0])->title, ==, "Trễ tạm dừng");
  g_assert_cmpstr (((WardProgrammeItem *) overdue->pdata[1])->title, ==, "Quy hoạch chung");
  g_assert_cmpstr (((WardProgrammeItem *) overdue->pdata[1])->group_title, ==, g7_title);
  g_assert_cmpstr (((WardProgrammeItem *) overdue->pdata[2])->title, ==, "Trễ đang làm");
  g_assert_cmpstr (((WardProgrammeItem *) overdue->pdata[2])->deadline, ==, "2026-11-26");
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  JsonObject *programme;
  JsonArray *groups;

  g_setenv ("WARD_TODAY", TODAY, TRUE);
  add_item (f, 0, "Xong", "2026-03-01", WARD_ITEM_DONE);
  add_item (f, 0, "Trễ", "2026-11-01", WARD_ITEM_IN_PROGRESS);
  add_item (f, 7, "Sắp đến hạn", "2026-12-20", WARD_ITEM_IN_PROGRESS);

  json_builder_begin_object (builder);
  g_assert_true (ward_programme_add_stats (f->store, builder, &error));
  g_assert_no_error (error);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  programme = json_object_get_object_member (json_node_get_object (root), "programme");
  g_assert_cmpint (json_object_get_int_member (programme, "items"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (programme, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (programme, "overdue"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (programme, "due_soon"), ==, 1);
  groups = json_object_get_array_member (programme, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 8);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (groups, 0), "items"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (groups, 7), "due_soon"), ==, 1);

  ward_programme_format_stats (json_node_get_object (root), text);
  g_assert_nonnull (strstr (text->str, "3 items: 1 done, 1 overdue, 1 due within 30 days"));
  g_unsetenv ("WARD_TODAY");
}

/* ---- The log --------------------------------------------------------------- */

static gboolean
add_update (Fixture     *f,
            gint64       item_id,
            const char  *date,
            const char  *text,
            int          percent,
            GError     **error)
{
  g_autoptr (WardProgrammeUpdate) update = g_new0 (WardProgrammeUpdate, 1);

  update->item_id = item_id;
  update->date = g_strdup (date);
  update->text = g_strdup (text);
  update->percent = percent;
  update->doc_number = g_strdup ("12/BC-UBND");
  return ward_programme_update_add (f->store, update, NULL, error);
}

static int
item_percent (Fixture *f,
              gint64   id)
{
  g_autoptr (WardProgrammeItem) item = ward_programme_item_load (f->store, id, NULL);

  return item->percent;
}

static WardItemStatus
item_status (Fixture *f,
             gint64   id)
{
  g_autoptr (WardProgrammeItem) item = ward_programme_item_load (f->store, id, NULL);

  return item->status;
}

static void
test_updates (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = add_item (f, 3, "Trùng tu di tích", "2027-12-31", WARD_ITEM_PAUSED);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (WardProgrammeUpdate) bad = g_new0 (WardProgrammeUpdate, 1);
  WardUpdateField field;

  g_assert_true (add_update (f, id, "2026-05-01", "Khảo sát xong", 20, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_percent (f, id), ==, 20);
  /* Newer: it sets the item's percentage. */
  g_assert_true (add_update (f, id, "2026-08-01", "Thi công phần mái", 55, &error));
  g_assert_cmpint (item_percent (f, id), ==, 55);
  /* Older than the newest: logged, but the item keeps 55. */
  g_assert_true (add_update (f, id, "2026-06-15", "Báo cáo bổ sung", 30, &error));
  g_assert_cmpint (item_percent (f, id), ==, 55);
  /* Newest but without a percentage: the item keeps 55. */
  g_assert_true (add_update (f, id, "2026-09-01", "Họp đánh giá", -1, &error));
  g_assert_cmpint (item_percent (f, id), ==, 55);
  /* Same day as the newest with a percentage: the later entry wins. */
  g_assert_true (add_update (f, id, "2026-08-01", "Đính chính", 50, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_percent (f, id), ==, 50);
  /* Progress never changes a status other than "not started". */
  g_assert_cmpint (item_status (f, id), ==, WARD_ITEM_PAUSED);

  log = ward_programme_updates_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 5);
  g_assert_cmpstr (((WardProgrammeUpdate *) log->pdata[0])->text, ==, "Họp đánh giá");
  g_assert_cmpint (((WardProgrammeUpdate *) log->pdata[0])->percent, ==, -1);
  g_assert_cmpstr (((WardProgrammeUpdate *) log->pdata[1])->text, ==, "Đính chính");
  g_assert_cmpstr (((WardProgrammeUpdate *) log->pdata[4])->doc_number, ==, "12/BC-UBND");

  /* Refused updates name their field and store nothing. */
  bad->item_id = id;
  bad->date = g_strdup ("01/10/2026");
  bad->text = g_strdup ("x");
  g_assert_false (ward_programme_update_add (f->store, bad, &field, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpint (field, ==, WARD_UPDATE_FIELD_DATE);
  g_clear_error (&error);
  g_free (bad->date);
  bad->date = g_strdup ("2026-10-01");
  g_free (bad->text);
  bad->text = g_strdup ("  ");
  g_assert_false (ward_programme_update_add (f->store, bad, &field, &error));
  g_assert_cmpint (field, ==, WARD_UPDATE_FIELD_TEXT);
  g_clear_error (&error);
  g_free (bad->text);
  bad->text = g_strdup ("x");
  bad->percent = 120;
  g_assert_false (ward_programme_update_add (f->store, bad, &field, &error));
  g_assert_cmpint (field, ==, WARD_UPDATE_FIELD_PERCENT);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_updates"), ==, 5);
}

static void
test_update_starts_item (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = add_item (f, 2, "Mở rộng đường", "2027-12-31", WARD_ITEM_NOT_STARTED);
  g_autoptr (GError) error = NULL;

  /* A note without progress, or 0%, leaves it not started. */
  g_assert_true (add_update (f, id, "2026-03-01", "Họp triển khai", -1, &error));
  g_assert_true (add_update (f, id, "2026-03-02", "Chuẩn bị mặt bằng", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_status (f, id), ==, WARD_ITEM_NOT_STARTED);
  /* An older update with progress does not start it either. */
  g_assert_true (add_update (f, id, "2026-02-01", "Khảo sát", 5, &error));
  g_assert_cmpint (item_status (f, id), ==, WARD_ITEM_NOT_STARTED);
  g_assert_cmpint (item_percent (f, id), ==, 0);
  /* The newest, with progress: started. */
  g_assert_true (add_update (f, id, "2026-04-01", "Thi công", 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item_status (f, id), ==, WARD_ITEM_IN_PROGRESS);
  g_assert_cmpint (item_percent (f, id), ==, 10);
}

static void
test_update_on_done_item (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_item (f, 4, "Diễn tập phòng thủ", "2026-09-30", WARD_ITEM_DONE);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (item_percent (f, id), ==, 100);
  g_assert_false (add_update (f, id, "2026-10-01", "Sai sót", 80, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (item_percent (f, id), ==, 100);
  g_assert_true (add_update (f, id, "2026-10-02", "Tổng kết", 100, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_updates"), ==, 1);
}

/* ---- Delete and undo ------------------------------------------------------- */

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WardProgrammeItem) item = make_item (f, 5, "Xây trạm y tế", "2027-03-31", WARD_ITEM_IN_PROGRESS);
  g_autoptr (WardProgrammeItem) removed = NULL;
  g_autoptr (WardProgrammeItem) back = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 police = unit_id (f->store, "Công an phường");
  gint64 stations = target_id (f->store, "health-stations");
  g_autofree char *uuid = NULL;

  g_array_append_val (item->unit_ids, police);
  g_array_append_val (item->target_ids, stations);
  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  uuid = g_strdup (item->uuid);
  g_assert_true (add_update (f, item->id, "2026-04-01", "Khởi công", 10, &error));
  g_assert_no_error (error);

  removed = ward_programme_item_delete (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_cmpuint (removed->updates->len, ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_items"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_updates"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM programme_item_units"), ==, 0);

  g_assert_true (ward_programme_item_restore (f->store, removed, &error));
  g_assert_no_error (error);
  items = ward_programme_items_load (f->store, 0, &error);
  g_assert_cmpuint (items->len, ==, 1);
  back = ward_programme_item_load (f->store, ((WardProgrammeItem *) items->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->uuid, ==, uuid);
  g_assert_cmpstr (back->units_text, ==, "Công an phường");
  g_assert_cmpuint (back->target_ids->len, ==, 1);
  g_assert_cmpint (back->percent, ==, 10);
  g_assert_cmpuint (back->updates->len, ==, 1);
  g_assert_cmpstr (((WardProgrammeUpdate *) back->updates->pdata[0])->text, ==, "Khởi công");
  g_assert_cmpstr (((WardProgrammeUpdate *) back->updates->pdata[0])->uuid, ==,
                   ((WardProgrammeUpdate *) removed->updates->pdata[0])->uuid);

  /* Deleting what is gone says so. */
  g_clear_pointer (&removed, ward_programme_item_free);
  removed = ward_programme_item_delete (f->store, 999999, &error);
  g_assert_null (removed);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
}

/* ---- Units ----------------------------------------------------------------- */

static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WardProgrammeItem) item = make_item (f, 0, "Kiểm tra chi bộ", NULL, WARD_ITEM_NOT_STARTED);
  g_autoptr (WardProgrammeItem) loaded = NULL;
  gint64 added, used;
  guint n;

  units = ward_units_load (f->store, &error);
  g_assert_no_error (error);
  n = units->len;
  g_assert_cmpuint (n, >=, 9);
  g_assert_cmpstr (((WardUnit *) units->pdata[0])->name, ==, "Đảng ủy");

  /* Adding: trimmed, unique ignoring case, never empty. */
  added = ward_units_add (f->store, "  Hội   Khuyến học ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (ward_units_add (f->store, "hội khuyến HỌC", &error), ==, 0);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (ward_units_add (f->store, "   ", &error), ==, 0);
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&units, g_ptr_array_unref);
  units = ward_units_load (f->store, &error);
  g_assert_cmpuint (units->len, ==, n + 1);
  g_assert_cmpstr (((WardUnit *) units->pdata[n])->name, ==, "Hội Khuyến học");

  /* Renaming changes it everywhere, search keys included. */
  used = added;
  item->lead_unit_id = used;
  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  g_assert_true (ward_units_rename (f->store, used, "Hội Khuyến học phường", &error));
  g_assert_no_error (error);
  loaded = ward_programme_item_load (f->store, item->id, &error);
  g_assert_cmpstr (loaded->lead_unit, ==, "Hội Khuyến học phường");
  g_assert_true (ward_text_folded_contains (loaded->search_key, "khuyen hoc phuong"));
  g_assert_false (ward_units_rename (f->store, used, "ĐẢNG ỦY", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A unit in use stays; an unused one goes. */
  g_assert_false (ward_units_remove (f->store, used, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&units, g_ptr_array_unref);
  units = ward_units_load (f->store, &error);
  g_assert_cmpint (((WardUnit *) units->pdata[n])->n_uses, ==, 1);
  g_assert_true (ward_units_remove (f->store, unit_id (f->store, "Hội Nông dân"), &error));
  g_assert_no_error (error);
  g_assert_null (ward_units_find (f->store, "Hội Nông dân", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
}

/* ---- Export ---------------------------------------------------------------- */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  const WardImportKind *kind = ward_registers_import_kind ("programme");
  g_autoptr (WardProgrammeItem) item = make_item (f, 6, "Số hóa, hồ sơ \"một cửa\"", "2026-10-15",
                                                  WARD_ITEM_IN_PROGRESS);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "programme.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gint64 youth = unit_id (f->store, "Đoàn Thanh niên");
  gint64 online = target_id (f->store, "online-services");

  g_assert_nonnull (kind);
  g_assert_null (kind->import_row);
  g_assert_nonnull (kind->export);

  item->lead_unit_id = unit_id (f->store, "UBND phường");
  item->start_date = g_strdup ("2026-02-01");
  item->percent = 45;
  g_array_append_val (item->unit_ids, youth);
  g_array_append_val (item->target_ids, online);
  g_assert_true (ward_programme_item_save (f->store, item, NULL, &error));
  g_assert_true (ward_export_to_path (f->store, kind, NULL, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "Nhiệm vụ / Khâu đột phá,Nội dung,Cơ quan chủ trì,Cơ quan phối hợp,Chỉ tiêu liên quan,"
                   "Ngày bắt đầu,Hạn hoàn thành,Trạng thái,Tiến độ (%),Ghi chú");
  g_assert_cmpstr (lines[1], ==,
                   "Cải cách hành chính gắn với chuyển đổi số toàn diện,"
                   "\"Số hóa, hồ sơ \"\"một cửa\"\"\",UBND phường,Đoàn Thanh niên,Dịch vụ công trực tuyến,"
                   "01/02/2026,15/10/2026,Đang thực hiện,45,");
  g_assert_cmpstr (lines[2], ==, "");

  /* The page's export writes the same file. */
  g_clear_pointer (&contents, g_free);
  g_unlink (path);
  g_assert_true (ward_programme_export_to_path (f->store, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "15/10/2026,Đang thực hiện,45,"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/programme/due-state", test_due_state);
  g_test_add_func ("/programme/status-strings", test_status_strings);
  g_test_add_func ("/programme/parse-percent", test_parse_percent);
  FIXTURE_TEST ("/programme/validate", test_validate);
  FIXTURE_TEST ("/programme/done-means-complete", test_done_means_complete);
  FIXTURE_TEST ("/programme/save-load", test_save_load);
  FIXTURE_TEST ("/programme/rollup", test_rollup);
  FIXTURE_TEST ("/programme/stats", test_stats);
  FIXTURE_TEST ("/programme/updates", test_updates);
  FIXTURE_TEST ("/programme/update-starts-item", test_update_starts_item);
  FIXTURE_TEST ("/programme/update-on-done-item", test_update_on_done_item);
  FIXTURE_TEST ("/programme/delete-restore", test_delete_restore);
  FIXTURE_TEST ("/programme/units", test_units);
  FIXTURE_TEST ("/programme/export", test_export);

  return g_test_run ();
}
