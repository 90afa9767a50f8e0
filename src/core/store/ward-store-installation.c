/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "store/ward-store.h"

/* The installation a file belongs to: its id and its receipt book. The
 * ledger writes its entries in this book and bundles carry both, so they
 * live here, below every feature that needs them. */

#define BOOK_MAX_LEN 12

static char *
dup_installation_id (WardStore  *store,
                     gboolean    create,
                     GError    **error)
{
  g_autofree char *id = ward_store_dup_setting (store, "installation-id");

  if ((id != NULL && *id != '\0') || !create)
    return g_steal_pointer (&id);
  g_free (id);
  /* Random, not ward_store_new_uuid(): the book's prefix is its first six
   * digits, which in a time-ordered id would be the same for every
   * installation set up within a few hours. */
  id = g_uuid_string_random ();
  if (!ward_store_set_setting (store, "installation-id", id, error))
    return NULL;
  return g_steal_pointer (&id);
}

char *
ward_store_dup_installation_id (WardStore  *store,
                                GError    **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return dup_installation_id (store, TRUE, error);
}

static gboolean
book_is_valid (const char *book)
{
  gsize len = book ? strlen (book) : 0;

  if (len == 0 || len > BOOK_MAX_LEN)
    return FALSE;
  for (const char *p = book; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

char *
ward_store_dup_book (WardStore  *store,
                     GError    **error)
{
  g_autofree char *book = NULL;
  g_autofree char *id = NULL;
  GString *made;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  book = ward_store_dup_setting (store, "book-prefix");
  if (book_is_valid (book))
    return g_steal_pointer (&book);
  id = ward_store_dup_installation_id (store, error);
  if (id == NULL)
    return NULL;
  made = g_string_new (NULL);
  for (const char *p = id; *p != '\0' && made->len < 6; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (made, g_ascii_toupper (*p));
  return g_string_free (made, FALSE);
}

gboolean
ward_store_set_book (WardStore   *store,
                     const char  *book,
                     GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  clean = g_strstrip (g_strdup (book ? book : ""));
  if (!book_is_valid (clean))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The receipt book prefix must be 1 to %d letters, digits or hyphens, "
                     "such as “Q03” or “TDP5”."), BOOK_MAX_LEN);
      return FALSE;
    }
  return ward_store_set_setting (store, "book-prefix", clean, error);
}
