/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprise-list"

#include "config.h"

#include "enterprises/ward-enterprise-list.h"

struct _WardEnterpriseItem
{
  GObject             parent_instance;

  WardEnterpriseRows *rows;
  guint               index;
};

G_DEFINE_FINAL_TYPE (WardEnterpriseItem, ward_enterprise_item, G_TYPE_OBJECT)

struct _WardEnterpriseList
{
  GObject             parent_instance;

  WardEnterpriseRows *rows;
  GPtrArray          *items;  /* WardEnterpriseItem or NULL until asked for */
};

static void ward_enterprise_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardEnterpriseList, ward_enterprise_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_enterprise_list_model_init))

static void
ward_enterprise_item_finalize (GObject *object)
{
  WardEnterpriseItem *self = (WardEnterpriseItem *) object;

  g_clear_pointer (&self->rows, ward_enterprise_rows_unref);

  G_OBJECT_CLASS (ward_enterprise_item_parent_class)->finalize (object);
}

static void
ward_enterprise_item_class_init (WardEnterpriseItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_enterprise_item_finalize;
}

static void
ward_enterprise_item_init (WardEnterpriseItem *self)
{
}

const WardEnterpriseRow *
ward_enterprise_item_get_row (WardEnterpriseItem *self)
{
  g_return_val_if_fail (WARD_IS_ENTERPRISE_ITEM (self), NULL);

  return ward_enterprise_rows_nth (self->rows, self->index);
}

/* Items are made on first use: most slots stay NULL. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GType
ward_enterprise_list_get_item_type (GListModel *model)
{
  return WARD_TYPE_ENTERPRISE_ITEM;
}

static guint
ward_enterprise_list_get_n_items (GListModel *model)
{
  WardEnterpriseList *self = WARD_ENTERPRISE_LIST (model);

  return self->items->len;
}

static gpointer
ward_enterprise_list_get_item (GListModel *model,
                               guint       position)
{
  WardEnterpriseList *self = WARD_ENTERPRISE_LIST (model);
  WardEnterpriseItem *item;

  if (position >= self->items->len)
    return NULL;
  item = self->items->pdata[position];
  if (item == NULL)
    {
      item = g_object_new (WARD_TYPE_ENTERPRISE_ITEM, NULL);
      item->rows = ward_enterprise_rows_ref (self->rows);
      item->index = position;
      self->items->pdata[position] = item;
    }
  return g_object_ref (item);
}

static void
ward_enterprise_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_enterprise_list_get_item_type;
  iface->get_n_items = ward_enterprise_list_get_n_items;
  iface->get_item = ward_enterprise_list_get_item;
}

static void
ward_enterprise_list_finalize (GObject *object)
{
  WardEnterpriseList *self = (WardEnterpriseList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->rows, ward_enterprise_rows_unref);

  G_OBJECT_CLASS (ward_enterprise_list_parent_class)->finalize (object);
}

static void
ward_enterprise_list_class_init (WardEnterpriseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_enterprise_list_finalize;
}

static void
ward_enterprise_list_init (WardEnterpriseList *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

WardEnterpriseList *
ward_enterprise_list_new (void)
{
  return g_object_new (WARD_TYPE_ENTERPRISE_LIST, NULL);
}

static gboolean
rows_equal (const WardEnterpriseRow *a,
            const WardEnterpriseRow *b)
{
  return a->id == b->id && a->capital == b->capital && a->type == b->type
         && a->status == b->status && a->section == b->section && a->is_branch == b->is_branch
         && a->in_ward == b->in_ward && a->counted == b->counted
         && g_str_equal (a->tax_code, b->tax_code) && g_str_equal (a->name, b->name)
         && g_str_equal (a->search_key, b->search_key)
         && g_str_equal (a->registered_on, b->registered_on) && g_str_equal (a->vsic, b->vsic)
         && g_str_equal (a->residential_group, b->residential_group);
}

/* Points a kept item at the same row in the new rows. */
static void
retarget (WardEnterpriseItem *item,
          WardEnterpriseRows *rows,
          guint               index)
{
  if (item == NULL)
    return;
  ward_enterprise_rows_unref (item->rows);
  item->rows = ward_enterprise_rows_ref (rows);
  item->index = index;
}

void
ward_enterprise_list_set_rows (WardEnterpriseList *self,
                               WardEnterpriseRows *rows)
{
  guint old_n;
  guint new_n;
  guint prefix = 0;
  guint suffix = 0;
  GPtrArray *items;

  g_return_if_fail (WARD_IS_ENTERPRISE_LIST (self));
  g_return_if_fail (rows != NULL);

  /* A reload after one record was added, changed or removed announces only
   * that record, so that the view keeps its place and selection. */
  old_n = self->items->len;
  new_n = ward_enterprise_rows_get_n (rows);
  if (self->rows != NULL)
    {
      while (prefix < MIN (old_n, new_n)
             && rows_equal (ward_enterprise_rows_nth (self->rows, prefix),
                            ward_enterprise_rows_nth (rows, prefix)))
        prefix++;
      while (suffix < MIN (old_n, new_n) - prefix
             && rows_equal (ward_enterprise_rows_nth (self->rows, old_n - 1 - suffix),
                            ward_enterprise_rows_nth (rows, new_n - 1 - suffix)))
        suffix++;
    }

  items = g_ptr_array_new_full (new_n, unref_item);
  for (guint i = 0; i < new_n; i++)
    {
      WardEnterpriseItem *item = NULL;

      if (i < prefix)
        item = g_steal_pointer (&self->items->pdata[i]);
      else if (i >= new_n - suffix)
        item = g_steal_pointer (&self->items->pdata[old_n - (new_n - i)]);
      retarget (item, rows, i);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_unref (self->items);
  self->items = items;

  g_clear_pointer (&self->rows, ward_enterprise_rows_unref);
  self->rows = ward_enterprise_rows_ref (rows);
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
}

WardEnterpriseRows *
ward_enterprise_list_get_rows (WardEnterpriseList *self)
{
  g_return_val_if_fail (WARD_IS_ENTERPRISE_LIST (self), NULL);

  return self->rows;
}
