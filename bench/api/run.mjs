/**
 * API latency bench (issue 6): seeds a local D1 with 100,000 stories and 1,000,000 story–entity links, then
 * drives `wrangler dev` and the floor (bench/api/floor.mjs: node:http + better-sqlite3 running the same
 * store code on a copy of the same file) with autocannon at 32 connections, one query shape at a time.
 * Targets: p99 ≤ 50 ms per shape, and wrangler's throughput within 3× of the floor's.
 * Runs alone (`node bench/api/run.mjs`) or from bench/run.mjs (runApiBench); writes bench/api/results.json.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { pickShapes, seedArchive } from "./seed.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CONNECTIONS = 32;
const WARMUP_S = 2;
const DURATION_S = 8;
const TARGET_P99_MS = 50;
const TARGET_FLOOR_RATIO = 3;

function findSqlite(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = findSqlite(path);
      if (found) return found;
    } else if (name.endsWith(".sqlite") && name !== "metadata.sqlite") {
      return path;
    }
  }
  return null;
}

async function waitForHealth(base, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench/api: server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`bench/api: ${base} did not answer within ${timeoutMs} ms`);
}

function start(command, args, log) {
  const child = spawn(command, args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  return child;
}

function stop(child) {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

function load(url, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(base, path) {
  await load(base + path, WARMUP_S);
  const r = await load(base + path, DURATION_S);
  return {
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    req_per_s: Math.round(r.requests.average),
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Both servers must give the same page for a shape, or the comparison means nothing. */
async function samePage(wrangler, floor, path) {
  const [a, b] = await Promise.all([wrangler, floor].map(async (base) => (await (await fetch(base + path)).json()).stories.map((s) => s.id)));
  if (a.length === 0 || JSON.stringify(a) !== JSON.stringify(b)) {
    throw new Error(`bench/api: ${path} gives different pages (${a.length} vs ${b.length} stories)`);
  }
  return a.length;
}

export async function runApiBench({ port = 8797, floorPort = 8798 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "wirewatch-bench-api-"));
  const logs = { wrangler: [], floor: [] };
  let wrangler;
  let floor;
  try {
    const t0 = Date.now();
    execFileSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], {
      cwd: ROOT, stdio: "pipe", env: { ...process.env, CI: "true" },
    });
    const file = findSqlite(join(dir, "v3", "d1"));
    if (!file) throw new Error(`bench/api: no D1 SQLite file under ${dir}`);
    const seeded = seedArchive(file);
    const floorFile = join(dir, "floor.sqlite");
    copyFileSync(file, floorFile);
    const { shapes, counts } = pickShapes(floorFile);
    console.log(`bench/api: seeded ${seeded.stories} stories, ${seeded.links} story–entity links in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    wrangler = start("npx", ["wrangler", "dev", "--local", "--persist-to", dir, "--port", String(port), "--ip", "127.0.0.1", "--log-level", "error"], logs.wrangler);
    floor = start(process.execPath, ["--import", "tsx", "bench/api/floor.mjs", floorFile, String(floorPort)], logs.floor);
    const bases = { wrangler: `http://127.0.0.1:${port}`, floor: `http://127.0.0.1:${floorPort}` };
    await Promise.all([waitForHealth(bases.wrangler, wrangler), waitForHealth(bases.floor, floor)]);

    const rows = [];
    for (const shape of shapes) {
      const stories = await samePage(bases.wrangler, bases.floor, shape.path);
      const w = await measure(bases.wrangler, shape.path);
      const f = await measure(bases.floor, shape.path);
      const ratio = f.req_per_s / Math.max(w.req_per_s, 1);
      const pass = w.p99_ms <= TARGET_P99_MS && ratio <= TARGET_FLOOR_RATIO && w.non_2xx === 0 && w.errors === 0;
      rows.push({ shape: shape.name, path: shape.path, stories, wrangler: w, floor: f, floor_ratio: Number(ratio.toFixed(2)), pass });
    }

    const pad = (v, n) => String(v).padStart(n);
    console.log(`\nAPI bench: ${CONNECTIONS} connections, ${DURATION_S} s per shape (after ${WARMUP_S} s warm-up); targets p99 ≤ ${TARGET_P99_MS} ms, floor/wrangler ≤ ${TARGET_FLOOR_RATIO}×`);
    console.log(`${"shape".padEnd(18)} | ${"wrangler p50".padStart(12)} ${"p99".padStart(6)} ${"req/s".padStart(7)} | ${"floor p50".padStart(9)} ${"p99".padStart(6)} ${"req/s".padStart(7)} | ratio | result`);
    for (const r of rows) {
      console.log(
        `${r.shape.padEnd(18)} | ${pad(r.wrangler.p50_ms, 9)} ms ${pad(r.wrangler.p99_ms, 6)} ${pad(r.wrangler.req_per_s, 7)} | ${pad(r.floor.p50_ms, 6)} ms ${pad(r.floor.p99_ms, 6)} ${pad(r.floor.req_per_s, 7)} | ${pad(r.floor_ratio.toFixed(2), 5)} | ${r.pass ? "PASS" : "FAIL"}`,
      );
    }
    const result = {
      when: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
      archive: { ...seeded, entities: 20_000, popular_entity_stories: counts.popular, mid_entity_stories: counts.mid, fts_term_matches: counts.term },
      connections: CONNECTIONS,
      duration_s: DURATION_S,
      targets: { p99_ms: TARGET_P99_MS, floor_ratio: TARGET_FLOOR_RATIO },
      shapes: rows,
      pass: rows.every((r) => r.pass),
    };
    writeFileSync(join(ROOT, "bench", "api", "results.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nAPI bench: ${result.pass ? "PASS" : "FAIL"} (bench/api/results.json)`);
    return result;
  } catch (err) {
    console.error(logs.wrangler.join("").slice(-3000), logs.floor.join("").slice(-2000));
    throw err;
  } finally {
    stop(wrangler);
    stop(floor);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runApiBench();
  process.exitCode = result.pass ? 0 : 1;
}
