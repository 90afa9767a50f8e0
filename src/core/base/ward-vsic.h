/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Vietnamese standard industrial classification (Hệ thống ngành kinh
 * tế Việt Nam, VSIC). An enterprise's main line of business is written as
 * a level-4 code: four digits whose first two are the division.
 *
 * Two versions are in the registers: VSIC 2018 (Quyết định 27/2018/QĐ-TTg,
 * 21 sections A–U) and VSIC 2025 (Quyết định 36/2025/QĐ-TTg, 22 sections
 * A–V, in force from 15/11/2025). From J on the letters mean other things,
 * and some codes kept their digits but not their meaning, so a code is
 * only read together with its version. The lists of codes are data files
 * (data/vsic/, in the program's resources). */

typedef enum
{
  WARD_VSIC_ANY  = 0,     /* not stated: the code decides, else the registration date */
  WARD_VSIC_2018 = 2018,
  WARD_VSIC_2025 = 2025,
} WardVsicVersion;

/* The sections breakdowns count in: VSIC 2025's A–V, the version in force. */
#define WARD_VSIC_N_SECTIONS 22

typedef struct
{
  char        letter;       /* 'A' … */
  int         first;        /* first division, 1 … 99 */
  int         last;         /* last division */
  const char *title;        /* the official title, Vietnamese */
  const char *short_title;  /* a few words for summaries, Vietnamese */
} WardVsicSection;

/* The sections of the breakdowns (VSIC 2025) in order; @index 0 …
 * WARD_VSIC_N_SECTIONS - 1. */
const WardVsicSection *ward_vsic_section_nth        (guint            index);
/* The position of a section of the breakdowns, for arrays of counts. */
guint                  ward_vsic_section_index      (const WardVsicSection *section);
/* The section of @code in @version's own table (a 2018 code gets 2018's
 * letter), or NULL if that version has no such division. */
const WardVsicSection *ward_vsic_section_in         (const char      *code,
                                                     WardVsicVersion  version);
/* The section of the breakdowns a code of @division in @version counts
 * in: VSIC 2025's own, or for a 2018 code the 2025 section of the same
 * title. NULL if @version has no such division. */
const WardVsicSection *ward_vsic_display_section    (int              division,
                                                     WardVsicVersion  version);

/* TRUE when @code (four digits) is in @version: a class of VSIC 2025's
 * Phụ lục I; for VSIC 2018, whose classes we could not check, a code in
 * one of its 242 groups. WARD_VSIC_ANY: in either. */
gboolean               ward_vsic_code_exists        (const char      *code,
                                                     WardVsicVersion  version);

/* Reads a level-4 code as clerks write it: "4620", "4620 - Bán buôn …",
 * "G 4620", "G4620". Writes the four digits into @code_out. Refuses, with
 * a WARD_ERROR_INVALID error that says why, anything else: a code of
 * another length, one that @version has not (WARD_VSIC_ANY: neither
 * version has), a section letter that is not the code's. */
gboolean               ward_vsic_parse              (const char      *text,
                                                     WardVsicVersion  version,
                                                     char           **code_out,
                                                     GError         **error);

/* Which version @code is from: the one stated; else the only version that
 * has it; else, both having it, the version in force on the first
 * registration date (@registered_on_iso; NULL: today's, VSIC 2025).
 * Refuses a code the stated version, or both, have not. */
gboolean               ward_vsic_resolve            (const char      *code,
                                                     WardVsicVersion  stated,
                                                     const char      *registered_on_iso,
                                                     WardVsicVersion *version_out,
                                                     GError         **error);

/* Reads a version as written in a spreadsheet or said by a clerk: "2018",
 * "VSIC 2025", "36/2025/QĐ-TTg"; "" gives WARD_VSIC_ANY. */
gboolean               ward_vsic_version_parse      (const char      *text,
                                                     WardVsicVersion *version_out,
                                                     GError         **error);
/* "VSIC 2018", "VSIC 2025"; "" for WARD_VSIC_ANY. */
const char            *ward_vsic_version_label      (WardVsicVersion  version);

/* "G – Bán buôn và bán lẻ; …" for @code in @version, or NULL if @code has
 * no section there. */
char                  *ward_vsic_describe           (const char      *code,
                                                     WardVsicVersion  version);

G_END_DECLS
