-- Storage that lasts (issue 17): bodies read one story at a time move to R2, retention, and the mover's index.
--
-- A story's body is its sanitized content_html and its pre-annotation source_text. It lives in one of three
-- places, told apart by two columns:
--   body_key NULL, body_expired_at NULL      inline, in content_html and source_text (stories written before this
--                                            migration, or whose R2 write failed; the mover takes them to R2)
--   body_key set                             in the BODIES bucket under that key (gzip JSON); the two columns are
--                                            NULL and '' (source_text stays NOT NULL)
--   body_expired_at set                      removed by RETAIN_DAYS; metadata, tags, cluster and FTS stay
-- A row only ever points at an object that was written before the row (src/store/bodies.ts).
ALTER TABLE stories ADD COLUMN body_key TEXT;
ALTER TABLE stories ADD COLUMN body_expired_at TEXT;

-- The mover's walk (cron, the admin endpoint, the queue's retry of a failed write): inline bodies in id order.
-- Empty once every body is in R2, so it costs nothing in steady state.
CREATE INDEX stories_body_inline ON stories (id)
  WHERE body_key IS NULL AND body_expired_at IS NULL AND (content_html IS NOT NULL OR source_text <> '');

-- Retention's walk (RETAIN_DAYS): bodies still held, oldest first.
CREATE INDEX stories_body_age ON stories (sort_at) WHERE body_key IS NOT NULL;
