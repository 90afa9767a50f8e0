/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "exchange/ward-exchange-sign.h"
#include "sync/ward-sync-private.h"

/* The other installations' change files, each writer's in the order of its
 * sequence numbers, each applied whole through the bundles' merge or not at
 * all. A file that cannot be applied yet (still being copied, or naming a
 * record another writer's file brings) stops its writer's queue until the
 * next pass; the passes go on while any file was applied. */

typedef enum
{
  FILE_APPLIED,
  FILE_WAIT,       /* not yet: try again once other files were applied */
  FILE_BLOCKED,    /* not in this sync: said in the report */
} FileOutcome;

typedef struct
{
  WardStore          *store;
  const char         *folder;
  WardSyncDecideFunc  decide;
  gpointer            user_data;
  WardSyncReport     *report;
  GHashTable         *waiting;    /* installation → why its next file waits */
  const char         *scope;      /* '': the office's folder; else a campaign's uuid */
} Reader;

typedef struct
{
  const char *installation;
  guint64     sequence;
  const char *path;
  char       *display_name;
  JsonParser *parser;
  JsonObject *change;
  GBytes     *bundle;
} ChangeFile;

static void
change_file_clear (ChangeFile *file)
{
  g_free (file->display_name);
  g_clear_object (&file->parser);
  g_clear_pointer (&file->bundle, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChangeFile, change_file_clear)

static guint64
peer_last_sequence (WardStore  *store,
                    const char *installation)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT last_sequence FROM sync_peers "
                                                         "WHERE installation = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, installation, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint64) sqlite3_column_int64 (stmt, 0) : 0;
}

/* A desk not trusted here, verified: listed once for the window's
 * question. */
static void
note_untrusted (Reader     *reader,
                WardSigner *signer)
{
  GPtrArray *untrusted = reader->report->untrusted;

  for (guint i = 0; i < untrusted->len; i++)
    if (g_str_equal (((WardSigner *) untrusted->pdata[i])->code, signer->code))
      {
        ward_signer_free (signer);
        return;
      }
  g_ptr_array_add (untrusted, signer);
}

static FileOutcome
blocked (Reader     *reader,
         const char *message)
{
  g_ptr_array_add (reader->report->problems, g_strdup (message));
  return FILE_BLOCKED;
}

static FileOutcome
wait_for (Reader     *reader,
          ChangeFile *file,
          const char *why)
{
  g_hash_table_insert (reader->waiting, g_strdup (file->installation), g_strdup (why));
  return FILE_WAIT;
}

/* The seal: a file cut short by a copy still under way fails it as a
 * damaged one does, and either may be whole at the next sync. */
static FileOutcome
open_seal (Reader      *reader,
           ChangeFile  *file,
           GBytes      *sealed,
           GBytes     **payload_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardSigner) signer = NULL;

  *payload_out = ward_exchange_open_sealed (reader->store, sealed, file->display_name, &signer, &error);
  if (*payload_out == NULL)
    {
      if (g_error_matches (error, WARD_ERROR, WARD_ERROR_CORRUPT)
          || g_error_matches (error, WARD_ERROR, WARD_ERROR_TAMPERED)
          || g_error_matches (error, WARD_ERROR, WARD_ERROR_TOO_LARGE))
        return wait_for (reader, file, _("it is still being copied, or it is damaged"));
      if (g_error_matches (error, WARD_ERROR, WARD_ERROR_UNTRUSTED) && signer != NULL)
        note_untrusted (reader, g_steal_pointer (&signer));
      return blocked (reader, error->message);
    }
  if (g_ascii_strcasecmp (signer->installation, file->installation) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("The change file “%s” in the sync folder was signed by another "
                           "installation than the one whose folder holds it. It was not read."),
                         file->display_name);

      g_clear_pointer (payload_out, g_bytes_unref);
      return blocked (reader, message);
    }
  return FILE_APPLIED;
}

static FileOutcome
refuse_header (Reader     *reader,
               ChangeFile *file,
               gint64      version)
{
  g_autofree char *message = NULL;

  if (version > WARD_SYNC_VERSION)
    message = g_strdup_printf (_("The change file “%s” in the sync folder was written by a newer "
                                 "version of Ward Tracker (change format %d; this version reads up "
                                 "to %d). It was left unread: install the newer version here."),
                               file->display_name, (int) version, WARD_SYNC_VERSION);
  else
    message = g_strdup_printf (_("The change file “%s” in the sync folder is not one Ward Tracker "
                                 "wrote, or it was renamed. It was not read."), file->display_name);
  return blocked (reader, message);
}

/* The files of other desks this one had applied when it was written must
 * be applied here first. */
static FileOutcome
check_seen (Reader     *reader,
            ChangeFile *file)
{
  JsonNode *node = json_object_get_member (file->change, "seen");
  g_autoptr (GList) members = NULL;
  g_autofree char *own = ward_store_dup_installation_id (reader->store, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse_header (reader, file, 0);
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 sequence = 0;

      if (!ward_bundle_int_member (json_node_get_object (node), l->data, &sequence))
        return refuse_header (reader, file, 0);
      if (g_strcmp0 (l->data, own) != 0
          && peer_last_sequence (reader->store, l->data) < (guint64) sequence)
        {
          g_autofree char *short_id = g_strndup (l->data, 8);
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, sequence);
          g_autofree char *why = g_strdup_printf (_("it follows the file %s of the desk %s, not "
                                                    "applied here yet"), number, short_id);

          return wait_for (reader, file, why);
        }
    }
  return FILE_APPLIED;
}

/* The header inside the seal: the writer's format, and the number the file
 * bears under its name, which a renamed copy would not. */
static FileOutcome
read_header (Reader     *reader,
             ChangeFile *file,
             GBytes     *payload)
{
  JsonNode *root;
  const char *format, *bundle;
  gint64 version = 0, sequence = 0, previous = -1;
  gsize size;
  const char *data = g_bytes_get_data (payload, &size);

  file->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (file->parser, data, size, NULL)
      || (root = json_parser_get_root (file->parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return refuse_header (reader, file, 0);
  file->change = json_node_get_object (root);
  format = json_object_get_string_member_with_default (file->change, "format", "");
  if (!g_str_equal (format, WARD_SYNC_FORMAT) || !ward_bundle_int_member (file->change, "version", &version))
    return refuse_header (reader, file, 0);
  if (version > WARD_SYNC_VERSION)
    return refuse_header (reader, file, version);
  bundle = json_object_get_string_member_with_default (file->change, "bundle", NULL);
  if (!ward_bundle_int_member (file->change, "sequence", &sequence) || (guint64) sequence != file->sequence
      || !ward_bundle_int_member (file->change, "previous", &previous) || previous < 0 || bundle == NULL)
    return refuse_header (reader, file, 0);
  if ((guint64) previous > peer_last_sequence (reader->store, file->installation))
    return wait_for (reader, file, _("an earlier file of the same desk has not arrived yet"));
  file->bundle = g_bytes_new (bundle, strlen (bundle));
  return check_seen (reader, file);
}

static FileOutcome
read_change (Reader     *reader,
             ChangeFile *file)
{
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GError) error = NULL;
  FileOutcome outcome;

  /* Anyone with access to the folder can drop a file in it: read as every
   * file from outside is (a regular file, under the size limit). */
  sealed = ward_input_read (file->path, WARD_INPUT_JSON_MAX, &error);
  if (g_error_matches (error, WARD_ERROR, WARD_ERROR_TOO_LARGE) || g_error_matches (error, WARD_ERROR, WARD_ERROR_INVALID))
    return blocked (reader, error->message);
  if (sealed == NULL)
    return wait_for (reader, file, _("it cannot be read yet"));
  if ((outcome = open_seal (reader, file, sealed, &payload)) != FILE_APPLIED)
    return outcome;
  return read_header (reader, file, payload);
}

/* The hash this file holds for an entry of another desk's book, or NULL
 * when it holds none yet; *@newest_out the last place it holds. */
static char *
held_hash (WardStore  *store,
           const char *campaign,
           const char *book,
           gint64      seq,
           gint64     *newest_out)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
    "SELECT (SELECT e.hash FROM ledger_entries e WHERE e.campaign_id = c.id AND e.book = ?2 "
    "        AND e.seq = ?3), "
    "       (SELECT IFNULL (MAX (e.seq), 0) FROM ledger_entries e WHERE e.campaign_id = c.id "
    "        AND e.book = ?2) "
    "FROM campaigns c WHERE c.uuid = ?1", NULL);

  *newest_out = 0;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, campaign, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, book, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, seq);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  *newest_out = sqlite3_column_int64 (stmt, 1);
  return ward_stmt_dup_text (stmt, 0);
}

static FileOutcome
report_rewritten (Reader     *reader,
                  ChangeFile *file,
                  const char *book)
{
  g_autofree char *short_id = g_strndup (file->installation, 8);
  g_autofree char *message =
    g_strdup_printf (_("The receipt book %s of the desk %s was rewritten outside Ward Tracker: "
                       "entries this desk received from it earlier are no longer the same there. "
                       "Its changes were not applied. Run “ward-tracker-cli check” on that desk "
                       "and restore it from a backup."), book, short_id);

  return blocked (reader, message);
}

/* Tamper evidence across desks: every desk holds a copy of every other
 * desk's receipt book, entry by entry, each hashed onto the one before.
 * The head a writer shows must be the entry held here at that place (or
 * one past the end here, which its file brings); a head that is another
 * entry, or one before the end here, is a book rewritten there. */
static FileOutcome
check_books (Reader     *reader,
             ChangeFile *file)
{
  JsonArray *books = json_object_get_array_member (file->change, "books");

  for (guint i = 0; books != NULL && i < json_array_get_length (books); i++)
    {
      JsonObject *head = json_array_get_object_element (books, i);
      const char *campaign = head ? json_object_get_string_member_with_default (head, "campaign", NULL) : NULL;
      const char *book = head ? json_object_get_string_member_with_default (head, "book", NULL) : NULL;
      const char *hash = head ? json_object_get_string_member_with_default (head, "hash", NULL) : NULL;
      gint64 seq = 0, newest = 0;
      g_autofree char *held = NULL;

      if (campaign == NULL || book == NULL || hash == NULL || !ward_bundle_int_member (head, "seq", &seq))
        return refuse_header (reader, file, 0);
      held = held_hash (reader->store, campaign, book, seq, &newest);
      if (seq < newest || (held != NULL && g_strcmp0 (held, hash) != 0))
        return report_rewritten (reader, file, book);
    }
  return FILE_APPLIED;
}

static FileOutcome
make_plan (Reader          *reader,
           ChangeFile      *file,
           WardBundlePlan **plan_out)
{
  g_autoptr (GError) error = NULL;

  *plan_out = ward_bundle_plan_new_for_bytes (reader->store, file->bundle, file->display_name, &error);
  if (*plan_out == NULL)
    {
      /* A record named that is neither here nor in the file: another
       * desk's file, not applied yet, brings it. */
      if (g_error_matches (error, WARD_ERROR, WARD_ERROR_INVALID))
        return wait_for (reader, file, error->message);
      return blocked (reader, error->message);
    }
  if (g_ascii_strcasecmp (ward_bundle_plan_get_installation (*plan_out), file->installation) != 0)
    {
      g_clear_pointer (plan_out, ward_bundle_plan_unref);
      return refuse_header (reader, file, 0);
    }
  return FILE_APPLIED;
}

static gboolean
record_peer (WardStore   *store,
             const char  *installation,
             guint64      sequence,
             JsonObject  *change,
             GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
                                                  "INSERT OR REPLACE INTO sync_peers (installation, "
                                                  "last_sequence, books, applied_at) VALUES (?, ?, ?, ?)",
                                                  error);
  g_autoptr (JsonNode) books = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *books_text = NULL;
  g_autofree char *now = ward_store_now ();
  JsonArray *array = json_object_get_array_member (change, "books");
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_node_set_array (books, array != NULL ? array : json_array_new ());
  books_text = json_to_string (books, FALSE);
  sqlite3_bind_text (stmt, 1, installation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) sequence);
  sqlite3_bind_text (stmt, 3, books_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
sync_remember_foreign (WardStore  *store,
                       gint64      from_id,
                       const char *scope,
                       GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  gint64 to_id = sync_max_audit_id (store, error);
  int rc;

  if (to_id < 0)
    return FALSE;
  if (to_id == from_id)
    return TRUE;
  stmt = ward_store_prepare (store, "INSERT INTO sync_foreign_audit (from_id, to_id, scope) "
                                    "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_int64 (stmt, 2, to_id);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* A person's decision goes out as this desk's change, so that every desk
 * settles the same record the same way. */
static gboolean
remember_decisions (WardStore       *store,
                    WardBundlePlan  *plan,
                    GError         **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "INSERT OR IGNORE INTO sync_resend "
                                                         "(table_name, row_uuid) VALUES (?, ?)", error);
  int rc;

  for (guint i = 0; stmt != NULL && i < ward_bundle_plan_get_n_conflicts (plan); i++)
    {
      const WardBundleConflict *conflict = ward_bundle_plan_get_conflict (plan, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, conflict->table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, conflict->uuid, -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return ward_store_set_error (store, rc, error);
    }
  return stmt != NULL;
}

/* One transaction: the records, the audit rows they made marked as not
 * ours, the writer's place. */
static gboolean
apply_plan (WardStore       *store,
            const char      *scope,
            const char      *installation,
            guint64          sequence,
            JsonObject      *change,
            WardBundlePlan  *plan,
            GError         **error)
{
  gint64 from_id;

  if (!ward_store_begin (store, error))
    return FALSE;
  if ((from_id = sync_max_audit_id (store, error)) < 0
      || !ward_bundle_plan_apply (store, plan, error)
      || !sync_remember_foreign (store, from_id, scope, error)
      || !remember_decisions (store, plan, error)
      || !record_peer (store, installation, sequence, change, error)
      || !ward_store_commit (store, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static FileOutcome
hold_for_person (Reader         *reader,
                 ChangeFile     *file,
                 WardBundlePlan *plan)
{
  WardSyncPending *pending = g_new0 (WardSyncPending, 1);

  pending->installation = g_strdup (file->installation);
  pending->sequence = file->sequence;
  pending->path = g_strdup (file->path);
  pending->scope = g_strdup (reader->scope);
  pending->plan = ward_bundle_plan_ref (plan);
  g_ptr_array_add (reader->report->pending, pending);
  return FILE_BLOCKED;
}

static FileOutcome
apply_file (Reader     *reader,
            ChangeFile *file)
{
  g_autoptr (WardBundlePlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  FileOutcome outcome;

  if ((outcome = read_change (reader, file)) != FILE_APPLIED
      || (outcome = check_books (reader, file)) != FILE_APPLIED
      || (outcome = make_plan (reader, file, &plan)) != FILE_APPLIED)
    return outcome;
  if (ward_bundle_plan_get_n_conflicts (plan) > 0
      && (reader->decide == NULL || !reader->decide (reader->store, plan, reader->user_data)
          || ward_bundle_plan_get_n_undecided (plan) > 0))
    return hold_for_person (reader, file, plan);
  if (!apply_plan (reader->store, reader->scope, file->installation, file->sequence, file->change, plan, &error))
    return blocked (reader, error->message);
  reader->report->n_applied++;
  return FILE_APPLIED;
}

/* Applies @installation's files while they apply; TRUE when any was.
 * @blocked_out: its next file waits for a person or cannot be read in this
 * sync. */
static gboolean
read_writer (Reader     *reader,
             const char *installation,
             gboolean   *blocked_out)
{
  g_autofree char *dir = g_build_filename (reader->folder, installation, NULL);
  g_autoptr (GArray) sequences = sync_folder_list_sequences (dir);
  guint64 last = peer_last_sequence (reader->store, installation);
  FileOutcome outcome = FILE_WAIT;
  gboolean any = FALSE;

  g_hash_table_remove (reader->waiting, installation);
  for (guint i = 0; i < sequences->len; i++)
    {
      g_auto (ChangeFile) file = { installation, g_array_index (sequences, guint64, i), NULL };
      g_autofree char *path = NULL;

      if (file.sequence <= last)
        continue;
      path = sync_folder_change_path (reader->folder, installation, file.sequence);
      file.path = path;
      file.display_name = g_filename_display_name (path);
      if ((outcome = apply_file (reader, &file)) != FILE_APPLIED)
        break;
      any = TRUE;
      last = file.sequence;
    }
  *blocked_out = outcome == FILE_BLOCKED;
  return any;
}

static void
report_waiting (Reader *reader)
{
  GHashTableIter iter;
  gpointer installation, why;

  g_hash_table_iter_init (&iter, reader->waiting);
  while (g_hash_table_iter_next (&iter, &installation, &why))
    {
      g_autofree char *short_id = g_strndup (installation, 8);

      reader->report->n_waiting++;
      g_ptr_array_add (reader->report->waiting,
                       g_strdup_printf (_("The next change file of the desk %s is left for the next "
                                          "sync: %s."), short_id, (const char *) why));
    }
}

gboolean
sync_read_others (WardStore           *store,
                  const char          *folder,
                  const char          *scope,
                  WardSyncDecideFunc   decide,
                  gpointer             user_data,
                  WardSyncReport      *report,
                  GError             **error)
{
  g_autofree char *own = ward_store_dup_installation_id (store, error);
  g_autoptr (GPtrArray) writers = NULL;
  g_autoptr (GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader reader = { store, folder, decide, user_data, report, waiting, scope };
  gboolean progress = TRUE;

  if (own == NULL || (writers = sync_folder_list_writers (folder, error)) == NULL)
    return FALSE;
  report->n_desks = writers->len + (g_ptr_array_find_with_equal_func (writers, own, g_str_equal, NULL)
                                    ? 0 : 1);
  if (*scope == '\0' && sync_start_from_snapshot (store, folder, writers))
    report->n_applied++;
  /* A file may name a record another writer's file brings: passes go on
   * while any file was applied. */
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < writers->len; i++)
        {
          const char *installation = writers->pdata[i];
          gboolean blocked_now = FALSE;

          if (g_str_equal (installation, own) || g_hash_table_contains (done, installation))
            continue;
          if (read_writer (&reader, installation, &blocked_now))
            progress = TRUE;
          if (blocked_now)
            g_hash_table_add (done, (gpointer) installation);
        }
    }
  report_waiting (&reader);
  return TRUE;
}
