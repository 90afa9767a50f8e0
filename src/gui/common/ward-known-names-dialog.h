/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/ward-name-list-dialog.h"
#include "names/ward-names.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The lists of groups (tổ dân phố) and collectors the receipt form and
 * the imports choose from: add a name, spell one better, remove one no
 * record uses (ward-names.h). The name list dialog over known_names. */
WardNameListDialog *ward_known_names_dialog_new (GtkWindow    *parent,
                                                 WardStore    *store,
                                                 WardNameKind  kind);

G_END_DECLS
