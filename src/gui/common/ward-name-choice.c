/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-name-choice"

#include "config.h"

#include "common/ward-name-choice.h"
#include "names/ward-names.h"

/* A second without a key: what is typed next is a new name. */
#define TYPE_AHEAD_PAUSE_US (1000 * 1000)

typedef struct
{
  GString *typed;
  gint64   last_key;
} TypeAhead;

static void
type_ahead_free (TypeAhead *state)
{
  g_string_free (state->typed, TRUE);
  g_free (state);
}

static GListModel *
model_of (GtkWidget *chooser)
{
  if (GTK_IS_DROP_DOWN (chooser))
    return gtk_drop_down_get_model (GTK_DROP_DOWN (chooser));
  return adw_combo_row_get_model (ADW_COMBO_ROW (chooser));
}

static void
choose (GtkWidget *chooser,
        guint      position)
{
  if (GTK_IS_DROP_DOWN (chooser))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), position);
  else
    adw_combo_row_set_selected (ADW_COMBO_ROW (chooser), position);
}

/* The position of the first name, in the list's order, that what was
 * typed begins, by the rule of known names; GTK_INVALID_LIST_POSITION. */
static guint
find_typed (GListModel *model,
            const char *typed)
{
  g_autoptr (WardNames) names = ward_names_new ();
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  const char *found;

  if (model == NULL || !GTK_IS_STRING_LIST (model))
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n; i++)
    ward_names_add (names, gtk_string_list_get_string (GTK_STRING_LIST (model), i), TRUE);
  found = ward_names_complete (names, typed);
  for (guint i = 0; found != NULL && i < n; i++)
    if (ward_names_same (gtk_string_list_get_string (GTK_STRING_LIST (model), i), found))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The keys of the open list are its own. */
static gboolean
in_open_list (GtkWidget *chooser)
{
  GtkRoot *root = gtk_widget_get_root (chooser);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TypeAhead             *type_ahead)
{
  GtkWidget *chooser = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gunichar c = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  guint position;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || c == 0
      || !g_unichar_isprint (c) || in_open_list (chooser))
    return FALSE;
  if (now - type_ahead->last_key > TYPE_AHEAD_PAUSE_US)
    g_string_truncate (type_ahead->typed, 0);
  if (c == ' ' && type_ahead->typed->len == 0)
    return FALSE;
  type_ahead->last_key = now;
  g_string_append_unichar (type_ahead->typed, c);
  position = find_typed (model_of (chooser), type_ahead->typed->str);
  if (position != GTK_INVALID_LIST_POSITION)
    choose (chooser, position);
  else
    gtk_widget_error_bell (chooser);
  return TRUE;
}

void
ward_name_choice_install (GtkWidget *chooser)
{
  GtkEventController *keys;
  TypeAhead *type_ahead;

  g_return_if_fail (GTK_IS_DROP_DOWN (chooser) || ADW_IS_COMBO_ROW (chooser));

  type_ahead = g_new0 (TypeAhead, 1);
  type_ahead->typed = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (chooser), "ward-name-choice", type_ahead,
                          (GDestroyNotify) type_ahead_free);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), type_ahead);
  gtk_widget_add_controller (chooser, keys);
}
