/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-bundle-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "exchange/ward-bundle-dialog.h"
#include "exchange/ward-exchange.h"
#include "exchange/ward-exchange-sign.h"

typedef enum
{
  MODE_EXPORT,
  MODE_IMPORT,
  MODE_SYNC,       /* a change file of the shared folder, its conflicts to decide */
} Mode;

struct _WardBundleDialog
{
  AdwWindow             parent_instance;

  WardStore            *store;
  GtkWindow            *parent;
  Mode                  mode;
  WardBundlePlan       *plan;
  WardSyncPending      *pending;
  WardSigner           *signer;         /* the sender awaiting a person's trust */
  GFile                *file;
  GtkFileChooserNative *chooser;
  GPtrArray            *keep_buttons;   /* GtkToggleButton, one per conflict */
  GPtrArray            *take_buttons;
  gboolean              running;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *action_button;
  GtkStack             *stack;
  AdwEntryRow          *since_row;
  AdwEntryRow          *book_row;
  GtkLabel             *export_message;
  AdwStatusPage        *working_page;
  AdwStatusPage        *error_page;
  AdwStatusPage        *trust_page;
  GtkLabel             *trust_code_label;
  GtkLabel             *trust_hint_label;
  AdwActionRow         *source_row;
  AdwActionRow         *made_row;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *conflicts_group;
  GtkWidget            *choose_all_box;
};

G_DEFINE_FINAL_TYPE (WardBundleDialog, ward_bundle_dialog, ADW_TYPE_WINDOW)

/* ---- Helpers ------------------------------------------------------------ */

static void
toast_on_parent (WardBundleDialog *self,
                 const char       *message)
{
  GtkWidget *content;

  if (!ADW_IS_APPLICATION_WINDOW (self->parent))
    return;
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->parent));
  if (ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (message));
}

static char *
format_timestamp (const char *iso)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = iso ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (iso ? iso : "");
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static void
set_running (WardBundleDialog *self,
             gboolean          running,
             const char       *title)
{
  self->running = running;
  gtk_widget_set_sensitive (self->action_button, !running);
  gtk_widget_set_sensitive (self->cancel_button, !running);
  if (running)
    {
      adw_status_page_set_title (self->working_page, title);
      gtk_stack_set_visible_child_name (self->stack, "working");
    }
}

static void
show_error (WardBundleDialog *self,
            const char       *title,
            GError           *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->action_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* ---- Export -------------------------------------------------------------- */

typedef struct
{
  WardStore *store;
  char      *path;
  char      *since;
  guint      n_records;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_free (job->path);
  g_free (job->since);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GError) error = NULL;

  if (ward_bundle_export (job->store, job->path, job->since, WARD_OUTPUT_REPLACE, &job->n_records, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (WardBundleDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  set_running (self, FALSE, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("No Bundle Was Made"), error);
      return;
    }
  name = g_filename_display_basename (job->path);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record saved in the bundle “%s”.",
                                          "%u records saved in the bundle “%s”.", job->n_records),
                             job->n_records, name);
  toast_on_parent (self, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_file_chosen_cb (GtkNativeDialog  *chooser,
                          int               response,
                          WardBundleDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GTask) task = NULL;
  g_autofree char *since = NULL;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->store = g_object_ref (self->store);
  job->path = g_file_get_path (file);
  job->since = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->since_row)));
  set_running (self, TRUE, _("Writing the Bundle…"));
  task = g_task_new (NULL, NULL, on_export_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
show_export_problem (WardBundleDialog *self,
                     GtkWidget        *row,
                     const char       *message)
{
  gtk_label_set_text (self->export_message, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->export_message), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->export_message), "error");
  gtk_widget_add_css_class (row, "error");
  gtk_widget_grab_focus (row);
}

/* The start date and the book prefix, checked by core; nothing is kept of
 * a refused value. */
static gboolean
check_export_fields (WardBundleDialog *self)
{
  const char *since = gtk_editable_get_text (GTK_EDITABLE (self->since_row));
  const char *book = gtk_editable_get_text (GTK_EDITABLE (self->book_row));
  g_autofree char *current = ward_store_dup_book (self->store, NULL);
  g_autofree char *iso = NULL;
  g_autoptr (GError) error = NULL;

  if (*since != '\0' && !ward_parse_date (since, &iso, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Records changed since: %s"), error->message);

      show_export_problem (self, GTK_WIDGET (self->since_row), message);
      return FALSE;
    }
  if (g_strcmp0 (book, current) != 0 && !ward_store_set_book (self->store, book, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Receipt book prefix: %s"), error->message);

      show_export_problem (self, GTK_WIDGET (self->book_row), message);
      return FALSE;
    }
  return TRUE;
}

static void
choose_export_file (WardBundleDialog *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *book = ward_store_dup_book (self->store, NULL);
  g_autofree char *name = g_strdup_printf ("ward-tracker-%s-%s.json", book ? book : "bundle", stamp);

  if (!check_export_fields (self))
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save the Data Bundle"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_export_message (WardBundleDialog *self)
{
  gtk_label_set_text (self->export_message,
                      _("Leave the date empty to send every record. Sending a record the other "
                        "computer already has does no harm: it is not added twice."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->export_message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->export_message), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->since_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->book_row), "error");
}

static void
on_since_changed_cb (WardBundleDialog *self)
{
  reset_export_message (self);
}

static void
on_book_changed_cb (WardBundleDialog *self)
{
  reset_export_message (self);
}

static void
setup_export (WardBundleDialog *self)
{
  g_autofree char *last = ward_bundle_dup_last_export (self->store);
  g_autofree char *book = ward_store_dup_book (self->store, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Export Data Bundle"));
  adw_window_title_set_title (self->window_title, _("Export Data Bundle"));
  gtk_button_set_label (GTK_BUTTON (self->action_button), _("_Export…"));
  /* From the day of the last export: what changed since then, and a little
   * more, which the other side recognises and skips. */
  if (last != NULL)
    {
      g_autofree char *when = format_timestamp (last);

      when[10] = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->since_row), when);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->book_row), book ? book : "");
  reset_export_message (self);
  gtk_stack_set_visible_child_name (self->stack, "export");
}

/* ---- Import: the summary ----------------------------------------------------- */

static void
update_import_button (WardBundleDialog *self)
{
  guint undecided = ward_bundle_plan_get_n_undecided (self->plan);

  if (!ward_bundle_plan_has_changes (self->plan))
    {
      gtk_widget_set_visible (self->action_button, FALSE);
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
      adw_window_title_set_subtitle (self->window_title, _("Nothing to change"));
      return;
    }
  gtk_widget_set_sensitive (self->action_button, undecided == 0);
  if (undecided > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u record to decide",
                                                                "%u records to decide", undecided),
                                                   undecided);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, NULL);
}

static void
on_choice_toggled_cb (GtkToggleButton  *button,
                      WardBundleDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict"));
  WardBundleChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice"));

  if (!gtk_toggle_button_get_active (button))
    return;
  ward_bundle_plan_set_choice (self->plan, index, choice);
  update_import_button (self);
}

static GtkWidget *
choice_button (WardBundleDialog         *self,
               const WardBundleConflict *conflict,
               guint                     index,
               WardBundleChoice          choice)
{
  const char *label = choice == WARD_BUNDLE_KEEP_MINE ? _("Keep Mine") : _("Take Theirs");
  g_autofree char *accessible = g_strdup_printf ("%s: %s", label, conflict->description);
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (button), "conflict", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled_cb), self, 0);
  return button;
}

static const char *
mine_caption (WardBundleConflictKind kind)
{
  return kind == WARD_BUNDLE_DELETED_HERE ? _("Deleted on this computer") : NULL;
}

static GtkWidget *
field_row (const WardBundleField  *field,
           WardBundleConflictKind  kind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *mine = *field->mine != '\0' ? field->mine : "—";
  const char *theirs = *field->theirs != '\0' ? field->theirs : "—";

  if (kind == WARD_BUNDLE_DELETED_HERE)
    mine = mine_caption (kind);
  else if (kind == WARD_BUNDLE_DELETED_THERE)
    theirs = _("Deleted on the other computer");
  subtitle = g_strdup_printf (_("Here: %s\nIn the bundle: %s"), mine, theirs);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
add_conflict_row (WardBundleDialog *self,
                  guint             index)
{
  const WardBundleConflict *conflict = ward_bundle_plan_get_conflict (self->plan, index);
  g_autofree char *subtitle = g_strdup_printf ("%s — %s", conflict->register_title,
                                               ward_bundle_conflict_kind_to_string (conflict->kind));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *keep = choice_button (self, conflict, index, WARD_BUNDLE_KEEP_MINE);
  GtkWidget *take = choice_button (self, conflict, index, WARD_BUNDLE_TAKE_THEIRS);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->description);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  /* libadwaita 1.2 leaves the expander row itself unnamed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, conflict->description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (take), GTK_TOGGLE_BUTTON (keep));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), keep);
  gtk_box_append (GTK_BOX (box), take);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), box);
  for (guint i = 0; i < conflict->fields->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field_row (conflict->fields->pdata[i], conflict->kind));
  g_ptr_array_add (self->keep_buttons, keep);
  g_ptr_array_add (self->take_buttons, take);
  adw_preferences_group_add (self->conflicts_group, row);
}

static void
add_count_row (WardBundleDialog *self,
               const char       *title,
               const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (self->counts_group, row);
}

/* A row per register the import changes; the registers it leaves as they
 * are share one row. */
static void
fill_counts (WardBundleDialog *self)
{
  g_autoptr (GString) unchanged = g_string_new (NULL);

  for (guint i = 0; i < ward_bundle_plan_get_n_counts (self->plan); i++)
    {
      const WardBundleCount *count = ward_bundle_plan_get_count (self->plan, i);
      g_autofree char *line = NULL;

      if (count->n_added + count->n_updated + count->n_deleted + count->n_conflicts + count->n_skipped == 0)
        {
          g_string_append_printf (unchanged, "%s%s (%u)", unchanged->len > 0 ? ", " : "", count->title,
                                  count->n_unchanged);
          continue;
        }
      line = ward_bundle_count_describe (count);
      add_count_row (self, count->title, line);
    }
  if (unchanged->len > 0)
    add_count_row (self, _("Already the same here"), unchanged->str);
}

static void
fill_summary (WardBundleDialog *self)
{
  g_autofree char *source = NULL;
  g_autofree char *made = format_timestamp (ward_bundle_plan_get_created_at (self->plan));
  const char *since = ward_bundle_plan_get_since (self->plan);
  guint n_conflicts = ward_bundle_plan_get_n_conflicts (self->plan);

  source = g_strdup_printf (_("Installation %s, receipt book %s"),
                            ward_bundle_plan_get_installation (self->plan),
                            ward_bundle_plan_get_book (self->plan) ? ward_bundle_plan_get_book (self->plan) : "—");
  adw_action_row_set_subtitle (self->source_row, source);
  if (since != NULL)
    {
      g_autofree char *from = format_timestamp (since);
      g_autofree char *text = g_strdup_printf (_("%s, with the records changed since %s"), made, from);

      adw_action_row_set_subtitle (self->made_row, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("%s, with every record"), made);

      adw_action_row_set_subtitle (self->made_row, text);
    }

  fill_counts (self);
  if (!ward_bundle_plan_has_changes (self->plan))
    adw_preferences_group_set_description (self->counts_group,
                                           _("This computer already holds everything in the bundle."));

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n_conflicts > 0);
  gtk_widget_set_visible (self->choose_all_box, n_conflicts > 1);
  for (guint i = 0; i < n_conflicts; i++)
    add_conflict_row (self, i);
  update_import_button (self);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
choose_all (WardBundleDialog *self,
            GPtrArray        *buttons)
{
  for (guint i = 0; i < buttons->len; i++)
    gtk_toggle_button_set_active (buttons->pdata[i], TRUE);
}

static void
on_keep_all_clicked_cb (WardBundleDialog *self)
{
  choose_all (self, self->keep_buttons);
}

static void
on_take_all_clicked_cb (WardBundleDialog *self)
{
  choose_all (self, self->take_buttons);
}

/* ---- Import: reading and storing ------------------------------------------- */

static void
plan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WardBundleDialog *self = task_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  WardBundlePlan *plan = ward_bundle_plan_new_for_path (self->store, path, &error);

  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) ward_bundle_plan_unref);
}

/* A signed bundle from a computer not trusted here: its code, to compare
 * with the one that computer shows, and a button to trust it. */
static gboolean
show_trust (WardBundleDialog *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr (WardSigner) signer = ward_exchange_read_signer_for_path (path, NULL);
  g_autoptr (WardSigner) own = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *description = NULL;

  if (signer == NULL)
    return FALSE;
  own = ward_exchange_dup_own_signer (self->store, NULL);
  if (ward_exchange_get_trust (self->store, signer, NULL) == WARD_TRUST_KEY_CHANGED)
    description = g_strdup_printf (_("“%s” made this bundle. This file trusted it under another code: "
                                     "it was set up again, or its file was copied to another computer. "
                                     "Nothing has been imported."), ward_signer_get_label (signer));
  else
    description = g_strdup_printf (_("“%s” made this bundle, and this file does not trust that computer "
                                     "yet. Nothing has been imported."), ward_signer_get_label (signer));
  hint = g_strdup_printf (_("On the computer that made the bundle, open Preferences, Data Bundles, and "
                            "compare its code with the one above. Trust it only if they are the same: "
                            "this file then accepts its bundles from now on.\n\nThis computer's code "
                            "is %s."), own != NULL ? own->code : "?");
  adw_status_page_set_description (self->trust_page, description);
  gtk_label_set_text (self->trust_code_label, signer->code);
  gtk_label_set_text (self->trust_hint_label, hint);
  g_clear_pointer (&self->signer, ward_signer_free);
  self->signer = g_steal_pointer (&signer);
  gtk_button_set_label (GTK_BUTTON (self->action_button), _("_Trust"));
  gtk_widget_set_sensitive (self->action_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "trust");
  return TRUE;
}

static void
on_plan_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (WardBundleDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  set_running (self, FALSE, NULL);
  self->plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->plan == NULL)
    {
      if (!g_error_matches (error, WARD_ERROR, WARD_ERROR_UNTRUSTED) || !show_trust (self))
        show_error (self, _("This Bundle Cannot Be Imported"), error);
      return;
    }
  gtk_button_set_label (GTK_BUTTON (self->action_button), _("_Import"));
  fill_summary (self);
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WardBundleDialog *self = task_data;
  g_autoptr (GError) error = NULL;

  /* A change file goes through the sync: its writer's place and this
   * desk's decision are stored with it. */
  if (self->mode == MODE_SYNC ? ward_sync_apply_pending (self->store, self->pending, &error)
                              : ward_bundle_plan_apply (self->store, self->plan, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_apply_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (WardBundleDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  set_running (self, FALSE, NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, _("Nothing Was Imported"), error);
      return;
    }
  name = g_file_get_basename (self->file);
  message = g_strdup_printf (_("The bundle “%s” was imported."), name);
  toast_on_parent (self, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_in_thread (WardBundleDialog *self,
               GTaskThreadFunc   func,
               GAsyncReadyCallback done)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, done, g_object_ref (self));

  /* The dialog is modal and its buttons are off while the worker has the
   * store. */
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);
  g_task_run_in_thread (task, func);
}

static void
on_import_file_chosen_cb (GtkNativeDialog  *chooser,
                          int               response,
                          WardBundleDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_set_object (&self->file, file);
  set_running (self, TRUE, _("Checking the Bundle…"));
  run_in_thread (self, plan_thread, on_plan_done_cb);
}

static void
choose_import_file (WardBundleDialog *self)
{
  g_autoptr (GtkFileFilter) bundles = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (bundles, _("Data bundles"));
  gtk_file_filter_add_suffix (bundles, "json");
  gtk_file_filter_add_mime_type (bundles, "application/json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  self->chooser = gtk_file_chooser_native_new (_("Choose a Data Bundle"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), bundles);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
setup_import (WardBundleDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Import Data Bundle"));
  adw_window_title_set_title (self->window_title, _("Import Data Bundle"));
  gtk_button_set_label (GTK_BUTTON (self->action_button), _("_Import"));
  gtk_widget_set_sensitive (self->action_button, FALSE);
  adw_status_page_set_title (self->working_page, _("Choose a Data Bundle"));
  gtk_stack_set_visible_child_name (self->stack, "working");
}

/* The person compared the codes: trusted, and the bundle read again. */
static void
trust_sender (WardBundleDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!ward_exchange_trust (self->store, self->signer, &error))
    {
      show_error (self, _("The Computer Could Not Be Trusted"), error);
      return;
    }
  message = g_strdup_printf (_("Bundles from “%s” are now accepted."),
                             ward_signer_get_label (self->signer));
  toast_on_parent (self, message);
  g_clear_pointer (&self->signer, ward_signer_free);
  set_running (self, TRUE, _("Checking the Bundle…"));
  run_in_thread (self, plan_thread, on_plan_done_cb);
}

/* ---- Buttons ---------------------------------------------------------------- */

static void
on_action_clicked_cb (WardBundleDialog *self)
{
  if (self->running)
    return;
  if (self->mode == MODE_EXPORT)
    {
      choose_export_file (self);
      return;
    }
  if (self->signer != NULL)
    {
      trust_sender (self);
      return;
    }
  set_running (self, TRUE, _("Importing…"));
  run_in_thread (self, apply_thread, on_apply_done_cb);
}

static void
on_cancel_clicked_cb (WardBundleDialog *self)
{
  if (!self->running)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Class ------------------------------------------------------------------- */

static gboolean
ward_bundle_dialog_close_request (GtkWindow *window)
{
  WardBundleDialog *self = WARD_BUNDLE_DIALOG (window);

  /* A worker holds the store: the dialog closes when it is done. */
  return self->running;
}

static void
ward_bundle_dialog_dispose (GObject *object)
{
  WardBundleDialog *self = WARD_BUNDLE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_BUNDLE_DIALOG);

  G_OBJECT_CLASS (ward_bundle_dialog_parent_class)->dispose (object);
}

static void
ward_bundle_dialog_finalize (GObject *object)
{
  WardBundleDialog *self = WARD_BUNDLE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->parent);
  g_clear_object (&self->file);
  g_clear_pointer (&self->plan, ward_bundle_plan_unref);
  g_clear_pointer (&self->pending, ward_sync_pending_free);
  g_clear_pointer (&self->signer, ward_signer_free);
  g_clear_pointer (&self->keep_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->take_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ward_bundle_dialog_parent_class)->finalize (object);
}

static void
ward_bundle_dialog_class_init (WardBundleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ward_bundle_dialog_dispose;
  object_class->finalize = ward_bundle_dialog_finalize;
  window_class->close_request = ward_bundle_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/exchange/ward-bundle-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, action_button);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, book_row);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, export_message);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, trust_page);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, trust_code_label);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, trust_hint_label);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, made_row);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, WardBundleDialog, choose_all_box);
  gtk_widget_class_bind_template_callback (widget_class, on_action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_since_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_book_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_take_all_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ward_bundle_dialog_init (WardBundleDialog *self)
{
  self->keep_buttons = g_ptr_array_new ();
  self->take_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static WardBundleDialog *
dialog_new (GtkWindow *parent,
            WardStore *store,
            Mode       mode)
{
  WardBundleDialog *self = g_object_new (WARD_TYPE_BUNDLE_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->parent = parent ? g_object_ref (parent) : NULL;
  self->mode = mode;
  return self;
}

void
ward_bundle_dialog_export (GtkWindow *parent,
                           WardStore *store)
{
  WardBundleDialog *self;

  g_return_if_fail (WARD_IS_STORE (store));

  self = dialog_new (parent, store, MODE_EXPORT);
  setup_export (self);
  gtk_window_present (GTK_WINDOW (self));
}

void
ward_bundle_dialog_import (GtkWindow *parent,
                           WardStore *store)
{
  WardBundleDialog *self;

  g_return_if_fail (WARD_IS_STORE (store));

  self = dialog_new (parent, store, MODE_IMPORT);
  setup_import (self);
  gtk_window_present (GTK_WINDOW (self));
  choose_import_file (self);
}

void
ward_bundle_dialog_decide_sync (GtkWindow             *parent,
                                WardStore             *store,
                                const WardSyncPending *pending)
{
  WardBundleDialog *self;

  g_return_if_fail (WARD_IS_STORE (store));
  g_return_if_fail (pending != NULL);

  self = dialog_new (parent, store, MODE_SYNC);
  self->pending = ward_sync_pending_copy (pending);
  self->plan = ward_bundle_plan_ref (pending->plan);
  self->file = g_file_new_for_path (pending->path);
  gtk_window_set_title (GTK_WINDOW (self), _("Changes from Another Desk"));
  adw_window_title_set_title (self->window_title, _("Changes from Another Desk"));
  gtk_button_set_label (GTK_BUTTON (self->action_button), _("_Import"));
  fill_summary (self);
  gtk_window_present (GTK_WINDOW (self));
}
