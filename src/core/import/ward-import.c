/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "import/ward-import.h"

/* Progress is reported every this many rows. */
#define PROGRESS_EVERY 500

void
ward_import_result_clear (WardImportResult *result)
{
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
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
  guint n = ward_csv_mapping_get_n_records (mapping);

  result->n_records = n;
  for (guint i = 0; i < n; i++)
    {
      WardImportRow row = {
        store, context, mapping, i, ward_csv_table_get_display_name (table), values, result->issues, kind
      };
      WardRowOutcome outcome = WARD_ROW_ADDED;

      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if (ward_csv_mapping_parse_row (mapping, i, values, result->issues)
          && kind->import_row (&row, &outcome))
        count_outcome (result, outcome);
      else
        result->n_errors++;

      /* A full disk or an I/O error undid everything: stop here. */
      if (ward_store_transaction_lost (store))
        break;

      if (progress != NULL && (i + 1) % PROGRESS_EVERY == 0)
        progress ((double) (i + 1) / n, progress_data);
    }
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
  WardImportContext default_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };
  gboolean finished;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && table != NULL && result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->issues = ward_csv_issues_new ();
  if (context == NULL)
    context = &default_context;

  if (kind->import_row == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("%s can be exported but not imported."), _(kind->title));
      return FALSE;
    }

  mapping = ward_csv_map (table, kind->columns, kind->n_columns, result->issues);
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
                     GError               **error)
{
  g_autoptr (WardCsvWriter) writer = NULL;
  WardImportContext default_context = { WARD_IMPORT_SKIP_EXISTING, NULL, NULL };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL && path != NULL, FALSE);

  if (kind->export == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("%s cannot be exported."), _(kind->title));
      return FALSE;
    }

  /* The file's name says which: "members.xlsx" is a workbook. */
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    writer = ward_csv_writer_new_for_workbook (path, g_dgettext (GETTEXT_PACKAGE, kind->title));
  else
    writer = ward_csv_writer_new_for_path (path);
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
