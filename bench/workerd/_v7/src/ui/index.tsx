/**
 * The editors' interface, served by the same Worker at / (the API stays under /v1). Pages read through the
 * same store functions as the API (and the same stories filter, storyFilter); writes and annotate go through
 * the API itself with the session's token. Every page works without JavaScript.
 */
import { Hono, type Context } from "hono";
import { canonicalEntityName } from "../annotate/entities";
import { ApiError } from "../api/problems";
import { IdParam, StoriesQuery } from "../api/schemas";
import { storyFilter, storyPage, withSearchErrors } from "../api/stories";
import { ENTITY_TYPES, type Annotation, type EntityType, type Feed } from "../model";
import { dailyByFeed, dailyByFlagAndWire, dailyForEntity, daysIn, type DayWindow, newestPublished } from "../store/daily";
import { entityProfile } from "../store/entities";
import { getFeedErrors, listFeeds } from "../store/feeds";
import { getRun } from "../store/runs";
import { getStory, queryStoryFields } from "../store/stories";
import { type ApiFetch, callApi } from "./api-call";
import { assets } from "./assets";
import { EntityPage } from "./pages/entity";
import { FeedsPage, RunPage } from "./pages/feeds";
import { OverviewPage } from "./pages/overview";
import { LoginPage, MessagePage, TryPage, type TryInput } from "./pages/simple";
import { Results, StoriesPage, type StoryRow } from "./pages/stories";
import { type ClusterMember, StoryPage, type UiStory } from "./pages/story";
import { formGuard, logIn, logOut, pageHeaders, sessionToken } from "./session";
import type { UiEntity } from "./marks";

type C = Context<{ Bindings: Env }>;

const DAY_MS = 86_400_000;
/** What a row of the stories list shows: the page reads only these columns, as GET /v1/stories?fields= does. */
const ROW_FIELDS = ["feed_id", "title", "published_at", "fetched_at", "flags"] as const;

/** The 30 UTC days up to and including the newest story's day (today, if that is later or there is none). */
async function coverageWindow(db: D1Database, now: Date): Promise<DayWindow> {
  const newest = await newestPublished(db);
  const endOfToday = Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  const end = newest ? Math.min(endOfToday, Math.floor(Date.parse(newest) / DAY_MS) * DAY_MS + DAY_MS) : endOfToday;
  return { since: new Date(end - 30 * DAY_MS).toISOString(), until: new Date(end).toISOString() };
}

/** The URL's query as the API's validator sees it: repeated names as arrays; empty fields (a form sent as is) dropped. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, raw] of url.searchParams) {
    const v = raw.trim();
    if (v === "") continue;
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

function byId(feeds: Feed[]): Map<number, Feed> {
  return new Map(feeds.map((f) => [f.id, f]));
}

/** A local path to go back to after login; anything else (another origin, "//host") goes to /feeds. */
function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/feeds";
}

const FEED_NOTICES: Record<string, string> = {
  added: "The feed is registered and due now: start an ingest to fetch it.",
  paused: "The feed is paused: no ingest will fetch it until it is resumed.",
  resumed: "The feed is resumed and fetched at its next due time.",
};

export function ui(fetchApi: ApiFetch) {
  const app = new Hono<{ Bindings: Env }>();
  const message = async (c: C, status: 400 | 401 | 403 | 404 | 503, title: string, text: string) =>
    c.html(<MessagePage title={title} message={text} admin={(await sessionToken(c)) !== null} />, status);
  const refused = (c: C) => message(c, 403, "Request refused", "This form must be sent from a wirewatch page. Reload the page and try again.");
  const guard = formGuard(refused);

  for (const path of ["/", "/stories/*", "/entities/*", "/feeds", "/feeds/*", "/runs/*", "/overview", "/try", "/login", "/logout"]) {
    app.use(path, pageHeaders());
  }
  for (const path of ["/feeds/*", "/try", "/login", "/logout"]) app.on("POST", path, guard);

  app.route("/", assets);

  app.get("/", async (c) => {
    const url = new URL(c.req.url);
    const [feeds, admin] = await Promise.all([listFeeds(c.env.DB), sessionToken(c)]);
    let results;
    let status: 200 | 400 = 200;
    const parsed = StoriesQuery.safeParse(queryObject(url));
    if (!parsed.success) {
      status = 400;
      const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ");
      results = <Results url={url} stories={[]} nextCursor={null} feeds={byId(feeds)} error={`These filters cannot be applied: ${detail}.`} />;
    } else {
      try {
        const filter = storyFilter(parsed.data);
        const page = await withSearchErrors(filter, () => queryStoryFields(c.env.DB, filter, ROW_FIELDS, c.env.BODIES));
        results = <Results url={url} stories={page.stories as StoryRow[]} nextCursor={page.next_cursor} feeds={byId(feeds)} />;
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== "invalid-request") throw err;
        status = 400;
        results = <Results url={url} stories={[]} nextCursor={null} feeds={byId(feeds)} error={err.detail} />;
      }
    }
    c.header("vary", "x-wirewatch-fragment");
    if (c.req.header("x-wirewatch-fragment") === "results") return c.html(results, status);
    return c.html(<StoriesPage url={url} feeds={feeds} admin={admin !== null} results={results} />, status);
  });

  app.get("/stories/:id", async (c) => {
    const id = IdParam.safeParse({ id: c.req.param("id") });
    if (!id.success) return message(c, 404, "No such story", "Story ids are numbers.");
    const story = (await getStory(c.env.DB, id.data.id, c.env.BODIES)) as UiStory | null;
    if (!story) return message(c, 404, "No such story", `There is no story ${id.data.id}. It may have been taken down.`);
    const [feeds, admin] = await Promise.all([listFeeds(c.env.DB), sessionToken(c)]);
    let members: ClusterMember[] | null = null;
    if (story.cluster) {
      // Through the API, so the page shows a cluster's members as soon as GET /v1/clusters/:id serves them.
      const answer = await callApi<{ members?: ClusterMember[] }>(c, fetchApi, `/v1/clusters/${encodeURIComponent(String(story.cluster.id))}`);
      members = answer.ok && Array.isArray(answer.body?.members) ? answer.body.members : null;
    }
    const byFeed = byId(feeds);
    return c.html(<StoryPage story={story} feed={byFeed.get(story.feed_id) ?? null} feeds={byFeed} clusterMembers={members} admin={admin !== null} />);
  });

  app.get("/entities/:type/:name", async (c) => {
    const type = c.req.param("type");
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) return message(c, 404, "No such entity", `"${type}" is not an entity type: person, organization or place.`);
    const name = canonicalEntityName(c.req.param("name").trim());
    const profile = name === "" ? null : await entityProfile(c.env.DB, { name, type: type as EntityType, top: 10 });
    if (!profile) return message(c, 404, "No such entity", `No ${type} named "${name}" is tagged in any story.`);
    // Up to 90 days ending on the day it was last seen, and never fewer than 14, so one story still draws a chart.
    const until = Math.floor(Date.parse(profile.last_seen) / DAY_MS) * DAY_MS + DAY_MS;
    const first = Math.floor(Date.parse(profile.first_seen) / DAY_MS) * DAY_MS;
    const since = Math.min(until - 14 * DAY_MS, Math.max(first, until - 90 * DAY_MS));
    const window = { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
    const [series, latest, feeds, admin] = await Promise.all([
      dailyForEntity(c.env.DB, profile, window),
      storyPage(c.env, StoriesQuery.parse({ entity: profile.name, entity_type: profile.type, limit: "10" })),
      listFeeds(c.env.DB),
      sessionToken(c),
    ]);
    return c.html(<EntityPage profile={profile} series={series} stories={latest.stories} feeds={byId(feeds)} admin={admin !== null} />);
  });

  const feedsPage = async (c: C, notice?: { kind: "ok" | "error"; text: string }, status: 200 | 400 | 409 = 200) => {
    const window = await coverageWindow(c.env.DB, new Date());
    const [feeds, sparks, admin] = await Promise.all([listFeeds(c.env.DB), dailyByFeed(c.env.DB, window), sessionToken(c)]);
    // The error history, as GET /v1/feeds/:id gives it, for the feeds that have one.
    const failing = feeds.filter((f) => f.last_error !== null || f.error_count > 0);
    const errors = new Map(await Promise.all(failing.map(async (f) => [f.id, await getFeedErrors(c.env.DB, f.id)] as const)));
    return c.html(<FeedsPage feeds={feeds} sparks={sparks} errors={errors} days={daysIn(window)} admin={admin !== null} notice={notice} />, status);
  };

  app.get("/feeds", async (c) => {
    const done = c.req.query("done");
    const text = done ? FEED_NOTICES[done] : undefined;
    return feedsPage(c, text ? { kind: "ok", text } : undefined);
  });

  /** Admin form routes: no session means the login page, not a bare refusal. */
  const admin = async (c: C, act: (token: string) => Promise<Response>) => {
    const token = await sessionToken(c);
    if (!token) return c.html(<LoginPage next="/feeds" error="Log in to manage feeds." admin={false} />, 401);
    return act(token);
  };

  app.post("/feeds/add", (c) =>
    admin(c, async (token) => {
      const form = await c.req.parseBody();
      const url = typeof form.url === "string" ? form.url.trim() : "";
      const title = typeof form.title === "string" && form.title.trim() !== "" ? form.title.trim() : undefined;
      const answer = await callApi(c, fetchApi, "/v1/feeds", { method: "POST", token, json: { url, title } });
      if (!answer.ok) return feedsPage(c, { kind: "error", text: `The feed was not added: ${answer.detail}` }, answer.status === 409 ? 409 : 400);
      return c.redirect("/feeds?done=added", 303);
    }),
  );

  app.post("/feeds/import", (c) =>
    admin(c, async (token) => {
      const form = await c.req.parseBody();
      const file = form.file instanceof File && form.file.size > 0 ? await form.file.text() : "";
      const opml = file !== "" ? file : typeof form.opml === "string" ? form.opml : "";
      if (opml.trim() === "") return feedsPage(c, { kind: "error", text: "Choose an OPML file or paste one." }, 400);
      const answer = await callApi<{ added: string[]; already_registered: string[]; refused: { url: string; reason: string }[] }>(c, fetchApi, "/v1/feeds/import", {
        method: "POST",
        token,
        body: opml,
        type: "text/x-opml",
      });
      if (!answer.ok) return feedsPage(c, { kind: "error", text: `Nothing was imported: ${answer.detail}` }, 400);
      const { added, already_registered, refused } = answer.body;
      const refusedText = refused.length ? ` Refused: ${refused.map((r) => `${r.url} (${r.reason})`).join("; ")}.` : "";
      return feedsPage(c, { kind: refused.length ? "error" : "ok", text: `Imported ${added.length} new feeds; ${already_registered.length} were already registered.${refusedText}` });
    }),
  );

  for (const [action, paused] of [["pause", true], ["resume", false]] as const) {
    app.post(`/feeds/:id/${action}`, (c) =>
      admin(c, async (token) => {
        const id = IdParam.safeParse({ id: c.req.param("id") });
        if (!id.success) return message(c, 404, "No such feed", "Feed ids are numbers.");
        const answer = await callApi(c, fetchApi, `/v1/feeds/${id.data.id}`, { method: "PATCH", token, json: { paused } });
        if (!answer.ok) return feedsPage(c, { kind: "error", text: answer.detail }, 400);
        return c.redirect(`/feeds?done=${paused ? "paused" : "resumed"}`, 303);
      }),
    );
  }

  app.post("/feeds/ingest", (c) =>
    admin(c, async (token) => {
      const form = await c.req.parseBody();
      const params = new URLSearchParams();
      if (typeof form.feed === "string" && form.feed !== "") params.set("feed", form.feed);
      if (form.force === "true") params.set("force", "true");
      const answer = await callApi<{ id: number }>(c, fetchApi, `/v1/ingest${params.size ? `?${params}` : ""}`, { method: "POST", token });
      if (!answer.ok) return feedsPage(c, { kind: "error", text: `No ingest was started: ${answer.detail}` }, 400);
      return c.redirect(`/runs/${answer.body.id}`, 303);
    }),
  );

  app.get("/runs/:id", async (c) => {
    const id = IdParam.safeParse({ id: c.req.param("id") });
    const run = id.success ? await getRun(c.env.DB, id.data.id) : null;
    if (!run) return message(c, 404, "No such ingest run", "There is no ingest run with that id.");
    return c.html(<RunPage run={run} admin={(await sessionToken(c)) !== null} />);
  });

  app.get("/overview", async (c) => {
    const window = await coverageWindow(c.env.DB, new Date());
    const [daily, admin] = await Promise.all([dailyByFlagAndWire(c.env.DB, window), sessionToken(c)]);
    return c.html(<OverviewPage daily={daily} admin={admin !== null} />);
  });

  const empty: TryInput = { title: "", body: "", format: "text" };
  app.get("/try", async (c) => c.html(<TryPage input={empty} admin={(await sessionToken(c)) !== null} />));
  app.post("/try", async (c) => {
    const form = await c.req.parseBody();
    const input: TryInput = {
      title: typeof form.title === "string" ? form.title : "",
      body: typeof form.body === "string" ? form.body : "",
      format: form.format === "html" ? "html" : "text",
    };
    const admin = (await sessionToken(c)) !== null;
    if (input.body.trim() === "") return c.html(<TryPage input={input} error="Paste some text or HTML first." admin={admin} />, 400);
    const answer = await callApi<Annotation & { entities: UiEntity[] }>(c, fetchApi, "/v1/annotate", {
      method: "POST",
      json: { ...(input.title ? { title: input.title } : {}), [input.format]: input.body },
    });
    if (!answer.ok) return c.html(<TryPage input={input} error={answer.detail} admin={admin} />, 400);
    return c.html(<TryPage input={input} result={answer.body} admin={admin} />);
  });

  app.get("/login", async (c) => {
    const admin = (await sessionToken(c)) !== null;
    return c.html(<LoginPage next={safeNext(c.req.query("next"))} admin={admin} status={admin ? "You are logged in." : undefined} />);
  });

  app.post("/login", async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const result = await logIn(c, typeof form.token === "string" ? form.token : "");
    if (result === "ok") return c.redirect(next, 303);
    if (result === "disabled") return message(c, 503, "Admin is disabled", "No ADMIN_TOKEN is configured on this deployment, so nobody can log in.");
    // The same words for every wrong token: nothing about why.
    return c.html(<LoginPage next={next} error="That token is not valid." admin={false} />, 401);
  });

  app.post("/logout", (c) => {
    logOut(c);
    return c.redirect("/", 303);
  });

  // Any other address outside the API is a page saying so (a 404 page, with the pages' headers); /v1 keeps its
  // problem documents through the app's own notFound.
  const headers = pageHeaders();
  app.get("*", (c, next) => {
    if (c.req.path === "/v1" || c.req.path.startsWith("/v1/")) return next();
    return (async () => {
      await headers(c, async () => {
        c.res = await message(c, 404, "Page not found", "There is no page at this address.");
      });
      return c.res;
    })();
  });

  return app;
}
