/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-programme"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "programme/ward-programme-private.h"

#define TITLE_MAX 1000

typedef struct
{
  const char *id;     /* stored */
  const char *label;  /* shown, translated */
  const char *vi;     /* written to spreadsheets, whose headers are Vietnamese */
} StatusInfo;

static const StatusInfo statuses[WARD_ITEM_N_STATUSES] = {
  { "not-started", N_("Not started"), "Chưa bắt đầu" },
  { "in-progress", N_("In progress"), "Đang thực hiện" },
  { "done", N_("Done"), "Hoàn thành" },
  { "paused", N_("Paused"), "Tạm dừng" },
};

/* ---- Status and the deadline rule ---------------------------------------- */

const char *
ward_item_status_to_string (WardItemStatus status)
{
  g_return_val_if_fail ((guint) status < WARD_ITEM_N_STATUSES, NULL);
  return statuses[status].id;
}

gboolean
ward_item_status_from_string (const char     *text,
                              WardItemStatus *status_out)
{
  for (guint i = 0; i < WARD_ITEM_N_STATUSES; i++)
    if (g_strcmp0 (text, statuses[i].id) == 0)
      {
        *status_out = (WardItemStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ward_item_status_label (WardItemStatus status)
{
  g_return_val_if_fail ((guint) status < WARD_ITEM_N_STATUSES, "");
  return _(statuses[status].label);
}

const char *
ward_item_status_vi (WardItemStatus status)
{
  g_return_val_if_fail ((guint) status < WARD_ITEM_N_STATUSES, "");
  return statuses[status].vi;
}

WardDueState
ward_programme_due_state (const char     *deadline_iso,
                          WardItemStatus  status,
                          const char     *today_iso)
{
  g_autoptr (GDate) deadline = NULL;
  g_autoptr (GDate) today = NULL;
  int days_left;

  if (status == WARD_ITEM_DONE)
    return WARD_DUE_NONE;
  deadline = ward_date_from_iso (deadline_iso);
  today = ward_date_from_iso (today_iso);
  if (deadline == NULL || today == NULL)
    return WARD_DUE_NONE;

  days_left = g_date_days_between (today, deadline);
  if (days_left < 0)
    return WARD_DUE_OVERDUE;
  if (days_left <= WARD_DUE_SOON_DAYS)
    return WARD_DUE_SOON;
  return WARD_DUE_NONE;
}

const char *
ward_due_state_label (WardDueState state)
{
  switch (state)
    {
    case WARD_DUE_OVERDUE:
      return _("Overdue");
    case WARD_DUE_SOON:
      return _("Due soon");
    case WARD_DUE_NONE:
    default:
      return "";
    }
}

const char *
ward_due_state_css_class (WardDueState state)
{
  switch (state)
    {
    case WARD_DUE_OVERDUE:
      return "overdue";
    case WARD_DUE_SOON:
      return "due-soon";
    case WARD_DUE_NONE:
    default:
      return NULL;
    }
}

/* ---- Small helpers -------------------------------------------------------- */

gboolean
ward_programme_step_done (WardStore  *store,
                          WardStmt   *stmt,
                          GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

char *
ward_programme_tidy_note (const char *text)
{
  g_autofree char *normal = NULL;

  if (text == NULL)
    return NULL;
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;
  g_strstrip (normal);
  return *normal != '\0' ? g_steal_pointer (&normal) : NULL;
}

char *
ward_programme_tidy_line (const char *text)
{
  g_autofree char *normal = ward_text_normalize (text);

  return normal != NULL && *normal != '\0' ? g_steal_pointer (&normal) : NULL;
}

/* ---- Groups and their roll-up --------------------------------------------- */

void
ward_programme_group_free (WardProgrammeGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->uuid);
  g_free (group->kind);
  g_free (group->title);
  g_free (group);
}

static gboolean
tally_items (WardStore   *store,
             GHashTable  *by_id,
             const char  *today_iso,
             GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  stmt = ward_store_prepare (store, "SELECT group_id, deadline, status FROM programme_items", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group_id = sqlite3_column_int64 (stmt, 0);
      WardProgrammeGroup *group = g_hash_table_lookup (by_id, &group_id);
      WardItemStatus status = WARD_ITEM_NOT_STARTED;

      if (group == NULL)
        continue;
      ward_item_status_from_string (ward_stmt_text (stmt, 2), &status);
      group->n_items++;
      if (status == WARD_ITEM_DONE)
        group->n_done++;
      switch (ward_programme_due_state (ward_stmt_text (stmt, 1), status, today_iso))
        {
        case WARD_DUE_OVERDUE:
          group->n_overdue++;
          break;
        case WARD_DUE_SOON:
          group->n_due_soon++;
          break;
        case WARD_DUE_NONE:
        default:
          break;
        }
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

GPtrArray *
ward_programme_groups_load (WardStore   *store,
                            const char  *today_iso,
                            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_group_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  stmt = ward_store_prepare (store,
                             "SELECT id, uuid, kind, position, title FROM programme_groups "
                             "ORDER BY kind = 'breakthrough', position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardProgrammeGroup *group = g_new0 (WardProgrammeGroup, 1);

      group->id = sqlite3_column_int64 (stmt, 0);
      group->uuid = ward_stmt_dup_text (stmt, 1);
      group->kind = ward_stmt_dup_text (stmt, 2);
      group->position = sqlite3_column_int (stmt, 3);
      group->title = ward_stmt_dup_text (stmt, 4);
      g_ptr_array_add (groups, group);
      g_hash_table_insert (by_id, &group->id, group);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  if (!tally_items (store, by_id, today_iso, error))
    return NULL;
  return g_steal_pointer (&groups);
}

/* ---- Items: memory -------------------------------------------------------- */

void
ward_programme_update_free (WardProgrammeUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->uuid);
  g_free (update->date);
  g_free (update->text);
  g_free (update->doc_number);
  g_free (update->created_at);
  g_free (update);
}

static WardProgrammeUpdate *
update_copy (const WardProgrammeUpdate *update)
{
  WardProgrammeUpdate *copy = g_memdup2 (update, sizeof *update);

  copy->uuid = g_strdup (update->uuid);
  copy->date = g_strdup (update->date);
  copy->text = g_strdup (update->text);
  copy->doc_number = g_strdup (update->doc_number);
  copy->created_at = g_strdup (update->created_at);
  return copy;
}

WardProgrammeItem *
ward_programme_item_new (void)
{
  WardProgrammeItem *item = g_new0 (WardProgrammeItem, 1);

  item->status = WARD_ITEM_NOT_STARTED;
  item->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  item->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return item;
}

static GArray *
id_array_copy (GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

WardProgrammeItem *
ward_programme_item_copy (const WardProgrammeItem *item)
{
  WardProgrammeItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->uuid = g_strdup (item->uuid);
  copy->title = g_strdup (item->title);
  copy->start_date = g_strdup (item->start_date);
  copy->deadline = g_strdup (item->deadline);
  copy->note = g_strdup (item->note);
  copy->unit_ids = id_array_copy (item->unit_ids);
  copy->target_ids = id_array_copy (item->target_ids);
  copy->group_title = g_strdup (item->group_title);
  copy->group_kind = g_strdup (item->group_kind);
  copy->lead_unit = g_strdup (item->lead_unit);
  copy->units_text = g_strdup (item->units_text);
  copy->targets_text = g_strdup (item->targets_text);
  copy->search_key = g_strdup (item->search_key);
  copy->created_at = g_strdup (item->created_at);
  copy->updates = NULL;
  if (item->updates != NULL)
    {
      copy->updates = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_update_free);
      for (guint i = 0; i < item->updates->len; i++)
        g_ptr_array_add (copy->updates, update_copy (item->updates->pdata[i]));
    }
  return copy;
}

void
ward_programme_item_free (WardProgrammeItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->title);
  g_free (item->start_date);
  g_free (item->deadline);
  g_free (item->note);
  g_clear_pointer (&item->unit_ids, g_array_unref);
  g_clear_pointer (&item->target_ids, g_array_unref);
  g_free (item->group_title);
  g_free (item->group_kind);
  g_free (item->lead_unit);
  g_free (item->units_text);
  g_free (item->targets_text);
  g_free (item->search_key);
  g_free (item->created_at);
  g_clear_pointer (&item->updates, g_ptr_array_unref);
  g_free (item);
}

/* ---- Items: validation ----------------------------------------------------- */

static gboolean
fail_field (WardItemField  *field_out,
            WardItemField   field,
            GError        **error,
            const char     *message)
{
  if (field_out != NULL)
    *field_out = field;
  g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID, message);
  return FALSE;
}

/* An ISO date, or nothing: "" and NULL are both "not set". */
static gboolean
check_optional_date (const char  *iso,
                     char       **tidy_out)
{
  g_autoptr (GDate) date = NULL;

  *tidy_out = NULL;
  if (iso == NULL || *iso == '\0')
    return TRUE;
  date = ward_date_from_iso (iso);
  if (date == NULL)
    return FALSE;
  *tidy_out = g_strdup (iso);
  return TRUE;
}

gboolean
ward_programme_parse_percent (const char  *text,
                              gboolean     allow_empty,
                              int         *percent_out,
                              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (trimmed);
  guint64 value;

  if (len > 0 && trimmed[len - 1] == '%')
    {
      trimmed[--len] = '\0';
      g_strchomp (trimmed);
      len = strlen (trimmed);
    }
  if (len == 0 && allow_empty)
    {
      *percent_out = -1;
      return TRUE;
    }
  if (len == 0 || len > 3 || strspn (trimmed, "0123456789") != len
      || (value = g_ascii_strtoull (trimmed, NULL, 10)) > 100)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("Write the progress as a whole number from 0 to 100."));
      return FALSE;
    }
  *percent_out = (int) value;
  return TRUE;
}

gboolean
ward_programme_item_validate (WardProgrammeItem  *item,
                              WardItemField      *field_out,
                              GError            **error)
{
  g_autofree char *title = NULL;
  g_autofree char *start = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (item != NULL, FALSE);

  if (field_out != NULL)
    *field_out = WARD_ITEM_FIELD_NONE;
  if (item->group_id <= 0)
    return fail_field (field_out, WARD_ITEM_FIELD_GROUP, error,
                       _("Choose the key task or breakthrough the item belongs to."));
  title = ward_programme_tidy_line (item->title);
  if (title == NULL)
    return fail_field (field_out, WARD_ITEM_FIELD_TITLE, error, _("Enter the item’s title."));
  if (g_utf8_strlen (title, -1) > TITLE_MAX)
    return fail_field (field_out, WARD_ITEM_FIELD_TITLE, error,
                       _("The title is too long: at most 1000 characters."));
  if (!check_optional_date (item->start_date, &start))
    return fail_field (field_out, WARD_ITEM_FIELD_START_DATE, error,
                       _("The start date is not a real date; write it as dd/mm/yyyy."));
  if (!check_optional_date (item->deadline, &deadline))
    return fail_field (field_out, WARD_ITEM_FIELD_DEADLINE, error,
                       _("The deadline is not a real date; write it as dd/mm/yyyy."));
  /* ISO dates compare as text. */
  if (start != NULL && deadline != NULL && strcmp (deadline, start) < 0)
    return fail_field (field_out, WARD_ITEM_FIELD_DEADLINE, error,
                       _("The deadline is before the start date."));
  if ((guint) item->status >= WARD_ITEM_N_STATUSES)
    return fail_field (field_out, WARD_ITEM_FIELD_STATUS, error, _("Choose the item’s status."));
  if (item->percent < 0 || item->percent > 100)
    return fail_field (field_out, WARD_ITEM_FIELD_PERCENT, error,
                       _("The progress must be from 0 to 100%."));

  g_free (item->title);
  item->title = g_steal_pointer (&title);
  g_free (item->start_date);
  item->start_date = g_steal_pointer (&start);
  g_free (item->deadline);
  item->deadline = g_steal_pointer (&deadline);
  note = ward_programme_tidy_note (item->note);
  g_free (item->note);
  item->note = g_steal_pointer (&note);
  if (item->status == WARD_ITEM_DONE)
    item->percent = 100;
  return TRUE;
}

/* ---- Items: reading -------------------------------------------------------- */

#define ITEM_SELECT \
  "SELECT i.id, i.uuid, i.group_id, i.title, i.lead_unit_id, i.start_date, i.deadline, " \
  "  i.status, i.percent, i.note, i.search_key, i.created_at, g.title, g.kind, u.name " \
  "FROM programme_items i JOIN programme_groups g ON g.id = i.group_id " \
  "  LEFT JOIN units u ON u.id = i.lead_unit_id "

static WardProgrammeItem *
item_from_row (WardStmt *stmt)
{
  WardProgrammeItem *item = ward_programme_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uuid = ward_stmt_dup_text (stmt, 1);
  item->group_id = sqlite3_column_int64 (stmt, 2);
  item->title = ward_stmt_dup_text (stmt, 3);
  item->lead_unit_id = sqlite3_column_int64 (stmt, 4);
  item->start_date = ward_stmt_dup_text (stmt, 5);
  item->deadline = ward_stmt_dup_text (stmt, 6);
  ward_item_status_from_string (ward_stmt_text (stmt, 7), &item->status);
  item->percent = sqlite3_column_int (stmt, 8);
  item->note = ward_stmt_dup_text (stmt, 9);
  item->search_key = ward_stmt_dup_text (stmt, 10);
  item->created_at = ward_stmt_dup_text (stmt, 11);
  item->group_title = ward_stmt_dup_text (stmt, 12);
  item->group_kind = ward_stmt_dup_text (stmt, 13);
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    item->lead_unit = ward_stmt_dup_text (stmt, 14);
  return item;
}

void
ward_programme_append_name (char       **text,
                            const char  *name)
{
  char *joined = *text == NULL ? g_strdup (name) : g_strconcat (*text, ", ", name, NULL);

  g_free (*text);
  *text = joined;
}

/* Fills the coordinating units and linked targets of the items in @by_id
 * from one link table. */
static gboolean
load_links (WardStore   *store,
            GHashTable  *by_id,
            gboolean     units,
            GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  int rc;

  if (units)
    stmt = ward_store_prepare (store,
                               "SELECT l.item_id, u.id, u.name FROM programme_item_units l "
                               "JOIN units u ON u.id = l.unit_id ORDER BY u.position, u.id", error);
  else
    stmt = ward_store_prepare (store,
                               "SELECT l.item_id, t.id, t.short_name FROM programme_item_targets l "
                               "JOIN targets t ON t.id = l.target_id ORDER BY t.position, t.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      WardProgrammeItem *item = g_hash_table_lookup (by_id, &item_id);

      if (item == NULL)
        continue;
      g_array_append_val (units ? item->unit_ids : item->target_ids, id);
      ward_programme_append_name (units ? &item->units_text : &item->targets_text, ward_stmt_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  return TRUE;
}

GPtrArray *
ward_programme_load_items (WardStore   *store,
                           gint64       group_id,
                           gint64       item_id,
                           GError     **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_item_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  stmt = ward_store_prepare (store,
                             ITEM_SELECT
                             "WHERE (?1 = 0 OR i.group_id = ?1) AND (?2 = 0 OR i.id = ?2) "
                             "ORDER BY g.kind = 'breakthrough', g.position, i.deadline IS NULL, "
                             "  i.deadline, i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      WardProgrammeItem *item = item_from_row (stmt);

      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, &item->id, item);
    }
  if (rc != SQLITE_DONE)
    {
      ward_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, ward_stmt_release);
  if (items->len > 0
      && (!load_links (store, by_id, TRUE, error) || !load_links (store, by_id, FALSE, error)))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
ward_programme_items_load (WardStore  *store,
                           gint64      group_id,
                           GError    **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  return ward_programme_load_items (store, group_id, 0, error);
}

WardProgrammeItem *
ward_programme_item_load (WardStore  *store,
                          gint64      id,
                          GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  WardProgrammeItem *item;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (id > 0, NULL);

  items = ward_programme_load_items (store, 0, id, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                           _("This item of the action programme no longer exists."));
      return NULL;
    }
  item = g_ptr_array_steal_index (items, 0);
  item->updates = ward_programme_updates_load (store, id, error);
  if (item->updates == NULL)
    {
      ward_programme_item_free (item);
      return NULL;
    }
  return item;
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const WardProgrammeItem *ia = *(WardProgrammeItem * const *) a;
  const WardProgrammeItem *ib = *(WardProgrammeItem * const *) b;
  int cmp = g_strcmp0 (ia->deadline, ib->deadline);

  if (cmp != 0)
    return cmp;
  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

GPtrArray *
ward_programme_items_overdue (WardStore   *store,
                              const char  *today_iso,
                              GError     **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GPtrArray *overdue;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  items = ward_programme_load_items (store, 0, 0, error);
  if (items == NULL)
    return NULL;
  overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_programme_item_free);
  for (guint i = 0; i < items->len; i++)
    {
      WardProgrammeItem *item = items->pdata[i];

      if (ward_programme_due_state (item->deadline, item->status, today_iso) == WARD_DUE_OVERDUE)
        g_ptr_array_add (overdue, ward_programme_item_copy (item));
    }
  g_ptr_array_sort (overdue, compare_deadlines);
  return overdue;
}
