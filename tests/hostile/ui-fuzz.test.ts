/**
 * Interface fuzzing (fast-check): any query string on the stories page, any path segment on the story, entity
 * and run pages, and any login form get a page (2xx, 3xx or a 4xx page saying what is wrong), never a 5xx,
 * never a reflected tag, and change no table.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../integration/helpers";
import { CORPUS, seed } from "../integration/query-seed";
import { anyText, injection, pathSegment, PROPERTY_TIMEOUT_MS, queryString } from "./fuzz";
import { databaseChecksum } from "./helpers";

const RUNS = 60;

beforeAll(async () => {
  await seed(CORPUS);
});

async function expectPage(res: Response, what: string): Promise<string> {
  expect(res.status, what).toBeLessThan(500);
  const body = await res.text();
  if (res.status !== 303) expect(res.headers.get("content-type"), what).toMatch(/^text\/html/);
  // The marker below is sent in every probe: seen raw, it would be markup injected into the page.
  expect(body, what).not.toContain("<x-probe");
  return body;
}

describe("interface pages under any input", () => {
  it("the stories page answers any query string with a page", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const before = await databaseChecksum();
    await fc.assert(
      fc.asyncProperty(queryString, async (q) => {
        const url = `/?${q}&q=${encodeURIComponent("<x-probe>")}`;
        const res = await api(url);
        expect([200, 400], url).toContain(res.status);
        await expectPage(res, url);
      }),
      { numRuns: RUNS },
    );
    expect(await databaseChecksum()).toBe(before);
  });

  it("story, entity and run pages answer any path segment with a page or a 404 page", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    await fc.assert(
      // An empty segment is another path (an unknown route, the API's 404 problem), not a page's id.
      fc.asyncProperty(fc.constantFrom("/stories/", "/entities/person/", "/entities/", "/runs/"), pathSegment.filter((s) => s !== ""), async (prefix, seg) => {
        const url = `${prefix}${seg}${prefix === "/entities/" ? "/x" : ""}`;
        const res = await api(url);
        expect([200, 404], url).toContain(res.status);
        await expectPage(res, url);
      }),
      { numRuns: RUNS },
    );
  });

  it("login and try-it take any form fields without a 5xx, and a wrong token never logs in", { timeout: PROPERTY_TIMEOUT_MS }, async () => {
    const before = await databaseChecksum();
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, injection), fc.oneof(anyText, fc.constant("<x-probe>")), async (token, next) => {
        const body = new URLSearchParams({ token, next }).toString();
        const headers = { "content-type": "application/x-www-form-urlencoded", origin: "http://wirewatch.test" };
        const res = await api("/login", { method: "POST", headers, body, redirect: "manual" });
        if (token.trim() === "test-admin-token") expect(res.status).toBe(303);
        else {
          expect(res.status).toBe(401);
          expect(res.headers.get("set-cookie")).toBeNull();
        }
        await expectPage(res, `login ${body}`);
        const tried = await api("/try", { method: "POST", headers, body: new URLSearchParams({ body: `${token} <x-probe>`, title: next, format: "html" }).toString() });
        await expectPage(tried, `try ${token}`);
      }),
      { numRuns: RUNS },
    );
    expect(await databaseChecksum()).toBe(before);
  });
});
