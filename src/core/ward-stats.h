/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ward-store.h"

G_BEGIN_DECLS

/* What `ward-tracker-cli stats` prints: the ward, the term, every target
 * with its goal and current value, and the registers' counts and totals. */
JsonNode *ward_stats_collect      (WardStore  *store,
                                   GError    **error);
/* The same, as lines for a person to read. */
char     *ward_stats_format_text  (JsonNode   *stats);

G_END_DECLS
