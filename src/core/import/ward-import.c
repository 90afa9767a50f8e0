/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "import/ward-import.h"

/* Progress is reported every this many rows. */
#define PROGRESS_EVERY 500
/* Every kind's key starts with its first column (a name, a tax code, a
 * receipt number, a target): a repeated row is reported there. */
#define KEY_COLUMN 0

void
ward_import_result_clear (WardImportResult *result)
{
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  g_clear_pointer (&result->flags, g_hash_table_unref);
  memset (result, 0, sizeof *result);
}

void
ward_import_row_flag (WardImportRow *row,
                      const char    *label)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (row->flags, label));

  g_hash_table_insert (row->flags, g_strdup (label), GUINT_TO_POINTER (n + 1));
}

char *
ward_import_result_describe_flags (const WardImportResult *result,
                                   gboolean                dry_run)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer label, count;

  if (result->flags == NULL || g_hash_table_size (result->flags) == 0)
    return NULL;
  g_hash_table_iter_init (&iter, result->flags);
  while (g_hash_table_iter_next (&iter, &label, &count))
    {
      guint n = GPOINTER_TO_UINT (count);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              dry_run ? g_dngettext (GETTEXT_PACKAGE, "%u row will be marked “%s”.",
                                                     "%u rows will be marked “%s”.", n)
                                      : g_dngettext (GETTEXT_PACKAGE, "%u row was marked “%s”.",
                                                     "%u rows were marked “%s”.", n),
                              n, (const char *) label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_row_issue (WardImportRow   *row,
               WardCsvSeverity  severity,
               guint            column,
               const char      *message)
{
  const char *label = NULL;
  const char *value = NULL;

  /* G_MAXUINT: an issue about the whole row rather than one cell. */
  if (column != G_MAXUINT)
    {
      label = ward_csv_mapping_get_header (row->mapping, column);
      /* A column the file lacks is still named, by its usual header. */
      if (label == NULL && row->kind != NULL && column < row->kind->n_columns)
        label = row->kind->columns[column].label;
      value = row->values[column].text;
    }
  g_ptr_array_add (row->issues,
                   ward_csv_issue_new (severity, row->file,
                                       ward_csv_mapping_get_row_number (row->mapping, row->record),
                                       label, value && *value ? value : NULL, message));
}

void
ward_import_row_error (WardImportRow *row,
                       guint          column,
                       const char    *message)
{
  add_row_issue (row, WARD_CSV_SEVERITY_ERROR, column, message);
}

void
ward_import_row_warning (WardImportRow *row,
                         guint          column,
                         const char    *message)
{
  add_row_issue (row, WARD_CSV_SEVERITY_WARNING, column, message);
}

gboolean
ward_import_row_has_column (WardImportRow *row,
                            guint          column)
{
  return ward_csv_mapping_get_header (row->mapping, column) != NULL;
}

void
ward_import_row_take_text (WardImportRow  *row,
                           guint           column,
                           char          **field)
{
  char *clean;

  if (!ward_import_row_has_column (row, column))
    return;
  clean = ward_text_normalize (row->values[column].text);
  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  g_free (*field);
  *field = clean;
}

void
ward_import_row_take_date (WardImportRow  *row,
                           guint           column,
                           char          **field)
{
  if (!ward_import_row_has_column (row, column))
    return;
  g_free (*field);
  *field = row->values[column].empty ? NULL : g_strdup (row->values[column].date);
}

/* "1.250.000 đ" for a money column's digits; the cell as written otherwise. */
static char *
shown_value (const WardCsvColumn *column,
             const char          *cell)
{
  gint64 dong;

  if (column->type == WARD_CSV_MONEY && ward_parse_money (cell, &dong, NULL))
    return ward_format_money (dong);
  return g_strdup (cell);
}

/* "«Số tiền»: stored “100.000 đ”, in the file “500.000 đ”; …", "" if none. */
static char *
stored_differences (WardImportRow      *row,
                    const char * const *file_cells,
                    const char * const *stored_cells)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < row->kind->n_columns; c++)
    {
      const char *label = ward_csv_mapping_get_header (row->mapping, c);
      const char *stored = stored_cells[c] ? stored_cells[c] : "";
      g_autofree char *stored_shown = NULL;
      g_autofree char *file_shown = NULL;

      if (label == NULL || file_cells[c] == NULL || g_str_equal (file_cells[c], stored))
        continue;
      stored_shown = shown_value (&row->kind->columns[c], stored);
      file_shown = shown_value (&row->kind->columns[c], file_cells[c]);
      g_string_append_printf (text, "%s", text->len > 0 ? "; " : "");
      g_string_append_printf (text, _("«%s»: stored “%s”, in the file “%s”"),
                              label, stored_shown, file_shown);
    }
  return g_string_free (text, FALSE);
}

WardStoredVerdict
ward_import_row_check_stored (WardImportRow      *row,
                              const char * const *file_cells,
                              const char * const *stored_cells,
                              gboolean            updatable,
                              const char         *advice)
{
  g_autofree char *differences = stored_differences (row, file_cells, stored_cells);
  g_autofree char *message = NULL;

  if (differences[0] == '\0')
    {
      ward_import_row_warning (row, KEY_COLUMN, _("This record is already stored with the same "
                                                  "values; the row was skipped."));
      return WARD_STORED_SAME;
    }
  if (updatable && row->context->policy == WARD_IMPORT_UPDATE_EXISTING)
    return WARD_STORED_UPDATE;
  message = g_strdup_printf (_("This record is already stored with other values: %s. %s"),
                             differences, advice);
  ward_import_row_error (row, KEY_COLUMN, message);
  return WARD_STORED_CONFLICT;
}

gboolean
ward_import_verdict_settles (WardStoredVerdict  verdict,
                             WardRowOutcome    *outcome,
                             gboolean          *ok)
{
  if (verdict == WARD_STORED_UPDATE)
    return FALSE;
  if (verdict == WARD_STORED_SAME)
    *outcome = WARD_ROW_SKIPPED;
  *ok = verdict == WARD_STORED_SAME;
  return TRUE;
}

static GStrv
record_cells (WardImportWriteRecord write,
              gconstpointer         record,
              gpointer              user_data)
{
  g_autoptr (WardCsvWriter) writer = ward_csv_writer_new_for_cells ();

  write (writer, record, user_data);
  return ward_csv_writer_take_cells (writer);
}

WardStoredVerdict
ward_import_row_compare_stored (WardImportRow         *row,
                                WardImportWriteRecord  write,
                                gconstpointer          file_record,
                                gconstpointer          stored_record,
                                gpointer               user_data)
{
  g_auto (GStrv) file = record_cells (write, file_record, user_data);
  g_auto (GStrv) stored = record_cells (write, stored_record, user_data);

  return ward_import_row_check_stored (row, (const char * const *) file,
                                       (const char * const *) stored, TRUE,
                                       _("Turn on “Update records that are already stored” "
                                         "(--update) to replace them, or correct the file."));
}

static gboolean
check_mapping (const WardImportKind  *kind,
               WardCsvTable          *table,
               WardImportResult      *result,
               GError               **error)
{
  g_autoptr (GString) problems = NULL;

  if (ward_csv_issues_count (result->issues, WARD_CSV_SEVERITY_ERROR) == 0)
    return TRUE;

  problems = g_string_new (NULL);
  for (guint i = 0; i < result->issues->len; i++)
    {
      const WardCsvIssue *issue = result->issues->pdata[i];
      g_autofree char *line = NULL;

      if (issue->severity != WARD_CSV_SEVERITY_ERROR)
        continue;
      line = ward_csv_issue_to_string (issue);
      g_string_append_printf (problems, "\n%s", line);
    }
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” cannot be imported as %s:%s"),
               ward_csv_table_get_display_name (table), _(kind->title), problems->str);
  return FALSE;
}

static void
count_outcome (WardImportResult *result,
               WardRowOutcome    outcome)
{
  switch (outcome)
    {
    case WARD_ROW_ADDED:
      result->added++;
      break;
    case WARD_ROW_UPDATED:
      result->updated++;
      break;
    case WARD_ROW_SKIPPED:
    default:
      result->skipped++;
      break;
    }
}


/* A row of the file already seen with a given key: where, and its cells. */
typedef struct
{
  guint   row_number;
  GStrv   cells;
} SeenRow;

static void
seen_row_free (SeenRow *seen)
{
  g_strfreev (seen->cells);
  g_free (seen);
}

static GStrv
row_cells (WardImportRow *row)
{
  GStrv cells = g_new0 (char *, row->kind->n_columns + 1);

  for (guint c = 0; c < row->kind->n_columns; c++)
    cells[c] = g_strdup (row->values[c].text ? row->values[c].text : "");
  return cells;
}

/* "«Số tiền»: 100000 on row 2, 500000 here; …" */
static char *
describe_differences (WardImportRow *row,
                      SeenRow       *first,
                      GStrv          cells)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < row->kind->n_columns; c++)
    {
      const char *label = ward_csv_mapping_get_header (row->mapping, c);

      if (g_str_equal (first->cells[c], cells[c]))
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, _("«%s»: “%s” on row %u, “%s” here"),
                              label ? label : row->kind->columns[c].label,
                              first->cells[c], first->row_number, cells[c]);
    }
  return g_string_free (text, FALSE);
}

/* TRUE when the row is to be imported; FALSE when it repeats an earlier
 * row (skipped, with a note) or contradicts one (an error). */
static gboolean
claim_key (WardImportRow  *row,
           GHashTable     *seen,
           WardRowOutcome *outcome,
           gboolean       *failed)
{
  g_autofree char *key = row->kind->row_key (row);
  g_auto (GStrv) cells = NULL;
  SeenRow *first;

  if (key == NULL)
    return TRUE;
  cells = row_cells (row);
  first = g_hash_table_lookup (seen, key);
  if (first == NULL)
    {
      SeenRow *entry = g_new0 (SeenRow, 1);

      entry->row_number = ward_csv_mapping_get_row_number (row->mapping, row->record);
      entry->cells = g_steal_pointer (&cells);
      g_hash_table_insert (seen, g_steal_pointer (&key), entry);
      return TRUE;
    }
  if (g_strv_equal ((const char * const *) first->cells, (const char * const *) cells))
    {
      g_autofree char *note = g_strdup_printf (_("This row repeats row %u of this file; it was skipped."),
                                               first->row_number);

      ward_import_row_warning (row, KEY_COLUMN, note);
      *outcome = WARD_ROW_SKIPPED;
    }
  else
    {
      g_autofree char *differences = describe_differences (row, first, cells);
      g_autofree char *message = g_strdup_printf (_("This row is about the same record as row %u of "
                                                    "this file, with other values: %s. Keep one of "
                                                    "the two rows."),
                                                  first->row_number, differences);

      ward_import_row_error (row, KEY_COLUMN, message);
      *failed = TRUE;
    }
  return FALSE;
}

static gboolean
import_records (WardStore             *store,
                const WardImportKind  *kind,
                WardCsvTable          *table,
                WardCsvMapping        *mapping,
                WardImportContext     *context,
                WardImportProgress     progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                WardImportResult      *result)
{
  g_autofree WardCsvValue *values = g_new0 (WardCsvValue, kind->n_columns);
  g_autofree WardCsvValue *sums = g_new0 (WardCsvValue, kind->n_columns);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) seen_row_free);
  guint n = ward_csv_mapping_get_n_records (mapping);

  result->n_records = n;
  for (guint i = 0; i < n; i++)
    {
      WardImportRow row = {
        store, context, mapping, i, ward_csv_table_get_display_name (table), values, result->issues,
        kind, result->flags
      };
      WardRowOutcome outcome = WARD_ROW_ADDED;
      gboolean failed = FALSE;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if (!ward_csv_mapping_parse_row (mapping, i, values, result->issues))
        failed = TRUE;
      else
        {
          /* What the sheet's total row adds up: every row it shows. */
          ward_csv_mapping_add_to_sums (mapping, sums, values);
          if (kind->row_key == NULL || claim_key (&row, seen, &outcome, &failed))
            failed = !kind->import_row (&row, &outcome);
        }
      if (failed)
        result->n_errors++;
      else
        count_outcome (result, outcome);

      /* A full disk or an I/O error undid everything: stop here. */
      if (ward_store_transaction_lost (store))
        break;

      if (progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        progress ((double) (i + 1) / n, progress_data);
    }
  ward_csv_mapping_check_totals (mapping, sums, result->issues);
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
ward_import_run (WardStore             *store,
                 const WardImportKind  *kind,
                 WardCsvTable          *table,
                 WardImportContext     *context,
                 gboolean               dry_run,
                 WardImportProgress     progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 WardImportResult      *result,
                 GError               **error)
{
  g_autoptr (WardCsvMapping) mapping = NULL;
  g_autoptr (GHashTable) column_map = NULL;
  WardImportContext default_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL, NULL };
  gboolean finished;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && table != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->issues = ward_csv_issues_new ();
  result->flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (context == NULL)
    context = &default_context;

  if (kind->import_row == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("%s can be exported but not imported."), _(kind->title));
      return FALSE;
    }

  /* What the workbook reader left out (hidden rows, other sheets) first. */
  for (guint i = 0; i < ward_csv_table_get_notes (table)->len; i++)
    {
      const WardCsvIssue *note = ward_csv_table_get_notes (table)->pdata[i];

      g_ptr_array_add (result->issues,
                       ward_csv_issue_new (note->severity, note->file, note->row, note->column,
                                           note->value, note->message));
    }
  if (context->column_map != NULL)
    {
      column_map = ward_csv_column_map_parse (context->column_map, kind->columns,
                                              kind->n_columns, error);
      if (column_map == NULL)
        return FALSE;
    }
  mapping = ward_csv_map_with (table, kind->columns, kind->n_columns, column_map, result->issues);
  if (!check_mapping (kind, table, result, error))
    return FALSE;

  /* One transaction: the file is stored whole, or not at all. */
  if (!ward_store_begin (store, error))
    return FALSE;
  if (kind->begin != NULL && !kind->begin (store, context, error))
    goto fail;

  /* A page cache that holds what the transaction writes, instead of
   * spilling it to the file (and the journal) as it goes: a third of a
   * second off 100,000 donations. Back to SQLite's default after. */
  ward_store_exec (store, "PRAGMA cache_size = -65536", NULL);
  finished = import_records (store, kind, table, mapping, context, progress, progress_data,
                             cancellable, result);
  ward_store_exec (store, "PRAGMA cache_size = -2000", NULL);

  if (finished && result->n_errors == 0 && kind->end != NULL && !kind->end (store, context, error))
    goto fail;

  if (!finished || dry_run || result->n_errors > 0)
    {
      ward_store_rollback (store);
      if (!finished)
        return g_cancellable_set_error_if_cancelled (cancellable, error), FALSE;
      return TRUE;
    }

  if (!ward_store_commit (store, error))
    return FALSE;
  result->committed = TRUE;
  return TRUE;

fail:
  ward_store_rollback (store);
  return FALSE;
}

gboolean
ward_export_to_path (WardStore             *store,
                     const WardImportKind  *kind,
                     WardImportContext     *context,
                     const char            *path,
                     WardOutputFlags        flags,
                     GError               **error)
{
  g_autoptr (WardCsvWriter) writer = NULL;
  WardImportContext default_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && path != NULL, FALSE);

  /* Before reading anything: a refusal costs no time. */
  if (!ward_output_check (path, flags, error))
    return FALSE;
  if (kind->export == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("%s cannot be exported."), _(kind->title));
      return FALSE;
    }

  /* The file's name says which: "members.xlsx" is a workbook. */
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    writer = ward_csv_writer_new_for_workbook (path, flags, g_dgettext (GETTEXT_PACKAGE, kind->title));
  else
    writer = ward_csv_writer_new_for_path (path, flags);
  /* Read everything in one snapshot, so that the file is consistent even if
   * another program writes meanwhile. */
  if (!ward_store_exec (store, "BEGIN", error))
    return FALSE;
  if (!kind->export (store, context ? context : &default_context, writer, error))
    {
      ward_store_exec (store, "ROLLBACK", NULL);
      return FALSE;
    }
  ward_store_exec (store, "COMMIT", NULL);
  return ward_csv_writer_close (writer, NULL, error);
}
