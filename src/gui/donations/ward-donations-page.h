/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_DONATIONS_PAGE (ward_donations_page_get_type ())
G_DECLARE_FINAL_TYPE (WardDonationsPage, ward_donations_page, WARD, DONATIONS_PAGE, WardPage)

/* What the check of the ledger's chain found when the file opened: the
 * findings in plain words above the entries, or nothing when
 * @chain_error is NULL. */
void ward_donations_page_show_chain (WardDonationsPage *self,
                                     const GError      *chain_error,
                                     GPtrArray         *report);

G_END_DECLS
