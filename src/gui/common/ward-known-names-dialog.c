/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-known-names-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "common/ward-known-names-dialog.h"

static void
read_known (gconstpointer      item,
            WardNameListEntry *entry)
{
  const WardKnownName *known = item;

  entry->id = known->id;
  entry->name = known->name;
  entry->n_uses = known->n_uses;
}

static char *
describe_uses (int n_uses)
{
  if (n_uses == 0)
    return g_strdup (_("Not written on any record"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Written on %d record", "Written on %d records",
                                       n_uses), n_uses);
}

/* Groups and collectors share these, with the name kind as the list's data. */
static WardNameKind
name_kind (gconstpointer data)
{
  return *(const WardNameKind *) data;
}

static GPtrArray *
load_known (WardStore     *store,
            gconstpointer  data,
            GError       **error)
{
  return ward_known_names_load (store, name_kind (data), error);
}

static gint64
add_known (WardStore     *store,
           gconstpointer  data,
           const char    *name,
           GError       **error)
{
  return ward_known_name_add (store, name_kind (data), name, error);
}

static gboolean
rename_known (WardStore     *store,
              gconstpointer  data,
              gint64         id,
              const char    *name,
              GError       **error)
{
  return ward_known_name_rename (store, name_kind (data), id, name, error);
}

static gboolean
remove_known (WardStore     *store,
              gconstpointer  data,
              gint64         id,
              GError       **error)
{
  return ward_known_name_remove (store, name_kind (data), id, error);
}

static const WardNameKind group_kind = WARD_NAME_GROUP;
static const WardNameKind collector_kind = WARD_NAME_COLLECTOR;
static const char * const group_tables[] = { "known_names", "ledger_entries", "candidates", "enterprises", NULL };
static const char * const collector_tables[] = { "known_names", "ledger_entries", NULL };

static const WardNameListKind groups_kind = {
  .title = N_("Groups"),
  .add_title = N_("Add a Group"),
  .new_name_title = N_("Name of the new group (tổ dân phố, unit)"),
  .list_title = N_("Groups of the Ward"),
  .list_description = N_("The groups the receipt form, the registers and the imports choose from. "
                         "Receipts keep the name they were written with: a name here can be spelled "
                         "better (tone marks, capitals), and one no record uses can be removed."),
  .tables = group_tables,
  .data = &group_kind,
  .load = load_known,
  .read_entry = read_known,
  .describe_uses = describe_uses,
  .add = add_known,
  .rename = rename_known,
  .remove = remove_known,
};

static const WardNameListKind collectors_kind = {
  .title = N_("Collectors"),
  .add_title = N_("Add a Collector"),
  .new_name_title = N_("Full name of the new collector"),
  .list_title = N_("Who Collects Donations"),
  .list_description = N_("The collectors the receipt form chooses from. Receipts keep the name they "
                         "were written with: a name here can be spelled better, and one no receipt "
                         "uses can be removed."),
  .tables = collector_tables,
  .data = &collector_kind,
  .load = load_known,
  .read_entry = read_known,
  .describe_uses = describe_uses,
  .add = add_known,
  .rename = rename_known,
  .remove = remove_known,
};

WardNameListDialog *
ward_known_names_dialog_new (GtkWindow    *parent,
                             WardStore    *store,
                             WardNameKind  kind)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == WARD_NAME_GROUP || kind == WARD_NAME_COLLECTOR, NULL);

  return ward_name_list_dialog_new (parent, store, kind == WARD_NAME_GROUP ? &groups_kind
                                                                           : &collectors_kind);
}
