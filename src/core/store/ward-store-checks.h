/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* @sql with each `column IN ('a', 'b', 'c')` of three or more words written
 * `(column = 'a' OR column = 'b' OR column = 'c')` (ward-store-checks.c
 * says why). */
char     *ward_store_unfold_in_lists  (const char  *sql);

/* Schema 15: rewrites so the CHECK constraints of every table of @db,
 * inside the caller's transaction. */
gboolean  ward_store_unfold_in_checks (sqlite3     *db,
                                       GError     **error);

G_END_DECLS
