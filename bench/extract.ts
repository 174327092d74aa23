/**
 * The article stage's CPU per page (Node, process.cpuUsage around each page): extractPage alone, the whole
 * annotatePage (extraction, the pass over the page's other blocks, annotation), and beside them in the same run
 * the baseline of the path without extraction (htmlToText then annotate, POST /v1/annotate with html). On the
 * 43 labelled pages of fixtures/articles (4–9 KB each) and on one heavy page (a labelled page padded with
 * 400 related links and 150 comments, about 76 KB).
 *
 *   npx tsx bench/extract.ts [--out file.json]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { annotate } from "../src/annotate";
import { annotatePage } from "../src/annotate/page";
import { extractPage } from "../src/extract";
import { htmlToText } from "../src/html/text";
import { type Summary, summarize } from "./stats";

const ROUNDS = 15;
const WARMUP = 3;
const dir = join(process.cwd(), "fixtures", "articles");
const labels = readdirSync(join(dir, "labels")).filter((f) => f.endsWith(".json")).sort();
const pages = labels.map((f) => {
  const label = JSON.parse(readFileSync(join(dir, "labels", f), "utf8")) as { page: string; url: string; title: string };
  return { ...label, html: readFileSync(join(dir, label.page), "utf8") };
});

function heavy(): (typeof pages)[number] {
  const base = pages.find((p) => p.page.includes("00-seed-haiti--wordpress"))!;
  const links = Array.from({ length: 400 }, (_, i) => `<li><a href="/story/${i}">Related story number ${i} about the region and its politics</a></li>`).join("");
  const comments = Array.from({ length: 150 }, (_, i) => `<div class="comment"><span class="comment-author">reader${i}</span><p>Comment ${i}: I have followed this story for a long time and I think the people in charge should explain what they will do next, and when.</p></div>`).join("");
  const html = base.html.replace("</main>", `<section class="related-stories"><ul>${links}</ul></section><section class="comments-area">${comments}</section></main>`);
  return { ...base, page: "heavy (~76 KB)", html };
}

function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

async function cpuMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

interface Result {
  pages: number;
  bytes: { median: number; max: number };
  extract: Summary;
  annotatePage: Summary;
  baseline: Summary;
  heavy: { bytes: number; extract: Summary; annotatePage: Summary; baseline: Summary };
}

async function measure(set: typeof pages): Promise<{ extract: number[]; annotatePage: number[]; baseline: number[] }> {
  const out = { extract: [] as number[], annotatePage: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const p of set) {
      const e = cpuMs(() => extractPage(p.html, { url: p.url }));
      const a = cpuMs(() => annotatePage(p.html, { url: p.url, title: p.title }));
      const b = await cpuMsAsync(async () => annotate({ title: p.title, text: await htmlToText(p.html) }));
      if (round < WARMUP) continue;
      out.extract.push(e);
      out.annotatePage.push(a);
      out.baseline.push(b);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const all = await measure(pages);
  const h = heavy();
  const big = await measure([h]);
  const sizes = pages.map((p) => Buffer.byteLength(p.html)).sort((a, b) => a - b);
  const result: Result = {
    pages: pages.length,
    bytes: { median: sizes[Math.floor(sizes.length / 2)]!, max: sizes.at(-1)! },
    extract: summarize(all.extract),
    annotatePage: summarize(all.annotatePage),
    baseline: summarize(all.baseline),
    heavy: { bytes: Buffer.byteLength(h.html), extract: summarize(big.extract), annotatePage: summarize(big.annotatePage), baseline: summarize(big.baseline) },
  };
  const out = process.argv.indexOf("--out");
  if (out > 0) writeFileSync(process.argv[out + 1]!, JSON.stringify(result, null, 2));
  const f = (s: Summary) => `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
  process.stderr.write(
    [
      `article extraction, Node CPU per page, ${result.pages} pages (median ${(result.bytes.median / 1024).toFixed(0)} KB), ${ROUNDS} rounds:`,
      `  extractPage                       ${f(result.extract)}`,
      `  annotatePage (extract + annotate) ${f(result.annotatePage)}`,
      `  baseline htmlToText + annotate    ${f(result.baseline)}`,
      `heavy page (${(result.heavy.bytes / 1024).toFixed(0)} KB): extractPage ${f(result.heavy.extract)}; annotatePage ${f(result.heavy.annotatePage)}; baseline ${f(result.heavy.baseline)}`,
      "",
    ].join("\n"),
  );
}

await main();
