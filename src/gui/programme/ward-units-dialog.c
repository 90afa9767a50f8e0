/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-units-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "programme/ward-programme-units.h"
#include "programme/ward-units-dialog.h"

static void
read_unit (gconstpointer      item,
           WardNameListEntry *entry)
{
  const WardUnit *unit = item;

  entry->id = unit->id;
  entry->name = unit->name;
  entry->n_uses = unit->n_uses;
}

static char *
describe_uses (int n_uses)
{
  if (n_uses == 0)
    return g_strdup (_("Not used"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used by %d record", "Used by %d records",
                                       n_uses), n_uses);
}

static const WardNameListPlain unit_functions = {
  ward_units_load, ward_units_add, ward_units_rename, ward_units_remove,
};

static const char * const unit_tables[] = {
  "units", "programme_items", "programme_item_units", "readings", NULL
};

static const WardNameListKind units_kind = {
  .title = N_("Units"),
  .add_title = N_("Add a Unit"),
  .new_name_title = N_("Name of the new unit"),
  .list_title = N_("Units the Office Keeps"),
  .list_description = N_("Edit a name and press Enter to rename the unit everywhere. "
                         "A unit that no item or reading uses can be removed."),
  .tables = unit_tables,
  .data = &unit_functions,
  .load = ward_name_list_plain_load,
  .read_entry = read_unit,
  .describe_uses = describe_uses,
  .add = ward_name_list_plain_add,
  .rename = ward_name_list_plain_rename,
  .remove = ward_name_list_plain_remove,
};

WardUnitsDialog *
ward_units_dialog_new (GtkWindow *parent,
                       WardStore *store)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return ward_name_list_dialog_new (parent, store, &units_kind);
}
