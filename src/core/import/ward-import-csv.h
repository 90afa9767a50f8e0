/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "base/ward-output.h"

G_BEGIN_DECLS

/* Spreadsheet exchange as ward offices really have it.
 *
 * Reading: ward_csv_read_file() / ward_csv_read_bytes() decode the file (UTF-8
 * with or without BOM, UTF-16 "Unicode Text", Windows-1258) into NFC UTF-8,
 * detect the separator (comma, semicolon, tab, or Excel's "sep=X" line) and
 * split it into rows following RFC 4180. Blank rows are dropped; every row
 * keeps the row number Excel shows for it. ward_csv_map() then finds the
 * header row, matches it against the caller's column table and
 * ward_csv_mapping_parse_row() turns each record into typed values. Every
 * problem goes into a list of WardCsvIssue, all of them, not only the first.
 *
 * Writing: WardCsvWriter writes what Excel opens correctly (UTF-8 with BOM,
 * comma, CRLF, dd/mm/yyyy dates, money as plain digits); reading the result
 * back gives the same values. The same calls write an Excel workbook
 * instead (ward_csv_writer_new_for_workbook()): dates as Excel dates,
 * money and numbers as numbers, the header row frozen (ward-workbook.h). */

typedef enum
{
  WARD_CSV_ENCODING_UTF8,
  WARD_CSV_ENCODING_UTF8_BOM,
  WARD_CSV_ENCODING_UTF16LE,
  WARD_CSV_ENCODING_UTF16BE,
  WARD_CSV_ENCODING_CP1258,
} WardCsvEncoding;

/* "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1258". */
const char *ward_csv_encoding_get_name (WardCsvEncoding encoding);

typedef enum
{
  WARD_CSV_TEXT,     /* as read: NFC, surrounding spaces trimmed unless quoted */
  WARD_CSV_DATE,     /* ward_parse_date(): dd/mm/yyyy, yyyy-mm-dd, Excel serial */
  WARD_CSV_MONEY,    /* ward_parse_money(): whole đồng */
  WARD_CSV_DECIMAL,  /* ward_parse_decimal() */
  WARD_CSV_BOOL,     /* ward_parse_bool(): an empty cell is FALSE */
  WARD_CSV_INTEGER,  /* a whole number, "1.250" and "1,250" grouping allowed */
} WardCsvType;

/* One column the caller expects. Headers match ignoring case, tone marks,
 * spacing and punctuation ("HỌ VÀ TÊN", "Ho va ten", "Họ và tên:" are one),
 * and a trailing note in brackets ("Số tiền (đồng)"). @required: the column
 * must be in the file and no cell of it may be empty (except BOOL, where
 * empty means no). The table is borrowed: keep it alive (static) while a
 * mapping uses it. */
typedef struct
{
  const char         *key;      /* the caller's name for it, e.g. "full_name" */
  const char         *label;    /* the Vietnamese header, e.g. "Họ và tên" */
  const char * const *aliases;  /* NULL-terminated or NULL, e.g. "Full name" */
  WardCsvType         type;
  gboolean            required;
} WardCsvColumn;

typedef enum
{
  WARD_CSV_SEVERITY_ERROR,    /* the row (or the file) cannot be imported */
  WARD_CSV_SEVERITY_WARNING,  /* something is ignored; the import can go on */
} WardCsvSeverity;

typedef struct
{
  WardCsvSeverity  severity;
  char            *file;     /* display name, e.g. "members.csv" */
  guint            row;      /* the row number Excel shows (header is 1); 0: the whole file */
  char            *column;   /* the column's label or the file's header; NULL if none */
  char            *value;    /* the cell as read; NULL if none */
  char            *message;  /* one sentence, translated */
} WardCsvIssue;

WardCsvIssue *ward_csv_issue_new       (WardCsvSeverity     severity,
                                        const char         *file,
                                        guint               row,
                                        const char         *column,
                                        const char         *value,
                                        const char         *message);
void          ward_csv_issue_free      (WardCsvIssue       *issue);
/* One line a clerk understands:
 * "members.csv, row 7, column «Ngày sinh»: “31/02/1990” — <message>". */
char         *ward_csv_issue_to_string (const WardCsvIssue *issue);

/* A GPtrArray that frees its WardCsvIssues. */
GPtrArray    *ward_csv_issues_new      (void);
guint         ward_csv_issues_count    (GPtrArray          *issues,
                                        WardCsvSeverity     severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCsvIssue, ward_csv_issue_free)

/* ---- Reading ------------------------------------------------------------ */

typedef struct _WardCsvTable WardCsvTable;

/* The most columns a row may have: a file with more is refused. */
#define WARD_CSV_MAX_COLUMNS 512

/* Errors (WARD_ERROR_INVALID; WARD_ERROR_NOT_FOUND, _TOO_LARGE from reading
 * (ward_input_read(): regular files only, WARD_INPUT_TABLE_MAX)): an empty file,
 * a workbook instead of CSV, an unreadable encoding, a quote never closed. */
WardCsvTable *ward_csv_read_file   (const char    *path,
                                    GError       **error);
WardCsvTable *ward_csv_read_bytes  (GBytes        *bytes,
                                    const char    *display_name,
                                    GError       **error);

WardCsvTable *ward_csv_table_ref   (WardCsvTable  *table);
void          ward_csv_table_unref (WardCsvTable  *table);

const char        *ward_csv_table_get_display_name (WardCsvTable *table);
WardCsvEncoding    ward_csv_table_get_encoding     (WardCsvTable *table);
char               ward_csv_table_get_separator    (WardCsvTable *table);
/* Rows that are not blank; row 0 is usually the header. */
guint              ward_csv_table_get_n_rows       (WardCsvTable *table);
/* NULL-terminated fields, owned by @table; @n_fields may be NULL. */
const char * const *ward_csv_table_get_row         (WardCsvTable *table,
                                                    guint         row,
                                                    guint        *n_fields);
/* The number Excel shows for @row: 1 for the first line of the file. */
guint              ward_csv_table_get_row_number   (WardCsvTable *table,
                                                    guint         row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCsvTable, ward_csv_table_unref)

/* Tables read from a workbook's sheet (import/ward-import-workbook.h) are
 * built row by row: @number is the row number the spreadsheet shows; a row
 * whose cells are all empty is left out (its number stays unused). @sheets
 * lists every sheet of the workbook, for a choice. */
WardCsvTable       *ward_csv_table_new_for_sheet (const char         *display_name,
                                                  const char         *sheet,
                                                  const char * const *sheets);
void                ward_csv_table_add_row       (WardCsvTable       *table,
                                                  guint               number,
                                                  const char * const *cells,
                                                  guint               n_cells);
/* What the reader left out and the clerk should know (hidden rows and
 * columns, other sheets): warnings about the file (@row 0) or a row. */
void                ward_csv_table_add_note      (WardCsvTable       *table,
                                                  guint               row,
                                                  const char         *value,
                                                  const char         *message);
GPtrArray          *ward_csv_table_get_notes     (WardCsvTable       *table);
/* The sheet read, NULL for a CSV file; every sheet of its workbook. */
const char         *ward_csv_table_get_sheet     (WardCsvTable       *table);
const char * const *ward_csv_table_get_sheets    (WardCsvTable       *table);
void                ward_csv_table_set_sheets    (WardCsvTable       *table,
                                                  const char * const *sheets);

/* ---- Mapping the columns and parsing values ----------------------------- */

typedef struct _WardCsvMapping WardCsvMapping;

typedef struct
{
  const char *text;      /* the cell as read, "" if empty or the column is absent; owned by the table */
  gboolean    empty;
  char        date[11];  /* WARD_CSV_DATE: ISO yyyy-mm-dd, "" if empty */
  gint64      money;     /* WARD_CSV_MONEY: đồng */
  gint64      integer;   /* WARD_CSV_INTEGER */
  double      decimal;   /* WARD_CSV_DECIMAL */
  gboolean    boolean;   /* WARD_CSV_BOOL */
} WardCsvValue;

/* Finds the header among the first rows (a title above it is allowed and
 * reported), matches it against @columns and appends to @issues: a warning
 * per unknown or repeated column, an error per missing required column.
 * Never NULL; check ward_csv_issues_count (issues, ERROR) before importing. */
WardCsvMapping *ward_csv_map                   (WardCsvTable        *table,
                                                const WardCsvColumn *columns,
                                                guint                n_columns,
                                                GPtrArray           *issues);
/* The same with the clerk's own mapping (ward_csv_column_map_parse()),
 * which comes before the column table's labels: a header it names is read
 * as that column. */
WardCsvMapping *ward_csv_map_with              (WardCsvTable        *table,
                                                const WardCsvColumn *columns,
                                                guint                n_columns,
                                                GHashTable          *column_map,
                                                GPtrArray           *issues);
void            ward_csv_mapping_free          (WardCsvMapping      *mapping);

/* "Cột A=Họ và tên,Cột B=Ngày sinh" (`import --map`, and what the window
 * remembers): each file header, matched ignoring case and tones, to a
 * column named by its label, an alias or its key. An unknown field is an
 * error naming it. */
GHashTable     *ward_csv_column_map_parse      (const char          *text,
                                                const WardCsvColumn *columns,
                                                guint                n_columns,
                                                GError             **error);
/* The text of a mapping: @choices[i] is the column of @headers[i], -1 for
 * none. Headers holding "," or "=" cannot be written and are left out. */
char           *ward_csv_column_map_to_string  (const char * const  *headers,
                                                const int           *choices,
                                                const WardCsvColumn *columns);
/* The header row's cells as the file has them, and the column each maps
 * to (-1: none), for the window's mapping. */
GStrv           ward_csv_mapping_get_file_headers (WardCsvMapping   *mapping);
int             ward_csv_mapping_get_column_of    (WardCsvMapping   *mapping,
                                                   guint             field);
/* The same set of headers gives the same text: the key a mapping is
 * remembered under. */
char           *ward_csv_headers_signature     (const char * const  *headers);

/* Records are the rows below the header. */
guint           ward_csv_mapping_get_n_records  (WardCsvMapping     *mapping);
guint           ward_csv_mapping_get_row_number (WardCsvMapping     *mapping,
                                                 guint               record);
/* The file's header text for columns[@column], NULL if the file lacks it. */
const char     *ward_csv_mapping_get_header     (WardCsvMapping     *mapping,
                                                 guint               column);
/* Fills @values[0 .. n_columns-1] in the order of the column table and
 * appends an issue per bad cell. Returns FALSE if the record has an error. */
gboolean        ward_csv_mapping_parse_row      (WardCsvMapping     *mapping,
                                                 guint               record,
                                                 WardCsvValue       *values,
                                                 GPtrArray          *issues);
/* Rows below the header whose first value is "Tổng cộng" (or "Total"…)
 * are the sheet's totals, not records. The engine adds up the MONEY,
 * INTEGER and DECIMAL values of every record that parsed into @sums (one
 * WardCsvValue per column, zeroed at first) and then checks each total row
 * against them: a warning naming the row, the column, both sums per
 * difference, or a note that the row matched. Returns the differences. */
guint           ward_csv_mapping_get_n_totals   (WardCsvMapping     *mapping);
void            ward_csv_mapping_add_to_sums    (WardCsvMapping     *mapping,
                                                 WardCsvValue       *sums,
                                                 const WardCsvValue *values);
guint           ward_csv_mapping_check_totals   (WardCsvMapping     *mapping,
                                                 const WardCsvValue *sums,
                                                 GPtrArray          *issues);
/* Parses every record; returns the number of records with an error. */
guint           ward_csv_mapping_validate       (WardCsvMapping     *mapping,
                                                 GPtrArray          *issues);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCsvMapping, ward_csv_mapping_free)

/* ---- Writing ------------------------------------------------------------ */

typedef struct _WardCsvWriter WardCsvWriter;

/* Writes to @stream (which the caller closes), or to @path through
 * ward_output_open() (never over the open database, over an existing file
 * only with WARD_OUTPUT_REPLACE, 0600): the file appears, whole, on
 * ward_csv_writer_close() and not before; freeing the
 * writer without closing it leaves the old file, or none, untouched. */
WardCsvWriter *ward_csv_writer_new          (GOutputStream       *stream);
WardCsvWriter *ward_csv_writer_new_for_path (const char          *path,
                                             WardOutputFlags      flags);
/* The same rows as one sheet named @sheet_name of an .xlsx workbook at
 * @path, through the same output rule, put in place by
 * ward_csv_writer_close(). */
WardCsvWriter *ward_csv_writer_new_for_workbook (const char      *path,
                                                 WardOutputFlags  flags,
                                                 const char      *sheet_name);

/* A writer that keeps each row's cells as written, unquoted, for
 * ward_csv_writer_take_cells(): how an import compares a row with the
 * stored record, both written by the kind's export. */
WardCsvWriter *ward_csv_writer_new_for_cells (void);
/* The cells added since the last call, NULL-terminated. */
GStrv          ward_csv_writer_take_cells    (WardCsvWriter       *writer);

/* The labels of @columns, as one row. */
void      ward_csv_writer_add_header   (WardCsvWriter       *writer,
                                        const WardCsvColumn *columns,
                                        guint                n_columns);
void      ward_csv_writer_add_text     (WardCsvWriter       *writer,
                                        const char          *text);
/* ISO yyyy-mm-dd in, dd/mm/yyyy out; NULL or "" writes an empty cell. */
void      ward_csv_writer_add_date     (WardCsvWriter       *writer,
                                        const char          *iso_date);
/* Plain digits ("1250000"), so that Excel takes it as a number. */
void      ward_csv_writer_add_money    (WardCsvWriter       *writer,
                                        gint64               dong);
void      ward_csv_writer_add_integer  (WardCsvWriter       *writer,
                                        gint64               value);
/* Decimal comma, no grouping, at most @max_decimals: "11,8". */
void      ward_csv_writer_add_decimal  (WardCsvWriter       *writer,
                                        double               value,
                                        int                  max_decimals);
/* "x" or an empty cell. */
void      ward_csv_writer_add_bool     (WardCsvWriter       *writer,
                                        gboolean             value);
void      ward_csv_writer_end_row      (WardCsvWriter       *writer);
/* Writes what is left (and, for a path, puts the file in place). */
gboolean  ward_csv_writer_close        (WardCsvWriter       *writer,
                                        GCancellable        *cancellable,
                                        GError             **error);
void      ward_csv_writer_free         (WardCsvWriter       *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCsvWriter, ward_csv_writer_free)

G_END_DECLS
