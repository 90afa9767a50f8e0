/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "donations/ward-donations-campaign.h"
#include "import/ward-import.h"
#include "store/ward-store-rows.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The donation ledger: receipts (thu), transfers upward (chuyển) and
 * corrections, per campaign. It is append-only: an entry is never edited
 * or deleted; a wrong one is reversed by a correction that names it and
 * says why. Each entry stores the SHA-256 of its own content and of the
 * entry before it in its chain (one chain per campaign and receipt book),
 * so that a change made outside the application is found by
 * ward_ledger_verify(). Money is whole đồng. */

/* Above this amount the form asks the clerk to confirm a receipt. */
#define WARD_LEDGER_CONFIRM_THRESHOLD G_GINT64_CONSTANT (50000000)

typedef enum
{
  WARD_LEDGER_RECEIPT,
  WARD_LEDGER_TRANSFER,
  WARD_LEDGER_REVERSAL,
} WardLedgerKind;

typedef enum
{
  WARD_DONOR_PERSON,
  WARD_DONOR_HOUSEHOLD,
  WARD_DONOR_BODY,       /* chi bộ, đoàn thể, cơ quan, tổ dân phố */
} WardDonorKind;

typedef enum
{
  WARD_PAYMENT_CASH,
  WARD_PAYMENT_BANK,     /* bank transfer: needs its reference */
} WardPaymentMethod;

/* The field a refused value belongs to, so that a form can point at it. */
typedef enum
{
  WARD_LEDGER_FIELD_NONE,
  WARD_LEDGER_FIELD_RECEIPT_NUMBER,
  WARD_LEDGER_FIELD_DATE,
  WARD_LEDGER_FIELD_DONOR,
  WARD_LEDGER_FIELD_DONOR_KIND,
  WARD_LEDGER_FIELD_GROUP,
  WARD_LEDGER_FIELD_AMOUNT,
  WARD_LEDGER_FIELD_METHOD,
  WARD_LEDGER_FIELD_REFERENCE,
  WARD_LEDGER_FIELD_COLLECTOR,
  WARD_LEDGER_FIELD_RECEIVER,
  WARD_LEDGER_FIELD_VOUCHER,
  WARD_LEDGER_FIELD_REASON,
  WARD_LEDGER_FIELD_NOTE,
} WardLedgerField;

typedef struct
{
  const char        *receipt_number;  /* unique in the campaign */
  const char        *date;            /* ISO yyyy-mm-dd */
  const char        *donor;
  WardDonorKind      donor_kind;
  const char        *donor_group;     /* chi bộ, đoàn thể, cơ quan, tổ dân phố; may be NULL */
  gint64             amount;          /* > 0, ≤ WARD_ENTRY_AMOUNT_MAX */
  WardPaymentMethod  method;
  const char        *reference;       /* required for WARD_PAYMENT_BANK, unless… */
  const char        *collector;
  const char        *note;
  /* …the receipt comes from a sheet the office kept, or from another
   * laptop: a transfer without its reference is then stored and marked
   * (ward_ledger_entry_lacks_reference()), never refused; the window's form
   * leaves it FALSE and still asks for the reference. */
  gboolean           reference_later;
  /* A receipt dated outside the campaign's period is refused unless the
   * clerk confirmed it (ward_campaign_describe_outside() says why). */
  gboolean           outside_period_confirmed;
  gboolean           anonymous;       /* the donor asked not to be named on public lists */
} WardReceiptInput;

typedef struct
{
  const char *date;
  gint64      amount;    /* no more than the money on hand */
  const char *receiver;
  const char *voucher;
  const char *note;
} WardTransferInput;

typedef struct
{
  gint64      reverses_id;
  const char *date;
  const char *reason;
} WardReversalInput;

/* ---- Words for the enums (translated) ---------------------------------- */

const char   *ward_donor_kind_to_string      (WardDonorKind      kind);
const char   *ward_payment_method_to_string  (WardPaymentMethod  method);
/* "Cá nhân", "Hộ gia đình", "Tập thể" and the English words; "" is FALSE
 * without an error, so that the caller can guess instead. */
gboolean      ward_donor_kind_parse          (const char        *text,
                                              WardDonorKind     *kind_out,
                                              GError           **error);
/* "Tiền mặt", "TM", "Chuyển khoản", "CK", "cash", "bank transfer"; "" is cash. */
gboolean      ward_payment_method_parse      (const char        *text,
                                              WardPaymentMethod *method_out,
                                              GError           **error);
/* A body when the name starts as bodies' names do ("Chi bộ …", "Hội …",
 * "Tổ dân phố …"), a household for "Hộ …" / "Gia đình …", else a person. */
WardDonorKind ward_donor_kind_guess          (const char        *donor);

gboolean      ward_ledger_amount_needs_confirmation (gint64 amount);

/* ---- Campaigns ---------------------------------------------------------- */

/* The campaign named by the setting "default-campaign" (its name or uuid),
 * else the first campaign of the file (the seeded Cuba one). */
WardCampaign *ward_ledger_default_campaign   (WardStore         *store,
                                              GError           **error);
/* The campaign named @name, or the default one when @name is NULL or "". */
WardCampaign *ward_ledger_find_campaign      (WardStore         *store,
                                              const char        *name,
                                              GError           **error);

/* The campaign with key @id; NULL with WARD_ERROR_NOT_FOUND otherwise. */
WardCampaign *ward_ledger_campaign_by_id     (WardStore         *store,
                                              gint64             id,
                                              GError           **error);

/* ---- Recording ---------------------------------------------------------- */

/* Each checks every rule and stores the entry at the end of its chain in
 * one transaction; a refused value gives FALSE, a WARD_ERROR naming what is
 * wrong and, in @field (may be NULL), the field it belongs to. Nothing is
 * stored on a refusal. @id_out (may be NULL) receives the new entry's id. */
gboolean  ward_ledger_check_receipt   (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       const WardReceiptInput  *input,
                                       WardLedgerField         *field,
                                       GError                 **error);
gboolean  ward_ledger_add_receipt     (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       const WardReceiptInput  *input,
                                       gint64                  *id_out,
                                       WardLedgerField         *field,
                                       GError                 **error);
/* Refused when the amount is more than the money on hand on its date or
 * on any later date. */
gboolean  ward_ledger_add_transfer    (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       const WardTransferInput *input,
                                       gint64                  *id_out,
                                       WardLedgerField         *field,
                                       GError                 **error);
/* An entry is reversed once; a correction is not itself reversed; the
 * reversal of a receipt may not take the money on hand below zero; the
 * reversal of a transfer gives the money back on hand. */
gboolean  ward_ledger_add_reversal    (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       const WardReversalInput *input,
                                       gint64                  *id_out,
                                       WardLedgerField         *field,
                                       GError                 **error);

/* Corrects receipt @receipt_id as a clerk means it, in one transaction:
 * the reversal of the stored receipt (dated @date, today when NULL, for
 * @reason, WARD_LEDGER_CORRECTION_REASON when NULL) and, right after it, @replacement under the same receipt number
 * (its receipt_number may be NULL; another number is refused). Every rule
 * of a receipt applies to @replacement; the money on hand is met by the
 * difference only, so that a receipt whose money went upward can still be
 * corrected as long as the smaller amount leaves the balance at or above
 * zero. @id_out receives the replacement's id. */
gboolean  ward_ledger_correct_receipt (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       gint64                   receipt_id,
                                       const WardReceiptInput  *replacement,
                                       const char              *date,
                                       const char              *reason,
                                       gint64                  *id_out,
                                       WardLedgerField         *field,
                                       GError                 **error);

/* The same checks, without writing: for a form before it asks anything. */
gboolean  ward_ledger_check_correction (WardStore               *store,
                                        const WardCampaign      *campaign,
                                        gint64                   receipt_id,
                                        const WardReceiptInput  *replacement,
                                        WardLedgerField         *field,
                                        GError                 **error);
/* The reason a correction gives when the clerk gives none. */
#define WARD_LEDGER_CORRECTION_REASON "Sửa biên lai nhập sai"

/* The number after the highest one in the campaign ("13" after "12",
 * "BL-0013" after "BL-0012"); "1" for an empty campaign. */
char     *ward_ledger_next_receipt_number (WardStore      *store,
                                           gint64          campaign_id,
                                           GError        **error);
/* The receipt numbers missing from the campaign's sequence, in order, as
 * text: a single number ("13") or a range ("15–20"). Receipt numbers
 * with a prefix ("BL-0012") are counted per prefix; numbers without
 * digits are left out. */
GPtrArray *ward_ledger_receipt_gaps       (WardStore      *store,
                                           gint64          campaign_id,
                                           GError        **error);

/* The name a clerk is typing, completed from earlier receipts (of every
 * campaign): the newest donor whose name folded (case and tone
 * marks left out, ward_text_fold()) begins with @typed folded, one that
 * is the whole of @typed first; NULL when none does, or @typed is empty. @group_out (may be NULL) receives the
 * group of the donor found, or NULL. */
char      *ward_ledger_complete_donor     (WardStore      *store,
                                           const char     *typed,
                                           char          **group_out,
                                           GError        **error);

/* ---- Totals ------------------------------------------------------------- */

typedef struct
{
  char   *group;        /* the known name, or as first written; "" for none */
  gint64  amount;
  guint   n_receipts;
} WardLedgerGroupTotal;

/* Every figure is net of reversals. */
typedef struct
{
  gint64     received;      /* receipts that stand */
  gint64     reversed;      /* receipts taken back by a correction */
  gint64     transferred;   /* transfers upward that stand */
  gint64     on_hand;       /* received − transferred */
  guint      n_receipts;
  guint      n_transfers;
  guint      n_reversals;
  guint      n_donors;      /* distinct donor names, folded */
  GPtrArray *groups;        /* WardLedgerGroupTotal, in Vietnamese order */
} WardLedgerTotals;

void      ward_ledger_totals_clear    (WardLedgerTotals        *totals);
gboolean  ward_ledger_get_totals      (WardStore               *store,
                                       gint64                   campaign_id,
                                       WardLedgerTotals        *totals,
                                       GError                 **error);
/* Only what the receipts that stand add up to, and how many they are, by
 * one query: for a summary, without loading every entry (issue 13). */
gboolean  ward_ledger_get_received    (WardStore               *store,
                                       gint64                   campaign_id,
                                       gint64                  *received_out,
                                       guint                   *n_receipts_out,
                                       GError                 **error);

/* An entry that arrives whole, as another installation recorded it (a
 * bundle's): its values as stored, the reversed entry by its id here. */
typedef struct
{
  const char *kind;            /* "receipt", "transfer", "reversal" */
  const char *receipt_number;
  const char *date;            /* ISO */
  const char *donor;
  const char *donor_kind;      /* "person", "household", "body" or NULL */
  const char *donor_group;
  gint64      amount;
  const char *method;          /* "cash", "transfer" or NULL */
  const char *reference;
  const char *collector;
  const char *receiver;
  const char *voucher;
  gint64      reverses_id;     /* 0 for none */
  const char *reason;
  const char *note;
  /* A reversal followed by the receipt written again under the same number
   * (a correction, ward_ledger_correct_receipt()): that receipt's amount,
   * so that the money on hand is met by the difference; 0 otherwise. */
  gint64      replacement_amount;
} WardLedgerArrival;

/* The rules the window's forms apply to an entry before recording it
 * (ward_ledger_check_receipt(), the transfer's and the correction's),
 * applied to an entry that arrives whole: dates real and in the
 * campaign's time, amounts above zero and within WARD_ENTRY_AMOUNT_MAX,
 * a receipt number used once (but for the receipt written again right
 * after the reversal of its number: a correction), a transfer no more than
 * the money on hand,
 * an entry reversed once and by its exact amount. Call it inside the
 * transaction that then stores the entry, entry after entry, so that each
 * meets the money on hand and the corrections left by those before it. */
gboolean  ward_ledger_check_arriving  (WardStore               *store,
                                       const WardCampaign      *campaign,
                                       const WardLedgerArrival *entry,
                                       GError                 **error);

/* ---- The chain ---------------------------------------------------------- */

/* Walks every chain of every campaign. TRUE when each entry's hash matches
 * its content and each link the entry before it. Otherwise FALSE with
 * WARD_ERROR_TAMPERED, and one sentence per finding appended to @report
 * (char *, may be NULL): an entry changed outside the application, an entry
 * removed, by its receipt number (or voucher). Other errors: the file
 * could not be read. */
gboolean  ward_ledger_verify          (WardStore               *store,
                                       GPtrArray               *report,
                                       GError                 **error);

/* The entries added after the one whose hash is @hash (as a disclosure list
 * prints it, "Mã kiểm tra sổ quỹ"), in its campaign and book, one
 * sentence each (char *): an empty array when it is the last. A hash
 * that is in no chain of the file is an error (WARD_ERROR_TAMPERED): the
 * list was printed from another file, or the ledger was rewritten since. */
GPtrArray *ward_ledger_entries_after_hash (WardStore           *store,
                                           const char          *hash,
                                           GError             **error);

/* ---- The entries, loaded for a list ------------------------------------- */

/* Packed: a ledger page holds 100,000 of them (issue 25). */
typedef struct
{
  gint64             id;
  gint64             seq;
  gint64             amount;          /* a correction holds the negative of what it reverses */
  gint64             reverses_id;     /* 0 unless a correction */
  gint64             reversed_by;     /* 0 unless reversed */
  WardLedgerKind     kind : 8;
  WardDonorKind      donor_kind : 8;
  WardPaymentMethod  method : 8;
  guint              has_method : 1;  /* FALSE for a transfer upward */
  guint              anonymous : 1;   /* listed publicly as WARD_LEDGER_ANONYMOUS_DONOR */
  const char        *date;            /* ISO */
  const char        *book;            /* the receipt book (quyển) the entry is in */
  const char        *receipt_number;  /* "" for a transfer */
  const char        *donor;
  const char        *donor_group;     /* "" if none */
  const char        *search_key;      /* folded */
  const char        *reference;
  const char        *collector;
  const char        *receiver;
  const char        *voucher;
  const char        *reason;
  const char        *note;
} WardLedgerEntry;

/* How every public list names a donor who asked not to be named; the
 * ledger keeps the name. */
#define WARD_LEDGER_ANONYMOUS_DONOR "Nhà hảo tâm (không nêu tên)"
/* The donor as a public list shows it. */
const char             *ward_ledger_entry_public_donor       (const WardLedgerEntry  *entry);

/* Every entry of one campaign in compact form (strings shared), newest
 * first, for lists of 100,000 entries: WardRows of WardLedgerEntry
 * (ward_rows_get_n(), ward_rows_get()), with the ledger's own index beside
 * them. Immutable once loaded. */
typedef WardRows WardLedgerEntries;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardLedgerEntries, ward_rows_unref)

WardLedgerEntries      *ward_ledger_entries_load             (WardStore              *store,
                                                              gint64                  campaign_id,
                                                              GError                **error);
const WardLedgerEntry  *ward_ledger_entries_lookup           (WardLedgerEntries      *entries,
                                                              gint64                  id);
/* Sort and filter keys, computed once on first use. */
const char             *ward_ledger_entries_get_donor_key    (WardLedgerEntries      *entries,
                                                              guint                   index);
const char             *ward_ledger_entries_get_group_key    (WardLedgerEntries      *entries,
                                                              guint                   index);
const char             *ward_ledger_entries_get_group_folded (WardLedgerEntries      *entries,
                                                              guint                   index);
/* The entry's group as the list of known names names it ("Tổ dân phố 3"
 * for a receipt typed "To dan pho 3", ward_names_lookup()); as written
 * when the group is not known. */
const char             *ward_ledger_entries_get_group_name   (WardLedgerEntries      *entries,
                                                              guint                   index);
/* The distinct groups, in Vietnamese order, each named as
 * ward_ledger_entries_get_group_name() names it (strings borrowed from
 * @entries). */
GPtrArray              *ward_ledger_entries_dup_groups       (WardLedgerEntries      *entries);
/* What @entry did to the money on hand: + for a receipt, − for a transfer,
 * the opposite of its entry for a correction. */
gint64                  ward_ledger_entries_get_effect       (WardLedgerEntries      *entries,
                                                              const WardLedgerEntry  *entry);

/* "Receipt no. 12", "Transfer voucher CT-03", "The correction of receipt no. 12". */
char                   *ward_ledger_entry_describe           (const WardLedgerEntry  *entry);
/* FALSE with a sentence saying why @entry cannot be reversed. */
gboolean                ward_ledger_entry_can_reverse        (const WardLedgerEntry  *entry,
                                                              GError                **error);
/* Receipt numbers in natural order: "2" < "10", "BL-9" < "BL-10". */
int                     ward_ledger_compare_receipt_numbers  (const char             *a,
                                                              const char             *b);

/* ---- Spreadsheet exchange ----------------------------------------------- */

/* "donations": Số biên lai, Ngày, Người ủng hộ, Đơn vị / Tổ dân phố, Số tiền,
 * Hình thức, Người thu, Ghi chú (and, optional, Loại người ủng hộ, Mã giao
 * dịch and Không nêu tên, so that an export reads back the same). Export
 * writes the receipts. */
extern const WardImportKind ward_donations_import_kind;

/* For `ward-tracker-cli stats`: every campaign with its totals. */
gboolean  ward_ledger_add_stats       (WardStore               *store,
                                       JsonBuilder             *builder,
                                       GError                 **error);
/* The same member of ward_stats_collect()'s object, as lines to read. */
void      ward_ledger_format_stats    (JsonObject              *stats,
                                       GString                 *out);

/* A receipt paid by bank transfer whose reference is not known yet
 * ("thiếu mã giao dịch"): stored, marked in the ledger, listed by its
 * filter, counted in `check`'s notes and in an import's preview. The one
 * rule for it; ward_ledger_missing_references() asks the file the same. */
gboolean    ward_ledger_entry_lacks_reference   (const WardLedgerEntry *entry);
/* The same of a receipt about to be recorded. */
gboolean    ward_receipt_input_lacks_reference  (const WardReceiptInput *input);
/* The mark shown beside such a receipt, translated ("thiếu mã giao dịch"). */
const char *ward_ledger_missing_reference_label (void);
/* Every such receipt of the file, as "number (campaign)" in @receipts
 * (char *, may be NULL); returns how many, -1 with @error if the file
 * cannot be read. */
gint64      ward_ledger_missing_references      (WardStore             *store,
                                                 GPtrArray             *receipts,
                                                 GError               **error);

G_END_DECLS
