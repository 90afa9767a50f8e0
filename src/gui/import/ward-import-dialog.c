/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "import/ward-import-dialog.h"
#include "import/ward-import-workbook.h"

#define PREVIEW_ROWS 8

struct _WardImportDialog
{
  AdwWindow             parent_instance;

  WardStore            *store;
  const WardImportKind *kind;
  char                 *campaign;
  GFile                *file;
  char                 *sheet;   /* the sheet chosen; NULL: the workbook's first */
  char                 *column_map;  /* the clerk's mapping, "Header=Field,…", or NULL */
  gboolean              map_recalled;  /* a remembered mapping was tried for this file */
  GPtrArray            *map_rows;      /* AdwComboRow per file header (NULL: empty header) */
  GStrv                 map_headers;   /* the headers those rows are about */
  GtkWidget            *parent;  /* the page that asked: toasts go to its window */
  WardCsvTable         *table;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              running;
  gboolean              close_when_done;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkWidget            *choose_button;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  AdwStatusPage        *choose_page;
  AdwStatusPage        *working_page;
  AdwActionRow         *file_row;
  AdwComboRow          *sheet_row;
  AdwActionRow         *summary_row;
  GtkSwitch            *update_switch;
  AdwActionRow         *outside_row;
  GtkSwitch            *outside_switch;
  GtkGrid              *preview_grid;
  GtkLabel             *issues_label;
  GtkListView          *issues_view;
  AdwPreferencesGroup  *map_group;
  GtkLabel             *map_problems_label;
};

G_DEFINE_FINAL_TYPE (WardImportDialog, ward_import_dialog, ADW_TYPE_WINDOW)

/* What a worker thread does: read the file if needed, then run the import
 * (dry or real). Everything it touches is its own until it returns. */
typedef struct
{
  WardImportDialog  *dialog;
  WardStore         *store;
  const WardImportKind *kind;
  GFile             *file;
  WardCsvTable      *table;
  WardImportContext  context;
  char              *campaign;
  char              *sheet;
  char              *column_map;
  gboolean           dry_run;
  WardImportResult   result;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_pointer (&job->table, ward_csv_table_unref);
  g_free (job->campaign);
  g_free (job->sheet);
  g_free (job->column_map);
  ward_import_result_clear (&job->result);
  g_free (job);
}

typedef struct
{
  GWeakRef dialog;
  double   fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  g_autoptr (WardImportDialog) self = g_weak_ref_get (&progress->dialog);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  g_weak_ref_clear (&progress->dialog);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  g_weak_ref_init (&progress->dialog, job->dialog);
  progress->fraction = fraction;
  g_main_context_invoke (NULL, show_progress, progress);
}

static void
run_job_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;

  if (job->table == NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);

      job->table = ward_import_read_file (path, job->sheet, &error);
      if (job->table == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  job->context.campaign = job->campaign;
  job->context.column_map = job->column_map;
  if (!ward_import_run (job->store, job->kind, job->table, &job->context, job->dry_run,
                        report_progress, job, cancellable, &job->result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_job (WardImportDialog *self, gboolean dry_run);

/* Another sheet: read it and check it again. */
static void
on_sheet_selected_cb (WardImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (item == NULL || self->running)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (gtk_string_object_get_string (item));
  g_clear_pointer (&self->table, ward_csv_table_unref);
  start_job (self, TRUE);
}

static void
set_running (WardImportDialog *self,
             gboolean          running)
{
  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_sensitive (self->choose_button, !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_switch), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outside_switch), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_row), !running);
  if (running)
    gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
fill_preview (WardImportDialog *self)
{
  g_autoptr (GPtrArray) ignored = ward_csv_issues_new ();
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (WardCsvMapping) mapping = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  if (self->column_map != NULL)
    map = ward_csv_column_map_parse (self->column_map, self->kind->columns, self->kind->n_columns,
                                     NULL);
  mapping = ward_csv_map_with (self->table, self->kind->columns, self->kind->n_columns, map,
                               ignored);
  n = MIN (PREVIEW_ROWS, ward_csv_mapping_get_n_records (mapping));

  for (guint c = 0; c < self->kind->n_columns; c++)
    {
      const char *header = ward_csv_mapping_get_header (mapping, c);
      GtkWidget *label = gtk_label_new (self->kind->columns[c].label);

      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      if (header == NULL)
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_set_tooltip_text (label, _("Not in the file"));
        }
      gtk_grid_attach (self->preview_grid, label, (int) c, 0, 1, 1);
    }

  for (guint r = 0; r < n; r++)
    {
      g_autofree WardCsvValue *values = g_new0 (WardCsvValue, self->kind->n_columns);
      g_autoptr (GPtrArray) issues = ward_csv_issues_new ();

      ward_csv_mapping_parse_row (mapping, r, values, issues);
      for (guint c = 0; c < self->kind->n_columns; c++)
        {
          GtkWidget *label = gtk_label_new (values[c].text);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
          gtk_grid_attach (self->preview_grid, label, (int) c, (int) r + 1, 1, 1);
        }
    }
}

static void
fill_issues (WardImportDialog       *self,
             const WardImportResult *result)
{
  g_autoptr (GtkStringList) lines = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  guint n_errors = ward_csv_issues_count (result->issues, WARD_CSV_SEVERITY_ERROR);
  guint n_warnings = ward_csv_issues_count (result->issues, WARD_CSV_SEVERITY_WARNING);

  /* Errors first: they are what stops the import. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < result->issues->len; i++)
      {
        const WardCsvIssue *issue = result->issues->pdata[i];
        g_autofree char *line = NULL;

        if ((pass == 0) != (issue->severity == WARD_CSV_SEVERITY_ERROR))
          continue;
        line = ward_csv_issue_to_string (issue);
        gtk_string_list_take (lines, g_strdup_printf ("%s %s", pass == 0 ? "⛔" : "⚠", line));
      }

  gtk_list_view_set_model (self->issues_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)))));
  if (n_errors == 0 && n_warnings == 0)
    heading = g_strdup (_("No problems found."));
  else
    heading = g_strdup_printf (_("%u errors, %u warnings"), n_errors, n_warnings);
  gtk_label_set_text (self->issues_label, heading);
}

/* The sheet choice, shown when the workbook has more than one. */
static void
fill_sheets (WardImportDialog *self)
{
  const char * const *sheets = ward_csv_table_get_sheets (self->table);
  const char *sheet = ward_csv_table_get_sheet (self->table);
  g_autoptr (GtkStringList) names = NULL;
  guint selected = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), sheets != NULL && g_strv_length ((char **) sheets) > 1);
  if (sheets == NULL)
    return;
  names = gtk_string_list_new (sheets);
  for (guint i = 0; sheets[i] != NULL; i++)
    if (g_str_equal (sheets[i], sheet))
      selected = i;
  g_signal_handlers_block_by_func (self->sheet_row, on_sheet_selected_cb, self);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sheet_row, selected);
  g_signal_handlers_unblock_by_func (self->sheet_row, on_sheet_selected_cb, self);
}

static void
show_dry_run (WardImportDialog       *self,
              const WardImportResult *result)
{
  g_autofree char *file = g_file_get_basename (self->file);
  g_autofree char *format = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *button = NULL;
  int separator = ward_csv_table_get_separator (self->table);

  if (ward_csv_table_get_sheet (self->table) != NULL)
    /* Translators: the sheet's name. */
    format = g_strdup_printf (_("Sheet “%s”"), ward_csv_table_get_sheet (self->table));
  else
    format = g_strdup_printf (_("%s, separated by %s"),
                              ward_csv_encoding_get_name (ward_csv_table_get_encoding (self->table)),
                              separator == '\t' ? _("tabs") : separator == ';' ? _("semicolons") : _("commas"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), file);
  adw_action_row_set_subtitle (self->file_row, format);
  flags = ward_import_result_describe_flags (result, TRUE);
  summary = g_strdup_printf (_("%u rows: %u new, %u to update, %u already stored, %u with errors"),
                             result->n_records, result->added, result->updated, result->skipped,
                             result->n_errors);
  if (flags != NULL)
    {
      char *both = g_strconcat (summary, ". ", flags, NULL);

      g_free (summary);
      summary = both;
    }
  adw_action_row_set_subtitle (self->summary_row, summary);

  fill_sheets (self);
  fill_preview (self);
  fill_issues (self, result);

  button = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Row", "_Import %u Rows",
                                         result->added + result->updated),
                            result->added + result->updated);
  gtk_button_set_label (GTK_BUTTON (self->import_button), button);
  gtk_widget_set_sensitive (self->import_button,
                            result->n_errors == 0 && result->added + result->updated > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_error (WardImportDialog *self,
            GError           *error)
{
  adw_status_page_set_icon_name (self->choose_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->choose_page, _("The File Cannot Be Imported"));
  adw_status_page_set_description (self->choose_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

/* ---- The clerk's mapping of columns ------------------------------------ */

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* "members|hovaten|ngaysinh|…": the kind and the file's headers. */
static char *
map_key (WardImportDialog   *self,
         const char * const *headers)
{
  g_autofree char *signature = ward_csv_headers_signature (headers);

  return g_strconcat (self->kind->name, "|", signature, NULL);
}

static char *
recall_map (const char *key)
{
  g_autoptr (GSettings) settings = settings_new ();
  g_autoptr (GVariant) maps = settings ? g_settings_get_value (settings, "import-column-maps") : NULL;
  const char *map = NULL;

  if (maps != NULL && g_variant_lookup (maps, key, "&s", &map))
    return g_strdup (map);
  return NULL;
}

static void
remember_map (const char *key,
              const char *map)
{
  g_autoptr (GSettings) settings = settings_new ();
  g_autoptr (GVariant) maps = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  if (settings == NULL)
    return;
  maps = g_settings_get_value (settings, "import-column-maps");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, maps);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, map);
  g_settings_set_value (settings, "import-column-maps", g_variant_builder_end (&builder));
}

static GtkWidget *
map_row_new (const WardImportKind *kind,
             const char           *header,
             int                   column)
{
  g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  gtk_string_list_append (fields, _("Not imported"));
  for (guint c = 0; c < kind->n_columns; c++)
    gtk_string_list_append (fields, kind->columns[c].label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (column + 1));
  return row;
}

static void
fill_map_rows (WardImportDialog *self,
               WardCsvMapping   *mapping,
               GStrv             headers)
{
  for (guint i = 0; self->map_rows != NULL && i < self->map_rows->len; i++)
    if (self->map_rows->pdata[i] != NULL)
      adw_preferences_group_remove (self->map_group, self->map_rows->pdata[i]);
  g_clear_pointer (&self->map_rows, g_ptr_array_unref);
  self->map_rows = g_ptr_array_new ();
  for (guint i = 0; headers[i] != NULL; i++)
    {
      GtkWidget *row = NULL;

      if (headers[i][0] != '\0')
        {
          row = map_row_new (self->kind, headers[i], ward_csv_mapping_get_column_of (mapping, i));
          adw_preferences_group_add (self->map_group, row);
        }
      g_ptr_array_add (self->map_rows, row);
    }
}

static void
offer_mapping (WardImportDialog *self,
               GPtrArray        *issues)
{
  g_autoptr (GPtrArray) ignored = ward_csv_issues_new ();
  g_autoptr (GHashTable) map = self->column_map ? ward_csv_column_map_parse (self->column_map,
                                                                            self->kind->columns,
                                                                            self->kind->n_columns,
                                                                            NULL) : NULL;
  g_autoptr (WardCsvMapping) mapping = ward_csv_map_with (self->table, self->kind->columns,
                                                          self->kind->n_columns, map, ignored);
  g_auto (GStrv) headers = ward_csv_mapping_get_file_headers (mapping);
  g_autofree char *key = map_key (self, (const char * const *) headers);
  g_autoptr (GString) problems = g_string_new (NULL);

  /* A file with the same headers as one mapped before: that mapping first. */
  if (!self->map_recalled && self->column_map == NULL
      && (self->column_map = recall_map (key)) != NULL)
    {
      self->map_recalled = TRUE;
      start_job (self, TRUE);
      return;
    }
  fill_map_rows (self, mapping, headers);
  g_strfreev (self->map_headers);
  self->map_headers = g_steal_pointer (&headers);
  for (guint i = 0; i < issues->len; i++)
    {
      const WardCsvIssue *issue = issues->pdata[i];
      g_autofree char *line = NULL;

      if (issue->severity != WARD_CSV_SEVERITY_ERROR)
        continue;
      line = ward_csv_issue_to_string (issue);
      g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", line);
    }
  gtk_label_set_text (self->map_problems_label, problems->str);
  gtk_stack_set_visible_child_name (self->stack, "map");
}

static void
on_map_clicked_cb (WardImportDialog *self)
{
  GStrv headers = self->map_headers;
  g_autofree int *choices = NULL;
  g_autofree char *key = NULL;

  if (headers == NULL)
    return;
  choices = g_new0 (int, MAX (g_strv_length (headers), 1));
  key = map_key (self, (const char * const *) headers);
  for (guint i = 0; headers[i] != NULL; i++)
    {
      GtkWidget *row = i < self->map_rows->len ? self->map_rows->pdata[i] : NULL;

      choices[i] = row ? (int) adw_combo_row_get_selected (ADW_COMBO_ROW (row)) - 1 : -1;
    }
  g_free (self->column_map);
  self->column_map = ward_csv_column_map_to_string ((const char * const *) headers, choices,
                                                    self->kind->columns);
  remember_map (key, self->column_map);
  start_job (self, TRUE);
}

static void
toast_on (GtkWidget  *widget,
          const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_job_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr (WardImportDialog) self = user_data;
  Job *job = g_task_get_task_data (G_TASK (res));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  set_running (self, FALSE);
  if (job->table != NULL && self->table != job->table)
    {
      g_clear_pointer (&self->table, ward_csv_table_unref);
      self->table = ward_csv_table_ref (job->table);
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The header was not recognised: the clerk says what each column is. */
      if (self->table != NULL && job->result.issues != NULL
          && ward_csv_issues_count (job->result.issues, WARD_CSV_SEVERITY_ERROR) > 0)
        offer_mapping (self, job->result.issues);
      else
        show_error (self, error);
      return;
    }

  if (job->dry_run || !job->result.committed)
    {
      show_dry_run (self, &job->result);
      return;
    }

  message = g_strdup_printf (_("%u rows imported (%u new, %u updated)."),
                             job->result.added + job->result.updated,
                             job->result.added, job->result.updated);
  toast_on (self->parent, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_job (WardImportDialog *self,
           gboolean          dry_run)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->dialog = self;
  job->store = g_object_ref (self->store);
  job->kind = self->kind;
  job->file = g_object_ref (self->file);
  job->table = self->table ? ward_csv_table_ref (self->table) : NULL;
  job->campaign = g_strdup (self->campaign);
  job->sheet = g_strdup (self->sheet);
  job->column_map = g_strdup (self->column_map);
  job->dry_run = dry_run;
  job->context.policy = gtk_switch_get_active (self->update_switch) ? WARD_IMPORT_UPDATE_EXISTING
                                                                    : WARD_IMPORT_SKIP_EXISTING;
  job->context.allow_outside_period = self->kind->has_period
                                      && gtk_switch_get_active (self->outside_switch);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  if (dry_run)
    gtk_stack_set_visible_child_name (self->stack, "working");

  task = g_task_new (NULL, self->cancellable, on_job_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job_thread);
}

static void
on_file_chosen_cb (GtkNativeDialog  *chooser,
                   int               response,
                   WardImportDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      if (self->file == NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  g_set_object (&self->file, file);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->column_map, g_free);
  self->map_recalled = FALSE;
  g_clear_pointer (&self->table, ward_csv_table_unref);
  start_job (self, TRUE);
}

static void
choose_file (WardImportDialog *self)
{
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _("Spreadsheets (.xlsx, .xls, .ods, .csv)"));
  gtk_file_filter_add_mime_type (csv, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (csv, "application/vnd.ms-excel");
  gtk_file_filter_add_mime_type (csv, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_suffix (csv, "xlsx");
  gtk_file_filter_add_suffix (csv, "xls");
  gtk_file_filter_add_suffix (csv, "ods");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/plain");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_choose_clicked_cb (WardImportDialog *self)
{
  choose_file (self);
}

static void
on_import_clicked_cb (WardImportDialog *self)
{
  start_job (self, FALSE);
}

static void
on_update_toggled_cb (WardImportDialog *self)
{
  /* The counts of new and updated rows depend on it: check again. */
  if (self->file != NULL && !self->running)
    start_job (self, TRUE);
}

static void
on_cancel_clicked_cb (WardImportDialog *self)
{
  if (self->running)
    {
      /* The worker rolls back and the dialog closes when it has. */
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
ward_import_dialog_close_request (GtkWindow *window)
{
  WardImportDialog *self = WARD_IMPORT_DIALOG (window);

  if (self->running)
    {
      on_cancel_clicked_cb (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ward_import_dialog_parent_class)->close_request (window);
}

static void
setup_issue_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (item, label);
}

static void
bind_issue_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *line = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (line));
}

static void
ward_import_dialog_dispose (GObject *object)
{
  WardImportDialog *self = WARD_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->parent);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->table, ward_csv_table_unref);
  g_clear_pointer (&self->campaign, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->column_map, g_free);
  g_clear_pointer (&self->map_rows, g_ptr_array_unref);
  g_clear_pointer (&self->map_headers, g_strfreev);

  G_OBJECT_CLASS (ward_import_dialog_parent_class)->dispose (object);
}

static void
ward_import_dialog_class_init (WardImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ward_import_dialog_dispose;
  window_class->close_request = ward_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/import/ward-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, update_switch);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, outside_row);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, outside_switch);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, issues_label);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, issues_view);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, map_group);
  gtk_widget_class_bind_template_child (widget_class, WardImportDialog, map_problems_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_update_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_map_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ward_import_dialog_init (WardImportDialog *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_issue_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_issue_cb), NULL);
  gtk_list_view_set_factory (self->issues_view, factory);
}

void
ward_import_dialog_present (GtkWidget            *parent,
                            WardStore            *store,
                            const WardImportKind *kind,
                            const char           *campaign)
{
  WardImportDialog *self;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (WARD_IS_STORE (store));
  g_return_if_fail (kind != NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (WARD_TYPE_IMPORT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->parent = g_object_ref (parent);
  self->kind = kind;
  self->campaign = g_strdup (campaign);
  gtk_widget_set_visible (GTK_WIDGET (self->outside_row), kind->has_period);
  adw_window_title_set_subtitle (self->window_title, _(kind->title));
  gtk_window_present (GTK_WINDOW (self));
  choose_file (self);
}

/* Export ------------------------------------------------------------------ */

typedef struct
{
  GtkWidget            *parent;
  WardStore            *store;
  const WardImportKind *kind;
  char                 *campaign;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_object (&export->store);
  g_free (export->campaign);
  g_free (export);
}


static void
on_export_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     Export          *export)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      WardImportContext context = { WARD_IMPORT_SKIP_EXISTING, export->campaign, NULL };

      if (ward_export_to_path (export->store, export->kind, &context, path, WARD_OUTPUT_REPLACE, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved “%s”."), name);

          toast_on (export->parent, message);
        }
      else
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (export->parent)),
                                                      _("The Spreadsheet Was Not Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  export_free (export);
  g_object_unref (chooser);
}

void
ward_export_dialog_present (GtkWidget            *parent,
                            WardStore            *store,
                            const WardImportKind *kind,
                            const char           *suggested_name,
                            const char           *campaign)
{
  GtkFileChooserNative *chooser;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (WARD_IS_STORE (store));
  g_return_if_fail (kind != NULL);

  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->store = g_object_ref (store);
  export->kind = kind;
  export->campaign = g_strdup (campaign);

  chooser = gtk_file_chooser_native_new (_("Export Spreadsheet"),
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
