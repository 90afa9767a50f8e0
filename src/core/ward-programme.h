/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ward-store.h"

G_BEGIN_DECLS

/* A key task or a breakthrough of the action programme, with the roll-up of
 * its items. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *kind;       /* "task" or "breakthrough" */
  int     position;
  char   *title;
  int     n_items;
  int     n_done;
  int     n_overdue;  /* past the deadline and not done, on the given day */
} WardProgrammeGroup;

void        ward_programme_group_free   (WardProgrammeGroup *group);

/* The groups in the resolution's order, rolled up as of @today_iso. */
GPtrArray  *ward_programme_groups_load  (WardStore          *store,
                                         const char         *today_iso,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardProgrammeGroup, ward_programme_group_free)

G_END_DECLS
