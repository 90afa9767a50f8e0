/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

#define WARD_TYPE_MEMBERS_PAGE (ward_members_page_get_type ())
G_DECLARE_FINAL_TYPE (WardMembersPage, ward_members_page, WARD, MEMBERS_PAGE, WardPage)

G_END_DECLS
