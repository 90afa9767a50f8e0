/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <string.h>

#include "base/ward-text.h"
#include "donations/ward-donations-ledger-private.h"

/* Receipt numbers: the paper receipt books are numbered, so a number that
 * never reached the ledger is worth a look (a spoilt receipt, or money not
 * handed in). A number is a prefix and a trailing run of digits ("BL-0012"
 * is "BL-" and 12, written four digits wide). */

typedef struct
{
  const char *prefix;   /* borrowed; prefix_len bytes */
  gsize       prefix_len;
  guint64     value;
  int         width;
} Number;

static gboolean
split_number (const char *text,
              Number     *number)
{
  gsize len = strlen (text);
  gsize start = len;

  while (start > 0 && g_ascii_isdigit (text[start - 1]))
    start--;
  /* 18 digits keep the value and the next one inside a guint64. */
  if (start == len || len - start > 18)
    return FALSE;
  number->prefix = text;
  number->prefix_len = start;
  number->value = g_ascii_strtoull (text + start, NULL, 10);
  number->width = (int) (len - start);
  return TRUE;
}

static char *
format_number (const char *prefix,
               gsize       prefix_len,
               guint64     value,
               int         width)
{
  return g_strdup_printf ("%.*s%0*" G_GUINT64_FORMAT, (int) prefix_len, prefix, width, value);
}

int
ward_ledger_compare_receipt_numbers (const char *a,
                                     const char *b)
{
  const char *pa = a ? a : "", *pb = b ? b : "";

  while (*pa != '\0' && *pb != '\0')
    {
      if (g_ascii_isdigit (*pa) && g_ascii_isdigit (*pb))
        {
          const char *ea = pa, *eb = pb;
          gsize la, lb;
          int order;

          while (*pa == '0' && g_ascii_isdigit (pa[1]))
            pa++;
          while (*pb == '0' && g_ascii_isdigit (pb[1]))
            pb++;
          for (ea = pa; g_ascii_isdigit (*ea); ea++)
            ;
          for (eb = pb; g_ascii_isdigit (*eb); eb++)
            ;
          la = ea - pa;
          lb = eb - pb;
          if (la != lb)
            return la < lb ? -1 : 1;
          order = strncmp (pa, pb, la);
          if (order != 0)
            return order;
          pa = ea;
          pb = eb;
          continue;
        }
      if (*pa != *pb)
        return (guchar) *pa < (guchar) *pb ? -1 : 1;
      pa++;
      pb++;
    }
  return (*pa != '\0') - (*pb != '\0');
}

/* The query of a campaign's receipt numbers: of one book, or of every
 * book when @book is NULL. */
static WardStmt *
prepare_receipt_numbers (WardStore   *store,
                         gint64       campaign_id,
                         const char  *book,
                         GError     **error)
{
  WardStmt *stmt;

  /* Read from the receipt numbers' own index: left to itself, SQLite picks
   * the totals' index (more equalities) and fetches 100,000 rows of the
   * table, 120 ms against 25 ms. */
  stmt = ward_store_prepare (store,
                             "SELECT DISTINCT receipt_number FROM ledger_entries INDEXED BY ledger_receipt_number "
                             "WHERE campaign_id = ?1 AND kind = 'receipt' AND receipt_number IS NOT NULL "
                             "AND (?2 IS NULL OR book = ?2)",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (book != NULL)
    sqlite3_bind_text (stmt, 2, book, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* The receipt numbers of a campaign: of one book, or of every book when
 * @book is NULL. */
static GPtrArray *
load_receipt_numbers (WardStore  *store,
                      gint64      campaign_id,
                      const char *book,
                      GError    **error)
{
  g_autoptr (WardStmt) stmt = prepare_receipt_numbers (store, campaign_id, book, error);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (numbers, ward_stmt_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&numbers);
}

/* TRUE when the campaign holds receipts of another installation's book:
 * then this one numbers its own with its prefix, "BOOK-1", so that the two
 * never clash when their bundles meet. */
static gboolean
has_other_books (WardStore  *store,
                 gint64      campaign_id,
                 const char *book)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
                                                  "SELECT 1 FROM ledger_entries WHERE campaign_id = ? "
                                                  "AND book != '' AND book != ? LIMIT 1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, book, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

char *
ward_ledger_next_receipt_number (WardStore  *store,
                                 gint64      campaign_id,
                                 GError    **error)
{
  g_autoptr (GPtrArray) numbers = NULL;
  g_autofree char *book = NULL;
  Number best = { 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  /* Go on from this installation's own book; a new book goes on from the
   * campaign's numbers, unless another installation's book is there. */
  book = ward_store_dup_book (store, error);
  if (book == NULL)
    return NULL;
  numbers = load_receipt_numbers (store, campaign_id, book, error);
  if (numbers == NULL)
    return NULL;
  if (numbers->len == 0)
    {
      if (has_other_books (store, campaign_id, book))
        return g_strdup_printf ("%s-1", book);
      g_ptr_array_unref (numbers);
      numbers = load_receipt_numbers (store, campaign_id, NULL, error);
      if (numbers == NULL)
        return NULL;
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      Number number;

      if (split_number (numbers->pdata[i], &number) && (!found || number.value > best.value))
        {
          best = number;
          found = TRUE;
        }
    }
  if (!found)
    return g_strdup ("1");
  return format_number (best.prefix, best.prefix_len, best.value + 1, best.width);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const Number *na = a, *nb = b;
  gsize len = MIN (na->prefix_len, nb->prefix_len);
  int order = memcmp (na->prefix, nb->prefix, len);

  if (order != 0)
    return order;
  if (na->prefix_len != nb->prefix_len)
    return na->prefix_len < nb->prefix_len ? -1 : 1;
  return na->value < nb->value ? -1 : na->value > nb->value;
}

static gboolean
same_prefix (const Number *a,
             const Number *b)
{
  return a->prefix_len == b->prefix_len && memcmp (a->prefix, b->prefix, a->prefix_len) == 0;
}

/* @number with its prefix kept once in @prefixes: a campaign's 100,000
 * numbers have a few prefixes, and the gaps are read with the ledger's
 * entries, whose memory they would otherwise add to (issue 25). */
static gboolean
split_interned (const char *text,
                GHashTable *prefixes,
                Number     *number)
{
  g_autofree char *prefix = NULL;
  const char *kept;

  if (!split_number (text, number))
    return FALSE;
  prefix = g_strndup (text, number->prefix_len);
  kept = g_hash_table_lookup (prefixes, prefix);
  if (kept == NULL)
    {
      kept = prefix;
      g_hash_table_add (prefixes, g_steal_pointer (&prefix));
    }
  number->prefix = kept;
  return TRUE;
}

/* The campaign's receipt numbers as numbers, read one at a time. */
static GArray *
load_parsed_numbers (WardStore   *store,
                     gint64       campaign_id,
                     GHashTable  *prefixes,
                     GError     **error)
{
  g_autoptr (WardStmt) stmt = prepare_receipt_numbers (store, campaign_id, NULL, error);
  g_autoptr (GArray) parsed = g_array_new (FALSE, FALSE, sizeof (Number));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      Number number;

      if (text != NULL && split_interned (text, prefixes, &number))
        g_array_append_val (parsed, number);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&parsed);
}

GPtrArray *
ward_ledger_receipt_gaps (WardStore  *store,
                          gint64      campaign_id,
                          GError    **error)
{
  g_autoptr (GHashTable) prefixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) parsed = NULL;
  GPtrArray *gaps;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  parsed = load_parsed_numbers (store, campaign_id, prefixes, error);
  if (parsed == NULL)
    return NULL;
  g_array_sort (parsed, compare_numbers);

  gaps = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; i < parsed->len; i++)
    {
      const Number *low = &g_array_index (parsed, Number, i - 1);
      const Number *high = &g_array_index (parsed, Number, i);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (!same_prefix (low, high) || high->value <= low->value + 1)
        continue;
      first = format_number (low->prefix, low->prefix_len, low->value + 1, low->width);
      if (high->value == low->value + 2)
        {
          g_ptr_array_add (gaps, g_steal_pointer (&first));
          continue;
        }
      last = format_number (low->prefix, low->prefix_len, high->value - 1, low->width);
      g_ptr_array_add (gaps, g_strdup_printf ("%s–%s", first, last));
    }
  return gaps;
}
