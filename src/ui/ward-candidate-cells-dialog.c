/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-cells-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-candidate-cells-dialog.h"
#include "ward-candidates.h"

/* The same shape as the units dialog (ward-units-dialog.c), over the chi bộ
 * list. */

struct _WardCandidateCellsDialog
{
  AdwWindow    parent_instance;

  WardStore   *store;

  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  AdwEntryRow *new_row;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (WardCandidateCellsDialog, ward_candidate_cells_dialog, ADW_TYPE_WINDOW)

static void
show_error (WardCandidateCellsDialog *self,
            const char               *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gint64
row_cell_id (GtkWidget *widget)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (widget), "ward-id");
}

static void
on_rename_apply_cb (AdwEntryRow              *row,
                    WardCandidateCellsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!ward_party_cell_rename (self->store, row_cell_id (GTK_WIDGET (row)),
                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  show_error (self, NULL);
}

static void
on_remove_clicked_cb (GtkButton                *button,
                      WardCandidateCellsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!ward_party_cell_remove (self->store, row_cell_id (GTK_WIDGET (button)), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

static void
on_new_row_apply_cb (WardCandidateCellsDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (ward_party_cell_add (self->store, gtk_editable_get_text (GTK_EDITABLE (self->new_row)), &error) == 0)
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
set_cell_id (GtkWidget *widget,
             gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "ward-id", g_memdup2 (&id, sizeof id), g_free);
}

static GtkWidget *
cell_row_new (WardCandidateCellsDialog *self,
              WardPartyCell            *cell)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *uses = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), cell->name);

  if (cell->n_candidates == 0)
    uses = g_strdup (_("No candidates"));
  else
    uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d candidate", "%d candidates",
                                         cell->n_candidates), cell->n_candidates);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uses);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), cell->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, cell->name, -1);
  set_cell_id (row, cell->id);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_rename_apply_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  /* A chi bộ with candidates stays: core refuses, and the button says so
   * by being off. */
  gtk_widget_set_sensitive (remove, cell->n_candidates == 0);
  set_cell_id (remove, cell->id);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static void
reload (WardCandidateCellsDialog *self)
{
  g_autoptr (GPtrArray) cells = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  cells = ward_party_cells_load (self->store, &error);
  if (cells == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < cells->len; i++)
    gtk_list_box_append (self->list, cell_row_new (self, cells->pdata[i]));
}

static void
on_store_changed_cb (WardStore                *store,
                     const char               *table,
                     WardCandidateCellsDialog *self)
{
  static const char * const tables[] = { "party_cells", "candidates", NULL };

  if (g_strv_contains (tables, table))
    reload (self);
}

static void
ward_candidate_cells_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_CANDIDATE_CELLS_DIALOG);

  G_OBJECT_CLASS (ward_candidate_cells_dialog_parent_class)->dispose (object);
}

static void
ward_candidate_cells_dialog_finalize (GObject *object)
{
  WardCandidateCellsDialog *self = WARD_CANDIDATE_CELLS_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ward_candidate_cells_dialog_parent_class)->finalize (object);
}

static void
ward_candidate_cells_dialog_class_init (WardCandidateCellsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_candidate_cells_dialog_dispose;
  object_class->finalize = ward_candidate_cells_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/ward-candidate-cells-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardCandidateCellsDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateCellsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateCellsDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateCellsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_new_row_apply_cb);
}

static void
ward_candidate_cells_dialog_init (WardCandidateCellsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WardCandidateCellsDialog *
ward_candidate_cells_dialog_new (GtkWindow *parent,
                                 WardStore *store)
{
  WardCandidateCellsDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = g_object_new (WARD_TYPE_CANDIDATE_CELLS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  reload (self);
  return self;
}
