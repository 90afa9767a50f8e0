/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-sync-monitor"

#include "config.h"

#include <glib/gi18n.h>

#include "exchange/ward-exchange.h"
#include "sync/ward-sync-monitor.h"
#include "sync/ward-sync.h"

/* A change is written out a little after it is made, so that ten receipts
 * typed in a row go as one file; files arriving are read as soon as the
 * sync tool has stopped writing for a moment. */
#define AFTER_CHANGE_SECONDS 3
#define AFTER_FILE_MS        700
#define RETRY_SECONDS        60

struct _WardSyncMonitor
{
  GObject       parent_instance;

  WardStore    *store;
  char         *folder;
  GPtrArray    *monitors;       /* GFileMonitor: the folder and each desk's sub-folder */
  GCancellable *cancellable;
  guint         debounce_id;
  guint         retry_id;
  gboolean      running;
  gboolean      again;          /* a change came during the sync under way */
  gboolean      notifying;      /* our own ::changed, after applying files */
  gboolean      failed;
  char         *status;
  char         *details;        /* every problem, for the tooltip */
  GPtrArray    *pending;        /* WardSyncPending: files whose conflicts wait for a person */
  GPtrArray    *untrusted;      /* WardSigner: desks whose files wait for a person's trust */
};

G_DEFINE_FINAL_TYPE (WardSyncMonitor, ward_sync_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_ACTIVE,
  PROP_FAILED,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_sync (WardSyncMonitor *self);

static void
set_details (WardSyncMonitor *self,
             const char      *details)
{
  if (g_strcmp0 (self->details, details) == 0)
    return;
  g_free (self->details);
  self->details = g_strdup (details);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

static void
set_status (WardSyncMonitor *self,
            const char      *status,
            gboolean         failed)
{
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->failed != failed)
    {
      self->failed = failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
    }
}

/* "Đã đồng bộ lúc 10:32 · 4 máy", in this computer's time; a problem in
 * a few words, its sentences in the tooltip. */
static char *
describe_report (WardSyncReport *report)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (report->synced_at, NULL);
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  if (report->untrusted->len > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced at %s · %u new desk to trust",
                                         "Synced at %s · %u new desks to trust",
                                         report->untrusted->len),
                            time, report->untrusted->len);
  if (report->problems->len > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced at %s · %u file could not be read",
                                         "Synced at %s · %u files could not be read",
                                         report->problems->len),
                            time, report->problems->len);
  if (report->pending->len > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced at %s · %u change waits for your decision",
                                         "Synced at %s · %u changes wait for your decision",
                                         report->pending->len),
                            time, report->pending->len);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced at %s · %u desk", "Synced at %s · %u desks",
                                       report->n_desks),
                          time, report->n_desks);
}

/* Files applied on the worker's connection: every page reloads. */
static void
notify_applied (WardSyncMonitor *self)
{
  self->notifying = TRUE;
  for (guint i = 0; i < ward_bundle_n_tables (); i++)
    ward_store_notify_changed (self->store, ward_bundle_table_name (i));
  self->notifying = FALSE;
}

static void watch_folder (WardSyncMonitor *self);

static void
on_synced_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (WardSyncMonitor) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (WardSyncReport) report = ward_sync_run_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;
  if (report == NULL)
    {
      set_details (self, error != NULL ? error->message : NULL);
      set_status (self, _("The sync folder cannot be reached"), TRUE);
    }
  else
    {
      g_autofree char *status = describe_report (report);
      g_autofree char *details = NULL;

      g_ptr_array_add (report->problems, NULL);
      details = g_strjoinv ("\n\n", (char **) report->problems->pdata);
      g_ptr_array_set_size (report->problems, report->problems->len - 1);
      set_details (self, *details != '\0' ? details : status);
      g_clear_pointer (&self->pending, g_ptr_array_unref);
      self->pending = g_ptr_array_ref (report->pending);
      g_clear_pointer (&self->untrusted, g_ptr_array_unref);
      self->untrusted = g_ptr_array_ref (report->untrusted);
      set_status (self, status, report->problems->len > 0);
      if (report->n_applied > 0)
        notify_applied (self);
      watch_folder (self);
    }
  if (error != NULL)
    g_debug ("%s", error->message);
  if (self->again)
    start_sync (self);
}

static void
start_sync (WardSyncMonitor *self)
{
  self->again = FALSE;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  ward_sync_run_async (ward_store_get_path (self->store), self->cancellable, on_synced_cb,
                       g_object_ref (self));
}

static gboolean
debounced_cb (gpointer user_data)
{
  WardSyncMonitor *self = user_data;

  self->debounce_id = 0;
  start_sync (self);
  return G_SOURCE_REMOVE;
}

static void
sync_after (WardSyncMonitor *self,
            guint            ms)
{
  if (self->folder == NULL)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (ms, debounced_cb, self);
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  WardSyncMonitor *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED
      || event == G_FILE_MONITOR_EVENT_MOVED_IN || event == G_FILE_MONITOR_EVENT_RENAMED)
    sync_after (self, AFTER_FILE_MS);
}

static void
add_monitor (WardSyncMonitor *self,
             const char      *path)
{
  g_autoptr (GFile) dir = g_file_new_for_path (path);
  GFileMonitor *monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_folder_changed_cb), self, 0);
  g_ptr_array_add (self->monitors, monitor);
}

/* File monitors do not reach into sub-folders: one for the folder (a new
 * desk), one for each desk's own. Made again after each sync. */
static void
watch_folder (WardSyncMonitor *self)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_ptr_array_set_size (self->monitors, 0);
  if (self->folder == NULL || (dir = g_dir_open (self->folder, 0, NULL)) == NULL)
    return;
  add_monitor (self, self->folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_uuid_string_is_valid (name))
      {
        g_autofree char *path = g_build_filename (self->folder, name, NULL);

        add_monitor (self, path);
      }
}

static gboolean
retry_cb (gpointer user_data)
{
  WardSyncMonitor *self = user_data;

  if (self->folder != NULL)
    start_sync (self);
  return G_SOURCE_CONTINUE;
}

/* The folder may have been chosen or forgotten in the preferences. */
static void
read_folder (WardSyncMonitor *self)
{
  g_autofree char *folder = ward_sync_dup_folder (self->store);
  gboolean was_active = self->folder != NULL;

  if (g_strcmp0 (folder, self->folder) == 0)
    return;
  g_free (self->folder);
  self->folder = g_steal_pointer (&folder);
  g_ptr_array_set_size (self->monitors, 0);
  if (self->folder == NULL)
    set_status (self, NULL, FALSE);
  else
    {
      set_status (self, _("Syncing…"), FALSE);
      sync_after (self, 0);
    }
  if (was_active != (self->folder != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
on_store_changed_cb (WardStore  *store,
                     const char *table,
                     gpointer    user_data)
{
  WardSyncMonitor *self = user_data;

  if (self->notifying)
    return;
  if (g_strcmp0 (table, "settings") == 0)
    read_folder (self);
  else
    sync_after (self, AFTER_CHANGE_SECONDS * 1000);
}

static void
ward_sync_monitor_dispose (GObject *object)
{
  WardSyncMonitor *self = WARD_SYNC_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->monitors, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->untrusted, g_ptr_array_unref);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ward_sync_monitor_parent_class)->dispose (object);
}

static void
ward_sync_monitor_finalize (GObject *object)
{
  WardSyncMonitor *self = WARD_SYNC_MONITOR (object);

  g_free (self->folder);
  g_free (self->status);
  g_free (self->details);

  G_OBJECT_CLASS (ward_sync_monitor_parent_class)->finalize (object);
}

static void
ward_sync_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WardSyncMonitor *self = WARD_SYNC_MONITOR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->folder != NULL);
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, self->failed);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_sync_monitor_class_init (WardSyncMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ward_sync_monitor_dispose;
  object_class->finalize = ward_sync_monitor_finalize;
  object_class->get_property = ward_sync_monitor_get_property;

  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] = g_param_spec_boolean ("failed", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] = g_param_spec_string ("details", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ward_sync_monitor_init (WardSyncMonitor *self)
{
  self->monitors = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

WardSyncMonitor *
ward_sync_monitor_new (WardStore *store)
{
  WardSyncMonitor *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = g_object_new (WARD_TYPE_SYNC_MONITOR, NULL);
  self->store = g_object_ref (store);
  g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
  /* On opening the file. */
  read_folder (self);
  return self;
}

const char *
ward_sync_monitor_get_status (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), NULL);

  return self->status;
}

gboolean
ward_sync_monitor_get_active (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), FALSE);

  return self->folder != NULL;
}

const char *
ward_sync_monitor_get_details (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), NULL);

  return self->details;
}

gboolean
ward_sync_monitor_get_failed (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), FALSE);

  return self->failed;
}

const WardSyncPending *
ward_sync_monitor_get_pending (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), NULL);

  return self->pending != NULL && self->pending->len > 0 ? self->pending->pdata[0] : NULL;
}

const WardSigner *
ward_sync_monitor_get_untrusted (WardSyncMonitor *self)
{
  g_return_val_if_fail (WARD_IS_SYNC_MONITOR (self), NULL);

  return self->untrusted != NULL && self->untrusted->len > 0 ? self->untrusted->pdata[0] : NULL;
}

void
ward_sync_monitor_sync_now (WardSyncMonitor *self)
{
  g_return_if_fail (WARD_IS_SYNC_MONITOR (self));

  sync_after (self, 0);
}
