/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/ward-import.h"

G_BEGIN_DECLS

/* What spans every register. The one core folder that may know them all:
 * each register provides its import kind in its own folder, this list is
 * what `ward-tracker-cli import KIND` and the window offer. A new kind adds
 * its entry in ward-registers.c. */

/* Every kind, NULL-terminated, and one by its CLI name (NULL if none). */
const WardImportKind * const *ward_registers_import_kinds (void);
const WardImportKind         *ward_registers_import_kind  (const char *name);

G_END_DECLS
