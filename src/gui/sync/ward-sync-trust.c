/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync-trust"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/ward-exchange-sign.h"
#include "sync/ward-sync-trust.h"

/* The same trust as a bundle's (ward_exchange_trust_code()): a desk is
 * trusted once, by a person who compared its code on both screens, since
 * anyone who can write in a shared folder could write there. */

typedef struct
{
  WardStore       *store;
  WardSyncMonitor *monitor;
  char            *code;
} TrustAsk;

static void
trust_ask_free (gpointer  data,
                GClosure *closure)
{
  TrustAsk *ask = data;

  g_object_unref (ask->store);
  g_object_unref (ask->monitor);
  g_free (ask->code);
  g_free (ask);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                TrustAsk         *ask)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkWidget *refused;

  if (!g_str_equal (response, "trust"))
    return;
  if (ward_exchange_trust_code (ask->store, ask->code, NULL, &error))
    {
      ward_sync_monitor_sync_now (ask->monitor);
      return;
    }
  refused = adw_message_dialog_new (parent, _("The Desk Could Not Be Trusted"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (refused), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (refused));
}

void
ward_sync_trust_ask (GtkWindow        *parent,
                     WardStore        *store,
                     WardSyncMonitor  *monitor,
                     const WardSigner *signer)
{
  gboolean changed = ward_exchange_get_trust (store, signer, NULL) == WARD_TRUST_KEY_CHANGED;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  TrustAsk *ask = g_new0 (TrustAsk, 1);

  g_return_if_fail (WARD_IS_STORE (store) && signer != NULL);

  heading = g_strdup_printf (changed ? _("“%s” Has a New Key") : _("Trust “%s”?"),
                             ward_signer_get_label (signer));
  body = g_strdup_printf (changed
                          ? _("This file trusted that desk under another key. It may have been set up "
                              "again, or someone may be writing in its name. Trust it only if this code "
                              "is the one that desk shows under Preferences → Data Bundles:\n\n%s")
                          : _("This desk writes its changes in the sync folder, but this file does not "
                              "trust it yet, so they are not read. Trust it only if this code is the one "
                              "that desk shows under Preferences → Data Bundles:\n\n%s"),
                          signer->code);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"),
                                    "trust", _("_Trust This Desk"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust",
                                              changed ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  ask->store = g_object_ref (store);
  ask->monitor = g_object_ref (monitor);
  ask->code = g_strdup (signer->code);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), ask, trust_ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
