/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "import/ward-import-workbook-private.h"

/* Excel 97–2003 workbooks (BIFF8 in a compound file) through FreeXL, which
 * decodes the text to UTF-8 and the dates (in the workbook's date system) to
 * "YYYY-MM-DD". FreeXL does not tell hidden rows, columns or sheets: an .xls
 * is read as it is stored. */

static gboolean
set_xls_error (GError     **error,
               const char  *display_name,
               int          status)
{
  if (status == FREEXL_BIFF_WORKBOOK_NOT_FOUND || status == FREEXL_INVALID_CFBF_HEADER
      || status == FREEXL_CFBF_INVALID_SIGNATURE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is not an Excel 97–2003 workbook (it may be protected by a password, "
                   "or a Word file). Open it in Excel or LibreOffice and save it as .xlsx."),
                 display_name);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is a damaged Excel 97–2003 workbook (FreeXL error %d). Open it in "
                   "Excel or LibreOffice and save it again."), display_name, status);
  return FALSE;
}

static GPtrArray *
sheet_names (const void *handle)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  unsigned int count = 0;

  freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &count);
  for (unsigned int i = 0; i < count; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, (unsigned short) i, &name) != FREEXL_OK)
        name = NULL;
      g_ptr_array_add (names, g_strdup (name ? name : ""));
    }
  g_ptr_array_add (names, NULL);
  return names;
}

static char *
cell_text (const FreeXL_CellValue *cell)
{
  switch (cell->type)
    {
    case FREEXL_CELL_INT:
      return ward_sheet_format_number (cell->value.int_value, FALSE);
    case FREEXL_CELL_DOUBLE:
      return ward_sheet_format_number (cell->value.double_value, FALSE);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
      return ward_sheet_format_iso (cell->value.text_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
      return g_strdup (cell->value.text_value);
    case FREEXL_CELL_NULL:
    default:
      return NULL;
    }
}

static gboolean
read_cells (const void        *handle,
            WardSheetBuilder  *builder,
            const char        *display_name,
            GError           **error)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  int status = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);

  if (status != FREEXL_OK)
    return set_xls_error (error, display_name, status);
  for (unsigned int r = 0; r < MIN (n_rows, WARD_SHEET_MAX_ROWS); r++)
    {
      ward_sheet_builder_begin_row (builder, r + 1, FALSE);
      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue cell;

          if ((status = freexl_get_cell_value (handle, r, c, &cell)) != FREEXL_OK)
            return set_xls_error (error, display_name, status);
          if (!ward_sheet_builder_set_cell (builder, c, cell_text (&cell), error))
            return FALSE;
        }
      if (!ward_sheet_builder_end_row (builder, 1, error))
        return FALSE;
    }
  return TRUE;
}

static WardCsvTable *
read_sheet (const void  *handle,
            GPtrArray   *names,
            int          index,
            const char  *display_name,
            GError     **error)
{
  g_autoptr (WardCsvTable) table = NULL;
  WardSheetBuilder *builder;
  int status = freexl_select_active_worksheet (handle, (unsigned short) index);

  if (status != FREEXL_OK)
    return set_xls_error (error, display_name, status), NULL;
  table = ward_csv_table_new_for_sheet (display_name, names->pdata[index],
                                        (const char * const *) names->pdata);
  builder = ward_sheet_builder_new (table);
  if (!read_cells (handle, builder, display_name, error))
    {
      ward_sheet_builder_finish (builder, NULL);
      return NULL;
    }
  if (!ward_sheet_builder_finish (builder, error))
    return NULL;
  return g_steal_pointer (&table);
}

WardCsvTable *
ward_xls_read (const char  *path,
               const char  *display_name,
               const char  *sheet,
               GError     **error)
{
  const void *handle = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autofree gboolean *hidden = NULL;
  WardCsvTable *table = NULL;
  unsigned int password = 0;
  int status = freexl_open (path, &handle);
  int index;

  if (status != FREEXL_OK)
    {
      freexl_close (handle);
      return set_xls_error (error, display_name, status), NULL;
    }
  freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password);
  names = sheet_names (handle);
  hidden = g_new0 (gboolean, names->len);
  if (password == FREEXL_BIFF_OBFUSCATED)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is protected by a password. Open it in Excel, remove the password "
                   "and save it again."), display_name);
  else if ((index = ward_sheet_choose ((const char * const *) names->pdata, hidden, sheet,
                                       display_name, error)) >= 0)
    table = read_sheet (handle, names, index, display_name, error);
  if (table != NULL && sheet == NULL)
    ward_sheet_note_others (table);
  /* Said every time: FreeXL 1.0 can tell neither. */
  if (table != NULL)
    ward_csv_table_add_note (table, 0, NULL,
                             _("In an Excel 97–2003 file (.xls), hidden rows and columns are read "
                               "like the others and formulas read as empty cells: save the "
                               "workbook as .xlsx in Excel or LibreOffice to have them handled."));
  freexl_close (handle);
  return table;
}
