/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-format.h"
#include "common/ward-accessible.h"
#include "common/ward-form.h"
#include "study/ward-study-form.h"
#include "study/ward-study-session-dialog.h"
#include "study/ward-study.h"

/* One session and its attendance in one form: the chi bộ, the date and
 * what was studied, then a row per member of the chi bộ with a state
 * (present, absent, absent and made up) and, when absent, the reason and
 * the make-up's date. Tab goes from row to row; Ctrl+S saves; the core
 * refuses what breaks a rule, and the form says why beside the field. */

enum { STATE_PRESENT, STATE_ABSENT, STATE_MADE_UP };

typedef struct
{
  gint64       member_id;
  char         joined[11];   /* ISO, "" when not known */
  char         left[11];
  GtkDropDown *state;
  GtkEntry    *reason;
  GtkEntry    *made_up;
} MemberRow;

struct _WardStudySessionDialog
{
  AdwWindow            parent_instance;

  WardStore           *store;
  gint64               session_id;
  GPtrArray           *cells;      /* WardPartyCell; the last choice is the ward */
  AdwComboRow         *cell_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *presenter_row;
  GtkCheckButton      *documents[3];
  AdwPreferencesGroup *attendance;
  GArray              *rows;       /* MemberRow */
  GtkLabel            *error_label;
  GtkWidget           *save;
};

G_DEFINE_FINAL_TYPE (WardStudySessionDialog, ward_study_session_dialog, ADW_TYPE_WINDOW)

/* ---- The attendance rows -------------------------------------------------- */

static void
state_changed_cb (GtkDropDown *state,
                  GParamSpec  *pspec,
                  MemberRow   *row)
{
  guint selected = gtk_drop_down_get_selected (state);

  gtk_widget_set_visible (GTK_WIDGET (row->reason), selected != STATE_PRESENT);
  gtk_widget_set_visible (GTK_WIDGET (row->made_up), selected == STATE_MADE_UP);
}

static GtkEntry *
row_entry (AdwActionRow *row,
           const char   *placeholder,
           const char   *text,
           int           chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (entry, FALSE);
  adw_action_row_add_suffix (row, entry);
  return GTK_ENTRY (entry);
}

static void
add_member_row (WardStudySessionDialog    *self,
                const WardPartyMember     *m,
                const WardStudyAttendance *line)
{
  const char *states[] = { _("Present"), _("Absent"), _("Absent, made up"), NULL };
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *made_up = line != NULL ? ward_format_date (line->made_up_on) : NULL;
  MemberRow member = { m->id };
  MemberRow *stored;

  g_strlcpy (member.joined, m->joined_date ? m->joined_date : "", sizeof member.joined);
  g_strlcpy (member.left, m->left_date ? m->left_date : "", sizeof member.left);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->full_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  member.reason = row_entry (row, _("Reason"), line ? line->absence_reason : NULL, 14);
  member.made_up = row_entry (row, _("Made up on"), made_up, 10);
  member.state = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (states));
  gtk_widget_set_valign (GTK_WIDGET (member.state), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (member.state), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  m->full_name, -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (member.state));
  adw_preferences_group_add (self->attendance, GTK_WIDGET (row));
  g_array_append_val (self->rows, member);
  stored = &g_array_index (self->rows, MemberRow, self->rows->len - 1);
  g_signal_connect (member.state, "notify::selected", G_CALLBACK (state_changed_cb), stored);
  if (line != NULL && !line->present)
    gtk_drop_down_set_selected (member.state, line->made_up_on ? STATE_MADE_UP : STATE_ABSENT);
}

static const WardStudyAttendance *
line_of (GPtrArray *lines,
         gint64     member_id)
{
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    if (((WardStudyAttendance *) lines->pdata[i])->member_id == member_id)
      return lines->pdata[i];
  return NULL;
}

static gint64
chosen_cell (WardStudySessionDialog *self)
{
  guint i = adw_combo_row_get_selected (self->cell_row);

  return i < self->cells->len ? ((WardPartyCell *) self->cells->pdata[i])->id : 0;
}

/* The chi bộ's members, each with their line of the session when it has
 * one (the rows' array is sized first: the signals hold its elements). */
static void
fill_attendance (WardStudySessionDialog *self,
                 GPtrArray              *lines)
{
  g_autoptr (GPtrArray) members = NULL;
  gint64 cell = chosen_cell (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (g_array_index (self->rows, MemberRow, i).state),
                                                ADW_TYPE_ACTION_ROW);

      adw_preferences_group_remove (self->attendance, row);
    }
  g_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance), cell > 0);
  if (cell == 0 || (members = ward_party_members_load (self->store, cell, NULL)) == NULL)
    return;
  g_array_set_size (self->rows, members->len);
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < members->len; i++)
    add_member_row (self, members->pdata[i], line_of (lines, ((WardPartyMember *) members->pdata[i])->id));
}

static void
cell_changed_cb (AdwComboRow            *row,
                 GParamSpec             *pspec,
                 WardStudySessionDialog *self)
{
  fill_attendance (self, NULL);
}

/* ---- Saving ------------------------------------------------------------- */

static void
show_error (WardStudySessionDialog *self,
            GtkWidget              *field,
            const char             *message)
{
  ward_study_form_error (self->error_label, field, message);
}

/* A member on the session's day: joined by then, not left before it. */
static gboolean
member_on (const MemberRow *row,
           const char      *held_on)
{
  WardPartyMember m = {
    .joined_date = row->joined[0] != '\0' ? (char *) row->joined : NULL,
    .left_date = row->left[0] != '\0' ? (char *) row->left : NULL,
  };

  return ward_party_member_is_member_on (&m, held_on);
}

/* The rows of the members on @held_on as lines (one who joined after the
 * session is left out of it, not counted absent); NULL (said beside the
 * field) for a make-up date that cannot be read. */
static GPtrArray *
collect_lines (WardStudySessionDialog *self,
               const char             *held_on)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_study_attendance_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      MemberRow *row = &g_array_index (self->rows, MemberRow, i);
      guint state = gtk_drop_down_get_selected (row->state);
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (row->reason));
      g_autoptr (GError) error = NULL;
      WardStudyAttendance *line;

      if (!member_on (row, held_on))
        continue;
      line = ward_study_attendance_new (row->member_id, state == STATE_PRESENT);
      g_ptr_array_add (lines, line);
      if (state == STATE_PRESENT)
        continue;
      line->absence_reason = reason[0] != '\0' ? g_strdup (reason) : NULL;
      if (state == STATE_MADE_UP
          && !ward_parse_date (gtk_editable_get_text (GTK_EDITABLE (row->made_up)), &line->made_up_on, &error))
        {
          show_error (self, GTK_WIDGET (row->made_up), error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&lines);
}

static WardStudySession *
collect_session (WardStudySessionDialog *self)
{
  g_autoptr (WardStudySession) s = ward_study_session_new ();
  g_autoptr (GError) error = NULL;

  s->id = self->session_id;
  s->cell_id = chosen_cell (self);
  s->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  s->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  s->presenter = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->presenter_row)));
  s->documents = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->documents); i++)
    if (gtk_check_button_get_active (self->documents[i]))
      s->documents |= 1u << i;
  if (!ward_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &s->held_on, &error))
    {
      show_error (self, GTK_WIDGET (self->date_row), error->message);
      return NULL;
    }
  return g_steal_pointer (&s);
}

static void
save_clicked_cb (GtkButton              *button,
                 WardStudySessionDialog *self)
{
  g_autoptr (WardStudySession) s = collect_session (self);
  g_autoptr (GPtrArray) lines = s != NULL ? collect_lines (self, s->held_on) : NULL;
  g_autoptr (GError) error = NULL;

  if (lines == NULL)
    return;
  /* A chi bộ's session records its attendance; the ward's, none here. */
  s->attendance_recorded = s->cell_id > 0;
  if (!ward_study_session_save (self->store, s, s->cell_id > 0 ? lines : NULL, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Building ----------------------------------------------------------- */

static void
add_documents (WardStudySessionDialog *self,
               AdwPreferencesGroup    *group,
               guint                   documents)
{
  const char *labels[] = { _("The congress's resolution"), _("The action programme"),
                           _("The Front's plan") };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), labels[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (documents & (1u << i)) != 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      self->documents[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
add_cell_row (WardStudySessionDialog *self,
              AdwPreferencesGroup    *group,
              gint64                  cell_id)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen = 0;

  self->cells = ward_party_cells_load (self->store, NULL);
  if (self->cells == NULL)
    self->cells = g_ptr_array_new ();
  for (guint i = 0; i < self->cells->len; i++)
    {
      WardPartyCell *cell = self->cells->pdata[i];

      gtk_string_list_append (names, cell->name);
      if (cell->id == cell_id)
        chosen = i;
    }
  gtk_string_list_append (names, _("The whole ward (conference)"));
  if (cell_id == 0 && self->session_id > 0)
    chosen = self->cells->len;
  self->cell_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cell_row), _("Chi bộ"));
  adw_combo_row_set_model (self->cell_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->cell_row, chosen);
  ward_combo_row_name_items (self->cell_row);
  adw_preferences_group_add (group, GTK_WIDGET (self->cell_row));
}

static AdwPreferencesPage *
build_layout (WardStudySessionDialog *self)
{
  AdwPreferencesPage *page = ward_study_form_frame (ADW_WINDOW (self), &self->save, &self->error_label);

  g_signal_connect (self->save, "clicked", G_CALLBACK (save_clicked_cb), self);
  return page;
}

static void
fill_form (WardStudySessionDialog *self,
           AdwPreferencesPage     *page,
           const WardStudySession *s)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *docs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *today = ward_today_iso ();
  g_autofree char *date = ward_format_date (s->held_on != NULL ? s->held_on : today);

  adw_preferences_page_add (page, group);
  add_cell_row (self, group, s->cell_id);
  self->title_row = ward_study_form_entry_row (group, _("Content"), s->title != NULL ? s->title
                               : "Học tập, quán triệt Nghị quyết Đại hội Đảng bộ phường");
  self->date_row = ward_study_form_entry_row (group, _("Date (dd/mm/yyyy)"), date);
  self->place_row = ward_study_form_entry_row (group, _("Place"), s->place);
  self->presenter_row = ward_study_form_entry_row (group, _("Presenter"), s->presenter);
  adw_preferences_group_set_title (docs, _("Documents Studied"));
  adw_preferences_page_add (page, docs);
  add_documents (self, docs, s->documents);
  self->attendance = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->attendance, _("Attendance"));
  adw_preferences_group_set_description (self->attendance,
    _("Each member of the chi bộ: present, absent with the reason, or absent and made up on a later "
      "date. A member who joined the Party after the session's date is left out of it, not counted "
      "absent."));
  adw_preferences_page_add (page, self->attendance);
}

WardStudySessionDialog *
ward_study_session_dialog_new (GtkWindow *parent,
                               WardStore *store,
                               gint64     session_id)
{
  WardStudySessionDialog *self = g_object_new (WARD_TYPE_STUDY_SESSION_DIALOG, "modal", TRUE,
                                               "transient-for", parent, NULL);
  g_autoptr (WardStudySession) s = session_id > 0 ? ward_study_session_load (store, session_id, NULL)
                                                  : NULL;
  g_autoptr (GPtrArray) lines = s != NULL ? ward_study_attendance_load (store, s->id, NULL) : NULL;

  self->store = g_object_ref (store);
  self->session_id = s != NULL ? s->id : 0;
  if (s == NULL)
    s = ward_study_session_new ();
  gtk_window_set_title (GTK_WINDOW (self), self->session_id > 0 ? _("Study Session")
                                                                : _("Record Study Session"));
  fill_form (self, build_layout (self), s);
  fill_attendance (self, lines);
  g_signal_connect (self->cell_row, "notify::selected", G_CALLBACK (cell_changed_cb), self);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->title_row), self->save, NULL);
  return self;
}

static void
ward_study_session_dialog_finalize (GObject *object)
{
  WardStudySessionDialog *self = WARD_STUDY_SESSION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (ward_study_session_dialog_parent_class)->finalize (object);
}

static void
ward_study_session_dialog_class_init (WardStudySessionDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_study_session_dialog_finalize;
}

static void
ward_study_session_dialog_init (WardStudySessionDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (MemberRow));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
}
