/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprises-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "base/ward-text.h"
#include "common/ward-cell-factory.h"
#include "common/ward-columns.h"
#include "common/ward-list-chain.h"
#include "common/ward-print.h"
#include "enterprises/ward-enterprise-dialog.h"
#include "enterprises/ward-enterprises-page.h"
#include "enterprises/ward-enterprises.h"
#include "import/ward-import-dialog.h"
#include "store/ward-store-row-model.h"

/* The register of new enterprises: progress toward the 750 above, the
 * list below. The list is a column view over every row, loaded at once into
 * compact structs (WardRows, shown by a WardRowModel), sorted by the column
 * view's sorter over the stored keys and filtered incrementally, so that
 * 20,000 rows stay smooth. */

typedef enum
{
  COLUMN_TAX_CODE,
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_REGISTERED,
  COLUMN_CAPITAL,
  COLUMN_STATUS,
  COLUMN_VSIC,
  COLUMN_COUNTED,
  COLUMN_GROUP,
  N_COLUMNS
} Column;

/* The type filter's last choice, after the five types. */
#define TYPE_FILTER_BRANCHES (WARD_ENTERPRISE_N_TYPES)

struct _WardEnterprisesPage
{
  WardPage             parent_instance;

  WardRowModel        *list;
  WardListChain        chain;
  GtkCustomFilter     *filter;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GArray              *years;           /* int, the year filter's choices after "All" */
  char                *needle;          /* folded search text */
  int                  type_choice;     /* -1: all */
  int                  status_choice;   /* -1: all */
  int                  year_choice;     /* 0: all */
  gint64               filter_started;  /* monotonic µs, while a filter change runs */
  gint64               saved_id;        /* to select once the filter shows it */
  gboolean             loaded;          /* the register has been read once */
  guint                select_id;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *type_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *year_filter;
  GtkLabel            *shown_label;
  GtkFlowBox          *summary_box;
  GtkLabel            *count_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *pace_label;
  GtkLabel            *register_label;
  GtkGrid             *year_grid;
  GtkGrid             *type_grid;
  GtkGrid             *section_grid;
};

G_DEFINE_FINAL_TYPE (WardEnterprisesPage, ward_enterprises_page, WARD_TYPE_PAGE)

static const char * const watched_tables[] = { "enterprises", "targets", "ward", NULL };

/* ---- Cells ---------------------------------------------------------------- */

static const WardEnterpriseRow *
row_of (gconstpointer item)
{
  return ward_row_item_get_row (WARD_ROW_ITEM ((gpointer) item));
}

static char *
counted_text (const WardEnterpriseRow *row)
{
  if (row->counted)
    return g_strdup (_("Yes"));
  if (row->is_branch)
    return g_strdup (_("No: branch"));
  if (!row->in_ward)
    return g_strdup (_("No: outside the ward"));
  return g_strdup (_("No: outside the term"));
}

static char *
cell_text (const WardEnterpriseRow *row,
           Column                   column)
{
  switch (column)
    {
    case COLUMN_TAX_CODE: return g_strdup (row->tax_code);
    case COLUMN_NAME: return g_strdup (row->name);
    case COLUMN_TYPE:
      if (row->type == WARD_ENTERPRISE_TYPE_NONE)
        return g_strdup (row->is_branch ? _("Branch") : "");
      return g_strdup (ward_enterprise_type_label (row->type));
    case COLUMN_REGISTERED: return ward_format_date (row->registered_on);
    case COLUMN_CAPITAL: return row->capital > 0 ? ward_format_money (row->capital) : g_strdup ("");
    case COLUMN_VSIC:
      /* The letter is the breakdown's (VSIC 2025); a code of VSIC 2018 says so,
       * as its own letter from J on is another. */
      if (row->section == 0)
        return g_strdup (row->vsic);
      return g_strdup_printf (row->vsic_version == WARD_VSIC_2018 ? "%s (2018) · %c" : "%s · %c",
                              row->vsic, ward_vsic_section_nth (row->section - 1)->letter);
    case COLUMN_GROUP: return g_strdup (row->residential_group);
    case COLUMN_STATUS: return g_strdup (ward_enterprise_status_label (row->status));
    case COLUMN_COUNTED: return counted_text (row);
    case N_COLUMNS:
    default: g_return_val_if_reached (NULL);
    }
}

/* GtkInscription rather than GtkLabel: it is made for list cells and
 * measures without laying the text out, which keeps scrolling and filtering
 * over thousands of rows smooth. */
static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  data)
{
  Column column = GPOINTER_TO_INT (data) & 0xff;
  GtkWidget *cell = ward_cell_text_new ((GPOINTER_TO_INT (data) >> 8) & 0xff,
                                        (GPOINTER_TO_INT (data) >> 16) & 0xff,
                                        column == COLUMN_CAPITAL ? 1.0 : 0.0);

  if (column == COLUMN_CAPITAL || column == COLUMN_TAX_CODE || column == COLUMN_REGISTERED)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (list_item, cell);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  data)
{
  const WardEnterpriseRow *row = row_of (gtk_list_item_get_item (list_item));
  g_autofree char *text = cell_text (row, GPOINTER_TO_INT (data) & 0xff);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  ward_cell_text_set (cell, text);
}

/* ---- Sorting over the stored keys ----------------------------------------- */

static int
compare_ids (const WardEnterpriseRow *a,
             const WardEnterpriseRow *b)
{
  return (a->id > b->id) - (a->id < b->id);
}

static int
compare_names (const WardEnterpriseRow *a,
               const WardEnterpriseRow *b)
{
  int c = strcmp (a->sort_key, b->sort_key);

  return c != 0 ? c : compare_ids (a, b);
}

static int
sort_rows (gconstpointer a,
           gconstpointer b,
           gpointer      data)
{
  const WardEnterpriseRow *ra = row_of (a);
  const WardEnterpriseRow *rb = row_of (b);
  int c = 0;

  switch ((Column) GPOINTER_TO_INT (data))
    {
    case COLUMN_TAX_CODE: c = strcmp (ra->tax_code, rb->tax_code); break;
    case COLUMN_REGISTERED: c = strcmp (ra->registered_on, rb->registered_on); break;
    case COLUMN_TYPE: c = (int) ra->type - (int) rb->type; break;
    case COLUMN_CAPITAL: c = (ra->capital > rb->capital) - (ra->capital < rb->capital); break;
    case COLUMN_STATUS: c = (int) ra->status - (int) rb->status; break;
    case COLUMN_NAME:
    default: break;
    }
  c = c != 0 ? c : compare_names (ra, rb);
  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_TAX_CODE: return _("Tax Code");
    case COLUMN_NAME: return _("Name");
    case COLUMN_TYPE: return _("Type");
    case COLUMN_REGISTERED: return _("Registered");
    case COLUMN_CAPITAL: return _("Charter Capital");
    case COLUMN_VSIC: return _("VSIC");
    case COLUMN_GROUP: return _("Residential Group");
    case COLUMN_STATUS: return C_("enterprise", "Status");
    case COLUMN_COUNTED: return _("Counted");
    case N_COLUMNS:
    default: g_return_val_if_reached ("");
    }
}

static void
add_columns (WardEnterprisesPage *self)
{
  /* Widths in characters: the name takes what is left. */
  static const struct
  {
    gboolean sortable;
    int      min_chars;
    int      nat_chars;
  } table[N_COLUMNS] = {
    [COLUMN_TAX_CODE] = { TRUE, 14, 14 },
    [COLUMN_NAME] = { TRUE, 20, 44 },
    [COLUMN_TYPE] = { TRUE, 10, 20 },
    [COLUMN_REGISTERED] = { TRUE, 10, 10 },
    [COLUMN_CAPITAL] = { TRUE, 15, 17 },
    [COLUMN_VSIC] = { FALSE, 7, 7 },
    [COLUMN_GROUP] = { FALSE, 9, 14 },
    [COLUMN_STATUS] = { TRUE, 12, 16 },
    [COLUMN_COUNTED] = { FALSE, 9, 18 },
  };

  for (int c = 0; c < N_COLUMNS; c++)
    {
      int chars = table[c].min_chars | (table[c].nat_chars << 8);
      GtkListItemFactory *factory = ward_cell_factory_new (G_CALLBACK (on_cell_setup_cb),
                                                           G_CALLBACK (on_cell_bind_cb),
                                                           GINT_TO_POINTER (c | (chars << 8)));
      GtkColumnViewColumn *column;

      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      if (table[c].sortable)
        {
          GtkCustomSorter *sorter = gtk_custom_sorter_new (sort_rows, GINT_TO_POINTER (c), NULL);

          gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
      self->columns[c] = column;  /* the view holds it */
      g_object_unref (column);
    }
  /* The name keeps its room (widths of the list, the sidebar left out):
   * on a 1366 px laptop the group and the count give way, at the default
   * 1100 px the type too, on a 1024 px screen the status and VSIC code as
   * well (they stay in the form, the filters and the breakdowns). */
  ward_columns_give_way (self->column_view, self->columns[COLUMN_GROUP], 1300);
  ward_columns_give_way (self->column_view, self->columns[COLUMN_COUNTED], 1300);
  ward_columns_give_way (self->column_view, self->columns[COLUMN_VSIC], 820);
  ward_columns_give_way (self->column_view, self->columns[COLUMN_TYPE], 1000);
  ward_columns_give_way (self->column_view, self->columns[COLUMN_STATUS], 800);
}

/* ---- Filtering ------------------------------------------------------------ */

static gboolean
filter_row (gpointer item,
            gpointer data)
{
  WardEnterprisesPage *self = data;
  const WardEnterpriseRow *row = row_of (item);

  if (self->type_choice == TYPE_FILTER_BRANCHES && !row->is_branch)
    return FALSE;
  if (self->type_choice >= 0 && self->type_choice != TYPE_FILTER_BRANCHES
      && row->type != self->type_choice)
    return FALSE;
  if (self->status_choice >= 0 && row->status != self->status_choice)
    return FALSE;
  if (self->year_choice != 0 && row->year != self->year_choice)
    return FALSE;
  return ward_enterprise_row_matches (row, self->needle);
}

static void
update_shown (WardEnterprisesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->chain.filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *a = ward_format_number (shown);
  g_autofree char *b = ward_format_number (total);
  g_autofree char *text = NULL;

  /* The spinner until the register is in (ward_enterprises_page_reload()). */
  if (!self->loaded)
    {
      gtk_label_set_text (self->shown_label, "");
      return;
    }
  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s enterprise", "%s enterprises", total), b);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s enterprise", "%s of %s enterprises",
                                         total), a, b);

  gtk_label_set_text (self->shown_label, text);
  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "rows");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
}

/* Out of the models' signals: selecting from inside them crashes GTK 4.8. */
static gboolean
select_saved_cb (gpointer data)
{
  WardEnterprisesPage *self = data;

  self->select_id = 0;
  if (ward_list_chain_select_id (&self->chain, self->column_view, self->saved_id))
    self->saved_id = 0;
  return G_SOURCE_REMOVE;
}

/* A record saved or put back: selected, and scrolled to, once shown. */
static void
select_later (WardEnterprisesPage *self,
              gint64               id)
{
  self->saved_id = id;
  if (self->select_id == 0)
    self->select_id = g_idle_add (select_saved_cb, self);
}

/* After a change of the filter, which filters the whole list at once. */
static void
on_filtered (WardEnterprisesPage *self)
{
  if (self->filter_started != 0)
    g_debug ("Filtered %u rows in %.1f ms",
             g_list_model_get_n_items (G_LIST_MODEL (self->list)),
             (g_get_monotonic_time () - self->filter_started) / 1000.0);
  self->filter_started = 0;
  update_shown (self);
  if (self->saved_id != 0)
    select_later (self, self->saved_id);
}

static void
refilter (WardEnterprisesPage *self,
          GtkFilterChange      change)
{
  if (self->filter == NULL)
    return;
  self->filter_started = g_get_monotonic_time ();
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  on_filtered (self);
}

static int
type_choice (guint selected)
{
  return selected == 0 ? -1 : (int) selected;
}

static void
on_filter_changed_cb (WardEnterprisesPage *self)
{
  guint year = gtk_drop_down_get_selected (self->year_filter);

  self->type_choice = type_choice (gtk_drop_down_get_selected (self->type_filter));
  self->status_choice = (int) gtk_drop_down_get_selected (self->status_filter) - 1;
  self->year_choice = year > 0 && year <= self->years->len
                      ? g_array_index (self->years, int, year - 1) : 0;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_changed_cb (WardEnterprisesPage *self)
{
  g_autofree char *needle = ward_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (needle == NULL)
    needle = g_strdup ("");
  if (g_str_equal (needle, self->needle))
    return;
  change = ward_search_change (self->needle, needle);
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  refilter (self, change);
}

static GListModel *
string_list (const char * const *first,
             const char         *(*label) (int),
             int                  n,
             const char          *last)
{
  GtkStringList *list = gtk_string_list_new ((const char * const *) first);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  if (last != NULL)
    gtk_string_list_append (list, last);
  return G_LIST_MODEL (list);
}

static const char *
type_label_after_none (int i)
{
  return ward_enterprise_type_label (i + 1);
}

static const char *
status_label (int i)
{
  return ward_enterprise_status_label (i);
}

static void
setup_filters (WardEnterprisesPage *self)
{
  const char *all_types[] = { _("All types"), NULL };
  const char *all_statuses[] = { C_("enterprise", "All statuses"), NULL };
  const char *all_years[] = { _("All years"), NULL };
  g_autoptr (GListModel) types = NULL;
  g_autoptr (GListModel) statuses = NULL;
  g_autoptr (GListModel) years = NULL;

  types = string_list (all_types, type_label_after_none, WARD_ENTERPRISE_N_TYPES - 1, _("Branches"));
  statuses = string_list (all_statuses, status_label, WARD_ENTERPRISE_N_STATUSES, NULL);
  years = string_list (all_years, NULL, 0, NULL);
  gtk_drop_down_set_model (self->type_filter, types);
  gtk_drop_down_set_model (self->status_filter, statuses);
  gtk_drop_down_set_model (self->year_filter, years);
}

/* The years with records, newest first, keeping the one chosen. */
static void
update_year_filter (WardEnterprisesPage *self,
                    WardRows            *rows)
{
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (self->year_filter));
  guint chosen = 0;
  gboolean same;

  for (guint i = 0; i < ward_rows_get_n (rows); i++)
    {
      int year = ((const WardEnterpriseRow *) ward_rows_get (rows, i))->year;
      guint j = 0;

      while (j < years->len && g_array_index (years, int, j) > year)
        j++;
      if (j == years->len || g_array_index (years, int, j) != year)
        g_array_insert_val (years, j, year);
    }

  /* An empty GArray's data may be NULL, which memcmp must not be given. */
  same = years->len == self->years->len
         && (years->len == 0 || memcmp (years->data, self->years->data, years->len * sizeof (int)) == 0);
  if (same)
    return;

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == self->year_choice)
      chosen = i + 1;
  g_array_unref (self->years);
  self->years = g_steal_pointer (&years);
  g_signal_handlers_block_by_func (self->year_filter, on_filter_changed_cb, self);
  gtk_string_list_splice (model, 1, g_list_model_get_n_items (G_LIST_MODEL (model)) - 1, NULL);
  for (guint i = 0; i < self->years->len; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%d", g_array_index (self->years, int, i));
      gtk_string_list_append (model, text);
    }
  gtk_drop_down_set_selected (self->year_filter, chosen);
  g_signal_handlers_unblock_by_func (self->year_filter, on_filter_changed_cb, self);
  on_filter_changed_cb (self);
}

/* ---- The summary ---------------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_count_row (GtkGrid    *grid,
               int         row,
               const char *title,
               gint64      count)
{
  g_autofree char *number = ward_format_number (count);

  gtk_grid_attach (grid, grid_label (title, 0, NULL), 0, row, 1, 1);
  gtk_grid_attach (grid, grid_label (number, 1, "numeric"), 1, row, 1, 1);
}

static void
show_years (WardEnterprisesPage         *self,
            const WardEnterpriseSummary *summary)
{
  clear_grid (self->year_grid);
  for (int y = summary->term_start_year; y <= summary->term_end_year; y++)
    {
      int column = y - summary->term_start_year;
      char year[16];
      g_autofree char *count = ward_format_number (summary->by_year[column]);

      g_snprintf (year, sizeof year, "%d", y);
      gtk_grid_attach (self->year_grid, grid_label (year, 1, "dim-label"), column, 0, 1, 1);
      gtk_grid_attach (self->year_grid, grid_label (count, 1, "heading"), column, 1, 1, 1);
    }
}

static void
show_types (WardEnterprisesPage         *self,
            const WardEnterpriseSummary *summary)
{
  int row = 0;

  clear_grid (self->type_grid);
  for (int t = 1; t < WARD_ENTERPRISE_N_TYPES; t++)
    add_count_row (self->type_grid, row++, ward_enterprise_type_label (t), summary->by_type[t]);
}

/* The busiest sections, then the rest in one line. */
static void
show_sections (WardEnterprisesPage         *self,
               const WardEnterpriseSummary *summary)
{
  guint order[WARD_VSIC_N_SECTIONS];
  gint64 others = 0;
  int row = 0;

  clear_grid (self->section_grid);
  for (guint i = 0; i < WARD_VSIC_N_SECTIONS; i++)
    order[i] = i;
  for (guint i = 1; i < WARD_VSIC_N_SECTIONS; i++)
    for (guint j = i; j > 0 && summary->by_section[order[j]] > summary->by_section[order[j - 1]]; j--)
      {
        guint swap = order[j];
        order[j] = order[j - 1];
        order[j - 1] = swap;
      }

  for (guint i = 0; i < WARD_VSIC_N_SECTIONS; i++)
    {
      const WardVsicSection *section = ward_vsic_section_nth (order[i]);
      gint64 count = summary->by_section[order[i]];
      g_autofree char *title = NULL;

      if (count == 0)
        break;
      if (row == 4)
        {
          others += count;
          continue;
        }
      title = g_strdup_printf ("%c – %s", section->letter, section->short_title);
      add_count_row (self->section_grid, row, title, count);
      gtk_widget_set_tooltip_text (gtk_grid_get_child_at (self->section_grid, 0, row), section->title);
      row++;
    }
  if (others > 0)
    add_count_row (self->section_grid, row++, _("Other sections"), others);
  if (summary->no_section > 0)
    add_count_row (self->section_grid, row++, _("Not given"), summary->no_section);
  if (row == 0)
    gtk_grid_attach (self->section_grid, grid_label (_("Nothing counted yet"), 0, "dim-label"),
                     0, 0, 1, 1);
}

static void
show_progress (WardEnterprisesPage         *self,
               const WardEnterpriseSummary *summary)
{
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                            summary->counted, summary->goal);
  g_autofree char *pace = NULL;
  g_autofree char *register_text = NULL;
  g_autofree char *total = ward_format_number (summary->total);
  g_autofree char *branches = ward_format_number (summary->branches);
  g_autofree char *outside = ward_format_number (summary->outside_ward);
  g_autofree char *outside_term = NULL;
  g_autofree char *needed = ward_format_number (summary->pace_needed);
  double fraction = 0;

  outside_term = ward_format_number (summary->total - summary->branches
                                     - summary->outside_ward - summary->counted);
  gtk_label_set_text (self->count_label, count);
  if (summary->goal > 0)
    fraction = MIN (1.0, (double) summary->counted / summary->goal);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  if (summary->goal > 0 && summary->counted >= summary->goal)
    pace = g_strdup (_("The target is met."));
  else
    pace = g_strdup_printf (_("About %s a year are needed for the rest of the term."), needed);
  gtk_label_set_text (self->pace_label, pace);
  register_text = g_strdup_printf (_("%s in the register. Not counted: %s branches, %s with the "
                                     "head office outside the ward, %s registered outside the "
                                     "term."), total, branches, outside, outside_term);
  gtk_label_set_text (self->register_label, register_text);
}

static void
show_summary (WardEnterprisesPage   *self,
              WardEnterpriseSummary *summary)
{
  show_progress (self, summary);
  show_years (self, summary);
  show_types (self, summary);
  show_sections (self, summary);
}

/* ---- Records -------------------------------------------------------------- */

/* Ctrl+Z: the deleted record stored again, as it was (same uuid). */
static gboolean
restore_enterprise (WardStore *store,
                    gpointer   record,
                    GError   **error)
{
  return ward_enterprise_save (store, record, NULL, error);
}

static gboolean
delete_enterprise_again (WardStore *store,
                         gpointer  *record,
                         GError   **error)
{
  WardEnterprise *deleted = ward_enterprise_delete (store, ((WardEnterprise *) *record)->id, error);

  if (deleted == NULL)
    return FALSE;
  ward_enterprise_free (*record);
  *record = deleted;
  return TRUE;
}

static void
show_enterprise (GtkWidget *owner,
                 gpointer   record)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (owner);
  gint64 id = ((WardEnterprise *) record)->id;

  select_later (self, id);
}

static const WardUndoKind enterprise_deleted = {
  restore_enterprise, delete_enterprise_again, (GDestroyNotify) ward_enterprise_free, show_enterprise,
};

static void
delete_with_undo (WardEnterprisesPage *self,
                  gint64               id)
{
  g_autoptr (WardEnterprise) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  record = ward_enterprise_delete (ward_page_get_store (WARD_PAGE (self)), id, &error);
  if (record == NULL)
    {
      ward_page_show_error (WARD_PAGE (self), _("The enterprise could not be deleted"), error);
      return;
    }
  label = g_strdup_printf (_("“%s” deleted"), record->name);
  ward_page_push_undo (WARD_PAGE (self), label, &enterprise_deleted, g_steal_pointer (&record));
}

static gboolean
save_enterprise_copy (WardStore *store,
                      gpointer   record,
                      GError   **error)
{
  g_autoptr (WardEnterprise) copy = ward_enterprise_copy (record);

  return ward_enterprise_save (store, copy, NULL, error);
}

static const WardUndoEditOps enterprise_edited = {
  save_enterprise_copy, (GDestroyNotify) ward_enterprise_free, show_enterprise,
};

/* Ctrl+Z puts the record back as the form opened it; the toast says so. */
static void
push_edit_undo (WardEnterprisesPage  *self,
                WardEnterpriseDialog *dialog,
                gint64                id)
{
  WardEnterprise *after = ward_enterprise_load (ward_page_get_store (WARD_PAGE (self)), id, NULL);

  ward_page_push_edit (WARD_PAGE (self), after != NULL ? after->name : NULL, &enterprise_edited,
                       ward_enterprise_copy (ward_enterprise_dialog_get_record (dialog)), after);
}

static void
on_saved_cb (WardEnterpriseDialog *dialog,
             gint64                id,
             gboolean              is_new,
             const char           *warning,
             WardEnterprisesPage  *self)
{
  const char *done = is_new ? _("Enterprise registered") : _("Changes saved");
  GtkWidget *message;

  /* The record is where the clerk sees it, selected. */
  select_later (self, id);
  if (!is_new)
    push_edit_undo (self, dialog, id);

  if (warning == NULL)
    {
      if (is_new)
        ward_page_toast (WARD_PAGE (self), done);
      return;
    }
  message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    done, warning);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_delete_requested_cb (WardEnterpriseDialog *dialog,
                        gint64                id,
                        WardEnterprisesPage  *self)
{
  delete_with_undo (self, id);
}

static void
open_dialog (WardEnterprisesPage *self,
             gint64               id)
{
  g_autoptr (GError) error = NULL;
  WardEnterpriseDialog *dialog;

  dialog = ward_enterprise_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       ward_page_get_store (WARD_PAGE (self)), id, &error);
  if (dialog == NULL)
    {
      ward_page_show_error (WARD_PAGE (self), _("The enterprise could not be opened"), error);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, 0);
  g_signal_connect_object (dialog, "delete-requested", G_CALLBACK (on_delete_requested_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
selected_id (WardEnterprisesPage *self)
{
  const WardEnterpriseRow *row = ward_list_chain_get_selected (&self->chain);

  return row != NULL ? row->id : 0;
}

static void
on_row_activated_cb (WardEnterprisesPage *self,
                     guint                position)
{
  const WardEnterpriseRow *row = ward_list_chain_get_row (&self->chain, position);

  if (row != NULL)
    open_dialog (self, row->id);
}

/* ---- Actions -------------------------------------------------------------- */

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (WARD_ENTERPRISES_PAGE (widget), 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (widget);
  gint64 id = selected_id (self);

  if (id != 0)
    delete_with_undo (self, id);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_import_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_enterprises_import_kind, NULL);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ward_export_dialog_present (widget, ward_page_get_store (WARD_PAGE (widget)),
                              &ward_enterprises_import_kind, _("enterprises.csv"), NULL);
}

/* ---- Class ---------------------------------------------------------------- */

/* What the page reads on a worker thread (ward_page_read_in_thread()): the
 * 5,000 enterprises of a large ward and their summary took the window's
 * first frame a quarter of a second when read before it (issue 25). */
typedef struct
{
  WardRows              *rows;
  WardEnterpriseSummary *summary;
  char                  *summary_error;
  gint64                 started;
} EnterprisesRead;

static void
enterprises_read_free (EnterprisesRead *data)
{
  g_clear_pointer (&data->rows, ward_rows_unref);
  g_clear_pointer (&data->summary, ward_enterprise_summary_free);
  g_free (data->summary_error);
  g_free (data);
}

static gboolean
read_enterprises (WardStore  *reader,
                  gpointer    user_data,
                  GError    **error)
{
  EnterprisesRead *data = user_data;
  g_autoptr (GError) summary_error = NULL;

  data->rows = ward_enterprise_rows_load (reader, error);
  if (data->rows == NULL)
    return FALSE;
  data->summary = ward_enterprises_summarize (reader, NULL, &summary_error);
  if (data->summary == NULL)
    data->summary_error = g_strdup (summary_error != NULL ? summary_error->message : "");
  return TRUE;
}

static void
show_enterprises (WardPage     *page,
                  gpointer      user_data,
                  const GError *error)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (page);
  EnterprisesRead *data = user_data;

  gtk_spinner_stop (self->spinner);
  if (error != NULL)
    {
      ward_page_show_error (page, _("The enterprises could not be read"), (GError *) error);
      return;
    }
  self->loaded = TRUE;
  ward_row_model_set_rows (self->list, data->rows);
  update_year_filter (self, data->rows);
  if (data->summary != NULL)
    show_summary (self, data->summary);
  else
    g_warning ("Could not count the enterprises: %s", data->summary_error);
  update_shown (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    ward_rows_get_n (data->rows) > 0 ? "list" : "empty");
  g_debug ("Loaded %u enterprises in %.1f ms", ward_rows_get_n (data->rows),
           (g_get_monotonic_time () - data->started) / 1000.0);
}

/* Until the first read ends the page shows a spinner; a later one (after a
 * change) keeps the list on show until the new one is in, and a record
 * saved meanwhile is selected once its row arrives (select_later()). */
static void
ward_enterprises_page_reload (WardPage *page)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (page);
  EnterprisesRead *data = g_new0 (EnterprisesRead, 1);

  /* The search field and the filters stay on show: what the clerk types
   * meanwhile filters the rows as they arrive. */
  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "list");
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
    }
  data->started = g_get_monotonic_time ();
  ward_page_read_in_thread (page, read_enterprises, show_enterprises, data,
                            (GDestroyNotify) enterprises_read_free);
}

static void
build_models (WardEnterprisesPage *self)
{
  self->list = ward_row_model_new (ward_enterprise_row_equal);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  ward_list_chain_build (&self->chain, self->list, GTK_FILTER (self->filter),
                         self->column_view, WARD_LIST_CHAIN_CAN_UNSELECT);
  g_signal_connect_object (self->chain.filter_model, "items-changed",
                           G_CALLBACK (update_shown), self, G_CONNECT_SWAPPED);
}

/* The flow box wraps each card in a child of its own; name them after the
 * cards for screen readers. */
static void
name_summary_cards (WardEnterprisesPage *self)
{
  const char *names[] = {
    _("Newly Established in the Term"), _("By Type"), _("By Line of Business (VSIC)"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->summary_box, i);

      if (child != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        names[i], -1);
    }
}

static void
add_delete_shortcut (WardEnterprisesPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("page.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void
ward_enterprises_page_dispose (GObject *object)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (object);

  g_clear_handle_id (&self->select_id, g_source_remove);
  ward_list_chain_clear (&self->chain, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The bound "stack" is the bin's own child: take it out of the bin first,
   * or AdwBin would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), WARD_TYPE_ENTERPRISES_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (ward_enterprises_page_parent_class)->dispose (object);
}

static void
ward_enterprises_page_finalize (GObject *object)
{
  WardEnterprisesPage *self = WARD_ENTERPRISES_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->needle);

  G_OBJECT_CLASS (ward_enterprises_page_parent_class)->finalize (object);
}

static void
ward_enterprises_page_class_init (WardEnterprisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WardPageClass *page_class = WARD_PAGE_CLASS (klass);

  object_class->dispose = ward_enterprises_page_dispose;
  object_class->finalize = ward_enterprises_page_finalize;
  page_class->reload = ward_enterprises_page_reload;
  page_class->watched_tables = watched_tables;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/enterprises/ward-enterprises-page.ui");
  ward_print_install_actions (widget_class, "enterprises");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, WardEnterprisesPage, name)
  BIND (stack);
  BIND (spinner);
  BIND (list_stack);
  BIND (column_view);
  BIND (search_entry);
  BIND (type_filter);
  BIND (status_filter);
  BIND (year_filter);
  BIND (shown_label);
  BIND (summary_box);
  BIND (count_label);
  BIND (progress_bar);
  BIND (pace_label);
  BIND (register_label);
  BIND (year_grid);
  BIND (type_grid);
  BIND (section_grid);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "page.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "page.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, export_action_cb);
}

static void
ward_enterprises_page_init (WardEnterprisesPage *self)
{
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->needle = g_strdup ("");
  self->type_choice = -1;
  self->status_choice = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_filters (self);
  add_columns (self);
  build_models (self);
  add_delete_shortcut (self);
  name_summary_cards (self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_REGISTERED],
                                  GTK_SORT_DESCENDING);
}
