/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "donations/ward-donations-ledger.h"
#include "reports/ward-reports-private.h"

/* The receipt (biên lai thu tiền) as a receipt book has it: on A5, two to
 * an A4 sheet for a printer without A5 paper, in two copies — Liên 1 for
 * the payer, Liên 2 kept in the book — each with the book (quyển) and the
 * receipt number, the payer, the amount in figures and in words, how it was
 * paid, the date, the signatures of the payer and of the collector, and
 * room for the Front's seal. The fields are those of the receipt forms of
 * public bodies (Phiếu thu, Mẫu C40-BB of Thông tư 107/2017/TT-BTC, as
 * secondary sources give it); no rule fixes a donation receipt's layout.
 *
 * One receipt, or every receipt of a period (reprinting the book), in
 * receipt number order. A receipt later reversed is still printed (the
 * donor may ask for a copy) with the correction noted. The receipt is the
 * payer's own: it names a donor who asked not to be named on public lists. */

/* A5 margins: a form, not an official document; room to bind on the left. */
#define A5_MARGIN_TOP     10.0
#define A5_MARGIN_RIGHT   12.0
#define A5_MARGIN_BOTTOM   8.0
#define A5_MARGIN_LEFT    18.0

static const char * const copy_words[] = {
  "Liên 1: Giao người nộp tiền",
  "Liên 2: Lưu tại quyển biên lai",
};

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] == '\0';
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
method_text (const WardLedgerEntry *entry)
{
  if (entry->method != WARD_PAYMENT_BANK)
    return g_strdup ("Tiền mặt");
  if (is_empty (entry->reference))
    return g_strdup ("Chuyển khoản");
  return g_strdup_printf ("Chuyển khoản (mã giao dịch %s)", entry->reference);
}

/* The Front's name on the left, the copy and the numbers on the right. */
static void
add_form_heading (WardReport               *page,
                  const WardReportSettings *settings,
                  const WardLedgerEntry    *entry,
                  guint                     copy)
{
  g_autofree char *left = g_markup_printf_escaped ("%s\n<b>%s</b>", settings->front_parent_body,
                                                   settings->front_body);
  g_autofree char *right = g_markup_printf_escaped ("<b>%s</b>\nQuyển số: %s\nSố: <b>%s</b>",
                                                    copy_words[copy],
                                                    is_empty (entry->book) ? "01" : entry->book,
                                                    entry->receipt_number);
  const char *columns[] = { left, right, NULL };

  ward_report_set_form_heading (page, columns);
}

static void
add_body (WardReport            *page,
          const WardCampaign    *campaign,
          const WardLedgerEntry *entry,
          const WardLedgerEntry *reversal)
{
  g_autofree char *amount = ward_format_money (entry->amount);
  g_autofree char *in_words = ward_format_amount_in_words (entry->amount);
  g_autofree char *words = g_markup_printf_escaped ("Bằng chữ: <i>%s.</i>", in_words);
  g_autofree char *method = method_text (entry);
  g_autofree char *purpose = g_markup_printf_escaped ("Nội dung: ủng hộ cuộc vận động “%s” do %s "
                                                      "phát động.",
                                                      campaign->name, campaign->organiser);

  add_line (page, "Họ và tên người nộp tiền", entry->donor);
  add_line (page, "Đơn vị / Tổ dân phố", entry->donor_group);
  ward_report_add_paragraph (page, purpose);
  add_line (page, "Số tiền", amount);
  ward_report_add_paragraph (page, words);
  add_line (page, "Hình thức", method);
  if (!is_empty (entry->note))
    {
      g_autofree char *note = g_markup_printf_escaped ("Ghi chú: %s", entry->note);

      ward_report_add_paragraph (page, note);
    }
  if (reversal != NULL)
    {
      g_autofree char *reversed = ward_format_date (reversal->date);
      g_autofree char *note = g_strdup_printf ("<b>Biên lai này đã được hủy bằng bút toán điều "
                                               "chỉnh ngày %s.</b>", reversed);

      ward_report_add_paragraph (page, note);
    }
}

static void
add_signatures (WardReport               *page,
                const WardReportSettings *settings,
                const WardLedgerEntry    *entry)
{
  g_autofree char *date = ward_report_format_place_date_iso (settings->place_name, entry->date);
  g_autofree char *dated = g_markup_printf_escaped ("<i>%s</i>", date != NULL ? date : "");
  g_autofree char *payer = g_markup_printf_escaped ("<b>NGƯỜI NỘP TIỀN</b>\n<i>(Ký, ghi rõ họ "
                                                    "tên)</i>\n\n\n\n<b>%s</b>", entry->donor);
  g_autofree char *collector = g_markup_printf_escaped ("<b>NGƯỜI THU TIỀN</b>\n<i>(Ký, ghi rõ "
                                                        "họ tên)</i>\n\n\n\n<b>%s</b>",
                                                        entry->collector);
  /* The seal goes over the Front's signature, as on a receipt of a body. */
  const char *seal = "<b>XÁC NHẬN CỦA BAN THƯỜNG TRỰC</b>\n<i>(Ký tên, đóng dấu)</i>\n\n\n\n";
  const char *date_row[] = { "", dated, NULL };
  const char *row[] = { payer, collector, seal, NULL };

  ward_report_add_columns (page, date_row, FALSE);
  ward_report_add_columns (page, row, TRUE);
}

static WardReport *
copy_page (const WardReportSettings *settings,
           const WardCampaign       *campaign,
           const WardLedgerEntry    *entry,
           const WardLedgerEntry    *reversal,
           guint                     copy)
{
  WardReport *page = ward_report_new ();
  g_autofree char *subtitle = g_markup_printf_escaped ("(Cuộc vận động “%s”)", campaign->name);

  add_form_heading (page, settings, entry, copy);
  ward_report_set_title (page, "Biên lai thu tiền ủng hộ");
  ward_report_set_subtitle (page, subtitle, WARD_REPORT_STYLE_ITALIC);
  add_body (page, campaign, entry, reversal);
  add_signatures (page, settings, entry);
  ward_report_set_document_date (page, entry->date);
  return page;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const WardLedgerEntry *x = *(const WardLedgerEntry * const *) a;
  const WardLedgerEntry *y = *(const WardLedgerEntry * const *) b;

  return ward_ledger_compare_receipt_numbers (x->receipt_number, y->receipt_number);
}

/* The receipts to print: the one numbered @number, or every one of the
 * period. */
static GPtrArray *
pick_receipts (WardLedgerEntries       *entries,
               const WardCampaign      *campaign,
               const WardReportOptions *options,
               GError                 **error)
{
  g_autoptr (GPtrArray) picked = g_ptr_array_new ();
  g_autofree char *number = options->receipt_number != NULL
                            ? g_strstrip (g_strdup (options->receipt_number)) : NULL;

  for (guint i = 0; i < ward_rows_get_n (entries); i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (entry->kind != WARD_LEDGER_RECEIPT)
        continue;
      if (number != NULL ? g_strcmp0 (entry->receipt_number, number) == 0
                         : ward_report_period_contains (options->period, entry->date))
        g_ptr_array_add (picked, (gpointer) entry);
    }
  if (picked->len > 0)
    {
      g_ptr_array_sort (picked, compare_numbers);
      return g_steal_pointer (&picked);
    }
  if (number != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                 _("The campaign “%s” has no receipt number “%s”."), campaign->name, number);
  else
    {
      g_autofree char *period = ward_report_period_to_string (options->period);

      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("The campaign “%s” has no receipt in the period %s."), campaign->name, period);
    }
  return NULL;
}

WardReport *
ward_reports_receipt (WardStore                 *store,
                      const WardReportSettings  *settings,
                      const WardReportOptions   *options,
                      GError                   **error)
{
  g_autoptr (WardReport) book = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autoptr (GPtrArray) receipts = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->period != NULL, NULL);

  if (options->receipt_number != NULL && is_blank (options->receipt_number))
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("Give the number of the receipt to print."));
      return NULL;
    }
  campaign = ward_ledger_find_campaign (store, options->campaign, error);
  entries = campaign != NULL ? ward_ledger_entries_load (store, campaign->id, error) : NULL;
  receipts = entries != NULL ? pick_receipts (entries, campaign, options, error) : NULL;
  if (receipts == NULL)
    return NULL;

  for (guint i = 0; i < receipts->len; i++)
    {
      const WardLedgerEntry *entry = receipts->pdata[i];
      const WardLedgerEntry *reversal = entry->reversed_by != 0
        ? ward_ledger_entries_lookup (entries, entry->reversed_by) : NULL;

      for (guint copy = 0; copy < G_N_ELEMENTS (copy_words); copy++)
        {
          g_autoptr (WardReport) page = copy_page (settings, campaign, entry, reversal, copy);

          if (book == NULL)
            book = g_steal_pointer (&page);
          else
            ward_report_append (book, page);
        }
    }
  ward_report_set_paper (book, WARD_REPORT_PAPER_A5_ON_A4);
  ward_report_set_margins (book, A5_MARGIN_TOP, A5_MARGIN_RIGHT, A5_MARGIN_BOTTOM, A5_MARGIN_LEFT);
  return g_steal_pointer (&book);
}
