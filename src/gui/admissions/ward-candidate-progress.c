/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-progress"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-candidate-progress.h"
#include "base/ward-format.h"
#include "common/ward-page.h"

#define DUE_WITHIN_DAYS 30
/* The follow-up lists name this many, the most urgent first, and count the
 * rest: a long list of rows would make the view slow to build and to read. */
#define MAX_NAMED       20

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (title, subtitle, value, NULL, NULL)));
}

static void
add_candidate_row (AdwPreferencesGroup *group,
                   gint64               id,
                   const char          *title,
                   const char          *subtitle,
                   const char          *value)
{
  AdwActionRow *row = ward_value_row_new (title, subtitle, value, "page.open-candidate",
                                          g_variant_new_int64 (id));

  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
add_more_row (AdwPreferencesGroup *group,
              guint                n_more)
{
  g_autofree char *n = ward_format_number (n_more);
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", n_more), n);
  add_row (group, title, NULL, NULL);
}

static char *
pace_subtitle (WardAdmissionProgress *progress)
{
  g_autofree char *left = ward_format_number (progress->goal - progress->count);

  if (progress->pace_needed == 0)
    return g_strdup (_("The target is reached."));
  if (progress->pace_needed < 0)
    return g_strdup_printf (_("The term is over; %s short of the target."), left);
  /* The pace is over the time actually left (ward_progress_pace_needed()),
   * not over whole calendar years: say only when the term ends. */
  return g_strdup_printf (_("%s still to admit by the end of %d"), left, progress->term_end_year);
}

static void
add_target_group (AdwPreferencesPage    *page,
                  WardAdmissionProgress *progress)
{
  AdwPreferencesGroup *group;
  g_autofree char *description = NULL;
  g_autofree char *count = ward_format_number (progress->count);
  g_autofree char *goal = ward_format_number (progress->goal);
  g_autofree char *value = g_strdup_printf ("%s/%s", count, goal);
  g_autofree char *subtitle = pace_subtitle (progress);
  g_autofree char *pace = NULL;

  description = g_strdup_printf (_("Admissions whose ceremony falls within the term %d – %d."),
                                 progress->term_start_year, progress->term_end_year);
  group = ward_preferences_page_group (page, _("Toward the Target"), description);
  add_row (group, _("Admitted in the term"), NULL, value);
  if (progress->pace_needed > 0)
    {
      g_autofree char *n = ward_format_number (progress->pace_needed);

      pace = g_strdup_printf (_("%s a year"), n);
    }
  add_row (group, _("Needed each year"), subtitle, pace != NULL ? pace : "—");
}

static void
add_counts_group (AdwPreferencesPage *page,
                  const char         *title,
                  const char         *description,
                  GPtrArray          *counts,
                  gint64              total,
                  const char         *current)
{
  AdwPreferencesGroup *group = ward_preferences_page_group (page, title, description);

  if (counts->len == 0)
    {
      add_row (group, _("No admissions in the term yet"), NULL, NULL);
      return;
    }
  for (guint i = 0; i < counts->len; i++)
    {
      WardCount *count = counts->pdata[i];
      g_autofree char *n = ward_format_number (count->count);
      g_autofree char *value = NULL;

      if (total > 0)
        {
          g_autofree char *share = ward_format_percent (100.0 * count->count / total, 1);

          value = g_strdup_printf ("%s · %s", n, share);
        }
      add_row (group, count->label, g_strcmp0 (count->label, current) == 0 ? _("This year") : NULL,
               value != NULL ? value : n);
    }
}

static char *
due_value (int days)
{
  if (days < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
  if (days == 0)
    return g_strdup (_("Today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);
}

static void
add_due_group (AdwPreferencesPage *page,
               GPtrArray          *due)
{
  AdwPreferencesGroup *group;

  group = ward_preferences_page_group (page, _("Due for Official Recognition"),
                                       _("Twelve months after the ceremony, within the next 30 days "
                                         "or overdue, not yet recognised."));
  if (due == NULL || due->len == 0)
    {
      add_row (group, _("No one is due"), NULL, NULL);
      return;
    }
  for (guint i = 0; i < MIN (due->len, MAX_NAMED); i++)
    {
      WardCandidateDue *d = due->pdata[i];
      g_autofree char *date = ward_format_date (d->date);
      g_autofree char *subtitle = NULL;
      g_autofree char *value = due_value (d->days);

      subtitle = d->cell_name[0] != '\0' ? g_strdup_printf (_("%s · due %s"), d->cell_name, date)
                                         : g_strdup_printf (_("Due %s"), date);
      add_candidate_row (group, d->id, d->full_name, subtitle, value);
    }
  if (due->len > MAX_NAMED)
    add_more_row (group, due->len - MAX_NAMED);
}

static void
add_stalled_group (AdwPreferencesPage *page,
                   GPtrArray          *stalled)
{
  AdwPreferencesGroup *group;

  group = ward_preferences_page_group (page, _("Stalled Files"),
                                       _("Applications waiting more than 12 months for the chi bộ."));
  if (stalled == NULL || stalled->len == 0)
    {
      add_row (group, _("No file is stalled"), NULL, NULL);
      return;
    }
  for (guint i = 0; i < MIN (stalled->len, MAX_NAMED); i++)
    {
      WardCandidateDue *d = stalled->pdata[i];
      g_autofree char *date = ward_format_date (d->date);
      g_autofree char *subtitle = NULL;
      g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", d->days),
                                                d->days);

      subtitle = d->cell_name[0] != '\0' ? g_strdup_printf (_("%s · applied %s"), d->cell_name, date)
                                         : g_strdup_printf (_("Applied %s"), date);
      add_candidate_row (group, d->id, d->full_name, subtitle, value);
    }
  if (stalled->len > MAX_NAMED)
    add_more_row (group, stalled->len - MAX_NAMED);
}

static void
add_statistics (AdwPreferencesPage *page,
                WardAdmissionStats *stats)
{
  if (stats == NULL)
    return;
  add_counts_group (page, _("Admitted by Gender"), NULL, stats->gender, stats->total, NULL);
  add_counts_group (page, _("Admitted by Age at Admission"), NULL, stats->age_group, stats->total, NULL);
  add_counts_group (page, _("Admitted by Ethnicity"), NULL, stats->ethnicity, stats->total, NULL);
  add_counts_group (page, _("Admitted by Religion"), NULL, stats->religion, stats->total, NULL);
  add_counts_group (page, _("Admitted by Education"), NULL, stats->education, stats->total, NULL);
  add_counts_group (page, _("Admitted from the Youth Union"), NULL, stats->youth_union, stats->total, NULL);
  add_counts_group (page, _("Admitted by Occupation"), NULL, stats->occupation, stats->total, NULL);
}

void
ward_candidate_figures_free (WardCandidateFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->progress, ward_admission_progress_free);
  g_clear_pointer (&figures->due, g_ptr_array_unref);
  g_clear_pointer (&figures->stalled, g_ptr_array_unref);
  g_clear_pointer (&figures->stats, ward_admission_stats_free);
  g_free (figures);
}

/* The lists of the follow-up and the statistics are shown as far as they
 * could be read (as before, when each group read its own); only the count
 * toward the target is needed. */
WardCandidateFigures *
ward_candidate_figures_load (WardStore   *store,
                             const char  *today_iso,
                             GError     **error)
{
  g_autoptr (WardCandidateFigures) figures = g_new0 (WardCandidateFigures, 1);

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  figures->progress = ward_admissions_progress (store, today_iso, error);
  if (figures->progress == NULL)
    return NULL;
  figures->due = ward_admissions_due_recognition (store, today_iso, DUE_WITHIN_DAYS, NULL);
  figures->stalled = ward_admissions_stalled (store, today_iso, NULL);
  figures->stats = ward_admissions_stats (store, NULL);
  return g_steal_pointer (&figures);
}

void
ward_candidate_progress_fill (AdwPreferencesPage         *page,
                              const WardCandidateFigures *figures)
{
  WardAdmissionProgress *progress;
  g_autofree char *this_year = NULL;

  g_return_if_fail (ADW_IS_PREFERENCES_PAGE (page));
  g_return_if_fail (figures != NULL && figures->progress != NULL);

  progress = figures->progress;
  this_year = g_strdup_printf ("%d", progress->year);
  ward_preferences_page_clear (page);
  add_target_group (page, progress);
  add_counts_group (page, _("By Year"), _("Admission ceremonies in each year of the term."),
                    progress->by_year, 0, this_year);
  add_counts_group (page, _("By Chi Bộ"), NULL, progress->by_cell, progress->count, NULL);
  add_due_group (page, figures->due);
  add_stalled_group (page, figures->stalled);
  add_statistics (page, figures->stats);
}
