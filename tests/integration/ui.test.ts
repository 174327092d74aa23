/**
 * The editors' interface through the Worker's own fetch: pages, filters in the URL, escaping, the CSP and
 * assets, login, CSRF and the admin forms. The browser tests (tests/browser) drive the same pages in Chromium.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { StoriesQuery } from "../../src/api/schemas";
import { api, registerFeed, runCron } from "./helpers";
import { CORPUS, idOf, seed } from "./query-seed";

const ORIGIN = "http://wirewatch.test";

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  };
}

async function login(): Promise<string> {
  const res = await api("/login", form({ token: "test-admin-token", next: "/feeds" }));
  expect(res.status).toBe(303);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0]!;
}

/** The visible text of an HTML fragment, tags dropped and entities of the escaping kind decoded. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");
}

let seedStoryId: number;

beforeAll(async () => {
  await seed(CORPUS);
  await registerFeed("/fixtures/feeds/seed.xml", "Devdiscourse");
  await registerFeed("/status/500", "Broken");
  await runCron();
  const row = await env.DB.prepare("SELECT id FROM stories WHERE title LIKE 'Blinken hopes%'").first<{ id: number }>();
  seedStoryId = row!.id;
});

describe("stories page", () => {
  it("lists stories with outlet, badges in text and links to each story", async () => {
    const res = await api("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`href="/stories/${seedStoryId}"`);
    expect(text(html)).toContain("Blinken hopes for progress on Haiti");
    expect(text(html)).toContain("Wire: Reuters");
    expect(html).toMatch(/<li class="badge syndicated">Syndicated<\/li>/);
  });

  it("filters by the URL: flag=syndicated shows the API's syndicated stories and no other", async () => {
    const html = await (await api("/?flag=syndicated")).text();
    const rows = html.split("<li>").slice(1);
    const titles = rows.map((r) => /<h2><a href="\/stories\/\d+">([^<]+)<\/a><\/h2>/.exec(r)?.[1]).filter((t) => t !== undefined);
    const expected = (await (await api("/v1/stories?flag=syndicated&fields=title")).json<{ stories: { title: string }[] }>()).stories.map((s) => s.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual(expected);
    expect(titles).not.toContain("Council votes to restore the old lighthouse");
    for (const row of rows.filter((r) => r.includes("<h2>"))) expect(row).toContain('<li class="badge syndicated">Syndicated</li>');
    // The filter bar shows the filter it applied.
    expect(html).toMatch(/<input type="checkbox" name="flag" value="syndicated" checked=""/);
  });

  it("ignores the empty fields a form sends as they are, and negates flags", async () => {
    const html = await (await api("/?q=&wire=&feed=&entity=&entity_type=&since=&until=&no_flag=syndicated")).text();
    expect(text(html)).toContain("Council votes to restore the old lighthouse");
    expect(text(html)).not.toContain("Monsoon forecast lifts hopes");
    expect(html).not.toContain('<li class="badge syndicated">');
  });

  it("offers stated-only evidence, and says so while the API does not filter on it", async () => {
    const html = await (await api("/?flag=syndicated&evidence=stated")).text();
    expect(html).toMatch(/<input type="checkbox" name="evidence" value="stated" checked=""/);
    const api_ = (await (await api("/v1/stories?flag=syndicated&evidence=stated&fields=title")).json<{ stories: unknown[] }>()).stories;
    expect(html.match(/<li><h2>/g)?.length).toBe(api_.length);
    // Once the API's query takes evidence=, the note goes and the filter is the API's own.
    expect(text(html).includes("does not filter on evidence yet")).toBe(!("evidence" in StoriesQuery.shape));
  });

  it("escapes titles: markup in a title is shown as text", async () => {
    const html = await (await api("/?q=cartoon")).text();
    expect(html).toContain("&lt;b&gt;best&lt;/b&gt;");
    expect(html).not.toContain("<b>best</b>");
  });

  it("answers bad filters with a 400 page that says what is wrong", async () => {
    const res = await api("/?flag=bogus&since=yesterday");
    expect(res.status).toBe(400);
    const body = text(await res.text());
    expect(body).toContain("These filters cannot be applied");
    expect(body).toMatch(/flag/);
    expect(body).toMatch(/since/);
    const bad = await api("/?cursor=nonsense");
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain("Invalid cursor");
    const fts = await api(`/?q=${encodeURIComponent('"unclosed')}`);
    expect(fts.status).toBe(400);
    expect(text(await fts.text())).toContain("Invalid q");
  });

  it("pages by cursor and links the view as RSS, Atom and JSON Feed", async () => {
    const html = await (await api("/?limit=2&entity=Haiti")).text();
    expect(html).toContain('href="/v1/stories.rss?limit=2&amp;entity=Haiti"');
    expect(html).toContain('href="/v1/stories.atom?limit=2&amp;entity=Haiti"');
    expect(html).toContain('href="/v1/stories.json?limit=2&amp;entity=Haiti"');
    const next = /<a href="([^"]+)"[^>]*rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toMatch(/cursor=/);
    const second = await (await api(next!)).text();
    expect(second).toContain("Newest stories");
    const firstIds = [...html.matchAll(/href="\/stories\/(\d+)"/g)].map((m) => m[1]);
    const secondIds = [...second.matchAll(/href="\/stories\/(\d+)"/g)].map((m) => m[1]);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
  });

  it("serves only the results as a fragment for the client script", async () => {
    const res = await api("/?flag=syndicated", { headers: { "x-wirewatch-fragment": "results" } });
    const html = await res.text();
    expect(html).not.toContain("<html");
    expect(html).toContain("stories on this page");
    expect(res.headers.get("vary")).toMatch(/x-wirewatch-fragment/);
  });
});

describe("page safety", () => {
  it("sends a CSP with no inline script, and pages carry no inline script or style", async () => {
    for (const path of ["/", `/stories/${seedStoryId}`, "/feeds", "/overview", "/try", "/login", "/entities/place/Haiti"]) {
      const res = await api(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const html = await res.text();
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), path).toBeNull();
      expect(html, path).not.toMatch(/\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
  });

  it("serves fingerprinted assets as immutable, and unknown ones as 404", async () => {
    const html = await (await api("/")).text();
    const script = /<script src="(\/assets\/app\.[a-z0-9]+\.js)"/.exec(html)?.[1];
    const style = /<link rel="stylesheet" href="(\/assets\/app\.[a-z0-9]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    for (const path of [script!, style!]) {
      const res = await api(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    expect((await api(script!)).headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await api("/assets/app.0000.js")).status).toBe(404);
  });

  it("leaves the API's own responses without the pages' headers", async () => {
    const res = await api("/v1/health");
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe("story page", () => {
  it("marks Antony Blinken in the body and shows the removed disclaimer as evidence under it", async () => {
    const html = await (await api(`/stories/${seedStoryId}`)).text();
    expect(html).toMatch(/<a class="entity person" href="\/entities\/person\/Antony%20Blinken"[^>]*>Antony Blinken<\/a>/);
    const story = await (await api(`/v1/stories/${seedStoryId}`)).json<{ flags: { evidence: { flag: string; text: string }[] }; content_text: string }>();
    const removed = story.flags.evidence.find((e) => !story.content_text.includes(e.text));
    expect(removed).toBeDefined();
    expect(text(html)).toContain("Removed from the body:");
    expect(text(html)).toContain(removed!.text);
    expect(text(html)).toContain("Raw fields");
  });

  it("highlights evidence that stands in the body where it stands", async () => {
    const id = await idOf("council");
    await env.DB.prepare("UPDATE stories SET evidence = ?1 WHERE id = ?2")
      .bind(JSON.stringify([{ flag: "syndicated", rule: "reuters-dateline", text: "PORT-AU-PRINCE (Reuters) -", kind: "stated" }]), id)
      .run();
    const html = await (await api(`/stories/${id}`)).text();
    // The tagger marks PORT-AU-PRINCE as a place and Reuters as an organization, so the dateline is several marks
    // around their links, with one anchor id.
    expect(html).toMatch(/<mark class="evidence" id="ev-0"[^>]*><a class="entity place"[^>]*>PORT-AU-PRINCE<\/a><\/mark><mark class="evidence" title="[^"]*"> \(<\/mark><mark class="evidence" title="[^"]*"><a class="entity organization"[^>]*>Reuters<\/a><\/mark><mark class="evidence" title="[^"]*">\) -<\/mark>/);
    expect(html.match(/id="ev-0"/g)).toHaveLength(1);
    expect(html).toContain('<a href="#ev-0">Highlighted in the body</a>');
  });

  it("escapes story text and answers unknown ids with a 404 page", async () => {
    const html = await (await api(`/stories/${await idOf("escaping")}`)).text();
    const body = /<section class="body"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    expect(body).toContain("&lt;script&gt;");
    expect(body).not.toContain("<script");
    expect((await api("/stories/999999")).status).toBe(404);
    expect((await api("/stories/abc")).status).toBe(404);
  });
});

describe("entity, overview and try-it pages", () => {
  it("shows an entity's profile and a chart of stories per day", async () => {
    const html = await (await api("/entities/person/Antony%20Blinken")).text();
    const body = text(html);
    expect(body).toContain("Antony Blinken");
    expect(body).toMatch(/Stories \d+/);
    expect(html).toMatch(/<svg class="chart"[^>]*role="group"[^>]*aria-label="Stories about Antony Blinken per day: \d+ stories/);
    expect((await api("/entities/person/Nobody%20At%20All")).status).toBe(404);
    expect((await api("/entities/planet/Mars")).status).toBe(404);
  });

  it("draws 30 days of stories by flag and by wire", async () => {
    const html = await (await api("/overview")).text();
    expect(html.match(/<svg class="chart"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(text(html)).toMatch(/Syndicated \(\d+\)/);
    expect(text(html)).toMatch(/Reuters \(\d+\)/);
  });

  it("annotates pasted text through POST /v1/annotate", async () => {
    const res = await api("/try", form({ title: "", body: "NEW DELHI, Mar 12 (PTI) Antony Blinken met officials in New Delhi.", format: "text" }));
    expect(res.status).toBe(200);
    const body = text(await res.text());
    expect(body).toContain("Wire: Press Trust of India");
    expect(body).toContain("Antony Blinken · person");
    const empty = await api("/try", form({ body: "  ", format: "text" }));
    expect(empty.status).toBe(400);
  });
});

describe("feeds page", () => {
  it("shows each feed's status, counts and errors to anyone, and the admin forms only after login", async () => {
    const html = await (await api("/feeds")).text();
    const rows = html.split("<tr id=").slice(1);
    const broken = rows.find((r) => r.includes("/status/500"))!;
    expect(text(broken)).toMatch(/Error \(1 in a row\)/);
    expect(text(broken)).toContain("Last 1 errors");
    expect(text(broken)).toMatch(/HTTP 500/);
    const seedRow = rows.find((r) => r.includes("seed.xml"))!;
    expect(text(seedRow)).toContain("OK");
    expect(seedRow).toMatch(/<svg class="spark"[^>]*aria-label="Stories per day in Devdiscourse: \d+ stories/);
    expect(html).not.toContain('action="/feeds/add"');
    expect(text(html)).toContain("Log in to add, import, pause or fetch feeds.");
  });
});

describe("login and admin forms", () => {
  it("refuses a wrong token with a plain message and no cookie", async () => {
    const res = await api("/login", form({ token: "not-the-token" }));
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(text(await res.text())).toContain("That token is not valid.");
  });

  it("keeps the token in an HttpOnly, Secure, SameSite=Strict cookie", async () => {
    const res = await api("/login", form({ token: "test-admin-token", next: "//evil.example/" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/feeds");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^wirewatch_admin=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it("refuses cross-site and non-form posts, even with a valid session", async () => {
    const cookie = await login();
    const before = await env.DB.prepare("SELECT count(*) AS n FROM feeds").first<{ n: number }>();
    const cross = await api("/feeds/add", form({ url: "https://news.example/a.xml" }, { cookie, origin: "https://evil.example" }));
    expect(cross.status).toBe(403);
    expect(text(await cross.text())).toContain("Request refused");
    const json = await api("/feeds/add", { method: "POST", headers: { cookie, origin: ORIGIN, "content-type": "application/json" }, body: '{"url":"https://news.example/a.xml"}' });
    expect(json.status).toBe(403);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM feeds").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("sends a form without a session to the login page", async () => {
    const res = await api("/feeds/add", form({ url: "https://news.example/b.xml" }));
    expect(res.status).toBe(401);
    expect(text(await res.text())).toContain("Log in to manage feeds.");
  });

  it("adds a feed, refuses a bad URL with the API's reason, pauses and resumes, and starts an ingest", async () => {
    const cookie = await login();
    const added = await api("/feeds/add", form({ url: "https://news.example/ui-added.xml", title: "UI added" }, { cookie }));
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/feeds?done=added");
    const feed = await env.DB.prepare("SELECT id, paused FROM feeds WHERE url = ?1").bind("https://news.example/ui-added.xml").first<{ id: number; paused: number }>();
    expect(feed).not.toBeNull();

    const again = await api("/feeds/add", form({ url: "https://news.example/ui-added.xml" }, { cookie }));
    expect(again.status).toBe(409);
    expect(text(await again.text())).toContain("already registered");
    const bad = await api("/feeds/add", form({ url: "ftp://news.example/x" }, { cookie }));
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain("The feed was not added: Invalid url");

    expect((await api(`/feeds/${feed!.id}/pause`, form({}, { cookie }))).status).toBe(303);
    expect((await env.DB.prepare("SELECT paused FROM feeds WHERE id = ?1").bind(feed!.id).first<{ paused: number }>())?.paused).toBe(1);
    const page = await (await api("/feeds", { headers: { cookie } })).text();
    expect(text(page)).toContain("never (paused)");
    expect((await api(`/feeds/${feed!.id}/resume`, form({}, { cookie }))).status).toBe(303);
    expect((await env.DB.prepare("SELECT paused FROM feeds WHERE id = ?1").bind(feed!.id).first<{ paused: number }>())?.paused).toBe(0);

    const ingest = await api("/feeds/ingest", form({ feed: String(feed!.id), force: "true" }, { cookie }));
    expect(ingest.status).toBe(303);
    const runPath = ingest.headers.get("location")!;
    expect(runPath).toMatch(/^\/runs\/\d+$/);
    const run = await (await api(runPath)).text();
    expect(text(run)).toMatch(/(Running|Finished): \d+ of 1 feeds fetched/);
  });

  it("imports OPML, telling what was added and what was refused", async () => {
    const cookie = await login();
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
      <outline type="rss" text="One" xmlUrl="https://news.example/opml-one.xml"/>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const res = await api("/feeds/import", form({ opml }, { cookie }));
    expect(res.status).toBe(200);
    const body = text(await res.text());
    expect(body).toContain("Imported 1 new feeds; 0 were already registered.");
    expect(body).toContain("Refused: javascript:alert(1)");
    const broken = await api("/feeds/import", form({ opml: "<not-opml" }, { cookie }));
    expect(broken.status).toBe(400);
    expect(text(await broken.text())).toContain("Nothing was imported");
  });

  it("logs out by clearing the cookie", async () => {
    const cookie = await login();
    const res = await api("/logout", form({}, { cookie }));
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/wirewatch_admin=;.*Max-Age=0/);
  });
});
