/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/ward-application.h"

G_BEGIN_DECLS

/* app.bundle-export and app.bundle-import (Export / Import Data Bundle… in
 * the main menu). Called once, from startup. */
void ward_application_add_bundle_actions (WardApplication *self);

G_END_DECLS
