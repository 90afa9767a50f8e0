/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-targets.h"
#include "ward-targets-page.h"

struct _WardTargetsPage
{
  WardPage            parent_instance;

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (WardTargetsPage, ward_targets_page, WARD_TYPE_PAGE)

static void
add_target_row (WardTargetsPage     *self,
                AdwPreferencesGroup *group,
                WardTarget          *target)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (self));
  g_autofree char *goal = ward_target_format_goal (target);
  g_autofree char *subtitle = NULL;
  g_autofree char *value = NULL;
  double latest;

  if (ward_target_latest_value (store, target, &latest, NULL))
    value = ward_target_format_value (target, latest);
  else
    value = g_strdup (_("No data yet"));
  subtitle = g_strdup_printf (_("Goal: %s"), goal);
  adw_preferences_group_add (group,
                             GTK_WIDGET (ward_value_row_new (ward_target_get_name (target),
                                                             subtitle, value, NULL, NULL)));
}

static void
ward_targets_page_reload (WardPage *page)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (page);
  static const char * const groups[] = { "economy", "society", "defence", "party" };
  g_autoptr (GPtrArray) targets = NULL;

  ward_preferences_page_clear (self->page);
  targets = ward_targets_load (ward_page_get_store (page), NULL);
  if (targets == NULL)
    return;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      AdwPreferencesGroup *group = NULL;

      for (guint i = 0; i < targets->len; i++)
        {
          WardTarget *target = targets->pdata[i];

          if (!g_str_equal (ward_target_get_group (target), groups[g]))
            continue;
          if (group == NULL)
            group = ward_preferences_page_group (self->page, ward_target_group_title (groups[g]), NULL);
          add_target_row (self, group, target);
        }
    }
}

static void
ward_targets_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_TARGETS_PAGE);

  G_OBJECT_CLASS (ward_targets_page_parent_class)->dispose (object);
}

static void
ward_targets_page_class_init (WardTargetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_targets_page_dispose;
  page_class->reload = ward_targets_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-targets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, page);
}

static void
ward_targets_page_init (WardTargetsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
