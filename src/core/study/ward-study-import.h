/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "import/ward-import.h"

G_BEGIN_DECLS

/* `ward-tracker-cli import roster`: the Party members of each chi bộ from
 * the Party member database's export or the office's own list. */
extern const WardImportKind ward_study_import_kind;

G_END_DECLS
