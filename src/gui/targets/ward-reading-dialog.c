/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-reading-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-accessible.h"
#include "common/ward-form-error.h"
#include "common/ward-form.h"
#include "common/ward-name-choice.h"
#include "programme/ward-programme-units.h"
#include "targets/ward-reading-dialog.h"
#include "targets/ward-targets-resolution.h"

typedef struct
{
  int      year;
  gboolean first_half;
} Period;

struct _WardReadingDialog
{
  AdwWindow             parent_instance;

  WardStore            *store;
  WardTarget           *target;
  WardReading          *reading;
  GArray               *periods;    /* Period, in the order of period_row */
  GArray               *unit_ids;   /* gint64, in the order of unit_row; 0 first: none */
  WardFormError         form_error;

  GtkButton            *save_button;
  AdwPreferencesGroup  *reading_group;
  AdwComboRow          *period_row;
  AdwEntryRow          *value_row;
  AdwEntryRow          *quota_row;
  AdwEntryRow          *delivered_row;
  AdwActionRow         *rate_row;
  GtkLabel             *rate_label;
  AdwComboRow          *status_row;
  AdwEntryRow          *doc_number_row;
  AdwEntryRow          *doc_date_row;
  AdwComboRow          *unit_row;
  AdwEntryRow          *note_row;
};

G_DEFINE_FINAL_TYPE (WardReadingDialog, ward_reading_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_quota (WardReadingDialog *self)
{
  return ward_target_get_kind (self->target) == WARD_TARGET_QUOTA;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The periods of the term the target takes, oldest first; the one of the
 * reading (or this year) selected. */
static void
fill_periods (WardReadingDialog *self)
{
  g_autoptr (WardResolution) resolution = ward_resolution_load (self->store, NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GDate) date = ward_date_from_iso (today);
  int year = self->reading->year;
  guint selected = 0;

  if (resolution == NULL)
    return;
  if (year == 0)
    year = CLAMP (date != NULL ? (int) g_date_get_year (date) : resolution->term_start_year,
                  resolution->term_start_year, resolution->term_end_year);
  for (int y = resolution->term_start_year; y <= resolution->term_end_year; y++)
    for (int half = 1; half >= 0; half--)
      {
        Period period = { y, half == 1 };
        g_autofree char *label = NULL;

        if (period.first_half && is_quota (self))
          continue;
        label = ward_reading_format_period (y, period.first_half);
        if (y == year && period.first_half == self->reading->first_half)
          selected = self->periods->len;
        gtk_string_list_append (labels, label);
        g_array_append_val (self->periods, period);
      }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->period_row, selected);
}

static void
fill_units (WardReadingDialog *self)
{
  g_autoptr (GPtrArray) units = ward_units_load (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 none = 0;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->unit_ids, none);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      WardUnit *unit = units->pdata[i];

      if (unit->id == self->reading->unit_id)
        selected = self->unit_ids->len;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->unit_row, selected);
}

static char *
value_as_typed (WardReadingDialog *self)
{
  if (!self->reading->has_value)
    return g_strdup ("");
  if (ward_target_get_kind (self->target) == WARD_TARGET_MONEY)
    return ward_format_number ((gint64) self->reading->value);
  return ward_format_decimal (self->reading->value, 2);
}

static const char *
value_title (WardReadingDialog *self)
{
  switch (ward_target_get_kind (self->target))
    {
    case WARD_TARGET_GROWTH:
      return _("Growth on the year before (%)");
    case WARD_TARGET_MONEY:
      return _("Value (đồng)");
    case WARD_TARGET_RATE:
    default:
      return _("Value (%)");
    }
}

static void
fill_values (WardReadingDialog *self)
{
  g_autofree char *value = value_as_typed (self);
  g_autofree char *date = ward_format_date (self->reading->doc_date);

  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !is_quota (self));
  gtk_widget_set_visible (GTK_WIDGET (self->quota_row), is_quota (self));
  gtk_widget_set_visible (GTK_WIDGET (self->delivered_row), is_quota (self));
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row), is_quota (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title (self));
  set_entry_text (self->value_row, value);
  if (is_quota (self) && self->reading->quota >= 0)
    {
      g_autofree char *quota = g_strdup_printf ("%" G_GINT64_FORMAT, self->reading->quota);
      set_entry_text (self->quota_row, quota);
    }
  if (is_quota (self) && self->reading->delivered >= 0)
    {
      g_autofree char *delivered = g_strdup_printf ("%" G_GINT64_FORMAT, self->reading->delivered);
      set_entry_text (self->delivered_row, delivered);
    }
  set_entry_text (self->doc_number_row, self->reading->doc_number);
  set_entry_text (self->doc_date_row, date);
  set_entry_text (self->note_row, self->reading->note);
}

static void
fill_form (WardReadingDialog *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *goal = ward_target_format_goal (self->target);
  g_autofree char *description = g_strdup_printf ("%s\n%s: %s", ward_target_get_name (self->target),
                                                  _("Goal"), goal);

  adw_preferences_group_set_title (self->reading_group, ward_target_get_short_name (self->target));
  adw_preferences_group_set_description (self->reading_group, description);
  fill_periods (self);
  fill_units (self);
  gtk_string_list_append (statuses, _("Draft"));
  gtk_string_list_append (statuses, _("Final"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (self->status_row, self->reading->final ? 1 : 0);
  fill_values (self);
  gtk_window_set_title (GTK_WINDOW (self), self->reading->id > 0 ? _("Edit Reading") : _("New Reading"));
}

static void
show_error (WardReadingDialog *self,
            GtkWidget         *row,
            const char        *message)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->form_error.label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  ward_form_error_show (&self->form_error, row, message);
}

static GtkWidget *
row_for_field (WardReadingDialog *self,
               WardReadingField   field)
{
  switch (field)
    {
    case WARD_READING_FIELD_PERIOD: return GTK_WIDGET (self->period_row);
    case WARD_READING_FIELD_VALUE: return GTK_WIDGET (self->value_row);
    case WARD_READING_FIELD_QUOTA: return GTK_WIDGET (self->quota_row);
    case WARD_READING_FIELD_DELIVERED: return GTK_WIDGET (self->delivered_row);
    case WARD_READING_FIELD_STATUS: return GTK_WIDGET (self->status_row);
    case WARD_READING_FIELD_DOC_NUMBER: return GTK_WIDGET (self->doc_number_row);
    case WARD_READING_FIELD_DOC_DATE: return GTK_WIDGET (self->doc_date_row);
    case WARD_READING_FIELD_UNIT: return GTK_WIDGET (self->unit_row);
    case WARD_READING_FIELD_NOTE: return GTK_WIDGET (self->note_row);
    case WARD_READING_FIELD_NONE:
    default:
      return NULL;
    }
}

static gboolean
read_field (WardReadingDialog *self,
            WardReading       *reading,
            WardReadingField   field)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (row_for_field (self, field));
  g_autoptr (GError) error = NULL;

  if (ward_reading_set_text (reading, self->target, field,
                             gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    return TRUE;
  show_error (self, GTK_WIDGET (row), error->message);
  return FALSE;
}

/* Copies the form into @reading; FALSE (with the error shown) when a field
 * cannot even be read. */
static gboolean
read_form (WardReadingDialog *self,
           WardReading       *reading)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  guint unit = adw_combo_row_get_selected (self->unit_row);

  if (period < self->periods->len)
    {
      reading->year = g_array_index (self->periods, Period, period).year;
      reading->first_half = g_array_index (self->periods, Period, period).first_half;
    }
  reading->final = adw_combo_row_get_selected (self->status_row) == 1;
  reading->unit_id = unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0;
  if (is_quota (self))
    {
      if (!read_field (self, reading, WARD_READING_FIELD_QUOTA)
          || !read_field (self, reading, WARD_READING_FIELD_DELIVERED))
        return FALSE;
    }
  else if (!read_field (self, reading, WARD_READING_FIELD_VALUE))
    return FALSE;
  return read_field (self, reading, WARD_READING_FIELD_DOC_NUMBER)
         && read_field (self, reading, WARD_READING_FIELD_DOC_DATE)
         && read_field (self, reading, WARD_READING_FIELD_NOTE);
}

static void
on_quota_changed_cb (WardReadingDialog *self)
{
  g_autoptr (WardReading) scratch = ward_reading_new (self->target);
  g_autofree char *rate = NULL;

  if (!ward_reading_set_text (scratch, self->target, WARD_READING_FIELD_QUOTA,
                              gtk_editable_get_text (GTK_EDITABLE (self->quota_row)), NULL)
      || !ward_reading_set_text (scratch, self->target, WARD_READING_FIELD_DELIVERED,
                                 gtk_editable_get_text (GTK_EDITABLE (self->delivered_row)), NULL)
      || scratch->quota <= 0 || scratch->delivered < 0)
    {
      gtk_label_set_text (self->rate_label, "—");
      return;
    }
  rate = ward_format_percent (ward_reading_quota_rate (scratch), 1);
  gtk_label_set_text (self->rate_label, rate);
}

static void
on_save_clicked_cb (WardReadingDialog *self)
{
  g_autoptr (WardReading) reading = ward_reading_copy (self->reading);
  g_autoptr (GError) error = NULL;
  WardReadingField field = WARD_READING_FIELD_NONE;

  ward_form_error_clear (&self->form_error);
  if (!read_form (self, reading))
    return;
  if (!ward_reading_save (self->store, self->target, reading, &field, &error))
    {
      show_error (self, row_for_field (self, field), error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, reading->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ward_reading_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_READING_DIALOG);

  G_OBJECT_CLASS (ward_reading_dialog_parent_class)->dispose (object);
}

static void
ward_reading_dialog_finalize (GObject *object)
{
  WardReadingDialog *self = WARD_READING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->target);
  g_clear_pointer (&self->reading, ward_reading_free);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (ward_reading_dialog_parent_class)->finalize (object);
}

static void
ward_reading_dialog_class_init (WardReadingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_reading_dialog_dispose;
  object_class->finalize = ward_reading_dialog_finalize;

  /**
   * WardReadingDialog::saved:
   * @reading_id: the id of the stored reading
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/targets/ward-reading-dialog.ui");
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardReadingDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, reading_group);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, quota_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, rate_label);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, doc_number_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, doc_date_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, WardReadingDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quota_changed_cb);
}

static void
ward_reading_dialog_init (WardReadingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_name_choice_install (GTK_WIDGET (self->unit_row));
  ward_combo_row_name_items (self->period_row);
  ward_combo_row_name_items (self->status_row);
  ward_combo_row_name_items (self->unit_row);

  self->periods = g_array_new (FALSE, FALSE, sizeof (Period));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

WardReadingDialog *
ward_reading_dialog_new (GtkWindow         *parent,
                         WardStore         *store,
                         WardTarget        *target,
                         const WardReading *reading)
{
  WardReadingDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (WARD_IS_TARGET (target), NULL);

  self = g_object_new (WARD_TYPE_READING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->target = g_object_ref (target);
  self->reading = reading != NULL ? ward_reading_copy (reading) : ward_reading_new (target);
  fill_form (self);
  on_quota_changed_cb (self);
  ward_form_install (GTK_WINDOW (self),
                     GTK_WIDGET (is_quota (self) ? self->quota_row : self->value_row),
                     GTK_WIDGET (self->save_button), NULL);
  return self;
}

const WardReading *
ward_reading_dialog_get_reading (WardReadingDialog *self)
{
  g_return_val_if_fail (WARD_IS_READING_DIALOG (self), NULL);
  return self->reading;
}
