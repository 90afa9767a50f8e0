/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-stage-row"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-candidate-stage-row.h"

struct _WardCandidateStageRow
{
  GtkListBoxRow  parent_instance;

  char          *title;
  GtkImage      *mark;
  GtkLabel      *status;
  GtkLabel      *errors;
  GtkLabel      *warnings;
  GtkBox        *entries;
  GtkBox        *line;     /* where the next entry goes: @entries, or a line of it */
  GString       *error_text;
  GString       *warning_text;
  gboolean       done;
  char          *status_text;
};

G_DEFINE_FINAL_TYPE (WardCandidateStageRow, ward_candidate_stage_row, GTK_TYPE_LIST_BOX_ROW)

static GtkLabel *
message_label_new (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

static void
build (WardCandidateStageRow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (self->title);

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 8);
  gtk_widget_set_margin_bottom (outer, 8);

  self->mark = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->mark), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->mark));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->status));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), texts);

  self->entries = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_valign (GTK_WIDGET (self->entries), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->entries));

  self->errors = message_label_new ("error");
  self->warnings = message_label_new ("warning");
  gtk_box_append (GTK_BOX (outer), line);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->errors));
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->warnings));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), outer);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  ward_candidate_stage_row_set_state (self, FALSE, NULL);
}

static void
ward_candidate_stage_row_finalize (GObject *object)
{
  WardCandidateStageRow *self = (WardCandidateStageRow *) object;

  g_free (self->title);
  g_free (self->status_text);
  g_string_free (self->error_text, TRUE);
  g_string_free (self->warning_text, TRUE);

  G_OBJECT_CLASS (ward_candidate_stage_row_parent_class)->finalize (object);
}

static void
ward_candidate_stage_row_class_init (WardCandidateStageRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_candidate_stage_row_finalize;
}

static void
ward_candidate_stage_row_init (WardCandidateStageRow *self)
{
  self->error_text = g_string_new (NULL);
  self->warning_text = g_string_new (NULL);
}

GtkWidget *
ward_candidate_stage_row_new (const char *title)
{
  WardCandidateStageRow *self = g_object_new (WARD_TYPE_CANDIDATE_STAGE_ROW, NULL);

  self->title = g_strdup (title);
  build (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

GtkEntry *
ward_candidate_stage_row_add_entry (WardCandidateStageRow *self,
                                    const char            *label,
                                    const char            *placeholder,
                                    int                    width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *name = g_strdup_printf (_("%s: %s"), self->title, label);

  g_return_val_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self), NULL);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_tooltip_text (entry, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (self->line != NULL ? self->line : self->entries, entry);
  return GTK_ENTRY (entry);
}

GtkCheckButton *
ward_candidate_stage_row_add_check (WardCandidateStageRow *self,
                                    const char            *label,
                                    const char            *accessible)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  g_autofree char *name = g_strdup_printf (_("%s: %s"), self->title, accessible);

  g_return_val_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self), NULL);

  gtk_widget_set_tooltip_text (check, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (self->line != NULL ? self->line : self->entries, check);
  return GTK_CHECK_BUTTON (check);
}

void
ward_candidate_stage_row_begin_line (WardCandidateStageRow *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  gtk_box_append (self->entries, line);
  self->line = GTK_BOX (line);
}

void
ward_candidate_stage_row_end_line (WardCandidateStageRow *self)
{
  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  self->line = NULL;
}

void
ward_candidate_stage_row_stack_entries (WardCandidateStageRow *self)
{
  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->entries), GTK_ORIENTATION_VERTICAL);
}

/* A stage whose entries are refused is not shown as done, whatever its
 * dates say: the clerk has a correction to make there. */
static void
update_mark (WardCandidateStageRow *self)
{
  static const char * const classes[] = { "success", "dim-label", "error" };
  gboolean refused = self->error_text->len > 0;
  guint shown = refused ? 2 : self->done ? 0 : 1;
  const char *word = refused ? _("To correct") : self->done ? _("Done") : _("Pending");

  gtk_image_set_from_icon_name (self->mark, refused ? "dialog-error-symbolic"
                                : self->done ? "object-select-symbolic" : "content-loading-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mark), word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark), GTK_ACCESSIBLE_PROPERTY_LABEL, word, -1);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (i == shown)
      gtk_widget_add_css_class (GTK_WIDGET (self->mark), classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->mark), classes[i]);
  gtk_label_set_text (self->status, !refused && self->status_text != NULL ? self->status_text : word);
}

void
ward_candidate_stage_row_set_state (WardCandidateStageRow *self,
                                    gboolean               done,
                                    const char            *status)
{
  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  self->done = done;
  g_free (self->status_text);
  self->status_text = g_strdup (status);
  update_mark (self);
}

static void
show_messages (GtkLabel *label,
               GString  *text)
{
  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

void
ward_candidate_stage_row_clear_messages (WardCandidateStageRow *self)
{
  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  g_string_truncate (self->error_text, 0);
  g_string_truncate (self->warning_text, 0);
  show_messages (self->errors, self->error_text);
  show_messages (self->warnings, self->warning_text);
  update_mark (self);
}

void
ward_candidate_stage_row_add_message (WardCandidateStageRow *self,
                                      const char            *message,
                                      gboolean               warning)
{
  GString *text;

  g_return_if_fail (WARD_IS_CANDIDATE_STAGE_ROW (self));

  text = warning ? self->warning_text : self->error_text;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, message);
  show_messages (warning ? self->warnings : self->errors, text);
  update_mark (self);
}
