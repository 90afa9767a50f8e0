/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The units (cơ quan, đơn vị) the office keeps: Đảng ủy, UBND phường, Ủy ban
 * MTTQ, … Forms pick them from this list rather than typing them afresh, so
 * that one unit is always written the same way. Names are stored NFC with
 * their white space collapsed and are unique ignoring case. */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  int     position;
  int     n_uses;    /* programme items it leads or coordinates, readings it reported */
} WardUnit;

void        ward_unit_free          (WardUnit     *unit);

/* Every unit in the office's order (position, then Vietnamese alphabetical
 * order), with how often each is used. */
GPtrArray  *ward_units_load         (WardStore    *store,
                                     GError      **error);

/* The unit called @name (compared NFC, ignoring case and spacing), or NULL
 * with WARD_ERROR_NOT_FOUND. */
WardUnit   *ward_units_find         (WardStore    *store,
                                     const char   *name,
                                     GError      **error);

/* Checks a unit's name as a form would: not empty, at most 200 characters.
 * On success @normalized_out (may be NULL) gets the name as it is stored. */
gboolean    ward_unit_check_name    (const char   *name,
                                     char        **normalized_out,
                                     GError      **error);

/* Adds a unit at the end of the list; returns its id, or 0 with
 * WARD_ERROR_INVALID (empty name) or WARD_ERROR_DUPLICATE (already there). */
gint64      ward_units_add          (WardStore    *store,
                                     const char   *name,
                                     GError      **error);

/* Renames a unit everywhere it is used (records refer to it by id). */
gboolean    ward_units_rename       (WardStore    *store,
                                     gint64        id,
                                     const char   *name,
                                     GError      **error);

/* Removes a unit that nothing uses; a used one is refused with
 * WARD_ERROR_INVALID, naming how often it is used. */
gboolean    ward_units_remove       (WardStore    *store,
                                     gint64        id,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardUnit, ward_unit_free)

G_END_DECLS
