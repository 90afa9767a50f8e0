/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-driver"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

/* Runs a libFuzzer harness over every file of the given corpus folders,
 * once each, without libFuzzer: the seed corpus is thus exercised on every
 * build, with any compiler. Prints TAP. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
run_folder (const char *folder,
            guint       n_done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, &error))
        g_error ("%s", error->message);

      LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
      printf ("ok %u %s\n", ++n_done, (const char *) g_ptr_array_index (names, i));
      fflush (stdout);
    }

  return n_done;
}

int
main (int   argc,
      char *argv[])
{
  guint n_done = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s CORPUS-FOLDER...\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    n_done = run_folder (argv[i], n_done);

  if (n_done == 0)
    {
      printf ("Bail out! no corpus files\n");
      return 1;
    }
  printf ("1..%u\n", n_done);

  return 0;
}
