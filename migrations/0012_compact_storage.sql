-- Storage that lasts, step two (issue 17): content_text compressed in the row, a contentless FTS index,
-- MinHash signatures as BLOBs and entity spans in a compact text.
--
-- The cleaned text is what lists and search read, so it stays in D1, but compressed (src/store/text.ts) in
-- content_z; content_text is then ''. The FTS index can no longer read the text from the row, so it becomes
-- contentless (it keeps only the index; nothing in the API reads column values or snippets back from it),
-- with contentless_delete so that a row can leave it by rowid alone, and the write path feeds it
-- (src/store/stories.ts), not a trigger, since a trigger cannot decompress.
--
-- Existing rows keep their inline text and their entries in the old index, renamed stories_fts_inline, until
-- the mover (moveInlineBodies: the cron and POST /v1/storage/migrate, in bounded batches) compacts them. A
-- row is in exactly one of the two indexes, told by content_z:
--   content_z NULL      text inline in content_text, indexed in stories_fts_inline (external content, triggers)
--   content_z set       text compressed, indexed in stories_fts (contentless, the write path and the mover)
-- Search asks both (store/stories.ts), so results are the same throughout. Once every row is compacted the old
-- index is empty; a later migration may drop it.
ALTER TABLE stories ADD COLUMN content_z BLOB;

DROP TRIGGER stories_fts_ai;
DROP TRIGGER stories_fts_ad;
DROP TRIGGER stories_fts_au;
ALTER TABLE stories_fts RENAME TO stories_fts_inline;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
  title, content_text,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER stories_fts_ad AFTER DELETE ON stories WHEN old.content_z IS NOT NULL BEGIN
  DELETE FROM stories_fts WHERE rowid = old.id;
END;

-- Rows written inline (content_z NULL) stay in the old index, as before this migration.
CREATE TRIGGER stories_fts_inline_ai AFTER INSERT ON stories WHEN new.content_z IS NULL BEGIN
  INSERT INTO stories_fts_inline (rowid, title, content_text) VALUES (new.id, new.title, new.content_text);
END;
CREATE TRIGGER stories_fts_inline_ad AFTER DELETE ON stories WHEN old.content_z IS NULL BEGIN
  INSERT INTO stories_fts_inline (stories_fts_inline, rowid, title, content_text) VALUES ('delete', old.id, old.title, old.content_text);
END;
-- One trigger, so the old entry always leaves before the new one arrives. A row going from compressed back to
-- inline (only the bench's "before" layout does) also leaves the contentless index.
CREATE TRIGGER stories_fts_inline_au AFTER UPDATE OF title, content_text, content_z ON stories
  WHEN old.content_z IS NULL OR new.content_z IS NULL BEGIN
  INSERT INTO stories_fts_inline (stories_fts_inline, rowid, title, content_text)
    SELECT 'delete', old.id, old.title, old.content_text WHERE old.content_z IS NULL;
  DELETE FROM stories_fts WHERE rowid = old.id AND old.content_z IS NOT NULL;
  INSERT INTO stories_fts_inline (rowid, title, content_text)
    SELECT new.id, new.title, new.content_text WHERE new.content_z IS NULL;
END;

-- The mover's walk over rows whose text is still inline, in id order; empty once they are compacted.
CREATE INDEX stories_text_inline ON stories (id) WHERE content_z IS NULL;

-- Signatures are written as a BLOB of their 512 bytes (src/store/clusters.ts) instead of 684 characters of
-- base64; the column keeps its name and declared type (TEXT affinity never converts a BLOB). Rows written
-- before stay TEXT, read the same, until the mover packs them, walking this index; empty once it has.
CREATE INDEX story_signatures_text ON story_signatures (story_id) WHERE typeof(signature) = 'text';

-- Entity spans are written in a compact text (src/store/entities.ts: packSpans) instead of JSON triples; links
-- written before keep their JSON, read the same, until the mover rewrites them, walking this index.
CREATE INDEX story_entities_json_spans ON story_entities (story_id) WHERE substr(spans, 1, 1) = '[';

-- Where the sweep for R2 bodies no row points at (a D1 batch that failed after its puts) has got to in the
-- bucket's key listing, so each cron tick lists on from there (src/ingest/storage.ts: sweepOrphanBodies).
CREATE TABLE storage_cursors (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
