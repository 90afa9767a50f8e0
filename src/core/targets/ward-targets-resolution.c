/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "targets/ward-targets-resolution.h"

WardResolution *
ward_resolution_load (WardStore  *store,
                      GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  WardResolution *self;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT name, party_body, parent_body, province, place_name, congress, "
                             "resolution_title, term_start_year, term_end_year, rollout_date, congress_date, "
                             "term_end_date "
                             "FROM ward WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                     _("The file holds no resolution. Load one with “ward-tracker-cli init --seed FILE”."));
      else
        ward_store_set_error (store, rc, error);
      return NULL;
    }

  self = g_new0 (WardResolution, 1);
  self->name = ward_stmt_dup_text (stmt, 0);
  self->party_body = ward_stmt_dup_text (stmt, 1);
  self->parent_body = ward_stmt_dup_text (stmt, 2);
  self->province = ward_stmt_dup_text (stmt, 3);
  self->place_name = ward_stmt_dup_text (stmt, 4);
  self->congress = ward_stmt_dup_text (stmt, 5);
  self->resolution_title = ward_stmt_dup_text (stmt, 6);
  self->term_start_year = sqlite3_column_int (stmt, 7);
  self->term_end_year = sqlite3_column_int (stmt, 8);
  self->rollout_date = ward_stmt_dup_text (stmt, 9);
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    self->congress_date = ward_stmt_dup_text (stmt, 10);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    self->term_end_date = ward_stmt_dup_text (stmt, 11);
  else
    self->term_end_date = g_strdup_printf ("%04d-12-31", self->term_end_year);
  return self;
}

void
ward_resolution_free (WardResolution *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->party_body);
  g_free (self->parent_body);
  g_free (self->province);
  g_free (self->place_name);
  g_free (self->congress);
  g_free (self->resolution_title);
  g_free (self->rollout_date);
  g_free (self->congress_date);
  g_free (self->term_end_date);
  g_free (self);
}

char *
ward_resolution_term_start (const WardResolution *self)
{
  if (self->congress_date != NULL)
    return g_strdup (self->congress_date);
  return g_strdup_printf ("%04d-01-01", self->term_start_year);
}

char *
ward_resolution_term_end (const WardResolution *self)
{
  return g_strdup (self->term_end_date);
}

gboolean
ward_resolution_has_congress_date (const WardResolution *self)
{
  return self->congress_date != NULL;
}

#define CONGRESS_ASKED_SETTING "congress-date-asked"

gboolean
ward_resolution_should_ask_congress (WardStore *store)
{
  g_autoptr (WardResolution) self = ward_resolution_load (store, NULL);
  g_autofree char *asked = NULL;

  if (self == NULL || ward_resolution_has_congress_date (self))
    return FALSE;
  asked = ward_store_dup_setting (store, CONGRESS_ASKED_SETTING);
  return g_strcmp0 (asked, "1") != 0;
}

gboolean
ward_resolution_mark_congress_asked (WardStore  *store,
                                     GError    **error)
{
  return ward_store_set_setting (store, CONGRESS_ASKED_SETTING, "1", error);
}

const char *
ward_resolution_congress_hint (void)
{
  return _("The date of the congress that adopted the resolution is not set: admissions and "
           "enterprises are counted from 1 January of the term’s first year until it is. Set it "
           "with “ward-tracker-cli term --congress dd/mm/yyyy”, or in the window.");
}

gboolean
ward_resolution_check_congress_date (const WardResolution  *self,
                                     const char            *congress,
                                     const char            *term_end,
                                     GError               **error)
{
  g_autoptr (GDate) date = ward_date_from_iso (congress);
  g_autoptr (GDate) end = ward_date_from_iso (term_end != NULL ? term_end : self->term_end_date);
  g_autofree char *shown = ward_format_date (congress);
  g_autofree char *shown_end = ward_format_date (term_end != NULL ? term_end : self->term_end_date);

  if (date == NULL || (int) g_date_get_year (date) < self->term_start_year
      || (int) g_date_get_year (date) > self->term_end_year)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The congress date %s is not within the term %d – %d."),
                   shown, self->term_start_year, self->term_end_year);
      return FALSE;
    }
  if (end == NULL || g_date_compare (end, date) <= 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The term’s end (%s) must come after the congress (%s)."), shown_end, shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
ward_resolution_set_congress_date (WardStore   *store,
                                   const char  *congress_iso,
                                   const char  *term_end_iso,
                                   GError     **error)
{
  g_autoptr (WardResolution) self = ward_resolution_load (store, error);
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();
  const char *end;
  int rc;

  if (self == NULL)
    return FALSE;
  end = term_end_iso != NULL ? term_end_iso : self->term_end_date;
  if (!ward_resolution_check_congress_date (self, congress_iso, end, error))
    return FALSE;
  stmt = ward_store_prepare (store, "UPDATE ward SET congress_date = ?, term_end_date = ?, "
                                    "updated_at = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, congress_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "ward");
  return TRUE;
}

static int
julian_of_iso (const char *iso)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);

  return date ? (int) g_date_get_julian (date) : 0;
}

int
ward_resolution_days_left (const WardResolution *self,
                           const char           *today_iso)
{
  int end = julian_of_iso (self->term_end_date);
  int today = julian_of_iso (today_iso);

  return today == 0 ? 0 : MAX (0, end - today);
}

double
ward_resolution_elapsed (const WardResolution *self,
                         const char           *today_iso)
{
  g_autofree char *first = ward_resolution_term_start (self);
  int start = julian_of_iso (first);
  int end = julian_of_iso (self->term_end_date);
  int today = julian_of_iso (today_iso);

  if (today == 0 || end <= start)
    return 0.0;
  return CLAMP ((double) (today - start) / (double) (end - start), 0.0, 1.0);
}
