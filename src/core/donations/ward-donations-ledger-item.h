/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "donations/ward-donations-ledger.h"

G_BEGIN_DECLS

/* One row of a WardLedgerModel: a light object pointing into the shared
 * entries, so that a list of 100,000 entries does not copy them. */

#define WARD_TYPE_LEDGER_ITEM (ward_ledger_item_get_type ())
G_DECLARE_FINAL_TYPE (WardLedgerItem, ward_ledger_item, WARD, LEDGER_ITEM, GObject)

WardLedgerItem        *ward_ledger_item_new         (WardLedgerEntries *entries,
                                                     guint              index);
WardLedgerEntries     *ward_ledger_item_get_entries (WardLedgerItem    *self);
guint                  ward_ledger_item_get_index   (WardLedgerItem    *self);
const WardLedgerEntry *ward_ledger_item_get_entry   (WardLedgerItem    *self);

G_END_DECLS
