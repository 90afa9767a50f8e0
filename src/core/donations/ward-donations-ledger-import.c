/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-donations"

#include "config.h"

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "donations/ward-donations-ledger-private.h"
#include "names/ward-names.h"

/* The "donations" import kind: each row is a receipt, checked by the same
 * rules as the window's form. A receipt number already in the campaign is
 * compared with the stored receipt once the row is valid: the same receipt
 * is skipped; another is a conflict, whatever the policy: entries are never
 * changed.
 * Export writes the campaign's receipts in the same columns, so that the
 * file reads back as the same receipts; transfers and corrections belong to
 * the ledger's own report, not to this list. */

enum
{
  COL_NUMBER,
  COL_DATE,
  COL_DONOR,
  COL_GROUP,
  COL_AMOUNT,
  COL_METHOD,
  COL_COLLECTOR,
  COL_NOTE,
  COL_DONOR_KIND,
  COL_REFERENCE,
  COL_ANONYMOUS,
  N_COLUMNS
};

static const char * const number_aliases[] = { "Receipt number", "Receipt no", "Số BL", "Số phiếu", NULL };
static const char * const date_aliases[] = { "Date", "Ngày thu", "Ngày ủng hộ", NULL };
static const char * const donor_aliases[] = { "Donor", "Họ và tên", "Tên người ủng hộ", NULL };
static const char * const group_aliases[] = { "Group", "Đơn vị", "Tổ dân phố", NULL };
static const char * const amount_aliases[] = { "Amount", "Số tiền ủng hộ", NULL };
static const char * const method_aliases[] = { "Method", "Hình thức ủng hộ", NULL };
static const char * const collector_aliases[] = { "Collector", "Người nhận", NULL };
static const char * const note_aliases[] = { "Note", NULL };
static const char * const kind_aliases[] = { "Donor kind", "Loại", NULL };
static const char * const reference_aliases[] = { "Reference", "Số tham chiếu", "Mã GD", NULL };
static const char * const anonymous_aliases[] = { "Anonymous", "Ẩn danh", "Giấu tên", NULL };

static const WardCsvColumn donation_columns[N_COLUMNS] = {
  { "receipt_number", "Số biên lai", number_aliases, WARD_CSV_TEXT, TRUE },
  { "date", "Ngày", date_aliases, WARD_CSV_DATE, TRUE },
  { "donor", "Người ủng hộ", donor_aliases, WARD_CSV_TEXT, TRUE },
  { "group", "Đơn vị / Tổ dân phố", group_aliases, WARD_CSV_TEXT, FALSE },
  { "amount", "Số tiền", amount_aliases, WARD_CSV_MONEY, TRUE },
  { "method", "Hình thức", method_aliases, WARD_CSV_TEXT, FALSE },
  { "collector", "Người thu", collector_aliases, WARD_CSV_TEXT, FALSE },
  { "note", "Ghi chú", note_aliases, WARD_CSV_TEXT, FALSE },
  { "donor_kind", "Loại người ủng hộ", kind_aliases, WARD_CSV_TEXT, FALSE },
  { "reference", "Mã giao dịch", reference_aliases, WARD_CSV_TEXT, FALSE },
  { "anonymous", "Không nêu tên", anonymous_aliases, WARD_CSV_BOOL, FALSE },
};

static guint
column_for_field (WardLedgerField field)
{
  switch (field)
    {
    case WARD_LEDGER_FIELD_RECEIPT_NUMBER: return COL_NUMBER;
    case WARD_LEDGER_FIELD_DATE: return COL_DATE;
    case WARD_LEDGER_FIELD_DONOR: return COL_DONOR;
    case WARD_LEDGER_FIELD_GROUP: return COL_GROUP;
    case WARD_LEDGER_FIELD_AMOUNT: return COL_AMOUNT;
    case WARD_LEDGER_FIELD_METHOD: return COL_METHOD;
    case WARD_LEDGER_FIELD_COLLECTOR: return COL_COLLECTOR;
    case WARD_LEDGER_FIELD_NOTE: return COL_NOTE;
    case WARD_LEDGER_FIELD_DONOR_KIND: return COL_DONOR_KIND;
    case WARD_LEDGER_FIELD_REFERENCE:
    default:
      return COL_REFERENCE;
    }
}

/* The campaign, looked up once for the whole file: the store holds it, so
 * that it is freed even when a failed run never reaches end(). */
#define CAMPAIGN_KEY "ward-donations-import-campaign"
#define GROUPS_KEY "ward-donations-import-groups"
#define COLLECTORS_KEY "ward-donations-import-collectors"

static gboolean
load_names (WardStore     *store,
            const char    *key,
            WardNameKind   kind,
            GError       **error)
{
  WardNames *names = ward_names_load (store, kind, error);

  if (names == NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (store), key, names, (GDestroyNotify) ward_names_free);
  return TRUE;
}

static gboolean
donations_begin (WardStore          *store,
                 WardImportContext  *context,
                 GError            **error)
{
  WardCampaign *campaign = ward_ledger_find_campaign (store, context->campaign, error);

  if (campaign == NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (store), CAMPAIGN_KEY, campaign, (GDestroyNotify) ward_campaign_free);
  context->kind_data = campaign;
  return load_names (store, GROUPS_KEY, WARD_NAME_GROUP, error)
         && load_names (store, COLLECTORS_KEY, WARD_NAME_COLLECTOR, error);
}

static gboolean
donations_end (WardStore          *store,
               WardImportContext  *context,
               GError            **error)
{
  context->kind_data = NULL;
  g_object_set_data (G_OBJECT (store), CAMPAIGN_KEY, NULL);
  g_object_set_data (G_OBJECT (store), GROUPS_KEY, NULL);
  g_object_set_data (G_OBJECT (store), COLLECTORS_KEY, NULL);
  return TRUE;
}

static gboolean
read_choices (WardImportRow     *row,
              WardReceiptInput  *input)
{
  const WardCsvValue *values = row->values;
  g_autoptr (GError) error = NULL;

  if (!ward_payment_method_parse (values[COL_METHOD].text, &input->method, &error))
    {
      ward_import_row_error (row, COL_METHOD, error->message);
      return FALSE;
    }
  if (!ward_donor_kind_parse (values[COL_DONOR_KIND].text, &input->donor_kind, &error))
    {
      if (error != NULL)
        {
          ward_import_row_error (row, COL_DONOR_KIND, error->message);
          return FALSE;
        }
      input->donor_kind = ward_donor_kind_guess (values[COL_DONOR].text);
    }
  return TRUE;
}

static const char *
method_in_words (const char *method)
{
  return ward_payment_method_from_db (method) == WARD_PAYMENT_BANK ? "Chuyển khoản" : "Tiền mặt";
}

static const char *
donor_kind_in_words (const char *kind)
{
  switch (ward_donor_kind_from_db (kind))
    {
    case WARD_DONOR_HOUSEHOLD:
      return "Hộ gia đình";
    case WARD_DONOR_BODY:
      return "Tập thể";
    case WARD_DONOR_PERSON:
    default:
      return "Cá nhân";
    }
}

static char *
clean_cell (const char *text)
{
  char *clean = ward_ledger_clean_text (text);

  return clean != NULL ? clean : g_strdup ("");
}

/* A receipt as the export writes it, one cell per column, its texts as the
 * ledger stores them. */
static GStrv
receipt_cells (const char *number,
               const char *iso_date,
               const char *donor,
               const char *group,
               gint64      amount,
               const char *method,
               const char *collector,
               const char *note,
               const char *donor_kind,
               const char *reference)
{
  GStrv cells = g_new0 (char *, N_COLUMNS + 1);

  cells[COL_NUMBER] = clean_cell (number);
  cells[COL_DATE] = ward_format_date (iso_date);
  cells[COL_DONOR] = clean_cell (donor);
  cells[COL_GROUP] = clean_cell (group);
  cells[COL_AMOUNT] = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
  cells[COL_METHOD] = g_strdup (method_in_words (method));
  cells[COL_COLLECTOR] = clean_cell (collector);
  cells[COL_NOTE] = clean_cell (note);
  cells[COL_DONOR_KIND] = g_strdup (donor_kind_in_words (donor_kind));
  cells[COL_REFERENCE] = clean_cell (reference);
  return cells;
}

/* The receipt @number of the campaign as stored, NULL with @error if it
 * cannot be read. */
static GStrv
stored_receipt (WardStore           *store,
                const WardCampaign  *campaign,
                const char          *number,
                GError             **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store,
                                                  "SELECT receipt_number, entry_date, donor, "
                                                  "donor_group, amount, method, collector, note, "
                                                  "donor_kind, reference FROM ledger_entries "
                                                  "WHERE campaign_id = ? AND kind = 'receipt' "
                                                  "AND receipt_number = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ward_store_set_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  return receipt_cells (ward_stmt_text (stmt, 0), ward_stmt_text (stmt, 1),
                        ward_stmt_text (stmt, 2), ward_stmt_text (stmt, 3),
                        sqlite3_column_int64 (stmt, 4), ward_stmt_text (stmt, 5),
                        ward_stmt_text (stmt, 6), ward_stmt_text (stmt, 7),
                        ward_stmt_text (stmt, 8), ward_stmt_text (stmt, 9));
}

/* The row, checked by every rule, names a receipt already recorded: the
 * same receipt is skipped; another is a conflict, never an update, since
 * ledger entries are changed only by a correction. */
static gboolean
compare_stored (WardImportRow          *row,
                const WardCampaign     *campaign,
                const WardReceiptInput *input,
                WardRowOutcome         *outcome)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) stored = stored_receipt (row->store, campaign, input->receipt_number, &error);
  g_auto (GStrv) file = NULL;

  if (stored == NULL)
    {
      ward_import_row_error (row, COL_NUMBER, error->message);
      return FALSE;
    }
  file = receipt_cells (input->receipt_number, input->date, input->donor, input->donor_group,
                        input->amount, ward_payment_method_to_db (input->method),
                        input->collector, input->note,
                        ward_donor_kind_to_db (input->donor_kind), input->reference);
  /* An empty kind is guessed from the name: it says nothing of the stored one. */
  if (row->values[COL_DONOR_KIND].empty)
    {
      g_free (file[COL_DONOR_KIND]);
      file[COL_DONOR_KIND] = g_strdup (stored[COL_DONOR_KIND]);
    }
  if (ward_import_row_check_stored (row, (const char * const *) file,
                                    (const char * const *) stored, FALSE,
                                    _("Ledger entries are never changed: if the stored receipt is "
                                      "wrong, record a correction in the window; otherwise "
                                      "correct the file.")) == WARD_STORED_CONFLICT)
    return FALSE;
  *outcome = WARD_ROW_SKIPPED;
  return TRUE;
}

static void
note_missing_reference (WardImportRow *row)
{
  g_autofree char *message = g_strdup_printf (_("Paid by bank transfer without its reference: "
                                                "stored and marked “%s”. Find the reference on "
                                                "the bank statement."),
                                              ward_ledger_missing_reference_label ());

  ward_import_row_warning (row, COL_REFERENCE, message);
  ward_import_row_flag (row, ward_ledger_missing_reference_label ());
}

/* What the list is to learn from a row's name. */
typedef enum
{
  NAME_LISTED,   /* nothing: the list holds it */
  NAME_NEW,      /* a name of its own */
  NAME_RESPELT,  /* a known name written with more tone marks */
} NameNews;

/* A name that is a spelling of a known one ("To dan pho 3") is taken as
 * that one ("Tổ dân phố 3"), and the preview says so. Returns the name to
 * store (owned by the list, or @typed when empty). */
static const char *
take_known_name (WardImportRow *row,
                 guint          column,
                 const char    *key,
                 const char    *typed,
                 NameNews      *news_out)
{
  WardNames *names = g_object_get_data (G_OBJECT (row->store), key);
  g_autofree char *clean = ward_ledger_clean_text (typed);
  g_autofree char *message = NULL;
  g_autofree char *before = NULL;
  const char *known;

  *news_out = NAME_LISTED;
  if (clean == NULL || *clean == '\0' || names == NULL)
    return typed;
  /* A copy: a better spelling added below frees the list's own. */
  before = g_strdup (ward_names_lookup (names, clean));
  if (before == NULL)
    *news_out = NAME_NEW;
  ward_names_add (names, clean, FALSE);
  known = ward_names_lookup (names, clean);
  if (before != NULL && g_str_equal (known, clean) && !g_str_equal (before, clean))
    *news_out = NAME_RESPELT;
  if (before != NULL && !g_str_equal (known, clean))
    {
      message = g_strdup_printf (_("“%s” is taken as the known name “%s”."), clean, known);
      ward_import_row_warning (row, column, message);
    }
  return known;
}

/* A name of a receipt about to be stored that its list is to learn (new,
 * or better written) goes into the list; a new one is said, on its first
 * row. */
static gboolean
learn_name (WardImportRow  *row,
            guint           column,
            WardNameKind    kind,
            const char     *name,
            NameNews        news,
            GError        **error)
{
  g_autofree char *message = NULL;

  if (news == NAME_LISTED)
    return TRUE;
  if (!ward_names_add_known (row->store, kind, name, NULL, error))
    return FALSE;
  if (news == NAME_RESPELT)
    return TRUE;
  message = g_strdup_printf (kind == WARD_NAME_GROUP
                             ? _("“%s” is a new group: it is added to the list of groups.")
                             : _("“%s” is a new collector: it is added to the list of collectors."),
                             name);
  ward_import_row_warning (row, column, message);
  return TRUE;
}

static gboolean
donations_import_row (WardImportRow  *row,
                      WardRowOutcome *outcome)
{
  const WardCampaign *campaign = row->context->kind_data;
  const WardCsvValue *values = row->values;
  g_autofree char *number = ward_ledger_clean_text (values[COL_NUMBER].text);
  g_autoptr (GError) error = NULL;
  WardReceiptInput input = { 0 };
  g_auto (WardLedgerCheckedReceipt) checked = { 0 };
  WardLedgerField field = WARD_LEDGER_FIELD_NONE;
  NameNews group_news = NAME_LISTED;
  NameNews collector_news = NAME_LISTED;

  if (!read_choices (row, &input))
    return FALSE;

  input.receipt_number = number;
  input.date = values[COL_DATE].date;
  input.donor = values[COL_DONOR].text;
  input.donor_group = values[COL_GROUP].text;
  input.amount = values[COL_AMOUNT].money;
  input.reference = values[COL_REFERENCE].text;
  input.collector = values[COL_COLLECTOR].text;
  input.donor_group = take_known_name (row, COL_GROUP, GROUPS_KEY, input.donor_group, &group_news);
  input.collector = take_known_name (row, COL_COLLECTOR, COLLECTORS_KEY, input.collector,
                                     &collector_news);
  input.note = values[COL_NOTE].text;
  input.anonymous = values[COL_ANONYMOUS].boolean;
  /* Offices' sheets often have no column for it: stored, marked. */
  input.reference_later = TRUE;
  input.outside_period_confirmed = row->context->allow_outside_period;

  /* Every rule first, the receipt number's uniqueness last: a row that
   * names a stored receipt is compared with it only once it is valid. */
  if (!ward_ledger_check_receipt_once (row->store, campaign, &input, &checked, &field, &error))
    {
      if (g_error_matches (error, WARD_ERROR, WARD_ERROR_DUPLICATE))
        return compare_stored (row, campaign, &input, outcome);
      ward_import_row_error (row, column_for_field (field), error->message);
      return FALSE;
    }
  /* Only a receipt that is stored brings its new names; a failure here
   * leaves the row refused and the import rolled back. */
  if (!learn_name (row, COL_GROUP, WARD_NAME_GROUP, input.donor_group, group_news, &error)
      || !learn_name (row, COL_COLLECTOR, WARD_NAME_COLLECTOR, input.collector, collector_news, &error))
    {
      ward_import_row_error (row, COL_GROUP, error->message);
      return FALSE;
    }
  /* A refused row is reported and the engine goes on, to report every bad
   * row, and rolls the file back at the end. The rules were checked above,
   * inside the import's one transaction. */
  if (!ward_ledger_add_checked_receipt (row->store, campaign, &checked, NULL, &field, &error))
    {
      ward_import_row_error (row, column_for_field (field), error->message);
      return FALSE;
    }
  if (input.date != NULL && !ward_campaign_in_period (campaign, input.date))
    {
      g_autofree char *why = ward_campaign_describe_outside (campaign, input.date);
      g_autofree char *message = g_strdup_printf (_("%s Taken as asked; the disclosure list counts it "
                                                    "apart."), why);

      ward_import_row_warning (row, COL_DATE, message);
    }
  if (ward_ledger_amount_needs_confirmation (input.amount))
    {
      g_autofree char *amount = ward_format_money (input.amount);
      g_autofree char *message = g_strdup_printf (_("%s is a large amount; check it against the "
                                                    "paper receipt."), amount);

      ward_import_row_warning (row, COL_AMOUNT, message);
    }
  if (ward_receipt_input_lacks_reference (&input))
    note_missing_reference (row);
  *outcome = WARD_ROW_ADDED;
  return TRUE;
}

static gboolean
donations_export (WardStore          *store,
                  WardImportContext  *context,
                  WardCsvWriter      *writer,
                  GError            **error)
{
  g_autoptr (WardCampaign) campaign = ward_ledger_find_campaign (store, context->campaign, error);
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (campaign == NULL)
    return FALSE;
  stmt = ward_store_prepare (store,
                             "SELECT receipt_number, entry_date, donor, donor_group, amount, method, "
                             "collector, note, donor_kind, reference, anonymous FROM ledger_entries "
                             "WHERE campaign_id = ? AND kind = 'receipt' ORDER BY book, seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);

  ward_csv_writer_add_header (writer, donation_columns, N_COLUMNS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 0));
      ward_csv_writer_add_date (writer, ward_stmt_text (stmt, 1));
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 2));
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 3));
      ward_csv_writer_add_money (writer, sqlite3_column_int64 (stmt, 4));
      ward_csv_writer_add_text (writer, method_in_words (ward_stmt_text (stmt, 5)));
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 6));
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 7));
      ward_csv_writer_add_text (writer, donor_kind_in_words (ward_stmt_text (stmt, 8)));
      ward_csv_writer_add_text (writer, ward_stmt_text (stmt, 9));
      ward_csv_writer_add_bool (writer, sqlite3_column_int (stmt, 10) != 0);
      ward_csv_writer_end_row (writer);
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* A receipt is its number in the campaign. */
static char *
donations_row_key (WardImportRow *row)
{
  g_autofree char *number = ward_ledger_clean_text (row->values[COL_NUMBER].text);

  return number != NULL && *number != '\0' ? g_steal_pointer (&number) : NULL;
}

const WardImportKind ward_donations_import_kind = {
  .name = "donations",
  .title = N_("Donations"),
  .columns = donation_columns,
  .n_columns = N_COLUMNS,
  .has_period = TRUE,
  .begin = donations_begin,
  .end = donations_end,
  .import_row = donations_import_row,
  .export = donations_export,
  .row_key = donations_row_key,
};

/* ---- Stats -------------------------------------------------------------- */

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_campaign_stats (JsonBuilder            *builder,
                    const WardCampaign     *campaign,
                    const WardLedgerTotals *totals)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", campaign->name);
  add_string (builder, "organiser", campaign->organiser);
  add_string (builder, "start_date", campaign->start_date);
  add_string (builder, "end_date", campaign->end_date);
  add_string (builder, "receiver", campaign->receiver);
  add_int (builder, "received", totals->received);
  add_int (builder, "reversed", totals->reversed);
  add_int (builder, "transferred", totals->transferred);
  add_int (builder, "on_hand", totals->on_hand);
  add_int (builder, "receipts", totals->n_receipts);
  add_int (builder, "transfers", totals->n_transfers);
  add_int (builder, "reversals", totals->n_reversals);
  add_int (builder, "donors", totals->n_donors);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < totals->groups->len; i++)
    {
      WardLedgerGroupTotal *group = totals->groups->pdata[i];

      json_builder_begin_object (builder);
      add_string (builder, "group", group->group);
      add_int (builder, "amount", group->amount);
      add_int (builder, "receipts", group->n_receipts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

gboolean
ward_ledger_add_stats (WardStore    *store,
                       JsonBuilder  *builder,
                       GError      **error)
{
  g_autoptr (GPtrArray) campaigns = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);

  campaigns = ward_campaigns_load (store, error);
  if (campaigns == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "campaigns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < campaigns->len; i++)
    {
      WardCampaign *campaign = campaigns->pdata[i];
      WardLedgerTotals totals = { 0 };

      if (!ward_ledger_get_totals (store, campaign->id, &totals, error))
        return FALSE;
      add_campaign_stats (builder, campaign, &totals);
      ward_ledger_totals_clear (&totals);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static void
format_money_line (GString    *out,
                   const char *label,
                   JsonObject *campaign,
                   const char *member)
{
  g_autofree char *money = ward_format_money (json_object_get_int_member (campaign, member));

  g_string_append_printf (out, "    %s: %s\n", label, money);
}

void
ward_ledger_format_stats (JsonObject *stats,
                          GString    *out)
{
  JsonArray *campaigns;

  if (!json_object_has_member (stats, "campaigns"))
    return;
  campaigns = json_object_get_array_member (stats, "campaigns");
  g_string_append_printf (out, "\n%s\n", _("Donation campaigns:"));
  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    {
      JsonObject *campaign = json_array_get_object_element (campaigns, i);
      JsonArray *groups = json_object_get_array_member (campaign, "groups");

      g_string_append_printf (out, "  %s\n", json_object_get_string_member (campaign, "name"));
      format_money_line (out, C_("ledger", "Received"), campaign, "received");
      format_money_line (out, _("Reversed by corrections"), campaign, "reversed");
      format_money_line (out, C_("ledger", "Transferred upward"), campaign, "transferred");
      format_money_line (out, C_("ledger", "On hand"), campaign, "on_hand");
      g_string_append_printf (out, "    %s: %" G_GINT64_FORMAT " · %s: %" G_GINT64_FORMAT "\n",
                              C_("ledger", "Receipts"), json_object_get_int_member (campaign, "receipts"),
                              C_("ledger", "Donors"), json_object_get_int_member (campaign, "donors"));
      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonObject *group = json_array_get_object_element (groups, g);
          const char *name = json_object_get_string_member (group, "group");
          g_autofree char *money = ward_format_money (json_object_get_int_member (group, "amount"));

          g_string_append_printf (out, "      %s: %s\n", *name ? name : _("No group"), money);
        }
    }
}
