/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bare-window"

#include "config.h"

#include <adwaita.h>

/* The yardstick of the start-up benchmark: an empty libadwaita window with
 * a header bar, of the size Ward Tracker opens at, that quits once its
 * first frame is drawn, the way `ward-tracker --quit-after-first-frame`
 * does (ward-application.c). */

static gboolean
on_first_frame_quit_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_widget_add_tick_callback (window, on_first_frame_quit_cb, app, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.wardtracker.BareWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
