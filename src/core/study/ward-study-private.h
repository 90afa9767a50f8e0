/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "study/ward-study.h"

G_BEGIN_DECLS

/* Shared by the files of src/core/study only. */

gboolean   ward_study_member_exempt_at (const WardPartyMember *member,
                                        const char            *date);
void       ward_member_issue_add       (GPtrArray             *issues,
                                        WardMemberField        field,
                                        int                    code,
                                        const char            *format,
                                        ...) G_GNUC_PRINTF (4, 5);
/* The record's own rules, without the file. */
GPtrArray *ward_party_member_check     (const WardPartyMember *member,
                                        const char            *today_iso);
/* Writes @member (insert when id is 0) inside the caller's transaction,
 * without checking it. */
gboolean   ward_party_member_write     (WardStore             *store,
                                        WardPartyMember       *member,
                                        GError               **error);
WardExemption ward_exemption_from_string (const char          *text);
const char   *ward_exemption_to_string   (WardExemption        exempt);
WardReflectionGrade ward_grade_from_string (const char        *text);
const char   *ward_grade_to_string       (WardReflectionGrade  grade);

G_END_DECLS

G_BEGIN_DECLS

/* A column's text, NULL for SQL NULL. */
char      *ward_study_dup_or_null      (WardStmt              *stmt,
                                        int                    column);
/* Every row of @sql (its ?1 bound to @id when it has one), each made by
 * @from_row; NULL with @error when the file cannot be read. */
GPtrArray *ward_study_rows_load        (WardStore             *store,
                                        const char            *sql,
                                        gint64                 id,
                                        gpointer             (*from_row) (WardStmt *stmt),
                                        GDestroyNotify         free_func,
                                        GError               **error);
/* Deletes the row @id of @table (a name from code), its dependents by the
 * schema's cascades, and tells the views of @table and @also. */
gboolean   ward_study_delete_row       (WardStore             *store,
                                        const char            *table,
                                        gint64                 id,
                                        const char            *also,
                                        GError               **error);

/* The chi bộ named @name (folded for case and tone marks), added to the
 * list when it is not there (*@added_out TRUE). 0 with @error on failure. */
gint64     ward_study_cell_resolve     (WardStore             *store,
                                        const char            *name,
                                        gboolean              *added_out,
                                        GError               **error);

G_END_DECLS
