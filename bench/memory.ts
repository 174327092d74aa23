/**
 * The isolate-side memory of ingesting the 10 MB feed, modelled in Node: the Worker's path from bytes to D1
 * statements (parse → normalize → annotate → storyWriteStatements against a stand-in D1 that keeps what is
 * bound, as the real binding does until the batch is sent), run under a V8 heap limit.
 *
 *   npx tsx bench/memory.ts --write FILE          writes the 10 MB feed to FILE
 *   node --max-old-space-size=MB --import tsx bench/memory.ts --probe FILE
 *                                                 exits 0 when the path completes within that old-space limit,
 *                                                 printing heap used after each stage
 *
 * workerd cannot report an isolate's heap (process.memoryUsage() answers zeros) and its process RSS also counts
 * local D1's SQLite, so bench/run.mjs looks for the smallest limit under which this completes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { annotate, ANNOTATOR_VERSION } from "../src/annotate";
import { normalizeItems } from "../src/ingest/normalize";
import { parseFeed } from "../src/ingest/parse";
import { storyWriteStatements } from "../src/store/stories";
import { BENCH_NOW, benchFeed } from "./fixtures";

/** Enough of D1Database for the write path: prepare → bind keeps the values, as a real statement does. */
function standInDb(): D1Database {
  const prepare = (sql: string) => ({ sql, bind: (...values: unknown[]) => ({ sql, values }) });
  return { prepare } as unknown as D1Database;
}

/**
 * Prints the live heap (after a full GC when run with --expose-gc) once a stage is done, at once, so a run that
 * runs out of heap still shows how far it got.
 */
function stageDone(stage: string): void {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ stage, heapUsedMb: mb(heapUsed), externalMb: mb(external), arrayBuffersMb: mb(arrayBuffers) })}\n`);
}

async function probe(file: string): Promise<void> {
  stageDone("start");
  const bytes: Uint8Array = readFileSync(file);
  stageDone("bytes");
  const parsed = await parseFeed(bytes, "application/rss+xml");
  stageDone("parse");
  const now = BENCH_NOW.toISOString();
  const items = await normalizeItems(parsed.items, { feedUrl: "https://news.example/feed.xml", fetchedAt: now });
  stageDone("normalize");
  const db = standInDb();
  const statements = items.flatMap((item) =>
    storyWriteStatements(db, 1, { item, annotation: annotate(item), annotatorVersion: ANNOTATOR_VERSION }, now),
  );
  stageDone("annotate + statements");
  // Keeps everything the batch would hold alive until here, as ingestFeed does until db.batch returns.
  process.stdout.write(`${JSON.stringify({ stage: "done", stories: items.length, statements: statements.length, parsedItems: parsed.items.length, bytes: bytes.length })}\n`);
}

const [mode, file] = process.argv.slice(2);
if (mode === "--write" && file) writeFileSync(file, benchFeed("feed-10mb"));
else if (mode === "--probe" && file) await probe(file);
else throw new Error("bench: usage: memory.ts --write FILE | --probe FILE");
