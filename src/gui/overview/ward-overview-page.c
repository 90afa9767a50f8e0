/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "common/ward-print.h"
#include "donations/ward-donations-ledger.h"
#include "overview/ward-overview-page.h"
#include "programme/ward-programme.h"
#include "study/ward-study.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* The whole resolution at a glance: the term's days left, the targets by
 * verdict, the two counted goals with their pace, the donation campaign's
 * total and the overdue items of the action programme. Each block leads to
 * its page. */

struct _WardOverviewPage
{
  WardPage            parent_instance;

  AdwPreferencesPage *page;
  gboolean            shown;  /* the figures read once */
};

G_DEFINE_FINAL_TYPE (WardOverviewPage, ward_overview_page, WARD_TYPE_PAGE)

enum
{
  PAGE_OVERVIEW, PAGE_TARGETS, PAGE_PROGRAMME, PAGE_ADMISSIONS, PAGE_ENTERPRISES, PAGE_DONATIONS,
  PAGE_STUDY
};

/* Overdue items listed by name; the rest are counted. */
#define MAX_OVERDUE_SHOWN 5

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *value,
         int                  page_index)
{
  AdwActionRow *row = ward_value_row_new (title, subtitle, value,
                                          page_index >= 0 ? "win.show-page" : NULL,
                                          page_index >= 0 ? g_variant_new_int32 (page_index) : NULL);

  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
add_term_group (WardOverviewPage *self,
                WardResolution   *resolution,
                const char       *today)
{
  AdwPreferencesGroup *group;
  g_autofree char *number = NULL;
  g_autofree char *days = NULL;
  g_autofree char *term = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *today_text = ward_format_date (today);
  int left = ward_resolution_days_left (resolution, today);

  term = g_strdup_printf (_("Term %d – %d"), resolution->term_start_year, resolution->term_end_year);
  group = ward_preferences_page_group (self->page, term, resolution->resolution_title);
  number = ward_format_number (left);
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", left), number);
  subtitle = g_strdup_printf (_("Today: %s"), today_text);
  add_row (group, _("Days left in the term"), subtitle, days, -1);
}

static GtkWidget *
verdict_card_new (WardVerdict verdict,
                  guint       count)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *name = g_strdup_printf ("%s: %u", ward_verdict_title (verdict), count);
  g_autofree char *css = g_strconcat ("verdict-", ward_verdict_to_string (verdict), NULL);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *big = gtk_label_new (number);
  GtkWidget *caption = gtk_label_new (ward_verdict_title (verdict));

  gtk_widget_add_css_class (big, "big-number");
  if (verdict == WARD_VERDICT_NO_DATA)
    gtk_widget_add_css_class (big, "dim-label");
  else
    gtk_widget_add_css_class (big, css);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), big);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (PAGE_TARGETS));
  gtk_widget_set_tooltip_text (button, _("Show the targets"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
add_targets_group (WardOverviewPage *self,
                   guint             n_targets,
                   const guint      *counts)
{
  static const WardVerdict order[] = {
    WARD_VERDICT_MET, WARD_VERDICT_ON_TRACK, WARD_VERDICT_BEHIND, WARD_VERDICT_AT_RISK,
    WARD_VERDICT_NO_BASELINE, WARD_VERDICT_INCOMPLETE, WARD_VERDICT_NO_DATA,
  };
  g_autofree char *description = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *cards;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The resolution’s %u target by verdict",
                                              "The resolution’s %u targets by verdict", n_targets),
                                 n_targets);
  group = ward_preferences_page_group (self->page, _("Targets"), description);
  cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
  /* Every target in one card: the two verdicts that ask for data only when
   * a target has them. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (counts[order[i]] > 0
        || (order[i] != WARD_VERDICT_NO_BASELINE && order[i] != WARD_VERDICT_INCOMPLETE))
      gtk_box_append (GTK_BOX (cards), verdict_card_new (order[i], counts[order[i]]));
  adw_preferences_group_add (group, cards);
}

/* A register's count against its goal, as the read found it. */
typedef struct
{
  char *title;
  char *verdict;
  char *value;
  int   page_index;
} CountedRow;

static void
counted_row_free (CountedRow *row)
{
  g_free (row->title);
  g_free (row->verdict);
  g_free (row->value);
  g_free (row);
}

static void
add_counted_group (WardOverviewPage *self,
                   GPtrArray        *counted)
{
  AdwPreferencesGroup *group;

  group = ward_preferences_page_group (self->page, _("Counted from the Registers"),
                                       _("Admissions and new enterprises within the term, and how many a "
                                         "year the rest of the term needs"));
  for (guint i = 0; i < counted->len; i++)
    {
      CountedRow *row = counted->pdata[i];

      add_row (group, row->title, row->verdict, row->value, row->page_index);
    }
}

static void
add_donations_group (WardOverviewPage *self,
                     WardCampaign     *campaign,
                     gboolean          have_received,
                     gint64            amount,
                     guint             n_receipts)
{
  g_autofree char *received = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  AdwPreferencesGroup *group;

  if (campaign == NULL)
    return;
  group = ward_preferences_page_group (self->page, _("Donations"), NULL);
  if (have_received)
    {
      received = ward_format_money (amount);
      count = ward_format_number (n_receipts);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Received, net of corrections · %s receipt",
                                               "Received, net of corrections · %s receipts",
                                               n_receipts), count);
    }
  add_row (group, campaign->name, subtitle, received != NULL ? received : "—", PAGE_DONATIONS);
}

/* The ward's share of members who studied the resolution, as the study
 * page counts it. */
static void
add_study_group (WardOverviewPage *self,
                 WardStudyTally   *tally)
{
  const WardStudyCount *t;
  g_autofree char *share = NULL;
  g_autofree char *subtitle = NULL;
  AdwPreferencesGroup *group;

  if (tally == NULL || tally->members->len == 0)
    return;
  t = &tally->total;
  share = ward_format_percent (100 * ward_study_count_studied_share (t), 1);
  subtitle = g_strdup_printf (_("%u of %u members studied (attended %u, made up %u); %u still to make up"),
                              t->attended + t->made_up, t->counted, t->attended, t->made_up, t->missing);
  group = ward_preferences_page_group (self->page, _("Study of the Resolution"), NULL);
  add_row (group, _("Members who studied the resolution"), subtitle, share, PAGE_STUDY);
}

static void
add_overdue_row (AdwPreferencesGroup     *group,
                 const WardProgrammeItem *item)
{
  g_autofree char *deadline = ward_format_date (item->deadline);
  g_autofree char *subtitle = NULL;
  AdwActionRow *row;
  GtkWidget *suffix;

  if (item->lead_unit != NULL)
    subtitle = g_strdup_printf (_("Deadline %s · %s · %s"), deadline, item->group_title, item->lead_unit);
  else
    subtitle = g_strdup_printf (_("Deadline %s · %s"), deadline, item->group_title);
  row = ward_value_row_new (item->title, subtitle, NULL, "win.show-page", g_variant_new_int32 (PAGE_PROGRAMME));
  suffix = gtk_label_new (ward_due_state_label (WARD_DUE_OVERDUE));
  gtk_widget_add_css_class (suffix, ward_due_state_css_class (WARD_DUE_OVERDUE));
  adw_action_row_add_suffix (row, suffix);
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
add_programme_group (WardOverviewPage *self,
                     GPtrArray        *overdue)
{
  g_autofree char *count = NULL;
  AdwPreferencesGroup *group;

  if (overdue == NULL)
    return;
  group = ward_preferences_page_group (self->page, _("Action Programme"), NULL);
  count = g_strdup_printf ("%u", overdue->len);
  add_row (group, _("Overdue items"),
           overdue->len == 0 ? _("Nothing is past its deadline") : _("Past their deadline and not done"),
           count, PAGE_PROGRAMME);
  for (guint i = 0; i < overdue->len && i < MAX_OVERDUE_SHOWN; i++)
    add_overdue_row (group, overdue->pdata[i]);
  if (overdue->len > MAX_OVERDUE_SHOWN)
    {
      guint more = overdue->len - MAX_OVERDUE_SHOWN;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more overdue item",
                                                            "And %u more overdue items", more), more);

      add_row (group, text, NULL, NULL, PAGE_PROGRAMME);
    }
}

/* What the page reads on a worker thread (ward_page_read_in_thread()):
 * every figure but the term's days. Summing a ledger of 100,000 receipts
 * and the study's attendance took the window's first frame a tenth of a
 * second when the window opened on this page (issue 25). */
typedef struct
{
  char           *today;
  guint           n_targets;
  guint           counts[WARD_N_VERDICTS];
  GPtrArray      *counted;    /* CountedRow */
  WardCampaign   *campaign;
  gboolean        have_received;
  gint64          amount;
  guint           n_receipts;
  WardStudyTally *tally;
  GPtrArray      *overdue;    /* WardProgrammeItem */
} OverviewRead;

static void
overview_read_free (OverviewRead *data)
{
  g_free (data->today);
  g_clear_pointer (&data->counted, g_ptr_array_unref);
  g_clear_pointer (&data->campaign, ward_campaign_free);
  g_clear_pointer (&data->tally, ward_study_tally_free);
  g_clear_pointer (&data->overdue, g_ptr_array_unref);
  g_free (data);
}

static void
read_targets (WardStore      *reader,
              OverviewRead   *data,
              WardResolution *resolution,
              GPtrArray      *targets)
{
  static const struct { WardTargetSource source; int page_index; } counted[] = {
    { WARD_SOURCE_ADMISSIONS, PAGE_ADMISSIONS }, { WARD_SOURCE_ENTERPRISES, PAGE_ENTERPRISES },
  };

  data->n_targets = targets->len;
  data->counted = g_ptr_array_new_with_free_func ((GDestroyNotify) counted_row_free);
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      WardProgress progress;
      CountedRow *row;

      if (!ward_target_compute_progress (reader, target, data->today, &progress, NULL, NULL))
        {
          data->counts[WARD_VERDICT_NO_DATA]++;
          continue;
        }
      data->counts[progress.verdict]++;
      for (guint k = 0; k < G_N_ELEMENTS (counted); k++)
        {
          if (ward_target_get_source (target) != counted[k].source)
            continue;
          row = g_new0 (CountedRow, 1);
          row->title = g_strdup (ward_target_get_short_name (target));
          row->verdict = g_strdup (ward_verdict_title (progress.verdict));
          row->value = ward_progress_format_count ((gint64) progress.value,
                                                   (gint64) ward_target_get_goal (target),
                                                   data->today, resolution->term_end_date);
          row->page_index = counted[k].page_index;
          g_ptr_array_add (data->counted, row);
        }
    }
}

static gboolean
read_overview (WardStore  *reader,
               gpointer    user_data,
               GError    **error)
{
  OverviewRead *data = user_data;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (WardResolution) resolution = ward_resolution_load (reader, &local_error);
  g_autoptr (GPtrArray) targets = NULL;

  /* A file with no resolution yet (the welcome page leads to one) shows
   * nothing here, as before. */
  if (g_error_matches (local_error, WARD_ERROR, WARD_ERROR_NOT_FOUND))
    return TRUE;
  if (resolution == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  targets = ward_targets_load (reader, error);
  if (targets == NULL)
    return FALSE;
  read_targets (reader, data, resolution, targets);
  data->campaign = ward_ledger_default_campaign (reader, NULL);
  if (data->campaign != NULL)
    data->have_received = ward_ledger_get_received (reader, data->campaign->id, &data->amount,
                                                    &data->n_receipts, NULL);
  data->tally = ward_study_tally_load (reader, data->today, NULL);
  data->overdue = ward_programme_items_overdue (reader, data->today, NULL);
  return TRUE;
}

/* The term's days left, from the window's own connection: a read of one
 * row, there in the first frame while the rest is read. */
static gboolean
show_term (WardOverviewPage *self,
           const char       *today)
{
  g_autoptr (WardResolution) resolution = ward_resolution_load (ward_page_get_store (WARD_PAGE (self)), NULL);

  ward_preferences_page_clear (self->page);
  if (resolution == NULL)
    return FALSE;
  add_term_group (self, resolution, today);
  return TRUE;
}

static void
show_overview (WardPage     *page,
               gpointer      user_data,
               const GError *error)
{
  WardOverviewPage *self = WARD_OVERVIEW_PAGE (page);
  OverviewRead *data = user_data;

  if (error != NULL)
    {
      ward_page_show_error (page, _("The overview could not be read"), (GError *) error);
      return;
    }
  /* Replaced at once, so that a reload after a change never shows the
   * page half built. */
  if (!show_term (self, data->today) || data->counted == NULL)
    return;
  add_targets_group (self, data->n_targets, data->counts);
  add_counted_group (self, data->counted);
  add_donations_group (self, data->campaign, data->have_received, data->amount, data->n_receipts);
  add_study_group (self, data->tally);
  add_programme_group (self, data->overdue);
  self->shown = TRUE;
}

static void
ward_overview_page_reload (WardPage *page)
{
  WardOverviewPage *self = WARD_OVERVIEW_PAGE (page);
  OverviewRead *data = g_new0 (OverviewRead, 1);

  data->today = ward_today_iso ();
  /* The figures shown stay until the new ones are read. */
  if (!self->shown)
    show_term (self, data->today);
  ward_page_read_in_thread (page, read_overview, show_overview, data, (GDestroyNotify) overview_read_free);
}

static void
ward_overview_page_dispose (GObject *object)
{
  /* The bound "page" is the bin's own child: take it out of the bin first,
   * or AdwBin would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (ward_overview_page_parent_class)->dispose (object);
}

static void
ward_overview_page_class_init (WardOverviewPageClass *klass)
{
  static const char * const watched[] = {
    "ward", "targets", "readings", "candidates", "enterprises", "campaigns", "ledger_entries",
    "programme_groups", "programme_items", "units", "party_members", "study_sessions",
    "study_attendance", NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_overview_page_dispose;
  page_class->reload = ward_overview_page_reload;
  page_class->watched_tables = watched;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/overview/ward-overview-page.ui");
  ward_print_install_actions (widget_class, "targets");
  gtk_widget_class_bind_template_child (widget_class, WardOverviewPage, page);
}

static void
ward_overview_page_init (WardOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
