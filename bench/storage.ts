/**
 * D1 bytes per story, by table and index (issue 17). The Worker's own write path (parseFeed → storeItems,
 * annotation and clustering included) stores a corpus of 20,000 stories into a SQLite file migrated with
 * migrations/*.sql, through a thin D1 adapter over better-sqlite3 (the same SQLite engine D1 runs). Then:
 *
 *   before  every body inline in D1 (no R2 bucket: the layout before migrations/0009) and content_text inline
 *           in its row, indexed by the external-content FTS table, evidence as JSON text, signatures as base64 TEXT, spans as JSON (the layout before
 *           migrations/0012)
 *   after   the mover (moveInlineBodies, the migrations' own code) has taken every body to R2 and compressed
 *           every text and its evidence into its row (content_z, contentless FTS), signatures packed into 256-byte BLOBs of
 *           digests and band keys moved to the undated layout (0013), entity spans into their compact text, texts in
 *           content_z format 2 (preset dictionary) and tag timelines keyed by integer milliseconds (0014), and VACUUM ran
 *
 * Sizes come from the database file and `dbstat` (pages per table and index, FTS5 shadow tables included).
 * The R2 side is an in-memory bucket that counts the compressed bytes written.
 *
 * Corpus: the demo and fixture feeds' stories (fixtures/feeds), each repeated with a varied title and an added
 * paragraph of generated text, and bench/fixtures.ts stories of 1.5–4.5 KB, half each.
 *
 *   npx tsx bench/storage.ts [--stories N] [--out FILE] [--keep FILE]   (--keep: a copy of the "after" database, for experiments)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parseFeed } from "../src/ingest/parse";
import { storeItems } from "../src/ingest/run";
import { moveInlineBodies } from "../src/ingest/storage";
import { pruneBandKeys } from "../src/store/clusters";
import { unpackSpans } from "../src/store/entities";
import { packText, unpackText } from "../src/store/text";
import type { ParsedFeed, ParsedItem } from "../src/model";
import { benchStories, BENCH_NOW, BENCH_SEED, rssFeed, seededRandom } from "./fixtures";

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const STORIES = Number(arg("--stories") ?? 20_000);
const OUT = arg("--out");
const KEEP = arg("--keep");
const ROOT = join(import.meta.dirname, "..");

// ── a D1Database over better-sqlite3 ────────────────────────────────────────────────────────────────────

type Params = Record<string, unknown>;

function d1Over(sqlite: Database.Database): D1Database {
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      // D1's numbered parameters (?1) become better-sqlite3's named ones (@p1).
      s = sqlite.prepare(sql.replace(/\?(\d+)/g, "@p$1"));
      cache.set(sql, s);
    }
    return s;
  };
  const named = (values: unknown[]): Params => Object.fromEntries(values.map((v, i) => [`p${i + 1}`, v]));
  const execute = (sql: string, values: unknown[]) => {
    const s = prepared(sql);
    const p = named(values);
    if (s.reader) {
      const results = s.all(p);
      return { results, success: true, meta: { changes: results.length } };
    }
    const info = s.run(p);
    return { results: [], success: true, meta: { changes: info.changes, last_row_id: Number(info.lastInsertRowid) } };
  };
  const statement = (sql: string, values: unknown[] = []) => ({
    sql,
    values,
    bind: (...v: unknown[]) => statement(sql, v),
    all: async () => execute(sql, values),
    run: async () => execute(sql, values),
    first: async () => (execute(sql, values).results[0] as unknown) ?? null,
  });
  const batch = sqlite.transaction((statements: { sql: string; values: unknown[] }[]) => statements.map((s) => execute(s.sql, s.values)));
  return {
    prepare: (sql: string) => statement(sql),
    batch: async (statements: { sql: string; values: unknown[] }[]) => batch(statements),
    exec: async (sql: string) => void sqlite.exec(sql),
  } as unknown as D1Database;
}

/** Enough of R2Bucket for bodies.ts, counting what is stored. */
function memoryBucket(): { bucket: R2Bucket; bytes: () => number; objects: () => number } {
  const objects = new Map<string, Uint8Array>();
  const bucket = {
    async put(key: string, value: Uint8Array) {
      objects.set(key, value);
      return {};
    },
    async get(key: string) {
      const v = objects.get(key);
      return v ? { arrayBuffer: async () => v.slice().buffer } : null;
    },
    async delete(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) objects.delete(k);
    },
  };
  return {
    bucket: bucket as unknown as R2Bucket,
    bytes: () => [...objects.values()].reduce((n, v) => n + v.length, 0),
    objects: () => objects.size,
  };
}

// ── the corpus ───────────────────────────────────────────────────────────────────────────────────────────

async function fixtureItems(): Promise<ParsedItem[]> {
  const dir = join(ROOT, "fixtures", "feeds");
  const items: ParsedItem[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".xml") || f.endsWith(".json"))) {
    try {
      const type = f.endsWith(".json") ? "application/feed+json" : "application/rss+xml";
      items.push(...(await parseFeed(readFileSync(join(dir, f)), type)).items);
    } catch {
      // Some fixtures are meant to be refused (hostile or broken on purpose): they carry no stories.
    }
  }
  return items.filter((i) => (i.content ?? i.summary ?? "").length > 0);
}

/** The fixture stories again under new guids, with a varied title and one more paragraph of generated text. */
function varied(items: ParsedItem[], round: number, extra: string[]): ParsedItem[] {
  return items.map((item, i) => ({
    ...item,
    guid: `${item.guid ?? item.link ?? i}#r${round}`,
    link: item.link ? `${item.link}${item.link.includes("?") ? "&" : "?"}r=${round}` : null,
    title: `${item.title ?? "Untitled"} (update ${round})`,
    published: new Date(BENCH_NOW.getTime() - (round * 97 + i) * 3_600_000).toUTCString(),
    content: `${item.content ?? item.summary ?? ""}<p>${extra[(round * items.length + i) % extra.length]}</p>`,
  }));
}

async function corpus(total: number): Promise<ParsedFeed[]> {
  const fixtures = await fixtureItems();
  const rng = seededRandom(BENCH_SEED + 17);
  const generated = benchStories(BENCH_SEED + 17, Math.ceil(total / 2), 3000);
  const paragraphs = generated.flatMap((s) => s.html.split(/<\/p>\s*<p>/).map((p) => p.replace(/<\/?p>/g, "")));
  const feeds: ParsedFeed[] = [];
  let count = 0;
  // Half generated stories, in feeds of 200 with bodies of 1.5–4.5 KB.
  for (let f = 0; count < total / 2; f++) {
    const n = Math.min(200, Math.ceil(total / 2) - count);
    const stories = benchStories(BENCH_SEED + 100 + f, n, 1500 + Math.floor(rng() * 3000));
    feeds.push(await parseFeed(new TextEncoder().encode(rssFeed(stories, `Storage bench ${f}`)), "application/rss+xml"));
    count += n;
  }
  // Half the fixture stories, varied.
  for (let round = 0; count < total; round++) {
    const items = varied(fixtures, round, paragraphs).slice(0, total - count);
    feeds.push({ format: "rss", title: `Fixture round ${round}`, siteUrl: null, ttlMinutes: null, items, warnings: [] });
    count += items.length;
  }
  return feeds;
}

// ── measuring ────────────────────────────────────────────────────────────────────────────────────────────

interface Breakdown {
  stories: number;
  fileBytes: number;
  bytesPerStory: number;
  /** Bytes per story of each table and index, FTS5 shadow tables grouped under stories_fts. */
  byObject: Record<string, number>;
}

function measure(sqlite: Database.Database): Breakdown {
  sqlite.exec("VACUUM");
  const stories = (sqlite.prepare("SELECT count(*) AS n FROM stories").get() as { n: number }).n;
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  const rows = sqlite.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC").all() as { name: string; bytes: number }[];
  const byObject: Record<string, number> = {};
  for (const r of rows) {
    const name = r.name.startsWith("stories_fts") ? "stories_fts (FTS5 index)" : r.name.startsWith("sqlite_autoindex_") ? r.name.replace("sqlite_autoindex_", "pk/unique: ") : r.name;
    byObject[name] = (byObject[name] ?? 0) + r.bytes / stories;
  }
  for (const k of Object.keys(byObject)) if (byObject[k]! < 1) delete byObject[k];
  return { stories, fileBytes: pageSize * pages, bytesPerStory: (pageSize * pages) / stories, byObject };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "wirewatch-storage-"));
  const file = join(dir, "d1.sqlite");
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = ON");
  const migrations = readdirSync(join(ROOT, "migrations")).filter((f) => f.endsWith(".sql")).sort();
  for (const m of migrations) sqlite.exec(readFileSync(join(ROOT, "migrations", m), "utf8"));
  const db = d1Over(sqlite);

  const feeds = await corpus(STORIES);
  process.stderr.write(`[storage] ${STORIES} stories in ${feeds.length} feeds; storing with bodies inline\n`);
  const ingestStarted = Date.now();
  for (const [i, parsed] of feeds.entries()) {
    sqlite.prepare("INSERT INTO feeds (id, url, title, status, created_at) VALUES (?, ?, ?, 'ok', ?)").run(i + 1, `https://outlet-${i}.example/feed.xml`, parsed.title, BENCH_NOW.toISOString());
    await storeItems(db, i + 1, parsed, { feedUrl: `https://outlet-${i}.example/feed.xml`, fetchedAt: BENCH_NOW.toISOString() }, (counts) => ({
      tally: { outcome: "ok", ...counts },
      statements: [],
    }));
  }
  const ingestS = (Date.now() - ingestStarted) / 1000;
  // The write path compresses every text; "before" is the layout the previous code wrote, text inline and
  // indexed by the external-content FTS table, which the update trigger of migrations/0012 rebuilds.
  // Evidence, signatures and entity spans likewise go back to the JSON, base64 TEXT and JSON triples the
  // previous code stored, band keys to one date per key (migrations/0007), and tag timelines to their ISO
  // keys (migrations/0002; the mover moves them back to milliseconds, 0014). A signature was 512 bytes of
  // whole minima then: the 256 bytes of digests written twice have its size (only sizes are measured here).
  sqlite.function("unpack_text", (z: unknown) => unpackText(z as Uint8Array));
  sqlite.function("wide_base64", (b: unknown) => Buffer.concat([b as Uint8Array, b as Uint8Array]).toString("base64"));
  sqlite.function("spans_json", (packed: unknown) => JSON.stringify(unpackSpans(packed as string).map((m) => [m.field, m.start, m.end])));
  sqlite.exec(`UPDATE stories SET content_text = unpack_text(content_z), content_z = NULL;
    UPDATE stories SET evidence = unpack_text(evidence) WHERE typeof(evidence) = 'blob';
    UPDATE story_signatures SET signature = wide_base64(signature) WHERE typeof(signature) = 'blob';
    INSERT INTO band_keys_text (key, story_id, at) SELECT b.key, b.story_id, d.at FROM band_keys b JOIN band_key_dates d USING (story_id);
    DELETE FROM band_keys;
    DELETE FROM band_key_dates;
    UPDATE story_entities SET spans = spans_json(spans) WHERE spans IS NOT NULL AND substr(spans, 1, 1) <> '[';
    INSERT INTO entity_timeline (entity_id, sort_at, story_id) SELECT t.entity_id, s.sort_at, t.story_id FROM entity_timeline_ms t JOIN stories s ON s.id = t.story_id;
    DELETE FROM entity_timeline_ms;
    INSERT INTO wire_timeline (wire, sort_at, story_id) SELECT t.wire, s.sort_at, t.story_id FROM wire_timeline_ms t JOIN stories s ON s.id = t.story_id;
    DELETE FROM wire_timeline_ms`);
  const before = measure(sqlite);
  // What compressing content_text saves, on a sample of the plain texts.
  const sample = sqlite.prepare("SELECT content_text FROM stories ORDER BY random() LIMIT 2000").all() as { content_text: string }[];
  const textBytes = sample.reduce((n, r) => n + Buffer.byteLength(r.content_text), 0) / sample.length;
  const textPacked = sample.reduce((n, r) => n + packText(r.content_text).length, 0) / sample.length;
  // Today's schema has no such indexes: they exist only to find inline bodies and texts, and are empty once
  // the mover has run.
  const inlineIndex = ["stories_body_inline", "stories_text_inline", "story_signatures_wide", "story_entities_json_spans", "stories_text_format1"].reduce((n, k) => n + (before.byObject[k] ?? 0), 0);

  process.stderr.write(`[storage] moving ${before.stories} bodies to R2 and compressing their texts (moveInlineBodies)\n`);
  const r2 = memoryBucket();
  const env = { DB: db, BODIES: r2.bucket } as unknown as Env;
  const moveStarted = Date.now();
  for (let after = 0; ; ) {
    const batch = await moveInlineBodies(env, { after, limit: 500 });
    if (batch.failed > 0) throw new Error(`storage bench: ${batch.failed} puts failed`);
    // The timelines move in key order, not by story id: their walk may outlast the others.
    if (batch.next_after === null && batch.timeline_rows_remaining === 0) break;
    after = batch.next_after ?? 0;
  }
  const moveS = (Date.now() - moveStarted) / 1000;
  const after = measure(sqlite);
  if (KEEP) sqlite.prepare("VACUUM INTO ?").run(KEEP);
  // Steady state: band keys only serve the 14-day candidate window, and the cron prunes them after it
  // (src/ingest/prune.ts). Every story of a year-long archive but the last fortnight's is in this state.
  while ((await pruneBandKeys(db, "9999-12-31T00:00:00.000Z", 50_000)) > 0);
  const steady = measure(sqlite);
  const bandKeys = (b: Breakdown) => Object.entries(b.byObject).filter(([k]) => k.startsWith("band_key")).reduce((n, [, v]) => n + v, 0);
  const inlineLeft = (sqlite.prepare("SELECT count(*) AS n FROM stories WHERE body_key IS NULL AND (content_html IS NOT NULL OR source_text <> '')").get() as { n: number }).n;
  const textsLeft = (sqlite.prepare("SELECT count(*) AS n FROM stories WHERE content_z IS NULL").get() as { n: number }).n;
  const signaturesLeft = (sqlite.prepare("SELECT count(*) AS n FROM story_signatures WHERE length(signature) > 256").get() as { n: number }).n;
  const bandKeysLeft = (sqlite.prepare("SELECT count(*) AS n FROM band_keys_text").get() as { n: number }).n;
  const spansLeft = (sqlite.prepare("SELECT count(*) AS n FROM story_entities WHERE substr(spans, 1, 1) = '['").get() as { n: number }).n;
  const timelineRowsLeft = (sqlite.prepare("SELECT (SELECT count(*) FROM entity_timeline) + (SELECT count(*) FROM wire_timeline) AS n").get() as { n: number }).n;
  const textsFormat1Left = (sqlite.prepare("SELECT count(*) AS n FROM stories WHERE substr(content_z, 1, 1) = x'01'").get() as { n: number }).n;
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });

  const baseline = before.bytesPerStory - inlineIndex;
  const baselineSteady = baseline - bandKeys(before);
  const result = {
    method: `storeItems (parse → normalize → annotate → cluster → D1 batch) of ${before.stories} stories into a SQLite file migrated by migrations/*.sql, through a D1 adapter over better-sqlite3 ${(new Database(":memory:").prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}; sizes after VACUUM from page_count and dbstat. "before": bodies and texts inline (no R2, layout before 0009 and 0012); "after": moveInlineBodies took every body to R2 and compressed every content_text into its row`,
    stories: before.stories,
    ingestSeconds: ingestS,
    moveSeconds: moveS,
    before: { ...before, bytesPerStoryWithoutInlineIndex: baseline },
    after,
    afterSteady: steady,
    beforeSteadyBytesPerStory: baselineSteady,
    ratioSteady: steady.bytesPerStory / baselineSteady,
    contentText: { bytes: textBytes, packedBytes: textPacked },
    r2: { objects: r2.objects(), bytes: r2.bytes(), bytesPerStory: r2.bytes() / Math.max(1, r2.objects()) },
    inlineLeft,
    textsLeft,
    signaturesLeft,
    bandKeysLeft,
    spansLeft,
    timelineRowsLeft,
    textsFormat1Left,
    ratio: after.bytesPerStory / baseline,
    storiesPer10GB: Math.floor(10e9 / steady.bytesPerStory),
    storiesPer10GBBefore: Math.floor(10e9 / baselineSteady),
    seconds: (Date.now() - started) / 1000,
  };
  const json = JSON.stringify(result, null, 2);
  if (OUT) writeFileSync(OUT, json);
  else process.stdout.write(`${json}\n`);
}

await main();
