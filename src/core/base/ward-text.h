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
 * letters (none, huyền, hỏi, ngã, sắc, nặng), case ignored; numbers by
 * their value ("Tổ dân phố 2" before "Tổ dân phố 10"). Every list and
 * report sorts names with it. */
char     *ward_text_collate_key    (const char *text);

/* Sort key for a person's name in Vietnamese order: by given name, then
 * middle name(s), then family name. The given name is the last
 * @given_words words (1 normally, 2 for a name the clerk marks, e.g.
 * "Bình Minh"). */
char     *ward_text_name_sort_key  (const char *full_name,
                                    int         given_words);

/* The longest a name (of a person, an enterprise, a donor) may be, and
 * any other text of one line, and a note. */
#define WARD_TEXT_NAME_MAX  200
#define WARD_TEXT_LINE_MAX  500
#define WARD_TEXT_NOTE_MAX  4000

/* Whether @text may be stored in the field called @label: at most
 * @max_chars characters, no control character (a tab or a line break only
 * when @multiline) and no bidirectional control (U+200E, U+200F, U+061C,
 * U+202A–U+202E, U+2066–U+2069), which would make a name read differently
 * from what it is. FALSE with a WARD_ERROR_INVALID error naming the field
 * and what is wrong. NULL is allowed. */
gboolean  ward_text_check_field     (const char  *text,
                                     const char  *label,
                                     guint        max_chars,
                                     gboolean     multiline,
                                     GError     **error);

G_END_DECLS
