-- Alerts (issue 16): saved story queries that push matching stories to a signed webhook.
--
-- alerts          the saved query (as given, and as the store filter it compiles to), its webhook and its health
-- alert_matches   one row per (alert, story), ever: a story fires an alert at most once in its life
-- alert_deliveries one signed POST (one story, or a digest of up to 100), retried until delivered or failed
-- alert_attempts  every HTTP attempt of a delivery: status, duration, error, when the next one is due

CREATE TABLE alerts (
  -- AUTOINCREMENT: an id is never reused, so a new alert never repeats a deleted one's webhook-ids.
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT    NOT NULL,
  -- The GET /v1/stories parameters as validated, and the store filter they resolve to (canonical names).
  query           TEXT    NOT NULL,
  filter          TEXT    NOT NULL,
  webhook_url     TEXT    NOT NULL,
  -- Standard Webhooks secret, "whsec_" + base64 of the key bytes.
  secret          TEXT    NOT NULL,
  mode            TEXT    NOT NULL DEFAULT 'each' CHECK (mode IN ('each', 'digest')),
  paused          INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'error')),
  -- Consecutive failed attempts; a new delivery waits for next_attempt_at (backoff like a feed's, capped at a day).
  error_count     INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  last_error_at   TEXT,
  next_attempt_at TEXT,
  last_delivered_at TEXT,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);
CREATE INDEX alerts_active ON alerts (paused, id);

CREATE TABLE alert_deliveries (
  id            INTEGER PRIMARY KEY,
  alert_id      INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  -- Standard Webhooks webhook-id: stable per alert and story (the first story of a digest), so receivers can dedupe.
  webhook_id    TEXT    NOT NULL UNIQUE,
  -- Its stories are the alert_matches rows that point at it: a story belongs to one delivery only.
  kind          TEXT    NOT NULL CHECK (kind IN ('each', 'digest', 'test')),
  status        TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT    NOT NULL,
  delivered_at  TEXT,
  last_error    TEXT,
  next_attempt_at TEXT,
  -- A pending delivery whose lease has run out has lost its queue message: the cron sends it again.
  lease_until   TEXT    NOT NULL,
  -- An attempt in progress: a second copy of the message does not POST the same delivery at the same time.
  inflight_until TEXT
);
CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, id DESC);
CREATE INDEX alert_deliveries_pending ON alert_deliveries (lease_until) WHERE status = 'pending';

CREATE TABLE alert_matches (
  alert_id    INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  story_id    INTEGER NOT NULL,
  matched_at  TEXT    NOT NULL,
  -- The ingest run that landed the story (digests gather a run's matches), null for re-annotation or clustering.
  run_id      INTEGER,
  -- Why it matched: the conditions it met and the evidence behind its flags (JSON).
  reason      TEXT    NOT NULL,
  delivery_id INTEGER REFERENCES alert_deliveries (id) ON DELETE SET NULL,
  PRIMARY KEY (alert_id, story_id)
) WITHOUT ROWID;
CREATE INDEX alert_matches_undelivered ON alert_matches (alert_id, run_id) WHERE delivery_id IS NULL;
-- A delivery's stories (every attempt reads them), and what a deleted delivery's ON DELETE must find.
CREATE INDEX alert_matches_delivery ON alert_matches (delivery_id, story_id);

CREATE TABLE alert_attempts (
  id            INTEGER PRIMARY KEY,
  delivery_id   INTEGER NOT NULL REFERENCES alert_deliveries (id) ON DELETE CASCADE,
  attempt       INTEGER NOT NULL,
  at            TEXT    NOT NULL,
  -- HTTP status, null when no answer came (refused URL, network error, timeout).
  status        INTEGER,
  duration_ms   INTEGER NOT NULL,
  error         TEXT,
  next_retry_at TEXT
);
CREATE INDEX alert_attempts_delivery ON alert_attempts (delivery_id, id);
