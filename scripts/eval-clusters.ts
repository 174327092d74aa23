/**
 * `npm run eval:clusters`: clusters the labelled set in fixtures/clusters/set.json (made by
 * scripts/make-cluster-set.ts from the hand-written stories beside it) and prints pairwise precision and
 * recall, recall on pairs sharing at least 80% of their text, cluster purity, and every wrong or missed pair.
 * Exits 1 when a target is missed or two independently written stories share a cluster.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateClusters, type LabelledStory, PRECISION_TARGET, RECALL_TARGET } from "../src/cluster/evaluate";

const set = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "clusters", "set.json"), "utf8")) as LabelledStory[];
const started = performance.now();
const r = evaluateClusters(set);
const ms = performance.now() - started;
const f = (x: number) => x.toFixed(4);

console.log(`${r.stories} stories in ${r.groups} labelled groups; ${r.predictedClusters} clusters predicted; ${r.unsigned.length} unsigned (under 50 words); ${ms.toFixed(0)} ms`);
console.log(`pairwise precision  ${f(r.precision)}  (${r.pairs.truePositive} of ${r.pairs.predicted} predicted pairs; target ≥ ${PRECISION_TARGET})`);
console.log(`pairwise recall     ${f(r.recall)}  (${r.pairs.truePositive} of ${r.pairs.labelled} labelled pairs, all)`);
console.log(`recall, ≥ 80% share ${f(r.recallShared80)}  (${r.pairs.foundShared80} of ${r.pairs.labelledShared80} labelled pairs; target ≥ ${RECALL_TARGET})`);
console.log(`cluster purity      ${f(r.purity)}`);
console.log(`merged groups       ${r.merges.length === 0 ? "none" : r.merges.map((m) => m.join(" + ")).join("; ")}`);
for (const [a, b] of r.falsePairs) console.log(`  false pair: ${a} ~ ${b}`);
for (const m of r.missedPairs) console.log(`  missed pair (shares ${m.share}): ${m.a} ~ ${m.b}`);
if (r.unsigned.length) console.log(`  unsigned: ${r.unsigned.join(", ")}`);

const ok = r.precision >= PRECISION_TARGET && r.recallShared80 >= RECALL_TARGET && r.merges.length === 0;
console.log(ok ? "PASS" : "FAIL");
process.exitCode = ok ? 0 : 1;
