/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-ledger-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-format.h"
#include "base/ward-text.h"
#include "common/ward-cell-factory.h"
#include "common/ward-columns.h"
#include "common/ward-list-chain.h"
#include "common/ward-name-choice.h"
#include "donations/ward-ledger-list.h"
#include "store/ward-store-row-model.h"

typedef enum
{
  COLUMN_DATE,
  COLUMN_NUMBER,
  COLUMN_DONOR,
  COLUMN_GROUP,
  COLUMN_AMOUNT,
  COLUMN_METHOD,
  COLUMN_ENTRY,
  N_LIST_COLUMNS
} ListColumn;

struct _WardLedgerList
{
  AdwBin               parent_instance;

  WardRowModel        *model;
  WardListChain        chain;
  GtkCustomFilter     *filter;
  GtkStringList       *groups;
  char                *needle;   /* folded search text */
  char                *group;    /* folded group shown alone, or NULL */
  int                  method;   /* a WardPaymentMethod shown alone, or -1 */
  gboolean             missing;  /* only transfers missing their reference */

  GtkSearchEntry      *search_entry;
  GtkDropDown         *group_dropdown;
  GtkDropDown         *method_dropdown;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (WardLedgerList, ward_ledger_list, ADW_TYPE_BIN)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Cells -------------------------------------------------------------- */

static const char *
number_of (const WardLedgerEntry *entry)
{
  return *entry->receipt_number ? entry->receipt_number : entry->voucher;
}

static const char *
name_of (const WardLedgerEntry *entry)
{
  return entry->kind == WARD_LEDGER_TRANSFER ? entry->receiver : entry->donor;
}

static char *
describe_entry (WardLedgerEntries     *entries,
                const WardLedgerEntry *entry)
{
  switch (entry->kind)
    {
    case WARD_LEDGER_RECEIPT:
      /* The mark a clerk looks for when the bank statement arrives. */
      if (ward_ledger_entry_lacks_reference (entry))
        return g_strdup_printf ("%s · %s", C_("ledger", "Receipt"),
                                ward_ledger_missing_reference_label ());
      return g_strdup (entry->reversed_by ? _("Receipt · reversed") : C_("ledger", "Receipt"));
    case WARD_LEDGER_TRANSFER:
      return g_strdup (entry->reversed_by ? _("Transfer upward · reversed") : _("Transfer upward"));
    case WARD_LEDGER_REVERSAL:
    default:
      return g_strdup_printf (_("Correction: %s"), entry->reason);
    }
}

static char *
cell_text (WardRowItem *item,
           ListColumn   column)
{
  const WardLedgerEntry *entry = ward_row_item_get_row (item);
  WardLedgerEntries *entries = ward_row_item_get_rows (item);
  gint64 effect;

  switch (column)
    {
    case COLUMN_DATE:
      return ward_format_date (entry->date);
    case COLUMN_NUMBER:
      return g_strdup (number_of (entry));
    case COLUMN_DONOR:
      return g_strdup (name_of (entry));
    case COLUMN_GROUP:
      return g_strdup (ward_ledger_entries_get_group_name (entries, ward_row_item_get_index (item)));
    case COLUMN_AMOUNT:
      effect = ward_ledger_entries_get_effect (entries, entry);
      if (effect < 0)
        {
          g_autofree char *money = ward_format_money (-effect);
          return g_strconcat ("−", money, NULL);
        }
      if (entry->kind == WARD_LEDGER_REVERSAL)
        {
          g_autofree char *money = ward_format_money (effect);
          return g_strconcat ("+", money, NULL);
        }
      return ward_format_money (effect);
    case COLUMN_METHOD:
      return g_strdup (entry->has_method ? ward_payment_method_to_string (entry->method) : "");
    case COLUMN_ENTRY:
    default:
      return describe_entry (entries, entry);
    }
}

/* The whole text of a cell cut short, asked for when the pointer rests on
 * it: setting a tooltip at each bind asks the X server where the pointer
 * is, a round trip for every row a keystroke brings in (issue 25). */
static gboolean
on_query_tooltip_cb (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  ListColumn column = GPOINTER_TO_INT (user_data);
  /* Every column has its width (add_column()). */
  GtkWidget *label = ward_cell_text_new (0, 0, column == COLUMN_AMOUNT ? 1.0 : 0.0);

  if (column == COLUMN_ENTRY)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
    }
  if (column == COLUMN_AMOUNT || column == COLUMN_DATE || column == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  ListColumn column = GPOINTER_TO_INT (user_data);
  WardRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const WardLedgerEntry *entry = ward_row_item_get_row (item);
  g_autofree char *text = cell_text (item, column);
  PangoAttrList *attributes = NULL;

  ward_cell_text_set (label, text);
  /* A reversed entry stays in the ledger, struck through, with words
   * saying so in the last column. */
  if (entry->reversed_by != 0 && column != COLUMN_ENTRY)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
    }
  gtk_inscription_set_attributes (GTK_INSCRIPTION (label), attributes);
  g_clear_pointer (&attributes, pango_attr_list_unref);
  if (entry->reversed_by != 0 || entry->kind == WARD_LEDGER_REVERSAL)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

/* ---- Sorting ------------------------------------------------------------ */

static int
method_rank (const WardLedgerEntry *entry)
{
  return entry->has_method ? (int) entry->method : 2;
}

static int
compare_column (WardRowItem *a,
                WardRowItem *b,
                ListColumn   column)
{
  const WardLedgerEntry *ea = ward_row_item_get_row (a);
  const WardLedgerEntry *eb = ward_row_item_get_row (b);
  WardLedgerEntries *entries = ward_row_item_get_rows (a);
  gint64 va, vb;

  switch (column)
    {
    case COLUMN_DATE:
      return strcmp (ea->date, eb->date);
    case COLUMN_NUMBER:
      return ward_ledger_compare_receipt_numbers (number_of (ea), number_of (eb));
    case COLUMN_DONOR:
      return strcmp (ward_ledger_entries_get_donor_key (entries, ward_row_item_get_index (a)),
                     ward_ledger_entries_get_donor_key (entries, ward_row_item_get_index (b)));
    case COLUMN_GROUP:
      return strcmp (ward_ledger_entries_get_group_key (entries, ward_row_item_get_index (a)),
                     ward_ledger_entries_get_group_key (entries, ward_row_item_get_index (b)));
    case COLUMN_AMOUNT:
      va = ward_ledger_entries_get_effect (entries, ea);
      vb = ward_ledger_entries_get_effect (entries, eb);
      return (va > vb) - (va < vb);
    case COLUMN_METHOD:
      return method_rank (ea) - method_rank (eb);
    case COLUMN_ENTRY:
    default:
      return (int) ea->kind - (int) eb->kind;
    }
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  WardRowItem *ia = WARD_ROW_ITEM ((gpointer) a);
  WardRowItem *ib = WARD_ROW_ITEM ((gpointer) b);
  int order = compare_column (ia, ib, GPOINTER_TO_INT (user_data));
  gint64 ida, idb;

  if (order == 0)
    {
      /* Ties in the order the entries were written. */
      ida = ((const WardLedgerEntry *) ward_row_item_get_row (ia))->id;
      idb = ((const WardLedgerEntry *) ward_row_item_get_row (ib))->id;
      order = (ida > idb) - (ida < idb);
    }
  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_column (WardLedgerList *self,
            ListColumn      column,
            const char     *title,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = ward_cell_factory_new (G_CALLBACK (on_cell_setup_cb),
                                                       G_CALLBACK (on_cell_bind_cb),
                                                       GINT_TO_POINTER (column));
  g_autoptr (GtkColumnViewColumn) view_column = NULL;
  g_autoptr (GtkCustomSorter) sorter = NULL;

  view_column = gtk_column_view_column_new (title, factory);
  sorter = gtk_custom_sorter_new (compare_items_cb, GINT_TO_POINTER (column), NULL);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;   /* the view holds it */
}

/* ---- Filtering ---------------------------------------------------------- */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  WardLedgerList *self = user_data;
  WardRowItem *ledger_item = item;
  const WardLedgerEntry *entry = ward_row_item_get_row (ledger_item);

  if (self->method >= 0 && (!entry->has_method || (int) entry->method != self->method))
    return FALSE;
  if (self->missing && !ward_ledger_entry_lacks_reference (entry))
    return FALSE;
  if (self->group != NULL &&
      strcmp (ward_ledger_entries_get_group_folded (ward_row_item_get_rows (ledger_item),
                                                    ward_row_item_get_index (ledger_item)),
              self->group) != 0)
    return FALSE;
  return ward_text_folded_contains (entry->search_key, self->needle);
}

static void
update_count (WardLedgerList *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->chain.filter_model));
  g_autofree char *shown_text = ward_format_number (shown);
  g_autofree char *total_text = ward_format_number (total);
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry", "%s entries", total), total_text);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s entry", "%s of %s entries", total),
                            shown_text, total_text);
  gtk_label_set_text (self->count_label, text);

  gtk_spinner_stop (self->spinner);
  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
on_search_changed_cb (WardLedgerList *self)
{
  g_autofree char *needle = ward_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (needle == NULL)
    needle = g_strdup ("");
  change = ward_search_change (self->needle, needle);
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_filter_changed_cb (WardLedgerList *self)
{
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint method = gtk_drop_down_get_selected (self->method_dropdown);

  /* The template sets the drop-downs up before the models exist. */
  if (self->filter == NULL)
    return;
  g_clear_pointer (&self->group, g_free);
  if (group != GTK_INVALID_LIST_POSITION && group > 0)
    self->group = ward_text_fold (gtk_string_list_get_string (self->groups, group));
  /* The drop-down's items: any, cash, transfer, transfer missing its reference. */
  self->method = method == 1 ? WARD_PAYMENT_CASH : method == 2 ? WARD_PAYMENT_BANK : -1;
  self->missing = method == 3;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_groups (WardLedgerList    *self,
             WardLedgerEntries *entries)
{
  g_autoptr (GPtrArray) groups = entries ? ward_ledger_entries_dup_groups (entries) : g_ptr_array_new ();
  g_autofree char *shown = NULL;
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    shown = g_strdup (gtk_string_list_get_string (self->groups, selected));
  g_ptr_array_add (groups, NULL);
  gtk_string_list_splice (self->groups, 1, g_list_model_get_n_items (G_LIST_MODEL (self->groups)) - 1,
                          (const char * const *) groups->pdata);
  for (guint i = 0; shown != NULL && groups->pdata[i] != NULL; i++)
    if (g_str_equal (groups->pdata[i], shown))
      keep = i + 1;
  gtk_drop_down_set_selected (self->group_dropdown, keep);
}

static void
on_items_changed_cb (WardLedgerList *self)
{
  update_count (self);
}

static void
on_selection_changed_cb (WardLedgerList *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* ---- The widget ------------------------------------------------------- */

static void
ward_ledger_list_dispose (GObject *object)
{
  WardLedgerList *self = WARD_LEDGER_LIST (object);

  ward_list_chain_clear (&self->chain, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARD_TYPE_LEDGER_LIST);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (ward_ledger_list_parent_class)->dispose (object);
}

static void
ward_ledger_list_finalize (GObject *object)
{
  WardLedgerList *self = WARD_LEDGER_LIST (object);

  g_free (self->needle);
  g_free (self->group);

  G_OBJECT_CLASS (ward_ledger_list_parent_class)->finalize (object);
}

static void
ward_ledger_list_class_init (WardLedgerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_ledger_list_dispose;
  object_class->finalize = ward_ledger_list_finalize;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/wardtracker/WardTracker/donations/ward-ledger-list.ui");
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, count_label);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, stack);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, spinner);
  gtk_widget_class_bind_template_child (widget_class, WardLedgerList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
}

static void
build_models (WardLedgerList *self)
{
  self->model = ward_row_model_new (NULL);
  /* Sorted first, then filtered (ward_list_chain_build()). Sorting
   * 100,000 entries takes a fifth of a second in one go; done
   * incrementally, each step would send the filter over the whole list
   * again. The filter runs over the whole list at once (a few
   * milliseconds for 100,000 folded keys; ward-filter-model.h). */
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  ward_list_chain_build (&self->chain, self->model, GTK_FILTER (self->filter),
                         self->column_view, WARD_LIST_CHAIN_CAN_UNSELECT);

  g_signal_connect_object (self->chain.filter_model, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chain.selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
ward_ledger_list_init (WardLedgerList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ward_name_choice_install (GTK_WIDGET (self->group_dropdown));

  self->needle = g_strdup ("");
  self->method = -1;
  self->groups = gtk_string_list_new ((const char * const []) { _("All groups"), NULL });
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->groups));

  /* Widths that fit a window of 1,100 pixels beside the sidebar; the
   * names and the entry take what a wider window adds. */
  add_column (self, COLUMN_DATE, C_("ledger", "Date"), 90, FALSE);
  add_column (self, COLUMN_NUMBER, C_("ledger", "No."), 60, FALSE);
  add_column (self, COLUMN_DONOR, _("Donor or receiver"), 175, TRUE);
  add_column (self, COLUMN_GROUP, C_("ledger", "Group"), 140, TRUE);
  add_column (self, COLUMN_AMOUNT, C_("ledger", "Amount"), 115, FALSE);
  /* On a 1024 px screen the method gives way to the donor (the filter
   * beside the search still picks it); the default 1100 px shows it. */
  ward_columns_give_way (self->column_view,
                         add_column (self, COLUMN_METHOD, C_("ledger", "Method"), 110, FALSE), 800);
  add_column (self, COLUMN_ENTRY, C_("ledger", "Entry"), 150, TRUE);
  build_models (self);
  update_count (self);
}

void
ward_ledger_list_set_entries (WardLedgerList    *self,
                              WardLedgerEntries *entries)
{
  g_return_if_fail (WARD_IS_LEDGER_LIST (self));

  fill_groups (self, entries);
  ward_row_model_set_rows (self->model, entries);
  update_count (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
ward_ledger_list_set_loading (WardLedgerList *self)
{
  g_return_if_fail (WARD_IS_LEDGER_LIST (self));

  ward_row_model_set_rows (self->model, NULL);
  gtk_label_set_text (self->count_label, "");
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

WardRowItem *
ward_ledger_list_get_selected (WardLedgerList *self)
{
  g_return_val_if_fail (WARD_IS_LEDGER_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->chain.selection);
}

void
ward_ledger_list_focus_search (WardLedgerList *self)
{
  g_return_if_fail (WARD_IS_LEDGER_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
