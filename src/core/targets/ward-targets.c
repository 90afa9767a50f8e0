/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "targets/ward-targets-resolution.h"
#include "targets/ward-targets.h"

struct _WardTarget
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  char             *code;
  int               position;
  char             *name;
  char             *short_name;
  char             *unit;
  WardTargetKind    kind;
  WardTargetSource  source;
  WardComparison    comparison;
  double            goal;
  char             *group;
  int               baseline_year;
  gboolean          has_baseline_value;
  double            baseline_value;
};

G_DEFINE_FINAL_TYPE (WardTarget, ward_target, G_TYPE_OBJECT)

static void
ward_target_finalize (GObject *object)
{
  WardTarget *self = (WardTarget *) object;

  g_free (self->uuid);
  g_free (self->code);
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->unit);
  g_free (self->group);

  G_OBJECT_CLASS (ward_target_parent_class)->finalize (object);
}

static void
ward_target_class_init (WardTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_target_finalize;
}

static void
ward_target_init (WardTarget *self)
{
}

gint64 ward_target_get_id (WardTarget *self) { return self->id; }
const char *ward_target_get_uuid (WardTarget *self) { return self->uuid; }
const char *ward_target_get_code (WardTarget *self) { return self->code; }
int ward_target_get_position (WardTarget *self) { return self->position; }
const char *ward_target_get_name (WardTarget *self) { return self->name; }
const char *ward_target_get_short_name (WardTarget *self) { return self->short_name; }
const char *ward_target_get_unit (WardTarget *self) { return self->unit; }
WardTargetKind ward_target_get_kind (WardTarget *self) { return self->kind; }
WardTargetSource ward_target_get_source (WardTarget *self) { return self->source; }
WardComparison ward_target_get_comparison (WardTarget *self) { return self->comparison; }
double ward_target_get_goal (WardTarget *self) { return self->goal; }
const char *ward_target_get_group (WardTarget *self) { return self->group; }
int ward_target_get_baseline_year (WardTarget *self) { return self->baseline_year; }

gboolean
ward_target_get_baseline_value (WardTarget *self,
                                double     *value_out)
{
  g_return_val_if_fail (WARD_IS_TARGET (self), FALSE);

  if (self->has_baseline_value && value_out != NULL)
    *value_out = self->baseline_value;
  return self->has_baseline_value;
}

gboolean
ward_target_is_counted (WardTarget *self)
{
  g_return_val_if_fail (WARD_IS_TARGET (self), FALSE);

  return self->source == WARD_SOURCE_ADMISSIONS || self->source == WARD_SOURCE_ENTERPRISES;
}

const char *
ward_target_group_title (const char *group_code)
{
  if (g_strcmp0 (group_code, "economy") == 0)
    return _("Economy");
  if (g_strcmp0 (group_code, "society") == 0)
    return _("Culture and society");
  if (g_strcmp0 (group_code, "defence") == 0)
    return _("Defence and security");
  if (g_strcmp0 (group_code, "party") == 0)
    return _("Party building");
  return group_code;
}

char *
ward_target_format_value (WardTarget *self,
                          double      value)
{
  g_return_val_if_fail (WARD_IS_TARGET (self), NULL);

  switch (self->kind)
    {
    case WARD_TARGET_RATE:
    case WARD_TARGET_GROWTH:
    case WARD_TARGET_QUOTA:
      return ward_format_percent (value, 1);
    case WARD_TARGET_MONEY:
      return ward_format_money ((gint64) value);
    case WARD_TARGET_COUNT:
    default:
      return ward_format_number ((gint64) value);
    }
}

char *
ward_target_format_goal (WardTarget *self)
{
  g_autofree char *value = NULL;
  const char *sign = "";

  g_return_val_if_fail (WARD_IS_TARGET (self), NULL);

  value = ward_target_format_value (self, self->goal);
  if (self->comparison == WARD_COMPARE_AT_LEAST)
    sign = "≥ ";
  else if (self->comparison == WARD_COMPARE_ABOVE)
    sign = "> ";
  if (self->kind == WARD_TARGET_COUNT)
    return g_strdup_printf ("%s%s %s", sign, value, self->unit);
  return g_strconcat (sign, value, NULL);
}

static int
parse_enum (const char         *text,
            const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      return i;
  return 0;
}

GPtrArray *
ward_targets_load (WardStore  *store,
                   GError    **error)
{
  static const char * const kinds[] = { "rate", "growth", "money", "count", "quota", NULL };
  static const char * const sources[] = { "manual", "admissions", "enterprises", "quota", NULL };
  static const char * const comparisons[] = { ">=", ">", "=", NULL };
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT id, uuid, code, position, name, short_name, unit, kind, source, "
                             "comparison, goal, group_code, baseline_year, baseline_value "
                             "FROM targets ORDER BY position", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardTarget *target = g_object_new (WARD_TYPE_TARGET, NULL);

      target->id = sqlite3_column_int64 (stmt, 0);
      target->uuid = ward_stmt_dup_text (stmt, 1);
      target->code = ward_stmt_dup_text (stmt, 2);
      target->position = sqlite3_column_int (stmt, 3);
      target->name = ward_stmt_dup_text (stmt, 4);
      target->short_name = ward_stmt_dup_text (stmt, 5);
      target->unit = ward_stmt_dup_text (stmt, 6);
      target->kind = parse_enum (ward_stmt_text (stmt, 7), kinds);
      target->source = parse_enum (ward_stmt_text (stmt, 8), sources);
      target->comparison = parse_enum (ward_stmt_text (stmt, 9), comparisons);
      target->goal = sqlite3_column_double (stmt, 10);
      target->group = ward_stmt_dup_text (stmt, 11);
      target->baseline_year = sqlite3_column_int (stmt, 12);
      target->has_baseline_value = sqlite3_column_type (stmt, 13) != SQLITE_NULL;
      target->baseline_value = sqlite3_column_double (stmt, 13);
      g_ptr_array_add (targets, target);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&targets);
}

gint64
ward_targets_count_registered (WardStore         *store,
                               WardTargetSource   source,
                               const char        *start_iso,
                               const char        *end_iso,
                               GError           **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), -1);

  if (source == WARD_SOURCE_ADMISSIONS)
    sql = "SELECT count(*) FROM candidates WHERE ceremony_date BETWEEN ?1 AND ?2";
  else if (source == WARD_SOURCE_ENTERPRISES)
    sql = "SELECT count(*) FROM enterprises "
          "WHERE is_branch = 0 AND in_ward = 1 AND registered_on BETWEEN ?1 AND ?2";
  else
    g_return_val_if_reached (-1);

  stmt = ward_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, start_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end_iso, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ward_store_set_error (store, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
ward_targets_count_by_year (WardStore         *store,
                            WardTargetSource   source,
                            int                first_year,
                            int                last_year,
                            gint64            *counts,
                            GError           **error)
{
  g_autoptr (WardResolution) resolution = NULL;
  g_autofree char *term_start = NULL;
  g_autofree char *term_end = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (last_year >= first_year, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  resolution = ward_resolution_load (store, error);
  if (resolution == NULL)
    return FALSE;
  term_start = ward_resolution_term_start (resolution);
  term_end = ward_resolution_term_end (resolution);
  /* Year by year with the same query as the term's total, each year cut to
   * the term (the congress year counts from the congress), so that the
   * years always add up to it. */
  for (int year = first_year; year <= last_year; year++)
    {
      g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
      g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
      const char *start = strcmp (first, term_start) < 0 ? term_start : first;
      const char *end = strcmp (last, term_end) > 0 ? term_end : last;

      counts[year - first_year] = ward_targets_count_registered (store, source, start, end, error);
      if (counts[year - first_year] < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
latest_reading (WardStore  *store,
                WardTarget *target,
                double     *value_out,
                GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT CASE WHEN quota > 0 THEN 100.0 * delivered / quota ELSE value END "
                             "FROM readings WHERE target_id = ? AND baseline = 0 "
                             "AND (value IS NOT NULL OR quota > 0) "
                             "ORDER BY year DESC, half ASC, status = 'final' DESC, updated_at DESC "
                             "LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, target->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value_out = sqlite3_column_double (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return FALSE;
}

gboolean
ward_target_latest_value (WardStore   *store,
                          WardTarget  *target,
                          double      *value_out,
                          GError     **error)
{
  g_autoptr (WardResolution) resolution = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 count;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (WARD_IS_TARGET (target), FALSE);

  if (target->source != WARD_SOURCE_ADMISSIONS && target->source != WARD_SOURCE_ENTERPRISES)
    return latest_reading (store, target, value_out, error);

  resolution = ward_resolution_load (store, error);
  if (resolution == NULL)
    return FALSE;
  start = ward_resolution_term_start (resolution);
  end = ward_resolution_term_end (resolution);
  count = ward_targets_count_registered (store, target->source, start, end, error);
  if (count < 0)
    return FALSE;
  *value_out = (double) count;
  return TRUE;
}
