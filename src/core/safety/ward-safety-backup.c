/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-safety"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-output.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-file-check.h"

#define AUTO_PREFIX "ward-"
#define AUTO_SUFFIX ".sqlite3"
#define DAY_SECONDS (24 * 60 * 60)

char *
ward_backup_dir (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *name = g_filename_display_name (dest_path);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int rc;

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_exec (dest, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* In one step: the copy is a single snapshot of the source. */
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    g_set_error (error, WARD_ERROR,
                 (rc & 0xff) == SQLITE_FULL ? WARD_ERROR_DISK_FULL :
                 (rc & 0xff) == SQLITE_BUSY ? WARD_ERROR_BUSY : WARD_ERROR_FAILED,
                 _("Cannot write the backup “%s”: %s."), name,
                 dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

gboolean
ward_backup_to_file (WardStore        *store,
                     const char       *dest_path,
                     WardOutputFlags   flags,
                     GError          **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardOutput) output = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  /* A damaged file is not copied over a good backup. */
  if (!ward_file_check_integrity (store, problems))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("No backup was made: %s"),
                   problems->len > 0 ? (char *) problems->pdata[0] : _("the file could not be checked"));
      return FALSE;
    }

  dir = g_path_get_dirname (dest_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *name = g_filename_display_name (dir);
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot make the folder “%s”: %s."), name, g_strerror (errno));
      return FALSE;
    }

  output = ward_output_open (dest_path, flags, error);
  return output != NULL
         && copy_database (ward_store_get_db (store), ward_output_get_partial_path (output), error)
         && ward_output_commit (output, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The automatic backups, oldest first (their names hold the time). */
static GPtrArray *
list_auto_backups (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, AUTO_PREFIX) && g_str_has_suffix (name, AUTO_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
newest_is_recent (const char *dir,
                  GPtrArray  *names)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  if (names->len == 0)
    return FALSE;
  path = g_build_filename (dir, names->pdata[names->len - 1], NULL);
  if (g_stat (path, &st) != 0)
    return FALSE;
  return (g_get_real_time () / G_USEC_PER_SEC) - st.st_mtime < DAY_SECONDS;
}

char *
ward_backup_auto (WardStore  *store,
                  GError    **error)
{
  g_autofree char *dir = ward_backup_dir (ward_store_get_path (store));
  g_autoptr (GPtrArray) names = list_auto_backups (dir);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  /* Down to the microsecond: two backups never share a name. */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strconcat (AUTO_PREFIX, stamp, AUTO_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (newest_is_recent (dir, names))
    return NULL;
  if (!ward_backup_to_file (store, path, WARD_OUTPUT_NONE, error))
    return NULL;

  g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  while (names->len > WARD_BACKUPS_KEPT)
    {
      g_autofree char *old = g_build_filename (dir, names->pdata[0], NULL);

      g_unlink (old);
      g_ptr_array_remove_index (names, 0);
    }
  return g_steal_pointer (&path);
}

