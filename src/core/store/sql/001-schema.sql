-- Ward Tracker schema, version 1: every area from the start.
-- Every row: an integer key, a UUID (exchange between laptops), created_at and
-- updated_at (ISO 8601, UTC). Money is integer đồng. Dates are ISO 8601 text.

CREATE TABLE settings (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  key         TEXT NOT NULL UNIQUE,
  value       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE ward (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  uuid             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  party_body       TEXT NOT NULL,
  parent_body      TEXT NOT NULL,
  province         TEXT NOT NULL,
  place_name       TEXT NOT NULL,
  congress         TEXT NOT NULL,
  resolution_title TEXT NOT NULL,
  term_start_year  INTEGER NOT NULL,
  term_end_year    INTEGER NOT NULL CHECK (term_end_year > term_start_year),
  rollout_date     TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE targets (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  code           TEXT NOT NULL UNIQUE,
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  short_name     TEXT NOT NULL,
  unit           TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('rate', 'growth', 'money', 'count', 'quota')),
  goal           REAL NOT NULL,
  comparison     TEXT NOT NULL CHECK (comparison IN ('>=', '>', '=')),
  group_code     TEXT NOT NULL CHECK (group_code IN ('economy', 'society', 'defence', 'party')),
  source         TEXT NOT NULL CHECK (source IN ('manual', 'admissions', 'enterprises', 'quota')),
  baseline_year  INTEGER,
  baseline_value REAL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE readings (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  target_id   INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  half        INTEGER NOT NULL DEFAULT 0 CHECK (half IN (0, 1)),  -- 1: first half only
  value       REAL,
  quota       INTEGER,
  delivered   INTEGER,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  doc_number  TEXT,
  doc_date    TEXT,
  unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
  note        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX readings_target ON readings (target_id, year, half);
CREATE UNIQUE INDEX readings_one_final ON readings (target_id, year, half) WHERE status = 'final';

CREATE TABLE plans (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  target_id   INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  value       REAL NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (target_id, year)
);

CREATE TABLE programme_groups (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('task', 'breakthrough')),
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE programme_items (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  group_id      INTEGER NOT NULL REFERENCES programme_groups (id) ON DELETE RESTRICT,
  title         TEXT NOT NULL,
  search_key    TEXT NOT NULL DEFAULT '',
  lead_unit_id  INTEGER REFERENCES units (id) ON DELETE SET NULL,
  start_date    TEXT,
  deadline      TEXT,
  status        TEXT NOT NULL DEFAULT 'not-started'
                CHECK (status IN ('not-started', 'in-progress', 'done', 'paused')),
  percent       INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  note          TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX programme_items_group ON programme_items (group_id);

CREATE TABLE programme_item_units (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  item_id     INTEGER NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
  unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (item_id, unit_id)
);

CREATE TABLE programme_item_targets (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  item_id     INTEGER NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
  target_id   INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (item_id, target_id)
);

CREATE TABLE programme_updates (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  item_id     INTEGER NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
  date        TEXT NOT NULL,
  text        TEXT NOT NULL,
  percent     INTEGER CHECK (percent BETWEEN 0 AND 100),
  doc_number  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX programme_updates_item ON programme_updates (item_id, date);

CREATE TABLE party_cells (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE,
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE candidates (
  id                     INTEGER PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE,
  full_name              TEXT NOT NULL,
  given_name_words       INTEGER NOT NULL DEFAULT 1 CHECK (given_name_words IN (1, 2)),
  sort_key               TEXT NOT NULL,
  search_key             TEXT NOT NULL,
  birth_date             TEXT NOT NULL,
  gender                 TEXT CHECK (gender IN ('male', 'female')),
  ethnicity              TEXT,
  religion               TEXT,
  education              TEXT,
  specialty              TEXT,
  occupation             TEXT,
  youth_union            INTEGER NOT NULL DEFAULT 0,
  residential_group      TEXT,
  cell_id                INTEGER REFERENCES party_cells (id) ON DELETE SET NULL,
  sympathiser_date       TEXT,
  course_cert_number     TEXT,
  course_date            TEXT,
  application_date       TEXT,
  verification_sent      TEXT,
  verification_done      TEXT,
  introducer_1           TEXT,
  introducer_2           TEXT,
  youth_union_resolution TEXT,
  cell_resolution_number TEXT,
  cell_resolution_date   TEXT,
  decision_number        TEXT,
  decision_date          TEXT,
  ceremony_date          TEXT,
  recognition_number     TEXT,
  recognition_date       TEXT,
  state                  TEXT NOT NULL DEFAULT 'following'
                         CHECK (state IN ('following', 'paused', 'withdrawn')),
  state_reason           TEXT,
  note                   TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  UNIQUE (full_name, birth_date)
);
CREATE INDEX candidates_ceremony ON candidates (ceremony_date);
CREATE INDEX candidates_cell ON candidates (cell_id);

CREATE TABLE enterprises (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  tax_code           TEXT NOT NULL UNIQUE,
  is_branch          INTEGER NOT NULL DEFAULT 0,
  name               TEXT NOT NULL,
  search_key         TEXT NOT NULL,
  sort_key           TEXT NOT NULL,
  type               TEXT CHECK (type IN ('llc-one', 'llc-multi', 'joint-stock', 'partnership', 'private')),
  capital            INTEGER CHECK (capital IS NULL OR capital > 0),
  vsic               TEXT CHECK (vsic IS NULL OR (length (vsic) = 4 AND vsic NOT GLOB '*[^0-9]*')),
  registered_on      TEXT NOT NULL,
  address            TEXT,
  residential_group  TEXT,
  in_ward            INTEGER NOT NULL DEFAULT 1,
  representative     TEXT,
  status             TEXT NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'suspended', 'not-at-address', 'dissolving', 'closed')),
  status_date        TEXT,
  from_household     INTEGER NOT NULL DEFAULT 0,
  note               TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX enterprises_registered ON enterprises (registered_on);

CREATE TABLE campaigns (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL UNIQUE,
  organiser         TEXT NOT NULL,
  start_date        TEXT NOT NULL,
  end_date          TEXT,
  receiver          TEXT,
  receiver_account  TEXT,
  description       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE TABLE ledger_entries (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE RESTRICT,
  book            TEXT NOT NULL DEFAULT '',   -- receipt book prefix, one per installation
  seq             INTEGER NOT NULL,           -- position in the book's chain
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'transfer', 'reversal')),
  receipt_number  TEXT,
  entry_date      TEXT NOT NULL,
  donor           TEXT,
  donor_kind      TEXT CHECK (donor_kind IN ('person', 'household', 'body')),
  donor_group     TEXT,
  search_key      TEXT NOT NULL DEFAULT '',
  amount          INTEGER NOT NULL,
  method          TEXT CHECK (method IN ('cash', 'transfer')),
  reference       TEXT,
  collector       TEXT,
  receiver        TEXT,
  voucher         TEXT,
  reverses_id     INTEGER REFERENCES ledger_entries (id) ON DELETE RESTRICT,
  reason          TEXT,
  note            TEXT,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (campaign_id, book, seq)
);
CREATE UNIQUE INDEX ledger_receipt_number ON ledger_entries (campaign_id, receipt_number)
  WHERE kind = 'receipt';
CREATE INDEX ledger_campaign_date ON ledger_entries (campaign_id, entry_date);

CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  at          TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_uuid    TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values  TEXT,
  new_values  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX audit_row ON audit (table_name, row_uuid);
