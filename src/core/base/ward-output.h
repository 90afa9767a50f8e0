/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every file Ward Tracker writes besides its database (a backup, an export,
 * a report, a bundle, a receipt book) is opened here, so that one rule
 * holds for all of them:
 *
 * - it never replaces the open database or its journal, however it is
 *   named (the same file through a hard link or a symlink is the same
 *   device and inode);
 * - it never replaces an existing file unless asked (WARD_OUTPUT_REPLACE:
 *   `--force`, or the file chooser that asked the clerk);
 * - it never writes through a symlink: the link itself is replaced, never
 *   what it points to, and a device, a pipe or a folder is refused;
 * - it is made readable by its owner only (0600): every output but the
 *   public lists holds personal data, and a public list a clerk hands out
 *   is copied, not shared in place, so one mode for all is the simple rule;
 * - it is written beside its final name and renamed over it once complete
 *   and synced: a full disk or a pulled stick never leaves half a file. */

typedef enum
{
  WARD_OUTPUT_NONE    = 0,
  WARD_OUTPUT_REPLACE = 1 << 0,   /* an existing file (or link) at the path may be replaced */
} WardOutputFlags;

typedef struct _WardOutput WardOutput;

/* The files no output may replace: the database a store has open (the
 * store adds and removes itself). Its journal is protected with it. */
void          ward_output_protect           (const char       *path);
void          ward_output_unprotect         (const char       *path);

/* The checks of ward_output_open() alone, for a dialog to run before long
 * work. */
gboolean      ward_output_check             (const char       *path,
                                             WardOutputFlags   flags,
                                             GError          **error);

/* Opens a new, empty, private file beside @path. Write to it, then
 * ward_output_commit(); ward_output_free() without a commit removes it. */
WardOutput   *ward_output_open              (const char       *path,
                                             WardOutputFlags   flags,
                                             GError          **error);
int           ward_output_get_fd            (WardOutput       *output);
/* The name of the file being written, for a writer that opens by name
 * (SQLite's backup): never @path itself. */
const char   *ward_output_get_partial_path  (WardOutput       *output);
gboolean      ward_output_write             (WardOutput       *output,
                                             const void       *data,
                                             gsize             length,
                                             GError          **error);
/* Syncs, checks @path again and renames the file over it. */
gboolean      ward_output_commit            (WardOutput       *output,
                                             GError          **error);
void          ward_output_free              (WardOutput       *output);

/* The whole of @data to @path through the steps above. */
gboolean      ward_output_write_file        (const char       *path,
                                             WardOutputFlags   flags,
                                             const void       *data,
                                             gsize             length,
                                             GError          **error);

/* The real path of @path (symlinks resolved), resolving its folder when
 * the file does not exist yet; NULL when the folder does not exist. */
char         *ward_output_resolve_path      (const char       *path);

/* An errno of writing as a WARD_ERROR code (disk full, read-only, …). */
int           ward_output_error_code        (int               saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardOutput, ward_output_free)

G_END_DECLS
