/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-party-member-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "base/ward-format.h"
#include "common/ward-form.h"
#include "study/ward-party-member-dialog.h"
#include "study/ward-study-form.h"

/* One member of the roster. The roster is mostly imported, or fed by the
 * admissions register; this form is for the changes between imports: a
 * member who moves in or away, becomes official, is exempted. The rules
 * are the core's (ward_party_member_validate()); each refusal is said
 * beside its field. */

struct _WardPartyMemberDialog
{
  AdwWindow        parent_instance;

  WardStore       *store;
  WardPartyMember *record;      /* as opened; NULL: a new member */
  GPtrArray       *cells;       /* WardPartyCell; the last choice is none */
  GtkWidget       *fields[WARD_MEMBER_N_FIELDS];
  GtkLabel        *error_label;
  GtkWidget       *save;
};

G_DEFINE_FINAL_TYPE (WardPartyMemberDialog, ward_party_member_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- Reading the form --------------------------------------------------- */

static const char *
text_of (WardPartyMemberDialog *self,
         WardMemberField        field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));
}

static guint
selected_of (WardPartyMemberDialog *self,
             WardMemberField        field)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[field]));
}

/* A date field: empty is "not known" (NULL); otherwise it must read. */
static gboolean
read_date (WardPartyMemberDialog  *self,
           WardMemberField         field,
           char                  **out)
{
  const char *text = text_of (self, field);
  g_autoptr (GError) error = NULL;

  g_clear_pointer (out, g_free);
  if (text[0] == '\0')
    return TRUE;
  if (ward_parse_date (text, out, &error))
    return TRUE;
  ward_study_form_error (self->error_label, self->fields[field], error->message);
  return FALSE;
}

static char *
text_or_null (WardPartyMemberDialog *self,
              WardMemberField        field)
{
  const char *text = text_of (self, field);

  return text[0] != '\0' ? g_strdup (text) : NULL;
}

static WardPartyMember *
collect (WardPartyMemberDialog *self)
{
  g_autoptr (WardPartyMember) m = self->record != NULL ? ward_party_member_copy (self->record)
                                                       : ward_party_member_new ();
  static const WardMemberField dates[] = {
    WARD_MEMBER_FIELD_BIRTH, WARD_MEMBER_FIELD_JOINED, WARD_MEMBER_FIELD_OFFICIAL,
    WARD_MEMBER_FIELD_EXEMPT_SINCE, WARD_MEMBER_FIELD_LEFT,
  };
  char **date_fields[] = { &m->birth_date, &m->joined_date, &m->official_date, &m->exempt_since,
                           &m->left_date };
  guint cell = selected_of (self, WARD_MEMBER_FIELD_CELL);
  guint gender = selected_of (self, WARD_MEMBER_FIELD_GENDER);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!read_date (self, dates[i], date_fields[i]))
      return NULL;
  g_free (m->full_name);
  m->full_name = text_or_null (self, WARD_MEMBER_FIELD_NAME);
  g_free (m->card_number);
  m->card_number = text_or_null (self, WARD_MEMBER_FIELD_CARD);
  g_free (m->note);
  m->note = text_or_null (self, WARD_MEMBER_FIELD_NOTE);
  g_free (m->gender);
  m->gender = gender == 1 ? g_strdup ("male") : gender == 2 ? g_strdup ("female") : NULL;
  m->cell_id = cell < self->cells->len ? ((WardPartyCell *) self->cells->pdata[cell])->id : 0;
  m->exempt = (WardExemption) selected_of (self, WARD_MEMBER_FIELD_EXEMPT);
  return g_steal_pointer (&m);
}

/* ---- Saving ------------------------------------------------------------- */

static gboolean
say_issues (WardPartyMemberDialog *self,
            GPtrArray             *issues)
{
  WardMemberIssue *first;

  for (guint i = 0; i < WARD_MEMBER_N_FIELDS; i++)
    if (self->fields[i] != NULL)
      ward_form_mark_field (self->fields[i], NULL);
  if (issues->len == 0)
    return FALSE;
  first = issues->pdata[0];
  for (guint i = issues->len; i-- > 1;)
    {
      WardMemberIssue *issue = issues->pdata[i];

      ward_form_mark_field (self->fields[issue->field], issue->message);
    }
  ward_study_form_error (self->error_label, self->fields[first->field], first->message);
  return TRUE;
}

static void
save_clicked_cb (GtkButton             *button,
                 WardPartyMemberDialog *self)
{
  g_autoptr (WardPartyMember) m = collect (self);
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = ward_today_iso ();

  if (m == NULL)
    return;
  issues = ward_party_member_validate (self->store, m, today, &error);
  if (issues != NULL && say_issues (self, issues))
    return;
  if (issues == NULL || !ward_party_member_save (self->store, m, &error))
    {
      ward_study_form_error (self->error_label, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, m->id, self->record == NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Building ----------------------------------------------------------- */

static void
add_cell_row (WardPartyMemberDialog *self,
              AdwPreferencesGroup   *group,
              gint64                 cell_id)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) labels = NULL;
  guint chosen;

  self->cells = ward_party_cells_load (self->store, NULL);
  if (self->cells == NULL)
    self->cells = g_ptr_array_new ();
  chosen = self->cells->len;
  for (guint i = 0; i < self->cells->len; i++)
    {
      WardPartyCell *cell = self->cells->pdata[i];

      g_strv_builder_add (names, cell->name);
      if (cell->id == cell_id)
        chosen = i;
    }
  g_strv_builder_add (names, _("Not known"));
  labels = g_strv_builder_end (names);
  self->fields[WARD_MEMBER_FIELD_CELL] = GTK_WIDGET (ward_study_form_combo_row (
    group, _("Chi bộ"), (const char * const *) labels, chosen));
}

static void
entry (WardPartyMemberDialog *self,
       AdwPreferencesGroup   *group,
       WardMemberField        field,
       const char            *title,
       const char            *text)
{
  self->fields[field] = GTK_WIDGET (ward_study_form_entry_row (group, title, text));
}

static void
date_entry (WardPartyMemberDialog *self,
            AdwPreferencesGroup   *group,
            WardMemberField        field,
            const char            *title,
            const char            *iso)
{
  g_autofree char *shown = iso != NULL ? ward_format_date (iso) : NULL;

  entry (self, group, field, title, shown);
}

static void
fill_form (WardPartyMemberDialog *self,
           AdwPreferencesPage    *page,
           const WardPartyMember *m)
{
  const char *genders[] = { _("Not known"), _("Male"), _("Female"), NULL };
  const char *exemptions[] = { _("Not exempt"), _("Exempt (age)"), _("Exempt (health)"), NULL };
  AdwPreferencesGroup *person = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *party = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  guint gender = g_strcmp0 (m->gender, "male") == 0 ? 1 : g_strcmp0 (m->gender, "female") == 0 ? 2 : 0;

  adw_preferences_page_add (page, person);
  adw_preferences_group_set_title (party, _("In the Party"));
  adw_preferences_group_set_description (party, _("Dates as dd/mm/yyyy; leave a date empty when it is "
                                                  "not known. A member who moved away or died keeps "
                                                  "their record with the date they left."));
  adw_preferences_page_add (page, party);
  entry (self, person, WARD_MEMBER_FIELD_NAME, _("Full name"), m->full_name);
  date_entry (self, person, WARD_MEMBER_FIELD_BIRTH, _("Date of birth"), m->birth_date);
  self->fields[WARD_MEMBER_FIELD_GENDER] = GTK_WIDGET (ward_study_form_combo_row (person, _("Gender"),
                                                                                  genders, gender));
  add_cell_row (self, party, m->cell_id);
  date_entry (self, party, WARD_MEMBER_FIELD_JOINED, _("Joined the Party on"), m->joined_date);
  date_entry (self, party, WARD_MEMBER_FIELD_OFFICIAL, _("Official member since (empty: probationary)"),
              m->official_date);
  entry (self, party, WARD_MEMBER_FIELD_CARD, _("Party card number"), m->card_number);
  self->fields[WARD_MEMBER_FIELD_EXEMPT] = GTK_WIDGET (ward_study_form_combo_row (
    party, _("Exemption from Party work and meetings"), exemptions, m->exempt));
  date_entry (self, party, WARD_MEMBER_FIELD_EXEMPT_SINCE, _("Exempt since"), m->exempt_since);
  date_entry (self, party, WARD_MEMBER_FIELD_LEFT, _("Left on (moved away, died)"), m->left_date);
  entry (self, party, WARD_MEMBER_FIELD_NOTE, _("Note"), m->note);
}

WardPartyMemberDialog *
ward_party_member_dialog_new (GtkWindow *parent,
                              WardStore *store,
                              gint64     member_id)
{
  WardPartyMemberDialog *self = g_object_new (WARD_TYPE_PARTY_MEMBER_DIALOG, "modal", TRUE,
                                              "transient-for", parent, NULL);
  g_autoptr (WardPartyMember) blank = ward_party_member_new ();
  AdwPreferencesPage *page;

  self->store = g_object_ref (store);
  self->record = member_id > 0 ? ward_party_member_load (store, member_id, NULL) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), self->record != NULL ? _("Party Member")
                                                                : _("Add Party Member"));
  page = ward_study_form_frame (ADW_WINDOW (self), &self->save, &self->error_label);
  g_signal_connect (self->save, "clicked", G_CALLBACK (save_clicked_cb), self);
  fill_form (self, page, self->record != NULL ? self->record : blank);
  ward_form_install (GTK_WINDOW (self), self->fields[WARD_MEMBER_FIELD_NAME], self->save, NULL);
  return self;
}

const WardPartyMember *
ward_party_member_dialog_get_record (WardPartyMemberDialog *self)
{
  g_return_val_if_fail (WARD_IS_PARTY_MEMBER_DIALOG (self), NULL);

  return self->record;
}

static void
ward_party_member_dialog_finalize (GObject *object)
{
  WardPartyMemberDialog *self = WARD_PARTY_MEMBER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->record, ward_party_member_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (ward_party_member_dialog_parent_class)->finalize (object);
}

static void
ward_party_member_dialog_class_init (WardPartyMemberDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_party_member_dialog_finalize;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
ward_party_member_dialog_init (WardPartyMemberDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);
}
