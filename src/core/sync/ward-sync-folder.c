/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "sync/ward-sync-private.h"

/* The shared folder as files: who writes in it, which of their files are
 * change files, and writing one so that a sync tool, a crash or a full
 * disk never leaves half a file under a change file's name. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
sync_folder_list_writers (const char  *folder,
                          GError     **error)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  GPtrArray *writers;
  const char *name;

  if (dir == NULL)
    return NULL;
  writers = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      /* A conflict copy of a sub-folder ("…sync-conflict…") is no uuid. */
      if (g_uuid_string_is_valid (name) && g_file_test (path, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (writers, g_ascii_strdown (name, -1));
    }
  g_ptr_array_sort (writers, compare_strings);
  return writers;
}

/* "<digits>.wtchange" only: "12.sync-conflict-….wtchange", "12 (conflicted
 * copy).wtchange", ".12.wtchange.tmp", "~syncthing~…" are not. */
static gboolean
parse_change_name (const char *name,
                   guint64    *sequence)
{
  const char *p = name;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == name || p - name > 18 || !g_str_equal (p, WARD_SYNC_EXTENSION))
    return FALSE;
  *sequence = g_ascii_strtoull (name, NULL, 10);
  return *sequence > 0;
}

static int
compare_sequences (gconstpointer a,
                   gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

GArray *
sync_folder_list_sequences (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  GArray *sequences = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *name;
  guint64 sequence;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (parse_change_name (name, &sequence))
      g_array_append_val (sequences, sequence);
  g_array_sort (sequences, compare_sequences);
  return sequences;
}

char *
sync_folder_change_path (const char *folder,
                         const char *installation,
                         guint64     sequence)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT WARD_SYNC_EXTENSION, sequence);

  return g_build_filename (folder, installation, name, NULL);
}

static gboolean
set_io_error (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR,
               saved_errno == ENOSPC ? WARD_ERROR_DISK_FULL : WARD_ERROR_READ_ONLY,
               _("Could not write the change file “%s” in the sync folder (%s). Check that the "
                 "folder is mounted and can be written, then sync again."),
               name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           GBytes      *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  while (size > 0)
    {
      ssize_t n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return fsync (fd) == 0;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  /* Where a folder cannot be flushed (some network shares), the rename
   * itself is what other desks see. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* link() refuses an existing name where rename() would replace it: a
 * change file is never rewritten. A USB stick's FAT has no links: there a
 * look, then the rename. */
static gboolean
move_into_place (const char *tmp,
                 const char *path)
{
  if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      return TRUE;
    }
  if (errno == EEXIST)
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      errno = EEXIST;
      return FALSE;
    }
  return g_rename (tmp, path) == 0;
}

gboolean
sync_folder_write_new (const char  *path,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s%c.%s.XXXXXX.tmp", dir, G_DIR_SEPARATOR, base);
  int saved_errno, fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (dir, errno, error);
  fd = g_mkstemp_full (tmp, O_WRONLY, 0600);
  if (fd < 0)
    return set_io_error (path, errno, error);
  if (!write_all (fd, bytes))
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (!move_into_place (tmp, path))
    goto failed;
  sync_directory (path);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return set_io_error (path, saved_errno, error);
}
