/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_PROGRAMME_PAGE (ward_programme_page_get_type ())
G_DECLARE_FINAL_TYPE (WardProgrammePage, ward_programme_page, WARD, PROGRAMME_PAGE, WardPage)

G_END_DECLS
