/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "exchange/ward-exchange.h"

G_BEGIN_DECLS

/* Table titles and field names carry the context "bundle". */
#define BUNDLE_C_(text) g_dpgettext2 (GETTEXT_PACKAGE, "bundle", text)

/* ---- The tables a bundle carries ---------------------------------------- */

typedef enum
{
  BUNDLE_REFERENCE,   /* small lists, seeded or kept by the office: always sent whole */
  BUNDLE_REGISTER,    /* merged record by record */
  BUNDLE_LEDGER,      /* append-only, chained per campaign and book */
} BundleRole;

/* Rows of a link table belong to their parent record: they are sent and
 * compared as a list inside it (the programme rewrites them, with new
 * uuids, each time an item is saved). */
typedef struct
{
  const char *table;
  const char *parent_column;
  const char *other_column;
  const char *other_table;
} BundleLinks;

typedef struct
{
  const char        *name;
  const char        *title;           /* N_() */
  BundleRole         role;
  const char * const natural_key[3];  /* reference lists: what names a row on every laptop */
  const BundleLinks *links[3];
} BundleDesc;

/* A table as this file has it: columns and foreign keys read from PRAGMA
 * table_info / foreign_key_list, so that columns added later come along. */
typedef struct
{
  const BundleDesc *desc;
  GPtrArray        *columns;      /* char *: every column but id and uuid */
  GHashTable       *references;   /* column -> referenced table */
  GHashTable       *not_null;     /* columns that may not be NULL */
  GPtrArray        *keys;         /* GStrv: unique keys besides uuid (natural keys) */
} BundleTable;

typedef struct
{
  BundleTable *tables;
  guint        n_tables;
} BundleSchema;

const BundleDesc  *bundle_desc_lookup        (const char         *name);
BundleSchema      *bundle_schema_load        (WardStore          *store,
                                              GError            **error);
void               bundle_schema_free        (BundleSchema       *schema);
BundleTable       *bundle_schema_lookup      (BundleSchema       *schema,
                                              const char         *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BundleSchema, bundle_schema_free)

/* "SELECT id, uuid, <columns> FROM <table>" followed by @tail. */
char              *bundle_table_select_sql   (BundleTable        *table,
                                              const char         *tail);
/* The row under @stmt (as made by bundle_table_select_sql()) as values:
 * references by uuid. */
JsonObject        *bundle_table_read_values  (WardStore          *store,
                                              BundleTable        *table,
                                              WardStmt           *stmt,
                                              GError            **error);
/* The row with @uuid; NULL (no error) when there is none. */
JsonObject        *bundle_table_read_row     (WardStore          *store,
                                              BundleTable        *table,
                                              const char         *uuid,
                                              gint64             *id_out,
                                              GError            **error);
/* { link table: [other uuid, …] } for the parent row @id, NULL without links. */
JsonObject        *bundle_table_read_links   (WardStore          *store,
                                              BundleTable        *table,
                                              gint64              id,
                                              GError            **error);

/* ---- Identity and versions ---------------------------------------------- */

/* Names the referenced row @uuid of @table portably: by its natural key for
 * a reference list, by its uuid otherwise. */
typedef char *(*BundleNamer) (const char *table,
                              const char *uuid,
                              gpointer    user_data);

/* A short digest of what a record says (not its id, uuid or timestamps):
 * the same on every laptop for the same content. */
char              *bundle_digest             (BundleTable        *table,
                                              JsonObject         *values,
                                              JsonObject         *links,
                                              BundleNamer         namer,
                                              gpointer            user_data);
/* The natural key of a reference-list row, as one string; NULL otherwise. */
char              *bundle_natural_key        (const BundleDesc   *desc,
                                              JsonObject         *values);
/* Names references by the rows of this file. */
char              *bundle_local_namer        (const char         *table,
                                              const char         *uuid,
                                              gpointer            store);
/* Every digest the record @uuid is known to have had here. */
GHashTable        *bundle_history            (WardStore          *store,
                                              BundleTable        *table,
                                              const char         *uuid,
                                              GError            **error);
gboolean           bundle_remember           (WardStore          *store,
                                              const char         *table,
                                              const char         *uuid,
                                              const char         *digest,
                                              GError            **error);

gboolean           bundle_uuid_exists        (WardStore          *store,
                                              const char         *table,
                                              const char         *uuid,
                                              gint64             *id_out,
                                              GError            **error);
/* The row's uuid for an integer key; NULL if none. */
char              *bundle_uuid_for_id        (WardStore          *store,
                                              const char         *table,
                                              gint64              id,
                                              GError            **error);
/* Whether the audit trail saw @uuid deleted (and it is not back); the
 * deleted row's updated_at in @updated_at_out. */
gboolean           bundle_deleted_here       (WardStore          *store,
                                              const char         *table,
                                              const char         *uuid,
                                              char              **updated_at_out,
                                              GError            **error);

/* ---- Values ------------------------------------------------------------- */

void               bundle_bind_node          (WardStmt           *stmt,
                                              int                 index,
                                              JsonNode           *node);
/* The value as text, as SQLite gives it (NULL for null). */
char              *bundle_node_to_text       (JsonNode           *node);
/* A value as a clerk reads it: dates dd/mm/yyyy, references by name. */
char              *bundle_display_value      (WardStore          *store,
                                              BundleTable        *table,
                                              const char         *column,
                                              JsonNode           *node);
const char        *bundle_column_label       (const char         *column);
char              *bundle_describe_record    (WardStore          *store,
                                              BundleTable        *table,
                                              JsonObject         *values);

/* ---- Plans -------------------------------------------------------------- */

typedef enum
{
  ACTION_INSERT,
  ACTION_UPDATE,
  ACTION_DELETE,
  ACTION_ADOPT_UUID,   /* the same record under another uuid: take the agreed one */
  ACTION_TOUCH,        /* the same content: agree on created_at / updated_at */
  ACTION_REMEMBER,     /* nothing to write but what is now known of the record */
  ACTION_LEDGER_INSERT,
} ActionKind;

typedef struct
{
  ActionKind          kind;
  const BundleDesc   *desc;
  char               *uuid;        /* the row's uuid after the action */
  char               *old_uuid;    /* ACTION_ADOPT_UUID */
  JsonObject         *values;      /* INSERT, UPDATE, LEDGER_INSERT: references by uuid */
  JsonObject         *links;
  JsonObject         *replacement; /* LEDGER_INSERT of a correction's reversal: the receipt
                                      written again under its number, inserted right after */
  char               *created_at;  /* ACTION_TOUCH */
  char               *updated_at;
  GPtrArray          *remember;    /* digests to keep for the row, whatever is chosen */
  WardBundleConflict *conflict;    /* the action waits for this choice (borrowed) */
} BundleAction;

struct _WardBundlePlan
{
  gatomicrefcount  ref;
  JsonNode        *root;
  JsonObject      *records;
  char            *display_name;
  char            *installation;
  char            *signer;      /* the installation whose signature was verified */
  char            *book;
  char            *created_at;
  char            *since;
  GArray          *counts;      /* WardBundleCount */
  GPtrArray       *conflicts;   /* WardBundleConflict * */
  GPtrArray       *actions;     /* BundleAction *, in the order they are applied */
  guint            n_changes;
  gint64           file_state;  /* bundle_file_state() when the plan was made */
};

typedef struct
{
  WardStore      *store;
  BundleSchema   *schema;
  WardBundlePlan *plan;
  GHashTable     *incoming;   /* "table\x1fuuid" -> JsonObject record */
  GHashTable     *map;        /* "table\x1fuuid there" -> uuid here after the import; "" deleted here */
} BundlePlanner;

char              *bundle_key                (const char         *table,
                                              const char         *uuid);
BundleAction      *bundle_action_new         (ActionKind          kind,
                                              BundleTable        *table,
                                              const char         *uuid);
void               bundle_action_free        (BundleAction       *action);
void               bundle_field_free         (WardBundleField    *field);
WardBundleCount   *bundle_planner_count      (BundlePlanner      *planner,
                                              const char         *table);
/* A string member, or NULL when missing or not a string. */
const char        *bundle_string_member      (JsonObject         *object,
                                              const char         *member);

/* ward-exchange-envelope.c: the format, version, checksum and origin checked;
 * then every record indexed by table and uuid. */
gboolean           bundle_read_envelope      (WardStore          *store,
                                              WardBundlePlan     *plan,
                                              GError            **error);
gboolean           bundle_index_records      (BundlePlanner      *planner,
                                              GError            **error);
JsonArray         *bundle_records_of         (BundlePlanner      *planner,
                                              const char         *table);

/* ward-exchange-plan.c: fills @plan (counts, conflicts, actions). */
gboolean           bundle_plan_make          (WardStore          *store,
                                              WardBundlePlan     *plan,
                                              GError            **error);

/* ward-exchange-conflicts.c */
GPtrArray         *bundle_conflict_fields    (BundlePlanner      *planner,
                                              BundleTable        *table,
                                              JsonObject         *mine,
                                              JsonObject         *mine_links,
                                              JsonObject         *theirs,
                                              JsonObject         *theirs_links);
WardBundleConflict *bundle_add_conflict      (BundlePlanner          *planner,
                                              WardBundleConflictKind  kind,
                                              BundleTable            *table,
                                              const char             *uuid,
                                              JsonObject             *described,
                                              GPtrArray              *fields);
/* The ledger's part: checks every chain the bundle extends. */
gboolean           bundle_plan_ledger        (BundlePlanner      *planner,
                                              GError            **error);
/* Changes whenever anything writes to the file, from this connection or
 * another one. */
gint64             bundle_file_state         (WardStore          *store);
/* Makes the plan again from @plan's bundle, against the file as it is now. */
WardBundlePlan    *bundle_plan_remake        (WardStore          *store,
                                              WardBundlePlan     *plan,
                                              GError            **error);
/* "“NAME” is not a Ward Tracker data bundle, or it is damaged (WHAT)." */
gboolean           bundle_refuse_corrupt     (const char         *display_name,
                                              const char         *what,
                                              GError            **error);
gboolean           bundle_corrupt            (WardBundlePlan     *plan,
                                              const char         *what,
                                              GError            **error);

/* ward-exchange-rules.c: the registers' rules, record by record, inside
 * the import's transaction. */
gboolean           bundle_check_before_write (WardStore          *store,
                                              BundleTable        *table,
                                              BundleAction       *action,
                                              const char         *display,
                                              GError            **error);
gboolean           bundle_check_after_write  (WardStore          *store,
                                              BundleTable        *table,
                                              BundleAction       *action,
                                              const char         *display,
                                              GError            **error);

G_END_DECLS
