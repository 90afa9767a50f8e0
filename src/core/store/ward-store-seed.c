/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "base/ward-text.h"
#include "store/ward-store-seed.h"

typedef struct
{
  WardStore  *store;
  const char *file;
  char       *now;
} Seed;

static const char * const target_kinds[] = { "rate", "growth", "money", "count", "quota", NULL };
static const char * const comparisons[] = { ">=", ">", "=", NULL };
static const char * const groups[] = { "economy", "society", "defence", "party", NULL };
static const char * const sources[] = { "manual", "admissions", "enterprises", "quota", NULL };
static const char * const programme_kinds[] = { "task", "breakthrough", NULL };

/* Seeded rows get the same UUID on every laptop that loads the same seed,
 * derived from the table and the row's natural key (a name-based UUID, as
 * RFC 4122 version 5 does it, with SHA-256): bundles exchanged between
 * laptops then speak of the same target, task or campaign, and the donation
 * ledger's hashes, which include the campaign's UUID, agree. */
static char *
seed_uuid (const char *table,
           const char *key)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "ward-tracker-seed", -1);
  g_checksum_update (checksum, (const guchar *) "", 1);
  g_checksum_update (checksum, (const guchar *) table, -1);
  g_checksum_update (checksum, (const guchar *) "", 1);
  g_checksum_update (checksum, (const guchar *) key, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
fail (Seed        *seed,
      const char  *place,
      const char  *problem,
      GError     **error)
{
  g_set_error (error, WARD_ERROR, WARD_ERROR_SEED, "%s: %s: %s", seed->file, place, problem);
  return FALSE;
}

static gboolean
get_member (Seed        *seed,
            JsonObject  *object,
            const char  *place,
            const char  *member,
            gboolean     required,
            JsonNode   **out,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, member);

  *out = json_object_get_member (object, member);
  if (*out == NULL || JSON_NODE_HOLDS_NULL (*out))
    {
      *out = NULL;
      return !required || fail (seed, where, _("this field is required"), error);
    }
  return TRUE;
}

/* A required or optional non-empty string, normalised to NFC. */
static gboolean
get_string (Seed        *seed,
            JsonObject  *object,
            const char  *place,
            const char  *member,
            gboolean     required,
            char       **out,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, member);
  JsonNode *node;

  *out = NULL;
  if (!get_member (seed, object, place, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (seed, where, _("expected text"), error);
  *out = ward_text_normalize (json_node_get_string (node));
  if (required && (*out == NULL || **out == '\0'))
    return fail (seed, where, _("this field must not be empty"), error);
  return TRUE;
}

static gboolean
get_number (Seed        *seed,
            JsonObject  *object,
            const char  *place,
            const char  *member,
            gboolean     required,
            gboolean    *present,
            double      *out,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, member);
  JsonNode *node;
  GType type;

  *present = FALSE;
  if (!get_member (seed, object, place, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (seed, where, _("expected a number"), error);
  *out = json_node_get_double (node);
  *present = TRUE;
  return TRUE;
}

static gboolean
get_choice (Seed               *seed,
            JsonObject         *object,
            const char         *place,
            const char         *member,
            const char * const *choices,
            char              **out,
            GError            **error)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", place, member);
  g_autofree char *allowed = NULL;
  g_autofree char *problem = NULL;

  if (!get_string (seed, object, place, member, TRUE, out, error))
    return FALSE;
  if (g_strv_contains (choices, *out))
    return TRUE;
  allowed = g_strjoinv (", ", (char **) choices);
  problem = g_strdup_printf (_("must be one of: %s"), allowed);
  g_clear_pointer (out, g_free);
  return fail (seed, where, problem, error);
}

static gboolean
get_array (Seed        *seed,
           JsonObject  *root,
           const char  *member,
           gboolean     required,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (seed, root, "$", member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (seed, member, _("expected a list"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_object_element (Seed        *seed,
                    JsonArray   *array,
                    const char  *member,
                    guint        i,
                    JsonObject **out,
                    char       **place,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  *place = g_strdup_printf ("%s[%u]", member, i);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (seed, *place, _("expected an object"), error);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
is_iso_date (const char *text)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *with_time = NULL;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  with_time = g_strconcat (text, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_time, NULL);
  return dt != NULL;
}

static gboolean
step_insert (Seed          *seed,
             sqlite3_stmt  *stmt,
             const char    *place,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return fail (seed, place, sqlite3_errmsg (ward_store_get_db (seed->store)), error);
  return ward_store_set_error (seed->store, rc, error);
}

/* The term's dates: the congress that adopted the resolution (required: the
 * counted targets count from it) and the term's end (the end of its last
 * year unless the seed says otherwise). */
static gboolean
get_term_dates (Seed        *seed,
                JsonObject  *ward,
                int          start,
                int          end,
                char       **congress_out,
                char       **term_end_out,
                GError     **error)
{
  if (!get_string (seed, ward, "ward", "congress_date", TRUE, congress_out, error)
      || !get_string (seed, ward, "ward", "term_end_date", FALSE, term_end_out, error))
    return FALSE;
  if (!is_iso_date (*congress_out) || atoi (*congress_out) < start || atoi (*congress_out) > end)
    return fail (seed, "ward.congress_date",
                 _("expected the date of the congress, written yyyy-mm-dd, within the term"), error);
  if (*term_end_out == NULL)
    *term_end_out = g_strdup_printf ("%04d-12-31", end);
  if (!is_iso_date (*term_end_out) || strcmp (*term_end_out, *congress_out) <= 0)
    return fail (seed, "ward.term_end_date",
                 _("expected a date written yyyy-mm-dd, after the congress"), error);
  return TRUE;
}

static gboolean
get_ward (Seed         *seed,
          JsonObject   *root,
          JsonObject  **ward_out,
          GError      **error)
{
  JsonNode *node = json_object_get_member (root, "ward");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (seed, "ward", _("this section is required and must be an object"), error);
  *ward_out = json_node_get_object (node);
  return TRUE;
}

static gboolean
get_term_years (Seed        *seed,
                JsonObject  *ward,
                double      *start,
                double      *end,
                GError     **error)
{
  gboolean present;

  if (!get_number (seed, ward, "ward", "term_start_year", TRUE, &present, start, error)
      || !get_number (seed, ward, "ward", "term_end_year", TRUE, &present, end, error))
    return FALSE;
  if (*start < 1945 || *start > 2200 || *start != (int) *start)
    return fail (seed, "ward.term_start_year", _("expected a year"), error);
  if (*end <= *start || *end - *start > 10 || *end != (int) *end)
    return fail (seed, "ward.term_end_year", _("expected a year after the start of the term"), error);
  return TRUE;
}

static gboolean
load_ward (Seed        *seed,
           JsonObject  *root,
           GError     **error)
{
  g_autofree char *name = NULL, *party_body = NULL, *parent_body = NULL, *province = NULL;
  g_autofree char *place_name = NULL, *congress = NULL, *title = NULL, *rollout = NULL;
  g_autofree char *uuid = NULL, *congress_date = NULL, *term_end = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  JsonObject *ward;
  double start = 0, end = 0;

  if (!get_ward (seed, root, &ward, error))
    return FALSE;
  if (!get_string (seed, ward, "ward", "name", TRUE, &name, error)
      || !get_string (seed, ward, "ward", "party_body", TRUE, &party_body, error)
      || !get_string (seed, ward, "ward", "parent_body", TRUE, &parent_body, error)
      || !get_string (seed, ward, "ward", "province", TRUE, &province, error)
      || !get_string (seed, ward, "ward", "place_name", TRUE, &place_name, error)
      || !get_string (seed, ward, "ward", "congress", TRUE, &congress, error)
      || !get_string (seed, ward, "ward", "resolution_title", TRUE, &title, error)
      || !get_string (seed, ward, "ward", "rollout_date", FALSE, &rollout, error)
      || !get_term_years (seed, ward, &start, &end, error)
      || !get_term_dates (seed, ward, (int) start, (int) end, &congress_date, &term_end, error))
    return FALSE;
  if (rollout != NULL && !is_iso_date (rollout))
    return fail (seed, "ward.rollout_date", _("expected a date written yyyy-mm-dd"), error);

  uuid = seed_uuid ("ward", "1");
  /* A file made at an older schema (the migration tests make one of each)
   * has no columns for the term's dates: its migration fills them. */
  stmt = ward_store_prepare (seed->store,
                             ward_store_get_version (seed->store) >= WARD_SEED_TERM_DATES_VERSION
                             ? "INSERT INTO ward (id, uuid, name, party_body, parent_body, province, "
                               "place_name, congress, resolution_title, term_start_year, term_end_year, "
                               "rollout_date, created_at, updated_at, congress_date, term_end_date) "
                               "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             : "INSERT INTO ward (id, uuid, name, party_body, parent_body, province, "
                               "place_name, congress, resolution_title, term_start_year, term_end_year, "
                               "rollout_date, created_at, updated_at) "
                               "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, party_body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, parent_body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, province, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, place_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, congress, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, (int) start);
  sqlite3_bind_int (stmt, 10, (int) end);
  ward_stmt_bind_text_or_null (stmt, 11, rollout);
  sqlite3_bind_text (stmt, 12, seed->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, seed->now, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) == 15)
    {
      sqlite3_bind_text (stmt, 14, congress_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, term_end, -1, SQLITE_STATIC);
    }
  return step_insert (seed, stmt, "ward", error);
}

static gboolean
load_target (Seed        *seed,
             JsonObject  *object,
             const char  *place,
             int          position,
             GError     **error)
{
  g_autofree char *code = NULL, *name = NULL, *short_name = NULL, *unit = NULL;
  g_autofree char *kind = NULL, *comparison = NULL, *group = NULL, *source = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  double goal = 0, baseline_year = 0, baseline_value = 0;
  gboolean has_goal, has_year, has_value;

  if (!get_string (seed, object, place, "code", TRUE, &code, error)
      || !get_string (seed, object, place, "name", TRUE, &name, error)
      || !get_string (seed, object, place, "short_name", FALSE, &short_name, error)
      || !get_string (seed, object, place, "unit", TRUE, &unit, error)
      || !get_choice (seed, object, place, "kind", target_kinds, &kind, error)
      || !get_choice (seed, object, place, "comparison", comparisons, &comparison, error)
      || !get_choice (seed, object, place, "group", groups, &group, error)
      || !get_choice (seed, object, place, "source", sources, &source, error)
      || !get_number (seed, object, place, "goal", TRUE, &has_goal, &goal, error)
      || !get_number (seed, object, place, "baseline_year", FALSE, &has_year, &baseline_year, error)
      || !get_number (seed, object, place, "baseline_value", FALSE, &has_value, &baseline_value, error))
    return FALSE;

  if ((g_str_equal (kind, "rate") || g_str_equal (kind, "quota")) && (goal < 0 || goal > 100))
    {
      g_autofree char *where = g_strdup_printf ("%s.goal", place);
      return fail (seed, where, _("a rate lies between 0 and 100"), error);
    }

  uuid = seed_uuid ("targets", code);
  stmt = ward_store_prepare (seed->store,
                             "INSERT INTO targets (uuid, code, position, name, short_name, unit, kind, "
                             "goal, comparison, group_code, source, baseline_year, baseline_value, "
                             "created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, short_name ? short_name : name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, kind, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 8, goal);
  sqlite3_bind_text (stmt, 9, comparison, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, group, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, source, -1, SQLITE_STATIC);
  if (has_year)
    sqlite3_bind_int (stmt, 12, (int) baseline_year);
  if (has_value)
    sqlite3_bind_double (stmt, 13, baseline_value);
  sqlite3_bind_text (stmt, 14, seed->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, seed->now, -1, SQLITE_STATIC);
  return step_insert (seed, stmt, place, error);
}

static gboolean
load_programme_group (Seed        *seed,
                      JsonObject  *object,
                      const char  *place,
                      int          position,
                      GError     **error)
{
  g_autofree char *kind = NULL, *title = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (WardStmt) stmt = NULL;

  if (!get_choice (seed, object, place, "kind", programme_kinds, &kind, error)
      || !get_string (seed, object, place, "title", TRUE, &title, error))
    return FALSE;

  {
    g_autofree char *key = g_strdup_printf ("%s:%d", kind, position);
    uuid = seed_uuid ("programme_groups", key);
  }
  stmt = ward_store_prepare (seed->store,
                             "INSERT INTO programme_groups (uuid, kind, position, title, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, seed->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, seed->now, -1, SQLITE_STATIC);
  return step_insert (seed, stmt, place, error);
}

/* "units" and "party_cells": lists of names the office keeps. */
static gboolean
load_name_list (Seed        *seed,
                JsonObject  *root,
                const char  *member,
                const char  *sql,
                GError     **error)
{
  JsonArray *array;

  if (!get_array (seed, root, member, FALSE, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s[%u]", member, i);
      g_autofree char *uuid = NULL;
      g_autofree char *name = NULL;
      g_autoptr (WardStmt) stmt = NULL;
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (seed, place, _("expected text"), error);
      name = ward_text_normalize (json_node_get_string (node));
      if (name == NULL || *name == '\0')
        return fail (seed, place, _("this field must not be empty"), error);

      uuid = seed_uuid (member, name);
      stmt = ward_store_prepare (seed->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, seed->now, -1, SQLITE_STATIC);
      if (!step_insert (seed, stmt, place, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_campaign (Seed        *seed,
               JsonObject  *object,
               const char  *place,
               GError     **error)
{
  g_autofree char *name = NULL, *organiser = NULL, *start = NULL, *end = NULL;
  g_autofree char *receiver = NULL, *account = NULL, *description = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (WardStmt) stmt = NULL;

  if (!get_string (seed, object, place, "name", TRUE, &name, error)
      || !get_string (seed, object, place, "organiser", TRUE, &organiser, error)
      || !get_string (seed, object, place, "start_date", TRUE, &start, error)
      || !get_string (seed, object, place, "end_date", FALSE, &end, error)
      || !get_string (seed, object, place, "receiver", FALSE, &receiver, error)
      || !get_string (seed, object, place, "receiver_account", FALSE, &account, error)
      || !get_string (seed, object, place, "description", FALSE, &description, error))
    return FALSE;
  if (!is_iso_date (start))
    {
      g_autofree char *where = g_strdup_printf ("%s.start_date", place);
      return fail (seed, where, _("expected a date written yyyy-mm-dd"), error);
    }
  if (end != NULL && *end != '\0' && (!is_iso_date (end) || strcmp (end, start) < 0))
    {
      g_autofree char *where = g_strdup_printf ("%s.end_date", place);
      return fail (seed, where, _("expected a date written yyyy-mm-dd, not before the start"), error);
    }

  uuid = seed_uuid ("campaigns", name);
  stmt = ward_store_prepare (seed->store,
                             "INSERT INTO campaigns (uuid, name, organiser, start_date, end_date, receiver, "
                             "receiver_account, description, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, organiser, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, start, -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 5, end);
  ward_stmt_bind_text_or_null (stmt, 6, receiver);
  ward_stmt_bind_text_or_null (stmt, 7, account);
  ward_stmt_bind_text_or_null (stmt, 8, description);
  sqlite3_bind_text (stmt, 9, seed->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, seed->now, -1, SQLITE_STATIC);
  return step_insert (seed, stmt, place, error);
}

typedef gboolean (*LoadElement) (Seed *, JsonObject *, const char *, int, GError **);

static gboolean
load_list (Seed         *seed,
           JsonObject   *root,
           const char   *member,
           guint         min_length,
           LoadElement   load,
           GError      **error)
{
  JsonArray *array;

  if (!get_array (seed, root, member, TRUE, &array, error))
    return FALSE;
  if (json_array_get_length (array) < min_length)
    return fail (seed, member, _("the list is empty"), error);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = NULL;
      JsonObject *object;

      if (!get_object_element (seed, array, member, i, &object, &place, error)
          || !load (seed, object, place, (int) i + 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_campaign_element (Seed        *seed,
                       JsonObject  *object,
                       const char  *place,
                       int          position,
                       GError     **error)
{
  return load_campaign (seed, object, place, error);
}

/* Version 2: the study conferences the ward held, as events: the ward's
 * own, without attendance figures (a seed carries no Party members). */
static gboolean
get_documents (Seed        *seed,
               JsonObject  *object,
               const char  *place,
               int         *out,
               GError     **error)
{
  static const char * const names[] = { "resolution", "programme", "front" };
  g_autofree char *where = g_strdup_printf ("%s.documents", place);
  JsonNode *node = json_object_get_member (object, "documents");
  JsonArray *array;

  *out = 1;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (seed, where, _("expected a list of resolution, programme, front"), error);
  array = json_node_get_array (node);
  *out = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i))
                         ? json_array_get_string_element (array, i) : NULL;
      guint bit = 0;

      while (bit < G_N_ELEMENTS (names) && g_strcmp0 (name, names[bit]) != 0)
        bit++;
      if (bit == G_N_ELEMENTS (names))
        return fail (seed, where, _("expected a list of resolution, programme, front"), error);
      *out |= 1 << bit;
    }
  return TRUE;
}

static gboolean
load_study_session (Seed        *seed,
                    JsonObject  *object,
                    const char  *place,
                    int          position,
                    GError     **error)
{
  g_autofree char *title = NULL, *held_on = NULL, *where = NULL, *presenter = NULL, *note = NULL;
  g_autofree char *uuid = NULL, *key = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int documents;

  if (!get_string (seed, object, place, "title", TRUE, &title, error)
      || !get_string (seed, object, place, "held_on", TRUE, &held_on, error)
      || !get_string (seed, object, place, "place", FALSE, &where, error)
      || !get_string (seed, object, place, "presenter", FALSE, &presenter, error)
      || !get_string (seed, object, place, "note", FALSE, &note, error)
      || !get_documents (seed, object, place, &documents, error))
    return FALSE;
  if (!is_iso_date (held_on))
    {
      g_autofree char *at = g_strdup_printf ("%s.held_on", place);
      return fail (seed, at, _("expected a date written yyyy-mm-dd"), error);
    }
  key = g_strconcat (held_on, "|", title, NULL);
  uuid = seed_uuid ("study_sessions", key);
  stmt = ward_store_prepare (seed->store,
                             "INSERT INTO study_sessions (uuid, title, held_on, place, presenter, "
                             "documents, attendance_recorded, note, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, held_on, -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 4, where);
  ward_stmt_bind_text_or_null (stmt, 5, presenter);
  sqlite3_bind_int (stmt, 6, documents);
  ward_stmt_bind_text_or_null (stmt, 7, note);
  sqlite3_bind_text (stmt, 8, seed->now, -1, SQLITE_STATIC);
  return step_insert (seed, stmt, place, error);
}

/* The seed's root object, once the format and version are checked. */
static JsonObject *
parse_root (Seed        *seed,
            JsonParser  *parser,
            GBytes      *json,
            GError     **error)
{
  g_autoptr (GError) parse_error = NULL;
  JsonObject *root;
  JsonNode *format;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                   (gssize) g_bytes_get_size (json), &parse_error))
    {
      fail (seed, _("not valid JSON"), parse_error->message, error);
      return NULL;
    }
  /* An empty file parses to no root at all (found by tests/fuzz/fuzz-seed). */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (seed, "$", _("expected an object"), error);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  format = json_object_get_member (root, "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), "ward-tracker-seed") != 0)
    {
      fail (seed, "format", _("this is not a Ward Tracker seed file "
                              "(expected \"format\": \"ward-tracker-seed\")"), error);
      return NULL;
    }
  /* Version 2 added "study_sessions"; a version 1 seed reads as it did. */
  if (json_object_get_int_member_with_default (root, "version", 0) != 1
      && json_object_get_int_member_with_default (root, "version", 0) != 2)
    {
      fail (seed, "version", _("unknown seed version; this program reads versions 1 and 2"), error);
      return NULL;
    }
  return root;
}

gboolean
ward_seed_apply (WardStore   *store,
                 GBytes      *json,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *now = ward_store_now ();
  Seed seed = { store, display_name, now };
  JsonObject *root;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  /* Before the parser, which recurses once per level of nesting. */
  if (g_bytes_get_size (json) > WARD_INPUT_JSON_MAX)
    return fail (&seed, "$", _("the file is larger than a seed can be"), error);
  if (!ward_input_check_json (g_bytes_get_data (json, NULL), g_bytes_get_size (json), display_name, error))
    return FALSE;
  root = parse_root (&seed, parser, json, error);
  if (root == NULL)
    return FALSE;
  return load_ward (&seed, root, error)
         && load_list (&seed, root, "targets", 1, load_target, error)
         && load_list (&seed, root, "programme", 0, load_programme_group, error)
         && load_name_list (&seed, root, "units",
                            "INSERT INTO units (uuid, name, position, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?4)", error)
         && load_name_list (&seed, root, "party_cells",
                            "INSERT INTO party_cells (uuid, name, position, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?4)", error)
         && load_list (&seed, root, "campaigns", 0, load_campaign_element, error)
         && (!json_object_has_member (root, "study_sessions")
             || ward_store_get_version (store) < WARD_SEED_STUDY_VERSION
             || load_list (&seed, root, "study_sessions", 0, load_study_session, error));
}

gboolean
ward_seed_fill_term (WardStore   *store,
                     GBytes      *json,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *now = ward_store_now ();
  g_autofree char *name = NULL, *province = NULL, *congress = NULL, *term_end = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  Seed seed = { store, display_name, now };
  JsonObject *root, *ward;
  double start = 0, end = 0;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  root = parse_root (&seed, parser, json, error);
  if (root == NULL || !get_ward (&seed, root, &ward, error)
      || !get_string (&seed, ward, "ward", "name", TRUE, &name, error)
      || !get_string (&seed, ward, "ward", "province", TRUE, &province, error)
      || !get_term_years (&seed, ward, &start, &end, error)
      || !get_term_dates (&seed, ward, (int) start, (int) end, &congress, &term_end, error))
    return FALSE;
  /* Only the ward the seed describes, and only once. */
  stmt = ward_store_prepare (store, "UPDATE ward SET congress_date = ?1, term_end_date = ?2, "
                                    "updated_at = ?3 WHERE id = 1 AND congress_date IS NULL "
                                    "AND name = ?4 AND province = ?5 AND term_start_year = ?6 "
                                    "AND term_end_year = ?7", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, congress, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, term_end, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, province, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, (int) start);
  sqlite3_bind_int (stmt, 7, (int) end);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}
