/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "enterprises/ward-enterprises.h"

G_BEGIN_DECLS

/* The enterprise register as a GListModel for the page's column view: every
 * row loaded with one query into compact structs (WardEnterpriseRows), each
 * item a small object pointing at its row, made on first use and kept. */

#define WARD_TYPE_ENTERPRISE_ITEM (ward_enterprise_item_get_type ())
G_DECLARE_FINAL_TYPE (WardEnterpriseItem, ward_enterprise_item, WARD, ENTERPRISE_ITEM, GObject)

const WardEnterpriseRow *ward_enterprise_item_get_row (WardEnterpriseItem *self);

#define WARD_TYPE_ENTERPRISE_LIST (ward_enterprise_list_get_type ())
G_DECLARE_FINAL_TYPE (WardEnterpriseList, ward_enterprise_list, WARD, ENTERPRISE_LIST, GObject)

WardEnterpriseList *ward_enterprise_list_new      (void);
/* Replaces every item (one ::items-changed). */
void                ward_enterprise_list_set_rows (WardEnterpriseList *self,
                                                   WardEnterpriseRows *rows);
WardEnterpriseRows *ward_enterprise_list_get_rows (WardEnterpriseList *self);

G_END_DECLS
