-- Storage that lasts, step three (issue 17): signatures of 16-bit digests, and band keys without a date each.
--
-- Signatures: the write path stores 256 bytes, a 16-bit digest of each MinHash minimum (src/cluster/signature.ts),
-- instead of the 512 bytes of whole minima. A wide signature (512-byte BLOB, or the base64 TEXT before 0012)
-- reads as the same digests, so nothing is re-signed: the mover narrows the rows in place, walking this index
-- (which replaces 0012's index of TEXT signatures: those are wide too); empty once it has.
DROP INDEX story_signatures_text;
CREATE INDEX story_signatures_wide ON story_signatures (story_id) WHERE length(signature) > 256;

-- Band keys: every key carried its story's date (`at`, 24 characters) and was indexed by it, so the cron could
-- prune the keys of stories out of the candidate window. A story's keys all share one date, so it moves to one
-- row per story in band_key_dates, and a key is its (key, story_id) alone: about half the bytes inside the window.
-- The keys written before stay in band_keys_text, read and pruned beside the new ones (src/store/clusters.ts),
-- until the mover moves them, a bounded batch of stories a call, or the cron prunes them (14 days at most);
-- a later migration may drop the empty table. A story's keys are in exactly one of the two tables.
ALTER TABLE band_keys RENAME TO band_keys_text;

CREATE TABLE band_keys (
  key      INTEGER NOT NULL,
  story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX band_keys_of_story ON band_keys (story_id);

-- The date the story's keys were written with: its signature's `at` (published_at, else fetched_at).
CREATE TABLE band_key_dates (
  story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  at       TEXT    NOT NULL
);
CREATE INDEX band_key_dates_at ON band_key_dates (at);
