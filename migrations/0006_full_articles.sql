-- Full articles (issue 13): per-feed content mode and selector, each story's article fetch, and per-origin politeness.

-- auto: fetch the article page of summary-only items; feed: never; article: every item with a link.
ALTER TABLE feeds ADD COLUMN content_mode TEXT NOT NULL DEFAULT 'auto' CHECK (content_mode IN ('auto', 'feed', 'article'));
-- A CSS selector for the story's element on this feed's pages; ignored after a redirect to another site.
ALTER TABLE feeds ADD COLUMN article_selector TEXT;

-- Where content_text came from: the feed's own body, or the article page (the feed's text then stays in summary).
ALTER TABLE stories ADD COLUMN content_source TEXT NOT NULL DEFAULT 'feed' CHECK (content_source IN ('feed', 'article'));
-- The article fetch: null when none was wanted.
ALTER TABLE stories ADD COLUMN article_status TEXT CHECK (article_status IN ('pending', 'ok', 'error', 'skipped'));
ALTER TABLE stories ADD COLUMN article_fetched_at TEXT;
ALTER TABLE stories ADD COLUMN article_error TEXT;
-- The page's provenance signals (JSON), kept so that re-annotation from source_text can give them again.
ALTER TABLE stories ADD COLUMN article_signals TEXT;

-- One row per origin (scheme, host, port) the article stage fetches from: robots.txt cached for a day
-- (RFC 9309), and the earliest time of the next fetch there (spacing, Retry-After, robots.txt unreachable).
CREATE TABLE article_origins (
  origin            TEXT PRIMARY KEY,
  next_fetch_at     TEXT NOT NULL,
  robots_status     INTEGER,
  robots_body       TEXT,
  robots_expires_at TEXT
) WITHOUT ROWID;
