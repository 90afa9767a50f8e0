/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-format.h"
#include "reports/ward-reports-private.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

/* Kết nạp đảng viên, the report the Party office sends up every six
 * months: the admissions of the period and the year's and the term's
 * totals against the target; by chi bộ, the people at each stage at the
 * end of the period, those admitted and those recognised official in it;
 * the people followed by each chi bộ at their furthest stage then; the
 * statistics of those admitted in the term (the breakdown Party reports
 * ask for), and the probationary members due for official recognition.
 * Withdrawn candidates are left out of the lists.
 *
 * What counts as admitted is what ward_targets_count_registered() counts:
 * a ceremony on a day of the period; the tests check that the chi bộ add
 * up to it. */

#define DUE_WITHIN_DAYS 30

/* The stage of a candidate at the end of the period, and its date. */
typedef struct
{
  const WardCandidateRow *row;
  WardStage               stage;
  char                   *date;   /* ISO, "" for none */
} StageAt;

/* The columns of the table by chi bộ: the stages at the end of the period
 * gathered as the Party's reports count them. */
enum
{
  COUNT_SYMPATHISERS,   /* quần chúng cảm tình Đảng (and those just entered) */
  COUNT_COURSE,         /* đã học lớp nhận thức về Đảng */
  COUNT_FILES,          /* đang làm hồ sơ: application and verification */
  COUNT_AWAITING,       /* chi bộ resolution or decision, before the ceremony */
  COUNT_ADMITTED,       /* kết nạp in the period */
  COUNT_RECOGNISED,     /* công nhận chính thức in the period */
  COUNT_PROBATION,      /* đảng viên dự bị at the end of the period */
  N_COUNTS
};

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
  const StageAt *x = *(const StageAt * const *) a;
  const StageAt *y = *(const StageAt * const *) b;
  guint px = cell_position (user_data, x->row);
  guint py = cell_position (user_data, y->row);

  if (px != py)
    return px < py ? -1 : 1;
  if (x->stage != y->stage)
    return x->stage > y->stage ? -1 : 1;
  return g_strcmp0 (x->row->sort_key, y->row->sort_key);
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
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 2, WARD_REPORT_CELL_DATE);
  ward_report_table_set_column_type (table, 4, WARD_REPORT_CELL_DATE);
  ward_report_table_set_font_size (table, 11);
  return table;
}

static void
add_list_row (WardReportTable *table,
              const StageAt   *at,
              guint            number)
{
  g_autofree char *stt = g_strdup_printf ("%u", number);
  g_autofree char *birth = ward_format_date (at->row->birth_date);
  g_autofree char *date = ward_format_date (at->date);
  const char *cells[6] = {
    stt, at->row->full_name, birth, stage_words[at->stage], date,
    at->row->state == WARD_CANDIDATE_PAUSED ? "Tạm dừng" : NULL,
  };

  ward_report_table_add_row (table, cells);
}

static guint
count_in_cell (GPtrArray *rows,
               guint      from)
{
  const StageAt *first = rows->pdata[from];
  guint n = 0;

  while (from + n < rows->len
         && ((const StageAt *) rows->pdata[from + n])->row->cell_id == first->row->cell_id)
    n++;
  return n;
}

/* ---- The candidates at the end of the period ---------------------------- */

typedef struct
{
  WardRows   *list;
  GPtrArray  *cells;       /* WardPartyCell */
  GArray     *at;          /* StageAt, the candidates followed at the end of the period */
  guint       withdrawn;
} Candidates;

static void
stage_at_clear (gpointer data)
{
  g_free (((StageAt *) data)->date);
}

static void
candidates_clear (Candidates *c)
{
  g_clear_pointer (&c->list, ward_rows_unref);
  g_clear_pointer (&c->cells, g_ptr_array_unref);
  g_clear_pointer (&c->at, g_array_unref);
}

/* The furthest stage dated on or before @end. The list row holds only the
 * furthest stage of today: a candidate who went further after the period
 * is read whole. FALSE when the candidate had no stage dated by then
 * though dated stages follow: not yet in the register. */
static gboolean
stage_at_end (WardStore               *store,
              const WardCandidateRow  *row,
              const char              *end,
              StageAt                 *at,
              GError                 **error)
{
  g_autoptr (WardCandidate) candidate = NULL;

  at->row = row;
  if (row->stage == WARD_STAGE_NONE || strcmp (row->stage_date, end) <= 0)
    {
      at->stage = row->stage;
      at->date = g_strdup (row->stage_date);
      return TRUE;
    }
  candidate = ward_candidate_load (store, row->id, error);
  if (candidate == NULL)
    return FALSE;
  for (int stage = WARD_STAGE_RECOGNITION; stage > WARD_STAGE_NONE; stage--)
    if (candidate->dates[stage] != NULL && strcmp (candidate->dates[stage], end) <= 0)
      {
        at->stage = stage;
        at->date = g_strdup (candidate->dates[stage]);
        return TRUE;
      }
  at->stage = WARD_STAGE_NONE;
  at->date = NULL;
  return TRUE;
}

static gboolean
candidates_load (Candidates              *c,
                 WardStore               *store,
                 const WardReportPeriod  *period,
                 GError                 **error)
{
  c->list = ward_candidate_rows_load (store, error);
  c->cells = c->list != NULL ? ward_party_cells_load (store, error) : NULL;
  if (c->cells == NULL)
    return FALSE;
  c->at = g_array_new (FALSE, TRUE, sizeof (StageAt));
  g_array_set_clear_func (c->at, stage_at_clear);
  for (guint i = 0; i < ward_rows_get_n (c->list); i++)
    {
      const WardCandidateRow *row = ward_rows_get (c->list, i);
      StageAt at = { 0 };

      if (row->state == WARD_CANDIDATE_WITHDRAWN)
        {
          c->withdrawn++;
          continue;
        }
      if (!stage_at_end (store, row, period->end, &at, error))
        return FALSE;
      if (at.stage == WARD_STAGE_NONE && row->stage != WARD_STAGE_NONE)
        continue;
      g_array_append_val (c->at, at);
    }
  return TRUE;
}

static gboolean
add_candidate_list (WardReport              *report,
                    Candidates              *c,
                    const char              *as_of)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *end = ward_format_date (as_of);
  g_autofree char *heading = NULL;
  WardReportTable *table;
  ListOrder order;

  for (guint i = 0; i < c->cells->len; i++)
    g_hash_table_insert (positions, &((WardPartyCell *) c->cells->pdata[i])->id,
                         GUINT_TO_POINTER (i + 1));
  order.cell_positions = positions;
  for (guint i = 0; i < c->at->len; i++)
    g_ptr_array_add (rows, &g_array_index (c->at, StageAt, i));
  g_ptr_array_sort_with_data (rows, compare_rows, &order);

  heading = g_strdup_printf ("III. Danh sách quần chúng, đảng viên dự bị theo chi bộ và giai đoạn "
                             "(đến ngày %s)", end);
  ward_report_add_heading (report, heading);
  table = add_list_table (report);
  for (guint i = 0, number = 0; i < rows->len; i++)
    {
      const StageAt *at = rows->pdata[i];

      if (i == 0 || ((const StageAt *) rows->pdata[i - 1])->row->cell_id != at->row->cell_id)
        {
          g_autofree char *label = g_strdup_printf ("%s (%u người)", cell_title (at->row),
                                                    count_in_cell (rows, i));

          ward_report_table_add_group_row (table, label);
          number = 0;
        }
      add_list_row (table, at, ++number);
    }
  if (rows->len == 0)
    {
      const char *empty[6] = { NULL, "Chưa có quần chúng nào trong sổ theo dõi." };

      ward_report_table_add_row (table, empty);
    }
  if (c->withdrawn > 0)
    {
      g_autofree char *note = g_strdup_printf ("<i>Không kể %u trường hợp đã thôi theo dõi.</i>",
                                               c->withdrawn);

      ward_report_add_paragraph (report, note);
    }
  return TRUE;
}

/* ---- By chi bộ ----------------------------------------------------------- */

static int
stage_column (WardStage stage)
{
  switch (stage)
    {
    case WARD_STAGE_NONE:
    case WARD_STAGE_SYMPATHISER:
      return COUNT_SYMPATHISERS;
    case WARD_STAGE_COURSE:
      return COUNT_COURSE;
    case WARD_STAGE_APPLICATION:
    case WARD_STAGE_VERIFICATION_SENT:
    case WARD_STAGE_VERIFICATION_DONE:
      return COUNT_FILES;
    case WARD_STAGE_CELL_RESOLUTION:
    case WARD_STAGE_DECISION:
      return COUNT_AWAITING;
    case WARD_STAGE_CEREMONY:
      return COUNT_PROBATION;
    case WARD_STAGE_RECOGNITION:
    default:
      return -1;
    }
}

/* The row of @cell_id in @counts (one per chi bộ of the list, then one for
 * the candidates without a chi bộ). */
static gint64 *
counts_of (Candidates *c,
           GArray     *counts,
           gint64      cell_id)
{
  guint index = c->cells->len;

  for (guint i = 0; i < c->cells->len; i++)
    if (((WardPartyCell *) c->cells->pdata[i])->id == cell_id)
      index = i;
  return &g_array_index (counts, gint64, index * N_COUNTS);
}

/* Admitted and recognised in the period from every row, withdrawn ones
 * too (as the target counts them); the stages from those followed. */
static GArray *
count_by_cell (Candidates             *c,
               const WardReportPeriod *period)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_array_set_size (counts, (c->cells->len + 1) * N_COUNTS);
  for (guint i = 0; i < ward_rows_get_n (c->list); i++)
    {
      const WardCandidateRow *row = ward_rows_get (c->list, i);
      gint64 *cell = counts_of (c, counts, row->cell_id);

      if (ward_report_period_contains (period, row->ceremony_date))
        cell[COUNT_ADMITTED]++;
      if (row->stage == WARD_STAGE_RECOGNITION && ward_report_period_contains (period, row->stage_date))
        cell[COUNT_RECOGNISED]++;
    }
  for (guint i = 0; i < c->at->len; i++)
    {
      const StageAt *at = &g_array_index (c->at, StageAt, i);
      int column = stage_column (at->stage);

      if (column >= 0)
        counts_of (c, counts, at->row->cell_id)[column]++;
    }
  return counts;
}

static WardReportTable *
add_cells_table (WardReport *report)
{
  static const char * const headers[] = {
    "STT", "Chi bộ", "Cảm tình\nĐảng", "Đã học\nlớp nhận\nthức", "Đang\nlàm\nhồ sơ",
    "Chờ\nkết nạp", "Kết nạp\ntrong kỳ", "Công nhận\nchính thức\ntrong kỳ",
    "Dự bị\ncuối kỳ",
  };
  WardReportTable *table = ward_report_add_table (report, G_N_ELEMENTS (headers));

  ward_report_table_set_column (table, 0, headers[0], 0.7, WARD_REPORT_ALIGN_CENTER);
  ward_report_table_set_column (table, 1, headers[1], 2.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  for (guint i = 2; i < G_N_ELEMENTS (headers); i++)
    {
      ward_report_table_set_column (table, i, headers[i], i == 7 ? 1.2 : 1.0,
                                    WARD_REPORT_ALIGN_RIGHT);
      ward_report_table_set_column_type (table, i, WARD_REPORT_CELL_INTEGER);
    }
  ward_report_table_set_font_size (table, 11);
  return table;
}

static void
add_cells_row (WardReportTable *table,
               const char      *stt,
               const char      *name,
               const gint64    *counts,
               gboolean         total)
{
  char *texts[N_COUNTS] = { NULL };
  const char *cells[2 + N_COUNTS] = { stt, name };

  for (guint i = 0; i < N_COUNTS; i++)
    cells[2 + i] = texts[i] = ward_format_number (counts[i]);
  if (total)
    ward_report_table_add_total_row (table, cells);
  else
    ward_report_table_add_row (table, cells);
  for (guint i = 0; i < N_COUNTS; i++)
    g_free (texts[i]);
}

static void
add_cells (WardReport             *report,
           Candidates             *c,
           const WardReportPeriod *period)
{
  g_autoptr (GArray) counts = count_by_cell (c, period);
  gint64 total[N_COUNTS] = { 0 };
  WardReportTable *table;
  guint number = 0;

  ward_report_add_heading (report, "II. Kết quả theo chi bộ");
  table = add_cells_table (report);
  for (guint i = 0; i <= c->cells->len; i++)
    {
      const gint64 *row = &g_array_index (counts, gint64, i * N_COUNTS);
      g_autofree char *stt = NULL;
      gboolean empty = TRUE;

      for (guint k = 0; k < N_COUNTS; k++)
        {
          total[k] += row[k];
          empty = empty && row[k] == 0;
        }
      /* Every chi bộ of the list; "no chi bộ" only when someone is in it. */
      if (i == c->cells->len && empty)
        continue;
      stt = g_strdup_printf ("%u", ++number);
      add_cells_row (table, stt, i < c->cells->len ? ((WardPartyCell *) c->cells->pdata[i])->name
                                                   : "Chưa xếp chi bộ", row, FALSE);
    }
  add_cells_row (table, NULL, "Tổng cộng", total, TRUE);
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

  ward_report_add_heading (report, "IV. Thống kê đảng viên kết nạp trong nhiệm kỳ");
  table = ward_report_add_table (report, 3);
  ward_report_table_set_column (table, 0, "Tiêu chí", 4.0, WARD_REPORT_ALIGN_LEFT);
  ward_report_table_set_column (table, 1, "Số lượng", 1.2, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column (table, 2, "Tỷ lệ (%)", 1.2, WARD_REPORT_ALIGN_RIGHT);
  ward_report_table_set_column_type (table, 1, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 2, WARD_REPORT_CELL_DECIMAL);
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

  heading = g_strdup_printf ("V. Đảng viên dự bị đến hạn xét công nhận chính thức "
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
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 3, WARD_REPORT_CELL_DATE);
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

/* The end of the period, or today while it runs. */
static const char *
as_of_date (const WardReportOptions *options)
{
  return strcmp (options->period->end, options->today) < 0 ? options->period->end : options->today;
}

static void
add_count (WardReport *report,
           const char *key,
           gint64      n)
{
  g_autofree char *value = ward_format_number (n);

  ward_report_add_key_value (report, key, value);
}

/* The period's admissions and recognitions, then the year's and the term's
 * totals as of the end of the period against the target. */
static gboolean
add_progress (WardReport              *report,
              WardStore               *store,
              Candidates              *c,
              const WardReportOptions *options,
              GError                 **error)
{
  const WardReportPeriod *period = options->period;
  g_autoptr (WardAdmissionProgress) progress = ward_admissions_progress (store, options->today,
                                                                         error);
  g_autoptr (GArray) counts = NULL;
  g_autofree char *words = ward_report_period_format (period);
  g_autofree char *key = NULL;
  /* The year's and the term's totals as of the end of the period, or of
   * today while the period runs. */
  const char *as_of = as_of_date (options);
  g_autofree char *year_start = g_strdup_printf ("%.4s-01-01", as_of);
  g_autofree char *term_start = NULL;
  g_autofree char *value = NULL;
  g_autofree char *share = NULL;
  g_autofree char *shown_as_of = ward_format_date (as_of);
  gint64 in_period, in_year, in_term, recognised = 0;

  g_autoptr (WardResolution) ward = progress != NULL ? ward_resolution_load (store, error) : NULL;

  if (ward == NULL)
    return FALSE;
  term_start = ward_resolution_term_start (ward);
  in_period = ward_targets_count_registered (store, WARD_SOURCE_ADMISSIONS, period->start,
                                             period->end, error);
  in_year = in_period < 0 ? -1 : ward_targets_count_registered (store, WARD_SOURCE_ADMISSIONS,
                                                                year_start, as_of, error);
  in_term = in_year < 0 ? -1 : ward_targets_count_registered (store, WARD_SOURCE_ADMISSIONS,
                                                              term_start, as_of, error);
  if (in_term < 0)
    return FALSE;
  counts = count_by_cell (c, period);
  for (guint i = 0; i <= c->cells->len; i++)
    recognised += g_array_index (counts, gint64, i * N_COUNTS + COUNT_RECOGNISED);

  ward_report_add_heading (report, "I. Kết quả kết nạp đảng viên");
  key = g_strdup_printf ("Số đảng viên kết nạp trong %s", words);
  add_count (report, key, in_period);
  g_free (key);
  key = g_strdup_printf ("Số đảng viên được công nhận chính thức trong %s", words);
  add_count (report, key, recognised);
  g_free (key);
  key = g_strdup_printf ("Lũy kế năm %.4s", as_of);
  add_count (report, key, in_year);
  share = ward_reports_format_share ((double) in_term, (double) progress->goal);
  value = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%s%%)", in_term,
                           progress->goal, share);
  g_free (key);
  key = g_strdup_printf ("Lũy kế nhiệm kỳ đến ngày %s / chỉ tiêu Nghị quyết", shown_as_of);
  ward_report_add_key_value (report, key, value);
  if (progress->pace_needed > 0)
    add_count (report, "Số cần kết nạp bình quân mỗi năm còn lại", progress->pace_needed);
  return add_missed_deadlines (report, store, options->today, error);
}

WardReport *
ward_reports_admissions (WardStore                 *store,
                         const WardReportSettings  *settings,
                         const WardReportOptions   *options,
                         GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autofree char *period = NULL;
  g_autofree char *abstract = NULL;
  g_autofree char *intro = NULL;
  Candidates c = { NULL };
  gboolean ok;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  report = ward_report_new ();
  ward_reports_set_party_heading (report, settings, options, "BC/ĐU");
  ward_report_set_title (report, "Báo cáo");
  period = ward_report_period_format (options->period);
  abstract = g_strdup_printf ("kết quả công tác phát triển đảng viên %s", period);
  ward_report_set_abstract (report, abstract);
  intro = g_strdup_printf ("Kết quả công tác tạo nguồn, kết nạp đảng viên và công nhận đảng viên "
                           "chính thức %s của các chi bộ trực thuộc như sau:", period);
  ward_report_add_paragraph (report, intro);

  ok = candidates_load (&c, store, options->period, error)
       && add_progress (report, store, &c, options, error);
  if (ok)
    {
      add_cells (report, &c, options->period);
      ok = add_candidate_list (report, &c, as_of_date (options))
           && add_statistics (report, store, error)
           && add_due_list (report, store, options->today, error);
    }
  candidates_clear (&c);
  if (!ok)
    return NULL;
  ward_reports_set_party_signature (report, settings, options);
  return g_steal_pointer (&report);
}
