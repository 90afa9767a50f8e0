/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "donations/ward-donations-ledger.h"
#include "reports/ward-reports-private.h"

/* The receipt (biên lai) for one donation: portrait A4, on its upper half,
 * dated the day the money was received. A receipt later reversed is still
 * printed (the donor may ask for a copy) with the correction noted.
 *
 * The ledger has no public call that finds a receipt by its number: read
 * here. */

typedef struct
{
  char   *number;
  char   *date;
  char   *donor;
  char   *group;
  gint64  amount;
  char   *method;
  char   *reference;
  char   *collector;
  char   *note;
  char   *reversed_on;  /* NULL unless reversed */
} Receipt;

static void
receipt_clear (Receipt *receipt)
{
  g_free (receipt->number);
  g_free (receipt->date);
  g_free (receipt->donor);
  g_free (receipt->group);
  g_free (receipt->method);
  g_free (receipt->reference);
  g_free (receipt->collector);
  g_free (receipt->note);
  g_free (receipt->reversed_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Receipt, receipt_clear)

static gboolean
load_receipt (WardStore           *store,
              const WardCampaign  *campaign,
              const char          *number,
              Receipt             *receipt,
              GError             **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT e.receipt_number, e.entry_date, e.donor, e.donor_group, e.amount, "
                             "e.method, e.reference, e.collector, e.note, "
                             "(SELECT r.entry_date FROM ledger_entries r WHERE r.reverses_id = e.id) "
                             "FROM ledger_entries e "
                             "WHERE e.campaign_id = ? AND e.kind = 'receipt' AND e.receipt_number = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("The campaign “%s” has no receipt number “%s”."), campaign->name, number);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);

  receipt->number = ward_stmt_dup_text (stmt, 0);
  receipt->date = ward_stmt_dup_text (stmt, 1);
  receipt->donor = ward_stmt_dup_text (stmt, 2);
  receipt->group = ward_stmt_dup_text (stmt, 3);
  receipt->amount = sqlite3_column_int64 (stmt, 4);
  receipt->method = ward_stmt_dup_text (stmt, 5);
  receipt->reference = ward_stmt_dup_text (stmt, 6);
  receipt->collector = ward_stmt_dup_text (stmt, 7);
  receipt->note = ward_stmt_dup_text (stmt, 8);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    receipt->reversed_on = ward_stmt_dup_text (stmt, 9);
  return TRUE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
add_line (WardReport *report,
          const char *key,
          const char *value)
{
  if (!is_empty (value))
    ward_report_add_key_value (report, key, value);
}

static char *
method_text (const Receipt *receipt)
{
  if (g_strcmp0 (receipt->method, "transfer") != 0)
    return g_strdup ("Tiền mặt");
  if (is_empty (receipt->reference))
    return g_strdup ("Chuyển khoản");
  return g_strdup_printf ("Chuyển khoản (mã giao dịch %s)", receipt->reference);
}

static void
add_body (WardReport         *report,
          const WardCampaign *campaign,
          const Receipt      *receipt)
{
  g_autofree char *amount = ward_format_money (receipt->amount);
  g_autofree char *in_words = ward_format_amount_in_words (receipt->amount);
  g_autofree char *words = g_markup_printf_escaped ("Bằng chữ: <i>%s.</i>", in_words);
  g_autofree char *method = method_text (receipt);
  g_autofree char *date = ward_format_date (receipt->date);
  g_autofree char *purpose = g_markup_printf_escaped ("Nội dung: ủng hộ cuộc vận động “%s” do %s "
                                                      "phát động.",
                                                      campaign->name, campaign->organiser);

  add_line (report, "Họ và tên người ủng hộ", receipt->donor);
  add_line (report, "Đơn vị / Tổ dân phố", receipt->group);
  add_line (report, "Số tiền", amount);
  ward_report_add_paragraph (report, words);
  add_line (report, "Hình thức", method);
  add_line (report, "Ngày nhận", date);
  add_line (report, "Người thu", receipt->collector);
  ward_report_add_paragraph (report, purpose);
  if (!is_empty (receipt->note))
    {
      g_autofree char *note = g_markup_printf_escaped ("Ghi chú: %s", receipt->note);

      ward_report_add_paragraph (report, note);
    }
  if (receipt->reversed_on != NULL)
    {
      g_autofree char *reversed = ward_format_date (receipt->reversed_on);
      g_autofree char *note = g_strdup_printf ("<b>Biên lai này đã được hủy bằng bút toán điều "
                                               "chỉnh ngày %s.</b>", reversed);

      ward_report_add_paragraph (report, note);
    }
}

WardReport *
ward_reports_receipt (WardStore                 *store,
                      const WardReportSettings  *settings,
                      const char                *campaign_name,
                      const char                *receipt_number,
                      GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;
  g_auto (Receipt) receipt = { 0 };
  const char *signer[] = { "NGƯỜI THU TIỀN", NULL };

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  number = g_strstrip (g_strdup (receipt_number != NULL ? receipt_number : ""));
  if (number[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("Give the number of the receipt to print."));
      return NULL;
    }
  campaign = ward_ledger_find_campaign (store, campaign_name, error);
  if (campaign == NULL || !load_receipt (store, campaign, number, &receipt, error))
    return NULL;

  report = ward_report_new ();
  ward_reports_set_front_heading (report, settings, NULL, receipt.date);
  ward_report_set_title (report, "Biên lai thu tiền ủng hộ");
  subtitle = g_markup_printf_escaped ("Số: %s", receipt.number);
  ward_report_set_subtitle (report, subtitle, WARD_REPORT_STYLE_BOLD);
  add_body (report, campaign, &receipt);
  ward_report_set_signature (report, signer, is_empty (receipt.collector) ? NULL : receipt.collector);
  return g_steal_pointer (&report);
}
