/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-welcome-window"

#include "config.h"

#include <glib/gi18n.h>

#include "safety/ward-safety-restore.h"
#include "shell/ward-welcome-window.h"

struct _WardWelcomeWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *path;
  AdwStatusPage        *status_page;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (WardWelcomeWindow, ward_welcome_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef void (*ChosenFunc) (WardWelcomeWindow *self,
                            const char        *chosen);

/* What went wrong stays on the page, naming the file; the page stays, so
 * another choice can be made. */
static void
show_error (WardWelcomeWindow *self,
            const GError      *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
opened (WardWelcomeWindow *self,
        WardStore         *store,
        gboolean           set_up,
        const GError      *error)
{
  if (store == NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[OPENED], 0, store, set_up);
  g_object_unref (store);
}

/* A new file from a seed (NULL: Đông Sơn's, built in); a seed that fails
 * leaves no file behind (ward_store_open_full()). */
static void
create_from_seed (WardWelcomeWindow *self,
                  const char        *seed)
{
  g_autoptr (GError) error = NULL;
  WardStore *store = ward_store_open_full (self->path, seed, -1, &error);

  opened (self, store, TRUE, error);
}

static void
open_existing (WardWelcomeWindow *self,
               const char        *chosen)
{
  g_autoptr (GError) error = NULL;
  WardStore *store = ward_store_open_existing (chosen, &error);

  opened (self, store, FALSE, error);
}

static void
restore_backup (WardWelcomeWindow *self,
                const char        *chosen)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = ward_restore_from_file (self->path, chosen, &error);
  WardStore *store = kept != NULL ? ward_store_open_existing (self->path, &error) : NULL;

  opened (self, store, FALSE, error);
}

static void
on_chosen_cb (GtkNativeDialog *chooser,
              int              response,
              gpointer         user_data)
{
  WardWelcomeWindow *self = WARD_WELCOME_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  ChosenFunc chosen = (ChosenFunc) user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      chosen (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (WardWelcomeWindow *self,
             const char        *title,
             const char        *filter_name,
             const char        *suffixes,
             ChosenFunc         chosen)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_auto (GStrv) list = g_strsplit (suffixes, " ", -1);
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; list[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, list[i]);
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen_cb), chosen);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
welcome_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WardWelcomeWindow *self = WARD_WELCOME_WINDOW (widget);

  if (g_str_equal (action_name, "welcome.dong-son"))
    create_from_seed (self, NULL);
  else if (g_str_equal (action_name, "welcome.seed"))
    choose_file (self, _("Another Ward’s Resolution"), _("Resolution seed files"), "json",
                 create_from_seed);
  else if (g_str_equal (action_name, "welcome.open"))
    choose_file (self, _("Open a Data File"), _("Ward Tracker data files"), "sqlite3 db",
                 open_existing);
  else
    choose_file (self, _("Restore a Backup"), _("Ward Tracker backups"), "sqlite3 db",
                 restore_backup);
}

static void
ward_welcome_window_finalize (GObject *object)
{
  WardWelcomeWindow *self = (WardWelcomeWindow *) object;

  g_free (self->path);
  G_OBJECT_CLASS (ward_welcome_window_parent_class)->finalize (object);
}

static void
ward_welcome_window_class_init (WardWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *actions[] = { "welcome.dong-son", "welcome.seed", "welcome.open", "welcome.restore" };

  object_class->finalize = ward_welcome_window_finalize;

  /* (store, set-up): the file opened; set-up when it is new. */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  WARD_TYPE_STORE, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/shell/ward-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WardWelcomeWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, WardWelcomeWindow, error_label);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, welcome_action_cb);
}

static void
ward_welcome_window_init (WardWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The development build's icon carries its own id. */
  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);
}

WardWelcomeWindow *
ward_welcome_window_new (GtkApplication *application,
                         const char     *path)
{
  WardWelcomeWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WARD_TYPE_WELCOME_WINDOW, "application", application, NULL);
  self->path = g_strdup (path);
  return self;
}
