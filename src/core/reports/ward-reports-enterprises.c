/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "enterprises/ward-enterprises.h"
#include "reports/ward-reports-private.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* Doanh nghiệp thành lập mới in a period: the period's new enterprises,
 * by type and by VSIC section, with their registered capital, and their
 * list month by month; the term's total against its goal (750) as of the
 * end of the period. Counted as the target counts them: enterprises, not
 * branches, with their head office in the ward, first registered in the
 * term (WardEnterpriseRow.counted, ward_enterprise_is_counted()); the tests
 * check the period's rows against ward_targets_count_registered(). */

typedef struct
{
  gint64 n;
  gint64 capital;
} Tally;

typedef struct
{
  GPtrArray *rows;                              /* const WardEnterpriseRow *, the period's */
  Tally      by_type[WARD_ENTERPRISE_N_TYPES];
  Tally      by_section[WARD_VSIC_N_SECTIONS + 1];  /* the last: no line of business */
  Tally      total;
} PeriodEnterprises;

static void
tally (Tally  *t,
       gint64  capital)
{
  t->n++;
  t->capital += capital;
}

static void
collect (PeriodEnterprises      *p,
         WardRows               *all,
         const char             *start,
         const char             *end)
{
  p->rows = g_ptr_array_new ();
  for (guint i = 0; i < ward_rows_get_n (all); i++)
    {
      const WardEnterpriseRow *row = ward_rows_get (all, i);

      if (!row->counted || strcmp (row->registered_on, start) < 0
          || strcmp (row->registered_on, end) > 0)
        continue;
      g_ptr_array_add (p->rows, (gpointer) row);
      tally (&p->by_type[row->type], row->capital);
      tally (&p->by_section[row->section > 0 ? row->section - 1 : WARD_VSIC_N_SECTIONS],
             row->capital);
      tally (&p->total, row->capital);
    }
}

static void
add_progress (WardReport                  *report,
              const WardEnterpriseSummary *summary,
              const PeriodEnterprises     *p,
              const char                  *period_words,
              gint64                       in_term)
{
  g_autofree char *share = ward_reports_format_share ((double) in_term, (double) summary->goal);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%s%%)",
                                            in_term, summary->goal, share);
  g_autofree char *key = g_strdup_printf ("Số doanh nghiệp thành lập mới trong %s", period_words);
  g_autofree char *n = ward_format_number (p->total.n);
  g_autofree char *capital = ward_format_money (p->total.capital);

  ward_report_add_heading (report, "I. Kết quả thực hiện chỉ tiêu thành lập mới doanh nghiệp");
  ward_report_add_key_value (report, key, n);
  ward_report_add_key_value (report, "Tổng vốn điều lệ đăng ký", capital);
  ward_report_add_key_value (report, "Lũy kế nhiệm kỳ (đến hết kỳ báo cáo) / chỉ tiêu Nghị quyết",
                             count);
  for (int year = summary->term_start_year; year <= summary->term_end_year; year++)
    {
      gint64 y = summary->by_year[year - summary->term_start_year];
      g_autofree char *year_key = g_strdup_printf ("Năm %d", year);
      g_autofree char *value = ward_format_number (y);

      ward_report_add_key_value (report, year_key, value);
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
  WardReportTable *table = ward_report_add_table (report, 4);

  ward_report_table_set_column (table, 0, first_header, 3.6, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "Số doanh nghiệp", 1.2, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 2, "Tỷ lệ (%)", 0.9, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 3, "Vốn điều lệ (đồng)", 1.9, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column_type (table, 1, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 2, WARD_REPORT_CELL_DECIMAL);
  ward_report_table_set_column_type (table, 3, WARD_REPORT_CELL_INTEGER);
  return table;
}

static void
add_breakdown_row (WardReportTable *table,
                   const char      *label,
                   const Tally     *t,
                   gint64           total,
                   gboolean         is_total)
{
  g_autofree char *count = ward_format_number (t->n);
  g_autofree char *share = ward_reports_format_share ((double) t->n, (double) total);
  g_autofree char *capital = ward_format_number (t->capital);
  const char *cells[4] = { label, count, share, capital };

  if (is_total)
    ward_report_table_add_total_row (table, cells);
  else
    ward_report_table_add_row (table, cells);
}

static void
add_breakdowns (WardReport              *report,
                const PeriodEnterprises *p)
{
  WardReportTable *table;
  gint64 total = p->total.n;

  ward_report_add_heading (report, "II. Phân loại theo loại hình doanh nghiệp");
  table = add_breakdown_table (report, "Loại hình");
  for (guint type = WARD_ENTERPRISE_LLC_ONE; type < WARD_ENTERPRISE_N_TYPES; type++)
    add_breakdown_row (table, ward_enterprise_type_label (type), &p->by_type[type], total, FALSE);
  if (p->by_type[WARD_ENTERPRISE_TYPE_NONE].n > 0)
    add_breakdown_row (table, "Chưa ghi loại hình", &p->by_type[WARD_ENTERPRISE_TYPE_NONE], total,
                       FALSE);
  add_breakdown_row (table, "Tổng cộng", &p->total, total, TRUE);

  /* Counted in VSIC 2025's sections; a code of VSIC 2018 in the 2025
   * section of the same title (ward_vsic_display_section()). */
  ward_report_add_heading (report, "III. Phân loại theo ngành kinh tế (VSIC 2025; mã VSIC 2018 "
                                   "quy về ngành cấp 1 cùng tên)");
  table = add_breakdown_table (report, "Ngành kinh tế");
  for (guint i = 0; i < WARD_VSIC_N_SECTIONS; i++)
    {
      const WardVsicSection *section = ward_vsic_section_nth (i);
      g_autofree char *label = NULL;

      if (p->by_section[i].n == 0)
        continue;
      label = g_strdup_printf ("%c – %s", section->letter, section->short_title);
      add_breakdown_row (table, label, &p->by_section[i], total, FALSE);
    }
  if (p->by_section[WARD_VSIC_N_SECTIONS].n > 0)
    add_breakdown_row (table, "Chưa ghi ngành nghề", &p->by_section[WARD_VSIC_N_SECTIONS], total,
                       FALSE);
  add_breakdown_row (table, "Tổng cộng", &p->total, total, TRUE);
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
  WardReportTable *table = ward_report_add_table (report, 7);

  ward_report_table_set_column (table, 0, "STT", 0.6, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Tên doanh nghiệp", 2.9, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Mã số\ndoanh nghiệp", 1.4, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 3, "Loại hình", 1.5, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Ngành\n(VSIC)", 0.75, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 5, "Vốn điều lệ\n(đồng)", 1.45, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 6, "Ngày cấp", 1.1, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 5, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 6, WARD_REPORT_CELL_DATE);
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
add_list_row (WardReportTable         *table,
              const WardEnterpriseRow *row,
              guint                    number)
{
  g_autofree char *stt = g_strdup_printf ("%u", number);
  g_autofree char *date = ward_format_date (row->registered_on);
  g_autofree char *capital = row->capital > 0 ? ward_format_number (row->capital) : g_strdup ("");
  /* A code of VSIC 2018 says so: its digits may mean another line of
   * business in VSIC 2025, the version the breakdown counts in. */
  g_autofree char *vsic = row->vsic_version == WARD_VSIC_2018
                          ? g_strdup_printf ("%s (2018)", row->vsic) : g_strdup (row->vsic);
  const char *cells[7] = {
    stt, row->name, row->tax_code, ward_enterprise_type_label (row->type), vsic, capital,
    date,
  };

  ward_report_table_add_row (table, cells);
}

static void
add_list (WardReport              *report,
          const PeriodEnterprises *p)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_copy (p->rows, NULL, NULL);
  g_autofree char *total = ward_format_number (p->total.capital);
  const char *total_cells[7] = { NULL, "Tổng cộng", NULL, NULL, NULL, total, NULL };
  WardReportTable *table;

  g_ptr_array_sort (rows, compare_registration);
  ward_report_add_heading (report, "IV. Danh sách doanh nghiệp thành lập mới theo tháng");
  table = add_list_table (report);
  for (guint i = 0; i < rows->len; i++)
    {
      const WardEnterpriseRow *row = rows->pdata[i];

      if (i == 0 || strncmp (((const WardEnterpriseRow *) rows->pdata[i - 1])->registered_on,
                             row->registered_on, 7) != 0)
        {
          g_autofree char *month = ward_reports_format_month (row->registered_on);
          g_autofree char *label = g_strdup_printf ("%s (%u doanh nghiệp)", month,
                                                    count_in_month (rows, i));

          ward_report_table_add_group_row (table, label);
        }
      add_list_row (table, row, i + 1);
    }
  if (rows->len == 0)
    {
      const char *empty[7] = { NULL, "Không có doanh nghiệp thành lập mới trong kỳ báo cáo." };

      ward_report_table_add_row (table, empty);
    }
  else
    ward_report_table_add_total_row (table, total_cells);
}

WardReport *
ward_reports_enterprises (WardStore                 *store,
                          const WardReportSettings  *settings,
                          const WardReportOptions   *options,
                          GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (WardEnterpriseSummary) summary = NULL;
  g_autoptr (WardRows) rows = NULL;
  g_autoptr (WardResolution) ward = NULL;
  g_autofree char *term_start = NULL;
  g_autofree char *term_end = NULL;
  g_autofree char *words = NULL;
  g_autofree char *abstract = NULL;
  g_autofree char *intro = NULL;
  PeriodEnterprises p = { NULL };
  char start[11], end[11];
  gint64 in_term;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  ward = ward_resolution_load (store, error);
  summary = ward != NULL ? ward_enterprises_summarize (store, options->today, error) : NULL;
  rows = summary != NULL ? ward_enterprise_rows_load (store, error) : NULL;
  if (rows == NULL)
    return NULL;
  term_start = ward_resolution_term_start (ward);
  term_end = ward_resolution_term_end (ward);
  ward_report_period_clip (options->period, term_start, term_end, start, end);
  in_term = ward_targets_count_registered (store, WARD_SOURCE_ENTERPRISES, term_start, end, error);
  if (in_term < 0)
    return NULL;
  collect (&p, rows, start, end);

  report = ward_report_new ();
  /* The list has seven columns: across the page, as the other lists. */
  ward_report_set_orientation (report, WARD_REPORT_LANDSCAPE);
  ward_reports_set_party_heading (report, settings, options, "BC/ĐU");
  ward_report_set_title (report, "Báo cáo");
  words = ward_report_period_format (options->period);
  abstract = g_strdup_printf ("tình hình thành lập mới doanh nghiệp %s", words);
  ward_report_set_abstract (report, abstract);
  /* A shorter period names the term it is part of; the term itself once. */
  if (options->period->kind == WARD_PERIOD_TERM)
    intro = g_strdup_printf ("Kết quả thực hiện chỉ tiêu thành lập mới doanh nghiệp trên địa bàn "
                             "%s như sau:", words);
  else
    intro = g_strdup_printf ("Kết quả thực hiện chỉ tiêu thành lập mới doanh nghiệp trên địa bàn "
                             "%s (nhiệm kỳ %d – %d) như sau:", words, summary->term_start_year,
                             summary->term_end_year);
  ward_report_add_paragraph (report, intro);
  add_progress (report, summary, &p, words, in_term);
  add_breakdowns (report, &p);
  add_list (report, &p);
  ward_reports_set_party_signature (report, settings, options);
  g_ptr_array_unref (p.rows);
  return g_steal_pointer (&report);
}
