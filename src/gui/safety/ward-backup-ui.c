/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-backup-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "safety/ward-backup-ui.h"
#include "safety/ward-safety-backup.h"
#include "safety/ward-safety-restore.h"

static void
toast (GtkWindow  *window,
       const char *message)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (message));
}

static void
show_error (GtkWindow  *window,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The daily backup ------------------------------------------------------- */

static void
auto_backup_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr (GError) error = NULL;
  char *path = ward_backup_auto (task_data, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      toast (window, message);
    }
}

void
ward_backup_ui_run_daily (GtkWindow *window,
                          WardStore *store)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, on_auto_backup_done_cb, g_object_ref (window));

  /* Off the main thread: the full integrity check of a large file takes a
   * moment, and the window is already up. */
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, auto_backup_thread);
}

/* Back Up… ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow                 *window;
  WardStore                 *store;
  WardBackupUiReopen         reopen;
  gpointer                   reopen_data;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->store);
  g_free (request);
}

static void
on_backup_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     Request         *request)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (ward_backup_to_file (request->store, path, WARD_OUTPUT_REPLACE, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Backed up to “%s”."), name);

          toast (request->window, message);
        }
      else
        show_error (request->window, _("No Backup Was Made"), error);
    }
  request_free (request);
  g_object_unref (chooser);
}

void
ward_backup_ui_back_up (GtkWindow *window,
                        WardStore *store)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("ward-tracker-%s.sqlite3", stamp);
  GtkFileChooserNative *chooser;
  Request *request = g_new0 (Request, 1);

  request->window = g_object_ref (window);
  request->store = g_object_ref (store);
  chooser = gtk_file_chooser_native_new (_("Back Up"), window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Restore… ---------------------------------------------------------------- */

static void
restore_from (Request     *request,
              WardRestore *restore)
{
  g_autofree char *db_path = g_strdup (ward_store_get_path (request->store));
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) open_error = NULL;
  g_autofree char *kept = NULL;
  g_autoptr (WardStore) reopened = NULL;

  /* The window lets go of the file, the checked copy takes its place, and
   * the window takes up the restored file; on a refusal, the old one again. */
  request->reopen (NULL, request->reopen_data);
  g_clear_object (&request->store);

  kept = ward_restore_commit (restore, &error);
  reopened = ward_store_open (db_path, &open_error);
  if (reopened != NULL)
    request->reopen (reopened, request->reopen_data);

  if (kept == NULL)
    show_error (request->window, _("Nothing Was Restored"), error);
  else if (reopened == NULL)
    show_error (request->window, _("The Data File Cannot Be Opened"), open_error);
  else
    toast (request->window, _("Restored. The previous file was kept in the backups folder."));
}

static void
on_restore_confirmed_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Request          *request)
{
  WardRestore *restore = g_object_get_data (G_OBJECT (dialog), "restore");

  if (g_strcmp0 (response, "restore") == 0)
    restore_from (request, restore);
  request_free (request);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, heading ? "heading" : column == 0 ? "dim-label" : "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* What each file holds, side by side: the clerk sees what the backup would
 * put back (counts per register, the last receipt) before choosing. */
static GtkWidget *
comparison_grid (WardRestore *restore)
{
  const WardFileSummary *sides[] = { ward_restore_get_current (restore), ward_restore_get_backup (restore) };
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 6);
  attach_label (grid, _("Now"), 1, 0, TRUE);
  attach_label (grid, _("The backup"), 2, 0, TRUE);
  for (guint row = 0; row < ward_file_summary_n_rows (); row++)
    {
      attach_label (grid, ward_file_summary_label (row), 0, (int) row + 1, FALSE);
      for (guint side = 0; side < G_N_ELEMENTS (sides); side++)
        {
          g_autofree char *value = sides[side] != NULL ? ward_file_summary_value (sides[side], row)
                                                       : g_strdup ("—");

          attach_label (grid, value, (int) side + 1, (int) row + 1, FALSE);
        }
    }
  return GTK_WIDGET (grid);
}

static void
on_restore_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      Request         *request)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  WardRestore *restore;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      request_free (request);
      return;
    }
  /* Checked whole before anything is asked: a file that is no backup is
   * refused here, with the reason, and nothing changes. */
  restore = ward_restore_prepare (ward_store_get_path (request->store), g_file_peek_path (file), &error);
  if (restore == NULL)
    {
      show_error (request->window, _("Nothing Was Restored"), error);
      request_free (request);
      return;
    }

  name = g_file_get_basename (file);
  dialog = adw_message_dialog_new (request->window, _("Restore From This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything now in Ward Tracker will be replaced by the contents "
                                    "of “%s”. The current file is kept in the backups folder first."),
                                  name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), comparison_grid (restore));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "restore", restore, (GDestroyNotify) ward_restore_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirmed_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ward_backup_ui_restore (GtkWindow          *window,
                        WardStore          *store,
                        WardBackupUiReopen  reopen,
                        gpointer            reopen_data)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Request *request = g_new0 (Request, 1);

  request->window = g_object_ref (window);
  request->store = g_object_ref (store);
  request->reopen = reopen;
  request->reopen_data = reopen_data;

  gtk_file_filter_set_name (filter, _("Ward Tracker backups"));
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_filter_add_suffix (filter, "db");
  chooser = gtk_file_chooser_native_new (_("Restore"), window, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_chosen_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
