#!/usr/bin/env node
/**
 * `npm start`: the whole pipeline on this machine, offline.
 *   1. applies the D1 migrations to the local database (.wrangler/state),
 *   2. serves the bundled demo feeds (fixtures/feeds) on 127.0.0.1,
 *   3. starts `wrangler dev --local --test-scheduled` with private feeds allowed and a local admin token,
 *   4. registers the demo feeds, triggers the cron once and waits until every feed has been fetched,
 *   5. prints the editors' interface address, then what to try next. Ctrl-C stops everything it started.
 * The steps themselves live in scripts/local-stack.mjs, shared with the browser tests.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { FEEDS_DIR, ingestDue, isDemoFeed, migrate, registerFeeds, serveFeeds, startDev, stopDev } from "./local-stack.mjs";

const PORT = Number(process.env.PORT ?? 8787);
const FEED_PORT = Number(process.env.FEED_PORT ?? 8788);

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

let dev;
let feedServer;
function shutdown(code) {
  if (dev) stopDev(dev);
  feedServer?.close();
  process.exit(code);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

async function main() {
  log("applying D1 migrations to the local database");
  migrate();

  const files = readdirSync(FEEDS_DIR).filter(isDemoFeed).sort();
  const feeds = await serveFeeds(files, FEED_PORT);
  feedServer = feeds.server;
  log(`serving ${files.length} demo feeds on ${feeds.url}/`);

  const token = adminToken();
  const started = await startDev({ port: PORT, token, timeoutMs: 60_000 });
  dev = started.child;
  const API = started.api;
  dev.on("exit", (code) => {
    log(`wrangler dev exited (${code})`);
    shutdown(code ?? 1);
  });

  await registerFeeds(API, token, files.map((file) => `${feeds.url}/${file}`));
  log("triggering the cron (GET /__scheduled)");
  const { due, registered } = await ingestDue(API);
  log(`${due} of ${registered} feeds were due and have been fetched`);
  if (due === 0) log("every feed was fetched by an earlier run and is not due yet; POST /v1/ingest?force=true fetches them now");
  const { feeds: list } = await (await fetch(`${API}/v1/feeds`)).json();
  for (const f of list) log(`  feed ${f.id} ${f.status.padEnd(5)} ${String(f.story_count).padStart(3)} stories  ${f.title ?? f.url}`);

  process.stdout.write(`
The editors' interface: ${API}/   (log in to manage feeds with the admin token below)

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
