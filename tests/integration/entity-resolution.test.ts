/**
 * Entity names resolve to ids once a minute per isolate: a repeated entity filter costs one D1 query, not two,
 * while a name first stored after a miss resolves at once and a remembered answer expires after 60 s.
 * The D1 binding is the real local database, wrapped only to count the statements it is given.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveEntityIds } from "../../src/store/entities";

function counting(db: D1Database): { db: D1Database; prepared: () => number } {
  let n = 0;
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => {
          n++;
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: wrapped, prepared: () => n };
}

async function addEntity(name: string, type: string): Promise<number> {
  const row = await env.DB.prepare("INSERT INTO entities (name, type) VALUES (?1, ?2) RETURNING id").bind(name, type).first<{ id: number }>();
  return row!.id;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("resolveEntityIds", () => {
  it("answers a repeated name from memory, with the same ids", async () => {
    const id = await addEntity("Resolution Place", "place");
    const { db, prepared } = counting(env.DB);
    expect(await resolveEntityIds(db, ["Resolution Place"])).toEqual([[id]]);
    expect(prepared()).toBe(1);
    expect(await resolveEntityIds(db, ["Resolution Place"])).toEqual([[id]]);
    expect(prepared()).toBe(1);
  });

  it("queries only the names it does not remember, and keeps the order of the request", async () => {
    const a = await addEntity("Resolution A", "person");
    const b = await addEntity("Resolution B", "organization");
    const { db, prepared } = counting(env.DB);
    await resolveEntityIds(db, ["Resolution A"]);
    expect(await resolveEntityIds(db, ["Resolution B", "Resolution A", "Resolution Nobody"])).toEqual([[b], [a], []]);
    expect(prepared()).toBe(2);
  });

  it("does not remember a name no story has, so it resolves as soon as it is stored", async () => {
    expect(await resolveEntityIds(env.DB, ["Resolution Late"])).toEqual([[]]);
    const id = await addEntity("Resolution Late", "place");
    expect(await resolveEntityIds(env.DB, ["Resolution Late"])).toEqual([[id]]);
  });

  it("keeps a type-narrowed answer apart from the unnarrowed one", async () => {
    const place = await addEntity("Resolution Jordan", "place");
    const person = await addEntity("Resolution Jordan", "person");
    expect((await resolveEntityIds(env.DB, ["Resolution Jordan"]))[0]!.sort()).toEqual([place, person].sort());
    expect(await resolveEntityIds(env.DB, ["Resolution Jordan"], "person")).toEqual([[person]]);
    expect(await resolveEntityIds(env.DB, ["Resolution Jordan"], "place")).toEqual([[place]]);
  });

  it("forgets an answer after a minute, picking up a type added since", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-01-01T00:00:00.000Z"));
    const place = await addEntity("Resolution Georgia", "place");
    expect(await resolveEntityIds(env.DB, ["Resolution Georgia"])).toEqual([[place]]);
    const person = await addEntity("Resolution Georgia", "person");
    vi.setSystemTime(Date.parse("2026-01-01T00:00:59.000Z"));
    expect(await resolveEntityIds(env.DB, ["Resolution Georgia"])).toEqual([[place]]);
    vi.setSystemTime(Date.parse("2026-01-01T00:01:01.000Z"));
    expect((await resolveEntityIds(env.DB, ["Resolution Georgia"]))[0]!.sort()).toEqual([place, person].sort());
  });
});
