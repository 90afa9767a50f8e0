/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "base/ward-output.h"
#include "store/ward-store-audit.h"
#include "store/ward-store-checks.h"
#include "store/ward-store-seed.h"
#include "store/ward-store.h"

/* "WARD" in ASCII: marks a file as ours, so that another program's SQLite
 * database is refused rather than migrated. */
#define WARD_APPLICATION_ID WARD_STORE_APPLICATION_ID
#define WARD_APPLICATION_ID_DECIMAL 1463898692
#define BUSY_TIMEOUT_MS     4000
#define AUDIT_SINCE_VERSION 2    /* the first version with an audit trail */
#define SQL_RESOURCE_PATH   "/io/github/wardtracker/WardTracker/store/sql"
#define SEED_RESOURCE       "/io/github/wardtracker/WardTracker/store/seed/dong-son.json"

typedef enum {
  CHECK_DONE,
  CHECK_LATER,
  CHECK_RUNNING,
} CheckState;

struct _WardStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;      /* SQL text -> sqlite3_stmt* */
  int         version;
  int         tx_depth;
  guint64     plain_levels;    /* bit n: nested level n opened no savepoint */
  gboolean    tx_lost;         /* SQLite undid the outer transaction (disk full, I/O error) */
  GPtrArray  *pending_changes; /* table names to announce at commit */
  GHashTable *table_writes;    /* table name -> guint64 *: rows written here (watched tables) */
  guint64     moves;           /* commits and rollbacks seen: what was read may be stale */
  unsigned    data_version;
  GThread    *owner;           /* the thread that opened the store */
  gboolean    protected;       /* no output may replace the file (ward_output_protect()) */
  dev_t       device;          /* which file @path was when opened */
  ino_t       inode;

  /* The integrity check a window leaves until after its first frame
   * (ward_store_open_check_later()); writes wait for it. */
  GMutex      check_lock;
  GCond       check_done;
  CheckState  check_state;
  GError     *damage;          /* what the check found, refusing every write */
  gint        writes_allowed;  /* atomic: the commit hook's answer */
};

G_DEFINE_FINAL_TYPE (WardStore, ward_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
list_migrations (void)
{
  g_auto (GStrv) names = g_resources_enumerate_children (SQL_RESOURCE_PATH, 0, NULL);
  GPtrArray *sql = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sql, g_strdup (names[i]));

  /* Names begin with a zero-padded number: string order is version order. */
  g_ptr_array_sort (sql, compare_names);
  g_ptr_array_add (sql, NULL);
  return (char **) g_ptr_array_free (sql, FALSE);
}

int
ward_store_schema_version (void)
{
  g_auto (GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

char *
ward_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ward-tracker", "ward.sqlite3", NULL);
}

/* A record's id: a version 7 UUID (RFC 9562, section 5.7), whose first 48
 * bits are the time in milliseconds since 1970 and the rest random, with
 * the 12 bits after the version counting up within one millisecond so that
 * the ids one process makes sort in the order it made them. Every table
 * keeps its uuid in a unique index, and the audit its rows' by
 * (table_name, row_uuid): with random (version 4) ids each insert landed
 * on a random page of each of these indexes, and an import of 100,000
 * receipts spent its largest part there (README, "Issue 25, fifth
 * round"); ids that grow with time are appended at the right edge.
 * The time an id gives away is already in the row's created_at. The
 * installation's id stays random (ward-store-installation.c): its first
 * digits make the book's prefix. */
char *
ward_store_new_uuid (void)
{
  static GMutex lock;
  static gint64 last_ms;
  static guint counter;
  static const char hex[] = "0123456789abcdef";
  guint8 b[16];
  char *text, *p;
  gint64 ms = g_get_real_time () / 1000;
  guint seq;

  g_mutex_lock (&lock);
  if (ms <= last_ms)
    {
      /* The same millisecond, or a clock set back: keep counting from the
       * last id's time, so ids still grow. */
      ms = last_ms;
      if (++counter > 0xfff)
        {
          ms = ++last_ms;
          counter = g_random_int_range (0, 0x800);
        }
    }
  else
    {
      last_ms = ms;
      counter = g_random_int_range (0, 0x800);
    }
  seq = counter;
  g_mutex_unlock (&lock);

  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = 0x70 | (guint8) (seq >> 8);
  b[7] = (guint8) seq;
  for (int i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();
      memcpy (b + i, &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3f);

  p = text = g_malloc (37);
  for (int i = 0; i < 16; i++)
    {
      *p++ = hex[b[i] >> 4];
      *p++ = hex[b[i] & 0xf];
      if (i == 3 || i == 5 || i == 7 || i == 9)
        *p++ = '-';
    }
  *p = '\0';
  return text;
}

char *
ward_store_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
set_error_for_code (const char  *path,
                    int          rc,
                    const char  *detail,
                    GError     **error)
{
  g_autofree char *name = g_filename_display_name (path ? path : "");

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, WARD_ERROR, WARD_ERROR_BUSY,
                   _("The file “%s” is busy: another program, perhaps another copy of Ward Tracker, "
                     "is writing to it. Wait a moment and try again."), name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("The file “%s” cannot be written. Check that it and its folder are not "
                     "read-only and that the disk is still attached."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, WARD_ERROR, WARD_ERROR_DISK_FULL,
                   _("The disk holding “%s” is full. Nothing was changed; free some space "
                     "and try again."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("The file “%s” is damaged. It was not changed. Restore it from a backup."),
                   name);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
                   _("The file “%s” is not a Ward Tracker database."), name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The change breaks a rule of the data: %s."), detail ? detail : "");
      break;
    case SQLITE_IOERR:
      g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
                   _("The file “%s” could not be read or written (%s). Nothing was changed; "
                     "check that the disk is still attached and not full."),
                   name, detail ? detail : "");
      break;
    default:
      g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
                   _("The file “%s” could not be used: %s."), name, detail ? detail : "");
      break;
    }
  return FALSE;
}

gboolean
ward_store_set_error (WardStore  *self,
                      int         rc,
                      GError    **error)
{
  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  return set_error_for_code (self->path, rc, sqlite3_errmsg (self->db), error);
}

gboolean
ward_store_exec (WardStore   *self,
                 const char  *sql,
                 GError     **error)
{
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ward_store_set_error (self, rc, error);
  return TRUE;
}

WardStmt *
ward_store_prepare (WardStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      ward_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
ward_stmt_release (WardStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

const char *
ward_stmt_text (WardStmt *stmt,
                int       column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

char *
ward_stmt_dup_text (WardStmt *stmt,
                    int       column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

void
ward_stmt_bind_text_or_null (WardStmt   *stmt,
                             int         index,
                             const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean configure_connection (WardStore *self, GError **error);

static void
remember_file (WardStore *self)
{
  GStatBuf st;

  if (g_stat (self->path, &st) == 0)
    {
      self->device = st.st_dev;
      self->inode = st.st_ino;
    }
}

/* The file was deleted (or moved away) while we had it open: everything
 * stored so far still lives in the open connection, so it is written back to
 * its place and the connection moves over to it. */
static gboolean
put_file_back (WardStore  *self,
               GError    **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *dir = g_path_get_dirname (self->path);
  sqlite3_backup *backup = NULL;
  sqlite3 *dest = NULL;
  int fd, rc;

  g_mkdir_with_parents (dir, 0700);
  fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0)
    close (fd);
  rc = sqlite3_open_v2 (self->path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (dest, "main", self->db, "main")) != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  sqlite3_close (dest);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("The data file “%s” was deleted or moved while Ward Tracker had it open, "
                     "and it could not be written back. Nothing more can be saved: make a backup "
                     "with Back Up… now."), name);
      return FALSE;
    }

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || !configure_connection (self, error))
    return FALSE;
  remember_file (self);
  g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
               _("The data file “%s” was deleted or moved while Ward Tracker had it open. It has been "
                 "written back to its place with everything stored so far. Try again."), name);
  return FALSE;
}

static gboolean
check_file_in_place (WardStore  *self,
                     GError    **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  if (g_stat (self->path, &st) != 0)
    return put_file_back (self, error);
  if (st.st_dev == self->device && st.st_ino == self->inode)
    return TRUE;
  name = g_filename_display_name (self->path);
  g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
               _("The data file “%s” was replaced by another program while Ward Tracker had it "
                 "open. Nothing was changed; close Ward Tracker and open it again."), name);
  return FALSE;
}

static gboolean
transaction_lost (WardStore  *self,
                  GError    **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  /* SQLite rolls a whole transaction back by itself on a full disk or an I/O
   * error; nothing after that may be committed piecemeal. */
  self->tx_lost = TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
               _("The change to “%s” was undone after an earlier error; nothing of it was stored."),
               name);
  return FALSE;
}

/* A statement without results, prepared once: an import opens and releases
 * a savepoint for each of its rows. */
static gboolean
run_cached (WardStore   *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
ward_store_begin (WardStore  *self,
                  GError    **error)
{
  g_autofree char *savepoint = NULL;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  if (self->tx_depth == 0)
    {
      /* SQLite opens a file it may not write read-only without a word, and
       * would refuse each statement of the transaction in turn (50,000
       * times for an import): refused once, here, instead. */
      if (sqlite3_db_readonly (self->db, "main") == 1)
        return set_error_for_code (self->path, SQLITE_READONLY, NULL, error);
      if (!ward_store_run_check (self, error)
          || !check_file_in_place (self, error)
          || !ward_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->tx_lost = FALSE;
      self->tx_depth = 1;
      return TRUE;
    }

  /* Nested: a savepoint, so that an inner failure undoes only its own part. */
  if (self->tx_lost || sqlite3_get_autocommit (self->db))
    return transaction_lost (self, error);
  savepoint = g_strdup_printf ("SAVEPOINT ward_%d", self->tx_depth);
  if (!run_cached (self, savepoint, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
ward_store_begin_single_write (WardStore  *self,
                               GError    **error)
{
  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  if (self->tx_depth == 0 || self->tx_depth >= 63)
    return ward_store_begin (self, error);
  if (self->tx_lost || sqlite3_get_autocommit (self->db))
    return transaction_lost (self, error);
  self->tx_depth++;
  self->plain_levels |= G_GUINT64_CONSTANT (1) << self->tx_depth;
  return TRUE;
}

/* Leaves the innermost level if it opened no savepoint. */
static gboolean
take_plain_level (WardStore *self)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << self->tx_depth;

  if ((self->plain_levels & bit) == 0)
    return FALSE;
  self->plain_levels &= ~bit;
  self->tx_depth--;
  return TRUE;
}

gboolean
ward_store_transaction_lost (WardStore *self)
{
  g_return_val_if_fail (WARD_IS_STORE (self), TRUE);

  return self->tx_depth > 0 && (self->tx_lost || sqlite3_get_autocommit (self->db));
}

typedef struct
{
  WardStore *store;
  GPtrArray *tables;
} Changes;

static gboolean
emit_changes (gpointer data)
{
  Changes *changes = data;

  for (guint i = 0; i < changes->tables->len; i++)
    g_signal_emit (changes->store, signals[CHANGED],
                   g_quark_from_string (changes->tables->pdata[i]), changes->tables->pdata[i]);
  g_ptr_array_unref (changes->tables);
  g_object_unref (changes->store);
  g_free (changes);
  return G_SOURCE_REMOVE;
}

static void
emit_pending_changes (WardStore *self)
{
  Changes *changes = g_new0 (Changes, 1);

  changes->store = g_object_ref (self);
  changes->tables = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);

  /* Long imports commit from a worker thread; the views hear of it in the
   * thread that owns them. */
  if (g_thread_self () == self->owner)
    emit_changes (changes);
  else
    g_main_context_invoke (NULL, emit_changes, changes);
}

gboolean
ward_store_commit (WardStore  *self,
                   GError    **error)
{
  g_autofree char *release = NULL;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_lost || sqlite3_get_autocommit (self->db))
    {
      transaction_lost (self, error);
      ward_store_rollback (self);
      return FALSE;
    }
  if (self->tx_depth > 1)
    {
      if (take_plain_level (self))
        return TRUE;
      self->tx_depth--;
      release = g_strdup_printf ("RELEASE ward_%d", self->tx_depth);
      return run_cached (self, release, error);
    }
  if (!ward_store_exec (self, "COMMIT", error))
    {
      ward_store_rollback (self);
      return FALSE;
    }
  self->tx_depth = 0;
  emit_pending_changes (self);
  return TRUE;
}

void
ward_store_rollback (WardStore *self)
{
  g_autofree char *undo = NULL;

  g_return_if_fail (WARD_IS_STORE (self));

  if (self->tx_depth == 0)
    return;
  if (self->tx_depth > 1)
    {
      /* Undo the inner part only; the outer transaction goes on, unless
       * SQLite already undid all of it. A level without a savepoint has
       * nothing of its own to undo: its one statement failed whole. */
      if (take_plain_level (self))
        {
          if (sqlite3_get_autocommit (self->db))
            self->tx_lost = TRUE;
          return;
        }
      self->tx_depth--;
      if (sqlite3_get_autocommit (self->db))
        self->tx_lost = TRUE;
      else
        {
          undo = g_strdup_printf ("ROLLBACK TO ward_%d; RELEASE ward_%d", self->tx_depth, self->tx_depth);
          sqlite3_exec (self->db, undo, NULL, NULL, NULL);
          self->moves++;
        }
      return;
    }
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->tx_depth = 0;
  self->tx_lost = FALSE;
  self->plain_levels = 0;
  g_ptr_array_set_size (self->pending_changes, 0);
}

guint64
ward_store_get_table_stamp (WardStore  *self,
                            const char *table)
{
  g_autoptr (WardStmt) stmt = NULL;
  unsigned data_version = 0;
  guint64 *count;

  g_return_val_if_fail (WARD_IS_STORE (self), 0);

  /* Moves when another connection (another program) has committed; this
   * one's writes are counted row by row, its rollbacks in self->moves. */
  stmt = ward_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    data_version = (unsigned) sqlite3_column_int64 (stmt, 0);
  else
    self->moves++;
  if (data_version != self->data_version)
    {
      self->data_version = data_version;
      self->moves++;
    }
  count = g_hash_table_lookup (self->table_writes, table);
  if (count == NULL)
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (self->table_writes, g_strdup (table), count);
    }
  /* Both only grow: the sum changes whenever either does. */
  return *count + self->moves;
}

void
ward_store_notify_changed (WardStore  *self,
                           const char *table)
{
  g_return_if_fail (WARD_IS_STORE (self));
  g_return_if_fail (table != NULL);

  for (guint i = 0; i < self->pending_changes->len; i++)
    if (g_str_equal (self->pending_changes->pdata[i], table))
      return;
  g_ptr_array_add (self->pending_changes, g_strdup (table));
  if (self->tx_depth == 0)
    emit_pending_changes (self);
}

char *
ward_store_dup_setting (WardStore  *self,
                        const char *key)
{
  g_autoptr (WardStmt) stmt = NULL;

  g_return_val_if_fail (WARD_IS_STORE (self), NULL);

  stmt = ward_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return ward_stmt_dup_text (stmt, 0);
  return NULL;
}

gboolean
ward_store_set_setting (WardStore   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  if (self->tx_depth == 0 && !ward_store_run_check (self, error))
    return FALSE;
  stmt = ward_store_prepare (self,
                             "INSERT INTO settings (uuid, key, value, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?4) "
                             "ON CONFLICT (key) DO UPDATE SET value = ?3, updated_at = ?4",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (self, rc, error);
  return TRUE;
}

static void
ward_store_finalize (GObject *object)
{
  WardStore *self = (WardStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->protected)
    ward_output_unprotect (self->path);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->table_writes, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->damage);
  g_mutex_clear (&self->check_lock);
  g_cond_clear (&self->check_done);

  G_OBJECT_CLASS (ward_store_parent_class)->finalize (object);
}

static void
ward_store_class_init (WardStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ward_store_finalize;

  /* SQLite's memory statistics take a global mutex at each allocation, and
   * nothing here reads them (sqlite3_memory_used()); without them an
   * import of receipts runs 6 % fewer instructions (README, "Issue 25,
   * fifth round"). The class is made before
   * the first file is opened; sqlite3_config() refuses the change, which
   * is harmless, if SQLite was already started. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * WardStore::changed:
   * @table: the table that changed
   *
   * Emitted after a committed change, with the table name as the detail.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ward_store_init (WardStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->table_writes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->owner = g_thread_self ();
  g_mutex_init (&self->check_lock);
  g_cond_init (&self->check_done);
  self->check_state = CHECK_DONE;
  self->writes_allowed = TRUE;
}

/* Opening ---------------------------------------------------------------- */

typedef enum {
  FILE_MISSING,
  FILE_SQLITE,
} FileKind;

static gboolean
inspect_file (const char  *path,
              FileKind    *kind,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  char header[16];
  GStatBuf st;
  ssize_t n;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        {
          *kind = FILE_MISSING;
          return TRUE;
        }
      return set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (errno), error);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
                   _("“%s” is not a file."), name);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      /* What a failed copy leaves: never seeded as if it were new. */
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("The file “%s” is empty (0 bytes), perhaps a copy that failed. It was not "
                     "changed. Restore it from a backup, or delete it to start a new file."), name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (errno), error);
  n = read (fd, header, sizeof header);
  close (fd);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
                   _("The file “%s” is not a Ward Tracker database. It was not changed."), name);
      return FALSE;
    }
  *kind = FILE_SQLITE;
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (errno), error);

  /* The file holds personal data: readable by its owner only, from the very
   * first byte. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    return set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (errno), error);
  close (fd);
  return TRUE;
}

static gboolean
query_int (WardStore   *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return ward_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
check_file_is_ours (WardStore  *self,
                    int        *version,
                    GError    **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  int app_id = 0;
  int n_tables = 0;

  if (!query_int (self, "PRAGMA user_version", version, error)
      || !query_int (self, "PRAGMA application_id", &app_id, error)
      || !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (app_id != WARD_APPLICATION_ID && n_tables > 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE,
                   _("The file “%s” is a database of another program, not of Ward Tracker. "
                     "It was not changed."), name);
      return FALSE;
    }
  if (*version > ward_store_schema_version ())
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NEWER_VERSION,
                   _("The file “%s” was written by a newer version of Ward Tracker "
                     "(data version %d; this version reads up to %d). It was not changed. "
                     "Install the newer version to open it."),
                   name, *version, ward_store_schema_version ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check_db (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (result == NULL)
    return set_error_for_code (path, rc, sqlite3_errmsg (db), error);
  if (!g_str_equal (result, "ok"))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("The file “%s” is damaged (%s). It was not changed. "
                     "Restore it from a backup."), name, result);
      return FALSE;
    }
  return TRUE;
}

/* What a migration does that SQL alone cannot, run right after its file. */
static const struct
{
  int        version;
  gboolean (*run) (sqlite3 *db, GError **error);
} code_steps[] = {
  { 15, ward_store_unfold_in_checks },
};

static gboolean
apply_migration (WardStore   *self,
                 const char  *name,
                 int          version,
                 GError     **error)
{
  g_autofree char *resource = g_build_path ("/", SQL_RESOURCE_PATH, name, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  /* From version 2, which brought the audit trail, a migration works on the
   * bare tables and the triggers are made again from what it leaves: a
   * column it adds is audited with no other change. */
  if (version >= AUDIT_SINCE_VERSION && !ward_audit_drop_triggers (self, error))
    return FALSE;
  if (!ward_store_exec (self, sql, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (code_steps); i++)
    if (code_steps[i].version == version && !code_steps[i].run (self->db, error))
      return FALSE;
  if (version >= AUDIT_SINCE_VERSION && !ward_audit_create_triggers (self, error))
    return FALSE;
  return ward_store_exec (self, pragma, error);
}

static GBytes *
load_seed (const char  *seed_path,
           GError     **error)
{

  if (seed_path == NULL)
    return g_resources_lookup_data (SEED_RESOURCE, 0, error);
  return ward_input_read (seed_path, WARD_INPUT_JSON_MAX, error);
}

/* Brings the file from @from to @to. A new file is created and seeded in a
 * single transaction, so that a failure leaves no half-made database; an
 * existing file takes each migration in its own transaction. */
static gboolean
migrate (WardStore   *self,
         int          from,
         int          to,
         const char  *seed_path,
         GError     **error)
{
  g_auto (GStrv) names = list_migrations ();
  gboolean fresh = (from == 0);
  g_autoptr (GBytes) seed = NULL;

  if (from >= to)
    return TRUE;

  if (fresh)
    {
      g_autofree char *display = g_filename_display_name (seed_path ? seed_path : "dong-son.json");

      seed = load_seed (seed_path, error);
      if (seed == NULL)
        return FALSE;
      if (!ward_store_begin (self, error))
        return FALSE;
      if (!ward_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (WARD_APPLICATION_ID_DECIMAL), error))
        goto fail;
      for (int v = 1; v <= to; v++)
        if (!apply_migration (self, names[v - 1], v, error))
          goto fail;
      self->version = to;
      if (!ward_seed_apply (self, seed, display, error))
        goto fail;
      return ward_store_commit (self, error);
    }

  for (int v = from + 1; v <= to; v++)
    {
      if (!ward_store_begin (self, error))
        return FALSE;
      if (!apply_migration (self, names[v - 1], v, error))
        goto fail;
      /* Đông Sơn's file takes its congress date from the built-in seed;
       * another ward's is asked for it (see ward-targets-resolution.h). */
      if (v == WARD_SEED_TERM_DATES_VERSION)
        {
          seed = load_seed (NULL, error);
          if (seed == NULL || !ward_seed_fill_term (self, seed, "dong-son.json", error))
            goto fail;
        }
      if (!ward_store_commit (self, error))
        return FALSE;
      self->version = v;
    }
  return TRUE;

fail:
  ward_store_rollback (self);
  return FALSE;
}

static int
refuse_unchecked_commit (void *data)
{
  WardStore *self = data;

  return g_atomic_int_get (&self->writes_allowed) ? 0 : 1;
}

/* Each row written to a table someone watches (ward_store_get_table_stamp()),
 * counted as it is written: before the commit, triggers' writes included. */
static void
count_table_write (void          *data,
                   int            operation,
                   const char    *database,
                   const char    *table,
                   sqlite3_int64  rowid)
{
  WardStore *self = data;
  guint64 *count = g_hash_table_lookup (self->table_writes, table);

  if (count != NULL)
    (*count)++;
}

/* A whole transaction undone, by ward_store_rollback() or SQLite itself:
 * rows read inside it may be gone. (A savepoint's is counted where it is
 * rolled back.) */
static void
count_rollback (void *data)
{
  WardStore *self = data;

  self->moves++;
}

static gboolean
configure_connection (WardStore  *self,
                      GError    **error)
{
  g_return_val_if_fail (self->db != NULL, FALSE);

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);
  /* Writes wait for the integrity check in ward_store_begin(); this is the
   * net under any write that would not pass there. */
  sqlite3_commit_hook (self->db, refuse_unchecked_commit, self);
  sqlite3_update_hook (self->db, count_table_write, self);
  sqlite3_rollback_hook (self->db, count_rollback, self);

  /* temp_store: the statement journals of the savepoints that nested
   * transactions open (one per row of an import) stay in memory instead of
   * temporary files: 100,000 donations import in 4 s instead of 5 (issue
   * 13). Nothing of the file itself is held in memory. */
  return ward_store_exec (self, "PRAGMA foreign_keys = ON", error)
         && ward_store_exec (self, "PRAGMA synchronous = FULL", error)
         && ward_store_exec (self, "PRAGMA temp_store = MEMORY", error);
}

static gboolean
ensure_rollback_journal (WardStore  *self,
                         GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_delete = FALSE;

  /* Asking for the mode it already has writes nothing. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    is_delete = (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0);
  sqlite3_finalize (stmt);
  if (!is_delete)
    return ward_store_set_error (self, sqlite3_errcode (self->db), error);
  return TRUE;
}

static gboolean
refuse_missing (const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
               _("There is no data file “%s”. Create one with “ward-tracker-cli init”, or name "
                 "the one you have with --database."), name);
  return FALSE;
}

static WardStore *
open_store (const char  *path,
            const char  *seed_path,
            int          max_version,
            gboolean     check_later,
            gboolean     create,
            GError     **error)
{
  g_autoptr (WardStore) self = NULL;
  g_autofree char *real = NULL;
  gboolean created = FALSE;
  FileKind kind = FILE_MISSING;
  int target = max_version < 0 ? ward_store_schema_version () : max_version;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target <= ward_store_schema_version (), NULL);

  if (!inspect_file (path, &kind, error))
    return NULL;
  if (kind == FILE_MISSING && !create)
    return refuse_missing (path, error), NULL;
  if (kind == FILE_MISSING)
    {
      if (!create_private_file (path, error))
        return NULL;
      created = TRUE;
    }

  /* A home folder may be a link (Fedora Silverblue's /home): the file is
   * opened by its real path, and SQLite refuses any link from there on. */
  real = ward_output_resolve_path (path);
  self = g_object_new (WARD_TYPE_STORE, NULL);
  self->path = g_strdup (real != NULL ? real : path);

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (path, rc, self->db ? sqlite3_errmsg (self->db) : NULL, error);
      goto fail;
    }

  if (!configure_connection (self, error) || !check_file_is_ours (self, &version, error))
    goto fail;
  /* A file that needs no migration may be checked after the window is up;
   * one about to be migrated is checked before anything is written. */
  if (check_later && version == target)
    {
      self->check_state = CHECK_LATER;
      g_atomic_int_set (&self->writes_allowed, FALSE);
    }
  else if (version > 0 && !quick_check_db (self->db, self->path, error))
    goto fail;
  if (!ensure_rollback_journal (self, error))
    goto fail;

  self->version = version;
  remember_file (self);
  if (!migrate (self, version, target, seed_path, error))
    goto fail;

  ward_output_protect (self->path);
  self->protected = TRUE;
  return g_steal_pointer (&self);

fail:
  /* Only a file we created ourselves a moment ago may be removed. */
  if (created)
    {
      g_clear_object (&self);
      g_unlink (path);
    }
  return NULL;
}

WardStore *
ward_store_open_full (const char  *path,
                      const char  *seed_path,
                      int          max_version,
                      GError     **error)
{
  return open_store (path, seed_path, max_version, FALSE, TRUE, error);
}

WardStore *
ward_store_open_existing (const char  *path,
                          GError     **error)
{
  return open_store (path, NULL, -1, FALSE, FALSE, error);
}

WardStore *
ward_store_open (const char  *path,
                 GError     **error)
{
  return open_store (path, NULL, -1, FALSE, TRUE, error);
}

WardStore *
ward_store_open_check_later (const char  *path,
                             GError     **error)
{
  return open_store (path, NULL, -1, TRUE, TRUE, error);
}

WardStore *
ward_store_open_reader (const char  *path,
                        GError     **error)
{
  g_autoptr (WardStore) self = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WARD_TYPE_STORE, NULL);
  self->path = ward_output_resolve_path (path);
  if (self->path == NULL)
    self->path = g_strdup (path);
  g_atomic_int_set (&self->writes_allowed, FALSE);
  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (path, rc, self->db != NULL ? sqlite3_errmsg (self->db) : NULL, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, TRUE);
  if (!check_file_is_ours (self, &version, error))
    return NULL;
  self->version = version;
  return g_steal_pointer (&self);
}

/* Damage refuses every write for as long as the file is open; anything
 * else (the file busy for longer than the timeout) is tried again at the
 * next write. */
static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, WARD_ERROR, WARD_ERROR_CORRUPT)
         || g_error_matches (error, WARD_ERROR, WARD_ERROR_NOT_DATABASE);
}

gboolean
ward_store_run_check (WardStore  *self,
                      GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  g_mutex_lock (&self->check_lock);
  while (self->check_state == CHECK_RUNNING)
    g_cond_wait (&self->check_done, &self->check_lock);
  if (self->check_state == CHECK_LATER)
    {
      g_autoptr (GError) found = NULL;
      sqlite3 *db = NULL;
      int rc;

      self->check_state = CHECK_RUNNING;
      g_mutex_unlock (&self->check_lock);

      /* A connection of its own, so that this may run on a worker thread
       * while the window reads through the store's. */
      rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
      if (rc != SQLITE_OK)
        set_error_for_code (self->path, rc, db != NULL ? sqlite3_errmsg (db) : NULL, &found);
      else
        {
          sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
          quick_check_db (db, self->path, &found);
        }
      sqlite3_close_v2 (db);

      g_mutex_lock (&self->check_lock);
      if (found != NULL && is_damage (found))
        self->damage = g_steal_pointer (&found);
      self->check_state = found != NULL && self->damage == NULL ? CHECK_LATER : CHECK_DONE;
      g_atomic_int_set (&self->writes_allowed, self->check_state == CHECK_DONE && self->damage == NULL);
      g_cond_broadcast (&self->check_done);
      if (found != NULL)
        {
          g_mutex_unlock (&self->check_lock);
          g_propagate_error (error, g_steal_pointer (&found));
          return FALSE;
        }
    }
  ok = (self->damage == NULL);
  if (!ok)
    g_propagate_error (error, g_error_copy (self->damage));
  g_mutex_unlock (&self->check_lock);
  return ok;
}

gboolean
ward_store_is_checked (WardStore *self)
{
  gboolean checked;

  g_return_val_if_fail (WARD_IS_STORE (self), FALSE);

  g_mutex_lock (&self->check_lock);
  checked = (self->check_state == CHECK_DONE);
  g_mutex_unlock (&self->check_lock);
  return checked;
}

const char *
ward_store_get_path (WardStore *self)
{
  g_return_val_if_fail (WARD_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
ward_store_get_db (WardStore *self)
{
  g_return_val_if_fail (WARD_IS_STORE (self), NULL);
  return self->db;
}

int
ward_store_get_version (WardStore *self)
{
  g_return_val_if_fail (WARD_IS_STORE (self), 0);
  return self->version;
}

gint64
ward_store_count_rows (WardStore   *self,
                       const char  *table,
                       GError     **error)
{
  return ward_store_count_rows_where (self, table, NULL, 0, error);
}

gint64
ward_store_count_rows_where (WardStore   *self,
                             const char  *table,
                             const char  *column,
                             gint64       value,
                             GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (self), -1);
  g_return_val_if_fail (g_regex_match_simple ("^[a-z_]+$", table, 0, 0), -1);
  g_return_val_if_fail (column == NULL || g_regex_match_simple ("^[a-z_]+$", column, 0, 0), -1);

  if (column != NULL)
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", table, column);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  stmt = ward_store_prepare (self, sql, error);
  if (stmt == NULL)
    return -1;
  if (column != NULL)
    sqlite3_bind_int64 (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ward_store_set_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
