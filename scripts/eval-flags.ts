/**
 * Scores detectFlags against two labelled sets: the project's own snippets in fixtures/flags, and the real news
 * pages of ../shared/data/pages-dev (read at run time, never copied here; see scripts/pages-dev.ts). For each it
 * prints per-flag precision and recall, how often the wire attribution is exactly right, and an error table of
 * every miss and false positive with the evidence that fired; it exits 1 when a flag of either set falls under
 * the targets. Run with `npx tsx scripts/eval-flags.ts` (`npm run eval:flags`); `--pages DIR` (repeatable) scores
 * further directories in pages-dev's format too. The unit test scores the fixtures
 * with the same function, so CI holds the targets on them too.
 */
import { FLAG_NAMES, type FlagName } from "../src/model";
import { detectFlags } from "../src/annotate/flags";

export const PRECISION_TARGET = 0.98;
export const RECALL_TARGET = 0.95;

export interface FlagCase {
  id: string;
  outlet_style: string;
  title: string;
  text: string;
  /** The page's address, when the case has one (pages): an agency's own site is told apart by it. */
  url?: string;
  /** null: the label cannot be told from the text (a cut excerpt); the case is left out of that score. */
  expected: Record<FlagName, boolean | null> & { wire_services: string[] | null };
}

export interface FlagScore {
  flag: FlagName;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Miss {
  id: string;
  what: string;
  expected: string;
  got: string;
  /** The evidence that fired for a false positive, so the table shows what misled the rule. */
  evidence?: string;
}

export interface EvalReport {
  cases: number;
  /** Cases whose wire label is known (not null): the denominator of wireAccuracy. */
  wireCases: number;
  scores: FlagScore[];
  wireAccuracy: number;
  misses: Miss[];
  /** Flags under the precision or recall target, empty when the set passes. */
  failing: FlagName[];
}

function sameWires(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
}

/** Runs every case through detectFlags and scores it; a flag with no positives and no false alarms scores 1. */
export function evaluateFlags(cases: readonly FlagCase[]): EvalReport {
  const counts = new Map(FLAG_NAMES.map((flag) => [flag, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  let wiresRight = 0;
  let wireCases = 0;
  for (const testCase of cases) {
    const { flags } = detectFlags(testCase.title, testCase.text, { url: testCase.url ?? null });
    for (const flag of FLAG_NAMES) {
      const count = counts.get(flag)!;
      const expected = testCase.expected[flag];
      if (expected === null) continue;
      if (expected && flags[flag]) count.tp += 1;
      else if (!expected && flags[flag]) count.fp += 1;
      else if (expected && !flags[flag]) count.fn += 1;
      if (expected !== flags[flag]) {
        const fired = flags.evidence.filter((e) => e.flag === flag);
        misses.push({
          id: testCase.id,
          what: flag,
          expected: String(expected),
          got: `${flags[flag]} ${fired.map((e) => e.rule).join(",")}`.trim(),
          ...(fired.length > 0 ? { evidence: fired.map((e) => e.text).join(" | ") } : {}),
        });
      }
    }
    if (testCase.expected.wire_services === null) continue;
    wireCases += 1;
    if (sameWires(testCase.expected.wire_services, flags.wire_services)) wiresRight += 1;
    else {
      misses.push({
        id: testCase.id,
        what: "wire_services",
        expected: JSON.stringify(testCase.expected.wire_services),
        got: JSON.stringify(flags.wire_services),
      });
    }
  }
  const scores = FLAG_NAMES.map((flag) => {
    const { tp, fp, fn } = counts.get(flag)!;
    return { flag, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  });
  return {
    cases: cases.length,
    wireCases,
    scores,
    wireAccuracy: wireCases === 0 ? 1 : wiresRight / wireCases,
    misses,
    failing: scores.filter((s) => s.precision < PRECISION_TARGET || s.recall < RECALL_TARGET).map((s) => s.flag),
  };
}

function formatReport(name: string, report: EvalReport): string {
  const lines = [
    `flag eval on ${name}: ${report.cases} cases (targets: precision >= ${PRECISION_TARGET}, recall >= ${RECALL_TARGET}; null labels left out)`,
  ];
  lines.push("flag            precision  recall    TP   FP   FN");
  for (const s of report.scores) {
    lines.push(
      `${s.flag.padEnd(16)}${s.precision.toFixed(3).padStart(9)}${s.recall.toFixed(3).padStart(8)}` +
        `${String(s.tp).padStart(6)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}`,
    );
  }
  lines.push(`wire accuracy   ${report.wireAccuracy.toFixed(3)} (exact set of canonical wires, over ${report.wireCases} cases)`);
  const falsePositives = report.misses.filter((m) => m.expected === "false");
  const missed = report.misses.filter((m) => m.expected !== "false");
  lines.push(missed.length === 0 ? "misses: none" : `misses (${missed.length}):`);
  for (const m of missed) lines.push(`  ${m.id}  ${m.what}: expected ${m.expected}, got ${m.got}`);
  lines.push(falsePositives.length === 0 ? "false positives: none" : `false positives (${falsePositives.length}):`);
  for (const m of falsePositives) {
    const cited = m.evidence === undefined ? "" : `  on ${JSON.stringify(m.evidence.slice(0, 120))}`;
    lines.push(`  ${m.id}  ${m.what}: got ${m.got}${cited}`);
  }
  if (report.failing.length > 0) lines.push(`FAIL: under target: ${report.failing.join(", ")}`);
  return lines.join("\n");
}

/**
 * `--pages DIR` (repeatable) scores each DIR, a directory in pages-dev's format (`NNN.txt` pages and their
 * gold.json), after the two default sets: a held-out sample labelled elsewhere is measured the same way.
 */
export function pagesArguments(argv: readonly string[]): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--pages") {
      const dir = argv[i + 1];
      if (dir === undefined || dir.startsWith("--")) throw new Error("eval-flags: --pages needs a directory");
      dirs.push(dir);
      i += 1;
    } else if (arg.startsWith("--pages=")) {
      dirs.push(arg.slice("--pages=".length));
    } else {
      throw new Error(`eval-flags: unknown argument ${JSON.stringify(arg)} (usage: eval-flags [--pages DIR]...)`);
    }
  }
  return dirs;
}

async function main(): Promise<void> {
  const { readdir, readFile } = await import("node:fs/promises");
  const { resolve } = await import("node:path");
  const { loadPagesDev, pagesDevDir } = await import("./pages-dev");
  const extra = pagesArguments(process.argv.slice(2));
  const dir = new URL("../fixtures/flags/", import.meta.url);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const cases = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(new URL(name, dir), "utf8")) as FlagCase),
  );
  const fixtures = evaluateFlags(cases);
  console.log(formatReport("fixtures/flags", fixtures));
  const failing = [fixtures.failing.length > 0];
  for (const [label, pagesDir] of [["pages-dev", pagesDevDir()], ...extra.map((d) => ["pages", resolve(d)])] as const) {
    let pages: EvalReport;
    try {
      pages = evaluateFlags(await loadPagesDev(pagesDir));
    } catch (error) {
      console.error(`\neval-flags: cannot read ${label} at ${pagesDir}${label === "pages-dev" ? " (set PAGES_DEV_DIR)" : ""}: ${String(error)}`);
      process.exitCode = 1;
      return;
    }
    console.log(`\n${formatReport(`${label} (${pagesDir})`, pages)}`);
    failing.push(pages.failing.length > 0);
  }
  process.exitCode = failing.some(Boolean) ? 1 : 0;
}

/** True when tsx runs this file, false when the unit test imports evaluateFlags from it. */
function invokedAsScript(): boolean {
  const entry = typeof process === "undefined" ? undefined : process.argv[1];
  return entry !== undefined && entry.replace(/\\/g, "/").endsWith("scripts/eval-flags.ts");
}

if (invokedAsScript()) await main();
