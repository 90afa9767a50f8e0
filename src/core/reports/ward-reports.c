/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "reports/ward-reports-private.h"
#include "targets/ward-targets-resolution.h"

/* The settings, the names of the reports and what they share. The reports
 * themselves are in ward-reports-<name>.c. */

static const char * const kind_names[WARD_REPORT_N_KINDS] = {
  "targets", "programme", "members", "enterprises", "donations", "receipt", "donations-by-group",
  "study",
};

/* Used when neither the Preferences nor the ward table give them. */
#define DEFAULT_FRONT_PARENT_BODY "ỦY BAN MTTQ VIỆT NAM"
#define DEFAULT_PARTY_TITLE       "BÍ THƯ"
#define DEFAULT_FRONT_TITLE       "CHỦ TỊCH"

static const char * const default_recipients[] = {
  "Ban Thường vụ Tỉnh ủy (để b/c)",
  "Các chi bộ trực thuộc",
  "Lưu Văn phòng Đảng ủy",
  NULL
};

/* ---- Settings -------------------------------------------------------------- */

WardReportSettings *
ward_report_settings_new (void)
{
  return g_new0 (WardReportSettings, 1);
}

void
ward_report_settings_free (WardReportSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->parent_body);
  g_free (settings->party_body);
  g_free (settings->place_name);
  g_free (settings->front_parent_body);
  g_free (settings->front_body);
  g_free (settings->party_signatory_title);
  g_free (settings->party_signatory_name);
  g_free (settings->front_signatory_title);
  g_free (settings->front_signatory_name);
  g_strfreev (settings->recipients);
  g_free (settings);
}

WardReportSettings *
ward_report_settings_copy (const WardReportSettings *settings)
{
  WardReportSettings *copy = ward_report_settings_new ();

  g_return_val_if_fail (settings != NULL, copy);

  copy->parent_body = g_strdup (settings->parent_body);
  copy->party_body = g_strdup (settings->party_body);
  copy->place_name = g_strdup (settings->place_name);
  copy->front_parent_body = g_strdup (settings->front_parent_body);
  copy->front_body = g_strdup (settings->front_body);
  copy->party_signatory_title = g_strdup (settings->party_signatory_title);
  copy->party_signatory_name = g_strdup (settings->party_signatory_name);
  copy->front_signatory_title = g_strdup (settings->front_signatory_title);
  copy->front_signatory_name = g_strdup (settings->front_signatory_name);
  copy->recipients = g_strdupv (settings->recipients);
  return copy;
}

static gboolean
schema_has_key (GSettings  *gsettings,
                const char *key)
{
  g_autoptr (GSettingsSchema) schema = NULL;

  g_object_get (gsettings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

/* @only_if_set: keys the ward table also answers are taken only when the
 * user changed them, so that a ward seeded for another place is not
 * printed under the defaults' Đông Sơn. */
static void
take_string (GSettings   *gsettings,
             const char  *key,
             gboolean     only_if_set,
             char       **field)
{
  if (!schema_has_key (gsettings, key))
    return;
  if (only_if_set)
    {
      g_autoptr (GVariant) user = g_settings_get_user_value (gsettings, key);

      if (user == NULL)
        return;
    }
  g_free (*field);
  *field = g_strstrip (g_settings_get_string (gsettings, key));
}

void
ward_report_settings_apply_gsettings (WardReportSettings *settings,
                                      GSettings          *gsettings)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (G_IS_SETTINGS (gsettings));

  take_string (gsettings, "parent-body", TRUE, &settings->parent_body);
  take_string (gsettings, "party-body", TRUE, &settings->party_body);
  take_string (gsettings, "place-name", TRUE, &settings->place_name);
  take_string (gsettings, "front-body", TRUE, &settings->front_body);
  take_string (gsettings, "front-parent-body", FALSE, &settings->front_parent_body);
  take_string (gsettings, "party-signatory-title", FALSE, &settings->party_signatory_title);
  take_string (gsettings, "party-signatory-name", FALSE, &settings->party_signatory_name);
  take_string (gsettings, "front-signatory-title", FALSE, &settings->front_signatory_title);
  take_string (gsettings, "front-signatory-name", FALSE, &settings->front_signatory_name);
  if (schema_has_key (gsettings, "report-recipients"))
    {
      g_strfreev (settings->recipients);
      settings->recipients = g_settings_get_strv (gsettings, "report-recipients");
    }
}

static void
fill (char       **field,
      const char  *value,
      gboolean     capitals)
{
  if (*field != NULL || value == NULL)
    return;
  *field = capitals ? g_utf8_strup (value, -1) : g_strdup (value);
}

gboolean
ward_report_settings_fill_from_store (WardReportSettings  *settings,
                                      WardStore           *store,
                                      GError             **error)
{
  g_autoptr (WardResolution) ward = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  ward = ward_resolution_load (store, error);
  if (ward == NULL)
    return FALSE;

  fill (&settings->parent_body, ward->parent_body, TRUE);
  fill (&settings->party_body, ward->party_body, TRUE);
  fill (&settings->place_name, ward->place_name, FALSE);
  fill (&settings->front_body, ward->name, TRUE);
  fill (&settings->front_parent_body, DEFAULT_FRONT_PARENT_BODY, FALSE);
  fill (&settings->party_signatory_title, DEFAULT_PARTY_TITLE, FALSE);
  fill (&settings->party_signatory_name, "", FALSE);
  fill (&settings->front_signatory_title, DEFAULT_FRONT_TITLE, FALSE);
  fill (&settings->front_signatory_name, "", FALSE);
  if (settings->recipients == NULL)
    settings->recipients = g_strdupv ((char **) default_recipients);
  return TRUE;
}

/* ---- Names and periods ----------------------------------------------------- */

const char *
ward_report_kind_to_name (WardReportKind kind)
{
  g_return_val_if_fail (kind < WARD_REPORT_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
ward_report_kind_from_name (const char     *name,
                            WardReportKind *kind_out)
{
  for (guint i = 0; i < WARD_REPORT_N_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        if (kind_out != NULL)
          *kind_out = i;
        return TRUE;
      }
  return FALSE;
}

/* ---- Signing ----------------------------------------------------------------- */

static const struct
{
  WardSignerAuthority  authority;
  const char          *name;
} authority_names[] = {
  { WARD_SIGNER_DEFAULT, "" },
  { WARD_SIGNER_DIRECT, "none" },
  { WARD_SIGNER_ON_BEHALF, "T/M" },
  { WARD_SIGNER_DEPUTY, "K/T" },
  { WARD_SIGNER_ACTING, "Q." },
};

const char *
ward_signer_authority_to_string (WardSignerAuthority authority)
{
  for (guint i = 0; i < G_N_ELEMENTS (authority_names); i++)
    if (authority_names[i].authority == authority)
      return authority_names[i].name;
  g_return_val_if_reached ("");
}

gboolean
ward_signer_authority_parse (const char           *text,
                             WardSignerAuthority  *authority_out,
                             GError              **error)
{
  static const struct { const char *folded; WardSignerAuthority authority; } words[] = {
    { "", WARD_SIGNER_DEFAULT }, { "none", WARD_SIGNER_DIRECT },
    { "ky truc tiep", WARD_SIGNER_DIRECT }, { "t/m", WARD_SIGNER_ON_BEHALF },
    { "tm", WARD_SIGNER_ON_BEHALF }, { "tm.", WARD_SIGNER_ON_BEHALF },
    { "k/t", WARD_SIGNER_DEPUTY }, { "kt", WARD_SIGNER_DEPUTY }, { "kt.", WARD_SIGNER_DEPUTY },
    { "q", WARD_SIGNER_ACTING }, { "q.", WARD_SIGNER_ACTING },
  };
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");

  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].folded))
      {
        *authority_out = words[i].authority;
        return TRUE;
      }
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("“%s” is not a way of signing; write T/M (on behalf of the committee), K/T "
                 "(for the head), Q. (acting) or none."), text);
  return FALSE;
}

void
ward_report_signing_clear (WardReportSigning *signing)
{
  g_clear_pointer (&signing->name, g_free);
  g_clear_pointer (&signing->position, g_free);
  g_clear_pointer (&signing->number, g_free);
  g_clear_pointer (&signing->date, g_free);
  signing->authority = WARD_SIGNER_DEFAULT;
}

GSettings *
ward_report_kind_settings_new (WardReportKind kind)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) app = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (kind < WARD_REPORT_N_KINDS, NULL);

  if (source == NULL)
    return NULL;
  app = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID ".Report", TRUE);
  if (app == NULL || schema == NULL)
    return NULL;
  path = g_strdup_printf ("%sreports/%s/", g_settings_schema_get_path (app), kind_names[kind]);
  return g_settings_new_full (schema, NULL, path);
}

static char *
nonempty_string (GSettings  *gsettings,
                 const char *key)
{
  char *value = g_strstrip (g_settings_get_string (gsettings, key));

  if (value[0] != '\0')
    return value;
  g_free (value);
  return NULL;
}

void
ward_report_signing_load (WardReportSigning *signing,
                          GSettings         *kind_settings)
{
  g_autofree char *authority = NULL;

  g_return_if_fail (signing != NULL);
  g_return_if_fail (G_IS_SETTINGS (kind_settings));

  ward_report_signing_clear (signing);
  signing->name = nonempty_string (kind_settings, "signer-name");
  signing->position = nonempty_string (kind_settings, "signer-position");
  signing->number = nonempty_string (kind_settings, "number");
  signing->date = nonempty_string (kind_settings, "date");
  authority = g_settings_get_string (kind_settings, "signer-authority");
  if (!ward_signer_authority_parse (authority, &signing->authority, NULL))
    signing->authority = WARD_SIGNER_DEFAULT;
}

void
ward_report_signing_save (const WardReportSigning *signing,
                          GSettings               *kind_settings)
{
  g_return_if_fail (signing != NULL);
  g_return_if_fail (G_IS_SETTINGS (kind_settings));

  g_settings_delay (kind_settings);
  g_settings_set_string (kind_settings, "signer-name", signing->name ? signing->name : "");
  g_settings_set_string (kind_settings, "signer-position",
                         signing->position ? signing->position : "");
  g_settings_set_string (kind_settings, "signer-authority",
                         ward_signer_authority_to_string (signing->authority));
  g_settings_set_string (kind_settings, "number", signing->number ? signing->number : "");
  g_settings_set_string (kind_settings, "date", signing->date ? signing->date : "");
  g_settings_apply (kind_settings);
}

gboolean
ward_reports_default_period (WardStore         *store,
                             WardReportKind     kind,
                             const char        *today_iso,
                             WardReportPeriod  *period_out,
                             GError           **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (kind == WARD_REPORT_KIND_TARGETS)
    return ward_report_period_year_of (store, today_iso, period_out, error);
  return ward_report_period_term (store, period_out, error);
}

/* ---- Building -------------------------------------------------------------- */

/* Whether a document can be dated @iso, as its place and date would print. */
static gboolean
date_is_valid (const char *iso)
{
  g_autofree char *printed = ward_report_format_place_date_iso (NULL, iso);

  return printed != NULL;
}

WardReport *
ward_reports_build (WardStore                 *store,
                    WardReportKind             kind,
                    const WardReportSettings  *settings,
                    const WardReportOptions   *options,
                    GError                   **error)
{
  static const WardReportOptions defaults = { 0 };
  static const WardReportSigning no_signing = { 0 };
  g_autofree char *today = NULL;
  WardReportOptions full;
  WardReportPeriod period;
  WardReport *(*build[WARD_REPORT_N_KINDS]) (WardStore *, const WardReportSettings *,
                                             const WardReportOptions *, GError **) = {
    ward_reports_targets, ward_reports_programme, ward_reports_admissions,
    ward_reports_enterprises, ward_reports_donations, ward_reports_receipt,
    ward_reports_donations_by_group, ward_reports_study,
  };

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < WARD_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  full = options != NULL ? *options : defaults;
  today = full.today != NULL ? g_strdup (full.today) : ward_today_iso ();
  full.today = today;
  if (full.signing == NULL)
    full.signing = &no_signing;
  if (full.signing->date != NULL && !date_is_valid (full.signing->date))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a date; write the report's date as dd/mm/yyyy."),
                   full.signing->date);
      return NULL;
    }
  if (full.period == NULL)
    {
      if (!ward_reports_default_period (store, kind, today, &period, error))
        return NULL;
      full.period = &period;
    }
  return build[kind] (store, settings, &full, error);
}

char *
ward_reports_suggest_basename (WardReportKind           kind,
                               const WardReportOptions *options)
{
  static const char * const stems[WARD_REPORT_N_KINDS] = {
    "bao-cao-chi-tieu", "tien-do-chuong-trinh-hanh-dong", "ket-nap-dang-vien",
    "doanh-nghiep-thanh-lap-moi", "danh-sach-cong-khai-ung-ho", "bien-lai",
    "danh-sach-cong-khai-ung-ho-theo-to", "ket-qua-hoc-tap-nghi-quyet",
  };
  g_autofree char *number = NULL;
  g_autofree char *slug = NULL;

  g_return_val_if_fail (kind < WARD_REPORT_N_KINDS, NULL);

  if (kind == WARD_REPORT_KIND_RECEIPT && options != NULL && options->receipt_number != NULL)
    {
      number = g_strdup (options->receipt_number);
      g_strcanon (number, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-", '-');
      return g_strdup_printf ("%s-%s", stems[kind], number);
    }
  if (options == NULL || options->period == NULL)
    return g_strdup (stems[kind]);
  slug = ward_report_period_slug (options->period);
  return g_strdup_printf ("%s-%s", stems[kind], slug);
}

/* ---- What the reports share ------------------------------------------------ */

const char *
ward_reports_document_date (const WardReportOptions *options)
{
  if (options->signing != NULL && options->signing->date != NULL)
    return options->signing->date;
  return options->today;
}

static char *
place_date (const WardReportSettings *settings,
            const char               *date_iso)
{
  char *text = ward_report_format_place_date_iso (settings->place_name, date_iso);

  return text != NULL ? text : g_strdup ("");
}

static const char *
signing_number (const WardReportOptions *options)
{
  const char *number = options->signing != NULL ? options->signing->number : NULL;

  return number != NULL && number[0] != '\0' ? number : NULL;
}

/* A number the clerk wrote whole ("12-BC/ĐU") is printed as written; a
 * bare one ("12") takes the document's symbol. Without one, room to write
 * it by hand. */
static char *
document_number (const WardReportOptions *options,
                 const char              *prefix,
                 const char              *separator,
                 const char              *suffix)
{
  const char *number = signing_number (options);

  if (number == NULL)
    return g_strdup_printf ("%s      %s%s", prefix, separator, suffix);
  if (strpbrk (number, "-/") != NULL)
    return g_strdup_printf ("%s %s", prefix, number);
  return g_strdup_printf ("%s %s%s%s", prefix, number, separator, suffix);
}

void
ward_reports_set_party_heading (WardReport               *report,
                                const WardReportSettings *settings,
                                const WardReportOptions  *options,
                                const char               *number_suffix)
{
  const char *date_iso = ward_reports_document_date (options);
  /* Hướng dẫn 36-HD/VPTW: "Số 12-BC/ĐU", the word "Số" without a colon and
   * a hyphen before the symbol. */
  g_autofree char *number = document_number (options, "Số", "-", number_suffix);
  g_autofree char *date = place_date (settings, date_iso);

  ward_report_set_header (report, WARD_REPORT_HEADER_PARTY, settings->parent_body,
                          settings->party_body, number, date);
  ward_report_set_document_date (report, date_iso);
}

void
ward_reports_set_front_heading (WardReport               *report,
                                const WardReportSettings *settings,
                                const WardReportOptions  *options,
                                const char               *number_suffix)
{
  const char *date_iso = ward_reports_document_date (options);
  /* Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục II.3: "Số:" with a colon, a
   * slash before the symbol ("Số: 12/DS-MTTQ-BTT"). */
  g_autofree char *number = document_number (options, "Số:", "/", number_suffix);
  g_autofree char *date = place_date (settings, date_iso);
  g_autofree char *committee = g_strdup_printf ("%s\n%s", settings->front_parent_body,
                                                settings->front_body);

  /* The committee over the body that issues and signs: its standing
   * committee (Ban Thường trực), as the Front's ward documents are headed. */
  ward_report_set_header (report, WARD_REPORT_HEADER_STATE, committee, "BAN THƯỜNG TRỰC",
                          number, date);
  ward_report_set_document_date (report, date_iso);
}

/* "- Ban Thường vụ Tỉnh ủy (để b/c),", the last line ending with a full
 * stop, as the "Nơi nhận" of official documents is written. */
static GStrv
recipient_lines (const char * const *recipients)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  guint n = recipients != NULL ? g_strv_length ((char **) recipients) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = g_strdup_printf ("- %s%s", recipients[i], i + 1 < n ? "," : ".");

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}

static const char *
name_or_null (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : NULL;
}

/* The lines above the signature. @on_behalf: "T/M ĐẢNG ỦY" or "TM. BAN
 * THƯỜNG TRỰC"; @head: the head's title ("BÍ THƯ") a deputy signs for;
 * @party: the Party's forms (a slash, Hướng dẫn 36-HD/VPTW, điểm 1.7.1)
 * rather than the state's (a full stop, Nghị định 30/2020, Điều 13). */
static GStrv
signature_lines (const WardReportSigning *signing,
                 const char              *on_behalf,
                 const char              *head,
                 gboolean                 party)
{
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
  const char *position = name_or_null (signing->position) != NULL ? signing->position : head;
  g_autofree char *deputy = g_strdup_printf ("%s %s", party ? "K/T" : "KT.", head);
  g_autofree char *acting = g_strdup_printf ("Q. %s", position);

  switch (signing->authority)
    {
    case WARD_SIGNER_DIRECT:
      g_strv_builder_add (lines, position);
      break;
    case WARD_SIGNER_DEPUTY:
      /* A collective body's deputy signs on its behalf for the head (state
       * form); a Party body's deputy signs "K/T" alone. */
      if (!party)
        g_strv_builder_add (lines, on_behalf);
      g_strv_builder_add (lines, deputy);
      g_strv_builder_add (lines, position);
      break;
    case WARD_SIGNER_ACTING:
      g_strv_builder_add (lines, on_behalf);
      g_strv_builder_add (lines, acting);
      break;
    case WARD_SIGNER_DEFAULT:
    case WARD_SIGNER_ON_BEHALF:
    default:
      g_strv_builder_add (lines, on_behalf);
      g_strv_builder_add (lines, position);
      break;
    }
  return g_strv_builder_end (lines);
}

static const char *
signer_name (const WardReportOptions *options,
             const char              *preferences_name)
{
  if (options->signing != NULL && name_or_null (options->signing->name) != NULL)
    return options->signing->name;
  return name_or_null (preferences_name);
}

void
ward_reports_set_party_signature (WardReport               *report,
                                  const WardReportSettings *settings,
                                  const WardReportOptions  *options)
{
  static const WardReportSigning none = { 0 };
  g_auto (GStrv) title_lines = signature_lines (options->signing ? options->signing : &none,
                                                "T/M ĐẢNG ỦY", settings->party_signatory_title,
                                                TRUE);
  g_auto (GStrv) recipients = recipient_lines ((const char * const *) settings->recipients);

  ward_report_set_recipients (report, (const char * const *) recipients);
  ward_report_set_signature (report, (const char * const *) title_lines,
                             signer_name (options, settings->party_signatory_name));
}

void
ward_reports_set_front_signature (WardReport               *report,
                                  const WardReportSettings *settings,
                                  const WardReportOptions  *options,
                                  const char * const       *recipients)
{
  static const WardReportSigning none = { 0 };
  g_auto (GStrv) title_lines = signature_lines (options->signing ? options->signing : &none,
                                                "TM. BAN THƯỜNG TRỰC",
                                                settings->front_signatory_title, FALSE);
  g_auto (GStrv) lines = recipient_lines (recipients);

  ward_report_set_recipients (report, (const char * const *) lines);
  ward_report_set_signature (report, (const char * const *) title_lines,
                             signer_name (options, settings->front_signatory_name));
}

char *
ward_reports_format_share (double part,
                           double whole)
{
  if (whole == 0)
    return g_strdup ("");
  return ward_format_decimal (100.0 * part / whole, 1);
}

char *
ward_reports_format_month (const char *iso_date)
{
  unsigned int year, month;

  if (iso_date == NULL || sscanf (iso_date, "%4u-%2u", &year, &month) != 2)
    return g_strdup ("Không rõ tháng");
  return g_strdup_printf ("Tháng %02u/%u", month, year);
}
