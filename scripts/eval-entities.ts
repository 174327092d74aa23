/**
 * Entity tagger evaluation: micro precision, recall and F1 over the labelled stories in fixtures/entities/,
 * overall and per type, for the dev and held-out splits and both together, then every error.
 * Exits 1 when micro F1 over all stories is below the 0.85 target.
 *
 *   npx tsx scripts/eval-entities.ts [--split dev|holdout] [--quiet]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tagEntities } from "../src/annotate/entities";
import { type EvalReport, type GoldStory, parseGoldStory, scoreStories } from "../src/annotate/entities-eval";
import { ENTITY_TYPES } from "../src/model";

const TARGET_F1 = 0.85;
const dir = join(import.meta.dirname, "..", "fixtures", "entities");
const args = process.argv.slice(2);
const only = args.includes("--split") ? args[args.indexOf("--split") + 1] : undefined;
const quiet = args.includes("--quiet");

const stories: GoldStory[] = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => parseGoldStory(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")))
  .filter((s) => !only || s.split === only);

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5);
}

function printReport(label: string, report: EvalReport): void {
  console.log(`\n${label}: ${report.stories} stories`);
  console.log("type           P      R     F1    tp   fp   fn");
  const row = (name: string, c: EvalReport["overall"]): void =>
    console.log(
      `${name.padEnd(12)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`,
    );
  for (const type of ENTITY_TYPES) row(type, report.byType[type]);
  row("micro", report.overall);
}

const all = scoreStories(stories, tagEntities);
for (const split of ["dev", "holdout"] as const) {
  const subset = stories.filter((s) => s.split === split);
  if (subset.length > 0 && !only) printReport(split, scoreStories(subset, tagEntities));
}
printReport(only ? only : "all", all);

if (!quiet && all.errors.length > 0) {
  console.log(`\nerrors (${all.errors.length}):`);
  for (const e of all.errors) console.log(`  ${e.story.padEnd(28)} ${e.error.padEnd(9)} ${e.type.padEnd(12)} ${e.name}`);
}

if (all.overall.f1 < TARGET_F1) {
  console.error(`\nmicro F1 ${all.overall.f1.toFixed(3)} is below the target ${TARGET_F1}`);
  process.exit(1);
}
