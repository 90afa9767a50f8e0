/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "cli/ward-cli.h"
#include "donations/ward-donations-campaign.h"
#include "donations/ward-donations-ledger.h"

/* `campaign list [--json]` and `campaign add NAME --organiser TEXT --start
 * DD/MM/YYYY [--end DD/MM/YYYY] [--receiver TEXT] [--account TEXT]
 * [--description TEXT]`. The rules are core's (ward_campaign_add); a
 * refusal names the option it is about and stores nothing. */

#define USAGE_LIST "campaign list [--json]"
#define USAGE_ADD "campaign add NAME --organiser TEXT --start DD/MM/YYYY [--end DD/MM/YYYY] " \
                  "[--receiver TEXT] [--account TEXT] [--description TEXT]"
#define USAGE "campaign list [--json] | " USAGE_ADD

/* The options of `campaign add`, each with the field core names. */
enum
{
  OPTION_ORGANISER,
  OPTION_START,
  OPTION_END,
  OPTION_RECEIVER,
  OPTION_ACCOUNT,
  OPTION_DESCRIPTION,
  N_OPTIONS
};

typedef struct
{
  const char        *option;
  WardCampaignField  field;
} AddOption;

static const AddOption add_options[N_OPTIONS] = {
  [OPTION_ORGANISER] = { "--organiser", WARD_CAMPAIGN_FIELD_ORGANISER },
  [OPTION_START] = { "--start", WARD_CAMPAIGN_FIELD_START_DATE },
  [OPTION_END] = { "--end", WARD_CAMPAIGN_FIELD_END_DATE },
  [OPTION_RECEIVER] = { "--receiver", WARD_CAMPAIGN_FIELD_RECEIVER },
  [OPTION_ACCOUNT] = { "--account", WARD_CAMPAIGN_FIELD_RECEIVER_ACCOUNT },
  [OPTION_DESCRIPTION] = { "--description", WARD_CAMPAIGN_FIELD_DESCRIPTION },
};

static const char *
option_for_field (WardCampaignField field)
{
  if (field == WARD_CAMPAIGN_FIELD_NAME)
    return "NAME";
  for (guint i = 0; i < G_N_ELEMENTS (add_options); i++)
    if (add_options[i].field == field)
      return add_options[i].option;
  return NULL;
}

/* ---- list --------------------------------------------------------------- */

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (GPtrArray *campaigns)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < campaigns->len; i++)
    {
      const WardCampaign *campaign = campaigns->pdata[i];

      json_builder_begin_object (builder);
      add_member (builder, "uuid", campaign->uuid);
      add_member (builder, "name", campaign->name);
      add_member (builder, "organiser", campaign->organiser);
      add_member (builder, "start_date", campaign->start_date);
      add_member (builder, "end_date", campaign->end_date);
      add_member (builder, "receiver", campaign->receiver);
      add_member (builder, "receiver_account", campaign->receiver_account);
      add_member (builder, "description", campaign->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

static void
print_text (GPtrArray *campaigns)
{
  for (guint i = 0; i < campaigns->len; i++)
    {
      const WardCampaign *campaign = campaigns->pdata[i];
      g_autofree char *start = ward_format_date (campaign->start_date);
      g_autofree char *end = ward_format_date (campaign->end_date);

      g_print ("%s\n  %s · %s", campaign->name, campaign->organiser, start);
      if (*end != '\0')
        g_print (" – %s", end);
      g_print ("\n");
      if (campaign->receiver != NULL)
        g_print ("  %s %s%s%s%s\n", _("money goes to"), campaign->receiver,
                 campaign->receiver_account ? " (" : "",
                 campaign->receiver_account ? campaign->receiver_account : "",
                 campaign->receiver_account ? ")" : "");
    }
}

static int
campaign_list (WardCliContext  *ctx,
               int              argc,
               char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GPtrArray) campaigns = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else
        return ward_cli_misuse (USAGE_LIST);
    }

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  campaigns = ward_campaigns_load (store, &error);
  if (campaigns == NULL)
    return ward_cli_fail (error);
  if (json)
    print_json (campaigns);
  else
    print_text (campaigns);
  return WARD_CLI_OK;
}

/* ---- add ---------------------------------------------------------------- */

static int
refuse (const char *option,
        GError     *error)
{
  if (option != NULL)
    g_printerr ("%s: %s\n", option, error->message);
  else
    g_printerr ("%s\n", error->message);
  return WARD_CLI_BAD_INPUT;
}

/* Reads "--option VALUE" and "--option=VALUE" into @values (one per entry
 * of add_options); FALSE for anything else, or an option given twice. */
static gboolean
read_add_arguments (int          argc,
                    char       **argv,
                    const char **name,
                    const char **values)
{
  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean known = FALSE;

      if (arg[0] != '-')
        {
          if (*name != NULL)
            return FALSE;
          *name = arg;
          continue;
        }
      for (guint o = 0; o < G_N_ELEMENTS (add_options) && !known; o++)
        {
          const char *option = add_options[o].option;
          gsize len = strlen (option);

          if (strncmp (arg, option, len) != 0 || (arg[len] != '\0' && arg[len] != '=')
              || values[o] != NULL)
            continue;
          if (arg[len] == '=')
            values[o] = arg + len + 1;
          else if (i + 1 < argc)
            values[o] = argv[++i];
          else
            return FALSE;
          known = TRUE;
        }
      if (!known)
        return FALSE;
    }
  return *name != NULL;
}

/* Turns a typed date (dd/mm/yyyy) into ISO; an empty one stays NULL. */
static gboolean
parse_date_option (const char  *text,
                   char       **iso_out,
                   GError     **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  return ward_parse_date (text, iso_out, error);
}

static int
campaign_add (WardCliContext  *ctx,
              int              argc,
              char           **argv)
{
  const char *values[N_OPTIONS] = { NULL };
  const char *name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardCampaign) added = NULL;
  g_autoptr (GError) error = NULL;
  WardCampaignField field = WARD_CAMPAIGN_FIELD_NONE;
  WardCampaign campaign = { 0 };
  gint64 id;

  if (!read_add_arguments (argc, argv, &name, values))
    return ward_cli_misuse (USAGE_ADD);
  if (!parse_date_option (values[OPTION_START], &start, &error))
    return refuse (add_options[OPTION_START].option, error);
  if (!parse_date_option (values[OPTION_END], &end, &error))
    return refuse (add_options[OPTION_END].option, error);

  campaign.name = (char *) name;
  campaign.organiser = (char *) values[OPTION_ORGANISER];
  campaign.start_date = start;
  campaign.end_date = end;
  campaign.receiver = (char *) values[OPTION_RECEIVER];
  campaign.receiver_account = (char *) values[OPTION_ACCOUNT];
  campaign.description = (char *) values[OPTION_DESCRIPTION];

  store = ward_cli_open_store (ctx);
  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  id = ward_campaign_add (store, &campaign, &field, &error);
  if (id == 0)
    return refuse (option_for_field (field), error);
  added = ward_ledger_campaign_by_id (store, id, &error);
  if (added == NULL)
    return ward_cli_fail (error);
  g_print (_("Added the campaign “%s”.\n"), added->name);
  return WARD_CLI_OK;
}

int
ward_cli_command_campaign (WardCliContext  *ctx,
                           int              argc,
                           char           **argv)
{
  if (argc < 2)
    return ward_cli_misuse (USAGE);
  if (g_str_equal (argv[1], "list"))
    return campaign_list (ctx, argc, argv);
  if (g_str_equal (argv[1], "add"))
    return campaign_add (ctx, argc, argv);
  return ward_cli_misuse (USAGE);
}
