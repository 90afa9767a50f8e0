/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "import/ward-import.h"
#include "programme/ward-programme-units.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"

/* The readings as a spreadsheet: one row per reading, its target named by
 * code or name. Cells are read as text and go through
 * ward_reading_set_text() and ward_reading_save(), the functions the dialog
 * calls, so that a value is refused the same way in both. A row whose
 * target, period and status are already stored is skipped (or updated when
 * the user asks), so that importing a file twice adds nothing. */

enum {
  COLUMN_TARGET,
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_QUOTA,
  COLUMN_DELIVERED,
  COLUMN_STATUS,
  COLUMN_DOC_NUMBER,
  COLUMN_DOC_DATE,
  COLUMN_UNIT,
  COLUMN_NOTE,
  N_COLUMNS
};

static const char * const target_aliases[] = { "Mã chỉ tiêu", "Tên chỉ tiêu", "Target", "Target code", NULL };
static const char * const period_aliases[] = { "Năm", "Kỳ số liệu", "Kỳ báo cáo", "Period", "Year", NULL };
static const char * const value_aliases[] = { "Kết quả", "Thực hiện", "Số liệu", "Value", NULL };
static const char * const quota_aliases[] = { "Chỉ tiêu giao quân", "Quota", NULL };
static const char * const delivered_aliases[] = { "Số đã giao", "Delivered", NULL };
static const char * const status_aliases[] = { "Status", NULL };
static const char * const doc_number_aliases[] = { "Văn bản", "Số hiệu văn bản", "Document number", NULL };
static const char * const doc_date_aliases[] = { "Ngày ban hành", "Document date", NULL };
static const char * const unit_aliases[] = { "Đơn vị chịu trách nhiệm", "Đơn vị báo cáo", "Unit", NULL };
static const char * const note_aliases[] = { "Note", NULL };

static const WardCsvColumn columns[N_COLUMNS] = {
  { "target", "Chỉ tiêu", target_aliases, WARD_CSV_TEXT, TRUE },
  { "period", "Kỳ", period_aliases, WARD_CSV_TEXT, TRUE },
  { "value", "Giá trị", value_aliases, WARD_CSV_TEXT, FALSE },
  { "quota", "Chỉ tiêu giao", quota_aliases, WARD_CSV_TEXT, FALSE },
  { "delivered", "Đã giao", delivered_aliases, WARD_CSV_TEXT, FALSE },
  { "status", "Trạng thái", status_aliases, WARD_CSV_TEXT, FALSE },
  { "doc_number", "Số văn bản", doc_number_aliases, WARD_CSV_TEXT, FALSE },
  { "doc_date", "Ngày văn bản", doc_date_aliases, WARD_CSV_TEXT, FALSE },
  { "unit", "Đơn vị", unit_aliases, WARD_CSV_TEXT, FALSE },
  { "note", "Ghi chú", note_aliases, WARD_CSV_TEXT, FALSE },
};

/* The target a cell names: its code, its name or its short name, ignoring
 * case and tone marks. */
static WardTarget *
find_target (GPtrArray  *targets,
             const char *text)
{
  g_autofree char *wanted = ward_text_fold (text);

  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      g_autofree char *code = ward_text_fold (ward_target_get_code (target));
      g_autofree char *name = ward_text_fold (ward_target_get_name (target));
      g_autofree char *short_name = ward_text_fold (ward_target_get_short_name (target));

      if (g_strcmp0 (wanted, code) == 0 || g_strcmp0 (wanted, name) == 0
          || g_strcmp0 (wanted, short_name) == 0)
        return target;
    }
  return NULL;
}

static gboolean
parse_status (const char *text,
              gboolean   *final_out)
{
  static const char * const finals[] = { "chinh thuc", "final", "x", NULL };
  static const char * const drafts[] = { "", "du thao", "draft", "uoc", "uoc thuc hien", NULL };
  g_autofree char *folded = ward_text_fold (text);

  if (g_strv_contains (finals, folded))
    *final_out = TRUE;
  else if (g_strv_contains (drafts, folded))
    *final_out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static const WardReadingField text_fields[N_COLUMNS] = {
  [COLUMN_VALUE] = WARD_READING_FIELD_VALUE,
  [COLUMN_QUOTA] = WARD_READING_FIELD_QUOTA,
  [COLUMN_DELIVERED] = WARD_READING_FIELD_DELIVERED,
  [COLUMN_DOC_NUMBER] = WARD_READING_FIELD_DOC_NUMBER,
  [COLUMN_DOC_DATE] = WARD_READING_FIELD_DOC_DATE,
  [COLUMN_NOTE] = WARD_READING_FIELD_NOTE,
};

static guint
column_of_field (WardReadingField field)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (text_fields[i] == field && field != WARD_READING_FIELD_NONE)
      return i;
  if (field == WARD_READING_FIELD_PERIOD)
    return COLUMN_PERIOD;
  if (field == WARD_READING_FIELD_STATUS)
    return COLUMN_STATUS;
  if (field == WARD_READING_FIELD_UNIT)
    return COLUMN_UNIT;
  return G_MAXUINT;
}

/* A baseline is the level at the congress: it belongs to the congress's
 * year. */
static gboolean
baseline_year (WardStore  *store,
               int        *year_out,
               GError    **error)
{
  g_autoptr (WardResolution) resolution = ward_resolution_load (store, error);
  g_autofree char *start = NULL;

  if (resolution == NULL)
    return FALSE;
  start = ward_resolution_term_start (resolution);
  *year_out = (int) g_ascii_strtoll (start, NULL, 10);
  return TRUE;
}

/* Reads the row's cells into @reading; FALSE after reporting each bad one. */
static gboolean
read_cells (WardImportRow *row,
            WardTarget    *target,
            WardReading   *reading)
{
  const WardCsvValue *values = row->values;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (!ward_reading_parse_period (values[COLUMN_PERIOD].text, &reading->year, &reading->first_half,
                                  &reading->baseline, &error)
      || (reading->baseline && !baseline_year (row->store, &reading->year, &error)))
    {
      ward_import_row_error (row, COLUMN_PERIOD, error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  if (!parse_status (values[COLUMN_STATUS].text, &reading->final))
    {
      ward_import_row_error (row, COLUMN_STATUS, _("Write “Chính thức” (final) or “Dự thảo” (draft)."));
      ok = FALSE;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    if (text_fields[i] != WARD_READING_FIELD_NONE
        && !ward_reading_set_text (reading, target, text_fields[i], values[i].text, &error))
      {
        ward_import_row_error (row, i, error->message);
        g_clear_error (&error);
        ok = FALSE;
      }
  if (!values[COLUMN_UNIT].empty)
    {
      g_autoptr (WardUnit) unit = ward_units_find (row->store, values[COLUMN_UNIT].text, &error);

      if (unit == NULL)
        {
          ward_import_row_error (row, COLUMN_UNIT, error->message);
          ok = FALSE;
        }
      else
        {
          reading->unit_id = unit->id;
          /* As a stored reading carries it, for the comparison with one. */
          g_free (reading->unit_name);
          reading->unit_name = g_strdup (unit->name);
        }
    }
  return ok;
}

/* The stored reading with the row's natural key (target, period, status),
 * or NULL. */
static WardReading *
find_stored (WardStore         *store,
             const WardReading *reading)
{
  g_autoptr (GPtrArray) stored = ward_readings_load (store, reading->target_id, NULL);

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      WardReading *other = stored->pdata[i];

      if (other->year == reading->year && other->first_half == reading->first_half
          && other->baseline == reading->baseline && other->final == reading->final)
        return ward_reading_copy (other);
    }
  return NULL;
}

static void write_reading (WardCsvWriter *writer, WardTarget *target, const WardReading *reading);

static void
write_target_reading (WardCsvWriter *writer,
                      gconstpointer  reading,
                      gpointer       target)
{
  write_reading (writer, target, reading);
}

/* The same reading is skipped; another value is updated on request or
 * refused as a conflict naming both. */
static WardStoredVerdict
compare_stored (WardImportRow     *row,
                WardTarget        *target,
                const WardReading *stored,
                const WardReading *reading)
{
  return ward_import_row_compare_stored (row, write_target_reading,
                                         reading, stored, target);
}

static gboolean
import_row (WardImportRow  *row,
            WardRowOutcome *outcome)
{
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (WardReading) reading = NULL;
  g_autoptr (WardReading) stored = NULL;
  g_autoptr (GError) error = NULL;
  WardReadingField field = WARD_READING_FIELD_NONE;
  WardTarget *target;
  gboolean ok;

  targets = ward_targets_load (row->store, &error);
  if (targets == NULL)
    {
      ward_import_row_error (row, G_MAXUINT, error->message);
      return FALSE;
    }
  target = find_target (targets, row->values[COLUMN_TARGET].text);
  if (target == NULL)
    {
      ward_import_row_error (row, COLUMN_TARGET,
                             _("No target of the resolution has this code or name."));
      return FALSE;
    }

  reading = ward_reading_new (target);
  if (!read_cells (row, target, reading))
    return FALSE;

  stored = find_stored (row->store, reading);
  if (stored != NULL)
    {
      reading->id = stored->id;
      reading->uuid = g_strdup (stored->uuid);
      /* Every rule first; only a valid row is compared with the store. */
      if (!ward_reading_validate (row->store, target, reading, &field, &error))
        {
          ward_import_row_error (row, column_of_field (field), error->message);
          return FALSE;
        }
      if (ward_import_verdict_settles (compare_stored (row, target, stored, reading), outcome,
                                       &ok))
        return ok;
    }
  if (!ward_reading_save (row->store, target, reading, &field, &error))
    {
      ward_import_row_error (row, column_of_field (field), error->message);
      return FALSE;
    }
  *outcome = stored != NULL ? WARD_ROW_UPDATED : WARD_ROW_ADDED;
  return TRUE;
}

static void
write_reading (WardCsvWriter     *writer,
               WardTarget        *target,
               const WardReading *reading)
{
  g_autofree char *period = reading->baseline ? g_strdup ("Số liệu gốc")
                            : reading->first_half ? g_strdup_printf ("6 tháng đầu năm %d", reading->year)
                            : g_strdup_printf ("%d", reading->year);

  ward_csv_writer_add_text (writer, ward_target_get_code (target));
  ward_csv_writer_add_text (writer, period);
  if (reading->has_value && ward_target_get_kind (target) == WARD_TARGET_MONEY)
    ward_csv_writer_add_money (writer, (gint64) reading->value);
  else if (reading->has_value)
    ward_csv_writer_add_decimal (writer, reading->value, 6);
  else
    ward_csv_writer_add_text (writer, "");
  if (reading->quota >= 0)
    ward_csv_writer_add_integer (writer, reading->quota);
  else
    ward_csv_writer_add_text (writer, "");
  if (reading->delivered >= 0)
    ward_csv_writer_add_integer (writer, reading->delivered);
  else
    ward_csv_writer_add_text (writer, "");
  ward_csv_writer_add_text (writer, reading->final ? "Chính thức" : "Dự thảo");
  ward_csv_writer_add_text (writer, reading->doc_number);
  ward_csv_writer_add_date (writer, reading->doc_date);
  ward_csv_writer_add_text (writer, reading->unit_name);
  ward_csv_writer_add_text (writer, reading->note);
  ward_csv_writer_end_row (writer);
}

/* Every reading of every target, in the resolution's order, the oldest
 * period first. */
static gboolean
export_all (WardStore          *store,
            WardImportContext  *context,
            WardCsvWriter      *writer,
            GError            **error)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);

  if (targets == NULL)
    return FALSE;
  ward_csv_writer_add_header (writer, columns, N_COLUMNS);
  for (guint i = 0; i < targets->len; i++)
    {
      g_autoptr (GPtrArray) readings = ward_readings_load (store, ward_target_get_id (targets->pdata[i]), error);

      if (readings == NULL)
        return FALSE;
      for (guint j = readings->len; j > 0; j--)
        write_reading (writer, targets->pdata[i], readings->pdata[j - 1]);
    }
  return TRUE;
}

/* A reading is its target, its period and its status (a draft and the
 * final figure of one period are two readings). */
static char *
row_key (WardImportRow *row)
{
  g_autofree char *target = ward_text_fold (row->values[COLUMN_TARGET].text);
  g_autofree char *period = ward_text_fold (row->values[COLUMN_PERIOD].text);
  g_autofree char *status = ward_text_fold (row->values[COLUMN_STATUS].text);

  return g_strjoin ("\x1f", target ? target : "", period ? period : "", status ? status : "", NULL);
}

const WardImportKind ward_readings_import_kind = {
  .name = "readings",
  .title = N_("Target readings"),
  .columns = columns,
  .n_columns = N_COLUMNS,
  .import_row = import_row,
  .export = export_all,
  .row_key = row_key,
};
