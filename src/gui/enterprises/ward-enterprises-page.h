/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_ENTERPRISES_PAGE (ward_enterprises_page_get_type ())
G_DECLARE_FINAL_TYPE (WardEnterprisesPage, ward_enterprises_page, WARD, ENTERPRISES_PAGE, WardPage)

G_END_DECLS
