/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme-page"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "base/ward-text.h"
#include "common/ward-cell-factory.h"
#include "common/ward-name-choice.h"
#include "common/ward-print.h"
#include "common/ward-slot-model.h"
#include "programme/ward-item-dialog.h"
#include "programme/ward-programme-page.h"
#include "programme/ward-programme-row.h"
#include "programme/ward-programme-units.h"
#include "programme/ward-programme.h"
#include "programme/ward-units-dialog.h"

/* The status filter: everything, one status, or a deadline state. */
enum {
  STATUS_FILTER_ALL,
  STATUS_FILTER_FIRST_STATUS,
  STATUS_FILTER_OVERDUE = STATUS_FILTER_FIRST_STATUS + WARD_ITEM_N_STATUSES,
  STATUS_FILTER_DUE_SOON,
};

typedef enum
{
  COLUMN_TITLE,
  COLUMN_LEAD_UNIT,
  COLUMN_DEADLINE,
  COLUMN_STATUS,
} Column;

struct _WardProgrammePage
{
  WardPage            parent_instance;

  GListStore         *items;        /* WardProgrammeRow, every item */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GArray             *unit_ids;     /* gint64 per entry of unit_filter; 0: every unit */
  gint64              group_id;     /* 0: every group */
  gint64              unit_id;      /* 0: every unit */
  guint               status_filter;
  char               *needle;       /* folded search text */
  gint64              selected_id;
  gboolean            reloading;
  gboolean            loaded;        /* the items have been read once */
  GtkSpinner         *spinner;
  GtkWidget          *error_entry;  /* the update entry marked in error */

  GtkListBox         *group_list;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *unit_filter;
  GtkDropDown        *status_filter_dropdown;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkStack           *log_stack;
  GtkLabel           *log_title;
  GtkLabel           *due_label;
  GtkLabel           *log_summary;
  GtkEntry           *update_date;
  GtkEntry           *update_text;
  GtkEntry           *update_percent;
  GtkEntry           *update_doc;
  GtkLabel           *update_error;
  GtkListBox         *log_list;
};

G_DEFINE_FINAL_TYPE (WardProgrammePage, ward_programme_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = {
  "programme_groups", "programme_items", "programme_item_units", "programme_item_targets",
  "programme_updates", "units", "targets", NULL
};

/* ---- Helpers ---------------------------------------------------------------- */

static WardProgrammeRow *
selected_row (WardProgrammePage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? WARD_PROGRAMME_ROW (ward_slot_get_item (item)) : NULL;
}

/* Shows a deadline's state in its colour, or hides @widget when it is not
 * due; the caller has set its text. */
static void
mark_due (GtkWidget    *widget,
          WardDueState  state)
{
  gtk_widget_remove_css_class (widget, "overdue");
  gtk_widget_remove_css_class (widget, "due-soon");
  gtk_widget_set_visible (widget, state != WARD_DUE_NONE);
  if (state != WARD_DUE_NONE)
    gtk_widget_add_css_class (widget, ward_due_state_css_class (state));
}

static void
set_due_label (GtkLabel     *label,
               WardDueState  state)
{
  gtk_label_set_text (label, ward_due_state_label (state));
  mark_due (GTK_WIDGET (label), state);
}

static void
add_toast (WardProgrammePage *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static GtkWindow *
parent_window (WardProgrammePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
describe_progress (int n_done,
                   int n_items)
{
  if (n_items == 0)
    return g_strdup (_("No items yet"));
  return g_strdup_printf (_("%d of %d done"), n_done, n_items);
}

static char *
describe_overdue (int n_overdue)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue", "%d overdue", n_overdue), n_overdue);
}

/* ---- The groups' sidebar ----------------------------------------------------- */

static GtkWidget *
group_row_new (gint64      id,
               const char *kind,
               const char *title,
               int         n_items,
               int         n_done,
               int         n_overdue)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *progress = describe_progress (n_done, n_items);
  g_autofree char *overdue = describe_overdue (n_overdue);
  g_autofree char *accessible = NULL;
  GtkWidget *progress_label = gtk_label_new (progress);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_label_set_xalign (GTK_LABEL (progress_label), 0);
  gtk_widget_add_css_class (progress_label, "dim-label");
  gtk_widget_add_css_class (progress_label, "caption");
  gtk_box_append (GTK_BOX (line), progress_label);
  if (n_overdue > 0)
    {
      GtkWidget *overdue_label = gtk_label_new (overdue);

      gtk_widget_add_css_class (overdue_label, "overdue");
      gtk_widget_add_css_class (overdue_label, "caption");
      gtk_box_append (GTK_BOX (line), overdue_label);
      accessible = g_strdup_printf ("%s: %s, %s", title, progress, overdue);
    }
  else
    accessible = g_strdup_printf ("%s: %s", title, progress);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "ward-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (row), "ward-kind", g_strdup (kind), g_free);
  return row;
}

static gint64
group_row_id (GtkListBoxRow *row)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (row), "ward-id");
}

static void
group_header_cb (GtkListBoxRow *row,
                 GtkListBoxRow *before,
                 gpointer       user_data)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "ward-kind");
  const char *before_kind = before ? g_object_get_data (G_OBJECT (before), "ward-kind") : NULL;
  GtkWidget *header;

  if (kind == NULL || g_strcmp0 (kind, before_kind) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (g_str_equal (kind, "task") ? _("Key tasks") : _("Breakthroughs"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
reload_groups (WardProgrammePage *self)
{
  g_autofree char *today = ward_today_iso ();
  g_autoptr (GPtrArray) groups = NULL;
  GtkWidget *child;
  GtkListBoxRow *select = NULL;
  int n_items = 0, n_done = 0, n_overdue = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->group_list))) != NULL)
    gtk_list_box_remove (self->group_list, child);
  groups = ward_programme_groups_load (ward_page_get_store (WARD_PAGE (self)), today, NULL);
  if (groups == NULL)
    return;

  for (guint i = 0; i < groups->len; i++)
    {
      WardProgrammeGroup *group = groups->pdata[i];

      n_items += group->n_items;
      n_done += group->n_done;
      n_overdue += group->n_overdue;
    }
  gtk_list_box_append (self->group_list, group_row_new (0, NULL, _("All items"), n_items, n_done, n_overdue));
  for (guint i = 0; i < groups->len; i++)
    {
      WardProgrammeGroup *group = groups->pdata[i];

      gtk_list_box_append (self->group_list,
                           group_row_new (group->id, group->kind, group->title,
                                          group->n_items, group->n_done, group->n_overdue));
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->group_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && group_row_id (GTK_LIST_BOX_ROW (child)) == self->group_id)
      select = GTK_LIST_BOX_ROW (child);
  if (select == NULL)
    {
      select = gtk_list_box_get_row_at_index (self->group_list, 0);
      self->group_id = 0;
    }
  gtk_list_box_select_row (self->group_list, select);
}

/* ---- The filters ------------------------------------------------------------ */

static gboolean
status_matches (WardProgrammePage *self,
                WardProgrammeRow  *row)
{
  const WardProgrammeItem *item = ward_programme_row_get_item (row);

  switch (self->status_filter)
    {
    case STATUS_FILTER_ALL:
      return TRUE;
    case STATUS_FILTER_OVERDUE:
      return ward_programme_row_get_due_state (row) == WARD_DUE_OVERDUE;
    case STATUS_FILTER_DUE_SOON:
      return ward_programme_row_get_due_state (row) == WARD_DUE_SOON;
    default:
      return (guint) item->status == self->status_filter - STATUS_FILTER_FIRST_STATUS;
    }
}

static gboolean
filter_row_cb (gpointer object,
               gpointer user_data)
{
  WardProgrammePage *self = user_data;
  WardProgrammeRow *row = object;
  const WardProgrammeItem *item = ward_programme_row_get_item (row);

  if (self->group_id != 0 && item->group_id != self->group_id)
    return FALSE;
  if (self->unit_id != 0 && !ward_programme_row_has_unit (row, self->unit_id))
    return FALSE;
  if (!status_matches (self, row))
    return FALSE;
  return self->needle == NULL || ward_text_folded_contains (item->search_key, self->needle);
}

static void
update_empty_state (WardProgrammePage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0;

  /* The spinner until the items are in (ward_programme_page_reload()). */
  if (!self->loaded)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (!any)
    {
      adw_status_page_set_title (self->empty_page, _("No Items Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the first item of the action programme with the + button (Ctrl+N)."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Items"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose another group, unit or status, change the search, "
                                         "or add an item with the + button (Ctrl+N)."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
on_filter_changed_cb (WardProgrammePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint unit = gtk_drop_down_get_selected (self->unit_filter);
  g_autofree char *needle = ward_text_fold (text);

  if (self->reloading || self->filter == NULL)
    return;
  g_clear_pointer (&self->needle, g_free);
  if (needle != NULL && *needle != '\0')
    self->needle = g_steal_pointer (&needle);
  self->unit_id = unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0;
  self->status_filter = gtk_drop_down_get_selected (self->status_filter_dropdown);
  if (self->status_filter == GTK_INVALID_LIST_POSITION)
    self->status_filter = STATUS_FILTER_ALL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
on_group_selected_cb (WardProgrammePage *self,
                      GtkListBoxRow     *row)
{
  if (self->reloading || row == NULL)
    return;
  self->group_id = group_row_id (row);
  on_filter_changed_cb (self);
}

static void
reload_unit_filter (WardProgrammePage *self)
{
  g_autoptr (GPtrArray) units = ward_units_load (ward_page_get_store (WARD_PAGE (self)), NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 all = 0;

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (names, _("All units"));
  g_array_append_val (self->unit_ids, all);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      WardUnit *unit = units->pdata[i];

      if (unit->id == self->unit_id)
        selected = self->unit_ids->len;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
    }
  gtk_drop_down_set_model (self->unit_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_filter, selected);
  if (selected == 0)
    self->unit_id = 0;
}

static void
fill_status_filter (WardProgrammePage *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("All statuses"));
  for (guint i = 0; i < WARD_ITEM_N_STATUSES; i++)
    gtk_string_list_append (names, ward_item_status_label ((WardItemStatus) i));
  gtk_string_list_append (names, ward_due_state_label (WARD_DUE_OVERDUE));
  gtk_string_list_append (names, ward_due_state_label (WARD_DUE_SOON));
  gtk_drop_down_set_model (self->status_filter_dropdown, G_LIST_MODEL (names));
}

/* ---- The item's log --------------------------------------------------------- */

static char *
describe_item (const WardProgrammeItem *item)
{
  GString *text = g_string_new (ward_item_status_label (item->status));
  g_autofree char *percent = ward_format_percent (item->percent, 0);

  g_string_append_printf (text, " · %s", percent);
  if (item->start_date != NULL)
    {
      g_autofree char *date = ward_format_date (item->start_date);
      g_string_append_printf (text, " · %s %s", _("Start:"), date);
    }
  if (item->deadline != NULL)
    {
      g_autofree char *date = ward_format_date (item->deadline);
      g_string_append_printf (text, " · %s %s", _("Deadline:"), date);
    }
  g_string_append_printf (text, "\n%s %s", _("Lead unit:"), item->lead_unit ? item->lead_unit : _("none"));
  if (item->units_text != NULL)
    g_string_append_printf (text, " · %s %s", _("Coordinating:"), item->units_text);
  if (item->targets_text != NULL)
    g_string_append_printf (text, "\n%s %s", _("Linked targets:"), item->targets_text);
  if (item->note != NULL)
    g_string_append_printf (text, "\n%s %s", _("Note:"), item->note);
  return g_string_free (text, FALSE);
}

static GtkWidget *
update_row_new (WardProgrammeUpdate *update)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = ward_format_date (update->date);
  GString *subtitle = g_string_new (date);

  if (update->percent >= 0)
    {
      g_autofree char *percent = ward_format_percent (update->percent, 0);
      g_string_append_printf (subtitle, " · %s", percent);
    }
  if (update->doc_number != NULL)
    g_string_append_printf (subtitle, " · %s %s", _("Document:"), update->doc_number);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), update->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  g_string_free (subtitle, TRUE);
  return row;
}

static void
update_log (WardProgrammePage *self)
{
  WardProgrammeRow *row = selected_row (self);
  const WardProgrammeItem *item;
  g_autoptr (GPtrArray) updates = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.edit", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "programme.delete", row != NULL);
  if (row == NULL)
    {
      /* Cleared, so that nothing of the last item lingers off screen. */
      gtk_label_set_text (self->log_title, "");
      gtk_label_set_text (self->log_summary, "");
      set_due_label (self->due_label, WARD_DUE_NONE);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))) != NULL)
        gtk_list_box_remove (self->log_list, child);
      gtk_stack_set_visible_child_name (self->log_stack, "none");
      return;
    }
  item = ward_programme_row_get_item (row);
  gtk_label_set_text (self->log_title, item->title);
  set_due_label (self->due_label, ward_programme_row_get_due_state (row));
  summary = describe_item (item);
  gtk_label_set_text (self->log_summary, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))) != NULL)
    gtk_list_box_remove (self->log_list, child);
  updates = ward_programme_updates_load (ward_page_get_store (WARD_PAGE (self)), item->id, NULL);
  for (guint i = 0; updates != NULL && i < updates->len; i++)
    gtk_list_box_append (self->log_list, update_row_new (updates->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->log_list), updates != NULL && updates->len > 0);
  gtk_stack_set_visible_child_name (self->log_stack, "item");
}

static void
on_selection_changed_cb (WardProgrammePage *self)
{
  WardProgrammeRow *row = selected_row (self);

  if (!self->reloading)
    self->selected_id = row != NULL ? ward_programme_row_get_id (row) : 0;
  update_log (self);
}

static void
select_item (WardProgrammePage *self,
             gint64             id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  /* Every row, also those a growing list has not shown yet. */
  ward_slot_model_fill (WARD_SLOT_MODEL (gtk_single_selection_get_model (self->selection)));
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) slot = g_list_model_get_item (model, i);

      if (ward_programme_row_get_id (ward_slot_get_item (slot)) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
clear_update_error (WardProgrammePage *self)
{
  if (self->error_entry != NULL)
    gtk_widget_remove_css_class (self->error_entry, "error");
  self->error_entry = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->update_error), FALSE);
}

static void
show_update_error (WardProgrammePage *self,
                   GtkEntry          *entry,
                   const char        *field,
                   const char        *message)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", field, message);

  clear_update_error (self);
  gtk_label_set_text (self->update_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->update_error), TRUE);
  if (entry != NULL)
    {
      self->error_entry = GTK_WIDGET (entry);
      gtk_widget_add_css_class (self->error_entry, "error");
      gtk_widget_grab_focus (self->error_entry);
    }
}

static void
reset_update_form (WardProgrammePage *self)
{
  g_autofree char *today = ward_today_iso ();
  g_autofree char *date = ward_format_date (today);

  clear_update_error (self);
  gtk_editable_set_text (GTK_EDITABLE (self->update_date), date);
  gtk_editable_set_text (GTK_EDITABLE (self->update_text), "");
  gtk_editable_set_text (GTK_EDITABLE (self->update_percent), "");
  gtk_editable_set_text (GTK_EDITABLE (self->update_doc), "");
}

static GtkEntry *
update_entry_for_field (WardProgrammePage *self,
                        WardUpdateField    field,
                        const char       **name_out)
{
  switch (field)
    {
    case WARD_UPDATE_FIELD_DATE:
      *name_out = _("Date of the update");
      return self->update_date;
    case WARD_UPDATE_FIELD_TEXT:
      *name_out = _("Progress made");
      return self->update_text;
    case WARD_UPDATE_FIELD_PERCENT:
      *name_out = _("Progress (%)");
      return self->update_percent;
    case WARD_UPDATE_FIELD_DOC_NUMBER:
      *name_out = _("Document number");
      return self->update_doc;
    case WARD_UPDATE_FIELD_NONE:
    default:
      *name_out = _("Update");
      return NULL;
    }
}

/* Reads the form; FALSE with the error shown when a field cannot be read. */
static gboolean
read_update_form (WardProgrammePage   *self,
                  WardProgrammeUpdate *update)
{
  g_autoptr (GError) error = NULL;

  if (!ward_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->update_date)), &update->date, &error))
    {
      show_update_error (self, self->update_date, _("Date of the update"), error->message);
      return FALSE;
    }
  if (!ward_programme_parse_percent (gtk_editable_get_text (GTK_EDITABLE (self->update_percent)),
                                     TRUE, &update->percent, &error))
    {
      show_update_error (self, self->update_percent, _("Progress (%)"), error->message);
      return FALSE;
    }
  update->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->update_text)));
  update->doc_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->update_doc)));
  return TRUE;
}

static void
on_add_update_cb (WardProgrammePage *self)
{
  WardProgrammeRow *row = selected_row (self);
  g_autoptr (WardProgrammeUpdate) update = g_new0 (WardProgrammeUpdate, 1);
  g_autoptr (GError) error = NULL;
  WardUpdateField field = WARD_UPDATE_FIELD_NONE;
  const char *field_name;
  GtkEntry *entry;

  if (row == NULL)
    return;
  clear_update_error (self);
  update->item_id = ward_programme_row_get_id (row);
  if (!read_update_form (self, update))
    return;
  if (!ward_programme_update_add (ward_page_get_store (WARD_PAGE (self)), update, &field, &error))
    {
      entry = update_entry_for_field (self, field, &field_name);
      show_update_error (self, entry, field_name, error->message);
      return;
    }
  reset_update_form (self);
  add_toast (self, adw_toast_new (_("Update added to the log")));
}

/* ---- Items: the column view ------------------------------------------------- */

/* The item's title and its group, asked for when the pointer rests on the
 * title: a tooltip set at each bind asks the X server where the pointer
 * is, a round trip for every row a search key brings in (issue 25). */
static gboolean
on_title_tooltip_cb (GtkWidget   *label,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     GtkListItem *list_item)
{
  gpointer slot = gtk_list_item_get_item (list_item);
  const WardProgrammeItem *item = slot != NULL ? ward_programme_row_get_item (ward_slot_get_item (slot)) : NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  text = g_strdup_printf ("%s\n%s", item->title, item->group_title);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Each column's width in characters, least and natural (the cells are
 * inscriptions, measured from these, not from their text: issue 25). The
 * item's title takes the room the others leave (its column expands); a
 * lead unit's name longer than ten characters is cut short in the list
 * and whole below it, where the item selected is shown. Then a date, and
 * "Đang thực hiện · 100%". */
static const struct
{
  int min_chars;
  int nat_chars;
} widths[] = {
  [COLUMN_TITLE] = { 10, 10 },
  [COLUMN_LEAD_UNIT] = { 4, 10 },
  [COLUMN_DEADLINE] = { 10, 10 },
  [COLUMN_STATUS] = { 8, 18 },
};

/* "Quá hạn", "Sắp đến hạn". */
#define DUE_CHARS 8

/* A row's deadline state beside its date, shown only when it is due. */
static void
set_due_cell (GtkWidget    *cell,
              WardDueState  state)
{
  if (state != WARD_DUE_NONE)
    ward_cell_text_set (cell, ward_due_state_label (state));
  mark_due (cell, state);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *cell = ward_cell_text_new (widths[column].min_chars, widths[column].nat_chars, 0);

  if (column == COLUMN_TITLE)
    {
      gtk_widget_set_has_tooltip (cell, TRUE);
      g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_title_tooltip_cb), list_item);
    }
  if (column == COLUMN_DEADLINE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_add_css_class (cell, "numeric");
      gtk_box_append (GTK_BOX (box), cell);
      gtk_box_append (GTK_BOX (box), ward_cell_text_new (0, DUE_CHARS, 0));
      gtk_list_item_set_child (list_item, box);
      return;
    }
  gtk_list_item_set_child (list_item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  WardProgrammeRow *row = ward_slot_get_item (gtk_list_item_get_item (list_item));
  const WardProgrammeItem *item = ward_programme_row_get_item (row);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;
  g_autofree char *percent = NULL;

  switch (column)
    {
    case COLUMN_TITLE:
      ward_cell_text_set (child, item->title);
      return;
    case COLUMN_LEAD_UNIT:
      ward_cell_text_set (child, item->lead_unit ? item->lead_unit : "");
      return;
    case COLUMN_DEADLINE:
      text = ward_format_date (item->deadline);
      ward_cell_text_set (gtk_widget_get_first_child (child), text);
      set_due_cell (gtk_widget_get_last_child (child), ward_programme_row_get_due_state (row));
      return;
    case COLUMN_STATUS:
      percent = ward_format_percent (item->percent, 0);
      text = g_strdup_printf ("%s · %s", ward_item_status_label (item->status), percent);
      ward_cell_text_set (child, text);
      return;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? GTK_ORDERING_SMALLER : a > b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_strings (const char *a,
                 const char *b)
{
  int cmp = g_strcmp0 (a, b);

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  WardProgrammeRow *ra = (WardProgrammeRow *) a;
  WardProgrammeRow *rb = (WardProgrammeRow *) b;
  const WardProgrammeItem *ia = ward_programme_row_get_item (ra);
  const WardProgrammeItem *ib = ward_programme_row_get_item (rb);

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      return compare_strings (ward_programme_row_get_title_key (ra), ward_programme_row_get_title_key (rb));
    case COLUMN_LEAD_UNIT:
      return compare_strings (ward_programme_row_get_unit_key (ra), ward_programme_row_get_unit_key (rb));
    case COLUMN_DEADLINE:
      /* Items without a deadline last. */
      return compare_strings (ia->deadline ? ia->deadline : "9999", ib->deadline ? ib->deadline : "9999");
    case COLUMN_STATUS:
      /* Then by how far along. */
      if (ia->status != ib->status)
        return compare_int64 (ia->status, ib->status);
      return compare_int64 (ia->percent, ib->percent);
    default:
      return GTK_ORDERING_EQUAL;
    }
}

/* @fixed_width: 0 to take the room left, -1 for the width of the cells. */
static GtkColumnViewColumn *
add_column (WardProgrammePage *self,
            Column             column,
            const char        *title,
            gboolean           sortable,
            int                fixed_width)
{
  GtkListItemFactory *factory = ward_cell_factory_new (G_CALLBACK (setup_cell_cb),
                                                       G_CALLBACK (bind_cell_cb),
                                                       GINT_TO_POINTER (column));
  GtkColumnViewColumn *view_column;

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width == 0)
    gtk_column_view_column_set_expand (view_column, TRUE);
  else if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  if (sortable)
    {
      g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb,
                                                                       GINT_TO_POINTER (column), NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

static void
setup_column_view (WardProgrammePage *self)
{
  g_autoptr (GtkColumnViewColumn) title = NULL;
  g_autoptr (GtkColumnViewColumn) lead = NULL;
  g_autoptr (GtkColumnViewColumn) deadline = NULL;
  g_autoptr (GtkColumnViewColumn) status = NULL;
  GtkSortListModel *sorted;
  WardSlotModel *slots;

  self->items = g_list_store_new (WARD_TYPE_PROGRAMME_ROW);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* The rows as slots, so that a search keeps the rows on screen
   * (ward-slot-model.h). */
  slots = ward_slot_model_new (G_LIST_MODEL (sorted));
  ward_slot_model_pace_with (slots, GTK_WIDGET (self->column_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (slots));
  ward_slot_model_keep_selection (slots, self->selection);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  title = add_column (self, COLUMN_TITLE, _("Item"), TRUE, 0);
  /* The others take the width of what they show. */
  /* The column's header short, as the item's details below say it: the
   * title takes the room. */
  lead = add_column (self, COLUMN_LEAD_UNIT, C_("column", "Lead unit"), TRUE, -1);
  deadline = add_column (self, COLUMN_DEADLINE, _("Deadline"), TRUE, -1);
  status = add_column (self, COLUMN_STATUS, _("Status"), TRUE, -1);
}

/* What the page reads on a worker thread (ward_page_read_in_thread()): the
 * items, each with its due state and sort keys. Adding the 400 items of a
 * large ward to the list took the window's first frame a fifth of a second
 * when done before it (issue 25); now they arrive just after it. */
typedef struct
{
  char      *today;
  GPtrArray *rows;   /* WardProgrammeRow */
} ItemsRead;

static void
items_read_free (ItemsRead *data)
{
  g_free (data->today);
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_free (data);
}

static gboolean
read_items (WardStore  *reader,
            gpointer    user_data,
            GError    **error)
{
  ItemsRead *data = user_data;
  g_autoptr (GPtrArray) items = ward_programme_items_load (reader, 0, error);

  if (items == NULL)
    return FALSE;
  data->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (data->rows, ward_programme_row_new (g_steal_pointer (&items->pdata[i]), data->today));
  return TRUE;
}

/* The item selected before the reload stays selected. */
static void
show_items (WardPage     *page,
            gpointer      user_data,
            const GError *error)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (page);
  ItemsRead *data = user_data;
  gint64 keep = self->selected_id;

  gtk_spinner_stop (self->spinner);
  if (error != NULL)
    {
      g_warning ("Cannot load the action programme: %s", error->message);
      return;
    }
  self->loaded = TRUE;
  self->reloading = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       data->rows->pdata, data->rows->len);
  self->reloading = FALSE;
  on_filter_changed_cb (self);
  if (keep != 0)
    select_item (self, keep);
  update_log (self);
}

static void
ward_programme_page_reload (WardPage *page)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (page);
  ItemsRead *data = g_new0 (ItemsRead, 1);

  self->reloading = TRUE;
  reload_groups (self);
  reload_unit_filter (self);
  self->reloading = FALSE;
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  data->today = ward_today_iso ();
  ward_page_read_in_thread (page, read_items, show_items, data, (GDestroyNotify) items_read_free);
}

/* ---- Actions ---------------------------------------------------------------- */

static gboolean
save_item_copy (WardStore *store,
                gpointer   record,
                GError   **error)
{
  g_autoptr (WardProgrammeItem) copy = ward_programme_item_copy (record);

  return ward_programme_item_save (store, copy, NULL, error);
}

static void show_item (GtkWidget *owner,
                       gpointer   record);

static const WardUndoEditOps item_edited = {
  save_item_copy, (GDestroyNotify) ward_programme_item_free, show_item,
};

/* An edit stored: Ctrl+Z puts the item back as the form opened it. */
static void
on_item_saved_cb (WardItemDialog    *dialog,
                  gint64             item_id,
                  WardProgrammePage *self)
{
  const WardProgrammeItem *before = ward_item_dialog_get_item (dialog);
  WardProgrammeItem *after = NULL;

  self->selected_id = item_id;
  select_item (self, item_id);
  if (before->id == 0)
    return;
  after = ward_programme_item_load (ward_page_get_store (WARD_PAGE (self)), item_id, NULL);
  ward_page_push_edit (WARD_PAGE (self), after != NULL ? after->title : NULL, &item_edited,
                       ward_programme_item_copy (before), after);
}

static void
open_item_dialog (WardProgrammePage       *self,
                  const WardProgrammeItem *item)
{
  WardItemDialog *dialog;
  gint64 group_id = self->group_id;

  if (group_id == 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->group_list, 1);

      group_id = first != NULL ? group_row_id (first) : 0;
    }
  dialog = ward_item_dialog_new (parent_window (self), ward_page_get_store (WARD_PAGE (self)), item, group_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_item_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_item_dialog (WARD_PROGRAMME_PAGE (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (widget);
  WardProgrammeRow *row = selected_row (self);

  if (row != NULL)
    open_item_dialog (self, ward_programme_row_get_item (row));
}

static void
on_item_activated_cb (WardProgrammePage *self,
                      guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  edit_action_cb (GTK_WIDGET (self), "programme.edit", NULL);
}

/* Ctrl+Z: the deleted item put back with its updates (same uuid). */
static gboolean
restore_item (WardStore *store,
              gpointer   record,
              GError   **error)
{
  return ward_programme_item_restore (store, record, error);
}

static gboolean
delete_item_again (WardStore *store,
                   gpointer  *record,
                   GError   **error)
{
  WardProgrammeItem *deleted = ward_programme_item_delete (store, ((WardProgrammeItem *) *record)->id, error);

  if (deleted == NULL)
    return FALSE;
  ward_programme_item_free (*record);
  *record = deleted;
  return TRUE;
}

static void
show_item (GtkWidget *owner,
           gpointer   record)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (owner);
  gint64 id = ((WardProgrammeItem *) record)->id;

  self->selected_id = id;
  select_item (self, id);
}

static const WardUndoKind item_deleted = {
  restore_item, delete_item_again, (GDestroyNotify) ward_programme_item_free, show_item,
};

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (widget);
  WardProgrammeRow *row = selected_row (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  WardProgrammeItem *removed;
  guint position;

  if (row == NULL)
    return;
  /* After a delete, the next item must not be waiting under the Delete
   * button: nothing is chosen for the clerk any more. */
  self->selected_id = 0;
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  removed = ward_programme_item_delete (ward_page_get_store (WARD_PAGE (self)),
                                        ward_programme_row_get_id (row), &error);
  if (removed == NULL)
    {
      ward_page_show_error (WARD_PAGE (self), _("The item could not be deleted"), error);
      return;
    }
  /* Off the list at once, and so no longer under the Delete button: the
   * items are read again on a worker thread (ward_programme_page_reload()). */
  if (g_list_store_find (self->items, row, &position))
    g_list_store_remove (self->items, position);
  message = g_strdup_printf (_("“%s” deleted"), removed->title);
  ward_page_push_undo (WARD_PAGE (self), message, &item_deleted, removed);
}

static void
edit_units_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (widget);
  WardUnitsDialog *dialog = ward_units_dialog_new (parent_window (self), ward_page_get_store (WARD_PAGE (self)));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       WardProgrammePage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!ward_programme_export_to_path (ward_page_get_store (WARD_PAGE (self)), path,
                                      WARD_OUTPUT_REPLACE, &error))
    {
      ward_page_show_error (WARD_PAGE (self), _("The action programme could not be exported"), error);
      return;
    }
  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Exported to “%s”"), name);
  add_toast (self, adw_toast_new (message));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Action Programme"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "chuong-trinh-hanh-dong.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Class ------------------------------------------------------------------ */

static void
ward_programme_page_dispose (GObject *object)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (object);

  /* The template's root is also the bin's child: let go of it once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_PROGRAMME_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (ward_programme_page_parent_class)->dispose (object);
}

static void
ward_programme_page_finalize (GObject *object)
{
  WardProgrammePage *self = WARD_PROGRAMME_PAGE (object);

  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_free (self->needle);

  G_OBJECT_CLASS (ward_programme_page_parent_class)->finalize (object);
}

static void
ward_programme_page_class_init (WardProgrammePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_programme_page_dispose;
  object_class->finalize = ward_programme_page_finalize;
  page_class->reload = ward_programme_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/programme/ward-programme-page.ui");
  ward_print_install_actions (widget_class, "programme");
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, group_list);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, unit_filter);
  gtk_widget_class_bind_template_child_full (widget_class, "status_filter", FALSE,
                                             G_STRUCT_OFFSET (WardProgrammePage, status_filter_dropdown));
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, log_stack);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, log_title);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, due_label);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, log_summary);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, update_date);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, update_text);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, update_percent);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, update_doc);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, update_error);
  gtk_widget_class_bind_template_child (widget_class, WardProgrammePage, log_list);
  gtk_widget_class_bind_template_callback (widget_class, on_group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_update_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "programme.edit-units", NULL, edit_units_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "programme.delete", NULL);
}

static void
ward_programme_page_init (WardProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_name_choice_install (GTK_WIDGET (self->unit_filter));

  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_list_box_set_header_func (self->group_list, group_header_cb, NULL, NULL);
  setup_column_view (self);
  fill_status_filter (self);
  reset_update_form (self);
  update_log (self);
}
