/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-input.h"

static int
error_code_for_errno (int saved_errno)
{
  return saved_errno == ENOENT ? WARD_ERROR_NOT_FOUND : WARD_ERROR_FAILED;
}

static void
set_too_large (const char  *path,
               guint64      max_size,
               GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR, WARD_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MB, the most Ward Tracker reads from a file of this kind. "
                 "Nothing was read."), name, (guint) (max_size / 1000 / 1000));
}

int
ward_input_open (const char  *path,
                 guint64      max_size,
                 guint64     *size_out,
                 GError     **error)
{
  g_autofree char *name = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  name = g_filename_display_name (path);
  /* O_NONBLOCK: opening a pipe nobody writes to returns at once instead of
   * waiting for ever; it is refused below as not a regular file. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, WARD_ERROR, error_code_for_errno (saved),
                   _("“%s” could not be read: %s."), name, g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a regular file (a folder, a device or a pipe). Nothing was read."),
                   name);
      return -1;
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large (path, max_size, error);
      return -1;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  if (size_out != NULL)
    *size_out = (guint64) st.st_size;
  return fd;
}

GBytes *
ward_input_read (const char  *path,
                 guint64      max_size,
                 GError     **error)
{
  g_autoptr (GByteArray) data = NULL;
  guint64 size = 0;
  int fd = ward_input_open (path, max_size, &size, error);

  if (fd < 0)
    return NULL;
  data = g_byte_array_sized_new ((guint) MIN (size + 1, G_MAXUINT));
  for (;;)
    {
      guint8 chunk[65536];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_autofree char *name = g_filename_display_name (path);
          int saved = errno;

          close (fd);
          g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
                       _("“%s” could not be read: %s."), name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      /* The file may grow while it is read: the limit holds all the same. */
      if (data->len + (guint64) n > max_size)
        {
          close (fd);
          set_too_large (path, max_size, error);
          return NULL;
        }
      g_byte_array_append (data, chunk, (guint) n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
ward_input_check_json (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > WARD_INPUT_JSON_DEPTH)
            {
              g_set_error (error, WARD_ERROR, WARD_ERROR_TOO_LARGE,
                           _("“%s” has lists or objects nested more than %d levels deep, "
                             "which no Ward Tracker file has. Nothing was read."),
                           display_name, WARD_INPUT_JSON_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}
