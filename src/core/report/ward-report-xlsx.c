/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "report/ward-report-private.h"
#include "workbook/ward-workbook.h"

/* A report's tables as a workbook, for the province's offices that ask for
 * Excel as often as for paper: one sheet per table under the heading rows
 * of its document, and the key figures on a sheet of their own. The cells
 * were printed as text ("1.250.000", "05/02/2026", "16,5"); a column's
 * type (ward_report_table_set_column_type()) says how to read them back
 * into numbers and dates, and what does not read stays text. */

/* The heading rows above a table: the bodies, the title, the abstract, the
 * period and the table's own section heading. */
typedef struct
{
  WardSheet *sheet;
  guint      row;
  guint      n_columns;
} Writer;

/* A number as the reports print it (ward_format_number(),
 * ward_format_decimal()): "-1.250.000", "16,5", "1.250,75"; an optional
 * " đ" after it. Strict: "1.25" or "12,50,0" are not numbers. */
static gboolean
read_printed_number (const char *text,
                     double     *value_out)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  const char *p = text;
  guint group = 0;
  gboolean grouped = FALSE;

  if (*p == '-')
    g_string_append_c (plain, *p++);
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p) || *p == '.'; p++)
    {
      if (*p == '.')
        {
          if (group == 0 || (grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      g_string_append_c (plain, *p);
      group++;
    }
  if (grouped && group != 3)
    return FALSE;
  if (*p == ',')
    {
      g_string_append_c (plain, '.');
      for (p++; g_ascii_isdigit (*p); p++)
        g_string_append_c (plain, *p);
      if (plain->str[plain->len - 1] == '.')
        return FALSE;
    }
  if (g_str_equal (p, " đ") || g_str_equal (p, " đồng"))
    p += strlen (p);
  if (*p != '\0')
    return FALSE;
  *value_out = g_ascii_strtod (plain->str, NULL);
  return TRUE;
}

static char *
plain_text (const char *markup)
{
  char *text = NULL;

  if (markup == NULL || !pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return text;
}

static void
write_line (Writer        *w,
            const char    *text,
            WardCellStyle  style)
{
  if (text == NULL || text[0] == '\0')
    return;
  ward_sheet_set_across (w->sheet, w->row++, 0, w->n_columns - 1, text, style);
}

/* Each line of @text on a row of its own. */
static void
write_lines (Writer        *w,
             const char    *text,
             WardCellStyle  style)
{
  g_auto (GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    write_line (w, lines[i], style);
}

static void
write_heading (Writer     *w,
               WardReport *owner,
               const char *section)
{
  g_autofree char *subtitle = plain_text (owner->subtitle);
  g_autofree char *number_and_date = NULL;

  write_lines (w, owner->parent_body, WARD_CELL_LEFT);
  write_lines (w, owner->issuing_body, WARD_CELL_LEFT_BOLD);
  if (owner->number != NULL || owner->place_date != NULL)
    {
      number_and_date = g_strdup_printf ("%s%s%s", owner->number != NULL ? owner->number : "",
                                         owner->number != NULL && owner->place_date != NULL
                                         ? "    " : "",
                                         owner->place_date != NULL ? owner->place_date : "");
      write_line (w, number_and_date, WARD_CELL_LEFT);
    }
  if (w->row > 0)
    w->row++;
  write_lines (w, owner->title, WARD_CELL_TITLE);
  write_lines (w, owner->abstract, WARD_CELL_TITLE);
  write_lines (w, subtitle, WARD_CELL_SUBTITLE);
  w->row++;
  write_line (w, section, WARD_CELL_LEFT_BOLD);
}

static void
write_cell (Writer             *w,
            guint               column,
            const char         *text,
            WardReportCellType  type,
            WardReportAlign     align,
            gboolean            bold)
{
  WardCellStyle style;
  double number;

  if (text != NULL && text[0] != '\0')
    switch (type)
      {
      case WARD_REPORT_CELL_INTEGER:
      case WARD_REPORT_CELL_DECIMAL:
        if (read_printed_number (text, &number))
          {
            ward_sheet_set_number (w->sheet, w->row, column, number,
                                   type == WARD_REPORT_CELL_DECIMAL ? WARD_NUMBER_DECIMAL
                                                                    : WARD_NUMBER_INTEGER, bold);
            return;
          }
        break;
      case WARD_REPORT_CELL_DATE:
        {
          g_autofree char *iso = NULL;

          if (ward_parse_date (text, &iso, NULL)
              && ward_sheet_set_date (w->sheet, w->row, column, iso, bold))
            return;
        }
        break;
      case WARD_REPORT_CELL_TEXT:
      default:
        break;
      }
  /* Text keeps the column's alignment on paper when centred; numbers and
   * dates keep Excel's own. */
  if (align == WARD_REPORT_ALIGN_CENTER)
    style = bold ? WARD_CELL_CENTER_BOLD : WARD_CELL_CENTER;
  else
    style = bold ? WARD_CELL_BOLD : WARD_CELL_PLAIN;
  ward_sheet_set_text (w->sheet, w->row, column, text, style);
}

static void
write_rows (Writer          *w,
            WardReportTable *table)
{
  guint n_columns = ward_report_table_get_n_columns (table);

  for (guint r = 0; r < ward_report_table_get_n_rows (table); r++, w->row++)
    {
      guint kind = ward_report_table_get_row_kind (table, r);

      if (kind == 2)
        {
          /* A group's heading spans the table, as printed. */
          ward_sheet_set_text (w->sheet, w->row, 0, ward_report_table_get_cell (table, r, 0),
                               WARD_CELL_BOLD);
          for (guint c = 1; c < n_columns; c++)
            ward_sheet_set_text (w->sheet, w->row, c, NULL, WARD_CELL_BOLD);
          continue;
        }
      for (guint c = 0; c < n_columns; c++)
        write_cell (w, c, ward_report_table_get_cell (table, r, c),
                    ward_report_table_get_column_type (table, c),
                    ward_report_table_get_align (table, c), kind == 1);
    }
}

/* @name without a section's number ("II. ") and from its first line
 * break or parenthesis on; NULL when nothing is left. */
static char *
cut_name (const char *name)
{
  if (name == NULL)
    return NULL;
  if (strchr ("IVX", name[0]) != NULL)
    {
      const char *dot = strstr (name, ". ");

      if (dot != NULL && dot - name <= 5)
        name = dot + 2;
    }
  name += strspn (name, " ");
  if (strcspn (name, "\n(") == 0)
    return NULL;
  return g_strndup (name, strcspn (name, "\n("));
}

/* The sheet is named after the table's section ("II. Phân loại theo loại
 * hình": "Phân loại theo loại hình"), else the document's subtitle (a
 * group's name), else its type in sentence case ("Danh sách"). */
static char *
sheet_name_for (Block *block)
{
  g_autofree char *subtitle = plain_text (block->owner->subtitle);
  g_autofree char *type = NULL;
  char *name = cut_name (block->section);

  if (name == NULL)
    name = cut_name (subtitle);
  if (name == NULL && block->owner->title != NULL)
    {
      type = g_utf8_strdown (block->owner->title, -1);
      name = g_strdup_printf ("%C%s", g_unichar_toupper (g_utf8_get_char (type)),
                              g_utf8_next_char (type));
    }
  return name != NULL ? name : g_strdup ("Bảng");
}

static void
write_table (WardWorkbook *book,
             Block        *block)
{
  WardReportTable *table = block->table;
  g_autofree char *name = sheet_name_for (block);
  Writer w = { ward_workbook_add_sheet (book, name), 0, ward_report_table_get_n_columns (table) };

  write_heading (&w, block->owner, block->section);
  for (guint c = 0; c < w.n_columns; c++)
    ward_sheet_set_text (w.sheet, w.row, c, ward_report_table_get_header (table, c),
                         WARD_CELL_HEADER);
  w.row++;
  ward_sheet_freeze_rows (w.sheet, w.row);
  write_rows (&w, table);
}

/* "Tổng số tiền đã nhận ... 1.250.000 đ": the key figures, one a row. */
static void
write_key_values (WardWorkbook *book,
                  WardReport   *self,
                  GPtrArray    *blocks)
{
  Writer w = { NULL, 0, 2 };

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      double number;

      if (block->kind != BLOCK_KEY_VALUE)
        continue;
      if (w.sheet == NULL)
        {
          w.sheet = ward_workbook_add_sheet (book, "Số liệu chính");
          write_heading (&w, self, NULL);
          ward_sheet_set_text (w.sheet, w.row, 0, "Nội dung", WARD_CELL_HEADER);
          ward_sheet_set_text (w.sheet, w.row, 1, "Số liệu", WARD_CELL_HEADER);
          ward_sheet_freeze_rows (w.sheet, ++w.row);
        }
      ward_sheet_set_text (w.sheet, w.row, 0, block->text, WARD_CELL_PLAIN);
      if (read_printed_number (block->value, &number))
        ward_sheet_set_number (w.sheet, w.row, 1, number,
                               number == (gint64) number ? WARD_NUMBER_INTEGER : WARD_NUMBER_DECIMAL,
                               FALSE);
      else
        ward_sheet_set_text (w.sheet, w.row, 1, block->value, WARD_CELL_PLAIN);
      w.row++;
    }
}

gboolean
ward_report_write_xlsx (WardReport       *self,
                        const char       *path,
                        WardOutputFlags   flags,
                        GError          **error)
{
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (WardWorkbook) book = NULL;
  g_autofree char *title = NULL;
  guint n_tables = 0;

  g_return_val_if_fail (WARD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  blocks = ward_report_collect_blocks (self);
  title = g_strjoin (" ", self->title != NULL ? self->title : "",
                     self->abstract != NULL ? self->abstract : "", NULL);
  book = ward_workbook_new (path, flags, g_strstrip (title), self->document_date, error);
  if (book == NULL)
    return FALSE;
  write_key_values (book, self, blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->kind == BLOCK_TABLE)
        {
          write_table (book, block);
          n_tables++;
        }
    }
  if (n_tables == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("This document has no table to save as a workbook; print it or "
                             "save it as PDF."));
      return FALSE;
    }
  return ward_workbook_close (g_steal_pointer (&book), error);
}
