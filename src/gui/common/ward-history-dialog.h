/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* "Lịch sử thay đổi": every recorded change of one record (@table,
 * @row_uuid), the newest first, each field with its old and new value. */
void ward_history_dialog_present (GtkWidget  *parent,
                                  WardStore  *store,
                                  const char *table,
                                  const char *row_uuid,
                                  const char *record_title);

G_END_DECLS

G_BEGIN_DECLS

/* Puts a "Change History" button at the end of the first header bar of
 * @dialog, which opens the history of (@table, @row_uuid). */
void ward_history_add_button (GtkWindow  *dialog,
                              WardStore  *store,
                              const char *table,
                              const char *row_uuid,
                              const char *record_title);

G_END_DECLS
