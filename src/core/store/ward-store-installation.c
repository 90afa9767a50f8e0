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

static char *
read_book (WardStore  *store,
           GError    **error)
{
  g_autofree char *book = NULL;
  g_autofree char *id = NULL;
  GString *made;

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

/* The book as last read, kept on the store until the settings' table may
 * have changed (ward_store_get_table_stamp()): every entry written asks
 * for it, 100,000 times in an import, and it took two queries. */
typedef struct
{
  guint64  stamp;
  char    *book;
} BookCache;

static void
book_cache_free (BookCache *cache)
{
  g_free (cache->book);
  g_free (cache);
}

char *
ward_store_dup_book (WardStore  *store,
                     GError    **error)
{
  BookCache *cache;
  guint64 stamp;
  char *book;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  cache = g_object_get_data (G_OBJECT (store), "ward-store-book");
  stamp = ward_store_get_table_stamp (store, "settings");
  if (cache != NULL && cache->stamp == stamp)
    return g_strdup (cache->book);
  book = read_book (store, error);
  if (book == NULL)
    return NULL;
  cache = g_new0 (BookCache, 1);
  /* Making the installation's id writes a setting: read as of now. */
  cache->stamp = ward_store_get_table_stamp (store, "settings");
  cache->book = g_strdup (book);
  g_object_set_data_full (G_OBJECT (store), "ward-store-book", cache, (GDestroyNotify) book_cache_free);
  return book;
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
