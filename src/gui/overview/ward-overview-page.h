/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_OVERVIEW_PAGE (ward_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (WardOverviewPage, ward_overview_page, WARD, OVERVIEW_PAGE, WardPage)

G_END_DECLS
