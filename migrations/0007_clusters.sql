-- Clusters of copies across feeds (issue 14): signatures, LSH band keys, clusters, inferred flags.
--
-- The flag columns of stories stay what the story's own text states (annotation writes them). What copies
-- in other outlets imply is kept apart, so it can be recomputed whenever a cluster changes and never
-- overwrites stated evidence: inferred_* columns for filtering, story_inferred rows for the evidence, and
-- inherited wires in story_wires at position >= 100 (stated wires come first).

ALTER TABLE stories ADD COLUMN inferred_syndicated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN inferred_unedited INTEGER NOT NULL DEFAULT 0;

-- flag=syndicated / flag=unedited count inferred flags too: the partial indexes follow the filter.
DROP INDEX stories_syndicated;
CREATE INDEX stories_syndicated ON stories (sort_at DESC, id DESC) WHERE syndicated = 1 OR inferred_syndicated = 1;
DROP INDEX stories_unedited;
CREATE INDEX stories_unedited ON stories (sort_at DESC, id DESC) WHERE unedited = 1 OR inferred_unedited = 1;

-- /v1/stats counts inferred flags as the filter does, still from this covering index alone.
DROP INDEX stories_published;
CREATE INDEX stories_published ON stories (published_at, feed_id, auto_generated, unedited, syndicated, ai_generated, inferred_syndicated, inferred_unedited);

-- One MinHash signature per story with a body of at least 50 words. `at` is published_at, else fetched_at:
-- the date the 14-day candidate window is measured on. cluster_id is null for a story with no copy.
CREATE TABLE story_signatures (
  story_id   INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  signature  TEXT    NOT NULL,
  shingles   INTEGER NOT NULL,
  outlet     TEXT    NOT NULL,
  at         TEXT    NOT NULL,
  cluster_id INTEGER,
  -- 0 for the earliest member of its cluster, then by date.
  rank       INTEGER NOT NULL DEFAULT 0,
  similarity REAL,
  -- Shares most of its body with another outlet's story: counted in a feed's copy share.
  copy       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX story_signatures_cluster ON story_signatures (cluster_id, rank) WHERE cluster_id IS NOT NULL;

-- LSH band keys, looked up for a whole chunk of stories at once; pruned by the cron once out of the window.
CREATE TABLE band_keys (
  key      INTEGER NOT NULL,
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  at       TEXT    NOT NULL,
  PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX band_keys_story ON band_keys (story_id);
CREATE INDEX band_keys_at ON band_keys (at);

-- A cluster's id is the smallest story id among its members when it was last written.
CREATE TABLE clusters (
  id             INTEGER PRIMARY KEY,
  size           INTEGER NOT NULL,
  feeds          INTEGER NOT NULL,
  outlets        INTEGER NOT NULL,
  first_story_id INTEGER NOT NULL,
  first_at       TEXT    NOT NULL,
  last_at        TEXT    NOT NULL
);
CREATE INDEX clusters_activity ON clusters (last_at DESC, id DESC);

-- A member leaving by deletion (a takedown, a purged feed) shrinks its cluster; the last one takes it along.
CREATE TRIGGER story_signatures_ad AFTER DELETE ON story_signatures WHEN old.cluster_id IS NOT NULL BEGIN
  UPDATE clusters SET size = (SELECT count(*) FROM story_signatures g WHERE g.cluster_id = old.cluster_id) WHERE id = old.cluster_id;
  DELETE FROM clusters WHERE id = old.cluster_id AND size = 0;
END;

-- Inferred evidence: one row per item, `sources` the JSON array of the story ids it rests on.
CREATE TABLE story_inferred (
  story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  flag       TEXT    NOT NULL CHECK (flag IN ('syndicated', 'unedited', 'wire')),
  rule       TEXT    NOT NULL,
  text       TEXT    NOT NULL,
  wire       TEXT,
  sources    TEXT    NOT NULL,
  similarity REAL    NOT NULL,
  PRIMARY KEY (story_id, position)
) WITHOUT ROWID;
