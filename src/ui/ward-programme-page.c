/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-format.h"
#include "ward-programme.h"
#include "ward-programme-page.h"

struct _WardProgrammePage
{
  WardPage            parent_instance;

  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (WardProgrammePage, ward_programme_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = {
  "programme_groups", "programme_items", "programme_updates", "units", NULL
};

static char *
describe_progress (WardProgrammeGroup *group)
{
  if (group->n_items == 0)
    return g_strdup (_("No items yet"));
  if (group->n_overdue > 0)
    return g_strdup_printf (_("%d of %d done · %d overdue"), group->n_done, group->n_items, group->n_overdue);
  return g_strdup_printf (_("%d of %d done"), group->n_done, group->n_items);
}

static void
ward_programme_page_reload (WardPage *page)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (page);
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GPtrArray) groups = NULL;
  AdwPreferencesGroup *tasks, *breakthroughs;

  ward_preferences_page_clear (self->page);
  groups = ward_programme_groups_load (ward_page_get_store (page), today, NULL);
  if (groups == NULL)
    return;

  tasks = ward_preferences_page_group (self->page, _("Key tasks"), NULL);
  breakthroughs = ward_preferences_page_group (self->page, _("Breakthroughs"), NULL);
  for (guint i = 0; i < groups->len; i++)
    {
      WardProgrammeGroup *group = groups->pdata[i];
      g_autofree char *progress = describe_progress (group);
      gboolean is_task = g_str_equal (group->kind, "task");

      adw_preferences_group_add (is_task ? tasks : breakthroughs,
                                 GTK_WIDGET (ward_value_row_new (group->title, NULL, progress, NULL, NULL)));
    }
}

static void
ward_programme_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_PROGRAMME_PAGE);

  G_OBJECT_CLASS (ward_programme_page_parent_class)->dispose (object);
}

static void
ward_programme_page_class_init (WardProgrammePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_programme_page_dispose;
  page_class->reload = ward_programme_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, page);
}

static void
ward_programme_page_init (WardProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
