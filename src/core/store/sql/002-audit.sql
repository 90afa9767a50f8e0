-- Version 2: the audit trail and the append-only ledger, as triggers, so that
-- every path that writes (window, CLI, import, bundle) is covered alike.

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
  SELECT RAISE (ABORT, 'ledger entries are append-only: record a reversing entry instead');
END;

CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
  SELECT RAISE (ABORT, 'ledger entries are append-only: record a reversing entry instead');
END;

CREATE TRIGGER audit_units_insert AFTER INSERT ON units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'units', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_units_update AFTER UPDATE ON units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'units', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_units_delete AFTER DELETE ON units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'units', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_targets_insert AFTER INSERT ON targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'targets', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'code', NEW.code, 'position', NEW.position, 'name', NEW.name, 'short_name', NEW.short_name, 'unit', NEW.unit, 'kind', NEW.kind, 'goal', NEW.goal, 'comparison', NEW.comparison, 'group_code', NEW.group_code, 'source', NEW.source, 'baseline_year', NEW.baseline_year, 'baseline_value', NEW.baseline_value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_targets_update AFTER UPDATE ON targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'targets', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'code', OLD.code, 'position', OLD.position, 'name', OLD.name, 'short_name', OLD.short_name, 'unit', OLD.unit, 'kind', OLD.kind, 'goal', OLD.goal, 'comparison', OLD.comparison, 'group_code', OLD.group_code, 'source', OLD.source, 'baseline_year', OLD.baseline_year, 'baseline_value', OLD.baseline_value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'code', NEW.code, 'position', NEW.position, 'name', NEW.name, 'short_name', NEW.short_name, 'unit', NEW.unit, 'kind', NEW.kind, 'goal', NEW.goal, 'comparison', NEW.comparison, 'group_code', NEW.group_code, 'source', NEW.source, 'baseline_year', NEW.baseline_year, 'baseline_value', NEW.baseline_value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_targets_delete AFTER DELETE ON targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'targets', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'code', OLD.code, 'position', OLD.position, 'name', OLD.name, 'short_name', OLD.short_name, 'unit', OLD.unit, 'kind', OLD.kind, 'goal', OLD.goal, 'comparison', OLD.comparison, 'group_code', OLD.group_code, 'source', OLD.source, 'baseline_year', OLD.baseline_year, 'baseline_value', OLD.baseline_value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_readings_insert AFTER INSERT ON readings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'readings', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'target_id', NEW.target_id, 'year', NEW.year, 'half', NEW.half, 'value', NEW.value, 'quota', NEW.quota, 'delivered', NEW.delivered, 'status', NEW.status, 'doc_number', NEW.doc_number, 'doc_date', NEW.doc_date, 'unit_id', NEW.unit_id, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_readings_update AFTER UPDATE ON readings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'readings', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'target_id', OLD.target_id, 'year', OLD.year, 'half', OLD.half, 'value', OLD.value, 'quota', OLD.quota, 'delivered', OLD.delivered, 'status', OLD.status, 'doc_number', OLD.doc_number, 'doc_date', OLD.doc_date, 'unit_id', OLD.unit_id, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'target_id', NEW.target_id, 'year', NEW.year, 'half', NEW.half, 'value', NEW.value, 'quota', NEW.quota, 'delivered', NEW.delivered, 'status', NEW.status, 'doc_number', NEW.doc_number, 'doc_date', NEW.doc_date, 'unit_id', NEW.unit_id, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_readings_delete AFTER DELETE ON readings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'readings', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'target_id', OLD.target_id, 'year', OLD.year, 'half', OLD.half, 'value', OLD.value, 'quota', OLD.quota, 'delivered', OLD.delivered, 'status', OLD.status, 'doc_number', OLD.doc_number, 'doc_date', OLD.doc_date, 'unit_id', OLD.unit_id, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_plans_insert AFTER INSERT ON plans
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'plans', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'target_id', NEW.target_id, 'year', NEW.year, 'value', NEW.value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_plans_update AFTER UPDATE ON plans
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'plans', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'target_id', OLD.target_id, 'year', OLD.year, 'value', OLD.value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'target_id', NEW.target_id, 'year', NEW.year, 'value', NEW.value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_plans_delete AFTER DELETE ON plans
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'plans', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'target_id', OLD.target_id, 'year', OLD.year, 'value', OLD.value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_groups_insert AFTER INSERT ON programme_groups
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_groups', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'kind', NEW.kind, 'position', NEW.position, 'title', NEW.title, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_groups_update AFTER UPDATE ON programme_groups
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_groups', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'kind', OLD.kind, 'position', OLD.position, 'title', OLD.title, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'kind', NEW.kind, 'position', NEW.position, 'title', NEW.title, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_groups_delete AFTER DELETE ON programme_groups
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_groups', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'kind', OLD.kind, 'position', OLD.position, 'title', OLD.title, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_items_insert AFTER INSERT ON programme_items
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_items', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'group_id', NEW.group_id, 'title', NEW.title, 'search_key', NEW.search_key, 'lead_unit_id', NEW.lead_unit_id, 'start_date', NEW.start_date, 'deadline', NEW.deadline, 'status', NEW.status, 'percent', NEW.percent, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_items_update AFTER UPDATE ON programme_items
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_items', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'group_id', OLD.group_id, 'title', OLD.title, 'search_key', OLD.search_key, 'lead_unit_id', OLD.lead_unit_id, 'start_date', OLD.start_date, 'deadline', OLD.deadline, 'status', OLD.status, 'percent', OLD.percent, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'group_id', NEW.group_id, 'title', NEW.title, 'search_key', NEW.search_key, 'lead_unit_id', NEW.lead_unit_id, 'start_date', NEW.start_date, 'deadline', NEW.deadline, 'status', NEW.status, 'percent', NEW.percent, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_items_delete AFTER DELETE ON programme_items
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_items', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'group_id', OLD.group_id, 'title', OLD.title, 'search_key', OLD.search_key, 'lead_unit_id', OLD.lead_unit_id, 'start_date', OLD.start_date, 'deadline', OLD.deadline, 'status', OLD.status, 'percent', OLD.percent, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_units_insert AFTER INSERT ON programme_item_units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_units', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'unit_id', NEW.unit_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_units_update AFTER UPDATE ON programme_item_units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_units', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'unit_id', OLD.unit_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'unit_id', NEW.unit_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_units_delete AFTER DELETE ON programme_item_units
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_units', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'unit_id', OLD.unit_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_targets_insert AFTER INSERT ON programme_item_targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_targets', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'target_id', NEW.target_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_targets_update AFTER UPDATE ON programme_item_targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_targets', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'target_id', OLD.target_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'target_id', NEW.target_id, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_item_targets_delete AFTER DELETE ON programme_item_targets
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_item_targets', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'target_id', OLD.target_id, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_updates_insert AFTER INSERT ON programme_updates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_updates', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'date', NEW.date, 'text', NEW.text, 'percent', NEW.percent, 'doc_number', NEW.doc_number, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_updates_update AFTER UPDATE ON programme_updates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_updates', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'date', OLD.date, 'text', OLD.text, 'percent', OLD.percent, 'doc_number', OLD.doc_number, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'item_id', NEW.item_id, 'date', NEW.date, 'text', NEW.text, 'percent', NEW.percent, 'doc_number', NEW.doc_number, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_programme_updates_delete AFTER DELETE ON programme_updates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme_updates', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'item_id', OLD.item_id, 'date', OLD.date, 'text', OLD.text, 'percent', OLD.percent, 'doc_number', OLD.doc_number, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_party_cells_insert AFTER INSERT ON party_cells
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'party_cells', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_party_cells_update AFTER UPDATE ON party_cells
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'party_cells', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'position', NEW.position, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_party_cells_delete AFTER DELETE ON party_cells
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'party_cells', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'position', OLD.position, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_candidates_insert AFTER INSERT ON candidates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'candidates', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'full_name', NEW.full_name, 'given_name_words', NEW.given_name_words, 'sort_key', NEW.sort_key, 'search_key', NEW.search_key, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'ethnicity', NEW.ethnicity, 'religion', NEW.religion, 'education', NEW.education, 'specialty', NEW.specialty, 'occupation', NEW.occupation, 'youth_union', NEW.youth_union, 'residential_group', NEW.residential_group, 'cell_id', NEW.cell_id, 'sympathiser_date', NEW.sympathiser_date, 'course_cert_number', NEW.course_cert_number, 'course_date', NEW.course_date, 'application_date', NEW.application_date, 'verification_sent', NEW.verification_sent, 'verification_done', NEW.verification_done, 'introducer_1', NEW.introducer_1, 'introducer_2', NEW.introducer_2, 'youth_union_resolution', NEW.youth_union_resolution, 'cell_resolution_number', NEW.cell_resolution_number, 'cell_resolution_date', NEW.cell_resolution_date, 'decision_number', NEW.decision_number, 'decision_date', NEW.decision_date, 'ceremony_date', NEW.ceremony_date, 'recognition_number', NEW.recognition_number, 'recognition_date', NEW.recognition_date, 'state', NEW.state, 'state_reason', NEW.state_reason, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_candidates_update AFTER UPDATE ON candidates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'candidates', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'full_name', OLD.full_name, 'given_name_words', OLD.given_name_words, 'sort_key', OLD.sort_key, 'search_key', OLD.search_key, 'birth_date', OLD.birth_date, 'gender', OLD.gender, 'ethnicity', OLD.ethnicity, 'religion', OLD.religion, 'education', OLD.education, 'specialty', OLD.specialty, 'occupation', OLD.occupation, 'youth_union', OLD.youth_union, 'residential_group', OLD.residential_group, 'cell_id', OLD.cell_id, 'sympathiser_date', OLD.sympathiser_date, 'course_cert_number', OLD.course_cert_number, 'course_date', OLD.course_date, 'application_date', OLD.application_date, 'verification_sent', OLD.verification_sent, 'verification_done', OLD.verification_done, 'introducer_1', OLD.introducer_1, 'introducer_2', OLD.introducer_2, 'youth_union_resolution', OLD.youth_union_resolution, 'cell_resolution_number', OLD.cell_resolution_number, 'cell_resolution_date', OLD.cell_resolution_date, 'decision_number', OLD.decision_number, 'decision_date', OLD.decision_date, 'ceremony_date', OLD.ceremony_date, 'recognition_number', OLD.recognition_number, 'recognition_date', OLD.recognition_date, 'state', OLD.state, 'state_reason', OLD.state_reason, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'full_name', NEW.full_name, 'given_name_words', NEW.given_name_words, 'sort_key', NEW.sort_key, 'search_key', NEW.search_key, 'birth_date', NEW.birth_date, 'gender', NEW.gender, 'ethnicity', NEW.ethnicity, 'religion', NEW.religion, 'education', NEW.education, 'specialty', NEW.specialty, 'occupation', NEW.occupation, 'youth_union', NEW.youth_union, 'residential_group', NEW.residential_group, 'cell_id', NEW.cell_id, 'sympathiser_date', NEW.sympathiser_date, 'course_cert_number', NEW.course_cert_number, 'course_date', NEW.course_date, 'application_date', NEW.application_date, 'verification_sent', NEW.verification_sent, 'verification_done', NEW.verification_done, 'introducer_1', NEW.introducer_1, 'introducer_2', NEW.introducer_2, 'youth_union_resolution', NEW.youth_union_resolution, 'cell_resolution_number', NEW.cell_resolution_number, 'cell_resolution_date', NEW.cell_resolution_date, 'decision_number', NEW.decision_number, 'decision_date', NEW.decision_date, 'ceremony_date', NEW.ceremony_date, 'recognition_number', NEW.recognition_number, 'recognition_date', NEW.recognition_date, 'state', NEW.state, 'state_reason', NEW.state_reason, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_candidates_delete AFTER DELETE ON candidates
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'candidates', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'full_name', OLD.full_name, 'given_name_words', OLD.given_name_words, 'sort_key', OLD.sort_key, 'search_key', OLD.search_key, 'birth_date', OLD.birth_date, 'gender', OLD.gender, 'ethnicity', OLD.ethnicity, 'religion', OLD.religion, 'education', OLD.education, 'specialty', OLD.specialty, 'occupation', OLD.occupation, 'youth_union', OLD.youth_union, 'residential_group', OLD.residential_group, 'cell_id', OLD.cell_id, 'sympathiser_date', OLD.sympathiser_date, 'course_cert_number', OLD.course_cert_number, 'course_date', OLD.course_date, 'application_date', OLD.application_date, 'verification_sent', OLD.verification_sent, 'verification_done', OLD.verification_done, 'introducer_1', OLD.introducer_1, 'introducer_2', OLD.introducer_2, 'youth_union_resolution', OLD.youth_union_resolution, 'cell_resolution_number', OLD.cell_resolution_number, 'cell_resolution_date', OLD.cell_resolution_date, 'decision_number', OLD.decision_number, 'decision_date', OLD.decision_date, 'ceremony_date', OLD.ceremony_date, 'recognition_number', OLD.recognition_number, 'recognition_date', OLD.recognition_date, 'state', OLD.state, 'state_reason', OLD.state_reason, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_enterprises_insert AFTER INSERT ON enterprises
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enterprises', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'tax_code', NEW.tax_code, 'is_branch', NEW.is_branch, 'name', NEW.name, 'search_key', NEW.search_key, 'sort_key', NEW.sort_key, 'type', NEW.type, 'capital', NEW.capital, 'vsic', NEW.vsic, 'registered_on', NEW.registered_on, 'address', NEW.address, 'residential_group', NEW.residential_group, 'in_ward', NEW.in_ward, 'representative', NEW.representative, 'status', NEW.status, 'status_date', NEW.status_date, 'from_household', NEW.from_household, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_enterprises_update AFTER UPDATE ON enterprises
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enterprises', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'tax_code', OLD.tax_code, 'is_branch', OLD.is_branch, 'name', OLD.name, 'search_key', OLD.search_key, 'sort_key', OLD.sort_key, 'type', OLD.type, 'capital', OLD.capital, 'vsic', OLD.vsic, 'registered_on', OLD.registered_on, 'address', OLD.address, 'residential_group', OLD.residential_group, 'in_ward', OLD.in_ward, 'representative', OLD.representative, 'status', OLD.status, 'status_date', OLD.status_date, 'from_household', OLD.from_household, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'tax_code', NEW.tax_code, 'is_branch', NEW.is_branch, 'name', NEW.name, 'search_key', NEW.search_key, 'sort_key', NEW.sort_key, 'type', NEW.type, 'capital', NEW.capital, 'vsic', NEW.vsic, 'registered_on', NEW.registered_on, 'address', NEW.address, 'residential_group', NEW.residential_group, 'in_ward', NEW.in_ward, 'representative', NEW.representative, 'status', NEW.status, 'status_date', NEW.status_date, 'from_household', NEW.from_household, 'note', NEW.note, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_enterprises_delete AFTER DELETE ON enterprises
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enterprises', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'tax_code', OLD.tax_code, 'is_branch', OLD.is_branch, 'name', OLD.name, 'search_key', OLD.search_key, 'sort_key', OLD.sort_key, 'type', OLD.type, 'capital', OLD.capital, 'vsic', OLD.vsic, 'registered_on', OLD.registered_on, 'address', OLD.address, 'residential_group', OLD.residential_group, 'in_ward', OLD.in_ward, 'representative', OLD.representative, 'status', OLD.status, 'status_date', OLD.status_date, 'from_household', OLD.from_household, 'note', OLD.note, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_campaigns_insert AFTER INSERT ON campaigns
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'campaigns', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'organiser', NEW.organiser, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'receiver', NEW.receiver, 'receiver_account', NEW.receiver_account, 'description', NEW.description, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_campaigns_update AFTER UPDATE ON campaigns
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'campaigns', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'organiser', OLD.organiser, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'receiver', OLD.receiver, 'receiver_account', OLD.receiver_account, 'description', OLD.description, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'organiser', NEW.organiser, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'receiver', NEW.receiver, 'receiver_account', NEW.receiver_account, 'description', NEW.description, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_campaigns_delete AFTER DELETE ON campaigns
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'campaigns', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'organiser', OLD.organiser, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'receiver', OLD.receiver, 'receiver_account', OLD.receiver_account, 'description', OLD.description, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_ledger_entries_insert AFTER INSERT ON ledger_entries
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'ledger_entries', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'campaign_id', NEW.campaign_id, 'book', NEW.book, 'seq', NEW.seq, 'kind', NEW.kind, 'receipt_number', NEW.receipt_number, 'entry_date', NEW.entry_date, 'donor', NEW.donor, 'donor_kind', NEW.donor_kind, 'donor_group', NEW.donor_group, 'search_key', NEW.search_key, 'amount', NEW.amount, 'method', NEW.method, 'reference', NEW.reference, 'collector', NEW.collector, 'receiver', NEW.receiver, 'voucher', NEW.voucher, 'reverses_id', NEW.reverses_id, 'reason', NEW.reason, 'note', NEW.note, 'prev_hash', NEW.prev_hash, 'hash', NEW.hash, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_ward_insert AFTER INSERT ON ward
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'ward', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'party_body', NEW.party_body, 'parent_body', NEW.parent_body, 'province', NEW.province, 'place_name', NEW.place_name, 'congress', NEW.congress, 'resolution_title', NEW.resolution_title, 'term_start_year', NEW.term_start_year, 'term_end_year', NEW.term_end_year, 'rollout_date', NEW.rollout_date, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_ward_update AFTER UPDATE ON ward
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'ward', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'party_body', OLD.party_body, 'parent_body', OLD.parent_body, 'province', OLD.province, 'place_name', OLD.place_name, 'congress', OLD.congress, 'resolution_title', OLD.resolution_title, 'term_start_year', OLD.term_start_year, 'term_end_year', OLD.term_end_year, 'rollout_date', OLD.rollout_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'name', NEW.name, 'party_body', NEW.party_body, 'parent_body', NEW.parent_body, 'province', NEW.province, 'place_name', NEW.place_name, 'congress', NEW.congress, 'resolution_title', NEW.resolution_title, 'term_start_year', NEW.term_start_year, 'term_end_year', NEW.term_end_year, 'rollout_date', NEW.rollout_date, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_ward_delete AFTER DELETE ON ward
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'ward', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'name', OLD.name, 'party_body', OLD.party_body, 'parent_body', OLD.parent_body, 'province', OLD.province, 'place_name', OLD.place_name, 'congress', OLD.congress, 'resolution_title', OLD.resolution_title, 'term_start_year', OLD.term_start_year, 'term_end_year', OLD.term_end_year, 'rollout_date', OLD.rollout_date, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'settings', NEW.uuid, 'insert',
          NULL,
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'key', NEW.key, 'value', NEW.value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'settings', NEW.uuid, 'update',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'key', OLD.key, 'value', OLD.value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          json_object ('id', NEW.id, 'uuid', NEW.uuid, 'key', NEW.key, 'value', NEW.value, 'created_at', NEW.created_at, 'updated_at', NEW.updated_at),
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings
BEGIN
  INSERT INTO audit (uuid, at, table_name, row_uuid, action, old_values, new_values, created_at, updated_at)
  VALUES (lower (hex (randomblob (16))), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), 'settings', OLD.uuid, 'delete',
          json_object ('id', OLD.id, 'uuid', OLD.uuid, 'key', OLD.key, 'value', OLD.value, 'created_at', OLD.created_at, 'updated_at', OLD.updated_at),
          NULL,
          strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
