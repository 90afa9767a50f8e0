/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-text"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "base/ward-error.h"
#include "base/ward-text.h"

/* Collation keys are printable ASCII, so they can sit in a TEXT column and be
 * read in a debugger. Every byte that separates parts is lower than every byte
 * that encodes a character, so a shorter string sorts before a longer one that
 * starts with it ("An" before "Anh"). */
#define KEY_PART_SEPARATOR  ' '   /* between given, middle and family name */
#define KEY_LEVEL_SEPARATOR '!'   /* between the letters and the tones */
#define KEY_SPACE           '#'   /* a gap between words */
#define KEY_PUNCTUATION     '$'   /* followed by the ASCII character itself */
#define KEY_DIGIT           '%'   /* followed by a number's length, then its digits */
#define KEY_LETTER          '&'   /* followed by the letter's rank */
#define KEY_OTHER           '\''  /* followed by the code point in four bytes */
#define KEY_TONE_BASE       '0'   /* one byte per word: '0' + tone */

enum
{
  MOD_BREVE      = 1 << 0,  /* ă */
  MOD_CIRCUMFLEX = 1 << 1,  /* â ê ô */
  MOD_HORN       = 1 << 2,  /* ơ ư */
};

/* Tones in Vietnamese dictionary order. */
enum
{
  TONE_NONE,
  TONE_HUYEN,  /* grave */
  TONE_HOI,    /* hook above */
  TONE_NGA,    /* tilde */
  TONE_SAC,    /* acute */
  TONE_NANG,   /* dot below */
};

/* Ranks in the Vietnamese alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q
 * r s t u ư v x y, with f, j, w and z put where the Latin alphabet has them so
 * that foreign names still sort sensibly. Indexed by 'a'..'z'; the letters
 * with a modifier take the ranks left free after their base letter. */
static const guint8 base_rank[26] = {
  0, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, 15, 16,       /* a b c d e f g h i j k l m */
  17, 18, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 32, /* n o p q r s t u v w x y z */
};
#define RANK_D_WITH_STROKE 6

typedef struct
{
  GString  *primary;
  GString  *secondary;
  gunichar  base;          /* the character waiting for its marks, or 0 */
  guint     modifiers;
  int       tone;
  gboolean  in_word;
  int       word_tone;
  gboolean  pending_space;
  GString  *digits;        /* a number waiting for its end, without leading zeros */
  guint     n_digits;      /* how many digits it had, zeros included */
} CollateState;

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Đ has no decomposition, so it is folded by hand. Ð/ð (eth) look the same
 * and come out of old TCVN3/VNI conversions in place of Đ/đ. */
static inline gboolean
is_d_with_stroke (gunichar c)
{
  return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0;
}

static inline gboolean
is_white_space (gunichar c)
{
  return c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c);
}

/* Runs on every name of an import: ASCII without a Unicode lookup. */
static char *
collapse_white_space (const char *text)
{
  gsize length = strlen (text);
  char *out = g_malloc (length + 1);
  gsize n = 0;
  gboolean pending_space = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *next;
      gboolean space;

      if ((guchar) *p < 0x80)
        {
          next = p + 1;
          space = g_ascii_isspace (*p);
        }
      else
        {
          next = g_utf8_next_char (p);
          space = g_unichar_isspace (g_utf8_get_char (p));
        }
      if (space)
        pending_space = n > 0;
      else
        {
          if (pending_space)
            out[n++] = ' ';
          pending_space = FALSE;
          while (p < next)
            out[n++] = *p++;
        }
      p = next;
    }
  out[n] = '\0';
  return out;
}

/* Whether @text (valid UTF-8) is in NFC already, by a test that is sure
 * for the letters Vietnamese is written in: every character below U+0300
 * (Latin-1, Latin Extended-A and -B: đ, ơ, ư) or in Latin Extended
 * Additional (U+1E00 to U+1EFF: ấ, ệ, ự…) is its own NFC, combines with
 * nothing before it and has combining class 0 (checked against Unicode
 * 14's data for every character and every pair of them). A combining mark
 * (U+0300 on), as text typed on some systems carries, or any other
 * character sends the text to g_utf8_normalize(), which an import used to
 * run on every name: an eighth of its instructions. */
static gboolean
is_vietnamese_nfc (const char *text)
{
  for (const char *p = text; *p != '\0';)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

char *
ward_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* Most names need no work but their spaces. */
  if (is_vietnamese_nfc (text))
    return collapse_white_space (text);

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  return collapse_white_space (nfc);
}

static void
fold_non_ascii (GString  *out,
                gunichar  c,
                gboolean *pending_space)
{
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (g_unichar_isspace (c))
    {
      *pending_space = out->len > 0;
      return;
    }
  if (is_mark (c))
    return;

  if (*pending_space)
    g_string_append_c (out, ' ');
  *pending_space = FALSE;

  if (is_d_with_stroke (c))
    {
      g_string_append_c (out, 'd');
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposition, G_N_ELEMENTS (decomposition));
  for (gsize i = 0; i < n; i++)
    {
      if (!is_mark (decomposition[i]))
        g_string_append_unichar (out, g_unichar_tolower (decomposition[i]));
    }
}

/* The Latin letters with marks (U+00C0 to U+024F, U+1E00 to U+1EFF: all of
 * Vietnamese's) folded to one ASCII letter, or 0 for those that fold to
 * something else: made once from fold_non_ascii() itself, so that the
 * table and the long way cannot differ. */
#define FOLD_LATIN_END 0x250
#define FOLD_EXTENDED_START 0x1e00
#define FOLD_EXTENDED_END 0x1f00

static const char *
fold_table (void)
{
  static char table[FOLD_LATIN_END - 0xc0 + FOLD_EXTENDED_END - FOLD_EXTENDED_START];
  static gsize made;

  if (g_once_init_enter (&made))
    {
      GString *one = g_string_new (NULL);

      for (gsize i = 0; i < sizeof table; i++)
        {
          gunichar c = i < FOLD_LATIN_END - 0xc0 ? 0xc0 + i
                                                 : FOLD_EXTENDED_START + i - (FOLD_LATIN_END - 0xc0);
          gboolean pending_space = FALSE;

          g_string_truncate (one, 0);
          fold_non_ascii (one, c, &pending_space);
          table[i] = one->len == 1 && g_ascii_isalpha (one->str[0]) ? one->str[0] : 0;
        }
      g_string_free (one, TRUE);
      g_once_init_leave (&made, 1);
    }
  return table;
}

static inline char
fold_latin (const char *table,
            gunichar    c)
{
  if (c >= 0xc0 && c < FOLD_LATIN_END)
    return table[c - 0xc0];
  if (c >= FOLD_EXTENDED_START && c < FOLD_EXTENDED_END)
    return table[FOLD_LATIN_END - 0xc0 + c - FOLD_EXTENDED_START];
  return 0;
}

/* Runs over every row of an import, so ASCII and the Vietnamese letters
 * take a path without any Unicode lookup and nothing is allocated per
 * character. Returns NULL for NULL or invalid UTF-8, as
 * ward_text_normalize() does. */
char *
ward_text_fold (const char *text)
{
  const char *table = fold_table ();
  GString *out;
  gboolean pending_space = FALSE;
  const char *p = text;
  gunichar c;
  char folded;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (strlen (text) + 1);

  while (*p != '\0')
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          p++;
          if (g_ascii_isspace (b))
            {
              pending_space = out->len > 0;
              continue;
            }
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, g_ascii_tolower (b));
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if ((folded = fold_latin (table, c)) != 0)
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, folded);
          continue;
        }
      fold_non_ascii (out, c, &pending_space);
    }

  return g_string_free (out, FALSE);
}

gboolean
ward_text_folded_contains (const char *folded_haystack,
                           const char *folded_needle)
{
  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;
  if (folded_haystack == NULL)
    return FALSE;

  return strstr (folded_haystack, folded_needle) != NULL;
}

/* The rank of a Latin letter with its Vietnamese modifiers, or -1 when
 * @base is not a Latin letter. */
static int
letter_rank (gunichar base,
             guint    modifiers)
{
  int rank;

  if (base == 0x0111)
    return RANK_D_WITH_STROKE;
  if (base < 'a' || base > 'z')
    return -1;

  rank = base_rank[base - 'a'];
  switch (base)
    {
    case 'a':
      if (modifiers & MOD_BREVE)
        return rank + 1;
      if (modifiers & MOD_CIRCUMFLEX)
        return rank + 2;
      return rank;
    case 'e':
      return (modifiers & MOD_CIRCUMFLEX) ? rank + 1 : rank;
    case 'o':
      if (modifiers & MOD_CIRCUMFLEX)
        return rank + 1;
      if (modifiers & MOD_HORN)
        return rank + 2;
      return rank;
    case 'u':
      return (modifiers & MOD_HORN) ? rank + 1 : rank;
    default:
      return rank;
    }
}

static void
collate_end_word (CollateState *state)
{
  if (!state->in_word)
    return;

  g_string_append_c (state->secondary, KEY_TONE_BASE + state->word_tone);
  state->in_word = FALSE;
}

static void
collate_append_other (CollateState *state,
                      gunichar      c)
{
  GString *primary = state->primary;

  if (c > 0x20 && c < 0x7F)
    {
      g_string_append_c (primary, KEY_PUNCTUATION);
      g_string_append_c (primary, (char) c);
    }
  else
    {
      g_string_append_c (primary, KEY_OTHER);
      for (int shift = 18; shift >= 0; shift -= 6)
        g_string_append_c (primary, (char) ('0' + ((c >> shift) & 0x3F)));
    }
}

/* Numbers in their natural order ("Tổ dân phố 2" before "Tổ dân phố 10"):
 * a number is keyed by its length, then its digits, leading zeros left out
 * ("07" and "7" are one number). A length byte runs from '1' up, printable
 * up to the 78 digits that no name holds. */
static void
collate_flush_number (CollateState *state)
{
  GString *digits = state->digits;

  if (state->n_digits == 0)
    return;
  if (digits->len == 0)
    g_string_append_c (digits, '0');
  if (state->pending_space && state->primary->len > 0)
    g_string_append_c (state->primary, KEY_SPACE);
  state->pending_space = FALSE;
  collate_end_word (state);
  g_string_append_c (state->primary, KEY_DIGIT);
  g_string_append_c (state->primary, (char) ('0' + MIN (digits->len, 78)));
  g_string_append_len (state->primary, digits->str, digits->len);
  g_string_truncate (digits, 0);
  state->n_digits = 0;
}

static void
collate_add_digit (CollateState *state,
                   char          digit)
{
  if (digit != '0' || state->digits->len > 0)
    g_string_append_c (state->digits, digit);
  state->n_digits++;
}

static void
collate_flush (CollateState *state)
{
  int rank;

  collate_flush_number (state);
  if (state->base == 0)
    return;

  if (state->pending_space && state->primary->len > 0)
    g_string_append_c (state->primary, KEY_SPACE);
  state->pending_space = FALSE;

  rank = letter_rank (state->base, state->modifiers);
  if (rank >= 0)
    {
      g_string_append_c (state->primary, KEY_LETTER);
      g_string_append_c (state->primary, (char) ('A' + rank));
      if (!state->in_word)
        {
          state->in_word = TRUE;
          state->word_tone = TONE_NONE;
        }
      /* A syllable carries one tone; old and new spellings put it on
       * different vowels ("hoà", "hòa"), so it belongs to the word. */
      if (state->word_tone == TONE_NONE)
        state->word_tone = state->tone;
    }
  else
    {
      collate_end_word (state);
      collate_append_other (state, state->base);
    }

  state->base = 0;
  state->modifiers = 0;
  state->tone = TONE_NONE;
}

static void
collate_add_mark (CollateState *state,
                  gunichar      mark)
{
  if (state->base == 0)
    return;

  switch (mark)
    {
    case 0x0306: state->modifiers |= MOD_BREVE; break;
    case 0x0302: state->modifiers |= MOD_CIRCUMFLEX; break;
    case 0x031B: state->modifiers |= MOD_HORN; break;
    case 0x0300: state->tone = TONE_HUYEN; break;
    case 0x0309: state->tone = TONE_HOI; break;
    case 0x0303: state->tone = TONE_NGA; break;
    case 0x0301: state->tone = TONE_SAC; break;
    case 0x0323: state->tone = TONE_NANG; break;
    default: break;
    }
}

static void
collate_add_char (CollateState *state,
                  gunichar      c)
{
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c >= '0' && c <= '9')
    {
      if (state->base != 0)
        collate_flush (state);
      collate_add_digit (state, (char) c);
      return;
    }
  if (c < 0x80)
    {
      collate_flush (state);
      if (g_ascii_isspace (c))
        {
          collate_end_word (state);
          state->pending_space = TRUE;
        }
      else
        state->base = g_ascii_tolower (c);
      return;
    }

  if (is_white_space (c))
    {
      collate_flush (state);
      collate_end_word (state);
      state->pending_space = TRUE;
      return;
    }
  if (is_mark (c))
    {
      collate_add_mark (state, c);
      return;
    }

  collate_flush (state);
  if (is_d_with_stroke (c))
    {
      state->base = 0x0111;
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposition, G_N_ELEMENTS (decomposition));
  for (gsize i = 0; i < n; i++)
    {
      if (is_mark (decomposition[i]))
        {
          collate_add_mark (state, decomposition[i]);
        }
      else
        {
          collate_flush (state);
          state->base = g_unichar_tolower (decomposition[i]);
        }
    }
}

static void
append_collate_key (GString    *out,
                    const char *text)
{
  CollateState state = { 0 };

  state.primary = out;
  state.secondary = g_string_new (NULL);
  state.digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    collate_add_char (&state, g_utf8_get_char (p));
  collate_flush (&state);
  collate_end_word (&state);

  g_string_append_c (out, KEY_LEVEL_SEPARATOR);
  g_string_append_len (out, state.secondary->str, state.secondary->len);
  g_string_free (state.secondary, TRUE);
  g_string_free (state.digits, TRUE);
}

/* Letters first (ă, â, đ, ê, ô, ơ, ư are letters of their own), then the tone
 * of each word, as Vietnamese dictionaries order words. Returns NULL for NULL
 * or invalid UTF-8. */
char *
ward_text_collate_key (const char *text)
{
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  out = g_string_sized_new (2 * strlen (text) + 8);
  append_collate_key (out, text);
  return g_string_free (out, FALSE);
}

static char *
join_words (char **words,
            int    first,
            int    last)
{
  GString *out = g_string_new (NULL);

  for (int i = first; i < last; i++)
    {
      if (i > first)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* Returns NULL for NULL or invalid UTF-8. A @given_words below 1 counts as
 * 1; a name with no more words than that is all given name. */
char *
ward_text_name_sort_key (const char *full_name,
                         int         given_words)
{
  g_autofree char *normalized = ward_text_normalize (full_name);
  g_auto(GStrv) words = NULL;
  g_autofree char *given = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *family = NULL;
  GString *out;
  int n_words;
  int first_given;

  if (normalized == NULL)
    return NULL;

  words = normalized[0] == '\0' ? g_new0 (char *, 1) : g_strsplit (normalized, " ", -1);
  n_words = (int) g_strv_length (words);
  first_given = MAX (0, n_words - MAX (1, given_words));

  given = join_words (words, first_given, n_words);
  middle = join_words (words, 1, first_given);
  family = join_words (words, 0, MIN (1, first_given));

  out = g_string_sized_new (2 * strlen (normalized) + 16);
  append_collate_key (out, given);
  g_string_append_c (out, KEY_PART_SEPARATOR);
  append_collate_key (out, middle);
  g_string_append_c (out, KEY_PART_SEPARATOR);
  append_collate_key (out, family);
  return g_string_free (out, FALSE);
}

static gboolean
is_forbidden (gunichar c,
              gboolean multiline)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return !multiline;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F)
         || c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
ward_text_check_field (const char  *text,
                       const char  *label,
                       guint        max_chars,
                       gboolean     multiline,
                       GError     **error)
{
  guint n = 0;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not valid text."), label);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden (c, multiline))
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” holds an invisible control character (U+%04X) at character %u: "
                         "retype the text without it."), label, c, n + 1);
          return FALSE;
        }
      if (n >= max_chars)
        {
          g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                       _("“%s” is longer than %u characters."), label, max_chars);
          return FALSE;
        }
    }
  return TRUE;
}
