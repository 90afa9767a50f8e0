/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-admissions"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions-private.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "targets/ward-targets-progress.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* Progress toward the admissions target, the statistics of Party reports
 * and the follow-up lists. What counts is what ward_targets_count_registered()
 * counts: a ceremony within the term. */

void
ward_count_free (WardCount *count)
{
  if (count == NULL)
    return;
  g_free (count->label);
  g_free (count);
}

static WardCount *
count_new (const char *label,
           gint64      n)
{
  WardCount *count = g_new0 (WardCount, 1);

  count->label = g_strdup (label);
  count->count = n;
  return count;
}

static GPtrArray *
counts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ward_count_free);
}

gboolean
ward_admissions_term (WardStore  *store,
                      char      **start_out,
                      char      **end_out,
                      int        *start_year_out,
                      int        *end_year_out,
                      GError    **error)
{
  g_autoptr (WardResolution) resolution = ward_resolution_load (store, error);

  if (resolution == NULL)
    return FALSE;
  if (start_out != NULL)
    *start_out = ward_resolution_term_start (resolution);
  if (end_out != NULL)
    *end_out = ward_resolution_term_end (resolution);
  if (start_year_out != NULL)
    *start_year_out = resolution->term_start_year;
  if (end_year_out != NULL)
    *end_year_out = resolution->term_end_year;
  return TRUE;
}

static gboolean
load_goal (WardStore  *store,
           gint64     *goal_out,
           GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT goal FROM targets WHERE source = 'admissions' "
                                    "ORDER BY position LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *goal_out = (gint64) sqlite3_column_double (stmt, 0);
  else if (rc == SQLITE_DONE)
    *goal_out = 0;
  else
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
count_by_cell (WardStore   *store,
               const char  *start,
               const char  *end,
               GPtrArray   *by_cell,
               GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT p.name, count(*) AS n" WARD_CANDIDATE_FROM
                             "WHERE c.ceremony_date BETWEEN ?1 AND ?2 "
                             "GROUP BY c.cell_id ORDER BY n DESC, p.position, p.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? _("No chi bộ")
                                                                       : ward_stmt_text (stmt, 0);

      g_ptr_array_add (by_cell, count_new (name, sqlite3_column_int64 (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* Each year of the term, cut to the term as the targets count it. */
static gboolean
count_years (WardStore              *store,
             WardAdmissionProgress  *progress,
             GError                **error)
{
  int n_years = progress->term_end_year - progress->term_start_year + 1;
  g_autofree gint64 *counts = g_new0 (gint64, n_years);

  if (!ward_targets_count_by_year (store, WARD_SOURCE_ADMISSIONS, progress->term_start_year,
                                   progress->term_end_year, counts, error))
    return FALSE;
  for (int i = 0; i < n_years; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", progress->term_start_year + i);

      g_ptr_array_add (progress->by_year, count_new (label, counts[i]));
    }
  return TRUE;
}

void
ward_admission_progress_free (WardAdmissionProgress *progress)
{
  if (progress == NULL)
    return;
  g_clear_pointer (&progress->by_year, g_ptr_array_unref);
  g_clear_pointer (&progress->by_cell, g_ptr_array_unref);
  g_free (progress);
}

WardAdmissionProgress *
ward_admissions_progress (WardStore   *store,
                          const char  *today_iso,
                          GError     **error)
{
  g_autoptr (WardAdmissionProgress) progress = g_new0 (WardAdmissionProgress, 1);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr (GDate) today = ward_date_from_iso (today_iso);

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  progress->by_year = counts_new ();
  progress->by_cell = counts_new ();
  progress->year = g_date_get_year (today);
  if (!ward_admissions_term (store, &start, &end, &progress->term_start_year,
                             &progress->term_end_year, error)
      || !load_goal (store, &progress->goal, error))
    return NULL;

  progress->count = ward_targets_count_registered (store, WARD_SOURCE_ADMISSIONS, start, end, error);
  if (progress->count < 0)
    return NULL;
  if (!count_years (store, progress, error))
    return NULL;
  if (!count_by_cell (store, start, end, progress->by_cell, error))
    return NULL;
  /* One rule for every counted target: ward-targets-progress.c's. After the term,
   * a goal not reached is -1. */
  if (strcmp (today_iso, end) > 0 && progress->count < progress->goal)
    progress->pace_needed = -1;
  else
    progress->pace_needed = ward_progress_pace_needed (progress->count, progress->goal, today_iso, end);
  return g_steal_pointer (&progress);
}

/* ---- Statistics --------------------------------------------------------- */

int
ward_admissions_age_group (int age)
{
  if (age <= 30)
    return 0;
  if (age <= 40)
    return 1;
  if (age <= 50)
    return 2;
  return 3;
}

const char *
ward_admissions_age_group_title (int group)
{
  switch (group)
    {
    case 0:
      return _("18 to 30");
    case 1:
      return _("31 to 40");
    case 2:
      return _("41 to 50");
    case 3:
      return _("Over 50");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ward_admission_stats_free (WardAdmissionStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->gender, g_ptr_array_unref);
  g_clear_pointer (&stats->age_group, g_ptr_array_unref);
  g_clear_pointer (&stats->ethnicity, g_ptr_array_unref);
  g_clear_pointer (&stats->religion, g_ptr_array_unref);
  g_clear_pointer (&stats->education, g_ptr_array_unref);
  g_clear_pointer (&stats->youth_union, g_ptr_array_unref);
  g_clear_pointer (&stats->occupation, g_ptr_array_unref);
  g_free (stats);
}

static void
tally (GHashTable *table,
       const char *value)
{
  const char *label = value != NULL && value[0] != '\0' ? value : _("Not recorded");
  gpointer count = g_hash_table_lookup (table, label);

  g_hash_table_insert (table, g_strdup (label), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (count) + 1));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const WardCount *x = *(WardCount **) a;
  const WardCount *y = *(WardCount **) b;
  g_autofree char *kx = NULL;
  g_autofree char *ky = NULL;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  kx = ward_text_collate_key (x->label);
  ky = ward_text_collate_key (y->label);
  return g_strcmp0 (kx, ky);
}

/* Most first, then alphabetically. */
static GPtrArray *
counts_from_table (GHashTable *table)
{
  GPtrArray *counts = counts_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (counts, count_new (key, GPOINTER_TO_SIZE (value)));
  g_ptr_array_sort (counts, compare_counts);
  return counts;
}

typedef struct
{
  gint64      gender[3];   /* WardGender */
  gint64      age[WARD_N_AGE_GROUPS];
  gint64      youth[2];
  GHashTable *ethnicity;
  GHashTable *religion;
  GHashTable *education;
  GHashTable *occupation;
} Tally;

static void
tally_row (Tally    *t,
           WardStmt *stmt)
{
  int age = ward_candidate_age_on (ward_stmt_text (stmt, 0), ward_stmt_text (stmt, 1));

  t->age[ward_admissions_age_group (age)]++;
  t->gender[ward_gender_from_string (ward_stmt_text (stmt, 2))]++;
  tally (t->ethnicity, ward_stmt_text (stmt, 3));
  tally (t->religion, ward_stmt_text (stmt, 4));
  tally (t->education, ward_stmt_text (stmt, 5));
  t->youth[sqlite3_column_int (stmt, 6) != 0]++;
  tally (t->occupation, ward_stmt_text (stmt, 7));
}

static void
fill_stats (WardAdmissionStats *stats,
            Tally              *t)
{
  stats->gender = counts_new ();
  g_ptr_array_add (stats->gender, count_new (ward_gender_get_label (WARD_GENDER_MALE), t->gender[WARD_GENDER_MALE]));
  g_ptr_array_add (stats->gender, count_new (ward_gender_get_label (WARD_GENDER_FEMALE), t->gender[WARD_GENDER_FEMALE]));
  if (t->gender[WARD_GENDER_UNKNOWN] > 0)
    g_ptr_array_add (stats->gender, count_new (_("Not recorded"), t->gender[WARD_GENDER_UNKNOWN]));
  stats->age_group = counts_new ();
  for (int i = 0; i < WARD_N_AGE_GROUPS; i++)
    g_ptr_array_add (stats->age_group, count_new (ward_admissions_age_group_title (i), t->age[i]));
  stats->youth_union = counts_new ();
  g_ptr_array_add (stats->youth_union, count_new (_("Youth Union members"), t->youth[1]));
  g_ptr_array_add (stats->youth_union, count_new (_("Not Youth Union members"), t->youth[0]));
  stats->ethnicity = counts_from_table (t->ethnicity);
  stats->religion = counts_from_table (t->religion);
  stats->education = counts_from_table (t->education);
  stats->occupation = counts_from_table (t->occupation);
}

WardAdmissionStats *
ward_admissions_stats (WardStore  *store,
                       GError    **error)
{
  g_autoptr (WardAdmissionStats) stats = g_new0 (WardAdmissionStats, 1);
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  Tally t;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  memset (&t, 0, sizeof t);
  if (!ward_admissions_term (store, &start, &end, NULL, NULL, error))
    return NULL;
  stmt = ward_store_prepare (store,
                             "SELECT birth_date, ceremony_date, gender, ethnicity, religion, "
                             "education, youth_union, occupation FROM candidates "
                             "WHERE ceremony_date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);

  t.ethnicity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.religion = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.education = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.occupation = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      tally_row (&t, stmt);
      stats->total++;
    }
  if (rc == SQLITE_DONE)
    fill_stats (stats, &t);
  else
    ward_store_set_error (store, rc, error);
  g_hash_table_unref (t.ethnicity);
  g_hash_table_unref (t.religion);
  g_hash_table_unref (t.education);
  g_hash_table_unref (t.occupation);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&stats);
}

/* ---- Follow-up lists ---------------------------------------------------- */

void
ward_candidate_due_free (WardCandidateDue *due)
{
  if (due == NULL)
    return;
  g_free (due->full_name);
  g_free (due->cell_name);
  g_free (due->date);
  g_free (due);
}

static int
days_between (const char *from_iso,
              const char *to_iso)
{
  g_autoptr (GDate) from = ward_date_from_iso (from_iso);
  g_autoptr (GDate) to = ward_date_from_iso (to_iso);

  if (from == NULL || to == NULL)
    return 0;
  return g_date_days_between (from, to);
}

static WardCandidateDue *
due_new (WardStmt   *stmt,
         const char *date,
         int         days)
{
  WardCandidateDue *due = g_new0 (WardCandidateDue, 1);

  due->id = sqlite3_column_int64 (stmt, 0);
  due->full_name = g_strdup (ward_stmt_text (stmt, 1));
  due->cell_name = g_strdup (ward_stmt_text (stmt, 2));
  due->date = g_strdup (date);
  due->days = days;
  return due;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const WardCandidateDue *x = *(WardCandidateDue **) a;
  const WardCandidateDue *y = *(WardCandidateDue **) b;

  return strcmp (x->date, y->date);
}

GPtrArray *
ward_admissions_due_recognition (WardStore   *store,
                                 const char  *today_iso,
                                 int          within_days,
                                 GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_due_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT c.id, c.full_name, p.name, c.ceremony_date" WARD_CANDIDATE_FROM
                             "WHERE c.ceremony_date IS NOT NULL AND c.recognition_date IS NULL "
                             "AND c.state <> 'withdrawn' ORDER BY c.sort_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *due = ward_candidate_add_months (ward_stmt_text (stmt, 3), 12);
      int days;

      if (due == NULL)
        continue;
      days = days_between (today_iso, due);
      if (days <= within_days)
        g_ptr_array_add (list, due_new (stmt, due, days));
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_due);
  return g_steal_pointer (&list);
}

GPtrArray *
ward_admissions_stalled (WardStore   *store,
                         const char  *today_iso,
                         GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_due_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT c.id, c.full_name, p.name, c.application_date" WARD_CANDIDATE_FROM
                             "WHERE c.application_date IS NOT NULL AND c.cell_resolution_date IS NULL "
                             "AND c.state = 'following' ORDER BY c.application_date, c.sort_key", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardCandidate probe = { 0, };

      probe.state = WARD_CANDIDATE_FOLLOWING;
      probe.dates[WARD_STAGE_APPLICATION] = (char *) ward_stmt_text (stmt, 3);
      if (ward_candidate_is_stalled (&probe, today_iso))
        g_ptr_array_add (list, due_new (stmt, probe.dates[WARD_STAGE_APPLICATION],
                                        days_between (probe.dates[WARD_STAGE_APPLICATION], today_iso)));
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Deadlines and official members ------------------------------------ */

/* Every record, whole, for the rules that need several of its dates. */
static GPtrArray *
load_all (WardStore  *store,
          GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_free);
  int rc;

  stmt = ward_store_prepare (store, "SELECT " WARD_CANDIDATE_COLUMNS WARD_CANDIDATE_FROM
                                    "WHERE c.cell_resolution_date IS NOT NULL "
                                    "OR c.ceremony_date IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (all, ward_candidate_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&all);
}

gboolean
ward_admissions_missed_deadlines (WardStore            *store,
                                  const char           *today_iso,
                                  WardMissedDeadlines  *out,
                                  GError              **error)
{
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  all = load_all (store, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr (GPtrArray) deadlines = ward_candidate_deadlines (all->pdata[i], today_iso);
      gint64 missed = 0;

      for (guint d = 0; d < deadlines->len; d++)
        {
          WardDeadline *deadline = deadlines->pdata[d];

          if (deadline->working_days_over == 0)
            continue;
          missed++;
          out->most_days_over = MAX (out->most_days_over, deadline->working_days_over);
        }
      out->missed += missed;
      out->candidates += missed > 0;
    }
  return TRUE;
}

gint64
ward_admissions_count_official (WardStore   *store,
                                const char  *from_iso,
                                const char  *to_iso,
                                GError     **error)
{
  g_autoptr (GPtrArray) all = NULL;
  gint64 n = 0;

  g_return_val_if_fail (WARD_IS_STORE (store), -1);

  all = load_all (store, error);
  if (all == NULL)
    return -1;
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *since = ward_candidate_official_since (all->pdata[i]);

      if (since != NULL && strcmp (since, from_iso) >= 0 && strcmp (since, to_iso) <= 0)
        n++;
    }
  return n;
}
