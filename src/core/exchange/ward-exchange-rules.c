/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "donations/ward-donations-ledger.h"
#include "enterprises/ward-enterprises.h"
#include "exchange/ward-exchange-private.h"
#include "study/ward-study.h"

/* What arrives in a bundle goes through the rules of its register, the
 * ones the window's forms apply, record by record, inside the one
 * transaction of the import: the first record refused undoes everything
 * stored before it, so nothing of a bundle with one bad record is kept.
 *
 * - A ledger entry is checked before it is written, against the ledger as
 *   the entries before it left it (the money on hand, the corrections
 *   made): ward_ledger_check_arriving().
 * - A candidate or an enterprise is written, read back as its register
 *   reads it, and checked as the form checks it (ward_candidate_check(),
 *   ward_enterprise_validate()).
 * - The resolution (the ward and its targets) is the seed's: a bundle
 *   never deletes it. */

static gboolean
refuse_record (WardStore      *store,
               BundleTable    *table,
               JsonObject     *values,
               const char     *display,
               GError        **error)
{
  g_autofree char *what = values != NULL ? bundle_describe_record (store, table, values) : NULL;

  g_prefix_error (error, _("The bundle “%s” was not imported: “%s” (%s) breaks a rule of the register. "),
                  display, what ? what : "", BUNDLE_C_ (table->desc->title));
  return FALSE;
}

static gint64
id_of (WardStore  *store,
       const char *table,
       JsonObject *values,
       const char *column)
{
  const char *uuid = bundle_string_member (values, column);
  gint64 id = 0;

  if (uuid == NULL || !bundle_uuid_exists (store, table, uuid, &id, NULL))
    return 0;
  return id;
}

static gint64
int_member (JsonObject *values,
            const char *column)
{
  JsonNode *node = json_object_get_member (values, column);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static gboolean
check_ledger_entry (WardStore   *store,
                    JsonObject  *values,
                    JsonObject  *replacement,
                    GError     **error)
{
  g_autoptr (WardCampaign) campaign = NULL;
  WardLedgerArrival entry = {
    .kind = bundle_string_member (values, "kind"),
    .receipt_number = bundle_string_member (values, "receipt_number"),
    .date = bundle_string_member (values, "entry_date"),
    .donor = bundle_string_member (values, "donor"),
    .donor_kind = bundle_string_member (values, "donor_kind"),
    .donor_group = bundle_string_member (values, "donor_group"),
    .amount = int_member (values, "amount"),
    .method = bundle_string_member (values, "method"),
    .reference = bundle_string_member (values, "reference"),
    .collector = bundle_string_member (values, "collector"),
    .receiver = bundle_string_member (values, "receiver"),
    .voucher = bundle_string_member (values, "voucher"),
    .reverses_id = id_of (store, "ledger_entries", values, "reverses_id"),
    .reason = bundle_string_member (values, "reason"),
    .note = bundle_string_member (values, "note"),
    .replacement_amount = replacement != NULL ? int_member (replacement, "amount") : 0,
  };

  campaign = ward_ledger_campaign_by_id (store, id_of (store, "campaigns", values, "campaign_id"), error);
  return campaign != NULL && ward_ledger_check_arriving (store, campaign, &entry, error);
}

static gboolean
check_candidate (WardStore   *store,
                 gint64       id,
                 GError     **error)
{
  g_autoptr (WardCandidate) candidate = ward_candidate_load (store, id, error);
  g_autoptr (GPtrArray) issues = NULL;
  g_autofree char *today = ward_today_iso ();

  if (candidate == NULL)
    return FALSE;
  issues = ward_candidate_check (candidate, NULL, today);
  return !ward_candidate_issues_to_error (issues, error);
}

static gboolean
check_enterprise (WardStore  *store,
                  gint64      id,
                  GError    **error)
{
  g_autoptr (WardEnterprise) enterprise = ward_enterprise_load (store, id, error);

  return enterprise != NULL && ward_enterprise_validate (store, enterprise, NULL, NULL, error);
}

/* A member on the roster keeps the roster's rules: dates in order, an
 * exemption with its kind, one record per person. */
static gboolean
check_party_member (WardStore  *store,
                    gint64      id,
                    GError    **error)
{
  g_autoptr (WardPartyMember) member = ward_party_member_load (store, id, error);
  g_autoptr (GPtrArray) issues = NULL;
  g_autofree char *today = ward_today_iso ();

  if (member == NULL)
    return FALSE;
  issues = ward_party_member_validate (store, member, today, error);
  return issues != NULL && !ward_member_issues_to_error (issues, error);
}

gboolean
bundle_check_before_write (WardStore     *store,
                           BundleTable   *table,
                           BundleAction  *action,
                           const char    *display,
                           GError       **error)
{
  const char *name = table->desc->name;

  if (action->kind == ACTION_DELETE && (g_str_equal (name, "targets") || g_str_equal (name, "ward")))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The bundle “%s” was not imported: it deletes a target of the resolution, which "
                     "only the resolution's own seed sets. Nothing was imported."), display);
      return FALSE;
    }
  if (action->kind == ACTION_LEDGER_INSERT && !check_ledger_entry (store, action->values, action->replacement, error))
    return refuse_record (store, table, action->values, display, error);
  return TRUE;
}

gboolean
bundle_check_after_write (WardStore     *store,
                          BundleTable   *table,
                          BundleAction  *action,
                          const char    *display,
                          GError       **error)
{
  const char *name = table->desc->name;
  gint64 id = 0;
  gboolean ok = TRUE;

  if (action->kind != ACTION_INSERT && action->kind != ACTION_UPDATE)
    return TRUE;
  if (!g_str_equal (name, "candidates") && !g_str_equal (name, "enterprises")
      && !g_str_equal (name, "party_members"))
    return TRUE;
  if (!bundle_uuid_exists (store, name, action->uuid, &id, error))
    return TRUE;
  if (g_str_equal (name, "candidates"))
    ok = check_candidate (store, id, error);
  else if (g_str_equal (name, "enterprises"))
    ok = check_enterprise (store, id, error);
  else
    ok = check_party_member (store, id, error);
  return ok || refuse_record (store, table, action->values, display, error);
}
