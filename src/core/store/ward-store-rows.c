/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include "store/ward-store-rows.h"

struct _WardRows
{
  gatomicrefcount  ref_count;
  GArray          *rows;
  GStringChunk    *strings;
  gpointer         data;
  GDestroyNotify   destroy_data;
};

WardRows *
ward_rows_new (gsize row_size)
{
  WardRows *self;

  g_return_val_if_fail (row_size > 0, NULL);

  self = g_new0 (WardRows, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_array_new (FALSE, TRUE, row_size);
  self->strings = g_string_chunk_new (64 * 1024);
  return self;
}

WardRows *
ward_rows_ref (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);

  g_atomic_ref_count_inc (&rows->ref_count);
  return rows;
}

void
ward_rows_unref (WardRows *rows)
{
  if (rows == NULL || !g_atomic_ref_count_dec (&rows->ref_count))
    return;
  if (rows->destroy_data != NULL)
    rows->destroy_data (rows->data);
  g_array_unref (rows->rows);
  g_string_chunk_free (rows->strings);
  g_free (rows);
}

guint
ward_rows_get_n (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->rows->len;
}

gconstpointer
ward_rows_get (WardRows *rows,
               guint     index)
{
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (index < rows->rows->len, NULL);

  return rows->rows->data + (gsize) index * g_array_get_element_size (rows->rows);
}

gpointer
ward_rows_append (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);

  g_array_set_size (rows->rows, rows->rows->len + 1);
  return ward_rows_get_mutable (rows, rows->rows->len - 1);
}

gpointer
ward_rows_get_mutable (WardRows *rows,
                       guint     index)
{
  return (gpointer) ward_rows_get (rows, index);
}

const char *
ward_rows_keep_text (WardRows   *rows,
                     const char *text,
                     gboolean    shared)
{
  g_return_val_if_fail (rows != NULL, NULL);

  if (text == NULL || *text == '\0')
    return "";
  return shared ? g_string_chunk_insert_const (rows->strings, text)
                : g_string_chunk_insert (rows->strings, text);
}

const char *
ward_rows_take_text (WardRows *rows,
                     WardStmt *stmt,
                     int       column,
                     gboolean  shared)
{
  return ward_rows_keep_text (rows, (const char *) sqlite3_column_text (stmt, column), shared);
}

void
ward_rows_set_data (WardRows       *rows,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  g_return_if_fail (rows != NULL);

  if (rows->destroy_data != NULL)
    rows->destroy_data (rows->data);
  rows->data = data;
  rows->destroy_data = destroy;
}

gpointer
ward_rows_get_data (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);

  return rows->data;
}
