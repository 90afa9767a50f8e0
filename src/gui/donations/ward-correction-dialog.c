/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-correction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-form-error.h"
#include "common/ward-form.h"
#include "donations/ward-correction-dialog.h"
#include "donations/ward-donations-ledger.h"

struct _WardCorrectionDialog
{
  AdwWindow     parent_instance;

  WardStore    *store;
  WardCampaign *campaign;
  gint64        entry_id;
  char         *title;
  WardFormError form_error;

  AdwActionRow *entry_row;
  AdwEntryRow  *date_row;
  AdwEntryRow  *reason_row;
  GtkWidget    *save_button;
};

G_DEFINE_FINAL_TYPE (WardCorrectionDialog, ward_correction_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_for_field (WardCorrectionDialog *self,
               WardLedgerField       field)
{
  switch (field)
    {
    case WARD_LEDGER_FIELD_DATE: return GTK_WIDGET (self->date_row);
    case WARD_LEDGER_FIELD_REASON: return GTK_WIDGET (self->reason_row);
    default:
      return NULL;
    }
}

static void
on_save_clicked_cb (WardCorrectionDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  WardReversalInput input = { 0 };
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;
  gint64 id = 0;

  ward_form_error_clear (&self->form_error);
  if (*date_text != '\0' && !ward_parse_date (date_text, &date, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->date_row),
                                   error->message);
      return;
    }
  input.reverses_id = self->entry_id;
  input.date = date;
  input.reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  if (!ward_ledger_add_reversal (self->store, self->campaign, &input, &id, &field, &error))
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  message = g_strdup_printf (_("%s reversed."), self->title);
  g_signal_emit (self, signals[RECORDED], 0, id, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ward_correction_dialog_dispose (GObject *object)
{
  WardCorrectionDialog *self = WARD_CORRECTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_CORRECTION_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign, ward_campaign_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ward_correction_dialog_parent_class)->dispose (object);
}

static void
ward_correction_dialog_class_init (WardCorrectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_correction_dialog_dispose;

  /**
   * WardCorrectionDialog::recorded:
   * @id: the correction's id
   * @message: a sentence saying what was reversed
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-correction-dialog.ui");
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardCorrectionDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardCorrectionDialog, entry_row);
  gtk_widget_class_bind_template_child (widget_class, WardCorrectionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, WardCorrectionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WardCorrectionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
ward_correction_dialog_init (WardCorrectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WardCorrectionDialog *
ward_correction_dialog_new (GtkWindow          *parent,
                            WardStore          *store,
                            const WardCampaign *campaign,
                            gint64              entry_id,
                            const char         *title,
                            const char         *summary)
{
  WardCorrectionDialog *self;
  g_autofree char *today = ward_today_iso ();
  g_autofree char *shown_today = ward_format_date (today);

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign != NULL, NULL);

  self = g_object_new (WARD_TYPE_CORRECTION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->campaign = ward_ledger_campaign_by_id (store, campaign->id, NULL);
  self->entry_id = entry_id;
  self->title = g_strdup (title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), title);
  adw_action_row_set_subtitle (self->entry_row, summary);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown_today);
  /* The date is proposed: the reason is the first field to type. */
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->reason_row), self->save_button, NULL);
  g_return_val_if_fail (self->campaign != NULL, self);
  return self;
}
