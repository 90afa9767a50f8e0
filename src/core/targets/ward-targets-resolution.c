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
                             "resolution_title, term_start_year, term_end_year, rollout_date "
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
  g_free (self);
}

char *
ward_resolution_term_start (const WardResolution *self)
{
  return g_strdup_printf ("%04d-01-01", self->term_start_year);
}

char *
ward_resolution_term_end (const WardResolution *self)
{
  return g_strdup_printf ("%04d-12-31", self->term_end_year);
}

static int
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return (int) g_date_get_julian (&date);
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
  int end = julian (self->term_end_year, 12, 31);
  int today = julian_of_iso (today_iso);

  return today == 0 ? 0 : MAX (0, end - today);
}

double
ward_resolution_elapsed (const WardResolution *self,
                         const char           *today_iso)
{
  int start = julian (self->term_start_year, 1, 1);
  int end = julian (self->term_end_year, 12, 31);
  int today = julian_of_iso (today_iso);

  if (today == 0)
    return 0.0;
  return CLAMP ((double) (today - start) / (double) (end - start), 0.0, 1.0);
}
