/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-targets-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "common/ward-print.h"
#include "import/ward-import-dialog.h"
#include "targets/ward-reading-dialog.h"
#include "targets/ward-target-chart.h"
#include "targets/ward-targets-page.h"
#include "targets/ward-targets-readings.h"

/* The columns of the readings table. */
enum {
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_STATUS,
  COLUMN_DOCUMENT,
  COLUMN_UNIT,
  COLUMN_NOTE,
  N_COLUMNS
};

/* One line of the readings table, its cells already formatted. */
typedef struct
{
  char        *cells[N_COLUMNS];
  WardReading *reading;   /* NULL for the yearly counts of a counted target */
} Row;

struct _WardTargetsPage
{
  WardPage             parent_instance;

  GPtrArray           *targets;        /* WardTarget, in the resolution's order */
  WardTarget          *selected;
  gint64               selected_id;
  GPtrArray           *rows;           /* Row of the readings table */
  GtkStringList       *row_model;      /* row indices as strings */
  GtkSingleSelection  *row_selection;
  gboolean             reloading;

  GtkListBox          *target_list;
  GtkStack            *detail_stack;
  GtkLabel            *title_label;
  GtkLabel            *goal_label;
  GtkLabel            *latest_caption;
  GtkLabel            *latest_label;
  GtkLabel            *expected_label;
  GtkLabel            *progress_label;
  GtkLabel            *verdict_label;
  GtkLabel            *description_label;
  WardTargetChart     *chart;
  GtkButton           *register_button;
  GtkButton           *delete_button;
  GtkButton           *edit_button;
  GtkButton           *add_button;
  GtkLabel            *counted_label;
  GtkStack            *readings_stack;
  GtkColumnView       *readings_view;
};

G_DEFINE_FINAL_TYPE (WardTargetsPage, ward_targets_page, WARD_TYPE_PAGE)

enum { PAGE_ADMISSIONS = 3, PAGE_ENTERPRISES = 4 };

static const char * const verdict_classes[] = {
  "verdict-met", "verdict-on-track", "verdict-behind", "verdict-at-risk", "dim-label",
};

static void
row_free (Row *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row);
}

static void
set_verdict_label (GtkLabel    *label,
                   WardVerdict  verdict)
{
  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), verdict_classes[i]);
  gtk_label_set_text (label, ward_verdict_title (verdict));
  if (verdict == WARD_VERDICT_NO_DATA)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    {
      g_autofree char *css = g_strconcat ("verdict-", ward_verdict_to_string (verdict), NULL);
      gtk_widget_add_css_class (GTK_WIDGET (label), css);
    }
}

static char *
format_latest (WardTarget         *target,
               const WardProgress *progress)
{
  g_autofree char *value = NULL;
  g_autofree char *period = NULL;

  if (!progress->has_value)
    return g_strdup ("—");
  value = ward_target_format_value (target, progress->value);
  if (ward_target_is_counted (target))
    return g_steal_pointer (&value);
  period = ward_reading_format_period (progress->value_year, progress->value_first_half);
  return g_strdup_printf ("%s (%s)", value, period);
}

static gboolean
compute (WardTargetsPage  *self,
         WardTarget       *target,
         WardProgress     *progress,
         GArray          **series_out)
{
  g_autofree char *today = ward_today_iso ();

  return ward_target_compute_progress (ward_page_get_store (WARD_PAGE (self)), target, today,
                                       progress, series_out, NULL);
}

/* ---- The list of targets ---------------------------------------------------- */

static GtkWidget *
target_row_new (WardTargetsPage *self,
                WardTarget      *target)
{
  g_autofree char *goal = ward_target_format_goal (target);
  g_autofree char *latest = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (ward_target_get_name (target));
  GtkWidget *verdict = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  WardProgress progress;

  if (!compute (self, target, &progress, NULL))
    progress = (WardProgress) { .verdict = WARD_VERDICT_NO_DATA };
  latest = format_latest (target, &progress);
  if (progress.has_value)
    summary = g_strdup_printf (_("Goal %s · now %s"), goal, latest);
  else
    summary = g_strdup_printf (_("Goal %s"), goal);

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  set_verdict_label (GTK_LABEL (verdict), progress.verdict);
  gtk_widget_set_valign (verdict, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (verdict), TRUE);
  gtk_label_set_justify (GTK_LABEL (verdict), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (verdict), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (verdict), 14);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), verdict);

  gtk_label_set_text (GTK_LABEL (line), summary);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_add_css_class (line, "dim-label");

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (progress.progress / 100.0, 0, 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress toward the goal"), -1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  description = g_strdup_printf ("%s. %s", ward_verdict_title (progress.verdict), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ward_target_get_name (target),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "ward-target", g_object_ref (target), g_object_unref);
  return row;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  WardTarget *target = g_object_get_data (G_OBJECT (row), "ward-target");
  WardTarget *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "ward-target") : NULL;
  GtkWidget *header;

  if (previous != NULL && g_str_equal (ward_target_get_group (previous), ward_target_get_group (target)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (ward_target_group_title (ward_target_get_group (target)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
clear_target_list (WardTargetsPage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->target_list, 0)) != NULL)
    gtk_list_box_remove (self->target_list, GTK_WIDGET (row));
}

/* The targets grouped as the resolution groups them (economy, society,
 * defence, party), each group in the resolution's order. */
static void
fill_target_list (WardTargetsPage *self)
{
  static const char * const groups[] = { "economy", "society", "defence", "party" };
  GtkListBoxRow *to_select = NULL;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; i < self->targets->len; i++)
      {
        WardTarget *target = self->targets->pdata[i];
        GtkWidget *row;

        if (!g_str_equal (ward_target_get_group (target), groups[g]))
          continue;
        row = target_row_new (self, target);
        gtk_list_box_append (self->target_list, row);
        if (to_select == NULL || ward_target_get_id (target) == self->selected_id)
          to_select = GTK_LIST_BOX_ROW (row);
      }
  gtk_list_box_select_row (self->target_list, to_select);
}

/* ---- The readings of the selected target ------------------------------------ */

static Row *
row_for_reading (WardTarget  *target,
                 WardReading *reading)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *date = ward_format_date (reading->doc_date);

  row->reading = reading;
  row->cells[COLUMN_PERIOD] = ward_reading_format_period (reading->year, reading->first_half);
  row->cells[COLUMN_VALUE] = ward_reading_format_value (target, reading);
  row->cells[COLUMN_STATUS] = g_strdup (reading->final ? _("Final") : _("Draft"));
  if (reading->doc_number != NULL && *date != '\0')
    row->cells[COLUMN_DOCUMENT] = g_strdup_printf ("%s · %s", reading->doc_number, date);
  else
    row->cells[COLUMN_DOCUMENT] = g_strdup (reading->doc_number != NULL ? reading->doc_number : date);
  row->cells[COLUMN_UNIT] = g_strdup (reading->unit_name != NULL ? reading->unit_name : "");
  row->cells[COLUMN_NOTE] = g_strdup (reading->note != NULL ? reading->note : "");
  return row;
}

static void
fill_reading_rows (WardTargetsPage *self,
                   WardTarget      *target)
{
  g_autoptr (GPtrArray) readings = NULL;

  readings = ward_readings_load (ward_page_get_store (WARD_PAGE (self)), ward_target_get_id (target), NULL);
  if (readings == NULL)
    return;
  /* The rows own the readings from here on. */
  g_ptr_array_set_free_func (readings, NULL);
  for (guint i = 0; i < readings->len; i++)
    g_ptr_array_add (self->rows, row_for_reading (target, readings->pdata[i]));
}

/* A counted target's table: each year of the term so far, newest first,
 * with its count and the running total (the chart's series). */
static void
fill_count_rows (WardTargetsPage *self,
                 GArray          *series)
{
  for (guint i = series->len; i > 1; i--)
    {
      WardProgressPoint *point = &g_array_index (series, WardProgressPoint, i - 1);
      WardProgressPoint *before = &g_array_index (series, WardProgressPoint, i - 2);
      g_autofree char *total = ward_format_number ((gint64) point->value);
      Row *row = g_new0 (Row, 1);

      row->cells[COLUMN_PERIOD] = g_strdup_printf ("%d", point->year);
      row->cells[COLUMN_VALUE] = ward_format_number ((gint64) (point->value - before->value));
      row->cells[COLUMN_STATUS] = g_strdup (_("Counted"));
      row->cells[COLUMN_DOCUMENT] = g_strdup ("");
      row->cells[COLUMN_UNIT] = g_strdup ("");
      row->cells[COLUMN_NOTE] = g_strdup_printf (_("Running total: %s"), total);
      g_ptr_array_add (self->rows, row);
    }
}

static void
row_free_reading (Row *row)
{
  g_clear_pointer (&row->reading, ward_reading_free);
  row_free (row);
}

static void
set_rows_model (WardTargetsPage *self)
{
  g_autoptr (GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (indices, g_strdup_printf ("%u", i));
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->row_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->row_model)),
                          (const char * const *) indices->pdata);
}

static WardReading *
selected_reading (WardTargetsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->row_selection);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->rows->len)
    return NULL;
  return ((Row *) self->rows->pdata[position])->reading;
}

static void
update_actions (WardTargetsPage *self)
{
  gboolean manual = self->selected != NULL && !ward_target_is_counted (self->selected);
  gboolean has_reading = manual && selected_reading (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new", manual);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-reading", has_reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-reading", has_reading);
}

static void
show_counted_note (WardTargetsPage *self,
                   WardTarget      *target)
{
  gboolean counted = ward_target_is_counted (target);

  gtk_widget_set_visible (GTK_WIDGET (self->counted_label), counted);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), counted);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !counted);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), !counted);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !counted);
  if (ward_target_get_source (target) == WARD_SOURCE_ADMISSIONS)
    gtk_label_set_text (self->counted_label,
                        _("Counted live from the admission register: every admission whose ceremony falls "
                          "within the term. It takes no readings; add the admissions there."));
  else if (ward_target_get_source (target) == WARD_SOURCE_ENTERPRISES)
    gtk_label_set_text (self->counted_label,
                        _("Counted live from the enterprise register: every enterprise (not a branch) with "
                          "its head office in the ward, first registered within the term. It takes no "
                          "readings; add the enterprises there."));
}

static void
show_summary (WardTargetsPage    *self,
              WardTarget         *target,
              const WardProgress *progress)
{
  g_autofree char *goal = ward_target_format_goal (target);
  g_autofree char *goal_text = g_strdup_printf (_("Goal: %s"), goal);
  g_autofree char *latest = format_latest (target, progress);
  g_autofree char *expected = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *description = ward_target_describe_progress (target, progress);

  expected = isfinite (progress->expected_today) ? ward_target_format_value (target, progress->expected_today)
                                                 : g_strdup ("—");
  percent = progress->has_value ? ward_format_percent (progress->progress, 1) : g_strdup ("—");
  gtk_label_set_text (self->title_label, ward_target_get_name (target));
  gtk_label_set_text (self->goal_label, goal_text);
  if (ward_target_get_kind (target) == WARD_TARGET_GROWTH)
    gtk_label_set_text (self->latest_caption, _("Compound annual growth"));
  else if (ward_target_is_counted (target))
    gtk_label_set_text (self->latest_caption, _("In the term so far"));
  else
    gtk_label_set_text (self->latest_caption, _("Latest value"));
  gtk_label_set_text (self->latest_label, latest);
  gtk_label_set_text (self->expected_label, expected);
  gtk_label_set_text (self->progress_label, percent);
  set_verdict_label (self->verdict_label, progress->verdict);
  gtk_label_set_text (self->description_label, description);
}

static void
show_detail (WardTargetsPage *self)
{
  g_autoptr (GArray) readings = NULL;
  g_autoptr (GArray) series = NULL;
  g_autofree char *today = ward_today_iso ();
  WardTarget *target = self->selected;
  WardProgressTarget input;
  WardProgress progress;
  double now;

  g_ptr_array_set_size (self->rows, 0);
  if (target == NULL
      || !ward_target_progress_input (ward_page_get_store (WARD_PAGE (self)), target, &input, &readings, NULL))
    {
      set_rows_model (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      update_actions (self);
      return;
    }

  now = ward_progress_time_of_day (input.term_start_year, input.term_end_year, today);
  /* The verdict and the chart's series from the one function every page,
   * `stats` and the reports judge with. */
  if (!compute (self, target, &progress, &series))
    progress = (WardProgress) { .verdict = WARD_VERDICT_NO_DATA };
  if (series == NULL)
    series = g_array_new (FALSE, FALSE, sizeof (WardProgressPoint));
  show_summary (self, target, &progress);
  ward_target_chart_set_data (self->chart, input.kind, input.term_start_year, input.term_end_year,
                              input.goal, &progress, series, now);
  show_counted_note (self, target);

  if (ward_target_is_counted (target))
    fill_count_rows (self, series);
  else
    fill_reading_rows (self, target);
  set_rows_model (self);
  gtk_stack_set_visible_child_name (self->readings_stack, self->rows->len > 0 ? "list" : "none");
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  update_actions (self);
}

/* ---- Callbacks and actions ---------------------------------------------------- */

static void
on_target_selected_cb (WardTargetsPage *self,
                       GtkListBoxRow   *row)
{
  WardTarget *target = row != NULL ? g_object_get_data (G_OBJECT (row), "ward-target") : NULL;

  if (self->reloading)
    return;
  g_set_object (&self->selected, target);
  if (target != NULL)
    self->selected_id = ward_target_get_id (target);
  /* A target's latest reading is chosen for the clerk when it opens. */
  gtk_single_selection_set_autoselect (self->row_selection, TRUE);
  show_detail (self);
}

static void
on_register_clicked_cb (WardTargetsPage *self)
{
  int page = ward_target_get_source (self->selected) == WARD_SOURCE_ADMISSIONS
             ? PAGE_ADMISSIONS : PAGE_ENTERPRISES;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "i", page);
}

/* The reading stored again as it was, under its target. */
static gboolean
save_reading_copy (WardStore *store,
                   gpointer   record,
                   GError   **error)
{
  g_autoptr (WardReading) copy = ward_reading_copy (record);
  g_autoptr (GPtrArray) targets = ward_targets_load (store, error);

  if (targets == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    if (ward_target_get_id (targets->pdata[i]) == copy->target_id)
      return ward_reading_save (store, targets->pdata[i], copy, NULL, error);
  g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                       _("The target of this reading is no longer in the file."));
  return FALSE;
}

static const WardUndoEditOps reading_edited = {
  save_reading_copy, (GDestroyNotify) ward_reading_free, NULL,
};

/* An edit stored: Ctrl+Z puts the reading back as the form opened it. */
static void
on_reading_saved_cb (WardReadingDialog *dialog,
                     gint64             id,
                     WardTargetsPage   *self)
{
  const WardReading *before = ward_reading_dialog_get_reading (dialog);
  WardReading *after = NULL;
  g_autofree char *period = NULL;
  g_autofree char *label = NULL;

  if (before->id == 0)
    return;
  after = ward_reading_load (ward_page_get_store (WARD_PAGE (self)), id, NULL);
  if (after == NULL)
    return;
  period = ward_reading_format_period (after->year, after->first_half);
  label = g_strdup_printf (_("Reading for %s changed"), period);
  ward_page_push_undo (WARD_PAGE (self), label, &ward_undo_edit_kind,
                       ward_undo_edit_new (&reading_edited, ward_reading_copy (before), after));
}

static void
open_dialog (WardTargetsPage   *self,
             const WardReading *reading)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  WardReadingDialog *dialog;

  if (self->selected == NULL || ward_target_is_counted (self->selected))
    return;
  dialog = ward_reading_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    ward_page_get_store (WARD_PAGE (self)), self->selected, reading);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_reading_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reading_activated_cb (WardTargetsPage *self,
                         guint            position)
{
  if (position < self->rows->len && ((Row *) self->rows->pdata[position])->reading != NULL)
    open_dialog (self, ((Row *) self->rows->pdata[position])->reading);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (WARD_TARGETS_PAGE (widget), NULL);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (widget);
  WardReading *reading = selected_reading (self);

  if (reading != NULL)
    open_dialog (self, reading);
}

/* Ctrl+Z: the deleted reading put back, with its uuid. */
static gboolean
restore_reading (WardStore *store,
                 gpointer   record,
                 GError   **error)
{
  return ward_reading_restore (store, record, error);
}

/* Its id, if another reading took it meanwhile, is no longer its own: the
 * reading deleted again is the one with its uuid. */
static gboolean
delete_reading_again (WardStore *store,
                      gpointer  *record,
                      GError   **error)
{
  WardReading *reading = *record;
  g_autoptr (WardReading) stored = ward_reading_load (store, reading->id, NULL);
  WardReading *deleted = NULL;

  if (stored == NULL || g_strcmp0 (stored->uuid, reading->uuid) != 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("The reading has been changed since: delete it from the list."));
      return FALSE;
    }
  if (!ward_reading_delete (store, reading->id, &deleted, error))
    return FALSE;
  ward_reading_free (reading);
  *record = deleted;
  return TRUE;
}

static const WardUndoKind reading_deleted = {
  restore_reading, delete_reading_again, (GDestroyNotify) ward_reading_free,
};

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (widget);
  WardReading *reading = selected_reading (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *message = NULL;
  WardReading *deleted = NULL;

  if (reading == NULL)
    return;
  /* Not after a delete: the next reading must not be waiting under the
   * Delete button. */
  gtk_single_selection_set_autoselect (self->row_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->row_selection, TRUE);
  gtk_single_selection_set_selected (self->row_selection, GTK_INVALID_LIST_POSITION);
  if (!ward_reading_delete (ward_page_get_store (WARD_PAGE (self)), reading->id, &deleted, &error))
    {
      ward_page_show_error (WARD_PAGE (self), _("The reading could not be deleted"), error);
      return;
    }
  period = ward_reading_format_period (deleted->year, deleted->first_half);
  message = g_strdup_printf (_("Reading for %s deleted"), period);
  ward_page_push_undo (WARD_PAGE (self), message, &reading_deleted, deleted);
}

static void
on_row_selection_changed_cb (WardTargetsPage *self)
{
  update_actions (self);
}

/* ---- The readings table's cells --------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               WardTargetsPage          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ward-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_VALUE ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_VALUE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              WardTargetsPage          *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ward-column"));
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (string), NULL, 10);
  const char *text = index < self->rows->len ? ((Row *) self->rows->pdata[index])->cells[column] : "";

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), *text != '\0' ? text : NULL);
}

static void
add_columns (WardTargetsPage *self)
{
  const char *titles[N_COLUMNS] = {
    _("Period"), _("Value"), _("Status"), _("Source document"), _("Responsible unit"), _("Note"),
  };
  /* Wide enough for "6 tháng đầu năm 2026", "18/20 (90%)", "95.000.000 đ". */
  static const int widths[N_COLUMNS] = { 160, 130, 100, 190, 170, -1 };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "ward-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, widths[i]);
      gtk_column_view_column_set_expand (column, i == COLUMN_NOTE);
      gtk_column_view_append_column (self->readings_view, column);
    }
}

/* ---- WardPage ---------------------------------------------------------------- */

static void
ward_targets_page_reload (WardPage *page)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (page);
  GtkListBoxRow *row;

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = ward_targets_load (ward_page_get_store (page), NULL);
  self->reloading = TRUE;
  clear_target_list (self);
  if (self->targets != NULL)
    fill_target_list (self);
  self->reloading = FALSE;

  row = gtk_list_box_get_selected_row (self->target_list);
  g_set_object (&self->selected, row != NULL ? g_object_get_data (G_OBJECT (row), "ward-target") : NULL);
  if (self->selected != NULL)
    self->selected_id = ward_target_get_id (self->selected);
  show_detail (self);
}

static void
ward_targets_page_dispose (GObject *object)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (object);

  /* Taking the list apart selects nothing: no detail to show any more. */
  self->reloading = TRUE;
  /* The template's root is also the bin's child: let go of it once. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_TARGETS_PAGE);
  g_clear_object (&self->selected);
  g_clear_object (&self->row_selection);

  G_OBJECT_CLASS (ward_targets_page_parent_class)->dispose (object);
}

static void
ward_targets_page_finalize (GObject *object)
{
  WardTargetsPage *self = WARD_TARGETS_PAGE (object);

  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ward_targets_page_parent_class)->finalize (object);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_import_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_readings_import_kind, NULL);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* Translators: the file name suggested for the export of the readings */
  g_autofree char *name = g_strdup_printf ("%s.csv", _("readings"));

  ward_export_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_readings_import_kind, name, NULL);
}

static void
ward_targets_page_class_init (WardTargetsPageClass *klass)
{
  static const char * const watched[] = {
    "readings", "targets", "ward", "units", "candidates", "enterprises", NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_targets_page_dispose;
  object_class->finalize = ward_targets_page_finalize;
  page_class->reload = ward_targets_page_reload;
  page_class->watched_tables = watched;

  g_type_ensure (WARD_TYPE_TARGET_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/targets/ward-targets-page.ui");
  ward_print_install_actions (widget_class, "targets");
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, target_list);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, latest_caption);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, latest_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, expected_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, counted_label);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, readings_stack);
  gtk_widget_class_bind_template_child (widget_class, WardTargetsPage, readings_view);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reading_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "page.edit-reading", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "page.delete-reading", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action_cb);
}

static void
ward_targets_page_init (WardTargetsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free_reading);
  self->row_model = gtk_string_list_new (NULL);
  self->row_selection = gtk_single_selection_new (G_LIST_MODEL (self->row_model));
  g_signal_connect_object (self->row_selection, "notify::selected",
                           G_CALLBACK (on_row_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->readings_view, GTK_SELECTION_MODEL (self->row_selection));
  add_columns (self);
  gtk_list_box_set_header_func (self->target_list, update_header_cb, NULL, NULL);

  /* Delete removes the reading under selection (with undo). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("page.delete-reading")));
  gtk_widget_add_controller (GTK_WIDGET (self->readings_view), shortcuts);
  update_actions (self);
}
