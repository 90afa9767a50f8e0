/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-application"

#include "config.h"

#include "exchange/ward-bundle-dialog.h"
#include "shell/ward-application-bundle.h"

/* Exchange between laptops, as application actions: they need the file,
 * not a page. */

static void
bundle_export_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  WardStore *store = ward_application_get_store (self);

  /* Without a file there is nothing to send: the error dialog is the window. */
  if (window != NULL && store != NULL)
    ward_bundle_dialog_export (window, store);
}

static void
bundle_import_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  WardApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  WardStore *store = ward_application_get_store (self);

  if (window != NULL && store != NULL)
    ward_bundle_dialog_import (window, store);
}

static const GActionEntry bundle_actions[] = {
  { "bundle-export", bundle_export_activated_cb },
  { "bundle-import", bundle_import_activated_cb },
};

void
ward_application_add_bundle_actions (WardApplication *self)
{
  g_return_if_fail (WARD_IS_APPLICATION (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), bundle_actions, G_N_ELEMENTS (bundle_actions), self);
}
