/**
 * The story page with every field a Story carries (entity spans, cluster with members, content_source and
 * article, inferred evidence), rendered from a Story as the contract shapes it, and without spans (an older
 * annotation).
 */
import { describe, expect, it } from "vitest";
import type { Feed } from "../../src/model";
import { StoryPage, type UiStory } from "../../src/ui/pages/story";

const feed: Feed = {
  id: 3, url: "https://news.example/feed.xml", title: "Harbour News", site_url: null, paused: false, status: "ok",
  last_fetched_at: null, last_error: null, last_warning: null, error_count: 0, next_fetch_at: null, story_count: 2,
  content_mode: "auto", article_selector: null,
};

const text = "Mottley met the envoy in Kingston.\n\nThe Barbadian leader said talks would go on.";

const story: UiStory = {
  id: 7, feed_id: 3, guid: "g7", url: "https://news.example/7", title: "Mottley meets envoy", author: null,
  published_at: "2024-03-12T10:00:00.000Z", updated_at: null, fetched_at: "2024-03-12T10:05:00.000Z",
  summary: null, content_html: "<p>Mottley met the envoy in Kingston.</p>", content_text: text, categories: [],
  flags: {
    auto_generated: false, unedited: false, syndicated: true, ai_generated: false, wire_services: [],
    evidence: [{ flag: "syndicated", rule: "copies-in-other-feeds", text: "Copies in 2 other feeds", kind: "inferred", stories: [8, 9], similarity: 0.93 }],
  },
  entities: [
    // "The Barbadian leader" is a mention only the tagger's spans can know about.
    { name: "Mia Mottley", type: "person", mentions: 2, spans: [{ field: "title", start: 0, end: 7 }, { field: "text", start: 0, end: 7 }, { field: "text", start: 36, end: 56 }] },
    { name: "Kingston", type: "place", mentions: 1, spans: [{ field: "text", start: 25, end: 33 }] },
  ],
  cluster: { id: 41, size: 3, feeds: 3 },
  content_source: "article",
  article: { status: "ok", fetched_at: "2024-03-12T10:06:00.000Z", error: null },
};

const members = [
  { story_id: 8, feed_id: 5, title: "Envoy meets Mottley", url: null, published_at: "2024-03-12T09:00:00.000Z", similarity: 0.93, first: true },
  { story_id: 7, feed_id: 3, title: "Mottley meets envoy", url: null, published_at: "2024-03-12T10:00:00.000Z", similarity: 1, first: false },
];

async function render(s: UiStory, clusterMembers: typeof members | null = members): Promise<string> {
  return String(await StoryPage({ story: s, feed, feeds: new Map([[3, feed]]), clusterMembers, admin: false }).toString());
}

describe("story page with spans, clusters, articles and inferred evidence", () => {
  it("marks exactly the spans, in the title and the body, aliases included", async () => {
    const html = await render(story);
    expect(html).toContain('<h1><a class="entity person" href="/entities/person/Mia%20Mottley"');
    expect(html).toMatch(/<a class="entity person" href="\/entities\/person\/Mia%20Mottley"[^>]*>The Barbadian leader<\/a>/);
    expect(html).toMatch(/<a class="entity place" href="\/entities\/place\/Kingston"[^>]*>Kingston<\/a>/);
    expect(html.match(/<p>/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("lists the cluster's members with similarity, and the story's own row as this story", async () => {
    const html = await render(story);
    expect(html).toContain("Cluster 41: 3 copies in 3 feeds.");
    expect(html).toContain('<a href="/stories/8">Envoy meets Mottley</a> · first published');
    expect(html).toContain("<strong>Mottley meets envoy (this story)</strong>");
    expect(html).toContain("<td>0.93</td>");
    const bare = await render(story, null);
    expect(bare).toContain("Cluster 41: 3 copies in 3 feeds.");
    expect(bare).not.toContain("<table>");
  });

  it("names the text's source and the article fetch", async () => {
    const html = await render(story);
    expect(html).toContain("<dd>the fetched article page (the feed&#39;s own text is its summary)</dd>");
    expect(html).toMatch(/<dt>Article fetch<\/dt><dd>ok/);
  });

  it("shows inferred evidence with what it rests on", async () => {
    const html = await render(story);
    expect(html).toContain("rule copies-in-other-feeds · inferred · similarity 0.93");
    expect(html).toContain('Rests on <a href="/stories/8">story 8</a>, <a href="/stories/9">story 9</a>');
  });

  it("says so when there is no cluster, and falls back to names without spans", async () => {
    const plain: UiStory = { ...story, cluster: null, content_source: "feed", article: null, entities: story.entities.map(({ spans: _spans, ...e }) => e) };
    const html = await render(plain, null);
    expect(html).toContain("No copy of this story has been found in another feed.");
    expect(html).toContain("<dd>the feed</dd>");
    // Without spans, only the surname is found; "The Barbadian leader" is not marked.
    expect(html).toMatch(/<a class="entity person"[^>]*>Mottley<\/a> met/);
    expect(html).not.toMatch(/>The Barbadian leader<\/a>/);
    expect(html).toContain("<h1>Mottley meets envoy</h1>");
  });
});
