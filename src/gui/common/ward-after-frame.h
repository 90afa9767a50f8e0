/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Work that waits until the next frame of a widget is drawn: a tick
 * callback, then an idle of low priority, which runs after the frame's
 * layout and paint. On two cores, work started in the same turn of the
 * main loop as a frame shares the second core with the X server drawing
 * it, and the frame waits (issue 25). Kept inside the owner's instance;
 * the owner cancels it in its dispose. */
typedef struct
{
  GtkWidget *widget;
  guint      tick;
  guint      idle;
  void     (*run) (gpointer data);
  gpointer   data;
} WardAfterFrame;

/* Runs @run (@data) once after the next frame of @widget; nothing more if
 * it is already waiting. */
void      ward_after_frame_schedule   (WardAfterFrame *self,
                                       GtkWidget      *widget,
                                       void          (*run) (gpointer data),
                                       gpointer        data);
void      ward_after_frame_cancel     (WardAfterFrame *self);

G_END_DECLS
