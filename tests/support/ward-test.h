/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* What the unit tests share, written once: a temporary folder, a new file
 * in it seeded as a clerk's first start seeds it, and PDFs read back with
 * poppler-utils the way a reader sees them.
 *
 * WARD_TEST_KEEP=1 leaves the temporary folders in place (and says where)
 * for a person to look at what a test wrote. */

/* A new folder under the temporary directory, "ward-NAME-XXXXXX". */
char      *ward_test_make_dir     (const char  *name);
/* Removes @path and everything in it, read-only files too. */
void       ward_test_remove_tree  (const char  *path);

/* Opens @path, creating it and seeding it from the built-in seed when it
 * does not exist; fails the test on any error. */
WardStore *ward_test_open_store   (const char  *path);
/* A new seeded file "ward.sqlite3" in @dir; @path_out (may be NULL) gets
 * its path. */
WardStore *ward_test_new_store    (const char  *dir,
                                   char       **path_out);
/* Runs @sql on @store (a file as an older version or a bad import left
 * it); fails the test on any error. */
void       ward_test_exec         (WardStore   *store,
                                   const char  *sql);

/* The integer the first row of @sql holds; fails the test on any error. */
gint64     ward_test_query_int    (WardStore   *store,
                                   const char  *sql);

/* @to trusts @from, as a person does after comparing its code. */
void       ward_test_trust        (WardStore   *to,
                                   WardStore   *from);

/* The usual fixture: a temporary folder and a new seeded file in it. */
typedef struct
{
  char      *dir;
  char      *path;
  WardStore *store;
} WardTestFile;

void       ward_test_file_set_up    (WardTestFile *file,
                                     const char   *name);
void       ward_test_file_tear_down (WardTestFile *file);

/* TRUE when pdftotext, pdfinfo and pdffonts are installed; otherwise the
 * test is marked skipped, naming what is missing. */
gboolean   ward_test_have_poppler (void);
/* Runs a program and returns what it printed; fails the test if it fails. */
char      *ward_test_run_tool     (const char * const *argv);

G_END_DECLS
