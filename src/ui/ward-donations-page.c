/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-campaign.h"
#include "ward-donations-page.h"
#include "ward-format.h"

struct _WardDonationsPage
{
  WardPage             parent_instance;

  AdwPreferencesGroup *campaign_group;
  AdwStatusPage       *empty_page;
  GPtrArray           *campaign_rows;
};

G_DEFINE_FINAL_TYPE (WardDonationsPage, ward_donations_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = { "campaigns", "ledger_entries", NULL };

static void
add_row (WardDonationsPage *self,
         const char        *title,
         const char        *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = GTK_WIDGET (ward_value_row_new (title, NULL, value, NULL, NULL));
  adw_preferences_group_add (self->campaign_group, row);
  g_ptr_array_add (self->campaign_rows, row);
}

static void
ward_donations_page_reload (WardPage *page)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (page);
  WardStore *store = ward_page_get_store (page);
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autofree char *start = NULL, *end = NULL, *dates = NULL;
  WardCampaign *campaign;

  for (guint i = 0; i < self->campaign_rows->len; i++)
    adw_preferences_group_remove (self->campaign_group, self->campaign_rows->pdata[i]);
  g_ptr_array_set_size (self->campaign_rows, 0);

  campaigns = ward_campaigns_load (store, NULL);
  if (campaigns == NULL || campaigns->len == 0)
    return;
  campaign = campaigns->pdata[0];

  adw_preferences_group_set_title (self->campaign_group, campaign->name);
  adw_preferences_group_set_description (self->campaign_group, campaign->description);
  start = ward_format_date (campaign->start_date);
  end = ward_format_date (campaign->end_date);
  dates = *end ? g_strdup_printf ("%s – %s", start, end) : g_strdup (start);
  add_row (self, _("Organiser"), campaign->organiser);
  add_row (self, _("Dates"), dates);
  add_row (self, _("Money goes to"), campaign->receiver);
  add_row (self, _("Account"), campaign->receiver_account);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          ward_store_count_rows (store, "ledger_entries", NULL) == 0);
}

static void
ward_donations_page_dispose (GObject *object)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_DONATIONS_PAGE);
  g_clear_pointer (&self->campaign_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ward_donations_page_parent_class)->dispose (object);
}

static void
ward_donations_page_class_init (WardDonationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_donations_page_dispose;
  page_class->reload = ward_donations_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-donations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, campaign_group);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, empty_page);
}

static void
ward_donations_page_init (WardDonationsPage *self)
{
  self->campaign_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
