/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "base/ward-money.h"
#include "donations/ward-donations-ledger.h"
#include "names/ward-names.h"
#include "reports/ward-reports-private.h"

/* Danh sách công khai ủng hộ: the list the Front posts publicly (Nghị định
 * 93/2021/NĐ-CP, Điều 14: công khai kết quả vận động, niêm yết tại trụ sở
 * và tổ dân phố) — every receipt of the period that stands (a receipt
 * taken back by a correction is left out, as its money is), in receipt
 * number order, with how it was paid — then the summary of receipts,
 * transfers upward and the balance, by group, and on the last page the hash
 * of the last entry of each chain of the ledger, so that a reader can check
 * the printed list against the file (ward_ledger_verify()).
 *
 * By group: the summary by group first, then each group (tổ dân phố, body,
 * chi bộ) on its own page, as the Front posts it in that group, with its
 * subtotal and the signatures of the collector and of the Front.
 *
 * A donor who asked not to be named is listed as WARD_LEDGER_ANONYMOUS_DONOR
 * on every list here; the ledger keeps the name.
 *
 * The ledger has no public call for its chains' ends yet: read here. */

static const char * const front_recipients[] = {
  "Thường trực Đảng ủy (để b/c)",
  "Niêm yết công khai",
  "Lưu: VT",  /* Nghị định 30/2020/NĐ-CP: "Lưu: VT", the archive of the office */
  NULL
};

/* The document's symbol after its number: a list (danh sách, DS) of the
 * Front's standing committee. */
#define NUMBER_SUFFIX "DS-MTTQ-BTT"

typedef struct
{
  WardLedgerEntries *entries;
  GArray            *receipts;   /* guint index into entries: standing, of the period, by number */
  GArray            *outside;    /* the same, dated outside the campaign's period */
  GPtrArray         *transfers;  /* const WardLedgerEntry *, standing, of the period, by date */
  gint64             listed;     /* the sum of the receipts listed */
  gint64             outside_total;
  guint              corrected;  /* receipts reversed and written again under their number */
} DisclosureData;

static int
compare_receipts (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  WardLedgerEntries *entries = user_data;
  const WardLedgerEntry *x = ward_rows_get (entries, *(const guint *) a);
  const WardLedgerEntry *y = ward_rows_get (entries, *(const guint *) b);
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
/* The receipts corrected under their own number (ward_ledger_correct_receipt()):
 * a reversal of a receipt whose number a receipt that stands holds again. */
static guint
count_corrected (WardLedgerEntries *entries)
{
  g_autoptr (GHashTable) standing = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = ward_rows_get_n (entries), corrected = 0;

  for (guint i = 0; i < n; i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (entry->kind == WARD_LEDGER_RECEIPT && entry->reversed_by == 0)
        g_hash_table_add (standing, (gpointer) entry->receipt_number);
    }
  for (guint i = 0; i < n; i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);
      const WardLedgerEntry *target = entry->kind == WARD_LEDGER_REVERSAL
        ? ward_ledger_entries_lookup (entries, entry->reverses_id) : NULL;

      if (target != NULL && target->kind == WARD_LEDGER_RECEIPT
          && g_hash_table_contains (standing, target->receipt_number))
        corrected++;
    }
  return corrected;
}

static void
disclosure_data_init (DisclosureData         *data,
                      WardLedgerEntries      *entries,
                      const WardCampaign     *campaign,
                      const WardReportPeriod *period)
{
  guint n = ward_rows_get_n (entries);

  data->entries = entries;
  data->receipts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  data->outside = g_array_new (FALSE, FALSE, sizeof (guint));
  data->transfers = g_ptr_array_new ();
  data->listed = data->outside_total = 0;
  for (guint i = 0; i < n; i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, i);

      if (entry->reversed_by != 0 || !ward_report_period_contains (period, entry->date))
        continue;
      if (entry->kind == WARD_LEDGER_RECEIPT && !ward_campaign_in_period (campaign, entry->date))
        {
          g_array_append_val (data->outside, i);
          ward_money_add (&data->outside_total, entry->amount);
        }
      else if (entry->kind == WARD_LEDGER_RECEIPT)
        {
          g_array_append_val (data->receipts, i);
          ward_money_add (&data->listed, entry->amount);
        }
      else if (entry->kind == WARD_LEDGER_TRANSFER)
        g_ptr_array_add (data->transfers, (gpointer) entry);
    }
  data->corrected = count_corrected (entries);
  g_array_sort_with_data (data->receipts, compare_receipts, entries);
  g_array_sort_with_data (data->outside, compare_receipts, entries);
  g_ptr_array_sort (data->transfers, compare_transfers);
}

static void
disclosure_data_clear (DisclosureData *data)
{
  g_clear_pointer (&data->receipts, g_array_unref);
  g_clear_pointer (&data->outside, g_array_unref);
  g_clear_pointer (&data->transfers, g_ptr_array_unref);
}

static const char *
method_words (const WardLedgerEntry *entry)
{
  return entry->method == WARD_PAYMENT_BANK ? "Chuyển khoản" : "Tiền mặt";
}

/* The receipts @indices of @entries, with a total row. */
static void
add_receipts_table (WardReport        *report,
                    WardLedgerEntries *entries,
                    GArray            *indices,
                    const char        *total_label)
{
  WardReportTable *table = ward_report_add_table (report, 7);
  gint64 sum = 0;
  g_autofree char *total = NULL;
  const char *total_cells[7] = { NULL, NULL, NULL, total_label, NULL, NULL, NULL };

  /* Widths that keep "Chuyển khoản" and a date on one line at 11 pt on
   * portrait A4; the long headers break where a clerk would break them. */
  ward_report_table_set_column (table, 0, "STT", 0.6, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Số\nbiên lai", 0.8, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 2, "Ngày", 1.3, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 3, "Họ và tên\nngười ủng hộ", 2.3, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Đơn vị /\nTổ dân phố", 1.75, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 5, "Hình thức", 1.6, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 6, "Số tiền\n(đồng)", 1.35, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 2, WARD_REPORT_CELL_DATE);
  ward_report_table_set_column_type (table, 6, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_font_size (table, 11);

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const WardLedgerEntry *entry = ward_rows_get (entries, index);
      char stt[16];
      g_autofree char *date = ward_format_date (entry->date);
      g_autofree char *amount = ward_format_number (entry->amount);
      const char *cells[7] = {
        stt, entry->receipt_number, date, ward_ledger_entry_public_donor (entry),
        ward_ledger_entries_get_group_name (entries, index), method_words (entry), amount,
      };

      g_snprintf (stt, sizeof stt, "%u", i + 1);
      ward_report_table_add_row (table, cells);
      ward_money_add (&sum, entry->amount);
    }
  total = ward_format_number (sum);
  total_cells[6] = total;
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
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 1, WARD_REPORT_CELL_DATE);
  ward_report_table_set_column_type (table, 4, WARD_REPORT_CELL_INTEGER);
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
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 2, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 3, WARD_REPORT_CELL_INTEGER);
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

/* Counted apart: the receipts the clerk confirmed outside the campaign's
 * period, so that the period the title states stays true of the list. */
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
  add_receipts_table (report, data->entries, data->outside, "Tổng cộng");
}

static void
add_summary (WardReport              *report,
             const DisclosureData    *data,
             const WardLedgerTotals  *totals,
             const WardReportOptions *options)
{
  g_autofree char *received_key = NULL;
  g_autofree char *transferred_key = NULL;
  g_autofree char *in_words = ward_format_amount_in_words (totals->received);
  g_autofree char *words = NULL;

  ward_report_add_heading (report, "Tổng hợp thu, chuyển và tồn quỹ");
  if (options->period->kind != WARD_PERIOD_TERM)
    {
      g_autofree char *period = ward_report_period_format (options->period);
      g_autofree char *key = g_strdup_printf ("Số tiền nhận trong %s (%u biên lai)", period,
                                              data->receipts->len);
      g_autofree char *today = ward_format_date (options->today);

      add_money (report, key, data->listed);
      words = g_markup_printf_escaped ("<i>Lũy kế cả cuộc vận động đến ngày %s:</i>", today);
      ward_report_add_paragraph (report, words);
      g_clear_pointer (&words, g_free);
    }
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
  if (data->corrected > 0)
    {
      g_autofree char *note = g_strdup_printf ("<i>%u biên lai được sửa (hủy và ghi lại với cùng số "
                                               "biên lai) được liệt kê theo nội dung đã sửa.</i>",
                                               data->corrected);

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

/* "(Từ ngày 17/9/2025 đến ngày 16/10/2025)": the campaign's own dates for
 * the whole term, else the period's. */
static char *
period_subtitle (const WardCampaign      *campaign,
                 const WardReportOptions *options)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *words = NULL;

  if (options->period->kind != WARD_PERIOD_TERM)
    {
      words = ward_report_period_format (options->period);
      return g_markup_printf_escaped ("(Số liệu %s)", words);
    }
  start = ward_format_date (campaign->start_date);
  if (campaign->end_date == NULL || campaign->end_date[0] == '\0')
    return g_strdup_printf ("(Từ ngày %s)", start);
  end = ward_format_date (campaign->end_date);
  return g_strdup_printf ("(Từ ngày %s đến ngày %s)", start, end);
}

static void
set_titles (WardReport              *report,
            const WardCampaign      *campaign,
            const WardReportOptions *options,
            const char              *group)
{
  g_autofree char *abstract = g_strdup_printf ("công khai kết quả ủng hộ cuộc vận động “%s”",
                                               campaign->name);
  g_autofree char *subtitle = period_subtitle (campaign, options);

  ward_report_set_title (report, "Danh sách");
  ward_report_set_abstract (report, abstract);
  if (group != NULL)
    {
      g_autofree char *both = g_markup_printf_escaped ("<b>%s</b>\n%s", group, subtitle);

      ward_report_set_subtitle (report, both, WARD_REPORT_STYLE_ITALIC);
    }
  else
    ward_report_set_subtitle (report, subtitle, WARD_REPORT_STYLE_ITALIC);
}

typedef struct
{
  WardCampaign      *campaign;
  WardLedgerEntries *entries;
  WardLedgerTotals   totals;
  DisclosureData     data;
} Disclosure;

static void
disclosure_clear (Disclosure *d)
{
  disclosure_data_clear (&d->data);
  ward_ledger_totals_clear (&d->totals);
  g_clear_pointer (&d->entries, ward_rows_unref);
  g_clear_pointer (&d->campaign, ward_campaign_free);
}

static gboolean
disclosure_load (Disclosure              *d,
                 WardStore               *store,
                 const WardReportOptions *options,
                 GError                 **error)
{
  d->campaign = ward_ledger_find_campaign (store, options->campaign, error);
  d->entries = d->campaign != NULL ? ward_ledger_entries_load (store, d->campaign->id, error) : NULL;
  if (d->entries == NULL)
    {
      disclosure_clear (d);
      return FALSE;
    }
  if (!ward_ledger_get_totals (store, d->campaign->id, &d->totals, error))
    {
      disclosure_clear (d);
      return FALSE;
    }
  disclosure_data_init (&d->data, d->entries, d->campaign, options->period);
  return TRUE;
}

static void
add_intro (WardReport         *report,
           const WardCampaign *campaign)
{
  g_autofree char *intro = NULL;

  intro = g_markup_printf_escaped ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường công "
                                   "khai danh sách các tập thể, hộ gia đình và cá nhân đã ủng hộ "
                                   "cuộc vận động “%s” như sau:", campaign->name);
  ward_report_add_paragraph (report, intro);
}

/* The Front's list of the period: its heading, the receipts in number
 * order when @with_list, the summary, the Front's signature. */
static WardReport *
summary_new (Disclosure               *d,
             const WardReportSettings *settings,
             const WardReportOptions  *options,
             gboolean                  with_list)
{
  WardReport *report = ward_report_new ();

  ward_reports_set_front_heading (report, settings, options, NUMBER_SUFFIX);
  set_titles (report, d->campaign, options, NULL);
  add_intro (report, d->campaign);
  if (with_list)
    {
      add_receipts_table (report, d->entries, d->data.receipts, "Tổng cộng");
      add_outside_list (report, &d->data);
    }
  add_summary (report, &d->data, &d->totals, options);
  ward_reports_set_front_signature (report, settings, options, front_recipients);
  return report;
}

WardReport *
ward_reports_donations (WardStore                 *store,
                        const WardReportSettings  *settings,
                        const WardReportOptions   *options,
                        GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  Disclosure d = { NULL };
  gboolean ok;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  if (!disclosure_load (&d, store, options, error))
    return NULL;
  report = summary_new (&d, settings, options, TRUE);
  ok = add_chain_hashes (report, store, d.campaign->id, error);
  disclosure_clear (&d);
  return ok ? g_steal_pointer (&report) : NULL;
}

/* ---- By group ----------------------------------------------------------- */

/* The collector of a group's receipts, when one person collected them all;
 * else NULL, and the name is written by hand. */
static const char *
sole_collector (WardLedgerEntries *entries,
                GArray            *indices)
{
  const char *collector = NULL;

  for (guint i = 0; i < indices->len; i++)
    {
      const WardLedgerEntry *entry = ward_rows_get (entries, g_array_index (indices, guint, i));

      if (entry->collector[0] == '\0'
          || (collector != NULL && g_strcmp0 (collector, entry->collector) != 0))
        return NULL;
      collector = entry->collector;
    }
  return collector;
}

/* The signatures under a group's list: the collector's, then the Front's. */
static void
add_group_signatures (WardReport               *report,
                      const WardReportSettings *settings,
                      const WardReportOptions  *options,
                      const char               *collector)
{
  const char *name = options->signing->name != NULL && options->signing->name[0] != '\0'
                     ? options->signing->name : settings->front_signatory_name;
  const char *position = options->signing->position != NULL && options->signing->position[0] != '\0'
                         ? options->signing->position : settings->front_signatory_title;
  g_autofree char *left = g_markup_printf_escaped ("<b>NGƯỜI THU TIỀN</b>\n<i>(Ký, ghi rõ họ tên)"
                                                   "</i>\n\n\n\n<b>%s</b>",
                                                   collector != NULL ? collector : "");
  g_autofree char *right = g_markup_printf_escaped ("<b>TM. BAN THƯỜNG TRỰC\n%s</b>\n\n\n\n\n"
                                                    "<b>%s</b>", position,
                                                    name != NULL ? name : "");
  const char *columns[] = { left, right, NULL };

  ward_report_add_columns (report, columns, TRUE);
}

static WardReport *
group_document (Disclosure               *d,
                const WardReportSettings *settings,
                const WardReportOptions  *options,
                const char               *group,
                GArray                   *indices)
{
  WardReport *page = ward_report_new ();
  g_autofree char *label = g_strdup (group[0] != '\0' ? group : "Không ghi đơn vị");

  ward_reports_set_front_heading (page, settings, options, NUMBER_SUFFIX);
  set_titles (page, d->campaign, options, label);
  add_receipts_table (page, d->entries, indices, "Cộng");
  add_group_signatures (page, settings, options, sole_collector (d->entries, indices));
  return page;
}

/* The period's receipts of each group, the groups in Vietnamese order and
 * those without a group last; a group is the same however its name was
 * cased or toned (ward_names_key()). @names_out gets each list's group as
 * the list of known names names it ("" for none). */
static GPtrArray *
receipts_by_group (Disclosure  *d,
                   GPtrArray  **names_out)
{
  g_autoptr (GPtrArray) groups = ward_ledger_entries_dup_groups (d->entries);
  g_autoptr (GHashTable) by_fold = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  GPtrArray *lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *list;

  for (guint i = 0; i < d->data.receipts->len; i++)
    {
      guint index = g_array_index (d->data.receipts, guint, i);
      const char *folded = ward_ledger_entries_get_group_folded (d->entries, index);

      list = g_hash_table_lookup (by_fold, folded);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_fold, (gpointer) folded, list);
        }
      g_array_append_val (list, index);
    }
  *names_out = g_ptr_array_new ();
  for (guint g = 0; g <= groups->len; g++)
    {
      const char *name = g < groups->len ? groups->pdata[g] : "";
      g_autofree char *folded = ward_names_key (name);
      gpointer key = NULL;

      if (!g_hash_table_steal_extended (by_fold, folded, &key, (gpointer *) &list))
        continue;
      g_ptr_array_add (lists, list);
      g_ptr_array_add (*names_out, (gpointer) name);
    }
  return lists;
}

WardReport *
ward_reports_donations_by_group (WardStore                 *store,
                                 const WardReportSettings  *settings,
                                 const WardReportOptions   *options,
                                 GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GPtrArray) lists = NULL;
  g_autoptr (GPtrArray) names = NULL;
  Disclosure d = { NULL };

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  if (!disclosure_load (&d, store, options, error))
    return NULL;
  /* First the summary, signed by the Front; then a page per group. */
  report = summary_new (&d, settings, options, FALSE);
  lists = receipts_by_group (&d, &names);
  for (guint i = 0; i < lists->len; i++)
    {
      g_autoptr (WardReport) page = group_document (&d, settings, options, names->pdata[i],
                                                    lists->pdata[i]);

      ward_report_append (report, page);
    }
  disclosure_clear (&d);
  return g_steal_pointer (&report);
}
