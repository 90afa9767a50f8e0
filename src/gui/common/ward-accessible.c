/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-accessible.h"

static char *
item_text (AdwComboRow *row,
           gpointer     item)
{
  GtkExpression *expression = adw_combo_row_get_expression (row);
  g_auto (GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value)
      && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return NULL;
}

static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = box != NULL ? gtk_widget_get_last_child (box) : NULL;

  if (GTK_IS_IMAGE (check))
    gtk_widget_set_opacity (check, gtk_list_item_get_position (item) == adw_combo_row_get_selected (row));
}

static GtkWidget *
item_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
on_current_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AdwComboRow              *row)
{
  gtk_list_item_set_child (item, item_box_new ());
}

static void
on_popup_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   AdwComboRow              *row)
{
  GtkWidget *box = item_box_new ();

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_check), item, 0);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *row_widget = gtk_widget_get_parent (box);
  g_autofree char *text = item_text (row, gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  update_check (row, NULL, item);
  /* The widget that holds the child is the list item screen readers see. */
  if (row_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                    -1);
}

static GtkListItemFactory *
factory_new (AdwComboRow *row,
             GCallback    setup)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, row, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), row, 0);

  return factory;
}

void
ward_combo_row_name_items (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) current = NULL;
  g_autoptr (GtkListItemFactory) popup = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  current = factory_new (row, G_CALLBACK (on_current_setup_cb));
  popup = factory_new (row, G_CALLBACK (on_popup_setup_cb));
  adw_combo_row_set_factory (row, current);
  adw_combo_row_set_list_factory (row, popup);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The title of the header bar that opens the box holding @widget. */
static const char *
subpage_title (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *first = gtk_widget_get_first_child (w);
      GtkWidget *title = NULL;

      if (ADW_IS_HEADER_BAR (first))
        title = adw_header_bar_get_title_widget (ADW_HEADER_BAR (first));
      else if (GTK_IS_HEADER_BAR (first))
        title = gtk_header_bar_get_title_widget (GTK_HEADER_BAR (first));
      if (ADW_IS_WINDOW_TITLE (title))
        return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
    }
  return NULL;
}

void
ward_accessible_name_adw_internals (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SEARCH_ENTRY (root))
    set_label (root, _("Search"));
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
           && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "go-previous-symbolic") == 0)
    set_label (root, _("Back"));
  else if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
           && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))))
    set_label (root, gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))));
  else if (GTK_IS_TEXT_VIEW (root))
    {
      const char *title = subpage_title (root);

      if (title != NULL && *title != '\0')
        set_label (root, title);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ward_accessible_name_adw_internals (child);
}
