/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprise-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-vsic.h"
#include "common/ward-form.h"
#include "common/ward-history-dialog.h"
#include "common/ward-name-entry.h"
#include "enterprises/ward-enterprise-dialog.h"
#include "enterprises/ward-enterprises.h"

/* Fields typed as text, in the form's order; the others are combos and
 * switches. */
static const WardEnterpriseField text_fields[] = {
  WARD_ENTERPRISE_FIELD_TAX_CODE,
  WARD_ENTERPRISE_FIELD_NAME,
  WARD_ENTERPRISE_FIELD_REGISTERED_ON,
  WARD_ENTERPRISE_FIELD_CAPITAL,
  WARD_ENTERPRISE_FIELD_VSIC,
  WARD_ENTERPRISE_FIELD_ADDRESS,
  WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP,
  WARD_ENTERPRISE_FIELD_REPRESENTATIVE,
  WARD_ENTERPRISE_FIELD_STATUS_DATE,
  WARD_ENTERPRISE_FIELD_NOTE,
};

/* The VSIC version row's items, in order. */
static const WardVsicVersion vsic_versions[] = { WARD_VSIC_ANY, WARD_VSIC_2018, WARD_VSIC_2025 };

struct _WardEnterpriseDialog
{
  AdwWindow        parent_instance;

  WardStore       *store;
  WardEnterprise  *record;    /* as loaded, or blank */

  /* Per field: its row, and the row under it that shows its problem. */
  GtkWidget       *field_rows[WARD_ENTERPRISE_N_FIELDS];
  GtkWidget       *problem_rows[WARD_ENTERPRISE_N_FIELDS];
  GtkLabel        *problem_labels[WARD_ENTERPRISE_N_FIELDS];

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  AdwEntryRow     *tax_code_row;
  AdwEntryRow     *name_row;
  AdwComboRow     *type_row;
  AdwEntryRow     *registered_row;
  AdwEntryRow     *capital_row;
  AdwEntryRow     *vsic_row;
  GtkLabel        *section_label;
  AdwComboRow     *vsic_version_row;
  AdwActionRow    *household_row;
  GtkSwitch       *household_switch;
  AdwEntryRow     *address_row;
  AdwEntryRow     *group_row;
  AdwActionRow    *outside_row;
  GtkSwitch       *outside_switch;
  AdwEntryRow     *representative_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *status_date_row;
  AdwEntryRow     *note_row;
  AdwPreferencesGroup *delete_group;
};

G_DEFINE_FINAL_TYPE (WardEnterpriseDialog, ward_enterprise_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Problems under the fields ------------------------------------------- */

/* A row under @field's row, in the same boxed list, for its message. */
static void
add_problem_row (WardEnterpriseDialog *self,
                 WardEnterpriseField   field)
{
  GtkWidget *row = self->field_rows[field];
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *problem = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_assert (GTK_IS_LIST_BOX (list));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (problem), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (problem), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (problem), FALSE);
  /* Read with the field (its description), not a Tab stop of its own. */
  gtk_widget_set_focusable (problem, FALSE);
  gtk_widget_set_visible (problem, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), problem,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  self->problem_rows[field] = problem;
  self->problem_labels[field] = GTK_LABEL (label);
}

static void
show_problem (WardEnterpriseDialog *self,
              WardEnterpriseField   field,
              const char           *message,
              gboolean              warning)
{
  GtkWidget *label = GTK_WIDGET (self->problem_labels[field]);
  GtkWidget *row = self->field_rows[field];

  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_remove_css_class (label, warning ? "error" : "warning");
  gtk_widget_add_css_class (label, warning ? "warning" : "error");
  gtk_widget_set_visible (self->problem_rows[field], TRUE);
  if (!warning)
    ward_form_mark_field (row, message);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    message, -1);
}

static void
clear_problem (WardEnterpriseDialog *self,
               WardEnterpriseField   field)
{
  gtk_widget_set_visible (self->problem_rows[field], FALSE);
  ward_form_mark_field (self->field_rows[field], NULL);
}

static void
clear_problems (WardEnterpriseDialog *self)
{
  for (guint f = 0; f < WARD_ENTERPRISE_N_FIELDS; f++)
    clear_problem (self, f);
}

static WardVsicVersion
selected_vsic_version (WardEnterpriseDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->vsic_version_row);

  return selected < G_N_ELEMENTS (vsic_versions) ? vsic_versions[selected] : WARD_VSIC_ANY;
}

static GtkStringList *
vsic_version_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Decided by the code and the registration date"));
  gtk_string_list_append (list, "VSIC 2018 (Quyết định 27/2018/QĐ-TTg)");
  gtk_string_list_append (list, "VSIC 2025 (Quyết định 36/2025/QĐ-TTg)");
  return list;
}

/* ---- Reading the form ------------------------------------------------------ */

/* The form's values into @record, each through core; a value that cannot
 * be read is shown under its field. Returns the unreadable fields as bits. */
static guint
read_form (WardEnterpriseDialog *self,
           WardEnterprise       *record)
{
  guint failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      WardEnterpriseField field = text_fields[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->field_rows[field]));
      g_autoptr (GError) error = NULL;

      if (!ward_enterprise_set_field (record, field, text, &error))
        {
          show_problem (self, field, error->message, FALSE);
          failed |= 1u << field;
        }
    }
  record->type = adw_combo_row_get_selected (self->type_row);
  record->status = adw_combo_row_get_selected (self->status_row);
  record->vsic_version = selected_vsic_version (self);
  record->in_ward = !gtk_switch_get_active (self->outside_switch);
  record->from_household = gtk_switch_get_active (self->household_switch);
  return failed;
}

static void
show_issues (WardEnterpriseDialog *self,
             GPtrArray            *issues,
             guint                 skip)
{
  for (guint i = 0; i < issues->len; i++)
    {
      WardEnterpriseIssue *issue = issues->pdata[i];

      if ((skip & (1u << issue->field)) == 0)
        show_problem (self, issue->field, issue->message, issue->warning);
    }
}

/* The first field in trouble gets the focus, so the clerk sees it. */
static void
focus_first_problem (WardEnterpriseDialog *self)
{
  for (guint f = 0; f < WARD_ENTERPRISE_N_FIELDS; f++)
    if (gtk_widget_get_visible (self->problem_rows[f])
        && gtk_widget_has_css_class (self->field_rows[f], "error"))
      {
        gtk_widget_grab_focus (self->field_rows[f]);
        return;
      }
}

static char *
warnings_text (GPtrArray *issues)
{
  GString *text = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      WardEnterpriseIssue *issue = issues->pdata[i];

      if (!issue->warning)
        continue;
      if (text == NULL)
        text = g_string_new (issue->message);
      else
        g_string_append_printf (text, " %s", issue->message);
    }
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

static void
on_save_clicked_cb (WardEnterpriseDialog *self)
{
  g_autoptr (WardEnterprise) record = ward_enterprise_copy (self->record);
  g_autoptr (GPtrArray) issues = ward_enterprise_issues_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *warning = NULL;
  gboolean is_new = self->record->id == 0;
  guint unreadable;

  clear_problems (self);
  unreadable = read_form (self, record);
  if (unreadable != 0)
    {
      /* Still check the rest, so that every problem shows at once. */
      ward_enterprise_validate (self->store, record, NULL, issues, NULL);
      show_issues (self, issues, unreadable);
      focus_first_problem (self);
      return;
    }

  if (!ward_enterprise_save (self->store, record, issues, &error))
    {
      show_issues (self, issues, 0);
      if (issues->len == 0)
        show_problem (self, WARD_ENTERPRISE_FIELD_TAX_CODE, error->message, FALSE);
      focus_first_problem (self);
      return;
    }

  warning = warnings_text (issues);
  g_signal_emit (self, signals[SAVED], 0, record->id, is_new, warning);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (WardEnterpriseDialog *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->record->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The VSIC section shows beside the code as it is typed, in the version
 * the core decides for the code, the version row and the registration
 * date (ward_vsic_resolve(), as saving will). */
static void
on_vsic_changed_cb (WardEnterpriseDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->vsic_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->registered_row));
  WardVsicVersion stated = selected_vsic_version (self);
  WardVsicVersion version;
  g_autofree char *code = NULL;
  g_autofree char *registered_on = NULL;
  g_autofree char *section = NULL;

  if (!ward_parse_date (date, &registered_on, NULL))
    g_clear_pointer (&registered_on, g_free);
  if (ward_vsic_parse (text, stated, &code, NULL)
      && ward_vsic_resolve (code, stated, registered_on, &version, NULL))
    {
      const WardVsicSection *s = ward_vsic_section_in (code, version);
      g_autofree char *tooltip = g_strdup_printf ("%s: %c – %s", ward_vsic_version_label (version),
                                                  s->letter, s->title);

      /* The version first: a long title is cut short at its end. */
      section = g_strdup_printf ("%s: %c – %s", ward_vsic_version_label (version), s->letter,
                                 s->short_title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->section_label), tooltip);
    }
  gtk_label_set_text (self->section_label, section != NULL ? section : "");
}

static void
on_field_changed_cb (GtkEditable          *editable,
                     WardEnterpriseDialog *self)
{
  for (guint f = 0; f < WARD_ENTERPRISE_N_FIELDS; f++)
    if (self->field_rows[f] == GTK_WIDGET (editable))
      clear_problem (self, f);
}

/* ---- Filling the form ------------------------------------------------------ */

static void
fill_form (WardEnterpriseDialog *self)
{
  WardEnterprise *record = self->record;
  const char *title;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = ward_enterprise_dup_field (record, text_fields[i]);
      gtk_editable_set_text (GTK_EDITABLE (self->field_rows[text_fields[i]]), text);
    }
  adw_combo_row_set_selected (self->type_row, record->type);
  adw_combo_row_set_selected (self->status_row, record->status);
  for (guint i = 0; i < G_N_ELEMENTS (vsic_versions); i++)
    if (vsic_versions[i] == record->vsic_version)
      adw_combo_row_set_selected (self->vsic_version_row, i);
  gtk_switch_set_active (self->outside_switch, !record->in_ward);
  gtk_switch_set_active (self->household_switch, record->from_household);

  title = record->id != 0 ? _("Edit Enterprise") : _("New Enterprise");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (record->id != 0)
    {
      adw_window_title_set_subtitle (self->window_title, record->name);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_group), TRUE);
    }
  clear_problems (self);
}

static GListModel *
labels_model (const char *(*label) (int),
              int           n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static const char *
type_label (int type)
{
  return type == WARD_ENTERPRISE_TYPE_NONE ? _("Not given")
                                           : ward_enterprise_type_label (type);
}

static const char *
status_label (int status)
{
  return ward_enterprise_status_label (status);
}

static void
bind_fields (WardEnterpriseDialog *self)
{
  GtkWidget **rows = self->field_rows;

  rows[WARD_ENTERPRISE_FIELD_TAX_CODE] = GTK_WIDGET (self->tax_code_row);
  rows[WARD_ENTERPRISE_FIELD_NAME] = GTK_WIDGET (self->name_row);
  rows[WARD_ENTERPRISE_FIELD_TYPE] = GTK_WIDGET (self->type_row);
  rows[WARD_ENTERPRISE_FIELD_REGISTERED_ON] = GTK_WIDGET (self->registered_row);
  rows[WARD_ENTERPRISE_FIELD_CAPITAL] = GTK_WIDGET (self->capital_row);
  rows[WARD_ENTERPRISE_FIELD_VSIC] = GTK_WIDGET (self->vsic_row);
  rows[WARD_ENTERPRISE_FIELD_VSIC_VERSION] = GTK_WIDGET (self->vsic_version_row);
  rows[WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD] = GTK_WIDGET (self->household_row);
  rows[WARD_ENTERPRISE_FIELD_ADDRESS] = GTK_WIDGET (self->address_row);
  rows[WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP] = GTK_WIDGET (self->group_row);
  rows[WARD_ENTERPRISE_FIELD_OUTSIDE_WARD] = GTK_WIDGET (self->outside_row);
  rows[WARD_ENTERPRISE_FIELD_REPRESENTATIVE] = GTK_WIDGET (self->representative_row);
  rows[WARD_ENTERPRISE_FIELD_STATUS] = GTK_WIDGET (self->status_row);
  rows[WARD_ENTERPRISE_FIELD_STATUS_DATE] = GTK_WIDGET (self->status_date_row);
  rows[WARD_ENTERPRISE_FIELD_NOTE] = GTK_WIDGET (self->note_row);

  for (guint f = 0; f < WARD_ENTERPRISE_N_FIELDS; f++)
    {
      add_problem_row (self, f);
      if (GTK_IS_EDITABLE (rows[f]))
        g_signal_connect_object (rows[f], "changed", G_CALLBACK (on_field_changed_cb), self, 0);
    }
}

/* ---- Class ----------------------------------------------------------------- */

static void
ward_enterprise_dialog_dispose (GObject *object)
{
  WardEnterpriseDialog *self = WARD_ENTERPRISE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_ENTERPRISE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, ward_enterprise_free);

  G_OBJECT_CLASS (ward_enterprise_dialog_parent_class)->dispose (object);
}

static void
ward_enterprise_dialog_class_init (WardEnterpriseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_enterprise_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/enterprises/ward-enterprise-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WardEnterpriseDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (tax_code_row);
  BIND (name_row);
  BIND (type_row);
  BIND (registered_row);
  BIND (capital_row);
  BIND (vsic_row);
  BIND (section_label);
  BIND (vsic_version_row);
  BIND (household_row);
  BIND (household_switch);
  BIND (address_row);
  BIND (group_row);
  BIND (outside_row);
  BIND (outside_switch);
  BIND (representative_row);
  BIND (status_row);
  BIND (status_date_row);
  BIND (note_row);
  BIND (delete_group);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_vsic_changed_cb);
}

static void
ward_enterprise_dialog_init (WardEnterpriseDialog *self)
{
  g_autoptr (GListModel) types = NULL;
  g_autoptr (GListModel) statuses = NULL;
  g_autoptr (GtkStringList) versions = vsic_version_labels ();

  gtk_widget_init_template (GTK_WIDGET (self));

  types = labels_model (type_label, WARD_ENTERPRISE_N_TYPES);
  statuses = labels_model (status_label, WARD_ENTERPRISE_N_STATUSES);
  adw_combo_row_set_model (self->type_row, types);
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->vsic_version_row, G_LIST_MODEL (versions));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  bind_fields (self);
}

WardEnterpriseDialog *
ward_enterprise_dialog_new (GtkWindow  *parent,
                            WardStore  *store,
                            gint64      id,
                            GError    **error)
{
  WardEnterpriseDialog *self;
  WardEnterprise *record;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  record = id != 0 ? ward_enterprise_load (store, id, error) : ward_enterprise_new ();
  if (record == NULL)
    return NULL;

  self = g_object_new (WARD_TYPE_ENTERPRISE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->record = record;
  fill_form (self);
  ward_name_entry_install (self->group_row, store, WARD_NAME_GROUP);
  if (id != 0)
    ward_history_add_button (GTK_WINDOW (self), store, "enterprises", record->uuid, record->name);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->tax_code_row), GTK_WIDGET (self->save_button), NULL);
  return self;
}

const WardEnterprise *
ward_enterprise_dialog_get_record (WardEnterpriseDialog *self)
{
  g_return_val_if_fail (WARD_IS_ENTERPRISE_DIALOG (self), NULL);
  return self->record;
}
