/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-output.h"

struct _WardOutput
{
  char            *path;
  char            *partial;
  WardOutputFlags  flags;
  int              fd;
  gboolean         committed;
};

/* The names SQLite gives the files beside a database: writing one of them
 * while the database is open would make SQLite take it for its own (a
 * "hot" journal is played back into the database). */
static const char * const companions[] = { "", "-journal", "-wal", "-shm" };

static GMutex protected_lock;
static GPtrArray *protected_paths;   /* char *: real paths of open databases */

/* The real path of @path, resolving its folder when the file itself does
 * not exist yet; NULL when the folder does not exist either. */
char *
ward_output_resolve_path (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  real = realpath (dir, NULL);
  if (real == NULL)
    return NULL;
  real_dir = g_strdup (real);
  free (real);
  return g_build_filename (real_dir, base, NULL);
}

void
ward_output_protect (const char *path)
{
  g_autofree char *real = NULL;

  g_return_if_fail (path != NULL);

  real = ward_output_resolve_path (path);
  g_mutex_lock (&protected_lock);
  if (protected_paths == NULL)
    protected_paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (protected_paths, g_steal_pointer (&real) ?: g_strdup (path));
  g_mutex_unlock (&protected_lock);
}

void
ward_output_unprotect (const char *path)
{
  g_autofree char *real = NULL;

  g_return_if_fail (path != NULL);

  real = ward_output_resolve_path (path);
  g_mutex_lock (&protected_lock);
  for (guint i = 0; protected_paths != NULL && i < protected_paths->len; i++)
    if (g_str_equal (protected_paths->pdata[i], real ? real : path))
      {
        g_ptr_array_remove_index (protected_paths, i);
        break;
      }
  g_mutex_unlock (&protected_lock);
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Whether @path is, or would become, an open database or a file beside it:
 * by device and inode for what exists (hard links, symlinks), by real
 * name for a companion not made yet. */
static gboolean
is_protected (const char *path)
{
  g_autofree char *real = ward_output_resolve_path (path);
  gboolean found = FALSE;
  GStatBuf target, target_link;
  gboolean exists = g_stat (path, &target) == 0;
  gboolean link_exists = g_lstat (path, &target_link) == 0;

  g_mutex_lock (&protected_lock);
  for (guint i = 0; !found && protected_paths != NULL && i < protected_paths->len; i++)
    for (guint c = 0; !found && c < G_N_ELEMENTS (companions); c++)
      {
        g_autofree char *name = g_strconcat (protected_paths->pdata[i], companions[c], NULL);
        GStatBuf st;

        if (real != NULL && g_str_equal (real, name))
          found = TRUE;
        else if (g_stat (name, &st) == 0)
          found = (exists && same_file (&st, &target)) || (link_exists && same_file (&st, &target_link));
      }
  g_mutex_unlock (&protected_lock);
  return found;
}

int
ward_output_error_code (int saved_errno)
{
  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return WARD_ERROR_READ_ONLY;
#ifdef EDQUOT
    case EDQUOT:
#endif
    case ENOSPC:
      return WARD_ERROR_DISK_FULL;
    default:
      return WARD_ERROR_FAILED;
    }
}

static gboolean
set_errno_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR, ward_output_error_code (saved_errno),
               _("Could not write “%s”: %s. Nothing was written."), name, g_strerror (saved_errno));
  return FALSE;
}

gboolean
ward_output_check (const char       *path,
                   WardOutputFlags   flags,
                   GError          **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  name = g_filename_display_name (path);
  if (is_protected (path))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is the Ward Tracker database that is open (or a file beside it). "
                     "Nothing was written; choose another name."), name);
      return FALSE;
    }
  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a regular file (a folder, a device or a pipe). "
                     "Nothing was written; choose another name."), name);
      return FALSE;
    }
  if ((flags & WARD_OUTPUT_REPLACE) == 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_EXISTS,
                   _("“%s” already exists. Nothing was written; choose another name, "
                     "or say that it may be replaced."), name);
      return FALSE;
    }
  return TRUE;
}

WardOutput *
ward_output_open (const char       *path,
                  WardOutputFlags   flags,
                  GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  WardOutput *output;

  if (!ward_output_check (path, flags, error))
    return NULL;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  output = g_new0 (WardOutput, 1);
  output->path = g_strdup (path);
  output->flags = flags;
  /* Hidden, beside the final name (a rename never crosses disks), made
   * new: O_EXCL never follows a link that someone placed there. */
  output->partial = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  output->fd = g_mkstemp_full (output->partial, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (output->fd < 0)
    {
      set_errno_error (path, errno, error);
      g_clear_pointer (&output->partial, g_free);
      ward_output_free (output);
      return NULL;
    }
  /* Whatever the umask: the owner alone. */
  fchmod (output->fd, 0600);
  return output;
}

int
ward_output_get_fd (WardOutput *output)
{
  g_return_val_if_fail (output != NULL, -1);
  return output->fd;
}

const char *
ward_output_get_partial_path (WardOutput *output)
{
  g_return_val_if_fail (output != NULL, NULL);
  return output->partial;
}

gboolean
ward_output_write (WardOutput  *output,
                   const void  *data,
                   gsize        length,
                   GError     **error)
{
  const char *p = data;

  g_return_val_if_fail (output != NULL && output->fd >= 0, FALSE);

  while (length > 0)
    {
      ssize_t n = write (output->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return set_errno_error (output->path, n < 0 ? errno : EIO, error);
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
ward_output_commit (WardOutput  *output,
                    GError     **error)
{
  int fd;

  g_return_val_if_fail (output != NULL && !output->committed, FALSE);

  fd = output->fd;
  output->fd = -1;
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return set_errno_error (output->path, saved, error);
    }
  if (close (fd) != 0)
    return set_errno_error (output->path, errno, error);
  /* Again: the path may have changed while the file was written. */
  if (!ward_output_check (output->path, output->flags, error))
    return FALSE;
  /* rename() replaces a symlink at @path itself, never its target. */
  if (g_rename (output->partial, output->path) != 0)
    return set_errno_error (output->path, errno, error);
  output->committed = TRUE;
  return TRUE;
}

void
ward_output_free (WardOutput *output)
{
  if (output == NULL)
    return;
  if (output->fd >= 0)
    close (output->fd);
  if (!output->committed && output->partial != NULL)
    g_unlink (output->partial);
  g_free (output->partial);
  g_free (output->path);
  g_free (output);
}

gboolean
ward_output_write_file (const char       *path,
                        WardOutputFlags   flags,
                        const void       *data,
                        gsize             length,
                        GError          **error)
{
  g_autoptr (WardOutput) output = ward_output_open (path, flags, error);

  return output != NULL
         && ward_output_write (output, data, length, error)
         && ward_output_commit (output, error);
}
