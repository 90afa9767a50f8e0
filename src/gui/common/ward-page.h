/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/ward-undo.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

#define WARD_TYPE_PAGE (ward_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (WardPage, ward_page, WARD, PAGE, AdwBin)

/* A page of the window. It shows what the store holds and reloads when the
 * store announces a change to one of the tables it watches. A page that
 * offers them installs the actions "page.new" (Ctrl+N), "page.print"
 * (Ctrl+P), "page.export-pdf" (Ctrl+Shift+E), "page.export-xlsx"
 * (Ctrl+Shift+X), "page.search" (Ctrl+F), "page.import" and "page.export";
 * the window's header bar and shortcuts forward to them. */
struct _WardPageClass
{
  AdwBinClass parent_class;

  /* NULL-terminated table names whose changes make the page reload; NULL
   * for every table. */
  const char * const *watched_tables;

  void (*reload) (WardPage *self);
};

WardStore  *ward_page_get_store   (WardPage   *self);
void        ward_page_set_store   (WardPage   *self,
                                   WardStore  *store);
/* Shows a transient message at the bottom of the window. */
void        ward_page_toast       (WardPage   *self,
                                   const char *message);
/* A change just made (a record deleted), which Ctrl+Z takes back: put on
 * the window's stack (ward-undo.h), and said in a toast whose Undo does the
 * same as Ctrl+Z. Takes @record. */
void        ward_page_push_undo   (WardPage           *self,
                                   const char         *label,
                                   const WardUndoKind *kind,
                                   gpointer            record);
/* An edit of the record called @name just stored: Ctrl+Z stores @before
 * again, Ctrl+Shift+Z @after (ward_undo_edit_new()); the toast says the
 * changes were saved. Takes both; @after NULL (it could not be read back)
 * pushes nothing. */
void        ward_page_push_edit   (WardPage              *self,
                                   const char            *name,
                                   const WardUndoEditOps *ops,
                                   gpointer               before,
                                   gpointer               after);
/* Shows an error in a dialog over the window. */
void        ward_page_show_error  (WardPage   *self,
                                   const char *heading,
                                   GError     *error);
gboolean    ward_page_has_action  (WardPage   *self,
                                   const char *name);

/* After a large read on a worker thread: what the reader's connection and
 * the read's scratch space took is handed back to the system (glibc keeps
 * a worker thread's freed memory in its own arena, about 10 MB after the
 * ledger's 100,000 entries, issue 25). */
void        ward_page_trim_memory    (void);

/* What a page reads of a large file before it can show it (20,000
 * candidates, 5,000 enterprises), read on a worker thread so that the
 * window's first frame does not wait: @read fills @data through a
 * connection of its own (ward_store_open_reader()), in one snapshot; then
 * @show, on the main thread, shows it, or says why it could not be read.
 * On a page already on screen the read starts once the next frame is
 * drawn (WardAfterFrame), the page's spinner showing meanwhile.
 * A read started while another is under way (the page reloaded after a
 * change) cancels the older one, whose @show is not called; so does
 * disposing of the page. Takes @data. */
typedef gboolean (*WardPageReadFunc) (WardStore    *reader,
                                      gpointer      data,
                                      GError      **error);
typedef void     (*WardPageShowFunc) (WardPage     *self,
                                      gpointer      data,
                                      const GError *error);
void        ward_page_read_in_thread (WardPage         *self,
                                      WardPageReadFunc  read,
                                      WardPageShowFunc  show,
                                      gpointer          data,
                                      GDestroyNotify    free_data);

G_END_DECLS

G_BEGIN_DECLS

/* Pages built of preferences groups rebuild them on reload. */
void                 ward_preferences_page_clear  (AdwPreferencesPage *page);
AdwPreferencesGroup *ward_preferences_page_group  (AdwPreferencesPage *page,
                                                   const char         *title,
                                                   const char         *description);
/* An AdwActionRow with a value label at its end; activatable rows lead to
 * @action_name when it is set. */
AdwActionRow        *ward_value_row_new           (const char         *title,
                                                   const char         *subtitle,
                                                   const char         *value,
                                                   const char         *action_name,
                                                   GVariant           *action_target);

G_END_DECLS
