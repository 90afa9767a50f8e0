/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Vietnamese standard industrial classification, VSIC 2018 (Hệ thống
 * ngành kinh tế Việt Nam, Quyết định 27/2018/QĐ-TTg): 21 sections A–U
 * (ngành cấp 1) over 88 two-digit divisions (ngành cấp 2). An enterprise's
 * main line of business is written as a level-4 code, four digits whose
 * first two are the division. */

#define WARD_VSIC_N_SECTIONS 21

typedef struct
{
  char        letter;       /* 'A' … 'U' */
  int         first;        /* first division, 1 … 99 */
  int         last;         /* last division */
  const char *title;        /* the official title, Vietnamese */
  const char *short_title;  /* a few words for summaries, Vietnamese */
} WardVsicSection;

/* The sections in order; @index 0 … WARD_VSIC_N_SECTIONS - 1. */
const WardVsicSection *ward_vsic_section_nth        (guint        index);
/* The section of a two-digit division, or NULL if VSIC has no such division. */
const WardVsicSection *ward_vsic_section_for_division (int        division);
/* The section of a four-digit code ("4620" → G), or NULL. */
const WardVsicSection *ward_vsic_section_for_code   (const char  *code);
/* The position of @section in the table, for arrays of counts. */
guint                  ward_vsic_section_index      (const WardVsicSection *section);

/* Reads a level-4 code as clerks write it: "4620", "4620 - Bán buôn …",
 * "G 4620", "G4620". Writes the four digits into @code_out. Refuses, with
 * a WARD_ERROR_INVALID error that says why, anything else: a code of
 * another length, or one whose division no VSIC section holds. */
gboolean               ward_vsic_parse              (const char  *text,
                                                     char       **code_out,
                                                     GError     **error);

/* "G – Bán buôn và bán lẻ; …" for @code, or NULL if @code has no section. */
char                  *ward_vsic_describe           (const char  *code);

G_END_DECLS
