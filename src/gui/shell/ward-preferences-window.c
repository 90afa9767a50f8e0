/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-text.h"
#include "common/ward-accessible.h"
#include "common/ward-known-names-dialog.h"
#include "donations/ward-donations-ledger.h"
#include "exchange/ward-exchange-sign.h"
#include "shell/ward-preferences-window.h"
#include "sync/ward-sync.h"

struct _WardPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  WardStore            *store;
  GSettings            *settings;
  GPtrArray            *campaigns;   /* WardCampaign */
  gboolean              filling;

  AdwEntryRow          *parent_body_row;
  AdwActionRow         *own_code_row;
  GtkLabel             *own_code_label;
  AdwEntryRow          *party_body_row;
  AdwEntryRow          *place_name_row;
  AdwEntryRow          *front_parent_body_row;
  AdwEntryRow          *front_body_row;
  AdwEntryRow          *party_signatory_title_row;
  AdwEntryRow          *party_signatory_name_row;
  AdwEntryRow          *front_signatory_title_row;
  AdwEntryRow          *front_signatory_name_row;
  GtkTextView          *recipients_view;
  AdwComboRow          *campaign_row;
  AdwActionRow         *sync_folder_row;
  GtkWidget            *sync_forget_button;
  GtkFileChooserNative *sync_chooser;
};

G_DEFINE_FINAL_TYPE (WardPreferencesWindow, ward_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each one-line key and the row that edits it. */
static const struct
{
  const char *key;
  gsize       row_offset;
} text_keys[] = {
  { "parent-body", G_STRUCT_OFFSET (WardPreferencesWindow, parent_body_row) },
  { "party-body", G_STRUCT_OFFSET (WardPreferencesWindow, party_body_row) },
  { "place-name", G_STRUCT_OFFSET (WardPreferencesWindow, place_name_row) },
  { "front-parent-body", G_STRUCT_OFFSET (WardPreferencesWindow, front_parent_body_row) },
  { "front-body", G_STRUCT_OFFSET (WardPreferencesWindow, front_body_row) },
  { "party-signatory-title", G_STRUCT_OFFSET (WardPreferencesWindow, party_signatory_title_row) },
  { "party-signatory-name", G_STRUCT_OFFSET (WardPreferencesWindow, party_signatory_name_row) },
  { "front-signatory-title", G_STRUCT_OFFSET (WardPreferencesWindow, front_signatory_title_row) },
  { "front-signatory-name", G_STRUCT_OFFSET (WardPreferencesWindow, front_signatory_name_row) },
};

/* Text goes into the settings as the reports print it: NFC, trimmed, with
 * single spaces, whatever the input method sent. The binding never writes
 * it back into the row being typed in, so a trailing space survives there
 * until the next word. */
static GVariant *
set_clean_text_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  g_autofree char *clean = ward_text_normalize (g_value_get_string (value));

  return g_variant_new_string (clean != NULL ? clean : "");
}

static gboolean
get_lines_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_autofree const char **lines = g_variant_get_strv (variant, NULL);
  g_autofree char *text = g_strjoinv ("\n", (char **) lines);

  g_value_set_string (value, text);
  return TRUE;
}

/* One recipient a line; blank lines are dropped. */
static GVariant *
set_lines_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char *text = g_value_get_string (value);
  g_auto (GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *clean = ward_text_normalize (lines[i]);

      if (clean != NULL && *clean != '\0')
        g_strv_builder_add (kept, clean);
    }
  result = g_strv_builder_end (kept);

  return g_variant_new_strv ((const char * const *) result, -1);
}

static void
bind_settings (WardPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      GObject *row = G_STRUCT_MEMBER (GObject *, self, text_keys[i].row_offset);

      g_settings_bind_with_mapping (self->settings, text_keys[i].key, row, "text",
                                    G_SETTINGS_BIND_DEFAULT,
                                    NULL, set_clean_text_mapping, NULL, NULL);
    }
  g_settings_bind_with_mapping (self->settings, "report-recipients",
                                gtk_text_view_get_buffer (self->recipients_view), "text",
                                G_SETTINGS_BIND_DEFAULT,
                                get_lines_mapping, set_lines_mapping, NULL, NULL);
}

static void
fill_campaigns (WardPreferencesWindow *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (WardCampaign) current = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->campaigns = ward_campaigns_load (self->store, NULL);
      current = ward_ledger_default_campaign (self->store, NULL);
    }
  if (self->campaigns == NULL)
    self->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_campaign_free);

  for (guint i = 0; i < self->campaigns->len; i++)
    {
      WardCampaign *campaign = self->campaigns->pdata[i];

      gtk_string_list_append (names, campaign->name);
      if (current != NULL && campaign->id == current->id)
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->campaign_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->campaign_row, selected);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_row), self->campaigns->len > 0);
}

static void
on_campaign_selected_cb (WardPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->campaign_row);
  g_autoptr (GError) error = NULL;
  WardCampaign *campaign;

  if (self->filling || self->store == NULL || selected >= self->campaigns->len)
    return;

  /* The file keeps the choice, as it is the file whose campaigns it
   * names (the donations page reads it there); the settings keep a copy. */
  campaign = self->campaigns->pdata[selected];
  if (!ward_store_set_setting (self->store, "default-campaign", campaign->uuid, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  ward_store_notify_changed (self->store, "settings");
  g_settings_set_string (self->settings, "default-campaign", campaign->uuid);
}

static void
on_store_changed_cb (WardPreferencesWindow *self)
{
  fill_campaigns (self);
}

/* The code another computer compares before it trusts this one's bundles. */
static void
fill_own_code (WardPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WardSigner) own = self->store != NULL ? ward_exchange_dup_own_signer (self->store, &error) : NULL;

  /* Its name (ward and receipt book) below, as the other computer shows it. */
  gtk_label_set_text (self->own_code_label, own != NULL ? own->code : "");
  adw_action_row_set_subtitle (self->own_code_row,
                               own != NULL ? own->name : error != NULL ? error->message : "");
}

/* ---- Sync --------------------------------------------------------------- */

static void
fill_sync_folder (WardPreferencesWindow *self)
{
  g_autofree char *folder = self->store != NULL ? ward_sync_dup_folder (self->store) : NULL;
  g_autofree char *shown = folder != NULL ? g_filename_display_name (folder) : NULL;

  adw_action_row_set_subtitle (self->sync_folder_row,
                               shown != NULL ? shown : _("No folder chosen: this desk does not sync"));
  gtk_widget_set_visible (self->sync_forget_button, folder != NULL);
}

/* The window's sync reads the folder again when the settings change. */
static void
store_sync_folder (WardPreferencesWindow *self,
                   const char            *folder)
{
  g_autoptr (GError) error = NULL;

  if (!ward_sync_set_folder (self->store, folder, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  ward_store_notify_changed (self->store, "settings");
  fill_sync_folder (self);
}

static void
on_sync_chooser_response_cb (WardPreferencesWindow *self,
                             int                    response)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->sync_chooser));
  g_clear_object (&self->sync_chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    store_sync_folder (self, path);
}

/* The portal's chooser: inside the Flatpak, the folder chosen is granted to
 * the application and no permission is asked for beforehand. */
static void
present_names (WardPreferencesWindow *self,
               WardNameKind           kind)
{
  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (ward_known_names_dialog_new (GTK_WINDOW (self), self->store, kind)));
}

static void
on_groups_activated_cb (WardPreferencesWindow *self)
{
  present_names (self, WARD_NAME_GROUP);
}

static void
on_collectors_activated_cb (WardPreferencesWindow *self)
{
  present_names (self, WARD_NAME_COLLECTOR);
}

static void
on_sync_choose_clicked_cb (WardPreferencesWindow *self)
{
  if (self->store == NULL)
    return;
  g_clear_object (&self->sync_chooser);
  self->sync_chooser = gtk_file_chooser_native_new (_("Choose the Sync Folder"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                    _("_Choose"), _("_Cancel"));
  g_signal_connect_object (self->sync_chooser, "response", G_CALLBACK (on_sync_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->sync_chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->sync_chooser));
}

static void
on_sync_forget_clicked_cb (WardPreferencesWindow *self)
{
  if (self->store != NULL)
    store_sync_folder (self, NULL);
}

static void
set_store (WardPreferencesWindow *self,
           WardStore             *store)
{
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_object (store, "changed::campaigns",
                             G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  fill_campaigns (self);
  fill_own_code (self);
  fill_sync_folder (self);
}

static void
ward_preferences_window_dispose (GObject *object)
{
  WardPreferencesWindow *self = WARD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  if (self->sync_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->sync_chooser));
  g_clear_object (&self->sync_chooser);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);

  G_OBJECT_CLASS (ward_preferences_window_parent_class)->dispose (object);
}

static void
ward_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  WardPreferencesWindow *self = WARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  WardPreferencesWindow *self = WARD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_preferences_window_class_init (WardPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_preferences_window_dispose;
  object_class->get_property = ward_preferences_window_get_property;
  object_class->set_property = ward_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/shell/ward-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, parent_body_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, party_body_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, place_name_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, front_parent_body_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, front_body_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, party_signatory_title_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, party_signatory_name_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, front_signatory_title_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, front_signatory_name_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, own_code_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, own_code_label);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, sync_folder_row);
  gtk_widget_class_bind_template_child (widget_class, WardPreferencesWindow, sync_forget_button);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_groups_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_collectors_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_forget_clicked_cb);
}

static void
ward_preferences_window_init (WardPreferencesWindow *self)
{
  self->campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_campaign_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  ward_accessible_name_adw_internals (GTK_WIDGET (self));
  ward_combo_row_name_items (self->campaign_row);

  self->settings = g_settings_new (APPLICATION_ID);
  bind_settings (self);
}

WardPreferencesWindow *
ward_preferences_window_new (GtkWindow *parent,
                             WardStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return g_object_new (WARD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
