/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "programme/ward-programme.h"

G_BEGIN_DECLS

/* The form of an item of the action programme: new or edited. It checks
 * and stores through core (ward_programme_item_save) and shows a refused
 * value inline, naming the field; on success it emits ::saved with the
 * item's id and closes. */

#define WARD_TYPE_ITEM_DIALOG (ward_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardItemDialog, ward_item_dialog, WARD, ITEM_DIALOG, AdwWindow)

/* @item: the item to edit (copied), or NULL for a new one in
 * @default_group_id. */
WardItemDialog *ward_item_dialog_new (GtkWindow               *parent,
                                      WardStore               *store,
                                      const WardProgrammeItem *item,
                                      gint64                   default_group_id);
/* The item as the form opened it (id 0 for a new one). */
const WardProgrammeItem *ward_item_dialog_get_item (WardItemDialog *self);

G_END_DECLS
