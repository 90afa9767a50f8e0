/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "exchange/ward-exchange-sign.h"
#include "sync/ward-sync-private.h"

/* Compacting: a desk joining a folder with years of change files starts
 * from a snapshot, a bundle of every record one desk holds, with how far
 * that desk had applied each writer's files; then it reads only the files
 * after those. A snapshot is written by one desk into its own sub-folder
 * (single writer, as every file there):
 *
 *   <folder>/<installation id>/snapshot-<sequence>.wtsnap
 *   { "format": "ward-tracker-snapshot", "version": 1, "installation",
 *     "sequence", "seen": { installation: sequence }, "bundle": "…" } */

#define SNAPSHOT_FORMAT  "ward-tracker-snapshot"
#define SNAPSHOT_VERSION 1
#define SNAPSHOT_PREFIX  "snapshot-"
#define SNAPSHOT_SUFFIX  ".wtsnap"

static GBytes *
seal_snapshot (WardStore   *store,
               const char  *installation,
               gint64       sequence,
               GError     **error)
{
  g_autoptr (JsonObject) snapshot = json_object_new ();
  g_autoptr (GBytes) bundle = ward_bundle_export_bytes (store, NULL, NULL, error);
  JsonObject *seen;

  if (bundle == NULL || (seen = sync_seen_peers (store, NULL, error)) == NULL)
    return NULL;
  json_object_set_string_member (snapshot, "format", SNAPSHOT_FORMAT);
  json_object_set_int_member (snapshot, "version", SNAPSHOT_VERSION);
  json_object_set_string_member (snapshot, "installation", installation);
  json_object_set_int_member (snapshot, "sequence", sequence);
  json_object_set_object_member (snapshot, "seen", seen);
  return sync_seal_with_bundle (store, snapshot, bundle, error);
}

gboolean
ward_sync_write_snapshot (WardStore   *store,
                          const char  *folder,
                          char       **path_out,
                          GError     **error)
{
  g_autoptr (WardSyncReport) report = NULL;
  g_autofree char *installation = NULL;
  g_autofree char *sequence_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) sealed = NULL;
  gint64 sequence;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  /* Everything of this desk's in numbered files first: the snapshot then
   * stands exactly at its own last sequence. */
  if (!ward_sync_run (store, folder, NULL, NULL, &report, error)
      || (installation = ward_store_dup_installation_id (store, error)) == NULL)
    return FALSE;
  sequence_text = ward_store_dup_setting (store, "sync-sequence");
  sequence = sequence_text != NULL ? g_ascii_strtoll (sequence_text, NULL, 10) : 0;
  if ((sealed = seal_snapshot (store, installation, sequence, error)) == NULL)
    return FALSE;
  name = g_strdup_printf (SNAPSHOT_PREFIX "%" G_GINT64_FORMAT SNAPSHOT_SUFFIX, sequence);
  path = g_build_filename (report->folder, installation, name, NULL);
  /* One snapshot per place in the sequence: a second one there is the same. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (path_out != NULL)
        *path_out = g_steal_pointer (&path);
      return TRUE;
    }
  if (!sync_folder_write_new (path, sealed, error))
    return FALSE;
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return TRUE;
}

/* ---- Reading one ---------------------------------------------------------- */

static gint64
snapshot_sequence (const char *name)
{
  const char *digits = name + strlen (SNAPSHOT_PREFIX);
  const char *p = digits;

  if (!g_str_has_prefix (name, SNAPSHOT_PREFIX))
    return -1;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == digits || !g_str_equal (p, SNAPSHOT_SUFFIX))
    return -1;
  return g_ascii_strtoll (digits, NULL, 10);
}

/* The newest snapshot in the folder: the one whose writer had come
 * furthest, counted over every writer's files it had applied. */
static char *
find_newest (const char *folder,
             GPtrArray  *writers)
{
  char *best = NULL;
  gint64 best_sequence = -1;

  for (guint i = 0; i < writers->len; i++)
    {
      g_autofree char *dir = g_build_filename (folder, writers->pdata[i], NULL);
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        {
          gint64 sequence = snapshot_sequence (name);

          if (sequence > best_sequence)
            {
              g_free (best);
              best = g_build_filename (dir, name, NULL);
              best_sequence = sequence;
            }
        }
    }
  return best;
}

static gboolean
set_peer (WardStore   *store,
          const char  *installation,
          gint64       sequence,
          GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "INSERT OR REPLACE INTO sync_peers "
                                                         "(installation, last_sequence) VALUES (?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, installation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, sequence);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* Every writer's place, as the snapshot's writer had it, this desk left
 * out (its own files it never reads). */
static gboolean
set_places (WardStore   *store,
            JsonObject  *snapshot,
            GError     **error)
{
  g_autofree char *own = ward_store_dup_installation_id (store, error);
  JsonObject *seen = json_object_get_object_member (snapshot, "seen");
  g_autoptr (GList) members = seen != NULL ? json_object_get_members (seen) : NULL;

  if (own == NULL || !set_peer (store, json_object_get_string_member (snapshot, "installation"),
                                json_object_get_int_member (snapshot, "sequence"), error))
    return FALSE;
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, own) != 0
        && !set_peer (store, l->data, json_object_get_int_member (seen, l->data), error))
      return FALSE;
  return TRUE;
}

static JsonObject *
open_snapshot (WardStore   *store,
               const char  *path,
               JsonParser  *parser,
               GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GBytes) sealed = ward_input_read (path, WARD_INPUT_JSON_MAX, error);
  g_autoptr (GBytes) payload = NULL;
  JsonObject *snapshot;

  if (sealed == NULL
      || (payload = ward_exchange_open_sealed (store, sealed, name, NULL, error)) == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                                      error))
    return NULL;
  snapshot = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
             ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (snapshot == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (snapshot, "format", ""), SNAPSHOT_FORMAT) != 0
      || json_object_get_int_member_with_default (snapshot, "version", 0) != SNAPSHOT_VERSION
      || json_object_get_string_member_with_default (snapshot, "bundle", NULL) == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("The snapshot “%s” in the sync folder cannot be read; the change files are read "
                     "instead."), name);
      return NULL;
    }
  return snapshot;
}

static gboolean
apply_snapshot (WardStore   *store,
                JsonObject  *snapshot,
                const char  *path,
                GError     **error)
{
  const char *text = json_object_get_string_member (snapshot, "bundle");
  g_autoptr (GBytes) bundle = g_bytes_new (text, strlen (text));
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (WardBundlePlan) plan = ward_bundle_plan_new_for_bytes (store, bundle, name, error);
  gint64 from_id;

  /* A desk that holds records of its own meets the others through their
   * change files, where conflicts are asked one file at a time. */
  if (plan == NULL || ward_bundle_plan_get_n_conflicts (plan) > 0)
    return FALSE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if ((from_id = sync_max_audit_id (store, error)) < 0
      || !ward_bundle_plan_apply (store, plan, error)
      || !sync_remember_foreign (store, from_id, "", error)
      || !set_places (store, snapshot, error)
      || !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* A desk that has read nothing from the folder yet starts from its newest
 * snapshot, when there is one it can read; TRUE when it did. */
gboolean
sync_start_from_snapshot (WardStore  *store,
                          const char *folder,
                          GPtrArray  *writers)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *snapshot;

  if (ward_store_count_rows (store, "sync_peers", NULL) != 0
      || (path = find_newest (folder, writers)) == NULL)
    return FALSE;
  snapshot = open_snapshot (store, path, parser, &error);
  if (snapshot == NULL || !apply_snapshot (store, snapshot, path, &error))
    {
      if (error != NULL)
        g_debug ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}
