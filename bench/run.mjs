#!/usr/bin/env node
/**
 * `npm run bench`: what a story costs, stage by stage and end to end, beside the obvious baselines.
 *
 *   1. Node (bench/stages.ts): per-story CPU of parse, normalize, flags, entities, annotate; rss-parser and
 *      compromise on the same bytes. Node's clock is fine-grained, so the per-story distributions come from here.
 *   2. Node (bench/memory.ts): the Worker's path over the 10 MB feed under a 64 MB V8 heap limit.
 *   3. workerd (vitest.bench.config.ts, bench/workerd/*): the same stages per story, the D1 store batched vs one
 *      INSERT per story, one 1,000-story feed through ingestFeed, 200 feeds × 50 stories through cron → queue →
 *      consumer, and (in a fresh workerd) the 10 MB feed with process RSS sampled from outside.
 *   4. The API bench (bench/api/run.mjs), when present, unless --skip-api.
 *   5. The interface bench (bench/ui/run.mjs: the first page of stories over the wire), unless --skip-ui.
 *   5. Node (bench/extract.ts): the article stage's extraction CPU per page, beside the html → text baseline.
 *   6. Node (bench/storage.ts): D1 bytes per story by table and index over 20,000 stories, bodies and texts inline
 *      (before) and bodies moved to R2 with the rest compacted by migration 0012 (after), from the file and dbstat.
 *
 * Prints a table with PASS/FAIL per target, writes bench/results.json and appends a line to bench/history.jsonl.
 * Flags: --skip-api, --no-history (measure without recording).
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const OUT = mkdtempSync(join(tmpdir(), "wirewatch-bench-"));
const WORKERD_FILES = ["stages", "entity-parts", "store", "ingest", "cron", "alerts", "clusters", "bodies"].map((f) => `bench/workerd/${f}.workerd.ts`);
const HEAP_LIMIT_MB = 64;

const TARGETS = {
  e2eCpuMs: 1.5,
  cronWallS: 30,
  memoryMb: 64,
  flags5kMs: 0.2,
  entitiesMs: 1,
  alertMatchMs: 0.2,
  signature3kMs: 0.3,
  /** D1 bytes per story with bodies in R2, as a share of the inline layout (issue 17: at most a third). */
  storageRatio: 1 / 3,
};

const failures = [];

function log(msg) {
  process.stderr.write(`\x1b[36m[bench]\x1b[0m ${msg}\n`);
}

function run(cmd, argv, { env = {}, capture = false } = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // Children talk on stderr, so that stdout carries only the table.
    stdio: capture ? ["ignore", "pipe", "pipe"] : ["ignore", 2, 2],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: res.status, signal: res.signal, stdout: res.stdout ?? "", stderr: res.stderr ?? "", seconds: (Date.now() - started) / 1000 };
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

function sh(cmd, argv) {
  const res = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8" });
  return res.status === 0 ? res.stdout.trim() : null;
}

function machine() {
  const workerd = sh(join(ROOT, "node_modules", ".bin", "workerd"), ["--version"]);
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
    workerd: workerd?.replace(/^workerd\s+/, "") ?? "unknown",
    loadavgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function nodeStages() {
  log("Node: per-story stages and baselines (bench/stages.ts)");
  const file = join(OUT, "node-stages.json");
  const res = run("npx", ["tsx", "bench/stages.ts", "--out", file]);
  if (res.status !== 0) failures.push(`bench/stages.ts exited with ${res.status ?? res.signal}`);
  return readJson(file)?.stages ?? {};
}

/** Runs the Worker's path over the 10 MB feed under a heap limit; returns the per-stage live heap and whether it completed. */
function heapProbe(feedFile, limitMb) {
  const res = run("node", ["--expose-gc", `--max-old-space-size=${limitMb}`, "--import", "tsx", "bench/memory.ts", "--probe", feedFile], { capture: true });
  const stages = res.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
  return { limitMb, completed: res.status === 0 && stages.some((s) => s.stage === "done"), stages: stages.filter((s) => s.stage !== "done") };
}

function nodeMemory() {
  log(`Node: the Worker's path over the 10 MB feed under a ${HEAP_LIMIT_MB} MB heap limit (bench/memory.ts)`);
  const feedFile = join(OUT, "feed-10mb.xml");
  if (run("npx", ["tsx", "bench/memory.ts", "--write", feedFile]).status !== 0) {
    failures.push("bench/memory.ts --write failed");
    return null;
  }
  const atTarget = heapProbe(feedFile, HEAP_LIMIT_MB);
  // When it does not fit, a roomy run shows the live heap at every stage, to say where the memory goes.
  const roomy = atTarget.completed ? null : heapProbe(feedFile, 1024);
  return { atTarget, roomy };
}

function workerd(files, label) {
  log(`workerd: ${label}`);
  const res = run("npx", ["vitest", "run", "--config", "vitest.bench.config.ts"], { env: { BENCH_OUT: OUT, BENCH_FILES: files.join(",") } });
  if (res.status !== 0) failures.push(`workerd bench (${label}) exited with ${res.status ?? res.signal}`);
}

function extractBench() {
  log("Node: article extraction per page (bench/extract.ts)");
  const file = join(OUT, "node-extract.json");
  const res = run("npx", ["tsx", "bench/extract.ts", "--out", file]);
  if (res.status !== 0) failures.push("bench/extract.ts failed");
  return readJson(file);
}

function storageBench() {
  log("Node: D1 bytes per story, before and after migrations 0009, 0012, 0013 and 0014 (bench/storage.ts)");
  const file = join(OUT, "node-storage.json");
  const res = run("npx", ["tsx", "bench/storage.ts", "--out", file]);
  if (res.status !== 0) failures.push("bench/storage.ts failed");
  return readJson(file);
}

function apiBench() {
  const script = join(ROOT, "bench", "api", "run.mjs");
  if (args.has("--skip-api") || !existsSync(script)) return null;
  log("API bench (bench/api/run.mjs)");
  const res = run("node", [script]);
  if (res.status !== 0) failures.push(`bench/api/run.mjs exited with ${res.status ?? res.signal}`);
  return readJson(join(ROOT, "bench", "api", "results.json"));
}

function uiBench() {
  const script = join(ROOT, "bench", "ui", "run.mjs");
  if (args.has("--skip-ui") || !existsSync(script)) return null;
  log("interface bench (bench/ui/run.mjs)");
  const res = run("node", [script]);
  if (res.status !== 0) failures.push(`bench/ui/run.mjs exited with ${res.status ?? res.signal}`);
  return readJson(join(ROOT, "bench", "ui", "results.json"));
}

const fmt = (n, digits = 3) => (typeof n === "number" && Number.isFinite(n) ? n.toFixed(digits) : "—");

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(" | ")} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");
}

function target(name, measured, limit, unit, basis, upperBound) {
  const pass = typeof measured === "number" ? measured <= limit : null;
  return { name, target: `≤ ${limit} ${unit}`, measured, unit, pass, basis, ...(upperBound ? { upperBound } : {}) };
}

function main() {
  const started = Date.now();
  const commit = sh("git", ["rev-parse", "HEAD"]) ?? "unknown";
  const dirty = (sh("git", ["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "";
  const info = machine();
  log(`commit ${commit.slice(0, 10)}${dirty ? " (work tree has uncommitted changes)" : ""}; ${info.cores} × ${info.cpu}; load ${info.loadavgAtStart.join(" ")}`);

  const node = nodeStages();
  const memoryModel = nodeMemory();
  workerd(WORKERD_FILES, "stages, D1 store, 1,000-story ingest, 200 × 50 cron path");
  workerd(["bench/workerd/memory.workerd.ts"], "10 MB feed in a fresh workerd, RSS sampled from outside");
  const w = {
    stages: readJson(join(OUT, "workerd-stages.json")),
    store: readJson(join(OUT, "workerd-store.json")),
    ingest: readJson(join(OUT, "workerd-ingest.json")),
    cron: readJson(join(OUT, "workerd-cron.json")),
    memory: readJson(join(OUT, "workerd-memory.json")),
    alerts: readJson(join(OUT, "workerd-alerts.json")),
    clusters: readJson(join(OUT, "workerd-clusters.json")),
    bodies: readJson(join(OUT, "workerd-bodies.json")),
    entityParts: readJson(join(OUT, "workerd-entity-parts.json")),
  };
  const api = apiBench();
  const ui = uiBench();
  const extract = extractBench();
  const storage = storageBench();

  const stageNames = [...new Set([...Object.keys(node), ...Object.keys(w.stages?.stages ?? {})])];
  const stages = Object.fromEntries(stageNames.map((s) => [s, { node: node[s] ?? null, workerd: w.stages?.stages?.[s] ?? null }]));
  const workerPath = w.stages?.stages?.["worker path: parse → normalize → annotate → statements"];
  const rssGrowthMb = w.memory ? (w.memory.memory.peakKb - w.memory.memory.baselineKb) / 1024 : null;
  const probe = memoryModel?.roomy ?? memoryModel?.atTarget;
  const livePeakMb = probe?.stages.length ? Math.max(...probe.stages.map((s) => s.heapUsedMb + s.externalMb)) : undefined;

  const targets = [
    target(
      "end to end, CPU per 3 KB story (median)",
      workerPath?.cpu.median,
      TARGETS.e2eCpuMs,
      "ms",
      "workerd: the Worker's own work on a 1,000-story feed (parse → normalize → annotate → D1 statements), process CPU around in-isolate work; D1 runs outside the isolate on Cloudflare",
      w.ingest ? { measured: w.ingest.cpuPerStoryMs.median, basis: "whole workerd process during ingestFeed, local D1's SQLite and HTTP included" } : undefined,
    ),
    target("200 feeds × 50 stories, wall", w.cron ? w.cron.wallMs / 1000 : undefined, TARGETS.cronWallS, "s", "workerd: cron → local queue → consumer → D1, until the run is finished"),
    {
      ...target(
        "peak memory ingesting a 10 MB feed",
        livePeakMb,
        TARGETS.memoryMb,
        "MB",
        `Node model of the isolate: the Worker's path over the 10 MB feed; pass = it completes under --max-old-space-size=${HEAP_LIMIT_MB}; measured = largest live heap + external memory after a stage (full GC first)`,
        rssGrowthMb !== null ? { measured: rssGrowthMb, basis: "workerd process RSS growth over the ingest (local D1 included)" } : undefined,
      ),
      pass: memoryModel ? memoryModel.atTarget.completed : null,
    },
    target("flags, CPU per 5 KB story (median)", w.stages?.stages?.["flags (5 KB)"]?.cpu.median, TARGETS.flags5kMs, "ms", "workerd: 1,000 stories per round, process CPU"),
    // Judged on each story timed alone (a true per-story median), all workerd threads; bench/workerd/entity-parts.workerd.ts.
    w.entityParts?.perStory
      ? target(
          "entities, CPU per 3 KB story (median)",
          w.entityParts.perStory.entities.cpu.median,
          TARGETS.entitiesMs,
          "ms",
          `workerd: each of ${w.entityParts.perStory.entities.stories} stories timed alone (${w.entityParts.perStory.entities.reps} runs per bracket), all threads; main thread alone ${fmt(w.entityParts.perStory.entities.mainCpu.median)} ms; baseline rule tagger alone ${fmt(w.entityParts.perStory["baseline: rule tagger alone"].cpu.median)} ms`,
        )
      : target("entities, CPU per 3 KB story (median)", w.stages?.stages?.entities?.cpu.median, TARGETS.entitiesMs, "ms", "workerd: 1,000 stories per round, process CPU"),
    target("alert matching, CPU per new story, 1,000 alerts (median)", w.alerts?.inMemory.cpu.median, TARGETS.alertMatchMs, "ms", "workerd: in-memory filters of 1,000 compiled alerts over 1,000 stories per round, process CPU"),
    target("signature, CPU per 3 KB story (median)", w.stages?.stages?.["signature (3 KB)"]?.cpu.median, TARGETS.signature3kMs, "ms", "workerd: 1,000 cleaned 3 KB bodies per round, process CPU"),
    target(
      "D1 bytes per story, after (R2, compacted) / before (inline) (steady state)",
      storage?.ratioSteady,
      TARGETS.storageRatio,
      "ratio",
      "Node: bench/storage.ts, storeItems of 20,000 stories into migrated SQLite; dbstat after VACUUM; band keys pruned as the cron does after the 14-day window, in both",
    ),
    ...Object.entries(w.clusters?.runs ?? {}).map(([name, r]) =>
      target(`cluster lookups per chunk, ${name}`, r.lookups / w.clusters.chunks, 1, "queries", `workerd: D1 calls counted during storeItems of 1,000 stories (${w.clusters.chunks} chunks); all reads ${r.reads}, batches ${r.batches}`),
    ),
  ];

  const results = {
    commit,
    dirty,
    date: new Date().toISOString(),
    machine: { ...info, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    seconds: Math.round((Date.now() - started) / 1000),
    clock: w.stages ? { ...w.stages.clock, bracketOverheadMs: w.stages.bracketOverheadMs } : null,
    methods: {
      node: "process.cpuUsage() (user + system, all threads) around each story or each whole-feed run",
      workerd:
        "CPU of every workerd thread from /proc/<pid>/task/*/schedstat, read by the bench server before and after a batch of work; the readings are fetches, so the isolate's clock has moved when they return (it moves in whole ms); the empty bracket's cost is subtracted",
      memory: "workerd process RSS sampled every ms from /proc (and VmHWM): an upper bound on the isolate's heap; plus a Node model of the isolate under a V8 heap limit",
    },
    targets,
    stages,
    store: w.store,
    alerts: w.alerts,
    clusters: w.clusters,
    e2e: { ingest1000: w.ingest, cron200x50: w.cron, memory10mb: { workerd: w.memory, nodeModel: memoryModel } },
    api,
    ui,
    extract,
    storage,
    bodies: w.bodies,
    failures,
  };
  writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  if (!args.has("--no-history")) {
    const line = {
      commit,
      dirty,
      date: results.date,
      cpu: info.cpu,
      cores: info.cores,
      loadavg: info.loadavgAtStart[0],
      stages: Object.fromEntries(Object.entries(stages).map(([s, v]) => [s, { node: v.node?.median ?? null, workerd: v.workerd?.cpu.median ?? null }])),
      store: Object.fromEntries(Object.entries(w.store?.stores ?? {}).map(([s, v]) => [s, v.wall.median])),
      targets: Object.fromEntries(targets.map((t) => [t.name, { measured: t.measured ?? null, pass: t.pass }])),
    };
    appendFileSync(join(ROOT, "bench", "history.jsonl"), `${JSON.stringify(line)}\n`);
  }
  print(results);
  if (failures.length > 0) {
    log(`incomplete: ${failures.join("; ")}`);
    process.exitCode = 1;
  }
}

function print(r) {
  const out = [];
  out.push(`\nwirewatch bench — ${r.commit.slice(0, 10)}${r.dirty ? "+dirty" : ""}, ${r.date}`);
  out.push(`${r.machine.cores} × ${r.machine.cpu}, Node ${r.machine.node}, workerd ${r.machine.workerd}; load average ${r.machine.loadavgAtStart[0]} → ${r.machine.loadavgAtEnd[0]}; ${r.seconds} s`);
  if (r.clock) out.push(`workerd clock: ${r.clock.advancesDuringCpu ? "advances during pure CPU work" : "stands still during pure CPU work"}, step ${r.clock.resolutionMs} ms`);
  out.push("\nPer story, CPU ms (Node: each story timed alone; workerd: 1,000-story batches, per-story mean per round)");
  out.push(
    table(
      ["stage", "Node median", "Node p95", "workerd median", "workerd p95", "workerd wall"],
      Object.entries(r.stages).map(([s, v]) => [s, fmt(v.node?.median), fmt(v.node?.p95), fmt(v.workerd?.cpu.median), fmt(v.workerd?.cpu.p95), fmt(v.workerd?.wall.median)]),
    ),
  );
  if (r.store) {
    out.push(`\nD1 store per story, ms (workerd, local D1; ${fmt(r.store.statementsPerStory, 1)} statements per story in the batched path)`);
    out.push(table(["store", "wall median", "wall p95", "process CPU median"], Object.entries(r.store.stores).map(([s, v]) => [s, fmt(v.wall.median), fmt(v.wall.p95), fmt(v.cpu.median)])));
  }
  if (r.alerts) {
    const a = r.alerts;
    out.push(`\nAlert matching, ${a.alerts} active alerts (workerd; ${fmt(a.matchesPerRound / a.stories, 1)} in-memory matches per story on the bench feed)`);
    out.push(
      table(
        ["in memory, CPU ms per story", "median", "p95"],
        [
          ["compiled alerts (matchLanded's path)", fmt(a.inMemory.cpu.median), fmt(a.inMemory.cpu.p95)],
          ["baseline: filter parsed per check", fmt(a.baselineUncompiled.cpu.median), fmt(a.baselineUncompiled.cpu.p95)],
        ],
      ),
    );
    out.push(
      table(
        ["D1 per feed batch", "matches", "round trips", "statements", "wall ms", "baseline: query per alert (statements, wall ms)"],
        Object.values(a.batches).map((b) => [`${b.stories} new stories`, b.matches, b.roundTrips, b.statements, b.wallMs, `${b.baseline.statements}, ${b.baseline.wallMs}`]),
      ),
    );
  }
  if (r.clusters) {
    out.push(`\nD1 round trips per feed batch with clustering (workerd, local D1; 1,000 stories in ${r.clusters.chunks} chunks; baseline without clustering: ${r.clusters.baseline.knownStoryLookups} lookups + ${r.clusters.baseline.finalBatch} batch, one query per story would be ${r.clusters.baseline.onePerStory})`);
    out.push(table(["feed batch", "stories", "cluster lookups", "all reads", "batches", "statements in batches", "wall s"], Object.entries(r.clusters.runs).map(([s, v]) => [s, v.stories, v.lookups, v.reads, v.batches, v.statementsInBatches, fmt(v.wallMs / 1000, 2)])));
  }
  const e = r.e2e;
  const rows = [];
  if (e.ingest1000) {
    rows.push(["1 feed × 1,000 stories (ingestFeed)", fmt(e.ingest1000.wallMs.median / 1000, 2), fmt(e.ingest1000.itemsPerSecond.median, 0), fmt(e.ingest1000.cpuPerStoryMs.median), "—"]);
    rows.push(["  same feed again, unchanged", fmt(e.ingest1000.unchanged.wallMs / 1000, 2), fmt((1000 / e.ingest1000.unchanged.wallMs) * 1000, 0), fmt(e.ingest1000.unchanged.cpuPerStoryMs), "—"]);
  }
  if (e.cron200x50) {
    const m = e.cron200x50.memory;
    rows.push(["200 feeds × 50 (cron → queue → consumer)", fmt(e.cron200x50.wallMs / 1000, 2), fmt(e.cron200x50.itemsPerSecond, 0), fmt(e.cron200x50.cpuPerStoryMs), `${fmt(m.peakKb / 1024, 0)} (+${fmt((m.peakKb - m.baselineKb) / 1024, 0)})`]);
  }
  if (e.memory10mb.workerd) {
    const m = e.memory10mb.workerd.memory;
    rows.push([`10 MB feed, 1,000 stories (ingestFeed)`, fmt(e.memory10mb.workerd.wallMs / 1000, 2), fmt((1000 / e.memory10mb.workerd.wallMs) * 1000, 0), fmt(e.memory10mb.workerd.cpuPerStoryMs), `${fmt(m.peakKb / 1024, 0)} (+${fmt((m.peakKb - m.baselineKb) / 1024, 0)})`]);
  }
  out.push("\nEnd to end in workerd (CPU and RSS of the whole workerd process, local D1 included: upper bounds for the Worker)");
  out.push(table(["run", "wall s", "stories/s", "CPU ms/story", "peak RSS MB (growth)"], rows));
  const model = e.memory10mb.nodeModel;
  if (model) {
    const probe = model.roomy ?? model.atTarget;
    out.push(`\nLive heap of the Worker's path over the 10 MB feed (Node model, after a full GC per stage): ${probe.stages.map((s) => `${s.stage} ${fmt(s.heapUsedMb, 1)} MB`).join(", ")}`);
    out.push(`Completes under a ${model.atTarget.limitMb} MB V8 heap limit: ${model.atTarget.completed ? "yes" : "no"}`);
  }
  out.push("\nTargets");
  out.push(
    table(
      ["target", "limit", "measured", "result", "upper bound"],
      r.targets.map((t) => [t.name, t.target, fmt(t.measured, t.unit === "ms" ? 3 : 1), t.pass === null ? "NOT MEASURED" : t.pass ? "PASS" : "FAIL", t.upperBound ? fmt(t.upperBound.measured, t.unit === "ms" ? 3 : 1) : ""]),
    ),
  );
  if (r.api?.shapes) {
    out.push("\nAPI (bench/api/run.mjs; its own table is above)");
    out.push(
      table(
        ["shape", "wrangler dev p99 ms", "req/s", "floor ratio", "devtools off p99 ms", "req/s", "floor ratio", "result (dev, off)"],
        r.api.shapes.map((s) => [s.shape, s.wrangler.p99_ms, s.wrangler.req_per_s, s.floor_ratio, s.wrangler_devtools_off?.p99_ms, s.wrangler_devtools_off?.req_per_s, s.floor_ratio_devtools_off, s.extra ? "not a target" : `${s.pass ? "PASS" : "FAIL"}, ${s.pass_devtools_off ? "PASS" : "FAIL"}`]),
      ),
    );
    if (r.api.ceiling) out.push(`ceiling (constant ${r.api.ceiling.bytes}-byte body, no work): p99 ${r.api.ceiling.p99_ms} ms, ${r.api.ceiling.req_per_s} req/s`);
  }
  if (r.ui) out.push(`\nInterface (bench/ui/run.mjs): first page of stories ${fmt(r.ui.page.gzip / 1024, 1)} KB gzipped (${fmt(r.ui.page.raw / 1024, 1)} KB raw) against the API's ${fmt(r.ui.baseline.api_full.gzip / 1024, 1)} KB (${fmt(r.ui.baseline.api_full.raw / 1024, 1)} KB); target < ${r.ui.target_kb} KB: ${r.ui.pass ? "PASS" : "FAIL"}`);
  if (r.extract) {
    const x = r.extract;
    out.push(`\nArticle extraction, Node CPU ms per page (bench/extract.ts; ${x.pages} labelled pages, median ${fmt(x.bytes.median / 1024, 0)} KB; heavy page ${fmt(x.heavy.bytes / 1024, 0)} KB)`);
    out.push(
      table(
        ["step", "median", "p95", "heavy median", "heavy p95"],
        [
          ["extractPage (Readability on linkedom, metadata, walls)", fmt(x.extract.median), fmt(x.extract.p95), fmt(x.heavy.extract.median), fmt(x.heavy.extract.p95)],
          ["annotatePage (extract + blocks + annotate)", fmt(x.annotatePage.median), fmt(x.annotatePage.p95), fmt(x.heavy.annotatePage.median), fmt(x.heavy.annotatePage.p95)],
          ["baseline: htmlToText + annotate", fmt(x.baseline.median), fmt(x.baseline.p95), fmt(x.heavy.baseline.median), fmt(x.heavy.baseline.p95)],
        ],
      ),
    );
  }
  if (r.storage) {
    const s = r.storage;
    out.push(`\nD1 bytes per story (bench/storage.ts; ${s.stories} stories; bodies in R2: ${fmt(s.r2.bytesPerStory, 0)} compressed bytes per story)`);
    const names = [...new Set([...Object.keys(s.before.byObject), ...Object.keys(s.afterSteady.byObject)])].filter((k) => (s.before.byObject[k] ?? 0) >= 10 || (s.afterSteady.byObject[k] ?? 0) >= 10);
    out.push(
      table(
        ["table or index", "before (inline)", "after (R2, compacted)", "after, band keys pruned"],
        [
          ...names.map((k) => [k, fmt(s.before.byObject[k], 0), fmt(s.after.byObject[k], 0), fmt(s.afterSteady.byObject[k], 0)]),
          ["whole file", fmt(s.before.bytesPerStoryWithoutInlineIndex, 0), fmt(s.after.bytesPerStory, 0), fmt(s.afterSteady.bytesPerStory, 0)],
        ],
      ),
    );
    out.push(`before, band keys pruned: ${fmt(s.beforeSteadyBytesPerStory, 0)} B/story; ratio ${fmt(s.ratioSteady, 2)} (within the 14-day window ${fmt(s.ratio, 2)}); one 10 GB database holds ${s.storiesPer10GB} stories (was ${s.storiesPer10GBBefore})`);
  }
  if (r.bodies) {
    const b = r.bodies;
    out.push(`\nA page of 50 stories with content_html from R2 (workerd, local D1 and R2; ${b.pages} pages per pass), wall ms per page: D1 only (no content_html) median ${fmt(b.d1OnlyMs.median, 1)} p95 ${fmt(b.d1OnlyMs.p95, 1)}; cold R2 median ${fmt(b.coldMs.median, 1)} p95 ${fmt(b.coldMs.p95, 1)}; warm (cached) median ${fmt(b.warmMs.median, 1)} p95 ${fmt(b.warmMs.p95, 1)}`);
  }
  process.stdout.write(`${out.join("\n")}\n\nWritten: bench/results.json${args.has("--no-history") ? "" : ", bench/history.jsonl (appended)"}\n`);
}

main();
