#!/usr/bin/env node
/**
 * The README's Reliability figures, from the last hostile run: tests/hostile/* send one record per case to
 * the feed server (POST /hostile/record), which appends it to $TMPDIR/wirewatch-hostile/run-<time>-<pid>.jsonl.
 * This prints the newest such file as Markdown tables, and fails when a run crashed, lost a story or recorded
 * nothing, so `npm run test:hostile` cannot report figures it did not measure.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const DIR = join(tmpdir(), "wirewatch-hostile");
const SECTIONS = {
  input: "Hostile inputs tried",
  fault: "Faults injected",
  fuzz: "Fuzzing properties",
  concurrency: "Concurrency scenarios",
  atomicity: "Failures injected into a feed's batch",
};

function newestRun() {
  let files = [];
  try {
    files = readdirSync(DIR).filter((f) => f.endsWith(".jsonl"));
  } catch {
    // no run yet
  }
  if (files.length === 0) return null;
  const newest = files.map((f) => ({ f, t: statSync(join(DIR, f)).mtimeMs })).sort((a, b) => b.t - a.t)[0];
  return { path: join(DIR, newest.f), at: new Date(newest.t) };
}

function main() {
  const run = newestRun();
  if (!run) {
    console.error(`hostile-report: no records in ${DIR}; run \`npx vitest run tests/hostile\` first`);
    process.exit(1);
  }
  const records = readFileSync(run.path, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
  const total = (list, key) => list.reduce((sum, r) => sum + (r[key] ?? 0), 0);
  const crashes = total(records, "crashes");
  const lost = total(records, "storiesLost");
  const peak = Math.max(0, ...records.map((r) => r.peakWorkerdMb ?? 0));
  const slowest = Math.max(0, ...records.filter((r) => r.section === "input").map((r) => r.ms ?? 0));

  console.log(`Reliability figures from ${run.path} (${run.at.toISOString()})\n`);
  console.log("| what | cases | requests or passes | crashes | stories lost |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  // A case without an attempt count (one hostile feed, one pass) counts as one.
  const attempts = (list) => list.reduce((sum, r) => sum + (r.attempts ?? 1), 0);
  for (const [section, title] of Object.entries(SECTIONS)) {
    const list = records.filter((r) => r.section === section);
    console.log(`| ${title} | ${list.length} | ${attempts(list)} | ${total(list, "crashes")} | ${total(list, "storiesLost")} |`);
  }
  console.log(`| **Total** | **${records.length}** | **${attempts(records)}** | **${crashes}** | **${lost}** |`);
  console.log(`\nSlowest hostile pass (cron → queue → consumer → D1, wall time): ${(slowest / 1000).toFixed(1)} s`);
  console.log(`Peak workerd RSS (VmHWM, whole process, every isolate of the run): ${peak ? `${peak} MB` : "not measured"}`);

  console.log("\n| section | case | outcome |");
  console.log("| --- | --- | --- |");
  for (const r of records) console.log(`| ${r.section} | ${r.name} | ${String(r.outcome).replace(/\|/g, "\\|")} |`);

  if (crashes > 0 || lost > 0) {
    console.error(`\nhostile-report: ${crashes} crash(es) and ${lost} lost stor(ies) recorded`);
    process.exit(1);
  }
}

main();
