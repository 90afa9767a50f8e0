-- Version 5: the installations whose bundles this file accepts (issue 24).
-- Each installation signs what it exports with an Ed25519 key of its own,
-- whose secret half stays in the user's data folder, never in this file
-- (clerks copy this file to USB sticks and backups). A bundle is accepted
-- only from an installation trusted here, once, after a person compared
-- the short code of its public key on both screens. Audited like the
-- registers: who trusted what, and when, is in the trail.
CREATE TABLE trusted_installations (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  installation  TEXT NOT NULL UNIQUE,   -- the sender's installation id
  public_key    TEXT NOT NULL,          -- its Ed25519 public key, base64
  name          TEXT,                   -- what it calls itself: its ward and receipt book
  trusted_at    TEXT,                   -- NULL: seen on a refused bundle, not trusted (yet)
  pending_key   TEXT,                   -- trusted, but a refused bundle came under this other key
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
