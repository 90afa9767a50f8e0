/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-list-chain"

#include "config.h"

#include <string.h>

#include "common/ward-list-chain.h"

void
ward_list_chain_build_models (WardListChain      *chain,
                              WardRowModel       *rows,
                              GtkFilter          *filter,
                              GtkSorter          *sorter,
                              WardListChainFlags  flags)
{
  g_return_if_fail (chain != NULL && chain->selection == NULL);
  g_return_if_fail (WARD_IS_ROW_MODEL (rows) && GTK_IS_FILTER (filter));

  chain->filter_model = ward_filter_model_new (g_object_ref (G_LIST_MODEL (rows)),
                                               g_object_ref (filter),
                                               sorter != NULL ? g_object_ref (sorter) : NULL);
  chain->slot_model = ward_slot_model_new (g_object_ref (G_LIST_MODEL (chain->filter_model)));
  chain->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (chain->slot_model)));
  ward_slot_model_keep_selection (chain->slot_model, chain->selection);
  /* A new selection picks its first row: nothing is, until the clerk does. */
  gtk_single_selection_set_autoselect (chain->selection, FALSE);
  gtk_single_selection_set_selected (chain->selection, GTK_INVALID_LIST_POSITION);
  if (flags & WARD_LIST_CHAIN_CAN_UNSELECT)
    gtk_single_selection_set_can_unselect (chain->selection, TRUE);
}

void
ward_list_chain_build (WardListChain      *chain,
                       WardRowModel       *rows,
                       GtkFilter          *filter,
                       GtkColumnView      *view,
                       WardListChainFlags  flags)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  ward_list_chain_build_models (chain, rows, filter, gtk_column_view_get_sorter (view), flags);
  ward_slot_model_pace_with (chain->slot_model, GTK_WIDGET (view));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (chain->selection));
}

void
ward_list_chain_clear (WardListChain *chain,
                       gpointer       listener)
{
  g_return_if_fail (chain != NULL);

  if (chain->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (chain->filter_model, listener);
  if (chain->selection != NULL)
    g_signal_handlers_disconnect_by_data (chain->selection, listener);
  g_clear_object (&chain->selection);
  g_clear_object (&chain->slot_model);
  g_clear_object (&chain->filter_model);
}

gconstpointer
ward_list_chain_get_row (WardListChain *chain,
                         guint          position)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (chain != NULL && chain->selection != NULL, NULL);

  /* The model keeps its items and the rows they point at. */
  item = g_list_model_get_item (G_LIST_MODEL (chain->selection), position);
  return item != NULL ? ward_row_item_get_row (WARD_ROW_ITEM (item)) : NULL;
}

gconstpointer
ward_list_chain_get_selected (WardListChain *chain)
{
  gpointer item;

  g_return_val_if_fail (chain != NULL && chain->selection != NULL, NULL);

  item = gtk_single_selection_get_selected_item (chain->selection);
  return item != NULL ? ward_row_item_get_row (WARD_ROW_ITEM (item)) : NULL;
}

static GtkWidget *
list_view_of (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_VIEW (c))
      return c;
  return NULL;
}

gboolean
ward_list_chain_select_id (WardListChain *chain,
                           GtkColumnView *view,
                           gint64         id)
{
  WardRows *rows;
  guint n;

  g_return_val_if_fail (chain != NULL && chain->selection != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  /* The rows themselves: asking the selection for each would make a slot
   * and an item for every row passed. */
  rows = ward_row_model_get_rows (WARD_ROW_MODEL (ward_filter_model_get_model (chain->filter_model)));
  n = g_list_model_get_n_items (G_LIST_MODEL (chain->filter_model));
  for (guint i = 0; i < n; i++)
    {
      const gint64 *row = ward_rows_get (rows, ward_filter_model_get_model_position (chain->filter_model, i));
      GtkWidget *list = list_view_of (GTK_WIDGET (view));

      if (*row != id)
        continue;
      ward_slot_model_fill (chain->slot_model);
      gtk_single_selection_set_selected (chain->selection, i);
      /* GtkColumnView scrolls to a row from GTK 4.12 on; its list view's
       * own action does in 4.8. */
      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", i);
      return TRUE;
    }
  return FALSE;
}

GtkFilterChange
ward_search_change (const char *before,
                    const char *now)
{
  if (strstr (now, before) != NULL)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (strstr (before, now) != NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}
