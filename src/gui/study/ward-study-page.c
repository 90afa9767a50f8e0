/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-study-page"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-print.h"
#include "import/ward-import-dialog.h"
#include "study/ward-party-member-dialog.h"
#include "study/ward-study-import.h"
#include "study/ward-study-page.h"
#include "study/ward-study-session-dialog.h"
#include "study/ward-study.h"

/* Học tập Nghị quyết: per chi bộ the share of members who attended and who
 * made the session up, the reflections in and missing, the members still
 * to make up (the filter "Chưa học"), and the sessions. Every figure is
 * ward_study_tally_load()'s, as in the report and `study status`. */

struct _WardStudyPage
{
  WardPage            parent_instance;

  GtkStack           *stack;
  AdwPreferencesPage *page;
  gboolean            only_missing;
};

G_DEFINE_FINAL_TYPE (WardStudyPage, ward_study_page, WARD_TYPE_PAGE)

static char *
share_of (guint part,
          guint whole)
{
  g_autofree char *percent = ward_format_percent (whole > 0 ? 100.0 * part / whole : 0, 1);

  return g_strdup_printf ("%u/%u (%s)", part, whole, percent);
}

static char *
count_subtitle (const WardStudyCount *c)
{
  g_autofree char *attended = share_of (c->attended, c->counted);

  return g_strdup_printf (_("Attended %s · made up %u · not studied %u · reflections %u of %u"),
                          attended, c->made_up, c->missing, c->reflections_in,
                          c->reflections_in + c->reflections_missing);
}

/* ---- The groups --------------------------------------------------------- */

static void
add_ward_group (WardStudyPage  *self,
                WardStudyTally *tally)
{
  AdwPreferencesGroup *group = ward_preferences_page_group (self->page, _("The Whole Ward"), NULL);
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record Session…"));
  g_autofree char *studied = share_of (tally->total.attended + tally->total.made_up, tally->total.counted);
  g_autofree char *subtitle = count_subtitle (&tally->total);
  g_autofree char *sessions = g_strdup_printf ("%u", tally->total.sessions + tally->ward_sessions);
  g_autofree char *sessions_sub = g_strdup_printf (_("%u in the chi bộ, %u at the ward's level"),
                                                   tally->total.sessions, tally->ward_sessions);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "page.new");
  gtk_widget_add_css_class (record, "suggested-action");
  adw_preferences_group_set_header_suffix (group, record);
  adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (_("Studied the resolution"),
                                                                    subtitle, studied, NULL, NULL)));
  adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (_("Study sessions"), sessions_sub,
                                                                    sessions, NULL, NULL)));
}

static void
add_cells_group (WardStudyPage  *self,
                 WardStudyTally *tally)
{
  AdwPreferencesGroup *group = ward_preferences_page_group (self->page, _("By Chi Bộ"), NULL);

  for (guint i = 0; i < tally->cells->len; i++)
    {
      const WardStudyCount *c = tally->cells->pdata[i];
      g_autofree char *subtitle = count_subtitle (c);
      g_autofree char *studied = share_of (c->attended + c->made_up, c->counted);

      adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (c->cell_name, subtitle,
                                                                        studied, NULL, NULL)));
    }
}

static void
member_button (AdwActionRow *row,
               const char   *label,
               const char   *action,
               GVariant     *target)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (row, button);
}

static void
add_member_row (AdwPreferencesGroup      *group,
                const WardStudyMemberRow *m)
{
  const char *reflection = m->reflection_in ? _("reflection handed in") : _("no reflection");
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s", m->cell_name ? m->cell_name : _("No chi bộ"),
                                               reflection, m->exempt ? " · " : "",
                                               ward_exemption_label (m->exempt));
  AdwActionRow *row = ward_value_row_new (m->full_name, subtitle,
                                          ward_study_verdict_label (m->verdict), "page.edit-member",
                                          g_variant_new_int64 (m->member_id));

  if (m->verdict == WARD_STUDY_MISSING && m->missed_session_id > 0)
    member_button (row, _("Made Up…"), "page.make-up",
                   g_variant_new ("(xx)", m->missed_session_id, m->member_id));
  if (!m->reflection_in && ward_study_verdict_counted (m->verdict))
    member_button (row, _("Reflection…"), "page.reflection", g_variant_new ("(xx)", 0, m->member_id));
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
add_members_group (WardStudyPage  *self,
                   WardStudyTally *tally)
{
  AdwPreferencesGroup *group = ward_preferences_page_group (self->page, _("Party Members"), NULL);
  GtkWidget *filter = gtk_toggle_button_new_with_mnemonic (_("_Not Studied"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Member…"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  guint shown = 0;

  gtk_widget_set_tooltip_text (filter, _("Show only the members still to make up the session"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (filter), self->only_missing);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (filter), "page.only-missing");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.add-member");
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), filter);
  adw_preferences_group_set_header_suffix (group, buttons);
  for (guint i = 0; i < tally->members->len; i++)
    {
      const WardStudyMemberRow *m = tally->members->pdata[i];

      if (self->only_missing && m->verdict != WARD_STUDY_MISSING)
        continue;
      add_member_row (group, m);
      shown++;
    }
  if (shown == 0)
    adw_preferences_group_add (group, GTK_WIDGET (ward_value_row_new (
      self->only_missing ? _("Every member due has studied the resolution") : _("No members"),
      NULL, NULL, NULL, NULL)));
}

static void
add_sessions_group (WardStudyPage *self,
                    GPtrArray     *sessions)
{
  AdwPreferencesGroup *group = ward_preferences_page_group (self->page, _("Study Sessions"), NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      const WardStudySession *s = sessions->pdata[i];
      g_autofree char *date = ward_format_date (s->held_on);
      g_autofree char *docs = ward_study_documents_describe (s->documents);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s%s", date,
                                                   s->cell_name ? s->cell_name : _("The whole ward"),
                                                   docs, s->attendance_recorded ? ""
                                                   : _(" · attendance not recorded"));

      AdwActionRow *row = ward_value_row_new (s->title, subtitle, NULL, "page.edit-session",
                                              g_variant_new_int64 (s->id));
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete the session"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete the session"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "page.delete-session");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete), g_variant_new_int64 (s->id));
      adw_action_row_add_suffix (row, delete);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
ward_study_page_reload (WardPage *page)
{
  WardStudyPage *self = WARD_STUDY_PAGE (page);
  WardStore *store = ward_page_get_store (page);
  g_autoptr (WardStudyTally) tally = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  ward_preferences_page_clear (self->page);
  tally = ward_study_tally_load (store, NULL, &error);
  sessions = tally != NULL ? ward_study_sessions_load (store, &error) : NULL;
  if (sessions == NULL)
    {
      ward_page_show_error (page, _("Could not read the study"), error);
      return;
    }
  /* Without a roster nothing can be counted: the seed's conference alone
   * still says to import the members first. */
  gtk_stack_set_visible_child_name (self->stack, tally->members->len == 0 ? "empty" : "content");
  add_ward_group (self, tally);
  add_cells_group (self, tally);
  add_members_group (self, tally);
  add_sessions_group (self, sessions);
}

/* ---- Actions ------------------------------------------------------------ */

static void
open_session (WardStudyPage *self,
              gint64         id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WardStudySessionDialog *dialog = ward_study_session_dialog_new (GTK_WINDOW (root),
                                                                  ward_page_get_store (WARD_PAGE (self)),
                                                                  id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_session (WARD_STUDY_PAGE (widget), 0);
}

static void
edit_session_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_session (WARD_STUDY_PAGE (widget), g_variant_get_int64 (parameter));
}

/* ---- A member: added or edited, with Ctrl+Z ------------------------------ */

static gboolean
save_member_copy (WardStore *store,
                  gpointer   record,
                  GError   **error)
{
  g_autoptr (WardPartyMember) copy = ward_party_member_copy (record);

  return ward_party_member_save (store, copy, error);
}

static const WardUndoEditOps member_edited = {
  save_member_copy, (GDestroyNotify) ward_party_member_free, NULL,
};

static void
on_member_saved_cb (WardPartyMemberDialog *dialog,
                    gint64                 id,
                    gboolean               is_new,
                    WardStudyPage         *self)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (self));
  WardPartyMember *after = ward_party_member_load (store, id, NULL);

  if (is_new)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” added to the roster"),
                                                  after != NULL ? after->full_name : "");

      ward_page_toast (WARD_PAGE (self), message);
      g_clear_pointer (&after, ward_party_member_free);
      return;
    }
  ward_page_push_edit (WARD_PAGE (self), after != NULL ? after->full_name : NULL, &member_edited,
                       ward_party_member_copy (ward_party_member_dialog_get_record (dialog)), after);
}

static void
open_member (WardStudyPage *self,
             gint64         id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WardPartyMemberDialog *dialog = ward_party_member_dialog_new (GTK_WINDOW (root),
                                                                ward_page_get_store (WARD_PAGE (self)),
                                                                id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_member_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_member_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_member (WARD_STUDY_PAGE (widget), 0);
}

static void
edit_member_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_member (WARD_STUDY_PAGE (widget), g_variant_get_int64 (parameter));
}

/* ---- A session deleted, with Ctrl+Z ---------------------------------------- */

/* What Ctrl+Z puts back: the session (its uuid kept, so that the other
 * desks see the same session again) and its attendance. */
typedef struct
{
  WardStudySession *session;
  GPtrArray        *lines;
} DeletedSession;

static void
deleted_session_free (DeletedSession *deleted)
{
  ward_study_session_free (deleted->session);
  g_ptr_array_unref (deleted->lines);
  g_free (deleted);
}

static gboolean
restore_session (WardStore *store,
                 gpointer   record,
                 GError   **error)
{
  DeletedSession *deleted = record;

  deleted->session->id = 0;
  return ward_study_session_save (store, deleted->session,
                                  deleted->session->attendance_recorded ? deleted->lines : NULL, error);
}

static gboolean
delete_session_again (WardStore *store,
                      gpointer  *record,
                      GError   **error)
{
  DeletedSession *deleted = *record;

  return ward_study_session_delete (store, deleted->session->id, error);
}

static const WardUndoKind session_deleted = {
  restore_session, delete_session_again, (GDestroyNotify) deleted_session_free, NULL,
};

static void
delete_session_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WardPage *page = WARD_PAGE (widget);
  WardStore *store = ward_page_get_store (page);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  DeletedSession *deleted = g_new0 (DeletedSession, 1);

  deleted->session = ward_study_session_load (store, id, &error);
  deleted->lines = deleted->session != NULL ? ward_study_attendance_load (store, id, &error) : NULL;
  if (deleted->lines == NULL || !ward_study_session_delete (store, id, &error))
    {
      g_clear_pointer (&deleted->session, ward_study_session_free);
      g_clear_pointer (&deleted->lines, g_ptr_array_unref);
      g_free (deleted);
      ward_page_show_error (page, _("The session could not be deleted"), error);
      return;
    }
  label = g_strdup_printf (_("“%s” deleted"), deleted->session->title);
  ward_page_push_undo (page, label, &session_deleted, deleted);
}

static void
only_missing_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WardStudyPage *self = WARD_STUDY_PAGE (widget);

  self->only_missing = !self->only_missing;
  ward_study_page_reload (WARD_PAGE (self));
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_import_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_study_import_kind, NULL);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_export_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_study_import_kind, _("party-members.csv"), NULL);
}

/* ---- A date asked for: made up, reflection -------------------------------- */

typedef struct
{
  WardStudyPage *page;
  gint64         session_id;
  gint64         member_id;
  GtkEntry      *date;
  GtkDropDown   *grade;   /* NULL: a make-up */
} DateAsk;

static void
date_ask_free (gpointer  data,
               GClosure *closure)
{
  DateAsk *ask = data;

  g_object_unref (ask->page);
  g_free (ask);
}

static void
date_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DateAsk          *ask)
{
  WardStore *store = ward_page_get_store (WARD_PAGE (ask->page));
  g_autofree char *iso = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0)
    return;
  ok = ward_parse_date (gtk_editable_get_text (GTK_EDITABLE (ask->date)), &iso, &error);
  if (ok && ask->grade == NULL)
    ok = ward_study_make_up (store, ask->session_id, ask->member_id, iso, &error);
  else if (ok)
    ok = ward_study_reflection_set (store, ask->member_id, iso,
                                    gtk_drop_down_get_selected (ask->grade), &error);
  if (!ok)
    ward_page_show_error (WARD_PAGE (ask->page), _("Not recorded"), error);
}

static void
ask_date (WardStudyPage *self,
          GVariant      *parameter,
          gboolean       reflection)
{
  const char *grades[] = { _("Not graded"), _("Good"), _("Fair"), _("Pass"), _("Fail"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *today = ward_today_iso ();
  g_autofree char *shown = ward_format_date (today);
  DateAsk *ask = g_new0 (DateAsk, 1);
  AdwMessageDialog *dialog;

  ask->page = g_object_ref (self);
  g_variant_get (parameter, "(xx)", &ask->session_id, &ask->member_id);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
    reflection ? _("Reflection Handed In") : _("Session Made Up"),
    reflection ? _("The date the reflection was handed in (dd/mm/yyyy), and its grade.")
               : _("The date of the make-up session (dd/mm/yyyy).")));
  ask->date = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (ask->date), shown);
  gtk_entry_set_activates_default (ask->date, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ask->date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->date));
  if (reflection)
    {
      ask->grade = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (grades));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->grade));
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  g_signal_connect_data (dialog, "response", G_CALLBACK (date_response_cb), ask,
                         date_ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
make_up_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ask_date (WARD_STUDY_PAGE (widget), parameter, FALSE);
}

static void
reflection_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_date (WARD_STUDY_PAGE (widget), parameter, TRUE);
}

/* ---- Class ---------------------------------------------------------------- */

static void
ward_study_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_STUDY_PAGE);

  G_OBJECT_CLASS (ward_study_page_parent_class)->dispose (object);
}

static void
ward_study_page_class_init (WardStudyPageClass *klass)
{
  static const char * const watched[] = {
    "party_members", "party_cells", "study_sessions", "study_attendance", "study_reflections",
    "candidates", NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_study_page_dispose;
  page_class->reload = ward_study_page_reload;
  page_class->watched_tables = watched;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/study/ward-study-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WardStudyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WardStudyPage, page);
  ward_print_install_actions (widget_class, "study");
  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "page.edit-session", "x", edit_session_action_cb);
  gtk_widget_class_install_action (widget_class, "page.only-missing", NULL, only_missing_action_cb);
  gtk_widget_class_install_action (widget_class, "page.add-member", NULL, add_member_action_cb);
  gtk_widget_class_install_action (widget_class, "page.edit-member", "x", edit_member_action_cb);
  gtk_widget_class_install_action (widget_class, "page.delete-session", "x", delete_session_action_cb);
  gtk_widget_class_install_action (widget_class, "page.make-up", "(xx)", make_up_action_cb);
  gtk_widget_class_install_action (widget_class, "page.reflection", "(xx)", reflection_action_cb);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action_cb);
}

static void
ward_study_page_init (WardStudyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
