/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* The audit trail: every insert, update and delete in every register, written
 * by triggers whatever path made the change. The triggers are made from the
 * schema (ward-store-audit-triggers.c) after every migration. */

typedef struct
{
  char *field;
  char *old_value;   /* NULL for an insert or an empty value */
  char *new_value;   /* NULL for a delete or an empty value */
} WardAuditChange;

typedef struct
{
  char      *at;       /* ISO 8601, UTC */
  char      *action;   /* "insert", "update", "delete" */
  GPtrArray *changes;  /* WardAuditChange: the fields that differ */
} WardAuditEntry;

void       ward_audit_entry_free   (WardAuditEntry *entry);

/* A record's history, the oldest first. An update that changed nothing but
 * updated_at is left out. */
GPtrArray *ward_audit_history      (WardStore      *store,
                                    const char     *table,
                                    const char     *row_uuid,
                                    GError        **error);

/* Makes the audit triggers again from the schema as it stands, after
 * dropping the old ones: for each table an insert, an update and a delete
 * trigger recording every column. The ledger's entries are audited as
 * they are written (they are never changed); the audit table itself and
 * exchange's bookkeeping (bundle_versions, bundle_peers) are not. The
 * store calls it after each migration, inside its transaction. */
gboolean   ward_audit_create_triggers (WardStore    *store,
                                       GError      **error);
/* Drops them (before a migration, which then works on the bare tables). */
gboolean   ward_audit_drop_triggers   (WardStore    *store,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardAuditEntry, ward_audit_entry_free)

G_END_DECLS
