/**
 * A real HTTP feed server on 127.0.0.1 for the tests (vitest globalSetup, runs in Node).
 * The Worker under test fetches from it exactly as it would from a publisher.
 *
 *   GET  /fixtures/<path>          a file under fixtures/, with ETag and Last-Modified; honours conditional GET
 *   PUT  /mutable/<name>           store a body (Content-Type kept) that later GETs of /mutable/<name> serve
 *   GET  /mutable/<name>           the stored body, with ETag; 404 until PUT
 *   DELETE /mutable/<name>         forget it (the feed "goes away")
 *   GET  /status/<code>            an empty response with that status (?retry-after=S adds Retry-After)
 *   GET  /redirect/<n>/<target>    n redirect hops (301), then 302 to /<target>
 *   GET  /loop                     redirects to itself forever
 *   GET  /slow                     sends a little of a feed, then stalls (?ms=, default 60 s)
 *   GET  /reset                    destroys the connection
 *   GET  /gzip/<path>              a fixture served with Content-Encoding: gzip
 *   GET  /hits/<name>              how many requests /mutable/<name> has had, as JSON
 *   GET  /echo-headers             the request's headers, as JSON
 *   GET  /respond/<code>?h=v&...   a response with that status and each query pair as a header (a tiny feed for 2xx)
 *   GET  /large/<bytes>            that many bytes of whitespace, streamed in chunks (?declared=1 sends Content-Length)
 *   GET  /large-gzip/<bytes>       the same body gzip-compressed, with Content-Encoding: gzip
 *   GET  /drip                     a body that never ends: one byte every ?every= ms (default 50), for at most 60 s
 *
 * Hostile inputs and reporting (tests/hostile), generated here so that nothing large is committed:
 *   PUT  /alias/<name>             store a path on this server; GET /alias/<name> then answers 302 to it, so one
 *                                  registered feed URL can turn from good to hostile between passes
 *   GET  /hostile/big-feed?mb=     a well-formed RSS feed of that many MB of 1 KB items, streamed
 *   GET  /hostile/gzip-bomb?gb=    gzip (Content-Encoding) of an RSS feed padded to that many GB, compressed as sent
 *   GET  /hostile/many-items?n=    an RSS feed of n items of about 50 bytes
 *   GET  /hostile/huge-title?bytes= one item whose title is that many bytes
 *   GET  /hostile/deep?depth=      one item holding elements nested that deep
 *   GET  /hostile/rotating/<name>  three items whose GUIDs change on every request (titles and links stay)
 *   GET  /hostile/memory           RSS and peak RSS (VmHWM) of the workerd processes this test run started
 *   POST /hostile/record           append one JSON record to this run's hostile report (see scripts/hostile-report.mjs)
 *
 * Full articles (issue 13). robots.txt belongs to an origin, so it is kept per Host header: the tests reach
 * this one server as 127.0.0.1 and as localhost, two origins with a robots.txt each.
 *   GET  /reset-once/<name>        destroys the first connection for <name>, then serves a tiny feed
 *   PUT  /robots-for/<host:port>   store the robots.txt that GET /robots.txt serves to that Host (?status=N answers N)
 *   GET  /robots.txt               the Host's stored robots.txt, else 404
 *   GET  /site/<site>/hits         the requests each path under the site has had, as JSON, with their times
 *   GET  /site/<site>/<path>       the stored body (PUT /site/<site>/<path> with a Content-Type) or 404;
 *                                  ?status=N&retry-after=S answers N with Retry-After once, then the body
 */
import { createHash } from "node:crypto";
import { appendFile, mkdir, readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { createGzip, gzipSync } from "node:zlib";
import type { TestProject } from "vitest/node";

const FIXTURES = join(process.cwd(), "fixtures");
const LAST_MODIFIED = "Tue, 12 Mar 2024 06:00:00 GMT";

/** A small valid feed for the routes that only shape headers. */
const TINY_FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Tiny</title></channel></rss>';
/** 64 KiB of whitespace: what /large repeats. */
const FILLER = Buffer.alloc(64 * 1024, " ");

const mutable = new Map<string, { body: Buffer; type: string }>();
const hits = new Map<string, number>();

function contentType(path: string): string {
  if (path.endsWith(".json")) return "application/feed+json";
  if (path.endsWith(".html")) return "text/html; charset=utf-8";
  if (path.endsWith(".opml")) return "text/x-opml";
  return "application/xml";
}

function etagOf(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Waits for room to write; a client that gives up closes the socket, which ends the wait "drain" never would. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

/** Serves a body with validators; answers 304 when the client already has it. */
function serveWithValidators(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string): void {
  const etag = etagOf(body);
  // RFC 9110 §13.1.3: when If-None-Match is present, If-Modified-Since is ignored.
  const inm = req.headers["if-none-match"];
  if (inm !== undefined ? inm === etag : req.headers["if-modified-since"] === LAST_MODIFIED) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { "content-type": type, etag, "last-modified": LAST_MODIFIED }).end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const [, route = "", ...rest] = url.pathname.split("/");
  const tail = decodeURIComponent(rest.join("/"));

  switch (route) {
    case "fixtures":
    case "gzip": {
      const path = normalize(join(FIXTURES, tail));
      if (!path.startsWith(FIXTURES)) return void res.writeHead(403).end();
      const body = await readFile(path).catch(() => null);
      if (!body) return void res.writeHead(404).end();
      if (route === "gzip") {
        res.writeHead(200, { "content-type": contentType(path), "content-encoding": "gzip" }).end(gzipSync(body));
        return;
      }
      return serveWithValidators(req, res, body, contentType(path));
    }
    case "mutable": {
      if (req.method === "PUT") {
        mutable.set(tail, { body: await readBody(req), type: req.headers["content-type"] ?? "application/xml" });
        return void res.writeHead(204).end();
      }
      if (req.method === "DELETE") {
        mutable.delete(tail);
        return void res.writeHead(204).end();
      }
      hits.set(tail, (hits.get(tail) ?? 0) + 1);
      const entry = mutable.get(tail);
      if (!entry) return void res.writeHead(404, { "content-type": "text/plain" }).end("gone");
      return serveWithValidators(req, res, entry.body, entry.type);
    }
    case "hits":
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ hits: hits.get(tail) ?? 0 }));
    case "status": {
      const headers: Record<string, string> = {};
      const retryAfter = url.searchParams.get("retry-after");
      if (retryAfter) headers["retry-after"] = retryAfter;
      return void res.writeHead(Number(rest[0]) || 500, headers).end();
    }
    case "redirect": {
      const n = Number(rest[0]);
      const target = rest.slice(1).join("/");
      const location = n > 0 ? `/redirect/${n - 1}/${target}` : `/${target}`;
      return void res.writeHead(n > 0 ? 301 : 302, { location }).end();
    }
    case "loop":
      return void res.writeHead(302, { location: "/loop" }).end();
    case "slow": {
      res.writeHead(200, { "content-type": "application/xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>');
      const timer = setTimeout(() => res.end("</channel></rss>"), Number(url.searchParams.get("ms") ?? 60_000));
      res.on("close", () => clearTimeout(timer));
      return;
    }
    case "reset":
      return void req.socket.destroy();
    case "echo-headers":
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers));
    case "respond": {
      const status = Number(rest[0]) || 200;
      const headers = Object.fromEntries(url.searchParams);
      const ok = status >= 200 && status < 300;
      if (ok) headers["content-type"] ??= "application/rss+xml";
      return void res.writeHead(status, headers).end(ok ? TINY_FEED : undefined);
    }
    case "large": {
      const size = Number(rest[0]) || 0;
      const headers: Record<string, string | number> = { "content-type": "application/xml" };
      if (url.searchParams.get("declared")) headers["content-length"] = size;
      res.writeHead(200, headers);
      for (let sent = 0; sent < size; sent += FILLER.length) {
        const chunk = FILLER.subarray(0, Math.min(FILLER.length, size - sent));
        if (!res.write(chunk)) await drainedOrClosed(res);
        if (res.destroyed) return;
      }
      return void res.end();
    }
    case "large-gzip": {
      const body = gzipSync(Buffer.alloc(Number(rest[0]) || 0, " "));
      return void res.writeHead(200, { "content-type": "application/xml", "content-encoding": "gzip" }).end(body);
    }
    case "drip": {
      const every = Number(url.searchParams.get("every") ?? 50);
      res.writeHead(200, { "content-type": "application/xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const timer = setInterval(() => res.write(" "), every);
      const stop = setTimeout(() => res.end("</channel></rss>"), 60_000);
      res.on("close", () => {
        clearInterval(timer);
        clearTimeout(stop);
      });
      return;
    }
    case "reset-once":
    case "robots-for":
    case "robots.txt":
    case "site":
      return articleRoute(req, res, route, rest, url);
    case "alias":
      return aliasRoute(req, res, tail);
    case "hostile":
      return hostileRoute(req, res, rest, url);
    default:
      return void res.writeHead(404).end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("feedServer", `http://127.0.0.1:${port}`);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

// ── hostile inputs and reporting (tests/hostile) ────────────────────────────────────────────────────────

const aliases = new Map<string, string>();
const rotations = new Map<string, number>();
/** One report file per test run: the report script reads the newest. */
const HOSTILE_REPORT_DIR = join(tmpdir(), "wirewatch-hostile");
const HOSTILE_REPORT_FILE = join(HOSTILE_REPORT_DIR, `run-${Date.now()}-${process.pid}.jsonl`);

async function aliasRoute(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method === "PUT") {
    aliases.set(name, (await readBody(req)).toString("utf8"));
    return void res.writeHead(204).end();
  }
  const target = aliases.get(name);
  if (!target) return void res.writeHead(404).end();
  res.writeHead(302, { location: target }).end();
}

const GENERATED_HEAD = (title: string) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>https://generated.example/</link>`;
const GENERATED_TAIL = "</channel></rss>";

function generatedItem(prefix: string, i: number, padding = 0): string {
  return (
    `<item><title>Generated story ${i}</title><link>https://generated.example/${prefix}/${i}</link><guid>${prefix}-${i}</guid>` +
    `<description>Story ${i} of a generated feed, reported from Lagos.${" ".repeat(padding)}</description></item>`
  );
}

/** Writes chunks from `next` until it returns null or the client goes away, honouring backpressure. */
async function streamChunks(res: ServerResponse, sink: NodeJS.WritableStream, next: () => string | Buffer | null): Promise<void> {
  for (let chunk = next(); chunk !== null; chunk = next()) {
    if (res.destroyed) return;
    if (!sink.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          sink.removeListener("drain", done);
          res.removeListener("close", done);
          resolve();
        };
        sink.on("drain", done);
        res.on("close", done);
      });
    }
  }
  if (!res.destroyed) sink.end();
}

/** Item chunks of about 64 KB until `totalBytes`, then the closing tags. */
function sizedFeed(prefix: string, totalBytes: number): () => string | null {
  let sent = 0;
  let i = 0;
  let closed = false;
  return function nextChunk() {
    if (closed) return null;
    if (sent >= totalBytes) {
      closed = true;
      return GENERATED_TAIL;
    }
    let chunk = sent === 0 ? GENERATED_HEAD(`Generated ${prefix}`) : "";
    while (chunk.length < 64 * 1024) chunk += generatedItem(prefix, i++, 900);
    sent += chunk.length;
    return chunk;
  };
}

function countedFeed(prefix: string, count: number): () => string | null {
  let i = 0;
  let stage: "head" | "items" | "done" = "head";
  return function nextChunk() {
    if (stage === "head") {
      stage = "items";
      return GENERATED_HEAD(`Generated ${prefix}`);
    }
    if (stage === "done") return null;
    if (i >= count) {
      stage = "done";
      return GENERATED_TAIL;
    }
    const parts: string[] = [];
    // Small items, so that 100,000 of them stay under the fetch cap and reach the parser.
    for (const end = Math.min(count, i + 1000); i < end; i++) parts.push(`<item><title>Item ${i}</title><guid>${prefix}-${i}</guid></item>`);
    return parts.join("");
  };
}

/** Kilobytes of VmRSS and VmHWM (peak) for each workerd process descended from this one. */
async function workerdMemory(): Promise<{ pid: number; rssKb: number; peakKb: number }[]> {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of await readdir("/proc").catch(() => [])) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
    const match = stat && /^\d+ \((.*)\) \S (\d+)/.exec(stat);
    if (!match) continue;
    names.set(pid, match[1]!);
    parents.set(pid, Number(match[2]));
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  const result = [];
  for (const [pid, name] of names) {
    if (!name.startsWith("workerd") || !descends(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
    result.push({ pid, rssKb: kb("VmRSS"), peakKb: kb("VmHWM") });
  }
  return result;
}

async function hostileRoute(req: IncomingMessage, res: ServerResponse, rest: string[], url: URL): Promise<void> {
  const param = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
  switch (rest[0]) {
    case "big-feed":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return streamChunks(res, res, sizedFeed("big", param("mb", 30) * 1024 * 1024));
    case "gzip-bomb": {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
      const gzip = createGzip({ level: 9 });
      gzip.pipe(res);
      res.on("close", () => gzip.destroy());
      const padding = Buffer.alloc(1024 * 1024, " ");
      const total = param("gb", 10) * 1024;
      let sent = -1;
      return streamChunks(res, gzip, () => {
        sent++;
        if (sent === 0) return GENERATED_HEAD("Bomb") + generatedItem("bomb", 0);
        if (sent <= total) return padding;
        return sent === total + 1 ? GENERATED_TAIL : null;
      });
    }
    case "many-items":
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return streamChunks(res, res, countedFeed("many", param("n", 100_000)));
    case "huge-title": {
      const title = "T".repeat(param("bytes", 1024 * 1024));
      const body = `${GENERATED_HEAD("Huge title")}<item><title>${title}</title><guid>huge-title-1</guid><description>A story with a very long title, from Lagos.</description></item>${GENERATED_TAIL}`;
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
    }
    case "deep": {
      const depth = param("depth", 10_000);
      const nested = `${"<a>".repeat(depth)}deep${"</a>".repeat(depth)}`;
      const body = `${GENERATED_HEAD("Deep")}<item><title>Deep</title><guid>deep-1</guid><x>${nested}</x></item>${GENERATED_TAIL}`;
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
    }
    case "rotating": {
      const name = rest.slice(1).join("/");
      const round = (rotations.get(name) ?? 0) + 1;
      rotations.set(name, round);
      // Same titles, links and bodies every time: only the GUIDs move, as with a CMS that stamps a fresh id per render.
      const items = [0, 1, 2]
        .map((k) => generatedItem(name, k).replace(`<guid>${name}-${k}</guid>`, `<guid>${name}-${k}-round${round}</guid>`))
        .join("");
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(`${GENERATED_HEAD("Rotating")}${items}${GENERATED_TAIL}`);
    }
    case "memory":
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(await workerdMemory()));
    case "record": {
      const record = JSON.parse((await readBody(req)).toString("utf8")) as unknown;
      await mkdir(HOSTILE_REPORT_DIR, { recursive: true });
      await appendFile(HOSTILE_REPORT_FILE, `${JSON.stringify(record)}\n`);
      return void res.writeHead(204).end();
    }
    default:
      return void res.writeHead(404).end();
  }
}

// ── full articles (issue 13) ────────────────────────────────────────────────────────────────────────────

const resetOnce = new Set<string>();
const sitePages = new Map<string, { body: Buffer; type: string; status: number | null; retryAfter: string | null }>();
const siteHits = new Map<string, { path: string; at: number }[]>();

async function articleRoute(req: IncomingMessage, res: ServerResponse, route: string, rest: string[], url: URL): Promise<void> {
  if (route === "reset-once") {
    const name = rest.join("/");
    if (!resetOnce.has(name)) {
      resetOnce.add(name);
      return void req.socket.destroy();
    }
    return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(TINY_FEED);
  }
  if (route === "robots-for" || route === "robots.txt") {
    const host = route === "robots.txt" ? (req.headers.host ?? "") : rest.join("/");
    const key = `robots ${host}`;
    if (req.method === "PUT") {
      const status = url.searchParams.get("status");
      sitePages.set(key, { body: await readBody(req), type: "text/plain", status: status ? Number(status) : null, retryAfter: null });
      return void res.writeHead(204).end();
    }
    siteHits.set(key, [...(siteHits.get(key) ?? []), { path: "robots.txt", at: Date.now() }]);
    const robots = sitePages.get(key);
    if (!robots) return void res.writeHead(404).end();
    if (robots.status !== null) return void res.writeHead(robots.status).end();
    return void res.writeHead(200, { "content-type": "text/plain" }).end(robots.body);
  }
  const [site = "", ...pathParts] = rest.map((part) => decodeURIComponent(part));
  const path = pathParts.join("/");
  if (path === "hits") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(siteHits.get(site) ?? []));
  const key = `${site}/${path}`;
  if (req.method === "PUT") {
    const status = url.searchParams.get("status");
    sitePages.set(key, {
      body: await readBody(req),
      type: req.headers["content-type"] ?? "text/html; charset=utf-8",
      status: status ? Number(status) : null,
      retryAfter: url.searchParams.get("retry-after"),
    });
    return void res.writeHead(204).end();
  }
  siteHits.set(site, [...(siteHits.get(site) ?? []), { path, at: Date.now() }]);
  const page = sitePages.get(key);
  if (!page) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  if (page.status !== null) {
    const status = page.status;
    const headers: Record<string, string> = {};
    if (page.retryAfter) headers["retry-after"] = page.retryAfter;
    // A throttling answer is given once; the next request gets the page.
    page.status = null;
    return void res.writeHead(status, headers).end();
  }
  res.writeHead(200, { "content-type": page.type }).end(page.body);
}
