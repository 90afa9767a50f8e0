/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "donations/ward-donations-ledger.h"

G_BEGIN_DECLS

/* What the hash of an entry covers, in this order. Each value is text
 * (numbers in decimal) or NULL; ward_ledger_hash_fields() writes each one
 * length-prefixed so that no two different contents give the same bytes. */
typedef enum
{
  WARD_LEDGER_HASH_CAMPAIGN,        /* the campaign's uuid */
  WARD_LEDGER_HASH_BOOK,
  WARD_LEDGER_HASH_SEQ,
  WARD_LEDGER_HASH_KIND,
  WARD_LEDGER_HASH_UUID,
  WARD_LEDGER_HASH_RECEIPT_NUMBER,
  WARD_LEDGER_HASH_DATE,
  WARD_LEDGER_HASH_DONOR,
  WARD_LEDGER_HASH_DONOR_KIND,
  WARD_LEDGER_HASH_DONOR_GROUP,
  WARD_LEDGER_HASH_AMOUNT,
  WARD_LEDGER_HASH_METHOD,
  WARD_LEDGER_HASH_REFERENCE,
  WARD_LEDGER_HASH_COLLECTOR,
  WARD_LEDGER_HASH_RECEIVER,
  WARD_LEDGER_HASH_VOUCHER,
  WARD_LEDGER_HASH_REVERSES,        /* the reversed entry's uuid */
  WARD_LEDGER_HASH_REASON,
  WARD_LEDGER_HASH_NOTE,
  WARD_LEDGER_HASH_CREATED_AT,
  WARD_LEDGER_HASH_PREV_HASH,
  /* Fields added later are hashed only when set, after the others, so that
   * the entries written before them keep their hash. */
  WARD_LEDGER_HASH_ANONYMOUS,       /* "1": the donor asked not to be named publicly */
  WARD_LEDGER_N_HASH_FIELDS
} WardLedgerHashField;

#define WARD_LEDGER_N_FIRST_HASH_FIELDS (WARD_LEDGER_HASH_PREV_HASH + 1)

#define WARD_LEDGER_HASH_LEN 64
#define WARD_LEDGER_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Writes the lower-case hex SHA-256 of @fields into @out. @checksum is
 * reset and reused, so that a walk over 100,000 entries allocates once. */
void      ward_ledger_hash_fields   (GChecksum          *checksum,
                                     GString            *buffer,
                                     const char * const *fields,
                                     char                out[WARD_LEDGER_HASH_LEN + 1]);

/* One new entry, as stored (NULL for an empty value). */
typedef struct
{
  WardLedgerKind  kind;
  const char     *receipt_number;
  const char     *date;
  const char     *donor;
  const char     *donor_kind;      /* "person", "household", "body" */
  const char     *donor_group;
  const char     *search_key;
  gint64          amount;
  const char     *method;          /* "cash", "transfer" */
  const char     *reference;
  const char     *collector;
  const char     *receiver;
  const char     *voucher;
  gint64          reverses_id;
  const char     *reverses_uuid;
  const char     *reason;
  const char     *note;
  gboolean        anonymous;
} WardLedgerNewEntry;

/* Appends @entry to the end of the campaign's chain (book ''), inside the
 * caller's transaction. */
gboolean  ward_ledger_append        (WardStore                *store,
                                     const WardCampaign       *campaign,
                                     const WardLedgerNewEntry *entry,
                                     gint64                   *id_out,
                                     GError                  **error);

const char *ward_ledger_kind_to_db          (WardLedgerKind     kind);
const char *ward_donor_kind_to_db           (WardDonorKind      kind);
const char *ward_payment_method_to_db       (WardPaymentMethod  method);
gboolean    ward_ledger_kind_from_db        (const char        *text,
                                             WardLedgerKind    *kind);
WardDonorKind     ward_donor_kind_from_db   (const char        *text);
WardPaymentMethod ward_payment_method_from_db (const char      *text);

/* NFC, trimmed; NULL for NULL or an empty value. */
char       *ward_ledger_clean_text          (const char        *text);
/* The folded donor, a new line, then the other searchable fields folded. */
char       *ward_ledger_make_search_key     (const char        *donor,
                                             const char * const *others);

/* A receipt that passed every rule, its texts cleaned once for the check
 * and the entry both: an import checks a row (and compares a duplicate
 * with the stored receipt) before its names are learned, then stores it,
 * and used to clean and check every receipt twice. Check and add inside
 * one write transaction of the caller's; the receipt number is checked
 * again at the add if the ledger was written in between. @input must
 * outlive it. */
typedef struct
{
  const WardReceiptInput *input;
  gint64                  campaign_id;
  guint64                 ledger_stamp;
  char                   *number;
  char                   *donor;
  char                   *reference;   /* NULL on a cash receipt */
  char                   *note;
} WardLedgerCheckedReceipt;

gboolean    ward_ledger_check_receipt_once  (WardStore                *store,
                                             const WardCampaign       *campaign,
                                             const WardReceiptInput   *input,
                                             WardLedgerCheckedReceipt *checked,
                                             WardLedgerField          *field,
                                             GError                  **error);
gboolean    ward_ledger_add_checked_receipt (WardStore                *store,
                                             const WardCampaign       *campaign,
                                             WardLedgerCheckedReceipt *checked,
                                             gint64                   *id_out,
                                             WardLedgerField          *field,
                                             GError                  **error);
void        ward_ledger_checked_receipt_clear (WardLedgerCheckedReceipt *checked);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WardLedgerCheckedReceipt, ward_ledger_checked_receipt_clear)

/* Whether receipt @number is in the campaign; @description (may be NULL)
 * receives "donor, amount, date" when it is. */
gboolean    ward_ledger_lookup_receipt      (WardStore         *store,
                                             gint64             campaign_id,
                                             const char        *number,
                                             gboolean          *found,
                                             char             **description,
                                             GError           **error);

/* "Receipt no. 12" and so on, from the stored values. */
char       *ward_ledger_describe_values     (WardLedgerKind     kind,
                                             const char        *receipt_number,
                                             const char        *voucher,
                                             const char        *date);

G_END_DECLS
