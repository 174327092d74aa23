/**
 * The pure stages in Node (V8, microsecond clock), story by story: parse, normalize, flags, entities,
 * annotate, and the baselines rss-parser and compromise on the same bytes.
 *
 *   npx tsx bench/stages.ts [--out FILE] [--only STAGE]
 *
 * The stages are the same TypeScript the Worker runs; workerd's clock moves in whole milliseconds, so per-story
 * distributions come from here and bench/workerd/stages.workerd.ts cross-checks the means inside workerd.
 * `--only` runs one stage, for a profile: `node --cpu-prof --import tsx bench/stages.ts --only entities`.
 *
 * Flag rules against older ones, back to back in one run: `--flags-baseline REV[,REV...]` (or FLAGS_BASELINE) takes
 * each revision's src/ from git and times the flags stage of this tree and of each revision in fresh processes,
 * in turn, FLAG_ROUNDS times: one process holding two rule sets would share V8's regexp and inline caches between
 * them, and a noisy machine drifts within minutes, so alternating processes is the fair comparison. `--flags-src
 * DIR` times the detectFlags of another src/ tree (what each of those processes runs, with `--only flags`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import nlp from "compromise";
import Parser from "rss-parser";
import { tagEntities } from "../src/annotate/entities";
import { tagEntitiesTrained } from "../src/annotate/entities/index";
import { detectFlags as detectFlagsHere } from "../src/annotate/flags";
import { annotate } from "../src/annotate";
import { normalizeItems } from "../src/ingest/normalize";
import { parseFeed } from "../src/ingest/parse";
import { shingleHashes, words } from "../src/cluster/shingles";
import { signature } from "../src/cluster/signature";
import type { NormalizedItem } from "../src/model";
import { BENCH_NOW, benchFeed } from "./fixtures";
import { loadPagesDev } from "../scripts/pages-dev";
import { type Summary, summarize } from "./stats";

export interface StageResult extends Summary {
  /** What one sample is, and how it was timed. */
  method: string;
  stories: number;
  /** Mean plain-text size of the stories, in bytes. */
  storyBytes?: number;
}

const CTX = { feedUrl: "https://news.example/feed.xml", fetchedAt: BENCH_NOW.toISOString() };
const WHOLE_FEED_RUNS = 7;
const PASSES = 2;
const COMPROMISE_STORIES = 100;
/** pages-dev has 47 pages, so more passes give a steadier median. */
const REAL_PAGE_PASSES = 40;

const args = process.argv.slice(2);
const outFile = valueOf("--out");
const only = valueOf("--only");
const flagsSrc = valueOf("--flags-src");
const flagsBaseline = (valueOf("--flags-baseline") ?? process.env.FLAGS_BASELINE ?? "").split(",").filter((rev) => rev !== "");
/** Processes per rule set when comparing flag rules (--flags-baseline). */
const FLAG_ROUNDS = 5;
const detectFlags: typeof detectFlagsHere =
  flagsSrc === undefined ? detectFlagsHere : (await import(pathToFileURL(join(resolve(flagsSrc), "annotate/flags.ts")).href)).detectFlags;

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function wanted(stage: string): boolean {
  return only === undefined || only === stage;
}

/**
 * Process CPU time in ms (user + system, all threads, so V8's GC helpers count too). CPU rather than wall time:
 * Workers bill CPU, and a shared machine's other load then inflates the figures far less.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times `fn` once per story for `passes` passes after one warm-up pass: one sample per story per pass. */
async function perStory<T>(items: readonly T[], fn: (item: T) => unknown, passes = PASSES): Promise<number[]> {
  for (const item of items) await fn(item);
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const item of items) {
      const t0 = cpuMs();
      await fn(item);
      samples.push(cpuMs() - t0);
    }
  }
  return samples;
}

/** Times `fn` over a whole feed `runs` times after two warm-ups: one sample (ms per story) per run. */
async function perFeed(stories: number, fn: () => unknown, runs = WHOLE_FEED_RUNS): Promise<number[]> {
  await fn();
  await fn();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = cpuMs();
    await fn();
    samples.push((cpuMs() - t0) / stories);
  }
  return samples;
}

function meanBytes(texts: readonly string[]): number {
  return Math.round(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / texts.length);
}

async function prepare(name: string): Promise<{ bytes: Uint8Array; items: NormalizedItem[] }> {
  const bytes = new TextEncoder().encode(benchFeed(name));
  const parsed = await parseFeed(bytes, "application/rss+xml");
  return { bytes, items: await normalizeItems(parsed.items, CTX) };
}

export async function runStages(): Promise<Record<string, StageResult>> {
  const results: Record<string, StageResult> = {};
  const feed3k = await prepare("feed-1000x3k");
  const feed5k = await prepare("feed-1000x5k");
  const n = feed3k.items.length;
  const size3k = meanBytes(feed3k.items.map((i) => i.text));
  const size5k = meanBytes(feed5k.items.map((i) => i.text));
  const perFeedMethod = `Node ${process.version}, process CPU: whole ${n}-item feed ${WHOLE_FEED_RUNS}×, ms/story per run`;
  const perStoryMethod = `Node ${process.version}, process CPU: each story alone, ${PASSES} passes after a warm-up`;

  if (wanted("parse")) {
    results.parse = { ...summarize(await perFeed(n, () => parseFeed(feed3k.bytes, "application/rss+xml"))), method: perFeedMethod, stories: n, storyBytes: size3k };
    const text = new TextDecoder().decode(feed3k.bytes);
    results["baseline: rss-parser"] = {
      ...summarize(await perFeed(n, () => new Parser().parseString(text))),
      method: `${perFeedMethod}; new Parser().parseString on the same bytes`,
      stories: n,
      storyBytes: size3k,
    };
  }
  if (wanted("normalize")) {
    const parsed = await parseFeed(feed3k.bytes, "application/rss+xml");
    results.normalize = { ...summarize(await perStory(parsed.items, (item) => normalizeItems([item], CTX))), method: perStoryMethod, stories: n, storyBytes: size3k };
  }
  if (wanted("flags")) {
    results["flags (3 KB)"] = { ...summarize(await perStory(feed3k.items, (i) => detectFlags(i.title, i.text))), method: perStoryMethod, stories: n, storyBytes: size3k };
    results["flags (5 KB)"] = { ...summarize(await perStory(feed5k.items, (i) => detectFlags(i.title, i.text))), method: perStoryMethod, stories: n, storyBytes: size5k };
    // Real pages (menus, headline lists, odd spaces) beside the synthetic stories above, when ../shared has them.
    const pages = await loadPagesDev().catch(() => []);
    if (pages.length > 0) {
      results["flags (real pages, pages-dev)"] = {
        ...summarize(await perStory(pages, (p) => detectFlags(p.title, p.text), REAL_PAGE_PASSES)),
        method: `Node ${process.version}, process CPU: each page alone, ${REAL_PAGE_PASSES} passes after a warm-up`,
        stories: pages.length,
        storyBytes: meanBytes(pages.map((p) => p.text)),
      };
    }
    if (flagsBaseline.length > 0) Object.assign(results, compareFlagRules(flagsBaseline, n, size5k));
  }
  if (wanted("entities")) {
    // As in annotate(): entities are tagged on the body that flags have cleaned.
    const cleaned = feed3k.items.map((i) => ({ title: i.title, text: detectFlags(i.title, i.text).content_text }));
    results.entities = { ...summarize(await perStory(cleaned, (i) => tagEntitiesTrained(i.title, i.text))), method: perStoryMethod, stories: n, storyBytes: size3k };
    results["baseline: rule tagger alone"] = { ...summarize(await perStory(cleaned, (i) => tagEntities(i.title, i.text))), method: perStoryMethod, stories: n, storyBytes: size3k };
  }
  if (wanted("annotate")) {
    results["annotate (flags + entities)"] = { ...summarize(await perStory(feed3k.items, (i) => annotate(i))), method: perStoryMethod, stories: n, storyBytes: size3k };
  }
  if (wanted("signature")) {
    // As at ingest: the signature is taken of the cleaned body annotation leaves.
    const bodies = feed3k.items.map((i) => annotate(i).content_text);
    results["signature (3 KB)"] = { ...summarize(await perStory(bodies, (t) => signature(t))), method: perStoryMethod, stories: n, storyBytes: meanBytes(bodies) };
    results["baseline: exact shingle set (no MinHash)"] = {
      ...summarize(await perStory(bodies, (t) => new Set(shingleHashes(words(t))))),
      method: `${perStoryMethod}; words and hashed 5-word shingles only, what any shingle-based method pays`,
      stories: n,
      storyBytes: meanBytes(bodies),
    };
  }
  if (wanted("compromise")) {
    const sample = feed3k.items.slice(0, COMPROMISE_STORIES);
    const compromise = (i: NormalizedItem): unknown => {
      const doc = nlp(`${i.title}\n\n${i.text}`);
      return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array")];
    };
    results["baseline: compromise"] = {
      ...summarize(await perStory(sample, compromise, 1)),
      method: `Node ${process.version}, process CPU: first ${sample.length} stories, each alone after a warm-up; people + places + organizations`,
      stories: sample.length,
      storyBytes: meanBytes(sample.map((i) => i.text)),
    };
  }
  if (wanted("pipeline")) {
    results["parse → normalize → annotate"] = {
      ...summarize(
        await perFeed(
          n,
          async () => {
            const parsed = await parseFeed(feed3k.bytes, "application/rss+xml");
            for (const item of await normalizeItems(parsed.items, CTX)) annotate(item);
          },
          5,
        ),
      ),
      method: `Node ${process.version}, process CPU: whole ${n}-item feed 5×, ms/story per run`,
      stories: n,
      storyBytes: size3k,
    };
  }
  return results;
}

/**
 * The flags stage's median per 5 KB story, this tree's rules and each revision's, in fresh processes that take
 * turns (the order rotates each round), FLAG_ROUNDS each; the summaries are over those per-process medians.
 */
function compareFlagRules(revisions: readonly string[], stories: number, storyBytes: number): Record<string, StageResult> {
  const root = resolve(import.meta.dirname, "..");
  const trees = [
    { name: "flags (5 KB), this tree, alternating processes", src: join(root, "src") },
    ...revisions.map((rev) => {
      const dir = mkdtempSync(join(tmpdir(), "wirewatch-flags-"));
      execFileSync("sh", ["-c", `git archive "$1" src | tar -x -C "$2"`, "sh", rev, dir], { cwd: root });
      return { name: `baseline: flags (5 KB), rules at ${rev}, alternating processes`, src: join(dir, "src") };
    }),
  ];
  const medians: number[][] = trees.map(() => []);
  const loads: number[] = [loadavg()[0]!];
  for (let round = 0; round < FLAG_ROUNDS; round++) {
    for (let turn = 0; turn < trees.length; turn++) {
      const k = (turn + round) % trees.length;
      const out = join(mkdtempSync(join(tmpdir(), "wirewatch-flags-out-")), "flags.json");
      const child = spawnSync("npx", ["tsx", "bench/stages.ts", "--only", "flags", "--flags-src", trees[k]!.src, "--out", out], {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (child.status !== 0) throw new Error(`bench: the flags stage of ${trees[k]!.src} exited with ${child.status ?? child.signal}`);
      const stages = (JSON.parse(readFileSync(out, "utf8")) as { stages: Record<string, StageResult> }).stages;
      medians[k]!.push(stages["flags (5 KB)"]!.median);
    }
    loads.push(loadavg()[0]!);
  }
  const load = `1-minute load ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`;
  return Object.fromEntries(
    trees.map((tree, k) => [
      tree.name,
      {
        ...summarize(medians[k]!),
        method: `Node ${process.version}, process CPU: the flags stage's median per 5 KB story in ${FLAG_ROUNDS} fresh processes taking turns with ${trees.length - 1} other rule set(s); summary over those medians; ${load}`,
        stories,
        storyBytes,
      },
    ]),
  );
}

const results = await runStages();
const json = JSON.stringify({ node: process.version, stages: results }, null, 2);
if (outFile) writeFileSync(outFile, json);
else process.stdout.write(`${json}\n`);
