/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "import/ward-import-workbook-private.h"

/* OpenDocument spreadsheets (ISO/IEC 26300, OpenDocument 1.2 part 1, 9.1):
 * every sheet is a <table:table> of content.xml; a cell keeps its value in
 * office:value / office:date-value (a formula's result too) and its shown
 * text in <text:p>; repeated rows and cells are written once with a count. */

#define CONTENT "content.xml"

typedef struct
{
  const char       *display_name;
  const char       *wanted;     /* the sheet to read; NULL: the first */
  GPtrArray        *names;      /* every sheet, NULL-terminated */
  WardCsvTable     *table;
  WardSheetBuilder *builder;
  GError           *error;

  gboolean          in_sheet;   /* inside the table being read */
  guint             row;        /* the number of the row being read */
  guint             row_repeat;
  gboolean          row_hidden;
  guint             column;     /* the next cell's index */
  guint             n_columns;  /* columns declared so far */
  /* The cell being read. */
  char             *value;      /* from its attributes, or NULL: its text */
  guint             cell_repeat;
  GString          *text;
  gboolean          in_paragraph;
  guint             skip_depth; /* inside an annotation: its text is not the cell's */
} Ods;

static guint
repeat_of (xmlTextReaderPtr  reader,
           const char       *name)
{
  g_autofree char *count = ward_xml_get_attribute (reader, name);
  gulong n = count ? strtoul (count, NULL, 10) : 1;

  return (guint) CLAMP (n, 1, WARD_SHEET_MAX_ROWS);
}

static void
on_table (Ods              *o,
          xmlTextReaderPtr  reader)
{
  g_autofree char *name = ward_xml_get_attribute (reader, "name");
  gboolean first = o->names->len == 1;

  g_ptr_array_insert (o->names, (int) o->names->len - 1, g_strdup (name ? name : ""));
  if (o->table != NULL || !(o->wanted ? g_strcmp0 (name, o->wanted) == 0 : first))
    return;
  o->table = ward_csv_table_new_for_sheet (o->display_name, name ? name : "", NULL);
  o->builder = ward_sheet_builder_new (o->table);
  o->in_sheet = !xmlTextReaderIsEmptyElement (reader);
  o->row = 0;
  o->n_columns = 0;
}

static void
on_column (Ods              *o,
           xmlTextReaderPtr  reader)
{
  g_autofree char *visibility = ward_xml_get_attribute (reader, "visibility");
  guint repeat = repeat_of (reader, "number-columns-repeated");
  gboolean hidden = visibility != NULL && !g_str_equal (visibility, "visible");

  for (guint i = 0; i < repeat && o->n_columns < WARD_SHEET_MAX_COLUMNS; i++, o->n_columns++)
    if (hidden)
      ward_sheet_builder_hide_column (o->builder, o->n_columns);
}

static void
on_row (Ods              *o,
        xmlTextReaderPtr  reader)
{
  g_autofree char *visibility = ward_xml_get_attribute (reader, "visibility");

  o->row_repeat = repeat_of (reader, "number-rows-repeated");
  o->row_hidden = visibility != NULL && !g_str_equal (visibility, "visible");
  o->column = 0;
  if (o->row + 1 > WARD_SHEET_MAX_ROWS)
    {
      ward_xml_set_error (&o->error, o->display_name, CONTENT);
      return;
    }
  ward_sheet_builder_begin_row (o->builder, o->row + 1, o->row_hidden);
}

/* A row written once for several: a blank one (the thousands of empty
 * rows below the data) only advances the count. */
static void
end_row (Ods *o)
{
  ward_sheet_builder_end_row (o->builder, o->row_repeat, &o->error);
  o->row += o->row_repeat;
}

static void
on_cell (Ods              *o,
         xmlTextReaderPtr  reader)
{
  g_autofree char *type = ward_xml_get_attribute (reader, "value-type");
  g_autofree char *value = NULL;

  g_clear_pointer (&o->value, g_free);
  g_string_truncate (o->text, 0);
  o->cell_repeat = repeat_of (reader, "number-columns-repeated");
  if (type == NULL || g_str_equal (type, "string") || g_str_equal (type, "time"))
    return;
  if (g_str_equal (type, "date"))
    {
      value = ward_xml_get_attribute (reader, "date-value");
      o->value = ward_sheet_format_iso (value);
    }
  else if (g_str_equal (type, "boolean"))
    {
      value = ward_xml_get_attribute (reader, "boolean-value");
      o->value = g_strdup (g_strcmp0 (value, "true") == 0 ? "x" : "");
    }
  else if ((value = ward_xml_get_attribute (reader, "value")) != NULL)
    o->value = ward_sheet_format_number (g_ascii_strtod (value, NULL),
                                         g_str_equal (type, "percentage"));
}

static void
end_cell (Ods *o)
{
  const char *text = o->value != NULL ? o->value : o->text->str;

  for (guint i = 0; i < o->cell_repeat && o->error == NULL; i++)
    {
      if (text[0] != '\0')
        ward_sheet_builder_set_cell (o->builder, o->column, g_strdup (text), &o->error);
      if (o->column < WARD_SHEET_MAX_COLUMNS)
        o->column++;
    }
  g_clear_pointer (&o->value, g_free);
  o->cell_repeat = 1;
}

/* The shown text: paragraphs joined by line breaks, <text:s/> spaces. */
static void
on_text (Ods              *o,
         xmlTextReaderPtr  reader)
{
  int type = xmlTextReaderNodeType (reader);

  if (ward_xml_is_element (reader, "p"))
    {
      if (o->text->len > 0)
        g_string_append_c (o->text, '\n');
      o->in_paragraph = !xmlTextReaderIsEmptyElement (reader);
    }
  else if (ward_xml_is_end (reader, "p"))
    o->in_paragraph = FALSE;
  else if (!o->in_paragraph)
    return;
  else if (ward_xml_is_element (reader, "s"))
    {
      guint n = MIN (repeat_of (reader, "c"), 1000);

      for (guint i = 0; i < n; i++)
        g_string_append_c (o->text, ' ');
    }
  else if (ward_xml_is_element (reader, "tab"))
    g_string_append_c (o->text, '\t');
  else if (ward_xml_is_element (reader, "line-break"))
    g_string_append_c (o->text, '\n');
  else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
           || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
    g_string_append (o->text, (const char *) xmlTextReaderConstValue (reader));
}

static void
on_sheet_node (Ods              *o,
               xmlTextReaderPtr  reader)
{
  if (ward_xml_is_element (reader, "annotation") && !xmlTextReaderIsEmptyElement (reader))
    o->skip_depth = (guint) xmlTextReaderDepth (reader) + 1;
  else if (o->skip_depth > 0)
    {
      if (ward_xml_is_end (reader, "annotation")
          && (guint) xmlTextReaderDepth (reader) + 1 == o->skip_depth)
        o->skip_depth = 0;
    }
  else if (ward_xml_is_element (reader, "table-column"))
    on_column (o, reader);
  else if (ward_xml_is_element (reader, "table-row"))
    {
      on_row (o, reader);
      if (xmlTextReaderIsEmptyElement (reader))
        end_row (o);
    }
  else if (ward_xml_is_end (reader, "table-row"))
    end_row (o);
  else if (ward_xml_is_element (reader, "table-cell")
           || ward_xml_is_element (reader, "covered-table-cell"))
    {
      on_cell (o, reader);
      if (ward_xml_is_element (reader, "covered-table-cell") || xmlTextReaderIsEmptyElement (reader))
        end_cell (o);
    }
  else if (ward_xml_is_end (reader, "table-cell"))
    end_cell (o);
  else if (ward_xml_is_end (reader, "table"))
    o->in_sheet = FALSE;
  else
    on_text (o, reader);
}

static void
on_node (Ods              *o,
         xmlTextReaderPtr  reader)
{
  if (o->in_sheet)
    on_sheet_node (o, reader);
  else if (ward_xml_is_element (reader, "table"))
    on_table (o, reader);
}

static gboolean
walk_content (Ods     *o,
              GBytes  *content)
{
  xmlTextReaderPtr reader = ward_xml_reader_new (content);
  int status = -1;

  if (reader == NULL)
    return FALSE;
  while (o->error == NULL && (status = xmlTextReaderRead (reader)) == 1)
    on_node (o, reader);
  xmlFreeTextReader (reader);
  return o->error == NULL && status == 0;
}

static WardCsvTable *
finish (Ods     *o,
        GError **error)
{
  g_autoptr (WardCsvTable) table = g_steal_pointer (&o->table);
  gboolean built = ward_sheet_builder_finish (g_steal_pointer (&o->builder),
                                              o->error == NULL ? error : NULL);

  if (o->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&o->error));
      return NULL;
    }
  if (!built)
    return NULL;
  ward_csv_table_set_sheets (table, (const char * const *) o->names->pdata);
  if (o->wanted == NULL)
    ward_sheet_note_others (table);
  return g_steal_pointer (&table);
}

WardCsvTable *
ward_ods_read (GBytes      *bytes,
               const char  *display_name,
               const char  *sheet,
               GError     **error)
{
  const char *names[] = { CONTENT, NULL };
  g_autoptr (GHashTable) parts = ward_zip_read_entries (bytes, display_name, names, error);
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func (g_free);
  Ods o = { display_name, sheet, sheets };
  g_autofree gboolean *hidden = NULL;
  GBytes *content;
  WardCsvTable *table = NULL;
  gboolean walked;

  if (parts == NULL)
    return NULL;
  if ((content = g_hash_table_lookup (parts, CONTENT)) == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a LibreOffice spreadsheet: it has no part “%s”. Open it in "
                     "LibreOffice and save it as .ods again."), display_name, CONTENT);
      return NULL;
    }
  g_ptr_array_add (sheets, NULL);
  o.text = g_string_new (NULL);
  o.cell_repeat = 1;
  walked = walk_content (&o, content);
  if (!walked && o.error == NULL)
    ward_xml_set_error (&o.error, display_name, CONTENT);
  if (o.builder != NULL)
    table = finish (&o, error);
  else if (o.error != NULL)
    g_propagate_error (error, g_steal_pointer (&o.error));
  else
    {
      hidden = g_new0 (gboolean, sheets->len);
      ward_sheet_choose ((const char * const *) sheets->pdata, hidden, sheet, display_name, error);
    }
  g_string_free (o.text, TRUE);
  g_free (o.value);
  return table;
}
