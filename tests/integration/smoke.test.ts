import { env, SELF } from "cloudflare:test";
import { expect, inject, it } from "vitest";

it("runs in workerd with migrated D1 and the feed server", async () => {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='stories'").all();
  expect(tables.results).toHaveLength(1);
  const res = await fetch(`${inject("feedServer")}/fixtures/seed-story.txt`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Blinken");
  expect((await SELF.fetch("http://x/")).status).toBe(200);
});
