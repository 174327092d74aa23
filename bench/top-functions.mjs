#!/usr/bin/env node
/**
 * Where a stage spends its CPU: self time by function from a V8 .cpuprofile, heaviest first.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/stages.ts --only entities
 *   node bench/top-functions.mjs /tmp/prof/CPU.*.cpuprofile [--top 15]
 *
 * Profiles of the main thread only are worth reading (tsx's loader thread writes a second, idle one).
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const argv = process.argv.slice(2);
const topIndex = argv.indexOf("--top");
const top = topIndex >= 0 ? Number(argv[topIndex + 1]) : 15;
const files = argv.filter((a, i) => a !== "--top" && i !== topIndex + 1);

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // timeDeltas[i] is the time before samples[i]: charge it to that sample's node.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame: f } = byId.get(id);
    const where = f.url ? `${relative(process.cwd(), f.url.replace(/^file:\/\//, ""))}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    total += us;
  }
  if (total < 50_000) continue;
  process.stdout.write(`${file}: ${(total / 1000).toFixed(0)} ms sampled\n`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}\n`);
  }
}
