/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "import/ward-import.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* The action programme: the resolution's six key tasks and two
 * breakthroughs (the groups), each holding items with a lead unit,
 * coordinating units, linked targets, dates, a status, a percentage and a
 * dated log of progress updates. */

/* ---- Status and the deadline rule ---------------------------------------- */

typedef enum
{
  WARD_ITEM_NOT_STARTED,  /* chưa bắt đầu */
  WARD_ITEM_IN_PROGRESS,  /* đang thực hiện */
  WARD_ITEM_DONE,         /* hoàn thành */
  WARD_ITEM_PAUSED,       /* tạm dừng */
} WardItemStatus;

#define WARD_ITEM_N_STATUSES 4

/* "not-started", "in-progress", "done", "paused": as stored. */
const char *ward_item_status_to_string    (WardItemStatus   status);
gboolean    ward_item_status_from_string  (const char      *text,
                                           WardItemStatus  *status_out);
/* "Not started", …, in the user's language ("Chưa bắt đầu", …). */
const char *ward_item_status_label        (WardItemStatus   status);

typedef enum
{
  WARD_DUE_NONE,      /* finished, no deadline, or the deadline is further off */
  WARD_DUE_SOON,      /* not finished, deadline today or within the next 30 days */
  WARD_DUE_OVERDUE,   /* not finished and the deadline has passed */
} WardDueState;

#define WARD_DUE_SOON_DAYS 30

/* The deadline rule, derived and never stored. An item is finished only when
 * it is done; a paused item still falls overdue. The deadline day itself is
 * not overdue ("by 30/6" means the 30th still counts): it is overdue from the
 * day after. It is due soon from WARD_DUE_SOON_DAYS days before its deadline
 * up to the deadline day. A missing or unreadable date gives WARD_DUE_NONE. */
WardDueState ward_programme_due_state     (const char      *deadline_iso,
                                           WardItemStatus   status,
                                           const char      *today_iso);
/* "Overdue" / "Due soon" in the user's language ("Quá hạn", "Sắp đến hạn"), ""
 * for WARD_DUE_NONE. */
const char  *ward_due_state_label         (WardDueState     state);
/* "overdue", "due-soon" (the CSS classes), NULL for WARD_DUE_NONE. */
const char  *ward_due_state_css_class     (WardDueState     state);

/* ---- Groups and their roll-up --------------------------------------------- */

/* A key task or a breakthrough of the action programme, with the roll-up of
 * its items. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *kind;       /* "task" or "breakthrough" */
  int     position;
  char   *title;
  int     n_items;
  int     n_done;
  int     n_overdue;  /* ward_programme_due_state() == OVERDUE on the given day */
  int     n_due_soon; /* ward_programme_due_state() == SOON on the given day */
} WardProgrammeGroup;

void        ward_programme_group_free   (WardProgrammeGroup *group);

/* The groups in the resolution's order (the key tasks, then the
 * breakthroughs), rolled up as of @today_iso with ward_programme_due_state(). */
GPtrArray  *ward_programme_groups_load  (WardStore          *store,
                                         const char         *today_iso,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardProgrammeGroup, ward_programme_group_free)

/* ---- Items ----------------------------------------------------------------- */

typedef struct
{
  gint64          id;            /* 0: not stored yet */
  char           *uuid;          /* NULL: not stored yet (a new one is made) */
  gint64          group_id;
  char           *title;
  gint64          lead_unit_id;  /* 0: none chosen */
  char           *start_date;    /* ISO yyyy-mm-dd or NULL */
  char           *deadline;      /* ISO yyyy-mm-dd or NULL */
  WardItemStatus  status;
  int             percent;       /* 0 – 100 */
  char           *note;
  GArray         *unit_ids;      /* gint64: coordinating units */
  GArray         *target_ids;    /* gint64: linked targets */

  /* Filled when loading, for display; ignored when saving. */
  char           *group_title;
  char           *group_kind;    /* "task" or "breakthrough" */
  char           *lead_unit;     /* the lead unit's name, NULL if none */
  char           *units_text;    /* coordinating units' names, "A, B" */
  char           *targets_text;  /* linked targets' short names, "A, B" */
  char           *search_key;    /* folded title and unit names */
  char           *created_at;    /* kept when restoring a deleted item */
  GPtrArray      *updates;       /* WardProgrammeUpdate, newest first; only from _item_load / _delete */
} WardProgrammeItem;

WardProgrammeItem *ward_programme_item_new   (void);
WardProgrammeItem *ward_programme_item_copy  (const WardProgrammeItem *item);
void               ward_programme_item_free  (WardProgrammeItem *item);

/* The field a validation error is about, so that a form can point at it. */
typedef enum
{
  WARD_ITEM_FIELD_NONE,
  WARD_ITEM_FIELD_GROUP,
  WARD_ITEM_FIELD_TITLE,
  WARD_ITEM_FIELD_LEAD_UNIT,
  WARD_ITEM_FIELD_START_DATE,
  WARD_ITEM_FIELD_DEADLINE,
  WARD_ITEM_FIELD_STATUS,
  WARD_ITEM_FIELD_PERCENT,
  WARD_ITEM_FIELD_NOTE,
} WardItemField;

/* Checks @item as the form and the imports do, and tidies it for storing:
 * the title is required (NFC, spacing collapsed), dates must be real
 * ISO dates and the deadline not before the start, the percentage 0 – 100.
 * Rule: an item marked done is 100% done, so a done item's percentage is set
 * to 100 here rather than refused. On error @field_out (may be NULL) names
 * the field and nothing is changed. */
gboolean    ward_programme_item_validate (WardProgrammeItem  *item,
                                          WardItemField      *field_out,
                                          GError            **error);

/* Parses a percentage as a clerk types it: a whole number 0 – 100, with or
 * without "%". An empty text gives -1 (none) when @allow_empty. */
gboolean    ward_programme_parse_percent (const char         *text,
                                          gboolean            allow_empty,
                                          int                *percent_out,
                                          GError            **error);

/* Validates and stores @item: inserts it when item->id is 0 (then sets its
 * id and uuid), otherwise updates it; its coordinating units and linked
 * targets are replaced by those given. */
gboolean    ward_programme_item_save     (WardStore          *store,
                                          WardProgrammeItem  *item,
                                          WardItemField      *field_out,
                                          GError            **error);

/* One item with its updates, or NULL with WARD_ERROR_NOT_FOUND. */
WardProgrammeItem *ward_programme_item_load (WardStore   *store,
                                             gint64       id,
                                             GError     **error);

/* Every item of @group_id (0: of every group), by group, then deadline (none
 * last), then title. Without their updates. */
GPtrArray  *ward_programme_items_load    (WardStore          *store,
                                          gint64              group_id,
                                          GError            **error);

/* The items overdue on @today_iso (ward_programme_due_state()), the oldest
 * deadline first, with their group_title, deadline and lead_unit filled: for
 * the overview page. */
GPtrArray  *ward_programme_items_overdue (WardStore          *store,
                                          const char         *today_iso,
                                          GError            **error);

/* Deletes an item with its log and returns it, updates included, so that
 * ward_programme_item_restore() can bring it back (same uuid). */
WardProgrammeItem *ward_programme_item_delete  (WardStore          *store,
                                                gint64              id,
                                                GError            **error);
gboolean           ward_programme_item_restore (WardStore          *store,
                                                WardProgrammeItem  *item,
                                                GError            **error);

/* Recomputes the search keys of the items that @unit_id leads or
 * coordinates (0: of every item), after a unit was renamed. */
gboolean    ward_programme_refresh_search_keys (WardStore    *store,
                                                gint64        unit_id,
                                                GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardProgrammeItem, ward_programme_item_free)

/* ---- The log of progress updates ------------------------------------------ */

typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  item_id;
  char   *date;        /* ISO yyyy-mm-dd */
  char   *text;
  int     percent;     /* 0 – 100, or -1 when the update gives none */
  char   *doc_number;  /* số văn bản, NULL if none */
  char   *created_at;
} WardProgrammeUpdate;

void        ward_programme_update_free   (WardProgrammeUpdate *update);

typedef enum
{
  WARD_UPDATE_FIELD_NONE,
  WARD_UPDATE_FIELD_DATE,
  WARD_UPDATE_FIELD_TEXT,
  WARD_UPDATE_FIELD_PERCENT,
  WARD_UPDATE_FIELD_DOC_NUMBER,
} WardUpdateField;

/* The log of one item, newest first (by date, then by entry). */
GPtrArray  *ward_programme_updates_load  (WardStore          *store,
                                          gint64              item_id,
                                          GError            **error);

/* Adds an update to the log of update->item_id: the date and the text are
 * required, the percentage is -1 or 0 – 100. When the update gives a
 * percentage and no other update of the item is dated later, it becomes the
 * item's percentage, and an item not started yet that made progress (above
 * 0%) is marked in progress. An update cannot take a done item below 100%:
 * mark the item in progress first. Sets update->id and uuid. */
gboolean    ward_programme_update_add    (WardStore          *store,
                                          WardProgrammeUpdate *update,
                                          WardUpdateField    *field_out,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardProgrammeUpdate, ward_programme_update_free)

/* ---- Stats ----------------------------------------------------------------- */

/* For `ward-tracker-cli stats`: the member "programme" of
 * ward_stats_collect()'s object, rolled up as of today (ward_today_iso()):
 * { items, done, overdue, due_soon, groups: [{ kind, title, items, done,
 * overdue, due_soon }] }. */
gboolean    ward_programme_add_stats     (WardStore          *store,
                                          JsonBuilder        *builder,
                                          GError            **error);
/* The same member as lines to read. */
void        ward_programme_format_stats  (JsonObject         *stats,
                                          GString            *out);

/* ---- Exchange -------------------------------------------------------------- */

/* `ward-tracker-cli export programme FILE.csv`: export only. Columns:
 * Nhiệm vụ / Khâu đột phá, Nội dung, Cơ quan chủ trì, Cơ quan phối hợp,
 * Chỉ tiêu liên quan, Ngày bắt đầu, Hạn hoàn thành, Trạng thái, Tiến độ (%),
 * Ghi chú. */
extern const WardImportKind ward_programme_import_kind;

/* Writes every item as the kind above does, to @path (UTF-8 with BOM),
 * through ward_output_open(). */
gboolean    ward_programme_export_to_path (WardStore         *store,
                                           const char        *path,
                                           WardOutputFlags    flags,
                                           GError           **error);

G_END_DECLS
