/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "common/ward-form-error.h"
#include "common/ward-report-dialog.h"

/* The choices of a report before it is printed or saved. Every period is
 * read by the core's parser (ward_report_period_parse()), the same the CLI
 * uses: the list offers the usual ones, and "Another period…" takes any
 * text the parser accepts. */

/* How the authority row's items map to the core's values. */
static const WardSignerAuthority authorities[] = {
  WARD_SIGNER_ON_BEHALF, WARD_SIGNER_DEPUTY, WARD_SIGNER_ACTING, WARD_SIGNER_DIRECT,
};

struct _WardReportDialog
{
  AdwWindow         parent_instance;

  GtkWidget        *page;
  WardStore        *store;
  WardReportKind    kind;
  char             *campaign;
  WardReportAction  action;
  WardReportChosen  chosen;
  GSettings        *memory;     /* the kind's remembered choices; NULL without the schema */
  GPtrArray        *periods;    /* char *, the parser's text of each item; "" for another */

  AdwWindowTitle   *window_title;
  GtkButton        *go_button;
  WardFormError     form_error;
  AdwComboRow      *period_row;
  AdwEntryRow      *range_row;
  AdwComboRow      *layout_row;
  AdwPreferencesGroup *signer_group;
  AdwEntryRow      *name_row;
  AdwEntryRow      *position_row;
  AdwComboRow      *authority_row;
  AdwEntryRow      *number_row;
  AdwEntryRow      *date_row;
};

G_DEFINE_FINAL_TYPE (WardReportDialog, ward_report_dialog, ADW_TYPE_WINDOW)

/* ---- The periods offered ------------------------------------------------ */

/* "6 tháng cuối năm 2026", capitalised: short enough for the drop-down,
 * whose entries are cut at its width; the days show under the row. */
static char *
period_label (const WardReportPeriod *period)
{
  g_autofree char *words = ward_report_period_format (period);
  g_autofree char *first = g_utf8_strup (words, g_utf8_next_char (words) - words);

  return g_strdup_printf ("%s%s", first, g_utf8_next_char (words));
}

/* "01/07/2026 – 31/12/2026" under the period chosen; nothing for another
 * period, whose dates are typed below. */
static void
show_period_days (WardReportDialog *self,
                  guint             selected)
{
  WardReportPeriod period;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *days = NULL;

  if (selected < self->periods->len
      && ward_report_period_parse_for (self->store, self->periods->pdata[selected], &period, NULL))
    {
      start = ward_format_date (period.start);
      end = ward_format_date (period.end);
      days = g_strdup_printf ("%s – %s", start, end);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), days != NULL ? days : "");
}

static void
offer (WardReportDialog *self,
       GtkStringList    *labels,
       const char       *text)
{
  WardReportPeriod period;
  g_autofree char *label = NULL;

  if (!ward_report_period_parse_for (self->store, text, &period, NULL))
    return;
  label = period_label (&period);
  gtk_string_list_append (labels, label);
  g_ptr_array_add (self->periods, g_strdup (text));
}

/* The term, this year and the last, their halves, this year's quarters,
 * this month and the last: what offices report on. */
static void
fill_periods (WardReportDialog *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = ward_today_iso ();
  int year = (int) g_ascii_strtoll (today, NULL, 10);
  int month = (int) g_ascii_strtoll (today + 5, NULL, 10);
  char text[32];

  offer (self, labels, "term");
  for (int y = year; y >= year - 1; y--)
    {
      g_snprintf (text, sizeof text, "%d", y);
      offer (self, labels, text);
      for (int part = 1; part <= 2; part++)
        {
          g_snprintf (text, sizeof text, "%d-H%d", y, part);
          offer (self, labels, text);
        }
    }
  for (int quarter = 1; quarter <= 4; quarter++)
    {
      g_snprintf (text, sizeof text, "%d-Q%d", year, quarter);
      offer (self, labels, text);
    }
  g_snprintf (text, sizeof text, "%d-%02d", year, month);
  offer (self, labels, text);
  g_snprintf (text, sizeof text, "%d-%02d", month > 1 ? year : year - 1, month > 1 ? month - 1 : 12);
  offer (self, labels, text);
  gtk_string_list_append (labels, _("Another period…"));
  g_ptr_array_add (self->periods, g_strdup (""));
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
}

/* The remembered period, else the kind's usual one. */
static void
select_period (WardReportDialog *self)
{
  g_autofree char *remembered = self->memory != NULL
                                ? g_settings_get_string (self->memory, "period") : g_strdup ("");
  g_autofree char *today = ward_today_iso ();
  g_autofree char *usual = NULL;
  WardReportPeriod period;

  if (remembered[0] == '\0' && ward_reports_default_period (self->store, self->kind, today, &period, NULL))
    usual = ward_report_period_to_string (&period);
  for (guint i = 0; i + 1 < self->periods->len; i++)
    if (g_str_equal (self->periods->pdata[i], remembered[0] != '\0' ? remembered : usual ? usual : ""))
      {
        adw_combo_row_set_selected (self->period_row, i);
        return;
      }
  if (remembered[0] == '\0')
    return;
  adw_combo_row_set_selected (self->period_row, self->periods->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->range_row), remembered);
}

/* ---- The signer --------------------------------------------------------- */

static void
show_signing (WardReportDialog *self)
{
  g_auto (WardReportSigning) signing = { 0 };
  g_autofree char *date = NULL;

  if (self->memory == NULL)
    return;
  ward_report_signing_load (&signing, self->memory);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), signing.name ? signing.name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), signing.position ? signing.position : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), signing.number ? signing.number : "");
  date = ward_format_date (signing.date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  for (guint i = 0; i < G_N_ELEMENTS (authorities); i++)
    if (authorities[i] == signing.authority)
      adw_combo_row_set_selected (self->authority_row, i);
}

static char *
text_or_null (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Reads the form; FALSE, showing why, when the period or the date is wrong. */
static gboolean
read_form (WardReportDialog  *self,
           WardReportPeriod  *period,
           WardReportSigning *signing,
           char             **period_text)
{
  guint selected = adw_combo_row_get_selected (self->period_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *date = text_or_null (self->date_row);
  AdwPreferencesRow *wrong = ADW_PREFERENCES_ROW (self->range_row);

  *period_text = selected < self->periods->len && ((char *) self->periods->pdata[selected])[0] != '\0'
                 ? g_strdup (self->periods->pdata[selected])
                 : g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->range_row)));
  if (ward_report_period_parse_for (self->store, *period_text, period, &error)
      && (date == NULL || (wrong = ADW_PREFERENCES_ROW (self->date_row),
                           ward_parse_date (date, &signing->date, &error))))
    {
      signing->name = text_or_null (self->name_row);
      signing->position = text_or_null (self->position_row);
      signing->number = text_or_null (self->number_row);
      signing->authority = authorities[MIN (adw_combo_row_get_selected (self->authority_row),
                                            G_N_ELEMENTS (authorities) - 1)];
      return TRUE;
    }
  ward_form_error_show_in_row (&self->form_error, wrong, error->message);
  return FALSE;
}

static WardReportKind
chosen_kind (WardReportDialog *self)
{
  if (self->kind == WARD_REPORT_KIND_DONATIONS && adw_combo_row_get_selected (self->layout_row) == 1)
    return WARD_REPORT_KIND_DONATIONS_BY_GROUP;
  return self->kind;
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_period_changed_cb (WardReportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);
  gboolean other = selected < self->periods->len
                   && ((char *) self->periods->pdata[selected])[0] == '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->range_row), other);
  show_period_days (self, selected);
  ward_form_error_clear (&self->form_error);
}

static void
on_field_changed_cb (WardReportDialog *self,
                     GtkEditable      *editable)
{
  ward_form_error_row_changed (&self->form_error, editable);
}

static void
on_go_clicked_cb (WardReportDialog *self)
{
  /* Alive until the report is asked for, after the window is gone. */
  g_autoptr (WardReportDialog) hold = g_object_ref (self);
  g_auto (WardReportSigning) signing = { 0 };
  g_autofree char *period_text = NULL;
  g_autoptr (GtkWidget) page = NULL;
  g_autoptr (WardStore) store = NULL;
  WardReportOptions options = { 0 };
  WardReportPeriod period;

  if (!read_form (self, &period, &signing, &period_text))
    return;
  if (self->memory != NULL)
    {
      ward_report_signing_save (&signing, self->memory);
      g_settings_set_string (self->memory, "period", period_text);
    }
  options.period = &period;
  options.campaign = self->campaign;
  options.signing = &signing;
  /* The report runs after the dialog is gone, over its page. */
  page = g_object_ref (self->page);
  store = g_object_ref (self->store);
  gtk_window_destroy (GTK_WINDOW (self));
  self->chosen (page, store, chosen_kind (self), &options, self->action);
}

/* ---- Class -------------------------------------------------------------- */

static void
ward_report_dialog_dispose (GObject *object)
{
  WardReportDialog *self = WARD_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_REPORT_DIALOG);
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_clear_object (&self->memory);

  G_OBJECT_CLASS (ward_report_dialog_parent_class)->dispose (object);
}

static void
ward_report_dialog_finalize (GObject *object)
{
  WardReportDialog *self = WARD_REPORT_DIALOG (object);

  g_free (self->campaign);
  g_ptr_array_unref (self->periods);

  G_OBJECT_CLASS (ward_report_dialog_parent_class)->finalize (object);
}

static void
ward_report_dialog_class_init (WardReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_report_dialog_dispose;
  object_class->finalize = ward_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/common/ward-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, go_button);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, signer_group);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, WardReportDialog, date_row);
  ward_form_error_bind_template (widget_class, G_STRUCT_OFFSET (WardReportDialog, form_error));
  gtk_widget_class_bind_template_callback (widget_class, on_go_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
ward_report_dialog_init (WardReportDialog *self)
{
  self->periods = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public ------------------------------------------------------------- */

static const char *
kind_title (WardReportKind kind)
{
  switch (kind)
    {
    case WARD_REPORT_KIND_TARGETS:
      return _("Report on the Targets");
    case WARD_REPORT_KIND_PROGRAMME:
      return _("Report on the Action Programme");
    case WARD_REPORT_KIND_ADMISSIONS:
      return _("Report on Party Admissions");
    case WARD_REPORT_KIND_ENTERPRISES:
      return _("Report on New Enterprises");
    case WARD_REPORT_KIND_STUDY:
      return _("Report on the Study of the Resolution");
    case WARD_REPORT_KIND_DONATIONS:
    case WARD_REPORT_KIND_DONATIONS_BY_GROUP:
    case WARD_REPORT_KIND_RECEIPT:
    default:
      return _("Disclosure List of Donations");
    }
}

static void
set_wording (WardReportDialog *self)
{
  static const char * const buttons[] = { N_("_Print"), N_("Export _PDF"), N_("Export _Excel") };
  static const char * const titles[] = { N_("Print"), N_("Export as PDF"), N_("Export as Excel") };

  gtk_window_set_title (GTK_WINDOW (self), _(titles[self->action]));
  adw_window_title_set_title (self->window_title, _(titles[self->action]));
  adw_window_title_set_subtitle (self->window_title, kind_title (self->kind));
  gtk_button_set_label (self->go_button, _(buttons[self->action]));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->go_button));
  gtk_widget_set_visible (GTK_WIDGET (self->layout_row), self->kind == WARD_REPORT_KIND_DONATIONS);
  adw_preferences_group_set_description (self->signer_group,
                                         _("Empty fields take the signatory of the Preferences."));
}

void
ward_report_dialog_present (GtkWidget        *page,
                            WardStore        *store,
                            WardReportKind    kind,
                            const char       *campaign,
                            WardReportAction  action,
                            WardReportChosen  chosen)
{
  GtkRoot *root = gtk_widget_get_root (page);
  WardReportDialog *self;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (WARD_IS_STORE (store));
  g_return_if_fail (chosen != NULL);

  self = g_object_new (WARD_TYPE_REPORT_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       NULL);
  self->page = g_object_ref (page);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->campaign = g_strdup (campaign);
  self->action = action;
  self->chosen = chosen;
  self->memory = ward_report_kind_settings_new (kind);
  set_wording (self);
  fill_periods (self);
  select_period (self);
  on_period_changed_cb (self);
  show_signing (self);
  gtk_window_present (GTK_WINDOW (self));
}
