/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-disclosure"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "base/ward-format.h"
#include "donations/ward-donations-ledger.h"
#include "reports/ward-reports.h"

/* The disclosure list of 100,000 receipts written as PDF by the report
 * engine, and its table as an Excel workbook, set beside LibreOffice's
 * headless conversion of the same entries from CSV to PDF, in the same
 * run. Prints the medians of a few runs; not a test, it never fails on a
 * figure.
 *
 *   meson test -C BUILD --benchmark disclosure --verbose
 *   WARD_BENCH_ENTRIES=20000 WARD_BENCH_RUNS=5 BUILD/tests/bench/bench-disclosure */

typedef struct
{
  char      *dir;
  WardStore *store;
  int        n_entries;
  int        n_runs;
} Bench;

static int
env_int (const char *name,
         int         fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? atoi (value) : fallback;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len == 0)
    return 0;
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1)
          + g_array_index (times, double, times->len / 2)) / 2;
}

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static const char * const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
};
static const char * const middle_names[] = {
  "Văn", "Thị", "Hữu", "Minh", "Thu", "Đức", "Ngọc", "Quang",
};
static const char * const given_names[] = {
  "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khánh", "Lan", "Long",
  "Mai", "Nam", "Nga", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Yến",
};

/* Names as a ward's list holds them: family, middle and given name. */
static char *
donor_name (int i)
{
  return g_strdup_printf ("%s %s %s", family_names[i % G_N_ELEMENTS (family_names)],
                          middle_names[(i / 12) % G_N_ELEMENTS (middle_names)],
                          given_names[(i / 96) % G_N_ELEMENTS (given_names)]);
}

/* Receipts through the ledger's own rules, in one transaction. */
static void
fill_ledger (Bench *bench,
             FILE  *csv)
{
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;

  campaign = ward_ledger_default_campaign (bench->store, &error);
  if (campaign == NULL || !ward_store_begin (bench->store, &error))
    die ("campaign", error);
  fprintf (csv, "STT,Số biên lai,Họ và tên người ủng hộ,Đơn vị / Tổ dân phố,Số tiền (đồng)\n");
  for (int i = 1; i <= bench->n_entries; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *donor = donor_name (i);
      g_autofree char *group = g_strdup_printf ("Tổ dân phố %d", i % 24 + 1);
      WardReceiptInput input = {
        .receipt_number = number, .date = "2025-10-01", .donor = donor,
        .donor_kind = WARD_DONOR_PERSON, .donor_group = group,
        .amount = (i % 20 + 1) * 10000, .method = WARD_PAYMENT_CASH, .collector = "Lê Thị Thu",
      };

      if (!ward_ledger_add_receipt (bench->store, campaign, &input, NULL, NULL, &error))
        die ("receipt", error);
      fprintf (csv, "%d,%s,%s,%s,%" G_GINT64_FORMAT "\n", i, number, donor, group, input.amount);
    }
  if (!ward_store_commit (bench->store, &error))
    die ("commit", error);
}

static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *pages;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL) || out == NULL)
    return 0;
  pages = strstr (out, "\nPages:");
  return pages != NULL ? atoi (pages + strlen ("\nPages:")) : 0;
}

/* The same report's tables as a workbook. */
static void
time_xlsx (Bench      *bench,
           WardReport *report,
           GArray     *xlsx_times)
{
  g_autofree char *xlsx = g_build_filename (bench->dir, "ward.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!ward_report_write_xlsx (report, xlsx, WARD_OUTPUT_REPLACE, &error))
    die ("workbook", error);
  seconds = seconds_since (start);
  g_array_append_val (xlsx_times, seconds);
}

static void
run_ward (Bench  *bench,
          GArray *build_times,
          GArray *write_times,
          GArray *total_times,
          GArray *xlsx_times,
          int    *pages)
{
  g_autoptr (WardReportSettings) settings = ward_report_settings_new ();
  g_autofree char *pdf = g_build_filename (bench->dir, "ward.pdf", NULL);
  g_autoptr (GError) error = NULL;
  WardReportOptions options = { .today = "2026-11-27" };

  if (!ward_report_settings_fill_from_store (settings, bench->store, &error))
    die ("settings", error);
  for (int run = 0; run < bench->n_runs; run++)
    {
      g_autoptr (WardReport) report = NULL;
      gint64 start = g_get_monotonic_time ();
      double built, total;

      report = ward_reports_build (bench->store, WARD_REPORT_KIND_DONATIONS, settings, &options,
                                   &error);
      if (report == NULL)
        die ("report", error);
      built = seconds_since (start);
      if (!ward_report_write_pdf (report, pdf, WARD_OUTPUT_REPLACE, &error))
        die ("PDF", error);
      total = seconds_since (start);
      g_array_append_val (build_times, built);
      total -= built;
      g_array_append_val (write_times, total);
      total += built;
      g_array_append_val (total_times, total);
      *pages = ward_report_get_n_pages (report);
      g_printerr ("  Ward Tracker run %d: %.2f s\n", run + 1, total);
      time_xlsx (bench, report, xlsx_times);
    }
}

static gboolean
convert_with_libreoffice (Bench      *bench,
                          const char *soffice,
                          const char *csv,
                          double     *seconds)
{
  g_autofree char *profile = g_build_filename (bench->dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  /* Comma, double quote, UTF-8 (76), from line 1. */
  const char *argv[] = {
    soffice, user_installation, "--headless", "--infilter=CSV:44,34,76,1",
    "--convert-to", "pdf", "--outdir", bench->dir, csv, NULL
  };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("LibreOffice: %s\n", error->message);
      return FALSE;
    }
  *seconds = seconds_since (start);
  return TRUE;
}

static void
run_libreoffice (Bench      *bench,
                 const char *csv,
                 GArray     *times,
                 int        *pages)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdf = g_build_filename (bench->dir, "disclosure.pdf", NULL);
  double seconds;

  if (soffice == NULL)
    return;
  /* The first start creates LibreOffice's profile: not counted. */
  if (!convert_with_libreoffice (bench, soffice, csv, &seconds))
    return;
  g_printerr ("  LibreOffice warm-up: %.2f s\n", seconds);
  for (int run = 0; run < bench->n_runs; run++)
    {
      g_unlink (pdf);
      if (!convert_with_libreoffice (bench, soffice, csv, &seconds))
        return;
      g_array_append_val (times, seconds);
      g_printerr ("  LibreOffice run %d: %.2f s\n", run + 1, seconds);
    }
  *pages = pdf_pages (pdf);
}

static void
print_table (Bench  *bench,
             GArray *build_times,
             GArray *write_times,
             GArray *total_times,
             GArray *xlsx_times,
             int     ward_pages,
             GArray *lo_times,
             int     lo_pages)
{
  g_autofree char *n = ward_format_number (bench->n_entries);
  double ward = median (total_times);
  double lo = median (lo_times);

  printf ("\nDisclosure list of %s receipts to PDF, median of %d runs\n", n, bench->n_runs);
  printf ("  %-34s %9s %7s\n", "", "seconds", "pages");
  printf ("  %-34s %9.2f\n", "Ward Tracker: build the report", median (build_times));
  printf ("  %-34s %9.2f\n", "Ward Tracker: lay out, write PDF", median (write_times));
  printf ("  %-34s %9.2f %7d\n", "Ward Tracker: total", ward, ward_pages);
  printf ("  %-34s %9.2f\n", "Ward Tracker: its table as .xlsx", median (xlsx_times));
  if (lo_times->len > 0)
    {
      printf ("  %-34s %9.2f %7d\n", "LibreOffice: CSV to PDF (headless)", lo, lo_pages);
      printf ("  LibreOffice / Ward Tracker: %.1f×\n", ward > 0 ? lo / ward : 0);
    }
  else
    printf ("  LibreOffice (soffice) is not installed: no comparison.\n");
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GArray) build_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) write_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) xlsx_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) lo_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  Bench bench = { 0 };
  int ward_pages = 0, lo_pages = 0;
  gint64 start;
  FILE *out;

  setlocale (LC_ALL, "");
  g_setenv ("WARD_TODAY", "2026-11-27", TRUE);
  bench.n_entries = env_int ("WARD_BENCH_ENTRIES", 100000);
  bench.n_runs = env_int ("WARD_BENCH_RUNS", 3);
  bench.dir = g_dir_make_tmp ("ward-bench-XXXXXX", &error);
  if (bench.dir == NULL)
    die ("folder", error);
  db = g_build_filename (bench.dir, "ward.sqlite3", NULL);
  csv = g_build_filename (bench.dir, "disclosure.csv", NULL);
  bench.store = ward_store_open (db, &error);
  if (bench.store == NULL)
    die ("store", error);

  start = g_get_monotonic_time ();
  out = fopen (csv, "w");
  if (out == NULL)
    die ("CSV", NULL);
  fill_ledger (&bench, out);
  fclose (out);
  g_printerr ("  %d receipts recorded in %.1f s\n", bench.n_entries, seconds_since (start));

  run_ward (&bench, build_times, write_times, total_times, xlsx_times, &ward_pages);
  run_libreoffice (&bench, csv, lo_times, &lo_pages);
  print_table (&bench, build_times, write_times, total_times, xlsx_times, ward_pages, lo_times,
               lo_pages);

  g_clear_object (&bench.store);
  remove_tree (bench.dir);
  g_free (bench.dir);
  return 0;
}
