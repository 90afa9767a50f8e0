/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "names/ward-names.h"

G_BEGIN_DECLS

/* Names completed as they are typed (GnuCash's QuickFill): "to dan pho 1"
 * brings "Tổ dân phố 1", the part after what was typed selected, so that
 * typing on replaces it and Enter takes it. */

/* TRUE when @row's text is what was typed before with more typed after
 * it (not a completion written, nor a deletion); @typed becomes the text. */
gboolean ward_name_entry_typed_on         (AdwEntryRow  *row,
                                           char        **typed);
/* Writes @name in @row, the part after @typed selected. */
void     ward_name_entry_write_completion (AdwEntryRow  *row,
                                           const char   *typed,
                                           const char   *name);

/* Completes @row from the list of known names of @kind as the clerk types
 * in it: for a form whose name field has no other completion (a
 * candidate's or an enterprise's tổ dân phố). */
void     ward_name_entry_install          (AdwEntryRow  *row,
                                           WardStore    *store,
                                           WardNameKind  kind);

G_END_DECLS
