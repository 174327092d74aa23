/**
 * Which stories get their article fetched (src/ingest/article-plan.ts): the summary test of auto mode, the
 * content modes, and the per-feed budget.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ARTICLES_PER_FEED_PASS, ArticlePlanner, SUMMARY_MAX_CHARS, summaryReason } from "../../src/ingest/article-plan";
import type { NormalizedItem } from "../../src/model";

const LONG = "The council met on Tuesday and agreed the budget after a long debate about roads and schools. ".repeat(20);

function item(guid: string, text: string, url: string | null = `https://news.example/${guid}`): NormalizedItem {
  return { guid, url, title: guid, author: null, published_at: null, updated_at: null, published_raw: null, summary: null, content_html: null, text, categories: [], content_hash: `h-${guid}` };
}

describe("summaryReason (auto mode)", () => {
  it.each([
    ["a short body", "Police fired tear gas at protesters in Nairobi on Tuesday.", /^short \(\d+ characters, under 500\)/],
    ["a body ending in an ellipsis", `${LONG.slice(0, 900)}…`, /ellipsis/],
    ["a body ending in [...]", `${LONG.slice(0, 900)} [...]`, /ellipsis/],
    ["a body ending in a read-more link", `${LONG.slice(0, 900)} Read more`, /read-more/],
    ["a body ending in Continue reading »", `${LONG.slice(0, 900)} Continue reading »`, /ellipsis|read-more/],
  ])("calls %s a summary", (_name, text, why) => {
    expect(summaryReason(text, null)).toMatch(why);
  });

  it("calls a body much shorter than the feed's full items a summary", () => {
    const text = LONG.slice(0, 700).trim();
    expect(summaryReason(text, null)).toBeNull();
    expect(summaryReason(text, 4000)).toMatch(/much shorter than the feed's full items \(\d+ characters against a median of 4000\)/);
  });

  it("leaves a full story alone", () => {
    expect(summaryReason(LONG, LONG.length)).toBeNull();
    expect(summaryReason("x".repeat(SUMMARY_MAX_CHARS), null)).toBeNull();
  });
});

describe("ArticlePlanner", () => {
  it("plans summaries in auto mode, every linked item in article mode, nothing in feed mode", async () => {
    const items = [item("short", "A short summary."), item("full", LONG), item("nolink", "Short too.", null)];
    const auto = new ArticlePlanner(1, "auto");
    await auto.chunk(env.DB, items);
    for (const i of items) auto.plan(env.DB, i);
    expect(auto.messages.map((m) => m.guid)).toEqual(["short"]);
    expect(auto.messages[0]).toEqual({ feedId: 1, guid: "short", url: "https://news.example/short", hash: "h-short" });

    const article = new ArticlePlanner(1, "article");
    await article.chunk(env.DB, items);
    for (const i of items) article.plan(env.DB, i);
    expect(article.messages.map((m) => m.guid)).toEqual(["short", "full"]);

    const feed = new ArticlePlanner(1, "feed");
    await feed.chunk(env.DB, items);
    for (const i of items) expect(feed.plan(env.DB, i)).toEqual([]);
    expect(feed.messages).toEqual([]);
  });

  it(`sends at most ${ARTICLES_PER_FEED_PASS} per feed fetch and records the rest as skipped`, async () => {
    const feedId = 9_001;
    const items = Array.from({ length: ARTICLES_PER_FEED_PASS + 5 }, (_, i) => item(`s${i}`, "A summary."));
    await env.DB.batch(
      items.map((i) =>
        env.DB.prepare(
          `INSERT INTO stories (feed_id, guid, title, fetched_at, sort_at, content_text, source_text, content_hash, annotator_version)
           VALUES (?1, ?2, ?2, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?3, ?3, ?4, 1)`,
        ).bind(feedId, i.guid, i.text, i.content_hash),
      ),
    );
    const planner = new ArticlePlanner(feedId, "auto");
    await planner.chunk(env.DB, items);
    await env.DB.batch(items.flatMap((i) => planner.plan(env.DB, i)));
    expect(planner.messages).toHaveLength(ARTICLES_PER_FEED_PASS);
    const { results } = await env.DB.prepare(
      "SELECT article_status AS status, article_error AS error, count(*) AS n FROM stories WHERE feed_id = ?1 GROUP BY 1, 2 ORDER BY 1",
    )
      .bind(feedId)
      .all();
    expect(results).toEqual([
      { status: "pending", error: null, n: ARTICLES_PER_FEED_PASS },
      { status: "skipped", error: `over the per-feed budget of ${ARTICLES_PER_FEED_PASS} article fetches per pass`, n: 5 },
    ]);
  });
});
