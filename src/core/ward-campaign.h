/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ward-store.h"

G_BEGIN_DECLS

/* A donation campaign of the ward's Fatherland Front. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *name;
  char   *organiser;
  char   *start_date;        /* ISO */
  char   *end_date;          /* ISO or NULL */
  char   *receiver;          /* where the money goes upward */
  char   *receiver_account;
  char   *description;
} WardCampaign;

void          ward_campaign_free    (WardCampaign  *campaign);
/* All campaigns, the newest first. */
GPtrArray    *ward_campaigns_load   (WardStore     *store,
                                     GError       **error);
/* The campaign named @name; NULL with WARD_ERROR_NOT_FOUND otherwise. */
WardCampaign *ward_campaign_find    (WardStore     *store,
                                     const char    *name,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCampaign, ward_campaign_free)

G_END_DECLS
