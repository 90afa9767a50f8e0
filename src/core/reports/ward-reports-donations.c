/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "base/ward-money.h"
#include "donations/ward-donations-ledger.h"
#include "reports/ward-reports-private.h"

/* Danh sách công khai ủng hộ: the list the Front posts publicly — every
 * receipt that stands (a receipt taken back by a correction is left out,
 * as its money is), in receipt-number order — then the summary of receipts,
 * transfers upward and the balance, by group, and on the last page the hash
 * of the last entry of each chain of the ledger, so that a reader can check
 * the printed list against the file (ward_ledger_verify()).
 *
 * The ledger has no public call for its chains' ends yet: read here. */

static const char * const front_recipients[] = {
  "Thường trực Đảng ủy (để b/c)",
  "Niêm yết công khai",
  "Lưu",
  NULL
};

typedef struct
{
  WardLedgerEntries *entries;
  GPtrArray         *receipts;   /* const WardLedgerEntry *, standing, by number */
  GPtrArray         *outside;    /* the same, dated outside the campaign's period */
  GPtrArray         *transfers;  /* const WardLedgerEntry *, standing, by date */
  gint64             listed;     /* the sum of the receipts listed */
  gint64             outside_total;
} DisclosureData;

static int
compare_receipts (gconstpointer a,
                  gconstpointer b)
{
  const WardLedgerEntry *x = *(const WardLedgerEntry * const *) a;
  const WardLedgerEntry *y = *(const WardLedgerEntry * const *) b;
  int cmp = ward_ledger_compare_receipt_numbers (x->receipt_number, y->receipt_number);

  if (cmp != 0)
    return cmp;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
compare_transfers (gconstpointer a,
                   gconstpointer b)
{
  const WardLedgerEntry *x = *(const WardLedgerEntry * const *) a;
  const WardLedgerEntry *y = *(const WardLedgerEntry * const *) b;
  int cmp = g_strcmp0 (x->date, y->date);

  if (cmp != 0)
    return cmp;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Receipts dated outside the campaign's period (ward_campaign_in_period())
 * go to a list of their own, so that the period the title states stays
 * true of the main list. */
static void
disclosure_data_init (DisclosureData     *data,
                      WardLedgerEntries  *entries,
                      const WardCampaign *campaign)
{
  guint n = ward_rows_get_n (entries);

  data->entries = entries;
  data->receipts = g_ptr_array_sized_new (n);
  data->outside = g_ptr_array_new ();
  data->transfers = g_ptr_array_new ();
  data->listed = data->outside_total = 0;
  for (guint i = 0; i < n; i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (entry->reversed_by != 0)
        continue;
      if (entry->kind == WARD_LEDGER_RECEIPT && !ward_campaign_in_period (campaign, entry->date))
        {
          g_ptr_array_add (data->outside, (gpointer) entry);
          data->outside_total += entry->amount;
        }
      else if (entry->kind == WARD_LEDGER_RECEIPT)
        {
          g_ptr_array_add (data->receipts, (gpointer) entry);
          ward_money_add (&data->listed, entry->amount);
        }
      else if (entry->kind == WARD_LEDGER_TRANSFER)
        g_ptr_array_add (data->transfers, (gpointer) entry);
    }
  g_ptr_array_sort (data->receipts, compare_receipts);
  g_ptr_array_sort (data->outside, compare_receipts);
  g_ptr_array_sort (data->transfers, compare_transfers);
}

static void
disclosure_data_clear (DisclosureData *data)
{
  g_clear_pointer (&data->receipts, g_ptr_array_unref);
  g_clear_pointer (&data->outside, g_ptr_array_unref);
  g_clear_pointer (&data->transfers, g_ptr_array_unref);
}

static void
add_receipt_table (WardReport *report,
                   GPtrArray  *receipts,
                   gint64      sum)
{
  WardReportTable *table = ward_report_add_table (report, 5);
  g_autofree char *total = ward_format_number (sum);
  const char *total_cells[5] = { NULL, NULL, "Tổng cộng", NULL, total };

  ward_report_table_set_column (table, 0, "STT", 0.7, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Số biên lai", 1.1, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 2, "Họ và tên người ủng hộ", 3.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 3, "Đơn vị / Tổ dân phố", 2.3, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Số tiền (đồng)", 1.45, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_font_size (table, 11);

  for (guint i = 0; i < receipts->len; i++)
    {
      const WardLedgerEntry *entry = receipts->pdata[i];
      char stt[16];
      g_autofree char *amount = ward_format_number (entry->amount);
      const char *cells[5] = { stt, entry->receipt_number, entry->donor, entry->donor_group, amount };

      g_snprintf (stt, sizeof stt, "%u", i + 1);
      ward_report_table_add_row (table, cells);
    }
  ward_report_table_add_total_row (table, total_cells);
}

static void
add_money (WardReport *report,
           const char *key,
           gint64      amount)
{
  g_autofree char *value = ward_format_money (amount);

  ward_report_add_key_value (report, key, value);
}

static void
add_transfers (WardReport           *report,
               const DisclosureData *data)
{
  WardReportTable *table;

  if (data->transfers->len == 0)
    return;
  ward_report_add_heading (report, "Các lần chuyển lên cấp trên");
  table = ward_report_add_table (report, 5);
  ward_report_table_set_column (table, 0, "STT", 0.6, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Ngày chuyển", 1.2, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 2, "Số chứng từ", 1.3, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 3, "Nơi nhận", 3.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Số tiền (đồng)", 1.5, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_font_size (table, 11);
  for (guint i = 0; i < data->transfers->len; i++)
    {
      const WardLedgerEntry *entry = data->transfers->pdata[i];
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = ward_format_date (entry->date);
      g_autofree char *amount = ward_format_number (entry->amount);
      const char *cells[5] = { stt, date, entry->voucher, entry->receiver, amount };

      ward_report_table_add_row (table, cells);
    }
}

static void
add_groups (WardReport             *report,
            const WardLedgerTotals *totals)
{
  WardReportTable *table;
  g_autofree char *all = ward_format_number (totals->received);
  g_autofree char *n_all = ward_format_number (totals->n_receipts);
  const char *total_cells[4] = { NULL, "Tổng cộng", n_all, all };

  if (totals->groups == NULL || totals->groups->len == 0)
    return;
  ward_report_add_heading (report, "Tổng hợp theo đơn vị, tổ dân phố");
  table = ward_report_add_table (report, 4);
  ward_report_table_set_column (table, 0, "STT", 0.6, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Đơn vị / Tổ dân phố", 3.6, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Số biên lai", 1.2, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 3, "Số tiền (đồng)", 1.6, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_font_size (table, 11);
  for (guint i = 0; i < totals->groups->len; i++)
    {
      const WardLedgerGroupTotal *group = totals->groups->pdata[i];
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *n = ward_format_number (group->n_receipts);
      g_autofree char *amount = ward_format_number (group->amount);
      const char *cells[4] = {
        stt, group->group[0] != '\0' ? group->group : "Không ghi đơn vị", n, amount,
      };

      ward_report_table_add_row (table, cells);
    }
  ward_report_table_add_total_row (table, total_cells);
}

static void
add_disclosure_list (WardReport           *report,
                     const DisclosureData *data)
{
  add_receipt_table (report, data->receipts, data->listed);
}

/* Counted apart: the receipts the clerk confirmed outside the period. */
static void
add_outside_list (WardReport           *report,
                  const DisclosureData *data)
{
  g_autofree char *sum = NULL;
  g_autofree char *note = NULL;

  if (data->outside->len == 0)
    return;
  sum = ward_format_money (data->outside_total);
  ward_report_add_heading (report, "Biên lai ghi ngày ngoài thời gian cuộc vận động");
  note = g_strdup_printf ("<i>%u biên lai, tổng %s, ghi ngày ngoài thời gian nêu trên; được thống kê "
                          "riêng, không tính vào danh sách trên.</i>", data->outside->len, sum);
  ward_report_add_paragraph (report, note);
  add_receipt_table (report, data->outside, data->outside_total);
}

static void
add_summary (WardReport             *report,
             const DisclosureData   *data,
             const WardLedgerTotals *totals)
{
  g_autofree char *received_key = NULL;
  g_autofree char *transferred_key = NULL;
  g_autofree char *in_words = ward_format_amount_in_words (totals->received);
  g_autofree char *words = NULL;

  ward_report_add_heading (report, "Tổng hợp thu, chuyển và tồn quỹ");
  received_key = g_strdup_printf ("Tổng số tiền đã nhận (%u biên lai, %u người ủng hộ)",
                                  totals->n_receipts, totals->n_donors);
  add_money (report, received_key, totals->received);
  words = g_markup_printf_escaped ("<i>(Bằng chữ: %s.)</i>", in_words);
  ward_report_add_paragraph (report, words);
  transferred_key = g_strdup_printf ("Đã chuyển lên cấp trên (%u lần)", totals->n_transfers);
  add_money (report, transferred_key, totals->transferred);
  add_money (report, "Số tiền còn lại (tồn quỹ)", totals->on_hand);
  if (totals->n_reversals > 0)
    {
      g_autofree char *note = NULL;
      g_autofree char *reversed = ward_format_money (totals->reversed);

      note = g_strdup_printf ("<i>Các số liệu trên đã trừ %u bút toán điều chỉnh (trong đó "
                              "%s biên lai thu đã hủy); biên lai đã hủy không có trong danh sách.</i>",
                              totals->n_reversals, reversed);
      ward_report_add_paragraph (report, note);
    }
  add_transfers (report, data);
  add_groups (report, totals);
}

/* "Mã kiểm tra sổ quỹ": the hash of the last entry of each chain, one line
 * each (label and hash together, in small print) so that a page never
 * separates them. */
static gboolean
add_chain_hashes (WardReport    *report,
                  WardStore     *store,
                  gint64         campaign_id,
                  GError       **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT e.book, e.seq, e.hash FROM ledger_entries e "
                             "WHERE e.campaign_id = ?1 AND e.seq = (SELECT max (seq) "
                             "FROM ledger_entries WHERE campaign_id = ?1 AND book = e.book) "
                             "ORDER BY e.book", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *book = ward_stmt_text (stmt, 0);
      gint64 seq = sqlite3_column_int64 (stmt, 1);
      g_autofree char *chain = book[0] != '\0' ? g_strdup_printf (" quyển %s,", book) : g_strdup ("");
      g_autofree char *line = NULL;

      line = g_markup_printf_escaped ("%sMã kiểm tra sổ quỹ (SHA-256),%s bút toán %" G_GINT64_FORMAT
                                      ": %s", text->len > 0 ? "\n" : "", chain, seq,
                                      ward_stmt_text (stmt, 2));
      g_string_append (text, line);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (text->len == 0)
    g_string_append (text, "Mã kiểm tra sổ quỹ: sổ chưa có bút toán nào.");
  /* 8 pt: a line holds the label and the 64 digits of the hash. */
  g_string_prepend (text, "<span size=\"8192\">");
  g_string_append (text, "</span>");
  ward_report_set_closing (report, text->str);
  return TRUE;
}

static void
set_titles (WardReport         *report,
            const WardCampaign *campaign)
{
  g_autofree char *title = g_strdup_printf ("Danh sách công khai\n%s", campaign->name);
  g_autofree char *start = ward_format_date (campaign->start_date);
  g_autofree char *subtitle = NULL;

  if (campaign->end_date != NULL && campaign->end_date[0] != '\0')
    {
      g_autofree char *end = ward_format_date (campaign->end_date);

      subtitle = g_strdup_printf ("(Từ ngày %s đến ngày %s)", start, end);
    }
  else
    subtitle = g_strdup_printf ("(Từ ngày %s)", start);
  ward_report_set_title (report, title);
  ward_report_set_subtitle (report, subtitle, WARD_REPORT_STYLE_ITALIC);
}

WardReport *
ward_reports_donations (WardStore                 *store,
                        const WardReportSettings  *settings,
                        const char                *campaign_name,
                        const char                *today,
                        GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (WardLedgerEntries) entries = NULL;
  g_autofree char *intro = NULL;
  WardLedgerTotals totals = { 0 };
  DisclosureData data;
  gboolean ok;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && today != NULL, NULL);

  campaign = ward_ledger_find_campaign (store, campaign_name, error);
  entries = campaign != NULL ? ward_ledger_entries_load (store, campaign->id, error) : NULL;
  if (entries == NULL)
    return NULL;
  ward_ledger_entries_compute_totals (entries, &totals);
  disclosure_data_init (&data, entries, campaign);

  report = ward_report_new ();
  ward_reports_set_front_heading (report, settings, NULL, today);
  set_titles (report, campaign);
  intro = g_markup_printf_escaped ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường công "
                                   "khai danh sách các tập thể, hộ gia đình và cá nhân đã ủng hộ "
                                   "cuộc vận động “%s” như sau:", campaign->name);
  ward_report_add_paragraph (report, intro);
  add_disclosure_list (report, &data);
  add_outside_list (report, &data);
  add_summary (report, &data, &totals);
  ward_reports_set_front_signature (report, settings, front_recipients);
  ok = add_chain_hashes (report, store, campaign->id, error);

  disclosure_data_clear (&data);
  ward_ledger_totals_clear (&totals);
  return ok ? g_steal_pointer (&report) : NULL;
}
