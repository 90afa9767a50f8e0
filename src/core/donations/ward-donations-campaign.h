/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

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

/* The field a refused value belongs to, so that a form can point at it. */
typedef enum
{
  WARD_CAMPAIGN_FIELD_NONE,
  WARD_CAMPAIGN_FIELD_NAME,
  WARD_CAMPAIGN_FIELD_ORGANISER,
  WARD_CAMPAIGN_FIELD_START_DATE,
  WARD_CAMPAIGN_FIELD_END_DATE,
  WARD_CAMPAIGN_FIELD_RECEIVER,
  WARD_CAMPAIGN_FIELD_RECEIVER_ACCOUNT,
  WARD_CAMPAIGN_FIELD_DESCRIPTION,
} WardCampaignField;

void          ward_campaign_free    (WardCampaign  *campaign);
/* All campaigns, the newest first. */
GPtrArray    *ward_campaigns_load   (WardStore     *store,
                                     GError       **error);
/* The campaign named @name; NULL with WARD_ERROR_NOT_FOUND otherwise. */
WardCampaign *ward_campaign_find    (WardStore     *store,
                                     const char    *name,
                                     GError       **error);

/* Checks @campaign as ward_campaign_add() would, writing nothing: a name
 * (unique, compared NFC ignoring case and spacing), an organiser, a start
 * date (ISO, a real day) and, when given, an end date no earlier than the
 * start. A refusal gives FALSE, a WARD_ERROR (WARD_ERROR_INVALID, or
 * WARD_ERROR_DUPLICATE for a name already used) saying what is wrong and,
 * in @field (may be NULL), the field it belongs to. */
gboolean      ward_campaign_check   (WardStore           *store,
                                     const WardCampaign  *campaign,
                                     WardCampaignField   *field,
                                     GError             **error);
/* Adds @campaign (its id and uuid are ignored: a new uuid is made) in one
 * transaction, its text stored NFC with white space collapsed; returns the
 * new id, or 0 with the error and @field of ward_campaign_check(). Nothing
 * is stored on a refusal. */
gint64        ward_campaign_add     (WardStore           *store,
                                     const WardCampaign  *campaign,
                                     WardCampaignField   *field,
                                     GError             **error);

/* Whether @date_iso lies within the campaign's period: from its launch to
 * its end (open-ended without one). */
gboolean      ward_campaign_in_period       (const WardCampaign  *campaign,
                                             const char          *date_iso);
/* NULL within the period; otherwise one sentence saying how @date_iso lies
 * outside it ("… dated 05/12/2026, after the campaign ended on 16/10/2025."),
 * for the window to ask the clerk to confirm and the import to refuse. */
char         *ward_campaign_describe_outside (const WardCampaign *campaign,
                                              const char         *date_iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardCampaign, ward_campaign_free)

G_END_DECLS
