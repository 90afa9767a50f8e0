/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-name-entry"

#include "config.h"

#include <string.h>

#include "common/ward-name-entry.h"

gboolean
ward_name_entry_typed_on (AdwEntryRow  *row,
                          char        **typed)
{
  const char *now = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean longer = strlen (now) > (*typed ? strlen (*typed) : 0)
                    && g_str_has_prefix (now, *typed ? *typed : "");

  g_free (*typed);
  *typed = g_strdup (now);
  return longer;
}

/* The name proposed in a row, while its part after what was typed is
 * still there for the next key to replace; made with the row's first
 * proposal, with what listens for the end of one. */
typedef struct
{
  char *text;            /* NULL: no proposal */
  int   kept;            /* the characters typed, before the part proposed */
} Proposal;

static void
proposal_free (Proposal *proposal)
{
  g_free (proposal->text);
  g_free (proposal);
}

static void
drop_proposal (Proposal *proposal)
{
  g_clear_pointer (&proposal->text, g_free);
}

/* The part proposed is a selection, and a GtkText loses its selection
 * whenever another owner takes the X11 or Wayland primary selection:
 * another field or program selecting text, a clipboard manager, or the
 * display server answering our own claims late. The proposed part then
 * stays, unselected, and the next letter typed would go in before it
 * ("Nguyễn V|ăn An" + "a" = "Nguyễn Vaăn An"). So before a key reaches
 * the text, a proposal whose selection was lost, untouched since, is
 * selected again: the key replaces it as it would have. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   Proposal              *proposal)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  GtkEditable *editable = GTK_EDITABLE (row);

  if (proposal->text == NULL || (event != NULL && gdk_key_event_is_modifier (event)))
    return GDK_EVENT_PROPAGATE;
  if (g_str_equal (gtk_editable_get_text (editable), proposal->text)
      && !gtk_editable_get_selection_bounds (editable, NULL, NULL)
      && gtk_editable_get_position (editable) == proposal->kept)
    gtk_editable_select_region (editable, proposal->kept, -1);
  /* A letter replaces the part proposed, and the text's change ends the
   * proposal; any other key (an arrow, Home, Enter) deals with the
   * selection as GTK does, after which the text is the clerk's own. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || !g_unichar_isprint (gdk_keyval_to_unicode (keyval)))
    drop_proposal (proposal);
  return GDK_EVENT_PROPAGATE;
}

static void
on_proposal_changed_cb (AdwEntryRow *row,
                        Proposal    *proposal)
{
  if (proposal->text != NULL && !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), proposal->text))
    drop_proposal (proposal);
}

/* @row's proposal, and what ends it: a change of text, a click (the
 * cursor put where the clerk points), leaving the field. */
static Proposal *
proposal_of (AdwEntryRow *row)
{
  Proposal *proposal = g_object_get_data (G_OBJECT (row), "ward-name-proposal");
  GtkEventController *key;
  GtkGesture *click;
  GtkEventController *focus;

  if (proposal != NULL)
    return proposal;
  proposal = g_new0 (Proposal, 1);
  g_object_set_data_full (G_OBJECT (row), "ward-name-proposal", proposal,
                          (GDestroyNotify) proposal_free);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), proposal);
  gtk_widget_add_controller (GTK_WIDGET (row), key);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (drop_proposal), proposal);
  gtk_widget_add_controller (GTK_WIDGET (row), GTK_EVENT_CONTROLLER (click));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (drop_proposal), proposal);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);

  g_signal_connect (row, "changed", G_CALLBACK (on_proposal_changed_cb), proposal);
  return proposal;
}

void
ward_name_entry_write_completion (AdwEntryRow *row,
                                  const char  *typed,
                                  const char  *name)
{
  Proposal *proposal;

  if (name == NULL || g_str_equal (name, typed))
    return;
  proposal = proposal_of (row);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_free (proposal->text);
  proposal->text = g_strdup (name);
  proposal->kept = (int) g_utf8_strlen (typed, -1);
  gtk_editable_select_region (GTK_EDITABLE (row), proposal->kept, -1);
}

typedef struct
{
  AdwEntryRow *row;      /* not owned: the state lives on it */
  WardNames   *names;
  char        *typed;
  guint        fill_id;
} NameEntry;

static void
name_entry_free (NameEntry *entry)
{
  g_clear_handle_id (&entry->fill_id, g_source_remove);
  g_clear_pointer (&entry->names, ward_names_free);
  g_free (entry->typed);
  g_free (entry);
}

/* After the field has placed its cursor behind what was typed; only
 * where the clerk types, not a text the form wrote. */
static gboolean
fill_cb (gpointer data)
{
  NameEntry *entry = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry->row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *typed = g_strdup (entry->typed);

  entry->fill_id = 0;
  if (focus != NULL && typed != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry->row)))
    ward_name_entry_write_completion (entry->row, typed, ward_names_complete (entry->names, typed));
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (AdwEntryRow *row,
               NameEntry   *entry)
{
  if (ward_name_entry_typed_on (row, &entry->typed) && entry->fill_id == 0)
    entry->fill_id = g_idle_add (fill_cb, entry);
}

void
ward_name_entry_install (AdwEntryRow  *row,
                         WardStore    *store,
                         WardNameKind  kind)
{
  NameEntry *entry;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (WARD_IS_STORE (store));

  entry = g_new0 (NameEntry, 1);
  entry->row = row;
  entry->names = ward_names_load (store, kind, NULL);
  if (entry->names == NULL)
    entry->names = ward_names_new ();
  /* What the form writes before the clerk types is not typed. */
  entry->typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_object_set_data_full (G_OBJECT (row), "ward-name-entry", entry,
                          (GDestroyNotify) name_entry_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_changed_cb), entry);
}
