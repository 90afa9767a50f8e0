/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"
#include "study/ward-study.h"

G_BEGIN_DECLS

#define WARD_TYPE_PARTY_MEMBER_DIALOG (ward_party_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardPartyMemberDialog, ward_party_member_dialog, WARD, PARTY_MEMBER_DIALOG,
                      AdwWindow)

/* A member of the roster, added (@member_id 0) or edited: the name and
 * birth date, the chi bộ, the dates of joining, of becoming official and
 * of leaving (moved, died), the card and an exemption. ::saved (gint64 id,
 * gboolean is_new) follows a save. */
WardPartyMemberDialog *ward_party_member_dialog_new        (GtkWindow             *parent,
                                                            WardStore             *store,
                                                            gint64                 member_id);
/* The record as the form opened it (NULL for a new member). */
const WardPartyMember *ward_party_member_dialog_get_record (WardPartyMemberDialog *self);

G_END_DECLS
