/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The changes the clerk can take back with Ctrl+Z, and make again with
 * Ctrl+Shift+Z, for as long as the window is open: each page's deletes,
 * through the core's own delete and restore functions. One stack per
 * window, shared by its pages. */
typedef struct
{
  /* Puts the change back: the deleted @record restored. */
  gboolean       (*undo)        (WardStore *store,
                                 gpointer   record,
                                 GError   **error);
  /* Makes it again: the record deleted again; *@record may be replaced by
   * what the delete gives back. */
  gboolean       (*redo)        (WardStore *store,
                                 gpointer  *record,
                                 GError   **error);
  GDestroyNotify   free_record;
  /* Optional: shows the record put back, selected, on @owner (the page
   * that made the change). */
  void           (*show)        (GtkWidget *owner,
                                 gpointer   record);
} WardUndoKind;

/* An edit of a record, put back as it was: the record's own save
 * function stores a whole copy of it, before or after the edit. */
typedef struct
{
  gboolean       (*save)        (WardStore *store,
                                 gpointer   record,
                                 GError   **error);
  GDestroyNotify   free_record;
  /* Optional: shows the record, selected, on the page that edited it. */
  void           (*show)        (GtkWidget *owner,
                                 gpointer   record);
} WardUndoEditOps;

/* The change for an edit: Ctrl+Z stores @before again, Ctrl+Shift+Z
 * @after. Takes both; give it to ward_undo_stack_push() (or
 * ward_page_push_undo()) with ward_undo_edit_kind. */
gpointer       ward_undo_edit_new    (const WardUndoEditOps *ops,
                                      gpointer               before,
                                      gpointer               after);
extern const WardUndoKind ward_undo_edit_kind;

typedef struct _WardUndoStack WardUndoStack;

/* The stack of @widget's window, made the first time it is asked for;
 * NULL when @widget is in no window. */
WardUndoStack *ward_undo_stack_get   (GtkWidget          *widget);

/* A change just made in @store by @owner; @label says it ("“X” deleted").
 * Takes @record; forgets what was undone before. */
void           ward_undo_stack_push  (WardUndoStack      *self,
                                      GtkWidget          *owner,
                                      WardStore          *store,
                                      const char         *label,
                                      const WardUndoKind *kind,
                                      gpointer            record);
/* Takes back the last change (or makes again the last one taken back).
 * FALSE with @error NULL when there is none; *@label the change's label. */
gboolean       ward_undo_stack_undo  (WardUndoStack      *self,
                                      const char        **label,
                                      GError            **error);
gboolean       ward_undo_stack_redo  (WardUndoStack      *self,
                                      const char        **label,
                                      GError            **error);
/* Another file is open: the changes of the one before cannot be undone. */
void           ward_undo_stack_clear (WardUndoStack      *self);

/* The window's actions: "win.undo" (Ctrl+Z) and "win.redo" (Ctrl+Shift+Z),
 * which leave a text field's own typing to the field when it has the
 * focus, and "win.undo-change", the Undo of a toast. What was undone is
 * said in a toast of the window's AdwToastOverlay. */
void           ward_undo_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
