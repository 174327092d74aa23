/**
 * /v1/alerts as a client sees it: create, list, read, update, delete, the delivery log and the test delivery;
 * the query validated by the GET /v1/stories schema; the webhook URL checked like a feed URL; admin only.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { ADMIN, adminJson, api } from "./helpers";

interface AlertBody {
  id: number;
  name: string;
  query: Record<string, unknown>;
  webhook: { url: string; secret?: string };
  mode: string;
  paused: boolean;
  status: string;
  error_count: number;
}

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

const HOOK = "https://hooks.example.com/wirewatch";

async function create(body: unknown): Promise<Response> {
  return api("/v1/alerts", adminJson("POST", body));
}

async function created(body: Record<string, unknown>): Promise<AlertBody> {
  const res = await create({ name: "Alert", webhook: { url: HOOK }, query: {}, ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<AlertBody>();
}

async function problem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  return res.json<ProblemBody>();
}

describe("alerts: happy path", () => {
  it("creates an alert, showing its generated secret once", async () => {
    const res = await create({
      name: "Unedited PTI copy about Haiti",
      query: { flag: "unedited", wire: "PTI", entity: ["Haiti"] },
      webhook: { url: HOOK },
    });
    expect(res.status).toBe(201);
    const alert = await res.json<AlertBody>();
    expect(res.headers.get("location")).toBe(`/v1/alerts/${alert.id}`);
    expect(alert).toMatchObject({
      name: "Unedited PTI copy about Haiti",
      query: { flag: ["unedited"], wire: "PTI", entity: ["Haiti"] },
      mode: "each",
      paused: false,
      status: "pending",
      error_count: 0,
    });
    expect(alert.webhook.url).toBe(HOOK);
    // 32 random bytes, base64: the form Standard Webhooks libraries take.
    expect(alert.webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await (await api(`/v1/alerts/${alert.id}`, { headers: ADMIN })).json<AlertBody>();
    expect(read.webhook).toEqual({ url: HOOK });
    const list = await (await api("/v1/alerts", { headers: ADMIN })).json<{ alerts: AlertBody[] }>();
    expect(list.alerts.map((a) => a.id)).toContain(alert.id);
    expect(list.alerts.every((a) => a.webhook.secret === undefined)).toBe(true);
  });

  it("keeps a secret given in the request, and a digest mode", async () => {
    const secret = `whsec_${btoa("k".repeat(32))}`;
    const alert = await created({ mode: "digest", webhook: { url: HOOK, secret } });
    expect(alert.mode).toBe("digest");
    expect(alert.webhook.secret).toBe(secret);
    const row = await env.DB.prepare("SELECT secret FROM alerts WHERE id = ?1").bind(alert.id).first<{ secret: string }>();
    expect(row?.secret).toBe(secret);
  });

  it("pauses, changes the query and the URL, and deletes", async () => {
    const alert = await created({ query: { flag: "syndicated" } });
    const patched = await api(`/v1/alerts/${alert.id}`, adminJson("PATCH", { paused: true, query: { no_flag: "syndicated", q: "earthquake" }, webhook: { url: `${HOOK}/v2` } }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ paused: true, query: { no_flag: ["syndicated"], q: "earthquake" }, webhook: { url: `${HOOK}/v2` } });
    const filter = await env.DB.prepare("SELECT filter FROM alerts WHERE id = ?1").bind(alert.id).first<{ filter: string }>();
    expect(JSON.parse(filter!.filter)).toMatchObject({ flags: [], noFlags: ["syndicated"], q: "earthquake" });

    expect((await api(`/v1/alerts/${alert.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(204);
    expect((await api(`/v1/alerts/${alert.id}`, { headers: ADMIN })).status).toBe(404);
    expect((await api(`/v1/alerts/${alert.id}`, { method: "DELETE", headers: ADMIN })).status).toBe(404);
  });

  it("resolves aliases as the story list does", async () => {
    const alert = await created({ query: { wire: "PTI", entity: "U.N." } });
    const row = await env.DB.prepare("SELECT filter FROM alerts WHERE id = ?1").bind(alert.id).first<{ filter: string }>();
    expect(JSON.parse(row!.filter)).toMatchObject({ wire: "Press Trust of India", entities: ["United Nations"] });
  });

  it("starts with an empty delivery log, and queues a test delivery into it", async () => {
    const alert = await created({ webhook: { url: "https://hooks.example.com/never-called" }, paused: true });
    const empty = await (await api(`/v1/alerts/${alert.id}/deliveries`, { headers: ADMIN })).json<{ deliveries: unknown[]; next_cursor: null }>();
    expect(empty).toEqual({ deliveries: [], next_cursor: null });
    const res = await api(`/v1/alerts/${alert.id}/test`, { method: "POST", headers: ADMIN });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ alert_id: alert.id, kind: "test", status: "pending", story_ids: [] });
  });
});

describe("alerts: errors", () => {
  it("validates the query with the stories schema, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ flag: "not-a-flag" }, "query.flag.0"],
      [{ flags: "syndicated" }, "query"], // misspelt: an error, never a match-all
      [{ limit: 5 }, "query"],
      [{ cluster: 4 }, "query"], // cluster membership is settled after matching: refused, not ignored
      [{ min_copies: 3 }, "query"],
      [{ evidence: "some" }, "query.evidence"],
      [{ since: "yesterday" }, "query.since"],
      [{ feed: -1 }, "query.feed"],
      [{ fields: "title,nope" }, "query.fields"],
      [{ entity_type: "person" }, "query.entity_type"],
      [{ q: '"unterminated' }, "query.q"],
    ];
    for (const [query, field] of cases) {
      const body = await problem(await create({ name: "x", query, webhook: { url: HOOK } }), 400);
      expect(body.errors?.map((e) => e.field), JSON.stringify(query)).toContainEqual(expect.stringMatching(new RegExp(`^${field.replace(/\./g, "\\.")}`)));
    }
  });

  it("refuses bad bodies, secrets and modes", async () => {
    await problem(await create({ query: {}, webhook: { url: HOOK } }), 400);
    await problem(await create({ name: "x", query: {}, webhook: { url: HOOK, secret: "hunter2" } }), 400);
    await problem(await create({ name: "x", query: {}, webhook: { url: HOOK, secret: `whsec_${btoa("short")}` } }), 400);
    await problem(await create({ name: "x", query: {}, webhook: { url: HOOK }, mode: "hourly" }), 400);
    await problem(await api("/v1/alerts", { method: "POST", headers: { ...ADMIN, "content-type": "application/json" }, body: "{" }), 400);
    const alert = await created({});
    await problem(await api(`/v1/alerts/${alert.id}`, adminJson("PATCH", {})), 400);
    await problem(await api(`/v1/alerts/${alert.id}`, adminJson("PATCH", { query: { flag: "nope" } })), 400);
    const row = await env.DB.prepare("SELECT query FROM alerts WHERE id = ?1").bind(alert.id).first<{ query: string }>();
    expect(JSON.parse(row!.query)).toEqual({});
  });

  it("refuses webhook URLs a feed URL could not have", async () => {
    for (const url of ["ftp://hooks.example.com/x", "not a url", "http://169.254.169.254/latest", "http://user:pw@hooks.example.com/"]) {
      const body = await problem(await create({ name: "x", query: {}, webhook: { url } }), 400);
      expect(body.errors?.[0]?.field).toBe("webhook.url");
    }
  });

  it("refuses a private webhook URL unless ALLOW_PRIVATE_FEEDS is true", async () => {
    const production = { ...env, ALLOW_PRIVATE_FEEDS: "false" };
    for (const url of ["http://127.0.0.1:9/hook", "http://10.0.0.7/hook", "http://localhost/hook", "http://[::1]/hook"]) {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request("http://wirewatch.test/v1/alerts", adminJson("POST", { name: "x", query: {}, webhook: { url } })), production, ctx);
      await waitOnExecutionContext(ctx);
      const body = await problem(res, 400);
      expect(body.errors?.[0]).toMatchObject({ field: "webhook.url", message: expect.stringMatching(/ALLOW_PRIVATE_FEEDS/) });
    }
  });

  it("is admin only, and answers 404 for unknown alerts", async () => {
    expect((await api("/v1/alerts")).status).toBe(401);
    expect((await api("/v1/alerts", { method: "POST", body: "{}" })).status).toBe(401);
    expect((await api("/v1/alerts/1/deliveries")).status).toBe(401);
    for (const path of ["/v1/alerts/999999", "/v1/alerts/999999/deliveries"]) {
      await problem(await api(path, { headers: ADMIN }), 404);
    }
    await problem(await api("/v1/alerts/999999/test", { method: "POST", headers: ADMIN }), 404);
    await problem(await api("/v1/alerts/999999", adminJson("PATCH", { paused: true })), 404);
    await problem(await api("/v1/alerts/abc", { headers: ADMIN }), 400);
  });
});
