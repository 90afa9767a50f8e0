/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-test"

#include "config.h"

#include <glib/gstdio.h>

#include "exchange/ward-exchange-sign.h"
#include "support/ward-test.h"

char *
ward_test_make_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("ward-%s-XXXXXX", name);
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_children (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* Tests make read-only files and folders, to refuse writing there;
       * a link is removed, never followed. */
      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          g_chmod (child, 0700);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_children (child);
        }
      g_remove (child);
    }
}

void
ward_test_remove_tree (const char *path)
{
  if (path == NULL)
    return;
  if (g_getenv ("WARD_TEST_KEEP") != NULL)
    {
      g_printerr ("kept %s\n", path);
      return;
    }
  g_chmod (path, 0700);
  remove_children (path);
  g_rmdir (path);
}

WardStore *
ward_test_open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  WardStore *store = ward_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
ward_test_exec (WardStore  *store,
                const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ward_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

gint64
ward_test_query_int (WardStore  *store,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (ward_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

void
ward_test_trust (WardStore *to,
                 WardStore *from)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardSigner) signer = ward_exchange_dup_own_signer (from, &error);

  g_assert_no_error (error);
  g_assert_true (ward_exchange_trust (to, signer, &error));
  g_assert_no_error (error);
}

WardStore *
ward_test_new_store (const char  *dir,
                     char       **path_out)
{
  g_autofree char *path = g_build_filename (dir, "ward.sqlite3", NULL);
  WardStore *store = ward_test_open_store (path);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

void
ward_test_file_set_up (WardTestFile *file,
                       const char   *name)
{
  file->dir = ward_test_make_dir (name);
  file->store = ward_test_new_store (file->dir, &file->path);
}

void
ward_test_file_tear_down (WardTestFile *file)
{
  g_clear_object (&file->store);
  ward_test_remove_tree (file->dir);
  g_clear_pointer (&file->dir, g_free);
  g_clear_pointer (&file->path, g_free);
}

gboolean
ward_test_have_poppler (void)
{
  const char *tools[] = { "pdftotext", "pdfinfo", "pdffonts" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          g_autofree char *reason = g_strdup_printf ("%s (poppler-utils) is not installed", tools[i]);

          g_test_skip (reason);
          return FALSE;
        }
    }
  return TRUE;
}

char *
ward_test_run_tool (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_printerr ("%s: %s\n", argv[0], err);
  g_assert_no_error (error);
  return out;
}
