/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "programme/ward-programme.h"

G_BEGIN_DECLS

/* One item of the action programme as a list model item: the loaded item,
 * its deadline state on the day it was loaded, and its sort keys. */

#define WARD_TYPE_PROGRAMME_ROW (ward_programme_row_get_type ())
G_DECLARE_FINAL_TYPE (WardProgrammeRow, ward_programme_row, WARD, PROGRAMME_ROW, GObject)

/* Takes @item. */
WardProgrammeRow        *ward_programme_row_new           (WardProgrammeItem *item,
                                                           const char        *today_iso);
const WardProgrammeItem *ward_programme_row_get_item      (WardProgrammeRow  *self);
gint64                   ward_programme_row_get_id        (WardProgrammeRow  *self);
WardDueState             ward_programme_row_get_due_state (WardProgrammeRow  *self);
/* Vietnamese alphabetical order keys (strcmp order). */
const char              *ward_programme_row_get_title_key (WardProgrammeRow  *self);
const char              *ward_programme_row_get_unit_key  (WardProgrammeRow  *self);
/* Whether @unit_id leads or coordinates the item. */
gboolean                 ward_programme_row_has_unit      (WardProgrammeRow  *self,
                                                           gint64             unit_id);

G_END_DECLS
