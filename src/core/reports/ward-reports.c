/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reports"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "reports/ward-reports-private.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets-resolution.h"

/* The settings, the names of the reports and what they share. The reports
 * themselves are in ward-reports-<name>.c. */

static const char * const kind_names[WARD_REPORT_N_KINDS] = {
  "targets", "programme", "members", "enterprises", "donations", "receipt",
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

/* "2026" or "2026-H1", as the CLI documents it. */
static gboolean
parse_period_strictly (const char *text,
                       int        *year_out,
                       gboolean   *first_half_out)
{
  unsigned int year;
  int consumed = 0;

  if (sscanf (text, "%4u%n", &year, &consumed) != 1 || consumed != 4
      || !g_ascii_isdigit (text[0]))
    return FALSE;
  if (text[4] == '\0')
    *first_half_out = FALSE;
  else if (g_ascii_strcasecmp (text + 4, "-H1") == 0)
    *first_half_out = TRUE;
  else
    return FALSE;
  *year_out = (int) year;
  return TRUE;
}

gboolean
ward_reports_parse_period (WardStore   *store,
                           const char  *text,
                           int         *year_out,
                           gboolean    *first_half_out,
                           GError     **error)
{
  g_autoptr (WardResolution) ward = NULL;
  gboolean first_half = FALSE;
  int year = 0;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (year_out != NULL && first_half_out != NULL, FALSE);

  if (text == NULL || !parse_period_strictly (text, &year, &first_half))
    {
      if (text == NULL || !ward_reading_parse_period (text, &year, &first_half, NULL, NULL))
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” is not a period; write a year (2026) or its first half (2026-H1)."),
                       text != NULL ? text : "");
          return FALSE;
        }
    }

  ward = ward_resolution_load (store, error);
  if (ward == NULL)
    return FALSE;
  if (year < ward->term_start_year || year > ward->term_end_year)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("%d is outside the term %d – %d; choose a year of the term."),
                   year, ward->term_start_year, ward->term_end_year);
      return FALSE;
    }

  *year_out = year;
  *first_half_out = first_half;
  return TRUE;
}

char *
ward_reports_format_period (int      year,
                            gboolean first_half)
{
  if (first_half)
    return g_strdup_printf ("6 tháng đầu năm %d", year);
  return g_strdup_printf ("năm %d", year);
}

/* ---- Building -------------------------------------------------------------- */

WardReport *
ward_reports_build (WardStore                 *store,
                    WardReportKind             kind,
                    const WardReportSettings  *settings,
                    const WardReportOptions   *options,
                    GError                   **error)
{
  static const WardReportOptions defaults = { 0 };
  g_autofree char *today = NULL;
  int year;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < WARD_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  today = options->today != NULL ? g_strdup (options->today) : ward_today_iso ();
  year = options->year != 0 ? options->year : (int) g_ascii_strtoll (today, NULL, 10);

  switch (kind)
    {
    case WARD_REPORT_KIND_TARGETS:
      return ward_reports_targets (store, settings, year, options->first_half, today, error);
    case WARD_REPORT_KIND_PROGRAMME:
      return ward_reports_programme (store, settings, today, error);
    case WARD_REPORT_KIND_ADMISSIONS:
      return ward_reports_admissions (store, settings, today, error);
    case WARD_REPORT_KIND_ENTERPRISES:
      return ward_reports_enterprises (store, settings, today, error);
    case WARD_REPORT_KIND_DONATIONS:
      return ward_reports_donations (store, settings, options->campaign, today, error);
    case WARD_REPORT_KIND_RECEIPT:
    default:
      return ward_reports_receipt (store, settings, options->campaign, options->receipt_number,
                                   error);
    }
}

char *
ward_reports_suggest_filename (WardReportKind           kind,
                               const WardReportOptions *options)
{
  g_autofree char *number = NULL;
  g_autofree char *today = NULL;
  int year;

  switch (kind)
    {
    case WARD_REPORT_KIND_TARGETS:
      year = options != NULL ? options->year : 0;
      if (year == 0)
        {
          today = ward_today_iso ();
          year = (int) g_ascii_strtoll (today, NULL, 10);
        }
      return g_strdup_printf ("bao-cao-chi-tieu-%d%s.pdf", year,
                              options != NULL && options->first_half ? "-6-thang" : "");
    case WARD_REPORT_KIND_PROGRAMME:
      return g_strdup ("tien-do-chuong-trinh-hanh-dong.pdf");
    case WARD_REPORT_KIND_ADMISSIONS:
      return g_strdup ("ket-nap-dang-vien.pdf");
    case WARD_REPORT_KIND_ENTERPRISES:
      return g_strdup ("doanh-nghiep-thanh-lap-moi.pdf");
    case WARD_REPORT_KIND_DONATIONS:
      return g_strdup ("danh-sach-cong-khai-ung-ho.pdf");
    case WARD_REPORT_KIND_RECEIPT:
    default:
      number = g_strdup (options != NULL && options->receipt_number != NULL
                         ? options->receipt_number : "");
      g_strcanon (number, G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS "-", '-');
      return g_strdup_printf ("bien-lai-%s.pdf", number);
    }
}

/* ---- What the reports share ------------------------------------------------ */

static char *
place_date (const WardReportSettings *settings,
            const char               *date_iso)
{
  char *text = ward_report_format_place_date_iso (settings->place_name, date_iso);

  return text != NULL ? text : g_strdup ("");
}

void
ward_reports_set_party_heading (WardReport               *report,
                                const WardReportSettings *settings,
                                const char               *number_suffix,
                                const char               *date_iso)
{
  g_autofree char *number = g_strdup_printf ("Số      -%s", number_suffix);
  g_autofree char *date = place_date (settings, date_iso);

  ward_report_set_header (report, WARD_REPORT_HEADER_PARTY, settings->parent_body,
                          settings->party_body, number, date);
  ward_report_set_document_date (report, date_iso);
}

void
ward_reports_set_front_heading (WardReport               *report,
                                const WardReportSettings *settings,
                                const char               *number,
                                const char               *date_iso)
{
  g_autofree char *date = place_date (settings, date_iso);

  ward_report_set_header (report, WARD_REPORT_HEADER_STATE, settings->front_parent_body,
                          settings->front_body, number, date);
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

void
ward_reports_set_party_signature (WardReport               *report,
                                  const WardReportSettings *settings)
{
  const char *title_lines[] = { "T/M ĐẢNG ỦY", settings->party_signatory_title, NULL };
  g_auto (GStrv) recipients = recipient_lines ((const char * const *) settings->recipients);

  ward_report_set_recipients (report, (const char * const *) recipients);
  ward_report_set_signature (report, title_lines, name_or_null (settings->party_signatory_name));
}

void
ward_reports_set_front_signature (WardReport               *report,
                                  const WardReportSettings *settings,
                                  const char * const       *recipients)
{
  const char *title_lines[] = { "T/M BAN THƯỜNG TRỰC", settings->front_signatory_title, NULL };
  g_auto (GStrv) lines = recipient_lines (recipients);

  ward_report_set_recipients (report, (const char * const *) lines);
  ward_report_set_signature (report, title_lines, name_or_null (settings->front_signatory_name));
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
