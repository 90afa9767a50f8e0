/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* What the checks of an opened file found. */
typedef struct
{
  GError    *file_error;    /* the integrity check failed or could not run */
  GError    *chain_error;   /* the ledger does not verify (NULL: it does) */
  GPtrArray *chain_report;  /* the ledger's findings, one sentence each */
} WardFileCheck;

/* SQLite's integrity check alone, as a backup runs it before writing.
 * Appends one sentence per problem to @problems (char *, may be NULL) and
 * returns FALSE when there is any or the check could not run. */
gboolean       ward_file_check_integrity (WardStore            *store,
                                          GPtrArray            *problems);

/* The full check: integrity, foreign keys, the ledger chain. Appends one
 * sentence per problem to @problems (char *) and returns FALSE when there is
 * any; @error only when the check could not run. */
gboolean       ward_file_check_full      (WardStore            *store,
                                          GPtrArray            *problems,
                                          GError              **error);

/* What the file holds that is not wrong but wants the clerk's attention
 * (receipts by transfer still without their reference): one sentence per
 * note appended to @notes (char *). FALSE with @error if it cannot be read. */
gboolean       ward_file_check_notes     (WardStore            *store,
                                          GPtrArray            *notes,
                                          GError              **error);

void           ward_file_check_free      (WardFileCheck        *check);

/* The checks a window runs on its file once it is up, on a worker thread:
 * SQLite's integrity check, which the store opened with
 * ward_store_open_check_later() still owes (writes wait for it), then the
 * ledger's hash chain, read through a connection of its own in one
 * snapshot. */
void           ward_file_check_async     (WardStore            *store,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
WardFileCheck *ward_file_check_finish    (WardStore            *store,
                                          GAsyncResult         *result,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardFileCheck, ward_file_check_free)

G_END_DECLS
