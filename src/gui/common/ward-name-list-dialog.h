/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* One name of a list the office keeps, as the dialog shows it; @name is the
 * record's own, borrowed. */
typedef struct
{
  gint64      id;
  const char *name;
  int         n_uses;    /* records that use the name; only an unused name can be removed */
} WardNameListEntry;

/* What a list of names is: its wording and the core functions that keep it.
 * The dialog holds a pointer to it, so it is static. */
typedef struct
{
  /* Marked with N_() and translated by the dialog. */
  const char         *title;             /* the window's, and the list's accessible name */
  const char         *add_title;         /* the group where a name is added */
  const char         *new_name_title;    /* the entry row for the new name */
  const char         *list_title;        /* the group of the names */
  const char         *list_description;

  /* Tables whose change (WardStore::changed) reloads the list; NULL-terminated. */
  const char * const *tables;

  /* Handed back to load, add, rename and remove: what tells one list from
   * another when kinds share those functions (the known names' kind). */
  gconstpointer       data;

  /* The names in the office's order, as the kind's own records, which
   * read_entry() describes. */
  GPtrArray  *(*load)          (WardStore         *store,
                                gconstpointer      data,
                                GError           **error);
  void        (*read_entry)    (gconstpointer      item,
                                WardNameListEntry *entry);
  /* A name's row title: how much uses it, translated. */
  char       *(*describe_uses) (int                n_uses);

  /* Core's checks refuse what the list may not take, with a GError for the
   * clerk: add returns the new id or 0, remove refuses a name in use. */
  gint64      (*add)           (WardStore         *store,
                                gconstpointer      data,
                                const char        *name,
                                GError           **error);
  gboolean    (*rename)        (WardStore         *store,
                                gconstpointer      data,
                                gint64             id,
                                const char        *name,
                                GError           **error);
  gboolean    (*remove)        (WardStore         *store,
                                gconstpointer      data,
                                gint64             id,
                                GError           **error);
} WardNameListKind;

/* The core functions of a list that needs no data (units, chi bộ). Such a
 * kind gives them as its data, and the ward_name_list_plain_*() functions
 * below as its own: they call the ones in @data. */
typedef struct
{
  GPtrArray  *(*load)   (WardStore   *store,
                         GError     **error);
  gint64      (*add)    (WardStore   *store,
                         const char  *name,
                         GError     **error);
  gboolean    (*rename) (WardStore   *store,
                         gint64       id,
                         const char  *name,
                         GError     **error);
  gboolean    (*remove) (WardStore   *store,
                         gint64       id,
                         GError     **error);
} WardNameListPlain;

GPtrArray  *ward_name_list_plain_load   (WardStore      *store,
                                         gconstpointer   data,
                                         GError        **error);
gint64      ward_name_list_plain_add    (WardStore      *store,
                                         gconstpointer   data,
                                         const char     *name,
                                         GError        **error);
gboolean    ward_name_list_plain_rename (WardStore      *store,
                                         gconstpointer   data,
                                         gint64          id,
                                         const char     *name,
                                         GError        **error);
gboolean    ward_name_list_plain_remove (WardStore      *store,
                                         gconstpointer   data,
                                         gint64          id,
                                         GError        **error);

#define WARD_TYPE_NAME_LIST_DIALOG (ward_name_list_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WardNameListDialog, ward_name_list_dialog, WARD, NAME_LIST_DIALOG, AdwWindow)

/* A small dialog over a list of names the office keeps (chi bộ, units):
 * add one, rename one in place, remove one that nothing uses. It follows
 * the store, so a change made elsewhere shows at once. */
WardNameListDialog *ward_name_list_dialog_new (GtkWindow              *parent,
                                               WardStore              *store,
                                               const WardNameListKind *kind);

G_END_DECLS
