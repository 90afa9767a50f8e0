/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "admissions/ward-admissions.h"

G_BEGIN_DECLS

/* The admission register as a GListModel for the page's column view: every
 * candidate loaded with one query into compact rows (WardCandidateList),
 * each item a small object pointing at its row, made on first use and kept
 * until the next reload. */

#define WARD_TYPE_CANDIDATE_ITEM (ward_candidate_item_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateItem, ward_candidate_item, WARD, CANDIDATE_ITEM, GObject)

const WardCandidateRow *ward_candidate_item_get_row (WardCandidateItem *self);

#define WARD_TYPE_CANDIDATE_MODEL (ward_candidate_model_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateModel, ward_candidate_model, WARD, CANDIDATE_MODEL, GObject)

WardCandidateModel *ward_candidate_model_new      (void);
/* Replaces every item with the rows of @list (one ::items-changed). */
void                ward_candidate_model_set_list (WardCandidateModel *self,
                                                   WardCandidateList  *list);
WardCandidateList  *ward_candidate_model_get_list (WardCandidateModel *self);

G_END_DECLS
