/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-campaign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-form-error.h"
#include "common/ward-form.h"
#include "donations/ward-campaign-dialog.h"
#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"

/* Used when the file holds no campaign to take the organiser from. */
#define DEFAULT_ORGANISER "Ủy ban MTTQ phường"

struct _WardCampaignDialog
{
  AdwWindow     parent_instance;

  WardStore    *store;
  WardFormError form_error;

  GtkButton    *create_button;
  AdwEntryRow  *name_row;
  AdwEntryRow  *organiser_row;
  AdwEntryRow  *start_row;
  AdwEntryRow  *end_row;
  AdwEntryRow  *description_row;
  AdwEntryRow  *receiver_row;
  AdwEntryRow  *account_row;
};

G_DEFINE_FINAL_TYPE (WardCampaignDialog, ward_campaign_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GtkWidget *
row_for_field (WardCampaignDialog *self,
               WardCampaignField   field)
{
  switch (field)
    {
    case WARD_CAMPAIGN_FIELD_NAME: return GTK_WIDGET (self->name_row);
    case WARD_CAMPAIGN_FIELD_ORGANISER: return GTK_WIDGET (self->organiser_row);
    case WARD_CAMPAIGN_FIELD_START_DATE: return GTK_WIDGET (self->start_row);
    case WARD_CAMPAIGN_FIELD_END_DATE: return GTK_WIDGET (self->end_row);
    case WARD_CAMPAIGN_FIELD_RECEIVER: return GTK_WIDGET (self->receiver_row);
    case WARD_CAMPAIGN_FIELD_RECEIVER_ACCOUNT: return GTK_WIDGET (self->account_row);
    case WARD_CAMPAIGN_FIELD_DESCRIPTION: return GTK_WIDGET (self->description_row);
    case WARD_CAMPAIGN_FIELD_NONE:
    default:
      return NULL;
    }
}

/* An empty date is left to core, which says that the start date is needed.
 * The parser's sentence does not say which of the two dates it is about. */
static gboolean
read_date (WardCampaignDialog  *self,
           AdwEntryRow         *row,
           char               **iso_out)
{
  g_autoptr (GError) error = NULL;

  if (*text_of (row) == '\0' || ward_parse_date (text_of (row), iso_out, &error))
    return TRUE;
  ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (row), error->message);
  return FALSE;
}

static void
on_create_clicked_cb (WardCampaignDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *message = NULL;
  g_autoptr (WardCampaign) created = NULL;
  WardCampaignField field = WARD_CAMPAIGN_FIELD_NONE;
  WardCampaign campaign = { 0 };
  gint64 id;

  ward_form_error_clear (&self->form_error);
  if (!read_date (self, self->start_row, &start) || !read_date (self, self->end_row, &end))
    return;
  campaign.name = (char *) text_of (self->name_row);
  campaign.organiser = (char *) text_of (self->organiser_row);
  campaign.start_date = start;
  campaign.end_date = end;
  campaign.description = (char *) text_of (self->description_row);
  campaign.receiver = (char *) text_of (self->receiver_row);
  campaign.receiver_account = (char *) text_of (self->account_row);

  id = ward_campaign_add (self->store, &campaign, &field, &error);
  if (id == 0)
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  /* The name as stored: trimmed, single-spaced. */
  created = ward_ledger_campaign_by_id (self->store, id, NULL);
  message = g_strdup_printf (_("Campaign “%s” created."),
                             created != NULL ? created->name : text_of (self->name_row));
  g_signal_emit (self, signals[CREATED], 0, id, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_field_changed_cb (WardCampaignDialog *self,
                     GtkEditable        *editable)
{
  ward_form_error_row_changed (&self->form_error, editable);
}

/* The organiser of the newest campaign is most likely the organiser of
 * the next one (the ward's Fatherland Front). */
static void
fill_form (WardCampaignDialog *self)
{
  g_autoptr (GPtrArray) campaigns = ward_campaigns_load (self->store, NULL);
  g_autofree char *today = ward_today_iso ();
  g_autofree char *shown_today = ward_format_date (today);
  const char *organiser = DEFAULT_ORGANISER;

  if (campaigns != NULL && campaigns->len > 0)
    organiser = ((WardCampaign *) campaigns->pdata[0])->organiser;
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), organiser);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), shown_today);
}

static void
ward_campaign_dialog_dispose (GObject *object)
{
  WardCampaignDialog *self = WARD_CAMPAIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_CAMPAIGN_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ward_campaign_dialog_parent_class)->dispose (object);
}

static void
ward_campaign_dialog_class_init (WardCampaignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_campaign_dialog_dispose;

  /**
   * WardCampaignDialog::created:
   * @id: the new campaign's id
   * @message: a sentence saying what was created
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-campaign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, create_button);
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardCampaignDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, receiver_row);
  gtk_widget_class_bind_template_child (widget_class, WardCampaignDialog, account_row);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
ward_campaign_dialog_init (WardCampaignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in any field creates the campaign. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
}

WardCampaignDialog *
ward_campaign_dialog_new (GtkWindow *parent,
                          WardStore *store)
{
  WardCampaignDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = g_object_new (WARD_TYPE_CAMPAIGN_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_form (self);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->name_row), GTK_WIDGET (self->create_button), NULL);
  return self;
}
