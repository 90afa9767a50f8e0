/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <string.h>

#include "store/ward-store-rows.h"

struct _WardRows
{
  gatomicrefcount  ref_count;
  guint8          *rows;      /* not a GArray: it keeps a power of two of bytes,
                               * 17 MB for the ledger's 13.6 MB */
  gsize            row_size;
  guint            n;
  guint            allocated; /* rows */
  GStringChunk    *strings;
  gpointer         data;
  GDestroyNotify   destroy_data;
};

WardRows *
ward_rows_new_sized (gsize row_size,
                     guint n_rows)
{
  WardRows *self;

  g_return_val_if_fail (row_size > 0, NULL);

  self = g_new0 (WardRows, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->row_size = row_size;
  self->allocated = n_rows;
  self->rows = g_malloc_n (MAX (n_rows, 1), row_size);
  self->strings = g_string_chunk_new (64 * 1024);
  return self;
}

WardRows *
ward_rows_new (gsize row_size)
{
  return ward_rows_new_sized (row_size, 16);
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
  g_free (rows->rows);
  g_string_chunk_free (rows->strings);
  g_free (rows);
}

guint
ward_rows_get_n (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->n;
}

gconstpointer
ward_rows_get (WardRows *rows,
               guint     index)
{
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (index < rows->n, NULL);

  return rows->rows + (gsize) index * rows->row_size;
}

gpointer
ward_rows_append (WardRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);

  gpointer row;

  /* Doubling past the size given (which is then exact): it was a guess. */
  if (rows->n == rows->allocated)
    {
      rows->allocated = MAX (rows->allocated * 2, 16);
      rows->rows = g_realloc_n (rows->rows, rows->allocated, rows->row_size);
    }
  row = rows->rows + (gsize) rows->n++ * rows->row_size;
  memset (row, 0, rows->row_size);
  return row;
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
