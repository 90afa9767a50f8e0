/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-targets-readings"

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "import/ward-import-csv.h"
#include "import/ward-import.h"
#include "programme/ward-programme-units.h"
#include "registers/ward-registers-stats.h"
#include "store/ward-store.h"
#include "support/ward-test.h"
#include "targets/ward-targets-readings.h"

/* Readings on a fresh Đông Sơn file (term 2025 – 2030): what the dialog's
 * validation refuses and why, storing, deleting and putting back, and the
 * progress read back from the store. */

typedef struct
{
  char      *dir;
  WardStore *store;
  GPtrArray *targets;
  guint      n_changed;
} Fixture;

static void
on_changed_cb (WardStore  *store,
               const char *table,
               Fixture    *f)
{
  if (g_strcmp0 (table, "readings") == 0)
    f->n_changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = ward_test_make_dir ("targets-readings");
  f->store = ward_test_new_store (f->dir, NULL);
  f->targets = ward_targets_load (f->store, &error);
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_ptr_array_unref (f->targets);
  g_object_unref (f->store);
  ward_test_remove_tree (f->dir);
  g_free (f->dir);
}

static WardTarget *
target (Fixture    *f,
        const char *code)
{
  for (guint i = 0; i < f->targets->len; i++)
    if (g_str_equal (ward_target_get_code (f->targets->pdata[i]), code))
      return f->targets->pdata[i];
  g_assert_not_reached ();
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  return ward_test_query_int (f->store, sql);
}

/* ---- Validation, table by table ------------------------------------------ */

typedef struct
{
  const char       *name;
  const char       *target;
  int               year;
  gboolean          first_half;
  const char       *value;      /* as typed; NULL: none */
  gint64            quota;
  gint64            delivered;
  WardReadingField  field;      /* NONE: accepted */
  const char       *message;    /* a part of the refusal */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "a rate of 96,5%", "health-insurance", 2026, FALSE, "96,5", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "a rate of 0%", "health-insurance", 2026, FALSE, "0", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "a rate of 100%", "roads", 2026, FALSE, "100%", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "a rate of 120%", "health-insurance", 2026, FALSE, "120", -1, -1, WARD_READING_FIELD_VALUE,
    "Value: a rate lies between 0% and 100%." },
  { "a rate of −1%", "health-insurance", 2026, FALSE, "-1", -1, -1, WARD_READING_FIELD_VALUE,
    "between 0% and 100%" },
  { "a rate of 100,01%", "5g", 2026, FALSE, "100,01", -1, -1, WARD_READING_FIELD_VALUE,
    "between 0% and 100%" },
  { "no value", "health-insurance", 2026, FALSE, NULL, -1, -1, WARD_READING_FIELD_VALUE,
    "Value: enter a value." },
  { "negative growth", "grdp-growth", 2026, FALSE, "-3,5", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "growth of −99,9%", "grdp-growth", 2026, FALSE, "-99,9", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "growth of −100%", "grdp-growth", 2026, FALSE, "-100", -1, -1, WARD_READING_FIELD_VALUE,
    "more than −100%" },
  { "growth of a first half", "grdp-growth", 2027, TRUE, "12,1", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "whole đồng", "income", 2026, FALSE, "82.500.000 đ", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "negative money", "income", 2026, FALSE, "-1", -1, -1, WARD_READING_FIELD_VALUE,
    "whole number of đồng" },
  { "the term's first year", "roads", 2025, FALSE, "80", -1, -1, WARD_READING_FIELD_NONE, NULL },
  { "the first half of the term's last year", "roads", 2030, TRUE, "99", -1, -1,
    WARD_READING_FIELD_NONE, NULL },
  { "the year before the term", "roads", 2024, FALSE, "80", -1, -1, WARD_READING_FIELD_PERIOD,
    "Period: 2024 lies outside the term 2025 – 2030." },
  { "the year after the term", "roads", 2031, FALSE, "80", -1, -1, WARD_READING_FIELD_PERIOD,
    "outside the term" },
  { "a quota delivered in full", "recruitment", 2026, FALSE, NULL, 20, 20, WARD_READING_FIELD_NONE, NULL },
  { "a quota delivered beyond", "recruitment", 2026, FALSE, NULL, 20, 23, WARD_READING_FIELD_NONE, NULL },
  { "none delivered", "recruitment", 2026, FALSE, NULL, 20, 0, WARD_READING_FIELD_NONE, NULL },
  { "a quota of 0", "recruitment", 2026, FALSE, NULL, 0, 0, WARD_READING_FIELD_QUOTA,
    "Quota: the quota must be more than 0." },
  { "no quota", "recruitment", 2026, FALSE, NULL, -1, 5, WARD_READING_FIELD_QUOTA, "Quota:" },
  { "no number delivered", "recruitment", 2026, FALSE, NULL, 20, -1, WARD_READING_FIELD_DELIVERED,
    "Delivered:" },
  { "recruitment by half years", "recruitment", 2026, TRUE, NULL, 20, 20, WARD_READING_FIELD_PERIOD,
    "whole years" },
};

static void
test_readings_validate (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      const ValidateCase *c = &validate_cases[i];
      WardTarget *t = target (f, c->target);
      g_autoptr (WardReading) reading = ward_reading_new (t);
      g_autoptr (GError) error = NULL;
      WardReadingField field = WARD_READING_FIELD_NOTE;
      gboolean ok;

      g_test_message ("case %u: %s", i, c->name);
      reading->year = c->year;
      reading->first_half = c->first_half;
      reading->quota = c->quota;
      reading->delivered = c->delivered;
      if (c->value != NULL)
        {
          g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_VALUE, c->value, &error));
          g_assert_no_error (error);
        }
      ok = ward_reading_validate (f->store, t, reading, &field, &error);
      g_assert_cmpint (field, ==, c->field);
      if (c->field == WARD_READING_FIELD_NONE)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
          g_assert_false (ok);
          g_assert_nonnull (strstr (error->message, c->message));
        }
    }
}

static void
test_readings_counted_target (Fixture       *f,
                              gconstpointer  data)
{
  WardTarget *t = target (f, "admissions");
  g_autoptr (WardReading) reading = ward_reading_new (t);
  g_autoptr (GError) error = NULL;

  reading->year = 2026;
  reading->has_value = TRUE;
  reading->value = 50;
  g_assert_false (ward_reading_save (f->store, t, reading, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "takes no readings"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings"), ==, 0);
}

typedef struct
{
  const char       *target;
  WardReadingField  field;
  const char       *text;
  gboolean          ok;
  const char       *expect;   /* the value read (%.2f), the ISO date, or part of the message */
} TextCase;

static void
test_readings_set_text (Fixture       *f,
                        gconstpointer  data)
{
  static const TextCase text_cases[] = {
    { "health-insurance", WARD_READING_FIELD_VALUE, "96,5", TRUE, "96.50" },
    { "health-insurance", WARD_READING_FIELD_VALUE, "96.5%", TRUE, "96.50" },
    { "health-insurance", WARD_READING_FIELD_VALUE, "chín mươi", FALSE, "Value: " },
    { "grdp-growth", WARD_READING_FIELD_VALUE, "-2,5", TRUE, "-2.50" },
    { "income", WARD_READING_FIELD_VALUE, "82.500.000 đ", TRUE, "82500000.00" },
    { "income", WARD_READING_FIELD_VALUE, "82.500.000,5", FALSE, "Value: " },
    { "recruitment", WARD_READING_FIELD_QUOTA, "25", TRUE, "25" },
    { "recruitment", WARD_READING_FIELD_DELIVERED, "2,5", FALSE, "Delivered: " },
    { "recruitment", WARD_READING_FIELD_DELIVERED, "hai", FALSE, "Delivered: " },
    { "roads", WARD_READING_FIELD_DOC_DATE, "05/02/2026", TRUE, "2026-02-05" },
    { "roads", WARD_READING_FIELD_DOC_DATE, "31/02/2026", FALSE, "Document date: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];
      WardTarget *t = target (f, c->target);
      g_autoptr (WardReading) reading = ward_reading_new (t);
      g_autoptr (GError) error = NULL;
      g_autofree char *got = NULL;

      g_test_message ("text case %u: “%s”", i, c->text);
      g_assert_cmpint (ward_reading_set_text (reading, t, c->field, c->text, &error), ==, c->ok);
      if (!c->ok)
        {
          g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, c->expect));
          g_assert_false (reading->has_value);
          g_assert_null (reading->doc_date);
          g_assert_cmpint (reading->quota, ==, -1);
          g_assert_cmpint (reading->delivered, ==, -1);
          continue;
        }
      g_assert_no_error (error);
      if (c->field == WARD_READING_FIELD_VALUE)
        got = g_strdup_printf ("%.2f", reading->value);
      else if (c->field == WARD_READING_FIELD_QUOTA)
        got = g_strdup_printf ("%" G_GINT64_FORMAT, reading->quota);
      else
        got = g_strdup (reading->doc_date);
      g_assert_cmpstr (got, ==, c->expect);
    }
}

static void
test_readings_parse_period (void)
{
  static const struct { const char *text; gboolean ok; int year; gboolean first_half; } periods[] = {
    { "2026", TRUE, 2026, FALSE },
    { " Năm 2026 ", TRUE, 2026, FALSE },
    { "2026-H1", TRUE, 2026, TRUE },
    { "6 tháng đầu năm 2026", TRUE, 2026, TRUE },
    { "6T/2026", TRUE, 2026, TRUE },
    { "H1/2027", TRUE, 2027, TRUE },
    { "First half of 2028", TRUE, 2028, TRUE },
    { "", FALSE, 0, FALSE },
    { "2026 2027", FALSE, 0, FALSE },
    { "Quý 3/2026", FALSE, 0, FALSE },
    { "20266", FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr (GError) error = NULL;
      int year = 0;
      gboolean first_half = FALSE;

      g_test_message ("period “%s”", periods[i].text);
      g_assert_cmpint (ward_reading_parse_period (periods[i].text, &year, &first_half, NULL, &error),
                       ==, periods[i].ok);
      if (!periods[i].ok)
        {
          g_assert_error (error, WARD_ERROR, WARD_ERROR_INVALID);
          continue;
        }
      g_assert_cmpint (year, ==, periods[i].year);
      g_assert_cmpint (first_half, ==, periods[i].first_half);
    }
}

static WardReading *
save_rate (Fixture   *f,
           int        year,
           gboolean   first_half,
           double     value,
           gboolean   final)
{
  WardTarget *t = target (f, "health-insurance");
  g_autoptr (WardReading) reading = ward_reading_new (t);
  g_autoptr (GError) error = NULL;

  reading->year = year;
  reading->first_half = first_half;
  reading->has_value = TRUE;
  reading->value = value;
  reading->final = final;
  g_assert_true (ward_reading_save (f->store, t, reading, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&reading);
}

/* The unique index would refuse a second final reading; the rule says so in
 * words first and stores nothing. */
static void
test_readings_one_final (Fixture       *f,
                         gconstpointer  data)
{
  WardTarget *t = target (f, "health-insurance");
  g_autoptr (WardReading) first = save_rate (f, 2026, FALSE, 95, TRUE);
  g_autoptr (WardReading) draft = save_rate (f, 2026, FALSE, 96, FALSE);
  g_autoptr (WardReading) half = save_rate (f, 2026, TRUE, 94, TRUE);
  g_autoptr (WardReading) second = ward_reading_new (t);
  g_autoptr (GError) error = NULL;
  WardReadingField field = WARD_READING_FIELD_NONE;
  gint64 audit = count_rows (f, "SELECT count(*) FROM audit");
  guint changed = f->n_changed;

  second->year = 2026;
  second->has_value = TRUE;
  second->value = 97;
  second->final = TRUE;
  g_assert_false (ward_reading_save (f->store, t, second, &field, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Status: there is already a final reading for 2026. Save this one as a draft, "
                   "or edit the final one.");
  g_assert_cmpint (field, ==, WARD_READING_FIELD_STATUS);
  g_assert_cmpint (second->id, ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings"), ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit"), ==, audit);
  g_assert_cmpuint (f->n_changed, ==, changed);

  /* Making the draft final is refused the same way; the final one itself
   * may be saved again. */
  g_clear_error (&error);
  draft->final = TRUE;
  g_assert_false (ward_reading_save (f->store, t, draft, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  first->value = 95.5;
  g_assert_true (ward_reading_save (f->store, t, first, NULL, &error));
  g_assert_no_error (error);
}

static void
test_readings_save_load (Fixture       *f,
                         gconstpointer  data)
{
  WardTarget *t = target (f, "recruitment");
  g_autoptr (WardReading) reading = ward_reading_new (t);
  g_autoptr (WardReading) loaded = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  units = ward_units_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >, 0);

  reading->year = 2026;
  reading->final = TRUE;
  g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_QUOTA, "20", NULL));
  g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_DELIVERED, "18", NULL));
  g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_DOC_NUMBER, " 12/BC-BCHQS ", NULL));
  g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_DOC_DATE, "15/3/2026", NULL));
  /* NFD in, NFC stored. */
  g_assert_true (ward_reading_set_text (reading, t, WARD_READING_FIELD_NOTE,
                                        "Giao qua\xcc\x82n đợt 1", NULL));
  reading->unit_id = ((WardUnit *) units->pdata[0])->id;

  g_assert_true (ward_reading_save (f->store, t, reading, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reading->id, >, 0);
  g_assert_nonnull (reading->uuid);
  g_assert_cmpuint (f->n_changed, ==, 1);

  loaded = ward_reading_load (f->store, reading->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->uuid, ==, reading->uuid);
  g_assert_cmpint (loaded->quota, ==, 20);
  g_assert_cmpint (loaded->delivered, ==, 18);
  g_assert_false (loaded->has_value);
  g_assert_true (loaded->final);
  g_assert_cmpstr (loaded->doc_number, ==, "12/BC-BCHQS");
  g_assert_cmpstr (loaded->doc_date, ==, "2026-03-15");
  g_assert_cmpstr (loaded->note, ==, "Giao quân đợt 1");
  g_assert_cmpstr (loaded->unit_name, ==, ((WardUnit *) units->pdata[0])->name);
  text = ward_reading_format_value (t, loaded);
  g_assert_cmpstr (text, ==, "18/20 (90%)");

  /* An edit keeps the row. */
  loaded->delivered = 20;
  g_assert_true (ward_reading_save (f->store, t, loaded, NULL, &error));
  g_assert_no_error (error);
  all = ward_readings_load (f->store, ward_target_get_id (t), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((WardReading *) all->pdata[0])->delivered, ==, 20);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

static void
test_readings_delete_restore (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (WardReading) saved = save_rate (f, 2026, FALSE, 96.5, TRUE);
  g_autoptr (WardReading) deleted = NULL;
  g_autoptr (WardReading) back = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_reading_delete (f->store, saved->id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings"), ==, 0);
  g_assert_cmpstr (deleted->uuid, ==, saved->uuid);
  g_assert_cmpuint (f->n_changed, ==, 2);

  g_assert_true (ward_reading_restore (f->store, deleted, &error));
  g_assert_no_error (error);
  back = ward_reading_load (f->store, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->uuid, ==, saved->uuid);
  g_assert_cmpstr (back->created_at, ==, saved->created_at);
  g_assert_cmpfloat (back->value, ==, 96.5);
  g_assert_true (back->final);
  g_assert_cmpuint (f->n_changed, ==, 3);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE table_name = 'readings'"), ==, 3);

  /* Deleting what is gone says so. */
  g_clear_pointer (&deleted, ward_reading_free);
  g_assert_true (ward_reading_delete (f->store, saved->id, &deleted, &error));
  g_assert_false (ward_reading_delete (f->store, saved->id, NULL, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Putting back a final reading whose period got another final meanwhile
   * is refused in words. */
  g_clear_pointer (&saved, ward_reading_free);
  saved = save_rate (f, 2026, FALSE, 97, TRUE);
  g_assert_false (ward_reading_restore (f->store, deleted, &error));
  g_assert_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE);
}

static void
test_readings_progress (Fixture       *f,
                        gconstpointer  data)
{
  WardTarget *t = target (f, "health-insurance");
  g_autoptr (WardReading) a = NULL;
  g_autoptr (WardReading) b = NULL;
  g_autoptr (GArray) series = NULL;
  g_autoptr (GError) error = NULL;
  WardProgress p;

  g_assert_true (ward_target_compute_progress (f->store, t, "2026-11-27", &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_NO_DATA);

  /* Entered out of order: 2026 first, then 2025. */
  b = save_rate (f, 2026, FALSE, 96.5, FALSE);
  a = save_rate (f, 2025, FALSE, 94, TRUE);
  g_assert_true (ward_target_compute_progress (f->store, t, "2026-11-27", &p, &series, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_MET);
  g_assert_cmpfloat (p.value, ==, 96.5);
  g_assert_cmpint (p.value_year, ==, 2026);
  g_assert_cmpuint (series->len, ==, 2);
  g_assert_cmpfloat (g_array_index (series, WardProgressPoint, 0).value, ==, 94);
}

/* A level's path starts from the baseline at the congress, which the clerk
 * enters as a baseline reading; without one the verdict says so. */
static void
test_readings_baseline (Fixture       *f,
                        gconstpointer  data)
{
  WardTarget *t = target (f, "5g");
  g_autoptr (WardReading) baseline = ward_reading_new (t);
  g_autoptr (WardReading) reading = ward_reading_new (t);
  g_autoptr (WardReading) growth = ward_reading_new (target (f, "grdp-growth"));
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  WardReadingField field;
  WardProgress p;

  reading->year = 2025;
  reading->has_value = TRUE;
  reading->value = 5;
  reading->final = TRUE;
  g_assert_true (ward_reading_save (f->store, t, reading, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ward_target_compute_progress (f->store, t, "2026-11-27", &p, NULL, &error));
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_NO_BASELINE);
  g_assert_cmpstr (ward_verdict_title (p.verdict), ==, "No baseline");

  baseline->year = 2025;
  baseline->baseline = TRUE;
  baseline->has_value = TRUE;
  baseline->value = 0;
  baseline->final = TRUE;
  g_assert_true (ward_reading_save (f->store, t, baseline, NULL, &error));
  g_assert_no_error (error);
  label = ward_reading_format_label (baseline);
  g_assert_cmpstr (label, ==, "Baseline (at the congress)");
  g_assert_true (ward_target_compute_progress (f->store, t, "2026-11-27", &p, NULL, &error));
  /* 5% at the end of 2025 against 7% on the path from 0 at the congress. */
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_BEHIND);
  g_assert_cmpfloat (p.value, ==, 5);
  g_assert_cmpfloat_with_epsilon (p.path_start_value, 0, 1e-9);

  /* A level already at its goal is met without a baseline, and its
   * description speaks of no path it cannot draw. */
  {
    WardTarget *insurance = target (f, "health-insurance");
    g_autoptr (WardReading) above = ward_reading_new (insurance);
    g_autofree char *described = NULL;

    above->year = 2026;
    above->has_value = TRUE;
    above->value = 96.5;
    g_assert_true (ward_reading_save (f->store, insurance, above, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (ward_target_compute_progress (f->store, insurance, "2026-11-27", &p, NULL, &error));
    g_assert_cmpint (p.verdict, ==, WARD_VERDICT_MET);
    described = ward_target_describe_progress (insurance, &p);
    g_assert_null (strstr (described, "—"));
    g_assert_null (strstr (described, "even term"));
  }

  /* Growth has no baseline reading: it is judged year by year. */
  growth->year = 2025;
  growth->baseline = TRUE;
  growth->has_value = TRUE;
  growth->value = 10;
  g_assert_false (ward_reading_validate (f->store, target (f, "grdp-growth"), growth, &field, &error));
  g_assert_cmpint (field, ==, WARD_READING_FIELD_PERIOD);
  g_clear_error (&error);
}

static void
test_readings_counted_progress (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 counts[6] = { 0 };
  WardProgress p;

  /* The term runs from the congress (16/08/2025 in the seed): of 2025's two
   * ceremonies only the one after it counts; one in 2026, one before the
   * term, one without a ceremony. */
  ward_test_exec (f->store,
                  "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, ceremony_date, "
                  "created_at, updated_at) VALUES "
                  "('c1', 'Nguyễn Văn An', 'a', 'a', '1990-01-01', '2025-08-15', 'x', 'x'), "
                  "('c2', 'Trần Thị Bình', 'b', 'b', '1991-01-01', '2025-08-16', 'x', 'x'), "
                  "('c3', 'Lê Văn Cường', 'c', 'c', '1992-01-01', '2026-05-19', 'x', 'x'), "
                  "('c4', 'Phạm Thị Dung', 'd', 'd', '1993-01-01', '2024-12-31', 'x', 'x'), "
                  "('c5', 'Hoàng Văn Em', 'e', 'e', '1994-01-01', NULL, 'x', 'x')");
  g_assert_true (ward_targets_count_by_year (f->store, WARD_SOURCE_ADMISSIONS, 2025, 2030, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts[0], ==, 1);
  g_assert_cmpint (counts[1], ==, 1);
  g_assert_cmpint (counts[2], ==, 0);

  g_assert_true (ward_target_compute_progress (f->store, target (f, "admissions"), "2026-11-27",
                                               &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (p.has_value);
  g_assert_cmpfloat (p.value, ==, 2);
  /* The even path from 0 at the congress is at 143 on 27/11/2026. */
  g_assert_cmpfloat_with_epsilon (p.expected_today, 600.0 * (1 + 331.0 / 365 - 228.0 / 365)
                                                    / (6 - 228.0 / 365), 1e-6);
  g_assert_cmpint (p.verdict, ==, WARD_VERDICT_BEHIND);
}

static void
test_readings_stats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (WardReading) reading = save_rate (f, 2026, FALSE, 96.5, TRUE);
  g_autoptr (JsonNode) stats = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *targets;
  gboolean found = FALSE;

  g_setenv ("WARD_TODAY", "2026-11-27", TRUE);
  stats = ward_stats_collect (f->store, &error);
  g_assert_no_error (error);
  targets = json_object_get_array_member (json_node_get_object (stats), "targets");
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *o = json_array_get_object_element (targets, i);

      g_assert_true (json_object_has_member (o, "verdict"));
      if (g_strcmp0 (json_object_get_string_member (o, "code"), "health-insurance") != 0)
        continue;
      found = TRUE;
      g_assert_cmpfloat (json_object_get_double_member (o, "value"), ==, 96.5);
      g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "met");
      g_assert_cmpint (json_object_get_int_member (o, "readings"), ==, 1);
    }
  g_assert_true (found);
}

static void
run_import (Fixture          *f,
            const char       *csv,
            WardImportResult *result)
{
  g_autoptr (GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr (WardCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING };

  table = ward_csv_read_bytes (bytes, "readings.csv", &error);
  g_assert_no_error (error);
  g_assert_true (ward_import_run (f->store, &ward_readings_import_kind, table, &context, FALSE,
                                  NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
}

static gboolean
has_issue (GPtrArray  *issues,
           guint       row,
           const char *part)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardCsvIssue *issue = issues->pdata[i];

      if (issue->row == row && strstr (issue->message, part) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The same rules as the dialog, every bad row reported, nothing stored;
 * then a good file, exported and read back, adds nothing the second time. */
static void
test_readings_import_export (Fixture       *f,
                             gconstpointer  data)
{
  g_auto (WardImportResult) bad = { 0 };
  g_auto (WardImportResult) good = { 0 };
  g_auto (WardImportResult) again = { 0 };
  g_auto (WardImportResult) conflict = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "export.csv", NULL);
  g_autofree char *exported = NULL;
  g_autoptr (GError) error = NULL;
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING };

  run_import (f,
              "Chỉ tiêu,Kỳ,Giá trị,Trạng thái\r\n"
              "health-insurance,2026,96,Chính thức\r\n"
              "health-insurance,2024,96,\r\n"
              "Tỷ lệ phủ sóng 5G,2026,120,\r\n"
              "không có,2026,1,\r\n"
              "roads,2026,80,đã xong\r\n", &bad);
  g_assert_false (bad.committed);
  g_assert_cmpuint (bad.n_errors, ==, 4);
  g_assert_true (has_issue (bad.issues, 3, "outside the term"));
  g_assert_true (has_issue (bad.issues, 4, "between 0% and 100%"));
  g_assert_true (has_issue (bad.issues, 5, "No target"));
  g_assert_true (has_issue (bad.issues, 6, "Chính thức"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings"), ==, 0);

  run_import (f,
              "Mã chỉ tiêu;Kỳ;Giá trị;Chỉ tiêu giao;Đã giao;Trạng thái;Số văn bản;Ngày văn bản;Đơn vị\n"
              "health-insurance;2025;94,5;;;Chính thức;12/BC-UBND;15/01/2026;Trạm Y tế\n"
              "Bảo hiểm y tế;6 tháng đầu năm 2026;95,2;;;Dự thảo;;;\n"
              "recruitment;2026;;20;18;Chính thức;;;Ban Chỉ huy Quân sự\n"
              "income;2026;82.500.000;;;;;;\n", &good);
  g_assert_true (good.committed);
  g_assert_cmpuint (good.added, ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings WHERE status = 'final'"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings WHERE value = 82500000"), ==, 1);

  g_assert_true (ward_export_to_path (f->store, &ward_readings_import_kind, &context, path, WARD_OUTPUT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &exported, NULL, &error));
  g_assert_nonnull (strstr (exported, "health-insurance,6 tháng đầu năm 2026,\"95,2\",,,Dự thảo"));
  g_assert_nonnull (strstr (exported, "recruitment,2026,,20,18,Chính thức,,,Ban Chỉ huy Quân sự"));
  run_import (f, exported, &again);
  g_assert_cmpuint (again.added, ==, 0);
  g_assert_cmpuint (again.skipped, ==, 4);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings"), ==, 4);
  g_unlink (path);

  /* Another value for a stored reading: a conflict naming both, nothing stored. */
  run_import (f,
              "Mã chỉ tiêu;Kỳ;Giá trị;Trạng thái\n"
              "health-insurance;2025;95;Chính thức\n", &conflict);
  g_assert_false (conflict.committed);
  g_assert_true (has_issue (conflict.issues, 2, "«Giá trị»: stored “94,5”, in the file “95”"));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM readings WHERE value = 95"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/readings/validate", test_readings_validate);
  ADD ("/readings/counted-target", test_readings_counted_target);
  ADD ("/readings/set-text", test_readings_set_text);
  ADD ("/readings/one-final", test_readings_one_final);
  ADD ("/readings/save-load", test_readings_save_load);
  ADD ("/readings/delete-restore", test_readings_delete_restore);
  ADD ("/readings/progress", test_readings_progress);
  ADD ("/readings/counted-progress", test_readings_counted_progress);
  ADD ("/readings/baseline", test_readings_baseline);
  ADD ("/readings/stats", test_readings_stats);
  ADD ("/readings/import-export", test_readings_import_export);
#undef ADD
  g_test_add_func ("/readings/parse-period", test_readings_parse_period);

  return g_test_run ();
}
