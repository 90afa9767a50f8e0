/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include "donations/ward-donations-ledger-model.h"

struct _WardLedgerModel
{
  GObject            parent_instance;

  WardLedgerEntries *entries;
  WardLedgerItem   **items;     /* one slot per entry, filled on demand */
  guint              n_items;
};

static void ward_ledger_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardLedgerModel, ward_ledger_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_ledger_model_list_model_init))

static void
clear_items (WardLedgerModel *self)
{
  for (guint i = 0; i < self->n_items; i++)
    g_clear_object (&self->items[i]);
  g_clear_pointer (&self->items, g_free);
  self->n_items = 0;
}

static GType
ward_ledger_model_get_item_type (GListModel *model)
{
  return WARD_TYPE_LEDGER_ITEM;
}

static guint
ward_ledger_model_get_n_items (GListModel *model)
{
  return WARD_LEDGER_MODEL (model)->n_items;
}

static gpointer
ward_ledger_model_get_item (GListModel *model,
                            guint       position)
{
  WardLedgerModel *self = WARD_LEDGER_MODEL (model);

  if (position >= self->n_items)
    return NULL;
  if (self->items[position] == NULL)
    self->items[position] = ward_ledger_item_new (self->entries, position);
  return g_object_ref (self->items[position]);
}

static void
ward_ledger_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_ledger_model_get_item_type;
  iface->get_n_items = ward_ledger_model_get_n_items;
  iface->get_item = ward_ledger_model_get_item;
}

static void
ward_ledger_model_finalize (GObject *object)
{
  WardLedgerModel *self = WARD_LEDGER_MODEL (object);

  clear_items (self);
  g_clear_pointer (&self->entries, ward_ledger_entries_unref);

  G_OBJECT_CLASS (ward_ledger_model_parent_class)->finalize (object);
}

static void
ward_ledger_model_class_init (WardLedgerModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_ledger_model_finalize;
}

static void
ward_ledger_model_init (WardLedgerModel *self)
{
}

WardLedgerModel *
ward_ledger_model_new (void)
{
  return g_object_new (WARD_TYPE_LEDGER_MODEL, NULL);
}

void
ward_ledger_model_set_entries (WardLedgerModel   *self,
                               WardLedgerEntries *entries)
{
  guint removed;

  g_return_if_fail (WARD_IS_LEDGER_MODEL (self));

  removed = self->n_items;
  clear_items (self);
  g_clear_pointer (&self->entries, ward_ledger_entries_unref);
  if (entries != NULL)
    {
      self->entries = ward_ledger_entries_ref (entries);
      self->n_items = ward_ledger_entries_get_n (entries);
      self->items = g_new0 (WardLedgerItem *, self->n_items);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

WardLedgerEntries *
ward_ledger_model_get_entries (WardLedgerModel *self)
{
  g_return_val_if_fail (WARD_IS_LEDGER_MODEL (self), NULL);

  return self->entries;
}
