/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-item-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-form-error.h"
#include "common/ward-form.h"
#include "common/ward-history-dialog.h"
#include "common/ward-name-choice.h"
#include "programme/ward-item-dialog.h"
#include "programme/ward-programme-units.h"
#include "targets/ward-targets.h"

struct _WardItemDialog
{
  AdwWindow          parent_instance;

  WardStore         *store;
  WardProgrammeItem *item;
  GArray            *group_ids;    /* gint64, in the order of group_row */
  GArray            *lead_ids;     /* gint64, in the order of lead_row; 0 first: none */
  GPtrArray         *unit_checks;  /* GtkCheckButton, "ward-id" set */
  GPtrArray         *target_checks;
  WardFormError      form_error;

  GtkButton         *save_button;
  AdwActionRow      *group_row;
  GtkDropDown       *group_dropdown;
  AdwEntryRow       *title_row;
  AdwActionRow      *lead_row;
  GtkDropDown       *lead_dropdown;
  AdwPreferencesGroup *units_group;
  AdwPreferencesGroup *targets_group;
  AdwEntryRow       *start_row;
  AdwEntryRow       *deadline_row;
  AdwActionRow      *status_row;
  GtkDropDown       *status_dropdown;
  AdwEntryRow       *percent_row;
  AdwEntryRow       *note_row;
};

G_DEFINE_FINAL_TYPE (WardItemDialog, ward_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
id_array_contains (GArray *ids,
                   gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
add_check_row (WardItemDialog      *self,
               AdwPreferencesGroup *group,
               GPtrArray           *checks,
               gint64          id,
               const char     *name,
               gboolean        active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (check), "ward-id", g_memdup2 (&id, sizeof id), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (checks, check);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (choice));
}

/* The groups' titles are long: shortened on the button, whole in the list. */
static void
set_long_choice_factories (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
fill_groups (WardItemDialog *self)
{
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GPtrArray) groups = ward_programme_groups_load (self->store, today, NULL);
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      WardProgrammeGroup *group = groups->pdata[i];

      gtk_string_list_append (titles, group->title);
      g_array_append_val (self->group_ids, group->id);
    }
  set_long_choice_factories (self->group_dropdown);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->group_dropdown, index_of_id (self->group_ids, self->item->group_id));
}

static void
fill_units (WardItemDialog *self)
{
  g_autoptr (GPtrArray) units = ward_units_load (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;

  gtk_string_list_append (names, _("None"));
  g_array_append_val (self->lead_ids, none);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      WardUnit *unit = units->pdata[i];

      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->lead_ids, unit->id);
      add_check_row (self, self->units_group, self->unit_checks, unit->id, unit->name,
                     id_array_contains (self->item->unit_ids, unit->id));
    }
  gtk_drop_down_set_model (self->lead_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->lead_dropdown, index_of_id (self->lead_ids, self->item->lead_unit_id));
}

static void
fill_targets (WardItemDialog *self)
{
  g_autoptr (GPtrArray) targets = ward_targets_load (self->store, NULL);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      WardTarget *target = targets->pdata[i];
      gint64 id = ward_target_get_id (target);

      add_check_row (self, self->targets_group, self->target_checks, id, ward_target_get_short_name (target),
                     id_array_contains (self->item->target_ids, id));
    }
}

static void
fill_form (WardItemDialog *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *start = ward_format_date (self->item->start_date);
  g_autofree char *deadline = ward_format_date (self->item->deadline);
  g_autofree char *percent = g_strdup_printf ("%d", self->item->percent);

  fill_groups (self);
  fill_units (self);
  fill_targets (self);
  for (guint i = 0; i < WARD_ITEM_N_STATUSES; i++)
    gtk_string_list_append (statuses, ward_item_status_label ((WardItemStatus) i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_selected (self->status_dropdown, self->item->status);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->item->title ? self->item->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline);
  gtk_editable_set_text (GTK_EDITABLE (self->percent_row), percent);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->item->note ? self->item->note : "");
  gtk_window_set_title (GTK_WINDOW (self), self->item->id > 0 ? _("Edit Item") : _("New Item"));
}

static GtkWidget *
row_for_field (WardItemDialog *self,
               WardItemField   field)
{
  switch (field)
    {
    case WARD_ITEM_FIELD_GROUP: return GTK_WIDGET (self->group_row);
    case WARD_ITEM_FIELD_TITLE: return GTK_WIDGET (self->title_row);
    case WARD_ITEM_FIELD_LEAD_UNIT: return GTK_WIDGET (self->lead_row);
    case WARD_ITEM_FIELD_START_DATE: return GTK_WIDGET (self->start_row);
    case WARD_ITEM_FIELD_DEADLINE: return GTK_WIDGET (self->deadline_row);
    case WARD_ITEM_FIELD_STATUS: return GTK_WIDGET (self->status_row);
    case WARD_ITEM_FIELD_PERCENT: return GTK_WIDGET (self->percent_row);
    case WARD_ITEM_FIELD_NOTE: return GTK_WIDGET (self->note_row);
    case WARD_ITEM_FIELD_NONE:
    default:
      return NULL;
    }
}

/* An optional date field; shows the parser's message, naming the field. */
static gboolean
read_date (WardItemDialog  *self,
           AdwEntryRow     *row,
           char           **iso_out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (GError) error = NULL;

  *iso_out = NULL;
  if (*text == '\0' || ward_parse_date (text, iso_out, &error))
    return TRUE;
  ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (row), error->message);
  return FALSE;
}

static void
read_checks (GPtrArray *checks,
             GArray    *ids)
{
  g_array_set_size (ids, 0);
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      g_array_append_val (ids, *(gint64 *) g_object_get_data (checks->pdata[i], "ward-id"));
}

/* Copies the form into @item; FALSE (with the error shown) when a field
 * cannot even be read. */
static gboolean
read_form (WardItemDialog    *self,
           WardProgrammeItem *item)
{
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint lead = gtk_drop_down_get_selected (self->lead_dropdown);
  g_autoptr (GError) error = NULL;

  item->group_id = group < self->group_ids->len ? g_array_index (self->group_ids, gint64, group) : 0;
  g_free (item->title);
  item->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  item->lead_unit_id = lead < self->lead_ids->len ? g_array_index (self->lead_ids, gint64, lead) : 0;
  read_checks (self->unit_checks, item->unit_ids);
  read_checks (self->target_checks, item->target_ids);
  g_clear_pointer (&item->start_date, g_free);
  g_clear_pointer (&item->deadline, g_free);
  if (!read_date (self, self->start_row, &item->start_date)
      || !read_date (self, self->deadline_row, &item->deadline))
    return FALSE;
  item->status = (WardItemStatus) gtk_drop_down_get_selected (self->status_dropdown);
  if (!ward_programme_parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->percent_row)),
                                     FALSE, &item->percent, &error))
    {
      ward_form_error_show_in_row (&self->form_error, ADW_PREFERENCES_ROW (self->percent_row),
                                   error->message);
      return FALSE;
    }
  g_free (item->note);
  item->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  return TRUE;
}

static void
on_save_clicked_cb (WardItemDialog *self)
{
  g_autoptr (WardProgrammeItem) item = ward_programme_item_copy (self->item);
  g_autoptr (GError) error = NULL;
  WardItemField field = WARD_ITEM_FIELD_NONE;

  ward_form_error_clear (&self->form_error);
  if (!read_form (self, item))
    return;
  if (!ward_programme_item_save (self->store, item, &field, &error))
    {
      ward_form_error_show (&self->form_error, row_for_field (self, field), error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, item->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ward_item_dialog_dispose (GObject *object)
{
  WardItemDialog *self = WARD_ITEM_DIALOG (object);

  g_clear_pointer (&self->unit_checks, g_ptr_array_unref);
  g_clear_pointer (&self->target_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_ITEM_DIALOG);

  G_OBJECT_CLASS (ward_item_dialog_parent_class)->dispose (object);
}

static void
ward_item_dialog_finalize (GObject *object)
{
  WardItemDialog *self = WARD_ITEM_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->item, ward_programme_item_free);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->lead_ids, g_array_unref);

  G_OBJECT_CLASS (ward_item_dialog_parent_class)->finalize (object);
}

static void
ward_item_dialog_class_init (WardItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_item_dialog_dispose;
  object_class->finalize = ward_item_dialog_finalize;

  /**
   * WardItemDialog::saved:
   * @item_id: the id of the stored item
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/programme/ward-item-dialog.ui");
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardItemDialog, form_error));
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, units_group);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, WardItemDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
ward_item_dialog_init (WardItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_name_choice_install (GTK_WIDGET (self->lead_dropdown));

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unit_checks = g_ptr_array_new ();
  self->target_checks = g_ptr_array_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

WardItemDialog *
ward_item_dialog_new (GtkWindow               *parent,
                      WardStore               *store,
                      const WardProgrammeItem *item,
                      gint64                   default_group_id)
{
  WardItemDialog *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = g_object_new (WARD_TYPE_ITEM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (item != NULL)
    self->item = ward_programme_item_copy (item);
  else
    {
      self->item = ward_programme_item_new ();
      self->item->group_id = default_group_id;
    }
  fill_form (self);
  if (item != NULL)
    ward_history_add_button (GTK_WINDOW (self), store, "programme_items", item->uuid, item->title);
  ward_form_install (GTK_WINDOW (self), GTK_WIDGET (self->title_row), GTK_WIDGET (self->save_button), NULL);
  return self;
}

const WardProgrammeItem *
ward_item_dialog_get_item (WardItemDialog *self)
{
  g_return_val_if_fail (WARD_IS_ITEM_DIALOG (self), NULL);
  return self->item;
}
