/**
 * Scores detectFlags against the labelled snippets in fixtures/flags: per-flag precision and recall, and how
 * often the wire attribution is exactly right. Run with `npx tsx scripts/eval-flags.ts`; it prints the table and
 * every miss, and exits 1 when a flag falls under the targets. The unit test scores the same set with the same
 * function, so CI holds the targets too.
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
  expected: Record<FlagName, boolean> & { wire_services: string[] };
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
}

export interface EvalReport {
  cases: number;
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
  for (const testCase of cases) {
    const { flags } = detectFlags(testCase.title, testCase.text);
    for (const flag of FLAG_NAMES) {
      const count = counts.get(flag)!;
      const expected = testCase.expected[flag];
      if (expected && flags[flag]) count.tp += 1;
      else if (!expected && flags[flag]) count.fp += 1;
      else if (expected && !flags[flag]) count.fn += 1;
      if (expected !== flags[flag]) {
        const rules = flags.evidence.filter((e) => e.flag === flag).map((e) => e.rule);
        misses.push({ id: testCase.id, what: flag, expected: String(expected), got: `${flags[flag]} ${rules.join(",")}`.trim() });
      }
    }
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
    scores,
    wireAccuracy: cases.length === 0 ? 1 : wiresRight / cases.length,
    misses,
    failing: scores.filter((s) => s.precision < PRECISION_TARGET || s.recall < RECALL_TARGET).map((s) => s.flag),
  };
}

function formatReport(report: EvalReport): string {
  const lines = [`flag eval on ${report.cases} snippets (targets: precision >= ${PRECISION_TARGET}, recall >= ${RECALL_TARGET})`];
  lines.push("flag            precision  recall    TP   FP   FN");
  for (const s of report.scores) {
    lines.push(
      `${s.flag.padEnd(16)}${s.precision.toFixed(3).padStart(9)}${s.recall.toFixed(3).padStart(8)}` +
        `${String(s.tp).padStart(6)}${String(s.fp).padStart(5)}${String(s.fn).padStart(5)}`,
    );
  }
  lines.push(`wire accuracy   ${report.wireAccuracy.toFixed(3)} (exact set of canonical wires per snippet)`);
  lines.push(report.misses.length === 0 ? "misses: none" : `misses (${report.misses.length}):`);
  for (const m of report.misses) lines.push(`  ${m.id}  ${m.what}: expected ${m.expected}, got ${m.got}`);
  if (report.failing.length > 0) lines.push(`FAIL: under target: ${report.failing.join(", ")}`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { readdir, readFile } = await import("node:fs/promises");
  const dir = new URL("../fixtures/flags/", import.meta.url);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const cases = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(new URL(name, dir), "utf8")) as FlagCase),
  );
  const report = evaluateFlags(cases);
  console.log(formatReport(report));
  process.exitCode = report.failing.length > 0 ? 1 : 0;
}

/** True when tsx runs this file, false when the unit test imports evaluateFlags from it. */
function invokedAsScript(): boolean {
  const entry = typeof process === "undefined" ? undefined : process.argv[1];
  return entry !== undefined && entry.replace(/\\/g, "/").endsWith("scripts/eval-flags.ts");
}

if (invokedAsScript()) await main();
