/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "admissions/ward-candidate-dialog.h"
#include "admissions/ward-candidate-stage-row.h"
#include "base/ward-error.h"
#include "base/ward-format.h"
#include "common/ward-accessible.h"
#include "common/ward-form.h"
#include "common/ward-history-dialog.h"
#include "common/ward-name-choice.h"
#include "common/ward-name-entry.h"

/* Where the messages about one field go: a stage of the timeline, or a
 * small row under the field in the person and follow-up groups. */
typedef struct
{
  GtkWidget *row;
  GtkLabel  *errors;
  GtkLabel  *warnings;
} MessageRow;

struct _WardCandidateDialog
{
  AdwWindow            parent_instance;

  WardStore           *store;
  WardCandidate       *original;  /* NULL for a new candidate */
  GArray              *cell_ids;  /* gint64 per entry of cell_row */
  GHashTable          *touched;   /* fields the clerk changed */
  gboolean             show_all;  /* every message, not only the touched fields' */
  gboolean             loading;

  AdwWindowTitle      *window_title;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  AdwEntryRow         *name_row;
  GtkWidget           *save_button;
  GtkSwitch           *two_words_switch;
  AdwEntryRow         *birth_row;
  AdwComboRow         *gender_row;
  AdwEntryRow         *ethnicity_row;
  AdwEntryRow         *religion_row;
  AdwEntryRow         *education_row;
  AdwEntryRow         *education_exception_row;
  AdwEntryRow         *specialty_row;
  AdwEntryRow         *occupation_row;
  GtkSwitch           *youth_union_switch;
  GtkSwitch           *trade_union_switch;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *group_row;
  AdwComboRow         *cell_row;
  GtkListBox          *timeline;
  AdwComboRow         *state_row;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *note_row;
  AdwPreferencesGroup *delete_group;

  WardCandidateStageRow *stage_rows[WARD_N_STAGES];
  WardCandidateStageRow *intro_row;
  GtkEntry            *date_entries[WARD_N_STAGES];
  GtkEntry            *cert_entry;
  GtkEntry            *resolution_number_entry;
  GtkEntry            *decision_number_entry;
  GtkEntry            *recognition_number_entry;
  GtkEntry            *introducer_1_entry;
  GtkEntry            *introducer_2_entry;
  GtkEntry            *introducer_1_since_entry;
  GtkEntry            *introducer_2_since_entry;
  GtkCheckButton      *introducer_1_official_check;
  GtkCheckButton      *introducer_2_official_check;
  GtkEntry            *youth_resolution_entry;
  GtkEntry            *trade_union_resolution_entry;
  GtkEntry            *recognition_resolution_entry;

  MessageRow           name_messages;
  MessageRow           birth_messages;
  MessageRow           education_messages;
  MessageRow           reason_messages;
};

G_DEFINE_FINAL_TYPE (WardCandidateDialog, ward_candidate_dialog, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void revalidate (WardCandidateDialog *self);

/* ---- Message rows ------------------------------------------------------- */

static GtkLabel *
caption_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

/* A row right under @field_row in its group. */
static void
message_row_init (MessageRow *messages,
                  GtkWidget  *field_row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *list = gtk_widget_get_parent (field_row);

  messages->errors = caption_label ("error");
  messages->warnings = caption_label ("warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (messages->errors));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (messages->warnings));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  messages->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (messages->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (messages->row), FALSE);
  /* Read with the field (its description), not a Tab stop of its own. */
  gtk_widget_set_focusable (messages->row, FALSE);
  gtk_widget_set_visible (messages->row, FALSE);
  g_assert (GTK_IS_LIST_BOX (list));
  gtk_list_box_insert (GTK_LIST_BOX (list), messages->row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field_row)) + 1);
}

static void
append_line (GtkLabel   *label,
             const char *message)
{
  const char *text = gtk_label_get_text (label);
  g_autofree char *joined = text[0] != '\0' ? g_strconcat (text, "\n", message, NULL) : g_strdup (message);

  gtk_label_set_text (label, joined);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
message_row_clear (MessageRow *messages)
{
  gtk_label_set_text (messages->errors, "");
  gtk_label_set_text (messages->warnings, "");
  gtk_widget_set_visible (GTK_WIDGET (messages->errors), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (messages->warnings), FALSE);
  gtk_widget_set_visible (messages->row, FALSE);
}

static void
message_row_add (MessageRow *messages,
                 const char *message,
                 gboolean    warning)
{
  append_line (warning ? messages->warnings : messages->errors, message);
  gtk_widget_set_visible (messages->row, TRUE);
}

/* ---- The timeline ------------------------------------------------------- */

static void
on_input_changed_cb (GtkWidget           *input,
                     WardCandidateDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (input), "ward-field");

  if (self->loading)
    return;
  if (field != NULL)
    g_hash_table_add (self->touched, (gpointer) field);
  revalidate (self);
}

static void
on_input_notify_cb (GtkWidget           *input,
                    GParamSpec          *pspec,
                    WardCandidateDialog *self)
{
  on_input_changed_cb (input, self);
}

/* @signal: "changed" (an editable) or "notify::…" (a switch, a combo row). */
static void
watch_input (WardCandidateDialog *self,
             gpointer             input,
             const char          *field,
             const char          *signal)
{
  GCallback callback = g_str_has_prefix (signal, "notify::") ? G_CALLBACK (on_input_notify_cb)
                                                             : G_CALLBACK (on_input_changed_cb);

  g_object_set_data (G_OBJECT (input), "ward-field", (gpointer) field);
  g_signal_connect_object (input, signal, callback, self, 0);
}

static GtkEntry *
add_entry (WardCandidateDialog   *self,
           WardCandidateStageRow *row,
           const char            *field,
           const char            *label,
           const char            *placeholder,
           int                    width)
{
  GtkEntry *entry = ward_candidate_stage_row_add_entry (row, label, placeholder, width);

  watch_input (self, entry, field, "changed");
  return entry;
}

/* One introducer on a line: the name, since when they work or live with the
 * candidate, and whether they are an official member (Quy định 294-QĐ/TW
 * 3.2.1 asks both facts). */
static void
add_introducer (WardCandidateDialog *self,
                int                  which)
{
  static const char * const fields[] = { "introducer_1", "introducer_2" };
  GtkEntry *name, *since;
  GtkCheckButton *official;

  ward_candidate_stage_row_begin_line (self->intro_row);
  name = add_entry (self, self->intro_row, fields[which - 1],
                    which == 1 ? _("first introducer") : _("second introducer"),
                    which == 1 ? _("First Party member") : _("Second Party member"), 18);
  since = add_entry (self, self->intro_row, fields[which - 1],
                     which == 1 ? _("first introducer, with the candidate since")
                                : _("second introducer, with the candidate since"),
                     _("Since dd/mm/yyyy"), 11);
  official = ward_candidate_stage_row_add_check (self->intro_row, C_("introducer", "Official"),
                                                 which == 1 ? _("first introducer is an official member")
                                                            : _("second introducer is an official member"));
  watch_input (self, official, fields[which - 1], "notify::active");
  ward_candidate_stage_row_end_line (self->intro_row);
  if (which == 1)
    {
      self->introducer_1_entry = name;
      self->introducer_1_since_entry = since;
      self->introducer_1_official_check = official;
    }
  else
    {
      self->introducer_2_entry = name;
      self->introducer_2_since_entry = since;
      self->introducer_2_official_check = official;
    }
}

static WardCandidateStageRow *
add_stage_row (WardCandidateDialog *self,
               WardStage            stage)
{
  WardCandidateStageRow *row = WARD_CANDIDATE_STAGE_ROW (ward_candidate_stage_row_new (ward_stage_get_title (stage)));

  self->stage_rows[stage] = row;
  self->date_entries[stage] = add_entry (self, row, ward_stage_get_field (stage), _("date"),
                                         _("dd/mm/yyyy"), 10);
  gtk_list_box_append (self->timeline, GTK_WIDGET (row));
  return row;
}

static void
build_timeline (WardCandidateDialog *self)
{
  WardCandidateStageRow *row;

  add_stage_row (self, WARD_STAGE_SYMPATHISER);
  row = add_stage_row (self, WARD_STAGE_COURSE);
  self->cert_entry = add_entry (self, row, "course_cert_number", _("certificate number"),
                                _("Certificate no."), 12);
  add_stage_row (self, WARD_STAGE_APPLICATION);
  add_stage_row (self, WARD_STAGE_VERIFICATION_SENT);
  add_stage_row (self, WARD_STAGE_VERIFICATION_DONE);

  self->intro_row = WARD_CANDIDATE_STAGE_ROW (ward_candidate_stage_row_new (_("Introduction")));
  ward_candidate_stage_row_stack_entries (self->intro_row);
  add_introducer (self, 1);
  add_introducer (self, 2);
  self->youth_resolution_entry = add_entry (self, self->intro_row, "youth_union_resolution",
                                            _("Youth Union resolution"), _("Youth Union res."), 18);
  self->trade_union_resolution_entry = add_entry (self, self->intro_row, "trade_union_resolution",
                                                  _("trade union resolution"), _("Trade union res."), 18);
  gtk_list_box_append (self->timeline, GTK_WIDGET (self->intro_row));

  row = add_stage_row (self, WARD_STAGE_CELL_RESOLUTION);
  self->resolution_number_entry = add_entry (self, row, "cell_resolution_number", _("number"),
                                             _("Number"), 10);
  row = add_stage_row (self, WARD_STAGE_DECISION);
  self->decision_number_entry = add_entry (self, row, "decision_number", _("number"), _("Number"), 10);
  add_stage_row (self, WARD_STAGE_CEREMONY);
  row = add_stage_row (self, WARD_STAGE_RECOGNITION);
  self->recognition_number_entry = add_entry (self, row, "recognition_number", _("number"),
                                              _("Number"), 10);
  self->recognition_resolution_entry = add_entry (self, row, "recognition_resolution_date",
                                                  _("date of the chi bộ resolution proposing it"),
                                                  _("Chi bộ res. dd/mm/yyyy"), 14);
}

static const char *
intro_status (const WardCandidate *c)
{
  if (!ward_candidate_is_introduced (c))
    return _("Needed before the chi bộ resolution: two official Party members, or one and the "
             "Youth Union’s or trade union’s resolution");
  if (c->introducer_1 != NULL && c->introducer_2 != NULL && c->introducer_1[0] && c->introducer_2[0])
    return _("Introduced by two official Party members");
  if (c->youth_union)
    return _("Introduced by a Party member and the Youth Union");
  return _("Introduced by a Party member and the trade union");
}

static void
update_timeline_states (WardCandidateDialog *self,
                        const WardCandidate *c)
{
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    {
      gboolean done = c->dates[stage] != NULL;
      g_autofree char *status = NULL;

      if (stage == WARD_STAGE_RECOGNITION && !done && c->dates[WARD_STAGE_CEREMONY] != NULL)
        {
          g_autofree char *due = ward_candidate_recognition_due (c);
          g_autofree char *shown = ward_format_date (due);

          status = g_strdup_printf (_("Due %s, 12 months after the ceremony"), shown);
        }
      else if (stage == WARD_STAGE_CEREMONY && !done)
        status = g_strdup (_("Pending: its date counts toward the target"));
      ward_candidate_stage_row_set_state (self->stage_rows[stage], done, status);
    }
  ward_candidate_stage_row_set_state (self->intro_row, ward_candidate_is_introduced (c), intro_status (c));
}

/* ---- Reading the form --------------------------------------------------- */

static char *
entry_text (gpointer editable)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static void
add_parse_issue (GPtrArray  *issues,
                 const char *field,
                 const char *message)
{
  WardCandidateIssue *issue = g_new0 (WardCandidateIssue, 1);

  issue->field = field;
  issue->message = g_strdup (message);
  issue->code = WARD_ERROR_INVALID;
  g_ptr_array_add (issues, issue);
}

/* NULL for an empty entry; a date that does not parse is an issue. */
static char *
entry_date (gpointer    editable,
            const char *field,
            GPtrArray  *issues)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autoptr (GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *iso = NULL;

  if (stripped[0] == '\0')
    return NULL;
  if (!ward_parse_date (stripped, &iso, &error))
    {
      add_parse_issue (issues, field, error->message);
      return NULL;
    }
  return iso;
}

static WardCandidate *
candidate_from_form (WardCandidateDialog *self,
                     GPtrArray           *issues)
{
  WardCandidate *c = self->original != NULL ? ward_candidate_copy (self->original) : ward_candidate_new ();
  guint cell = adw_combo_row_get_selected (self->cell_row);

#define TAKE(field, widget) G_STMT_START { g_free (c->field); c->field = entry_text (widget); } G_STMT_END
  TAKE (full_name, self->name_row);
  TAKE (ethnicity, self->ethnicity_row);
  TAKE (religion, self->religion_row);
  TAKE (education, self->education_row);
  TAKE (specialty, self->specialty_row);
  TAKE (occupation, self->occupation_row);
  TAKE (residential_group, self->group_row);
  TAKE (course_cert_number, self->cert_entry);
  TAKE (introducer_1, self->introducer_1_entry);
  TAKE (introducer_2, self->introducer_2_entry);
  TAKE (youth_union_resolution, self->youth_resolution_entry);
  TAKE (trade_union_resolution, self->trade_union_resolution_entry);
  TAKE (education_exception, self->education_exception_row);
  TAKE (phone, self->phone_row);
  TAKE (cell_resolution_number, self->resolution_number_entry);
  TAKE (decision_number, self->decision_number_entry);
  TAKE (recognition_number, self->recognition_number_entry);
  TAKE (state_reason, self->reason_row);
  TAKE (note, self->note_row);
#undef TAKE

  g_free (c->birth_date);
  c->birth_date = entry_date (self->birth_row, "birth_date", issues);
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    {
      g_free (c->dates[stage]);
      c->dates[stage] = entry_date (self->date_entries[stage], ward_stage_get_field (stage), issues);
    }
  g_free (c->introducer_1_since);
  c->introducer_1_since = entry_date (self->introducer_1_since_entry, "introducer_1", issues);
  g_free (c->introducer_2_since);
  c->introducer_2_since = entry_date (self->introducer_2_since_entry, "introducer_2", issues);
  g_free (c->recognition_resolution_date);
  c->recognition_resolution_date = entry_date (self->recognition_resolution_entry,
                                               "recognition_resolution_date", issues);
  c->introducer_1_official = gtk_check_button_get_active (self->introducer_1_official_check);
  c->introducer_2_official = gtk_check_button_get_active (self->introducer_2_official_check);
  c->given_name_words = gtk_switch_get_active (self->two_words_switch) ? 2 : 1;
  c->youth_union = gtk_switch_get_active (self->youth_union_switch);
  c->trade_union = gtk_switch_get_active (self->trade_union_switch);
  c->gender = (WardGender) MIN (adw_combo_row_get_selected (self->gender_row), WARD_GENDER_FEMALE);
  c->state = (WardCandidateState) MIN (adw_combo_row_get_selected (self->state_row), WARD_CANDIDATE_WITHDRAWN);
  c->cell_id = cell < self->cell_ids->len ? g_array_index (self->cell_ids, gint64, cell) : 0;
  return c;
}

/* ---- Showing the rules' messages ---------------------------------------- */

static GtkWidget *
input_for_field (WardCandidateDialog *self,
                 const char          *field)
{
  static const struct { const char *field; gsize offset; } inputs[] = {
    { "full_name", G_STRUCT_OFFSET (WardCandidateDialog, name_row) },
    { "birth_date", G_STRUCT_OFFSET (WardCandidateDialog, birth_row) },
    { "state_reason", G_STRUCT_OFFSET (WardCandidateDialog, reason_row) },
    { "course_cert_number", G_STRUCT_OFFSET (WardCandidateDialog, cert_entry) },
    { "cell_resolution_number", G_STRUCT_OFFSET (WardCandidateDialog, resolution_number_entry) },
    { "decision_number", G_STRUCT_OFFSET (WardCandidateDialog, decision_number_entry) },
    { "recognition_number", G_STRUCT_OFFSET (WardCandidateDialog, recognition_number_entry) },
    { "introducer_1", G_STRUCT_OFFSET (WardCandidateDialog, introducer_1_entry) },
    { "introducer_2", G_STRUCT_OFFSET (WardCandidateDialog, introducer_2_entry) },
    { "youth_union_resolution", G_STRUCT_OFFSET (WardCandidateDialog, youth_resolution_entry) },
    { "trade_union_resolution", G_STRUCT_OFFSET (WardCandidateDialog, trade_union_resolution_entry) },
    { "recognition_resolution_date", G_STRUCT_OFFSET (WardCandidateDialog, recognition_resolution_entry) },
    { "education", G_STRUCT_OFFSET (WardCandidateDialog, education_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (g_str_equal (inputs[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, inputs[i].offset);
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    if (g_str_equal (ward_stage_get_field (stage), field))
      return GTK_WIDGET (self->date_entries[stage]);
  return NULL;
}

static WardCandidateStageRow *
stage_row_for_field (WardCandidateDialog *self,
                     const char          *field)
{
  static const struct { const char *field; WardStage stage; } numbers[] = {
    { "course_cert_number", WARD_STAGE_COURSE },
    { "cell_resolution_number", WARD_STAGE_CELL_RESOLUTION },
    { "decision_number", WARD_STAGE_DECISION },
    { "recognition_number", WARD_STAGE_RECOGNITION },
  };

  if (g_str_has_prefix (field, "introducer_") || g_str_equal (field, "youth_union_resolution")
      || g_str_equal (field, "trade_union_resolution"))
    return self->intro_row;
  if (g_str_equal (field, "recognition_resolution_date"))
    return self->stage_rows[WARD_STAGE_RECOGNITION];
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (g_str_equal (numbers[i].field, field))
      return self->stage_rows[numbers[i].stage];
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    if (g_str_equal (ward_stage_get_field (stage), field))
      return self->stage_rows[stage];
  return NULL;
}

static MessageRow *
message_row_for_field (WardCandidateDialog *self,
                       const char          *field)
{
  if (g_str_equal (field, "full_name"))
    return &self->name_messages;
  if (g_str_equal (field, "birth_date"))
    return &self->birth_messages;
  if (g_str_equal (field, "education"))
    return &self->education_messages;
  if (g_str_equal (field, "state_reason"))
    return &self->reason_messages;
  return NULL;
}

static void
clear_messages (WardCandidateDialog *self)
{
  static const char * const fields[] = {
    "full_name", "birth_date", "state_reason", "course_cert_number", "cell_resolution_number",
    "decision_number", "recognition_number", "introducer_1", "introducer_2", "youth_union_resolution",
    "trade_union_resolution", "recognition_resolution_date", "education",
  };

  message_row_clear (&self->name_messages);
  message_row_clear (&self->birth_messages);
  message_row_clear (&self->education_messages);
  message_row_clear (&self->reason_messages);
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    {
      ward_candidate_stage_row_clear_messages (self->stage_rows[stage]);
      ward_form_mark_field (GTK_WIDGET (self->date_entries[stage]), NULL);
    }
  ward_candidate_stage_row_clear_messages (self->intro_row);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    ward_form_mark_field (input_for_field (self, fields[i]), NULL);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
show_banner (WardCandidateDialog *self,
             const char          *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
show_issue (WardCandidateDialog *self,
            WardCandidateIssue  *issue)
{
  WardCandidateStageRow *stage_row = stage_row_for_field (self, issue->field);
  MessageRow *messages = message_row_for_field (self, issue->field);
  GtkWidget *input = input_for_field (self, issue->field);

  if (!self->show_all && !g_hash_table_contains (self->touched, issue->field))
    return;
  if (input != NULL && !issue->warning)
    ward_form_mark_field (input, issue->message);
  if (stage_row != NULL)
    ward_candidate_stage_row_add_message (stage_row, issue->message, issue->warning);
  else if (messages != NULL)
    message_row_add (messages, issue->message, issue->warning);
  else if (!issue->warning)
    show_banner (self, issue->message);
}

static void
revalidate (WardCandidateDialog *self)
{
  g_autoptr (GPtrArray) parse_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_issue_free);
  g_autoptr (WardCandidate) candidate = candidate_from_form (self, parse_issues);
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GHashTable) unreadable = NULL;
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GError) error = NULL;

  clear_messages (self);
  update_timeline_states (self, candidate);
  issues = ward_candidate_validate (self->store, candidate, today, &error);
  if (issues == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  unreadable = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < parse_issues->len; i++)
    {
      WardCandidateIssue *issue = parse_issues->pdata[i];

      g_hash_table_add (unreadable, (gpointer) issue->field);
      show_issue (self, issue);
    }
  for (guint i = 0; i < issues->len; i++)
    {
      WardCandidateIssue *issue = issues->pdata[i];

      /* A date that does not read as one has said so already. */
      if (!g_hash_table_contains (unreadable, issue->field))
        show_issue (self, issue);
    }
}

/* ---- Filling the form --------------------------------------------------- */

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static void
set_date (gpointer    editable,
          const char *iso)
{
  g_autofree char *shown = ward_format_date (iso);

  gtk_editable_set_text (GTK_EDITABLE (editable), shown);
}

static void
fill_cells (WardCandidateDialog *self,
            gint64               chosen)
{
  g_autoptr (GPtrArray) cells = ward_party_cells_load (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint position = 0;

  g_array_set_size (self->cell_ids, 0);
  gtk_string_list_append (names, _("No chi bộ"));
  g_array_append_val (self->cell_ids, none);
  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      WardPartyCell *cell = cells->pdata[i];

      gtk_string_list_append (names, cell->name);
      g_array_append_val (self->cell_ids, cell->id);
      if (cell->id == chosen)
        position = i + 1;
    }
  adw_combo_row_set_model (self->cell_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->cell_row, position);
}

static void
fill_form (WardCandidateDialog *self,
           const WardCandidate *c)
{
  self->loading = TRUE;
  set_text (self->name_row, c->full_name);
  gtk_switch_set_active (self->two_words_switch, c->given_name_words == 2);
  set_date (self->birth_row, c->birth_date);
  adw_combo_row_set_selected (self->gender_row, c->gender);
  set_text (self->ethnicity_row, c->ethnicity);
  set_text (self->religion_row, c->religion);
  set_text (self->education_row, c->education);
  set_text (self->education_exception_row, c->education_exception);
  set_text (self->phone_row, c->phone);
  set_text (self->specialty_row, c->specialty);
  set_text (self->occupation_row, c->occupation);
  gtk_switch_set_active (self->youth_union_switch, c->youth_union);
  gtk_switch_set_active (self->trade_union_switch, c->trade_union);
  set_text (self->group_row, c->residential_group);
  fill_cells (self, c->cell_id);
  for (int stage = WARD_STAGE_SYMPATHISER; stage < WARD_N_STAGES; stage++)
    set_date (self->date_entries[stage], c->dates[stage]);
  set_text (self->cert_entry, c->course_cert_number);
  set_text (self->introducer_1_entry, c->introducer_1);
  set_text (self->introducer_2_entry, c->introducer_2);
  set_date (self->introducer_1_since_entry, c->introducer_1_since);
  set_date (self->introducer_2_since_entry, c->introducer_2_since);
  gtk_check_button_set_active (self->introducer_1_official_check, c->introducer_1_official);
  gtk_check_button_set_active (self->introducer_2_official_check, c->introducer_2_official);
  set_text (self->youth_resolution_entry, c->youth_union_resolution);
  set_text (self->trade_union_resolution_entry, c->trade_union_resolution);
  set_date (self->recognition_resolution_entry, c->recognition_resolution_date);
  set_text (self->resolution_number_entry, c->cell_resolution_number);
  set_text (self->decision_number_entry, c->decision_number);
  set_text (self->recognition_number_entry, c->recognition_number);
  adw_combo_row_set_selected (self->state_row, c->state);
  set_text (self->reason_row, c->state_reason);
  set_text (self->note_row, c->note);
  self->loading = FALSE;
}

static void
on_store_changed_cb (WardStore           *store,
                     const char          *table,
                     WardCandidateDialog *self)
{
  guint selected;
  gint64 chosen;

  if (g_strcmp0 (table, "party_cells") != 0)
    return;
  selected = adw_combo_row_get_selected (self->cell_row);
  chosen = selected < self->cell_ids->len ? g_array_index (self->cell_ids, gint64, selected) : 0;
  self->loading = TRUE;
  fill_cells (self, chosen);
  self->loading = FALSE;
}

/* ---- Actions ------------------------------------------------------------ */

/* Brings the first field that refuses the record into view, its message
 * under it. */
static void
focus_first_error (WardCandidateDialog *self)
{
  g_autoptr (GPtrArray) parse_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_issue_free);
  g_autoptr (WardCandidate) candidate = candidate_from_form (self, parse_issues);
  g_autoptr (GPtrArray) issues = NULL;
  g_autofree char *today = ward_today_iso ();
  GPtrArray *lists[2] = { parse_issues, NULL };

  issues = ward_candidate_validate (self->store, candidate, today, NULL);
  lists[1] = issues;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        WardCandidateIssue *issue = lists[l]->pdata[i];
        GtkWidget *input = issue->warning ? NULL : input_for_field (self, issue->field);

        if (input != NULL)
          {
            gtk_widget_grab_focus (input);
            return;
          }
      }
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WardCandidateDialog *self = WARD_CANDIDATE_DIALOG (widget);
  g_autoptr (GPtrArray) parse_issues = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_candidate_issue_free);
  g_autoptr (WardCandidate) candidate = candidate_from_form (self, parse_issues);
  g_autoptr (GError) error = NULL;

  self->show_all = TRUE;
  if (parse_issues->len > 0)
    {
      revalidate (self);
      focus_first_error (self);
      return;
    }
  if (!ward_candidate_save (self->store, candidate, &error))
    {
      revalidate (self);
      if (!g_error_matches (error, WARD_ERROR, WARD_ERROR_INVALID)
          && !g_error_matches (error, WARD_ERROR, WARD_ERROR_DUPLICATE))
        show_banner (self, error->message);
      else
        focus_first_error (self);
      return;
    }
  if (self->original != NULL)
    g_signal_emit (self, signals[EDITED], 0, self->original, candidate->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardCandidateDialog *self = WARD_CANDIDATE_DIALOG (widget);

  if (self->original != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->original->id);
}

/* ---- Class -------------------------------------------------------------- */

static void
fill_choices (WardCandidateDialog *self)
{
  g_autoptr (GtkStringList) genders = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  gtk_string_list_append (genders, _("Not recorded"));
  gtk_string_list_append (genders, ward_gender_get_label (WARD_GENDER_MALE));
  gtk_string_list_append (genders, ward_gender_get_label (WARD_GENDER_FEMALE));
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  for (int state = 0; state < WARD_N_CANDIDATE_STATES; state++)
    gtk_string_list_append (states, ward_candidate_state_get_title (state));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));
}

static void
watch_person_inputs (WardCandidateDialog *self)
{
  watch_input (self, self->name_row, "full_name", "changed");
  watch_input (self, self->birth_row, "birth_date", "changed");
  watch_input (self, self->two_words_switch, "full_name", "notify::active");
  watch_input (self, self->youth_union_switch, "youth_union_resolution", "notify::active");
  watch_input (self, self->trade_union_switch, "trade_union_resolution", "notify::active");
  watch_input (self, self->education_row, "education", "changed");
  watch_input (self, self->education_exception_row, "education", "changed");
  watch_input (self, self->reason_row, "state_reason", "changed");
  watch_input (self, self->state_row, "state_reason", "notify::selected");
  watch_input (self, self->cell_row, "cell", "notify::selected");
  message_row_init (&self->name_messages, GTK_WIDGET (self->name_row));
  message_row_init (&self->birth_messages, GTK_WIDGET (self->birth_row));
  message_row_init (&self->education_messages, GTK_WIDGET (self->education_exception_row));
  message_row_init (&self->reason_messages, GTK_WIDGET (self->reason_row));
}

static void
ward_candidate_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_CANDIDATE_DIALOG);

  G_OBJECT_CLASS (ward_candidate_dialog_parent_class)->dispose (object);
}

static void
ward_candidate_dialog_finalize (GObject *object)
{
  WardCandidateDialog *self = (WardCandidateDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->original, ward_candidate_free);
  g_clear_pointer (&self->cell_ids, g_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (ward_candidate_dialog_parent_class)->finalize (object);
}

static void
ward_candidate_dialog_class_init (WardCandidateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_candidate_dialog_dispose;
  object_class->finalize = ward_candidate_dialog_finalize;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* (the record as the form opened it, its id): an edit stored. */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/admissions/ward-candidate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, two_words_switch);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, birth_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, gender_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, religion_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, education_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, education_exception_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, trade_union_switch);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, occupation_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, youth_union_switch);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, cell_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, timeline);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, WardCandidateDialog, delete_group);

  gtk_widget_class_install_action (widget_class, "candidate.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "candidate.delete", NULL, delete_action_cb);
}

static void
ward_candidate_dialog_init (WardCandidateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_name_choice_install (GTK_WIDGET (self->cell_row));

  self->cell_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  ward_combo_row_name_items (self->gender_row);
  ward_combo_row_name_items (self->cell_row);
  ward_combo_row_name_items (self->state_row);
  fill_choices (self);
  build_timeline (self);
  watch_person_inputs (self);
}

WardCandidateDialog *
ward_candidate_dialog_new (GtkWindow  *parent,
                           WardStore  *store,
                           gint64      id,
                           GError    **error)
{
  g_autoptr (WardCandidate) original = NULL;
  WardCandidateDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (id > 0 && (original = ward_candidate_load (store, id, error)) == NULL)
    return NULL;

  self = g_object_new (WARD_TYPE_CANDIDATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  if (original != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Edit Candidate"));
      adw_window_title_set_subtitle (self->window_title, original->full_name);
      gtk_window_set_title (GTK_WINDOW (self), original->full_name);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
      fill_form (self, original);
      ward_history_add_button (GTK_WINDOW (self), store, "candidates", original->uuid, original->full_name);
      self->original = g_steal_pointer (&original);
      /* A stored record shows what the rules say of it straight away. */
      self->show_all = TRUE;
    }
  else
    {
      g_autoptr (WardCandidate) blank = ward_candidate_new ();

      adw_window_title_set_title (self->window_title, _("New Candidate"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Candidate"));
      fill_form (self, blank);
    }
  revalidate (self);
  ward_name_entry_install (self->group_row, store, WARD_NAME_GROUP);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->name_row), self->save_button, NULL);
  return self;
}
