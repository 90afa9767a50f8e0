/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-name-list-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-name-list-dialog.h"

struct _WardNameListDialog
{
  AdwWindow               parent_instance;

  WardStore              *store;
  const WardNameListKind *kind;

  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  AdwPreferencesGroup    *add_group;
  AdwEntryRow            *new_row;
  AdwPreferencesGroup    *list_group;
  GtkListBox             *list;
};

G_DEFINE_FINAL_TYPE (WardNameListDialog, ward_name_list_dialog, ADW_TYPE_WINDOW)

static void
show_error (WardNameListDialog *self,
            const char         *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gint64
row_name_id (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "ward-id");
}

static void
set_name_id (GtkWidget *widget,
             gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "ward-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
apply_wording (WardNameListDialog *self)
{
  const WardNameListKind *kind = self->kind;

  gtk_window_set_title (GTK_WINDOW (self), _(kind->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(kind->title), -1);
  adw_preferences_group_set_title (self->add_group, _(kind->add_title));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _(kind->new_name_title));
  adw_preferences_group_set_title (self->list_group, _(kind->list_title));
  adw_preferences_group_set_description (self->list_group, _(kind->list_description));
}

static void
on_rename_apply_cb (AdwEntryRow        *row,
                    WardNameListDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->kind->rename (self->store, self->kind->data, row_name_id (GTK_WIDGET (row)),
                           gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  show_error (self, NULL);
}

static void
on_remove_clicked_cb (GtkButton          *button,
                      WardNameListDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->kind->remove (self->store, self->kind->data, row_name_id (GTK_WIDGET (button)), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

static void
on_new_row_apply_cb (WardNameListDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (self->kind->add (self->store, self->kind->data,
                       gtk_editable_get_text (GTK_EDITABLE (self->new_row)), &error) == 0)
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_row), "error");
      return;
    }
  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
}

static GtkWidget *
name_row_new (WardNameListDialog      *self,
              const WardNameListEntry *entry)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *uses = self->kind->describe_uses (entry->n_uses);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), entry->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uses);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), entry->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->name, -1);
  set_name_id (row, entry->id);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_rename_apply_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  /* A name in use stays: core refuses, and the button says so by being off. */
  gtk_widget_set_sensitive (remove, entry->n_uses == 0);
  set_name_id (remove, entry->id);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
reload (WardNameListDialog *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  items = self->kind->load (self->store, self->kind->data, &error);
  if (items == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      WardNameListEntry entry;

      self->kind->read_entry (items->pdata[i], &entry);
      gtk_list_box_append (self->list, name_row_new (self, &entry));
    }
}

static void
on_store_changed_cb (WardStore          *store,
                     const char         *table,
                     WardNameListDialog *self)
{
  if (g_strv_contains (self->kind->tables, table))
    reload (self);
}

static void
ward_name_list_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_NAME_LIST_DIALOG);

  G_OBJECT_CLASS (ward_name_list_dialog_parent_class)->dispose (object);
}

static void
ward_name_list_dialog_finalize (GObject *object)
{
  WardNameListDialog *self = WARD_NAME_LIST_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ward_name_list_dialog_parent_class)->finalize (object);
}

static void
ward_name_list_dialog_class_init (WardNameListDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_name_list_dialog_dispose;
  object_class->finalize = ward_name_list_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/common/ward-name-list-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, WardNameListDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_new_row_apply_cb);
}

static void
ward_name_list_dialog_init (WardNameListDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GPtrArray *
ward_name_list_plain_load (WardStore     *store,
                           gconstpointer  data,
                           GError       **error)
{
  return ((const WardNameListPlain *) data)->load (store, error);
}

gint64
ward_name_list_plain_add (WardStore     *store,
                          gconstpointer  data,
                          const char    *name,
                          GError       **error)
{
  return ((const WardNameListPlain *) data)->add (store, name, error);
}

gboolean
ward_name_list_plain_rename (WardStore     *store,
                             gconstpointer  data,
                             gint64         id,
                             const char    *name,
                             GError       **error)
{
  return ((const WardNameListPlain *) data)->rename (store, id, name, error);
}

gboolean
ward_name_list_plain_remove (WardStore     *store,
                             gconstpointer  data,
                             gint64         id,
                             GError       **error)
{
  return ((const WardNameListPlain *) data)->remove (store, id, error);
}

WardNameListDialog *
ward_name_list_dialog_new (GtkWindow              *parent,
                           WardStore              *store,
                           const WardNameListKind *kind)
{
  WardNameListDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (WARD_TYPE_NAME_LIST_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  apply_wording (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  reload (self);
  return self;
}
