/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-form"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-form.h"

typedef struct
{
  GtkWidget *first;
  GtkWidget *save;
  GtkWidget *save_and_next;
  char      *unchanged;      /* the fields' state, as state_of() writes it */
  gboolean   shown;          /* the first field focused once */
} Form;

static void
form_free (Form *form)
{
  g_free (form->unchanged);
  g_free (form);
}

static Form *
form_of (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "ward-form");
}

/* What a person can change in @widget and below, one value after another:
 * texts, choices, switches. Only compared with itself; widgets that hold
 * no value add nothing, so that those GTK builds as the window is shown
 * change nothing. */
static void
append_state (GtkWidget *widget,
              GString   *state)
{
  gboolean holds_value = TRUE;

  if (GTK_IS_TEXT (widget))
    g_string_append (state, gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (state, "%u", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (state, "%u", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_c (state, gtk_switch_get_active (GTK_SWITCH (widget)) ? '1' : '0');
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_c (state, gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)) ? '1' : '0');
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append (state, text);
    }
  else
    holds_value = FALSE;
  if (holds_value)
    g_string_append_c (state, '\x1f');
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    append_state (c, state);
}

static char *
state_of (GtkWindow *window)
{
  GString *state = g_string_new (NULL);

  append_state (GTK_WIDGET (window), state);
  return g_string_free (state, FALSE);
}

/* The text fields a person can type in now, in the form's order. */
static void
collect_fields (GtkWidget *widget,
                GPtrArray *fields)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return;
  if (GTK_IS_TEXT (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    g_ptr_array_add (fields, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_fields (c, fields);
}

static void
save (Form     *form,
      gboolean  and_next)
{
  GtkWidget *button = and_next && form->save_and_next != NULL ? form->save_and_next : form->save;

  if (gtk_widget_is_sensitive (button))
    gtk_widget_activate (button);
}

/* Enter in a text field: the next text field, or, from the last, save. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        modifiers,
                   GtkWindow             *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr (GPtrArray) fields = NULL;
  guint index;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
      || (modifiers & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0
      || !GTK_IS_TEXT (focus))
    return GDK_EVENT_PROPAGATE;
  fields = g_ptr_array_new ();
  collect_fields (GTK_WIDGET (window), fields);
  if (!g_ptr_array_find (fields, focus, &index))
    return GDK_EVENT_PROPAGATE;
  if (index + 1 < fields->len)
    gtk_widget_grab_focus (fields->pdata[index + 1]);
  else
    save (form_of (window), TRUE);
  return GDK_EVENT_STOP;
}

static gboolean
save_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  save (form_of (GTK_WINDOW (widget)), GPOINTER_TO_INT (user_data));
  return TRUE;
}

static void
destroy_cb (gpointer data)
{
  g_autoptr (GtkWindow) window = data;

  gtk_window_destroy (window);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GtkWindow        *window)
{
  /* Once the question has finished answering: it goes with the form. */
  if (g_str_equal (response, "discard"))
    g_idle_add_once (destroy_cb, g_object_ref (window));
}

static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  GtkWindow *window = GTK_WINDOW (widget);
  GtkWidget *dialog;

  if (!ward_form_is_changed (window))
    {
      gtk_window_close (window);
      return TRUE;
    }
  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("What was typed in this form has not been saved and will be lost."));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Discard Changes?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_mapped_cb (GtkWindow *window)
{
  Form *self = form_of (window);

  if (!self->shown)
    gtk_widget_grab_focus (self->first);
  self->shown = TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *triggers,
              GtkShortcutFunc        callback,
              gpointer               data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers),
                                                          gtk_callback_action_new (callback, data, NULL)));
}

static void
add_controllers (GtkWindow *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Before the field itself, which would take Enter as "activate". */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), window, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);

  /* After an open drop-down, which closes on its own Escape. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>s", save_cb, GINT_TO_POINTER (FALSE));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Return|<Control>KP_Enter",
                save_cb, GINT_TO_POINTER (TRUE));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "Escape", close_cb, NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

void
ward_form_install (GtkWindow *form,
                   GtkWidget *first,
                   GtkWidget *save,
                   GtkWidget *save_and_next)
{
  Form *self;

  g_return_if_fail (GTK_IS_WINDOW (form));
  g_return_if_fail (GTK_IS_WIDGET (first) && GTK_IS_WIDGET (save));
  g_return_if_fail (form_of (form) == NULL);

  self = g_new0 (Form, 1);
  self->first = first;
  self->save = save;
  self->save_and_next = save_and_next;
  g_object_set_data_full (G_OBJECT (form), "ward-form", self, (GDestroyNotify) form_free);
  add_controllers (form);
  ward_form_mark_unchanged (form);
  /* Once on screen: focused before, a GTK 4.8 window no longer tells AT-SPI
   * that it is showing, and is no longer a frame. */
  g_signal_connect_after (form, "map", G_CALLBACK (on_mapped_cb), NULL);
}

void
ward_form_mark_field (GtkWidget  *field,
                      const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
ward_form_mark_unchanged (GtkWindow *form)
{
  Form *self = form_of (form);

  g_return_if_fail (self != NULL);

  g_free (self->unchanged);
  self->unchanged = state_of (form);
}

gboolean
ward_form_is_changed (GtkWindow *form)
{
  Form *self = form_of (form);
  g_autofree char *now = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  now = state_of (form);
  return g_strcmp0 (now, self->unchanged) != 0;
}
