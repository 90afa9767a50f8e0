/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-workbook"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "base/ward-error.h"
#include "base/ward-output.h"
#include "workbook/ward-workbook.h"

/* A thin layer over libxlsxwriter: the formats every sheet shares, sheet
 * names Excel accepts, column widths that fit what was written, and the
 * file written through ward_output_open(): libxlsxwriter writes the
 * partial file by its name, ward_output_commit() puts it in place. */

/* The font of the cells: the one Vietnamese offices write documents in
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I: Times New Roman); LibreOffice shows
 * Liberation Serif, which has its metrics. */
#define CELL_FONT       "Times New Roman"
#define CELL_SIZE       12
#define TITLE_SIZE      13
#define LINE_HEIGHT     16.0   /* points, a line of CELL_SIZE text */
#define MIN_WIDTH       5.0    /* characters */
#define MAX_WIDTH       48.0   /* longer text wraps */
#define SHEET_NAME_MAX  31     /* Excel's limit */
#define PAPER_A4        9      /* Excel's paper code for A4 */
#define PORTRAIT_WIDTH  100.0  /* characters across portrait A4 at 12 pt; wider: landscape */
/* The number formats, tagged vi-VN (LCID 0x042A): "." between thousands and
 * "," before decimals in LibreOffice whatever its language. */
#define VI_LOCALE       "[$-42A]"

typedef enum
{
  FMT_PLAIN,
  FMT_BOLD,
  FMT_HEADER,
  FMT_TITLE,
  FMT_SUBTITLE,
  FMT_LEFT,
  FMT_LEFT_BOLD,
  FMT_CENTER,
  FMT_CENTER_BOLD,
  FMT_INTEGER,
  FMT_INTEGER_BOLD,
  FMT_DECIMAL,
  FMT_DECIMAL_BOLD,
  FMT_DATE,
  FMT_DATE_BOLD,
  N_FORMATS
} FormatIndex;

struct _WardWorkbook
{
  lxw_workbook      *book;
  lxw_doc_properties properties;
  char              *path;
  WardOutput        *output;   /* the partial file beside @path */
  char              *title;
  GPtrArray         *sheets;   /* WardSheet */
  GHashTable        *names;    /* lower-case sheet names */
  lxw_format        *formats[N_FORMATS];
  lxw_error          failure;  /* the first write that failed */
  locale_t           c_numeric; /* see in_c_numeric() */
};

struct _WardSheet
{
  WardWorkbook  *book;
  lxw_worksheet *sheet;
  GArray        *widths;       /* double, characters */
  guint          n_rows;
  guint          row;          /* the row being written */
  double         row_height;   /* points, set when a cell needs more than a line */
};

/* ---- Formats ------------------------------------------------------------ */

/* libxlsxwriter writes numbers (cell values, row heights, column widths,
 * margins) with printf, in the locale of the thread: under vi_VN it would
 * write "0,7", which no reader takes. Every call into it that may write
 * runs with the C locale's numbers (this thread only), then gives the
 * caller's back. */
static locale_t
in_c_numeric (WardWorkbook *self)
{
  return uselocale (self->c_numeric);
}

static lxw_format *
new_format (WardWorkbook *self,
            gboolean      bold,
            gboolean      border)
{
  lxw_format *format = workbook_add_format (self->book);

  format_set_font_name (format, CELL_FONT);
  format_set_font_size (format, CELL_SIZE);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static void
make_formats (WardWorkbook *self)
{
  lxw_format **f = self->formats;

  f[FMT_PLAIN] = new_format (self, FALSE, TRUE);
  format_set_text_wrap (f[FMT_PLAIN]);
  f[FMT_BOLD] = new_format (self, TRUE, TRUE);
  format_set_text_wrap (f[FMT_BOLD]);
  f[FMT_HEADER] = new_format (self, TRUE, TRUE);
  format_set_text_wrap (f[FMT_HEADER]);
  format_set_align (f[FMT_HEADER], LXW_ALIGN_CENTER);
  format_set_bg_color (f[FMT_HEADER], 0xEDEDED);
  f[FMT_TITLE] = new_format (self, TRUE, FALSE);
  format_set_font_size (f[FMT_TITLE], TITLE_SIZE);
  format_set_align (f[FMT_TITLE], LXW_ALIGN_CENTER_ACROSS);
  f[FMT_SUBTITLE] = new_format (self, FALSE, FALSE);
  format_set_italic (f[FMT_SUBTITLE]);
  format_set_align (f[FMT_SUBTITLE], LXW_ALIGN_CENTER_ACROSS);
  f[FMT_LEFT] = new_format (self, FALSE, FALSE);
  f[FMT_LEFT_BOLD] = new_format (self, TRUE, FALSE);
  for (int bold = 0; bold < 2; bold++)
    {
      f[FMT_CENTER + bold] = new_format (self, bold, TRUE);
      format_set_text_wrap (f[FMT_CENTER + bold]);
      format_set_align (f[FMT_CENTER + bold], LXW_ALIGN_CENTER);
    }
  for (int bold = 0; bold < 2; bold++)
    {
      f[FMT_INTEGER + bold] = new_format (self, bold, TRUE);
      format_set_num_format (f[FMT_INTEGER + bold], VI_LOCALE "#,##0");
      f[FMT_DECIMAL + bold] = new_format (self, bold, TRUE);
      format_set_num_format (f[FMT_DECIMAL + bold], VI_LOCALE "#,##0.0##");
      f[FMT_DATE + bold] = new_format (self, bold, TRUE);
      format_set_num_format (f[FMT_DATE + bold], VI_LOCALE "dd/mm/yyyy");
      format_set_align (f[FMT_DATE + bold], LXW_ALIGN_CENTER);
    }
}

static lxw_format *
style_format (WardWorkbook  *self,
              WardCellStyle  style)
{
  static const FormatIndex index[] = {
    [WARD_CELL_PLAIN] = FMT_PLAIN,
    [WARD_CELL_BOLD] = FMT_BOLD,
    [WARD_CELL_HEADER] = FMT_HEADER,
    [WARD_CELL_TITLE] = FMT_TITLE,
    [WARD_CELL_SUBTITLE] = FMT_SUBTITLE,
    [WARD_CELL_LEFT] = FMT_LEFT,
    [WARD_CELL_LEFT_BOLD] = FMT_LEFT_BOLD,
    [WARD_CELL_CENTER] = FMT_CENTER,
    [WARD_CELL_CENTER_BOLD] = FMT_CENTER_BOLD,
  };

  return self->formats[index[style]];
}

/* ---- The workbook ------------------------------------------------------- */

static void
sheet_free (gpointer data)
{
  WardSheet *sheet = data;

  g_array_unref (sheet->widths);
  g_free (sheet);
}

static time_t
creation_time (const char *date_iso)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) time = NULL;
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64 / 2, &seconds, NULL))
    return (time_t) seconds;
  if (date_iso != NULL && strlen (date_iso) >= 10)
    {
      int year = 0, month = 0, day = 0;

      if (sscanf (date_iso, "%4d-%2d-%2d", &year, &month, &day) == 3
          && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        time = g_date_time_new_utc (year, month, day, 0, 0, 0);
    }
  return time != NULL ? (time_t) g_date_time_to_unix (time) : 0;
}

static gboolean
set_file_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR,
               saved_errno == ENOSPC ? WARD_ERROR_DISK_FULL
               : saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
               ? WARD_ERROR_READ_ONLY : WARD_ERROR_FAILED,
               _("Could not save the workbook as “%s”: %s."), display, g_strerror (saved_errno));
  return FALSE;
}

WardWorkbook *
ward_workbook_new (const char       *path,
                   WardOutputFlags   flags,
                   const char       *title,
                   const char       *date_iso,
                   GError          **error)
{
  g_autoptr (WardWorkbook) self = g_new0 (WardWorkbook, 1);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  self->sheets = g_ptr_array_new_with_free_func (sheet_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The one rule of every output; libxlsxwriter writes the partial file
   * whole at close, by its name. */
  self->output = ward_output_open (path, flags, error);
  if (self->output == NULL)
    return NULL;

  self->book = workbook_new_opt (ward_output_get_partial_path (self->output), &options);
  if (self->book == NULL)
    {
      set_file_error (error, path, ENOMEM);
      return NULL;
    }
  self->title = g_strdup (title);
  self->properties.title = self->title;
  self->properties.author = (char *) "Ward Tracker";
  self->properties.created = creation_time (date_iso);
  workbook_set_properties (self->book, &self->properties);
  make_formats (self);
  return g_steal_pointer (&self);
}

/* Excel refuses []:*?/\ in a sheet's name, more than 31 characters, and
 * two sheets of the same name in any case. */
static char *
valid_sheet_name (WardWorkbook *self,
                  const char   *name)
{
  g_autoptr (GString) clean = g_string_new (NULL);

  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\\n'", (int) c) != NULL && c < 128)
        c = ' ';
      if (c == ' ' && (clean->len == 0 || clean->str[clean->len - 1] == ' '))
        continue;
      g_string_append_unichar (clean, c);
    }
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, "Bảng");

  for (guint n = 1;; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong room = SHEET_NAME_MAX - g_utf8_strlen (suffix, -1);
      g_autofree char *head = g_utf8_substring (clean->str, 0, MIN (room, g_utf8_strlen (clean->str, -1)));
      g_autofree char *candidate = g_strconcat (g_strchomp (head), suffix, NULL);
      char *key = g_utf8_strdown (candidate, -1);

      if (g_hash_table_add (self->names, key))
        return g_steal_pointer (&candidate);
    }
}

WardSheet *
ward_workbook_add_sheet (WardWorkbook *self,
                         const char   *name)
{
  g_autofree char *valid = NULL;
  WardSheet *sheet;

  g_return_val_if_fail (self != NULL, NULL);

  valid = valid_sheet_name (self, name);
  sheet = g_new0 (WardSheet, 1);
  sheet->book = self;
  sheet->sheet = workbook_add_worksheet (self->book, valid);
  /* Printed: on A4, as wide as the paper, as long as it needs. */
  worksheet_set_paper (sheet->sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet->sheet, 1, 0);
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));
  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}


/* The column widths, fitted to what each column holds; a wide sheet is
 * printed across the paper. */
static void
set_widths (WardSheet *sheet)
{
  double total = 0;

  for (guint c = 0; c < sheet->widths->len; c++)
    {
      double width = ward_sheet_get_width (sheet, c);

      worksheet_set_column (sheet->sheet, (lxw_col_t) c, (lxw_col_t) c, width, NULL);
      total += width;
    }
  if (total > PORTRAIT_WIDTH)
    worksheet_set_landscape (sheet->sheet);
}

gboolean
ward_workbook_close (WardWorkbook  *self,
                     GError       **error)
{
  g_autofree char *base = NULL;
  lxw_error status;
  locale_t old;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->sheets->len; i++)
    set_widths (self->sheets->pdata[i]);
  old = in_c_numeric (self);
  status = workbook_close (self->book);
  uselocale (old);
  self->book = NULL;
  if (status == LXW_NO_ERROR)
    status = self->failure;
  if (status != LXW_NO_ERROR)
    {
      base = g_filename_display_basename (self->path);
      g_set_error (error, WARD_ERROR,
                   status == LXW_ERROR_CREATING_XLSX_FILE || status == LXW_ERROR_CREATING_TMPFILE
                   ? WARD_ERROR_DISK_FULL : WARD_ERROR_FAILED,
                   _("Could not save the workbook “%s”: %s."), base, lxw_strerror (status));
      ward_workbook_free (self);
      return FALSE;
    }
  if (!ward_output_commit (self->output, error))
    {
      ward_workbook_free (self);
      return FALSE;
    }
  ward_workbook_free (self);
  return TRUE;
}

void
ward_workbook_free (WardWorkbook *self)
{
  if (self == NULL)
    return;
  /* Unclosed: libxlsxwriter frees what it holds only on close; close it
   * and drop the file. */
  if (self->book != NULL)
    {
      locale_t old = in_c_numeric (self);

      workbook_close (self->book);
      uselocale (old);
    }
  /* Uncommitted, the partial file is removed. */
  g_clear_pointer (&self->output, ward_output_free);
  g_ptr_array_unref (self->sheets);
  g_hash_table_unref (self->names);
  g_free (self->path);
  g_free (self->title);
  if (self->c_numeric != (locale_t) 0)
    freelocale (self->c_numeric);
  g_free (self);
}

/* ---- Cells -------------------------------------------------------------- */

/* Runs @call, a libxlsxwriter call on @sheet, with C numbers, and keeps
 * its status if it is the first failure. */
#define WRITE(sheet, call) \
  G_STMT_START \
  { \
    locale_t old_locale_ = in_c_numeric ((sheet)->book); \
    note ((sheet), (call)); \
    uselocale (old_locale_); \
  } \
  G_STMT_END

static void
note (WardSheet *sheet,
      lxw_error  status)
{
  if (status != LXW_NO_ERROR && sheet->book->failure == LXW_NO_ERROR)
    sheet->book->failure = status;
}

/* Rows go in order: a new row starts when a cell of a later one comes. */
static void
begin_cell (WardSheet *sheet,
            guint      row)
{
  g_return_if_fail (row >= sheet->row || sheet->n_rows == 0);

  if (row != sheet->row || sheet->n_rows == 0)
    {
      sheet->row = row;
      sheet->row_height = 0;
    }
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
}

/* Widens @column to hold @chars characters. */
static void
fit (WardSheet *sheet,
     guint      column,
     double     chars)
{
  if (column >= sheet->widths->len)
    g_array_set_size (sheet->widths, column + 1);
  if (chars > g_array_index (sheet->widths, double, column))
    g_array_index (sheet->widths, double, column) = chars;
}

/* The longest line of @text and how many lines it has. */
static double
longest_line (const char *text,
              guint      *n_lines)
{
  double longest = 0;

  *n_lines = 0;
  for (const char *line = text; line != NULL; (*n_lines)++)
    {
      const char *end = strchr (line, '\n');
      glong length = g_utf8_strlen (line, end != NULL ? end - line : -1);

      longest = MAX (longest, (double) length);
      line = end != NULL ? end + 1 : NULL;
    }
  return longest;
}

/* A header of several lines needs its height: Excel fits the height of a
 * wrapped cell but keeps a header's explicit line breaks on one line. */
static void
fit_height (WardSheet *sheet,
            guint      n_lines)
{
  double height = n_lines * LINE_HEIGHT;

  if (n_lines > 1 && height > sheet->row_height)
    {
      sheet->row_height = height;
      WRITE (sheet, worksheet_set_row (sheet->sheet, sheet->row, height, NULL));
    }
}

void
ward_sheet_set_text (WardSheet     *sheet,
                     guint          row,
                     guint          column,
                     const char    *text,
                     WardCellStyle  style)
{
  lxw_format *format;
  guint n_lines = 1;

  g_return_if_fail (sheet != NULL);

  begin_cell (sheet, row);
  format = style_format (sheet->book, style);
  if (text == NULL || text[0] == '\0')
    {
      WRITE (sheet, worksheet_write_blank (sheet->sheet, row, (lxw_col_t) column, format));
      return;
    }
  fit (sheet, column, longest_line (text, &n_lines));
  if (style == WARD_CELL_HEADER)
    fit_height (sheet, n_lines);
  WRITE (sheet, worksheet_write_string (sheet->sheet, row, (lxw_col_t) column, text, format));
}

void
ward_sheet_set_number (WardSheet        *sheet,
                       guint             row,
                       guint             column,
                       double            value,
                       WardNumberFormat  number_format,
                       gboolean          bold)
{
  FormatIndex index = number_format == WARD_NUMBER_DECIMAL ? FMT_DECIMAL : FMT_INTEGER;
  char digits[G_ASCII_DTOSTR_BUF_SIZE];
  double chars;

  g_return_if_fail (sheet != NULL);

  begin_cell (sheet, row);
  /* As shown: the digits, a separator every three, a sign and decimals. */
  g_ascii_formatd (digits, sizeof digits, "%.0f", value < 0 ? -value : value);
  chars = strlen (digits) + (strlen (digits) - 1) / 3 + (value < 0) + (index == FMT_DECIMAL ? 4 : 0);
  fit (sheet, column, chars);
  WRITE (sheet, worksheet_write_number (sheet->sheet, row, (lxw_col_t) column, value,
                                       sheet->book->formats[index + (bold ? 1 : 0)]));
}

gboolean
ward_sheet_set_date (WardSheet  *sheet,
                     guint       row,
                     guint       column,
                     const char *iso,
                     gboolean    bold)
{
  lxw_datetime date = { 0 };
  int year, month, day, consumed = 0;

  g_return_val_if_fail (sheet != NULL, FALSE);

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3
      || consumed != 10 || iso[10] != '\0'
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  begin_cell (sheet, row);
  date.year = year;
  date.month = month;
  date.day = day;
  fit (sheet, column, 10);
  WRITE (sheet, worksheet_write_datetime (sheet->sheet, row, (lxw_col_t) column, &date,
                                         sheet->book->formats[FMT_DATE + (bold ? 1 : 0)]));
  return TRUE;
}

void
ward_sheet_set_across (WardSheet     *sheet,
                       guint          row,
                       guint          first,
                       guint          last,
                       const char    *text,
                       WardCellStyle  style)
{
  lxw_format *format;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (last >= first);

  begin_cell (sheet, row);
  format = style_format (sheet->book, style);
  /* "Centre across selection" rather than a merge: the text stays in the
   * first cell, where a reader's formulas find it, and the blank cells
   * after it carry the same format. */
  WRITE (sheet, worksheet_write_string (sheet->sheet, row, (lxw_col_t) first,
                                       text != NULL ? text : "", format));
  if (style == WARD_CELL_TITLE || style == WARD_CELL_SUBTITLE)
    for (guint c = first + 1; c <= last; c++)
      WRITE (sheet, worksheet_write_blank (sheet->sheet, row, (lxw_col_t) c, format));
}

void
ward_sheet_freeze_rows (WardSheet *sheet,
                        guint      n_rows)
{
  g_return_if_fail (sheet != NULL);

  worksheet_freeze_panes (sheet->sheet, (lxw_row_t) n_rows, 0);
  /* The header row, the last of them, on every printed page. */
  if (n_rows > 0)
    WRITE (sheet, worksheet_repeat_rows (sheet->sheet, (lxw_row_t) (n_rows - 1),
                                         (lxw_row_t) (n_rows - 1)));
}

guint
ward_sheet_get_n_rows (WardSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_rows;
}

double
ward_sheet_get_width (WardSheet *sheet,
                      guint      column)
{
  g_return_val_if_fail (sheet != NULL, 0);

  if (column >= sheet->widths->len)
    return MIN_WIDTH;
  return CLAMP (g_array_index (sheet->widths, double, column) * 1.1 + 2, MIN_WIDTH, MAX_WIDTH);
}
