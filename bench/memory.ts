/**
 * The isolate-side memory of ingesting the 10 MB feed, modelled in Node: the Worker's own path from bytes to D1
 * batches (parseFeed, then storeItems against a stand-in D1 that keeps what is bound until a batch is
 * sent, as the real binding does), run under a V8 heap limit.
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
import { parseFeed } from "../src/ingest/parse";
import { storeItems } from "../src/ingest/run";
import { BENCH_NOW, benchFeed } from "./fixtures";

/**
 * Enough of D1Database for the write path: prepare → bind keeps the values, as a real statement does, until
 * batch() "sends" them; the lookup of known stories finds none, as on a first fetch.
 */
function standInDb(sent: { statements: number }): D1Database {
  const prepare = (sql: string) => ({
    sql,
    bind: (...values: unknown[]) => ({ sql, values, all: async () => ({ results: [] }) }),
  });
  const batch = async (statements: unknown[]) => {
    sent.statements += statements.length;
    return [];
  };
  return { prepare, batch } as unknown as D1Database;
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

/** Runs the Worker's own parseFeed and storeItems (src/ingest/run.ts) over the feed. */
async function probe(file: string): Promise<void> {
  stageDone("start");
  const now = BENCH_NOW.toISOString();
  // The bytes are read inside the call, so that, as in ingestFeed, nothing here keeps them alive afterwards.
  const parsed = await parseFeed(readFileSync(file), "application/rss+xml");
  stageDone("parse");
  const sent = { statements: 0 };
  const tally = await storeItems(
    standInDb(sent),
    1,
    parsed,
    { feedUrl: "https://news.example/feed.xml", fetchedAt: now },
    (counts) => ({ tally: { outcome: "ok", ...counts }, statements: [] }),
  );
  stageDone("normalize + annotate + statements");
  process.stdout.write(`${JSON.stringify({ stage: "done", stories: tally.storiesNew, statements: sent.statements })}\n`);
}

const [mode, file] = process.argv.slice(2);
if (mode === "--write" && file) writeFileSync(file, benchFeed("feed-10mb"));
else if (mode === "--probe" && file) await probe(file);
else throw new Error("bench: usage: memory.ts --write FILE | --probe FILE");
