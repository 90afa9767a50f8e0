/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ward-format.h"
#include "import/ward-import-csv.h"

/* libFuzzer harness for the CSV reader, the column mapping and the value
 * parsers. Besides "no crash, no leak, no undefined behaviour", it checks
 * one property: whatever table the reader makes of the input, writing it
 * with WardCsvWriter and reading it back gives the same rows. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static const char * const name_aliases[] = { "Full name", "Name", NULL };
static const char * const amount_aliases[] = { "Amount", NULL };

static const WardCsvColumn columns[] = {
  { "full_name", "Họ và tên", name_aliases, WARD_CSV_TEXT, TRUE },
  { "birth_date", "Ngày sinh", NULL, WARD_CSV_DATE, TRUE },
  { "amount", "Số tiền", amount_aliases, WARD_CSV_MONEY, FALSE },
  { "member", "Đảng viên", NULL, WARD_CSV_BOOL, FALSE },
  { "rate", "Tỷ lệ", NULL, WARD_CSV_DECIMAL, FALSE },
  { "count", "Số người", NULL, WARD_CSV_INTEGER, TRUE },
};

static void
fuzz_value_parsers (const uint8_t *data,
                    size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *iso = NULL;
  gint64 dong;
  double value;
  gboolean flag;

  if (!g_utf8_validate (text, -1, NULL))
    return;

  if (ward_parse_date (text, &iso, NULL) && (iso == NULL || strlen (iso) != 10))
    abort ();
  ward_parse_money (text, &dong, NULL);
  ward_parse_decimal (text, &value, NULL);
  ward_parse_bool (text, &flag, NULL);
}

static void
fuzz_mapping (WardCsvTable *table)
{
  g_autoptr(GPtrArray) issues = ward_csv_issues_new ();
  g_autoptr(WardCsvMapping) mapping = ward_csv_map (table, columns, G_N_ELEMENTS (columns),
                                                    issues);

  ward_csv_mapping_validate (mapping, issues);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    ward_csv_mapping_get_header (mapping, c);

  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = g_ptr_array_index (issues, i);
      g_autofree char *line = ward_csv_issue_to_string (issue);

      if (line == NULL || !g_utf8_validate (line, -1, NULL) || strchr (line, '\n') != NULL)
        abort ();
    }
}

static GBytes *
write_table (WardCsvTable *table)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(WardCsvWriter) writer = ward_csv_writer_new (stream);

  for (guint row = 0; row < ward_csv_table_get_n_rows (table); row++)
    {
      const char * const *fields = ward_csv_table_get_row (table, row, NULL);

      for (guint i = 0; fields[i] != NULL; i++)
        ward_csv_writer_add_text (writer, fields[i]);
      ward_csv_writer_end_row (writer);
    }

  if (!ward_csv_writer_close (writer, NULL, NULL) || !g_output_stream_close (stream, NULL, NULL))
    abort ();

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
check_round_trip (WardCsvTable *table)
{
  g_autoptr(GBytes) bytes = write_table (table);
  g_autoptr(WardCsvTable) again = ward_csv_read_bytes (bytes, "again.csv", NULL);
  guint n_rows = ward_csv_table_get_n_rows (table);

  if (again == NULL || ward_csv_table_get_n_rows (again) != n_rows
      || ward_csv_table_get_separator (again) != ',')
    abort ();

  for (guint row = 0; row < n_rows; row++)
    {
      guint n, m;
      const char * const *a = ward_csv_table_get_row (table, row, &n);
      const char * const *b = ward_csv_table_get_row (again, row, &m);

      if (n != m)
        abort ();
      for (guint i = 0; i < n; i++)
        if (strcmp (a[i], b[i]) != 0)
          abort ();
    }
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
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(WardCsvTable) table = ward_csv_read_bytes (bytes, "fuzz.csv", &error);

  fuzz_value_parsers (data, size);

  if (table == NULL)
    {
      if (error == NULL || error->message == NULL)
        abort ();
      return 0;
    }

  fuzz_mapping (table);
  check_round_trip (table);

  return 0;
}
