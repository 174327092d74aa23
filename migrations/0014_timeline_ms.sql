-- Tag timelines keyed by integer milliseconds (issue 17). entity_timeline and wire_timeline (migrations/0002)
-- copy each story's sort_at as 24 characters of ISO text into every row, about 9.5 rows a story; an INTEGER
-- of milliseconds takes 6 bytes. SQLite cannot change a key column's type in place, and a large archive holds
-- tens of millions of timeline rows (no single statement fits D1's 30 s), so new tables sit beside the old:
--   entity_timeline_ms, wire_timeline_ms   written by the triggers from now on; sort_at is the story's
--                                          sort_at in milliseconds since the epoch (UTC)
--   entity_timeline, wire_timeline         what was written before; the mover (POST /v1/storage/migrate and
--                                          the cron) moves their rows across in bounded batches
-- Each row is in exactly one of the two. The entity and wire filters walk both timelines, one page each in
-- the same order, and merge (src/store/stories.ts); the old walks find nothing once the mover is done.
-- The column keeps the name sort_at so plans and statements read the same; only its encoding changed.

CREATE TABLE entity_timeline_ms (
  entity_id INTEGER NOT NULL,
  sort_at   INTEGER NOT NULL,
  story_id  INTEGER NOT NULL,
  PRIMARY KEY (entity_id, sort_at DESC, story_id DESC)
) WITHOUT ROWID;

CREATE TABLE wire_timeline_ms (
  wire     TEXT    NOT NULL COLLATE NOCASE,
  sort_at  INTEGER NOT NULL,
  story_id INTEGER NOT NULL,
  PRIMARY KEY (wire, sort_at DESC, story_id DESC)
) WITHOUT ROWID;

-- ISO text to milliseconds: julianday() keeps milliseconds exactly (SQLite holds the time as integer ms), and
-- the same value as JavaScript's Date.parse (tests/integration/storage-timeline.test.ts). The expression is
-- written out in each trigger below: SQLite has no user functions in a migration.
DROP TRIGGER story_entities_timeline_ai;
CREATE TRIGGER story_entities_timeline_ai AFTER INSERT ON story_entities BEGIN
  INSERT OR IGNORE INTO entity_timeline_ms (entity_id, sort_at, story_id)
    SELECT new.entity_id, CAST(round((julianday(sort_at) - 2440587.5) * 86400000) AS INTEGER), new.story_id FROM stories WHERE id = new.story_id;
END;
DROP TRIGGER story_entities_timeline_ad;
CREATE TRIGGER story_entities_timeline_ad AFTER DELETE ON story_entities BEGIN
  DELETE FROM entity_timeline
    WHERE entity_id = old.entity_id AND story_id = old.story_id
      AND sort_at = (SELECT sort_at FROM stories WHERE id = old.story_id);
  DELETE FROM entity_timeline_ms
    WHERE entity_id = old.entity_id AND story_id = old.story_id
      AND sort_at = (SELECT CAST(round((julianday(sort_at) - 2440587.5) * 86400000) AS INTEGER) FROM stories WHERE id = old.story_id);
END;
DROP TRIGGER story_wires_timeline_ai;
CREATE TRIGGER story_wires_timeline_ai AFTER INSERT ON story_wires BEGIN
  INSERT OR IGNORE INTO wire_timeline_ms (wire, sort_at, story_id)
    SELECT new.wire, CAST(round((julianday(sort_at) - 2440587.5) * 86400000) AS INTEGER), new.story_id FROM stories WHERE id = new.story_id;
END;
DROP TRIGGER story_wires_timeline_ad;
CREATE TRIGGER story_wires_timeline_ad AFTER DELETE ON story_wires BEGIN
  DELETE FROM wire_timeline
    WHERE wire = old.wire AND story_id = old.story_id
      AND sort_at = (SELECT sort_at FROM stories WHERE id = old.story_id);
  DELETE FROM wire_timeline_ms
    WHERE wire = old.wire AND story_id = old.story_id
      AND sort_at = (SELECT CAST(round((julianday(sort_at) - 2440587.5) * 86400000) AS INTEGER) FROM stories WHERE id = old.story_id);
END;
-- As in 0002: a story's timeline rows go before the story (and its sort_at) does.
DROP TRIGGER stories_timeline_bd;
CREATE TRIGGER stories_timeline_bd BEFORE DELETE ON stories BEGIN
  DELETE FROM entity_timeline
    WHERE story_id = old.id AND sort_at = old.sort_at
      AND entity_id IN (SELECT entity_id FROM story_entities WHERE story_id = old.id);
  DELETE FROM wire_timeline
    WHERE story_id = old.id AND sort_at = old.sort_at
      AND wire IN (SELECT wire FROM story_wires WHERE story_id = old.id);
  DELETE FROM entity_timeline_ms
    WHERE story_id = old.id AND sort_at = CAST(round((julianday(old.sort_at) - 2440587.5) * 86400000) AS INTEGER)
      AND entity_id IN (SELECT entity_id FROM story_entities WHERE story_id = old.id);
  DELETE FROM wire_timeline_ms
    WHERE story_id = old.id AND sort_at = CAST(round((julianday(old.sort_at) - 2440587.5) * 86400000) AS INTEGER)
      AND wire IN (SELECT wire FROM story_wires WHERE story_id = old.id);
END;

-- content_z format 2 (src/store/text.ts, raw DEFLATE with a preset dictionary): rows 0012's code compressed in
-- format 1, for the mover to re-pack in bounded batches, in id order; empty once it has (new writes are format 2).
CREATE INDEX stories_text_format1 ON stories (id) WHERE substr(content_z, 1, 1) = x'01';
