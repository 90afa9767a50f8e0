/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-format.h"
#include "reports/ward-reports-private.h"

/* Kết nạp đảng viên: the admissions toward the term's target, the people
 * followed by each chi bộ at their furthest stage, the statistics of those
 * admitted (the breakdown Party reports ask for), and the probationary
 * members due for official recognition. Withdrawn candidates are left out
 * of the list. */

#define DUE_WITHIN_DAYS 30

/* The stages as Party documents name them. */
static const char * const stage_words[WARD_N_STAGES] = {
  "Mới theo dõi",
  "Cảm tình Đảng",
  "Đã học lớp nhận thức về Đảng",
  "Đã có đơn, lý lịch",
  "Đang thẩm tra lý lịch",
  "Đã thẩm tra lý lịch",
  "Chi bộ đã có nghị quyết",
  "Đã có quyết định kết nạp",
  "Đã kết nạp (dự bị)",
  "Đã công nhận chính thức",
};

static const char * const age_group_words[WARD_N_AGE_GROUPS] = {
  "Từ 18 đến 30 tuổi", "Từ 31 đến 40 tuổi", "Từ 41 đến 50 tuổi", "Trên 50 tuổi",
};

static const char * const youth_union_words[] = { "Là đoàn viên", "Không là đoàn viên" };

typedef struct
{
  GHashTable *cell_positions;  /* cell id -> position + 1 */
} ListOrder;

static guint
cell_position (ListOrder              *order,
               const WardCandidateRow *row)
{
  gpointer found = g_hash_table_lookup (order->cell_positions, &row->cell_id);

  return found != NULL ? GPOINTER_TO_UINT (found) : G_MAXUINT;
}

/* By chi bộ (the office's order, none last), the furthest stage first,
 * then by name (the list comes in Vietnamese name order: a stable sort keeps
 * it). */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const WardCandidateRow *x = *(const WardCandidateRow * const *) a;
  const WardCandidateRow *y = *(const WardCandidateRow * const *) b;
  guint px = cell_position (user_data, x);
  guint py = cell_position (user_data, y);

  if (px != py)
    return px < py ? -1 : 1;
  if (x->stage != y->stage)
    return x->stage > y->stage ? -1 : 1;
  return g_strcmp0 (x->sort_key, y->sort_key);
}

static const char *
cell_title (const WardCandidateRow *row)
{
  return row->cell_name[0] != '\0' ? row->cell_name : "Chưa xếp chi bộ";
}

static WardReportTable *
add_list_table (WardReport *report)
{
  WardReportTable *table = ward_report_add_table (report, 6);

  ward_report_table_set_column (table, 0, "STT", 0.65, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Họ và tên", 2.2, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Ngày sinh", 1.25, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 3, "Giai đoạn", 2.6, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 4, "Ngày", 1.25, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 5, "Ghi chú", 1.1, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_font_size (table, 11);
  return table;
}

static void
add_list_row (WardReportTable        *table,
              const WardCandidateRow *row,
              guint                   number)
{
  g_autofree char *stt = g_strdup_printf ("%u", number);
  g_autofree char *birth = ward_format_date (row->birth_date);
  g_autofree char *date = ward_format_date (row->stage_date);
  const char *cells[6] = {
    stt, row->full_name, birth, stage_words[row->stage], date,
    row->state == WARD_CANDIDATE_PAUSED ? "Tạm dừng" : NULL,
  };

  ward_report_table_add_row (table, cells);
}

static guint
count_in_cell (GPtrArray *rows,
               guint      from)
{
  const WardCandidateRow *first = rows->pdata[from];
  guint n = 0;

  while (from + n < rows->len
         && ((const WardCandidateRow *) rows->pdata[from + n])->cell_id == first->cell_id)
    n++;
  return n;
}

static gboolean
add_candidate_list (WardReport         *report,
                    WardStore          *store,
                    GError            **error)
{
  g_autoptr (WardRows) list = ward_candidate_rows_load (store, error);
  g_autoptr (GPtrArray) cells = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) positions = NULL;
  WardReportTable *table;
  ListOrder order;
  guint withdrawn = 0;

  cells = list != NULL ? ward_party_cells_load (store, error) : NULL;
  if (cells == NULL)
    return FALSE;

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < cells->len; i++)
    g_hash_table_insert (positions, &((WardPartyCell *) cells->pdata[i])->id, GUINT_TO_POINTER (i + 1));
  order.cell_positions = positions;

  rows = g_ptr_array_new ();
  for (guint i = 0; i < ward_rows_get_n (list); i++)
    {
      const WardCandidateRow *row = ward_rows_get (list, i);

      if (row->state == WARD_CANDIDATE_WITHDRAWN)
        withdrawn++;
      else
        g_ptr_array_add (rows, (gpointer) row);
    }
  g_ptr_array_sort_with_data (rows, compare_rows, &order);

  ward_report_add_heading (report, "II. Danh sách quần chúng, đảng viên dự bị theo chi bộ và giai đoạn");
  table = add_list_table (report);
  for (guint i = 0, number = 0; i < rows->len; i++)
    {
      const WardCandidateRow *row = rows->pdata[i];

      if (i == 0 || ((const WardCandidateRow *) rows->pdata[i - 1])->cell_id != row->cell_id)
        {
          g_autofree char *label = g_strdup_printf ("%s (%u người)", cell_title (row),
                                                    count_in_cell (rows, i));

          ward_report_table_add_group_row (table, label);
          number = 0;
        }
      add_list_row (table, row, ++number);
    }
  if (rows->len == 0)
    {
      const char *empty[6] = { NULL, "Chưa có quần chúng nào trong sổ theo dõi." };

      ward_report_table_add_row (table, empty);
    }
  if (withdrawn > 0)
    {
      g_autofree char *note = g_strdup_printf ("<i>Không kể %u trường hợp đã thôi theo dõi.</i>",
                                               withdrawn);

      ward_report_add_paragraph (report, note);
    }
  return TRUE;
}

/* The labels of the statistics that core words in the user's language. */
static const char *
document_label (const char *label)
{
  if (g_strcmp0 (label, _("Not recorded")) == 0)
    return "Chưa ghi nhận";
  return label;
}

static void
add_count_rows (WardReportTable    *table,
                const char         *title,
                GPtrArray          *counts,
                const char * const *labels,
                gint64              total)
{
  ward_report_table_add_group_row (table, title);
  for (guint i = 0; i < counts->len; i++)
    {
      const WardCount *count = counts->pdata[i];
      g_autofree char *n = ward_format_number (count->count);
      g_autofree char *share = ward_reports_format_share ((double) count->count, (double) total);
      const char *cells[3] = {
        labels != NULL ? labels[i] : document_label (count->label), n, share,
      };

      ward_report_table_add_row (table, cells);
    }
}

static gboolean
add_statistics (WardReport  *report,
                WardStore   *store,
                GError     **error)
{
  g_autoptr (WardAdmissionStats) stats = ward_admissions_stats (store, error);
  g_autofree char *total = NULL;
  WardReportTable *table;
  const char *total_cells[3];

  if (stats == NULL)
    return FALSE;

  ward_report_add_heading (report, "III. Thống kê đảng viên kết nạp trong nhiệm kỳ");
  table = ward_report_add_table (report, 3);
  ward_report_table_set_column (table, 0, "Tiêu chí", 4.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "Số lượng", 1.2, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 2, "Tỷ lệ (%)", 1.2, WARD_REPORT_ALIGN_RIGHT);
  total = ward_format_number (stats->total);
  total_cells[0] = "Tổng số đảng viên kết nạp";
  total_cells[1] = total;
  total_cells[2] = stats->total > 0 ? "100" : "";
  ward_report_table_add_total_row (table, total_cells);

  add_count_rows (table, "Giới tính", stats->gender, NULL, stats->total);
  add_count_rows (table, "Độ tuổi (khi kết nạp)", stats->age_group, age_group_words, stats->total);
  add_count_rows (table, "Dân tộc", stats->ethnicity, NULL, stats->total);
  add_count_rows (table, "Tôn giáo", stats->religion, NULL, stats->total);
  add_count_rows (table, "Trình độ giáo dục phổ thông", stats->education, NULL, stats->total);
  add_count_rows (table, "Đoàn viên thanh niên", stats->youth_union, youth_union_words, stats->total);
  add_count_rows (table, "Nghề nghiệp", stats->occupation, NULL, stats->total);
  return TRUE;
}

static gboolean
add_due_list (WardReport  *report,
              WardStore   *store,
              const char  *today,
              GError     **error)
{
  g_autoptr (GPtrArray) due = ward_admissions_due_recognition (store, today, DUE_WITHIN_DAYS,
                                                               error);
  g_autofree char *heading = NULL;
  WardReportTable *table;

  if (due == NULL)
    return FALSE;

  heading = g_strdup_printf ("IV. Đảng viên dự bị đến hạn xét công nhận chính thức "
                             "(quá hạn hoặc trong %d ngày tới)", DUE_WITHIN_DAYS);
  ward_report_add_heading (report, heading);
  if (due->len == 0)
    {
      ward_report_add_paragraph (report, "Không có đảng viên dự bị nào đến hạn.");
      return TRUE;
    }
  table = ward_report_add_table (report, 5);
  ward_report_table_set_column (table, 0, "STT", 0.65, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, "Họ và tên", 2.4, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 2, "Chi bộ", 2.2, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 3, "Đến hạn ngày", 1.3, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 4, "Ghi chú", 1.5, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_font_size (table, 11);
  for (guint i = 0; i < due->len; i++)
    {
      const WardCandidateDue *d = due->pdata[i];
      g_autofree char *stt = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = ward_format_date (d->date);
      g_autofree char *note = d->days < 0 ? g_strdup_printf ("Quá hạn %d ngày", -d->days)
                                          : g_strdup_printf ("Còn %d ngày", d->days);
      const char *cells[5] = { stt, d->full_name, d->cell_name, date, note };

      ward_report_table_add_row (table, cells);
    }
  return TRUE;
}

/* The statutory deadlines missed (ward_admissions_missed_deadlines(), the
 * register's filter "Quá hạn theo quy định"): counted, never refused. */
static gboolean
add_missed_deadlines (WardReport  *report,
                      WardStore   *store,
                      const char  *today,
                      GError     **error)
{
  WardMissedDeadlines missed;
  g_autofree char *text = NULL;

  if (!ward_admissions_missed_deadlines (store, today, &missed, error))
    return FALSE;
  if (missed.missed == 0)
    text = g_strdup ("Không có");
  else
    text = g_strdup_printf ("%" G_GINT64_FORMAT " thời hạn, ở %" G_GINT64_FORMAT " hồ sơ; "
                            "quá nhiều nhất %d ngày làm việc",
                            missed.missed, missed.candidates, missed.most_days_over);
  ward_report_add_key_value (report, "Thời hạn theo quy định bị quá", text);
  return TRUE;
}

static gboolean
add_progress (WardReport  *report,
              WardStore   *store,
              const char  *today,
              GError     **error)
{
  g_autoptr (WardAdmissionProgress) progress = ward_admissions_progress (store, today, error);
  g_autofree char *count = NULL;
  g_autofree char *share = NULL;

  if (progress == NULL)
    return FALSE;

  ward_report_add_heading (report, "I. Kết quả kết nạp đảng viên trong nhiệm kỳ");
  share = ward_reports_format_share ((double) progress->count, (double) progress->goal);
  count = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%s%%)",
                           progress->count, progress->goal, share);
  ward_report_add_key_value (report, "Số đảng viên kết nạp / chỉ tiêu Nghị quyết", count);
  for (guint i = 0; i < progress->by_year->len; i++)
    {
      const WardCount *year = progress->by_year->pdata[i];
      g_autofree char *key = g_strdup_printf ("Năm %s", year->label);
      g_autofree char *n = ward_format_number (year->count);

      ward_report_add_key_value (report, key, n);
    }
  if (progress->pace_needed > 0)
    {
      g_autofree char *pace = ward_format_number (progress->pace_needed);

      ward_report_add_key_value (report, "Số cần kết nạp bình quân mỗi năm còn lại", pace);
    }
  return add_missed_deadlines (report, store, today, error);
}

WardReport *
ward_reports_admissions (WardStore                 *store,
                         const WardReportSettings  *settings,
                         const char                *today,
                         GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autofree char *shown_today = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && today != NULL, NULL);

  report = ward_report_new ();
  ward_reports_set_party_heading (report, settings, "BC/ĐU", today);
  ward_report_set_title (report, "Báo cáo\nkết quả công tác phát triển đảng viên");
  shown_today = ward_format_date (today);
  intro = g_strdup_printf ("Kết quả công tác tạo nguồn, kết nạp đảng viên và công nhận đảng viên "
                           "chính thức, tính đến ngày %s, như sau:", shown_today);
  ward_report_add_paragraph (report, intro);

  if (!add_progress (report, store, today, error)
      || !add_candidate_list (report, store, error)
      || !add_statistics (report, store, error)
      || !add_due_list (report, store, today, error))
    return NULL;
  ward_reports_set_party_signature (report, settings);
  return g_steal_pointer (&report);
}
