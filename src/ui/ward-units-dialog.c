/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-units-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-units.h"
#include "ward-units-dialog.h"

struct _WardUnitsDialog
{
  AdwWindow    parent_instance;

  WardStore   *store;

  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  AdwEntryRow *new_row;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (WardUnitsDialog, ward_units_dialog, ADW_TYPE_WINDOW)

static void
show_error (WardUnitsDialog *self,
            const char      *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gint64
row_unit_id (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "ward-id");
}

static void
on_rename_apply_cb (AdwEntryRow     *row,
                    WardUnitsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!ward_units_rename (self->store, row_unit_id (GTK_WIDGET (row)),
                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  show_error (self, NULL);
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      WardUnitsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!ward_units_remove (self->store, row_unit_id (GTK_WIDGET (button)), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

static void
on_new_row_apply_cb (WardUnitsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (ward_units_add (self->store, gtk_editable_get_text (GTK_EDITABLE (self->new_row)), &error) == 0)
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_row), "error");
      return;
    }
  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
}

static void
set_unit_id (GtkWidget *widget,
             gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "ward-id", g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
unit_row_new (WardUnitsDialog *self,
              WardUnit        *unit)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *uses = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), unit->name);

  if (unit->n_uses == 0)
    uses = g_strdup (_("Not used"));
  else
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used by %d record", "Used by %d records",
                                         unit->n_uses), unit->n_uses);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uses);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), unit->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, unit->name, -1);
  set_unit_id (row, unit->id);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_rename_apply_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  /* Used units stay: core refuses, and the button says so by being off. */
  gtk_widget_set_sensitive (remove, unit->n_uses == 0);
  set_unit_id (remove, unit->id);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
reload (WardUnitsDialog *self)
{
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  units = ward_units_load (self->store, &error);
  if (units == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    gtk_list_box_append (self->list, unit_row_new (self, units->pdata[i]));
}

static void
on_store_changed_cb (WardStore       *store,
                     const char      *table,
                     WardUnitsDialog *self)
{
  static const char * const tables[] = { "units", "programme_items", "programme_item_units", "readings", NULL };

  if (g_strv_contains (tables, table))
    reload (self);
}

static void
ward_units_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_UNITS_DIALOG);

  G_OBJECT_CLASS (ward_units_dialog_parent_class)->dispose (object);
}

static void
ward_units_dialog_finalize (GObject *object)
{
  WardUnitsDialog *self = WARD_UNITS_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ward_units_dialog_parent_class)->finalize (object);
}

static void
ward_units_dialog_class_init (WardUnitsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_units_dialog_dispose;
  object_class->finalize = ward_units_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-units-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardUnitsDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardUnitsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WardUnitsDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, WardUnitsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_new_row_apply_cb);
}

static void
ward_units_dialog_init (WardUnitsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WardUnitsDialog *
ward_units_dialog_new (GtkWindow *parent,
                       WardStore *store)
{
  WardUnitsDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = g_object_new (WARD_TYPE_UNITS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  reload (self);
  return self;
}
