/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "enterprises/ward-enterprises.h"
#include "reports/ward-reports-private.h"

/* Doanh nghiệp thành lập mới: progress toward the term's goal (750), the
 * enterprises counted toward it by type and by VSIC section, and their list
 * month by month. Counted as the target counts them: enterprises, not
 * branches, with their head office in the ward, first registered in the
 * term (ward_enterprise_is_counted()). */

static void
add_progress (WardReport                  *report,
              const WardEnterpriseSummary *summary)
{
  g_autofree char *share = ward_reports_format_share ((double) summary->counted,
                                                     (double) summary->goal);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%s%%)",
                                            summary->counted, summary->goal, share);

  ward_report_add_heading (report, "I. Kết quả thực hiện chỉ tiêu thành lập mới doanh nghiệp");
  ward_report_add_key_value (report, "Số doanh nghiệp thành lập mới / chỉ tiêu Nghị quyết", count);
  for (int year = summary->term_start_year; year <= summary->term_end_year; year++)
    {
      gint64 n = summary->by_year[year - summary->term_start_year];
      g_autofree char *key = g_strdup_printf ("Năm %d", year);
      g_autofree char *value = ward_format_number (n);

      ward_report_add_key_value (report, key, value);
    }
  if (summary->pace_needed > 0)
    {
      g_autofree char *pace = ward_format_number (summary->pace_needed);

      ward_report_add_key_value (report, "Số cần thành lập bình quân mỗi năm còn lại", pace);
    }
  if (summary->branches > 0 || summary->outside_ward > 0)
    {
      g_autofree char *note = g_strdup_printf ("<i>Không tính %" G_GINT64_FORMAT " chi nhánh và %"
                                               G_GINT64_FORMAT " doanh nghiệp có trụ sở ngoài "
                                               "phường trong sổ theo dõi.</i>",
                                               summary->branches, summary->outside_ward);

      ward_report_add_paragraph (report, note);
    }
}

static WardReportTable *
add_breakdown_table (WardReport *report,
                     const char *first_header)
{
  WardReportTable *table = ward_report_add_table (report, 3);

  ward_report_table_set_column (table, 0, first_header, 4.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "Số doanh nghiệp", 1.3, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 2, "Tỷ lệ (%)", 1.1, WARD_REPORT_ALIGN_RIGHT);
  return table;
}

static void
add_breakdown_row (WardReportTable *table,
                   const char      *label,
                   gint64           n,
                   gint64           total)
{
  g_autofree char *count = ward_format_number (n);
  g_autofree char *share = ward_reports_format_share ((double) n, (double) total);
  const char *cells[3] = { label, count, share };

  ward_report_table_add_row (table, cells);
}

static void
add_total_row (WardReportTable *table,
               gint64           total)
{
  g_autofree char *count = ward_format_number (total);
  const char *cells[3] = { "Tổng cộng", count, total > 0 ? "100" : "" };

  ward_report_table_add_total_row (table, cells);
}

static void
add_breakdowns (WardReport                  *report,
                const WardEnterpriseSummary *summary)
{
  WardReportTable *table;

  ward_report_add_heading (report, "II. Phân loại theo loại hình doanh nghiệp");
  table = add_breakdown_table (report, "Loại hình");
  for (guint type = WARD_ENTERPRISE_LLC_ONE; type < WARD_ENTERPRISE_N_TYPES; type++)
    add_breakdown_row (table, ward_enterprise_type_label (type), summary->by_type[type],
                       summary->counted);
  if (summary->by_type[WARD_ENTERPRISE_TYPE_NONE] > 0)
    add_breakdown_row (table, "Chưa ghi loại hình", summary->by_type[WARD_ENTERPRISE_TYPE_NONE],
                       summary->counted);
  add_total_row (table, summary->counted);

  /* Counted in VSIC 2025's sections; a code of VSIC 2018 in the 2025
   * section of the same title (ward_vsic_display_section()). */
  ward_report_add_heading (report, "III. Phân loại theo ngành kinh tế (VSIC 2025; mã VSIC 2018 "
                                   "quy về ngành cấp 1 cùng tên)");
  table = add_breakdown_table (report, "Ngành kinh tế");
  for (guint i = 0; i < WARD_VSIC_N_SECTIONS; i++)
    {
      const WardVsicSection *section = ward_vsic_section_nth (i);
      g_autofree char *label = NULL;

      if (summary->by_section[i] == 0)
        continue;
      label = g_strdup_printf ("%c – %s", section->letter, section->short_title);
      add_breakdown_row (table, label, summary->by_section[i], summary->counted);
    }
  if (summary->no_section > 0)
    add_breakdown_row (table, "Chưa ghi ngành nghề", summary->no_section, summary->counted);
  add_total_row (table, summary->counted);
}

static int
compare_registration (gconstpointer a,
                      gconstpointer b)
{
  const WardEnterpriseRow *x = *(const WardEnterpriseRow * const *) a;
  const WardEnterpriseRow *y = *(const WardEnterpriseRow * const *) b;
  int cmp = strcmp (x->registered_on, y->registered_on);

  return cmp != 0 ? cmp : strcmp (x->sort_key, y->sort_key);
}

static WardReportTable *
add_list_table (WardReport *report)
{
  WardReportTable *table = ward_report_add_table (report, 6);

  ward_report_table_set_column (table, 0, "STT", 0.65, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Tên doanh nghiệp", 3.2, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Mã số\ndoanh nghiệp", 1.45, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 3, "Loại hình", 1.6, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Ngành\n(VSIC)", 0.8, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 5, "Ngày cấp", 1.15, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_font_size (table, 11);
  return table;
}

static guint
count_in_month (GPtrArray *rows,
                guint      from)
{
  const WardEnterpriseRow *first = rows->pdata[from];
  guint n = 0;

  while (from + n < rows->len
         && strncmp (((const WardEnterpriseRow *) rows->pdata[from + n])->registered_on,
                     first->registered_on, 7) == 0)
    n++;
  return n;
}

static void
add_list (WardReport *report,
          WardRows   *all)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  WardReportTable *table;
  guint number = 0;

  for (guint i = 0; i < ward_rows_get_n (all); i++)
    {
      const WardEnterpriseRow *row = ward_rows_get (all, i);

      if (row->counted)
        g_ptr_array_add (rows, (gpointer) row);
    }
  g_ptr_array_sort (rows, compare_registration);

  ward_report_add_heading (report, "IV. Danh sách doanh nghiệp thành lập mới theo tháng");
  table = add_list_table (report);
  for (guint i = 0; i < rows->len; i++)
    {
      const WardEnterpriseRow *row = rows->pdata[i];
      g_autofree char *stt = g_strdup_printf ("%u", ++number);
      g_autofree char *date = ward_format_date (row->registered_on);
      /* A code of VSIC 2018 says so: its digits may mean another line of
       * business in VSIC 2025, the version the breakdown above counts in. */
      g_autofree char *vsic = row->vsic_version == WARD_VSIC_2018
                              ? g_strdup_printf ("%s (2018)", row->vsic) : g_strdup (row->vsic);
      const char *cells[6] = {
        stt, row->name, row->tax_code, ward_enterprise_type_label (row->type), vsic, date,
      };

      if (i == 0 || strncmp (((const WardEnterpriseRow *) rows->pdata[i - 1])->registered_on,
                             row->registered_on, 7) != 0)
        {
          g_autofree char *month = ward_reports_format_month (row->registered_on);
          g_autofree char *label = g_strdup_printf ("%s (%u doanh nghiệp)", month,
                                                    count_in_month (rows, i));

          ward_report_table_add_group_row (table, label);
        }
      ward_report_table_add_row (table, cells);
    }
  if (rows->len == 0)
    {
      const char *empty[6] = { NULL, "Chưa có doanh nghiệp thành lập mới trong nhiệm kỳ." };

      ward_report_table_add_row (table, empty);
    }
}

WardReport *
ward_reports_enterprises (WardStore                 *store,
                          const WardReportSettings  *settings,
                          const char                *today,
                          GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (WardEnterpriseSummary) summary = NULL;
  g_autoptr (WardRows) rows = NULL;
  g_autofree char *shown_today = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && today != NULL, NULL);

  summary = ward_enterprises_summarize (store, today, error);
  rows = summary != NULL ? ward_enterprise_rows_load (store, error) : NULL;
  if (rows == NULL)
    return NULL;

  report = ward_report_new ();
  ward_reports_set_party_heading (report, settings, "BC/ĐU", today);
  ward_report_set_title (report, "Báo cáo\ntình hình thành lập mới doanh nghiệp");
  shown_today = ward_format_date (today);
  intro = g_strdup_printf ("Kết quả thực hiện chỉ tiêu thành lập mới doanh nghiệp trên địa bàn "
                           "trong nhiệm kỳ %d – %d, tính đến ngày %s, như sau:",
                           summary->term_start_year, summary->term_end_year, shown_today);
  ward_report_add_paragraph (report, intro);
  add_progress (report, summary);
  add_breakdowns (report, summary);
  add_list (report, rows);
  ward_reports_set_party_signature (report, settings);
  return g_steal_pointer (&report);
}
