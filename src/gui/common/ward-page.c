/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-page"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "common/ward-after-frame.h"
#include "common/ward-page.h"

typedef struct
{
  WardStore *store;
  gulong     changed_id;
  gboolean   stale;       /* the store changed while the page was not on screen */
  GCancellable *read_cancellable;
  gpointer      pending_read;   /* PageRead waiting for the frame under way */
  WardAfterFrame  after_frame;
} WardPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WardPage, ward_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A page off screen reloads when it is next shown, not now: at start-up
 * only the page on show reads its registers (a ledger of 100,000 entries
 * is read when its page is opened), and a change reloads the pages that
 * show it, not all six (issue 13). */
static void
reload (WardPage *self)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);
  WardPageClass *klass = WARD_PAGE_GET_CLASS (self);

  if (klass->reload == NULL || priv->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->stale = TRUE;
      return;
    }
  priv->stale = FALSE;
  klass->reload (self);
}

static void
on_store_changed_cb (WardStore  *store,
                     const char *table,
                     WardPage   *self)
{
  WardPageClass *klass = WARD_PAGE_GET_CLASS (self);

  if (klass->watched_tables != NULL && !g_strv_contains (klass->watched_tables, table))
    return;
  reload (self);
}

static void
ward_page_map (GtkWidget *widget)
{
  WardPage *self = WARD_PAGE (widget);
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  /* Filled before its children are mapped, so that the first frame that
   * shows the page shows its content. */
  if (priv->stale && priv->store != NULL && WARD_PAGE_GET_CLASS (self)->reload != NULL)
    {
      priv->stale = FALSE;
      WARD_PAGE_GET_CLASS (self)->reload (self);
    }

  GTK_WIDGET_CLASS (ward_page_parent_class)->map (widget);
}

static void clear_pending_read (WardPage *self);

static void
ward_page_dispose (GObject *object)
{
  WardPage *self = (WardPage *) object;
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
  g_cancellable_cancel (priv->read_cancellable);
  g_clear_object (&priv->read_cancellable);
  clear_pending_read (self);

  G_OBJECT_CLASS (ward_page_parent_class)->dispose (object);
}

static void
ward_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WardPage *self = WARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, ward_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WardPage *self = WARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ward_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_page_class_init (WardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_page_dispose;
  object_class->get_property = ward_page_get_property;
  object_class->set_property = ward_page_set_property;
  widget_class->map = ward_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ward_page_init (WardPage *self)
{
}

WardStore *
ward_page_get_store (WardPage *self)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  g_return_val_if_fail (WARD_IS_PAGE (self), NULL);
  return priv->store;
}

void
ward_page_set_store (WardPage  *self,
                     WardStore *store)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  g_return_if_fail (WARD_IS_PAGE (self));
  g_return_if_fail (!store || WARD_IS_STORE (store));

  if (priv->store == store)
    return;
  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (store != NULL)
    priv->changed_id = g_signal_connect_object (store, "changed",
                                                G_CALLBACK (on_store_changed_cb), self, 0);
  priv->stale = FALSE;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
ward_page_toast (WardPage   *self,
                 const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

void
ward_page_push_undo (WardPage           *self,
                     const char         *label,
                     const WardUndoKind *kind,
                     gpointer            record)
{
  WardUndoStack *stack = ward_undo_stack_get (GTK_WIDGET (self));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_return_if_fail (WARD_IS_PAGE (self) && kind != NULL);

  if (stack == NULL)
    {
      kind->free_record (record);
      return;
    }
  ward_undo_stack_push (stack, GTK_WIDGET (self), ward_page_get_store (self), label, kind, record);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (label);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The last change, whatever has the focus (Ctrl+Z in a field undoes its
   * typing). */
  adw_toast_set_action_name (toast, "win.undo-change");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
ward_page_show_error (WardPage   *self,
                      const char *heading,
                      GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ward_page_has_action (WardPage   *self,
                      const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  const char *action_name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return TRUE;
  return FALSE;
}

void
ward_preferences_page_clear (AdwPreferencesPage *page)
{
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "ward-groups");

  if (groups == NULL)
    return;
  for (guint i = 0; i < groups->len; i++)
    adw_preferences_page_remove (page, groups->pdata[i]);
  g_ptr_array_set_size (groups, 0);
}

AdwPreferencesGroup *
ward_preferences_page_group (AdwPreferencesPage *page,
                             const char         *title,
                             const char         *description)
{
  GPtrArray *groups = g_object_get_data (G_OBJECT (page), "ward-groups");
  GtkWidget *group = adw_preferences_group_new ();

  if (groups == NULL)
    {
      groups = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (page), "ward-groups", groups, (GDestroyNotify) g_ptr_array_unref);
    }
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

AdwActionRow *
ward_value_row_new (const char *title,
                    const char *subtitle,
                    const char *value,
                    const char *action_name,
                    GVariant   *action_target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      label = gtk_label_new (value);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
      if (action_target != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), action_target);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return ADW_ACTION_ROW (row);
}

void
ward_page_push_edit (WardPage              *self,
                     const char            *name,
                     const WardUndoEditOps *ops,
                     gpointer               before,
                     gpointer               after)
{
  g_autofree char *label = NULL;

  g_return_if_fail (WARD_IS_PAGE (self) && ops != NULL && before != NULL);

  if (after == NULL)
    {
      ops->free_record (before);
      return;
    }
  label = g_strdup_printf (_("Changes to “%s” saved"), name);
  ward_page_push_undo (self, label, &ward_undo_edit_kind, ward_undo_edit_new (ops, before, after));
}

/* ---- Reading on a worker thread ----------------------------------------- */

typedef struct
{
  char             *path;
  WardPageReadFunc  read;
  WardPageShowFunc  show;
  gpointer          data;
  GDestroyNotify    free_data;
} PageRead;

static void
page_read_free (PageRead *page_read)
{
  g_free (page_read->path);
  if (page_read->free_data != NULL)
    page_read->free_data (page_read->data);
  g_free (page_read);
}

static void
page_read_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PageRead *page_read = task_data;
  g_autoptr (GError) error = NULL;
  WardStore *reader = ward_store_open_reader (page_read->path, &error);
  gboolean read = FALSE;

  if (reader != NULL && ward_store_exec (reader, "BEGIN", &error))
    {
      read = page_read->read (reader, page_read->data, &error);
      ward_store_exec (reader, "COMMIT", NULL);
    }
  /* The reader's cache and the read's scratch space handed back before
   * the rows are shown, so that the list's rows do not come on top of
   * them (issue 25). */
  g_clear_object (&reader);
  ward_page_trim_memory ();
  if (read)
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("The file could not be read."));
}

static void
on_page_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (WardPage) self = user_data;
  PageRead *page_read = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  page_read->show (self, page_read->data, error);
  ward_page_trim_memory ();
}

void
ward_page_trim_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
start_read (WardPage *self,
            PageRead *page_read)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);
  g_autoptr (GTask) task = NULL;

  task = g_task_new (NULL, priv->read_cancellable, on_page_read_cb, g_object_ref (self));
  g_task_set_source_tag (task, ward_page_read_in_thread);
  g_task_set_task_data (task, page_read, (GDestroyNotify) page_read_free);
  g_task_run_in_thread (task, page_read_thread);
}

static void
clear_pending_read (WardPage *self)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  ward_after_frame_cancel (&priv->after_frame);
  g_clear_pointer (&priv->pending_read, page_read_free);
}

static void
start_pending_read (gpointer user_data)
{
  WardPage *self = user_data;
  WardPagePrivate *priv = ward_page_get_instance_private (self);

  start_read (self, g_steal_pointer (&priv->pending_read));
}

/* A page on screen starts its read once the frame that shows it (the
 * window's first, or the one after a click in the sidebar) is drawn: on
 * two cores the read and the X server's drawing of that frame would
 * otherwise share the second one, and the frame would wait (issue 25).
 * It shows its spinner meanwhile, as it does while reading. */
void
ward_page_read_in_thread (WardPage         *self,
                          WardPageReadFunc  read,
                          WardPageShowFunc  show,
                          gpointer          data,
                          GDestroyNotify    free_data)
{
  WardPagePrivate *priv = ward_page_get_instance_private (self);
  PageRead *page_read;

  g_return_if_fail (WARD_IS_PAGE (self) && read != NULL && show != NULL);
  g_return_if_fail (priv->store != NULL);

  g_cancellable_cancel (priv->read_cancellable);
  g_clear_object (&priv->read_cancellable);
  priv->read_cancellable = g_cancellable_new ();
  page_read = g_new0 (PageRead, 1);
  page_read->path = g_strdup (ward_store_get_path (priv->store));
  page_read->read = read;
  page_read->show = show;
  page_read->data = data;
  page_read->free_data = free_data;
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      start_read (self, page_read);
      return;
    }
  /* A newer read replaces one still waiting for its frame. */
  g_clear_pointer (&priv->pending_read, page_read_free);
  priv->pending_read = page_read;
  ward_after_frame_schedule (&priv->after_frame, GTK_WIDGET (self), start_pending_read, self);
}
