/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-page-slot"

#include "config.h"

#include "shell/ward-page-slot.h"

struct _WardPageSlot
{
  GtkWidget  parent_instance;

  GType      page_type;
  WardPage  *page;
};

G_DEFINE_FINAL_TYPE (WardPageSlot, ward_page_slot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

WardPage *
ward_page_slot_get_page (WardPageSlot *self)
{
  g_return_val_if_fail (WARD_IS_PAGE_SLOT (self), NULL);

  return self->page;
}

WardPage *
ward_page_slot_ensure_page (WardPageSlot *self,
                            WardStore    *store)
{
  g_return_val_if_fail (WARD_IS_PAGE_SLOT (self), NULL);
  g_return_val_if_fail (g_type_is_a (self->page_type, WARD_TYPE_PAGE), NULL);

  if (self->page == NULL)
    {
      self->page = g_object_new (self->page_type, NULL);
      gtk_widget_set_parent (GTK_WIDGET (self->page), GTK_WIDGET (self));
      if (store != NULL)
        ward_page_set_store (self->page, store);
    }
  return self->page;
}

static void
ward_page_slot_dispose (GObject *object)
{
  WardPageSlot *self = WARD_PAGE_SLOT (object);

  if (self->page != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->page));
  self->page = NULL;

  G_OBJECT_CLASS (ward_page_slot_parent_class)->dispose (object);
}

static void
ward_page_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WardPageSlot *self = WARD_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_page_slot_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WardPageSlot *self = WARD_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ward_page_slot_class_init (WardPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ward_page_slot_dispose;
  object_class->get_property = ward_page_slot_get_property;
  object_class->set_property = ward_page_slot_set_property;

  properties[PROP_PAGE_TYPE] =
    g_param_spec_gtype ("page-type", NULL, NULL,
                        WARD_TYPE_PAGE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ward_page_slot_init (WardPageSlot *self)
{
}
