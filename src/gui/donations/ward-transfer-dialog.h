/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "donations/ward-donations-campaign.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_TRANSFER_DIALOG (ward_transfer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardTransferDialog, ward_transfer_dialog, WARD, TRANSFER_DIALOG, AdwWindow)

/* Transfer Upward: money of @campaign handed to the body above (the
 * receiver of the campaign is filled in). @on_hand is shown for reference;
 * the ledger refuses a transfer larger than the money on hand.
 * ::recorded (entry id, a sentence for a toast) follows. */
WardTransferDialog *ward_transfer_dialog_new (GtkWindow          *parent,
                                              WardStore          *store,
                                              const WardCampaign *campaign,
                                              gint64              on_hand);

G_END_DECLS
