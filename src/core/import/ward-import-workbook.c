/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "import/ward-import-workbook-private.h"

/* Excel's day 0 is 30/12/1899 for every day from 01/03/1900 on; the 1904
 * system counts from 01/01/1904, which is day 1462 of the 1900 system. */
#define EXCEL_SERIAL_BOGUS 60
#define EXCEL_1904_OFFSET  1462
/* How many hidden rows a note names before it only counts them. */
#define NOTE_MAX_ROWS 10

/* ---- The format --------------------------------------------------------- */

static gboolean
zip_has_entry (GBytes     *bytes,
               const char *name)
{
  const char *names[] = { name, NULL };
  g_autoptr (GHashTable) entries = ward_zip_read_entries (bytes, "", names, NULL);

  return entries != NULL && g_hash_table_contains (entries, name);
}

WardWorkbookFormat
ward_workbook_sniff (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return WARD_WORKBOOK_XLS;
  if (len < 4 || memcmp (data, "PK\x03\x04", 4) != 0)
    return WARD_WORKBOOK_NONE;
  /* An OpenDocument file names its type in its first entry, uncompressed. */
  if (len > 38 + 46 && g_strstr_len ((const char *) data + 30, MIN (len - 30, 128),
                                     "application/vnd.oasis.opendocument.spreadsheet") != NULL)
    return WARD_WORKBOOK_ODS;
  if (zip_has_entry (bytes, "content.xml"))
    return WARD_WORKBOOK_ODS;
  return WARD_WORKBOOK_XLSX;
}

const char *
ward_workbook_format_get_name (WardWorkbookFormat format)
{
  switch (format)
    {
    case WARD_WORKBOOK_XLSX:
      return _("Excel workbook (.xlsx)");
    case WARD_WORKBOOK_ODS:
      return _("LibreOffice spreadsheet (.ods)");
    case WARD_WORKBOOK_XLS:
      return _("Excel 97–2003 workbook (.xls)");
    case WARD_WORKBOOK_NONE:
    default:
      return _("CSV file");
    }
}

WardCsvTable *
ward_workbook_read_bytes (GBytes      *bytes,
                          const char  *display_name,
                          const char  *path,
                          const char  *sheet,
                          GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = display_name != NULL ? display_name : "";
  switch (ward_workbook_sniff (bytes))
    {
    case WARD_WORKBOOK_XLSX:
      return ward_xlsx_read (bytes, display_name, sheet, error);
    case WARD_WORKBOOK_ODS:
      return ward_ods_read (bytes, display_name, sheet, error);
    case WARD_WORKBOOK_XLS:
      g_return_val_if_fail (path != NULL, NULL);
      return ward_xls_read (path, display_name, sheet, error);
    case WARD_WORKBOOK_NONE:
    default:
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a workbook (.xlsx, .xls or .ods)."), display_name);
      return NULL;
    }
}

WardCsvTable *
ward_import_read_file (const char  *path,
                       const char  *sheet,
                       GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A regular file under the limit: never /dev/zero or a pipe. */
  bytes = ward_input_read (path, WARD_INPUT_TABLE_MAX, error);
  if (bytes == NULL)
    return NULL;
  display_name = g_filename_display_basename (path);

  if (ward_workbook_sniff (bytes) != WARD_WORKBOOK_NONE)
    return ward_workbook_read_bytes (bytes, display_name, path, sheet, error);
  if (sheet != NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is a CSV file: it has no sheets to choose from."), display_name);
      return NULL;
    }
  return ward_csv_read_bytes (bytes, display_name, error);
}

/* ---- Sheets ------------------------------------------------------------- */

int
ward_sheet_choose (const char * const *names,
                   const gboolean     *hidden,
                   const char         *wanted,
                   const char         *display_name,
                   GError            **error)
{
  g_autofree char *list = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (wanted != NULL ? g_str_equal (names[i], wanted) : !hidden[i])
      return (int) i;

  list = g_strjoinv ("”, “", (char **) names);
  if (wanted != NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                 _("“%s” has no sheet named “%s”; its sheets are “%s”."),
                 display_name, wanted, list);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” has no visible sheet to read."), display_name);
  return -1;
}

void
ward_sheet_note_others (WardCsvTable *table)
{
  const char * const *sheets = ward_csv_table_get_sheets (table);
  const char *sheet = ward_csv_table_get_sheet (table);
  g_autoptr (GString) others = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; sheets != NULL && sheets[i] != NULL; i++)
    if (!g_str_equal (sheets[i], sheet))
      g_string_append_printf (others, "%s“%s”", others->len > 0 ? ", " : "", sheets[i]);
  if (others->len == 0)
    return;
  message = g_strdup_printf (_("Sheet “%s” was read; the workbook also has %s. Choose another "
                               "sheet to import it instead."), sheet, others->str);
  ward_csv_table_add_note (table, 0, NULL, message);
}

/* ---- Values ------------------------------------------------------------- */

char *
ward_sheet_format_number (double   value,
                          gboolean percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  if (percent)
    value *= 100;
  /* Whole numbers as digits ("1250000"); others to 15 significant digits,
   * as Excel shows them, with the decimal comma ("11,8"). */
  if (fabs (value) < 1e15 && value == floor (value))
    text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  else
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
      text = g_strdup (buffer);
      g_strdelimit (text, ".", ',');
    }
  if (percent)
    {
      char *with_sign = g_strconcat (text, "%", NULL);

      g_free (text);
      text = with_sign;
    }
  return text;
}

char *
ward_sheet_format_serial (double   serial,
                          gboolean date1904)
{
  g_autoptr (GDate) date = NULL;
  double day = floor (serial);

  if (date1904)
    day += EXCEL_1904_OFFSET;
  /* Left to the date parser, which names the day that never was. */
  if (day == EXCEL_SERIAL_BOGUS || day < 1 || day > 2958465)
    return ward_sheet_format_number (day, FALSE);
  date = g_date_new_dmy (day < EXCEL_SERIAL_BOGUS ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) day);
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

char *
ward_sheet_format_iso (const char *iso)
{
  int year, month, day;

  if (iso == NULL || strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-'
      || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

char *
ward_sheet_column_name (guint column)
{
  char name[8];
  int i = G_N_ELEMENTS (name) - 1;

  name[i] = '\0';
  do
    {
      name[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);
  return g_strdup (&name[i]);
}

/* ---- Building a table --------------------------------------------------- */

struct _WardSheetBuilder
{
  WardCsvTable *table;
  gboolean     *hidden_columns;   /* WARD_SHEET_MAX_COLUMNS */
  gboolean     *column_has_data;  /* hidden columns that held something */
  GPtrArray    *cells;            /* the current row, by column index */
  guint         number;
  gboolean      hidden;
  GArray       *hidden_rows;      /* numbers of hidden rows that held something */
  guint64       n_cells;
};

WardSheetBuilder *
ward_sheet_builder_new (WardCsvTable *table)
{
  WardSheetBuilder *builder = g_new0 (WardSheetBuilder, 1);

  builder->table = table;
  builder->hidden_columns = g_new0 (gboolean, WARD_SHEET_MAX_COLUMNS);
  builder->column_has_data = g_new0 (gboolean, WARD_SHEET_MAX_COLUMNS);
  builder->cells = g_ptr_array_new_with_free_func (g_free);
  builder->hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  return builder;
}

void
ward_sheet_builder_hide_column (WardSheetBuilder *builder,
                                guint             column)
{
  if (column < WARD_SHEET_MAX_COLUMNS)
    builder->hidden_columns[column] = TRUE;
}

void
ward_sheet_builder_begin_row (WardSheetBuilder *builder,
                              guint             number,
                              gboolean          hidden)
{
  g_ptr_array_set_size (builder->cells, 0);
  builder->number = number;
  builder->hidden = hidden;
}

guint
ward_sheet_builder_get_row (WardSheetBuilder *builder)
{
  return builder->number;
}

static gboolean
set_wide_error (WardSheetBuilder  *builder,
                GError           **error)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("Row %u of “%s” has more than %u columns, more than any register "
                 "has: this is not a sheet Ward Tracker can import."),
               builder->number, ward_csv_table_get_display_name (builder->table),
               WARD_CSV_MAX_COLUMNS);
  return FALSE;
}

gboolean
ward_sheet_builder_set_cell (WardSheetBuilder  *builder,
                             guint              column,
                             char              *text,
                             GError           **error)
{
  g_autofree char *owned = text;

  if (owned == NULL || owned[0] == '\0')
    return TRUE;
  if (column >= WARD_CSV_MAX_COLUMNS)
    return set_wide_error (builder, error);
  if (builder->hidden_columns[column])
    {
      builder->column_has_data[column] = TRUE;
      return TRUE;
    }
  if (builder->cells->len <= column)
    g_ptr_array_set_size (builder->cells, column + 1);
  g_free (builder->cells->pdata[column]);
  builder->cells->pdata[column] = g_steal_pointer (&owned);
  return TRUE;
}

gboolean
ward_sheet_builder_end_row (WardSheetBuilder  *builder,
                            guint              repeat,
                            GError           **error)
{
  g_autoptr (GPtrArray) visible = g_ptr_array_new ();

  if (builder->cells->len == 0)
    return TRUE;
  if (builder->hidden)
    {
      g_array_append_val (builder->hidden_rows, builder->number);
      return TRUE;
    }
  for (guint c = 0; c < builder->cells->len; c++)
    if (!builder->hidden_columns[c])
      g_ptr_array_add (visible, builder->cells->pdata[c]);
  for (guint i = 0; i < repeat; i++)
    {
      builder->n_cells += visible->len;
      if (builder->n_cells > WARD_SHEET_MAX_CELLS || builder->number + i > WARD_SHEET_MAX_ROWS)
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_TOO_LARGE,
                       _("Sheet “%s” of “%s” holds more than %u cells: this is not a register "
                         "Ward Tracker can import."), ward_csv_table_get_sheet (builder->table),
                       ward_csv_table_get_display_name (builder->table), WARD_SHEET_MAX_CELLS);
          return FALSE;
        }
      ward_csv_table_add_row (builder->table, builder->number + i,
                              (const char * const *) visible->pdata, visible->len);
    }
  g_ptr_array_set_size (builder->cells, 0);
  return TRUE;
}

static void
note_hidden_rows (WardSheetBuilder *builder)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  g_autofree char *message = NULL;
  guint n = builder->hidden_rows->len;

  if (n == 0)
    return;
  for (guint i = 0; i < MIN (n, NOTE_MAX_ROWS); i++)
    g_string_append_printf (rows, "%s%u", i > 0 ? ", " : "",
                            g_array_index (builder->hidden_rows, guint, i));
  if (n > NOTE_MAX_ROWS)
    g_string_append (rows, ", …");
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u hidden row was ignored: row %s. Show it in the "
                                          "spreadsheet to import it.",
                                          "%u hidden rows were ignored: rows %s. Show them in "
                                          "the spreadsheet to import them.", n),
                             n, rows->str);
  ward_csv_table_add_note (builder->table, 0, NULL, message);
}

static void
note_hidden_columns (WardSheetBuilder *builder)
{
  g_autoptr (GString) columns = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint c = 0; c < WARD_CSV_MAX_COLUMNS; c++)
    if (builder->column_has_data[c])
      {
        g_autofree char *name = ward_sheet_column_name (c);

        g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "", name);
      }
  if (columns->len == 0)
    return;
  message = g_strdup_printf (_("Hidden columns were ignored: %s. Show them in the spreadsheet "
                               "to import them."), columns->str);
  ward_csv_table_add_note (builder->table, 0, NULL, message);
}

gboolean
ward_sheet_builder_finish (WardSheetBuilder  *builder,
                           GError           **error)
{
  gboolean empty = ward_csv_table_get_n_rows (builder->table) == 0;

  note_hidden_rows (builder);
  note_hidden_columns (builder);
  if (empty)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("Sheet “%s” of “%s” is empty: it holds no rows."),
                 ward_csv_table_get_sheet (builder->table),
                 ward_csv_table_get_display_name (builder->table));
  g_free (builder->hidden_columns);
  g_free (builder->column_has_data);
  g_ptr_array_unref (builder->cells);
  g_array_unref (builder->hidden_rows);
  g_free (builder);
  return !empty;
}

/* ---- Zip and XML -------------------------------------------------------- */

static void
set_zip_error (GError         **error,
               const char      *display_name,
               struct archive  *archive)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is a damaged workbook: %s. Open it in Excel or LibreOffice and "
                 "save it again."), display_name,
               archive_error_string (archive) ? archive_error_string (archive) : "zip");
}

static GBytes *
read_entry (struct archive        *archive,
            struct archive_entry  *entry,
            const char            *display_name,
            GError               **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  la_ssize_t n;

  while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
    {
      if (data->len + (guint64) n > WARD_ZIP_ENTRY_MAX)
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_TOO_LARGE,
                       _("“%s” unpacks to more than %u MB: this is not a register's workbook."),
                       display_name, (guint) (WARD_ZIP_ENTRY_MAX / 1000 / 1000));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (n < 0)
    {
      set_zip_error (error, display_name, archive);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GHashTable *
ward_zip_read_entries (GBytes              *zip,
                       const char          *display_name,
                       const char * const  *names,
                       GError             **error)
{
  g_autoptr (GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (zip, &len);
  int status = ARCHIVE_OK;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, len) != ARCHIVE_OK)
    status = ARCHIVE_FATAL;
  while (status == ARCHIVE_OK
         && (status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      GBytes *bytes;

      if (name == NULL || !g_strv_contains (names, name) || g_hash_table_contains (entries, name))
        continue;
      if ((bytes = read_entry (archive, entry, display_name, error)) == NULL)
        {
          archive_read_free (archive);
          return NULL;
        }
      g_hash_table_insert (entries, g_strdup (name), bytes);
    }
  if (status != ARCHIVE_EOF)
    set_zip_error (error, display_name, archive);
  archive_read_free (archive);
  return status == ARCHIVE_EOF ? g_steal_pointer (&entries) : NULL;
}

xmlTextReaderPtr
ward_xml_reader_new (GBytes *xml)
{
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);

  /* No network, no entity substitution, no DTD loading: a workbook needs
   * none of them, and each is a way in for a hostile file. */
  return xmlReaderForMemory (data, (int) MIN (len, G_MAXINT), NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR
                             | XML_PARSE_COMPACT);
}

char *
ward_xml_get_attribute (xmlTextReaderPtr  reader,
                        const char       *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      const xmlChar *local = xmlTextReaderConstLocalName (reader);

      if (local != NULL && g_str_equal ((const char *) local, name))
        {
          xmlChar *raw = xmlTextReaderValue (reader);

          value = g_strdup ((const char *) raw);
          xmlFree (raw);
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

static gboolean
is_node (xmlTextReaderPtr  reader,
         int               type,
         const char       *name)
{
  const xmlChar *local;

  if (xmlTextReaderNodeType (reader) != type)
    return FALSE;
  local = xmlTextReaderConstLocalName (reader);
  return local != NULL && g_str_equal ((const char *) local, name);
}

gboolean
ward_xml_is_element (xmlTextReaderPtr  reader,
                     const char       *name)
{
  return is_node (reader, XML_READER_TYPE_ELEMENT, name);
}

gboolean
ward_xml_is_end (xmlTextReaderPtr  reader,
                 const char       *name)
{
  return is_node (reader, XML_READER_TYPE_END_ELEMENT, name);
}

void
ward_xml_set_error (GError     **error,
                    const char  *display_name,
                    const char  *part)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is a damaged workbook: its part “%s” is not well-formed. Open it in "
                 "Excel or LibreOffice and save it again."), display_name, part);
}
