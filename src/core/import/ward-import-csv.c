/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "base/ward-output.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "import/ward-import-csv.h"
#include "workbook/ward-workbook.h"

/* How many rows the separator and header detection look at. */
#define SAMPLE_ROWS 30
#define HEADER_SEARCH_ROWS 10
/* A value longer than this is shortened in an issue line. */
#define ISSUE_VALUE_CHARS 60
/* The stream writer hands its buffer over once it holds this much. */
#define WRITER_FLUSH_SIZE (64 * 1024)

typedef struct
{
  guint first_field;  /* index into WardCsvTable.fields */
  guint n_fields;
  guint number;       /* the row number Excel shows */
} WardCsvRow;

struct _WardCsvTable
{
  char            *display_name;
  WardCsvEncoding  encoding;
  char             separator;
  char            *text;    /* the decoded file; fields point into it */
  GStringChunk    *cells;   /* a workbook's cells; fields point into it */
  GPtrArray       *fields;  /* every row's fields, each row NULL-terminated */
  GArray          *rows;    /* WardCsvRow, blank rows left out */
  char            *sheet;   /* a workbook's sheet; NULL for CSV */
  GStrv            sheets;  /* every sheet of the workbook, in order */
  GPtrArray       *notes;   /* WardCsvIssues the reader found (hidden rows…) */
};

struct _WardCsvMapping
{
  WardCsvTable        *table;
  const WardCsvColumn *columns;
  guint                n_columns;
  guint                header_row;   /* index in table->rows */
  int                 *field_index;  /* per column; -1 when the file lacks it */
  GArray              *records;      /* index in table->rows of each record */
  GArray              *totals;       /* index in table->rows of each total row */
  GHashTable          *map;          /* the clerk's mapping: header key -> column + 1 */
};

struct _WardCsvWriter
{
  GOutputStream *stream;  /* NULL when writing to @path */
  char          *path;
  WardOutputFlags flags;  /* for @path: whether an existing file may be replaced */
  GString       *buffer;
  gboolean       row_started;
  gboolean       closed;
  GError        *error;   /* the first failed write */
  GPtrArray     *cells;   /* for cells: the row's fields as written, unquoted */
  WardWorkbook  *book;    /* a workbook instead of CSV; NULL if it could not be made */
  WardSheet     *sheet;
  gboolean       to_workbook;
  guint          row;
  guint          column;
};

/* Where the splitter stands. Each field is unquoted within its own bytes
 * and NUL-terminated where its separator or closing quote was, so fields
 * point into the decoded text and nothing is copied. */
typedef struct
{
  char     *r;
  char     *end;
  char      separator;
  gboolean  stop[256];  /* separator, CR, LF */
} Cursor;

/* ---- Issues ------------------------------------------------------------- */

WardCsvIssue *
ward_csv_issue_new (WardCsvSeverity  severity,
                    const char      *file,
                    guint            row,
                    const char      *column,
                    const char      *value,
                    const char      *message)
{
  WardCsvIssue *issue = g_new0 (WardCsvIssue, 1);

  issue->severity = severity;
  issue->file = g_strdup (file);
  issue->row = row;
  issue->column = g_strdup (column);
  issue->value = g_strdup (value);
  issue->message = g_strdup (message);

  return issue;
}

void
ward_csv_issue_free (WardCsvIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->file);
  g_free (issue->column);
  g_free (issue->value);
  g_free (issue->message);
  g_free (issue);
}

GPtrArray *
ward_csv_issues_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ward_csv_issue_free);
}

guint
ward_csv_issues_count (GPtrArray       *issues,
                       WardCsvSeverity  severity)
{
  guint count = 0;

  g_return_val_if_fail (issues != NULL, 0);

  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == severity)
        count++;
    }

  return count;
}

/* A long value or header is cut short in an issue line. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;

  if (text == NULL || g_utf8_strlen (text, -1) <= ISSUE_VALUE_CHARS)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, ISSUE_VALUE_CHARS);
  return g_strconcat (head, "…", NULL);
}

static char *
format_issue (const WardCsvIssue *issue,
              const char         *column,
              const char         *value)
{
  const char *file = issue->file != NULL ? issue->file : "";
  const char *message = issue->message != NULL ? issue->message : "";

  if (issue->row == 0)
    /* Translators: file name, then what is wrong. */
    return g_strdup_printf (_("%s: %s"), file, message);

  if (column != NULL && value != NULL)
    /* Translators: file name, row number, column header, the cell's value,
     * what is wrong. E.g. "members.csv, row 7, column «Ngày sinh»:
     * “31/02/1990” — This date does not exist." */
    return g_strdup_printf (_("%s, row %u, column «%s»: “%s” — %s"),
                            file, issue->row, column, value, message);
  if (column != NULL)
    /* Translators: file name, row number, column header, what is wrong. */
    return g_strdup_printf (_("%s, row %u, column «%s»: %s"),
                            file, issue->row, column, message);
  if (value != NULL)
    /* Translators: file name, row number, a value of the row, what is wrong. */
    return g_strdup_printf (_("%s, row %u: “%s” — %s"), file, issue->row, value, message);

  /* Translators: file name, row number, what is wrong. */
  return g_strdup_printf (_("%s, row %u: %s"), file, issue->row, message);
}

char *
ward_csv_issue_to_string (const WardCsvIssue *issue)
{
  g_autofree char *column = NULL;
  g_autofree char *value = NULL;
  char *line;

  g_return_val_if_fail (issue != NULL, NULL);

  column = shorten (issue->column);
  /* The value parsers quote the value in their message already. */
  if (issue->value != NULL && issue->value[0] != '\0'
      && (issue->message == NULL || strstr (issue->message, issue->value) == NULL))
    value = shorten (issue->value);

  /* One line, whatever the cells hold. */
  line = format_issue (issue, column, value);
  for (char *p = line; *p != '\0'; p++)
    if (*p == '\r' || *p == '\n' || *p == '\t')
      *p = ' ';

  return line;
}

static void
add_issue (GPtrArray       *issues,
           WardCsvSeverity  severity,
           WardCsvTable    *table,
           guint            row_number,
           const char      *column,
           const char      *value,
           const char      *message)
{
  if (issues == NULL)
    return;

  g_ptr_array_add (issues, ward_csv_issue_new (severity, table->display_name, row_number,
                                               column, value, message));
}

/* ---- Spreadsheet formulas ------------------------------------------------
 *
 * A text beginning with = + - @ is run as a formula when Excel opens the file
 * (CSV injection), so the writer puts an apostrophe before it and the reader
 * takes one apostrophe away again. Numbers such as "-5" and a lone "-" are
 * left alone. The rule skips leading apostrophes, so that a text that really
 * begins with "'=" also comes back unchanged. */

static gboolean
is_plain_number (const char *text)
{
  const char *p = text;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',')
      return FALSE;

  return TRUE;
}

static gboolean
needs_formula_guard (const char *text)
{
  while (*text == '\'')
    text++;

  if (*text != '=' && *text != '+' && *text != '-' && *text != '@')
    return FALSE;
  if ((*text == '-' || *text == '+') && text[1] == '\0')
    return FALSE;

  return !is_plain_number (text);
}

/* ---- Decoding ----------------------------------------------------------- */

const char *
ward_csv_encoding_get_name (WardCsvEncoding encoding)
{
  switch (encoding)
    {
    case WARD_CSV_ENCODING_UTF8:
      return "UTF-8";
    case WARD_CSV_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case WARD_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case WARD_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    case WARD_CSV_ENCODING_CP1258:
      return "Windows-1258";
    default:
      g_return_val_if_reached ("");
    }
}

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

static gboolean
is_workbook (const guint8 *data,
             gsize         len)
{
  /* .xlsx and .ods are zip archives; .xls is an OLE compound file. */
  return has_prefix (data, len, "PK\x03\x04", 4)
         || has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

/* UTF-16 without a byte order mark: the separators, digits and unaccented
 * letters that make most of a CSV file have a zero high byte. Returns 0
 * for little endian, 1 for big endian, -1 for neither. */
static int
sniff_utf16 (const guint8 *data,
             gsize         len)
{
  gsize n = MIN (len, 1024) & ~(gsize) 1;
  gsize zeros[2] = { 0, 0 };

  if (len % 2 != 0 || n < 4)
    return -1;

  for (gsize i = 0; i < n; i++)
    if (data[i] == 0)
      zeros[i % 2]++;

  for (int high = 0; high < 2; high++)
    if (zeros[high] >= n / 4 && zeros[!high] <= zeros[high] / 4)
      return high == 1 ? 0 : 1;

  return -1;
}

/* One encoding per file, decided from the whole of it. A file that is not
 * valid UTF-8 is read as Windows-1258 only when it does not look like
 * UTF-8 at all: when it holds fewer valid multi-byte UTF-8 sequences than
 * invalid bytes. Real Windows-1258 text has invalid bytes everywhere (a
 * tone mark is a lead byte followed by a letter) and valid sequences only
 * by accident; UTF-8 text with a stray byte is the other way round, and
 * is refused, naming where the stray byte is, rather than read whole in
 * the wrong encoding. */
static gboolean
looks_like_utf8 (const guint8 *data,
                 gsize         len,
                 gsize        *first_invalid)
{
  const char *p = (const char *) data;
  const char *end = p + len;
  gsize valid = 0, invalid = 0;

  *first_invalid = len;
  while (p < end)
    {
      const char *bad = NULL;

      if (g_utf8_validate (p, end - p, &bad))
        break;
      /* Count the multi-byte sequences in the valid run before @bad. */
      for (const char *q = p; q < bad; q++)
        if ((guchar) *q >= 0xC0)
          valid++;
      if (invalid++ == 0)
        *first_invalid = (gsize) (bad - (const char *) data);
      p = bad + 1;
    }
  for (const char *q = p; q < end; q++)
    if ((guchar) *q >= 0xC0)
      valid++;
  return valid > invalid;
}

static void
set_mixed_error (const guint8  *data,
                 gsize          offset,
                 const char    *display_name,
                 GError       **error)
{
  guint line = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is UTF-8 text except for a byte that is not (0x%02X, line %u, byte %u of "
                 "the line): the file mixes two encodings. Nothing was imported. Correct that "
                 "character and save the file again as “CSV UTF-8”."),
               display_name, data[offset], line, (guint) (offset - line_start + 1));
}

static WardCsvEncoding
sniff_encoding (const guint8 *data,
                gsize         len,
                gsize        *skip)
{
  int utf16;

  *skip = 0;

  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    {
      *skip = 3;
      return WARD_CSV_ENCODING_UTF8_BOM;
    }
  if (has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2))
    {
      *skip = 2;
      return data[0] == 0xFF ? WARD_CSV_ENCODING_UTF16LE : WARD_CSV_ENCODING_UTF16BE;
    }
  utf16 = sniff_utf16 (data, len);
  if (utf16 >= 0)
    return utf16 == 0 ? WARD_CSV_ENCODING_UTF16LE : WARD_CSV_ENCODING_UTF16BE;
  if (g_utf8_validate ((const char *) data, len, NULL))
    return WARD_CSV_ENCODING_UTF8;

  return WARD_CSV_ENCODING_CP1258;
}

static char *
convert_to_utf8 (const guint8     *data,
                 gsize             len,
                 WardCsvEncoding   encoding,
                 const char       *display_name,
                 gsize            *out_len,
                 GError          **error)
{
  const char *charset = NULL;
  char *text;

  switch (encoding)
    {
    case WARD_CSV_ENCODING_UTF8:
    case WARD_CSV_ENCODING_UTF8_BOM:
      if (!g_utf8_validate ((const char *) data, len, NULL))
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” is marked as UTF-8 text but some of its bytes are not: "
                         "the file is damaged."),
                       display_name);
          return NULL;
        }
      *out_len = len;
      text = g_malloc (len + 1);
      memcpy (text, data, len);
      text[len] = '\0';
      return text;

    case WARD_CSV_ENCODING_UTF16LE:
      charset = "UTF-16LE";
      break;
    case WARD_CSV_ENCODING_UTF16BE:
      charset = "UTF-16BE";
      break;
    case WARD_CSV_ENCODING_CP1258:
    default:
      charset = "CP1258";
      break;
    }

  text = g_convert ((const char *) data, len, "UTF-8", charset, NULL, out_len, NULL);
  if (text == NULL)
    {
      if (encoding == WARD_CSV_ENCODING_CP1258)
        g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                     _("“%s” is in a text encoding Ward Tracker cannot read. Save it from "
                       "Excel as “CSV UTF-8 (Comma delimited)” and try again."),
                     display_name);
      else
        g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                     _("“%s” is Unicode (UTF-16) text, but the file is damaged."),
                     display_name);
    }

  return text;
}

/* Characters that NFC leaves alone whatever surrounds them, and before
 * which text can be cut without changing its NFC: starters that nothing
 * composes with. Vietnamese typed on Windows and Linux is made only of
 * these; files from macOS or Windows-1258 add combining tone marks. */
static inline gboolean
is_nfc_boundary (gunichar c)
{
  return c < 0x300
         || (c >= 0x1E00 && c <= 0x1EFF)    /* Latin Extended Additional: ạ ả ấ … ỹ */
         || (c >= 0x2010 && c <= 0x20CF);   /* punctuation, currency signs: “ ” – … ₫ */
}

static gboolean
is_surely_nfc (const char *text,
               gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && !is_nfc_boundary (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
append_nfc (GString    *out,
            const char *text,
            gsize       len)
{
  g_autofree char *nfc = g_utf8_normalize (text, len, G_NORMALIZE_NFC);

  g_string_append (out, nfc);
}

/* g_utf8_normalize() takes time in the square of its input's length, so
 * only the runs of text around combining marks go through it, a few
 * words at a time. */
static char *
normalize_nfc (const char *text,
               gsize       len,
               gsize      *out_len)
{
  GString *out = g_string_sized_new (len + 1);
  const char *end = text + len;
  const char *emitted = text;    /* what lies before is in @out */
  const char *run = NULL;        /* start of the text that needs NFC */
  const char *run_end = NULL;    /* just after its last mark */
  const char *boundary = text;   /* the last place the text can be cut */

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if ((guchar) *p >= 0x80 && !is_nfc_boundary (g_utf8_get_char (p)))
        {
          if (run == NULL)
            run = boundary;
          run_end = g_utf8_next_char (p);
          continue;
        }

      if (run != NULL && (p - run_end >= 32 || p - run >= 256))
        {
          g_string_append_len (out, emitted, run - emitted);
          append_nfc (out, run, p - run);
          emitted = p;
          run = NULL;
        }
      boundary = p;
    }

  if (run != NULL)
    {
      g_string_append_len (out, emitted, run - emitted);
      append_nfc (out, run, end - run);
    }
  else
    g_string_append_len (out, emitted, end - emitted);

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Returns NUL-terminated NFC UTF-8 of @out_len bytes. */
static char *
decode (GBytes           *bytes,
        const char       *display_name,
        WardCsvEncoding  *encoding,
        gsize            *out_len,
        GError          **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = NULL;
  gsize skip;

  if (is_workbook (data, len))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is a spreadsheet workbook, not a CSV file. Open it in Excel or "
                     "LibreOffice, save it as “CSV UTF-8 (Comma delimited)” and import "
                     "that file."),
                   display_name);
      return NULL;
    }

  *encoding = sniff_encoding (data, len, &skip);
  if (*encoding == WARD_CSV_ENCODING_CP1258)
    {
      gsize first_invalid;

      if (looks_like_utf8 (data, len, &first_invalid))
        {
          set_mixed_error (data, first_invalid, display_name, error);
          return NULL;
        }
    }
  text = convert_to_utf8 (data + skip, len - skip, *encoding, display_name, out_len, error);
  if (text == NULL)
    return NULL;

  if (memchr (text, '\0', *out_len) != NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a text file. Choose a CSV file."), display_name);
      return NULL;
    }

  if (!is_surely_nfc (text, *out_len))
    {
      char *nfc = normalize_nfc (text, *out_len, out_len);

      g_free (text);
      text = nfc;
    }

  return g_steal_pointer (&text);
}

/* ---- Separator ---------------------------------------------------------- */

static const char separators[] = { ',', ';', '\t' };

/* Counts the candidate separators outside quotes, row by row, on the first
 * rows that are not empty. */
static guint
count_separators (const char *text,
                  const char *end,
                  guint       counts[SAMPLE_ROWS][G_N_ELEMENTS (separators)])
{
  guint n_rows = 0;
  gboolean in_quotes = FALSE;
  gboolean row_empty = TRUE;

  memset (counts, 0, sizeof (guint) * SAMPLE_ROWS * G_N_ELEMENTS (separators));

  for (const char *p = text; p < end && n_rows < SAMPLE_ROWS; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (*p == '\n' || *p == '\r')
        {
          if (!row_empty)
            n_rows++;
          row_empty = TRUE;
          continue;
        }
      else
        for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
          if (*p == separators[s])
            counts[n_rows][s]++;

      row_empty = FALSE;
    }

  if (!row_empty && n_rows < SAMPLE_ROWS)
    n_rows++;

  return n_rows;
}

/* How many rows agree on the most common non-zero count of separator @s. */
static guint
count_agreement (guint  counts[SAMPLE_ROWS][G_N_ELEMENTS (separators)],
                 guint  n_rows,
                 guint  s,
                 guint *mode)
{
  guint best = 0;

  *mode = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      guint agree = 0;

      if (counts[i][s] == 0)
        continue;
      for (guint j = 0; j < n_rows; j++)
        if (counts[j][s] == counts[i][s])
          agree++;
      if (agree > best || (agree == best && counts[i][s] > *mode))
        {
          best = agree;
          *mode = counts[i][s];
        }
    }

  return best;
}

/* The separator that the most rows have the same number of times: a
 * semicolon file with decimal commas stays a semicolon file, and a title
 * line above the header does not matter. */
static char
detect_separator (const char *text,
                  const char *end)
{
  guint counts[SAMPLE_ROWS][G_N_ELEMENTS (separators)];
  guint n_rows = count_separators (text, end, counts);
  guint best = 0;
  guint best_agree = 0;
  guint best_mode = 0;

  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      guint mode;
      guint agree = count_agreement (counts, n_rows, s, &mode);

      if (agree > best_agree || (agree == best_agree && agree > 0 && mode > best_mode))
        {
          best = s;
          best_agree = agree;
          best_mode = mode;
        }
    }

  return separators[best];
}

/* Excel's own hint, a first line "sep=;", which it does not show as a row. */
static const char *
skip_separator_line (const char *text,
                     const char *end,
                     char       *separator)
{
  const char *p = text + 5;

  if (end - text < 5 || strncmp (text, "sep=", 4) != 0)
    return text;
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  if (p < end && p[-1] != '\r' && p[-1] != '\n')
    return text;
  if (text[4] != '\t' && (!g_ascii_ispunct (text[4]) || text[4] == '"' || text[4] == '\''))
    return text;

  *separator = text[4];
  return p;
}

/* ---- Splitting rows ----------------------------------------------------- */

static inline gboolean
is_blank (char c,
          char separator)
{
  return c == ' ' || (c == '\t' && separator != '\t');
}

static void
cursor_init (Cursor *c,
             char   *text,
             char   *end,
             char    separator)
{
  c->r = text;
  c->end = end;
  c->separator = separator;
  memset (c->stop, 0, sizeof c->stop);
  c->stop[(guchar) separator] = TRUE;
  c->stop['\r'] = TRUE;
  c->stop['\n'] = TRUE;
}

/* Moves @c->r to the next separator or line end, copying the bytes to @w
 * when the field has already shrunk; returns where the copy ends. */
static char *
cursor_copy_to_stop (Cursor *c,
                     char   *w)
{
  if (w == c->r)
    {
      while (c->r < c->end && !c->stop[(guchar) *c->r])
        c->r++;
      return c->r;
    }

  while (c->r < c->end && !c->stop[(guchar) *c->r])
    *w++ = *c->r++;
  return w;
}

/* Reads a quoted value, @c->r just after the opening quote, to @w; ""
 * stands for one quote. Returns the end of the copy, or NULL if the quote
 * is never closed. */
static char *
cursor_copy_quoted (Cursor *c,
                    char   *w)
{
  for (;;)
    {
      const char *q = memchr (c->r, '"', c->end - c->r);
      gsize n;

      if (q == NULL)
        return NULL;

      n = q - c->r;
      if (w != c->r)
        memmove (w, c->r, n);
      w += n;
      c->r += n + 1;

      if (c->r < c->end && *c->r == '"')
        {
          *w++ = '"';
          c->r++;
          continue;
        }

      return w;
    }
}

/* NFC of [@start, @end) in place; joining two NFC texts only composes, so
 * the result is never longer. Returns its end. */
static char *
renormalize (char *start,
             char *end)
{
  g_autofree char *nfc = g_utf8_normalize (start, end - start, G_NORMALIZE_NFC);
  gsize len = strlen (nfc);

  if (len > (gsize) (end - start))
    return end;

  memcpy (start, nfc, len);
  return start + len;
}

/* Reads a quoted field; what stands between the closing quote and the
 * separator is kept, less its trailing spaces. */
static char *
cursor_read_quoted (Cursor *c,
                    char   *start)
{
  char *content_end = cursor_copy_quoted (c, start);
  char *w;

  if (content_end == NULL)
    return NULL;

  w = cursor_copy_to_stop (c, content_end);
  while (w > content_end && is_blank (w[-1], c->separator))
    w--;

  /* The closing quote kept a tone mark from its letter; now they meet. */
  if (w > content_end && (guchar) *content_end >= 0x80
      && !is_nfc_boundary (g_utf8_get_char (content_end)))
    w = renormalize (start, w);

  return w;
}

/* Splits one field off and NUL-terminates it. Unquoted fields lose their
 * surrounding spaces; quoted ones keep them. @terminator gets the
 * separator, '\r', '\n' or '\0' at the end of the text. */
static gboolean
cursor_next_field (Cursor  *c,
                   char   **field,
                   char    *terminator)
{
  char *start;
  char *w;

  while (c->r < c->end && is_blank (*c->r, c->separator))
    c->r++;

  if (c->r < c->end && *c->r == '"')
    {
      start = ++c->r;
      w = cursor_read_quoted (c, start);
      if (w == NULL)
        return FALSE;
    }
  else
    {
      start = c->r;
      w = cursor_copy_to_stop (c, start);
      while (w > start && is_blank (w[-1], c->separator))
        w--;
    }

  /* @w is at most at the terminator, or at the end, where the buffer has
   * room for one more byte. */
  *terminator = c->r < c->end ? *c->r++ : '\0';
  if (*terminator == '\r' && c->r < c->end && *c->r == '\n')
    c->r++;
  *w = '\0';

  if (start[0] == '\'' && needs_formula_guard (start + 1))
    start++;
  *field = start;

  return TRUE;
}

/* Splits the whole text into rows; blank rows only advance the row number. */
static gboolean
split_rows (WardCsvTable  *table,
            char          *text,
            char          *end,
            GError       **error)
{
  Cursor c;
  guint number = 1;

  cursor_init (&c, text, end, table->separator);

  while (c.r < c.end)
    {
      guint first = table->fields->len;
      gboolean blank = TRUE;
      char terminator;

      do
        {
          char *field;

          if (!cursor_next_field (&c, &field, &terminator))
            {
              g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("In “%s”, the quoted value that starts in row %u is never "
                             "closed: a closing “\"” is missing."),
                           table->display_name, number);
              return FALSE;
            }
          blank = blank && field[0] == '\0';
          g_ptr_array_add (table->fields, field);
          /* A sheet of a ward has a few dozen columns; matching a header
           * of a hundred thousand would take seconds for nothing. */
          if (table->fields->len - first > WARD_CSV_MAX_COLUMNS)
            {
              g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("Row %u of “%s” has more than %u columns, more than any register "
                             "has: this is not a sheet Ward Tracker can import."),
                           number, table->display_name, WARD_CSV_MAX_COLUMNS);
              return FALSE;
            }
        }
      while (terminator == table->separator);

      if (blank)
        g_ptr_array_set_size (table->fields, first);
      else
        {
          WardCsvRow row = { first, table->fields->len - first, number };

          g_ptr_array_add (table->fields, NULL);
          g_array_append_val (table->rows, row);
        }
      number++;
    }

  return TRUE;
}

/* ---- Table -------------------------------------------------------------- */

static void
table_clear (gpointer data)
{
  WardCsvTable *table = data;

  g_free (table->display_name);
  g_free (table->text);
  g_clear_pointer (&table->cells, g_string_chunk_free);
  g_clear_pointer (&table->fields, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_array_unref);
  g_free (table->sheet);
  g_strfreev (table->sheets);
  g_clear_pointer (&table->notes, g_ptr_array_unref);
}

WardCsvTable *
ward_csv_table_ref (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_atomic_rc_box_acquire (table);
}

void
ward_csv_table_unref (WardCsvTable *table)
{
  if (table != NULL)
    g_atomic_rc_box_release_full (table, table_clear);
}

static WardCsvTable *
table_new (const char *display_name)
{
  WardCsvTable *table = g_atomic_rc_box_new0 (WardCsvTable);

  table->display_name = g_strdup (display_name != NULL ? display_name : "");
  table->fields = g_ptr_array_new ();
  table->rows = g_array_new (FALSE, FALSE, sizeof (WardCsvRow));
  table->notes = ward_csv_issues_new ();
  return table;
}

WardCsvTable *
ward_csv_table_new_for_sheet (const char         *display_name,
                              const char         *sheet,
                              const char * const *sheets)
{
  WardCsvTable *table = table_new (display_name);

  g_return_val_if_fail (sheet != NULL, NULL);

  table->encoding = WARD_CSV_ENCODING_UTF8;
  table->separator = ',';
  table->cells = g_string_chunk_new (64 * 1024);
  table->sheet = g_strdup (sheet);
  table->sheets = g_strdupv ((char **) sheets);
  return table;
}

void
ward_csv_table_add_row (WardCsvTable       *table,
                        guint               number,
                        const char * const *cells,
                        guint               n_cells)
{
  WardCsvRow row = { table->fields->len, n_cells, number };
  gboolean blank = TRUE;

  g_return_if_fail (table != NULL && table->cells != NULL);

  for (guint i = 0; i < n_cells && blank; i++)
    blank = cells[i] == NULL || cells[i][0] == '\0';
  if (blank)
    return;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (table->fields,
                     g_string_chunk_insert_const (table->cells, cells[i] ? cells[i] : ""));
  g_ptr_array_add (table->fields, NULL);
  g_array_append_val (table->rows, row);
}

void
ward_csv_table_add_note (WardCsvTable *table,
                         guint         row,
                         const char   *value,
                         const char   *message)
{
  g_return_if_fail (table != NULL);

  g_ptr_array_add (table->notes,
                   ward_csv_issue_new (WARD_CSV_SEVERITY_WARNING, table->display_name, row,
                                       NULL, value, message));
}

GPtrArray *
ward_csv_table_get_notes (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->notes;
}

const char *
ward_csv_table_get_sheet (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->sheet;
}

void
ward_csv_table_set_sheets (WardCsvTable       *table,
                           const char * const *sheets)
{
  g_return_if_fail (table != NULL);

  g_strfreev (table->sheets);
  table->sheets = g_strdupv ((char **) sheets);
}

const char * const *
ward_csv_table_get_sheets (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return (const char * const *) table->sheets;
}

WardCsvTable *
ward_csv_read_bytes (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(WardCsvTable) table = NULL;
  const char *start;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = table_new (display_name);
  table->text = decode (bytes, table->display_name, &table->encoding, &len, error);
  if (table->text == NULL)
    return NULL;

  table->separator = '\0';
  start = skip_separator_line (table->text, table->text + len, &table->separator);
  if (table->separator == '\0')
    table->separator = detect_separator (start, table->text + len);

  if (!split_rows (table, (char *) start, table->text + len, error))
    return NULL;

  if (table->rows->len == 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is empty: it holds no rows."), table->display_name);
      return NULL;
    }

  return g_steal_pointer (&table);
}

WardCsvTable *
ward_csv_read_file (const char  *path,
                    GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A regular file under the limit: never /dev/zero or a pipe. */
  bytes = ward_input_read (path, WARD_INPUT_TABLE_MAX, error);
  if (bytes == NULL)
    return NULL;
  display_name = g_filename_display_basename (path);

  return ward_csv_read_bytes (bytes, display_name, error);
}

const char *
ward_csv_table_get_display_name (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->display_name;
}

WardCsvEncoding
ward_csv_table_get_encoding (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, WARD_CSV_ENCODING_UTF8);

  return table->encoding;
}

char
ward_csv_table_get_separator (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, ',');

  return table->separator;
}

guint
ward_csv_table_get_n_rows (WardCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

const char * const *
ward_csv_table_get_row (WardCsvTable *table,
                        guint         row,
                        guint        *n_fields)
{
  const WardCsvRow *r;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);

  r = &g_array_index (table->rows, WardCsvRow, row);
  if (n_fields != NULL)
    *n_fields = r->n_fields;

  return (const char * const *) &table->fields->pdata[r->first_field];
}

guint
ward_csv_table_get_row_number (WardCsvTable *table,
                               guint         row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->rows->len, 0);

  return g_array_index (table->rows, WardCsvRow, row).number;
}

/* ---- Header matching ---------------------------------------------------- */

/* Folded, with spaces and punctuation gone: "Họ và tên:" -> "hovaten". */
static char *
header_key (const char *text)
{
  g_autofree char *folded = ward_text_fold (text);
  GString *key;

  if (folded == NULL)
    return g_strdup ("");

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* "Số tiền (đồng)" -> "Số tiền"; NULL when there is no trailing note. */
static char *
strip_trailing_note (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *open = strrchr (copy, '(');
  gsize len = strlen (copy);

  if (open == NULL || open == copy || len == 0 || copy[len - 1] != ')')
    return NULL;

  *open = '\0';
  return g_strdup (copy);
}

static gboolean
column_has_key (const WardCsvColumn *column,
                const char          *key)
{
  g_autofree char *label_key = header_key (column->label);

  if (g_str_equal (label_key, key))
    return TRUE;

  for (guint i = 0; column->aliases != NULL && column->aliases[i] != NULL; i++)
    {
      g_autofree char *alias_key = header_key (column->aliases[i]);

      if (g_str_equal (alias_key, key))
        return TRUE;
    }

  return FALSE;
}

/* The column @header names, or -1. */
static int
match_header (const WardCsvColumn *columns,
              guint                n_columns,
              const char          *header)
{
  g_autofree char *key = header_key (header);
  g_autofree char *short_header = NULL;

  if (key[0] == '\0')
    return -1;

  for (guint i = 0; i < n_columns; i++)
    if (column_has_key (&columns[i], key))
      return i;

  short_header = strip_trailing_note (header);
  if (short_header != NULL)
    return match_header (columns, n_columns, short_header);

  return -1;
}

/* The column a file header names: the clerk's mapping first, then the
 * column table's labels and aliases. */
static int
mapping_match (WardCsvMapping *mapping,
               const char     *header)
{
  if (mapping->map != NULL)
    {
      g_autofree char *key = header_key (header);
      int column = GPOINTER_TO_INT (g_hash_table_lookup (mapping->map, key));

      if (column > 0)
        return column - 1;
    }
  return match_header (mapping->columns, mapping->n_columns, header);
}

static guint
count_matches (WardCsvMapping *mapping,
               guint           row)
{
  guint n_fields;
  const char * const *fields = ward_csv_table_get_row (mapping->table, row, &n_fields);
  g_autofree gboolean *seen = g_new0 (gboolean, mapping->n_columns);
  guint count = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      int c = mapping_match (mapping, fields[i]);

      if (c >= 0 && !seen[c])
        {
          seen[c] = TRUE;
          count++;
        }
    }

  return count;
}

/* The row, among the first ones, that names the most columns: offices often
 * put a title such as "DANH SÁCH ĐẢNG VIÊN" above the header. */
static guint
count_values (const char * const *fields)
{
  guint n = 0;

  for (guint i = 0; fields[i] != NULL; i++)
    n += fields[i][0] != '\0';
  return n;
}

static guint
find_header_row (WardCsvMapping *mapping)
{
  guint n_rows = MIN (ward_csv_table_get_n_rows (mapping->table), HEADER_SEARCH_ROWS);
  guint best = 0;
  guint best_count = 0;

  for (guint row = 0; row < n_rows; row++)
    {
      guint count = count_matches (mapping, row);

      if (count > best_count)
        {
          best = row;
          best_count = count;
        }
    }
  /* No header known: the first row of several values, below a title
   * (one merged cell) if there is one, is the one to map by hand. */
  for (guint row = 0; best_count == 0 && row < n_rows; row++)
    if (count_values (ward_csv_table_get_row (mapping->table, row, NULL)) >= 2)
      return row;

  return best;
}

static const char *
first_value (const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (fields[i][0] != '\0')
      return fields[i];

  return NULL;
}

static void
report_rows_above_header (WardCsvMapping *mapping,
                          GPtrArray      *issues)
{
  for (guint row = 0; row < mapping->header_row; row++)
    {
      const char * const *fields = ward_csv_table_get_row (mapping->table, row, NULL);

      add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table,
                 ward_csv_table_get_row_number (mapping->table, row), NULL,
                 first_value (fields),
                 _("This row is above the header row and is ignored."));
    }
}

static void
match_header_row (WardCsvMapping *mapping,
                  GPtrArray      *issues)
{
  guint n_fields;
  const char * const *headers = ward_csv_table_get_row (mapping->table, mapping->header_row,
                                                        &n_fields);
  guint number = ward_csv_table_get_row_number (mapping->table, mapping->header_row);

  for (guint i = 0; i < n_fields; i++)
    {
      int c;

      if (headers[i][0] == '\0')
        continue;

      c = mapping_match (mapping, headers[i]);
      if (c < 0)
        add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table, number, headers[i],
                   NULL, _("Ward Tracker does not know this column; it is ignored."));
      else if (mapping->field_index[c] >= 0)
        add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table, number, headers[i],
                   NULL, _("This column appears twice; only the first one is read."));
      else
        mapping->field_index[c] = i;
    }

  for (guint c = 0; c < mapping->n_columns; c++)
    if (mapping->field_index[c] < 0 && mapping->columns[c].required)
      add_issue (issues, WARD_CSV_SEVERITY_ERROR, mapping->table, number,
                 mapping->columns[c].label, NULL,
                 _("This column is required, but the file does not have it."));
}

/* "Tổng cộng", "TỔNG CỘNG:", "Total": the row under a sheet that adds it
 * up, recognised by its first value. */
static gboolean
is_total_row (const char * const *fields)
{
  static const char * const keys[] = { "tongcong", "tong", "cong", "tongso", "total",
                                       "grandtotal", NULL };
  const char *first = first_value (fields);
  g_autofree char *key = first ? header_key (first) : NULL;

  return key != NULL && g_strv_contains (keys, key);
}

static void
split_totals (WardCsvMapping *mapping)
{
  guint n_rows = ward_csv_table_get_n_rows (mapping->table);

  mapping->records = g_array_new (FALSE, FALSE, sizeof (guint));
  mapping->totals = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint row = mapping->header_row + 1; row < n_rows; row++)
    {
      const char * const *fields = ward_csv_table_get_row (mapping->table, row, NULL);

      g_array_append_val (is_total_row (fields) ? mapping->totals : mapping->records, row);
    }
}

WardCsvMapping *
ward_csv_map (WardCsvTable        *table,
              const WardCsvColumn *columns,
              guint                n_columns,
              GPtrArray           *issues)
{
  return ward_csv_map_with (table, columns, n_columns, NULL, issues);
}

WardCsvMapping *
ward_csv_map_with (WardCsvTable        *table,
                   const WardCsvColumn *columns,
                   guint                n_columns,
                   GHashTable          *column_map,
                   GPtrArray           *issues)
{
  WardCsvMapping *mapping;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);

  mapping = g_new0 (WardCsvMapping, 1);
  mapping->map = column_map != NULL ? g_hash_table_ref (column_map) : NULL;
  mapping->table = ward_csv_table_ref (table);
  mapping->columns = columns;
  mapping->n_columns = n_columns;
  mapping->field_index = g_new (int, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    mapping->field_index[c] = -1;

  mapping->header_row = find_header_row (mapping);
  report_rows_above_header (mapping, issues);
  match_header_row (mapping, issues);
  split_totals (mapping);

  return mapping;
}

void
ward_csv_mapping_free (WardCsvMapping *mapping)
{
  if (mapping == NULL)
    return;

  ward_csv_table_unref (mapping->table);
  g_free (mapping->field_index);
  g_array_unref (mapping->records);
  g_array_unref (mapping->totals);
  g_clear_pointer (&mapping->map, g_hash_table_unref);
  g_free (mapping);
}

guint
ward_csv_mapping_get_n_records (WardCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, 0);

  return mapping->records->len;
}

guint
ward_csv_mapping_get_row_number (WardCsvMapping *mapping,
                                 guint           record)
{
  g_return_val_if_fail (mapping != NULL, 0);
  g_return_val_if_fail (record < ward_csv_mapping_get_n_records (mapping), 0);

  return ward_csv_table_get_row_number (mapping->table,
                                        g_array_index (mapping->records, guint, record));
}

const char *
ward_csv_mapping_get_header (WardCsvMapping *mapping,
                             guint           column)
{
  const char * const *headers;

  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (column < mapping->n_columns, NULL);

  if (mapping->field_index[column] < 0)
    return NULL;

  headers = ward_csv_table_get_row (mapping->table, mapping->header_row, NULL);
  return headers[mapping->field_index[column]];
}

/* ---- The clerk's mapping ------------------------------------------------ */

/* The column of @columns named @name by its label, an alias or its key. */
static int
column_named (const WardCsvColumn *columns,
              guint                n_columns,
              const char          *name)
{
  int c = match_header (columns, n_columns, name);

  for (guint i = 0; c < 0 && i < n_columns; i++)
    if (g_ascii_strcasecmp (columns[i].key, name) == 0)
      c = (int) i;
  return c;
}

GHashTable *
ward_csv_column_map_parse (const char           *text,
                           const WardCsvColumn  *columns,
                           guint                 n_columns,
                           GError              **error)
{
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) pairs = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto (GStrv) sides = g_strsplit (pairs[i], "=", 2);
      int c;

      if (g_strv_length (sides) != 2 || *g_strstrip (sides[0]) == '\0')
        {
          if (*g_strstrip (pairs[i]) == '\0')
            continue;
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” is not a column mapping: write the file's header, “=”, then the "
                         "field, e.g. “Cột A=Họ và tên”."), pairs[i]);
          return NULL;
        }
      c = column_named (columns, n_columns, g_strstrip (sides[1]));
      if (c < 0)
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” is not a field of this register."), sides[1]);
          return NULL;
        }
      g_hash_table_insert (map, header_key (sides[0]), GINT_TO_POINTER (c + 1));
    }
  return g_steal_pointer (&map);
}

char *
ward_csv_column_map_to_string (const char * const  *headers,
                               const int           *choices,
                               const WardCsvColumn *columns)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; headers[i] != NULL; i++)
    if (choices[i] >= 0 && strpbrk (headers[i], ",=") == NULL && headers[i][0] != '\0')
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? "," : "", headers[i],
                              columns[choices[i]].label);
  return g_string_free (text, FALSE);
}

GStrv
ward_csv_mapping_get_file_headers (WardCsvMapping *mapping)
{
  guint n_fields;
  const char * const *headers = ward_csv_table_get_row (mapping->table, mapping->header_row,
                                                        &n_fields);

  return g_strdupv ((char **) headers);
}

int
ward_csv_mapping_get_column_of (WardCsvMapping *mapping,
                                guint           field)
{
  for (guint c = 0; c < mapping->n_columns; c++)
    if (mapping->field_index[c] == (int) field)
      return (int) c;
  return -1;
}

char *
ward_csv_headers_signature (const char * const *headers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; headers[i] != NULL; i++)
    {
      g_autofree char *key = header_key (headers[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", key);
    }
  return g_string_free (text, FALSE);
}

/* ---- Values ------------------------------------------------------------- */

/* "1250", "-1.250", "1,250", "1 250": grouping in threes only. */
static gboolean
parse_integer (const char  *text,
               gint64      *value_out,
               GError     **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint group = 0;
  char grouping = '\0';

  if (*p == '-' || *p == '+')
    negative = (*p++ == '-');

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && value <= (G_MAXINT64 - 9) / 10)
        {
          value = value * 10 + (*p - '0');
          group++;
          continue;
        }
      if ((*p == '.' || *p == ',' || *p == ' ') && group > 0 && group <= 3
          && (grouping == '\0' || (grouping == *p && group == 3)) && g_ascii_isdigit (p[1]))
        {
          grouping = *p;
          group = 0;
          continue;
        }
      break;
    }

  if (*p != '\0' || (grouping != '\0' && group != 3) || p == text
      || !g_ascii_isdigit (p[-1]))
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("This is not a whole number."));
      return FALSE;
    }

  *value_out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

static gboolean
parse_value (WardCsvType    type,
             const char    *text,
             WardCsvValue  *value,
             GError       **error)
{
  g_autofree char *iso = NULL;

  switch (type)
    {
    case WARD_CSV_TEXT:
      return TRUE;
    case WARD_CSV_DATE:
      if (!ward_parse_date (text, &iso, error))
        return FALSE;
      g_strlcpy (value->date, iso, sizeof value->date);
      return TRUE;
    case WARD_CSV_MONEY:
      return ward_parse_money (text, &value->money, error);
    case WARD_CSV_DECIMAL:
      return ward_parse_decimal (text, &value->decimal, error);
    case WARD_CSV_BOOL:
      return ward_parse_bool (text, &value->boolean, error);
    case WARD_CSV_INTEGER:
      return parse_integer (text, &value->integer, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
parse_cell (WardCsvMapping *mapping,
            guint           column,
            const char     *text,
            guint           number,
            WardCsvValue   *value,
            GPtrArray      *issues)
{
  const WardCsvColumn *spec = &mapping->columns[column];
  const char *header = ward_csv_mapping_get_header (mapping, column);
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) error = NULL;

  memset (value, 0, sizeof *value);
  value->text = text;
  value->empty = text[0] == '\0';

  if (value->empty)
    {
      if (!spec->required || spec->type == WARD_CSV_BOOL || header == NULL)
        return TRUE;
      add_issue (issues, WARD_CSV_SEVERITY_ERROR, mapping->table, number, header, NULL,
                 _("This cell is empty, but a value is required here."));
      return FALSE;
    }

  /* Quoted cells keep their spaces; numbers and dates do not need them. */
  if (spec->type != WARD_CSV_TEXT && (text[0] == ' ' || text[strlen (text) - 1] == ' '))
    text = trimmed = g_strstrip (g_strdup (text));

  if (parse_value (spec->type, text, value, &error))
    return TRUE;

  add_issue (issues, WARD_CSV_SEVERITY_ERROR, mapping->table, number, header, value->text,
             error->message);
  return FALSE;
}

static void
report_extra_values (WardCsvMapping      *mapping,
                     const char * const *fields,
                     guint               n_fields,
                     guint               number,
                     GPtrArray          *issues)
{
  guint n_headers;

  ward_csv_table_get_row (mapping->table, mapping->header_row, &n_headers);

  for (guint i = n_headers; i < n_fields; i++)
    if (fields[i][0] != '\0')
      {
        add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table, number, NULL,
                   fields[i],
                   _("This row has more values than the header has columns; the extra "
                     "values are ignored."));
        return;
      }
}

gboolean
ward_csv_mapping_parse_row (WardCsvMapping *mapping,
                            guint           record,
                            WardCsvValue   *values,
                            GPtrArray      *issues)
{
  guint row;
  guint n_fields;
  const char * const *fields;
  guint number;
  gboolean ok = TRUE;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (record < ward_csv_mapping_get_n_records (mapping), FALSE);
  g_return_val_if_fail (values != NULL || mapping->n_columns == 0, FALSE);

  row = g_array_index (mapping->records, guint, record);
  fields = ward_csv_table_get_row (mapping->table, row, &n_fields);
  number = ward_csv_table_get_row_number (mapping->table, row);

  for (guint c = 0; c < mapping->n_columns; c++)
    {
      int i = mapping->field_index[c];
      const char *text = i >= 0 && (guint) i < n_fields ? fields[i] : "";

      if (!parse_cell (mapping, c, text, number, &values[c], issues))
        ok = FALSE;
    }

  report_extra_values (mapping, fields, n_fields, number, issues);

  return ok;
}

guint
ward_csv_mapping_validate (WardCsvMapping *mapping,
                           GPtrArray      *issues)
{
  g_autofree WardCsvValue *values = NULL;
  guint n_records;
  guint n_bad = 0;

  g_return_val_if_fail (mapping != NULL, 0);

  values = g_new (WardCsvValue, MAX (mapping->n_columns, 1));
  n_records = ward_csv_mapping_get_n_records (mapping);
  for (guint record = 0; record < n_records; record++)
    if (!ward_csv_mapping_parse_row (mapping, record, values, issues))
      n_bad++;

  return n_bad;
}

/* ---- Total rows ---------------------------------------------------------- */

guint
ward_csv_mapping_get_n_totals (WardCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, 0);

  return mapping->totals->len;
}

static gboolean
is_summed (WardCsvType type)
{
  return type == WARD_CSV_MONEY || type == WARD_CSV_INTEGER || type == WARD_CSV_DECIMAL;
}

void
ward_csv_mapping_add_to_sums (WardCsvMapping     *mapping,
                              WardCsvValue       *sums,
                              const WardCsvValue *values)
{
  for (guint c = 0; c < mapping->n_columns; c++)
    {
      /* Past 10^18 the sum no longer matters: a total row that big is off anyway. */
      if (ABS (sums[c].money) < G_MAXINT64 / 4 && ABS (values[c].money) < G_MAXINT64 / 4)
        sums[c].money += values[c].money;
      if (ABS (sums[c].integer) < G_MAXINT64 / 4 && ABS (values[c].integer) < G_MAXINT64 / 4)
        sums[c].integer += values[c].integer;
      sums[c].decimal += values[c].decimal;
    }
}

static char *
format_sum (WardCsvType         type,
            const WardCsvValue *value)
{
  if (type == WARD_CSV_MONEY)
    return ward_format_money (value->money);
  if (type == WARD_CSV_INTEGER)
    return ward_format_number (value->integer);
  return ward_format_decimal (value->decimal, 2);
}

static gboolean
sums_differ (WardCsvType         type,
             const WardCsvValue *total,
             const WardCsvValue *sum)
{
  if (type == WARD_CSV_MONEY)
    return total->money != sum->money;
  if (type == WARD_CSV_INTEGER)
    return total->integer != sum->integer;
  return fabs (total->decimal - sum->decimal) > 0.005;
}

/* One total row: each number it gives against what the records add up to. */
static guint
check_total (WardCsvMapping     *mapping,
             guint               row,
             const WardCsvValue *sums,
             GPtrArray          *issues)
{
  guint n_fields;
  const char * const *fields = ward_csv_table_get_row (mapping->table, row, &n_fields);
  guint number = ward_csv_table_get_row_number (mapping->table, row);
  guint n_differences = 0;

  for (guint c = 0; c < mapping->n_columns; c++)
    {
      int i = mapping->field_index[c];
      WardCsvValue total = { 0 };
      g_autofree char *said = NULL;
      g_autofree char *added = NULL;
      g_autofree char *message = NULL;

      if (!is_summed (mapping->columns[c].type) || i < 0 || (guint) i >= n_fields
          || fields[i][0] == '\0'
          || !parse_value (mapping->columns[c].type, fields[i], &total, NULL)
          || !sums_differ (mapping->columns[c].type, &total, &sums[c]))
        continue;
      said = format_sum (mapping->columns[c].type, &total);
      added = format_sum (mapping->columns[c].type, &sums[c]);
      message = g_strdup_printf (_("This total row says %s, but the rows above add up to %s: "
                                   "check for a missing, hidden or mistyped row."), said, added);
      add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table, number,
                 ward_csv_mapping_get_header (mapping, c), NULL, message);
      n_differences++;
    }
  return n_differences;
}

guint
ward_csv_mapping_check_totals (WardCsvMapping     *mapping,
                               const WardCsvValue *sums,
                               GPtrArray          *issues)
{
  guint n_differences = 0;

  g_return_val_if_fail (mapping != NULL, 0);

  for (guint t = 0; t < mapping->totals->len; t++)
    {
      guint row = g_array_index (mapping->totals, guint, t);
      const char * const *fields = ward_csv_table_get_row (mapping->table, row, NULL);
      guint found = check_total (mapping, row, sums, issues);

      if (found == 0)
        add_issue (issues, WARD_CSV_SEVERITY_WARNING, mapping->table,
                   ward_csv_table_get_row_number (mapping->table, row), NULL,
                   first_value (fields),
                   _("This is the sheet’s total row: it is not imported, and its sums match "
                     "the rows."));
      n_differences += found;
    }
  return n_differences;
}

/* ---- Writing ------------------------------------------------------------ */

static WardCsvWriter *
writer_new (void)
{
  WardCsvWriter *writer = g_new0 (WardCsvWriter, 1);

  writer->buffer = g_string_sized_new (WRITER_FLUSH_SIZE + 1024);
  /* The byte order mark is what makes Excel read the file as UTF-8. */
  g_string_append (writer->buffer, "\xEF\xBB\xBF");

  return writer;
}

WardCsvWriter *
ward_csv_writer_new (GOutputStream *stream)
{
  WardCsvWriter *writer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  writer = writer_new ();
  writer->stream = g_object_ref (stream);

  return writer;
}

WardCsvWriter *
ward_csv_writer_new_for_cells (void)
{
  WardCsvWriter *writer = writer_new ();

  writer->cells = g_ptr_array_new_with_free_func (g_free);
  return writer;
}

GStrv
ward_csv_writer_take_cells (WardCsvWriter *writer)
{
  GStrv cells;

  g_return_val_if_fail (writer != NULL && writer->cells != NULL, NULL);

  g_ptr_array_add (writer->cells, NULL);
  cells = (GStrv) g_ptr_array_free (writer->cells, FALSE);
  writer->cells = g_ptr_array_new_with_free_func (g_free);
  return cells;
}

WardCsvWriter *
ward_csv_writer_new_for_path (const char      *path,
                              WardOutputFlags  flags)
{
  WardCsvWriter *writer;

  g_return_val_if_fail (path != NULL, NULL);

  writer = writer_new ();
  writer->path = g_strdup (path);
  writer->flags = flags;

  return writer;
}

WardCsvWriter *
ward_csv_writer_new_for_workbook (const char      *path,
                                  WardOutputFlags  flags,
                                  const char      *sheet_name)
{
  WardCsvWriter *writer;

  g_return_val_if_fail (path != NULL, NULL);

  writer = writer_new ();
  writer->path = g_strdup (path);
  writer->to_workbook = TRUE;
  writer->book = ward_workbook_new (path, flags, sheet_name, NULL, &writer->error);
  if (writer->book != NULL)
    writer->sheet = ward_workbook_add_sheet (writer->book, sheet_name);
  return writer;
}

void
ward_csv_writer_free (WardCsvWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_pointer (&writer->book, ward_workbook_free);
  g_clear_object (&writer->stream);
  g_free (writer->path);
  g_string_free (writer->buffer, TRUE);
  g_clear_error (&writer->error);
  g_clear_pointer (&writer->cells, g_ptr_array_unref);
  g_free (writer);
}

static gboolean
needs_quotes (const char *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return FALSE;
  /* The reader trims unquoted spaces and reads "sep=" as a directive; ';'
   * and tab are quoted too so that the separator detection stays sure. */
  return text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' || text[len - 1] == '\t'
         || strpbrk (text, ",;\t\"\r\n") != NULL || g_str_has_prefix (text, "sep=");
}

static void
writer_add_field (WardCsvWriter *writer,
                  const char    *text)
{
  gboolean quote;
  gboolean guard;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (!writer->closed);

  if (text == NULL)
    text = "";
  if (writer->cells != NULL)
    {
      g_ptr_array_add (writer->cells, g_strdup (text));
      return;
    }
  quote = needs_quotes (text);
  guard = needs_formula_guard (text);

  if (writer->row_started)
    g_string_append_c (writer->buffer, ',');
  writer->row_started = TRUE;

  if (quote)
    g_string_append_c (writer->buffer, '"');
  if (guard)
    g_string_append_c (writer->buffer, '\'');
  if (!quote)
    g_string_append (writer->buffer, text);
  else
    for (const char *p = text; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (writer->buffer, '"');
        g_string_append_c (writer->buffer, *p);
      }
  if (quote)
    g_string_append_c (writer->buffer, '"');
}

/* The next cell of the workbook's row; FALSE when writing CSV. */
static gboolean
to_sheet (WardCsvWriter *writer,
          guint         *column)
{
  *column = 0;
  if (!writer->to_workbook)
    return FALSE;
  g_return_val_if_fail (!writer->closed, TRUE);
  writer->row_started = TRUE;
  *column = writer->column++;
  return TRUE;
}

void
ward_csv_writer_add_header (WardCsvWriter       *writer,
                            const WardCsvColumn *columns,
                            guint                n_columns)
{
  guint column;

  g_return_if_fail (columns != NULL || n_columns == 0);

  for (guint c = 0; c < n_columns; c++)
    if (!to_sheet (writer, &column))
      writer_add_field (writer, columns[c].label);
    else if (writer->sheet != NULL)
      ward_sheet_set_text (writer->sheet, writer->row, column, columns[c].label, WARD_CELL_HEADER);
  if (writer->sheet != NULL)
    ward_sheet_freeze_rows (writer->sheet, writer->row + 1);
  ward_csv_writer_end_row (writer);
}

void
ward_csv_writer_add_text (WardCsvWriter *writer,
                          const char    *text)
{
  guint column;

  if (!to_sheet (writer, &column))
    writer_add_field (writer, text);
  else if (writer->sheet != NULL)
    ward_sheet_set_text (writer->sheet, writer->row, column, text, WARD_CELL_PLAIN);
}

void
ward_csv_writer_add_date (WardCsvWriter *writer,
                          const char    *iso_date)
{
  char text[11];
  guint column;

  if (to_sheet (writer, &column))
    {
      if (writer->sheet != NULL
          && !ward_sheet_set_date (writer->sheet, writer->row, column, iso_date, FALSE))
        ward_sheet_set_text (writer->sheet, writer->row, column, iso_date, WARD_CELL_PLAIN);
      return;
    }

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    {
      writer_add_field (writer, iso_date);
      return;
    }

  g_snprintf (text, sizeof text, "%.2s/%.2s/%.4s", iso_date + 8, iso_date + 5, iso_date);
  writer_add_field (writer, text);
}

void
ward_csv_writer_add_money (WardCsvWriter *writer,
                           gint64         dong)
{
  char text[24];
  guint column;

  if (to_sheet (writer, &column))
    {
      if (writer->sheet != NULL)
        ward_sheet_set_number (writer->sheet, writer->row, column, (double) dong,
                               WARD_NUMBER_INTEGER, FALSE);
      return;
    }

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, dong);
  writer_add_field (writer, text);
}

void
ward_csv_writer_add_integer (WardCsvWriter *writer,
                             gint64         value)
{
  ward_csv_writer_add_money (writer, value);
}

void
ward_csv_writer_add_decimal (WardCsvWriter *writer,
                             double         value,
                             int            max_decimals)
{
  char format[16];
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;
  guint column;

  if (to_sheet (writer, &column))
    {
      if (writer->sheet == NULL)
        return;
      if (isfinite (value))
        ward_sheet_set_number (writer->sheet, writer->row, column, value, WARD_NUMBER_DECIMAL,
                               FALSE);
      else
        ward_sheet_set_text (writer->sheet, writer->row, column, NULL, WARD_CELL_PLAIN);
      return;
    }
  if (!isfinite (value))
    {
      writer_add_field (writer, "");
      return;
    }

  g_snprintf (format, sizeof format, "%%.%df", CLAMP (max_decimals, 0, 15));
  g_ascii_formatd (text, sizeof text, format, value);

  point = strchr (text, '.');
  if (point != NULL)
    {
      char *last = text + strlen (text) - 1;

      while (*last == '0')
        *last-- = '\0';
      if (last == point)
        *point = '\0';
      else
        *point = ',';
    }

  writer_add_field (writer, g_str_equal (text, "-0") ? "0" : text);
}

void
ward_csv_writer_add_bool (WardCsvWriter *writer,
                          gboolean       value)
{
  ward_csv_writer_add_text (writer, value ? "x" : "");
}

static void
writer_flush (WardCsvWriter *writer,
              GCancellable  *cancellable)
{
  if (writer->error == NULL)
    g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                               NULL, cancellable, &writer->error);

  g_string_truncate (writer->buffer, 0);
}

void
ward_csv_writer_end_row (WardCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (!writer->closed);

  if (writer->cells != NULL)
    return;
  if (writer->to_workbook)
    {
      writer->row++;
      writer->column = 0;
      writer->row_started = FALSE;
      return;
    }
  g_string_append (writer->buffer, "\r\n");
  writer->row_started = FALSE;

  if (writer->stream != NULL && writer->buffer->len >= WRITER_FLUSH_SIZE)
    writer_flush (writer, NULL);
}

gboolean
ward_csv_writer_close (WardCsvWriter  *writer,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->closed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->row_started)
    ward_csv_writer_end_row (writer);
  writer->closed = TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (writer->to_workbook)
    {
      if (writer->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&writer->error));
          return FALSE;
        }
      return ward_workbook_close (g_steal_pointer (&writer->book), error);
    }

  if (writer->stream != NULL)
    {
      writer_flush (writer, cancellable);
      if (writer->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&writer->error));
          return FALSE;
        }
      return TRUE;
    }

  /* Through ward_output_open(): all or nothing, private, never over the
   * open database. */
  return ward_output_write_file (writer->path, writer->flags, writer->buffer->str,
                                 writer->buffer->len, error);
}
