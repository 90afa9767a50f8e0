/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-name-entry"

#include "config.h"

#include <string.h>

#include "common/ward-name-entry.h"

gboolean
ward_name_entry_typed_on (AdwEntryRow  *row,
                          char        **typed)
{
  const char *now = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean longer = strlen (now) > (*typed ? strlen (*typed) : 0)
                    && g_str_has_prefix (now, *typed ? *typed : "");

  g_free (*typed);
  *typed = g_strdup (now);
  return longer;
}

void
ward_name_entry_write_completion (AdwEntryRow *row,
                                  const char  *typed,
                                  const char  *name)
{
  if (name == NULL || g_str_equal (name, typed))
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  gtk_editable_select_region (GTK_EDITABLE (row), (int) g_utf8_strlen (typed, -1), -1);
}

typedef struct
{
  AdwEntryRow *row;      /* not owned: the state lives on it */
  WardNames   *names;
  char        *typed;
  guint        fill_id;
} NameEntry;

static void
name_entry_free (NameEntry *entry)
{
  g_clear_handle_id (&entry->fill_id, g_source_remove);
  g_clear_pointer (&entry->names, ward_names_free);
  g_free (entry->typed);
  g_free (entry);
}

/* After the field has placed its cursor behind what was typed; only
 * where the clerk types, not a text the form wrote. */
static gboolean
fill_cb (gpointer data)
{
  NameEntry *entry = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (entry->row));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *typed = g_strdup (entry->typed);

  entry->fill_id = 0;
  if (focus != NULL && typed != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (entry->row)))
    ward_name_entry_write_completion (entry->row, typed, ward_names_complete (entry->names, typed));
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (AdwEntryRow *row,
               NameEntry   *entry)
{
  if (ward_name_entry_typed_on (row, &entry->typed) && entry->fill_id == 0)
    entry->fill_id = g_idle_add (fill_cb, entry);
}

void
ward_name_entry_install (AdwEntryRow  *row,
                         WardStore    *store,
                         WardNameKind  kind)
{
  NameEntry *entry;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (WARD_IS_STORE (store));

  entry = g_new0 (NameEntry, 1);
  entry->row = row;
  entry->names = ward_names_load (store, kind, NULL);
  if (entry->names == NULL)
    entry->names = ward_names_new ();
  /* What the form writes before the clerk types is not typed. */
  entry->typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_object_set_data_full (G_OBJECT (row), "ward-name-entry", entry,
                          (GDestroyNotify) name_entry_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_changed_cb), entry);
}
