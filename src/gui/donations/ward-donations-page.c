/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "common/ward-print.h"
#include "donations/ward-campaign-dialog.h"
#include "donations/ward-correction-dialog.h"
#include "donations/ward-donations-ledger.h"
#include "donations/ward-donations-page.h"
#include "donations/ward-ledger-list.h"
#include "donations/ward-receipt-dialog.h"
#include "donations/ward-transfer-dialog.h"
#include "import/ward-import-dialog.h"

/* Ủng hộ Cuba: the donation ledger of one campaign (the Cuba one unless the
 * file names another), its totals, and the forms that add to it. Printing
 * a receipt (biên lai) belongs to the reports: "page.print" is left for
 * them to install. */

struct _WardDonationsPage
{
  WardPage          parent_instance;

  GPtrArray        *campaigns;     /* WardCampaign, as in the drop-down */
  WardCampaign     *campaign;      /* the one shown */
  WardLedgerTotals  totals;
  gboolean          filling;
  gint64            loaded_id;     /* the campaign whose entries are shown */

  GtkLabel         *campaign_title;
  GtkDropDown      *campaign_dropdown;
  GtkLabel         *campaign_details;
  GtkRevealer      *tamper_revealer;
  GtkLabel         *tamper_label;
  GtkLabel         *received_label;
  GtkLabel         *received_caption;
  GtkLabel         *transferred_label;
  GtkLabel         *transferred_caption;
  GtkLabel         *on_hand_label;
  GtkLabel         *donors_label;
  GtkLabel         *groups_label;
  GtkRevealer      *gaps_revealer;
  GtkLabel         *gaps_label;
  WardLedgerList   *ledger_list;
};

G_DEFINE_FINAL_TYPE (WardDonationsPage, ward_donations_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = { "campaigns", "ledger_entries", NULL };

/* ---- Showing ------------------------------------------------------------ */

static void
show_campaign (WardDonationsPage *self)
{
  const WardCampaign *campaign = self->campaign;
  g_autofree char *start = ward_format_date (campaign->start_date);
  g_autofree char *end = ward_format_date (campaign->end_date);
  g_autoptr (GString) details = g_string_new (campaign->organiser);

  gtk_label_set_text (self->campaign_title, campaign->name);
  g_string_append_printf (details, " · %s", start);
  if (*end)
    g_string_append_printf (details, " – %s", end);
  if (campaign->receiver != NULL && *campaign->receiver)
    g_string_append_printf (details, " · %s %s", _("money goes to"), campaign->receiver);
  if (campaign->receiver_account != NULL && *campaign->receiver_account)
    g_string_append_printf (details, " (%s)", campaign->receiver_account);
  gtk_label_set_text (self->campaign_details, details->str);
}

static void
show_totals (WardDonationsPage *self)
{
  const WardLedgerTotals *totals = &self->totals;
  g_autofree char *received = ward_format_money (totals->received);
  g_autofree char *transferred = ward_format_money (totals->transferred);
  g_autofree char *on_hand = ward_format_money (totals->on_hand);
  g_autofree char *donors = ward_format_number (totals->n_donors);
  g_autofree char *n_receipts = ward_format_number (totals->n_receipts);
  g_autofree char *n_transfers = ward_format_number (totals->n_transfers);
  g_autofree char *received_caption = NULL;
  g_autofree char *transferred_caption = NULL;
  g_autoptr (GString) groups = g_string_new (NULL);
  g_autoptr (GString) tooltip = g_string_new (NULL);

  received_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Received · %s receipt",
                                                   "Received · %s receipts", totals->n_receipts),
                                      n_receipts);
  transferred_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Transferred upward · %s transfer",
                                                      "Transferred upward · %s transfers",
                                                      totals->n_transfers),
                                         n_transfers);
  gtk_label_set_text (self->received_label, received);
  gtk_label_set_text (self->received_caption, received_caption);
  gtk_label_set_text (self->transferred_label, transferred);
  gtk_label_set_text (self->transferred_caption, transferred_caption);
  gtk_label_set_text (self->on_hand_label, on_hand);
  gtk_label_set_text (self->donors_label, donors);

  for (guint i = 0; totals->groups != NULL && i < totals->groups->len; i++)
    {
      WardLedgerGroupTotal *group = totals->groups->pdata[i];
      g_autofree char *money = ward_format_money (group->amount);

      g_string_append_printf (groups, "%s%s: %s", groups->len ? " · " : _("By group: "),
                              *group->group ? group->group : _("no group"), money);
      g_string_append_printf (tooltip, "%s%s: %s", tooltip->len ? "\n" : "",
                              *group->group ? group->group : _("no group"), money);
    }
  /* Two lines at most above the list (a ward has some forty tổ dân phố);
   * the whole list, a group a line, in the tooltip. */
  gtk_label_set_text (self->groups_label, groups->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->groups_label), tooltip->str);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_label), groups->len > 0);
}

static void
show_gaps (WardDonationsPage *self,
           GPtrArray         *gaps)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (gaps == NULL || gaps->len == 0)
    {
      gtk_revealer_set_reveal_child (self->gaps_revealer, FALSE);
      return;
    }
  g_ptr_array_add (gaps, NULL);
  text = g_strjoinv (", ", (char **) gaps->pdata);
  g_ptr_array_remove_index (gaps, gaps->len - 1);
  message = g_strdup_printf (_("Receipt numbers missing from the sequence: %s. Check the receipt "
                               "books for spoilt receipts or money not yet handed in."), text);
  gtk_label_set_text (self->gaps_label, message);
  gtk_revealer_set_reveal_child (self->gaps_revealer, TRUE);
}

/* The chain is checked when the file opens, on a worker thread (see
 * ward-safety-file-check.h): a change made outside the application shows here,
 * in plain words, until the file is fixed. */
void
ward_donations_page_show_chain (WardDonationsPage *self,
                                const GError      *chain_error,
                                GPtrArray         *report)
{
  g_autoptr (GString) text = NULL;
  const guint shown = 8;
  guint n = report != NULL ? report->len : 0;

  g_return_if_fail (WARD_IS_DONATIONS_PAGE (self));

  if (chain_error == NULL)
    {
      gtk_revealer_set_reveal_child (self->tamper_revealer, FALSE);
      return;
    }
  text = g_string_new (chain_error->message);
  for (guint i = 0; i < n && i < shown; i++)
    g_string_append_printf (text, "\n• %s", (char *) report->pdata[i]);
  if (n > shown)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more finding.",
                                                 "… and %u more findings.", n - shown),
                              n - shown);
    }
  gtk_label_set_text (self->tamper_label, text->str);
  gtk_revealer_set_reveal_child (self->tamper_revealer, TRUE);
}

static void
update_actions (WardDonationsPage *self)
{
  WardRowItem *item = ward_ledger_list_get_selected (self->ledger_list);
  const WardLedgerEntry *entry = item != NULL ? ward_row_item_get_row (item) : NULL;
  gboolean has_campaign = self->campaign != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", has_campaign);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.transfer",
                                 has_campaign && self->totals.on_hand > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print-receipt",
                                 has_campaign && entry != NULL && entry->kind == WARD_LEDGER_RECEIPT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.correct",
                                 has_campaign && entry != NULL && entry->kind == WARD_LEDGER_RECEIPT
                                 && ward_ledger_entry_can_reverse (entry, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reverse",
                                 has_campaign && entry != NULL
                                 && ward_ledger_entry_can_reverse (entry, NULL));
}

/* ---- Loading ------------------------------------------------------------ */

static void
choose_campaign (WardDonationsPage *self,
                 WardStore         *store)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (WardCampaign) fallback = NULL;
  gint64 wanted = self->campaign ? self->campaign->id : 0;
  guint selected = 0;

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->campaign, ward_campaign_free);
  self->campaigns = ward_campaigns_load (store, NULL);
  if (self->campaigns == NULL || self->campaigns->len == 0)
    return;
  if (wanted == 0 && (fallback = ward_ledger_default_campaign (store, NULL)) != NULL)
    wanted = fallback->id;
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      WardCampaign *campaign = self->campaigns->pdata[i];

      gtk_string_list_append (names, campaign->name);
      if (campaign->id == wanted)
        selected = i;
    }
  self->campaign = ward_ledger_campaign_by_id (store,
                                               ((WardCampaign *) self->campaigns->pdata[selected])->id,
                                               NULL);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->campaign_dropdown, selected);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_dropdown), self->campaigns->len > 1);
}

/* What a worker thread reads of a campaign (ward_page_read_in_thread()):
 * its entries and the gaps in its receipt numbers, in one snapshot. 100,000
 * entries take a fifth of a second, which the window no longer waits for
 * before its first frame, nor after each receipt. */
typedef struct
{
  gint64             campaign_id;
  WardLedgerEntries *entries;
  WardLedgerTotals   totals;
  GPtrArray         *gaps;
} LedgerLoad;

static void
ledger_load_free (LedgerLoad *load)
{
  g_clear_pointer (&load->entries, ward_rows_unref);
  g_clear_pointer (&load->gaps, g_ptr_array_unref);
  ward_ledger_totals_clear (&load->totals);
  g_free (load);
}

static gboolean
read_ledger (WardStore  *reader,
             gpointer    data,
             GError    **error)
{
  LedgerLoad *load = data;

  /* The gaps first: the numbers they sort (8 MB for 100,000) are freed
   * before the entries are read, instead of adding to them (issue 25). */
  load->gaps = ward_ledger_receipt_gaps (reader, load->campaign_id, NULL);
  load->entries = ward_ledger_entries_load (reader, load->campaign_id, error);
  if (load->entries == NULL)
    return FALSE;
  if (!ward_ledger_get_totals (reader, load->campaign_id, &load->totals, error))
    return FALSE;
  return TRUE;
}

static void
show_ledger (WardPage     *page,
             gpointer      data,
             const GError *error)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (page);
  LedgerLoad *load = data;

  if (error != NULL)
    {
      ward_page_show_error (page, _("The Ledger Could Not Be Read"), (GError *) error);
      return;
    }
  if (self->campaign == NULL || self->campaign->id != load->campaign_id)
    return;
  self->loaded_id = load->campaign_id;
  ward_ledger_totals_clear (&self->totals);
  self->totals = load->totals;
  memset (&load->totals, 0, sizeof load->totals);
  ward_ledger_list_set_entries (self->ledger_list, load->entries);
  show_totals (self);
  show_gaps (self, load->gaps);
  update_actions (self);
}

/* Until its entries are read, another campaign shows no figures. */
static void
show_loading (WardDonationsPage *self)
{
  GtkLabel *figures[] = { self->received_label, self->transferred_label, self->on_hand_label,
                          self->donors_label };

  ward_ledger_totals_clear (&self->totals);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    gtk_label_set_text (figures[i], "…");
  gtk_widget_set_visible (GTK_WIDGET (self->groups_label), FALSE);
  gtk_revealer_set_reveal_child (self->gaps_revealer, FALSE);
  ward_ledger_list_set_loading (self->ledger_list);
  update_actions (self);
}

static void
load_campaign (WardDonationsPage *self)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (self));
  LedgerLoad *load;

  if (self->campaign == NULL || store == NULL)
    {
      self->loaded_id = 0;
      ward_ledger_totals_clear (&self->totals);
      ward_ledger_list_set_entries (self->ledger_list, NULL);
      update_actions (self);
      return;
    }
  show_campaign (self);
  ward_print_set_campaign (GTK_WIDGET (self), self->campaign->name);
  /* The same campaign read again (after a receipt) keeps its list on
   * show until the new one is read. */
  if (self->loaded_id != self->campaign->id)
    show_loading (self);

  load = g_new0 (LedgerLoad, 1);
  load->campaign_id = self->campaign->id;
  ward_page_read_in_thread (WARD_PAGE (self), read_ledger, show_ledger, load,
                            (GDestroyNotify) ledger_load_free);
}

static void
ward_donations_page_reload (WardPage *page)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (page);
  WardStore *store = ward_page_get_store (page);

  choose_campaign (self, store);
  load_campaign (self);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_campaign_selected_cb (WardDonationsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->campaign_dropdown);
  WardStore *store = ward_page_get_store (WARD_PAGE (self));

  if (self->filling || self->campaigns == NULL || selected >= self->campaigns->len)
    return;
  g_clear_pointer (&self->campaign, ward_campaign_free);
  self->campaign = ward_ledger_campaign_by_id (store,
                                               ((WardCampaign *) self->campaigns->pdata[selected])->id,
                                               NULL);
  load_campaign (self);
}

static void
on_selection_changed_cb (WardDonationsPage *self)
{
  update_actions (self);
}

/* The ledger is append-only and hash-chained (donations/ward-donations-
 * ledger-record.c): an entry recorded, a correction included, is never
 * erased, so Ctrl+Z cannot take it back and says what does instead. */
static gboolean
explain_entry_kept (WardStore *store,
                    gpointer   record,
                    GError   **error)
{
  g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("The donation ledger never erases an entry, so this one cannot be undone. "
                         "Put a receipt right with “Correct Receipt…”, which records the reversal and "
                         "the replacement under the same number; reverse any other entry with "
                         "“Reverse Entry…”."));
  return FALSE;
}

static gboolean
explain_entry_kept_again (WardStore *store,
                          gpointer  *record,
                          GError   **error)
{
  return explain_entry_kept (store, *record, error);
}

static const WardUndoKind ledger_entry_kept = {
  explain_entry_kept, explain_entry_kept_again, g_free, NULL,
};

static void
on_recorded_cb (GtkWidget         *dialog,
                gint64             id,
                const char        *message,
                WardDonationsPage *self)
{
  WardUndoStack *stack = ward_undo_stack_get (GTK_WIDGET (self));

  ward_page_toast (WARD_PAGE (self), message);
  /* On the stack, so that Ctrl+Z says why it cannot, rather than taking
   * back the change made before this one. */
  if (stack != NULL)
    ward_undo_stack_push (stack, GTK_WIDGET (self), ward_page_get_store (WARD_PAGE (self)),
                          message, &ledger_entry_kept, g_strdup (message));
}

static GtkWindow *
parent_window (WardDonationsPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
present_dialog (WardDonationsPage *self,
                gpointer           dialog)
{
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The page goes to the campaign just created; the drop-down, which now
 * has more than one campaign to offer, shows it. */
static void
on_campaign_created_cb (WardCampaignDialog *dialog,
                        gint64              id,
                        const char         *message,
                        WardDonationsPage  *self)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (self));
  WardCampaign *created = ward_ledger_campaign_by_id (store, id, NULL);

  ward_page_toast (WARD_PAGE (self), message);
  if (created == NULL)
    return;
  g_clear_pointer (&self->campaign, ward_campaign_free);
  self->campaign = created;
  ward_donations_page_reload (WARD_PAGE (self));
}

/* ---- Actions ------------------------------------------------------------ */

static void
new_campaign_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);
  WardCampaignDialog *dialog = ward_campaign_dialog_new (parent_window (self),
                                                         ward_page_get_store (WARD_PAGE (self)));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_campaign_created_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);

  if (self->campaign == NULL)
    return;
  present_dialog (self, ward_receipt_dialog_new (parent_window (self),
                                                 ward_page_get_store (WARD_PAGE (self)),
                                                 self->campaign));
}

static void
transfer_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);

  if (self->campaign == NULL)
    return;
  present_dialog (self, ward_transfer_dialog_new (parent_window (self),
                                                  ward_page_get_store (WARD_PAGE (self)),
                                                  self->campaign, self->totals.on_hand));
}

static char *
summarise_entry (WardLedgerEntries     *entries,
                 const WardLedgerEntry *entry)
{
  g_autofree char *money = ward_format_money (ABS (ward_ledger_entries_get_effect (entries, entry)));
  g_autofree char *date = ward_format_date (entry->date);
  const char *who = entry->kind == WARD_LEDGER_TRANSFER ? entry->receiver : entry->donor;

  return g_strdup_printf ("%s · %s · %s", who, money, date);
}

static void
print_receipt_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);
  WardRowItem *item = ward_ledger_list_get_selected (self->ledger_list);
  const WardLedgerEntry *entry;

  if (self->campaign == NULL || item == NULL)
    return;
  entry = ward_row_item_get_row (item);
  if (entry->kind != WARD_LEDGER_RECEIPT)
    return;
  ward_print_receipt (widget, ward_page_get_store (WARD_PAGE (self)), self->campaign->name,
                      entry->receipt_number, FALSE);
}

static void
reverse_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);
  WardRowItem *item = ward_ledger_list_get_selected (self->ledger_list);
  const WardLedgerEntry *entry;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GError) error = NULL;

  if (self->campaign == NULL || item == NULL)
    return;
  entry = ward_row_item_get_row (item);
  if (!ward_ledger_entry_can_reverse (entry, &error))
    {
      ward_page_show_error (WARD_PAGE (self), _("This Entry Cannot Be Reversed"), error);
      return;
    }
  title = ward_ledger_entry_describe (entry);
  summary = summarise_entry (ward_row_item_get_rows (item), entry);
  present_dialog (self, ward_correction_dialog_new (parent_window (self),
                                                    ward_page_get_store (WARD_PAGE (self)),
                                                    self->campaign, entry->id, title, summary));
}

static void
correct_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);
  WardRowItem *item = ward_ledger_list_get_selected (self->ledger_list);
  const WardLedgerEntry *entry;
  g_autoptr (GError) error = NULL;

  if (self->campaign == NULL || item == NULL)
    return;
  entry = ward_row_item_get_row (item);
  if (entry->kind != WARD_LEDGER_RECEIPT || !ward_ledger_entry_can_reverse (entry, &error))
    return;
  present_dialog (self, ward_receipt_dialog_new_correction (parent_window (self),
                                                            ward_page_get_store (WARD_PAGE (self)),
                                                            self->campaign, entry));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_ledger_list_focus_search (WARD_DONATIONS_PAGE (widget)->ledger_list);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);

  ward_import_dialog_present (widget, ward_page_get_store (WARD_PAGE (self)),
                              &ward_donations_import_kind,
                              self->campaign ? self->campaign->name : NULL);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (widget);
  g_autofree char *name = g_strdup_printf ("%s.csv", self->campaign ? self->campaign->name : _("Donations"));

  ward_export_dialog_present (widget, ward_page_get_store (WARD_PAGE (self)),
                              &ward_donations_import_kind, name,
                              self->campaign ? self->campaign->name : NULL);
}

/* ---- The page ----------------------------------------------------------- */

static void
ward_donations_page_dispose (GObject *object)
{
  WardDonationsPage *self = WARD_DONATIONS_PAGE (object);

  /* The template's root is also the bin's child: let go of it once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_DONATIONS_PAGE);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->campaign, ward_campaign_free);
  ward_ledger_totals_clear (&self->totals);

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

  g_type_ensure (WARD_TYPE_LEDGER_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-donations-page.ui");
  ward_print_install_actions (widget_class, "donations");
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, campaign_title);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, campaign_details);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, tamper_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, tamper_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, received_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, received_caption);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, transferred_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, transferred_caption);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, on_hand_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, donors_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, groups_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, gaps_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, gaps_label);
  gtk_widget_class_bind_template_child (widget_class, WardDonationsPage, ledger_list);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "page.new-campaign", NULL, new_campaign_action_cb);
  gtk_widget_class_install_action (widget_class, "page.transfer", NULL, transfer_action_cb);
  gtk_widget_class_install_action (widget_class, "page.reverse", NULL, reverse_action_cb);
  gtk_widget_class_install_action (widget_class, "page.correct", NULL, correct_action_cb);
  gtk_widget_class_install_action (widget_class, "page.print-receipt", NULL, print_receipt_action_cb);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action_cb);
}

static void
ward_donations_page_init (WardDonationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
