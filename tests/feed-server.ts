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
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
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
