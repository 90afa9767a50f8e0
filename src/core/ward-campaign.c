/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-campaign"

#include "config.h"

#include <glib/gi18n.h>

#include "ward-campaign.h"
#include "ward-error.h"

#define CAMPAIGN_COLUMNS \
  "id, uuid, name, organiser, start_date, end_date, receiver, receiver_account, description"

void
ward_campaign_free (WardCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->uuid);
  g_free (campaign->name);
  g_free (campaign->organiser);
  g_free (campaign->start_date);
  g_free (campaign->end_date);
  g_free (campaign->receiver);
  g_free (campaign->receiver_account);
  g_free (campaign->description);
  g_free (campaign);
}

static WardCampaign *
campaign_from_row (WardStmt *stmt)
{
  WardCampaign *campaign = g_new0 (WardCampaign, 1);

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->uuid = ward_stmt_dup_text (stmt, 1);
  campaign->name = ward_stmt_dup_text (stmt, 2);
  campaign->organiser = ward_stmt_dup_text (stmt, 3);
  campaign->start_date = ward_stmt_dup_text (stmt, 4);
  campaign->end_date = ward_stmt_dup_text (stmt, 5);
  campaign->receiver = ward_stmt_dup_text (stmt, 6);
  campaign->receiver_account = ward_stmt_dup_text (stmt, 7);
  campaign->description = ward_stmt_dup_text (stmt, 8);
  return campaign;
}

GPtrArray *
ward_campaigns_load (WardStore  *store,
                     GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) campaigns = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_campaign_free);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT " CAMPAIGN_COLUMNS " FROM campaigns "
                             "ORDER BY start_date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (campaigns, campaign_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&campaigns);
}

WardCampaign *
ward_campaign_find (WardStore   *store,
                    const char  *name,
                    GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store, "SELECT " CAMPAIGN_COLUMNS " FROM campaigns WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return campaign_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND, _("There is no campaign named “%s”."), name);
  else
    ward_store_set_error (store, rc, error);
  return NULL;
}
