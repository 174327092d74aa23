/**
 * Interface bench (issue 15): what the first page of stories costs over the wire and to serve, beside the API's
 * own first page of the same stories as the baseline, in the same run against the same `wrangler dev`.
 *   - a local D1 (temp dir) with the demo feeds and a generated 120-item feed of 3 KB wire stories, so that the
 *     first page is full (50 rows, every row with flags and a wire);
 *   - bytes: the page's HTML + its CSS + its JS, raw and gzipped (Workers compress for browsers that ask);
 *     baseline GET /v1/stories (50 whole stories) and GET /v1/stories?fields=title,published_at,flags;
 *   - time: 40 sequential requests of each after 5 warm-ups, median and p95 (wrangler dev, devtools on).
 * Target: the first page of stories under 100 KB over the wire. Writes bench/ui/results.json.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { FEEDS_DIR, freePort, ingestDue, isDemoFeed, migrate, registerFeeds, serveFeeds, startDev, stopDev } from "../../scripts/local-stack.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TARGET_KB = 100;
const RUNS = 40;
const WARMUP = 5;

/** 120 wire stories of about 3 KB, each with a dateline, a disclaimer and named people and places. */
function generatedFeed() {
  const para = "Officials in Port-au-Prince said talks with Caribbean leaders would continue on Tuesday, as Antony Blinken and Mia Mottley urged a quick transition and the United Nations weighed a security mission for Haiti. ";
  const items = Array.from({ length: 120 }, (_, i) => {
    const at = new Date(Date.UTC(2024, 2, 12, 12) - i * 3_600_000).toUTCString();
    const body = `KINGSTON, March 11 (Reuters) - ${para.repeat(14)}This story has not been edited by staff and is auto-generated from a syndicated feed.`;
    return `<item><title>Generated wire story ${i}: Caribbean leaders and the United States weigh the next steps for Haiti's transition council</title><link>https://bench.example/story/${i}</link><guid>bench-${i}</guid><pubDate>${at}</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench Wire</title><link>https://bench.example/</link><description>generated</description>${items.join("")}</channel></rss>`;
}

async function timeIt(url) {
  const ms = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (i >= WARMUP) ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { median_ms: +at(0.5).toFixed(2), p95_ms: +at(0.95).toFixed(2) };
}

async function bytesOf(url) {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}

async function main() {
  const state = mkdtempSync(join(tmpdir(), "wirewatch-ui-bench-"));
  const token = `bench-${randomBytes(8).toString("hex")}`;
  const demo = readdirSync(FEEDS_DIR).filter(isDemoFeed).sort();
  const feeds = await serveFeeds(demo);
  const xml = generatedFeed();
  const gen = createServer((_, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(xml));
  await new Promise((r) => gen.listen(0, "127.0.0.1", r));
  let dev;
  try {
    migrate({ persistTo: state, stdio: "ignore" });
    const started = await startDev({ port: await freePort(), inspectorPort: await freePort(), token, persistTo: state, stdio: "ignore" });
    dev = started.child;
    const base = started.api;
    await registerFeeds(base, token, [...demo.map((f) => `${feeds.url}/${f}`), `http://127.0.0.1:${gen.address().port}/bench.xml`]);
    await ingestDue(base);

    const html = await (await fetch(`${base}/`)).text();
    const rows = (html.match(/<li><h2>/g) ?? []).length;
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    const parts = [{ what: "HTML", ...(await bytesOf(`${base}/`)) }];
    for (const a of assets) parts.push({ what: a.endsWith(".css") ? "CSS" : "JS", ...(await bytesOf(`${base}${a}`)) });
    const page = { raw: parts.reduce((n, p) => n + p.raw, 0), gzip: parts.reduce((n, p) => n + p.gzip, 0) };
    const apiFull = await bytesOf(`${base}/v1/stories`);
    const apiFields = await bytesOf(`${base}/v1/stories?fields=title,published_at,flags`);
    const results = {
      date: new Date().toISOString(),
      rows,
      page: { ...page, parts },
      baseline: { api_full: apiFull, api_fields: apiFields },
      time: {
        page: await timeIt(`${base}/`),
        fragment: await timeIt(`${base}/?flag=syndicated`),
        api_full: await timeIt(`${base}/v1/stories`),
      },
      target_kb: TARGET_KB,
      pass: page.gzip < TARGET_KB * 1024,
    };
    writeFileSync(join(ROOT, "bench", "ui", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    const kb = (n) => (n / 1024).toFixed(1);
    process.stdout.write(
      [
        `\nInterface: first page of stories (${rows} rows), against the API's first page of the same stories`,
        `| what | raw KB | gzip KB | median ms | p95 ms |`,
        `|:--|--:|--:|--:|--:|`,
        `| GET / (HTML + CSS + JS) | ${kb(page.raw)} | ${kb(page.gzip)} | ${results.time.page.median_ms} | ${results.time.page.p95_ms} |`,
        ...parts.map((p) => `|   ${p.what} | ${kb(p.raw)} | ${kb(p.gzip)} | | |`),
        `| GET /?flag=syndicated | | | ${results.time.fragment.median_ms} | ${results.time.fragment.p95_ms} |`,
        `| baseline GET /v1/stories (whole stories) | ${kb(apiFull.raw)} | ${kb(apiFull.gzip)} | ${results.time.api_full.median_ms} | ${results.time.api_full.p95_ms} |`,
        `| baseline GET /v1/stories?fields=title,published_at,flags | ${kb(apiFields.raw)} | ${kb(apiFields.gzip)} | | |`,
        `target: first page under ${TARGET_KB} KB over the wire (gzip): ${kb(page.gzip)} KB, ${results.pass ? "PASS" : "FAIL"}`,
        "",
      ].join("\n"),
    );
    if (!results.pass) process.exitCode = 1;
  } finally {
    if (dev) stopDev(dev);
    feeds.server.close();
    gen.close();
    rmSync(state, { recursive: true, force: true });
  }
}

await main();
