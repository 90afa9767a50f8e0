/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-registers"

#include "config.h"

#include "admissions/ward-admissions.h"
#include "donations/ward-donations-ledger.h"
#include "enterprises/ward-enterprises.h"
#include "programme/ward-programme.h"
#include "registers/ward-registers.h"
#include "study/ward-study-import.h"
#include "targets/ward-targets-readings.h"

const WardImportKind * const *
ward_registers_import_kinds (void)
{
  static const WardImportKind * const kinds[] = {
    &ward_programme_import_kind,  /* export only */
    &ward_enterprises_import_kind,
    &ward_admissions_import_kind,
    &ward_donations_import_kind,
    &ward_readings_import_kind,
    &ward_study_import_kind,
    NULL
  };

  return kinds;
}

const WardImportKind *
ward_registers_import_kind (const char *name)
{
  const WardImportKind * const *kinds = ward_registers_import_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i]->name, name) == 0)
      return kinds[i];
  return NULL;
}
