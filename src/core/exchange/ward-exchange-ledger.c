/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "donations/ward-donations-ledger-private.h"
#include "exchange/ward-exchange-private.h"

/* The ledger's part of an import. Entries are only ever added: an entry
 * already here (same uuid) is skipped, a new one must extend its chain
 * (one per campaign and receipt book) exactly where this file's copy of
 * the chain ends, with a hash that matches its content. Each installation
 * writes in its own book, so two laptops never extend the same chain. */

/* The column each field of an entry's hash comes from. */
static const char * const hash_columns[WARD_LEDGER_N_HASH_FIELDS] = {
  [WARD_LEDGER_HASH_CAMPAIGN] = "campaign_id",
  [WARD_LEDGER_HASH_BOOK] = "book",
  [WARD_LEDGER_HASH_SEQ] = "seq",
  [WARD_LEDGER_HASH_KIND] = "kind",
  [WARD_LEDGER_HASH_UUID] = NULL,
  [WARD_LEDGER_HASH_RECEIPT_NUMBER] = "receipt_number",
  [WARD_LEDGER_HASH_DATE] = "entry_date",
  [WARD_LEDGER_HASH_DONOR] = "donor",
  [WARD_LEDGER_HASH_DONOR_KIND] = "donor_kind",
  [WARD_LEDGER_HASH_DONOR_GROUP] = "donor_group",
  [WARD_LEDGER_HASH_AMOUNT] = "amount",
  [WARD_LEDGER_HASH_METHOD] = "method",
  [WARD_LEDGER_HASH_REFERENCE] = "reference",
  [WARD_LEDGER_HASH_COLLECTOR] = "collector",
  [WARD_LEDGER_HASH_RECEIVER] = "receiver",
  [WARD_LEDGER_HASH_VOUCHER] = "voucher",
  [WARD_LEDGER_HASH_REVERSES] = "reverses_id",
  [WARD_LEDGER_HASH_REASON] = "reason",
  [WARD_LEDGER_HASH_NOTE] = "note",
  [WARD_LEDGER_HASH_CREATED_AT] = "created_at",
  [WARD_LEDGER_HASH_PREV_HASH] = "prev_hash",
  [WARD_LEDGER_HASH_ANONYMOUS] = "anonymous",
};

typedef struct
{
  JsonObject *record;
  JsonObject *values;
  const char *uuid;
  const char *campaign;   /* the campaign's uuid, as hashed */
  const char *book;
  gint64      seq;
  const char *hash;
  const char *prev_hash;
  /* A correction (ward_ledger_correct_receipt()): its reversal, then the
   * receipt written again under the same number, next in the chain. */
  const void *replacement;     /* on the reversal: the Entry that follows it */
  gboolean    is_replacement;
} Entry;

typedef struct
{
  BundlePlanner *planner;
  GHashTable    *chains;     /* "campaign\x1fbook" -> GPtrArray of Entry */
  GHashTable    *new_uuids;  /* uuid -> Entry */
  GHashTable    *receipts;   /* "campaign\x1fnumber" of new receipts */
  GPtrArray     *entries;    /* Entry, owned */
} Ledger;

static const char *
text_member (JsonObject *values,
             const char *member)
{
  JsonNode *node = json_object_get_member (values, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
describe_entry (const Entry *entry)
{
  WardLedgerKind kind = WARD_LEDGER_RECEIPT;

  ward_ledger_kind_from_db (text_member (entry->values, "kind"), &kind);
  return ward_ledger_describe_values (kind, text_member (entry->values, "receipt_number"),
                                      text_member (entry->values, "voucher"),
                                      text_member (entry->values, "entry_date"));
}

static char *
campaign_name (Ledger     *ledger,
               const char *campaign_uuid)
{
  g_autofree char *key = bundle_key ("campaigns", campaign_uuid);
  JsonObject *record = g_hash_table_lookup (ledger->planner->incoming, key);
  const char *name = record ? text_member (json_object_get_object_member (record, "values"), "name") : NULL;

  return g_strdup (name ? name : campaign_uuid);
}

static gboolean
tampered (Ledger       *ledger,
          const Entry  *entry,
          GError      **error)
{
  g_autofree char *what = describe_entry (entry);

  g_set_error (error, WARD_ERROR, WARD_ERROR_TAMPERED,
               _("In the bundle “%s”, the ledger entry “%s” does not match its hash: it was changed "
                 "after it was recorded. Nothing was imported. Ask for the bundle again."),
               ledger->planner->plan->display_name, what);
  return FALSE;
}

static gboolean
read_entry (Ledger      *ledger,
            JsonObject  *record,
            Entry       *entry,
            GError     **error)
{
  JsonNode *seq;

  entry->record = record;
  entry->values = json_object_get_object_member (record, "values");
  entry->uuid = text_member (record, "uuid");
  entry->campaign = text_member (entry->values, "campaign_id");
  entry->book = text_member (entry->values, "book");
  entry->hash = text_member (entry->values, "hash");
  entry->prev_hash = text_member (entry->values, "prev_hash");
  seq = json_object_get_member (entry->values, "seq");
  if (entry->campaign == NULL || entry->book == NULL || entry->hash == NULL || entry->prev_hash == NULL
      || seq == NULL || !JSON_NODE_HOLDS_VALUE (seq) || json_node_get_value_type (seq) != G_TYPE_INT64
      || json_node_get_int (seq) < 1)
    return bundle_corrupt (ledger->planner->plan, "ledger_entries", error);
  entry->seq = json_node_get_int (seq);
  return TRUE;
}

/* "present": here already, with the same hash; else a new entry. */
static gboolean
lookup_here (Ledger       *ledger,
             const Entry  *entry,
             gboolean     *present,
             GError      **error)
{
  WardStore *store = ledger->planner->store;
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT hash FROM ledger_entries WHERE uuid = ?",
                                                  error);
  int rc;

  *present = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (g_strcmp0 (ward_stmt_text (stmt, 0), entry->hash) != 0)
        return tampered (ledger, entry, error);
      *present = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static void
compute_hash (const Entry *entry,
              char         out[WARD_LEDGER_HASH_LEN + 1])
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GString) buffer = g_string_new (NULL);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *fields[WARD_LEDGER_N_HASH_FIELDS];

  for (guint i = 0; i < WARD_LEDGER_N_HASH_FIELDS; i++)
    {
      char *text = NULL;

      if (i == WARD_LEDGER_HASH_UUID)
        text = g_strdup (entry->uuid);
      else if (i == WARD_LEDGER_HASH_ANONYMOUS)
        /* A flag, hashed only when set (ward_ledger_hash_fields()); a bundle
         * from before it has none. */
        text = json_object_has_member (entry->values, hash_columns[i])
               && json_object_get_int_member (entry->values, hash_columns[i]) != 0
               ? g_strdup ("1") : NULL;
      else if (json_object_has_member (entry->values, hash_columns[i]))
        text = bundle_node_to_text (json_object_get_member (entry->values, hash_columns[i]));
      g_ptr_array_add (texts, text);
      fields[i] = text;
    }
  ward_ledger_hash_fields (checksum, buffer, fields, out);
}

static gboolean
query_chain_hash (WardStore   *store,
                  gint64       campaign_id,
                  const char  *book,
                  gint64       seq,
                  char       **hash_out,
                  GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
                                                  "SELECT hash FROM ledger_entries "
                                                  "WHERE campaign_id = ? AND book = ? AND seq = ?", error);
  int rc;

  *hash_out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_text (stmt, 2, book, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, seq);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *hash_out = ward_stmt_dup_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
check_receipt (Ledger       *ledger,
               const Entry  *entry,
               gint64        campaign_id,
               GError      **error)
{
  const char *number = text_member (entry->values, "receipt_number");
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  gboolean clash;
  int rc;

  if (number == NULL || g_strcmp0 (text_member (entry->values, "kind"), "receipt") != 0
      || entry->is_replacement)
    return TRUE;
  key = g_strconcat (entry->campaign, "\x1f", number, NULL);
  clash = !g_hash_table_add (ledger->receipts, g_steal_pointer (&key));
  if (!clash)
    {
      stmt = ward_store_prepare (ledger->planner->store,
                                 "SELECT 1 FROM ledger_entries WHERE campaign_id = ? "
                                 "AND kind = 'receipt' AND receipt_number = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ward_store_set_error (ledger->planner->store, rc, error);
      clash = (rc == SQLITE_ROW);
    }
  if (!clash)
    return TRUE;
  name = campaign_name (ledger, entry->campaign);
  g_set_error (error, WARD_ERROR, WARD_ERROR_DUPLICATE,
               _("Receipt no. %s of the campaign “%s” is recorded twice, as two different receipts, "
                 "here and in the bundle “%s”. Nothing was imported: find out which receipt is wrong, "
                 "correct it, and import again."),
               number, name, ledger->planner->plan->display_name);
  return FALSE;
}

static gboolean
check_reverses (Ledger       *ledger,
                const Entry  *entry,
                GError      **error)
{
  const char *reverses = text_member (entry->values, "reverses_id");
  g_autoptr (GError) local_error = NULL;

  if (reverses == NULL || g_hash_table_contains (ledger->new_uuids, reverses))
    return TRUE;
  if (bundle_uuid_exists (ledger->planner->store, "ledger_entries", reverses, NULL, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return bundle_corrupt (ledger->planner->plan, "reverses_id", error);
}

/* The campaign as hashed must be the campaign here: otherwise the chain
 * would no longer verify in this file. */
static gboolean
campaign_here (Ledger       *ledger,
               const char   *campaign,
               gint64       *campaign_id,
               GError      **error)
{
  g_autofree char *key = bundle_key ("campaigns", campaign);
  const char *mapped = g_hash_table_lookup (ledger->planner->map, key);
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;

  *campaign_id = -1;
  if (mapped != NULL && g_str_equal (mapped, campaign))
    {
      /* A campaign new here, or one taking this uuid, has no entries yet. */
      if (!bundle_uuid_exists (ledger->planner->store, "campaigns", campaign, campaign_id, &local_error)
          && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }
  if (mapped == NULL && bundle_uuid_exists (ledger->planner->store, "campaigns", campaign, campaign_id, NULL))
    return TRUE;
  name = campaign_name (ledger, campaign);
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("The receipts of the campaign “%s” in the bundle “%s” cannot join this file’s ledger: "
                 "the campaign was set up separately on this computer and on the sending one, and both "
                 "already hold receipts in it. Nothing was imported."),
               name, ledger->planner->plan->display_name);
  return FALSE;
}

static gboolean
check_link (Ledger       *ledger,
            const Entry  *entry,
            const Entry  *before,
            gint64        campaign_id,
            GError      **error)
{
  g_autofree char *here = NULL;
  g_autofree char *prev = NULL;
  char computed[WARD_LEDGER_HASH_LEN + 1];

  if (!query_chain_hash (ledger->planner->store, campaign_id, entry->book, entry->seq, &here, error))
    return FALSE;
  if (here != NULL)
    {
      g_autofree char *name = campaign_name (ledger, entry->campaign);

      /* Every installation writes the book without a prefix until the
       * ledger writes each installation's own book. */
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The receipt book “%s” of the campaign “%s” is written on this computer and on the "
                     "one that made the bundle “%s”. Nothing was imported: each computer must write its "
                     "receipts in a book of its own (its prefix is shown in Export Data Bundle…)."),
                   *entry->book != '\0' ? entry->book : _("(without a prefix)"), name,
                   ledger->planner->plan->display_name);
      return FALSE;
    }
  if (entry->seq == 1)
    prev = g_strdup (WARD_LEDGER_GENESIS);
  else if (before != NULL && before->seq == entry->seq - 1)
    prev = g_strdup (before->hash);
  else if (!query_chain_hash (ledger->planner->store, campaign_id, entry->book, entry->seq - 1, &prev, error))
    return FALSE;
  if (prev == NULL)
    {
      g_autofree char *what = describe_entry (entry);

      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The bundle “%s” lacks the ledger entries before “%s” (receipt book “%s”). Nothing "
                     "was imported. Ask for a bundle of every record (made without a start date)."),
                   ledger->planner->plan->display_name, what, entry->book);
      return FALSE;
    }
  compute_hash (entry, computed);
  if (!g_str_equal (prev, entry->prev_hash) || !g_str_equal (computed, entry->hash))
    return tampered (ledger, entry, error);
  return TRUE;
}

/* This file's own book, without making an installation id for a file
 * that has none yet (and so has written no receipt of its own). */
static char *
own_book (WardStore *store)
{
  g_autofree char *id = ward_store_dup_setting (store, "installation-id");

  return id != NULL && *id != '\0' ? ward_store_dup_book (store, NULL) : NULL;
}

/* An installation's receipt book receives entries only from that
 * installation: never this file's own book from a bundle, and never the
 * book of a known installation from another one's bundle. */
static gboolean
check_book_owner (Ledger       *ledger,
                  const Entry  *entry,
                  GError      **error)
{
  WardBundlePlan *plan = ledger->planner->plan;
  g_autofree char *mine = own_book (ledger->planner->store);
  g_autoptr (WardStmt) stmt = NULL;
  gboolean foreign = FALSE;

  if (g_strcmp0 (entry->book, plan->book) == 0 && g_strcmp0 (entry->book, mine) != 0)
    return TRUE;
  if (g_strcmp0 (entry->book, mine) == 0)
    foreign = TRUE;
  else
    {
      stmt = ward_store_prepare (ledger->planner->store,
                                 "SELECT 1 FROM bundle_peers WHERE book = ? AND uuid <> ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entry->book, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, plan->installation, -1, SQLITE_TRANSIENT);
      foreign = sqlite3_step (stmt) == SQLITE_ROW;
    }
  if (!foreign)
    return TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("The bundle “%s” holds entries in the receipt book “%s”, which another installation "
                 "writes: a book receives entries only from the installation that owns it. Nothing "
                 "was imported."), plan->display_name, entry->book);
  return FALSE;
}

static int
compare_seq (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;

  return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The receipt right after the reversal of a receipt with its number, in
 * the same chain, is that receipt corrected: it keeps the number, and is
 * inserted right after its reversal (the ledger's own rule then checks it,
 * ward_ledger_check_arriving()). */
static void
mark_replacement (Entry *previous,
                  Entry *entry)
{
  const char *number = text_member (entry->values, "receipt_number");

  if (number != NULL
      && g_strcmp0 (text_member (entry->values, "kind"), "receipt") == 0
      && g_strcmp0 (text_member (previous->values, "kind"), "reversal") == 0
      && g_strcmp0 (text_member (previous->values, "receipt_number"), number) == 0)
    {
      previous->replacement = entry;
      entry->is_replacement = TRUE;
    }
}

static gboolean
check_chain (Ledger     *ledger,
             GPtrArray  *chain,
             GError    **error)
{
  const Entry *first = chain->pdata[0];
  gint64 campaign_id = -1;

  g_ptr_array_sort (chain, compare_seq);
  if (!campaign_here (ledger, first->campaign, &campaign_id, error))
    return FALSE;
  for (guint i = 0; i < chain->len; i++)
    {
      Entry *entry = chain->pdata[i];

      if (i > 0)
        mark_replacement (chain->pdata[i - 1], entry);
      if (!check_book_owner (ledger, entry, error)
          || !check_link (ledger, entry, i > 0 ? chain->pdata[i - 1] : NULL, campaign_id, error)
          || !check_receipt (ledger, entry, campaign_id, error)
          || !check_reverses (ledger, entry, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
collect (Ledger     *ledger,
         JsonArray  *array,
         GError    **error)
{
  WardBundleCount *count = bundle_planner_count (ledger->planner, "ledger_entries");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Entry *entry = g_new0 (Entry, 1);
      g_autofree char *key = NULL;
      GPtrArray *chain;
      gboolean present = FALSE;
      WardLedgerKind kind;

      g_ptr_array_add (ledger->entries, entry);
      if (!read_entry (ledger, json_array_get_object_element (array, i), entry, error)
          || !lookup_here (ledger, entry, &present, error))
        return FALSE;
      if (!ward_ledger_kind_from_db (text_member (entry->values, "kind"), &kind))
        return bundle_corrupt (ledger->planner->plan, "kind", error);
      if (present)
        {
          count->n_unchanged++;
          continue;
        }
      if (!g_hash_table_insert (ledger->new_uuids, (gpointer) entry->uuid, entry))
        return bundle_corrupt (ledger->planner->plan, "ledger_entries", error);
      key = g_strconcat (entry->campaign, "\x1f", entry->book, NULL);
      chain = g_hash_table_lookup (ledger->chains, key);
      if (chain == NULL)
        {
          chain = g_ptr_array_new ();
          g_hash_table_insert (ledger->chains, g_steal_pointer (&key), chain);
        }
      g_ptr_array_add (chain, entry);
      count->n_added++;
    }
  return TRUE;
}

static BundleAction *
add_insert (Ledger      *ledger,
            BundleTable *table,
            const Entry *entry)
{
  BundleAction *action = bundle_action_new (ACTION_LEDGER_INSERT, table, entry->uuid);

  action->values = json_object_ref (entry->values);
  g_ptr_array_add (ledger->planner->plan->actions, action);
  ledger->planner->plan->n_changes++;
  return action;
}

static void
add_inserts (Ledger      *ledger,
             BundleTable *table,
             const char  *kind)
{
  for (guint i = 0; i < ledger->entries->len; i++)
    {
      const Entry *entry = ledger->entries->pdata[i];
      const Entry *replacement = entry->replacement;
      BundleAction *action;

      if (!g_hash_table_contains (ledger->new_uuids, entry->uuid) || entry->is_replacement
          || g_strcmp0 (text_member (entry->values, "kind"), kind) != 0)
        continue;
      action = add_insert (ledger, table, entry);
      if (replacement != NULL)
        {
          action->replacement = json_object_ref (replacement->values);
          add_insert (ledger, table, replacement);
        }
    }
}

gboolean
bundle_plan_ledger (BundlePlanner  *planner,
                    GError        **error)
{
  g_autoptr (GHashTable) chains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) new_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  Ledger ledger = { planner, chains, new_uuids, receipts, entries };
  BundleTable *table = bundle_schema_lookup (planner->schema, "ledger_entries");
  JsonNode *node = json_object_get_member (planner->plan->records, "ledger_entries");
  GHashTableIter iter;
  gpointer chain;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!collect (&ledger, json_node_get_array (node), error))
    return FALSE;
  g_hash_table_iter_init (&iter, chains);
  while (g_hash_table_iter_next (&iter, NULL, &chain))
    if (!check_chain (&ledger, chain, error))
      return FALSE;
  /* The money first, then what leaves, then the corrections: each entry is
   * checked against the ledger the ones before it left
   * (ward_ledger_check_arriving()), and a transfer meets every receipt
   * that came with it. */
  add_inserts (&ledger, table, "receipt");
  add_inserts (&ledger, table, "transfer");
  add_inserts (&ledger, table, "reversal");
  return TRUE;
}
