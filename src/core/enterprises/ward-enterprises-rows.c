/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprises"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "enterprises/ward-enterprises.h"
#include "targets/ward-targets-progress.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* Counting toward the target and the compact rows of big lists. The rule of
 * what counts is ward_targets_count_registered()'s; COUNTED repeats its
 * condition for the breakdowns, and the tests hold the two together. */

#define COUNTED "is_branch = 0 AND in_ward = 1 AND registered_on BETWEEN ?1 AND ?2"

typedef struct
{
  char *start;
  char *end;
} Term;

static void
term_clear (Term *term)
{
  g_clear_pointer (&term->start, g_free);
  g_clear_pointer (&term->end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Term, term_clear)

static gboolean
load_term (WardStore       *store,
           Term            *term,
           int             *first_year,
           int             *last_year,
           GError         **error)
{
  g_autoptr (WardResolution) resolution = ward_resolution_load (store, error);

  if (resolution == NULL)
    return FALSE;
  term->start = ward_resolution_term_start (resolution);
  term->end = ward_resolution_term_end (resolution);
  if (first_year != NULL)
    *first_year = resolution->term_start_year;
  if (last_year != NULL)
    *last_year = resolution->term_end_year;
  return TRUE;
}

gboolean
ward_enterprise_is_counted (const WardEnterprise *self,
                            const char           *term_start_iso,
                            const char           *term_end_iso)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !self->is_branch && self->in_ward && self->registered_on != NULL
         && strcmp (self->registered_on, term_start_iso) >= 0
         && strcmp (self->registered_on, term_end_iso) <= 0;
}

/* Runs @sql (with the term bound to ?1, ?2 where it has them) and calls
 * @row for each result. */
static gboolean
for_each_counted (WardStore    *store,
                  const char   *sql,
                  const Term   *term,
                  void        (*row) (WardStmt *stmt, gpointer data),
                  gpointer      data,
                  GError      **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, term->start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, term->end, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, data);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

typedef struct
{
  int     first_year;
  int     last_year;
  gint64 *counts;
} YearCounts;

static void
add_year_row (WardStmt *stmt,
              gpointer  data)
{
  YearCounts *years = data;
  int year = sqlite3_column_int (stmt, 0);

  if (year >= years->first_year && year <= years->last_year)
    years->counts[year - years->first_year] += sqlite3_column_int64 (stmt, 1);
}

gboolean
ward_enterprises_count_by_year (WardStore  *store,
                                int         first_year,
                                int         last_year,
                                gint64     *counts_out,
                                GError    **error)
{
  g_auto (Term) term = { 0 };
  g_autofree char *first = g_strdup_printf ("%04d-01-01", first_year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", last_year);
  YearCounts years = { first_year, last_year, counts_out };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_year <= last_year, FALSE);

  memset (counts_out, 0, sizeof (gint64) * (last_year - first_year + 1));
  /* Cut to the term: nothing registered before the congress counts. */
  if (!load_term (store, &term, NULL, NULL, error))
    return FALSE;
  if (strcmp (first, term.start) > 0)
    {
      g_free (term.start);
      term.start = g_steal_pointer (&first);
    }
  if (strcmp (last, term.end) < 0)
    {
      g_free (term.end);
      term.end = g_steal_pointer (&last);
    }
  return for_each_counted (store,
                           "SELECT CAST (substr (registered_on, 1, 4) AS INTEGER), count (*) "
                           "FROM enterprises WHERE " COUNTED " GROUP BY 1",
                           &term, add_year_row, &years, error);
}

static guint8
type_of_code (const char *code)
{
  for (int t = 1; t < WARD_ENTERPRISE_N_TYPES; t++)
    if (g_strcmp0 (code, ward_enterprise_type_to_code (t)) == 0)
      return t;
  return WARD_ENTERPRISE_TYPE_NONE;
}

static guint8
status_of_code (const char *code)
{
  for (int s = 0; s < WARD_ENTERPRISE_N_STATUSES; s++)
    if (g_strcmp0 (code, ward_enterprise_status_to_code (s)) == 0)
      return s;
  return WARD_ENTERPRISE_ACTIVE;
}

static void
add_type_row (WardStmt *stmt,
              gpointer  data)
{
  WardEnterpriseSummary *summary = data;

  summary->by_type[type_of_code (ward_stmt_text (stmt, 0))] += sqlite3_column_int64 (stmt, 1);
}

static void
add_section_row (WardStmt *stmt,
                 gpointer  data)
{
  WardEnterpriseSummary *summary = data;
  const WardVsicSection *section = NULL;

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    section = ward_vsic_display_section (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 2));
  if (section != NULL)
    summary->by_section[ward_vsic_section_index (section)] += sqlite3_column_int64 (stmt, 1);
  else
    summary->no_section += sqlite3_column_int64 (stmt, 1);
}

static void
add_totals_row (WardStmt *stmt,
                gpointer  data)
{
  WardEnterpriseSummary *summary = data;

  summary->total = sqlite3_column_int64 (stmt, 0);
  summary->branches = sqlite3_column_int64 (stmt, 1);
  summary->outside_ward = sqlite3_column_int64 (stmt, 2);
}

static void
read_goal (WardStmt *stmt,
           gpointer  data)
{
  WardEnterpriseSummary *summary = data;

  summary->goal = (gint64) sqlite3_column_double (stmt, 0);
}

static gboolean
summarize_counted (WardStore              *store,
                   const Term             *term,
                   WardEnterpriseSummary  *summary,
                   GError                **error)
{
  return for_each_counted (store,
                           "SELECT type, count (*) FROM enterprises WHERE " COUNTED " GROUP BY 1",
                           term, add_type_row, summary, error)
         && for_each_counted (store,
                              "SELECT CAST (substr (vsic, 1, 2) AS INTEGER), count (*), "
                              "vsic_version FROM enterprises WHERE " COUNTED " GROUP BY 1, 3",
                              term, add_section_row, summary, error)
         && for_each_counted (store,
                              "SELECT count (*), coalesce (sum (is_branch), 0), "
                              "coalesce (sum (is_branch = 0 AND in_ward = 0), 0) "
                              "FROM enterprises",
                              term, add_totals_row, summary, error)
         && for_each_counted (store,
                              "SELECT goal FROM targets WHERE source = 'enterprises' "
                              "ORDER BY position LIMIT 1",
                              term, read_goal, summary, error);
}

WardEnterpriseSummary *
ward_enterprises_summarize (WardStore   *store,
                            const char  *today_iso,
                            GError     **error)
{
  g_autoptr (WardEnterpriseSummary) summary = g_new0 (WardEnterpriseSummary, 1);
  g_auto (Term) term = { 0 };
  g_autofree char *today = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  today = today_iso != NULL ? g_strdup (today_iso) : ward_today_iso ();
  if (!load_term (store, &term, &summary->term_start_year, &summary->term_end_year, error))
    return NULL;

  summary->counted = ward_targets_count_registered (store, WARD_SOURCE_ENTERPRISES,
                                                    term.start, term.end, error);
  if (summary->counted < 0)
    return NULL;
  summary->by_year = g_new0 (gint64, summary->term_end_year - summary->term_start_year + 1);
  if (!ward_enterprises_count_by_year (store, summary->term_start_year, summary->term_end_year,
                                       summary->by_year, error)
      || !summarize_counted (store, &term, summary, error))
    return NULL;

  summary->pace_needed = ward_progress_pace_needed (summary->counted, summary->goal, today, term.end);
  return g_steal_pointer (&summary);
}

void
ward_enterprise_summary_free (WardEnterpriseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->by_year);
  g_free (summary);
}

/* ---- Rows ----------------------------------------------------------------- */

static void
read_row (WardRows   *rows,
          WardStmt   *stmt,
          const Term *term)
{
  WardEnterpriseRow *row = ward_rows_append (rows);
  const WardVsicSection *section = NULL;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->tax_code = ward_rows_take_text (rows, stmt, 1, FALSE);
  row->name = ward_rows_take_text (rows, stmt, 2, FALSE);
  row->sort_key = ward_rows_take_text (rows, stmt, 3, FALSE);
  row->search_key = ward_rows_take_text (rows, stmt, 4, FALSE);
  row->registered_on = ward_rows_take_text (rows, stmt, 5, TRUE);
  row->vsic = ward_rows_take_text (rows, stmt, 6, TRUE);
  row->residential_group = ward_rows_take_text (rows, stmt, 7, TRUE);
  row->capital = sqlite3_column_int64 (stmt, 8);
  row->type = type_of_code (ward_stmt_text (stmt, 9));
  row->status = status_of_code (ward_stmt_text (stmt, 10));
  row->is_branch = sqlite3_column_int (stmt, 11) != 0;
  row->in_ward = sqlite3_column_int (stmt, 12) != 0;
  row->year = atoi (row->registered_on);
  row->vsic_version = sqlite3_column_int (stmt, 13);
  if (row->vsic[0] != '\0')
    section = ward_vsic_display_section (atoi (row->vsic) / 100, row->vsic_version);
  row->section = section != NULL ? ward_vsic_section_index (section) + 1 : 0;
  row->counted = !row->is_branch && row->in_ward
                 && strcmp (row->registered_on, term->start) >= 0
                 && strcmp (row->registered_on, term->end) <= 0;
}

WardRows *
ward_enterprise_rows_load (WardStore  *store,
                           GError    **error)
{
  g_autoptr (WardRows) rows = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  g_auto (Term) term = { 0 };
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (!load_term (store, &term, NULL, NULL, error))
    return NULL;

  stmt = ward_store_prepare (store,
                             "SELECT id, tax_code, name, sort_key, search_key, registered_on, "
                             "vsic, residential_group, capital, type, status, is_branch, in_ward, "
                             "vsic_version FROM enterprises ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  rows = ward_rows_new (sizeof (WardEnterpriseRow));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read_row (rows, stmt, &term);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
ward_enterprise_row_equal (gconstpointer a,
                           gconstpointer b)
{
  const WardEnterpriseRow *ra = a;
  const WardEnterpriseRow *rb = b;

  return ra->id == rb->id && ra->capital == rb->capital && ra->type == rb->type
         && ra->status == rb->status && ra->section == rb->section
         && ra->vsic_version == rb->vsic_version && ra->is_branch == rb->is_branch
         && ra->in_ward == rb->in_ward && ra->counted == rb->counted
         && g_str_equal (ra->tax_code, rb->tax_code) && g_str_equal (ra->name, rb->name)
         && g_str_equal (ra->search_key, rb->search_key)
         && g_str_equal (ra->registered_on, rb->registered_on) && g_str_equal (ra->vsic, rb->vsic)
         && g_str_equal (ra->residential_group, rb->residential_group);
}
