/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

/* The benchmark suite of issue 13: Ward Tracker at the scale of a large
 * ward (tests/bench/ward-bench-generate.c), each figure set beside what an
 * office would otherwise use, as the median of WARD_BENCH_RUNS runs (5).
 * It reports; it never fails on a figure.
 *
 *   meson test -C BUILD --benchmark suite --verbose
 *
 * The window rows need a display (meson runs the suite under xvfb-run and
 * dbus-run-session); the LibreOffice row needs soffice; rows whose tool is
 * missing say so and are skipped. The generated ward is kept in BUILD/tests/
 * bench/ward-data (WARD_BENCH_DIR elsewhere) and made again when the
 * generator changes. */

typedef struct
{
  const char *tracker;
  const char *cli;
  const char *bare;
  const char *filter;
  const char *switcher;
  const char *generate;
  char       *data;      /* the generated ward and its CSV files */
  char       *work;      /* scratch, removed at the end */
  char       *big;       /* a copy of the ward that the runs may open */
  char      **env;
  int         runs;
  char      **only;      /* WARD_BENCH_ONLY: the rows to run ("import,stats"), NULL for all */
  GString    *table;
} Suite;

typedef struct
{
  double seconds;
  long   max_rss_kb;
  int    status;
} Run;

/* ---- Small helpers -------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

static char *
in_dir (const char *dir,
        const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : -1;
}

/* Runs @argv with stdout and stderr into @log, and measures the wall time
 * from the start to the exit and the child's peak resident memory. */
static Run
run_command (Suite              *suite,
             const char * const *argv,
             const char         *log)
{
  g_autoptr (GError) error = NULL;
  Run run = { -1, 0, -1 };
  struct rusage usage;
  GPid pid;
  gint64 start;
  int fd = open (log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int status = 0;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_fds (NULL, (char **) argv, suite->env,
                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &pid, -1, fd, fd, &error))
    {
      g_printerr ("  %s: %s\n", argv[0], error->message);
      close (fd);
      return run;
    }
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  run.seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  run.max_rss_kb = usage.ru_maxrss;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  close (fd);
  g_spawn_close_pid (pid);
  return run;
}

/* Runs @argv @suite->runs times (after @warm_up runs not counted); the
 * median time, and the median peak memory in @rss_out (may be NULL).
 * -1 if a run fails (its output is shown). */
static double
measure (Suite              *suite,
         const char         *what,
         const char * const *argv,
         void              (*before_each) (Suite *),
         int                 warm_up,
         double             *rss_out)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *log = in_dir (suite->work, "run.log");

  for (int i = 0; i < warm_up + suite->runs; i++)
    {
      Run run;
      double kb;

      if (before_each != NULL)
        before_each (suite);
      run = run_command (suite, argv, log);
      if (run.status != 0)
        {
          g_autofree char *output = NULL;

          g_file_get_contents (log, &output, NULL, NULL);
          g_printerr ("  %s failed (exit %d):\n%s\n", what, run.status, output ? output : "");
          return -1;
        }
      g_printerr ("  %-44s %s %7.3f s %7.1f MB\n", what, i < warm_up ? "warm-up" : "run    ",
                  run.seconds, run.max_rss_kb / 1024.0);
      if (i < warm_up)
        continue;
      kb = (double) run.max_rss_kb;
      g_array_append_val (times, run.seconds);
      g_array_append_val (rss, kb);
    }
  if (rss_out != NULL)
    *rss_out = median (rss) / 1024.0;
  return median (times);
}

/* ---- The table ------------------------------------------------------------ */

/* A figure beside its yardstick: @other < 0 is a yardstick that could not
 * be measured (its tool missing), @other_name NULL none at all. The rows
 * are printed together at the end, after the runs' progress. */
static void
add_row (Suite      *suite,
         const char *what,
         double      value,
         const char *unit,
         const char *other_name,
         double      other,
         const char *aim,
         gboolean    met)
{
  g_autofree char *mine = value < 0 ? g_strdup ("failed") : g_strdup_printf ("%.3g %s", value, unit);
  g_autofree char *theirs = NULL;
  g_autofree char *ratio = NULL;

  if (other_name == NULL)
    theirs = g_strdup ("");
  else if (other < 0)
    theirs = g_strdup_printf ("%s: skipped", other_name);
  else
    theirs = g_strdup_printf ("%s %.3g %s", other_name, other, unit);
  ratio = other > 0 && value > 0 ? g_strdup_printf ("%.2f×", value / other) : g_strdup ("");
  g_string_append_printf (suite->table, "%-42s %12s  %-28s %7s  %s%s\n", what, mine, theirs, ratio,
                          aim, value < 0 || aim[0] == '\0' ? "" : met ? " (met)" : " (missed)");
}

static void
add_note (Suite      *suite,
          const char *what,
          const char *note)
{
  g_string_append_printf (suite->table, "%-42s %12s  %s\n", what, "", note);
}

/* A figure with a remark in the column of the yardstick. */
static void
add_row_with_remark (Suite      *suite,
                     const char *what,
                     double      value,
                     const char *unit,
                     const char *remark,
                     const char *aim,
                     gboolean    met)
{
  g_autofree char *mine = value < 0 ? g_strdup ("failed") : g_strdup_printf ("%.3g %s", value, unit);

  g_string_append_printf (suite->table, "%-42s %12s  %-28s %7s  %s%s\n", what, mine, remark, "", aim,
                          value < 0 || aim[0] == '\0' ? "" : met ? " (met)" : " (missed)");
}

static void
print_table (Suite *suite)
{
  printf ("\nWard Tracker at the scale of a large ward (20,000 candidates, 5,000 enterprises,\n"
          "100,000 receipts): median of %d runs\n\n", suite->runs);
  printf ("%-42s %12s  %-28s %7s  %s\n", "", "Ward Tracker", "set beside", "ratio", "aim");
  printf ("%s", suite->table->str);
  printf ("\nRepeat: meson test -C BUILD --benchmark suite --verbose "
          "(WARD_BENCH_RUNS=%d)\n", suite->runs);
  fflush (stdout);
}

/* ---- The ward ------------------------------------------------------------- */

static gboolean
ensure_data (Suite *suite)
{
  g_autofree char *stamp = in_dir (suite->data, "stamp");
  g_autofree char *db = in_dir (suite->data, "big.sqlite3");
  g_autofree char *log = in_dir (suite->work, "generate.log");
  const char *argv[] = { suite->generate, suite->data, NULL };
  Run run;

  if (mtime_of (stamp) >= mtime_of (suite->generate) && mtime_of (db) > 0)
    return TRUE;
  g_printerr ("  generating the ward in %s …\n", suite->data);
  run = run_command (suite, argv, log);
  if (run.status != 0)
    {
      g_autofree char *output = NULL;

      g_file_get_contents (log, &output, NULL, NULL);
      g_printerr ("ward-bench-generate failed:\n%s\n", output ? output : "");
      return FALSE;
    }
  g_printerr ("  generated in %.1f s\n", run.seconds);
  return g_file_set_contents (stamp, "", 0, NULL);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/* ---- The rows ------------------------------------------------------------- */

static gboolean
have_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

/* The window opens on the page it showed last: @page, here (a settings
 * key file that says so). */
static double
measure_on_page (Suite              *suite,
                 const char         *page,
                 const char         *what,
                 const char * const *argv,
                 double             *rss_out)
{
  g_autofree char *config = in_dir (suite->work, "page-config");
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[io/github/wardtracker/WardTracker]\nlast-page='%s'\n", page);
  char **saved = suite->env;
  double seconds;

  if (g_mkdir_with_parents (settings_dir, 0700) != 0
      || !g_file_set_contents (keyfile, contents, -1, NULL))
    return -1;
  suite->env = g_strdupv (saved);
  suite->env = g_environ_setenv (suite->env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  suite->env = g_environ_setenv (suite->env, "XDG_CONFIG_HOME", config, TRUE);
  seconds = measure (suite, what, argv, NULL, 1, rss_out);
  g_strfreev (suite->env);
  suite->env = saved;
  return seconds;
}

/* The pages the window can open on (the last one shown), by their names in
 * the window's stack and in the table. */
static const char * const start_pages[][2] = {
  { "overview", "overview" }, { "targets", "targets" }, { "programme", "programme" },
  { "admissions", "admissions" }, { "enterprises", "enterprises" }, { "donations", "donations (ledger)" },
};

/* Start to first frame on each page, each set beside the bare window
 * measured again just before it: on a shared machine the load changes in the
 * minutes the pages take, and a yardstick measured once at the start would
 * make the last pages look slower or faster than they are. The aim of issue
 * 25 is 1.3× the bare window on every one. */
static void
bench_start_pages (Suite              *suite,
                   const char * const *argv,
                   const char * const *bare,
                   double             *ledger_mb)
{
  for (guint i = 0; i < G_N_ELEMENTS (start_pages); i++)
    {
      g_autofree char *what = g_strdup_printf ("ward-tracker, large file, %s page", start_pages[i][0]);
      g_autofree char *row = g_strdup_printf ("  the same, opening on the %s page", start_pages[i][1]);
      double mb = 0;
      double bare_s = measure (suite, "bare libadwaita window", bare, NULL, 1, NULL);
      double seconds = measure_on_page (suite, start_pages[i][0], what, argv, &mb);

      add_row (suite, row, seconds, "s", "bare window", bare_s, "≤ 1.3× bare",
               seconds > 0 && seconds <= 1.3 * bare_s);
      if (g_str_equal (start_pages[i][0], "donations"))
        *ledger_mb = mb;
    }
}

static void
bench_start (Suite *suite)
{
  g_autofree char *empty = in_dir (suite->work, "empty.sqlite3");
  const char *bare[] = { suite->bare, NULL };
  const char *ward[] = { suite->tracker, "--database", suite->big, "--quit-after-first-frame", NULL };
  const char *fresh[] = { suite->tracker, "--database", empty, "--quit-after-first-frame", NULL };
  const char *checked[] = { suite->tracker, "--database", suite->big, "--quit-after-checks", NULL };
  double bare_s, ward_s, empty_s, checked_s, ledger_checked_s;
  double bare_mb = 0, ward_mb = 0, empty_mb = 0, ledger_mb = 0, checked_mb = 0, ledger_checked_mb = 0;

  if (!have_display ())
    {
      add_note (suite, "Start to first frame", "skipped: no display (run the suite under xvfb-run)");
      return;
    }
  bare_s = measure (suite, "bare libadwaita window", bare, NULL, 1, &bare_mb);
  empty_s = measure (suite, "ward-tracker, new empty file", fresh, NULL, 1, &empty_mb);
  ward_s = measure (suite, "ward-tracker, large file", ward, NULL, 1, &ward_mb);
  add_row (suite, "Start to first frame, large file", ward_s, "s", "bare window", bare_s,
           "≤ 1.3× bare", ward_s > 0 && ward_s <= 1.3 * bare_s);
  bench_start_pages (suite, ward, bare, &ledger_mb);
  /* After the first frame the window checks the file on a worker thread
   * (integrity, the ledger's chain); writes wait for it. */
  checked_s = measure (suite, "ward-tracker, large file, until its checks are done", checked, NULL, 1,
                       &checked_mb);
  /* The ledger's 100,000 entries are read on a worker thread after the
   * first frame (a fifth of a second), well before the checks end. */
  ledger_checked_s = measure_on_page (suite, "donations",
                                      "ward-tracker, large file, donations page, until checked",
                                      checked, &ledger_checked_mb);
  add_row (suite, "Start to first frame, new empty file", empty_s, "s", "bare window", bare_s, "", FALSE);
  add_row (suite, "Start until the file checks are done, large file", checked_s, "s", NULL, 0, "", FALSE);
  add_row (suite, "  the same, on the donations page", ledger_checked_s, "s", NULL, 0, "", FALSE);
  add_row (suite, "Peak memory, large file open", ward_mb, "MB", "bare window", bare_mb,
           "< 200 MB", ward_mb > 0 && ward_mb < 200);
  add_row (suite, "  the same, on the donations page", ledger_mb, "MB", "bare window", bare_mb,
           "< 200 MB", ledger_mb > 0 && ledger_mb < 200);
  add_row (suite, "  the same, until the file checks are done", checked_mb, "MB", "bare window", bare_mb,
           "< 200 MB", checked_mb > 0 && checked_mb < 200);
  add_row (suite, "  the same, on the donations page, entries read", ledger_checked_mb, "MB", "bare window",
           bare_mb, "≤ bare + 60 MB", ledger_checked_mb > 0 && ledger_checked_mb <= bare_mb + 60);
}

/* A time's median, 95th percentile and worst, as one row of the table:
 * the aim of issue 25 is one frame (16 ms) at the 95th percentile and
 * 50 ms for the worst. */
static void
add_latency_row (Suite      *suite,
                 const char *what,
                 double      median,
                 double      p95,
                 double      worst,
                 gboolean    aimed)
{
  g_autofree char *remark = median < 0 ? g_strdup ("") : g_strdup_printf ("p95 %.0f ms, worst %.0f ms", p95, worst);

  add_row_with_remark (suite, what, median, "ms", remark, aimed ? "p95 ≤ 16 ms, worst ≤ 50 ms" : "",
                       median >= 0 && p95 <= 16 && worst <= 50);
}

/* One line from ward-bench-filter: keystrokes, the first frame's median,
 * 95th percentile and worst, the same to the complete list (ms), rows
 * shown at the end, the same three of the longest busy stretch. */
static void
bench_filter_page (Suite      *suite,
                   const char *page,
                   const char *title,
                   const char *text)
{
  g_autofree char *runs = g_strdup_printf ("%d", suite->runs);
  const char *argv[] = { suite->filter, page, suite->big, text, runs, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0, n = 0;
  unsigned rows = 0;
  double first = -1, first_p95 = 0, first_worst = 0, done = -1, done_p95 = 0, done_worst = 0;
  double stretch = -1, stretch_p95 = 0, stretch_worst = 0;

  if (!g_spawn_sync (NULL, (char **) argv, suite->env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL)
      || sscanf (out, "%d %lf %lf %lf %lf %lf %lf %u %lf %lf %lf", &n, &first, &first_p95, &first_worst, &done,
                 &done_p95, &done_worst, &rows, &stretch, &stretch_p95, &stretch_worst) != 11)
    {
      g_printerr ("  ward-bench-filter %s failed:\n%s\n", page, err ? err : "");
      first = done = stretch = -1;
    }
  else
    g_printerr ("  %s: %d keystrokes typed and erased, first frame p95 %.1f ms, worst %.1f ms; "
                "complete list p95 %.1f ms, worst %.1f ms; longest busy stretch p95 %.1f ms, "
                "worst %.1f ms\n", title, n, first_p95, first_worst, done_p95, done_worst,
                stretch_p95, stretch_worst);
  add_latency_row (suite, title, first, first_p95, first_worst, TRUE);
  add_latency_row (suite, "  to the complete list", done, done_p95, done_worst, TRUE);
  add_latency_row (suite, "  longest busy stretch", stretch, stretch_p95, stretch_worst, TRUE);
}

static void
bench_filter (Suite *suite)
{
  if (!have_display ())
    {
      add_note (suite, "Filter keystroke", "skipped: no display (run the suite under xvfb-run)");
      return;
    }
  bench_filter_page (suite, "donations", "Search key, first frame: ledger", "nguyen van hung");
  bench_filter_page (suite, "admissions", "Search key, first frame: admissions", "tran thi lan");
  bench_filter_page (suite, "enterprises", "Search key, first frame: enterprises", "cong ty tnhh");
  bench_filter_page (suite, "programme", "Search key, first frame: programme", "xay dung");
}

/* ward-bench-switch: one line per page (first visit, median, p95, worst
 * in ms), then "all". */
static void
bench_switch (Suite *suite)
{
  g_autofree char *runs = g_strdup_printf ("%d", suite->runs);
  const char *argv[] = { suite->switcher, suite->big, runs, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  if (!have_display ())
    {
      add_note (suite, "Page switch", "skipped: no display (run the suite under xvfb-run)");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, suite->env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("  ward-bench-switch failed:\n%s\n", err ? err : "");
      add_note (suite, "Page switch", "failed");
      return;
    }
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char name[32];
      double first, median, p95, worst;
      g_autofree char *row = NULL;
      g_autofree char *visit = NULL;

      if (sscanf (lines[i], "%31s %lf %lf %lf %lf", name, &first, &median, &p95, &worst) != 5)
        continue;
      if (g_str_equal (name, "all"))
        {
          add_latency_row (suite, "Page switch, first frame: every page", median, p95, worst, TRUE);
          continue;
        }
      row = g_strdup_printf ("  to %s", name);
      visit = g_strdup_printf ("  first visit to %s (builds it)", name);
      add_latency_row (suite, row, median, p95, worst, FALSE);
      add_row (suite, visit, first, "ms", NULL, 0, "", FALSE);
    }
}

static void
remove_import_targets (Suite *suite)
{
  g_autofree char *ward = in_dir (suite->work, "import.sqlite3");
  g_autofree char *bare = in_dir (suite->work, "import-bare.sqlite3");

  g_unlink (ward);
  g_unlink (bare);
}

/* The import goes into a new file, made with `init` (only `init` makes a
 * file), untimed. */
static void
make_import_target (Suite *suite)
{
  g_autofree char *ward = in_dir (suite->work, "import.sqlite3");
  const char *argv[] = { suite->cli, "--database", ward, "init", NULL };
  int status = 0;

  remove_import_targets (suite);
  if (!g_spawn_sync (NULL, (char **) argv, suite->env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    g_printerr ("  ward-tracker-cli init failed\n");
}

static void
bench_import (Suite *suite)
{
  g_autofree char *csv = in_dir (suite->data, "donations.csv");
  g_autofree char *ward_db = in_dir (suite->work, "import.sqlite3");
  g_autofree char *bare_db = in_dir (suite->work, "import-bare.sqlite3");
  g_autofree char *import = g_strdup_printf (".import --csv '%s' donations", csv);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  const char *ward[] = { suite->cli, "--database", ward_db, "import", "donations", csv, NULL };
  const char *bare[] = { "sqlite3", bare_db, import, NULL };
  const char *empty[] = { suite->cli, "--database", ward_db, "init", NULL };
  double ward_s, bare_s = -1, empty_s;

  empty_s = measure (suite, "ward-tracker-cli init: a new file", empty, remove_import_targets, 0, NULL);
  ward_s = measure (suite, "ward-tracker-cli import donations", ward, make_import_target, 0, NULL);
  if (sqlite3 != NULL)
    bare_s = measure (suite, "sqlite3 .import into a bare table", bare, remove_import_targets, 0, NULL);
  add_row (suite, "Import 100,000 donations (CSV)", ward_s, "s", "sqlite3 .import", bare_s,
           "≤ 3× sqlite3", ward_s > 0 && bare_s > 0 && ward_s <= 3 * bare_s);
  add_row (suite, "  making the new file first (init)", empty_s, "s", NULL, 0, "", FALSE);
}

static void
bench_pdf (Suite *suite)
{
  g_autofree char *pdf = in_dir (suite->work, "disclosure.pdf");
  g_autofree char *csv = in_dir (suite->data, "donations.csv");
  g_autofree char *profile = in_dir (suite->work, "lo-profile");
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  const char *ward[] = { suite->cli, "--database", suite->big, "report", "donations", "--output", pdf, "--force",
                         NULL };
  /* Comma, double quote, UTF-8 (76), from line 1. */
  const char *lo[] = { "soffice", installation, "--headless", "--infilter=CSV:44,34,76,1",
                       "--convert-to", "pdf", "--outdir", suite->work, csv, NULL };
  double ward_s, lo_s = -1;

  ward_s = measure (suite, "ward-tracker-cli report donations", ward, NULL, 1, NULL);
  if (soffice != NULL)
    lo_s = measure (suite, "soffice --headless --convert-to pdf", lo, NULL, 1, NULL);
  else
    add_note (suite, "", "LibreOffice (soffice) is not installed: no comparison");
  add_row (suite, "Disclosure list to PDF (100,000)", ward_s, "s", "LibreOffice", lo_s,
           "≤ 0.33× (several times faster)", ward_s > 0 && lo_s > 0 && ward_s * 3 <= lo_s);
}

static void
bench_stats (Suite *suite)
{
  const char *argv[] = { suite->cli, "--database", suite->big, "stats", NULL };
  double seconds = measure (suite, "ward-tracker-cli stats", argv, NULL, 1, NULL);

  add_row (suite, "ward-tracker-cli stats, large file", seconds, "s", NULL, 0, "< 0.1 s",
           seconds >= 0 && seconds < 0.1);
}

/* ---- Main ----------------------------------------------------------------- */

static char **
make_env (Suite *suite)
{
  char **env = g_get_environ ();
  g_autofree char *config = in_dir (suite->work, "config");
  g_autofree char *data = in_dir (suite->work, "xdg-data");

  /* The generated ward's "today": late in the term. */
  if (g_environ_getenv (env, "WARD_TODAY") == NULL)
    env = g_environ_setenv (env, "WARD_TODAY", "2030-06-30", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "MALLOC_CHECK_");
  return env;
}

static gboolean
parse_args (Suite  *suite,
            int    *argc,
            char ***argv)
{
  g_autofree char *data = NULL;
  GOptionEntry entries[] = {
    { "tracker", 0, 0, G_OPTION_ARG_FILENAME, &suite->tracker, "ward-tracker", "PATH" },
    { "cli", 0, 0, G_OPTION_ARG_FILENAME, &suite->cli, "ward-tracker-cli", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &suite->bare, "bare-window", "PATH" },
    { "filter", 0, 0, G_OPTION_ARG_FILENAME, &suite->filter, "ward-bench-filter", "PATH" },
    { "switch", 0, 0, G_OPTION_ARG_FILENAME, &suite->switcher, "ward-bench-switch", "PATH" },
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &suite->generate, "ward-bench-generate", "PATH" },
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "Where the generated ward is kept", "DIR" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error)
      || !suite->tracker || !suite->cli || !suite->bare || !suite->filter || !suite->switcher || !suite->generate || !data)
    {
      g_printerr ("%s\n", error ? error->message : "ward-bench needs every --option: see meson.build");
      return FALSE;
    }
  suite->data = g_strdup (g_getenv ("WARD_BENCH_DIR") ? g_getenv ("WARD_BENCH_DIR") : data);
  return TRUE;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static const struct
{
  const char *name;
  void      (*run) (Suite *suite);
} rows[] = {
  { "start", bench_start }, { "filter", bench_filter }, { "switch", bench_switch },
  { "import", bench_import }, { "pdf", bench_pdf }, { "stats", bench_stats },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *runs = g_getenv ("WARD_BENCH_RUNS");
  Suite suite = { 0 };

  setlocale (LC_ALL, "");
  if (!parse_args (&suite, &argc, &argv))
    return 2;
  suite.runs = runs != NULL && atoi (runs) > 0 ? atoi (runs) : 5;
  suite.table = g_string_new (NULL);
  suite.work = g_dir_make_tmp ("ward-bench-XXXXXX", &error);
  if (suite.work == NULL || g_mkdir_with_parents (suite.data, 0700) != 0)
    {
      g_printerr ("ward-bench: %s\n", error ? error->message : g_strerror (errno));
      return 1;
    }
  suite.env = make_env (&suite);
  suite.big = in_dir (suite.work, "big.sqlite3");
  if (!ensure_data (&suite))
    return 1;
  {
    g_autofree char *source = in_dir (suite.data, "big.sqlite3");

    if (!copy_file (source, suite.big))
      return 1;
  }

  /* WARD_BENCH_ONLY=start,stats runs those rows alone (all when unset): a
   * pair of runs of one row, back to back, is what a shared machine can
   * compare. */
  if (g_getenv ("WARD_BENCH_ONLY") != NULL && g_getenv ("WARD_BENCH_ONLY")[0] != '\0')
    suite.only = g_strsplit (g_getenv ("WARD_BENCH_ONLY"), ",", -1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (suite.only == NULL || g_strv_contains ((const char * const *) suite.only, rows[i].name))
      rows[i].run (&suite);

  print_table (&suite);
  remove_tree (suite.work);
  g_string_free (suite.table, TRUE);
  g_strfreev (suite.env);
  g_free (suite.data);
  g_free (suite.work);
  g_free (suite.big);
  g_strfreev (suite.only);
  return 0;
}
