/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Vietnamese text: everything stored is NFC; search and sort keys are computed
 * here, never by the machine's locale, and stored beside the text. */

/* NFC, surrounding white space removed, inner runs of white space collapsed to
 * one space. Returns NULL for NULL or invalid UTF-8. */
char     *ward_text_normalize      (const char *text);

/* Lower case, tone marks and other diacritics removed, đ/Đ folded to d,
 * white space collapsed: "Nguyễn  Văn AN" -> "nguyen van an". */
char     *ward_text_fold           (const char *text);

/* TRUE when the folded needle occurs in the folded haystack; an empty needle
 * matches everything. Both arguments must already be folded. */
gboolean  ward_text_folded_contains (const char *folded_haystack,
                                     const char *folded_needle);

/* A byte string whose strcmp() order is the Vietnamese alphabetical order:
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones after
 * letters (none, huyền, hỏi, ngã, sắc, nặng), case ignored. */
char     *ward_text_collate_key    (const char *text);

/* Sort key for a person's name in Vietnamese order: by given name, then
 * middle name(s), then family name. The given name is the last
 * @given_words words (1 normally, 2 for a name the clerk marks, e.g.
 * "Bình Minh"). */
char     *ward_text_name_sort_key  (const char *full_name,
                                    int         given_words);

G_END_DECLS
