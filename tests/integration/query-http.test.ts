/** HTTP behaviour of reads: ETag and 304, Cache-Control per resource, CORS, the OpenAPI document and /docs. */
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "./helpers";
import { CORPUS, idOf, seed } from "./query-seed";

beforeAll(async () => {
  await seed(CORPUS);
});

describe("ETag and Cache-Control", () => {
  it.each([
    ["/v1/stories?entity=Haiti", "public, max-age=60"],
    ["/v1/stories.rss?entity=Haiti", "public, max-age=60"],
    ["/v1/stories.atom", "public, max-age=60"],
    ["/v1/stories.json", "public, max-age=60"],
    ["/v1/entities", "public, max-age=60"],
    ["/v1/stats", "public, max-age=60"],
    ["/v1/entities/place/Haiti", "public, max-age=300"],
    ["/v1/openapi.json", "public, max-age=3600"],
    ["/docs", "public, max-age=3600"],
  ])("GET %s: weak ETag, %s, and 304 with the same headers on If-None-Match", async (path, cacheControl) => {
    const res = await api(path);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(res.headers.get("cache-control")).toBe(cacheControl);
    const again = await api(path, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe(cacheControl);
  });

  it("gives single stories a longer lifetime", async () => {
    const res = await api(`/v1/stories/${await idOf("convoy")}`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("answers 200 with the new body when the content changed", async () => {
    const first = await api("/v1/stories?feed=4");
    const etag = first.headers.get("etag")!;
    await seed([{ feed: 4, guid: "etag-change", published: "2024-03-15T00:00:00.000Z", title: "A new story", text: "Fresh." }]);
    const res = await api("/v1/stories?feed=4", { headers: { "if-none-match": etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).not.toBe(etag);
  });

  it("matches any of several validators, and a strong form of the same tag", async () => {
    const etag = (await api("/v1/entities")).headers.get("etag")!;
    expect((await api("/v1/entities", { headers: { "if-none-match": `"nope", ${etag}` } })).status).toBe(304);
    expect((await api("/v1/entities", { headers: { "if-none-match": etag.replace(/^W\//, "") } })).status).toBe(304);
    expect((await api("/v1/entities", { headers: { "if-none-match": '"nope"' } })).status).toBe(200);
    expect((await api("/v1/entities", { headers: { "if-none-match": "*" } })).status).toBe(304);
  });

  it("serves the same body, byte for byte, with its ETag as without the middleware's read", async () => {
    const res = await api("/v1/stories?limit=5");
    const body = await res.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", body));
    expect(res.headers.get("etag")).toBe(`W/"${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}"`);
    expect(JSON.parse(new TextDecoder().decode(body)).stories.length).toBeGreaterThan(0);
    const head = await api("/v1/stories?limit=5", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(res.headers.get("etag"));
  });

  it("never caches errors or progress", async () => {
    expect((await api("/v1/stories/99999999")).headers.get("cache-control")).toBe("no-store");
    expect((await api("/v1/stories?limit=0")).headers.get("cache-control")).toBe("no-store");
    expect((await api("/v1/stories?limit=0")).headers.get("etag")).toBeNull();
    expect((await api("/v1/health")).headers.get("cache-control")).toBe("no-store");
  });
});

describe("CORS", () => {
  it("allows any origin to read", async () => {
    const res = await api("/v1/stories", { headers: { origin: "https://dashboard.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("keeps the CORS header on a 304", async () => {
    const etag = (await api("/v1/stats")).headers.get("etag")!;
    const res = await api("/v1/stats", { headers: { origin: "https://dashboard.example", "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers a preflight for GET with the allowed methods and a max age", async () => {
    const res = await api("/v1/stories.json?entity=Haiti", {
      method: "OPTIONS",
      headers: { origin: "https://dashboard.example", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toMatch(/GET/);
    expect(res.headers.get("access-control-allow-methods")).not.toMatch(/POST|DELETE/);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    expect(res.headers.get("access-control-max-age")).toBe("86400");
  });
});

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, {
    operationId: string;
    summary: string;
    parameters: { name: string; in: string; required: boolean; schema: unknown }[];
    responses: Record<string, { description: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>;
  }>>;
}

describe("OpenAPI 3.1 document", () => {
  let doc: OpenApi;
  beforeAll(async () => {
    doc = await (await api("/v1/openapi.json")).json<OpenApi>();
  });

  it("describes every query API operation with its parameters", () => {
    const params = (path: string) => doc.paths[path]!.get!.parameters.map((p) => `${p.in}:${p.name}`);
    const storyParams = ["entity", "entity_type", "flag", "no_flag", "wire", "feed", "q", "since", "until", "limit", "cursor", "evidence", "cluster", "min_copies"].map((n) => `query:${n}`);
    for (const ext of ["rss", "atom", "json"]) expect(params(`/v1/stories.${ext}`)).toEqual(storyParams);
    expect(params("/v1/entities/{type}/{name}")).toEqual(["path:type", "path:name", "query:top"]);
    expect(params("/v1/stats")).toEqual(["query:since", "query:until"]);
    expect(params("/v1/clusters")).toEqual(["since", "until", "entity", "wire", "min_size", "limit", "cursor"].map((n) => `query:${n}`));
    expect(params("/v1/clusters/{id}")).toEqual(["path:id"]);
    expect(params("/v1/entities")).toEqual(["query:type", "query:q", "query:since", "query:until", "query:limit"]);
    expect(doc.paths["/docs"]?.get).toBeDefined();
  });

  it("gives every operation a unique id, a summary, an example of success, and every GET a 304", () => {
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method} ${path}`;
        expect(ids.has(op.operationId), where).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        const success = Object.entries(op.responses).filter(([s]) => Number(s) < 300);
        expect(success.length, where).toBeGreaterThan(0);
        const withBody = success.filter(([s]) => s !== "204");
        for (const [, r] of withBody) expect(Object.values(r.content ?? {}).some((m) => m.example !== undefined), where).toBe(true);
        if (method === "get") expect(op.responses["304"], where).toBeDefined();
        for (const r of Object.values(op.responses)) expect(r.description, where).toBeTruthy();
      }
    }
  });
});

describe("GET /docs", () => {
  it("is an HTML page listing every operation server-side, with a renderer for browsers", async () => {
    const res = await api("/docs");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    const doc = await (await api("/v1/openapi.json")).json<OpenApi>();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) expect(html, `${method} ${path}`).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    }
    expect(html).toContain("<code>entity</code> (query)");
    expect(html).toContain('data-url="/v1/openapi.json"');
    expect(html).toMatch(/<script src="https:\/\/[^"]+"><\/script>/);
  });
});
