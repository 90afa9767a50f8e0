/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_DONATIONS_PAGE (ward_donations_page_get_type ())
G_DECLARE_FINAL_TYPE (WardDonationsPage, ward_donations_page, WARD, DONATIONS_PAGE, WardPage)

G_END_DECLS
