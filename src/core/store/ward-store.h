/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The one SQLite file. One WardStore per process owns the connection; every
 * core module reads and writes through it. */

#define WARD_TYPE_STORE (ward_store_get_type ())
G_DECLARE_FINAL_TYPE (WardStore, ward_store, WARD, STORE, GObject)

/* "WARD" in ASCII, PRAGMA application_id of every Ward Tracker file. */
#define WARD_STORE_APPLICATION_ID 0x57415244

/* The schema version this build writes (the number of the last migration). */
int          ward_store_schema_version  (void);

/* <user data dir>/ward-tracker/ward.sqlite3 */
char        *ward_store_default_path    (void);

/* Opens @path, creating and seeding it from the built-in seed when it does
 * not exist (the window's first start). Refuses, untouched, an empty (0
 * byte) file, what a failed copy leaves, a file written by a newer version, a damaged
 * file and a file that is not a Ward Tracker database. */
WardStore   *ward_store_open            (const char  *path,
                                         GError     **error);

/* As ward_store_open(), but a missing file is refused, never created:
 * every command but `init` opens this way. */
WardStore   *ward_store_open_existing   (const char  *path,
                                         GError     **error);

/* As ward_store_open(); a new file is seeded from @seed_path (NULL: the
 * built-in seed). @max_version < 0 migrates to the current version; tests
 * pass an older version to make files as earlier releases wrote them. */
WardStore   *ward_store_open_full       (const char  *path,
                                         const char  *seed_path,
                                         int          max_version,
                                         GError     **error);

/* As ward_store_open(), for the window: a file that needs no migration
 * opens without its integrity check (PRAGMA quick_check reads the whole
 * file, a third of a second at 200 MB), which ward_store_run_check() does
 * later, on a worker thread. Until the check has passed nothing is
 * written: the first write waits for it, or runs it; a damaged file
 * refuses every write. */
WardStore   *ward_store_open_check_later (const char  *path,
                                          GError     **error);
/* Runs the integrity check a store opened with
 * ward_store_open_check_later() still owes, on a connection of its own:
 * callable from any thread. FALSE with the damage found (or, for a store
 * already checked, the damage found before). */
gboolean     ward_store_run_check       (WardStore   *self,
                                         GError     **error);
/* A second, read-only connection to a file another store has opened (and
 * migrated), for reading on a worker thread: nothing is created, migrated
 * or checked, and nothing can be written through it. */
WardStore   *ward_store_open_reader     (const char  *path,
                                         GError     **error);
/* TRUE once the integrity check has run (at open, or since). */
gboolean     ward_store_is_checked      (WardStore   *self);
const char  *ward_store_get_path        (WardStore   *self);
sqlite3     *ward_store_get_db          (WardStore   *self);
int          ward_store_get_version     (WardStore   *self);

/* A prepared statement, cached for the life of the store. It comes back
 * reset with its bindings cleared; declare it as g_autoptr (WardStmt) so
 * that it is reset again (releasing its read lock) when it goes out of
 * scope. */
typedef sqlite3_stmt WardStmt;
WardStmt    *ward_store_prepare         (WardStore   *self,
                                         const char  *sql,
                                         GError     **error);
void         ward_stmt_release          (WardStmt    *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardStmt, ward_stmt_release)

gboolean     ward_store_exec            (WardStore   *self,
                                         const char  *sql,
                                         GError     **error);

/* Write transactions: BEGIN IMMEDIATE, so that a second process waits for
 * the busy timeout here rather than failing half-way through. Nested calls
 * are savepoints: an inner rollback undoes only its own part, and only the
 * outermost commit stores anything. */
gboolean     ward_store_begin           (WardStore   *self,
                                         GError     **error);
/* As ward_store_begin(), for work whose one write is a single statement,
 * made last: nested, no savepoint is opened, since SQLite undoes a failed
 * statement by itself (an import of 100,000 receipts is half a second
 * faster for it). A rollback cannot undo that statement once it has run. */
gboolean     ward_store_begin_single_write (WardStore *self,
                                            GError   **error);
gboolean     ward_store_commit          (WardStore   *self,
                                         GError     **error);
void         ward_store_rollback        (WardStore   *self);

/* TRUE inside a transaction that SQLite has already undone by itself (a
 * full disk, an I/O error): the caller must stop and roll back. */
gboolean     ward_store_transaction_lost (WardStore  *self);

/* A number that changes whenever a row of @table may have changed: a row
 * written to it through this store (counted from the first call for @table
 * on, as it is written), a rollback, or a commit by another connection.
 * What is read once and kept is read again when it moves. */
guint64      ward_store_get_table_stamp (WardStore  *self,
                                         const char *table);

/* Tell every view that @table changed: emits ::changed with @table as the
 * detail ("changed::candidates"). Deferred to the commit when inside a
 * transaction, dropped on rollback. */
void         ward_store_notify_changed  (WardStore   *self,
                                         const char  *table);

/* Turns an SQLite result into a WARD_ERROR with a sentence for the user. */
gboolean     ward_store_set_error       (WardStore   *self,
                                         int          rc,
                                         GError     **error);

/* Settings kept in the file itself (installation id, last backup, …). */
char        *ward_store_dup_setting     (WardStore   *self,
                                         const char  *key);
gboolean     ward_store_set_setting     (WardStore   *self,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);

/* This installation (ward-store-installation.c): its id (setting
 * "installation-id"), made on first need, and the prefix of its receipt
 * book (setting "book-prefix"), by default the first six hex digits of the
 * id, upper case. The ledger writes in this book; bundles carry both. */
char        *ward_store_dup_installation_id (WardStore   *self,
                                             GError     **error);
char        *ward_store_dup_book        (WardStore   *self,
                                         GError     **error);
/* 1 to 12 letters, digits or '-'; refused otherwise. */
gboolean     ward_store_set_book        (WardStore   *self,
                                         const char  *book,
                                         GError     **error);

char        *ward_store_new_uuid        (void);
char        *ward_store_now             (void);  /* ISO 8601, UTC */

/* Convenience for reading columns as NUL-safe strings. */
const char  *ward_stmt_text             (WardStmt    *stmt,
                                         int          column);
char        *ward_stmt_dup_text         (WardStmt    *stmt,
                                         int          column);
/* Binds NULL for NULL or "" */
void         ward_stmt_bind_text_or_null (WardStmt   *stmt,
                                          int         index,
                                          const char *text);

G_END_DECLS

G_BEGIN_DECLS

/* Rows in one of our own tables (a name from code, never from input). */
gint64       ward_store_count_rows      (WardStore   *self,
                                         const char  *table,
                                         GError     **error);
/* Those whose @column (a name from code too) is @value. */
gint64       ward_store_count_rows_where (WardStore   *self,
                                          const char  *table,
                                          const char  *column,
                                          gint64       value,
                                          GError     **error);

G_END_DECLS
