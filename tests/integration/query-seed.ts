/**
 * A small corpus for the query API tests, written straight through the store's write path with explicit
 * annotations: the tests are about filtering, paging and output formats, so they must not move when the
 * annotator's rules do. The stories are invented for this project.
 */
import { env } from "cloudflare:test";
import type { Annotation, EntityType, FlagName, NormalizedItem } from "../../src/model";
import { storyWriteStatements } from "../../src/store/stories";

export interface SeedStory {
  feed: number;
  guid: string;
  title: string;
  text: string;
  published: string | null;
  flags?: FlagName[];
  wires?: string[];
  entities?: [string, EntityType, number][];
  url?: string | null;
  author?: string | null;
  categories?: string[];
}

export const FETCHED_AT = "2024-03-20T00:00:00.000Z";

export function item(s: SeedStory): NormalizedItem {
  return {
    guid: s.guid,
    url: s.url === undefined ? `https://news.example/${s.feed}/${s.guid}` : s.url,
    title: s.title,
    author: s.author ?? null,
    published_at: s.published,
    updated_at: null,
    published_raw: null,
    summary: null,
    content_html: `<p>${s.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
    text: s.text,
    categories: s.categories ?? [],
    content_hash: `hash:${s.guid}:${s.title}:${s.text.length}`,
  };
}

export function annotation(s: SeedStory): Annotation {
  const flags = new Set(s.flags ?? []);
  return {
    flags: {
      auto_generated: flags.has("auto_generated"),
      unedited: flags.has("unedited"),
      syndicated: flags.has("syndicated"),
      ai_generated: flags.has("ai_generated"),
      wire_services: s.wires ?? [],
      evidence: [...flags].map((flag) => ({ flag, rule: "seed", text: `seeded ${flag}`, kind: "stated" })),
    },
    entities: (s.entities ?? []).map(([name, type, mentions]) => ({ name, type, mentions })),
    content_text: s.text,
  };
}

/** Stores the stories (insert or update) in one batch, as one ingest of their feeds would. */
export async function seed(stories: SeedStory[], fetchedAt = FETCHED_AT): Promise<void> {
  await env.DB.batch(
    stories.flatMap((s) => storyWriteStatements(env.DB, s.feed, { item: item(s), annotation: annotation(s), annotatorVersion: 1 }, fetchedAt)),
  );
}

export async function idOf(guid: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM stories WHERE guid = ?1").bind(guid).first<{ id: number }>();
  if (!row) throw new Error(`query-seed: no story ${guid}`);
  return row.id;
}

export const CORPUS: SeedStory[] = [
  {
    feed: 1, guid: "convoy", published: "2024-03-13T14:00:00.000Z",
    title: "Aid convoy reaches Port-au-Prince after roadblocks clear",
    text: "An aid convoy reached Port-au-Prince on Wednesday after armed groups lifted roadblocks on the coastal road. United Nations staff said food would reach three districts of Haiti by Friday.",
    entities: [["Haiti", "place", 2], ["Port-au-Prince", "place", 2], ["United Nations", "organization", 1]],
    categories: ["Caribbean"],
  },
  {
    feed: 1, guid: "council", published: "2024-03-12T10:00:00.000Z",
    title: "Haiti transition council names interim premier",
    text: "PORT-AU-PRINCE (Reuters) - Haiti's transition council named an interim prime minister on Tuesday. Antony Blinken welcomed the choice and urged a quick return to elections.",
    flags: ["syndicated"], wires: ["Reuters"],
    entities: [["Haiti", "place", 2], ["Antony Blinken", "person", 1], ["Port-au-Prince", "place", 1]],
  },
  {
    feed: 2, guid: "rates", published: "2024-03-12T08:00:00.000Z",
    title: "Central bank holds rates as inflation cools",
    text: "FRANKFURT (Reuters) - The European Central Bank left interest rates unchanged on Tuesday, saying inflation in the euro area was cooling faster than expected.",
    flags: ["syndicated"], wires: ["Reuters"],
    entities: [["European Central Bank", "organization", 2], ["Frankfurt", "place", 1]],
  },
  {
    feed: 2, guid: "sausage", published: "2024-03-11T09:00:00.000Z",
    title: "Frankfurter stand wins the harbour food prize",
    text: "A frankfurter stand by the ferry terminal won this year's harbour food prize, the jury said, praising its mustard and its queue discipline.",
  },
  {
    feed: 3, guid: "monsoon", published: "2024-03-12T06:10:00.000Z",
    title: "Monsoon forecast lifts hopes for farm output",
    text: "New Delhi, Mar 12 (PTI) The India Meteorological Department on Tuesday forecast a normal monsoon, a relief for farmers.",
    flags: ["syndicated", "unedited", "auto_generated"], wires: ["Press Trust of India"],
    entities: [["India Meteorological Department", "organization", 1], ["New Delhi", "place", 1]],
  },
  {
    feed: 3, guid: "lighthouse", published: "2024-03-11T18:05:00.000Z", author: "Maria Lopes",
    title: "Council votes to restore the old lighthouse",
    text: "The harbour council voted on Monday to restore the old lighthouse, ending a decade of debate about its cost.",
  },
  {
    feed: 3, guid: "undated", published: null,
    title: "Ferry timetable changes for the spring",
    text: "The ferry company published its spring timetable, adding an early crossing on weekdays.",
  },
  {
    feed: 1, guid: "escaping", published: "2024-03-10T12:00:00.000Z", author: "Desk <desk@news.example>",
    title: `Tom & Jerry's "<b>best</b>" ]]> moment \u0001 at the harbour 🎬`,
    text: `A cartoon festival opened with <script>alert("x")</script> & friends, ]]> and a bell \u0007 ringing.`,
    categories: ["Arts & Culture"],
  },
  {
    feed: 2, guid: "blinken-visit", published: "2024-03-09T16:30:00.000Z",
    title: "Blinken visits Port-au-Prince for talks",
    text: "Antony Blinken arrived in Port-au-Prince for talks on the security mission in Haiti, United Nations officials said.",
    entities: [["Antony Blinken", "person", 2], ["Haiti", "place", 1], ["Port-au-Prince", "place", 1], ["United Nations", "organization", 1]],
  },
  {
    feed: 2, guid: "earnings", published: "2024-03-08T07:00:00.000Z",
    title: "Harbour Shipping posts quarterly earnings",
    text: "Harbour Shipping reported quarterly revenue of 12 million, up 4 percent. This summary was generated automatically from the company's filing.",
    flags: ["ai_generated", "auto_generated"],
    entities: [["Harbour Shipping", "organization", 2]],
  },
  {
    feed: 1, guid: "jordan-place", published: "2024-03-07T11:00:00.000Z",
    title: "Jordan opens a new border crossing",
    text: "Jordan opened a new border crossing for freight on Thursday.",
    entities: [["Jordan", "place", 1]],
  },
  {
    feed: 1, guid: "jordan-person", published: "2024-03-06T11:00:00.000Z",
    title: "Coach Jordan signs a two-year extension",
    text: "Jordan, the harbour club's coach, signed a two-year extension.",
    entities: [["Jordan", "person", 1]],
  },
];
