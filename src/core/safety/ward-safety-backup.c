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
create_private (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, WARD_ERROR, saved == ENOSPC ? WARD_ERROR_DISK_FULL : WARD_ERROR_READ_ONLY,
                   _("Cannot write the backup “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
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
ward_backup_to_file (WardStore   *store,
                     const char  *dest_path,
                     GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *partial = NULL;
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

  partial = g_strdup_printf ("%s.part-%08x", dest_path, g_random_int ());
  if (!create_private (partial, error))
    return FALSE;
  if (!copy_database (ward_store_get_db (store), partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, dest_path) != 0)
    {
      g_autofree char *name = g_filename_display_name (dest_path);
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot write the backup “%s”: %s."), name, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
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
  if (!ward_backup_to_file (store, path, error))
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

static gboolean
copy_file_private (const char  *source,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (source, &contents, &length, error))
    return FALSE;
  if (!create_private (dest, error))
    return FALSE;
  if (!g_file_set_contents_full (dest, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_unlink (dest);
      return FALSE;
    }
  return TRUE;
}

/* Opens the private copy as the application would, then checks it whole. */
static gboolean
check_candidate (const char  *copy,
                 const char  *display,
                 GError     **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *joined = NULL;

  store = ward_store_open (copy, &local_error);
  if (store == NULL)
    {
      g_autofree char *copy_name = g_filename_display_name (copy);
      g_autoptr (GString) reason = g_string_new (local_error->message);

      /* Speak of the file the clerk chose, not of our private copy. */
      g_string_replace (reason, copy_name, display, 0);
      g_set_error (error, WARD_ERROR, local_error->code,
                   _("“%s” was not restored: %s"), display, reason->str);
      return FALSE;
    }
  if (ward_file_check_full (store, problems, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_ptr_array_add (problems, NULL);
  joined = g_strjoinv ("\n", (char **) problems->pdata);
  g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
               _("“%s” was not restored; it fails the check:\n%s"), display, joined);
  return FALSE;
}

static char *
keep_current (const char  *db_path,
              GError     **error)
{
  g_autofree char *dir = ward_backup_dir (db_path);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strconcat ("before-restore-", stamp, AUTO_SUFFIX, NULL);
  g_autofree char *kept = g_build_filename (dir, name, NULL);
  g_autoptr (WardStore) current = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot make the folder “%s”: %s."), dir, g_strerror (errno));
      return NULL;
    }
  /* A good current file is copied as a consistent snapshot; a damaged one,
   * byte for byte, so that nothing of it is lost either. */
  current = ward_store_open (db_path, NULL);
  if (current != NULL && ward_backup_to_file (current, kept, NULL))
    return g_steal_pointer (&kept);
  g_clear_object (&current);
  if (!copy_file_private (db_path, kept, error))
    return NULL;
  return g_steal_pointer (&kept);
}

char *
ward_restore_from_file (const char  *db_path,
                        const char  *backup_path,
                        GError     **error)
{
  g_autofree char *display = g_filename_display_name (backup_path);
  g_autofree char *copy = g_strdup_printf ("%s.restore-%08x", db_path, g_random_int ());
  g_autofree char *kept = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL && backup_path != NULL, NULL);

  if (!copy_file_private (backup_path, copy, error))
    return NULL;
  if (!check_candidate (copy, display, error))
    {
      g_unlink (copy);
      return NULL;
    }

  kept = keep_current (db_path, &local_error);
  if (local_error != NULL)
    {
      g_unlink (copy);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_rename (copy, db_path) != 0)
    {
      g_autofree char *name = g_filename_display_name (db_path);
      int saved = errno;

      g_unlink (copy);
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("Cannot replace “%s”: %s. Nothing was changed."), name, g_strerror (saved));
      return NULL;
    }
  return kept ? g_steal_pointer (&kept) : g_strdup ("");
}
