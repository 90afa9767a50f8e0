/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The first start: no data file at the path the application was given.
 * Offers Đông Sơn's resolution (the built-in seed), another ward's seed
 * file, an existing data file or a backup to restore, and emits
 * "opened" with the store once one of them worked (set-up TRUE when the
 * file is new, so that the ward's offices and signers are asked for). */

#define WARD_TYPE_WELCOME_WINDOW (ward_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (WardWelcomeWindow, ward_welcome_window, WARD, WELCOME_WINDOW,
                      AdwApplicationWindow)

WardWelcomeWindow *ward_welcome_window_new (GtkApplication *application,
                                            const char     *path);

G_END_DECLS
