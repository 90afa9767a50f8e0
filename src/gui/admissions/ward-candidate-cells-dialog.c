/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-cells-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "admissions/ward-admissions.h"
#include "admissions/ward-candidate-cells-dialog.h"

static void
read_cell (gconstpointer      item,
           WardNameListEntry *entry)
{
  const WardPartyCell *cell = item;

  entry->id = cell->id;
  entry->name = cell->name;
  entry->n_uses = cell->n_candidates;
}

static char *
describe_candidates (int n_candidates)
{
  if (n_candidates == 0)
    return g_strdup (_("No candidates"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d candidate", "%d candidates",
                                       n_candidates), n_candidates);
}

static const WardNameListPlain cell_functions = {
  ward_party_cells_load, ward_party_cell_add, ward_party_cell_rename, ward_party_cell_remove,
};

static const char * const cell_tables[] = { "party_cells", "candidates", NULL };

static const WardNameListKind cells_kind = {
  .title = N_("Chi Bộ List"),
  .add_title = N_("Add a Chi Bộ"),
  .new_name_title = N_("Name of the new chi bộ"),
  .list_title = N_("Chi Bộ of the Ward"),
  .list_description = N_("Edit a name and press Enter to rename the chi bộ everywhere. "
                         "A chi bộ without candidates can be removed."),
  .tables = cell_tables,
  .data = &cell_functions,
  .load = ward_name_list_plain_load,
  .read_entry = read_cell,
  .describe_uses = describe_candidates,
  .add = ward_name_list_plain_add,
  .rename = ward_name_list_plain_rename,
  .remove = ward_name_list_plain_remove,
};

WardCandidateCellsDialog *
ward_candidate_cells_dialog_new (GtkWindow *parent,
                                 WardStore *store)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return ward_name_list_dialog_new (parent, store, &cells_kind);
}
