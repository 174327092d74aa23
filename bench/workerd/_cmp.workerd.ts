// scratch: v7 (src at ecb7b79) against this tree, story by story, order alternating; not committed
import { it } from "vitest";
import { tagEntitiesTrained as cur } from "../../src/annotate/entities/index";
import { tagEntitiesTrained as v7 } from "./_v7/src/annotate/entities/index";
import { tagEntities } from "../../src/annotate/entities";
import { detectFlags } from "../../src/annotate/flags";
import { normalizeItems } from "../../src/ingest/normalize";
import { parseFeed } from "../../src/ingest/parse";
import { BENCH_NOW } from "../fixtures";
import { bracketOverhead, feedBytes, mainThreadOverhead, perStoryEach, report, type PerStoryFigures } from "./helpers";

it("v7 against this tree", async () => {
  const items = await normalizeItems((await parseFeed(await feedBytes("feed-1000x3k"), "application/rss+xml")).items, { feedUrl: "https://news.example/feed.xml", fetchedAt: BENCH_NOW.toISOString() });
  const cleaned = items.map((i) => ({ title: i.title, text: detectFlags(i.title, i.text).content_text }));
  const sample = cleaned.filter((_, i) => i % 2 === 0);
  const overheads = { all: await bracketOverhead(), main: await mainThreadOverhead() };
  const out: Record<string, PerStoryFigures[]> = { v7: [], cur: [], rules: [] };
  for (let round = 0; round < 3; round++) {
    const order = round % 2 === 0 ? ["v7", "cur"] : ["cur", "v7"];
    for (const k of order) out[k]!.push(await perStoryEach(sample, 5, overheads, (s) => (k === "v7" ? v7 : cur)(s.title, s.text), "5 runs"));
  }
  out.rules!.push(await perStoryEach(sample, 5, overheads, (s) => tagEntities(s.title, s.text), "5 runs"));
  await report("cmp-v7", Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.map((f) => [f.cpu.median, f.mainCpu.median])])));
});
