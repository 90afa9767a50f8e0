/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "donations/ward-donations-ledger-private.h"

/* ---- Words for the enums ------------------------------------------------ */

const char *
ward_donor_kind_to_string (WardDonorKind kind)
{
  switch (kind)
    {
    case WARD_DONOR_HOUSEHOLD:
      return C_("ledger", "Household");
    case WARD_DONOR_BODY:
      return C_("ledger", "Body");
    case WARD_DONOR_PERSON:
    default:
      return C_("ledger", "Person");
    }
}

const char *
ward_payment_method_to_string (WardPaymentMethod method)
{
  return method == WARD_PAYMENT_BANK ? C_("ledger", "Bank transfer") : C_("ledger", "Cash");
}

const char *
ward_ledger_kind_to_db (WardLedgerKind kind)
{
  static const char * const names[] = { "receipt", "transfer", "reversal" };

  g_assert ((guint) kind < G_N_ELEMENTS (names));
  return names[kind];
}

gboolean
ward_ledger_kind_from_db (const char     *text,
                          WardLedgerKind *kind)
{
  if (g_strcmp0 (text, "receipt") == 0)
    *kind = WARD_LEDGER_RECEIPT;
  else if (g_strcmp0 (text, "transfer") == 0)
    *kind = WARD_LEDGER_TRANSFER;
  else if (g_strcmp0 (text, "reversal") == 0)
    *kind = WARD_LEDGER_REVERSAL;
  else
    return FALSE;
  return TRUE;
}

const char *
ward_donor_kind_to_db (WardDonorKind kind)
{
  static const char * const names[] = { "person", "household", "body" };

  g_assert ((guint) kind < G_N_ELEMENTS (names));
  return names[kind];
}

WardDonorKind
ward_donor_kind_from_db (const char *text)
{
  if (g_strcmp0 (text, "household") == 0)
    return WARD_DONOR_HOUSEHOLD;
  if (g_strcmp0 (text, "body") == 0)
    return WARD_DONOR_BODY;
  return WARD_DONOR_PERSON;
}

const char *
ward_payment_method_to_db (WardPaymentMethod method)
{
  return method == WARD_PAYMENT_BANK ? "transfer" : "cash";
}

WardPaymentMethod
ward_payment_method_from_db (const char *text)
{
  return g_strcmp0 (text, "transfer") == 0 ? WARD_PAYMENT_BANK : WARD_PAYMENT_CASH;
}

static gboolean
folded_in (const char         *folded,
           const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
ward_donor_kind_parse (const char     *text,
                       WardDonorKind  *kind_out,
                       GError        **error)
{
  static const char * const person[] = { "ca nhan", "person", "individual", NULL };
  static const char * const household[] = { "ho gia dinh", "ho", "gia dinh", "household", NULL };
  static const char * const body[] = { "tap the", "to chuc", "don vi", "co quan", "body",
                                       "organisation", "organization", NULL };
  g_autofree char *folded = ward_text_fold (text ? text : "");

  if (folded == NULL || *folded == '\0')
    return FALSE;
  if (folded_in (folded, person))
    *kind_out = WARD_DONOR_PERSON;
  else if (folded_in (folded, household))
    *kind_out = WARD_DONOR_HOUSEHOLD;
  else if (folded_in (folded, body))
    *kind_out = WARD_DONOR_BODY;
  else
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a kind of donor; write Cá nhân, Hộ gia đình or Tập thể."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
ward_payment_method_parse (const char         *text,
                           WardPaymentMethod  *method_out,
                           GError            **error)
{
  static const char * const cash[] = { "", "tien mat", "tm", "cash", NULL };
  static const char * const bank[] = { "chuyen khoan", "ck", "ngan hang", "chuyen khoan ngan hang",
                                       "transfer", "bank", "bank transfer", NULL };
  g_autofree char *folded = ward_text_fold (text ? text : "");

  if (folded != NULL && folded_in (folded, cash))
    *method_out = WARD_PAYMENT_CASH;
  else if (folded != NULL && folded_in (folded, bank))
    *method_out = WARD_PAYMENT_BANK;
  else
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a way of paying; write Tiền mặt or Chuyển khoản."), text);
      return FALSE;
    }
  return TRUE;
}

WardDonorKind
ward_donor_kind_guess (const char *donor)
{
  /* With their tone marks: "Hồ Thị Lan" is a person, "Hộ ông Ba" a
   * household; "Đoàn Văn Hậu" a person, "Đoàn Thanh niên" a body. */
  static const char * const bodies[] = {
    "chi bộ ", "đảng bộ ", "đảng ủy ", "đảng uỷ ", "đoàn thanh niên", "đoàn tn", "chi đoàn ",
    "hội ", "chi hội ", "cơ quan ", "tổ dân phố ", "tdp ", "tổ ", "nhóm ", "công đoàn ",
    "ủy ban ", "uỷ ban ", "ubnd ", "mttq ", "mặt trận ", "công ty ", "trường ", "trạm ",
    "ban ", "phòng ", "khu phố ", "thôn ", "câu lạc bộ ", "clb ", "hợp tác xã ", "htx ",
    "doanh nghiệp ", "công an ", "bệnh viện ", "tập thể ", "cán bộ ", NULL
  };
  static const char * const households[] = { "hộ ", "gia đình ", NULL };
  g_autofree char *clean = ward_text_normalize (donor ? donor : "");
  g_autofree char *lower = g_utf8_strdown (clean ? clean : "", -1);
  g_autofree char *padded = g_strconcat (lower, " ", NULL);

  for (guint i = 0; households[i] != NULL; i++)
    if (g_str_has_prefix (padded, households[i]))
      return WARD_DONOR_HOUSEHOLD;
  for (guint i = 0; bodies[i] != NULL; i++)
    if (g_str_has_prefix (padded, bodies[i]))
      return WARD_DONOR_BODY;
  return WARD_DONOR_PERSON;
}

gboolean
ward_ledger_amount_needs_confirmation (gint64 amount)
{
  return amount > WARD_LEDGER_CONFIRM_THRESHOLD;
}

/* ---- Small helpers ------------------------------------------------------ */

char *
ward_ledger_clean_text (const char *text)
{
  g_autofree char *clean = ward_text_normalize (text);

  if (clean == NULL || *clean == '\0')
    return NULL;
  return g_steal_pointer (&clean);
}

char *
ward_ledger_make_search_key (const char         *donor,
                             const char * const *others)
{
  g_autofree char *folded_donor = ward_text_fold (donor ? donor : "");
  GString *key = g_string_new (folded_donor ? folded_donor : "");

  /* The donor comes first, alone on its line, so that the number of
   * distinct donors can be counted from the stored key. */
  g_string_append_c (key, '\n');
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autofree char *folded = ward_text_fold (others[i]);

      if (folded == NULL || *folded == '\0')
        continue;
      if (key->str[key->len - 1] != '\n')
        g_string_append_c (key, ' ');
      g_string_append (key, folded);
    }
  return g_string_free (key, FALSE);
}

char *
ward_ledger_describe_values (WardLedgerKind  kind,
                             const char     *receipt_number,
                             const char     *voucher,
                             const char     *date)
{
  g_autofree char *shown_date = ward_format_date (date);
  gboolean has_number = receipt_number != NULL && *receipt_number != '\0';
  gboolean has_voucher = voucher != NULL && *voucher != '\0';

  switch (kind)
    {
    case WARD_LEDGER_RECEIPT:
      return g_strdup_printf (_("Receipt no. %s"), has_number ? receipt_number : "?");
    case WARD_LEDGER_TRANSFER:
      if (has_voucher)
        return g_strdup_printf (_("Transfer voucher %s"), voucher);
      return g_strdup_printf (_("The transfer of %s"), shown_date);
    case WARD_LEDGER_REVERSAL:
    default:
      if (has_number)
        return g_strdup_printf (_("The correction of receipt no. %s"), receipt_number);
      if (has_voucher)
        return g_strdup_printf (_("The correction of transfer voucher %s"), voucher);
      return g_strdup_printf (_("The correction of %s"), shown_date);
    }
}

/* ---- Campaigns ---------------------------------------------------------- */

WardCampaign *
ward_ledger_default_campaign (WardStore  *store,
                              GError    **error)
{
  g_autofree char *setting = NULL;
  g_autoptr (GPtrArray) campaigns = NULL;
  int first = -1;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  campaigns = ward_campaigns_load (store, error);
  if (campaigns == NULL)
    return NULL;
  setting = ward_store_dup_setting (store, "default-campaign");
  for (guint i = 0; i < campaigns->len; i++)
    {
      WardCampaign *campaign = campaigns->pdata[i];

      if (setting != NULL && (g_strcmp0 (campaign->name, setting) == 0 ||
                              g_strcmp0 (campaign->uuid, setting) == 0))
        return g_ptr_array_steal_index (campaigns, i);
      /* Without a setting: the seeded campaign, the first one of the file. */
      if (first < 0 || campaign->id < ((WardCampaign *) campaigns->pdata[first])->id)
        first = i;
    }
  if (first < 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, _("The file holds no campaign."));
      return NULL;
    }
  return g_ptr_array_steal_index (campaigns, first);
}

WardCampaign *
ward_ledger_find_campaign (WardStore   *store,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *clean = ward_ledger_clean_text (name);

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (clean == NULL)
    return ward_ledger_default_campaign (store, error);
  return ward_campaign_find (store, clean, error);
}

WardCampaign *
ward_ledger_campaign_by_id (WardStore  *store,
                            gint64      id,
                            GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT name FROM campaigns WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *name = ward_stmt_dup_text (stmt, 0);

      g_clear_pointer (&stmt, ward_stmt_release);
      return ward_campaign_find (store, name, error);
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, _("The campaign is no longer in the file."));
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}

/* ---- Transfers whose reference is missing ------------------------------- */

gboolean
ward_ledger_entry_lacks_reference (const WardLedgerEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  /* The same as ward_ledger_missing_references()'s query. */
  return entry->kind == WARD_LEDGER_RECEIPT && entry->has_method
         && entry->method == WARD_PAYMENT_BANK && entry->reversed_by == 0
         && (entry->reference == NULL || entry->reference[0] == '\0');
}

gboolean
ward_receipt_input_lacks_reference (const WardReceiptInput *input)
{
  g_autofree char *reference = NULL;

  g_return_val_if_fail (input != NULL, FALSE);

  reference = ward_ledger_clean_text (input->reference);
  return input->method == WARD_PAYMENT_BANK && reference == NULL;
}

const char *
ward_ledger_missing_reference_label (void)
{
  return _("missing transaction reference");
}

gint64
ward_ledger_missing_references (WardStore  *store,
                                GPtrArray  *receipts,
                                GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  gint64 count = 0;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), -1);

  /* A receipt by transfer, without a reference, that no correction reversed. */
  stmt = ward_store_prepare (store,
                             "SELECT e.receipt_number, c.name FROM ledger_entries e "
                             "JOIN campaigns c ON c.id = e.campaign_id "
                             "WHERE e.kind = 'receipt' AND e.method = 'transfer' "
                             "AND coalesce (e.reference, '') = '' "
                             "AND NOT EXISTS (SELECT 1 FROM ledger_entries r "
                             "                WHERE r.reverses_id = e.id) "
                             "ORDER BY c.id, e.book, e.seq", error);
  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      count++;
      if (receipts != NULL)
        g_ptr_array_add (receipts, g_strdup_printf ("%s (%s)", ward_stmt_text (stmt, 0),
                                                    ward_stmt_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error), -1;
  return count;
}
