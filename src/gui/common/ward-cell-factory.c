/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cell-factory"

#include "config.h"

#include "common/ward-cell-factory.h"

typedef void (*BindFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data);

typedef struct
{
  BindFunc bind;
  gpointer user_data;
} CellBind;

/* What a bound cell listens to: kept on the list item. */
typedef struct
{
  GtkSignalListItemFactory *factory;  /* not held: it outlives its cells */
  GObject                  *slot;
  gulong                    handler;
} Bound;

static void
bound_free (gpointer data)
{
  Bound *bound = data;

  g_clear_signal_handler (&bound->handler, bound->slot);
  g_clear_object (&bound->slot);
  g_free (bound);
}

static void
on_slot_changed_cb (GObject     *slot,
                    GtkListItem *list_item)
{
  Bound *bound = g_object_get_data (G_OBJECT (list_item), "ward-cell-bound");
  CellBind *cell = g_object_get_data (G_OBJECT (bound->factory), "ward-cell-bind");

  cell->bind (bound->factory, list_item, cell->user_data);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CellBind                 *cell)
{
  gpointer item = gtk_list_item_get_item (list_item);
  Bound *bound;

  cell->bind (factory, list_item, cell->user_data);
  /* A slot (ward-slot-model.h) says when it shows another row. */
  if (!G_IS_OBJECT (item) || g_signal_lookup ("changed", G_OBJECT_TYPE (item)) == 0)
    return;
  bound = g_new0 (Bound, 1);
  bound->factory = factory;
  bound->slot = g_object_ref (item);
  bound->handler = g_signal_connect (item, "changed", G_CALLBACK (on_slot_changed_cb), list_item);
  g_object_set_data_full (G_OBJECT (list_item), "ward-cell-bound", bound, bound_free);
}

/* Unbound or torn down, the cell no longer follows its slot. */
static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  g_object_set_data (G_OBJECT (list_item), "ward-cell-bound", NULL);
}

GtkListItemFactory *
ward_cell_factory_new (GCallback setup,
                       GCallback bind,
                       gpointer  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellBind *cell = g_new (CellBind, 1);

  g_return_val_if_fail (setup != NULL && bind != NULL, factory);

  cell->bind = (BindFunc) bind;
  cell->user_data = user_data;
  g_object_set_data_full (G_OBJECT (factory), "ward-cell-bind", cell, g_free);
  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), cell);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_unbind_cb), NULL);
  return factory;
}

GtkWidget *
ward_cell_text_new (int   min_chars,
                    int   nat_chars,
                    float xalign)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  return cell;
}

void
ward_cell_text_set (GtkWidget  *cell,
                    const char *text)
{
  g_return_if_fail (GTK_IS_INSCRIPTION (cell));

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}
