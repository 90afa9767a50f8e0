/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_APPLICATION (ward_application_get_type ())
G_DECLARE_FINAL_TYPE (WardApplication, ward_application, WARD, APPLICATION, AdwApplication)

WardApplication *ward_application_new        (void);
WardStore       *ward_application_get_store  (WardApplication *self);

G_END_DECLS
