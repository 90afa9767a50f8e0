/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "common/ward-accessible.h"
#include "safety/ward-backup-ui.h"
#include "shell/ward-application-bundle.h"
#include "shell/ward-application.h"
#include "shell/ward-preferences-window.h"
#include "shell/ward-welcome-window.h"
#include "shell/ward-window.h"

struct _WardApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  WardStore      *store;
  gboolean        quit_after_first_frame;
  gboolean        quit_after_checks;
};

G_DEFINE_FINAL_TYPE (WardApplication, ward_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this database file instead of the default one"), N_("FILE") },
  { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    "Quit once the window has drawn its first frame (for benchmarks)", NULL },
  { "quit-after-checks", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    "Quit once the checks of the file have finished (for benchmarks)", NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           WardApplication  *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (WardApplication *self,
                 GError          *error)
{
  GtkWidget *dialog;

  /* Nothing else can be shown without the file; the dialog is the window. */
  dialog = adw_message_dialog_new (NULL, _("The data file cannot be opened"), error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_first_frame_quit_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* The file given with --database, else the one the first start chose,
 * else the default one. */
static char *
data_file_path (WardApplication *self)
{
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *chosen = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  settings = g_settings_new (APPLICATION_ID);
  chosen = g_settings_get_string (settings, "data-file");
  if (*chosen != '\0' && g_file_test (chosen, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&chosen);
  return ward_store_default_path ();
}

/* Once, for a new file: the bodies and signers the reports print, in
 * Preferences, where they are kept. */
static void
ask_for_set_up (GtkWindow *window,
                WardStore *store)
{
  WardPreferencesWindow *preferences = ward_preferences_window_new (window, store);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (preferences),
                                    adw_toast_new (_("Enter the ward’s offices, then the signers "
                                                     "(Signatures)")));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
present_window (WardApplication *self,
                gboolean         set_up)
{
  GtkWindow *window = GTK_WINDOW (ward_window_new (self, self->store));

  if (self->quit_after_first_frame)
    gtk_widget_add_tick_callback (GTK_WIDGET (window), on_first_frame_quit_cb, self, NULL);
  if (self->quit_after_checks)
    g_signal_connect_object (window, "file-checked", G_CALLBACK (g_application_quit), self,
                             G_CONNECT_SWAPPED);
  gtk_window_present (window);
  if (set_up)
    ask_for_set_up (window, self->store);
  if (!self->quit_after_first_frame && !self->quit_after_checks)
    ward_backup_ui_run_daily (window, self->store);
}

static void
on_welcome_opened_cb (WardWelcomeWindow *welcome,
                      WardStore         *store,
                      gboolean           set_up,
                      WardApplication   *self)
{
  g_autofree char *usual = ward_store_default_path ();

  g_set_object (&self->store, store);
  /* An existing file chosen elsewhere is the one opened from now on. */
  if (self->database_path == NULL && g_strcmp0 (ward_store_get_path (store), usual) != 0)
    {
      g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_string (settings, "data-file", ward_store_get_path (store));
    }
  present_window (self, set_up);
  gtk_window_destroy (GTK_WINDOW (welcome));
}

static void
show_welcome (WardApplication *self,
              const char      *path)
{
  WardWelcomeWindow *welcome = ward_welcome_window_new (GTK_APPLICATION (self), path);

  g_signal_connect_object (welcome, "opened", G_CALLBACK (on_welcome_opened_cb), self, 0);
  if (self->quit_after_first_frame)
    gtk_widget_add_tick_callback (GTK_WIDGET (welcome), on_first_frame_quit_cb, self, NULL);
  gtk_window_present (GTK_WINDOW (welcome));
}

static void
ward_application_activate (GApplication *app)
{
  WardApplication *self = WARD_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = data_file_path (self);

      /* No file yet: the first start asks how to begin, never seeding
       * Đông Sơn's resolution unasked (`ward-tracker-cli init` does, for
       * scripts). */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          show_welcome (self, path);
          return;
        }
      self->store = ward_store_open_check_later (path, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }
  present_window (self, FALSE);
}

static int
ward_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  WardApplication *self = WARD_APPLICATION (app);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ward-tracker %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }
  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    self->quit_after_first_frame = TRUE;
  if (g_variant_dict_contains (options, "quit-after-checks"))
    self->quit_after_checks = TRUE;

  return G_APPLICATION_CLASS (ward_application_parent_class)->handle_local_options (app, options);
}

static gboolean
running_in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* What a bug report needs: versions of the libraries the app runs on (a
 * Flatpak runtime may hold newer ones than Debian 12) and which file is open. */
static char *
build_debug_info (WardApplication *self)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Ward Tracker %s (%s profile)\n", PACKAGE_VERSION, PROFILE);
  g_string_append_printf (info, "Application id: %s\n", APPLICATION_ID);
  g_string_append_printf (info, "Flatpak: %s\n", running_in_flatpak () ? "yes" : "no");
  g_string_append_printf (info, "Data file: %s\n",
                          self->store != NULL ? ward_store_get_path (self->store) : "(none)");
  g_string_append_printf (info, "GLib %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "SQLite %s\n", sqlite3_libversion ());

  return g_string_free (info, FALSE);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Ward Tracker developers", NULL };
  const char *shipped_resolution[] = { "Đảng bộ phường Đông Sơn, tỉnh Thanh Hóa", NULL };
  g_autofree char *debug_info = build_debug_info (self);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Ward Tracker"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("Ward Tracker developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow up a ward’s Party Congress resolution: its targets, "
                                      "action programme, new Party members, new enterprises and "
                                      "donation campaigns, in one file."),
                        "website", "https://github.com/wardtracker/ward-tracker",
                        "issue-url", "https://github.com/wardtracker/ward-tracker/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2025–2026 Ward Tracker developers",
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", _("<p>First release: targets, action programme, Party "
                                           "member admissions, enterprises and the donation "
                                           "campaign, with printed reports.</p>"),
                        "debug-info", debug_info,
                        "debug-info-filename", "ward-tracker-debug-info.txt",
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Resolution Shipped With the Application"),
                                                shipped_resolution);
  /* The Flatpak carries the report font itself (flatpak/ manifest). */
  if (running_in_flatpak ())
    adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                        "Liberation Fonts",
                                        "© 2012 Red Hat, Inc.; digitized data © 2010 Google Corporation",
                                        GTK_LICENSE_CUSTOM,
                                        _("Reports are typeset in Liberation Serif, licensed under the "
                                          "<a href=\"https://openfontlicense.org\">SIL Open Font "
                                          "License, version 1.1</a>."));
  ward_accessible_name_adw_internals (about);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Without a file there is nothing to set up: the error dialog is the window. */
  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ward_preferences_window_new (parent, self->store)));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows so that they save their state. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
    }
  g_application_quit (app);
}

static void
reopen_store_cb (WardStore *store,
                 gpointer   user_data)
{
  WardApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WARD_IS_WINDOW (window))
    ward_window_set_store (WARD_WINDOW (window), store);
  g_set_object (&self->store, store);
}

static void
backup_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && self->store != NULL)
    ward_backup_ui_back_up (window, self->store);
}

static void
restore_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && self->store != NULL)
    ward_backup_ui_restore (window, self->store, reopen_store_cb, self);
}

static const GActionEntry app_actions[] = {
  { "backup", backup_activated_cb },
  { "restore", restore_activated_cb },
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "quit", quit_activated_cb },
};

static void
ward_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export-pdf", { "<Control><Shift>e", NULL } },
    { "win.export-xlsx", { "<Control><Shift>x", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
  };
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (ward_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  ward_application_add_bundle_actions (WARD_APPLICATION (app));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  for (int page = 1; page <= 7; page++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page(%d)", page - 1);
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", page);
      const char *list[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action, list);
    }

  gtk_css_provider_load_from_resource (css, "/io/github/wardtracker/WardTracker/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
ward_application_finalize (GObject *object)
{
  WardApplication *self = (WardApplication *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (ward_application_parent_class)->finalize (object);
}

static void
ward_application_class_init (WardApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ward_application_finalize;
  app_class->activate = ward_application_activate;
  app_class->startup = ward_application_startup;
  app_class->handle_local_options = ward_application_handle_local_options;
}

static void
ward_application_init (WardApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Follow up a ward’s Party Congress resolution."));
}

WardApplication *
ward_application_new (void)
{
  return g_object_new (WARD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/wardtracker/WardTracker",
                       NULL);
}

WardStore *
ward_application_get_store (WardApplication *self)
{
  g_return_val_if_fail (WARD_IS_APPLICATION (self), NULL);
  return self->store;
}
