/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "donations/ward-donations-campaign.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_CORRECTION_DIALOG (ward_correction_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardCorrectionDialog, ward_correction_dialog, WARD, CORRECTION_DIALOG, AdwWindow)

/* Reverse Entry: records a correction (đảo bút toán) of the entry @entry_id
 * of @campaign, with its date and reason. @title names the entry ("Receipt
 * no. 12") and @summary says what it holds ("Nguyễn Văn An · 1.250.000 đ ·
 * 18/09/2025"). ::recorded (entry id, a sentence for a toast) follows. */
WardCorrectionDialog *ward_correction_dialog_new (GtkWindow          *parent,
                                                  WardStore          *store,
                                                  const WardCampaign *campaign,
                                                  gint64              entry_id,
                                                  const char         *title,
                                                  const char         *summary);

G_END_DECLS
