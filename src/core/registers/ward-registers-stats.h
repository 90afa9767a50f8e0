/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "store/ward-store.h"
#include "targets/ward-targets.h"

G_BEGIN_DECLS

/* What `ward-tracker-cli stats` prints: the ward, the term, every target
 * with its goal and current value, and the registers' counts and totals. */
JsonNode *ward_stats_collect      (WardStore  *store,
                                   GError    **error);
/* The same, as lines for a person to read. */
char     *ward_stats_format_text  (JsonNode   *stats);

/* Appends to the JSON array being built one object for the target counted
 * from @source (admissions, enterprises): its code, name, goal, the count in
 * the term and the count of each year of the term. */
gboolean  ward_stats_add_counted_by_year (WardStore         *store,
                                          JsonBuilder       *builder,
                                          WardTargetSource   source,
                                          GError           **error);

G_END_DECLS
