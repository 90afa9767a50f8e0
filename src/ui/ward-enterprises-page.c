/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprises-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-enterprises-page.h"

struct _WardEnterprisesPage
{
  WardPage       parent_instance;

  GtkStack      *stack;
  AdwStatusPage *count_page;
};

G_DEFINE_FINAL_TYPE (WardEnterprisesPage, ward_enterprises_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = { "enterprises", NULL };

static void
ward_enterprises_page_reload (WardPage *page)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (page);
  g_autofree char *title = NULL;
  gint64 n;

  n = ward_store_count_rows (ward_page_get_store (page), "enterprises", NULL);
  if (n <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " enterprise", "%" G_GINT64_FORMAT " enterprises", n), n);
  adw_status_page_set_title (self->count_page, title);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
ward_enterprises_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_ENTERPRISES_PAGE);

  G_OBJECT_CLASS (ward_enterprises_page_parent_class)->dispose (object);
}

static void
ward_enterprises_page_class_init (WardEnterprisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_enterprises_page_dispose;
  page_class->reload = ward_enterprises_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-enterprises-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardEnterprisesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WardEnterprisesPage, count_page);
}

static void
ward_enterprises_page_init (WardEnterprisesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
