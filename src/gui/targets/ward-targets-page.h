/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_TARGETS_PAGE (ward_targets_page_get_type ())
G_DECLARE_FINAL_TYPE (WardTargetsPage, ward_targets_page, WARD, TARGETS_PAGE, WardPage)

G_END_DECLS
