-- Matching that outlives a failure (issue 16, "never lost"): a story owed a match against the alerts is marked
-- in the same D1 batch that writes it (ingest, re-annotation, the article stage, clustering), and the mark goes in
-- the batch that records its matches. A Worker that dies, or a D1 call that fails, between the two leaves the
-- mark, and the cron matches the story from what is stored. Rows are written only while some alert is active.
CREATE TABLE alert_backlog (
  story_id  INTEGER PRIMARY KEY,
  -- What made the story new to the alerts: ingest, reannotation, clustering or article (the first one wins).
  trigger   TEXT    NOT NULL CHECK (trigger IN ('ingest', 'reannotation', 'clustering', 'article')),
  queued_at TEXT    NOT NULL
);
CREATE INDEX alert_backlog_queued ON alert_backlog (queued_at);
