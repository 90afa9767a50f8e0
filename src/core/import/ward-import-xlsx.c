/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "import/ward-import-workbook-private.h"

/* Office Open XML (ECMA-376 Part 1): xl/workbook.xml lists the sheets and
 * the date system, its relationships name each sheet's part, xl/styles.xml
 * tells which cells are dates, xl/sharedStrings.xml holds the text. */

#define WORKBOOK "xl/workbook.xml"
#define WORKBOOK_RELS "xl/_rels/workbook.xml.rels"
#define STYLES "xl/styles.xml"
#define SHARED_STRINGS "xl/sharedStrings.xml"

typedef enum
{
  CELL_PLAIN,
  CELL_DATE,
  CELL_PERCENT,
} CellStyle;

typedef struct
{
  const char *display_name;
  gboolean    date1904;
  GPtrArray  *names;      /* sheet names, NULL-terminated */
  GArray     *hidden;     /* gboolean per sheet */
  GPtrArray  *rel_ids;    /* r:id per sheet */
  GHashTable *targets;    /* r:id -> part name */
  GHashTable *formats;    /* numFmtId -> CellStyle, the workbook's own formats */
  GArray     *styles;     /* CellStyle per cellXfs index */
  GPtrArray  *strings;    /* the shared strings */
  GError     *error;      /* the first error while walking a part */

  /* Where the walk stands. */
  gboolean    in_cell_xfs;
  gboolean    in_text;     /* a <t> whose text counts */
  gboolean    in_phonetic; /* <rPh>: a reading guide, not the text */
  GString    *text;
  WardSheetBuilder *builder;
  guint       row;
  int         column;
  char       *cell_type;
  CellStyle   cell_style;
  gboolean    cell_formula;
  GString    *unsaved;     /* cells whose formula has no saved result */
} Xlsx;

static void
xlsx_clear (Xlsx *x)
{
  g_clear_pointer (&x->names, g_ptr_array_unref);
  g_clear_pointer (&x->hidden, g_array_unref);
  g_clear_pointer (&x->rel_ids, g_ptr_array_unref);
  g_clear_pointer (&x->targets, g_hash_table_unref);
  g_clear_pointer (&x->formats, g_hash_table_unref);
  g_clear_pointer (&x->styles, g_array_unref);
  g_clear_pointer (&x->strings, g_ptr_array_unref);
  g_clear_error (&x->error);
  if (x->text != NULL)
    g_string_free (g_steal_pointer (&x->text), TRUE);
  g_clear_pointer (&x->cell_type, g_free);
  if (x->unsaved != NULL)
    g_string_free (g_steal_pointer (&x->unsaved), TRUE);
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (g_str_equal (value, "1") || g_str_equal (value, "true"));
}

/* Runs @reader to its end; FALSE if the XML is broken. */
typedef void (*ElementFunc) (Xlsx *x, xmlTextReaderPtr reader);

static gboolean
walk (Xlsx        *x,
      GBytes      *part,
      ElementFunc  func)
{
  xmlTextReaderPtr reader = ward_xml_reader_new (part);
  int status;

  if (reader == NULL)
    return FALSE;
  while (x->error == NULL && (status = xmlTextReaderRead (reader)) == 1)
    func (x, reader);
  xmlFreeTextReader (reader);
  return x->error == NULL && status == 0;
}

static void
on_workbook (Xlsx             *x,
             xmlTextReaderPtr  reader)
{
  if (ward_xml_is_element (reader, "workbookPr"))
    {
      g_autofree char *date1904 = ward_xml_get_attribute (reader, "date1904");

      x->date1904 = is_true (date1904);
    }
  else if (ward_xml_is_element (reader, "sheet"))
    {
      g_autofree char *state = ward_xml_get_attribute (reader, "state");
      char *name = ward_xml_get_attribute (reader, "name");
      gboolean hidden = state != NULL && !g_str_equal (state, "visible");

      g_ptr_array_insert (x->names, (int) x->names->len - 1, name ? name : g_strdup (""));
      g_array_append_val (x->hidden, hidden);
      g_ptr_array_add (x->rel_ids, ward_xml_get_attribute (reader, "id"));
    }
}

/* "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml". */
static char *
part_name (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

static void
on_relationship (Xlsx             *x,
                 xmlTextReaderPtr  reader)
{
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;

  if (!ward_xml_is_element (reader, "Relationship"))
    return;
  id = ward_xml_get_attribute (reader, "Id");
  target = ward_xml_get_attribute (reader, "Target");
  if (id != NULL && target != NULL)
    g_hash_table_insert (x->targets, g_steal_pointer (&id), part_name (target));
}

/* ---- Styles: which cells are dates -------------------------------------- */

/* The built-in formats (ECMA-376 Part 1, 18.8.30): 14–17 and 22 are dates,
 * 27–36 and 50–58 the East Asian dates; 9 and 10 are percentages. */
static CellStyle
builtin_style (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return CELL_DATE;
  if (id == 9 || id == 10)
    return CELL_PERCENT;
  return CELL_PLAIN;
}

/* A format code with a day or a year outside quotes, brackets and escapes
 * is a date ("dd/mm/yyyy", "[$-42A]d mmmm yyyy"); "m" alone may be
 * minutes, so it does not count. */
static CellStyle
code_style (const char *code)
{
  gboolean percent = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"' && (p = strchr (p + 1, '"')) == NULL)
        break;
      if (*p == '[' && (p = strchr (p + 1, ']')) == NULL)
        break;
      if ((*p == '\\' || *p == '_' || *p == '*') && *++p == '\0')
        break;
      if (strchr ("dDyY", *p) != NULL)
        return CELL_DATE;
      percent = percent || *p == '%';
    }
  return percent ? CELL_PERCENT : CELL_PLAIN;
}

static void
on_styles (Xlsx             *x,
           xmlTextReaderPtr  reader)
{
  if (ward_xml_is_element (reader, "numFmt"))
    {
      g_autofree char *id = ward_xml_get_attribute (reader, "numFmtId");
      g_autofree char *code = ward_xml_get_attribute (reader, "formatCode");

      if (id != NULL && code != NULL)
        g_hash_table_insert (x->formats, GUINT_TO_POINTER (strtoul (id, NULL, 10)),
                             GINT_TO_POINTER (code_style (code)));
    }
  else if (ward_xml_is_element (reader, "cellXfs"))
    x->in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
  else if (ward_xml_is_end (reader, "cellXfs"))
    x->in_cell_xfs = FALSE;
  else if (x->in_cell_xfs && ward_xml_is_element (reader, "xf"))
    {
      g_autofree char *id_text = ward_xml_get_attribute (reader, "numFmtId");
      guint id = id_text ? (guint) strtoul (id_text, NULL, 10) : 0;
      gpointer own;
      CellStyle style = g_hash_table_lookup_extended (x->formats, GUINT_TO_POINTER (id), NULL, &own)
                        ? (CellStyle) GPOINTER_TO_INT (own) : builtin_style (id);

      g_array_append_val (x->styles, style);
    }
}

/* ---- Text: shared strings, inline strings ------------------------------- */

/* "_x000D_" is how OOXML writes a character XML cannot hold. */
static char *
unescape_ooxml (GString *text)
{
  GString *out;

  if (strstr (text->str, "_x") == NULL)
    return g_strdup (text->str);
  out = g_string_sized_new (text->len);
  for (const char *p = text->str; *p != '\0'; p++)
    {
      guint code;

      if (p[0] == '_' && p[1] == 'x' && strlen (p) >= 7 && p[6] == '_'
          && strspn (p + 2, "0123456789abcdefABCDEF") >= 4
          && sscanf (p + 2, "%4x", &code) == 1 && g_unichar_validate (code))
        {
          g_string_append_unichar (out, code);
          p += 6;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Follows <t> (not inside <rPh>) and collects its text in x->text. */
static void
collect_text (Xlsx             *x,
              xmlTextReaderPtr  reader)
{
  int type = xmlTextReaderNodeType (reader);

  if (ward_xml_is_element (reader, "rPh"))
    x->in_phonetic = !xmlTextReaderIsEmptyElement (reader);
  else if (ward_xml_is_end (reader, "rPh"))
    x->in_phonetic = FALSE;
  else if (ward_xml_is_element (reader, "t"))
    x->in_text = !x->in_phonetic && !xmlTextReaderIsEmptyElement (reader);
  else if (ward_xml_is_end (reader, "t"))
    x->in_text = FALSE;
  else if (x->in_text && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                          || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                          || type == XML_READER_TYPE_WHITESPACE))
    g_string_append (x->text, (const char *) xmlTextReaderConstValue (reader));
}

static void
on_shared_strings (Xlsx             *x,
                   xmlTextReaderPtr  reader)
{
  if (ward_xml_is_element (reader, "si"))
    {
      g_string_truncate (x->text, 0);
      if (xmlTextReaderIsEmptyElement (reader))
        g_ptr_array_add (x->strings, g_strdup (""));
    }
  else if (ward_xml_is_end (reader, "si"))
    g_ptr_array_add (x->strings, unescape_ooxml (x->text));
  else
    collect_text (x, reader);
}

/* ---- The sheet ---------------------------------------------------------- */

/* "C5" -> 2; -1 if @ref names no column. */
static int
column_of (const char *ref)
{
  int column = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && p - ref < 3; p++)
    column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  return p == ref ? -1 : column - 1;
}

static void
on_column (Xlsx             *x,
           xmlTextReaderPtr  reader)
{
  g_autofree char *min = ward_xml_get_attribute (reader, "min");
  g_autofree char *max = ward_xml_get_attribute (reader, "max");
  g_autofree char *hidden = ward_xml_get_attribute (reader, "hidden");
  gulong first = min ? strtoul (min, NULL, 10) : 0;
  gulong last = max ? strtoul (max, NULL, 10) : first;

  if (!is_true (hidden) || first < 1)
    return;
  for (gulong c = first; c <= MIN (last, WARD_SHEET_MAX_COLUMNS); c++)
    ward_sheet_builder_hide_column (x->builder, (guint) c - 1);
}

static void
on_row (Xlsx             *x,
        xmlTextReaderPtr  reader)
{
  g_autofree char *number = ward_xml_get_attribute (reader, "r");
  g_autofree char *hidden = ward_xml_get_attribute (reader, "hidden");
  gulong row = number ? strtoul (number, NULL, 10) : x->row + 1;

  if (row <= x->row || row > WARD_SHEET_MAX_ROWS)
    {
      ward_xml_set_error (&x->error, x->display_name, "sheetData");
      return;
    }
  x->row = (guint) row;
  x->column = -1;
  ward_sheet_builder_begin_row (x->builder, x->row, is_true (hidden));
  if (xmlTextReaderIsEmptyElement (reader))
    ward_sheet_builder_end_row (x->builder, 1, &x->error);
}

static void
on_cell (Xlsx             *x,
         xmlTextReaderPtr  reader)
{
  g_autofree char *ref = ward_xml_get_attribute (reader, "r");
  g_autofree char *style = ward_xml_get_attribute (reader, "s");
  gulong index = style ? strtoul (style, NULL, 10) : 0;
  int column = ref ? column_of (ref) : x->column + 1;

  x->column = column >= 0 ? column : x->column + 1;
  g_free (x->cell_type);
  x->cell_type = ward_xml_get_attribute (reader, "t");
  x->cell_style = index < x->styles->len ? g_array_index (x->styles, CellStyle, index) : CELL_PLAIN;
  g_string_truncate (x->text, 0);
  x->in_text = x->in_phonetic = x->cell_formula = FALSE;
}

/* A formula without its result: written by a program that does not
 * compute (a script, not Excel or LibreOffice). */
static void
note_unsaved (Xlsx *x)
{
  g_autofree char *column = ward_sheet_column_name ((guint) x->column);

  if (x->unsaved->len < 200)
    g_string_append_printf (x->unsaved, "%s%s%u", x->unsaved->len > 0 ? ", " : "", column, x->row);
}

static char *
shared_string (Xlsx *x)
{
  char *end = NULL;
  gulong index = strtoul (x->text->str, &end, 10);

  if (end == x->text->str || index >= x->strings->len)
    {
      ward_xml_set_error (&x->error, x->display_name, SHARED_STRINGS);
      return NULL;
    }
  return g_strdup (x->strings->pdata[index]);
}

static char *
number_text (Xlsx *x)
{
  char *end = NULL;
  double value = g_ascii_strtod (x->text->str, &end);

  if (x->text->len == 0 || end == NULL || *end != '\0')
    return g_strdup (x->text->str);
  if (x->cell_style == CELL_DATE)
    return ward_sheet_format_serial (value, x->date1904);
  return ward_sheet_format_number (value, x->cell_style == CELL_PERCENT);
}

/* The cell's value as the engine reads it: a formula's cached value, the
 * text of a shared or inline string, a date as dd/mm/yyyy. */
static char *
cell_text (Xlsx *x)
{
  const char *type = x->cell_type ? x->cell_type : "n";

  if (g_str_equal (type, "s"))
    return shared_string (x);
  if (g_str_equal (type, "inlineStr") || g_str_equal (type, "str") || g_str_equal (type, "e"))
    return unescape_ooxml (x->text);
  if (g_str_equal (type, "b"))
    return g_strdup (g_str_equal (x->text->str, "1") ? "x" : "");
  if (g_str_equal (type, "d"))
    {
      char *date = ward_sheet_format_iso (x->text->str);

      return date ? date : g_strdup (x->text->str);
    }
  return number_text (x);
}

static void
on_sheet (Xlsx             *x,
          xmlTextReaderPtr  reader)
{
  if (ward_xml_is_element (reader, "col"))
    on_column (x, reader);
  else if (ward_xml_is_element (reader, "row"))
    on_row (x, reader);
  else if (ward_xml_is_end (reader, "row"))
    ward_sheet_builder_end_row (x->builder, 1, &x->error);
  else if (ward_xml_is_element (reader, "c"))
    on_cell (x, reader);
  else if (ward_xml_is_element (reader, "f"))
    x->cell_formula = TRUE;
  else if (ward_xml_is_end (reader, "c"))
    {
      char *text = cell_text (x);

      if (x->cell_formula && x->text->len == 0)
        note_unsaved (x);
      if (text != NULL && x->row > 0)
        ward_sheet_builder_set_cell (x->builder, (guint) x->column, text, &x->error);
      else
        g_free (text);
    }
  else if (ward_xml_is_element (reader, "v"))
    x->in_text = !xmlTextReaderIsEmptyElement (reader);
  else if (ward_xml_is_end (reader, "v"))
    x->in_text = FALSE;
  else
    collect_text (x, reader);
}

/* ---- Reading ------------------------------------------------------------ */

static gboolean
read_part (Xlsx         *x,
           GHashTable   *parts,
           const char   *name,
           gboolean      required,
           ElementFunc   func,
           GError      **error)
{
  GBytes *part = g_hash_table_lookup (parts, name);

  if (part == NULL && !required)
    return TRUE;
  if (part != NULL && walk (x, part, func))
    return TRUE;
  if (x->error != NULL)
    g_propagate_error (error, g_steal_pointer (&x->error));
  else if (part == NULL)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is not an Excel workbook: it has no part “%s”. Open it in Excel or "
                   "LibreOffice and save it as .xlsx again."), x->display_name, name);
  else
    ward_xml_set_error (error, x->display_name, name);
  return FALSE;
}

static gboolean
read_workbook (Xlsx        *x,
               GBytes      *bytes,
               GError     **error)
{
  const char *names[] = { WORKBOOK, WORKBOOK_RELS, STYLES, SHARED_STRINGS, NULL };
  g_autoptr (GHashTable) parts = ward_zip_read_entries (bytes, x->display_name, names, error);

  if (parts == NULL)
    return FALSE;
  return read_part (x, parts, WORKBOOK, TRUE, on_workbook, error)
         && read_part (x, parts, WORKBOOK_RELS, TRUE, on_relationship, error)
         && read_part (x, parts, STYLES, FALSE, on_styles, error)
         && read_part (x, parts, SHARED_STRINGS, FALSE, on_shared_strings, error);
}

static WardCsvTable *
read_sheet (Xlsx        *x,
            GBytes      *bytes,
            int          index,
            GError     **error)
{
  const char *rel_id = x->rel_ids->pdata[index];
  const char *target = rel_id ? g_hash_table_lookup (x->targets, rel_id) : NULL;
  const char *names[] = { target, NULL };
  g_autoptr (GHashTable) parts = NULL;
  g_autoptr (WardCsvTable) table = NULL;

  if (target == NULL)
    {
      ward_xml_set_error (error, x->display_name, WORKBOOK_RELS);
      return NULL;
    }
  parts = ward_zip_read_entries (bytes, x->display_name, names, error);
  if (parts == NULL)
    return NULL;
  table = ward_csv_table_new_for_sheet (x->display_name, x->names->pdata[index],
                                        (const char * const *) x->names->pdata);
  x->builder = ward_sheet_builder_new (table);
  if (!read_part (x, parts, target, TRUE, on_sheet, error))
    {
      ward_sheet_builder_finish (g_steal_pointer (&x->builder), NULL);
      return NULL;
    }
  if (!ward_sheet_builder_finish (g_steal_pointer (&x->builder), error))
    return NULL;
  if (x->unsaved->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("The results of the formulas in %s were "
                                                    "never saved, so those cells read as empty: "
                                                    "open the workbook in Excel or LibreOffice "
                                                    "and save it again."), x->unsaved->str);

      ward_csv_table_add_note (table, 0, NULL, message);
    }
  return g_steal_pointer (&table);
}

WardCsvTable *
ward_xlsx_read (GBytes      *bytes,
                const char  *display_name,
                const char  *sheet,
                GError     **error)
{
  Xlsx x = { display_name };
  WardCsvTable *table = NULL;
  int index;

  x.names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (x.names, NULL);
  x.hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  x.rel_ids = g_ptr_array_new_with_free_func (g_free);
  x.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  x.formats = g_hash_table_new (NULL, NULL);
  x.styles = g_array_new (FALSE, FALSE, sizeof (CellStyle));
  x.strings = g_ptr_array_new_with_free_func (g_free);
  x.text = g_string_new (NULL);
  x.unsaved = g_string_new (NULL);

  if (read_workbook (&x, bytes, error)
      && (index = ward_sheet_choose ((const char * const *) x.names->pdata,
                                     (const gboolean *) (void *) x.hidden->data, sheet,
                                     display_name, error)) >= 0)
    table = read_sheet (&x, bytes, index, error);
  if (table != NULL && sheet == NULL)
    ward_sheet_note_others (table);
  xlsx_clear (&x);
  return table;
}
