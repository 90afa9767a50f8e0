/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_CAMPAIGN_DIALOG (ward_campaign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardCampaignDialog, ward_campaign_dialog, WARD, CAMPAIGN_DIALOG, AdwWindow)

/* New Campaign: a donation campaign the ward starts, beside those the file
 * holds. The form is checked by core (ward_campaign_add); a refusal shows
 * in the form, at its field. ::created (the new campaign's id, a sentence
 * for a toast) follows, and the dialog closes. */
WardCampaignDialog *ward_campaign_dialog_new (GtkWindow *parent,
                                              WardStore *store);

G_END_DECLS
