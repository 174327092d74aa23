-- wirewatch schema: feeds, stories, flags with evidence, entities, ingest runs, full-text index.
-- Schema only: no feed is seeded here (CONTRACT.md).

CREATE TABLE feeds (
  id              INTEGER PRIMARY KEY,
  url             TEXT    NOT NULL UNIQUE,
  title           TEXT,
  site_url        TEXT,
  etag            TEXT,
  last_modified   TEXT,
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'error')),
  error_count     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  last_fetched_at TEXT,
  next_fetch_at   TEXT,
  paused          INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  -- A permanent redirect (301/308) seen on consecutive fetches; the url moves after a few, not on one.
  moved_to        TEXT,
  moved_count     INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT    NOT NULL
);
-- The cron's question: which unpaused feeds are due?
CREATE INDEX feeds_due ON feeds (paused, next_fetch_at);

-- A story is identified by (feed_id, guid). Timestamps are ISO 8601 UTC strings, which sort correctly as text.
-- sort_at is published_at, or fetched_at when the feed gave no date: the one column the API orders and pages by.
CREATE TABLE stories (
  id                INTEGER PRIMARY KEY,
  -- No foreign key: deleting a feed keeps its stories unless the caller asks to purge them.
  feed_id           INTEGER NOT NULL,
  guid              TEXT    NOT NULL,
  url               TEXT,
  title             TEXT    NOT NULL,
  author            TEXT,
  published_at      TEXT,
  published_raw     TEXT,
  updated_at        TEXT,
  fetched_at        TEXT    NOT NULL,
  sort_at           TEXT    NOT NULL,
  summary           TEXT,
  content_html      TEXT,
  content_text      TEXT    NOT NULL,
  -- The body as normalized, before annotation cleaned it: re-annotation starts again from here, never refetching.
  source_text       TEXT    NOT NULL,
  categories        TEXT    NOT NULL DEFAULT '[]',
  content_hash      TEXT    NOT NULL,
  annotator_version INTEGER NOT NULL,
  -- flags: one column each so that filters can use an index; evidence as JSON for display.
  auto_generated    INTEGER NOT NULL DEFAULT 0,
  unedited          INTEGER NOT NULL DEFAULT 0,
  syndicated        INTEGER NOT NULL DEFAULT 0,
  ai_generated      INTEGER NOT NULL DEFAULT 0,
  evidence          TEXT    NOT NULL DEFAULT '[]',
  UNIQUE (feed_id, guid)
);
CREATE INDEX stories_sort ON stories (sort_at DESC, id DESC);
CREATE INDEX stories_feed_sort ON stories (feed_id, sort_at DESC, id DESC);
CREATE INDEX stories_annotator ON stories (annotator_version, id);
CREATE INDEX stories_auto_generated ON stories (sort_at DESC, id DESC) WHERE auto_generated = 1;
CREATE INDEX stories_unedited ON stories (sort_at DESC, id DESC) WHERE unedited = 1;
CREATE INDEX stories_syndicated ON stories (sort_at DESC, id DESC) WHERE syndicated = 1;
CREATE INDEX stories_ai_generated ON stories (sort_at DESC, id DESC) WHERE ai_generated = 1;

-- Tombstones: a story deleted by an admin is never resurrected by a later fetch of its feed.
CREATE TABLE deleted_stories (
  feed_id    INTEGER NOT NULL,
  guid       TEXT    NOT NULL,
  deleted_at TEXT    NOT NULL,
  PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;

-- Wire attribution: one row per (story, canonical agency).
CREATE TABLE story_wires (
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  wire     TEXT    NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  PRIMARY KEY (story_id, wire)
) WITHOUT ROWID;
CREATE INDEX story_wires_wire ON story_wires (wire, story_id);

-- Entities under canonical names; (name, type) is unique, names compare case-insensitively.
CREATE TABLE entities (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE,
  type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
  UNIQUE (name, type)
);

CREATE TABLE story_entities (
  story_id  INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  mentions  INTEGER NOT NULL CHECK (mentions > 0),
  PRIMARY KEY (story_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX story_entities_entity ON story_entities (entity_id, story_id);

-- The last errors of each feed, newest first, for GET /v1/feeds/:id (trimmed to a few per feed on write).
CREATE TABLE feed_errors (
  id         INTEGER PRIMARY KEY,
  feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  at         TEXT    NOT NULL,
  status     INTEGER,
  message    TEXT    NOT NULL
);
CREATE INDEX feed_errors_feed ON feed_errors (feed_id, id DESC);

-- One row per ingest pass (cron or POST /v1/ingest); feed results are summed in as they finish.
CREATE TABLE ingest_runs (
  id             INTEGER PRIMARY KEY,
  trigger        TEXT    NOT NULL,
  started_at     TEXT    NOT NULL,
  finished_at    TEXT,
  feeds_total    INTEGER NOT NULL DEFAULT 0,
  feeds_done     INTEGER NOT NULL DEFAULT 0,
  feeds_ok       INTEGER NOT NULL DEFAULT 0,
  feeds_not_modified INTEGER NOT NULL DEFAULT 0,
  feeds_failed   INTEGER NOT NULL DEFAULT 0,
  items_seen     INTEGER NOT NULL DEFAULT 0,
  stories_new    INTEGER NOT NULL DEFAULT 0,
  stories_updated INTEGER NOT NULL DEFAULT 0
);

-- Full-text index over title and cleaned body, kept in step with stories by triggers.
CREATE VIRTUAL TABLE stories_fts USING fts5 (
  title, content_text,
  content = 'stories', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER stories_fts_ai AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts (rowid, title, content_text) VALUES (new.id, new.title, new.content_text);
END;
CREATE TRIGGER stories_fts_ad AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts (stories_fts, rowid, title, content_text) VALUES ('delete', old.id, old.title, old.content_text);
END;
CREATE TRIGGER stories_fts_au AFTER UPDATE OF title, content_text ON stories BEGIN
  INSERT INTO stories_fts (stories_fts, rowid, title, content_text) VALUES ('delete', old.id, old.title, old.content_text);
  INSERT INTO stories_fts (rowid, title, content_text) VALUES (new.id, new.title, new.content_text);
END;
