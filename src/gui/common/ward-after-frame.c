/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-gui"

#include "config.h"

#include "common/ward-after-frame.h"

static gboolean
run_cb (gpointer user_data)
{
  WardAfterFrame *self = user_data;

  self->idle = 0;
  self->run (self->data);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  WardAfterFrame *self = user_data;

  self->tick = 0;
  self->idle = g_idle_add_full (G_PRIORITY_LOW, run_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

void
ward_after_frame_schedule (WardAfterFrame *self,
                           GtkWidget      *widget,
                           void          (*run) (gpointer data),
                           gpointer        data)
{
  g_return_if_fail (self != NULL && GTK_IS_WIDGET (widget) && run != NULL);

  self->run = run;
  self->data = data;
  if (self->tick != 0 || self->idle != 0)
    return;
  self->widget = widget;
  self->tick = gtk_widget_add_tick_callback (widget, tick_cb, self, NULL);
}

void
ward_after_frame_cancel (WardAfterFrame *self)
{
  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick);
  self->tick = 0;
  g_clear_handle_id (&self->idle, g_source_remove);
}
