/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "donations/ward-donations-ledger.h"
#include "store/ward-store-row-model.h"

G_BEGIN_DECLS

#define WARD_TYPE_LEDGER_LIST (ward_ledger_list_get_type ())
G_DECLARE_FINAL_TYPE (WardLedgerList, ward_ledger_list, WARD, LEDGER_LIST, AdwBin)

/* The ledger's entries in a column view (date, receipt number, donor,
 * group, amount, method, what the entry is), sortable by every column and
 * filtered by a search that folds case and tone marks, by group and by
 * method; smooth with 100,000 entries. ::selection-changed follows a new
 * selection. */
void            ward_ledger_list_set_entries  (WardLedgerList    *self,
                                               WardLedgerEntries *entries);
/* No entries, and a spinner in their place, until ward_ledger_list_set_entries(). */
void            ward_ledger_list_set_loading   (WardLedgerList    *self);
/* The selected row, or NULL. */
WardRowItem *ward_ledger_list_get_selected (WardLedgerList    *self);
void            ward_ledger_list_focus_search (WardLedgerList    *self);

G_END_DECLS
