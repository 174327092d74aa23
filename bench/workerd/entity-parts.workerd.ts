/**
 * The trained entity tagger inside workerd. First the target's figure: each story timed on its own (a bracket
 * of a few runs of it), so the median is a per-story median as in Node, beside the rule tagger alone timed
 * the same way; all workerd threads and the main thread alone. Then its stages, each over a whole 1,000-story
 * feed (process CPU, per story), so a regression in one stage shows where it is: tokens and lines, the rule
 * tagger (a feature), the feature context, decoding, and the document pass.
 */
import { it } from "vitest";
import { tagEntities } from "../../src/annotate/entities";
import { mentionsFromTags } from "../../src/annotate/entities/decode";
import { resolveEntities } from "../../src/annotate/entities/document";
import { buildContext } from "../../src/annotate/entities/features";
import { shippedWeights, tagEntitiesTrained } from "../../src/annotate/entities/index";
import { layoutMentions, withLayout } from "../../src/annotate/entities/layout";
import { decode } from "../../src/annotate/entities/model";
import { ruleTags } from "../../src/annotate/entities/rule-mentions";
import { classifyLines, tokenize } from "../../src/annotate/entities/tokens";
import { detectFlags } from "../../src/annotate/flags";
import { normalizeItems } from "../../src/ingest/normalize";
import { parseFeed } from "../../src/ingest/parse";
import { BENCH_NOW } from "../fixtures";
import { bracketOverhead, feedBytes, mainThreadOverhead, perStoryEach, perStoryRounds, report, type PerStoryFigures, type StageFigures } from "./helpers";

const CTX = { feedUrl: "https://news.example/feed.xml", fetchedAt: BENCH_NOW.toISOString() };

it("measures the entity tagger's stages inside workerd", async () => {
  const items = await normalizeItems((await parseFeed(await feedBytes("feed-1000x3k"), "application/rss+xml")).items, CTX);
  const cleaned = items.map((i) => ({ title: i.title, text: detectFlags(i.title, i.text).content_text }));
  const overhead = await bracketOverhead();
  const n = cleaned.length;
  const how = `workerd process CPU over a whole ${n}-story feed, 3 rounds after a warm-up`;
  const weights = shippedWeights();
  const prepared = cleaned.map((s) => {
    const lines = classifyLines(s.text);
    const tokens = [...tokenize(s.title, "title"), ...tokenize(s.text, "text").filter((t) => !lines[t.line]?.furniture)];
    const shouted = tokens.map((t) => t.field === "text" && (lines[t.line]?.shouted ?? false));
    const rules = ruleTags(tokens, tagEntities(s.title, s.text));
    const ctx = buildContext(tokens, shouted, rules.tags);
    const mentions = withLayout(mentionsFromTags(decode(weights, ctx)), layoutMentions(s.text, tokens));
    return { ...s, lines, tokens, shouted, rules, ctx, mentions };
  });
  // One bracket per story: REPS runs of it, so the 0.3 ms fetch pair is amortised; STRIDE samples the feed.
  const REPS = 5;
  const STRIDE = 2;
  const sample = cleaned.filter((_, i) => i % STRIDE === 0);
  const overheads = { all: overhead, main: await mainThreadOverhead() };
  const eachHow = `workerd process CPU around ${REPS} runs of one story, per run; every ${STRIDE}nd story of the feed (${sample.length}), after a warm-up pass`;
  const perStory: Record<string, PerStoryFigures> = {};
  perStory.entities = await perStoryEach(sample, REPS, overheads, (s) => tagEntitiesTrained(s.title, s.text), eachHow);
  perStory["baseline: rule tagger alone"] = await perStoryEach(sample, REPS, overheads, (s) => tagEntities(s.title, s.text), eachHow);
  const parts: Record<string, StageFigures> = {};
  parts["whole tagger"] = await perStoryRounds(n, 3, overhead, () => cleaned.forEach((s) => tagEntitiesTrained(s.title, s.text)), how);
  parts["tokens and lines"] = await perStoryRounds(n, 3, overhead, () => cleaned.forEach((s) => [classifyLines(s.text), tokenize(s.title, "title"), tokenize(s.text, "text")]), how);
  parts["rule tagger (a feature)"] = await perStoryRounds(n, 3, overhead, () => cleaned.forEach((s) => tagEntities(s.title, s.text)), how);
  parts["feature context"] = await perStoryRounds(n, 3, overhead, () => prepared.forEach((p) => buildContext(p.tokens, p.shouted, p.rules.tags)), how);
  parts["decode (features + scores)"] = await perStoryRounds(n, 3, overhead, () => prepared.forEach((p) => decode(weights, buildContext(p.tokens, p.shouted, p.rules.tags))), how);
  parts.layout = await perStoryRounds(n, 3, overhead, () => prepared.forEach((p) => layoutMentions(p.text, p.tokens)), how);
  parts["document pass"] = await perStoryRounds(n, 3, overhead, () => prepared.forEach((p) => resolveEntities(p.tokens, p.mentions, p.rules.bySpan, p.ctx.lowercase)), how);
  await report("workerd-entity-parts", { perStory, parts });
});
