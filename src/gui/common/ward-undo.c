/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-undo.h"

typedef struct
{
  GWeakRef            owner;
  WardStore          *store;
  char               *label;
  const WardUndoKind *kind;
  gpointer            record;
} Change;

struct _WardUndoStack
{
  GPtrArray *done;     /* Change, the last made last */
  GPtrArray *undone;   /* Change, the last undone last */
};

static void
change_free (Change *change)
{
  g_weak_ref_clear (&change->owner);
  g_object_unref (change->store);
  g_free (change->label);
  change->kind->free_record (change->record);
  g_free (change);
}

static void
stack_free (WardUndoStack *self)
{
  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->undone);
  g_free (self);
}

WardUndoStack *
ward_undo_stack_get (GtkWidget *widget)
{
  GtkRoot *root;
  WardUndoStack *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return NULL;
  self = g_object_get_data (G_OBJECT (root), "ward-undo-stack");
  if (self == NULL)
    {
      self = g_new0 (WardUndoStack, 1);
      self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
      self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
      g_object_set_data_full (G_OBJECT (root), "ward-undo-stack", self, (GDestroyNotify) stack_free);
    }
  return self;
}

void
ward_undo_stack_push (WardUndoStack      *self,
                      GtkWidget          *owner,
                      WardStore          *store,
                      const char         *label,
                      const WardUndoKind *kind,
                      gpointer            record)
{
  Change *change;

  g_return_if_fail (self != NULL && WARD_IS_STORE (store) && kind != NULL);

  change = g_new0 (Change, 1);
  g_weak_ref_init (&change->owner, owner);
  change->store = g_object_ref (store);
  change->label = g_strdup (label);
  change->kind = kind;
  change->record = record;
  g_ptr_array_add (self->done, change);
  g_ptr_array_set_size (self->undone, 0);
}

typedef struct
{
  const WardUndoEditOps *ops;
  gpointer               before;
  gpointer               after;
} Edit;

gpointer
ward_undo_edit_new (const WardUndoEditOps *ops,
                    gpointer               before,
                    gpointer               after)
{
  Edit *edit = g_new0 (Edit, 1);

  g_return_val_if_fail (ops != NULL && before != NULL && after != NULL, NULL);

  edit->ops = ops;
  edit->before = before;
  edit->after = after;
  return edit;
}

static gboolean
edit_undo (WardStore *store,
           gpointer   record,
           GError   **error)
{
  Edit *edit = record;

  return edit->ops->save (store, edit->before, error);
}

static gboolean
edit_redo (WardStore *store,
           gpointer  *record,
           GError   **error)
{
  Edit *edit = *record;

  return edit->ops->save (store, edit->after, error);
}

static void
edit_free (gpointer record)
{
  Edit *edit = record;

  edit->ops->free_record (edit->before);
  edit->ops->free_record (edit->after);
  g_free (edit);
}

static void
edit_show (GtkWidget *owner,
           gpointer   record)
{
  Edit *edit = record;

  if (edit->ops->show != NULL)
    edit->ops->show (owner, edit->before);
}

const WardUndoKind ward_undo_edit_kind = {
  edit_undo, edit_redo, edit_free, edit_show,
};

/* Moves the last change of @from to @to once @forward (redo) or not
 * (undo) has been applied to it. */
static gboolean
move_last (GPtrArray   *from,
           GPtrArray   *to,
           gboolean     forward,
           const char **label,
           GError     **error)
{
  Change *change;
  gboolean applied;

  if (from->len == 0)
    return FALSE;
  change = from->pdata[from->len - 1];
  applied = forward ? change->kind->redo (change->store, &change->record, error)
                    : change->kind->undo (change->store, change->record, error);
  if (!applied)
    {
      /* The file moved on (the record added again, say): it cannot be. */
      g_ptr_array_remove_index (from, from->len - 1);
      return FALSE;
    }
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  if (!forward && change->kind->show != NULL)
    {
      g_autoptr (GtkWidget) owner = g_weak_ref_get (&change->owner);

      if (owner != NULL)
        change->kind->show (owner, change->record);
    }
  if (label != NULL)
    *label = change->label;
  return TRUE;
}

gboolean
ward_undo_stack_undo (WardUndoStack  *self,
                      const char    **label,
                      GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return move_last (self->done, self->undone, FALSE, label, error);
}

gboolean
ward_undo_stack_redo (WardUndoStack  *self,
                      const char    **label,
                      GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return move_last (self->undone, self->done, TRUE, label, error);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwToastOverlay *found = find_overlay (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
say (GtkWidget  *window,
     const char *format,
     const char *label)
{
  AdwToastOverlay *overlay = find_overlay (window);
  g_autofree char *text = g_strdup_printf (format, label);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (text));
}

static void
show_error (GtkWidget *window,
            GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The Change Could Not Be Undone"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* TRUE when the focus is in a text field, which undoes its own typing. */
static gboolean
left_to_field (GtkWidget  *window,
               const char *action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL || (!GTK_IS_TEXT (focus) && !GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  gtk_widget_activate_action (focus, action, NULL);
  return TRUE;
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WardUndoStack *self = ward_undo_stack_get (widget);
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autoptr (GError) error = NULL;
  const char *label = NULL;
  gboolean done;

  if (!g_str_equal (action_name, "win.undo-change")
      && left_to_field (widget, redo ? "text.redo" : "text.undo"))
    return;
  done = redo ? ward_undo_stack_redo (self, &label, &error) : ward_undo_stack_undo (self, &label, &error);
  if (done)
    say (widget, redo ? _("Done again: %s") : _("Undone: %s"), label);
  else if (error != NULL)
    show_error (widget, error);
  else
    say (widget, "%s", redo ? _("Nothing to redo") : _("Nothing to undo"));
}

void
ward_undo_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-change", NULL, undo_action_cb);
}

void
ward_undo_stack_clear (WardUndoStack *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
}
