/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <pango/pangofc-fontmap.h>

#include "base/ward-error.h"
#include "report/ward-report-private.h"

/* An official document must come out the same wherever it is printed, so
 * every report is set in fonts the project names and installs itself
 * (scripts/deps.sh, the Flatpak manifest's fonts module, README "Fonts"),
 * never in what the machine answers for "serif" or "monospace". One family
 * serves every text, the ledger's check hash included.
 *
 * Reports are laid out with a font map of their own whose fontconfig
 * configuration holds those font files and nothing else: a letter they lack
 * cannot silently come from a fallback font. Before anything is written or
 * printed, ward_report_check_fonts() refuses a report when a font is not
 * installed (naming the font and its package) or when a text holds a
 * character the fonts lack (naming it and where it is). */

typedef struct
{
  const char *family;
  const char *style;   /* for the messages */
  int         weight;  /* FC_WEIGHT_* */
  int         slant;   /* FC_SLANT_* */
} Face;

static const Face faces[] = {
  { WARD_REPORT_SERIF_FAMILY, "Regular", FC_WEIGHT_REGULAR, FC_SLANT_ROMAN },
  { WARD_REPORT_SERIF_FAMILY, "Bold", FC_WEIGHT_BOLD, FC_SLANT_ROMAN },
  { WARD_REPORT_SERIF_FAMILY, "Italic", FC_WEIGHT_REGULAR, FC_SLANT_ITALIC },
  { WARD_REPORT_SERIF_FAMILY, "Bold Italic", FC_WEIGHT_BOLD, FC_SLANT_ITALIC },
};

/* Liberation 1.x (Debian's fonts-liberation) has other metrics and lacks
 * letters that 2.x has: a report set in it would differ from the same
 * report printed elsewhere. FC_FONTVERSION is 16.16 fixed point. */
#define MIN_FONT_VERSION (2 << 16)

typedef struct
{
  char   *files[G_N_ELEMENTS (faces)];
  GError *error;  /* the first face missing, or NULL */
} FontFiles;

static GPrivate thread_font_map = G_PRIVATE_INIT (g_object_unref);

/* The file of @face with the highest version in the machine's own
 * configuration, or NULL. */
static char *
find_face_file (const Face *face,
                int        *version_out)
{
  FcPattern *pattern = FcPatternBuild (NULL,
                                       FC_FAMILY, FcTypeString, face->family,
                                       FC_WEIGHT, FcTypeInteger, face->weight,
                                       FC_SLANT, FcTypeInteger, face->slant,
                                       FC_OUTLINE, FcTypeBool, FcTrue,
                                       NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_FONTVERSION, FC_INDEX, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);
  char *best = NULL;
  int best_version = -1;

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file = NULL;
      int version = 0, index = 0;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_FONTVERSION, 0, &version);
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &index);
      /* Ties go to the smaller path, so that two copies of one version
       * give the same answer whatever order fontconfig lists them in. */
      if (index == 0 && (version > best_version
                         || (version == best_version && g_strcmp0 ((char *) file, best) < 0)))
        {
          g_free (best);
          best = g_strdup ((const char *) file);
          best_version = version;
        }
    }

  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  *version_out = best_version;

  return best;
}

static gpointer
find_font_files (gpointer data)
{
  FontFiles *found = g_new0 (FontFiles, 1);

  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    {
      int version = 0;

      found->files[i] = find_face_file (&faces[i], &version);
      if (found->error != NULL)
        continue;
      if (found->files[i] == NULL)
        g_set_error (&found->error, WARD_ERROR, WARD_ERROR_FONT_MISSING,
                     _("The font “%s %s” that reports are printed in is not installed. "
                       "Install the package %s and try again; nothing was written."),
                     faces[i].family, faces[i].style, WARD_REPORT_FONT_PACKAGE);
      else if (version < MIN_FONT_VERSION)
        g_set_error (&found->error, WARD_ERROR, WARD_ERROR_FONT_MISSING,
                     _("The font “%s %s” installed here is an old version (%d.%02d), which "
                       "would print the report differently. Install the package %s and try "
                       "again; nothing was written."),
                     faces[i].family, faces[i].style, version >> 16,
                     ((version & 0xffff) * 100) >> 16, WARD_REPORT_FONT_PACKAGE);
    }

  return found;
}

static const FontFiles *
font_files (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, find_font_files, NULL);
}

static PangoFontMap *
font_map_new (void)
{
  const FontFiles *found = font_files ();
  PangoFontMap *map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  FcConfig *config = FcConfigCreate ();

  for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
    if (found->files[i] != NULL)
      FcConfigAppFontAddFile (config, (const FcChar8 *) found->files[i]);

  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);

  return map;
}

PangoFontMap *
ward_report_font_map (void)
{
  PangoFontMap *map = g_private_get (&thread_font_map);

  /* Pango's font maps are not to be shared between threads, and a report
   * may be laid out on a worker thread: one map per thread, as Pango keeps
   * its own default map. */
  if (map == NULL)
    {
      map = font_map_new ();
      g_private_set (&thread_font_map, map);
    }

  return map;
}

gboolean
ward_report_fonts_available (GError **error)
{
  const FontFiles *found = font_files ();

  if (found->error != NULL)
    {
      g_propagate_error (error, g_error_copy (found->error));
      return FALSE;
    }

  return TRUE;
}

/* Coverage */

struct _WardReportCoverage
{
  PangoFont  *font;
  GHashTable *known;  /* gunichar -> 1 covered, 2 not */
};

WardReportCoverage *
ward_report_coverage_new (void)
{
  WardReportCoverage *self = g_new0 (WardReportCoverage, 1);
  PangoContext *context = pango_font_map_create_context (ward_report_font_map ());
  PangoFontDescription *font = ward_report_font_new (12, WARD_REPORT_STYLE_NORMAL);

  self->font = pango_font_map_load_font (ward_report_font_map (), context, font);
  self->known = g_hash_table_new (NULL, NULL);
  pango_font_description_free (font);
  g_object_unref (context);

  return self;
}

void
ward_report_coverage_free (WardReportCoverage *self)
{
  g_clear_object (&self->font);
  g_hash_table_unref (self->known);
  g_free (self);
}

static gboolean
covers (WardReportCoverage *self,
        gunichar            c)
{
  gpointer known;

  /* Line breaks and tabs are layout, not letters. */
  if (c == '\n' || c == '\t' || c == '\r')
    return TRUE;

  known = g_hash_table_lookup (self->known, GUINT_TO_POINTER (c));
  if (known == NULL)
    {
      gboolean has = self->font != NULL && pango_font_has_char (self->font, c);

      known = GUINT_TO_POINTER (has ? 1 : 2);
      g_hash_table_insert (self->known, GUINT_TO_POINTER (c), known);
    }

  return GPOINTER_TO_UINT (known) == 1;
}

/* Up to 30 characters either side of @at, on one line: enough for the
 * clerk to find the text without printing a whole paragraph. */
static char *
snippet_around (const char *text,
                const char *at)
{
  glong offset = g_utf8_pointer_to_offset (text, at);
  glong length = g_utf8_strlen (text, -1);
  glong start = MAX (0, offset - 30);
  glong end = MIN (length, offset + 31);
  g_autofree char *part = g_utf8_substring (text, start, end);

  g_strdelimit (part, "\n\t\r", ' ');

  return g_strconcat (start > 0 ? "…" : "", part, end < length ? "…" : "", NULL);
}

gboolean
ward_report_coverage_check (WardReportCoverage  *self,
                            const char          *text,
                            gboolean             is_markup,
                            GError             **error)
{
  g_autofree char *plain = NULL;
  const char *p;

  if (text == NULL)
    return TRUE;

  if (is_markup && !pango_parse_markup (text, -1, 0, NULL, &plain, NULL, NULL))
    plain = g_strdup (text);

  if (plain != NULL)
    text = plain;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *snippet = NULL;
      char shown[8] = { 0 };
      gunichar c;

      /* Printable ASCII is in every font we could name; skip it quickly. */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7f)
        continue;

      c = g_utf8_get_char (p);
      if (covers (self, c))
        continue;

      g_unichar_to_utf8 (g_unichar_isgraph (c) ? c : 0xfffd, shown);
      snippet = snippet_around (text, p);
      g_set_error (error, WARD_ERROR, WARD_ERROR_FONT_MISSING,
                   _("The font “%s” that reports are printed in has no character “%s” "
                     "(U+%04X), found in “%s”. Correct that text and print again; "
                     "nothing was written."),
                   WARD_REPORT_SERIF_FAMILY, shown, c, snippet);
      return FALSE;
    }

  return TRUE;
}
