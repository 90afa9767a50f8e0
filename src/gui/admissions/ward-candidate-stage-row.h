/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One step of a candidate's timeline in the form: a done / pending mark,
 * the stage's name and state, its entries (date, document number, or the
 * introducers) and, under them, the messages of the rules about it. */

#define WARD_TYPE_CANDIDATE_STAGE_ROW (ward_candidate_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (WardCandidateStageRow, ward_candidate_stage_row, WARD, CANDIDATE_STAGE_ROW, GtkListBoxRow)

GtkWidget *ward_candidate_stage_row_new         (const char            *title);
/* Adds an entry named "@title: @label" for assistive technologies. */
GtkEntry  *ward_candidate_stage_row_add_entry   (WardCandidateStageRow *self,
                                                 const char            *label,
                                                 const char            *placeholder,
                                                 int                    width_chars);
/* A check box named "@title: @accessible", after the entries. */
GtkCheckButton *ward_candidate_stage_row_add_check (WardCandidateStageRow *self,
                                                    const char            *label,
                                                    const char            *accessible);
/* The entries and check boxes added until end_line() side by side, on a
 * line of their own (in a row whose entries are stacked). */
void       ward_candidate_stage_row_begin_line  (WardCandidateStageRow *self);
void       ward_candidate_stage_row_end_line    (WardCandidateStageRow *self);
/* The entries one above the other rather than side by side. */
void       ward_candidate_stage_row_stack_entries (WardCandidateStageRow *self);
void       ward_candidate_stage_row_set_state   (WardCandidateStageRow *self,
                                                 gboolean               done,
                                                 const char            *status);
void       ward_candidate_stage_row_clear_messages (WardCandidateStageRow *self);
void       ward_candidate_stage_row_add_message (WardCandidateStageRow *self,
                                                 const char            *message,
                                                 gboolean               warning);

G_END_DECLS
