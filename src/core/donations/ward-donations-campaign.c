/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "donations/ward-donations-campaign.h"

#define CAMPAIGN_COLUMNS \
  "id, uuid, name, organiser, start_date, end_date, receiver, receiver_account, description"

/* The text fields of a campaign form, and what each must be. */
typedef struct
{
  WardCampaignField  field;
  gsize              offset;     /* of its char * in WardCampaign */
  int                max_chars;
  const char        *missing;    /* NULL: may be left empty */
  const char        *too_long;
} TextRule;

static const TextRule text_rules[] = {
  { WARD_CAMPAIGN_FIELD_NAME, G_STRUCT_OFFSET (WardCampaign, name), 200,
    N_("Enter the campaign’s name."),
    N_("The campaign’s name is too long: at most %d characters.") },
  { WARD_CAMPAIGN_FIELD_ORGANISER, G_STRUCT_OFFSET (WardCampaign, organiser), 200,
    N_("Enter who organises the campaign."),
    N_("The organiser’s name is too long: at most %d characters.") },
  { WARD_CAMPAIGN_FIELD_RECEIVER, G_STRUCT_OFFSET (WardCampaign, receiver), 200, NULL,
    N_("The name of the body the money goes to is too long: at most %d characters.") },
  { WARD_CAMPAIGN_FIELD_RECEIVER_ACCOUNT, G_STRUCT_OFFSET (WardCampaign, receiver_account), 100, NULL,
    N_("The account number is too long: at most %d characters.") },
  { WARD_CAMPAIGN_FIELD_DESCRIPTION, G_STRUCT_OFFSET (WardCampaign, description), 2000, NULL,
    N_("The description is too long: at most %d characters.") },
};

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

/* ---- Adding ------------------------------------------------------------- */

static gboolean
refuse (WardCampaignField   field_value,
        WardCampaignField  *field,
        GError            **error,
        int                 code,
        const char         *format,
        ...) G_GNUC_PRINTF (5, 6);

static gboolean
refuse (WardCampaignField   field_value,
        WardCampaignField  *field,
        GError            **error,
        int                 code,
        const char         *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (field != NULL)
    *field = field_value;
  g_set_error_literal (error, WARD_ERROR, code, message);
  return FALSE;
}

static char **
text_slot (WardCampaign   *campaign,
           const TextRule *rule)
{
  return G_STRUCT_MEMBER_P (campaign, rule->offset);
}

/* Stores in @clean the text of @rule's field, NFC with its white space
 * collapsed, NULL when empty. */
static gboolean
clean_text (const WardCampaign  *campaign,
            const TextRule      *rule,
            WardCampaign        *clean,
            WardCampaignField   *field,
            GError             **error)
{
  const char *text = *text_slot ((WardCampaign *) campaign, rule);
  g_autofree char *normal = ward_text_normalize (text);

  if (text != NULL && normal == NULL)
    return refuse (rule->field, field, error, WARD_ERROR_INVALID, "%s",
                   _("Some characters of this text cannot be read; type it again."));
  if (normal == NULL || *normal == '\0')
    {
      if (rule->missing != NULL)
        return refuse (rule->field, field, error, WARD_ERROR_INVALID, "%s", _(rule->missing));
      return TRUE;
    }
  if (g_utf8_strlen (normal, -1) > rule->max_chars)
    return refuse (rule->field, field, error, WARD_ERROR_INVALID, _(rule->too_long), rule->max_chars);
  *text_slot (clean, rule) = g_steal_pointer (&normal);
  return TRUE;
}

static char *
clean_date (const char *date)
{
  char *copy = g_strstrip (g_strdup (date != NULL ? date : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
check_dates (WardCampaign       *clean,
             WardCampaignField  *field,
             GError            **error)
{
  g_autoptr (GDate) start = NULL;
  g_autoptr (GDate) end = NULL;
  g_autofree char *shown_start = NULL;
  g_autofree char *shown_end = NULL;

  if (clean->start_date == NULL)
    return refuse (WARD_CAMPAIGN_FIELD_START_DATE, field, error, WARD_ERROR_INVALID, "%s",
                   _("Enter the date the campaign starts."));
  if ((start = ward_date_from_iso (clean->start_date)) == NULL)
    return refuse (WARD_CAMPAIGN_FIELD_START_DATE, field, error, WARD_ERROR_INVALID,
                   _("The start date “%s” is not a real date."), clean->start_date);
  if (clean->end_date == NULL)
    return TRUE;
  if ((end = ward_date_from_iso (clean->end_date)) == NULL)
    return refuse (WARD_CAMPAIGN_FIELD_END_DATE, field, error, WARD_ERROR_INVALID,
                   _("The end date “%s” is not a real date."), clean->end_date);
  if (strcmp (clean->end_date, clean->start_date) >= 0)
    return TRUE;
  shown_start = ward_format_date (clean->start_date);
  shown_end = ward_format_date (clean->end_date);
  return refuse (WARD_CAMPAIGN_FIELD_END_DATE, field, error, WARD_ERROR_INVALID,
                 _("The end date %s is before the campaign starts on %s."), shown_end, shown_start);
}

/* Names compare NFC, ignoring case and spacing, but not tone marks. */
static char *
name_key (const char *name)
{
  g_autofree char *normal = ward_text_normalize (name);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

static gboolean
check_name_unused (WardStore          *store,
                   const char         *name,
                   WardCampaignField  *field,
                   GError            **error)
{
  g_autoptr (GPtrArray) campaigns = ward_campaigns_load (store, error);
  g_autofree char *key = name_key (name);

  if (campaigns == NULL)
    return FALSE;
  for (guint i = 0; i < campaigns->len; i++)
    {
      WardCampaign *other = campaigns->pdata[i];
      g_autofree char *other_key = name_key (other->name);

      if (g_str_equal (key, other_key))
        return refuse (WARD_CAMPAIGN_FIELD_NAME, field, error, WARD_ERROR_DUPLICATE,
                       _("There is already a campaign named “%s”."), other->name);
    }
  return TRUE;
}

/* @campaign as it would be stored, or NULL with the refusal. */
static WardCampaign *
check_campaign (WardStore           *store,
                const WardCampaign  *campaign,
                WardCampaignField   *field,
                GError             **error)
{
  g_autoptr (WardCampaign) clean = g_new0 (WardCampaign, 1);

  if (field != NULL)
    *field = WARD_CAMPAIGN_FIELD_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (text_rules); i++)
    if (!clean_text (campaign, &text_rules[i], clean, field, error))
      return NULL;
  clean->start_date = clean_date (campaign->start_date);
  clean->end_date = clean_date (campaign->end_date);
  if (!check_dates (clean, field, error) || !check_name_unused (store, clean->name, field, error))
    return NULL;
  return g_steal_pointer (&clean);
}

gboolean
ward_campaign_check (WardStore           *store,
                     const WardCampaign  *campaign,
                     WardCampaignField   *field,
                     GError             **error)
{
  g_autoptr (WardCampaign) clean = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (campaign != NULL, FALSE);

  clean = check_campaign (store, campaign, field, error);
  return clean != NULL;
}

static gboolean
insert_campaign (WardStore     *store,
                 WardCampaign  *clean,
                 GError       **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  int rc;

  stmt = ward_store_prepare (store,
                             "INSERT INTO campaigns (uuid, name, organiser, start_date, end_date, receiver, "
                             "receiver_account, description, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean->organiser, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, clean->start_date, -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 5, clean->end_date);
  ward_stmt_bind_text_or_null (stmt, 6, clean->receiver);
  ward_stmt_bind_text_or_null (stmt, 7, clean->receiver_account);
  ward_stmt_bind_text_or_null (stmt, 8, clean->description);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  clean->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  return TRUE;
}

gint64
ward_campaign_add (WardStore           *store,
                   const WardCampaign  *campaign,
                   WardCampaignField   *field,
                   GError             **error)
{
  g_autoptr (WardCampaign) clean = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), 0);
  g_return_val_if_fail (campaign != NULL, 0);

  if (field != NULL)
    *field = WARD_CAMPAIGN_FIELD_NONE;
  /* The name is checked inside the write transaction, so that another
   * process cannot take it between the check and the insert. */
  if (!ward_store_begin (store, error))
    return 0;
  clean = check_campaign (store, campaign, field, error);
  if (clean == NULL || !insert_campaign (store, clean, error))
    {
      ward_store_rollback (store);
      return 0;
    }
  ward_store_notify_changed (store, "campaigns");
  if (!ward_store_commit (store, error))
    return 0;
  return clean->id;
}

gboolean
ward_campaign_in_period (const WardCampaign *campaign,
                         const char         *date_iso)
{
  g_return_val_if_fail (campaign != NULL && date_iso != NULL, FALSE);

  if (campaign->start_date != NULL && strcmp (date_iso, campaign->start_date) < 0)
    return FALSE;
  return campaign->end_date == NULL || campaign->end_date[0] == '\0'
         || strcmp (date_iso, campaign->end_date) <= 0;
}

char *
ward_campaign_describe_outside (const WardCampaign *campaign,
                                const char         *date_iso)
{
  g_autofree char *date = NULL;
  g_autofree char *bound = NULL;

  g_return_val_if_fail (campaign != NULL && date_iso != NULL, NULL);

  if (ward_campaign_in_period (campaign, date_iso))
    return NULL;
  date = ward_format_date (date_iso);
  if (campaign->start_date != NULL && strcmp (date_iso, campaign->start_date) < 0)
    {
      bound = ward_format_date (campaign->start_date);
      return g_strdup_printf (_("The receipt is dated %s, before the campaign was launched on %s."),
                              date, bound);
    }
  bound = ward_format_date (campaign->end_date);
  return g_strdup_printf (_("The receipt is dated %s, after the campaign ended on %s."), date, bound);
}
