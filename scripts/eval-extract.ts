/**
 * npm run eval:extract: article extraction scored on the labelled pages of fixtures/articles/.
 *
 * Each page's extracted text (what the annotator reads: the story's text with any dateline or disclaimer
 * block taken in, see src/annotate/article.ts) is compared with its hand-marked body by word 3-shingles:
 * precision is the share of extracted shingles that belong to the body, recall the share of the body's
 * shingles that were extracted, F1 their harmonic mean; the figure is the mean over pages. Also counted:
 * pages whose first and last sentences survive, and pages whose dateline and disclaimer survive (where the
 * body has one). The scoring is pure so that tests/unit/extract-eval.test.ts runs it inside workerd.
 */
import { annotatePage } from "../src/annotate/page";

export const F1_TARGET = 0.95;
const SHINGLE = 3;

export interface ExtractLabel {
  page: string;
  url: string;
  title: string;
  body: string[];
  first_sentence: string;
  last_sentence: string;
  dateline: string | null;
  disclaimer: string | null;
  wire: string | null;
}

export interface PageScore {
  page: string;
  precision: number;
  recall: number;
  f1: number;
  first: boolean;
  last: boolean;
  dateline: boolean | null;
  disclaimer: boolean | null;
  method: string;
}

export interface ExtractReport {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  firstSentence: number;
  lastSentence: number;
  datelines: { kept: number; of: number };
  disclaimers: { kept: number; of: number };
  worst: PageScore[];
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const squash = (text: string): string => words(text).join(" ");

function shingles(text: string): Map<string, number> {
  const w = words(text);
  const out = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    const k = w.slice(i, i + SHINGLE).join(" ");
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Precision, recall and F1 of `got` against `want`, over multisets of word shingles. */
export function shingleScore(got: string, want: string): { precision: number; recall: number; f1: number } {
  const g = shingles(got);
  const w = shingles(want);
  let both = 0;
  let gTotal = 0;
  let wTotal = 0;
  for (const n of g.values()) gTotal += n;
  for (const [k, n] of w) {
    wTotal += n;
    both += Math.min(n, g.get(k) ?? 0);
  }
  const precision = gTotal === 0 ? 0 : both / gTotal;
  const recall = wTotal === 0 ? 1 : both / wTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function scorePage(label: ExtractLabel, html: string): PageScore {
  const { text, page } = annotatePage(html, { url: label.url });
  const got = squash(text);
  return {
    page: label.page,
    ...shingleScore(text, label.body.join("\n\n")),
    first: got.includes(squash(label.first_sentence)),
    last: got.includes(squash(label.last_sentence)),
    dateline: label.dateline === null ? null : got.includes(squash(label.dateline)),
    disclaimer: label.disclaimer === null ? null : got.includes(squash(label.disclaimer)),
    method: page.method,
  };
}

export function evaluateExtraction(cases: readonly { label: ExtractLabel; html: string }[]): ExtractReport {
  const scores = cases.map((c) => scorePage(c.label, c.html));
  const mean = (f: (s: PageScore) => number): number => scores.reduce((a, s) => a + f(s), 0) / Math.max(1, scores.length);
  const kept = (f: (s: PageScore) => boolean | null) => ({
    kept: scores.filter((s) => f(s) === true).length,
    of: scores.filter((s) => f(s) !== null).length,
  });
  return {
    pages: scores.length,
    precision: mean((s) => s.precision),
    recall: mean((s) => s.recall),
    f1: mean((s) => s.f1),
    firstSentence: scores.filter((s) => s.first).length,
    lastSentence: scores.filter((s) => s.last).length,
    datelines: kept((s) => s.dateline),
    disclaimers: kept((s) => s.disclaimer),
    worst: [...scores].sort((a, b) => a.f1 - b.f1).slice(0, 5),
  };
}

async function main(): Promise<void> {
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const dir = join(process.cwd(), "fixtures", "articles");
  const files = (await readdir(join(dir, "labels"))).filter((f) => f.endsWith(".json")).sort();
  const cases = [];
  for (const f of files) {
    const label = JSON.parse(await readFile(join(dir, "labels", f), "utf8")) as ExtractLabel;
    cases.push({ label, html: await readFile(join(dir, label.page), "utf8") });
  }
  const r = evaluateExtraction(cases);
  const pct = (x: number): string => x.toFixed(3);
  console.log(`article extraction on ${r.pages} labelled pages (fixtures/articles), word 3-shingles`);
  console.log(`  precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}  (target F1 ≥ ${F1_TARGET})`);
  console.log(`  first sentence kept ${r.firstSentence}/${r.pages}, last sentence kept ${r.lastSentence}/${r.pages}`);
  console.log(`  datelines kept ${r.datelines.kept}/${r.datelines.of}, disclaimers kept ${r.disclaimers.kept}/${r.disclaimers.of}`);
  console.log("  lowest F1:");
  for (const s of r.worst) {
    console.log(`    ${s.page}  P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}  via ${s.method}${s.first ? "" : "  first sentence lost"}${s.last ? "" : "  last sentence lost"}${s.dateline === false ? "  dateline lost" : ""}${s.disclaimer === false ? "  disclaimer lost" : ""}`);
  }
  if (r.f1 < F1_TARGET) process.exitCode = 1;
}

if (process.argv[1]?.endsWith("eval-extract.ts")) await main();
