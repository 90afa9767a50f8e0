/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shell/ward-application.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_WINDOW (ward_window_get_type ())
G_DECLARE_FINAL_TYPE (WardWindow, ward_window, WARD, WINDOW, AdwApplicationWindow)

WardWindow *ward_window_new        (WardApplication *application,
                                    WardStore       *store);
/* Hands every page another store (after a restore), or NULL. */
void        ward_window_set_store  (WardWindow      *self,
                                    WardStore       *store);
/* Shows the page named overview, targets, programme, admissions, enterprises
 * or donations. */
void        ward_window_show_page  (WardWindow      *self,
                                    const char      *name);

G_END_DECLS
