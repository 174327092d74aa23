#!/usr/bin/env node
/**
 * `npm start`: the whole pipeline on this machine, offline.
 *   1. applies the D1 migrations to the local database (.wrangler/state),
 *   2. serves the bundled demo feeds (fixtures/feeds) on 127.0.0.1,
 *   3. starts `wrangler dev --local --test-scheduled` with private feeds allowed and a local admin token,
 *   4. registers the demo feeds, triggers the cron once and waits until every feed has been fetched,
 *   5. prints what to try next. Ctrl-C stops everything it started.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join } from "node:path";

const PORT = Number(process.env.PORT ?? 8787);
const FEED_PORT = Number(process.env.FEED_PORT ?? 8788);
const FEEDS_DIR = join(process.cwd(), "fixtures", "feeds");
const API = `http://127.0.0.1:${PORT}`;
const isDemoFeed = (f) => /^(demo-.*|seed)\.(xml|json)$/.test(f);

function adminToken() {
  if (existsSync(".dev.vars")) {
    const line = readFileSync(".dev.vars", "utf8").split("\n").find((l) => l.startsWith("ADMIN_TOKEN="));
    if (line) return line.slice("ADMIN_TOKEN=".length).trim().replace(/^"|"$/g, "");
  }
  return `local-${randomBytes(12).toString("hex")}`;
}

function log(msg) {
  process.stdout.write(`\x1b[36m[wirewatch]\x1b[0m ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

const children = [];
let feedServer;
function shutdown(code) {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  feedServer?.close();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

async function main() {
  log("applying D1 migrations to the local database");
  const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CI: "true" },
  });
  if (migrate.status !== 0) throw new Error("migrations failed");

  const files = readdirSync(FEEDS_DIR).filter(isDemoFeed).sort();
  feedServer = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.slice(1));
    if (!files.includes(name)) return void res.writeHead(404).end();
    const body = await readFile(join(FEEDS_DIR, name));
    res.writeHead(200, { "content-type": extname(name) === ".json" ? "application/feed+json" : "application/xml" }).end(body);
  });
  await new Promise((resolve, reject) => feedServer.once("error", reject).listen(FEED_PORT, "127.0.0.1", resolve));
  log(`serving ${files.length} demo feeds on http://127.0.0.1:${FEED_PORT}/`);

  const token = adminToken();
  const dev = spawn(
    "npx",
    ["wrangler", "dev", "--local", "--test-scheduled", "--port", String(PORT), "--ip", "127.0.0.1",
      "--var", "ALLOW_PRIVATE_FEEDS:true", "--var", `ADMIN_TOKEN:${token}`],
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  children.push(dev);
  dev.on("exit", (code) => {
    log(`wrangler dev exited (${code})`);
    shutdown(code ?? 1);
  });
  await waitFor("wrangler dev", async () => (await fetch(`${API}/v1/health`)).ok, 60_000);

  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const file of files) {
    const res = await fetch(`${API}/v1/feeds`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: `http://127.0.0.1:${FEED_PORT}/${file}` }),
    });
    if (res.status !== 201 && res.status !== 409) throw new Error(`registering ${file}: ${res.status} ${await res.text()}`);
  }

  // A second `npm start` finds the feeds of the first in its local D1: only those due now are fetched by the
  // cron, so only those are waited for.
  const before = Date.now();
  const registered = (await (await fetch(`${API}/v1/feeds`)).json()).feeds;
  const due = new Set(registered.filter((f) => !f.paused && (!f.next_fetch_at || Date.parse(f.next_fetch_at) <= before)).map((f) => f.id));
  log(`triggering the cron (GET /__scheduled): ${due.size} of ${registered.length} feeds due`);
  await fetch(`${API}/__scheduled?cron=${encodeURIComponent("*/5 * * * *")}`);
  if (due.size > 0) {
    await waitFor(
      "the first ingest",
      async () => {
        const { feeds } = await (await fetch(`${API}/v1/feeds`)).json();
        return feeds.filter((f) => due.has(f.id)).every((f) => f.last_fetched_at && Date.parse(f.last_fetched_at) >= before - 1000);
      },
      60_000,
    );
  } else {
    log("every feed was fetched by an earlier run and is not due yet; POST /v1/ingest?force=true fetches them now");
  }
  const { feeds } = await (await fetch(`${API}/v1/feeds`)).json();
  for (const f of feeds) log(`  feed ${f.id} ${f.status.padEnd(5)} ${String(f.story_count).padStart(3)} stories  ${f.title ?? f.url}`);

  process.stdout.write(`
wirewatch is running at ${API}  (admin token: ${token})

Try:
  curl '${API}/v1/stories?limit=5'
  curl '${API}/v1/stories?flag=unedited&flag=syndicated'
  curl '${API}/v1/stories?entity=Haiti&no_flag=syndicated'
  curl '${API}/v1/stories?wire=PTI'
  curl '${API}/v1/entities?type=person&limit=10'
  curl -X POST -H 'authorization: Bearer ${token}' '${API}/v1/ingest?force=true'
  curl '${API}/__scheduled?cron=*/5+*+*+*+*'          # run the cron again

Ctrl-C stops everything.
`);
}

main().catch((err) => {
  console.error(`[wirewatch] start failed: ${err.message}`);
  shutdown(1);
});
