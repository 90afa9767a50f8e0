/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-money.h"
#include "base/ward-text.h"
#include "donations/ward-donations-ledger-private.h"
#include "names/ward-names.h"

/* The rules of recording: receipts, transfers upward and corrections. Each
 * add function checks inside its own write transaction, so that what it
 * checks against (the receipt numbers, the money on hand) cannot change
 * before the entry is stored. */

static gboolean
refuse (WardLedgerField   field_value,
        WardLedgerField  *field,
        GError          **error,
        int               code,
        const char       *format,
        ...) G_GNUC_PRINTF (5, 6);

static gboolean
refuse (WardLedgerField   field_value,
        WardLedgerField  *field,
        GError          **error,
        int               code,
        const char       *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (field != NULL)
    *field = field_value;
  g_set_error_literal (error, WARD_ERROR, code, message);
  return FALSE;
}

static gboolean
check_date (const WardCampaign  *campaign,
            const char          *date,
            const char          *not_before,
            gboolean             check_start,
            WardLedgerField     *field,
            GError             **error)
{
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GDate) parsed = NULL;
  const char *start = check_start ? campaign->start_date : NULL;

  if (date == NULL || *date == '\0')
    return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID, _("Enter the date."));
  if (strlen (date) == 10)
    parsed = ward_date_from_iso (date);
  if (parsed == NULL)
    return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID,
                   _("“%s” is not a date."), date);
  if (start != NULL && strcmp (date, start) < 0)
    {
      g_autofree char *shown = ward_format_date (date);
      g_autofree char *shown_start = ward_format_date (start);

      return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID,
                     _("The date %s is before the campaign began on %s."), shown, shown_start);
    }
  if (strcmp (date, today) > 0)
    {
      g_autofree char *shown = ward_format_date (date);
      g_autofree char *shown_today = ward_format_date (today);

      return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID,
                     _("The date %s is in the future; today is %s."), shown, shown_today);
    }
  if (not_before != NULL && strcmp (date, not_before) < 0)
    {
      g_autofree char *shown = ward_format_date (date);
      g_autofree char *shown_before = ward_format_date (not_before);

      return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID,
                     _("The date %s is before the entry it corrects (%s)."), shown, shown_before);
    }
  return TRUE;
}

/* A receipt outside the campaign's period: the clerk confirms it in the
 * window, an import takes it only when told to (--allow-outside-period);
 * the disclosure list counts such receipts apart. */
static gboolean
check_receipt_period (const WardCampaign  *campaign,
                      const char          *date,
                      gboolean             confirmed,
                      WardLedgerField     *field,
                      GError             **error)
{
  g_autofree char *why = NULL;

  if (confirmed || (why = ward_campaign_describe_outside (campaign, date)) == NULL)
    return TRUE;
  return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID, "%s %s", why,
                 _("Check the date: a receipt outside the campaign’s period is recorded only "
                   "once confirmed."));
}

static gboolean
check_amount (gint64            amount,
              WardLedgerField  *field,
              GError          **error)
{
  if (amount <= 0)
    return refuse (WARD_LEDGER_FIELD_AMOUNT, field, error, WARD_ERROR_INVALID,
                   _("The amount must be more than 0 đồng."));
  if (amount > WARD_ENTRY_AMOUNT_MAX)
    {
      g_autofree char *max = ward_format_money (WARD_ENTRY_AMOUNT_MAX);

      return refuse (WARD_LEDGER_FIELD_AMOUNT, field, error, WARD_ERROR_INVALID,
                     _("The amount is more than the largest amount one entry may hold (%s)."), max);
    }
  return TRUE;
}

/* The lowest balance on hand from @date on: what may still leave the
 * campaign on that date without the balance going below zero on any later
 * day. @lowest_date receives the day of that lowest balance. */
static gboolean
money_available_from (WardStore   *store,
                      gint64       campaign_id,
                      const char  *date,
                      gint64      *available,
                      char       **lowest_date,
                      GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *lowest_day = NULL;
  gint64 running = 0, lowest = 0;
  gboolean started = FALSE;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT e.entry_date, SUM (CASE e.kind "
                             "  WHEN 'receipt' THEN e.amount "
                             "  WHEN 'transfer' THEN -e.amount "
                             "  ELSE CASE r.kind WHEN 'transfer' THEN -e.amount ELSE e.amount END END) "
                             "FROM ledger_entries e "
                             "LEFT JOIN ledger_entries r ON r.id = e.reverses_id "
                             "WHERE e.campaign_id = ? GROUP BY e.entry_date ORDER BY e.entry_date",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *day = ward_stmt_text (stmt, 0);
      int order = strcmp (day, date);

      if (order < 0)
        {
          ward_money_add (&running, sqlite3_column_int64 (stmt, 1));
          continue;
        }
      if (!started && order > 0)
        {
          /* Nothing on @date itself: its balance is the one carried in. */
          started = TRUE;
          lowest = running;
          lowest_day = g_strdup (date);
        }
      ward_money_add (&running, sqlite3_column_int64 (stmt, 1));
      if (!started || running < lowest)
        {
          started = TRUE;
          lowest = running;
          g_free (lowest_day);
          lowest_day = g_strdup (day);
        }
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (!started)
    {
      lowest = running;
      lowest_day = g_strdup (date);
    }
  *available = lowest;
  *lowest_date = g_steal_pointer (&lowest_day);
  return TRUE;
}

/* ---- Receipts ----------------------------------------------------------- */

gboolean
ward_ledger_lookup_receipt (WardStore   *store,
                            gint64       campaign_id,
                            const char  *number,
                            gboolean    *found,
                            char       **description,
                            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT donor, amount, entry_date FROM ledger_entries "
                             "WHERE campaign_id = ? AND kind = 'receipt' AND receipt_number = ? "
                             "ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  *found = rc == SQLITE_ROW;
  if (*found && description != NULL)
    {
      g_autofree char *amount = ward_format_money (sqlite3_column_int64 (stmt, 1));
      g_autofree char *date = ward_format_date (ward_stmt_text (stmt, 2));

      *description = g_strdup_printf ("%s, %s, %s", ward_stmt_text (stmt, 0), amount, date);
    }
  return TRUE;
}

/* Whether the last entry of the campaign is the reversal of receipt
 * @number: the first half of a correction, whose second half is the
 * receipt as it should have been, under the same number. */
static gboolean
number_freed_by_correction (WardStore   *store,
                            gint64       campaign_id,
                            const char  *number,
                            gboolean    *freed,
                            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT t.kind = 'receipt' AND t.receipt_number = ?2 "
                             "FROM ledger_entries e JOIN ledger_entries t ON t.id = e.reverses_id "
                             "WHERE e.id = (SELECT MAX (id) FROM ledger_entries WHERE campaign_id = ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  *freed = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* A receipt number is used once in a campaign, as in the paper book; the
 * one exception is a correction (@correcting), whose replacement keeps the
 * number of the receipt its reversal, written just before, took back. */
static gboolean
check_receipt_unique (WardStore               *store,
                      const WardCampaign      *campaign,
                      const char              *number,
                      gboolean                 correcting,
                      WardLedgerField         *field,
                      GError                 **error)
{
  g_autofree char *existing = NULL;
  gboolean found = FALSE;

  if (correcting && !number_freed_by_correction (store, campaign->id, number, &found, error))
    return FALSE;
  if (found)
    return TRUE;
  if (!ward_ledger_lookup_receipt (store, campaign->id, number, &found, &existing, error))
    return FALSE;
  if (found)
    return refuse (WARD_LEDGER_FIELD_RECEIPT_NUMBER, field, error, WARD_ERROR_DUPLICATE,
                   _("Receipt no. %s is already recorded in this campaign (%s). "
                     "Each receipt number is used once."),
                   number, existing);
  return TRUE;
}

/* The text a receipt carries: no control characters, names and lines of a
 * sane length (ward_text_check_field()). */
static gboolean
check_receipt_texts (const WardReceiptInput  *input,
                     WardLedgerField         *field,
                     GError                 **error)
{
  const struct
  {
    WardLedgerField  field;
    const char      *label;
    const char      *text;
    guint            max;
  } texts[] = {
    { WARD_LEDGER_FIELD_DONOR, N_("Donor"), input->donor, WARD_TEXT_NAME_MAX },
    { WARD_LEDGER_FIELD_GROUP, N_("Group"), input->donor_group, WARD_TEXT_NAME_MAX },
    { WARD_LEDGER_FIELD_REFERENCE, N_("Reference"), input->reference, WARD_TEXT_LINE_MAX },
    { WARD_LEDGER_FIELD_COLLECTOR, N_("Collector"), input->collector, WARD_TEXT_NAME_MAX },
    { WARD_LEDGER_FIELD_NOTE, N_("Note"), input->note, WARD_TEXT_NOTE_MAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!ward_text_check_field (texts[i].text, _(texts[i].label), texts[i].max,
                                texts[i].field == WARD_LEDGER_FIELD_NOTE, error))
      {
        if (field != NULL)
          *field = texts[i].field;
        return FALSE;
      }
  return TRUE;
}

/* The texts of @input cleaned (ward_ledger_clean_text()) once, for the
 * check and for the entry both. */
static void
clean_receipt (const WardReceiptInput   *input,
               WardLedgerCheckedReceipt *clean)
{
  clean->input = input;
  clean->number = ward_ledger_clean_text (input->receipt_number);
  clean->donor = ward_ledger_clean_text (input->donor);
  clean->note = ward_ledger_clean_text (input->note);
  /* A reference means nothing on a cash receipt; do not keep a stray one. */
  if (input->method == WARD_PAYMENT_BANK)
    clean->reference = ward_ledger_clean_text (input->reference);
}

void
ward_ledger_checked_receipt_clear (WardLedgerCheckedReceipt *checked)
{
  g_clear_pointer (&checked->number, g_free);
  g_clear_pointer (&checked->donor, g_free);
  g_clear_pointer (&checked->reference, g_free);
  g_clear_pointer (&checked->note, g_free);
  checked->input = NULL;
}

static gboolean
check_receipt (WardStore                      *store,
               const WardCampaign             *campaign,
               const WardLedgerCheckedReceipt *clean,
               gboolean                        correcting,
               WardLedgerField                *field,
               GError                        **error)
{
  const WardReceiptInput *input = clean->input;
  const char *number = clean->number;
  const char *donor = clean->donor;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (field != NULL)
    *field = WARD_LEDGER_FIELD_NONE;

  if (number == NULL)
    return refuse (WARD_LEDGER_FIELD_RECEIPT_NUMBER, field, error, WARD_ERROR_INVALID,
                   _("Enter the receipt number."));
  if (g_utf8_strlen (number, -1) > 40)
    return refuse (WARD_LEDGER_FIELD_RECEIPT_NUMBER, field, error, WARD_ERROR_INVALID,
                   _("The receipt number is longer than 40 characters."));
  if (!check_date (campaign, input->date, NULL, FALSE, field, error)
      || !check_receipt_period (campaign, input->date, input->outside_period_confirmed, field, error)
      || !check_receipt_texts (input, field, error))
    return FALSE;
  if (donor == NULL)
    return refuse (WARD_LEDGER_FIELD_DONOR, field, error, WARD_ERROR_INVALID,
                   _("Enter the donor’s name."));
  if ((guint) input->donor_kind > WARD_DONOR_BODY)
    return refuse (WARD_LEDGER_FIELD_DONOR_KIND, field, error, WARD_ERROR_INVALID,
                   _("Choose whether the donor is a person, a household or a body."));
  if (!check_amount (input->amount, field, error))
    return FALSE;
  if ((guint) input->method > WARD_PAYMENT_BANK)
    return refuse (WARD_LEDGER_FIELD_METHOD, field, error, WARD_ERROR_INVALID,
                   _("Choose cash or bank transfer."));
  if (ward_receipt_input_lacks_reference (input) && !input->reference_later)
    return refuse (WARD_LEDGER_FIELD_REFERENCE, field, error, WARD_ERROR_INVALID,
                   _("Enter the reference of the bank transfer."));
  return check_receipt_unique (store, campaign, number, correcting, field, error);
}

gboolean
ward_ledger_check_receipt_once (WardStore                *store,
                                const WardCampaign       *campaign,
                                const WardReceiptInput   *input,
                                WardLedgerCheckedReceipt *checked,
                                WardLedgerField          *field,
                                GError                  **error)
{
  g_return_val_if_fail (checked != NULL && checked->input == NULL, FALSE);

  clean_receipt (input, checked);
  checked->campaign_id = campaign->id;
  checked->ledger_stamp = ward_store_get_table_stamp (store, "ledger_entries");
  if (check_receipt (store, campaign, checked, FALSE, field, error))
    return TRUE;
  ward_ledger_checked_receipt_clear (checked);
  return FALSE;
}

gboolean
ward_ledger_check_receipt (WardStore               *store,
                           const WardCampaign      *campaign,
                           const WardReceiptInput  *input,
                           WardLedgerField         *field,
                           GError                 **error)
{
  g_auto (WardLedgerCheckedReceipt) checked = { 0 };

  return ward_ledger_check_receipt_once (store, campaign, input, &checked, field, error);
}

/* The group or collector as the list of known names writes it ("Tổ dân
 * phố 3" for "to dan pho 3"), or as typed when the list holds no spelling
 * of it. Takes @typed. */
static char *
known_or_typed (WardStore    *store,
                WardNameKind  kind,
                char         *typed)
{
  char *known = ward_names_dup_listed (store, kind, typed, NULL);

  if (known == NULL)
    return typed;
  g_free (typed);
  return known;
}

/* Stores @input, already checked, at the end of its chain, inside the
 * caller's transaction. */
static gboolean
append_receipt (WardStore                      *store,
                const WardCampaign             *campaign,
                const WardLedgerCheckedReceipt *clean,
                gint64                         *id_out,
                GError                        **error)
{
  const WardReceiptInput *input = clean->input;
  g_autofree char *group = known_or_typed (store, WARD_NAME_GROUP,
                                           ward_ledger_clean_text (input->donor_group));
  g_autofree char *collector = known_or_typed (store, WARD_NAME_COLLECTOR,
                                               ward_ledger_clean_text (input->collector));
  g_autofree char *search_key = NULL;
  WardLedgerNewEntry entry = { 0 };

  search_key = ward_ledger_make_search_key (clean->donor, (const char * const []) {
                                              clean->number, group, collector, clean->reference,
                                              clean->note, NULL });

  entry.kind = WARD_LEDGER_RECEIPT;
  entry.receipt_number = clean->number;
  entry.date = input->date;
  entry.donor = clean->donor;
  entry.donor_kind = ward_donor_kind_to_db (input->donor_kind);
  entry.donor_group = group;
  entry.search_key = search_key;
  entry.amount = input->amount;
  entry.method = ward_payment_method_to_db (input->method);
  entry.reference = clean->reference;
  entry.collector = collector;
  entry.note = clean->note;
  entry.anonymous = input->anonymous;
  return ward_ledger_append (store, campaign, &entry, id_out, error);
}

gboolean
ward_ledger_add_checked_receipt (WardStore                *store,
                                 const WardCampaign       *campaign,
                                 WardLedgerCheckedReceipt *checked,
                                 gint64                   *id_out,
                                 WardLedgerField          *field,
                                 GError                  **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (checked != NULL && checked->input != NULL, FALSE);
  g_return_val_if_fail (checked->campaign_id == campaign->id, FALSE);

  /* The one rule that depends on what the ledger holds, the receipt
   * number's, is checked again if an entry was written since. */
  if (ward_store_get_table_stamp (store, "ledger_entries") != checked->ledger_stamp
      && !check_receipt (store, campaign, checked, FALSE, field, error))
    return FALSE;
  return append_receipt (store, campaign, checked, id_out, error);
}

gboolean
ward_ledger_add_receipt (WardStore               *store,
                         const WardCampaign      *campaign,
                         const WardReceiptInput  *input,
                         gint64                  *id_out,
                         WardLedgerField         *field,
                         GError                 **error)
{
  g_auto (WardLedgerCheckedReceipt) checked = { 0 };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  /* The entry is the one write, and the last step. */
  if (!ward_store_begin_single_write (store, error))
    return FALSE;
  if (!ward_ledger_check_receipt_once (store, campaign, input, &checked, field, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  if (!append_receipt (store, campaign, &checked, id_out, error) ||
      !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- Transfers upward --------------------------------------------------- */

static gboolean
check_transfer (WardStore               *store,
                const WardCampaign      *campaign,
                const WardTransferInput *input,
                WardLedgerField         *field,
                GError                 **error)
{
  g_autofree char *receiver = ward_ledger_clean_text (input->receiver);
  g_autofree char *voucher = ward_ledger_clean_text (input->voucher);
  g_autofree char *lowest_date = NULL;
  gint64 available = 0;

  if (!check_date (campaign, input->date, NULL, TRUE, field, error) ||
      !check_amount (input->amount, field, error))
    return FALSE;
  if (receiver == NULL)
    return refuse (WARD_LEDGER_FIELD_RECEIVER, field, error, WARD_ERROR_INVALID,
                   _("Enter who receives the money."));
  if (voucher == NULL)
    return refuse (WARD_LEDGER_FIELD_VOUCHER, field, error, WARD_ERROR_INVALID,
                   _("Enter the number of the transfer voucher."));
  if (!money_available_from (store, campaign->id, input->date, &available, &lowest_date, error))
    return FALSE;
  if (input->amount > available)
    {
      g_autofree char *amount = ward_format_money (input->amount);
      g_autofree char *on_hand = ward_format_money (MAX (available, 0));
      g_autofree char *day = ward_format_date (lowest_date);

      return refuse (WARD_LEDGER_FIELD_AMOUNT, field, error, WARD_ERROR_INVALID,
                     _("The transfer of %s is more than the money on hand: %s on %s. "
                       "A transfer cannot be more than the money on hand."),
                     amount, on_hand, day);
    }
  return TRUE;
}

gboolean
ward_ledger_add_transfer (WardStore               *store,
                          const WardCampaign      *campaign,
                          const WardTransferInput *input,
                          gint64                  *id_out,
                          WardLedgerField         *field,
                          GError                 **error)
{
  g_autofree char *receiver = ward_ledger_clean_text (input->receiver);
  g_autofree char *voucher = ward_ledger_clean_text (input->voucher);
  g_autofree char *note = ward_ledger_clean_text (input->note);
  g_autofree char *search_key = NULL;
  WardLedgerNewEntry entry = { 0 };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL && input != NULL, FALSE);

  if (field != NULL)
    *field = WARD_LEDGER_FIELD_NONE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!check_transfer (store, campaign, input, field, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  search_key = ward_ledger_make_search_key (NULL, (const char * const []) {
                                              receiver, voucher, note, NULL });
  entry.kind = WARD_LEDGER_TRANSFER;
  entry.date = input->date;
  entry.search_key = search_key;
  entry.amount = input->amount;
  entry.receiver = receiver;
  entry.voucher = voucher;
  entry.note = note;

  if (!ward_ledger_append (store, campaign, &entry, id_out, error) ||
      !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- Corrections -------------------------------------------------------- */

typedef struct
{
  char           *uuid;
  gint64          campaign_id;
  WardLedgerKind  kind;
  gint64          amount;
  char           *date;
  char           *receipt_number;
  char           *donor;
  char           *donor_kind;
  char           *donor_group;
  char           *method;
  char           *reference;
  char           *collector;
  char           *receiver;
  char           *voucher;
  char           *search_key;
  gboolean        reversed;
} StoredEntry;

static void
stored_entry_clear (StoredEntry *entry)
{
  g_free (entry->uuid);
  g_free (entry->date);
  g_free (entry->receipt_number);
  g_free (entry->donor);
  g_free (entry->donor_kind);
  g_free (entry->donor_group);
  g_free (entry->method);
  g_free (entry->reference);
  g_free (entry->collector);
  g_free (entry->receiver);
  g_free (entry->voucher);
  g_free (entry->search_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredEntry, stored_entry_clear)

static gboolean
load_stored_entry (WardStore    *store,
                   gint64        id,
                   StoredEntry  *entry,
                   GError      **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT uuid, campaign_id, kind, amount, entry_date, receipt_number, "
                             "donor, donor_kind, donor_group, method, reference, collector, "
                             "receiver, voucher, search_key, "
                             "EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id) "
                             "FROM ledger_entries e WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("The entry to reverse is not in the ledger."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);

  entry->uuid = ward_stmt_dup_text (stmt, 0);
  entry->campaign_id = sqlite3_column_int64 (stmt, 1);
  if (!ward_ledger_kind_from_db (ward_stmt_text (stmt, 2), &entry->kind))
    entry->kind = WARD_LEDGER_REVERSAL;
  entry->amount = sqlite3_column_int64 (stmt, 3);
  entry->date = ward_stmt_dup_text (stmt, 4);
  entry->receipt_number = ward_stmt_dup_text (stmt, 5);
  entry->donor = ward_stmt_dup_text (stmt, 6);
  entry->donor_kind = ward_stmt_dup_text (stmt, 7);
  entry->donor_group = ward_stmt_dup_text (stmt, 8);
  entry->method = ward_stmt_dup_text (stmt, 9);
  entry->reference = ward_stmt_dup_text (stmt, 10);
  entry->collector = ward_stmt_dup_text (stmt, 11);
  entry->receiver = ward_stmt_dup_text (stmt, 12);
  entry->voucher = ward_stmt_dup_text (stmt, 13);
  entry->search_key = ward_stmt_dup_text (stmt, 14);
  entry->reversed = sqlite3_column_int (stmt, 15) != 0;
  return TRUE;
}

static gboolean
check_reversal (WardStore               *store,
                const WardCampaign      *campaign,
                const WardReversalInput *input,
                const StoredEntry       *target,
                WardLedgerField         *field,
                GError                 **error)
{
  g_autofree char *what = ward_ledger_describe_values (target->kind, target->receipt_number,
                                                       target->voucher, target->date);
  g_autofree char *reason = ward_ledger_clean_text (input->reason);

  if (target->campaign_id != campaign->id)
    return refuse (WARD_LEDGER_FIELD_NONE, field, error, WARD_ERROR_INVALID,
                   _("%s belongs to another campaign."), what);
  if (target->kind == WARD_LEDGER_REVERSAL)
    return refuse (WARD_LEDGER_FIELD_NONE, field, error, WARD_ERROR_INVALID,
                   _("%s is itself a correction and cannot be reversed; record the entry "
                     "again instead."), what);
  if (target->reversed)
    return refuse (WARD_LEDGER_FIELD_NONE, field, error, WARD_ERROR_INVALID,
                   _("%s has already been reversed. An entry is reversed only once."), what);
  if (reason == NULL)
    return refuse (WARD_LEDGER_FIELD_REASON, field, error, WARD_ERROR_INVALID,
                   _("Enter why the entry is reversed."));
  return check_date (campaign, input->date, target->date, TRUE, field, error);
}

/* Reversing a receipt takes @leaving out of the money on hand from @date
 * on: all of it for a reversal, only the difference for a correction whose
 * replacement is smaller (nothing when it is larger), so that a typo found
 * after the money went up to the province can still be corrected. */
static gboolean
check_reversal_money (WardStore           *store,
                      const WardCampaign  *campaign,
                      const char          *date,
                      const StoredEntry   *target,
                      gint64               leaving,
                      WardLedgerField     *field,
                      GError             **error)
{
  g_autofree char *what = NULL;
  g_autofree char *lowest_date = NULL;
  gint64 available = 0;

  if (target->kind != WARD_LEDGER_RECEIPT || leaving <= 0)
    return TRUE;
  if (!money_available_from (store, campaign->id, date, &available, &lowest_date, error))
    return FALSE;
  if (leaving <= available)
    return TRUE;
  what = ward_ledger_describe_values (target->kind, target->receipt_number, target->voucher, target->date);
  {
    g_autofree char *amount = ward_format_money (leaving);
    g_autofree char *on_hand = ward_format_money (MAX (available, 0));
    g_autofree char *day = ward_format_date (lowest_date);

    if (leaving < target->amount)
      return refuse (WARD_LEDGER_FIELD_AMOUNT, field, error, WARD_ERROR_INVALID,
                     _("Correcting %s takes %s out of the money on hand, which would go below "
                       "zero: only %s is on hand on %s. Reverse the transfer upward first."),
                     what, amount, on_hand, day);
    return refuse (WARD_LEDGER_FIELD_NONE, field, error, WARD_ERROR_INVALID,
                   _("Reversing %s (%s) would take the money on hand below zero: only %s is "
                     "on hand on %s. Reverse the transfer upward first."),
                   what, amount, on_hand, day);
  }
}

/* Stores the reversal of @target, already checked, inside the caller's
 * transaction. */
static gboolean
append_reversal (WardStore               *store,
                 const WardCampaign      *campaign,
                 const WardReversalInput *input,
                 const StoredEntry       *target,
                 gint64                  *id_out,
                 GError                 **error)
{
  g_autofree char *reason = ward_ledger_clean_text (input->reason);
  g_autofree char *folded_reason = ward_text_fold (reason);
  g_autofree char *search_key = NULL;
  WardLedgerNewEntry entry = { 0 };

  /* The correction repeats what it reverses, so that the list shows it
   * beside its entry and a search finds both. */
  search_key = g_strconcat (target->search_key ? target->search_key : "\n", " ", folded_reason, NULL);
  entry.kind = WARD_LEDGER_REVERSAL;
  entry.receipt_number = target->receipt_number;
  entry.date = input->date;
  entry.donor = target->donor;
  entry.donor_kind = target->donor_kind;
  entry.donor_group = target->donor_group;
  entry.search_key = search_key;
  entry.amount = -target->amount;
  entry.method = target->method;
  entry.reference = target->reference;
  entry.collector = target->collector;
  entry.receiver = target->receiver;
  entry.voucher = target->voucher;
  entry.reverses_id = input->reverses_id;
  entry.reverses_uuid = target->uuid;
  entry.reason = reason;
  return ward_ledger_append (store, campaign, &entry, id_out, error);
}

gboolean
ward_ledger_add_reversal (WardStore               *store,
                          const WardCampaign      *campaign,
                          const WardReversalInput *input,
                          gint64                  *id_out,
                          WardLedgerField         *field,
                          GError                 **error)
{
  g_auto (StoredEntry) target = { 0 };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL && input != NULL, FALSE);

  if (field != NULL)
    *field = WARD_LEDGER_FIELD_NONE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!load_stored_entry (store, input->reverses_id, &target, error) ||
      !check_reversal (store, campaign, input, &target, field, error) ||
      !check_reversal_money (store, campaign, input->date, &target, target.amount, field, error) ||
      !append_reversal (store, campaign, input, &target, id_out, error) ||
      !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- A receipt corrected under its own number --------------------------- */

static gboolean
check_correction (const StoredEntry       *target,
                  const WardReceiptInput  *replacement,
                  const char              *date,
                  WardLedgerField         *field,
                  GError                 **error)
{
  g_autofree char *number = ward_ledger_clean_text (replacement->receipt_number);

  if (target->kind != WARD_LEDGER_RECEIPT)
    return refuse (WARD_LEDGER_FIELD_NONE, field, error, WARD_ERROR_INVALID,
                   _("Only a receipt can be corrected; reverse a transfer instead."));
  if (number != NULL && g_strcmp0 (number, target->receipt_number) != 0)
    return refuse (WARD_LEDGER_FIELD_RECEIPT_NUMBER, field, error, WARD_ERROR_INVALID,
                   _("A corrected receipt keeps its number (%s), as in the receipt book."),
                   target->receipt_number);
  if (replacement->date != NULL && strcmp (replacement->date, date) > 0)
    {
      g_autofree char *shown = ward_format_date (replacement->date);
      g_autofree char *shown_date = ward_format_date (date);

      return refuse (WARD_LEDGER_FIELD_DATE, field, error, WARD_ERROR_INVALID,
                     _("The receipt’s date %s is after the day of the correction (%s)."),
                     shown, shown_date);
    }
  return TRUE;
}

/* Both halves, inside the caller's transaction: the reversal first, so
 * that the replacement's number is free when its rules are checked. */
static gboolean
write_correction (WardStore               *store,
                  const WardCampaign      *campaign,
                  const WardReversalInput *reversal,
                  const StoredEntry       *target,
                  const WardReceiptInput  *replacement,
                  gint64                  *id_out,
                  WardLedgerField         *field,
                  GError                 **error)
{
  WardReceiptInput input = *replacement;
  g_auto (WardLedgerCheckedReceipt) clean = { 0 };

  input.receipt_number = target->receipt_number;
  if (!check_correction (target, replacement, reversal->date, field, error)
      || !check_reversal (store, campaign, reversal, target, field, error)
      || !check_reversal_money (store, campaign, reversal->date, target,
                                target->amount - MIN (replacement->amount, target->amount),
                                field, error)
      || !append_reversal (store, campaign, reversal, target, NULL, error))
    return FALSE;
  clean_receipt (&input, &clean);
  return check_receipt (store, campaign, &clean, TRUE, field, error)
         && append_receipt (store, campaign, &clean, id_out, error);
}

/* Loads the receipt and writes the correction inside a transaction begun
 * here; the caller commits it, or rolls it back to check only. */
static gboolean
begin_correction (WardStore               *store,
                  const WardCampaign      *campaign,
                  gint64                   receipt_id,
                  const WardReceiptInput  *replacement,
                  const char              *date,
                  const char              *reason,
                  gint64                  *id_out,
                  WardLedgerField         *field,
                  GError                 **error)
{
  g_auto (StoredEntry) target = { 0 };
  g_autofree char *today = ward_today_iso ();
  /* The ledger's words are Vietnamese whatever the locale. */
  WardReversalInput reversal = { receipt_id, date ? date : today,
                                 reason ? reason : WARD_LEDGER_CORRECTION_REASON };

  if (field != NULL)
    *field = WARD_LEDGER_FIELD_NONE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!load_stored_entry (store, receipt_id, &target, error)
      || !write_correction (store, campaign, &reversal, &target, replacement, id_out, field, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
ward_ledger_check_correction (WardStore               *store,
                              const WardCampaign      *campaign,
                              gint64                   receipt_id,
                              const WardReceiptInput  *replacement,
                              WardLedgerField         *field,
                              GError                 **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL && replacement != NULL, FALSE);

  if (!begin_correction (store, campaign, receipt_id, replacement, NULL, NULL, NULL, field, error))
    return FALSE;
  ward_store_rollback (store);
  return TRUE;
}

gboolean
ward_ledger_correct_receipt (WardStore               *store,
                             const WardCampaign      *campaign,
                             gint64                   receipt_id,
                             const WardReceiptInput  *replacement,
                             const char              *date,
                             const char              *reason,
                             gint64                  *id_out,
                             WardLedgerField         *field,
                             GError                 **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL && replacement != NULL, FALSE);

  if (!begin_correction (store, campaign, receipt_id, replacement, date, reason, id_out, field, error))
    return FALSE;
  if (!ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* ---- Entries that arrive whole ------------------------------------------ */

static gboolean
check_arriving_reversal (WardStore                *store,
                         const WardCampaign       *campaign,
                         const WardLedgerArrival  *entry,
                         GError                  **error)
{
  WardReversalInput input = { entry->reverses_id, entry->date, entry->reason };
  g_auto (StoredEntry) target = { 0 };

  if (entry->reverses_id == 0)
    return refuse (WARD_LEDGER_FIELD_NONE, NULL, error, WARD_ERROR_INVALID,
                   _("A correction does not say which entry it reverses."));
  if (!load_stored_entry (store, entry->reverses_id, &target, error)
      || !check_reversal (store, campaign, &input, &target, NULL, error))
    return FALSE;
  if (!check_reversal_money (store, campaign, entry->date, &target,
                             target.amount - CLAMP (entry->replacement_amount, 0, target.amount),
                             NULL, error))
    return FALSE;
  /* The window computes the amount; one that arrives must be the same. */
  if (entry->amount != -target.amount)
    {
      g_autofree char *amount = ward_format_money (entry->amount);
      g_autofree char *reversed = ward_format_money (target.amount);
      g_autofree char *expected = ward_format_money (-target.amount);

      return refuse (WARD_LEDGER_FIELD_AMOUNT, NULL, error, WARD_ERROR_INVALID,
                     _("A correction of %s cannot reverse an entry of %s: it must hold %s."),
                     amount, reversed, expected);
    }
  return TRUE;
}

gboolean
ward_ledger_check_arriving (WardStore                *store,
                            const WardCampaign       *campaign,
                            const WardLedgerArrival  *entry,
                            GError                  **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL && entry != NULL, FALSE);

  if (g_strcmp0 (entry->kind, "receipt") == 0)
    {
      WardReceiptInput input = {
        entry->receipt_number, entry->date, entry->donor,
        entry->donor_kind ? ward_donor_kind_from_db (entry->donor_kind) : WARD_DONOR_PERSON,
        entry->donor_group, entry->amount,
        entry->method ? ward_payment_method_from_db (entry->method) : WARD_PAYMENT_CASH,
        entry->reference, entry->collector, entry->note,
        /* A receipt marked on the laptop that recorded it travels marked. */
        TRUE,
      };

      g_auto (WardLedgerCheckedReceipt) clean = { 0 };

      /* The replacement of a correction keeps the number its reversal,
       * arrived just before, took back. */
      clean_receipt (&input, &clean);
      return check_receipt (store, campaign, &clean, TRUE, NULL, error);
    }
  if (g_strcmp0 (entry->kind, "transfer") == 0)
    {
      WardTransferInput input = { entry->date, entry->amount, entry->receiver, entry->voucher, entry->note };

      return check_transfer (store, campaign, &input, NULL, error);
    }
  if (g_strcmp0 (entry->kind, "reversal") == 0)
    return check_arriving_reversal (store, campaign, entry, error);
  return refuse (WARD_LEDGER_FIELD_NONE, NULL, error, WARD_ERROR_INVALID,
                 _("“%s” is not a kind of ledger entry."), entry->kind ? entry->kind : "");
}
