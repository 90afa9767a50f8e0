/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-registers"

#include "config.h"

#include "import/ward-import.h"

/* Each register provides its kind in its own core file; this list is what
 * `ward-tracker-cli import KIND` and the window's import dialog offer. A new
 * kind adds its extern declaration here and its entry in the list. */

extern const WardImportKind ward_programme_import_kind;  /* export only */
extern const WardImportKind ward_enterprises_import_kind;
extern const WardImportKind ward_admissions_import_kind;
extern const WardImportKind ward_donations_import_kind;
extern const WardImportKind ward_readings_import_kind;

const WardImportKind * const *
ward_import_kinds (void)
{
  static const WardImportKind * const kinds[] = {
    &ward_programme_import_kind,
    &ward_enterprises_import_kind,
    &ward_admissions_import_kind,
    &ward_donations_import_kind,
    &ward_readings_import_kind,
    NULL
  };

  return kinds;
}
