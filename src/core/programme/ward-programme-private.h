/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "programme/ward-programme.h"

G_BEGIN_DECLS

/* Shared by ward-programme.c (rules, reading), ward-programme-store.c
 * (writing items and their log) and ward-programme-import.c (stats and
 * the spreadsheet export). */

/* The status as written to spreadsheets, whose headers are Vietnamese. */
const char *ward_item_status_vi           (WardItemStatus  status);

gboolean    ward_programme_step_done      (WardStore      *store,
                                           WardStmt       *stmt,
                                           GError        **error);
/* NFC, trimmed, line breaks kept; NULL when empty. */
char       *ward_programme_tidy_note      (const char     *text);
/* NFC, white space collapsed; NULL when empty. */
char       *ward_programme_tidy_line      (const char     *text);
/* Appends ", @name" (or @name) to *@text. */
void        ward_programme_append_name    (char          **text,
                                           const char     *name);
/* Items of @group_id (0: all) or the one @item_id (0: all), with their
 * links and display names, without their updates. */
GPtrArray  *ward_programme_load_items     (WardStore      *store,
                                           gint64          group_id,
                                           gint64          item_id,
                                           GError        **error);

G_END_DECLS
