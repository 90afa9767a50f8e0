/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-bundle"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange.h"
#include "exchange/ward-exchange-sign.h"

/* libFuzzer harness for the bundle reader (issue 24). Each input is read
 * twice by an office's file: as it is (the signed envelope, which almost
 * nothing passes), and signed by a volunteer's laptop the office trusts,
 * so that what a trusted but careless or hostile sender writes reaches the
 * reader of the records, the registers' rules and the ledger's chain.
 * Besides "no crash, no leak, no undefined behaviour": a refusal always
 * says why, in valid UTF-8, and reading a trusted sender's bundle never
 * writes into the office's file. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define VOLUNTEER "00000000-0000-4000-8000-00000000f022"

static WardStore *office;
static WardStore *volunteer;

static WardStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  WardStore *store = ward_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("fuzz-bundle-XXXXXX", NULL);
  g_autofree char *keys = g_build_filename (dir, "data", NULL);
  g_autoptr (WardSigner) sender = NULL;
  g_autoptr (GError) error = NULL;

  /* The keys of these two files, never the user's. */
  g_setenv ("XDG_DATA_HOME", keys, TRUE);
  g_setenv ("WARD_TODAY", "2026-11-27", TRUE);
  office = open_store (dir, "office.sqlite3");
  volunteer = open_store (dir, "volunteer.sqlite3");
  /* The installation the corpus's bundles name (corpus/bundle/), so that
   * the records they carry are read, not refused for their signer. */
  if (!ward_store_set_setting (volunteer, "installation-id", VOLUNTEER, &error))
    g_error ("%s", error->message);
  /* The office's own id and book are made on first need: made here, so
   * that a write while reading is the reader's. */
  g_free (ward_store_dup_installation_id (office, NULL));
  g_free (ward_store_dup_book (office, NULL));
  sender = ward_exchange_dup_own_signer (volunteer, &error);
  if (sender == NULL || !ward_exchange_trust (office, sender, &error))
    g_error ("%s", error->message);
  /* A g_return_if_fail() tripped by input is a bug like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
read_bundle (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardBundlePlan) plan = ward_bundle_plan_new_for_bytes (office, bytes, "fuzz.json", &error);

  if (plan == NULL)
    {
      if (error == NULL || error->domain != WARD_ERROR || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return;
    }
  if (error != NULL)
    abort ();
  g_free (ward_bundle_plan_format (plan));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GError) error = NULL;
  gint64 changes;

  /* An unknown signer is remembered (to be trusted by its code): the only
   * write a refused bundle makes. */
  read_bundle (bytes);
  sealed = ward_exchange_seal (volunteer, bytes, &error);
  if (sealed == NULL)
    abort ();
  changes = sqlite3_total_changes64 (ward_store_get_db (office));
  read_bundle (sealed);
  /* Reading a trusted bundle plans; only applying the plan writes. */
  if (sqlite3_total_changes64 (ward_store_get_db (office)) != changes)
    abort ();
  return 0;
}
