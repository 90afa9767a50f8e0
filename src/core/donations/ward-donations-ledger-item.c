/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include "donations/ward-donations-ledger-item.h"

struct _WardLedgerItem
{
  GObject            parent_instance;

  WardLedgerEntries *entries;
  guint              index;
};

G_DEFINE_FINAL_TYPE (WardLedgerItem, ward_ledger_item, G_TYPE_OBJECT)

static void
ward_ledger_item_finalize (GObject *object)
{
  WardLedgerItem *self = WARD_LEDGER_ITEM (object);

  g_clear_pointer (&self->entries, ward_ledger_entries_unref);

  G_OBJECT_CLASS (ward_ledger_item_parent_class)->finalize (object);
}

static void
ward_ledger_item_class_init (WardLedgerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_ledger_item_finalize;
}

static void
ward_ledger_item_init (WardLedgerItem *self)
{
}

WardLedgerItem *
ward_ledger_item_new (WardLedgerEntries *entries,
                      guint              index)
{
  WardLedgerItem *self;

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (index < ward_ledger_entries_get_n (entries), NULL);

  self = g_object_new (WARD_TYPE_LEDGER_ITEM, NULL);
  self->entries = ward_ledger_entries_ref (entries);
  self->index = index;
  return self;
}

WardLedgerEntries *
ward_ledger_item_get_entries (WardLedgerItem *self)
{
  g_return_val_if_fail (WARD_IS_LEDGER_ITEM (self), NULL);

  return self->entries;
}

guint
ward_ledger_item_get_index (WardLedgerItem *self)
{
  g_return_val_if_fail (WARD_IS_LEDGER_ITEM (self), 0);

  return self->index;
}

const WardLedgerEntry *
ward_ledger_item_get_entry (WardLedgerItem *self)
{
  g_return_val_if_fail (WARD_IS_LEDGER_ITEM (self), NULL);

  return ward_ledger_entries_get (self->entries, self->index);
}
