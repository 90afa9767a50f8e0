/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The ward's preferences: the bodies named in report headings, the
 * signatories, the recipients of reports (all kept in GSettings, per user)
 * and the default donation campaign of the open data file (kept in the
 * file, whose campaigns it names, and mirrored in GSettings). */

#define WARD_TYPE_PREFERENCES_WINDOW (ward_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WardPreferencesWindow, ward_preferences_window, WARD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

WardPreferencesWindow *ward_preferences_window_new (GtkWindow *parent,
                                                    WardStore *store);

G_END_DECLS
