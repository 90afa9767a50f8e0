/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-enterprises"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-taxcode.h"
#include "base/ward-text.h"
#include "enterprises/ward-enterprises.h"

/* A word table: a folded phrase and what it reads as. A phrase matches the
 * whole text or its start followed by something that is not a letter or
 * digit ("tạm ngừng kinh doanh từ 01/03/2026"). */
typedef struct
{
  const char *phrase;
  int         value;
} Phrase;

static const char * const type_codes[WARD_ENTERPRISE_N_TYPES] = {
  NULL, "llc-one", "llc-multi", "joint-stock", "partnership", "private",
};

static const char * const type_labels[WARD_ENTERPRISE_N_TYPES] = {
  "", "TNHH một thành viên", "TNHH hai thành viên trở lên", "Công ty cổ phần",
  "Công ty hợp danh", "Doanh nghiệp tư nhân",
};

/* Folded, after "công ty"/"cty" in front is dropped. Longest first. */
static const Phrase type_phrases[] = {
  { "trach nhiem huu han mot thanh vien", WARD_ENTERPRISE_LLC_ONE },
  { "trach nhiem huu han hai thanh vien tro len", WARD_ENTERPRISE_LLC_MULTI },
  { "trach nhiem huu han 2 thanh vien tro len", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh hai thanh vien tro len", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh 2 thanh vien tro len", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh hai thanh vien", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh 2 thanh vien", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh 2tv tro len", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh 2 tv", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh 2tv", WARD_ENTERPRISE_LLC_MULTI },
  { "tnhh mot thanh vien", WARD_ENTERPRISE_LLC_ONE },
  { "tnhh 1 thanh vien", WARD_ENTERPRISE_LLC_ONE },
  { "tnhh mtv", WARD_ENTERPRISE_LLC_ONE },
  { "tnhh 1tv", WARD_ENTERPRISE_LLC_ONE },
  { "co phan", WARD_ENTERPRISE_JOINT_STOCK },
  { "ctcp", WARD_ENTERPRISE_JOINT_STOCK },
  { "cp", WARD_ENTERPRISE_JOINT_STOCK },
  { "hop danh", WARD_ENTERPRISE_PARTNERSHIP },
  { "doanh nghiep tu nhan", WARD_ENTERPRISE_PRIVATE },
  { "dntn", WARD_ENTERPRISE_PRIVATE },
  { "tu nhan", WARD_ENTERPRISE_PRIVATE },
  { "llc-one", WARD_ENTERPRISE_LLC_ONE },
  { "single-member llc", WARD_ENTERPRISE_LLC_ONE },
  { "single member llc", WARD_ENTERPRISE_LLC_ONE },
  { "one-member llc", WARD_ENTERPRISE_LLC_ONE },
  { "llc-multi", WARD_ENTERPRISE_LLC_MULTI },
  { "multi-member llc", WARD_ENTERPRISE_LLC_MULTI },
  { "multi member llc", WARD_ENTERPRISE_LLC_MULTI },
  { "joint-stock", WARD_ENTERPRISE_JOINT_STOCK },
  { "joint stock", WARD_ENTERPRISE_JOINT_STOCK },
  { "jsc", WARD_ENTERPRISE_JOINT_STOCK },
  { "partnership", WARD_ENTERPRISE_PARTNERSHIP },
  { "private enterprise", WARD_ENTERPRISE_PRIVATE },
  { "private", WARD_ENTERPRISE_PRIVATE },
};

static const char * const status_codes[WARD_ENTERPRISE_N_STATUSES] = {
  "active", "suspended", "not-at-address", "dissolving", "closed",
};

static const char * const status_labels[WARD_ENTERPRISE_N_STATUSES] = {
  "Đang hoạt động", "Tạm ngừng kinh doanh", "Không hoạt động tại địa chỉ đã đăng ký",
  "Đang giải thể", "Đã giải thể / phá sản / chấm dứt",
};

/* Folded, after the tax authority's "NNT" in front is dropped; the phrases
 * of the tax authority's look-up service are here too. */
static const Phrase status_phrases[] = {
  { "khong hoat dong tai dia chi", WARD_ENTERPRISE_NOT_AT_ADDRESS },
  { "dang hoat dong", WARD_ENTERPRISE_ACTIVE },
  { "hoat dong", WARD_ENTERPRISE_ACTIVE },
  { "tam ngung", WARD_ENTERPRISE_SUSPENDED },
  { "tam dung", WARD_ENTERPRISE_SUSPENDED },
  { "dang giai the", WARD_ENTERPRISE_DISSOLVING },
  { "dang lam thu tuc giai the", WARD_ENTERPRISE_DISSOLVING },
  { "dang lam thu tuc pha san", WARD_ENTERPRISE_DISSOLVING },
  { "da giai the", WARD_ENTERPRISE_CLOSED },
  { "giai the", WARD_ENTERPRISE_CLOSED },
  { "da pha san", WARD_ENTERPRISE_CLOSED },
  { "pha san", WARD_ENTERPRISE_CLOSED },
  { "da cham dut", WARD_ENTERPRISE_CLOSED },
  { "cham dut", WARD_ENTERPRISE_CLOSED },
  { "ngung hoat dong va da", WARD_ENTERPRISE_CLOSED },
  { "da dong ma so thue", WARD_ENTERPRISE_CLOSED },
  { "active", WARD_ENTERPRISE_ACTIVE },
  { "suspended", WARD_ENTERPRISE_SUSPENDED },
  { "not-at-address", WARD_ENTERPRISE_NOT_AT_ADDRESS },
  { "not at the registered address", WARD_ENTERPRISE_NOT_AT_ADDRESS },
  { "dissolving", WARD_ENTERPRISE_DISSOLVING },
  { "closed", WARD_ENTERPRISE_CLOSED },
  { "dissolved", WARD_ENTERPRISE_CLOSED },
  { "bankrupt", WARD_ENTERPRISE_CLOSED },
};

/* Legal forms written in front of names, folded, for the sort key. */
static const char * const name_prefixes[] = {
  "chi nhanh", "van phong dai dien", "dia diem kinh doanh",
  "cong ty trach nhiem huu han mot thanh vien", "cong ty trach nhiem huu han",
  "cong ty tnhh mot thanh vien", "cong ty tnhh 1 thanh vien", "cong ty tnhh mtv",
  "cong ty tnhh hai thanh vien tro len", "cong ty tnhh", "cong ty co phan", "cong ty cp",
  "cong ty hop danh", "doanh nghiep tu nhan", "cty tnhh", "cty cp", "ctcp", "dntn", "cong ty",
};

/* ---- Words ---------------------------------------------------------------- */

static gboolean
phrase_starts (const char *text,
               const char *phrase)
{
  gsize len = strlen (phrase);

  return strncmp (text, phrase, len) == 0 && !g_ascii_isalnum (text[len]);
}

static int
match_phrase (const char   *folded,
              const Phrase *phrases,
              gsize         n_phrases)
{
  for (gsize i = 0; i < n_phrases; i++)
    if (phrase_starts (folded, phrases[i].phrase))
      return phrases[i].value;
  return -1;
}

/* Folds @text and drops @prefix words in front ("công ty", "NNT"). */
static char *
fold_without (const char         *text,
              const char * const *prefixes)
{
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");
  const char *p = folded != NULL ? folded : "";

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (phrase_starts (p, prefixes[i]))
      {
        p += strlen (prefixes[i]);
        while (*p == ' ')
          p++;
        break;
      }
  return g_strdup (p);
}

const char *
ward_enterprise_type_to_code (WardEnterpriseType type)
{
  g_return_val_if_fail (type < WARD_ENTERPRISE_N_TYPES, NULL);
  return type_codes[type];
}

const char *
ward_enterprise_type_label (WardEnterpriseType type)
{
  g_return_val_if_fail (type < WARD_ENTERPRISE_N_TYPES, "");
  return type_labels[type];
}

gboolean
ward_enterprise_type_parse (const char          *text,
                            WardEnterpriseType  *type_out,
                            GError             **error)
{
  static const char * const prefixes[] = { "cong ty", "cty", "loai hinh", NULL };
  g_autofree char *folded = fold_without (text, prefixes);
  int type;

  if (folded[0] == '\0' && (text == NULL || strspn (text, " ") == strlen (text)))
    {
      *type_out = WARD_ENTERPRISE_TYPE_NONE;
      return TRUE;
    }
  type = match_phrase (folded, type_phrases, G_N_ELEMENTS (type_phrases));
  if (type >= 0)
    {
      *type_out = type;
      return TRUE;
    }
  if (g_str_equal (folded, "tnhh") || g_str_equal (folded, "trach nhiem huu han"))
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” does not say how many members the company has: write TNHH một "
                   "thành viên or TNHH hai thành viên trở lên."), text);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is not a type of enterprise: write TNHH một thành viên, TNHH hai "
                   "thành viên trở lên, Công ty cổ phần, Công ty hợp danh or Doanh nghiệp "
                   "tư nhân."), text);
  return FALSE;
}

const char *
ward_enterprise_status_to_code (WardEnterpriseStatus status)
{
  g_return_val_if_fail (status < WARD_ENTERPRISE_N_STATUSES, NULL);
  return status_codes[status];
}

const char *
ward_enterprise_status_label (WardEnterpriseStatus status)
{
  g_return_val_if_fail (status < WARD_ENTERPRISE_N_STATUSES, "");
  return status_labels[status];
}

gboolean
ward_enterprise_status_parse (const char            *text,
                              WardEnterpriseStatus  *status_out,
                              GError               **error)
{
  static const char * const prefixes[] = { "nnt", "tinh trang", NULL };
  g_autofree char *folded = fold_without (text, prefixes);
  int status;

  if (folded[0] == '\0')
    {
      *status_out = WARD_ENTERPRISE_ACTIVE;
      return TRUE;
    }
  status = match_phrase (folded, status_phrases, G_N_ELEMENTS (status_phrases));
  if (status < 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a status: write đang hoạt động, tạm ngừng kinh doanh, "
                     "không hoạt động tại địa chỉ đã đăng ký, đang giải thể or đã giải thể "
                     "/ phá sản / chấm dứt."), text);
      return FALSE;
    }
  *status_out = status;
  return TRUE;
}

static int
code_index (const char         *code,
            const char * const *codes,
            int                 n_codes,
            int                 fallback)
{
  for (int i = 0; i < n_codes; i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return i;
  return fallback;
}

/* ---- The record ----------------------------------------------------------- */

WardEnterprise *
ward_enterprise_new (void)
{
  WardEnterprise *self = g_new0 (WardEnterprise, 1);

  self->in_ward = TRUE;
  self->status = WARD_ENTERPRISE_ACTIVE;
  return self;
}

WardEnterprise *
ward_enterprise_copy (const WardEnterprise *self)
{
  WardEnterprise *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->created_at = g_strdup (self->created_at);
  copy->tax_code = g_strdup (self->tax_code);
  copy->name = g_strdup (self->name);
  copy->vsic = g_strdup (self->vsic);
  copy->registered_on = g_strdup (self->registered_on);
  copy->address = g_strdup (self->address);
  copy->residential_group = g_strdup (self->residential_group);
  copy->representative = g_strdup (self->representative);
  copy->status_date = g_strdup (self->status_date);
  copy->note = g_strdup (self->note);
  return copy;
}

void
ward_enterprise_free (WardEnterprise *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->created_at);
  g_free (self->tax_code);
  g_free (self->name);
  g_free (self->vsic);
  g_free (self->registered_on);
  g_free (self->address);
  g_free (self->residential_group);
  g_free (self->representative);
  g_free (self->status_date);
  g_free (self->note);
  g_free (self);
}

const char *
ward_enterprise_field_title (WardEnterpriseField field)
{
  switch (field)
    {
    case WARD_ENTERPRISE_FIELD_TAX_CODE: return _("Tax code");
    case WARD_ENTERPRISE_FIELD_NAME: return _("Enterprise name");
    case WARD_ENTERPRISE_FIELD_TYPE: return _("Type of enterprise");
    case WARD_ENTERPRISE_FIELD_CAPITAL: return _("Charter capital");
    case WARD_ENTERPRISE_FIELD_VSIC: return _("Main line of business");
    case WARD_ENTERPRISE_FIELD_REGISTERED_ON: return _("First registration date");
    case WARD_ENTERPRISE_FIELD_ADDRESS: return _("Head office address");
    case WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP: return _("Residential group");
    case WARD_ENTERPRISE_FIELD_REPRESENTATIVE: return _("Legal representative");
    case WARD_ENTERPRISE_FIELD_STATUS: return C_("enterprise", "Status");
    case WARD_ENTERPRISE_FIELD_NOTE: return _("Note");
    case WARD_ENTERPRISE_FIELD_STATUS_DATE: return _("Status date");
    case WARD_ENTERPRISE_FIELD_OUTSIDE_WARD: return _("Head office outside the ward");
    case WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD: return _("Converted from a household business");
    case WARD_ENTERPRISE_FIELD_VSIC_VERSION: return _("VSIC version");
    default: g_return_val_if_reached ("");
    }
}

static char **
text_slot (WardEnterprise      *self,
           WardEnterpriseField  field)
{
  switch (field)
    {
    case WARD_ENTERPRISE_FIELD_NAME: return &self->name;
    case WARD_ENTERPRISE_FIELD_ADDRESS: return &self->address;
    case WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP: return &self->residential_group;
    case WARD_ENTERPRISE_FIELD_REPRESENTATIVE: return &self->representative;
    case WARD_ENTERPRISE_FIELD_NOTE: return &self->note;
    default: return NULL;
    }
}

/* NULL for an empty text, so that empty cells are stored as NULL. */
static char *
normalize_or_null (const char *text)
{
  char *normal = ward_text_normalize (text);

  if (normal != NULL && normal[0] == '\0')
    g_clear_pointer (&normal, g_free);
  return normal;
}

static gboolean
set_capital (WardEnterprise  *self,
             const char      *text,
             GError         **error)
{
  gint64 capital;

  if (!ward_parse_money (text, &capital, error))
    return FALSE;
  if (capital <= 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The charter capital must be more than 0 đồng."));
      return FALSE;
    }
  self->capital = capital;
  return TRUE;
}

static gboolean
set_date (char       **slot,
          const char  *text,
          GError     **error)
{
  char *iso = NULL;

  if (!ward_parse_date (text, &iso, error))
    return FALSE;
  g_free (*slot);
  *slot = iso;
  return TRUE;
}

static gboolean
set_bool (gboolean    *slot,
          gboolean     invert,
          const char  *text,
          GError     **error)
{
  gboolean value;

  if (!ward_parse_bool (text, &value, error))
    return FALSE;
  *slot = invert ? !value : value;
  return TRUE;
}

static gboolean
set_tax_code (WardEnterprise  *self,
              const char      *text,
              GError         **error)
{
  char *normalized = NULL;
  gboolean is_branch;

  if (!ward_tax_code_parse (text, &normalized, &is_branch, error))
    return FALSE;
  g_free (self->tax_code);
  self->tax_code = normalized;
  self->is_branch = is_branch;
  return TRUE;
}

/* A code that changes leaves its version to be decided again, unless the
 * version is stated after it (the form and the spreadsheet set the
 * version's field after the code's). */
static gboolean
set_vsic (WardEnterprise  *self,
          const char      *text,
          GError         **error)
{
  char *code = NULL;

  if (!ward_vsic_parse (text, WARD_VSIC_ANY, &code, error))
    return FALSE;
  if (g_strcmp0 (code, self->vsic) != 0)
    self->vsic_version = WARD_VSIC_ANY;
  g_free (self->vsic);
  self->vsic = code;
  return TRUE;
}

static gboolean
set_parsed_field (WardEnterprise       *self,
                  WardEnterpriseField   field,
                  const char           *text,
                  GError              **error)
{
  WardEnterpriseType type;
  WardEnterpriseStatus status;

  switch (field)
    {
    case WARD_ENTERPRISE_FIELD_TAX_CODE:
      return set_tax_code (self, text, error);
    case WARD_ENTERPRISE_FIELD_TYPE:
      if (!ward_enterprise_type_parse (text, &type, error))
        return FALSE;
      self->type = type;
      return TRUE;
    case WARD_ENTERPRISE_FIELD_STATUS:
      if (!ward_enterprise_status_parse (text, &status, error))
        return FALSE;
      self->status = status;
      return TRUE;
    case WARD_ENTERPRISE_FIELD_CAPITAL:
      return set_capital (self, text, error);
    case WARD_ENTERPRISE_FIELD_VSIC:
      return set_vsic (self, text, error);
    case WARD_ENTERPRISE_FIELD_VSIC_VERSION:
      return ward_vsic_version_parse (text, &self->vsic_version, error);
    case WARD_ENTERPRISE_FIELD_REGISTERED_ON:
      return set_date (&self->registered_on, text, error);
    case WARD_ENTERPRISE_FIELD_STATUS_DATE:
      return set_date (&self->status_date, text, error);
    case WARD_ENTERPRISE_FIELD_OUTSIDE_WARD:
      return set_bool (&self->in_ward, TRUE, text, error);
    case WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD:
      return set_bool (&self->from_household, FALSE, text, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
clear_field (WardEnterprise      *self,
             WardEnterpriseField  field)
{
  switch (field)
    {
    case WARD_ENTERPRISE_FIELD_TAX_CODE: g_clear_pointer (&self->tax_code, g_free); break;
    case WARD_ENTERPRISE_FIELD_TYPE: self->type = WARD_ENTERPRISE_TYPE_NONE; break;
    case WARD_ENTERPRISE_FIELD_STATUS: self->status = WARD_ENTERPRISE_ACTIVE; break;
    case WARD_ENTERPRISE_FIELD_CAPITAL: self->capital = 0; break;
    case WARD_ENTERPRISE_FIELD_VSIC:
      g_clear_pointer (&self->vsic, g_free);
      self->vsic_version = WARD_VSIC_ANY;
      break;
    case WARD_ENTERPRISE_FIELD_VSIC_VERSION: self->vsic_version = WARD_VSIC_ANY; break;
    case WARD_ENTERPRISE_FIELD_REGISTERED_ON: g_clear_pointer (&self->registered_on, g_free); break;
    case WARD_ENTERPRISE_FIELD_STATUS_DATE: g_clear_pointer (&self->status_date, g_free); break;
    case WARD_ENTERPRISE_FIELD_OUTSIDE_WARD: self->in_ward = TRUE; break;
    case WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD: self->from_household = FALSE; break;
    default: break;
    }
}

gboolean
ward_enterprise_set_field (WardEnterprise       *self,
                           WardEnterpriseField   field,
                           const char           *text,
                           GError              **error)
{
  g_autofree char *normal = NULL;
  char **slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < WARD_ENTERPRISE_N_FIELDS, FALSE);

  normal = ward_text_normalize (text != NULL ? text : "");
  if (normal == NULL)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }

  slot = text_slot (self, field);
  if (slot != NULL)
    {
      g_free (*slot);
      *slot = normal[0] != '\0' ? g_steal_pointer (&normal) : NULL;
      return TRUE;
    }
  if (normal[0] == '\0')
    {
      clear_field (self, field);
      return TRUE;
    }
  return set_parsed_field (self, field, normal, error);
}

char *
ward_enterprise_dup_field (const WardEnterprise *self,
                           WardEnterpriseField   field)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (field)
    {
    case WARD_ENTERPRISE_FIELD_TAX_CODE: return g_strdup (self->tax_code ? self->tax_code : "");
    case WARD_ENTERPRISE_FIELD_TYPE: return g_strdup (type_labels[self->type]);
    case WARD_ENTERPRISE_FIELD_STATUS: return g_strdup (status_labels[self->status]);
    case WARD_ENTERPRISE_FIELD_CAPITAL:
      return self->capital > 0 ? ward_format_number (self->capital) : g_strdup ("");
    case WARD_ENTERPRISE_FIELD_VSIC: return g_strdup (self->vsic ? self->vsic : "");
    case WARD_ENTERPRISE_FIELD_VSIC_VERSION:
      return self->vsic_version != WARD_VSIC_ANY ? g_strdup_printf ("%d", self->vsic_version)
                                                 : g_strdup ("");
    case WARD_ENTERPRISE_FIELD_REGISTERED_ON: return ward_format_date (self->registered_on);
    case WARD_ENTERPRISE_FIELD_STATUS_DATE: return ward_format_date (self->status_date);
    case WARD_ENTERPRISE_FIELD_OUTSIDE_WARD: return g_strdup (self->in_ward ? "" : "x");
    case WARD_ENTERPRISE_FIELD_FROM_HOUSEHOLD: return g_strdup (self->from_household ? "x" : "");
    default:
      {
        char **slot = text_slot ((WardEnterprise *) self, field);

        g_return_val_if_fail (slot != NULL, NULL);
        return g_strdup (*slot ? *slot : "");
      }
    }
}

/* ---- Rules ---------------------------------------------------------------- */

void
ward_enterprise_issue_free (WardEnterpriseIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue);
}

GPtrArray *
ward_enterprise_issues_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ward_enterprise_issue_free);
}

typedef struct
{
  GPtrArray *issues;
  GError    *first_error;
} Problems;

static void
add_issue (Problems            *problems,
           WardEnterpriseField  field,
           gboolean             warning,
           int                  code,
           char                *message)
{
  if (!warning && problems->first_error == NULL)
    problems->first_error = g_error_new_literal (WARD_ERROR, code, message);
  if (problems->issues != NULL)
    {
      WardEnterpriseIssue *issue = g_new0 (WardEnterpriseIssue, 1);

      issue->field = field;
      issue->warning = warning;
      issue->message = message;
      g_ptr_array_add (problems->issues, issue);
    }
  else
    g_free (message);
}

#define add_error(p, f, ...) \
  add_issue ((p), (f), FALSE, WARD_ERROR_INVALID, g_strdup_printf (__VA_ARGS__))

static void
normalize_text_fields (WardEnterprise *self)
{
  static const WardEnterpriseField fields[] = {
    WARD_ENTERPRISE_FIELD_NAME, WARD_ENTERPRISE_FIELD_ADDRESS,
    WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP, WARD_ENTERPRISE_FIELD_REPRESENTATIVE,
    WARD_ENTERPRISE_FIELD_NOTE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = text_slot (self, fields[i]);
      char *normal = normalize_or_null (*slot);

      g_free (*slot);
      *slot = normal;
    }
}

/* The tax code must be one that can be issued and no other record's. */
static gboolean
check_tax_code (WardStore       *store,
                WardEnterprise  *self,
                Problems        *problems,
                GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *date = NULL;
  int rc;

  if (!set_tax_code (self, self->tax_code, &local_error))
    {
      add_issue (problems, WARD_ENTERPRISE_FIELD_TAX_CODE, FALSE, WARD_ERROR_INVALID,
                 g_strdup (local_error->message));
      return TRUE;
    }

  stmt = ward_store_prepare (store, "SELECT name, registered_on FROM enterprises "
                                    "WHERE tax_code = ?1 AND id IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->tax_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      date = ward_format_date (ward_stmt_text (stmt, 1));
      add_issue (problems, WARD_ENTERPRISE_FIELD_TAX_CODE, FALSE, WARD_ERROR_DUPLICATE,
                 g_strdup_printf (_("The tax code %s is already registered, for “%s” (first "
                                    "registered %s); open that record to change it."),
                                  self->tax_code, ward_stmt_text (stmt, 0), date));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

/* A branch's parent should be in the register too; it is only a warning,
 * as a branch in the ward may belong to an enterprise registered elsewhere. */
static gboolean
check_parent (WardStore       *store,
              WardEnterprise  *self,
              Problems        *problems,
              GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (!self->is_branch || self->tax_code == NULL)
    return TRUE;
  stmt = ward_store_prepare (store, "SELECT 1 FROM enterprises WHERE tax_code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->tax_code, 10, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    add_issue (problems, WARD_ENTERPRISE_FIELD_TAX_CODE, TRUE, 0,
               g_strdup_printf (_("The parent enterprise %.10s of this branch is not in the "
                                  "register; if its head office is in the ward, register it "
                                  "too."), self->tax_code));
  else if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
is_date (const char *iso)
{
  g_autoptr (GDate) date = iso != NULL ? ward_date_from_iso (iso) : NULL;

  return date != NULL;
}

static void
check_dates (WardEnterprise *self,
             const char     *today,
             Problems       *problems)
{
  g_autofree char *shown_today = ward_format_date (today);

  if (!is_date (self->registered_on))
    add_error (problems, WARD_ENTERPRISE_FIELD_REGISTERED_ON, "%s",
               _("The first registration date is missing; write it as dd/mm/yyyy."));
  else if (strcmp (self->registered_on, today) > 0)
    {
      g_autofree char *date = ward_format_date (self->registered_on);
      add_error (problems, WARD_ENTERPRISE_FIELD_REGISTERED_ON,
                 _("The first registration date %s is after today (%s)."), date, shown_today);
    }

  if (self->status_date == NULL)
    return;
  if (strcmp (self->status_date, today) > 0)
    {
      g_autofree char *date = ward_format_date (self->status_date);
      add_error (problems, WARD_ENTERPRISE_FIELD_STATUS_DATE,
                 _("The status date %s is after today (%s)."), date, shown_today);
    }
  else if (self->registered_on != NULL && strcmp (self->status_date, self->registered_on) < 0)
    {
      g_autofree char *date = ward_format_date (self->status_date);
      g_autofree char *registered = ward_format_date (self->registered_on);
      add_error (problems, WARD_ENTERPRISE_FIELD_STATUS_DATE,
                 _("The status date %s is before the first registration (%s)."), date, registered);
    }
}

/* No control characters, names and lines of a sane length. */
static void
check_texts (WardEnterprise *self,
             Problems       *problems)
{
  static const WardEnterpriseField fields[] = {
    WARD_ENTERPRISE_FIELD_NAME, WARD_ENTERPRISE_FIELD_ADDRESS,
    WARD_ENTERPRISE_FIELD_RESIDENTIAL_GROUP, WARD_ENTERPRISE_FIELD_REPRESENTATIVE,
    WARD_ENTERPRISE_FIELD_NOTE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr (GError) wrong = NULL;
      guint max = fields[i] == WARD_ENTERPRISE_FIELD_NOTE ? WARD_TEXT_NOTE_MAX
                  : fields[i] == WARD_ENTERPRISE_FIELD_ADDRESS ? WARD_TEXT_LINE_MAX : WARD_TEXT_NAME_MAX;

      if (!ward_text_check_field (*text_slot (self, fields[i]), ward_enterprise_field_title (fields[i]),
                                  max, fields[i] == WARD_ENTERPRISE_FIELD_NOTE, &wrong))
        add_error (problems, fields[i], "%s", wrong->message);
    }
}

/* The code must be in its version; an unstated version is decided here, by
 * the code or else the registration date (ward_vsic_resolve()), and kept. */
static void
check_vsic (WardEnterprise *self,
            Problems       *problems)
{
  g_autoptr (GError) wrong = NULL;
  WardVsicVersion version;

  if (self->vsic == NULL)
    {
      self->vsic_version = WARD_VSIC_ANY;
      return;
    }
  if (ward_vsic_resolve (self->vsic, self->vsic_version, self->registered_on, &version, &wrong))
    self->vsic_version = version;
  else
    add_error (problems, WARD_ENTERPRISE_FIELD_VSIC, "%s", wrong->message);
}

static void
check_fields (WardEnterprise *self,
              Problems       *problems)
{
  check_texts (self, problems);
  if (self->name == NULL)
    add_error (problems, WARD_ENTERPRISE_FIELD_NAME, "%s", _("The enterprise name is missing."));
  if (self->type == WARD_ENTERPRISE_TYPE_NONE && !self->is_branch)
    add_error (problems, WARD_ENTERPRISE_FIELD_TYPE, "%s",
               _("The type of enterprise is missing: choose TNHH một thành viên, TNHH hai "
                 "thành viên trở lên, Công ty cổ phần, Công ty hợp danh or Doanh nghiệp tư nhân."));
  if (self->capital < 0 || self->capital > WARD_MONEY_MAX)
    add_error (problems, WARD_ENTERPRISE_FIELD_CAPITAL, "%s",
               _("The charter capital must be more than 0 đồng."));
  else if (self->capital > 0 && self->is_branch)
    add_error (problems, WARD_ENTERPRISE_FIELD_CAPITAL, "%s",
               _("A branch has no charter capital of its own; leave the charter capital empty."));
  check_vsic (self, problems);
}

gboolean
ward_enterprise_validate (WardStore       *store,
                          WardEnterprise  *self,
                          const char      *today_iso,
                          GPtrArray       *issues,
                          GError         **error)
{
  Problems problems = { issues, NULL };
  g_autofree char *today = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  today = today_iso != NULL ? g_strdup (today_iso) : ward_today_iso ();
  normalize_text_fields (self);

  if (!check_tax_code (store, self, &problems, error))
    goto failed;
  check_fields (self, &problems);
  check_dates (self, today, &problems);
  if (problems.first_error == NULL && !check_parent (store, self, &problems, error))
    goto failed;

  if (problems.first_error != NULL)
    {
      g_propagate_error (error, problems.first_error);
      return FALSE;
    }
  return TRUE;

failed:
  g_clear_error (&problems.first_error);
  return FALSE;
}

/* ---- Storage -------------------------------------------------------------- */

char *
ward_enterprise_name_sort_key (const char *name)
{
  g_autofree char *normal = ward_text_normalize (name != NULL ? name : "");
  g_autofree char *folded = ward_text_fold (normal != NULL ? normal : "");
  const char *rest = normal != NULL ? normal : "";
  const char *folded_rest = folded != NULL ? folded : "";
  gboolean stripped = TRUE;

  /* Folding keeps the words, so a prefix of folded words is one of the
   * original words too: count them off both. */
  while (stripped)
    {
      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (name_prefixes); i++)
        {
          gsize len = strlen (name_prefixes[i]);
          int words = 0;

          if (strncmp (folded_rest, name_prefixes[i], len) != 0 || folded_rest[len] != ' ')
            continue;
          for (const char *p = name_prefixes[i]; *p != '\0'; p++)
            words += *p == ' ';
          for (int w = 0; w <= words; w++)
            {
              rest = strchr (rest, ' ') + 1;
              folded_rest = strchr (folded_rest, ' ') + 1;
            }
          stripped = TRUE;
          break;
        }
    }
  return ward_text_collate_key (rest);
}

static char *
search_key (const WardEnterprise *self)
{
  g_autofree char *name = ward_text_fold (self->name != NULL ? self->name : "");
  g_autofree char *representative = NULL;
  GString *key = g_string_new (name);

  if (self->representative != NULL)
    representative = ward_text_fold (self->representative);
  if (representative != NULL && representative[0] != '\0')
    g_string_append_printf (key, "\n%s", representative);
  g_string_append_c (key, '\n');
  for (const char *p = self->tax_code != NULL ? self->tax_code : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (key, *p);
  return g_string_free (key, FALSE);
}

/* ?1 uuid, ?2 tax_code, ?3 is_branch, ?4 name, ?5 search_key, ?6 sort_key, ?7 type,
 * ?8 capital, ?9 vsic, ?10 registered_on, ?11 address, ?12 residential_group,
 * ?13 in_ward, ?14 representative, ?15 status, ?16 status_date, ?17 from_household,
 * ?18 note, ?19 created_at, ?20 updated_at, ?21 id, ?22 vsic_version */
static void
bind_record (WardStmt             *stmt,
             const WardEnterprise *self)
{
  g_autofree char *skey = search_key (self);
  g_autofree char *sort = ward_enterprise_name_sort_key (self->name);

  sqlite3_bind_text (stmt, 1, self->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->tax_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, self->is_branch ? 1 : 0);
  sqlite3_bind_text (stmt, 4, self->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, skey, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, sort, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, type_codes[self->type], -1, SQLITE_STATIC);
  if (self->capital > 0)
    sqlite3_bind_int64 (stmt, 8, self->capital);
  sqlite3_bind_text (stmt, 9, self->vsic, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, self->registered_on, -1, SQLITE_TRANSIENT);
  ward_stmt_bind_text_or_null (stmt, 11, self->address);
  ward_stmt_bind_text_or_null (stmt, 12, self->residential_group);
  sqlite3_bind_int (stmt, 13, self->in_ward ? 1 : 0);
  ward_stmt_bind_text_or_null (stmt, 14, self->representative);
  sqlite3_bind_text (stmt, 15, status_codes[self->status], -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 16, self->status_date);
  sqlite3_bind_int (stmt, 17, self->from_household ? 1 : 0);
  ward_stmt_bind_text_or_null (stmt, 18, self->note);
  sqlite3_bind_text (stmt, 19, self->created_at, -1, SQLITE_TRANSIENT);
  if (self->vsic != NULL && self->vsic_version != WARD_VSIC_ANY)
    sqlite3_bind_int (stmt, 22, self->vsic_version);
}

static gboolean
write_record (WardStore       *store,
              WardEnterprise  *self,
              GError         **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *now = ward_store_now ();
  int rc;

  if (self->id == 0)
    {
      if (self->uuid == NULL)
        self->uuid = ward_store_new_uuid ();
      if (self->created_at == NULL)
        self->created_at = g_strdup (now);
      stmt = ward_store_prepare (store,
        "INSERT INTO enterprises (uuid, tax_code, is_branch, name, search_key, sort_key, type, "
        "capital, vsic, registered_on, address, residential_group, in_ward, representative, "
        "status, status_date, from_household, note, created_at, updated_at, vsic_version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?20, ?22)", error);
    }
  else
    stmt = ward_store_prepare (store,
      "UPDATE enterprises SET tax_code = ?2, is_branch = ?3, name = ?4, search_key = ?5, "
      "sort_key = ?6, type = ?7, capital = ?8, vsic = ?9, registered_on = ?10, address = ?11, "
      "residential_group = ?12, in_ward = ?13, representative = ?14, status = ?15, "
      "status_date = ?16, from_household = ?17, note = ?18, updated_at = ?20, "
      "vsic_version = ?22 WHERE id = ?21", error);
  if (stmt == NULL)
    return FALSE;

  bind_record (stmt, self);
  sqlite3_bind_text (stmt, 20, now, -1, SQLITE_TRANSIENT);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 21, self->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (self->id == 0)
    self->id = sqlite3_last_insert_rowid (ward_store_get_db (store));
  else if (sqlite3_changes (ward_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("The enterprise is no longer in the register; it may have been "
                             "deleted meanwhile."));
      return FALSE;
    }
  return TRUE;
}

static void
swap_records (WardEnterprise *a,
              WardEnterprise *b)
{
  WardEnterprise saved = *a;

  *a = *b;
  *b = saved;
}

gboolean
ward_enterprise_save (WardStore       *store,
                      WardEnterprise  *self,
                      GPtrArray       *issues,
                      GError         **error)
{
  g_autoptr (WardEnterprise) draft = NULL;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (self != NULL, FALSE);

  /* Work on a copy, so that a refused or failed save leaves @self as the
   * caller gave it. Validate before the transaction: a refused record must
   * not roll back the import it may be part of. */
  draft = ward_enterprise_copy (self);
  if (!ward_enterprise_validate (store, draft, NULL, issues, error))
    return FALSE;
  if (!ward_store_begin (store, error))
    return FALSE;
  if (!write_record (store, draft, error))
    {
      ward_store_rollback (store);
      return FALSE;
    }
  ward_store_notify_changed (store, "enterprises");
  if (!ward_store_commit (store, error))
    return FALSE;

  swap_records (self, draft);
  return TRUE;
}

#define SELECT_RECORD \
  "SELECT id, uuid, created_at, tax_code, is_branch, name, type, capital, vsic, registered_on, " \
  "address, residential_group, in_ward, representative, status, status_date, from_household, " \
  "note, vsic_version FROM enterprises "

static WardEnterprise *
read_record (WardStmt *stmt)
{
  WardEnterprise *self = ward_enterprise_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = ward_stmt_dup_text (stmt, 1);
  self->created_at = ward_stmt_dup_text (stmt, 2);
  self->tax_code = ward_stmt_dup_text (stmt, 3);
  self->is_branch = sqlite3_column_int (stmt, 4) != 0;
  self->name = ward_stmt_dup_text (stmt, 5);
  self->type = code_index (ward_stmt_text (stmt, 6), type_codes, WARD_ENTERPRISE_N_TYPES, 0);
  self->capital = sqlite3_column_int64 (stmt, 7);
  self->vsic = normalize_or_null (ward_stmt_text (stmt, 8));
  self->registered_on = ward_stmt_dup_text (stmt, 9);
  self->address = normalize_or_null (ward_stmt_text (stmt, 10));
  self->residential_group = normalize_or_null (ward_stmt_text (stmt, 11));
  self->in_ward = sqlite3_column_int (stmt, 12) != 0;
  self->representative = normalize_or_null (ward_stmt_text (stmt, 13));
  self->status = code_index (ward_stmt_text (stmt, 14), status_codes, WARD_ENTERPRISE_N_STATUSES, 0);
  self->status_date = normalize_or_null (ward_stmt_text (stmt, 15));
  self->from_household = sqlite3_column_int (stmt, 16) != 0;
  self->note = normalize_or_null (ward_stmt_text (stmt, 17));
  self->vsic_version = sqlite3_column_int (stmt, 18);
  return self;
}

static WardEnterprise *
query_one (WardStore   *store,
           const char  *sql,
           gint64       id,
           const char  *tax_code,
           GError     **error)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (tax_code != NULL)
    sqlite3_bind_text (stmt, 1, tax_code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_record (stmt);
  if (rc != SQLITE_DONE)
    ward_store_set_error (store, rc, error);
  return NULL;
}

WardEnterprise *
ward_enterprise_load (WardStore  *store,
                      gint64      id,
                      GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  WardEnterprise *self;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  self = query_one (store, SELECT_RECORD "WHERE id = ?1", id, NULL, &local_error);
  if (self == NULL && local_error == NULL)
    g_set_error_literal (&local_error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                         _("The enterprise is no longer in the register; it may have been "
                           "deleted meanwhile."));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return self;
}

WardEnterprise *
ward_enterprise_find (WardStore   *store,
                      const char  *tax_code,
                      GError     **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (tax_code != NULL, NULL);

  return query_one (store, SELECT_RECORD "WHERE tax_code = ?1", 0, tax_code, error);
}

WardEnterprise *
ward_enterprise_delete (WardStore  *store,
                        gint64      id,
                        GError    **error)
{
  g_autoptr (WardEnterprise) self = NULL;
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (!ward_store_begin (store, error))
    return NULL;
  self = ward_enterprise_load (store, id, error);
  if (self == NULL)
    goto failed;
  stmt = ward_store_prepare (store, "DELETE FROM enterprises WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      goto failed;
    }
  ward_store_notify_changed (store, "enterprises");
  if (!ward_store_commit (store, error))
    return NULL;
  self->id = 0;
  return g_steal_pointer (&self);

failed:
  ward_store_rollback (store);
  return NULL;
}

/* ---- Searching ------------------------------------------------------------ */

/* Digits of a needle made only of digits and the separators of tax codes,
 * or 0 when it holds anything else. */
static gsize
needle_digits (const char *needle,
               char       *digits,
               gsize       size)
{
  gsize n = 0;

  for (const char *p = needle; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n + 1 < size)
        digits[n++] = *p;
      else if (*p != ' ' && *p != '-' && *p != '.')
        return 0;
    }
  digits[n] = '\0';
  return n;
}

gboolean
ward_enterprise_row_matches (const WardEnterpriseRow *row,
                             const char              *folded_needle)
{
  char digits[32];
  const char *code_digits;

  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;
  if (strstr (row->search_key, folded_needle) != NULL)
    return TRUE;
  if (needle_digits (folded_needle, digits, sizeof digits) == 0)
    return FALSE;
  code_digits = strrchr (row->search_key, '\n');
  return code_digits != NULL && strstr (code_digits + 1, digits) != NULL;
}
