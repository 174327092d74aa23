-- Query indexes for the read API (issue 6).
--
-- Entity and wire filters are the daily queries, and their selectivity ranges from a handful of stories to a
-- fifth of the archive. Driving them from story_entities/story_wires means reading every tagged story and
-- sorting; driving them from stories_sort means walking the whole archive for a rare tag. A timeline per tag,
-- ordered like the API (sort_at DESC, id DESC), serves both: walk the tag's own rows newest first and stop
-- at the page size. sort_at never moves once a story is stored (store/stories.ts), so a copy stays true.
-- Triggers keep the timelines in step with the link tables, leaving the write path untouched.

CREATE TABLE entity_timeline (
  entity_id INTEGER NOT NULL,
  sort_at   TEXT    NOT NULL,
  story_id  INTEGER NOT NULL,
  PRIMARY KEY (entity_id, sort_at DESC, story_id DESC)
) WITHOUT ROWID;

CREATE TABLE wire_timeline (
  wire     TEXT    NOT NULL COLLATE NOCASE,
  sort_at  TEXT    NOT NULL,
  story_id INTEGER NOT NULL,
  PRIMARY KEY (wire, sort_at DESC, story_id DESC)
) WITHOUT ROWID;

INSERT INTO entity_timeline (entity_id, sort_at, story_id)
  SELECT se.entity_id, s.sort_at, se.story_id FROM story_entities se JOIN stories s ON s.id = se.story_id;
INSERT INTO wire_timeline (wire, sort_at, story_id)
  SELECT w.wire, s.sort_at, w.story_id FROM story_wires w JOIN stories s ON s.id = w.story_id;

-- Relinking a story (re-annotation) deletes and reinserts its link rows while the story stays.
CREATE TRIGGER story_entities_timeline_ai AFTER INSERT ON story_entities BEGIN
  INSERT OR IGNORE INTO entity_timeline (entity_id, sort_at, story_id)
    SELECT new.entity_id, sort_at, new.story_id FROM stories WHERE id = new.story_id;
END;
CREATE TRIGGER story_entities_timeline_ad AFTER DELETE ON story_entities BEGIN
  DELETE FROM entity_timeline
    WHERE entity_id = old.entity_id AND story_id = old.story_id
      AND sort_at = (SELECT sort_at FROM stories WHERE id = old.story_id);
END;
CREATE TRIGGER story_wires_timeline_ai AFTER INSERT ON story_wires BEGIN
  INSERT OR IGNORE INTO wire_timeline (wire, sort_at, story_id)
    SELECT new.wire, sort_at, new.story_id FROM stories WHERE id = new.story_id;
END;
CREATE TRIGGER story_wires_timeline_ad AFTER DELETE ON story_wires BEGIN
  DELETE FROM wire_timeline
    WHERE wire = old.wire AND story_id = old.story_id
      AND sort_at = (SELECT sort_at FROM stories WHERE id = old.story_id);
END;
-- Deleting a story cascades to its link tables, possibly after the story row is gone (and with it the
-- sort_at the triggers above look up), so the story's timeline rows go first, while both still exist.
CREATE TRIGGER stories_timeline_bd BEFORE DELETE ON stories BEGIN
  DELETE FROM entity_timeline
    WHERE story_id = old.id AND sort_at = old.sort_at
      AND entity_id IN (SELECT entity_id FROM story_entities WHERE story_id = old.id);
  DELETE FROM wire_timeline
    WHERE story_id = old.id AND sort_at = old.sort_at
      AND wire IN (SELECT wire FROM story_wires WHERE story_id = old.id);
END;

-- Dashboards count stories per day, feed and flag over a window of published_at (GET /v1/stats): this
-- covering index answers them without reading story rows.
CREATE INDEX stories_published ON stories (published_at, feed_id, auto_generated, unedited, syndicated, ai_generated);
