/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "cli/ward-cli.h"
#include "study/ward-study.h"

/* `study` for scripts: the sessions and who attended, make-ups, the
 * reflections, and the shares the page shows (`study status`). The rules
 * are core's; a refusal names the option and stores nothing. A member is
 * named as the list writes them; two members of one name are told apart
 * with the date of birth: "Nguyễn Văn An, 01/02/1960". */

#define USAGE_ADD "study session add (--chi-bo NAME | --ward) --title TEXT --date DD/MM/YYYY " \
                  "[--place TEXT] [--presenter TEXT] [--documents resolution,programme,front] " \
                  "[--absent \"NAME[=REASON]\"]… [--no-attendance]"
#define USAGE_MAKE_UP "study make-up SESSION NAME --date DD/MM/YYYY"
#define USAGE_REFLECTION "study reflection NAME --date DD/MM/YYYY [--grade tốt|khá|đạt|không đạt]"
#define USAGE "study status | study sessions | " USAGE_ADD " | " USAGE_MAKE_UP " | " USAGE_REFLECTION

static int
refuse (const char *option,
        GError     *error)
{
  g_printerr ("%s%s%s\n", option ? option : "", option ? ": " : "", error->message);
  return WARD_CLI_BAD_INPUT;
}

/* "--name VALUE" or "--name=VALUE" at argv[*i]: the value, else NULL. */
static const char *
option_value (int          argc,
              char       **argv,
              int         *i,
              const char  *name)
{
  gsize len = strlen (name);

  if (strncmp (argv[*i], name, len) != 0)
    return NULL;
  if (argv[*i][len] == '=')
    return argv[*i] + len + 1;
  if (argv[*i][len] == '\0' && *i + 1 < argc)
    return argv[++*i];
  return NULL;
}

/* ---- Members by name ---------------------------------------------------- */

static gboolean
name_matches (const WardPartyMember *m,
              const char            *folded,
              const char            *born)
{
  g_autofree char *other = g_strstrip (ward_text_fold (m->full_name));

  return g_str_equal (other, folded) && (born == NULL || g_strcmp0 (m->birth_date, born) == 0);
}

static gint64
find_member (WardStore   *store,
             gint64       cell_id,
             const char  *text,
             GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", 2);
  g_autofree char *folded = g_strstrip (ward_text_fold (parts[0]));
  g_autofree char *born = NULL;
  g_autoptr (GPtrArray) members = NULL;
  gint64 found = 0;

  if (parts[1] != NULL && !ward_parse_date (g_strstrip (parts[1]), &born, error))
    return 0;
  if ((members = ward_party_members_load (store, cell_id, error)) == NULL)
    return 0;
  for (guint i = 0; i < members->len; i++)
    {
      const WardPartyMember *m = members->pdata[i];

      if (!name_matches (m, folded, born))
        continue;
      if (found != 0)
        return g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                            _("Two members are named “%s”: write the date of birth after the "
                              "name, “%s, 01/02/1960”."), parts[0], parts[0]), 0;
      found = m->id;
    }
  if (found == 0)
    g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                 _("No member named “%s” is on the roster of that chi bộ."), text);
  return found;
}

/* ---- session add -------------------------------------------------------- */

typedef struct
{
  const char *cell;
  gboolean    ward;
  const char *title, *date, *place, *presenter, *documents;
  GPtrArray  *absent;   /* "NAME[=REASON]" */
  gboolean    no_attendance;
} AddArgs;

static gboolean
read_add (int       argc,
          char    **argv,
          AddArgs  *a)
{
  for (int i = 3; i < argc; i++)
    {
      const char *v;

      if ((v = option_value (argc, argv, &i, "--chi-bo")) != NULL)
        a->cell = v;
      else if ((v = option_value (argc, argv, &i, "--title")) != NULL)
        a->title = v;
      else if ((v = option_value (argc, argv, &i, "--date")) != NULL)
        a->date = v;
      else if ((v = option_value (argc, argv, &i, "--place")) != NULL)
        a->place = v;
      else if ((v = option_value (argc, argv, &i, "--presenter")) != NULL)
        a->presenter = v;
      else if ((v = option_value (argc, argv, &i, "--documents")) != NULL)
        a->documents = v;
      else if ((v = option_value (argc, argv, &i, "--absent")) != NULL)
        g_ptr_array_add (a->absent, (gpointer) v);
      else if (g_str_equal (argv[i], "--ward"))
        a->ward = TRUE;
      else if (g_str_equal (argv[i], "--no-attendance"))
        a->no_attendance = TRUE;
      else
        return FALSE;
    }
  return (a->cell != NULL) != a->ward;
}

static gboolean
parse_documents (const char  *text,
                 guint       *out,
                 GError     **error)
{
  g_auto (GStrv) names = g_strsplit (text != NULL ? text : "resolution", ",", -1);
  const char *known[] = { "resolution", "programme", "front" };

  *out = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint bit = G_N_ELEMENTS (known);

      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        if (g_str_equal (g_strstrip (names[i]), known[k]))
          bit = k;
      if (bit == G_N_ELEMENTS (known))
        return g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                            _("Unknown document “%s”: write resolution, programme or front."),
                            names[i]), FALSE;
      *out |= 1u << bit;
    }
  return TRUE;
}

/* Every member of the chi bộ on @held_on present, but those named absent;
 * one who joined after the session is left out of it. */
static GPtrArray *
attendance_of (WardStore  *store,
               gint64      cell_id,
               const char *held_on,
               GPtrArray  *absent,
               GError    **error)
{
  g_autoptr (GPtrArray) members = ward_party_members_load (store, cell_id, error);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (members == NULL)
    return NULL;
  for (guint i = 0; i < members->len; i++)
    {
      WardPartyMember *m = members->pdata[i];
      WardStudyAttendance *line;

      if (!ward_party_member_is_member_on (m, held_on))
        continue;
      line = ward_study_attendance_new (m->id, TRUE);
      g_ptr_array_add (lines, line);
      g_hash_table_insert (index, &line->member_id, line);
    }
  for (guint i = 0; i < absent->len; i++)
    {
      g_auto (GStrv) parts = g_strsplit (absent->pdata[i], "=", 2);
      gint64 id = find_member (store, cell_id, parts[0], error);
      WardStudyAttendance *line = id > 0 ? g_hash_table_lookup (index, &id) : NULL;

      if (line == NULL)
        return NULL;
      line->present = FALSE;
      line->absence_reason = g_strdup (parts[1]);
    }
  return g_steal_pointer (&lines);
}

static gboolean
fill_session (WardStore         *store,
              const AddArgs     *a,
              WardStudySession  *s,
              const char       **option,
              GError           **error)
{
  *option = "--chi-bo";
  if (a->cell != NULL && (s->cell_id = ward_party_cell_find (store, a->cell, error)) <= 0)
    {
      if (s->cell_id == 0)
        g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                     _("“%s” is not in the list of chi bộ."), a->cell);
      return FALSE;
    }
  *option = "--date";
  if (a->date == NULL)
    return g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, "%s",
                        _("Write the date the session was held.")), FALSE;
  if (!ward_parse_date (a->date, &s->held_on, error))
    return FALSE;
  *option = "--documents";
  if (!parse_documents (a->documents, &s->documents, error))
    return FALSE;
  *option = NULL;
  s->title = g_strdup (a->title);
  s->place = g_strdup (a->place);
  s->presenter = g_strdup (a->presenter);
  s->attendance_recorded = !a->no_attendance;
  return TRUE;
}

static int
session_add (WardCliContext  *ctx,
             int              argc,
             char           **argv)
{
  g_autoptr (GPtrArray) absent = g_ptr_array_new ();
  AddArgs a = { .absent = absent };
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardStudySession) s = ward_study_session_new ();
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  const char *option = NULL;

  if (!read_add (argc, argv, &a))
    return ward_cli_misuse (USAGE_ADD);
  if ((store = ward_cli_open_store (ctx)) == NULL)
    return WARD_CLI_BAD_INPUT;
  if (!fill_session (store, &a, s, &option, &error))
    return refuse (option, error);
  if (s->cell_id > 0 && s->attendance_recorded
      && (lines = attendance_of (store, s->cell_id, s->held_on, absent, &error)) == NULL)
    return refuse ("--absent", error);
  if (!ward_study_session_save (store, s, lines, &error))
    return refuse (NULL, error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, s->id);
  g_print (_("Recorded session %s: %u present, %u absent.\n"), id,
           lines ? lines->len - absent->len : 0, lines ? absent->len : 0);
  return WARD_CLI_OK;
}

/* ---- make-up, reflection ------------------------------------------------ */

static int
make_up (WardCliContext  *ctx,
         int              argc,
         char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (WardStudySession) s = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  const char *date_text = NULL;
  gint64 member;

  for (int i = 4; i < argc; i++)
    if ((date_text = option_value (argc, argv, &i, "--date")) == NULL)
      return ward_cli_misuse (USAGE_MAKE_UP);
  if (argc < 5 || date_text == NULL)
    return ward_cli_misuse (USAGE_MAKE_UP);
  if (!ward_parse_date (date_text, &date, &error))
    return refuse ("--date", error);
  if ((store = ward_cli_open_store (ctx)) == NULL)
    return WARD_CLI_BAD_INPUT;
  if ((s = ward_study_session_load (store, g_ascii_strtoll (argv[2], NULL, 10), &error)) == NULL)
    return refuse ("SESSION", error);
  if ((member = find_member (store, s->cell_id, argv[3], &error)) == 0)
    return refuse ("NAME", error);
  if (!ward_study_make_up (store, s->id, member, date, &error))
    return refuse (NULL, error);
  g_print (_("Recorded the make-up of %s.\n"), argv[3]);
  return WARD_CLI_OK;
}

static int
reflection (WardCliContext  *ctx,
            int              argc,
            char           **argv)
{
  g_autoptr (WardStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  const char *date_text = NULL, *grade_text = NULL, *v;
  WardReflectionGrade grade = WARD_GRADE_NONE;
  gint64 member;

  for (int i = 3; i < argc; i++)
    if ((v = option_value (argc, argv, &i, "--date")) != NULL)
      date_text = v;
    else if ((v = option_value (argc, argv, &i, "--grade")) != NULL)
      grade_text = v;
    else
      return ward_cli_misuse (USAGE_REFLECTION);
  if (argc < 3 || date_text == NULL)
    return ward_cli_misuse (USAGE_REFLECTION);
  if (!ward_parse_date (date_text, &date, &error))
    return refuse ("--date", error);
  if (grade_text != NULL && !ward_reflection_grade_parse (grade_text, &grade))
    return g_printerr ("--grade: %s\n", _("Write tốt, khá, đạt or không đạt.")), WARD_CLI_BAD_INPUT;
  if ((store = ward_cli_open_store (ctx)) == NULL)
    return WARD_CLI_BAD_INPUT;
  if ((member = find_member (store, 0, argv[2], &error)) == 0
      || !ward_study_reflection_set (store, member, date, grade, &error))
    return refuse (NULL, error);
  g_print (_("Recorded the reflection of %s.\n"), argv[2]);
  return WARD_CLI_OK;
}

/* ---- status, sessions --------------------------------------------------- */

static void
print_count (const WardStudyCount *c)
{
  g_autofree char *attended = ward_format_percent (100 * ward_study_count_attended_share (c), 1);
  g_autofree char *studied = ward_format_percent (100 * ward_study_count_studied_share (c), 1);

  g_print ("%s\n  %s %u/%u (%s) · %s %u · %s %s · %s %u · %s %u/%u\n", c->cell_name,
           _("attended"), c->attended, c->counted, attended, _("made up"), c->made_up,
           _("studied"), studied, _("still to make up"), c->missing, _("reflections"),
           c->reflections_in, c->reflections_in + c->reflections_missing);
}

static int
status (WardCliContext *ctx)
{
  g_autoptr (WardStore) store = ward_cli_open_store (ctx);
  g_autoptr (WardStudyTally) tally = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if ((tally = ward_study_tally_load (store, NULL, &error)) == NULL)
    return ward_cli_fail (error);
  for (guint i = 0; i < tally->cells->len; i++)
    print_count (tally->cells->pdata[i]);
  print_count (&tally->total);
  for (guint i = 0; i < tally->members->len; i++)
    {
      WardStudyMemberRow *row = tally->members->pdata[i];

      if (row->verdict == WARD_STUDY_MISSING)
        g_print ("%s: %s (%s)\n", _("Still to make up"), row->full_name, row->cell_name);
    }
  return WARD_CLI_OK;
}

static int
sessions (WardCliContext *ctx)
{
  g_autoptr (WardStore) store = ward_cli_open_store (ctx);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL)
    return WARD_CLI_BAD_INPUT;
  if ((list = ward_study_sessions_load (store, &error)) == NULL)
    return ward_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      WardStudySession *s = list->pdata[i];
      g_autofree char *date = ward_format_date (s->held_on);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", s->id, date,
               s->cell_name ? s->cell_name : _("The whole ward"), s->title);
    }
  return WARD_CLI_OK;
}

int
ward_cli_command_study (WardCliContext  *ctx,
                        int              argc,
                        char           **argv)
{
  if (argc >= 3 && g_str_equal (argv[1], "session") && g_str_equal (argv[2], "add"))
    return session_add (ctx, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "make-up"))
    return make_up (ctx, argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "reflection"))
    return reflection (ctx, argc, argv);
  if (argc == 2 && g_str_equal (argv[1], "status"))
    return status (ctx);
  if (argc == 2 && g_str_equal (argv[1], "sessions"))
    return sessions (ctx);
  return ward_cli_misuse (USAGE);
}
