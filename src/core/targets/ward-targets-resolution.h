/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The ward and its term, as the seed set them. */
typedef struct
{
  char *name;
  char *party_body;
  char *parent_body;
  char *province;
  char *place_name;
  char *congress;
  char *resolution_title;
  int   term_start_year;
  int   term_end_year;
  char *rollout_date;
} WardResolution;

WardResolution *ward_resolution_load         (WardStore             *store,
                                              GError               **error);
void            ward_resolution_free         (WardResolution        *self);

/* The term runs from 1 January of its first year to 31 December of its
 * last. */
char           *ward_resolution_term_start   (const WardResolution  *self);  /* ISO */
char           *ward_resolution_term_end     (const WardResolution  *self);  /* ISO */
/* Days from @today_iso to the end of the term (0 once it is over). */
int             ward_resolution_days_left    (const WardResolution  *self,
                                              const char            *today_iso);
/* Share of the term elapsed on @today_iso, 0.0 – 1.0. */
double          ward_resolution_elapsed      (const WardResolution  *self,
                                              const char            *today_iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardResolution, ward_resolution_free)

G_END_DECLS
