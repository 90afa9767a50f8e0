/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every file Ward Tracker reads from outside (a spreadsheet, a bundle, a
 * seed, a backup to restore) is opened here: a regular file only (never a
 * device such as /dev/zero, a pipe that would block for ever, or a
 * folder), no larger than the limit of its kind, read with a bounded
 * reader so that a file that grows while it is read cannot exhaust the
 * memory either.
 *
 * The limits are far above what a ward ever has: the benchmark ward of
 * 100,000 receipts exports as an 11 MB CSV file and a 40 MB bundle. */

/* Spreadsheets: CSV and workbooks. */
#define WARD_INPUT_TABLE_MAX      (G_GUINT64_CONSTANT (200) * 1000 * 1000)
/* JSON: bundles and seeds. */
#define WARD_INPUT_JSON_MAX       (G_GUINT64_CONSTANT (100) * 1000 * 1000)
/* A database to restore (read as a stream, never whole into memory). */
#define WARD_INPUT_DATABASE_MAX   (G_GUINT64_CONSTANT (8) * 1000 * 1000 * 1000)
/* Arrays and objects inside one another: a bundle needs 5, a seed 6. */
#define WARD_INPUT_JSON_DEPTH     64

/* Opens @path for reading: a file descriptor of a regular file no larger
 * than @max_size bytes, its size in @size_out; -1 with a WARD_ERROR
 * otherwise (WARD_ERROR_TOO_LARGE names the limit). */
int       ward_input_open        (const char  *path,
                                  guint64      max_size,
                                  guint64     *size_out,
                                  GError     **error);
/* The whole file, as above. */
GBytes   *ward_input_read        (const char  *path,
                                  guint64      max_size,
                                  GError     **error);
/* JSON text nested no deeper than WARD_INPUT_JSON_DEPTH, checked before a
 * parser that recurses sees it (strings and their escapes are skipped). */
gboolean  ward_input_check_json  (const char  *data,
                                  gsize        length,
                                  const char  *display_name,
                                  GError     **error);

G_END_DECLS
