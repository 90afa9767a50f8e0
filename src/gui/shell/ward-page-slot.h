/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-page.h"

G_BEGIN_DECLS

/* The place of one page in the window's stack. The page itself is built the
 * first time it is shown: six pages with their lists cost a window started
 * on the overview a third of its time to first frame. */
#define WARD_TYPE_PAGE_SLOT (ward_page_slot_get_type ())
G_DECLARE_FINAL_TYPE (WardPageSlot, ward_page_slot, WARD, PAGE_SLOT, GtkWidget)

/* The page, or NULL while it has not been shown. */
WardPage *ward_page_slot_get_page    (WardPageSlot *self);
/* The page, built now (of the slot's page-type, on @store) if need be. */
WardPage *ward_page_slot_ensure_page (WardPageSlot *self,
                                      WardStore    *store);

G_END_DECLS
