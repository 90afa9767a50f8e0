/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/ward-import-csv.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The one import/export engine that every register and the readings use.
 *
 * An import is all or nothing: it runs in one transaction, every bad row is
 * reported (not only the first), and when any row has an error, or on a dry
 * run, or when cancelled, the transaction is rolled back and nothing is
 * stored. A row that matches a record already stored (the register's natural
 * key) is skipped and reported, or updated when the caller asks; so
 * importing the same file twice adds nothing. */

typedef enum
{
  WARD_IMPORT_SKIP_EXISTING,
  WARD_IMPORT_UPDATE_EXISTING,
} WardImportPolicy;

typedef enum
{
  WARD_ROW_ADDED,
  WARD_ROW_UPDATED,
  WARD_ROW_SKIPPED,   /* already stored; reported as a warning by the kind */
} WardRowOutcome;

typedef struct
{
  WardImportPolicy  policy;
  const char       *campaign;   /* donations: the campaign's name; NULL: the default one */
  gpointer          kind_data;  /* the kind's own state during one run (begin/end) */
  const char       *column_map; /* the clerk's mapping, "Cột A=Họ và tên,…", or NULL */
  gboolean          allow_outside_period;  /* donations: take receipts dated outside the
                                            * campaign's period (each with a warning) */
} WardImportContext;

/* What the engine hands a kind for one record. */
typedef struct
{
  WardStore          *store;
  WardImportContext  *context;
  WardCsvMapping     *mapping;
  guint               record;    /* index for ward_csv_mapping_get_row_number() */
  const char         *file;      /* display name, for issues */
  const WardCsvValue *values;    /* in the order of the kind's column table */
  GPtrArray          *issues;    /* append WardCsvIssues here */
  const struct _WardImportKind *kind;
  GHashTable         *flags;     /* see ward_import_row_flag() */
} WardImportRow;

typedef struct _WardImportKind WardImportKind;
struct _WardImportKind
{
  const char          *name;       /* the CLI's KIND: "members", "enterprises", "donations", "readings", "programme" */
  const char          *title;      /* for the window, untranslated (N_); translate with _() */
  const WardCsvColumn *columns;
  guint                n_columns;

  /* Optional: called once inside the transaction before the first row and
   * after the last (e.g. to find the campaign, or to check a ledger chain);
   * an error aborts the import. */
  gboolean (*begin)      (WardStore          *store,
                          WardImportContext  *context,
                          GError            **error);
  gboolean (*end)        (WardStore          *store,
                          WardImportContext  *context,
                          GError            **error);
  /* Validates one record with the register's own rules (the same functions
   * the window's form calls) and stores it. A bad record appends error
   * issues naming the row and column and returns FALSE; the engine goes on
   * with the next one to report them all. NULL for export-only kinds. */
  gboolean (*import_row) (WardImportRow      *row,
                          WardRowOutcome     *outcome);
  /* Writes the header (ward_csv_writer_add_header with the same column
   * table) and every record, so that re-importing the file gives back the
   * same records. */
  gboolean (*export)     (WardStore          *store,
                          WardImportContext  *context,
                          WardCsvWriter      *writer,
                          GError            **error);
  /* Optional: the key of the record a row is about, as the register names
   * a record (a receipt number in the campaign, a tax code, a target's
   * period), NULL when the row names none. Rows of one file with one key
   * are about one record: the same values again are noted and skipped;
   * other values are an error naming both rows and what differs, in every
   * register, reported in the first column (the key's). The engine calls
   * it on a row whose cells parsed, before import_row. */
  char    *(*row_key)    (WardImportRow      *row);
  /* Whether the kind's records have a period they may lie outside of
   * (donations: the campaign's), which the import may be told to allow. */
  gboolean             has_period;
};

typedef struct
{
  guint      n_records;
  guint      added;
  guint      updated;
  guint      skipped;
  guint      n_errors;    /* rows with an error */
  gboolean   committed;   /* FALSE for a dry run, a cancelled run or a run with errors */
  GPtrArray *issues;      /* every WardCsvIssue, errors and warnings */
  GHashTable *flags;      /* a mark (translated) -> how many rows carry it */
} WardImportResult;

void                  ward_import_result_clear  (WardImportResult *result);
/* "30 rows will be marked “thiếu mã giao dịch”.", one sentence per mark,
 * NULL when no row is marked: what the preview and the CLI say. */
char                 *ward_import_result_describe_flags (const WardImportResult *result,
                                                         gboolean                dry_run);

/* Called from the thread that runs the import, at most every few hundred
 * rows; @fraction is 0.0 – 1.0. */
typedef void (*WardImportProgress) (double   fraction,
                                    gpointer user_data);

/* Reads nothing itself: give it the parsed table. Returns FALSE with @error
 * only when the import could not run at all (missing required columns, the
 * store failing); rows with errors give TRUE with result->n_errors > 0 and
 * result->committed == FALSE. Safe to run in a worker thread while the
 * window leaves the store alone; ::changed is emitted from the main
 * context. */
gboolean ward_import_run     (WardStore             *store,
                              const WardImportKind  *kind,
                              WardCsvTable          *table,
                              WardImportContext     *context,
                              gboolean               dry_run,
                              WardImportProgress     progress,
                              gpointer               progress_data,
                              GCancellable          *cancellable,
                              WardImportResult      *result,
                              GError               **error);

/* Writes every record of @kind to @path through ward_output_open(): CSV
 * (UTF-8 with BOM, dd/mm/yyyy), or an Excel workbook when @path ends in
 * ".xlsx" (real dates and numbers, the header row frozen). */
gboolean ward_export_to_path (WardStore             *store,
                              const WardImportKind  *kind,
                              WardImportContext     *context,
                              const char            *path,
                              WardOutputFlags        flags,
                              GError               **error);

/* Helpers for kinds: append an error or warning about one cell (the
 * column's index in the kind's table), or about the whole row with
 * @column = G_MAXUINT. */
void     ward_import_row_error   (WardImportRow *row,
                                  guint          column,
                                  const char    *message);
void     ward_import_row_warning (WardImportRow *row,
                                  guint          column,
                                  const char    *message);
/* Whether the file has @column; a column it lacks leaves the record's field
 * as it is (an update changes only what the file says). */
gboolean ward_import_row_has_column (WardImportRow *row,
                                     guint          column);
/* The cell of @column into *@field when the file has the column: the text
 * normalized (NULL when empty), or the ISO date (NULL when empty). */
void     ward_import_row_take_text  (WardImportRow *row,
                                     guint          column,
                                     char         **field);
void     ward_import_row_take_date  (WardImportRow *row,
                                     guint          column,
                                     char         **field);
/* The row is stored with a mark the register shows (@label, translated,
 * e.g. "thiếu mã giao dịch"): counted for the preview. */
void     ward_import_row_flag    (WardImportRow *row,
                                  const char    *label);

/* A row whose key names a record already stored is compared with it,
 * after the row has passed every rule of its register:
 *
 * - the same values: skipped, with a note (importing a file twice adds
 *   nothing);
 * - other values, with WARD_IMPORT_UPDATE_EXISTING and a register that
 *   allows it (@updatable): the kind updates the record;
 * - other values otherwise: a conflict, an error naming the row, each
 *   differing column, the stored value and the file's, and what to do
 *   (@advice, one sentence): the file is refused.
 *
 * @file_cells and @stored_cells are the row and the record written the same
 * way (as the kind's export writes them), one per column of the kind's
 * table. A column the file lacks says nothing and is not compared; an empty
 * cell is a value like any other (an update empties the field), except
 * where the kind fills in a default (a donor's kind): there it gives the
 * stored cell. */
typedef enum
{
  WARD_STORED_SAME,
  WARD_STORED_UPDATE,
  WARD_STORED_CONFLICT,
} WardStoredVerdict;

WardStoredVerdict ward_import_row_check_stored (WardImportRow      *row,
                                                const char * const *file_cells,
                                                const char * const *stored_cells,
                                                gboolean            updatable,
                                                const char         *advice);

/* TRUE when @verdict settles the row: the same record (@outcome skipped,
 * *@ok TRUE) or a conflict (*@ok FALSE); FALSE when the kind goes on to
 * update the record. */
gboolean ward_import_verdict_settles (WardStoredVerdict  verdict,
                                      WardRowOutcome    *outcome,
                                      gboolean          *ok);

/* The same for a register whose records may be updated, each record
 * written by @write (the kind's export of one record) into cells. */
typedef void (*WardImportWriteRecord) (WardCsvWriter *writer,
                                       gconstpointer  record,
                                       gpointer       user_data);

WardStoredVerdict ward_import_row_compare_stored (WardImportRow         *row,
                                                  WardImportWriteRecord  write,
                                                  gconstpointer          file_record,
                                                  gconstpointer          stored_record,
                                                  gpointer               user_data);

G_END_DECLS

G_BEGIN_DECLS
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WardImportResult, ward_import_result_clear)
G_END_DECLS
