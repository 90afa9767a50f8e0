/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_RECEIPT_DIALOG (ward_receipt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardReceiptDialog, ward_receipt_dialog, WARD, RECEIPT_DIALOG, AdwWindow)

/* New Receipt: the form of a receipt (biên lai) of @campaign. It shows the
 * amount in words as it is typed, refuses what the ledger refuses with the
 * message beside the field, asks to confirm a large amount, and records
 * the receipt; ::recorded (entry id, a sentence for a toast) follows. */
WardReceiptDialog *ward_receipt_dialog_new (GtkWindow          *parent,
                                            WardStore          *store,
                                            const WardCampaign *campaign);

/* Correct Receipt: the same form filled with @entry, a receipt that
 * stands, its number read-only; Record writes the correction. */
WardReceiptDialog *ward_receipt_dialog_new_correction (GtkWindow             *parent,
                                                       WardStore             *store,
                                                       const WardCampaign    *campaign,
                                                       const WardLedgerEntry *entry);

G_END_DECLS
