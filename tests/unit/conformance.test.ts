/**
 * The element-level feed conformance suite (issue 5): one tiny feed per behaviour under fixtures/conformance/,
 * each with the story fields that behaviour decides written beside it in <name>.expected.json (the format is in
 * fixtures/conformance/README.md). Every case goes through the real stages, parseFeed then normalizeItems, and
 * asserts only what its expectation declares. Cases under pending/ are known disagreements, not run here.
 */
import { describe, expect, inject, it } from "vitest";
import * as z from "zod";
import { normalizeItems } from "../../src/ingest/normalize";
import { FeedParseError, parseFeed } from "../../src/ingest/parse";
import type { NormalizedItem } from "../../src/model";

const ROOT = "../../fixtures/conformance/";
const DEFAULT_FEED_URL = "https://feeds.conformance.example/news/feed.xml";
const DEFAULT_FETCHED_AT = "2024-06-01T12:00:00.000Z";
const DEFAULT_CONTENT_TYPE: Record<string, string> = { xml: "application/xml", json: "application/feed+json" };

/** A literal (compared exactly) or a set of checks on a string field. */
const matcher = z.union([
  z.string(),
  z.null(),
  z.array(z.string()),
  z
    .strictObject({
      contains: z.union([z.string(), z.array(z.string())]).optional(),
      excludes: z.union([z.string(), z.array(z.string())]).optional(),
      matches: z.string().optional(),
    })
    .refine((checks) => Object.keys(checks).length > 0, "a matcher object needs at least one check"),
]);

const STORY_FIELDS = [
  "guid", "url", "title", "author", "published_at", "updated_at", "published_raw", "summary", "content_html", "text",
  "categories",
] as const satisfies readonly (keyof NormalizedItem)[];

const expectation = z
  .strictObject({
    behaviour: z.string().min(10),
    contentType: z.string().nullable().optional(),
    feedUrl: z.url().optional(),
    fetchedAt: z.iso.datetime().optional(),
    error: z.string().optional(),
    feed: z
      .strictObject({
        format: z.enum(["rss", "rdf", "atom", "json"]).optional(),
        title: z.string().nullable().optional(),
        siteUrl: z.string().nullable().optional(),
        ttlMinutes: z.number().nullable().optional(),
      })
      .optional(),
    items: z.array(z.partialRecord(z.enum(STORY_FIELDS), matcher)).optional(),
  })
  .refine((e) => (e.error === undefined) !== (e.items === undefined), "declare either items or an error, not both");

type Expectation = z.infer<typeof expectation>;
type Matcher = z.infer<typeof matcher>;

// Glob patterns must be literals: ROOT is spelled out in each.
const expectationFiles = import.meta.glob<unknown>(["../../fixtures/conformance/**/*.expected.json", "!../../fixtures/conformance/pending/**"], {
  eager: true,
  import: "default",
});
// Only the names are used: the bytes come through the feed server, exactly as served.
const feedFiles = Object.keys(
  import.meta.glob(
    [
      "../../fixtures/conformance/**/*.xml",
      "../../fixtures/conformance/**/*.json",
      "!../../fixtures/conformance/**/*.expected.json",
      "!../../fixtures/conformance/pending/**",
    ],
    { query: "?url" },
  ),
);

interface Case {
  /** Path under fixtures/conformance/, e.g. "rss20/guid-permalink.xml". */
  file: string;
  expected: Expectation;
}

function expectationPathOf(feedPath: string): string {
  return feedPath.replace(/\.[a-z0-9]+$/, ".expected.json");
}

function loadCase(path: string): Case {
  const file = path.slice(ROOT.length);
  const parsed = expectation.safeParse(expectationFiles[expectationPathOf(path)]);
  if (!parsed.success) throw new Error(`conformance: ${file} has no valid expectation: ${z.prettifyError(parsed.error)}`);
  return { file, expected: parsed.data };
}

const cases: Case[] = feedFiles.map(loadCase);

async function feedBytes(file: string): Promise<Uint8Array> {
  const res = await fetch(`${inject("feedServer")}/fixtures/conformance/${file}`);
  if (!res.ok) throw new Error(`fixture ${file}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

function check(actual: unknown, want: Matcher, label: string): void {
  if (want === null || typeof want === "string" || Array.isArray(want)) {
    expect(actual, label).toEqual(want);
    return;
  }
  expect(actual, `${label} is a string`).toBeTypeOf("string");
  const text = actual as string;
  for (const part of list(want.contains)) expect(text, `${label} contains`).toContain(part);
  for (const part of list(want.excludes)) expect(text, `${label} excludes`).not.toContain(part);
  if (want.matches !== undefined) expect(text, `${label} matches`).toMatch(new RegExp(want.matches));
}

describe("the conformance suite itself", () => {
  it("holds at least 150 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it("has a feed for every expectation", () => {
    const expected = new Set(feedFiles.map(expectationPathOf));
    expect(Object.keys(expectationFiles).filter((path) => !expected.has(path))).toEqual([]);
  });
});

describe.each([...new Set(cases.map((c) => c.file.split("/")[0]!))])("conformance: %s", (folder) => {
  it.each(cases.filter((c) => c.file.startsWith(`${folder}/`)).map((c) => ({ ...c, name: c.expected.behaviour })))(
    "$name ($file)",
    async ({ file, expected }) => {
      const extension = file.slice(file.lastIndexOf(".") + 1);
      const contentType = expected.contentType === undefined ? (DEFAULT_CONTENT_TYPE[extension] ?? null) : expected.contentType;
      const parsing = parseFeed(await feedBytes(file), contentType);
      if (expected.error !== undefined) {
        const error = await parsing.then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error, "parseFeed refuses the feed").toBeInstanceOf(FeedParseError);
        expect((error as FeedParseError).message).toMatch(/^parse: /);
        expect((error as FeedParseError).message).toMatch(new RegExp(expected.error));
        return;
      }
      const feed = await parsing;
      for (const [field, value] of Object.entries(expected.feed ?? {})) {
        expect(feed[field as keyof typeof feed], `feed.${field}`).toEqual(value);
      }
      const stories = await normalizeItems(feed.items, {
        feedUrl: expected.feedUrl ?? DEFAULT_FEED_URL,
        fetchedAt: expected.fetchedAt ?? DEFAULT_FETCHED_AT,
      });
      const items = expected.items ?? [];
      expect(stories, "number of stories").toHaveLength(items.length);
      items.forEach((want, i) => {
        for (const [field, value] of Object.entries(want)) {
          check(stories[i]![field as keyof NormalizedItem], value as Matcher, `story ${i + 1} ${field}`);
        }
      });
    },
  );
});
