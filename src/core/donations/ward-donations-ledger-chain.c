/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "donations/ward-donations-ledger-private.h"

/* The hash chain. Each entry's hash covers its content and the hash of the
 * entry before it in the same (campaign, book) chain, so that an entry
 * changed outside the application no longer matches its hash, and one
 * removed leaves a hole in the sequence and a broken link. The audit
 * trail, which records every entry as it was inserted, names an entry that
 * was removed, even the last one of a chain. */

#define HASH_VERSION "ward-ledger-entry/1\n"

void
ward_ledger_hash_fields (GChecksum          *checksum,
                         GString            *buffer,
                         const char * const *fields,
                         char                out[WARD_LEDGER_HASH_LEN + 1])
{
  g_string_assign (buffer, HASH_VERSION);
  for (guint i = 0; i < WARD_LEDGER_N_HASH_FIELDS; i++)
    {
      /* A later field only when set, marked by its index. */
      if (i >= WARD_LEDGER_N_FIRST_HASH_FIELDS)
        {
          if (fields[i] == NULL)
            continue;
          g_string_append_printf (buffer, "+%u=", i);
        }
      /* Length-prefixed, NULL apart from "": no two contents share bytes. */
      if (fields[i] == NULL)
        g_string_append (buffer, "~;");
      else
        {
          gsize len = strlen (fields[i]);
          char digits[24];
          int n = 0;

          /* The length in decimal, by hand: printf is half the time of a
           * walk over 100,000 entries. */
          do
            digits[n++] = '0' + len % 10;
          while ((len /= 10) > 0);
          while (n > 0)
            g_string_append_c (buffer, digits[--n]);
          g_string_append_c (buffer, ':');
          g_string_append (buffer, fields[i]);
          g_string_append_c (buffer, ';');
        }
    }
  g_checksum_reset (checksum);
  g_checksum_update (checksum, (const guchar *) buffer->str, buffer->len);
  memcpy (out, g_checksum_get_string (checksum), WARD_LEDGER_HASH_LEN);
  out[WARD_LEDGER_HASH_LEN] = '\0';
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
chain_tail (WardStore   *store,
            gint64       campaign_id,
            const char  *book,
            gint64      *seq,
            char        *prev_hash,
            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT seq, hash FROM ledger_entries WHERE campaign_id = ? AND book = ? "
                             "ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, book, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (prev_hash, ward_stmt_text (stmt, 1), WARD_LEDGER_HASH_LEN + 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  *seq = 0;
  g_strlcpy (prev_hash, WARD_LEDGER_GENESIS, WARD_LEDGER_HASH_LEN + 1);
  return TRUE;
}

static void
bind_fields (WardStmt           *stmt,
             const char * const *fields,
             const WardLedgerNewEntry *entry,
             gint64              campaign_id,
             gint64              seq,
             const char         *hash)
{
  sqlite3_bind_text (stmt, 1, fields[WARD_LEDGER_HASH_UUID], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, campaign_id);
  sqlite3_bind_int64 (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, fields[WARD_LEDGER_HASH_KIND], -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 5, fields[WARD_LEDGER_HASH_RECEIPT_NUMBER]);
  sqlite3_bind_text (stmt, 6, fields[WARD_LEDGER_HASH_DATE], -1, SQLITE_TRANSIENT);
  ward_stmt_bind_text_or_null (stmt, 7, fields[WARD_LEDGER_HASH_DONOR]);
  ward_stmt_bind_text_or_null (stmt, 8, fields[WARD_LEDGER_HASH_DONOR_KIND]);
  ward_stmt_bind_text_or_null (stmt, 9, fields[WARD_LEDGER_HASH_DONOR_GROUP]);
  sqlite3_bind_text (stmt, 10, entry->search_key ? entry->search_key : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 11, entry->amount);
  ward_stmt_bind_text_or_null (stmt, 12, fields[WARD_LEDGER_HASH_METHOD]);
  ward_stmt_bind_text_or_null (stmt, 13, fields[WARD_LEDGER_HASH_REFERENCE]);
  ward_stmt_bind_text_or_null (stmt, 14, fields[WARD_LEDGER_HASH_COLLECTOR]);
  ward_stmt_bind_text_or_null (stmt, 15, fields[WARD_LEDGER_HASH_RECEIVER]);
  ward_stmt_bind_text_or_null (stmt, 16, fields[WARD_LEDGER_HASH_VOUCHER]);
  if (entry->reverses_id > 0)
    sqlite3_bind_int64 (stmt, 17, entry->reverses_id);
  ward_stmt_bind_text_or_null (stmt, 18, fields[WARD_LEDGER_HASH_REASON]);
  ward_stmt_bind_text_or_null (stmt, 19, fields[WARD_LEDGER_HASH_NOTE]);
  sqlite3_bind_text (stmt, 20, fields[WARD_LEDGER_HASH_PREV_HASH], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 21, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 22, fields[WARD_LEDGER_HASH_CREATED_AT], -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 23, fields[WARD_LEDGER_HASH_BOOK], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 24, entry->anonymous ? 1 : 0);
}

gboolean
ward_ledger_append (WardStore                *store,
                    const WardCampaign       *campaign,
                    const WardLedgerNewEntry *entry,
                    gint64                   *id_out,
                    GError                  **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  char prev_hash[WARD_LEDGER_HASH_LEN + 1];
  char hash[WARD_LEDGER_HASH_LEN + 1];
  char seq_text[24], amount_text[24];
  const char *fields[WARD_LEDGER_N_HASH_FIELDS] = { NULL };
  gint64 seq = 0;
  int rc;
  /* Each installation writes its own book, so that entries recorded on two
   * laptops apart never extend the same chain (see ward-exchange.h). */
  g_autofree char *book = ward_store_dup_book (store, error);

  if (book == NULL || !chain_tail (store, campaign->id, book, &seq, prev_hash, error))
    return FALSE;
  seq++;
  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);
  g_snprintf (amount_text, sizeof amount_text, "%" G_GINT64_FORMAT, entry->amount);

  fields[WARD_LEDGER_HASH_CAMPAIGN] = campaign->uuid;
  fields[WARD_LEDGER_HASH_BOOK] = book;
  fields[WARD_LEDGER_HASH_SEQ] = seq_text;
  fields[WARD_LEDGER_HASH_KIND] = ward_ledger_kind_to_db (entry->kind);
  fields[WARD_LEDGER_HASH_UUID] = uuid;
  fields[WARD_LEDGER_HASH_RECEIPT_NUMBER] = nonempty (entry->receipt_number);
  fields[WARD_LEDGER_HASH_DATE] = entry->date;
  fields[WARD_LEDGER_HASH_DONOR] = nonempty (entry->donor);
  fields[WARD_LEDGER_HASH_DONOR_KIND] = nonempty (entry->donor_kind);
  fields[WARD_LEDGER_HASH_DONOR_GROUP] = nonempty (entry->donor_group);
  fields[WARD_LEDGER_HASH_AMOUNT] = amount_text;
  fields[WARD_LEDGER_HASH_METHOD] = nonempty (entry->method);
  fields[WARD_LEDGER_HASH_REFERENCE] = nonempty (entry->reference);
  fields[WARD_LEDGER_HASH_COLLECTOR] = nonempty (entry->collector);
  fields[WARD_LEDGER_HASH_RECEIVER] = nonempty (entry->receiver);
  fields[WARD_LEDGER_HASH_VOUCHER] = nonempty (entry->voucher);
  fields[WARD_LEDGER_HASH_REVERSES] = nonempty (entry->reverses_uuid);
  fields[WARD_LEDGER_HASH_REASON] = nonempty (entry->reason);
  fields[WARD_LEDGER_HASH_NOTE] = nonempty (entry->note);
  fields[WARD_LEDGER_HASH_CREATED_AT] = now;
  fields[WARD_LEDGER_HASH_PREV_HASH] = prev_hash;
  fields[WARD_LEDGER_HASH_ANONYMOUS] = entry->anonymous ? "1" : NULL;
  ward_ledger_hash_fields (checksum, buffer, fields, hash);

  stmt = ward_store_prepare (store,
                             "INSERT INTO ledger_entries (uuid, campaign_id, book, seq, kind, "
                             "receipt_number, entry_date, donor, donor_kind, donor_group, search_key, "
                             "amount, method, reference, collector, receiver, voucher, reverses_id, "
                             "reason, note, prev_hash, hash, created_at, updated_at, anonymous) "
                             "VALUES (?1, ?2, ?23, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                             "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?24)", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, fields, entry, campaign->id, seq, hash);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (ward_store_get_db (store));
  ward_store_notify_changed (store, "ledger_entries");
  return TRUE;
}

/* ---- Verifying ---------------------------------------------------------- */

typedef struct
{
  GPtrArray  *report;
  guint       n_findings;
  gboolean    several_campaigns;
  GHashTable *removed;    /* "campaign/book/seq" of entries the audit knows were removed */
} Verify;

static char *
removed_key (gint64      campaign_id,
             const char *book,
             gint64      seq)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%" G_GINT64_FORMAT,
                          campaign_id, book ? book : "", seq);
}

static void
add_finding (Verify     *verify,
             const char *campaign_name,
             char       *sentence)
{
  verify->n_findings++;
  if (verify->report == NULL)
    {
      g_free (sentence);
      return;
    }
  if (verify->several_campaigns)
    {
      g_ptr_array_add (verify->report, g_strdup_printf ("%s — %s", campaign_name ? campaign_name : "?",
                                                        sentence));
      g_free (sentence);
    }
  else
    g_ptr_array_add (verify->report, sentence);
}

static gboolean
count_campaigns (WardStore  *store,
                 Verify     *verify,
                 GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT COUNT (*) FROM (SELECT DISTINCT campaign_id FROM ledger_entries)",
                             error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);
  verify->several_campaigns = sqlite3_column_int64 (stmt, 0) > 1;
  return TRUE;
}

/* The audit trail records each entry once, on insert (the ledger has no
 * update or delete to record): as many audit rows as entries means none
 * is missing, and the slower search below is not needed. */
static gboolean
audit_counts_match (WardStore  *store,
                    gboolean   *match,
                    GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store,
                             "SELECT (SELECT COUNT (*) FROM audit WHERE table_name = 'ledger_entries'), "
                             "(SELECT COUNT (*) FROM ledger_entries)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);
  *match = sqlite3_column_int64 (stmt, 0) == sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Entries the audit trail saw inserted that are no longer there. */
static gboolean
find_removed (WardStore  *store,
              Verify     *verify,
              GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  gboolean match = FALSE;
  int rc;

  if (!audit_counts_match (store, &match, error))
    return FALSE;
  if (match)
    return TRUE;

  stmt = ward_store_prepare (store,
                             "SELECT json_extract (a.new_values, '$.campaign_id'), "
                             "  json_extract (a.new_values, '$.book'), json_extract (a.new_values, '$.seq'), "
                             "  json_extract (a.new_values, '$.kind'), "
                             "  json_extract (a.new_values, '$.receipt_number'), "
                             "  json_extract (a.new_values, '$.voucher'), "
                             "  json_extract (a.new_values, '$.entry_date'), c.name "
                             "FROM audit a "
                             "LEFT JOIN campaigns c ON c.id = json_extract (a.new_values, '$.campaign_id') "
                             "WHERE a.table_name = 'ledger_entries' AND a.action = 'insert' "
                             "  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.uuid = a.row_uuid) "
                             "ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardLedgerKind kind = WARD_LEDGER_RECEIPT;
      g_autofree char *what = NULL;

      ward_ledger_kind_from_db (ward_stmt_text (stmt, 3), &kind);
      what = ward_ledger_describe_values (kind, ward_stmt_text (stmt, 4), ward_stmt_text (stmt, 5),
                                          ward_stmt_text (stmt, 6));
      g_hash_table_add (verify->removed,
                        removed_key (sqlite3_column_int64 (stmt, 0), ward_stmt_text (stmt, 1),
                                     sqlite3_column_int64 (stmt, 2)));
      add_finding (verify, ward_stmt_text (stmt, 7),
                   g_strdup_printf (_("%s was removed from the ledger outside Ward Tracker."), what));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

#define VERIFY_SELECT \
  "SELECT c.uuid, e.book, e.seq, e.kind, e.uuid, e.receipt_number, e.entry_date, e.donor, " \
  "  e.donor_kind, e.donor_group, e.amount, e.method, e.reference, e.collector, e.receiver, " \
  "  e.voucher, r.uuid, e.reason, e.note, e.created_at, e.prev_hash, " \
  "  CASE WHEN e.anonymous THEN '1' END, " \
  "  e.hash, e.campaign_id, c.name " \
  "FROM ledger_entries e " \
  "LEFT JOIN campaigns c ON c.id = e.campaign_id " \
  "LEFT JOIN ledger_entries r ON r.id = e.reverses_id " \
  "ORDER BY e.campaign_id, e.book, e.seq"

enum { COL_HASH = WARD_LEDGER_N_HASH_FIELDS, COL_CAMPAIGN_ID, COL_CAMPAIGN_NAME };

typedef struct
{
  gint64  campaign_id;
  char   *book;
  gint64  next_seq;
  char    prev_hash[WARD_LEDGER_HASH_LEN + 1];
} Chain;

/* Seqs missing before this entry that the audit trail does not name. */
static guint
unexplained_gap (Verify      *verify,
                 const Chain *chain,
                 gint64       seq)
{
  guint missing = 0;

  for (gint64 s = chain->next_seq; s < seq; s++)
    {
      g_autofree char *key = removed_key (chain->campaign_id, chain->book, s);

      if (!g_hash_table_contains (verify->removed, key))
        missing++;
      if (missing > 1000000)
        break;
    }
  return missing;
}

/* "Receipt no. 12": made only when there is something to say. */
static char *
describe_row (WardStmt *stmt)
{
  WardLedgerKind kind = WARD_LEDGER_RECEIPT;

  ward_ledger_kind_from_db (ward_stmt_text (stmt, WARD_LEDGER_HASH_KIND), &kind);
  return ward_ledger_describe_values (kind,
                                      ward_stmt_text (stmt, WARD_LEDGER_HASH_RECEIPT_NUMBER),
                                      ward_stmt_text (stmt, WARD_LEDGER_HASH_VOUCHER),
                                      ward_stmt_text (stmt, WARD_LEDGER_HASH_DATE));
}

static void
check_links (Verify      *verify,
             Chain       *chain,
             WardStmt    *stmt,
             const char  *campaign_name)
{
  g_autofree char *what = NULL;
  gint64 seq = sqlite3_column_int64 (stmt, WARD_LEDGER_HASH_SEQ);
  const char *prev_hash = ward_stmt_text (stmt, WARD_LEDGER_HASH_PREV_HASH);

  if (seq > chain->next_seq)
    {
      guint missing = unexplained_gap (verify, chain, seq);

      if (missing > 0)
        what = describe_row (stmt);
      if (missing > 0)
        add_finding (verify, campaign_name,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "An entry just before %s was removed from the "
                                                   "ledger outside Ward Tracker.",
                                                   "%2$u entries just before %1$s were removed from "
                                                   "the ledger outside Ward Tracker.", missing),
                                      what, missing));
    }
  else if (strcmp (prev_hash, chain->prev_hash) != 0)
    {
      what = describe_row (stmt);
      add_finding (verify, campaign_name,
                 g_strdup_printf (_("%s: the link to the entry before it does not match; that "
                                    "entry was changed or replaced outside Ward Tracker."), what));
    }
}

static gboolean
walk_chains (WardStore  *store,
             Verify     *verify,
             GError    **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buffer = g_string_sized_new (512);
  g_autofree char *book = NULL;
  Chain chain = { .campaign_id = -1 };
  const char *fields[WARD_LEDGER_N_HASH_FIELDS];
  char hash[WARD_LEDGER_HASH_LEN + 1];
  int rc;

  stmt = ward_store_prepare (store, VERIFY_SELECT, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 campaign_id = sqlite3_column_int64 (stmt, COL_CAMPAIGN_ID);
      const char *campaign_name = ward_stmt_text (stmt, COL_CAMPAIGN_NAME);

      /* Every value as the text SQLite holds: a number altered to 1.5 no
       * longer reads as 1. */
      for (guint i = 0; i < WARD_LEDGER_N_HASH_FIELDS; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, i);
      if (campaign_id != chain.campaign_id || g_strcmp0 (fields[WARD_LEDGER_HASH_BOOK], book) != 0)
        {
          g_free (book);
          book = g_strdup (fields[WARD_LEDGER_HASH_BOOK]);
          chain.campaign_id = campaign_id;
          chain.book = book;
          chain.next_seq = 1;
          g_strlcpy (chain.prev_hash, WARD_LEDGER_GENESIS, sizeof chain.prev_hash);
        }

      check_links (verify, &chain, stmt, campaign_name);

      ward_ledger_hash_fields (checksum, buffer, fields, hash);
      if (g_strcmp0 (hash, ward_stmt_text (stmt, COL_HASH)) != 0)
        {
          g_autofree char *what = describe_row (stmt);

          add_finding (verify, campaign_name,
                       g_strdup_printf (_("%s: its content was changed outside Ward Tracker."), what));
        }

      chain.next_seq = sqlite3_column_int64 (stmt, WARD_LEDGER_HASH_SEQ) + 1;
      g_strlcpy (chain.prev_hash, ward_stmt_text (stmt, COL_HASH), sizeof chain.prev_hash);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
ward_ledger_verify (WardStore  *store,
                    GPtrArray  *report,
                    GError    **error)
{
  g_autoptr (GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Verify verify = { report, 0, FALSE, removed };

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  if (!count_campaigns (store, &verify, error) ||
      !find_removed (store, &verify, error) ||
      !walk_chains (store, &verify, error))
    return FALSE;
  if (verify.n_findings == 0)
    return TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_TAMPERED,
               g_dngettext (GETTEXT_PACKAGE,
                            "The donation ledger was changed outside Ward Tracker: %u finding. "
                            "Restore the file from a backup, or ask who changed it.",
                            "The donation ledger was changed outside Ward Tracker: %u findings. "
                            "Restore the file from a backup, or ask who changed it.",
                            verify.n_findings),
               verify.n_findings);
  return FALSE;
}

static char *
describe_added (WardStmt *stmt)
{
  g_autofree char *date = ward_format_date (ward_stmt_text (stmt, 2));
  g_autofree char *money = ward_format_money (sqlite3_column_int64 (stmt, 4));
  const char *kind = ward_stmt_text (stmt, 0);

  if (g_str_equal (kind, "receipt"))
    return g_strdup_printf (_("receipt no. %s of %s, %s, %s"), ward_stmt_text (stmt, 1), date,
                            ward_stmt_text (stmt, 3), money);
  if (g_str_equal (kind, "transfer"))
    return g_strdup_printf (_("transfer of %s, %s"), date, money);
  return g_strdup_printf (_("correction of %s, %s"), date, money);
}

GPtrArray *
ward_ledger_entries_after_hash (WardStore   *store,
                                const char  *hash,
                                GError     **error)
{
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *wanted = g_ascii_strdown (g_strstrip (g_strdup (hash)), -1);
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  /* The anchor first (one row, or none), then its chain after it. */
  stmt = ward_store_prepare (store,
                             "SELECT e.kind, e.receipt_number, e.entry_date, e.donor, e.amount, "
                             "  e.seq = a.seq FROM ledger_entries a "
                             "JOIN ledger_entries e ON e.campaign_id = a.campaign_id AND e.book = a.book "
                             "  AND e.seq >= a.seq "
                             "WHERE a.hash = ? ORDER BY e.seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 5))
        found = TRUE;
      else
        g_ptr_array_add (added, describe_added (stmt));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error), NULL;
  if (!found)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_TAMPERED,
                   _("The hash %s is not in this file's donation ledger: the list it was printed "
                     "on came from another file, or the ledger was rewritten after it was printed."),
                   wanted);
      return NULL;
    }
  return g_steal_pointer (&added);
}
