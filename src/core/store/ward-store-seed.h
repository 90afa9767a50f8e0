/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Loads a resolution seed (JSON, see data/seed/dong-son.json) into a new,
 * empty store. Runs inside the caller's transaction. Errors name the file
 * and the place in it: "seed.json: targets[3].goal: …". */
gboolean ward_seed_apply (WardStore   *store,
                          GBytes      *json,
                          const char  *display_name,
                          GError     **error);

G_END_DECLS
