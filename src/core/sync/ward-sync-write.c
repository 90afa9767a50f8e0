/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync"

#include "config.h"

#include <string.h>

#include "base/ward-error.h"
#include "exchange/ward-exchange-sign.h"
#include "sync/ward-sync-private.h"

/* This installation's change files. What changed here is told by the audit
 * trail's row ids, which only grow, never by timestamps (this computer's
 * clock may be wrong by days, or be put back): every audit row after the
 * last one that went out ("sync-audit-mark"), less those written by
 * applying the other desks' files (sync_foreign_audit), plus the records a
 * person decided in a conflict (sync_resend). */

static const char outgoing_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS bundle_outgoing (table_name TEXT NOT NULL, "
  "  row_uuid TEXT NOT NULL, PRIMARY KEY (table_name, row_uuid)) WITHOUT ROWID;"
  "DELETE FROM temp.bundle_outgoing;";

gint64
sync_max_audit_id (WardStore  *store,
                   GError    **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT IFNULL (MAX (id), 0) FROM audit", error);
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Each folder keeps its own place: the office's, and each campaign's. */
static char *
scoped_key (const char *key,
            const char *scope)
{
  return *scope == '\0' ? g_strdup (key) : g_strconcat (key, ":", scope, NULL);
}

static gint64
setting_int (WardStore  *store,
             const char *key,
             const char *scope)
{
  g_autofree char *scoped = scoped_key (key, scope);
  g_autofree char *value = ward_store_dup_setting (store, scoped);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
set_setting (WardStore   *store,
             const char  *key,
             const char  *scope,
             const char  *value,
             GError     **error)
{
  g_autofree char *scoped = scoped_key (key, scope);

  return ward_store_set_setting (store, scoped, value, error);
}

static gboolean
set_setting_int (WardStore  *store,
                 const char *key,
                 const char *scope,
                 gint64      value,
                 GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return set_setting (store, key, scope, text, error);
}

/* Settings, trust and the like are audited but travel in no bundle. */
static gint64
drop_uncarried (WardStore  *store,
                GError    **error)
{
  g_autoptr (GPtrArray) drop = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT DISTINCT table_name "
                                                         "FROM temp.bundle_outgoing", error);
  int rc;

  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!ward_bundle_carries_table (ward_stmt_text (stmt, 0)))
      g_ptr_array_add (drop, ward_stmt_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  stmt = ward_store_prepare (store, "DELETE FROM temp.bundle_outgoing WHERE table_name = ?", error);
  for (guint i = 0; stmt != NULL && i < drop->len; i++)
    {
      sqlite3_bind_text (stmt, 1, drop->pdata[i], -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          ward_store_set_error (store, rc, error);
          return -1;
        }
      sqlite3_reset (stmt);
    }
  if (stmt == NULL)
    return -1;
  return ward_store_count_rows (store, "bundle_outgoing", error);
}

/* Fills temp.bundle_outgoing; the number of records in it. In the office's
 * folder: every change made here, and those a laptop brought through its
 * campaign's folder. In a campaign's folder: that campaign's ledger alone,
 * never a candidate (Nghị định 13/2023/NĐ-CP: birth dates, ethnicity and
 * religion are sensitive personal data; a collection laptop has no need
 * of them). */
static gint64
fill_outgoing (WardStore  *store,
               gint64      mark,
               const char *scope,
               GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (!ward_store_exec (store, outgoing_sql, error))
    return -1;
  stmt = ward_store_prepare (store,
                             "INSERT OR IGNORE INTO temp.bundle_outgoing "
                             "SELECT table_name, row_uuid FROM audit a WHERE a.id > ?1 "
                             "AND NOT EXISTS (SELECT 1 FROM sync_foreign_audit f WHERE f.scope = ?2 "
                             "                AND a.id > f.from_id AND a.id <= f.to_id) "
                             "AND (?2 = '' OR (a.table_name = 'ledger_entries' AND a.row_uuid IN "
                             "     (SELECT e.uuid FROM ledger_entries e JOIN campaigns c "
                             "      ON c.id = e.campaign_id WHERE c.uuid = ?2))) "
                             "UNION SELECT table_name, row_uuid FROM sync_resend WHERE ?2 = ''", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, mark);
  sqlite3_bind_text (stmt, 2, scope, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  return drop_uncarried (store, error);
}

JsonArray *
sync_own_books (WardStore  *store,
                GError    **error)
{
  g_autofree char *book = ward_store_dup_book (store, error);
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (JsonArray) books = json_array_new ();
  int rc;

  if (book == NULL)
    return NULL;
  stmt = ward_store_prepare (store,
                             "SELECT c.uuid, e.seq, e.hash FROM ledger_entries e "
                             "JOIN campaigns c ON c.id = e.campaign_id WHERE e.book = ?1 "
                             "AND e.seq = (SELECT MAX (seq) FROM ledger_entries m "
                             "             WHERE m.campaign_id = e.campaign_id AND m.book = ?1) "
                             "ORDER BY c.uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, book, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *head = json_object_new ();

      json_object_set_string_member (head, "campaign", ward_stmt_text (stmt, 0));
      json_object_set_string_member (head, "book", book);
      json_object_set_int_member (head, "seq", sqlite3_column_int64 (stmt, 1));
      json_object_set_string_member (head, "hash", ward_stmt_text (stmt, 2));
      json_array_add_object_element (books, head);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&books);
}

/* How far this desk had applied every other desk's files: a reader
 * applies this file only after those, so that a deletion never arrives
 * before the record it deletes (causal order, as vector clocks give it). */
JsonObject *
sync_seen_peers (WardStore  *store,
                 GPtrArray  *writers,
                 GError    **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT installation, last_sequence "
                                                         "FROM sync_peers ORDER BY installation", error);
  g_autoptr (JsonObject) seen = json_object_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  /* Only the desks writing in this folder: a reader here never sees the
   * others' files. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (writers == NULL || g_ptr_array_find_with_equal_func (writers, ward_stmt_text (stmt, 0), g_str_equal, NULL))
      json_object_set_int_member (seen, ward_stmt_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&seen);
}

GBytes *
sync_seal_with_bundle (WardStore   *store,
                       JsonObject  *header,
                       GBytes      *bundle,
                       GError     **error)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (GBytes) payload = NULL;
  char *text = g_strndup (g_bytes_get_data (bundle, NULL), g_bytes_get_size (bundle));

  json_object_set_string_member (header, "bundle", text);
  g_free (text);
  json_node_set_object (root, header);
  text = json_to_string (root, FALSE);
  payload = g_bytes_new_take (text, strlen (text));
  return ward_exchange_seal (store, payload, error);
}

static GBytes *
seal_change (WardStore   *store,
             GPtrArray   *writers,
             const char  *installation,
             guint64      sequence,
             guint64      previous,
             JsonArray   *books,
             GBytes      *bundle,
             GError     **error)
{
  g_autoptr (JsonObject) change = json_object_new ();
  JsonObject *seen = sync_seen_peers (store, writers, error);

  if (seen == NULL)
    return NULL;
  json_object_set_string_member (change, "format", WARD_SYNC_FORMAT);
  json_object_set_int_member (change, "version", WARD_SYNC_VERSION);
  json_object_set_string_member (change, "installation", installation);
  json_object_set_int_member (change, "sequence", (gint64) sequence);
  json_object_set_int_member (change, "previous", (gint64) previous);
  json_object_set_array_member (change, "books", json_array_ref (books));
  json_object_set_object_member (change, "seen", seen);
  return sync_seal_with_bundle (store, change, bundle, error);
}

/* The next number: after the last one written from this file, and after
 * every file of ours already in the folder (this file may have been
 * restored from a backup older than them). */
static guint64
next_sequence (const char *folder,
               const char *installation,
               guint64     last)
{
  g_autofree char *dir = g_build_filename (folder, installation, NULL);
  g_autoptr (GArray) sequences = sync_folder_list_sequences (dir);
  guint64 next = last + 1;

  if (sequences->len > 0)
    next = MAX (next, g_array_index (sequences, guint64, sequences->len - 1) + 1);
  return next;
}

static gboolean
write_change (WardStore   *store,
              const char  *folder,
              const char  *scope,
              gint64       mark,
              JsonArray   *books,
              const char  *books_text,
              GError     **error)
{
  g_autofree char *installation = ward_store_dup_installation_id (store, error);
  g_autoptr (GBytes) bundle = NULL;
  g_autoptr (GBytes) sealed = NULL;
  g_autoptr (GPtrArray) writers = NULL;
  g_autofree char *path = NULL;
  guint64 last = setting_int (store, "sync-sequence", scope), sequence;

  if (installation == NULL || (writers = sync_folder_list_writers (folder, error)) == NULL)
    return FALSE;
  sequence = next_sequence (folder, installation, last);
  if ((bundle = ward_bundle_export_selected_bytes (store, NULL, error)) == NULL
      || (sealed = seal_change (store, writers, installation, sequence, last, books, bundle, error)) == NULL)
    return FALSE;
  path = sync_folder_change_path (folder, installation, sequence);
  return sync_folder_write_new (path, sealed, error)
         && set_setting_int (store, "sync-sequence", scope, (gint64) sequence, error)
         && set_setting_int (store, "sync-audit-mark", scope, mark, error)
         && set_setting (store, "sync-books", scope, books_text, error)
         && (*scope != '\0' || ward_store_exec (store, "DELETE FROM sync_resend", error));
}

/* The heads of this desk's books as its last file gave them: a book that
 * changed without a record changing (rewritten outside the application)
 * still goes out, for the other desks to see. */
static gboolean
books_changed (WardStore  *store,
               const char *scope,
               const char *books_text)
{
  g_autofree char *key = scoped_key ("sync-books", scope);
  g_autofree char *last = ward_store_dup_setting (store, key);

  return g_strcmp0 (last, books_text) != 0;
}

gboolean
sync_write_own (WardStore   *store,
                const char  *folder,
                const char  *scope,
                gboolean    *written_out,
                GError     **error)
{
  g_autoptr (JsonArray) books = NULL;
  g_autoptr (JsonNode) books_node = NULL;
  g_autofree char *books_text = NULL;
  gint64 mark, n_outgoing;

  *written_out = FALSE;
  /* One transaction: the picture sent and the mark moved are the same. */
  if (!ward_store_begin (store, error))
    return FALSE;
  if ((mark = sync_max_audit_id (store, error)) < 0
      || (n_outgoing = fill_outgoing (store, setting_int (store, "sync-audit-mark", scope), scope, error)) < 0
      || (books = sync_own_books (store, error)) == NULL)
    goto failed;
  books_node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (books_node, books);
  books_text = json_to_string (books_node, FALSE);
  if (n_outgoing == 0 && !books_changed (store, scope, books_text))
    {
      ward_store_rollback (store);
      return TRUE;
    }
  if (!write_change (store, folder, scope, mark, books, books_text, error) || !ward_store_commit (store, error))
    goto failed;
  *written_out = TRUE;
  return TRUE;

failed:
  ward_store_rollback (store);
  return FALSE;
}
