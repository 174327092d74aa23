/**
 * The pieces of a local wirewatch, shared by `npm start` (scripts/start.mjs) and the browser tests
 * (tests/browser): migrate a local D1, serve feed files over HTTP, start `wrangler dev`, register feeds and
 * wait for an ingest pass. Each returns what it started so that the caller can stop it.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { extname, join } from "node:path";

export const FEEDS_DIR = join(process.cwd(), "fixtures", "feeds");
export const isDemoFeed = (f) => /^(demo-.*|seed)\.(xml|json)$/.test(f);
export const CRON = "*/5 * * * *";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what, check, timeoutMs) {
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

/** A port nobody listens on now: the OS picks it, we release it for the child to take. */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Applies the migrations to the local D1 (in `persistTo`, else .wrangler/state). Throws when they fail. */
export function migrate({ persistTo, stdio = "inherit" } = {}) {
  const res = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])], {
    stdio: ["ignore", stdio, stdio],
    env: { ...process.env, CI: "true" },
  });
  if (res.status !== 0) throw new Error("migrations failed");
}

/** Serves `files` of FEEDS_DIR on 127.0.0.1:`port` (0: any free port). Resolves to { server, url }. */
export async function serveFeeds(files, port = 0) {
  const server = createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname.slice(1));
    if (!files.includes(name)) return void res.writeHead(404).end();
    const body = await readFile(join(FEEDS_DIR, name));
    res.writeHead(200, { "content-type": extname(name) === ".json" ? "application/feed+json" : "application/xml" }).end(body);
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/**
 * `wrangler dev --local --test-scheduled` with private feeds allowed and `token` as ADMIN_TOKEN, in its own
 * process group (so that stopDev ends workerd too). Resolves once /v1/health answers.
 */
export async function startDev({ port, token, persistTo, inspectorPort, stdio = "inherit", timeoutMs = 90_000 }) {
  const args = ["wrangler", "dev", "--local", "--test-scheduled", "--port", String(port), "--ip", "127.0.0.1",
    "--var", "ALLOW_PRIVATE_FEEDS:true", "--var", `ADMIN_TOKEN:${token}`];
  if (persistTo) args.push("--persist-to", persistTo);
  // Two dev servers on one machine would otherwise both want the default inspector port.
  if (inspectorPort) args.push("--inspector-port", String(inspectorPort));
  const child = spawn("npx", args, { stdio: ["ignore", stdio, stdio], detached: true });
  const api = `http://127.0.0.1:${port}`;
  let exited = null;
  child.once("exit", (code) => (exited = code ?? 1));
  await waitFor("wrangler dev", async () => {
    if (exited !== null) throw new Error(`wrangler dev exited (${exited}) before it was up`);
    return (await fetch(`${api}/v1/health`)).ok;
  }, timeoutMs).catch((err) => {
    stopDev(child);
    throw err;
  });
  return { child, api };
}

export function stopDev(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Registers each feed URL (an already registered one is fine). */
export async function registerFeeds(api, token, urls) {
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const url of urls) {
    const res = await fetch(`${api}/v1/feeds`, { method: "POST", headers: auth, body: JSON.stringify({ url }) });
    if (res.status !== 201 && res.status !== 409) throw new Error(`registering ${url}: ${res.status} ${await res.text()}`);
  }
}

/**
 * Triggers the cron once and waits until every feed that was due has been fetched. Only due feeds are waited
 * for: a second `npm start` finds the feeds of the first in its D1, not yet due. Resolves to the due count.
 */
export async function ingestDue(api, { timeoutMs = 60_000 } = {}) {
  const before = Date.now();
  const registered = (await (await fetch(`${api}/v1/feeds`)).json()).feeds;
  const due = new Set(registered.filter((f) => !f.paused && (!f.next_fetch_at || Date.parse(f.next_fetch_at) <= before)).map((f) => f.id));
  await fetch(`${api}/__scheduled?cron=${encodeURIComponent(CRON)}`);
  if (due.size > 0) {
    await waitFor(
      "the first ingest",
      async () => {
        const { feeds } = await (await fetch(`${api}/v1/feeds`)).json();
        return feeds.filter((f) => due.has(f.id)).every((f) => f.last_fetched_at && Date.parse(f.last_fetched_at) >= before - 1000);
      },
      timeoutMs,
    );
  }
  return { due: due.size, registered: registered.length };
}
