/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Known names: the tổ dân phố, collectors, units and chi bộ a clerk
 * chooses from a list rather than types afresh each time.
 *
 * The rule: two spellings are one name when they are the same once case,
 * tone marks and runs of white space are left out (ward_text_fold()), so
 * "To dan pho 3", "tổ dân phố  3" and "Tổ dân phố 3" are one tổ dân phố.
 * Of the spellings of one name the list shows one: the spelling the list
 * written with the more tone marks, and among those the list's own. The
 * receipt form, the import's preview and the ledger's totals all ask
 * ward_names_lookup(), which applies the rule. */

typedef enum
{
  WARD_NAME_GROUP,      /* tổ dân phố and other groups: known_names */
  WARD_NAME_COLLECTOR,  /* who collects receipts: known_names */
  WARD_NAME_UNIT,       /* units and lead units: the units table */
  WARD_NAME_CELL,       /* chi bộ: the party_cells table */
} WardNameKind;

/* The key under which spellings of one name are one: @name folded.
 * NULL for NULL or invalid UTF-8; "" for a name of white space only. */
char       *ward_names_key        (const char   *name);
/* TRUE when @a and @b are spellings of one name. */
gboolean    ward_names_same       (const char   *a,
                                   const char   *b);

typedef struct _WardNames WardNames;

WardNames  *ward_names_new        (void);
void        ward_names_free       (WardNames    *names);
/* Adds @name as a spelling of a known name: the spelling with the more
 * tone marks names it, then the list's own (@listed) before one only read
 * in the records, then the first added. Empty names are left out. */
void        ward_names_add        (WardNames    *names,
                                   const char   *name,
                                   gboolean      listed);
/* The known name @typed is a spelling of, or NULL. */
const char *ward_names_lookup     (WardNames    *names,
                                   const char   *typed);
/* The first known name, in Vietnamese order, whose key begins with
 * @typed's: "to dan pho 1" completes to "Tổ dân phố 1". NULL when none
 * does or @typed is empty. */
const char *ward_names_complete   (WardNames    *names,
                                   const char   *typed);
/* The known names in Vietnamese order (numbers by value). */
guint       ward_names_get_n      (WardNames    *names);
const char *ward_names_get        (WardNames    *names,
                                   guint         index);

/* The list of @kind in the file: for groups and collectors the names the
 * list holds and the names the records hold. */
WardNames  *ward_names_load       (WardStore    *store,
                                   WardNameKind  kind,
                                   GError      **error);
/* The list of @kind alone, without the names only the records hold: for
 * a caller that adds those it has read (the ledger's entries). */
WardNames  *ward_names_load_list  (WardStore    *store,
                                   WardNameKind  kind,
                                   GError      **error);
/* Adds @name to the list of @kind (WARD_NAME_GROUP or
 * WARD_NAME_COLLECTOR), unless the list holds a spelling of it; a
 * spelling it holds with fewer tone marks is written as @name. @known_out
 * (may be NULL) receives the name as the list then holds it. Checked as a
 * name: not empty, at most WARD_TEXT_NAME_MAX characters, no control
 * character. */
gboolean    ward_names_add_known  (WardStore    *store,
                                   WardNameKind  kind,
                                   const char   *name,
                                   char        **known_out,
                                   GError      **error);
/* How @name is written when the list of @kind itself (not the records)
 * holds a spelling of it: that spelling, or @name when it has more tone
 * marks; newly allocated. NULL when the list holds none, or on error.
 * What a receipt stores as its group and collector. */
char       *ward_names_dup_listed (WardStore    *store,
                                   WardNameKind  kind,
                                   const char   *name,
                                   GError      **error);
/* TRUE when the list of @kind, or a record, holds a spelling of @name. */
gboolean    ward_names_is_known   (WardStore    *store,
                                   WardNameKind  kind,
                                   const char   *name,
                                   GError      **error);

/* The list of groups or collectors (ward-names-known.c): each name with
 * the records written with a spelling of it, in Vietnamese order. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *sort_key;
  int     n_uses;
} WardKnownName;

void        ward_known_name_free   (WardKnownName *known);
GPtrArray  *ward_known_names_load  (WardStore     *store,
                                    WardNameKind   kind,
                                    GError       **error);
/* As ward_names_add_known(); the id of the list's row, 0 on error. */
gint64      ward_known_name_add    (WardStore     *store,
                                    WardNameKind   kind,
                                    const char    *name,
                                    GError       **error);
/* Another spelling of the same name only (its key unchanged): receipts
 * keep the name they were written with. */
gboolean    ward_known_name_rename (WardStore     *store,
                                    WardNameKind   kind,
                                    gint64         id,
                                    const char    *name,
                                    GError       **error);
/* Refused while a record is written with a spelling of the name. */
gboolean    ward_known_name_remove (WardStore     *store,
                                    WardNameKind   kind,
                                    gint64         id,
                                    GError       **error);

/* The chi bộ (other than @except: 0 for none) whose name folds as @name
 * does; 0 for none, -1 on error. */
gint64      ward_names_find_cell  (WardStore    *store,
                                   const char   *name,
                                   gint64        except,
                                   GError      **error);
/* Adds @name, already checked, as the last chi bộ of the list; its id, or
 * 0 on error. */
gint64      ward_names_insert_cell (WardStore   *store,
                                    const char  *name,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardNames, ward_names_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardKnownName, ward_known_name_free)

G_END_DECLS
