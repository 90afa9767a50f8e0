/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-model"

#include "config.h"

#include "admissions/ward-candidate-model.h"

struct _WardCandidateItem
{
  GObject            parent_instance;

  WardCandidateList *list;
  guint              index;
};

G_DEFINE_FINAL_TYPE (WardCandidateItem, ward_candidate_item, G_TYPE_OBJECT)

struct _WardCandidateModel
{
  GObject            parent_instance;

  WardCandidateList *list;
  GPtrArray         *items;  /* WardCandidateItem, or NULL until asked for */
};

static void ward_candidate_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WardCandidateModel, ward_candidate_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ward_candidate_model_list_model_init))

static void
ward_candidate_item_finalize (GObject *object)
{
  WardCandidateItem *self = (WardCandidateItem *) object;

  g_clear_pointer (&self->list, ward_candidate_list_unref);

  G_OBJECT_CLASS (ward_candidate_item_parent_class)->finalize (object);
}

static void
ward_candidate_item_class_init (WardCandidateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_candidate_item_finalize;
}

static void
ward_candidate_item_init (WardCandidateItem *self)
{
}

const WardCandidateRow *
ward_candidate_item_get_row (WardCandidateItem *self)
{
  g_return_val_if_fail (WARD_IS_CANDIDATE_ITEM (self), NULL);

  return ward_candidate_list_get_row (self->list, self->index);
}

static GType
ward_candidate_model_get_item_type (GListModel *model)
{
  return WARD_TYPE_CANDIDATE_ITEM;
}

static guint
ward_candidate_model_get_n_items (GListModel *model)
{
  return WARD_CANDIDATE_MODEL (model)->items->len;
}

static gpointer
ward_candidate_model_get_item (GListModel *model,
                               guint       position)
{
  WardCandidateModel *self = WARD_CANDIDATE_MODEL (model);
  WardCandidateItem *item;

  if (position >= self->items->len)
    return NULL;
  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = g_object_new (WARD_TYPE_CANDIDATE_ITEM, NULL);
      item->list = ward_candidate_list_ref (self->list);
      item->index = position;
      g_ptr_array_index (self->items, position) = item;
    }
  return g_object_ref (item);
}

static void
ward_candidate_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ward_candidate_model_get_item_type;
  iface->get_n_items = ward_candidate_model_get_n_items;
  iface->get_item = ward_candidate_model_get_item;
}

static void
free_items (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (items->pdata[i] != NULL)
      g_object_unref (items->pdata[i]);
  g_ptr_array_set_size (items, 0);
}

static void
ward_candidate_model_finalize (GObject *object)
{
  WardCandidateModel *self = (WardCandidateModel *) object;

  free_items (self->items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->list, ward_candidate_list_unref);

  G_OBJECT_CLASS (ward_candidate_model_parent_class)->finalize (object);
}

static void
ward_candidate_model_class_init (WardCandidateModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_candidate_model_finalize;
}

static void
ward_candidate_model_init (WardCandidateModel *self)
{
  /* Holes stay NULL until an item is asked for; free_items() drops them. */
  self->items = g_ptr_array_new ();
}

WardCandidateModel *
ward_candidate_model_new (void)
{
  return g_object_new (WARD_TYPE_CANDIDATE_MODEL, NULL);
}

void
ward_candidate_model_set_list (WardCandidateModel *self,
                               WardCandidateList  *list)
{
  guint removed;
  guint added;

  g_return_if_fail (WARD_IS_CANDIDATE_MODEL (self));

  removed = self->items->len;
  free_items (self->items);
  g_clear_pointer (&self->list, ward_candidate_list_unref);
  if (list != NULL)
    self->list = ward_candidate_list_ref (list);
  added = list != NULL ? ward_candidate_list_get_n_rows (list) : 0;
  g_ptr_array_set_size (self->items, added);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

WardCandidateList *
ward_candidate_model_get_list (WardCandidateModel *self)
{
  g_return_val_if_fail (WARD_IS_CANDIDATE_MODEL (self), NULL);

  return self->list;
}
