/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-transfer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-form-error.h"
#include "common/ward-form.h"
#include "donations/ward-donations-ledger.h"
#include "donations/ward-transfer-dialog.h"

struct _WardTransferDialog
{
  AdwWindow            parent_instance;

  WardStore           *store;
  WardCampaign        *campaign;
  WardFormError        form_error;

  AdwPreferencesGroup *transfer_group;
  GtkLabel            *on_hand_label;
  AdwEntryRow         *date_row;
  AdwEntryRow         *amount_row;
  GtkWidget           *save_button;
  AdwActionRow        *words_row;
  AdwEntryRow         *receiver_row;
  AdwEntryRow         *voucher_row;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (WardTransferDialog, ward_transfer_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GtkWidget *
row_for_field (WardTransferDialog *self,
               WardLedgerField     field)
{
  switch (field)
    {
    case WARD_LEDGER_FIELD_DATE: return GTK_WIDGET (self->date_row);
    case WARD_LEDGER_FIELD_AMOUNT: return GTK_WIDGET (self->amount_row);
    case WARD_LEDGER_FIELD_RECEIVER: return GTK_WIDGET (self->receiver_row);
    case WARD_LEDGER_FIELD_VOUCHER: return GTK_WIDGET (self->voucher_row);
    case WARD_LEDGER_FIELD_NOTE: return GTK_WIDGET (self->note_row);
    default:
      return NULL;
    }
}

static void
on_save_clicked_cb (WardTransferDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *message = NULL;
  WardTransferInput input = { 0 };
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;
  gint64 id = 0;

  ward_form_error_clear (&self->form_error);
  if (*text_of (self->date_row) != '\0' && !ward_parse_date (text_of (self->date_row), &date, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->date_row),
                                   error->message);
      return;
    }
  if (*text_of (self->amount_row) != '\0' &&
      !ward_parse_money (text_of (self->amount_row), &input.amount, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->amount_row),
                                   error->message);
      return;
    }
  input.date = date;
  input.receiver = text_of (self->receiver_row);
  input.voucher = text_of (self->voucher_row);
  input.note = text_of (self->note_row);
  if (!ward_ledger_add_transfer (self->store, self->campaign, &input, &id, &field, &error))
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  amount_text = ward_format_money (input.amount);
  message = g_strdup_printf (_("Transfer of %s upward recorded."), amount_text);
  g_signal_emit (self, signals[RECORDED], 0, id, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_field_changed_cb (WardTransferDialog *self,
                     GtkEditable        *editable)
{
  ward_form_error_row_changed (&self->form_error, editable);
}

static void
on_amount_changed_cb (WardTransferDialog *self)
{
  g_autofree char *words = NULL;
  gint64 amount = 0;

  if (ward_parse_money (text_of (self->amount_row), &amount, NULL) && ABS (amount) <= WARD_MONEY_MAX)
    words = ward_format_amount_in_words (amount);
  adw_action_row_set_subtitle (self->words_row, words ? words : "");
}

static void
fill_form (WardTransferDialog *self,
           gint64              on_hand)
{
  g_autofree char *today = ward_today_iso ();
  g_autofree char *shown_today = ward_format_date (today);
  g_autofree char *money = ward_format_money (on_hand);

  adw_preferences_group_set_description (self->transfer_group, self->campaign->name);
  gtk_label_set_text (self->on_hand_label, money);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown_today);
  gtk_editable_set_text (GTK_EDITABLE (self->receiver_row),
                         self->campaign->receiver ? self->campaign->receiver : "");
  on_amount_changed_cb (self);
}

static void
ward_transfer_dialog_dispose (GObject *object)
{
  WardTransferDialog *self = WARD_TRANSFER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_TRANSFER_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign, ward_campaign_free);

  G_OBJECT_CLASS (ward_transfer_dialog_parent_class)->dispose (object);
}

static void
ward_transfer_dialog_class_init (WardTransferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_transfer_dialog_dispose;

  /**
   * WardTransferDialog::recorded:
   * @id: the new entry's id
   * @message: a sentence saying what was recorded
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-transfer-dialog.ui");
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardTransferDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, transfer_group);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, on_hand_label);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, receiver_row);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, voucher_row);
  gtk_widget_class_bind_template_child (widget_class, WardTransferDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
ward_transfer_dialog_init (WardTransferDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WardTransferDialog *
ward_transfer_dialog_new (GtkWindow          *parent,
                          WardStore          *store,
                          const WardCampaign *campaign,
                          gint64              on_hand)
{
  WardTransferDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign != NULL, NULL);

  self = g_object_new (WARD_TYPE_TRANSFER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->campaign = ward_ledger_campaign_by_id (store, campaign->id, NULL);
  g_return_val_if_fail (self->campaign != NULL, self);
  fill_form (self, on_hand);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->amount_row), self->save_button, NULL);
  return self;
}
