/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "base/ward-output.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* Exchange between laptops. Volunteers record candidates, enterprises and
 * donations offline on their own laptops; a bundle carries the records to
 * the office and the office's lists back out. A bundle is one JSON file:
 *
 *   { "format": "ward-tracker-bundle", "version": 1, "schema": 3,
 *     "installation": "<uuid>", "book": "A3F9C2", "created_at": "…Z",
 *     "since": null | "yyyy-mm-dd…",
 *     "records": { "<table>": [ { "uuid", "values": { column: value, … },
 *                                 "supersedes": [ digest, … ], "links": {…} } ],
 *                  …, "deleted": [ { "table", "uuid", "updated_at", "deleted_at" } ] },
 *     "checksum": "<sha-256 of the records member as written>" }
 *
 * It travels signed by the installation that made it, and is read only
 * where that installation is trusted (ward-exchange-sign.h).
 *
 * A foreign-key value names the referenced record by its uuid, never by its
 * integer id. Import merges record by record, by uuid; all of an import is
 * one transaction.
 *
 * - Identity. A record is the same record when it has the same uuid, or,
 *   failing that, the same natural key: targets by code, programme groups by
 *   (kind, position), units, party cells and campaigns by name (each laptop
 *   seeds them under uuids of its own), and any other unique key of a table
 *   (an enterprise's tax code, a candidate's name and birth date). The two
 *   copies then settle on one uuid, the smaller one; a campaign keeps the
 *   uuid its ledger entries are hashed under (one without entries takes the
 *   sender's).
 * - Changes. Each record carries the digests of the versions it superseded;
 *   each file keeps the digests it has sent, received or kept (the
 *   bundle_versions table) and those its audit trail shows of the seeded
 *   lists. Mine superseded there: take theirs. Theirs superseded here: keep
 *   mine. Otherwise the record changed on both sides: a conflict, which only
 *   a person's choice settles. The same content under other timestamps is
 *   the same record (the earliest created_at, the latest updated_at win).
 * - Deletions travel as tombstones from the audit trail, with the
 *   updated_at the record had: the receiver deletes its copy if it is that
 *   version, and lists a conflict if it changed since. A record deleted here
 *   is not brought back by an older copy; a newer copy is a conflict.
 * - The ledger is append-only and never conflicts: an entry already here is
 *   skipped, a new one must extend its (campaign, book) chain where this
 *   file's copy ends, with a hash that matches. Each installation must write
 *   its own book (ward_store_dup_book()); a book written on both sides, a
 *   receipt number used twice, or a campaign seeded apart on both sides
 *   that both hold entries in is refused with the reason. */

#define WARD_BUNDLE_FORMAT  "ward-tracker-bundle"
#define WARD_BUNDLE_VERSION 1

/* When this file last exported a bundle (ISO 8601, UTC), or NULL. */
char      *ward_bundle_dup_last_export     (WardStore   *store);

/* Writes a bundle of every record, or of those changed here on or after
 * @since (an ISO date or timestamp; NULL or "" for all). The small
 * reference lists (units, party cells, targets, programme groups,
 * campaigns) always go whole. @n_records_out (may be NULL) receives the
 * number of records and deletions written. */
gboolean   ward_bundle_export              (WardStore        *store,
                                            const char       *path,
                                            const char       *since,
                                            WardOutputFlags   flags,
                                            guint            *n_records_out,
                                            GError          **error);
GBytes    *ward_bundle_export_bytes        (WardStore   *store,
                                            const char  *since,
                                            guint       *n_records_out,
                                            GError     **error);

/* As ward_bundle_export_bytes(), of the records named in the temporary
 * table temp.bundle_outgoing (table_name, row_uuid) alone, their deletions
 * included: what a change file of the shared folder carries (src/core/sync).
 * The reference lists still go whole. */
/* An integer member of a bundle's (or a change file's) JSON, its type
 * checked: FALSE when it is missing or not an integer. */
gboolean    ward_bundle_int_member          (JsonObject *object,
                                             const char *member,
                                             gint64     *out);
/* The tables bundles carry, parents first. */
guint       ward_bundle_n_tables            (void);
const char *ward_bundle_table_name          (guint index);
/* Whether bundles carry the records of @table. */
gboolean   ward_bundle_carries_table        (const char *table);
GBytes    *ward_bundle_export_selected_bytes (WardStore  *store,
                                              guint      *n_records_out,
                                              GError    **error);

/* ---- Import ------------------------------------------------------------- */

typedef enum
{
  WARD_BUNDLE_UNDECIDED,
  WARD_BUNDLE_KEEP_MINE,
  WARD_BUNDLE_TAKE_THEIRS,
} WardBundleChoice;

typedef enum
{
  WARD_BUNDLE_CHANGED_BOTH,    /* changed here and there since they last met */
  WARD_BUNDLE_ENTERED_TWICE,   /* entered on both computers, with different values */
  WARD_BUNDLE_DELETED_THERE,   /* deleted there, changed here */
  WARD_BUNDLE_DELETED_HERE,    /* deleted here, changed there */
} WardBundleConflictKind;

typedef struct
{
  char *label;    /* translated field name */
  char *mine;     /* as shown: dates dd/mm/yyyy, references by name; "" if empty */
  char *theirs;
} WardBundleField;

typedef struct
{
  WardBundleConflictKind  kind;
  const char             *table;
  const char             *register_title;   /* translated */
  char                   *uuid;
  char                   *description;      /* "Nguyễn Văn An", "Công ty TNHH …" */
  GPtrArray              *fields;           /* WardBundleField: what differs (all fields for a deletion) */
  WardBundleChoice        choice;
} WardBundleConflict;

/* What an import does to one register. */
typedef struct
{
  const char *table;
  const char *title;        /* translated */
  guint       n_added;
  guint       n_updated;
  guint       n_deleted;
  guint       n_unchanged;  /* the same here, or older than here */
  guint       n_conflicts;
  guint       n_skipped;    /* deleted here earlier: not added again */
} WardBundleCount;

typedef struct _WardBundlePlan WardBundlePlan;

/* Reads, checks and compares a bundle with the file, writing nothing.
 * Refused, with the reason, when it is not a bundle or is damaged, when
 * its checksum or a ledger chain does not match (tampered with), when a
 * newer version of Ward Tracker made it, when this installation made it,
 * when it is not signed or its signer is not trusted here
 * (WARD_ERROR_UNTRUSTED, ward-exchange-sign.h), or when its ledger entries
 * cannot join this file's ledger. */
WardBundlePlan        *ward_bundle_plan_new_for_path   (WardStore        *store,
                                                        const char       *path,
                                                        GError          **error);
WardBundlePlan        *ward_bundle_plan_new_for_bytes  (WardStore        *store,
                                                        GBytes           *bytes,
                                                        const char       *display_name,
                                                        GError          **error);
WardBundlePlan        *ward_bundle_plan_ref            (WardBundlePlan   *plan);
void                   ward_bundle_plan_unref          (WardBundlePlan   *plan);

const char            *ward_bundle_plan_get_installation (WardBundlePlan *plan);
const char            *ward_bundle_plan_get_book       (WardBundlePlan   *plan);
const char            *ward_bundle_plan_get_created_at (WardBundlePlan   *plan);
const char            *ward_bundle_plan_get_since      (WardBundlePlan   *plan);

/* One count per register the bundle touches, in a fixed order; the ledger
 * is the last. */
guint                  ward_bundle_plan_get_n_counts   (WardBundlePlan   *plan);
const WardBundleCount *ward_bundle_plan_get_count      (WardBundlePlan   *plan,
                                                        guint             index);
/* Whether applying the plan would add, change or delete anything. */
gboolean               ward_bundle_plan_has_changes    (WardBundlePlan   *plan);

guint                  ward_bundle_plan_get_n_conflicts (WardBundlePlan  *plan);
const WardBundleConflict *ward_bundle_plan_get_conflict (WardBundlePlan  *plan,
                                                        guint             index);
void                   ward_bundle_plan_set_choice     (WardBundlePlan   *plan,
                                                        guint             index,
                                                        WardBundleChoice  choice);
void                   ward_bundle_plan_set_all_choices (WardBundlePlan  *plan,
                                                        WardBundleChoice  choice);
guint                  ward_bundle_plan_get_n_undecided (WardBundlePlan  *plan);

/* "changed on both computers", … */
const char            *ward_bundle_conflict_kind_to_string (WardBundleConflictKind kind);
/* "1 in conflict, 2 to add, 5 unchanged": the parts that are not zero. */
char                  *ward_bundle_count_describe      (const WardBundleCount *count);

/* The summary as lines of text (for the command line). */
char                  *ward_bundle_plan_format         (WardBundlePlan   *plan);

/* Stores the plan in one transaction. Refused while a conflict is
 * undecided, and when the file changed since the plan was made so that
 * the conflicts are no longer the ones decided (make the plan again). */
gboolean               ward_bundle_plan_apply          (WardStore        *store,
                                                        WardBundlePlan   *plan,
                                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardBundlePlan, ward_bundle_plan_unref)

G_END_DECLS
