/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-members-page.h"

struct _WardMembersPage
{
  WardPage       parent_instance;

  GtkStack      *stack;
  AdwStatusPage *count_page;
};

G_DEFINE_FINAL_TYPE (WardMembersPage, ward_members_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = { "candidates", NULL };

static void
ward_members_page_reload (WardPage *page)
{
  WardMembersPage *self = WARD_MEMBERS_PAGE (page);
  g_autofree char *title = NULL;
  gint64 n;

  n = ward_store_count_rows (ward_page_get_store (page), "candidates", NULL);
  if (n <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " candidate", "%" G_GINT64_FORMAT " candidates", n), n);
  adw_status_page_set_title (self->count_page, title);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
ward_members_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_MEMBERS_PAGE);

  G_OBJECT_CLASS (ward_members_page_parent_class)->dispose (object);
}

static void
ward_members_page_class_init (WardMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_members_page_dispose;
  page_class->reload = ward_members_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardMembersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WardMembersPage, count_page);
}

static void
ward_members_page_init (WardMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
