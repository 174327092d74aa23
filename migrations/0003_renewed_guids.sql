-- Some feeds renew their items' guids (a timestamp or a session id in them) while the item stays the same.
-- Ingest recognises such an item by its content hash within the feed and gives the stored story the new guid
-- instead of storing it again; a story taken down stays down under a renewed guid too.
CREATE INDEX stories_feed_hash ON stories (feed_id, content_hash);

ALTER TABLE deleted_stories ADD COLUMN content_hash TEXT;
CREATE INDEX deleted_stories_hash ON deleted_stories (feed_id, content_hash);
