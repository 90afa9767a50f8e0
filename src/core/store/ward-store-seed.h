/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The first schema version that keeps the congress date and the term's end. */
#define WARD_SEED_TERM_DATES_VERSION 6
/* The first that keeps study sessions (a Đông Sơn file made at an older
 * schema gets the seed's conference from migration 010). */
#define WARD_SEED_STUDY_VERSION 10

/* Loads a resolution seed (JSON, see data/seed/dong-son.json) into a new,
 * empty store. Runs inside the caller's transaction. Errors name the file
 * and the place in it: "seed.json: targets[3].goal: …". */
gboolean ward_seed_apply (WardStore   *store,
                          GBytes      *json,
                          const char  *display_name,
                          GError     **error);

/* A file made before the term's dates were kept (schema version 6): when
 * its ward is the one @json describes (same name, province and term
 * years) and has no congress date yet, takes the seed's congress date and
 * term end. Any other ward is left to the user. Runs inside the caller's
 * transaction. */
gboolean ward_seed_fill_term (WardStore   *store,
                              GBytes      *json,
                              const char  *display_name,
                              GError     **error);

G_END_DECLS
