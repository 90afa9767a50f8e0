/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-names"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "names/ward-names.h"

typedef struct
{
  char     *name;     /* the spelling shown */
  char     *key;      /* ward_names_key() */
  char     *collate;  /* ward_text_collate_key() */
  guint     marks;    /* characters beyond ASCII in the spelling */
  gboolean  listed;
} Known;

struct _WardNames
{
  GHashTable *by_key;   /* key -> Known */
  GPtrArray  *sorted;   /* Known, NULL until asked for */
};

static void
known_free (Known *known)
{
  g_free (known->name);
  g_free (known->key);
  g_free (known->collate);
  g_free (known);
}

char *
ward_names_key (const char *name)
{
  return ward_text_fold (name);
}

gboolean
ward_names_same (const char *a,
                 const char *b)
{
  g_autofree char *ka = ward_names_key (a);
  g_autofree char *kb = ward_names_key (b);

  return ka != NULL && kb != NULL && g_str_equal (ka, kb);
}

WardNames *
ward_names_new (void)
{
  WardNames *names = g_new0 (WardNames, 1);

  names->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) known_free);
  return names;
}

void
ward_names_free (WardNames *names)
{
  if (names == NULL)
    return;
  g_clear_pointer (&names->sorted, g_ptr_array_unref);
  g_hash_table_unref (names->by_key);
  g_free (names);
}

/* A name typed without its tone marks ("To dan pho 3") is the same name
 * as one typed with them, and the one with them is how it is written. */
static guint
count_marks (const char *name)
{
  guint n = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80)
      n++;
  return n;
}

/* More tone marks first: "Tổ dân phố 3" is how "To dan pho 3" is
 * written. Then the list's own spelling before one read in a record. */
static gboolean
better_spelling (const Known *held,
                 gboolean     listed,
                 guint        marks)
{
  if (marks != held->marks)
    return marks > held->marks;
  return listed && !held->listed;
}

void
ward_names_add (WardNames  *names,
                const char *name,
                gboolean    listed)
{
  g_autofree char *normalized = ward_text_normalize (name);
  g_autofree char *key = NULL;
  Known *known;
  guint marks;

  g_return_if_fail (names != NULL);

  if (normalized == NULL || *normalized == '\0')
    return;
  key = ward_names_key (normalized);
  marks = count_marks (normalized);
  known = g_hash_table_lookup (names->by_key, key);
  if (known != NULL)
    {
      if (!better_spelling (known, listed, marks))
        return;
      g_free (known->name);
      g_clear_pointer (&known->collate, g_free);
      known->name = g_steal_pointer (&normalized);
      known->marks = marks;
      known->listed = listed;
      known->collate = ward_text_collate_key (known->name);
      g_clear_pointer (&names->sorted, g_ptr_array_unref);
      return;
    }
  known = g_new0 (Known, 1);
  known->key = g_steal_pointer (&key);
  known->name = g_steal_pointer (&normalized);
  known->collate = ward_text_collate_key (known->name);
  known->marks = marks;
  known->listed = listed;
  g_hash_table_insert (names->by_key, known->key, known);
  g_clear_pointer (&names->sorted, g_ptr_array_unref);
}

const char *
ward_names_lookup (WardNames  *names,
                   const char *typed)
{
  g_autofree char *key = ward_names_key (typed);
  Known *known;

  g_return_val_if_fail (names != NULL, NULL);

  if (key == NULL)
    return NULL;
  known = g_hash_table_lookup (names->by_key, key);
  return known != NULL ? known->name : NULL;
}

static int
compare_known (gconstpointer a,
               gconstpointer b)
{
  const Known *ka = *(const Known * const *) a;
  const Known *kb = *(const Known * const *) b;
  int order = strcmp (ka->collate, kb->collate);

  return order != 0 ? order : strcmp (ka->key, kb->key);
}

static GPtrArray *
sorted (WardNames *names)
{
  GHashTableIter iter;
  gpointer value;

  if (names->sorted != NULL)
    return names->sorted;
  names->sorted = g_ptr_array_sized_new (g_hash_table_size (names->by_key));
  g_hash_table_iter_init (&iter, names->by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (names->sorted, value);
  g_ptr_array_sort (names->sorted, compare_known);
  return names->sorted;
}

const char *
ward_names_complete (WardNames  *names,
                     const char *typed)
{
  g_autofree char *key = ward_names_key (typed);
  GPtrArray *all;

  g_return_val_if_fail (names != NULL, NULL);

  if (key == NULL || *key == '\0')
    return NULL;
  /* The name typed in full first: "Tổ 1" is not completed to "Tổ 10". */
  if (g_hash_table_contains (names->by_key, key))
    return ward_names_lookup (names, typed);
  all = sorted (names);
  for (guint i = 0; i < all->len; i++)
    {
      const Known *known = all->pdata[i];

      if (g_str_has_prefix (known->key, key))
        return known->name;
    }
  return NULL;
}

guint
ward_names_get_n (WardNames *names)
{
  g_return_val_if_fail (names != NULL, 0);

  return g_hash_table_size (names->by_key);
}

const char *
ward_names_get (WardNames *names,
                guint      index)
{
  GPtrArray *all;

  g_return_val_if_fail (names != NULL, NULL);

  all = sorted (names);
  g_return_val_if_fail (index < all->len, NULL);
  return ((const Known *) all->pdata[index])->name;
}

/* ---- In the file -------------------------------------------------------- */

/* For each kind: the list, then the records (NULL when the list is all). */
static const struct
{
  const char *list;
  const char *records;
} kind_sql[] = {
  [WARD_NAME_GROUP] = {
    "SELECT name FROM known_names WHERE kind = 'group' ORDER BY id",
    "SELECT donor_group FROM ledger_entries WHERE kind = 'receipt' AND donor_group <> '' "
    "UNION SELECT residential_group FROM candidates WHERE residential_group <> '' "
    "UNION SELECT residential_group FROM enterprises WHERE residential_group <> ''",
  },
  [WARD_NAME_COLLECTOR] = {
    "SELECT name FROM known_names WHERE kind = 'collector' ORDER BY id",
    "SELECT DISTINCT collector FROM ledger_entries WHERE kind = 'receipt' AND collector <> ''",
  },
  [WARD_NAME_UNIT] = { "SELECT name FROM units ORDER BY position, id", NULL },
  [WARD_NAME_CELL] = { "SELECT name FROM party_cells ORDER BY position, id", NULL },
};

static gboolean
add_from (WardStore   *store,
          WardNames   *names,
          const char  *sql,
          gboolean     listed,
          GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ward_names_add (names, ward_stmt_text (stmt, 0), listed);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

WardNames *
ward_names_load (WardStore     *store,
                 WardNameKind   kind,
                 GError       **error)
{
  g_autoptr (WardNames) names = ward_names_load_list (store, kind, error);

  if (names == NULL)
    return NULL;
  if (kind_sql[kind].records != NULL && !add_from (store, names, kind_sql[kind].records, FALSE, error))
    return NULL;
  return g_steal_pointer (&names);
}

WardNames *
ward_names_load_list (WardStore     *store,
                      WardNameKind   kind,
                      GError       **error)
{
  g_autoptr (WardNames) names = ward_names_new ();

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= WARD_NAME_CELL, NULL);

  if (!add_from (store, names, kind_sql[kind].list, TRUE, error))
    return NULL;
  return g_steal_pointer (&names);
}

gboolean
ward_names_is_known (WardStore     *store,
                     WardNameKind   kind,
                     const char    *name,
                     GError       **error)
{
  g_autoptr (WardNames) names = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  names = ward_names_load (store, kind, error);
  return names != NULL && ward_names_lookup (names, name) != NULL;
}

/* The list of @kind as last read, kept on the store: an import asks for
 * the spelling of a group and a collector at each of 100,000 receipts, and
 * reading and folding the whole list each time was 40 % of its time
 * (issue 25). Read again when the list's table may have changed
 * (ward_store_get_table_stamp(): a row of it written through this store, a
 * rollback, or another program's commit). */
typedef struct
{
  guint64     stamp;
  WardNames  *names;
  GHashTable *answers;  /* name as asked -> ward_names_dup_listed()'s answer, or NULL */
} ListedCache;

/* An import asks for the same few groups and collectors 100,000 times. */
#define LISTED_ANSWERS_MAX 4096

static void
listed_cache_free (ListedCache *cache)
{
  ward_names_free (cache->names);
  g_hash_table_unref (cache->answers);
  g_free (cache);
}

static ListedCache *
listed_cache (WardStore     *store,
              WardNameKind   kind,
              GError       **error)
{
  static const char * const keys[] = {
    [WARD_NAME_GROUP] = "ward-names-listed-group",
    [WARD_NAME_COLLECTOR] = "ward-names-listed-collector",
    [WARD_NAME_UNIT] = "ward-names-listed-unit",
    [WARD_NAME_CELL] = "ward-names-listed-cell",
  };
  static const char * const tables[] = {
    [WARD_NAME_GROUP] = "known_names", [WARD_NAME_COLLECTOR] = "known_names",
    [WARD_NAME_UNIT] = "units", [WARD_NAME_CELL] = "party_cells",
  };
  ListedCache *cache = g_object_get_data (G_OBJECT (store), keys[kind]);
  guint64 stamp = ward_store_get_table_stamp (store, tables[kind]);
  g_autoptr (WardNames) names = NULL;

  if (cache != NULL && cache->stamp == stamp)
    return cache;
  names = ward_names_new ();
  if (!add_from (store, names, kind_sql[kind].list, TRUE, error))
    return NULL;
  cache = g_new0 (ListedCache, 1);
  cache->stamp = stamp;
  cache->names = g_steal_pointer (&names);
  cache->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_object_set_data_full (G_OBJECT (store), keys[kind], cache, (GDestroyNotify) listed_cache_free);
  return cache;
}

/* The spelling of @name the list holds, or @name itself when typed with
 * more tone marks than the list has it; NULL when not listed. */
static char *
find_listed (WardNames  *names,
             const char *name)
{
  g_autofree char *key = ward_names_key (name);
  g_autofree char *normalized = NULL;
  g_autofree char *normalized_key = NULL;
  Known *known = key != NULL ? g_hash_table_lookup (names->by_key, key) : NULL;

  if (known == NULL)
    return NULL;
  /* Typed with more tone marks than the list has it: kept as typed (what
   * ward_names_add() would make of it, the kept list left as it is). */
  normalized = ward_text_normalize (name);
  normalized_key = normalized != NULL ? ward_names_key (normalized) : NULL;
  if (normalized_key != NULL && *normalized != '\0' && g_str_equal (normalized_key, known->key)
      && better_spelling (known, FALSE, count_marks (normalized)))
    return g_steal_pointer (&normalized);
  return g_strdup (known->name);
}

char *
ward_names_dup_listed (WardStore     *store,
                       WardNameKind   kind,
                       const char    *name,
                       GError       **error)
{
  ListedCache *cache;
  gpointer answer;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= WARD_NAME_CELL, NULL);

  if (name == NULL || *name == '\0' || (cache = listed_cache (store, kind, error)) == NULL)
    return NULL;
  /* The answers are the list's: they go with it when it is read again. */
  if (!g_hash_table_lookup_extended (cache->answers, name, NULL, &answer))
    {
      if (g_hash_table_size (cache->answers) >= LISTED_ANSWERS_MAX)
        g_hash_table_remove_all (cache->answers);
      answer = find_listed (cache->names, name);
      g_hash_table_insert (cache->answers, g_strdup (name), answer);
    }
  return g_strdup (answer);
}

static const char *
list_kind (WardNameKind kind)
{
  return kind == WARD_NAME_GROUP ? "group" : "collector";
}

/* Runs @sql on the list of @kind: ?1 @first, ?2 the kind, ?3 @name, ?4
 * now. */
static gboolean
write_known (WardStore     *store,
             const char    *sql,
             const char    *first,
             WardNameKind   kind,
             const char    *name,
             GError       **error)
{
  g_autofree char *now = ward_store_now ();
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list_kind (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "known_names");
  return TRUE;
}

static gboolean
insert_known (WardStore     *store,
              WardNameKind   kind,
              const char    *name,
              GError       **error)
{
  g_autofree char *uuid = ward_store_new_uuid ();

  return write_known (store,
                      "INSERT INTO known_names (uuid, kind, name, created_at, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?4)", uuid, kind, name, error);
}

/* The list writes a name with its tone marks once one spelling has them:
 * "To dan pho 3" listed becomes "Tổ dân phố 3" when that is added. */
static gboolean
respell_known (WardStore     *store,
               WardNameKind   kind,
               const char    *known,
               const char    *name,
               GError       **error)
{
  if (count_marks (name) <= count_marks (known))
    return TRUE;
  return write_known (store,
                      "UPDATE OR IGNORE known_names SET name = ?3, updated_at = ?4 "
                      "WHERE name = ?1 AND kind = ?2", known, kind, name, error);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID, _("Type the name to add to the list."));
      return FALSE;
    }
  return ward_text_check_field (name, _("Name"), WARD_TEXT_NAME_MAX, FALSE, error);
}

gboolean
ward_names_add_known (WardStore     *store,
                      WardNameKind   kind,
                      const char    *name,
                      char         **known_out,
                      GError       **error)
{
  g_autofree char *normalized = ward_text_normalize (name);
  g_autoptr (WardNames) names = ward_names_new ();
  const char *known;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind == WARD_NAME_GROUP || kind == WARD_NAME_COLLECTOR, FALSE);

  if (!check_name (normalized, error))
    return FALSE;
  if (!ward_store_begin (store, error))
    return FALSE;
  /* Only the list itself: a spelling read in the records is added. */
  if (!add_from (store, names, kind_sql[kind].list, TRUE, error))
    goto fail;
  known = ward_names_lookup (names, normalized);
  if (known == NULL ? !insert_known (store, kind, normalized, error)
                    : !respell_known (store, kind, known, normalized, error))
    goto fail;
  if (!ward_store_commit (store, error))
    goto fail;
  if (known_out != NULL)
    {
      ward_names_add (names, normalized, TRUE);
      *known_out = g_strdup (ward_names_lookup (names, normalized));
    }
  return TRUE;

fail:
  ward_store_rollback (store);
  return FALSE;
}
