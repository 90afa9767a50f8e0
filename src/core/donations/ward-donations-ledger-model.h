/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "donations/ward-donations-ledger-item.h"

G_BEGIN_DECLS

/* A GListModel of WardLedgerItems over one WardLedgerEntries. Items are
 * made on first request and kept, so that sort and filter models and the
 * selection see the same object for a row. */

#define WARD_TYPE_LEDGER_MODEL (ward_ledger_model_get_type ())
G_DECLARE_FINAL_TYPE (WardLedgerModel, ward_ledger_model, WARD, LEDGER_MODEL, GObject)

WardLedgerModel   *ward_ledger_model_new         (void);
/* Replaces every row (NULL: none). */
void               ward_ledger_model_set_entries (WardLedgerModel   *self,
                                                  WardLedgerEntries *entries);
WardLedgerEntries *ward_ledger_model_get_entries (WardLedgerModel   *self);

G_END_DECLS
