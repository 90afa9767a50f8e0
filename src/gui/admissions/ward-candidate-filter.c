/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-candidate-filter"

#include "config.h"

#include <string.h>

#include "admissions/ward-admissions.h"
#include "admissions/ward-candidate-filter.h"
#include "base/ward-text.h"
#include "common/ward-list-chain.h"
#include "store/ward-store-row-model.h"

struct _WardCandidateFilter
{
  GtkFilter   parent_instance;

  char       *text;    /* folded */
  char      **words;   /* of @text */
  gint64      cell_id;
  int         stage;
  gboolean    overdue;  /* only files past a statutory deadline */
};

G_DEFINE_FINAL_TYPE (WardCandidateFilter, ward_candidate_filter, GTK_TYPE_FILTER)

static gboolean
ward_candidate_filter_match (GtkFilter *filter,
                             gpointer   item)
{
  WardCandidateFilter *self = WARD_CANDIDATE_FILTER (filter);
  const WardCandidateRow *row = ward_row_item_get_row (item);

  if (self->cell_id != WARD_CANDIDATE_FILTER_ANY && row->cell_id != self->cell_id)
    return FALSE;
  if (self->stage != WARD_CANDIDATE_FILTER_ANY && row->stage != self->stage)
    return FALSE;
  if (self->overdue && row->overdue_days == 0)
    return FALSE;
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    if (strstr (row->search_key, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static GtkFilterMatch
ward_candidate_filter_get_strictness (GtkFilter *filter)
{
  WardCandidateFilter *self = WARD_CANDIDATE_FILTER (filter);

  if (self->cell_id == WARD_CANDIDATE_FILTER_ANY && self->stage == WARD_CANDIDATE_FILTER_ANY
      && !self->overdue && self->text[0] == '\0')
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
ward_candidate_filter_finalize (GObject *object)
{
  WardCandidateFilter *self = (WardCandidateFilter *) object;

  g_free (self->text);
  g_strfreev (self->words);

  G_OBJECT_CLASS (ward_candidate_filter_parent_class)->finalize (object);
}

static void
ward_candidate_filter_class_init (WardCandidateFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = ward_candidate_filter_finalize;
  filter_class->match = ward_candidate_filter_match;
  filter_class->get_strictness = ward_candidate_filter_get_strictness;
}

static void
ward_candidate_filter_init (WardCandidateFilter *self)
{
  self->text = g_strdup ("");
  self->cell_id = WARD_CANDIDATE_FILTER_ANY;
  self->stage = WARD_CANDIDATE_FILTER_ANY;
}

WardCandidateFilter *
ward_candidate_filter_new (void)
{
  return g_object_new (WARD_TYPE_CANDIDATE_FILTER, NULL);
}

void
ward_candidate_filter_set_text (WardCandidateFilter *self,
                                const char          *text)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (WARD_IS_CANDIDATE_FILTER (self));

  folded = ward_text_fold (text != NULL ? text : "");
  if (folded == NULL || g_str_equal (folded, self->text))
    return;
  change = ward_search_change (self->text, folded);

  g_free (self->text);
  self->text = g_steal_pointer (&folded);
  g_strfreev (self->words);
  self->words = self->text[0] != '\0' ? g_strsplit (self->text, " ", -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self), change);
}

static GtkFilterChange
choice_change (gint64 old_value,
               gint64 new_value)
{
  if (old_value == WARD_CANDIDATE_FILTER_ANY)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (new_value == WARD_CANDIDATE_FILTER_ANY)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

void
ward_candidate_filter_set_cell (WardCandidateFilter *self,
                                gint64               cell_id)
{
  GtkFilterChange change;

  g_return_if_fail (WARD_IS_CANDIDATE_FILTER (self));

  if (self->cell_id == cell_id)
    return;
  change = choice_change (self->cell_id, cell_id);
  self->cell_id = cell_id;
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
ward_candidate_filter_set_stage (WardCandidateFilter *self,
                                 int                  stage)
{
  GtkFilterChange change;

  g_return_if_fail (WARD_IS_CANDIDATE_FILTER (self));

  if (self->stage == stage)
    return;
  change = choice_change (self->stage, stage);
  self->stage = stage;
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
ward_candidate_filter_set_overdue (WardCandidateFilter *self,
                                   gboolean             overdue)
{
  g_return_if_fail (WARD_IS_CANDIDATE_FILTER (self));

  if (self->overdue == !!overdue)
    return;
  self->overdue = !!overdue;
  gtk_filter_changed (GTK_FILTER (self), overdue ? GTK_FILTER_CHANGE_MORE_STRICT
                                                 : GTK_FILTER_CHANGE_LESS_STRICT);
}
