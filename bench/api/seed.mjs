/**
 * Fills a migrated local D1 SQLite file with a synthetic archive: 100,000 stories and 1,000,000 story–entity
 * links (10 per story), written straight into the file wrangler uses. The schema's triggers are lifted for
 * the bulk load and the full-text index and tag timelines built afterwards in one pass each (the state the
 * triggers would have left, in a fraction of the time). Rows are written with their text inline (content_z
 * NULL), so they belong in the inline index, stories_fts_inline (migrations/0012). Deterministic: the same seed gives the same archive,
 * and the bench's query shapes are picked from it.
 */
import Database from "better-sqlite3";

const STORIES = 100_000;
const ENTITIES_PER_STORY = 10;
const ENTITY_COUNT = 20_000;
const FEEDS = 200;
const WIRES = ["Reuters", "Associated Press", "Agence France-Presse", "Press Trust of India", "Asian News International", "United News of India"];
const TYPES = ["person", "organization", "place"];

/** mulberry32: a small seeded PRNG, so runs compare. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Invented words from syllables: a vocabulary with a Zipf-like use, like real text. */
function vocabulary(rand, size) {
  const syllables = ["ka", "lo", "mi", "ter", "sa", "no", "vel", "ri", "da", "po", "lin", "ar", "be", "sto", "qua", "ne", "ru", "mo", "tes", "gal"];
  const words = new Set();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += syllables[Math.floor(rand() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

/** Index drawn with probability ~ 1/(rank+1): a few popular items, a long tail. */
function zipf(rand, n) {
  const h = Math.log(n + 1);
  return () => Math.min(n - 1, Math.floor(Math.exp(rand() * h) - 1));
}

export function seedArchive(file) {
  const rand = prng(6);
  const words = vocabulary(rand, 5_000);
  const word = zipf(rand, words.length);
  const entityOf = zipf(rand, ENTITY_COUNT);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const sentence = (n) => Array.from({ length: n }, () => words[word()]).join(" ");

  const insertFeed = db.prepare("INSERT INTO feeds (id, url, title, status, created_at) VALUES (?, ?, ?, 'ok', '2024-01-01T00:00:00.000Z')");
  const insertEntity = db.prepare("INSERT INTO entities (id, name, type) VALUES (?, ?, ?)");
  const insertStory = db.prepare(
    `INSERT INTO stories (id, feed_id, guid, url, title, author, published_at, fetched_at, sort_at, summary, content_html,
       content_text, source_text, categories, content_hash, annotator_version, auto_generated, unedited, syndicated,
       ai_generated, evidence)
     VALUES (@id, @feed, @guid, @url, @title, NULL, @published, @fetched, @sort, NULL, @html, @text, @text, '["World"]',
       @hash, 1, @auto, @unedited, @syndicated, @ai, @evidence)`,
  );
  const insertWire = db.prepare("INSERT INTO story_wires (story_id, wire, position) VALUES (?, ?, 0)");
  const insertLink = db.prepare("INSERT INTO story_entities (story_id, entity_id, mentions) VALUES (?, ?, ?)");

  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);

  const start = Date.parse("2022-01-01T00:00:00.000Z");
  const span = Date.parse("2024-03-31T00:00:00.000Z") - start;
  db.transaction(() => {
    for (let f = 1; f <= FEEDS; f++) insertFeed.run(f, `https://feed${f}.example/rss.xml`, `Feed ${f}`);
    for (let e = 1; e <= ENTITY_COUNT; e++) {
      const name = `${words[e % words.length]} ${words[(e * 7) % words.length]}`.replace(/\b\w/g, (c) => c.toUpperCase());
      insertEntity.run(e, `${name} ${e}`, TYPES[e % 3]);
    }
    for (let id = 1; id <= STORIES; id++) {
      const text = `${sentence(40)}. ${sentence(50)}. ${sentence(30)}.`;
      const syndicated = rand() < 0.4 ? 1 : 0;
      const fetched = new Date(start + rand() * span).toISOString();
      const published = rand() < 0.02 ? null : new Date(Date.parse(fetched) - rand() * 3_600_000).toISOString();
      insertStory.run({
        id,
        feed: 1 + Math.floor(rand() * FEEDS),
        guid: `g${id}`,
        url: `https://news.example/story/${id}`,
        title: sentence(8),
        published,
        fetched,
        sort: published ?? fetched,
        html: `<p>${text}</p>`,
        text,
        hash: `h${id}`,
        auto: rand() < 0.15 ? 1 : 0,
        unedited: rand() < 0.1 ? 1 : 0,
        syndicated,
        ai: rand() < 0.02 ? 1 : 0,
        evidence: syndicated ? '[{"flag":"syndicated","rule":"bench","text":"(With inputs from agencies)"}]' : "[]",
      });
      if (syndicated) insertWire.run(id, WIRES[Math.floor(rand() * WIRES.length)]);
      const tagged = new Set();
      while (tagged.size < ENTITIES_PER_STORY) tagged.add(1 + entityOf());
      for (const e of tagged) insertLink.run(id, e, 1 + Math.floor(rand() * 4));
    }
    db.exec(`INSERT INTO stories_fts_inline (stories_fts_inline) VALUES ('rebuild');
      INSERT INTO entity_timeline (entity_id, sort_at, story_id)
        SELECT se.entity_id, s.sort_at, se.story_id FROM story_entities se JOIN stories s ON s.id = se.story_id;
      INSERT INTO wire_timeline (wire, sort_at, story_id)
        SELECT w.wire, s.sort_at, w.story_id FROM story_wires w JOIN stories s ON s.id = w.story_id;`);
    for (const t of triggers) db.exec(t.sql);
  })();
  // Production D1 keeps statistics through PRAGMA optimize; give the planner the same here.
  db.exec("ANALYZE");
  const counts = db.prepare("SELECT (SELECT count(*) FROM stories) AS stories, (SELECT count(*) FROM story_entities) AS links").get();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("journal_mode = DELETE");
  db.close();
  return counts;
}

/** The query parameters of each bench shape, picked from the seeded archive so each returns full pages. */
export function pickShapes(file) {
  const db = new Database(file, { readonly: true });
  const popular = db.prepare("SELECT e.name FROM entities e WHERE e.id = 3").get().name;
  const mid = db.prepare("SELECT e.name FROM entities e WHERE e.id = 40").get().name;
  const deep = db.prepare("SELECT sort_at, id FROM stories ORDER BY sort_at DESC, id DESC LIMIT 1 OFFSET 60000").get();
  // A search term of middling frequency (1–5% of stories): common words fill a page at once, rare ones are cheap.
  const matches = db.prepare("SELECT count(*) AS n FROM stories_fts_inline WHERE stories_fts_inline MATCH ?");
  const candidates = db.prepare("SELECT title FROM stories WHERE id <= 300").all().flatMap((r) => r.title.split(" "));
  const term = candidates.find((w) => {
    const n = matches.get(w).n;
    return n >= 1_000 && n <= 5_000;
  });
  const counts = {
    popular: db.prepare("SELECT count(*) AS n FROM story_entities WHERE entity_id = 3").get().n,
    mid: db.prepare("SELECT count(*) AS n FROM story_entities WHERE entity_id = 40").get().n,
    term: db.prepare("SELECT count(*) AS n FROM stories_fts_inline WHERE stories_fts_inline MATCH ?").get(term).n,
  };
  db.close();
  const cursor = Buffer.from(JSON.stringify([deep.sort_at, deep.id])).toString("base64url");
  return {
    counts,
    shapes: [
      { name: "newest 50", path: "/v1/stories?limit=50" },
      { name: "entity filter", path: `/v1/stories?limit=50&entity=${encodeURIComponent(popular)}` },
      { name: "flag + entity", path: `/v1/stories?limit=50&flag=syndicated&entity=${encodeURIComponent(mid)}` },
      { name: "FTS", path: `/v1/stories?limit=50&q=${encodeURIComponent(term)}` },
      { name: "deep cursor page", path: `/v1/stories?limit=50&cursor=${cursor}` },
      // Not one of the five target shapes: what a dashboard pays when it asks for titles and tags only.
      { name: "newest 50, fields", path: "/v1/stories?limit=50&fields=title,url,published_at,flags,entities", extra: true },
    ],
  };
}
