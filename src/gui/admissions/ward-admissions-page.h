/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_ADMISSIONS_PAGE (ward_admissions_page_get_type ())
G_DECLARE_FINAL_TYPE (WardAdmissionsPage, ward_admissions_page, WARD, ADMISSIONS_PAGE, WardPage)

G_END_DECLS
