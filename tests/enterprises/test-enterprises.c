/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-enterprises"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "base/ward-vsic.h"
#include "enterprises/ward-enterprises.h"
#include "import/ward-import.h"
#include "registers/ward-registers-stats.h"
#include "support/ward-test.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* The seeded term is 2025–2030; the tests live on 27/11/2026. */
#define TODAY "2026-11-27"

/* Published codes (see test-taxcode.c). */
#define VIETTEL     "0100109106"
#define VINAMILK    "0300588569"
#define VIETCOMBANK "0100112437"
#define EVN         "0100100079"
#define VINGROUP    "0101245486"

typedef struct
{
  char      *dir;
  WardStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = ward_test_make_dir ("enterprises");
  f->store = ward_test_new_store (f->dir, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* A record that passes every rule unless a test spoils it. */
static WardEnterprise *
make (const char *tax_code,
      const char *name,
      const char *registered_on)
{
  WardEnterprise *e = ward_enterprise_new ();

  e->tax_code = g_strdup (tax_code);
  e->name = g_strdup (name);
  e->registered_on = g_strdup (registered_on);
  e->type = WARD_ENTERPRISE_LLC_ONE;
  return e;
}

static gint64
save (Fixture    *f,
      const char *tax_code,
      const char *name,
      const char *registered_on)
{
  g_autoptr (WardEnterprise) e = make (tax_code, name, registered_on);
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_enterprise_save (f->store, e, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, >, 0);
  return e->id;
}

static gint64
counted_in_term (Fixture *f)
{
  /* The term as the seed gives it: from the congress, 16/08/2025. */
  return ward_targets_count_registered (f->store, WARD_SOURCE_ENTERPRISES,
                                        "2025-08-16", "2030-12-31", NULL);
}

/* The first error issue about @field, or NULL. */
static const char *
issue_about (GPtrArray           *issues,
             WardEnterpriseField  field,
             gboolean             warning)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardEnterpriseIssue *issue = issues->pdata[i];

      if (issue->field == field && issue->warning == warning)
        return issue->message;
    }
  return NULL;
}

/* ---- Words ---------------------------------------------------------------- */

static void
test_type_words (void)
{
  static const struct { const char *text; WardEnterpriseType type; } cases[] = {
    { "TNHH một thành viên", WARD_ENTERPRISE_LLC_ONE },
    { "Công ty TNHH MTV", WARD_ENTERPRISE_LLC_ONE },
    { "CÔNG TY TNHH 1 THÀNH VIÊN", WARD_ENTERPRISE_LLC_ONE },
    { "tnhh mot thanh vien", WARD_ENTERPRISE_LLC_ONE },
    { "TNHH hai thành viên trở lên", WARD_ENTERPRISE_LLC_MULTI },
    { "Công ty TNHH 2 thành viên trở lên", WARD_ENTERPRISE_LLC_MULTI },
    { "Công ty cổ phần", WARD_ENTERPRISE_JOINT_STOCK },
    { "cổ phần", WARD_ENTERPRISE_JOINT_STOCK },
    { "CTCP", WARD_ENTERPRISE_JOINT_STOCK },
    { "Công ty hợp danh", WARD_ENTERPRISE_PARTNERSHIP },
    { "Doanh nghiệp tư nhân", WARD_ENTERPRISE_PRIVATE },
    { "DNTN", WARD_ENTERPRISE_PRIVATE },
    { "joint-stock", WARD_ENTERPRISE_JOINT_STOCK },
    { "", WARD_ENTERPRISE_TYPE_NONE },
  };
  g_autoptr (GError) error = NULL;
  WardEnterpriseType type;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) local_error = NULL;

      g_test_message ("“%s”", cases[i].text);
      type = -1;
      g_assert_true (ward_enterprise_type_parse (cases[i].text, &type, &local_error));
      g_assert_no_error (local_error);
      g_assert_cmpint (type, ==, cases[i].type);
    }

  /* Every label reads back as itself. */
  for (int t = 1; t < WARD_ENTERPRISE_N_TYPES; t++)
    {
      g_assert_true (ward_enterprise_type_parse (ward_enterprise_type_label (t), &type, NULL));
      g_assert_cmpint (type, ==, t);
    }

  g_assert_false (ward_enterprise_type_parse ("Công ty TNHH", &type, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Công ty TNHH” does not say how many members the "
                   "company has: write TNHH một thành viên or TNHH hai thành viên trở lên.");
  g_clear_error (&error);
  g_assert_false (ward_enterprise_type_parse ("Hộ kinh doanh", &type, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

static void
test_status_words (void)
{
  static const struct { const char *text; WardEnterpriseStatus status; } cases[] = {
    { "đang hoạt động", WARD_ENTERPRISE_ACTIVE },
    { "Đang hoạt động", WARD_ENTERPRISE_ACTIVE },
    { "NNT đang hoạt động (đã được cấp GCN ĐKT)", WARD_ENTERPRISE_ACTIVE },
    { "dang hoat dong", WARD_ENTERPRISE_ACTIVE },
    { "", WARD_ENTERPRISE_ACTIVE },
    { "Tạm ngừng kinh doanh", WARD_ENTERPRISE_SUSPENDED },
    { "tạm ngừng kinh doanh có thời hạn", WARD_ENTERPRISE_SUSPENDED },
    { "Không hoạt động tại địa chỉ đã đăng ký", WARD_ENTERPRISE_NOT_AT_ADDRESS },
    { "NNT không hoạt động tại địa chỉ đã đăng ký", WARD_ENTERPRISE_NOT_AT_ADDRESS },
    { "đang giải thể", WARD_ENTERPRISE_DISSOLVING },
    { "Đang làm thủ tục giải thể", WARD_ENTERPRISE_DISSOLVING },
    { "đã giải thể / phá sản / chấm dứt", WARD_ENTERPRISE_CLOSED },
    { "Đã giải thể", WARD_ENTERPRISE_CLOSED },
    { "phá sản", WARD_ENTERPRISE_CLOSED },
    { "Chấm dứt hoạt động", WARD_ENTERPRISE_CLOSED },
    { "closed", WARD_ENTERPRISE_CLOSED },
  };
  g_autoptr (GError) error = NULL;
  WardEnterpriseStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) local_error = NULL;

      g_test_message ("“%s”", cases[i].text);
      status = -1;
      g_assert_true (ward_enterprise_status_parse (cases[i].text, &status, &local_error));
      g_assert_no_error (local_error);
      g_assert_cmpint (status, ==, cases[i].status);
    }
  for (int s = 0; s < WARD_ENTERPRISE_N_STATUSES; s++)
    {
      g_assert_true (ward_enterprise_status_parse (ward_enterprise_status_label (s), &status, NULL));
      g_assert_cmpint (status, ==, s);
    }

  g_assert_false (ward_enterprise_status_parse ("mở cửa", &status, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
}

/* ---- Rules ---------------------------------------------------------------- */

static void
test_wrong_check_digit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = make ("0100109107", "Công ty TNHH Sai Số", "2026-03-02");
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;

  /* As the form types it, the field refuses it ... */
  g_assert_false (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_TAX_CODE, "0100 109 107", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The tax code 0100109107 has a wrong check digit: the tenth digit should be 6.");
  g_clear_error (&error);

  /* ... and so does saving, with nothing stored. */
  g_assert_false (ward_enterprise_save (f->store, e, issues, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_TAX_CODE, FALSE), ==,
                   "The tax code 0100109107 has a wrong check digit: the tenth digit should be 6.");
  g_assert_cmpint (e->id, ==, 0);
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 0);
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (WardEnterprise) again = make ("0100 109 106", "Công ty khác", "2026-05-01");
  g_autoptr (WardEnterprise) first = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = save (f, VIETTEL, "Tập đoàn Công nghiệp - Viễn thông Quân đội", "2025-06-02");

  g_assert_false (ward_enterprise_save (f->store, again, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "The tax code 0100109106 is already registered, for “Tập đoàn Công nghiệp - "
                   "Viễn thông Quân đội” (first registered 02/06/2025); open that record to "
                   "change it.");
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 1);
  g_clear_error (&error);

  /* The record itself may be saved again with its own code. */
  first = ward_enterprise_load (f->store, id, &error);
  g_assert_no_error (error);
  g_free (first->note);
  first->note = g_strdup ("Kiểm tra lại");
  g_assert_true (ward_enterprise_save (f->store, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, ==, id);
}

static void
test_branch (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (WardEnterprise) branch = make ("0100109106001", "Chi nhánh Viettel Thanh Hóa", "2026-02-10");
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;

  /* A branch has no capital of its own. */
  branch->type = WARD_ENTERPRISE_TYPE_NONE;
  branch->capital = 5000000000;
  g_assert_false (ward_enterprise_save (f->store, branch, issues, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_CAPITAL, FALSE), ==,
                   "A branch has no charter capital of its own; leave the charter capital empty.");
  g_clear_error (&error);
  g_ptr_array_set_size (issues, 0);

  /* Without it, it is stored (type may stay empty), with a warning that its
   * parent is not in the register ... */
  branch->capital = 0;
  g_assert_true (ward_enterprise_save (f->store, branch, issues, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (branch->tax_code, ==, "0100109106-001");
  g_assert_true (branch->is_branch);
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_TAX_CODE, TRUE), ==,
                   "The parent enterprise 0100109106 of this branch is not in the register; if "
                   "its head office is in the ward, register it too.");

  /* ... and it is not counted toward the 750. */
  g_assert_cmpint (counted_in_term (f), ==, 0);

  /* Once the parent is registered, no warning; the parent counts. */
  save (f, VIETTEL, "Tập đoàn Viettel", "2025-09-02");
  g_ptr_array_set_size (issues, 0);
  g_assert_true (ward_enterprise_save (f->store, branch, issues, &error));
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_cmpint (counted_in_term (f), ==, 1);
}

static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = make (VINAMILK, "Công ty cổ phần Sữa", "2026-11-28");
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;

  /* Tomorrow is refused ... */
  g_assert_false (ward_enterprise_validate (f->store, e, TODAY, issues, &error));
  g_assert_cmpstr (error->message, ==, "The first registration date 28/11/2026 is after today (27/11/2026).");
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_REGISTERED_ON, FALSE), ==, error->message);
  g_clear_error (&error);
  /* ... and so by save, which asks ward_today_iso() (WARD_TODAY). */
  g_assert_false (ward_enterprise_save (f->store, e, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_clear_error (&error);

  /* Today is in the past enough. */
  g_free (e->registered_on);
  e->registered_on = g_strdup (TODAY);
  g_assert_true (ward_enterprise_validate (f->store, e, TODAY, NULL, &error));
  g_assert_no_error (error);

  /* Missing. */
  g_clear_pointer (&e->registered_on, g_free);
  g_assert_false (ward_enterprise_validate (f->store, e, TODAY, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The first registration date is missing; write it as dd/mm/yyyy.");
  g_clear_error (&error);

  /* A status date before the registration. */
  e->registered_on = g_strdup ("2026-03-01");
  e->status = WARD_ENTERPRISE_SUSPENDED;
  e->status_date = g_strdup ("2026-02-01");
  g_assert_false (ward_enterprise_validate (f->store, e, TODAY, NULL, &error));
  g_assert_cmpstr (error->message, ==, "The status date 01/02/2026 is before the first registration (01/03/2026).");
  g_clear_error (&error);

  /* Dates are typed dd/mm/yyyy. */
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_STATUS_DATE, "5/9/2026", &error));
  g_assert_cmpstr (e->status_date, ==, "2026-09-05");
  g_assert_false (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_REGISTERED_ON, "31/02/2026", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (e->registered_on, ==, "2026-03-01");
}

static void
test_capital (Fixture       *f,
              gconstpointer  data)
{
  static const struct { const char *text; gint64 capital; const char *message; } cases[] = {
    { "1.250.000.000", 1250000000, NULL },
    { "1,250,000,000", 1250000000, NULL },
    { "1.250.000.000 đ", 1250000000, NULL },
    { "500000000", 500000000, NULL },
    { "", 0, NULL },
    { "0", -1, "The charter capital must be more than 0 đồng." },
    { "-5.000.000", -1, "The charter capital must be more than 0 đồng." },
    { "1.250.000,5", -1, "“1.250.000,5” has a fractional part; amounts are in whole đồng only." },
  };
  g_autoptr (WardEnterprise) e = make (VIETCOMBANK, "Ngân hàng", "2025-04-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok;

      g_test_message ("“%s”", cases[i].text);
      e->capital = 7;
      ok = ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_CAPITAL, cases[i].text, &error);
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (e->capital, ==, cases[i].capital);
        }
      else
        {
          g_assert_false (ok);
          g_assert_cmpstr (error->message, ==, cases[i].message);
          g_assert_cmpint (e->capital, ==, 7);  /* left alone */
        }
    }

  /* Capital is optional; a record without it is stored and reads back so. */
  e->capital = 0;
  g_assert_true (ward_enterprise_save (f->store, e, NULL, NULL));
  {
    g_autoptr (WardEnterprise) back = ward_enterprise_load (f->store, e->id, NULL);
    g_autofree char *shown = NULL;

    g_assert_cmpint (back->capital, ==, 0);
    back->capital = 1250000000;
    shown = ward_enterprise_dup_field (back, WARD_ENTERPRISE_FIELD_CAPITAL);
    g_assert_cmpstr (shown, ==, "1.250.000.000");
  }
}

static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = ward_enterprise_new ();
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;

  /* Every problem is reported, not only the first. */
  e->vsic = g_strdup ("4010");
  g_assert_false (ward_enterprise_validate (f->store, e, TODAY, issues, &error));
  g_assert_cmpstr (error->message, ==, "No tax code was given.");
  g_assert_nonnull (issue_about (issues, WARD_ENTERPRISE_FIELD_TAX_CODE, FALSE));
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_NAME, FALSE), ==,
                   "The enterprise name is missing.");
  g_assert_nonnull (issue_about (issues, WARD_ENTERPRISE_FIELD_TYPE, FALSE));
  g_assert_nonnull (issue_about (issues, WARD_ENTERPRISE_FIELD_REGISTERED_ON, FALSE));
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_VSIC, FALSE), ==,
                   "The VSIC code 4010 is in neither VSIC 2018 nor VSIC 2025; check the code "
                   "on the enterprise's registration certificate.");
}

/* ---- Storage -------------------------------------------------------------- */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = make (VINGROUP, "  Công ty  Cổ phần Tập đoàn Vingroup ", "2025-09-17");
  g_autoptr (WardEnterprise) back = NULL;
  g_autoptr (WardEnterprise) deleted = NULL;
  g_autoptr (WardEnterprise) restored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  e->type = WARD_ENTERPRISE_JOINT_STOCK;
  e->capital = 38000000000000;
  e->vsic = g_strdup ("6810");
  e->address = g_strdup ("Số 7 đường Bằng Lăng 1");
  e->residential_group = g_strdup ("Tổ dân phố 3");
  e->representative = g_strdup ("Phạm Nhật Vượng");
  e->status = WARD_ENTERPRISE_SUSPENDED;
  e->status_date = g_strdup ("2026-01-05");
  e->from_household = TRUE;
  e->in_ward = FALSE;
  e->note = g_strdup ("Ghi chú");
  g_assert_true (ward_enterprise_save (f->store, e, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (e->uuid);
  g_assert_cmpstr (e->name, ==, "Công ty Cổ phần Tập đoàn Vingroup");

  back = ward_enterprise_load (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->tax_code, ==, VINGROUP);
  g_assert_cmpstr (back->name, ==, e->name);
  g_assert_cmpint (back->type, ==, WARD_ENTERPRISE_JOINT_STOCK);
  g_assert_cmpint (back->capital, ==, 38000000000000);
  g_assert_cmpstr (back->vsic, ==, "6810");
  g_assert_cmpstr (back->registered_on, ==, "2025-09-17");
  g_assert_cmpstr (back->residential_group, ==, "Tổ dân phố 3");
  g_assert_cmpstr (back->representative, ==, "Phạm Nhật Vượng");
  g_assert_cmpint (back->status, ==, WARD_ENTERPRISE_SUSPENDED);
  g_assert_cmpstr (back->status_date, ==, "2026-01-05");
  g_assert_true (back->from_household);
  g_assert_false (back->in_ward);
  uuid = g_strdup (back->uuid);

  /* Delete, then undo: the same record comes back, with its uuid. */
  deleted = ward_enterprise_delete (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 0);
  g_assert_true (ward_enterprise_save (f->store, deleted, NULL, &error));
  g_assert_no_error (error);
  restored = ward_enterprise_find (f->store, VINGROUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->uuid, ==, uuid);
  g_assert_cmpstr (restored->created_at, ==, back->created_at);
  g_assert_cmpint (restored->capital, ==, 38000000000000);

  g_assert_null (ward_enterprise_find (f->store, VIETTEL, &error));
  g_assert_no_error (error);
}

static void
test_sort_key (void)
{
  g_autofree char *stripped = ward_enterprise_name_sort_key ("Công ty TNHH Bình An");
  g_autofree char *bare = ward_text_collate_key ("Bình An");
  g_autofree char *branch = ward_enterprise_name_sort_key ("Chi nhánh Công ty cổ phần Bình An");
  g_autofree char *an = ward_enterprise_name_sort_key ("Doanh nghiệp tư nhân An Phát");
  g_autofree char *only = ward_enterprise_name_sort_key ("Công ty");
  g_autofree char *only_key = ward_text_collate_key ("Công ty");

  g_assert_cmpstr (stripped, ==, bare);
  g_assert_cmpstr (branch, ==, bare);
  g_assert_cmpint (strcmp (an, stripped), <, 0);  /* An before Bình */
  g_assert_cmpstr (only, ==, only_key);
}

static void
test_rows_and_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (WardRows) rows = NULL;
  g_autoptr (WardEnterprise) e = make ("0100109106-002", "Chi nhánh Viettel Đông Sơn", "2026-01-15");
  const WardEnterpriseRow *row;

  e->type = WARD_ENTERPRISE_TYPE_NONE;
  e->representative = g_strdup ("Lê Thị Hường");
  e->vsic = g_strdup ("6110");
  g_assert_true (ward_enterprise_save (f->store, e, NULL, NULL));
  save (f, EVN, "Tập đoàn Điện lực", "2024-05-01");

  rows = ward_enterprise_rows_load (f->store, NULL);
  g_assert_nonnull (rows);
  g_assert_cmpuint (ward_rows_get_n (rows), ==, 2);
  row = ward_rows_get (rows, 0);
  g_assert_cmpstr (row->tax_code, ==, "0100109106-002");
  g_assert_true (row->is_branch);
  g_assert_false (row->counted);
  g_assert_cmpint (row->year, ==, 2026);
  /* 6110 is in both versions; registered in 2026, it is VSIC 2025's, in K. */
  g_assert_cmpint (row->vsic_version, ==, WARD_VSIC_2025);
  g_assert_cmpint (row->section, ==, 'K' - 'A' + 1);
  g_assert_false (((const WardEnterpriseRow *) ward_rows_get (rows, 1))->counted);  /* before the term */

  g_assert_true (ward_enterprise_row_matches (row, "dong son"));
  g_assert_true (ward_enterprise_row_matches (row, "huong"));
  g_assert_true (ward_enterprise_row_matches (row, "0100109106-002"));
  g_assert_true (ward_enterprise_row_matches (row, "0100 109"));
  g_assert_true (ward_enterprise_row_matches (row, "6002"));
  g_assert_true (ward_enterprise_row_matches (row, ""));
  g_assert_false (ward_enterprise_row_matches (row, "dien luc"));
  g_assert_false (ward_enterprise_row_matches (row, "0300"));
  g_assert_true (ward_enterprise_row_matches (ward_rows_get (rows, 1), "dien luc"));
}

/* ---- Counting ------------------------------------------------------------- */

static void
test_counting (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (WardEnterpriseSummary) summary = NULL;
  g_autoptr (WardEnterprise) outside = make (VIETCOMBANK, "Ngoài phường", "2026-03-03");
  g_autoptr (WardEnterprise) closed = make (VINGROUP, "Đã giải thể", "2026-04-04");
  g_autoptr (WardEnterprise) branch = make ("0300588569-001", "Chi nhánh", "2026-05-05");
  g_autoptr (WardEnterprise) trade = make (VINAMILK, "Thương mại", "2030-12-31");
  g_autoptr (GError) error = NULL;
  gint64 by_year[6];
  gint64 sum = 0;

  /* The term runs from the congress, 16/08/2025 in the seed. */
  save (f, EVN, "Trước Đại hội", "2025-08-15");
  save (f, VIETTEL, "Ngày Đại hội", "2025-08-16");
  outside->in_ward = FALSE;
  closed->status = WARD_ENTERPRISE_CLOSED;
  closed->status_date = g_strdup ("2026-10-01");
  closed->type = WARD_ENTERPRISE_PRIVATE;
  closed->vsic = g_strdup ("5610");
  branch->type = WARD_ENTERPRISE_TYPE_NONE;
  trade->vsic = g_strdup ("4620");
  /* The last day of the term cannot be registered before it comes. */
  g_assert_false (ward_enterprise_save (f->store, trade, NULL, NULL));
  g_free (trade->registered_on);
  trade->registered_on = g_strdup ("2026-11-27");
  for (WardEnterprise **e = (WardEnterprise *[]) { outside, closed, branch, trade, NULL }; *e; e++)
    {
      g_assert_true (ward_enterprise_save (f->store, *e, NULL, &error));
      g_assert_no_error (error);
    }

  /* In the term and in the ward, whatever the status: the congress's day,
   * the closed one and trade. Not: the day before the congress, outside,
   * the branch. */
  g_assert_cmpint (counted_in_term (f), ==, 3);
  g_assert_true (ward_enterprise_is_counted (closed, "2025-01-01", "2030-12-31"));
  g_assert_false (ward_enterprise_is_counted (outside, "2025-01-01", "2030-12-31"));
  g_assert_false (ward_enterprise_is_counted (branch, "2025-01-01", "2030-12-31"));

  g_assert_true (ward_enterprises_count_by_year (f->store, 2025, 2030, by_year, &error));
  g_assert_cmpint (by_year[0], ==, 1);
  g_assert_cmpint (by_year[1], ==, 2);
  for (int i = 2; i < 6; i++)
    g_assert_cmpint (by_year[i], ==, 0);

  summary = ward_enterprises_summarize (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->goal, ==, 750);
  g_assert_cmpint (summary->counted, ==, 3);
  g_assert_cmpint (summary->term_start_year, ==, 2025);
  g_assert_cmpint (summary->term_end_year, ==, 2030);
  for (int y = 0; y <= summary->term_end_year - summary->term_start_year; y++)
    sum += summary->by_year[y];
  g_assert_cmpint (sum, ==, summary->counted);
  g_assert_cmpint (summary->by_type[WARD_ENTERPRISE_LLC_ONE], ==, 2);
  g_assert_cmpint (summary->by_type[WARD_ENTERPRISE_PRIVATE], ==, 1);
  g_assert_cmpint (summary->by_section['I' - 'A'], ==, 1);  /* 5610 */
  g_assert_cmpint (summary->by_section['G' - 'A'], ==, 1);  /* 4620 */
  g_assert_cmpint (summary->no_section, ==, 1);
  g_assert_cmpint (summary->total, ==, 6);
  g_assert_cmpint (summary->branches, ==, 1);
  g_assert_cmpint (summary->outside_ward, ==, 1);
  /* `ward-tracker-cli stats` reports the same count and years. */
  {
    g_autoptr (JsonNode) stats = ward_stats_collect (f->store, &error);
    JsonArray *counted;
    JsonObject *entry = NULL;
    JsonArray *years;

    g_assert_no_error (error);
    counted = json_object_get_array_member (json_node_get_object (stats), "counted");
    for (guint i = 0; i < json_array_get_length (counted); i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (counted, i), "source"),
                     "enterprises") == 0)
        entry = json_array_get_object_element (counted, i);
    g_assert_nonnull (entry);
    g_assert_cmpint (json_object_get_int_member (entry, "count"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (entry, "goal"), ==, 750);
    years = json_object_get_array_member (entry, "by_year");
    g_assert_cmpuint (json_array_get_length (years), ==, 6);
    for (guint y = 0; y < 6; y++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (years, y), "count"),
                       ==, summary->by_year[y]);
  }

  /* 747 to go in the four years and a month left: at least 747 / 4.1. */
  g_assert_cmpint (summary->pace_needed, >=, 747 / 5);
  g_assert_cmpint (summary->pace_needed, <=, 747 / 4 + 1);
}

/* ---- Spreadsheets --------------------------------------------------------- */

static WardCsvTable *
table_of (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  WardCsvTable *table = ward_csv_read_bytes (bytes, "doanh-nghiep.csv", &error);

  g_assert_no_error (error);
  return table;
}

static void
import_text (Fixture          *f,
             const char       *text,
             WardImportPolicy  policy,
             WardImportResult *result)
{
  g_autoptr (WardCsvTable) table = table_of (text);
  g_autoptr (GError) error = NULL;
  WardImportContext context = { policy, NULL, NULL };

  g_assert_true (ward_import_run (f->store, &ward_enterprises_import_kind, table, &context, FALSE,
                                  NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < result->issues->len; i++)
    {
      g_autofree char *line = ward_csv_issue_to_string (result->issues->pdata[i]);
      g_test_message ("%s", line);
    }
}

/* The first error about @row, "" if none. */
static const char *
issue_on_row (GPtrArray *issues,
              guint      row)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = issues->pdata[i];

      if (issue->row == row && issue->severity == WARD_CSV_SEVERITY_ERROR)
        return issue->message;
    }
  return "";
}

static const char office_file[] =
  "STT;Mã số thuế;TÊN DOANH NGHIỆP;Loại hình;Vốn điều lệ (đồng);Ngành nghề kinh doanh chính;"
  "Ngày cấp;Địa chỉ trụ sở;Tổ dân phố;Người đại diện theo pháp luật;Tình trạng;Ghi chú\r\n"
  "1;2801234564;Công ty TNHH MTV Bình An;Công ty TNHH một thành viên;1.250.000.000;"
  "4620 - Bán buôn nông, lâm sản;05/02/2026;12 Lê Lợi;Tổ dân phố 5;Nguyễn Văn An;"
  "đang hoạt động;\r\n"
  "2;100109106;Tập đoàn Viettel;Cổ phần;;6110;2/9/2025;;;;Tạm ngừng kinh doanh;Excel\r\n"
  "3;0100109106-001;Chi nhánh Viettel;;;;15/01/2026;;;;;\r\n";

static void
test_import_office_file (Fixture       *f,
                         gconstpointer  data)
{
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) again = { 0 };
  g_autoptr (WardEnterprise) binh_an = NULL;
  g_autoptr (WardEnterprise) viettel = NULL;

  import_text (f, office_file, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_cmpuint (result.n_errors, ==, 0);
  g_assert_true (result.committed);
  g_assert_cmpuint (result.added, ==, 3);

  binh_an = ward_enterprise_find (f->store, "2801234564", NULL);
  g_assert_nonnull (binh_an);
  g_assert_cmpstr (binh_an->name, ==, "Công ty TNHH MTV Bình An");
  g_assert_cmpint (binh_an->type, ==, WARD_ENTERPRISE_LLC_ONE);
  g_assert_cmpint (binh_an->capital, ==, 1250000000);
  g_assert_cmpstr (binh_an->vsic, ==, "4620");
  g_assert_cmpstr (binh_an->registered_on, ==, "2026-02-05");
  g_assert_cmpstr (binh_an->representative, ==, "Nguyễn Văn An");
  g_assert_true (binh_an->in_ward);

  /* Excel had dropped the zero in front: put back, with a warning. */
  viettel = ward_enterprise_find (f->store, VIETTEL, NULL);
  g_assert_nonnull (viettel);
  g_assert_cmpint (viettel->status, ==, WARD_ENTERPRISE_SUSPENDED);
  g_assert_cmpint (ward_csv_issues_count (result.issues, WARD_CSV_SEVERITY_WARNING), >=, 1);

  g_assert_cmpint (counted_in_term (f), ==, 2);

  /* The same file again adds nothing. */
  import_text (f, office_file, WARD_IMPORT_SKIP_EXISTING, &again);
  g_assert_true (again.committed);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.skipped, ==, 3);
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 3);
}

/* A stored tax code with another name is a conflict naming both, unless
 * the clerk asks to update; a row is checked by the rules before. */
static void
test_import_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (WardImportResult) first = { 0 };
  g_auto (WardImportResult) second = { 0 };
  g_auto (WardImportResult) update = { 0 };
  g_autoptr (WardEnterprise) binh_an = NULL;
  static const char renamed[] =
    "Mã số thuế;Tên doanh nghiệp;Ngày cấp\r\n"
    "2801234564;Công ty TNHH Bình An Mới;05/02/2026\r\n"
    "0100109106;Tập đoàn Viettel;02/09/2025\r\n";

  import_text (f, office_file, WARD_IMPORT_SKIP_EXISTING, &first);
  g_assert_true (first.committed);
  import_text (f, renamed, WARD_IMPORT_SKIP_EXISTING, &second);
  g_assert_false (second.committed);
  g_assert_cmpuint (second.n_errors, ==, 1);
  g_assert_cmpuint (second.skipped, ==, 1);
  g_assert_nonnull (strstr (issue_on_row (second.issues, 2),
                            "stored “Công ty TNHH MTV Bình An”, in the file “Công ty TNHH Bình An Mới”"));
  import_text (f, renamed, WARD_IMPORT_UPDATE_EXISTING, &update);
  g_assert_true (update.committed);
  g_assert_cmpuint (update.updated, ==, 1);
  binh_an = ward_enterprise_find (f->store, "2801234564", NULL);
  g_assert_cmpstr (binh_an->name, ==, "Công ty TNHH Bình An Mới");
  g_assert_cmpint (binh_an->capital, ==, 1250000000);
}

static void
test_import_english_headers (Fixture       *f,
                             gconstpointer  data)
{
  static const char english_file[] =
    "Tax code,Name,Type,Charter capital,Main line of business,Registration date,Address,"
    "Residential group,Legal representative,Status,Notes,Head office outside the ward\n"
    "0300588569,Vinamilk Thanh Hoa,joint-stock,\"1,250,000,000\",G4620,2026-03-04,,,,"
    "suspended,,x\n";
  g_auto (WardImportResult) result = { 0 };
  g_autoptr (WardEnterprise) e = NULL;

  import_text (f, english_file, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_cmpuint (result.n_errors, ==, 0);
  g_assert_cmpuint (result.added, ==, 1);
  g_assert_cmpuint (ward_csv_issues_count (result.issues, WARD_CSV_SEVERITY_WARNING), ==, 0);
  e = ward_enterprise_find (f->store, VINAMILK, NULL);
  g_assert_nonnull (e);
  g_assert_cmpint (e->type, ==, WARD_ENTERPRISE_JOINT_STOCK);
  g_assert_cmpint (e->capital, ==, 1250000000);
  g_assert_cmpstr (e->vsic, ==, "4620");
  g_assert_cmpstr (e->registered_on, ==, "2026-03-04");
  g_assert_cmpint (e->status, ==, WARD_ENTERPRISE_SUSPENDED);
  g_assert_false (e->in_ward);
  g_assert_cmpint (counted_in_term (f), ==, 0);  /* head office outside the ward */
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const char bad_file[] =
    "Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Vốn điều lệ,Ngày cấp,Tình trạng\n"
    "2801234564,Công ty TNHH MTV Bình An,TNHH MTV,1.250.000.000,05/02/2026,\n"
    "0100109107,Sai số,Cổ phần,,05/02/2026,\n"
    "0300588569,Tương lai,Công ty TNHH,0,05/02/2027,mở cửa\n";
  g_auto (WardImportResult) result = { 0 };
  gboolean wrong_digit = FALSE;
  gboolean future_date = FALSE;
  guint capital_errors = 0;

  import_text (f, bad_file, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_false (result.committed);
  g_assert_cmpuint (result.n_errors, ==, 2);
  /* All or nothing: the good first row is not stored either. */
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 0);

  for (guint i = 0; i < result.issues->len; i++)
    {
      WardCsvIssue *issue = result.issues->pdata[i];

      if (issue->row == 3 && g_strcmp0 (issue->column, "Mã số doanh nghiệp") == 0
          && strstr (issue->message, "wrong check digit") != NULL)
        wrong_digit = TRUE;
      if (issue->row == 4 && g_strcmp0 (issue->column, "Vốn điều lệ") == 0)
        capital_errors++;
      if (issue->row == 4 && g_strcmp0 (issue->column, "Ngày cấp") == 0
          && g_strcmp0 (issue->message, "The first registration date 05/02/2027 is after "
                                        "today (27/11/2026).") == 0)
        future_date = TRUE;
    }
  g_assert_true (wrong_digit);
  g_assert_cmpuint (capital_errors, ==, 1);
  g_assert_true (future_date);
  /* Row 4 has four bad cells, each reported once. */
  g_assert_cmpuint (ward_csv_issues_count (result.issues, WARD_CSV_SEVERITY_ERROR), ==, 5);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (WardImportResult) first = { 0 };
  g_auto (WardImportResult) update = { 0 };
  g_auto (WardImportResult) back = { 0 };
  g_autoptr (WardEnterprise) extra = make (EVN, "Điện lực \"Đông Sơn\", chi nhánh", "2025-12-01");
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (WardStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.sqlite3", NULL);
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  g_autoptr (WardRows) rows = NULL;

  import_text (f, office_file, WARD_IMPORT_SKIP_EXISTING, &first);
  extra->in_ward = FALSE;
  extra->from_household = TRUE;
  extra->status = WARD_ENTERPRISE_CLOSED;
  extra->status_date = g_strdup ("2026-06-30");
  extra->note = g_strdup ("Dòng 1\nDòng 2");
  g_assert_true (ward_enterprise_save (f->store, extra, NULL, NULL));

  g_assert_true (ward_export_to_path (f->store, &ward_enterprises_import_kind, &context, csv, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);

  /* Into a fresh file: the same records. */
  other = ward_store_open (other_path, &error);
  g_assert_no_error (error);
  table = ward_csv_read_file (csv, &error);
  g_assert_no_error (error);
  g_assert_true (ward_import_run (other, &ward_enterprises_import_kind, table, &context, FALSE,
                                  NULL, NULL, NULL, &back, &error));
  g_assert_cmpuint (back.n_errors, ==, 0);
  g_assert_cmpuint (back.added, ==, 4);

  rows = ward_enterprise_rows_load (f->store, NULL);
  for (guint i = 0; i < ward_rows_get_n (rows); i++)
    {
      const WardEnterpriseRow *row = ward_rows_get (rows, i);
      g_autoptr (WardEnterprise) a = ward_enterprise_load (f->store, row->id, NULL);
      g_autoptr (WardEnterprise) b = ward_enterprise_find (other, row->tax_code, NULL);

      g_assert_nonnull (b);
      for (WardEnterpriseField field = 0; field < WARD_ENTERPRISE_N_FIELDS; field++)
        {
          g_autofree char *va = ward_enterprise_dup_field (a, field);
          g_autofree char *vb = ward_enterprise_dup_field (b, field);

          g_test_message ("%s field %d", row->tax_code, field);
          g_assert_cmpstr (va, ==, vb);
        }
    }

  /* Updating from the same file with a change takes the change. */
  {
    g_autoptr (WardCsvTable) changed = NULL;
    g_autofree char *text = NULL;
    g_autofree char *edited = NULL;
    g_auto (GStrv) parts = NULL;
    g_autoptr (WardEnterprise) binh_an = NULL;
    WardImportContext update_context = { WARD_IMPORT_UPDATE_EXISTING, NULL, NULL };

    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    parts = g_strsplit (text, "1250000000", 2);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    edited = g_strjoinv ("\"2.000.000.000\"", parts);
    g_assert_true (g_file_set_contents (csv, edited, -1, NULL));
    changed = ward_csv_read_file (csv, &error);
    g_assert_no_error (error);
    g_assert_true (ward_import_run (other, &ward_enterprises_import_kind, changed, &update_context,
                                    FALSE, NULL, NULL, NULL, &update, &error));
    g_assert_cmpuint (update.n_errors, ==, 0);
    /* Only the changed record is updated; the others are the same, skipped. */
    g_assert_cmpuint (update.updated, ==, 1);
    g_assert_cmpuint (update.skipped, ==, 3);
    g_assert_cmpuint (update.added, ==, 0);
    binh_an = ward_enterprise_find (other, "2801234564", NULL);
    g_assert_cmpint (binh_an->capital, ==, 2000000000);
  }
}

/* ---- VSIC versions (issue 18) ---------------------------------------------- */

/* Saves an enterprise with @vsic, stated in @stated, and gives the version
 * the register kept, read back from the file. */
static WardVsicVersion
saved_version (Fixture         *f,
               const char      *tax_code,
               const char      *registered_on,
               const char      *vsic,
               WardVsicVersion  stated)
{
  g_autoptr (WardEnterprise) e = make (tax_code, "Công ty TNHH Ngành Nghề", registered_on);
  g_autoptr (WardEnterprise) loaded = NULL;
  g_autoptr (GError) error = NULL;

  e->vsic = g_strdup (vsic);
  e->vsic_version = stated;
  g_assert_true (ward_enterprise_save (f->store, e, NULL, &error));
  g_assert_no_error (error);
  loaded = ward_enterprise_load (f->store, e->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->vsic_version, ==, e->vsic_version);
  return loaded->vsic_version;
}

static void
test_vsic_version_decided (Fixture       *f,
                           gconstpointer  data)
{
  /* A code one version has decides it; else the date, VSIC 2025 from
   * 15/11/2025; a stated version is kept. */
  g_assert_cmpint (saved_version (f, "0100109106", "2026-01-05", "6201", WARD_VSIC_ANY), ==,
                   WARD_VSIC_2018);
  g_assert_cmpint (saved_version (f, "0300588569", "2025-03-04", "6219", WARD_VSIC_ANY), ==,
                   WARD_VSIC_2025);
  g_assert_cmpint (saved_version (f, "0100112437", "2025-11-14", "4620", WARD_VSIC_ANY), ==,
                   WARD_VSIC_2018);
  g_assert_cmpint (saved_version (f, "0100100079", "2025-11-15", "4620", WARD_VSIC_ANY), ==,
                   WARD_VSIC_2025);
  g_assert_cmpint (saved_version (f, "0101245486", "2026-01-05", "4620", WARD_VSIC_2018), ==,
                   WARD_VSIC_2018);
  /* No code, no version. */
  g_assert_cmpint (saved_version (f, "0100230800", "2026-01-05", NULL, WARD_VSIC_2018), ==,
                   WARD_VSIC_ANY);
}

static void
test_vsic_version_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = make ("0100109106", "Công ty TNHH Phần Mềm", "2026-01-05");
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;

  /* Issue 24: 9999 is refused as it is typed, naming the code. */
  g_assert_false (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC, "9999", &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The VSIC code 9999 is in neither VSIC 2018 nor VSIC 2025; check the code on "
                   "the enterprise's registration certificate.");
  g_assert_null (e->vsic);
  g_clear_error (&error);

  /* A code its stated version has not. */
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC, "6219", NULL));
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC_VERSION, "VSIC 2018",
                                            NULL));
  g_assert_false (ward_enterprise_validate (f->store, e, TODAY, issues, &error));
  g_assert_cmpstr (issue_about (issues, WARD_ENTERPRISE_FIELD_VSIC, FALSE), ==,
                   "The VSIC code 6219 is not in VSIC 2018: Quyết định 27/2018/QĐ-TTg has no "
                   "group 621.");
  g_clear_error (&error);

  g_assert_false (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC_VERSION, "2019",
                                             &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_cmpint (e->vsic_version, ==, WARD_VSIC_2018);
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 0);
}

/* The same code typed again keeps its stated version; another code is
 * decided again. */
static void
test_vsic_version_follows_code (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (WardEnterprise) e = make ("0100109106", "Công ty TNHH Bán Buôn", "2026-01-05");
  g_autofree char *field = NULL;

  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC, "4620", NULL));
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC_VERSION, "2018", NULL));
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC, "G 4620", NULL));
  g_assert_cmpint (e->vsic_version, ==, WARD_VSIC_2018);
  field = ward_enterprise_dup_field (e, WARD_ENTERPRISE_FIELD_VSIC_VERSION);
  g_assert_cmpstr (field, ==, "2018");
  g_assert_true (ward_enterprise_set_field (e, WARD_ENTERPRISE_FIELD_VSIC, "6219", NULL));
  g_assert_cmpint (e->vsic_version, ==, WARD_VSIC_ANY);
  g_assert_true (ward_enterprise_save (f->store, e, NULL, NULL));
  g_assert_cmpint (e->vsic_version, ==, WARD_VSIC_2025);
}

/* The breakdown counts each code in the VSIC 2025 section of its own
 * version's section, and the list's rows say the same. The dates lie in
 * the term (after the congress of 16/08/2025), where enterprises count. */
static void
test_vsic_breakdown (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *tax_code; const char *date; const char *vsic; } cases[] = {
    { "0100109106", "2025-09-01", "6201" },  /* 2018 J, division 62: K */
    { "0300588569", "2026-01-05", "6219" },  /* 2025 K */
    { "0100112437", "2025-10-01", "6419" },  /* 2018 K: L */
    { "0100100079", "2026-02-01", "6419" },  /* 2025 L */
    { "0101245486", "2025-10-15", "5811" },  /* 2018 J, division 58: J */
    { "0100230800", "2025-11-01", "4520" },  /* 2018 G, division 45: G */
  };
  g_autoptr (WardEnterpriseSummary) summary = NULL;
  g_autoptr (WardRows) rows = NULL;
  g_autoptr (GError) error = NULL;
  gint64 from_rows[WARD_VSIC_N_SECTIONS] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    saved_version (f, cases[i].tax_code, cases[i].date, cases[i].vsic, WARD_VSIC_ANY);

  summary = ward_enterprises_summarize (f->store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->counted, ==, 6);
  g_assert_cmpint (summary->by_section['K' - 'A'], ==, 2);
  g_assert_cmpint (summary->by_section['L' - 'A'], ==, 2);
  g_assert_cmpint (summary->by_section['J' - 'A'], ==, 1);
  g_assert_cmpint (summary->by_section['G' - 'A'], ==, 1);
  g_assert_cmpint (summary->no_section, ==, 0);

  rows = ward_enterprise_rows_load (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ward_rows_get_n (rows); i++)
    {
      const WardEnterpriseRow *row = ward_rows_get (rows, i);

      g_assert_cmpint (row->section, >, 0);
      if (row->counted)
        from_rows[row->section - 1]++;
    }
  for (guint s = 0; s < WARD_VSIC_N_SECTIONS; s++)
    g_assert_cmpint (from_rows[s], ==, summary->by_section[s]);
}

static void
test_import_vsic_version (Fixture       *f,
                          gconstpointer  data)
{
  static const char good_file[] =
    "Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Ngành nghề chính,Phiên bản VSIC,Ngày cấp\n"
    "0100109106,Công ty A,TNHH MTV,4620,2018,05/02/2026\n"
    "0300588569,Công ty B,TNHH MTV,4620,,05/02/2026\n"
    "0100112437,Công ty C,TNHH MTV,6201,,05/02/2026\n"
    "0100100079,Công ty D,TNHH MTV,6219,,05/02/2020\n";
  static const char bad_file[] =
    "Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Ngành nghề chính,Phiên bản VSIC,Ngày cấp\n"
    "0101245486,Công ty E,TNHH MTV,9999,,05/02/2026\n"
    "0100230800,Công ty F,TNHH MTV,6201,VSIC 2025,05/02/2026\n"
    "2801234564,Công ty G,TNHH MTV,4620,2019,05/02/2026\n";
  static const struct { const char *tax_code; WardVsicVersion version; } expected[] = {
    { "0100109106", WARD_VSIC_2018 }, { "0300588569", WARD_VSIC_2025 },
    { "0100112437", WARD_VSIC_2018 }, { "0100100079", WARD_VSIC_2025 },
  };
  g_auto (WardImportResult) result = { 0 };
  g_auto (WardImportResult) refused = { 0 };
  guint found = 0;

  import_text (f, good_file, WARD_IMPORT_SKIP_EXISTING, &result);
  g_assert_cmpuint (result.n_errors, ==, 0);
  g_assert_cmpuint (result.added, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (WardEnterprise) e = ward_enterprise_find (f->store, expected[i].tax_code, NULL);

      g_assert_cmpint (e->vsic_version, ==, expected[i].version);
    }

  import_text (f, bad_file, WARD_IMPORT_SKIP_EXISTING, &refused);
  g_assert_false (refused.committed);
  g_assert_cmpint (ward_store_count_rows (f->store, "enterprises", NULL), ==, 4);
  for (guint i = 0; i < refused.issues->len; i++)
    {
      WardCsvIssue *issue = refused.issues->pdata[i];

      found += issue->row == 2 && g_strcmp0 (issue->column, "Ngành nghề chính") == 0
               && strstr (issue->message, "9999 is in neither VSIC 2018 nor VSIC 2025") != NULL;
      found += issue->row == 3 && g_strcmp0 (issue->column, "Ngành nghề chính") == 0
               && strstr (issue->message, "6201 is not in VSIC 2025") != NULL;
      found += issue->row == 4 && g_strcmp0 (issue->column, "Phiên bản VSIC") == 0
               && strstr (issue->message, "“2019” is not a VSIC version") != NULL;
    }
  g_assert_cmpuint (found, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("WARD_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enterprises/words/type", test_type_words);
  g_test_add_func ("/enterprises/words/status", test_status_words);
  g_test_add_func ("/enterprises/sort-key", test_sort_key);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/enterprises/rules/wrong-check-digit", test_wrong_check_digit);
  ADD ("/enterprises/rules/duplicate", test_duplicate);
  ADD ("/enterprises/rules/branch", test_branch);
  ADD ("/enterprises/rules/dates", test_dates);
  ADD ("/enterprises/rules/capital", test_capital);
  ADD ("/enterprises/rules/required", test_required);
  ADD ("/enterprises/store/round-trip", test_round_trip);
  ADD ("/enterprises/store/rows-and-search", test_rows_and_search);
  ADD ("/enterprises/counting", test_counting);
  ADD ("/enterprises/import/office-file", test_import_office_file);
  ADD ("/enterprises/import/english-headers", test_import_english_headers);
  ADD ("/enterprises/import/conflict", test_import_conflict);
  ADD ("/enterprises/import/errors", test_import_errors);
  ADD ("/enterprises/import/export-round-trip", test_export_round_trip);
  ADD ("/enterprises/vsic/version-decided", test_vsic_version_decided);
  ADD ("/enterprises/vsic/version-refused", test_vsic_version_refused);
  ADD ("/enterprises/vsic/version-follows-code", test_vsic_version_follows_code);
  ADD ("/enterprises/vsic/breakdown", test_vsic_breakdown);
  ADD ("/enterprises/import/vsic-version", test_import_vsic_version);
#undef ADD

  return g_test_run ();
}
