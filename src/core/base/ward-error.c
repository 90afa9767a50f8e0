/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-error"

#include "config.h"

#include "base/ward-error.h"

G_DEFINE_QUARK (ward-error-quark, ward_error)
