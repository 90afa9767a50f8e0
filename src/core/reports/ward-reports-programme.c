/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "programme/ward-programme.h"
#include "reports/ward-reports-private.h"

/* Tiến độ chương trình hành động: the items of each key task and
 * breakthrough, with their units, deadlines, status and percentage; those
 * past their deadline unfinished are marked "Quá hạn" (the deadline rule of
 * ward_programme_due_state(), on the report's date or at the end of its
 * period if that is earlier). A period keeps the items whose time (start
 * to deadline) meets it, and those without dates; the programme keeps no
 * history of an item's status, so the status shown is the current one. */

/* The words of the document, whatever the user's language. */
static const char * const status_words[WARD_ITEM_N_STATUSES] = {
  "Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Tạm dừng",
};

typedef struct
{
  guint by_status[WARD_ITEM_N_STATUSES];
  guint overdue;
  guint total;
} ProgrammeCounts;

static char *
group_label (const WardProgrammeGroup *group,
             int                       number,
             const ProgrammeCounts    *counts)
{
  gboolean breakthrough = g_strcmp0 (group->kind, "breakthrough") == 0;

  return g_strdup_printf ("%s %d: %s (%u nội dung; hoàn thành %u; quá hạn %u)",
                          breakthrough ? "Khâu đột phá" : "Nhiệm vụ trọng tâm", number,
                          group->title, counts->total, counts->by_status[WARD_ITEM_DONE],
                          counts->overdue);
}

static void
add_item_row (WardReportTable         *table,
              const WardProgrammeItem *item,
              guint                    number,
              const char              *today)
{
  WardDueState due = ward_programme_due_state (item->deadline, item->status, today);
  g_autofree char *stt = g_strdup_printf ("%u", number);
  g_autofree char *deadline = ward_format_date (item->deadline);
  g_autofree char *percent = g_strdup_printf ("%d", item->percent);
  g_autofree char *note = NULL;
  const char *cells[8];

  if (due == WARD_DUE_OVERDUE)
    note = item->note != NULL && item->note[0] != '\0'
      ? g_strconcat ("Quá hạn. ", item->note, NULL) : g_strdup ("Quá hạn");
  else
    note = g_strdup (item->note);

  cells[0] = stt;
  cells[1] = item->title;
  cells[2] = item->lead_unit;
  cells[3] = item->units_text;
  cells[4] = deadline;
  cells[5] = status_words[item->status];
  cells[6] = percent;
  cells[7] = note;
  ward_report_table_add_row (table, cells);
}

/* Counts the items of @group (every group when NULL). */
static void
count_items (GPtrArray                *items,
             const WardProgrammeGroup *group,
             const char               *today,
             ProgrammeCounts          *counts)
{
  for (guint i = 0; i < items->len; i++)
    {
      const WardProgrammeItem *item = items->pdata[i];

      if (group != NULL && item->group_id != group->id)
        continue;
      counts->by_status[item->status]++;
      counts->overdue += ward_programme_due_state (item->deadline, item->status, today)
                         == WARD_DUE_OVERDUE;
      counts->total++;
    }
}

/* An item belongs to the period when its time meets it: started before
 * the period ends (or no start) and due after it begins (or no deadline). */
static gboolean
item_in_period (const WardProgrammeItem *item,
                const WardReportPeriod  *period)
{
  gboolean started = item->start_date == NULL || strcmp (item->start_date, period->end) <= 0;
  gboolean not_due = item->deadline == NULL || strcmp (item->deadline, period->start) >= 0;

  return started && not_due;
}

static GPtrArray *
items_in_period (GPtrArray              *items,
                 const WardReportPeriod *period)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (period->kind == WARD_PERIOD_TERM || item_in_period (items->pdata[i], period))
      g_ptr_array_add (kept, items->pdata[i]);
  return kept;
}

static WardReportTable *
add_items_table (WardReport *report)
{
  static const struct { const char *header; double width; WardReportAlign align; } columns[] = {
    { "STT", 0.55, WARD_REPORT_ALIGN_CENTER },
    { "Nội dung", 3.75, WARD_REPORT_ALIGN_LEFT },
    { "Cơ quan\nchủ trì", 1.5, WARD_REPORT_ALIGN_LEFT },
    { "Cơ quan\nphối hợp", 1.7, WARD_REPORT_ALIGN_LEFT },
    { "Thời hạn", 1.05, WARD_REPORT_ALIGN_CENTER },
    { "Trạng thái", 1.45, WARD_REPORT_ALIGN_CENTER },
    { "Tiến độ\n(%)", 0.75, WARD_REPORT_ALIGN_RIGHT },
    { "Ghi chú", 1.5, WARD_REPORT_ALIGN_LEFT },
  };
  WardReportTable *table = ward_report_add_table (report, G_N_ELEMENTS (columns));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    ward_report_table_set_column (table, i, columns[i].header, columns[i].width, columns[i].align);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_column_type (table, 4, WARD_REPORT_CELL_DATE);
  ward_report_table_set_column_type (table, 6, WARD_REPORT_CELL_INTEGER);
  ward_report_table_set_font_size (table, 11);
  return table;
}

static void
fill_items_table (WardReportTable *table,
                  GPtrArray       *groups,
                  GPtrArray       *items,
                  const char      *today)
{
  int n_tasks = 0, n_breakthroughs = 0;

  for (guint g = 0; g < groups->len; g++)
    {
      const WardProgrammeGroup *group = groups->pdata[g];
      gboolean breakthrough = g_strcmp0 (group->kind, "breakthrough") == 0;
      ProgrammeCounts counts = { { 0 } };
      g_autofree char *label = NULL;
      guint number = 0;

      count_items (items, group, today, &counts);
      label = group_label (group, breakthrough ? ++n_breakthroughs : ++n_tasks, &counts);
      ward_report_table_add_group_row (table, label);
      for (guint i = 0; i < items->len; i++)
        {
          const WardProgrammeItem *item = items->pdata[i];

          if (item->group_id == group->id)
            add_item_row (table, item, ++number, today);
        }
      if (number == 0)
        {
          const char *empty[8] = { NULL, "Chưa giao nội dung." };

          ward_report_table_add_row (table, empty);
        }
    }
}

static void
add_number (WardReport *report,
            const char *key,
            guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  ward_report_add_key_value (report, key, text);
}

static void
add_summary (WardReport            *report,
             const ProgrammeCounts *counts)
{
  ward_report_add_heading (report, "I. Tổng hợp");
  add_number (report, "Tổng số nội dung của chương trình", counts->total);
  add_number (report, "Hoàn thành", counts->by_status[WARD_ITEM_DONE]);
  add_number (report, "Đang thực hiện", counts->by_status[WARD_ITEM_IN_PROGRESS]);
  add_number (report, "Chưa thực hiện", counts->by_status[WARD_ITEM_NOT_STARTED]);
  add_number (report, "Tạm dừng", counts->by_status[WARD_ITEM_PAUSED]);
  add_number (report, "Quá hạn chưa hoàn thành", counts->overdue);
}

WardReport *
ward_reports_programme (WardStore                 *store,
                        const WardReportSettings  *settings,
                        const WardReportOptions   *options,
                        GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *period = NULL;
  g_autofree char *abstract = NULL;
  g_autofree char *intro = NULL;
  ProgrammeCounts counts = { { 0 } };
  WardReportTable *table;
  const char *as_of;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  as_of = strcmp (options->period->end, options->today) < 0 ? options->period->end : options->today;
  groups = ward_programme_groups_load (store, as_of, error);
  all = groups != NULL ? ward_programme_items_load (store, 0, error) : NULL;
  if (all == NULL)
    return NULL;
  items = items_in_period (all, options->period);

  report = ward_report_new ();
  ward_report_set_orientation (report, WARD_REPORT_LANDSCAPE);
  ward_reports_set_party_heading (report, settings, options, "BC/ĐU");
  ward_report_set_title (report, "Báo cáo");
  period = ward_report_period_format (options->period);
  abstract = g_strdup_printf ("tiến độ thực hiện chương trình hành động %s", period);
  ward_report_set_abstract (report, abstract);
  shown = ward_format_date (as_of);
  intro = g_strdup_printf ("Tiến độ thực hiện các nhiệm vụ trọng tâm và khâu đột phá của chương "
                           "trình hành động thực hiện Nghị quyết trong %s, tính đến ngày %s, như sau:",
                           period, shown);
  ward_report_add_paragraph (report, intro);

  count_items (items, NULL, as_of, &counts);
  add_summary (report, &counts);
  ward_report_add_heading (report, "II. Chi tiết theo nhiệm vụ trọng tâm và khâu đột phá");
  table = add_items_table (report);
  fill_items_table (table, groups, items, as_of);
  ward_reports_set_party_signature (report, settings, options);
  return g_steal_pointer (&report);
}
