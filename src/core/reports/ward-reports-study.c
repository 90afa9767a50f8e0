/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <string.h>

#include "base/ward-format.h"
#include "reports/ward-reports-private.h"
#include "study/ward-study.h"

/* Báo cáo kết quả học tập, quán triệt Nghị quyết Đại hội: what the Party
 * office sends up, laid out as every Party report (Hướng dẫn 36-HD/VPTW:
 * the heading, "BÁO CÁO" and its abstract, the signature and "Nơi nhận").
 * No central form of this report was found; it says what the issue asks:
 * the sessions held, the attendance per chi bộ (numbers and share), the
 * make-ups and the reflections, and names those still to make up. The
 * figures are ward_study_tally_load()'s, as on the page and in the CLI. */

static void
add_number (WardReport *report,
            const char *key,
            guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  ward_report_add_key_value (report, key, text);
}

/* A share in the prose: "90%". The tables write the number alone under a
 * "(%)" header, as the other reports do, so that a workbook holds a
 * number rather than a text. */
static char *
share_text (guint part,
            guint whole)
{
  g_autofree char *share = ward_reports_format_share (part, whole);

  return share[0] != '\0' ? g_strconcat (share, "%", NULL) : g_strdup ("");
}

static void
add_sessions (WardReport *report,
              GPtrArray  *sessions)
{
  WardReportTable *table = ward_report_add_table (report, 5);
  static const struct { const char *header; double width; WardReportAlign align; } columns[] = {
    { "Ngày", 1.1, WARD_REPORT_ALIGN_CENTER }, { "Cấp tổ chức", 1.9, WARD_REPORT_ALIGN_LEFT },
    { "Nội dung", 2.4, WARD_REPORT_ALIGN_LEFT }, { "Tài liệu", 2.2, WARD_REPORT_ALIGN_LEFT },
    { "Người quán triệt", 1.6, WARD_REPORT_ALIGN_LEFT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    ward_report_table_set_column (table, i, columns[i].header, columns[i].width, columns[i].align);
  ward_report_table_set_column_type (table, 0, WARD_REPORT_CELL_DATE);
  ward_report_table_set_font_size (table, 11);
  for (guint i = sessions->len; i-- > 0;)
    {
      WardStudySession *s = sessions->pdata[i];
      g_autofree char *date = ward_format_date (s->held_on);
      g_autofree char *docs = ward_study_documents_describe_vi (s->documents);
      const char *cells[5] = { date, s->cell_id > 0 ? s->cell_name : "Đảng bộ phường", s->title,
                               docs, s->presenter };

      ward_report_table_add_row (table, cells);
    }
}

static void
add_count_row (WardReportTable      *table,
               const WardStudyCount *c,
               guint                 number,
               gboolean              total)
{
  g_autofree char *stt = number > 0 ? g_strdup_printf ("%u", number) : g_strdup ("");
  g_autofree char *members = g_strdup_printf ("%u", c->counted);
  g_autofree char *attended = g_strdup_printf ("%u", c->attended);
  g_autofree char *attended_share = ward_reports_format_share (c->attended, c->counted);
  g_autofree char *made_up = g_strdup_printf ("%u", c->made_up);
  g_autofree char *studied_share = ward_reports_format_share (c->attended + c->made_up, c->counted);
  g_autofree char *missing = g_strdup_printf ("%u", c->missing);
  g_autofree char *reflections = g_strdup_printf ("%u", c->reflections_in);
  g_autofree char *exempt = g_strdup_printf ("%u", c->exempt);
  const char *cells[10] = { stt, total ? "Toàn Đảng bộ" : c->cell_name, members, attended,
                            attended_share, made_up, studied_share, missing, reflections, exempt };

  if (total)
    ward_report_table_add_total_row (table, cells);
  else
    ward_report_table_add_row (table, cells);
}

static void
add_counts (WardReport     *report,
            WardStudyTally *tally)
{
  static const struct { const char *header; double width; } columns[] = {
    { "STT", 0.5 }, { "Chi bộ", 2.3 }, { "Đảng viên\nphải học", 1.0 }, { "Dự học", 0.8 },
    { "Tỷ lệ\n(%)", 0.8 }, { "Học bù", 0.8 }, { "Tỷ lệ đã\nhọc (%)", 0.9 },
    { "Chưa\nhọc", 0.7 }, { "Bài thu\nhoạch", 0.8 }, { "Miễn, không\ntính", 1.0 },
  };
  WardReportTable *table = ward_report_add_table (report, G_N_ELEMENTS (columns));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      ward_report_table_set_column (table, i, columns[i].header, columns[i].width,
                                    i == 1 ? WARD_REPORT_ALIGN_LEFT : WARD_REPORT_ALIGN_RIGHT);
      if (i == 4 || i == 6)
        ward_report_table_set_column_type (table, i, WARD_REPORT_CELL_DECIMAL);
      else if (i != 1)
        ward_report_table_set_column_type (table, i, WARD_REPORT_CELL_INTEGER);
    }
  ward_report_table_set_font_size (table, 11);
  for (guint i = 0; i < tally->cells->len; i++)
    add_count_row (table, tally->cells->pdata[i], i + 1, FALSE);
  add_count_row (table, &tally->total, 0, TRUE);
}

static void
add_missing (WardReport     *report,
             WardStudyTally *tally)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < tally->members->len; i++)
    {
      WardStudyMemberRow *row = tally->members->pdata[i];

      if (row->verdict != WARD_STUDY_MISSING)
        continue;
      g_string_append_printf (names, "%s%s (%s)", names->len > 0 ? "; " : "", row->full_name,
                              row->cell_name != NULL ? row->cell_name : "");
    }
  if (names->len == 0)
    g_string_assign (names, "Không có.");
  else
    g_string_append (names, ". Các chi bộ tổ chức học bù và báo cáo kết quả về Đảng ủy.");
  ward_report_add_paragraph (report, names->str);
}

static void
add_summary (WardReport     *report,
             WardStudyTally *tally)
{
  const WardStudyCount *t = &tally->total;
  g_autofree char *attended = share_text (t->attended, t->counted);
  g_autofree char *studied = share_text (t->attended + t->made_up, t->counted);
  g_autofree char *text = g_strdup_printf (
    "Đảng bộ tổ chức %u hội nghị cấp Đảng bộ; các chi bộ tổ chức %u buổi học tập, quán triệt. "
    "Tổng số đảng viên phải học tập %u đồng chí; dự học %u đồng chí, đạt %s; học bù %u đồng chí; "
    "tổng số đã học tập %u đồng chí, đạt %s. Số đảng viên được miễn công tác và sinh hoạt đảng "
    "không tham gia, không tính vào tổng số: %u đồng chí.",
    tally->ward_sessions, t->sessions, t->counted, t->attended, attended, t->made_up,
    t->attended + t->made_up, studied, t->exempt);

  ward_report_add_heading (report, "I. Kết quả chung");
  ward_report_add_paragraph (report, text);
  add_number (report, "Bài thu hoạch đã nộp", t->reflections_in);
  add_number (report, "Đảng viên chưa nộp bài thu hoạch", t->reflections_missing);
}

WardReport *
ward_reports_study (WardStore                 *store,
                    const WardReportSettings  *settings,
                    const WardReportOptions   *options,
                    GError                   **error)
{
  g_autoptr (WardReport) report = NULL;
  g_autoptr (WardStudyTally) tally = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL && options->today != NULL, NULL);

  tally = ward_study_tally_load (store, options->today, error);
  sessions = tally != NULL ? ward_study_sessions_load (store, error) : NULL;
  if (sessions == NULL)
    return NULL;
  report = ward_report_new ();
  ward_report_set_orientation (report, WARD_REPORT_LANDSCAPE);
  ward_reports_set_party_heading (report, settings, options, "BC/ĐU");
  ward_report_set_title (report, "Báo cáo");
  ward_report_set_abstract (report, "kết quả học tập, quán triệt Nghị quyết Đại hội");
  as_of = ward_format_date (options->today);
  intro = g_strdup_printf ("Kết quả tổ chức học tập, quán triệt Nghị quyết Đại hội Đảng bộ "
                           "trong toàn Đảng bộ, tính đến ngày %s, như sau:", as_of);
  ward_report_add_paragraph (report, intro);
  add_summary (report, tally);
  ward_report_add_heading (report, "II. Các hội nghị, buổi học tập đã tổ chức");
  add_sessions (report, sessions);
  ward_report_add_heading (report, "III. Kết quả theo chi bộ");
  add_counts (report, tally);
  ward_report_add_heading (report, "IV. Đảng viên chưa học tập, phải học bù");
  add_missing (report, tally);
  ward_reports_set_party_signature (report, settings, options);
  return g_steal_pointer (&report);
}
