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
  char *congress_date;   /* ISO; NULL until the user gives it (a file made before version 5) */
  char *term_end_date;   /* ISO */
} WardResolution;

WardResolution *ward_resolution_load         (WardStore             *store,
                                              GError               **error);
void            ward_resolution_free         (WardResolution        *self);

/* The term runs from the congress that adopted the resolution to the
 * term's end (DESIGN.md, "The term"): admissions and enterprises before the
 * congress do not count toward the term's goals. Without a congress date
 * (a file made before version 5 whose ward is not the seed's) it runs from
 * 1 January of its first year until the user gives the date
 * (ward_resolution_set_congress_date()). */
char           *ward_resolution_term_start   (const WardResolution  *self);  /* ISO */
char           *ward_resolution_term_end     (const WardResolution  *self);  /* ISO */
gboolean        ward_resolution_has_congress_date (const WardResolution *self);
/* The rule for the term's dates: the congress within the term's years, the
 * end (NULL: the one stored) after it. FALSE with WARD_ERROR_INVALID naming
 * the dates. */
gboolean        ward_resolution_check_congress_date (const WardResolution *self,
                                                     const char         *congress_iso,
                                                     const char         *term_end_iso,
                                                     GError            **error);
/* Sets the congress date, and the term's end when @term_end_iso is not
 * NULL. Refused (WARD_ERROR_INVALID, naming the dates) when the congress is
 * not within the term's years or the end is not after it. */
gboolean        ward_resolution_set_congress_date (WardStore          *store,
                                                   const char         *congress_iso,
                                                   const char         *term_end_iso,
                                                   GError            **error);
/* Whether the window should ask for the congress date: it is missing and
 * the user was not asked yet in this file. ward_resolution_mark_congress_asked()
 * records that the user was (asked once, answered or not). */
gboolean        ward_resolution_should_ask_congress (WardStore     *store);
gboolean        ward_resolution_mark_congress_asked (WardStore     *store,
                                                     GError       **error);
/* How to give the congress date from the command line, one sentence for
 * `init` and `stats` to print while it is missing. */
const char     *ward_resolution_congress_hint     (void);
/* Days from @today_iso to the end of the term (0 once it is over). */
int             ward_resolution_days_left    (const WardResolution  *self,
                                              const char            *today_iso);
/* Share of the term elapsed on @today_iso, 0.0 – 1.0. */
double          ward_resolution_elapsed      (const WardResolution  *self,
                                              const char            *today_iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardResolution, ward_resolution_free)

G_END_DECLS
