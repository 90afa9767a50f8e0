/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "common/ward-filter-model.h"
#include "common/ward-slot-model.h"
#include "store/ward-store-row-model.h"

G_BEGIN_DECLS

/* The models between a list page's rows and its column view, built alike
 * on the admissions, enterprises and donations pages: the rows (a
 * WardRowModel), sorted by the column view's sorter and filtered in one
 * model (a new search never sorts again), then selected one at a time,
 * nothing selected until the clerk picks a row. The page listens to
 * filter_model for what is shown; it filters the whole list at once, in a
 * few milliseconds for 100,000 rows (ward-filter-model.h). The selection
 * holds the rows as slots (ward-slot-model.h), so that a search keeps the
 * row widgets on screen: the pages' cells come from ward_cell_factory_new()
 * and the record selected stays selected where it moves (or nothing is,
 * when it is no longer shown). */
typedef struct
{
  WardFilterModel    *filter_model;
  WardSlotModel      *slot_model;
  GtkSingleSelection *selection;
} WardListChain;

typedef enum
{
  WARD_LIST_CHAIN_DEFAULT      = 0,
  WARD_LIST_CHAIN_CAN_UNSELECT = 1 << 1,
} WardListChainFlags;

void             ward_list_chain_build  (WardListChain      *chain,
                                         WardRowModel       *rows,
                                         GtkFilter          *filter,
                                         GtkColumnView      *view,
                                         WardListChainFlags  flags);
/* The same models without a view, sorted by @sorter (may be NULL): for
 * the tests. */
void             ward_list_chain_build_models (WardListChain      *chain,
                                               WardRowModel       *rows,
                                               GtkFilter          *filter,
                                               GtkSorter          *sorter,
                                               WardListChainFlags  flags);
/* Call first in the page's dispose, before its template's widgets go: the
 * models still filtering would otherwise tell @listener (the page, whose
 * handlers they call) of their last changes, and it would write into
 * widgets already gone. */
void             ward_list_chain_clear  (WardListChain      *chain,
                                         gpointer            listener);

/* The row shown at @position (as a row-activated signal gives it), and the
 * row selected: a WardCandidateRow, a WardEnterpriseRow, a WardLedgerEntry;
 * NULL for none. */
gconstpointer    ward_list_chain_get_row      (WardListChain *chain,
                                               guint          position);
gconstpointer    ward_list_chain_get_selected (WardListChain *chain);

/* Selects the row shown whose id (a row's first member, as every row type
 * of the three lists has it) is @id, and scrolls @view to it: a record
 * just saved is where the clerk sees it. FALSE when it is not shown (yet:
 * a filter may still be running, or it may not match the search). */
gboolean         ward_list_chain_select_id    (WardListChain *chain,
                                               GtkColumnView *view,
                                               gint64         id);

/* How a search changes what its filter lets through, from the folded text
 * searched before to the one searched now: typing on narrows the list, so
 * that only the rows shown are looked at again; deleting widens it. */
GtkFilterChange  ward_search_change     (const char         *before,
                                         const char         *now);

G_END_DECLS
