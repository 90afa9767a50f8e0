/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme-row"

#include "config.h"

#include "base/ward-text.h"
#include "programme/ward-programme-row.h"

struct _WardProgrammeRow
{
  GObject            parent_instance;

  WardProgrammeItem *item;
  WardDueState       due_state;
  char              *title_key;
  char              *unit_key;
};

G_DEFINE_FINAL_TYPE (WardProgrammeRow, ward_programme_row, G_TYPE_OBJECT)

static void
ward_programme_row_finalize (GObject *object)
{
  WardProgrammeRow *self = WARD_PROGRAMME_ROW (object);

  g_clear_pointer (&self->item, ward_programme_item_free);
  g_free (self->title_key);
  g_free (self->unit_key);

  G_OBJECT_CLASS (ward_programme_row_parent_class)->finalize (object);
}

static void
ward_programme_row_class_init (WardProgrammeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ward_programme_row_finalize;
}

static void
ward_programme_row_init (WardProgrammeRow *self)
{
}

WardProgrammeRow *
ward_programme_row_new (WardProgrammeItem *item,
                        const char        *today_iso)
{
  WardProgrammeRow *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (WARD_TYPE_PROGRAMME_ROW, NULL);
  self->item = item;
  self->due_state = ward_programme_due_state (item->deadline, item->status, today_iso);
  self->title_key = ward_text_collate_key (item->title ? item->title : "");
  /* Items without a lead unit sort last. */
  self->unit_key = item->lead_unit != NULL ? ward_text_collate_key (item->lead_unit) : g_strdup ("\xff");
  return self;
}

const WardProgrammeItem *
ward_programme_row_get_item (WardProgrammeRow *self)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), NULL);
  return self->item;
}

gint64
ward_programme_row_get_id (WardProgrammeRow *self)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), 0);
  return self->item->id;
}

WardDueState
ward_programme_row_get_due_state (WardProgrammeRow *self)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), WARD_DUE_NONE);
  return self->due_state;
}

const char *
ward_programme_row_get_title_key (WardProgrammeRow *self)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), "");
  return self->title_key;
}

const char *
ward_programme_row_get_unit_key (WardProgrammeRow *self)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), "");
  return self->unit_key;
}

gboolean
ward_programme_row_has_unit (WardProgrammeRow *self,
                             gint64            unit_id)
{
  g_return_val_if_fail (WARD_IS_PROGRAMME_ROW (self), FALSE);

  if (self->item->lead_unit_id == unit_id)
    return TRUE;
  for (guint i = 0; i < self->item->unit_ids->len; i++)
    if (g_array_index (self->item->unit_ids, gint64, i) == unit_id)
      return TRUE;
  return FALSE;
}
