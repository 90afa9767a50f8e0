/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-safety"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "donations/ward-donations-ledger.h"
#include "safety/ward-safety-file-check.h"

/* The checks of a whole file: SQLite's, the foreign keys, and the ledger's
 * hash chain, the one register with an integrity rule of its own. Backup,
 * restore, `ward-tracker-cli check` and the window all check through here,
 * so safety is the one folder that asks the ledger to verify itself. */

static gboolean
integrity_problems (sqlite3    *db,
                    const char *pragma,
                    GPtrArray  *problems)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (text, "ok") == 0)
        continue;
      ok = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("The file is damaged: %s"), text));
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
foreign_key_problems (sqlite3   *db,
                      GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ok = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Row %lld of “%s” refers to a record of “%s” that does not exist."),
                                          (long long) sqlite3_column_int64 (stmt, 1),
                                          (const char *) sqlite3_column_text (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
ward_file_check_integrity (WardStore *store,
                           GPtrArray *problems)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  return integrity_problems (ward_store_get_db (store), "PRAGMA integrity_check", problems);
}

gboolean
ward_file_check_full (WardStore  *store,
                      GPtrArray  *problems,
                      GError    **error)
{
  g_autoptr (GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  db = ward_store_get_db (store);
  ok = integrity_problems (db, "PRAGMA integrity_check", problems);
  ok = foreign_key_problems (db, problems) && ok;

  if (!ward_ledger_verify (store, chain, &local_error))
    {
      if (!g_error_matches (local_error, WARD_ERROR, WARD_ERROR_TAMPERED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      ok = FALSE;
      for (guint i = 0; problems != NULL && i < chain->len; i++)
        g_ptr_array_add (problems, g_strdup (chain->pdata[i]));
    }
  return ok;
}

gboolean
ward_file_check_notes (WardStore  *store,
                       GPtrArray  *notes,
                       GError    **error)
{
  g_autoptr (GPtrArray) receipts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  gint64 n;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  n = ward_ledger_missing_references (store, receipts, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    return TRUE;
  g_ptr_array_add (receipts, NULL);
  list = g_strjoinv (", ", (char **) receipts->pdata);
  g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u receipt paid by transfer is marked "
                                                        "“%s”: %s.",
                                                        "%u receipts paid by transfer are marked "
                                                        "“%s”: %s.", (gulong) n),
                                           (guint) n, ward_ledger_missing_reference_label (), list));
  return TRUE;
}

void
ward_file_check_free (WardFileCheck *check)
{
  if (check == NULL)
    return;
  g_clear_error (&check->file_error);
  g_clear_error (&check->chain_error);
  g_clear_pointer (&check->chain_report, g_ptr_array_unref);
  g_free (check);
}

static void
verify_chain (const char    *path,
              WardFileCheck *check)
{
  g_autoptr (WardStore) reader = ward_store_open_reader (path, &check->chain_error);

  if (reader == NULL)
    return;
  /* One read transaction: a receipt the window records meanwhile is either
   * wholly in what is read or wholly out of it. */
  if (!ward_store_exec (reader, "BEGIN", &check->chain_error))
    return;
  ward_ledger_verify (reader, check->chain_report, &check->chain_error);
  ward_store_exec (reader, "COMMIT", NULL);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WardStore *store = source_object;
  WardFileCheck *check = g_new0 (WardFileCheck, 1);

  check->chain_report = g_ptr_array_new_with_free_func (g_free);
  if (ward_store_run_check (store, &check->file_error))
    verify_chain (ward_store_get_path (store), check);
  g_task_return_pointer (task, check, (GDestroyNotify) ward_file_check_free);
}

void
ward_file_check_async (WardStore           *store,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (WARD_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, ward_file_check_async);
  g_task_run_in_thread (task, check_thread);
}

WardFileCheck *
ward_file_check_finish (WardStore     *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
