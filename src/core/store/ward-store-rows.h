/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Compact rows for the long lists (20,000 candidates, 100,000 ledger
 * entries): one struct per row, all of one size, read with one query; their
 * strings live in the rows' own chunk. Reference-counted, and read-only
 * once loaded, so that a worker thread may load them and every view share
 * them. A register defines its row struct and its load function; the
 * list shows them through WardRowModel. */

typedef struct _WardRows WardRows;

/* No rows yet, each @row_size bytes. */
WardRows      *ward_rows_new          (gsize           row_size);
/* The same with room for @n_rows exactly (counted before loading): a list
 * of 100,000 grown by doubling kept a quarter of its memory unused and
 * held both copies at the last doubling. */
WardRows      *ward_rows_new_sized    (gsize           row_size,
                                       guint           n_rows);
WardRows      *ward_rows_ref          (WardRows       *rows);
void           ward_rows_unref        (WardRows       *rows);
guint          ward_rows_get_n        (WardRows       *rows);
gconstpointer  ward_rows_get          (WardRows       *rows,
                                       guint           index);

/* While loading, before the rows are shared. */

/* A zeroed row at the end, to fill in; valid until the next one. */
gpointer       ward_rows_append       (WardRows       *rows);
/* A row loaded earlier, to complete (links between rows). */
gpointer       ward_rows_get_mutable  (WardRows       *rows,
                                       guint           index);
/* A column's text, kept as long as the rows; "" for NULL or empty. @shared:
 * one copy per distinct value, for the columns that repeat (dates, groups). */
const char    *ward_rows_take_text    (WardRows       *rows,
                                       WardStmt       *stmt,
                                       int             column,
                                       gboolean        shared);
/* The same for a text made while loading (a collation key). */
const char    *ward_rows_keep_text    (WardRows       *rows,
                                       const char     *text,
                                       gboolean        shared);

/* What a register keeps beside its rows (an index, keys computed on first
 * use): freed with them. */
void           ward_rows_set_data     (WardRows       *rows,
                                       gpointer        data,
                                       GDestroyNotify  destroy);
gpointer       ward_rows_get_data     (WardRows       *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardRows, ward_rows_unref)

G_END_DECLS
