/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-window"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions-page.h"
#include "base/ward-error.h"
#include "common/ward-after-frame.h"
#include "common/ward-page.h"
#include "common/ward-undo.h"
#include "donations/ward-donations-page.h"
#include "enterprises/ward-enterprises-page.h"
#include "exchange/ward-bundle-dialog.h"
#include "overview/ward-overview-page.h"
#include "programme/ward-programme-page.h"
#include "safety/ward-safety-file-check.h"
#include "shell/ward-page-slot.h"
#include "shell/ward-window.h"
#include "study/ward-study-page.h"
#include "sync/ward-sync-monitor.h"
#include "sync/ward-sync-trust.h"
#include "targets/ward-congress-dialog.h"
#include "targets/ward-targets-page.h"
#include "targets/ward-targets-resolution.h"

struct _WardWindow
{
  AdwApplicationWindow  parent_instance;

  WardStore            *store;
  GSettings            *settings;
  GCancellable         *check_cancellable;
  WardFileCheck        *file_check;    /* what the last check found */
  WardAfterFrame        check_after_frame;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *sync_button;
  WardSyncMonitor      *sync_monitor;
};

G_DEFINE_FINAL_TYPE (WardWindow, ward_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILE_CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Window actions that the header bar and the shortcuts forward to the page
 * on show, each enabled only where that page offers it. */
static const char * const forwarded_actions[] = {
  "new", "print", "export-pdf", "export-xlsx", "search", "import", "export", NULL
};

/* The page in @slot, if it has been built. */
static WardPage *
page_in (GtkWidget *slot)
{
  return WARD_IS_PAGE_SLOT (slot) ? ward_page_slot_get_page (WARD_PAGE_SLOT (slot)) : NULL;
}

static WardPage *
visible_page (WardWindow *self)
{
  return page_in (gtk_stack_get_visible_child (self->stack));
}

static void show_chain (WardWindow *self);

static void
update_forwarded_actions (WardWindow *self)
{
  WardPage *page = visible_page (self);

  for (guint i = 0; forwarded_actions[i] != NULL; i++)
    {
      g_autofree char *page_action = g_strconcat ("page.", forwarded_actions[i], NULL);
      g_autofree char *win_action = g_strconcat ("win.", forwarded_actions[i], NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), win_action,
                                     page != NULL && ward_page_has_action (page, page_action));
    }
}

static void
on_visible_page_changed_cb (WardWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page;
  const char *name;
  int index = 0;

  if (child == NULL)
    return;
  /* Each page is built the first time it is shown. */
  if (WARD_IS_PAGE_SLOT (child) && ward_page_slot_get_page (WARD_PAGE_SLOT (child)) == NULL)
    {
      ward_page_slot_ensure_page (WARD_PAGE_SLOT (child), self->store);
      show_chain (self);
    }
  page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->window_title, gtk_stack_page_get_title (page));
  name = gtk_stack_get_visible_child_name (self->stack);
  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       c != NULL && c != child; c = gtk_widget_get_next_sibling (c))
    index++;
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));

  update_forwarded_actions (self);
}

static void
on_sidebar_row_activated_cb (GtkListBox    *box,
                             GtkListBoxRow *row,
                             WardWindow    *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "page-name");

  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
build_sidebar (WardWindow *self)
{
  g_autoptr (GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page)));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                      -1);
      g_object_set_data_full (G_OBJECT (row), "page-name",
                              g_strdup (gtk_stack_page_get_name (page)), g_free);
      gtk_list_box_append (self->sidebar, row);
    }
}

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WardWindow *self = WARD_WINDOW (widget);
  WardPage *page = visible_page (self);
  g_autofree char *page_action = g_strconcat ("page.", action_name + strlen ("win."), NULL);

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (page), page_action, NULL);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WardWindow *self = WARD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_page_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WardWindow *self = WARD_WINDOW (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, g_variant_get_int32 (parameter));

  if (row != NULL)
    on_sidebar_row_activated_cb (self->sidebar, row, self);
}

/* The file checks ------------------------------------------------------- */

static void
show_damage (WardWindow   *self,
             const GError *damage)
{
  g_autofree char *body = g_strconcat (damage->message, "\n\n",
                                       _("Ward Tracker will write nothing to it, so that no more is "
                                         "lost. Restore… in the main menu puts a backup back."),
                                       NULL);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Data File Is Damaged"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_show_ledger_cb (WardWindow *self)
{
  ward_window_show_page (self, "donations");
}

/* The ledger's findings, on the donations page once it is built. */
static void
show_chain (WardWindow *self)
{
  WardPage *donations = page_in (gtk_stack_get_child_by_name (self->stack, "donations"));

  if (self->file_check == NULL || self->file_check->file_error != NULL || !WARD_IS_DONATIONS_PAGE (donations))
    return;
  ward_donations_page_show_chain (WARD_DONATIONS_PAGE (donations),
                                  self->file_check->chain_error, self->file_check->chain_report);
}

static void
on_file_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (WardWindow) self = user_data;
  g_autoptr (WardFileCheck) check = ward_file_check_finish (WARD_STORE (source), result, NULL);

  if (check == NULL || self->store != WARD_STORE (source))
    return;
  g_clear_pointer (&self->file_check, ward_file_check_free);
  self->file_check = g_steal_pointer (&check);
  g_signal_emit (self, signals[FILE_CHECKED], 0);

  /* A busy file is checked again at the next write; only damage is news. */
  if (g_error_matches (self->file_check->file_error, WARD_ERROR, WARD_ERROR_CORRUPT)
      || g_error_matches (self->file_check->file_error, WARD_ERROR, WARD_ERROR_NOT_DATABASE))
    show_damage (self, self->file_check->file_error);
  if (self->file_check->file_error != NULL)
    return;
  show_chain (self);
  ward_congress_dialog_ask (GTK_WINDOW (self), self->store);
  /* Said wherever the clerk is, not only on the donations page. */
  if (self->file_check->chain_error != NULL)
    {
      AdwToast *toast = adw_toast_new (_("The donation ledger was changed outside Ward Tracker"));

      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_show_ledger_cb), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
start_file_check (gpointer user_data)
{
  WardWindow *self = user_data;

  self->check_cancellable = g_cancellable_new ();
  ward_file_check_async (self->store, self->check_cancellable, on_file_checked_cb, g_object_ref (self));
}

/* Once the window is up (from the first frame on, and after it is drawn,
 * so that the check, reading the whole file, does not compete with it):
 * the integrity check a file opened with
 * ward_store_open_check_later() still owes, and the ledger's chain. */
static void
check_file (WardWindow *self)
{
  ward_after_frame_cancel (&self->check_after_frame);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->store != NULL)
    ward_after_frame_schedule (&self->check_after_frame, GTK_WIDGET (self), start_file_check, self);
}

static void
on_sync_status_cb (WardWindow *self)
{
  const char *status = ward_sync_monitor_get_status (self->sync_monitor);

  /* No empty label: the header would measure a label of nothing. */
  if (status != NULL)
    gtk_button_set_label (GTK_BUTTON (self->sync_button), status);
  gtk_widget_set_tooltip_text (self->sync_button, ward_sync_monitor_get_details (self->sync_monitor));
  gtk_widget_set_visible (self->sync_button,
                          status != NULL && ward_sync_monitor_get_active (self->sync_monitor));
  if (ward_sync_monitor_get_failed (self->sync_monitor))
    gtk_widget_add_css_class (self->sync_button, "error");
  else
    gtk_widget_remove_css_class (self->sync_button, "error");
}

/* The status is a button: conflicts waiting for a person open as a
 * bundle's do; a new desk asks to be trusted; otherwise it syncs now. */
static void
on_sync_clicked_cb (WardWindow *self)
{
  const WardSyncPending *pending = ward_sync_monitor_get_pending (self->sync_monitor);
  const WardSigner *untrusted = ward_sync_monitor_get_untrusted (self->sync_monitor);

  if (pending != NULL)
    ward_bundle_dialog_decide_sync (GTK_WINDOW (self), self->store, pending);
  else if (untrusted != NULL)
    ward_sync_trust_ask (GTK_WINDOW (self), self->store, self->sync_monitor, untrusted);
  else
    ward_sync_monitor_sync_now (self->sync_monitor);
}

/* The shared folder, when the file has one (Preferences → Sync). */
static void
watch_sync (WardWindow *self)
{
  g_clear_object (&self->sync_monitor);
  if (self->store == NULL)
    return;
  self->sync_monitor = ward_sync_monitor_new (self->store);
  g_signal_connect_object (self->sync_monitor, "notify", G_CALLBACK (on_sync_status_cb), self,
                           G_CONNECT_SWAPPED);
  on_sync_status_cb (self);
}

static void
set_store (WardWindow *self,
           WardStore  *store)
{
  g_autoptr (WardResolution) resolution = NULL;

  if (self->store != NULL && store != self->store)
    ward_undo_stack_clear (ward_undo_stack_get (GTK_WIDGET (self)));
  g_set_object (&self->store, store);
  g_clear_pointer (&self->file_check, ward_file_check_free);
  check_file (self);
  watch_sync (self);
  /* Pages not built yet take the store when they are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (page_in (child) != NULL)
      ward_page_set_store (page_in (child), store);
  if (store == NULL)
    return;

  resolution = ward_resolution_load (store, NULL);
  if (resolution != NULL)
    adw_window_title_set_subtitle (self->window_title, resolution->name);
}

static void
load_window_state (WardWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  /* The admissions page was called "members" until issue 22: a window last
   * closed on it opens on it again. */
  if (g_str_equal (last_page, "members"))
    {
      g_free (last_page);
      last_page = g_strdup ("admissions");
    }
  if (gtk_stack_get_child_by_name (self->stack, last_page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, last_page);
}

static gboolean
ward_window_close_request (GtkWindow *window)
{
  WardWindow *self = WARD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ward_window_parent_class)->close_request (window);
}

static void
ward_window_constructed (GObject *object)
{
  WardWindow *self = WARD_WINDOW (object);

  G_OBJECT_CLASS (ward_window_parent_class)->constructed (object);

  build_sidebar (self);
  load_window_state (self);
  on_visible_page_changed_cb (self);
}

static void
ward_window_dispose (GObject *object)
{
  WardWindow *self = WARD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_WINDOW);
  ward_after_frame_cancel (&self->check_after_frame);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->file_check, ward_file_check_free);
  g_clear_object (&self->sync_monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ward_window_parent_class)->dispose (object);
}

static void
ward_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WardWindow *self = WARD_WINDOW (object);

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
ward_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WardWindow *self = WARD_WINDOW (object);

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
ward_window_class_init (WardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ward_window_constructed;
  object_class->dispose = ward_window_dispose;
  object_class->get_property = ward_window_get_property;
  object_class->set_property = ward_window_set_property;
  window_class->close_request = ward_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WardWindow::file-checked:
   *
   * Emitted when the checks run on the file once the window is up (see
   * ward-safety-file-check.h) have finished, before what they found is shown.
   */
  signals[FILE_CHECKED] = g_signal_new ("file-checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (WARD_TYPE_PAGE_SLOT);
  g_type_ensure (WARD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (WARD_TYPE_TARGETS_PAGE);
  g_type_ensure (WARD_TYPE_PROGRAMME_PAGE);
  g_type_ensure (WARD_TYPE_ADMISSIONS_PAGE);
  g_type_ensure (WARD_TYPE_ENTERPRISES_PAGE);
  g_type_ensure (WARD_TYPE_DONATIONS_PAGE);
  g_type_ensure (WARD_TYPE_STUDY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/shell/ward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WardWindow, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);

  for (guint i = 0; forwarded_actions[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("win.", forwarded_actions[i], NULL);
      gtk_widget_class_install_action (widget_class, name, NULL, forward_action_cb);
    }
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  ward_undo_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-page", "i", show_page_action_cb);
}

static void
ward_window_init (WardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

WardWindow *
ward_window_new (WardApplication *application,
                 WardStore       *store)
{
  return g_object_new (WARD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

void
ward_window_set_store (WardWindow *self,
                       WardStore  *store)
{
  g_return_if_fail (WARD_IS_WINDOW (self));

  set_store (self, store);
}

void
ward_window_show_page (WardWindow *self,
                       const char *name)
{
  g_return_if_fail (WARD_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}
