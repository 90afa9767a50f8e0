/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-workbook"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "import/ward-import-workbook.h"

/* libFuzzer harness for the workbook readers. The first byte says what the
 * rest is, so that the fuzzer mutates XML rather than deflated bytes:
 *
 *   0  a whole file (.xlsx, .ods, .xls or anything else)
 *   1  an .xlsx sheet part, put in a workbook with one sheet
 *   2  an .xlsx shared strings part, beside a sheet that uses them
 *   3  an .xlsx styles part, beside a sheet with styled numbers
 *   4  an .ods content.xml
 *
 * Besides "no crash, no leak, no undefined behaviour", it checks that a
 * refusal says why and that a table never has a row wider than the limit.
 *
 * Under libFuzzer, .xls files are left out: FreeXL 1.0.6 (Debian 12's) reads
 * past its record buffer when a string's length in the file is longer than
 * the record (parse_unicode_string(), found by this harness within seconds),
 * a fault in the library that the fuzzer would report on every run. The
 * plain driver still reads the .xls seeds. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static const char workbook[] =
  "<workbook xmlns:r=\"r\"><workbookPr date1904=\"0\"/><sheets>"
  "<sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" state=\"hidden\" r:id=\"rId1\"/>"
  "</sheets></workbook>";
static const char rels[] =
  "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char sheet[] =
  "<worksheet><cols><col min=\"2\" max=\"2\" hidden=\"1\"/></cols><sheetData>"
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>46027</v></c>"
  "<c r=\"C1\" s=\"2\"><v>0.5</v></c></row></sheetData></worksheet>";
static const char strings[] = "<sst><si><t>Số biên lai</t></si></sst>";
static const char styles[] =
  "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
  "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"9\"/></cellXfs></styleSheet>";

static void
add_entry (struct archive *zip,
           const char     *name,
           const void     *data,
           size_t          size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_write_header (zip, entry);
  archive_write_data (zip, data, size);
  archive_entry_free (entry);
}

/* A zip of @parts (name, data, size; NULL data: the fuzzed bytes). */
static GBytes *
make_zip (const char * const *names,
          const char * const *texts,
          guint               n,
          const uint8_t      *data,
          size_t              size)
{
  size_t capacity = size + 64 * 1024;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;
  struct archive *zip = archive_write_new ();

  archive_write_set_format_zip (zip);
  archive_write_open_memory (zip, buffer, capacity, &used);
  for (guint i = 0; i < n; i++)
    add_entry (zip, names[i], texts[i] ? (const void *) texts[i] : data,
               texts[i] ? strlen (texts[i]) : size);
  archive_write_close (zip);
  archive_write_free (zip);
  return g_bytes_new_take (buffer, used);
}

static GBytes *
wrap (uint8_t        mode,
      const uint8_t *data,
      size_t         size)
{
  const char *xlsx[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                         "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" };
  const char *texts[] = { workbook, rels, sheet, strings, styles };
  const char *ods[] = { "mimetype", "content.xml" };
  const char *ods_texts[] = { "application/vnd.oasis.opendocument.spreadsheet", NULL };

  switch (mode)
    {
    case 1:
    case 2:
    case 3:
      texts[mode + 1] = NULL;
      return make_zip (xlsx, texts, G_N_ELEMENTS (xlsx), data, size);
    case 4:
      return make_zip (ods, ods_texts, G_N_ELEMENTS (ods), data, size);
    case 0:
    default:
      return g_bytes_new (data, size);
    }
}

/* FreeXL reads files: an .xls goes through a temporary one. */
static WardCsvTable *
read_workbook (GBytes  *bytes,
               GError **error)
{
  g_autofree char *path = NULL;
  WardCsvTable *table;
  int fd;

  if (ward_workbook_sniff (bytes) != WARD_WORKBOOK_XLS)
    return ward_workbook_read_bytes (bytes, "fuzz", NULL, NULL, error);
#ifdef WARD_LIBFUZZER
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "an .xls, not fuzzed");
  return NULL;
#endif
  fd = g_file_open_tmp ("fuzz-XXXXXX.xls", &path, NULL);
  if (fd < 0)
    abort ();
  if (write (fd, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
      != (ssize_t) g_bytes_get_size (bytes))
    abort ();
  close (fd);
  table = ward_workbook_read_bytes (bytes, "fuzz", path, NULL, error);
  g_unlink (path);
  return table;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail() tripped by input is a bug like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WardCsvTable) table = NULL;

  if (size == 0)
    return 0;
  bytes = wrap (data[0] % 5, data + 1, size - 1);
  table = read_workbook (bytes, &error);
  if (table == NULL)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  for (guint r = 0; r < ward_csv_table_get_n_rows (table); r++)
    {
      guint n_fields;

      ward_csv_table_get_row (table, r, &n_fields);
      if (n_fields > WARD_CSV_MAX_COLUMNS)
        abort ();
    }
  return 0;
}
