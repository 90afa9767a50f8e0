/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-safety"

#include "config.h"

#include "safety/ward-safety-file-check.h"
#include "donations/ward-donations-ledger.h"

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
