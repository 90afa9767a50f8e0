/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "sync/ward-sync-private.h"

/* One sync: this desk's changes out, then every other desk's in, then
 * what a person decided meanwhile out again, so that one sync is enough
 * for a desk's decision to reach the others. */

WardSyncPending *
ward_sync_pending_copy (const WardSyncPending *pending)
{
  WardSyncPending *copy = g_new0 (WardSyncPending, 1);

  copy->installation = g_strdup (pending->installation);
  copy->sequence = pending->sequence;
  copy->path = g_strdup (pending->path);
  copy->scope = g_strdup (pending->scope);
  copy->plan = ward_bundle_plan_ref (pending->plan);
  return copy;
}

void
ward_sync_pending_free (WardSyncPending *pending)
{
  if (pending == NULL)
    return;
  g_free (pending->installation);
  g_free (pending->path);
  g_free (pending->scope);
  g_clear_pointer (&pending->plan, ward_bundle_plan_unref);
  g_free (pending);
}

void
ward_sync_report_free (WardSyncReport *report)
{
  if (report == NULL)
    return;
  g_free (report->folder);
  g_free (report->synced_at);
  g_ptr_array_unref (report->waiting);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->pending);
  g_ptr_array_unref (report->untrusted);
  g_free (report);
}

static WardSyncReport *
report_new (const char *folder)
{
  WardSyncReport *report = g_new0 (WardSyncReport, 1);

  report->folder = g_strdup (folder);
  report->waiting = g_ptr_array_new_with_free_func (g_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_sync_pending_free);
  report->untrusted = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_signer_free);
  return report;
}

char *
ward_sync_report_format (WardSyncReport *report)
{
  GString *text = g_string_new (NULL);
  g_autofree char *folder = g_filename_display_name (report->folder);

  g_string_append_printf (text, _("Synced with the folder %s: %u desks; %u change files applied, "
                                  "%u written.\n"),
                          folder, report->n_desks, report->n_applied, report->n_written);
  for (guint i = 0; i < report->waiting->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) report->waiting->pdata[i]);
  for (guint i = 0; i < report->problems->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) report->problems->pdata[i]);
  for (guint i = 0; i < report->pending->len; i++)
    {
      WardSyncPending *pending = report->pending->pdata[i];
      g_autofree char *short_id = g_strndup (pending->installation, 8);
      g_autofree char *sequence = g_strdup_printf ("%" G_GUINT64_FORMAT, pending->sequence);

      g_string_append_printf (text, _("The change file %s of the desk %s holds %u conflicts for a "
                                      "person to decide: open the window, or run sync --keep-mine or "
                                      "--take-theirs.\n"),
                              sequence, short_id, ward_bundle_plan_get_n_conflicts (pending->plan));
    }
  return g_string_free (text, FALSE);
}

char *
ward_sync_dup_folder (WardStore *store)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  folder = ward_store_dup_setting (store, "sync-folder");
  return folder != NULL && *folder != '\0' ? g_steal_pointer (&folder) : NULL;
}

static gboolean
check_absolute (const char  *folder,
                GError     **error)
{
  if (folder == NULL || *folder == '\0' || g_path_is_absolute (folder))
    return TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("The sync folder must be given as a full path (“%s” is not)."), folder);
  return FALSE;
}

gboolean
ward_sync_set_folder (WardStore   *store,
                      const char  *folder,
                      GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!check_absolute (folder, error))
    return FALSE;
  return ward_store_set_setting (store, "sync-folder", folder != NULL ? folder : "", error);
}

static char *
reachable_folder (WardStore   *store,
                  const char  *folder,
                  GError     **error)
{
  g_autofree char *chosen = folder != NULL ? g_strdup (folder) : ward_sync_dup_folder (store);
  g_autofree char *name = NULL;

  if (chosen == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("No sync folder is set. Choose one in Preferences → Sync, or give it with "
                     "--folder."));
      return NULL;
    }
  if (g_file_test (chosen, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&chosen);
  name = g_filename_display_name (chosen);
  g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
               _("The sync folder “%s” cannot be reached: it is not mounted, or it was moved. "
                 "Nothing was synced; it is tried again at the next sync."), name);
  return NULL;
}

gboolean
ward_sync_set_laptop_scope (WardStore   *store,
                            const char  *campaign_uuid,
                            GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  return ward_store_set_setting (store, "sync-scope", campaign_uuid != NULL ? campaign_uuid : "", error);
}

static JsonObject *
campaign_folders (WardStore *store)
{
  g_autofree char *text = ward_store_dup_setting (store, "sync-campaign-folders");
  g_autoptr (JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json_object_new ();
  return json_object_ref (json_node_get_object (node));
}

gboolean
ward_sync_set_campaign_folder (WardStore   *store,
                               const char  *campaign_uuid,
                               const char  *folder,
                               GError     **error)
{
  g_autoptr (JsonObject) folders = NULL;
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign_uuid != NULL, FALSE);

  if (!check_absolute (folder, error))
    return FALSE;
  folders = campaign_folders (store);
  if (folder != NULL)
    json_object_set_string_member (folders, campaign_uuid, folder);
  else
    json_object_remove_member (folders, campaign_uuid);
  json_node_set_object (node, folders);
  text = json_to_string (node, FALSE);
  return ward_store_set_setting (store, "sync-campaign-folders", text, error);
}

/* This desk's changes out, the others' in, and what a person decided
 * meanwhile out again. */
static gboolean
sync_one_folder (WardStore           *store,
                 const char          *path,
                 const char          *scope,
                 WardSyncDecideFunc   decide,
                 gpointer             user_data,
                 WardSyncReport      *report,
                 GError             **error)
{
  gboolean before = FALSE, after = FALSE;

  if (!sync_write_own (store, path, scope, &before, error)
      || !sync_read_others (store, path, scope, decide, user_data, report, error)
      || !sync_write_own (store, path, scope, &after, error))
    return FALSE;
  report->n_written += before + after;
  return TRUE;
}

/* The office's campaign folders, after its own: the laptops' receipts
 * read there go out in the office's next file of its own folder. */
static gboolean
sync_campaign_folders (WardStore           *store,
                       WardSyncDecideFunc   decide,
                       gpointer             user_data,
                       WardSyncReport      *report,
                       GError             **error)
{
  g_autoptr (JsonObject) folders = campaign_folders (store);
  g_autoptr (GList) campaigns = json_object_get_members (folders);
  guint n_desks = report->n_desks;

  for (GList *l = campaigns; l != NULL; l = l->next)
    {
      const char *folder = json_object_get_string_member (folders, l->data);
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = reachable_folder (store, folder, &local_error);

      if (path == NULL)
        g_ptr_array_add (report->problems, g_strdup (local_error->message));
      else if (!sync_one_folder (store, path, l->data, decide, user_data, report, error))
        return FALSE;
    }
  report->n_desks = n_desks;
  return TRUE;
}

gboolean
ward_sync_run (WardStore           *store,
               const char          *folder,
               WardSyncDecideFunc   decide,
               gpointer             user_data,
               WardSyncReport     **report_out,
               GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *scope = NULL;
  g_autoptr (WardSyncReport) report = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if ((path = reachable_folder (store, folder, error)) == NULL)
    return FALSE;
  scope = ward_store_dup_setting (store, "sync-scope");
  report = report_new (path);
  if (!sync_one_folder (store, path, scope != NULL ? scope : "", decide, user_data, report, error)
      || ((scope == NULL || *scope == '\0')
          && !sync_campaign_folders (store, decide, user_data, report, error)))
    return FALSE;
  report->synced_at = ward_store_now ();
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return TRUE;
}

/* The file's plan again, with the choices a person made on the pending
 * one: the same file against the same records lists the same conflicts. */
static gboolean
copy_choices (WardStore      *store,
              WardBundlePlan *plan,
              gpointer        user_data)
{
  WardSyncPending *pending = user_data;
  guint n = ward_bundle_plan_get_n_conflicts (plan);

  if (g_strcmp0 (ward_bundle_plan_get_installation (plan), pending->installation) != 0
      || n != ward_bundle_plan_get_n_conflicts (pending->plan))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const WardBundleConflict *mine = ward_bundle_plan_get_conflict (plan, i);
      const WardBundleConflict *decided = ward_bundle_plan_get_conflict (pending->plan, i);

      if (g_strcmp0 (mine->uuid, decided->uuid) != 0)
        return FALSE;
      ward_bundle_plan_set_choice (plan, i, decided->choice);
    }
  return TRUE;
}

gboolean
ward_sync_apply_pending (WardStore        *store,
                         WardSyncPending  *pending,
                         GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (WardSyncReport) report = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (pending != NULL, FALSE);

  /* That folder alone, in its own scope: a campaign's folder never gets
   * what the office's folder carries. */
  dir = g_path_get_dirname (pending->path);
  folder = g_path_get_dirname (dir);
  report = report_new (folder);
  return sync_one_folder (store, folder, pending->scope, copy_choices, pending, report, error);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardSyncReport) report = NULL;
  GError *error = NULL;

  store = ward_store_open_existing (task_data, &error);
  if (store == NULL || !ward_sync_run (store, NULL, NULL, NULL, &report, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) ward_sync_report_free);
}

void
ward_sync_run_async (const char          *database_path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (database_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ward_sync_run_async);
  g_task_set_task_data (task, g_strdup (database_path), g_free);
  g_task_run_in_thread (task, run_thread);
}

WardSyncReport *
ward_sync_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
