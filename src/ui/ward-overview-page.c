/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-format.h"
#include "ward-overview-page.h"
#include "ward-resolution.h"
#include "ward-targets.h"

struct _WardOverviewPage
{
  WardPage            parent_instance;

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (WardOverviewPage, ward_overview_page, WARD_TYPE_PAGE)

enum { PAGE_OVERVIEW, PAGE_TARGETS, PAGE_PROGRAMME, PAGE_MEMBERS, PAGE_ENTERPRISES, PAGE_DONATIONS };

static void
add_term_group (WardOverviewPage *self,
                WardResolution   *resolution,
                const char       *today)
{
  AdwPreferencesGroup *group;
  g_autofree char *days = NULL;
  g_autofree char *term = NULL;
  int left = ward_resolution_days_left (resolution, today);

  group = ward_preferences_page_group (self->page, resolution->resolution_title, NULL);
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", left), left);
  term = g_strdup_printf ("%d – %d", resolution->term_start_year, resolution->term_end_year);
  adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (_("Days left in the term"), term,
                                                                    days, NULL, NULL)));
}

static void
add_counted_row (WardOverviewPage    *self,
                 AdwPreferencesGroup *group,
                 WardTarget          *target,
                 int                  page_index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  double count = 0;

  ward_target_latest_value (ward_page_get_store (WARD_PAGE (self)), target, &count, &error);
  value = g_strdup_printf ("%.0f/%.0f", count, ward_target_get_goal (target));
  adw_preferences_group_add (group,
                             GTK_WIDGET (ward_value_row_new (ward_target_get_short_name (target),
                                                             ward_target_get_name (target), value,
                                                             "win.show-page",
                                                             g_variant_new_int32 (page_index))));
}

static void
add_targets_group (WardOverviewPage *self,
                   GPtrArray        *targets)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (self));
  AdwPreferencesGroup *group;
  g_autofree char *with_data = NULL;
  guint n_with_data = 0;

  group = ward_preferences_page_group (self->page, _("Targets"), NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      double value;

      if (ward_target_get_source (target) == WARD_SOURCE_ADMISSIONS)
        add_counted_row (self, group, target, PAGE_MEMBERS);
      else if (ward_target_get_source (target) == WARD_SOURCE_ENTERPRISES)
        add_counted_row (self, group, target, PAGE_ENTERPRISES);
      if (ward_target_latest_value (store, target, &value, NULL))
        n_with_data++;
    }
  with_data = g_strdup_printf (_("%u of %u"), n_with_data, targets->len);
  adw_preferences_group_add (group,
                             GTK_WIDGET (ward_value_row_new (_("Targets with data"), NULL, with_data,
                                                             "win.show-page",
                                                             g_variant_new_int32 (PAGE_TARGETS))));
}

static void
ward_overview_page_reload (WardPage *page)
{
  WardOverviewPage *self = WARD_OVERVIEW_PAGE (page);
  WardStore *store = ward_page_get_store (page);
  g_autoptr (WardResolution) resolution = NULL;
  g_autoptr (GPtrArray) targets = NULL;
  g_autofree char *today = ward_today_iso ();

  ward_preferences_page_clear (self->page);
  resolution = ward_resolution_load (store, NULL);
  targets = ward_targets_load (store, NULL);
  if (resolution == NULL || targets == NULL)
    return;

  add_term_group (self, resolution, today);
  add_targets_group (self, targets);
}

static void
ward_overview_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (ward_overview_page_parent_class)->dispose (object);
}

static void
ward_overview_page_class_init (WardOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_overview_page_dispose;
  page_class->reload = ward_overview_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardOverviewPage, page);
}

static void
ward_overview_page_init (WardOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
