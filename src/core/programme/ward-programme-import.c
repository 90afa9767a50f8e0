/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "programme/ward-programme-private.h"

/* ---- Stats ----------------------------------------------------------------- */

static void
add_counts (JsonBuilder *builder,
            int          n_items,
            int          n_done,
            int          n_overdue,
            int          n_due_soon)
{
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, n_items);
  json_builder_set_member_name (builder, "done");
  json_builder_add_int_value (builder, n_done);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_int_value (builder, n_overdue);
  json_builder_set_member_name (builder, "due_soon");
  json_builder_add_int_value (builder, n_due_soon);
}

gboolean
ward_programme_add_stats (WardStore    *store,
                          JsonBuilder  *builder,
                          GError      **error)
{
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GPtrArray) groups = ward_programme_groups_load (store, today, error);
  int n_items = 0, n_done = 0, n_overdue = 0, n_due_soon = 0;

  if (groups == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "programme");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < groups->len; i++)
    {
      WardProgrammeGroup *group = groups->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, group->kind);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, group->title);
      add_counts (builder, group->n_items, group->n_done, group->n_overdue, group->n_due_soon);
      json_builder_end_object (builder);
      n_items += group->n_items;
      n_done += group->n_done;
      n_overdue += group->n_overdue;
      n_due_soon += group->n_due_soon;
    }
  json_builder_end_array (builder);
  add_counts (builder, n_items, n_done, n_overdue, n_due_soon);
  json_builder_end_object (builder);
  return TRUE;
}

void
ward_programme_format_stats (JsonObject *stats,
                             GString    *out)
{
  JsonObject *programme;

  if (!json_object_has_member (stats, "programme"))
    return;
  programme = json_object_get_object_member (stats, "programme");
  g_string_append_printf (out, "\n%s\n", _("Action programme:"));
  g_string_append_printf (out, _("  %d items: %d done, %d overdue, %d due within 30 days\n"),
                          (int) json_object_get_int_member (programme, "items"),
                          (int) json_object_get_int_member (programme, "done"),
                          (int) json_object_get_int_member (programme, "overdue"),
                          (int) json_object_get_int_member (programme, "due_soon"));
}

/* ---- Spreadsheet (export only) --------------------------------------------- */

static const WardCsvColumn programme_columns[] = {
  { "group", "Nhiệm vụ / Khâu đột phá", NULL, WARD_CSV_TEXT, TRUE },
  { "title", "Nội dung", NULL, WARD_CSV_TEXT, TRUE },
  { "lead_unit", "Cơ quan chủ trì", NULL, WARD_CSV_TEXT, FALSE },
  { "units", "Cơ quan phối hợp", NULL, WARD_CSV_TEXT, FALSE },
  { "targets", "Chỉ tiêu liên quan", NULL, WARD_CSV_TEXT, FALSE },
  { "start_date", "Ngày bắt đầu", NULL, WARD_CSV_DATE, FALSE },
  { "deadline", "Hạn hoàn thành", NULL, WARD_CSV_DATE, FALSE },
  { "status", "Trạng thái", NULL, WARD_CSV_TEXT, TRUE },
  { "percent", "Tiến độ (%)", NULL, WARD_CSV_INTEGER, TRUE },
  { "note", "Ghi chú", NULL, WARD_CSV_TEXT, FALSE },
};

static gboolean
programme_export (WardStore          *store,
                  WardImportContext  *context,
                  WardCsvWriter      *writer,
                  GError            **error)
{
  g_autoptr (GPtrArray) items = ward_programme_load_items (store, 0, 0, error);

  if (items == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, programme_columns, G_N_ELEMENTS (programme_columns));
  for (guint i = 0; i < items->len; i++)
    {
      WardProgrammeItem *item = items->pdata[i];

      ward_csv_writer_add_text (writer, item->group_title);
      ward_csv_writer_add_text (writer, item->title);
      ward_csv_writer_add_text (writer, item->lead_unit);
      ward_csv_writer_add_text (writer, item->units_text);
      ward_csv_writer_add_text (writer, item->targets_text);
      ward_csv_writer_add_date (writer, item->start_date);
      ward_csv_writer_add_date (writer, item->deadline);
      ward_csv_writer_add_text (writer, ward_item_status_vi (item->status));
      ward_csv_writer_add_integer (writer, item->percent);
      ward_csv_writer_add_text (writer, item->note);
      ward_csv_writer_end_row (writer);
    }
  return TRUE;
}

const WardImportKind ward_programme_import_kind = {
  .name = "programme",
  .title = N_("Action programme"),
  .columns = programme_columns,
  .n_columns = G_N_ELEMENTS (programme_columns),
  .begin = NULL,
  .end = NULL,
  .import_row = NULL,
  .export = programme_export,
};

gboolean
ward_programme_export_to_path (WardStore        *store,
                               const char       *path,
                               WardOutputFlags   flags,
                               GError          **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return ward_export_to_path (store, &ward_programme_import_kind, NULL, path, flags, error);
}
