/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include "report/ward-report-private.h"

/* Measuring a long table shapes nothing for the cells that surely fit on one
 * line: the advances of single characters are measured once and summed, with
 * room for kerning. Only characters whose width does not depend on their
 * neighbours, and that sit on a line of the font's own height, count. */

struct _WardReportAdvances
{
  PangoLayout *probe;
  GHashTable  *advances;    /* gunichar -> advance in Pango units + 1, or -1 */
  int          ascii[128];  /* the same for ASCII, 0 when not yet measured */
  int          line_height;
};

WardReportAdvances *
ward_report_advances_new (PangoContext               *context,
                          const PangoFontDescription *font)
{
  WardReportAdvances *self = g_new0 (WardReportAdvances, 1);

  self->probe = pango_layout_new (context);
  pango_layout_set_font_description (self->probe, font);
  self->advances = g_hash_table_new (NULL, NULL);
  pango_layout_set_text (self->probe, "Ag", -1);
  pango_layout_get_size (self->probe, NULL, &self->line_height);

  return self;
}

void
ward_report_advances_free (WardReportAdvances *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->probe);
  g_hash_table_unref (self->advances);
  g_free (self);
}

/* Letters of the Latin, Greek and Cyrillic alphabets with Vietnamese's
 * precomposed ones, punctuation and currency signs: characters whose width
 * does not depend on their neighbours (kerning aside). */
static gboolean
is_plain_char (gunichar c)
{
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad)
    return FALSE;

  if (g_unichar_ismark (c) || g_unichar_iszerowidth (c))
    return FALSE;

  return c < 0x0590
         || (c >= 0x1e00 && c < 0x1f00)
         || (c >= 0x2010 && c < 0x2028)
         || (c >= 0x20a0 && c < 0x20c0);
}

/* The advance of @c alone, or -1 for a character that may not sit on a line
 * of the font's height or whose width depends on its neighbours. */
static int
measure_advance (WardReportAdvances *self,
                 gunichar            c)
{
  char utf8[7];
  int width, height;

  if (!is_plain_char (c))
    return -1;

  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  pango_layout_set_text (self->probe, utf8, -1);
  pango_layout_get_size (self->probe, &width, &height);

  return height == self->line_height ? width : -1;
}

static int
advance_of (WardReportAdvances *self,
            gunichar            c)
{
  int stored;

  if (c < 128)
    {
      if (self->ascii[c] == 0)
        self->ascii[c] = MAX (measure_advance (self, c) + 1, -1);
      return self->ascii[c] < 0 ? -1 : self->ascii[c] - 1;
    }

  stored = GPOINTER_TO_INT (g_hash_table_lookup (self->advances, GUINT_TO_POINTER (c)));
  if (stored == 0)
    {
      stored = MAX (measure_advance (self, c) + 1, -1);
      if (stored == 0)
        stored = -1;
      g_hash_table_insert (self->advances, GUINT_TO_POINTER (c), GINT_TO_POINTER (stored));
    }

  return stored < 0 ? -1 : stored - 1;
}

/* TRUE when @text surely fits on one line @width Pango units wide: the sum of
 * its characters' advances, with room for kerning, is narrower. */
static gboolean
fits_one_line (WardReportAdvances *self,
               const char         *text,
               int                 width)
{
  gint64 total = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int advance = advance_of (self, g_utf8_get_char (p));

      if (advance < 0)
        return FALSE;

      total += advance;
      if (total + total / 32 + PANGO_SCALE > width)
        return FALSE;
    }

  return TRUE;
}

double
ward_report_advances_one_line_height (WardReportAdvances *self,
                                      const char         *text,
                                      double              width)
{
  if (!fits_one_line (self, text, (int) (width * PANGO_SCALE)))
    return -1;

  return (double) self->line_height / PANGO_SCALE;
}
