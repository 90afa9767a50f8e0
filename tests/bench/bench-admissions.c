/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-admissions"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "admissions/ward-admissions.h"
#include "admissions/ward-candidate-filter.h"
#include "import/ward-import-csv.h"
#include "import/ward-import.h"
#include "store/ward-store-row-model.h"

/* The admission page with 20,000 candidates: generates them (through the
 * spreadsheet import, so with every rule), then times what the page does
 * with them: the one query that loads the list, sorting by name, and each
 * kind of filter change, over the same model and filter objects the page
 * uses. Prints figures; never fails on them.
 *
 *   meson test -C BUILD --benchmark admissions --verbose
 *   WARD_BENCH_CANDIDATES=50000 BUILD/tests/bench/bench-admissions
 *   WARD_BENCH_DATABASE=/tmp/big.sqlite3 BUILD/tests/bench/bench-admissions
 *     (keeps the file, to open it in the application) */

static const char * const family[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
  "Hồ", "Ngô", "Dương", "Lý",
};
static const char * const middle[] = {
  "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Xuân", "Quang", "Thu", "Hồng", "Kim",
};
static const char * const given[] = {
  "An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng",
  "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phương", "Quân",
  "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến",
};

static int
env_int (const char *name,
         int         fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? atoi (value) : fallback;
}

static void
add_date (GString *csv,
          int      year,
          int      day_of_year)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, 1, year);

  g_date_add_days (date, day_of_year);
  if (csv->len > 0 && csv->str[csv->len - 1] != '\n')
    g_string_append_c (csv, ',');
  g_string_append_printf (csv, "%02d/%02d/%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

/* Every name + birth date is distinct; stages up to the ceremony, in order. */
static GBytes *
generate_csv (int n)
{
  GString *csv = g_string_new ("Họ và tên,Ngày sinh,Giới tính,Chi bộ,Tổ dân phố,"
                               "Ngày vào danh sách cảm tình,Ngày cấp giấy chứng nhận,"
                               "Số nghị quyết chi bộ,Ngày nghị quyết chi bộ,Số quyết định kết nạp,"
                               "Ngày quyết định kết nạp,Ngày kết nạp\r\n");
  GRand *rand = g_rand_new_with_seed (20251117);

  for (int i = 0; i < n; i++)
    {
      int stage = g_rand_int_range (rand, 0, 5);
      int start = g_rand_int_range (rand, 0, 200);

      g_string_append_printf (csv, "%s %s %s", family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))],
                              middle[g_rand_int_range (rand, 0, G_N_ELEMENTS (middle))],
                              given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))]);
      /* One birth date each keeps every person distinct: from 1950 on,
       * the youngest still 20 at the resolution. */
      add_date (csv, 1950, i % 20000);
      g_string_append_printf (csv, ",%s,Chi bộ Khu phố %d,Tổ %d", i % 2 ? "Nam" : "Nữ",
                              1 + g_rand_int_range (rand, 0, 12), 1 + g_rand_int_range (rand, 0, 30));
      add_date (csv, 2025, start);
      if (stage >= 1)
        add_date (csv, 2025, start + 20);
      else
        g_string_append (csv, ",");
      if (stage >= 2)
        {
          g_string_append_printf (csv, ",%d-NQ/CB", i);
          add_date (csv, 2025, start + 150);
        }
      else
        g_string_append (csv, ",,");
      if (stage >= 3)
        {
          g_string_append_printf (csv, ",%d-QĐ/ĐU", i);
          add_date (csv, 2025, start + 160);
        }
      else
        g_string_append (csv, ",,");
      if (stage >= 4)
        add_date (csv, 2025, start + 170);
      else
        g_string_append (csv, ",");
      g_string_append (csv, "\r\n");
    }
  g_rand_free (rand);
  return g_string_free_to_bytes (csv);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const WardCandidateRow *ra = ward_row_item_get_row ((gpointer) a);
  const WardCandidateRow *rb = ward_row_item_get_row ((gpointer) b);
  int cmp = g_strcmp0 (ra->sort_key, rb->sort_key);

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

typedef struct
{
  WardRowModel        *model;
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
  WardCandidateFilter *filter;
} Pipeline;

/* Runs the main context until the incremental filter has seen every row;
 * returns the milliseconds until the first rows were there and until the
 * end. */
static double
settle (Pipeline *p,
        gint64    start,
        double   *first_ms)
{
  *first_ms = -1;
  while (gtk_filter_list_model_get_pending (p->filtered) > 0)
    {
      if (*first_ms < 0 && g_list_model_get_n_items (G_LIST_MODEL (p->filtered)) > 0)
        *first_ms = (g_get_monotonic_time () - start) / 1000.0;
      g_main_context_iteration (NULL, FALSE);
    }
  if (*first_ms < 0)
    *first_ms = (g_get_monotonic_time () - start) / 1000.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef enum { BY_TEXT, BY_CELL, BY_STAGE } ChangeKind;

static void
time_changes (Pipeline *p,
              gboolean  incremental)
{
  static const struct
  {
    const char *what;
    ChangeKind  kind;
    const char *text;
    int         value;
  } changes[] = {
    { "text “nguyen thi hoa”", BY_TEXT, "nguyen thi hoa", 0 },
    { "text narrowed “… kh”", BY_TEXT, "nguyen thi hoa kh", 0 },
    { "text “tran van”", BY_TEXT, "tran van", 0 },
    { "text cleared", BY_TEXT, "", 0 },
    { "one chi bộ", BY_CELL, NULL, 3 },
    { "every chi bộ", BY_CELL, NULL, WARD_CANDIDATE_FILTER_ANY },
    { "stage: ceremony", BY_STAGE, NULL, WARD_STAGE_CEREMONY },
    { "every stage", BY_STAGE, NULL, WARD_CANDIDATE_FILTER_ANY },
  };

  gtk_filter_list_model_set_incremental (p->filtered, incremental);
  g_print ("  %s filtering:\n", incremental ? "incremental (as the page)" : "whole");
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double first, total;

      if (changes[i].kind == BY_TEXT)
        ward_candidate_filter_set_text (p->filter, changes[i].text);
      else if (changes[i].kind == BY_CELL)
        ward_candidate_filter_set_cell (p->filter, changes[i].value);
      else
        ward_candidate_filter_set_stage (p->filter, changes[i].value);
      total = settle (p, start, &first);
      if (incremental)
        g_print ("    %-24s first rows %6.2f ms, all %6.2f ms, %5u shown\n", changes[i].what, first, total,
                 g_list_model_get_n_items (G_LIST_MODEL (p->filtered)));
      else
        g_print ("    %-24s %6.2f ms, %5u shown\n", changes[i].what, total,
                 g_list_model_get_n_items (G_LIST_MODEL (p->filtered)));
    }
}

static void
bench_page_model (WardStore *store)
{
  g_autoptr (WardRows) list = NULL;
  g_autoptr (GError) error = NULL;
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_names, NULL, NULL));
  Pipeline p;
  gint64 start;

  start = g_get_monotonic_time ();
  list = ward_candidate_rows_load (store, &error);
  g_assert_no_error (error);
  g_print ("  load %u rows (one query):   %7.2f ms\n", ward_rows_get_n (list),
           (g_get_monotonic_time () - start) / 1000.0);

  p.model = ward_row_model_new (NULL);
  p.sorted = gtk_sort_list_model_new (G_LIST_MODEL (p.model), sorter);
  p.filter = ward_candidate_filter_new ();
  p.filtered = gtk_filter_list_model_new (G_LIST_MODEL (p.sorted), GTK_FILTER (g_object_ref (p.filter)));

  start = g_get_monotonic_time ();
  ward_row_model_set_rows (p.model, list);
  g_print ("  set the model, sort by name: %7.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  time_changes (&p, FALSE);
  time_changes (&p, TRUE);

  g_object_unref (p.filtered);
  g_object_unref (p.filter);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (WardCsvTable) table = NULL;
  WardImportResult result = { 0, };
  WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  int n = MIN (env_int ("WARD_BENCH_CANDIDATES", 20000), 20000 * 2);
  gint64 start;

  setlocale (LC_ALL, "");
  if (g_getenv ("WARD_BENCH_DATABASE") != NULL)
    path = g_strdup (g_getenv ("WARD_BENCH_DATABASE"));
  else
    {
      dir = g_dir_make_tmp ("bench-admissions-XXXXXX", NULL);
      path = g_build_filename (dir, "ward.sqlite3", NULL);
    }
  store = ward_store_open (path, &error);
  g_assert_no_error (error);

  g_print ("Admission register, %d candidates\n", n);
  csv = generate_csv (n);
  table = ward_csv_read_bytes (csv, "members.csv", &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (!ward_import_run (store, &ward_admissions_import_kind, table, &context, FALSE, NULL, NULL, NULL,
                        &result, &error) || !result.committed)
    g_error ("the generated file did not import: %s (%u rows with errors)",
             error != NULL ? error->message : "", result.n_errors);
  g_print ("  import with every rule:      %7.2f ms (%u added)\n",
           (g_get_monotonic_time () - start) / 1000.0, result.added);
  ward_import_result_clear (&result);

  bench_page_model (store);

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
