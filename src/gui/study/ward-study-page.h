/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_STUDY_PAGE (ward_study_page_get_type ())
G_DECLARE_FINAL_TYPE (WardStudyPage, ward_study_page, WARD, STUDY_PAGE, WardPage)

G_END_DECLS
