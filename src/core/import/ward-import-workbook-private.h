/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>

#include "import/ward-import-workbook.h"

G_BEGIN_DECLS

/* What the three readers share. Not installed: only import/ includes it. */

/* A row or a sheet past these is not a register. */
#define WARD_SHEET_MAX_ROWS    1048576
#define WARD_SHEET_MAX_COLUMNS 16384
/* More cells than this in one sheet is not a ward's register (100,000
 * receipts of ten columns are a million). */
#define WARD_SHEET_MAX_CELLS   (16 * 1024 * 1024)
/* An entry of a zip that inflates past this is refused (a zip bomb). */
#define WARD_ZIP_ENTRY_MAX     (G_GUINT64_CONSTANT (512) * 1024 * 1024)

/* The entries of @zip named in @names, whole (name → GBytes); a missing
 * entry is simply absent. */
GHashTable *ward_zip_read_entries  (GBytes              *zip,
                                    const char          *display_name,
                                    const char * const  *names,
                                    GError             **error);

/* A streaming reader over @xml that refuses the network and entities. */
xmlTextReaderPtr ward_xml_reader_new (GBytes *xml);
/* The attribute @name (local name, any namespace) of the current element. */
char       *ward_xml_get_attribute (xmlTextReaderPtr     reader,
                                    const char          *name);
gboolean    ward_xml_is_element    (xmlTextReaderPtr     reader,
                                    const char          *name);
gboolean    ward_xml_is_end        (xmlTextReaderPtr     reader,
                                    const char          *name);
void        ward_xml_set_error     (GError             **error,
                                    const char          *display_name,
                                    const char          *part);

/* Cell values as the engine's parsers read them. */
char       *ward_sheet_format_number  (double    value,
                                       gboolean  percent);
/* @serial in the workbook's system; "60" for 1900's 29/02/1900. */
char       *ward_sheet_format_serial  (double    serial,
                                       gboolean  date1904);
/* "2024-01-05" or "2024-01-05T10:00:00" -> "05/01/2024"; NULL if not a date. */
char       *ward_sheet_format_iso     (const char *iso);
/* "A" for 0, "AB" for 27. */
char       *ward_sheet_column_name    (guint     column);

/* Builds a table row by row from cells at their column index, leaving out
 * hidden rows and columns (and saying which, at the end). */
typedef struct _WardSheetBuilder WardSheetBuilder;

WardSheetBuilder *ward_sheet_builder_new         (WardCsvTable      *table);
void              ward_sheet_builder_hide_column (WardSheetBuilder  *builder,
                                                  guint              column);
void              ward_sheet_builder_begin_row   (WardSheetBuilder  *builder,
                                                  guint              number,
                                                  gboolean           hidden);
/* Takes @text. FALSE with @error past WARD_CSV_MAX_COLUMNS. */
gboolean          ward_sheet_builder_set_cell    (WardSheetBuilder  *builder,
                                                  guint              column,
                                                  char              *text,
                                                  GError           **error);
/* Adds the row (@repeat times, for a row a file writes once for several);
 * FALSE with @error past WARD_SHEET_MAX_CELLS. */
gboolean          ward_sheet_builder_end_row     (WardSheetBuilder  *builder,
                                                  guint              repeat,
                                                  GError           **error);
/* The current row's number, for a reader that counts rows itself. */
guint             ward_sheet_builder_get_row     (WardSheetBuilder  *builder);
/* Adds the notes and frees the builder; FALSE with @error for an empty sheet. */
gboolean          ward_sheet_builder_finish      (WardSheetBuilder  *builder,
                                                  GError           **error);

/* The readers: the sheets' names, then one sheet as a table. */
WardCsvTable *ward_xlsx_read (GBytes      *bytes,
                              const char  *display_name,
                              const char  *sheet,
                              GError     **error);
WardCsvTable *ward_ods_read  (GBytes      *bytes,
                              const char  *display_name,
                              const char  *sheet,
                              GError     **error);
WardCsvTable *ward_xls_read  (const char  *path,
                              const char  *display_name,
                              const char  *sheet,
                              GError     **error);

/* Which sheet to read among @names (@hidden: TRUE for hidden ones): @wanted,
 * or the first visible one. -1 with @error naming the sheets when @wanted
 * is not there. */
int           ward_sheet_choose (const char * const *names,
                                 const gboolean     *hidden,
                                 const char         *wanted,
                                 const char         *display_name,
                                 GError            **error);
/* The note that names the sheets not read, when there are others. */
void          ward_sheet_note_others (WardCsvTable *table);

G_END_DECLS
