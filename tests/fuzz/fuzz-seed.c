/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-seed"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "store/ward-store.h"

/* libFuzzer harness for the seed reader: each input is the seed of a new
 * file, as `ward-tracker-cli init --seed FILE` gives it (issue 24: a
 * deeply nested seed crashed the parser, and a failed init left a 0-byte
 * file). Besides "no crash, no leak, no undefined behaviour": a refused
 * seed says why, in valid UTF-8, and leaves no file behind; an accepted
 * one makes a file that opens again. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static char *dir;
static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  dir = g_dir_make_tmp ("fuzz-seed-XXXXXX", NULL);
  g_setenv ("WARD_TODAY", "2026-11-27", TRUE);
  /* A g_return_if_fail() tripped by input is a bug like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *seed = g_build_filename (dir, "seed.json", NULL);
  g_autofree char *path = g_build_filename (dir, "ward.sqlite3", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (WardStore) store = NULL;

  if (!g_file_set_contents (seed, (const char *) data, (gssize) size, NULL))
    abort ();
  store = ward_store_open_full (path, seed, -1, &error);
  if (store == NULL)
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL)
          || g_file_test (path, G_FILE_TEST_EXISTS))
        abort ();
      return 0;
    }
  g_clear_object (&store);
  store = ward_store_open_existing (path, &error);
  if (store == NULL)
    abort ();
  g_clear_object (&store);
  /* The file and what SQLite keeps beside it. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  return 0;
}
