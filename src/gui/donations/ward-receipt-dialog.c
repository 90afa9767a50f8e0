/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-receipt-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "base/ward-format.h"
#include "base/ward-text.h"
#include "common/ward-accessible.h"
#include "common/ward-form.h"
#include "common/ward-form-error.h"
#include "common/ward-name-entry.h"
#include "donations/ward-donations-ledger.h"
#include "donations/ward-receipt-dialog.h"
#include "names/ward-names.h"

struct _WardReceiptDialog
{
  AdwWindow            parent_instance;

  WardStore           *store;
  WardCampaign        *campaign;
  WardFormError        form_error;
  gboolean             kind_chosen;    /* the clerk set the kind: stop guessing it */
  gboolean             guessing_kind;
  char                *confirmed_date; /* a date outside the campaign the clerk confirmed */
  gboolean             and_next;       /* once recorded, start the next receipt */
  gint64               correcting_id;  /* the receipt this form corrects, or 0 */
  /* QuickFill: what the clerk had typed in the donor and group fields,
   * before the completion written after it. */
  char                *donor_typed;
  char                *group_typed;
  char                *collector_typed;
  guint                fill_id;
  /* The known groups and collectors, chosen from as they are typed. */
  WardNames           *groups;
  WardNames           *collectors;

  GtkWidget           *save_button;
  GtkWidget           *save_next_button;

  AdwPreferencesGroup *receipt_group;
  AdwEntryRow         *number_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *donor_row;
  AdwComboRow         *donor_kind_row;
  AdwEntryRow         *group_row;
  AdwEntryRow         *amount_row;
  AdwActionRow        *words_row;
  AdwComboRow         *method_row;
  AdwEntryRow         *reference_row;
  AdwEntryRow         *collector_row;
  GtkSwitch           *anonymous_switch;
  AdwEntryRow         *note_row;
};

G_DEFINE_FINAL_TYPE (WardReceiptDialog, ward_receipt_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the form holds, once read. */
typedef struct
{
  char             *date;
  WardReceiptInput  input;
} Form;

static void
form_clear (Form *form)
{
  g_clear_pointer (&form->date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Form, form_clear)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GtkWidget *
row_for_field (WardReceiptDialog *self,
               WardLedgerField    field)
{
  switch (field)
    {
    case WARD_LEDGER_FIELD_RECEIPT_NUMBER: return GTK_WIDGET (self->number_row);
    case WARD_LEDGER_FIELD_DATE: return GTK_WIDGET (self->date_row);
    case WARD_LEDGER_FIELD_DONOR: return GTK_WIDGET (self->donor_row);
    case WARD_LEDGER_FIELD_DONOR_KIND: return GTK_WIDGET (self->donor_kind_row);
    case WARD_LEDGER_FIELD_GROUP: return GTK_WIDGET (self->group_row);
    case WARD_LEDGER_FIELD_AMOUNT: return GTK_WIDGET (self->amount_row);
    case WARD_LEDGER_FIELD_METHOD: return GTK_WIDGET (self->method_row);
    case WARD_LEDGER_FIELD_REFERENCE: return GTK_WIDGET (self->reference_row);
    case WARD_LEDGER_FIELD_COLLECTOR: return GTK_WIDGET (self->collector_row);
    case WARD_LEDGER_FIELD_NOTE: return GTK_WIDGET (self->note_row);
    default:
      return NULL;
    }
}

static gboolean
read_form (WardReceiptDialog *self,
           Form              *form)
{
  g_autoptr (GError) error = NULL;
  const char *date = text_of (self->date_row);
  const char *amount = text_of (self->amount_row);

  if (*date != '\0' && !ward_parse_date (date, &form->date, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->date_row),
                                   error->message);
      return FALSE;
    }
  form->input.amount = 0;
  if (*amount != '\0' && !ward_parse_money (amount, &form->input.amount, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->amount_row),
                                   error->message);
      return FALSE;
    }
  form->input.receipt_number = text_of (self->number_row);
  form->input.date = form->date;
  form->input.donor = text_of (self->donor_row);
  form->input.donor_kind = (WardDonorKind) adw_combo_row_get_selected (self->donor_kind_row);
  form->input.donor_group = text_of (self->group_row);
  form->input.method = (WardPaymentMethod) adw_combo_row_get_selected (self->method_row);
  form->input.reference = text_of (self->reference_row);
  form->input.collector = text_of (self->collector_row);
  form->input.note = text_of (self->note_row);
  form->input.outside_period_confirmed = form->date != NULL
                                         && g_strcmp0 (form->date, self->confirmed_date) == 0;
  form->input.anonymous = gtk_switch_get_active (self->anonymous_switch);
  return TRUE;
}

/* The form ready for the next receipt of the same paper book: the next
 * number, and the date, group, payment and collector of this one. */
static void
start_next (WardReceiptDialog *self)
{
  g_autofree char *next = ward_ledger_next_receipt_number (self->store, self->campaign->id, NULL);
  AdwEntryRow *cleared[] = { self->donor_row, self->amount_row, self->reference_row, self->note_row };

  ward_form_error_clear (&self->form_error);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), next ? next : "");
  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    gtk_editable_set_text (GTK_EDITABLE (cleared[i]), "");
  self->kind_chosen = FALSE;
  ward_form_mark_unchanged (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->donor_row));
}

static void
record (WardReceiptDialog *self)
{
  g_auto (Form) form = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;
  gint64 id = 0;

  if (!read_form (self, &form))
    return;
  if (self->correcting_id != 0
      ? !ward_ledger_correct_receipt (self->store, self->campaign, self->correcting_id, &form.input,
                                      NULL, NULL, &id, &field, &error)
      : !ward_ledger_add_receipt (self->store, self->campaign, &form.input, &id, &field, &error))
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  number = g_strstrip (g_strdup (form.input.receipt_number));
  amount = ward_format_money (form.input.amount);
  message = self->correcting_id != 0
            ? g_strdup_printf (_("Receipt no. %s corrected: %s."), number, amount)
            : g_strdup_printf (_("Receipt no. %s recorded: %s."), number, amount);
  g_signal_emit (self, signals[RECORDED], 0, id, message);
  if (self->and_next)
    start_next (self);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_confirm_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        WardReceiptDialog *self)
{
  if (g_str_equal (response, "record"))
    record (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

/* A question before recording: "record" records, "cancel" (the default,
 * and Escape) goes back to the form. */
static void
ask_question (WardReceiptDialog *self,
              const char        *heading,
              const char        *body,
              const char        *cancel_label,
              GCallback          on_response)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", cancel_label,
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", on_response, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_to_confirm (WardReceiptDialog *self,
                const Form        *form)
{
  g_autofree char *amount = ward_format_money (form->input.amount);
  g_autofree char *words = ward_format_amount_in_words (form->input.amount);
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("This receipt is for %s (%s). Check the amount against the paper "
                            "receipt before recording it."), amount, words);
  ask_question (self, _("Record a Large Amount?"), body, _("_Check Again"),
                G_CALLBACK (on_confirm_response_cb));
}

static void check_and_record (WardReceiptDialog *self);

static void
on_outside_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        WardReceiptDialog *self)
{
  g_auto (Form) form = { 0 };

  if (!g_str_equal (response, "record"))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  if (!read_form (self, &form))
    return;
  g_free (self->confirmed_date);
  self->confirmed_date = g_strdup (form.date);
  /* As the clerk asked: Save, or Save and Next. */
  check_and_record (self);
}

/* A receipt dated outside the campaign's period is a warning the clerk
 * confirms (ward_campaign_describe_outside() says how it lies outside). */
static gboolean
ask_outside_period (WardReceiptDialog *self,
                    const Form        *form)
{
  g_autofree char *why = NULL;
  g_autofree char *body = NULL;

  if (form->date == NULL || g_strcmp0 (form->date, self->confirmed_date) == 0
      || (why = ward_campaign_describe_outside (self->campaign, form->date)) == NULL)
    return FALSE;
  body = g_strdup_printf (_("%s Record it all the same? The disclosure list counts it apart."), why);
  ask_question (self, _("Record a Receipt Outside the Campaign?"), body, _("_Check the Date"),
                G_CALLBACK (on_outside_response_cb));
  return TRUE;
}

/* @typed, cleaned, when @names holds no spelling of it; NULL otherwise. */
static char *
new_name (WardNames  *names,
          const char *typed)
{
  g_autofree char *clean = ward_text_normalize (typed);

  if (clean == NULL || *clean == '\0' || ward_names_lookup (names, clean) != NULL)
    return NULL;
  return g_steal_pointer (&clean);
}

static gboolean
add_new_name (WardReceiptDialog  *self,
              WardNameKind        kind,
              WardNames          *names,
              AdwEntryRow        *row,
              GError            **error)
{
  g_autofree char *name = new_name (names, text_of (row));
  g_autofree char *known = NULL;

  if (name == NULL)
    return TRUE;
  if (!ward_names_add_known (self->store, kind, name, &known, error))
    return FALSE;
  ward_names_add (names, known, TRUE);
  return TRUE;
}

static gboolean
check_and_record_cb (gpointer data)
{
  WardReceiptDialog *self = data;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    check_and_record (self);
  return G_SOURCE_REMOVE;
}

static gboolean
focus_row_cb (gpointer data)
{
  GtkWidget *row = data;

  if (gtk_widget_get_root (row) != NULL)
    {
      gtk_widget_grab_focus (row);
      gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
on_new_names_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          WardReceiptDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *group = new_name (self->groups, text_of (self->group_row));

  if (!g_str_equal (response, "add"))
    {
      /* Once the question is gone, which gives the focus back to where
       * it was: the clerk corrects the name. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_row_cb,
                       g_object_ref (group != NULL ? self->group_row : self->collector_row),
                       g_object_unref);
      return;
    }
  if (!add_new_name (self, WARD_NAME_GROUP, self->groups, self->group_row, &error)
      || !add_new_name (self, WARD_NAME_COLLECTOR, self->collectors, self->collector_row, &error))
    {
      ward_form_error_show (&self->form_error, GTK_WIDGET (group != NULL ? self->group_row
                                                                          : self->collector_row),
                            error->message);
      return;
    }
  /* Recording may close this form, the question's parent: not while the
   * question is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_and_record_cb, g_object_ref (self), g_object_unref);
}

/* A group or collector that no list holds is a new one or a mistake: the
 * clerk says which, once; Enter adds it (Known names, issue 26). */
static gboolean
ask_new_names (WardReceiptDialog *self,
               const Form        *form)
{
  g_autofree char *group = new_name (self->groups, form->input.donor_group);
  g_autofree char *collector = new_name (self->collectors, form->input.collector);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (group == NULL && collector == NULL)
    return FALSE;
  if (group != NULL && collector != NULL)
    {
      heading = g_strdup (_("Add the New Names to the Lists?"));
      body = g_strdup_printf (_("Neither the group “%s” nor the collector “%s” is in the lists yet. "
                                "Add them if they are new; if one was mistyped, correct it."),
                              group, collector);
    }
  else
    {
      heading = g_strdup_printf (_("Add “%s” to the List?"), group != NULL ? group : collector);
      body = g_strdup_printf (group != NULL
                              ? _("“%s” is not in the list of groups yet. Add it if it is a new "
                                  "group; if it was mistyped, correct it.")
                              : _("“%s” is not in the list of collectors yet. Add it if it is a "
                                  "new collector; if it was mistyped, correct it."),
                              group != NULL ? group : collector);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Correct It"),
                                    "add", _("_Add to List"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_names_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
check_and_record (WardReceiptDialog *self)
{
  g_auto (Form) form = { 0 };
  g_autoptr (GError) error = NULL;
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;

  ward_form_error_clear (&self->form_error);
  if (!read_form (self, &form))
    return;
  /* Every other rule first: the question about the period comes last. */
  form.input.outside_period_confirmed = TRUE;
  if (self->correcting_id != 0
      ? !ward_ledger_check_correction (self->store, self->campaign, self->correcting_id, &form.input,
                                       &field, &error)
      : !ward_ledger_check_receipt (self->store, self->campaign, &form.input, &field, &error))
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  if (ask_new_names (self, &form))
    return;
  if (ask_outside_period (self, &form))
    return;
  if (ward_ledger_amount_needs_confirmation (form.input.amount))
    ask_to_confirm (self, &form);
  else
    record (self);
}

static void
on_save_clicked_cb (WardReceiptDialog *self)
{
  self->and_next = FALSE;
  check_and_record (self);
}

static void
on_save_next_clicked_cb (WardReceiptDialog *self)
{
  self->and_next = TRUE;
  check_and_record (self);
}

static void
on_field_changed_cb (WardReceiptDialog *self,
                     GtkEditable       *editable)
{
  ward_form_error_row_changed (&self->form_error, editable);
}

static void
on_amount_changed_cb (WardReceiptDialog *self)
{
  g_autofree char *words = NULL;
  gint64 amount = 0;

  if (ward_parse_money (text_of (self->amount_row), &amount, NULL) && ABS (amount) <= WARD_MONEY_MAX)
    words = ward_format_amount_in_words (amount);
  adw_action_row_set_subtitle (self->words_row, words ? words : "");
}

static const char *
known_or_typed (WardNames  *names,
                const char *typed)
{
  const char *known = ward_names_lookup (names, typed);

  return known != NULL ? known : typed;
}

/* After the field has placed its cursor behind what was typed. */
static gboolean
quick_fill_cb (gpointer data)
{
  WardReceiptDialog *self = data;
  g_autofree char *donor = NULL;
  g_autofree char *group = NULL;
  g_autofree char *typed = NULL;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Only where the clerk types: not a group written by the form itself. */
  self->fill_id = 0;
  if (focus == NULL)
    return G_SOURCE_REMOVE;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->donor_row)) && self->donor_typed != NULL)
    {
      typed = g_strdup (self->donor_typed);
      donor = ward_ledger_complete_donor (self->store, typed, &group, NULL);
      ward_name_entry_write_completion (self->donor_row, typed, donor);
      if (group != NULL && *group != '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->group_row), known_or_typed (self->groups, group));
    }
  else if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->group_row)) && self->group_typed != NULL)
    {
      typed = g_strdup (self->group_typed);
      ward_name_entry_write_completion (self->group_row, typed,
                                        ward_names_complete (self->groups, typed));
    }
  else if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->collector_row))
           && self->collector_typed != NULL)
    {
      typed = g_strdup (self->collector_typed);
      ward_name_entry_write_completion (self->collector_row, typed,
                                        ward_names_complete (self->collectors, typed));
    }
  return G_SOURCE_REMOVE;
}

static void
quick_fill_later (WardReceiptDialog *self)
{
  if (self->fill_id == 0)
    self->fill_id = g_idle_add (quick_fill_cb, self);
}

static void
on_group_changed_cb (WardReceiptDialog *self)
{
  if (ward_name_entry_typed_on (self->group_row, &self->group_typed))
    quick_fill_later (self);
}

static void
on_collector_changed_cb (WardReceiptDialog *self)
{
  if (ward_name_entry_typed_on (self->collector_row, &self->collector_typed))
    quick_fill_later (self);
}

static void
on_donor_changed_cb (WardReceiptDialog *self)
{
  if (ward_name_entry_typed_on (self->donor_row, &self->donor_typed))
    quick_fill_later (self);
  if (self->kind_chosen)
    return;
  self->guessing_kind = TRUE;
  adw_combo_row_set_selected (self->donor_kind_row, ward_donor_kind_guess (text_of (self->donor_row)));
  self->guessing_kind = FALSE;
}

static void
on_donor_kind_changed_cb (WardReceiptDialog *self)
{
  if (!self->guessing_kind)
    self->kind_chosen = TRUE;
}

static void
on_method_changed_cb (WardReceiptDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reference_row),
                          adw_combo_row_get_selected (self->method_row) == WARD_PAYMENT_BANK);
}

static void
fill_form (WardReceiptDialog *self)
{
  g_autofree char *next = ward_ledger_next_receipt_number (self->store, self->campaign->id, NULL);
  g_autofree char *today = ward_today_iso ();
  g_autofree char *shown_today = ward_format_date (today);

  adw_preferences_group_set_description (self->receipt_group, self->campaign->name);
  self->groups = ward_names_load (self->store, WARD_NAME_GROUP, NULL);
  self->collectors = ward_names_load (self->store, WARD_NAME_COLLECTOR, NULL);
  if (self->groups == NULL)
    self->groups = ward_names_new ();
  if (self->collectors == NULL)
    self->collectors = ward_names_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), next ? next : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown_today);
  on_amount_changed_cb (self);
  /* The number and the date are proposed: the donor is the first field to
   * type. */
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->donor_row), self->save_button,
                     self->save_next_button);
}

static void
ward_receipt_dialog_dispose (GObject *object)
{
  WardReceiptDialog *self = WARD_RECEIPT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_RECEIPT_DIALOG);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->donor_typed, g_free);
  g_clear_pointer (&self->group_typed, g_free);
  g_clear_pointer (&self->collector_typed, g_free);
  g_clear_pointer (&self->groups, ward_names_free);
  g_clear_pointer (&self->collectors, ward_names_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->campaign, ward_campaign_free);
  g_clear_pointer (&self->confirmed_date, g_free);

  G_OBJECT_CLASS (ward_receipt_dialog_parent_class)->dispose (object);
}

static void
ward_receipt_dialog_class_init (WardReceiptDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_receipt_dialog_dispose;

  /**
   * WardReceiptDialog::recorded:
   * @id: the new entry's id
   * @message: a sentence saying what was recorded
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-receipt-dialog.ui");
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardReceiptDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, save_next_button);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, receipt_group);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, donor_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, donor_kind_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, collector_row);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, WardReceiptDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_collector_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_donor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_donor_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_method_changed_cb);
}

static void
ward_receipt_dialog_init (WardReceiptDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_combo_row_name_items (self->donor_kind_row);
  ward_combo_row_name_items (self->method_row);
}

WardReceiptDialog *
ward_receipt_dialog_new (GtkWindow          *parent,
                         WardStore          *store,
                         const WardCampaign *campaign)
{
  WardReceiptDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (campaign != NULL, NULL);

  self = g_object_new (WARD_TYPE_RECEIPT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->campaign = ward_ledger_campaign_by_id (store, campaign->id, NULL);
  g_return_val_if_fail (self->campaign != NULL, self);
  fill_form (self);
  return self;
}

/* The form filled with @entry, a receipt that stands: Record writes its
 * correction under the same number (ward_ledger_correct_receipt()), which
 * cannot be changed here. */
static void
fill_from_entry (WardReceiptDialog     *self,
                 const WardLedgerEntry *entry)
{
  g_autofree char *date = ward_format_date (entry->date);
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, entry->amount);

  gtk_window_set_title (GTK_WINDOW (self), _("Correct Receipt"));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), entry->receipt_number);
  gtk_editable_set_editable (GTK_EDITABLE (self->number_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  self->kind_chosen = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->donor_row), entry->donor);
  adw_combo_row_set_selected (self->donor_kind_row, entry->donor_kind);
  gtk_editable_set_text (GTK_EDITABLE (self->group_row), entry->donor_group);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  adw_combo_row_set_selected (self->method_row, entry->method);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), entry->reference ? entry->reference : "");
  gtk_editable_set_text (GTK_EDITABLE (self->collector_row), entry->collector ? entry->collector : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), entry->note ? entry->note : "");
  gtk_switch_set_active (self->anonymous_switch, entry->anonymous);
  gtk_widget_set_visible (self->save_next_button, FALSE);
  ward_form_mark_unchanged (GTK_WINDOW (self));
}

WardReceiptDialog *
ward_receipt_dialog_new_correction (GtkWindow             *parent,
                                    WardStore             *store,
                                    const WardCampaign    *campaign,
                                    const WardLedgerEntry *entry)
{
  WardReceiptDialog *self = ward_receipt_dialog_new (parent, store, campaign);

  g_return_val_if_fail (entry != NULL && entry->kind == WARD_LEDGER_RECEIPT, self);
  self->correcting_id = entry->id;
  /* The donor and group as stored: no completion written over them. */
  g_clear_handle_id (&self->fill_id, g_source_remove);
  fill_from_entry (self, entry);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  return self;
}
