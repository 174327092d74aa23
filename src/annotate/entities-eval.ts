/**
 * Scoring for the entity tagger against the labelled stories in fixtures/entities/. Shared by the eval
 * script (scripts/eval-entities.ts) and the unit test that guards the F1 target, so both count alike.
 * Not imported by the Worker.
 *
 * A labelled story is one text file: a header ("title:", "split: dev|holdout|wire"), a line "---", the body,
 * another "---", then one gold entity per line as "type: Canonical Name" (optionally " = mentions").
 */
import { ENTITY_TYPES, type Entity, type EntityType } from "../model";

export class EntityEvalError extends Error {
  override name = "EntityEvalError";
}

export interface GoldStory {
  id: string;
  title: string;
  text: string;
  /** dev: trained and tuned on; holdout: never; wire: the wire-copy set of fixtures/entities-wire/, never. */
  split: "dev" | "holdout" | "wire";
  gold: { name: string; type: EntityType; mentions?: number }[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalError {
  story: string;
  error: "missed" | "spurious";
  name: string;
  type: EntityType;
}

export interface EvalReport {
  stories: number;
  overall: Counts;
  byType: Record<EntityType, Counts>;
  errors: EvalError[];
}

export function parseGoldStory(id: string, raw: string): GoldStory {
  const parts = raw.replace(/\r\n/g, "\n").split(/^---$/m);
  if (parts.length !== 3) throw new EntityEvalError(`entities-eval: ${id}: expected header, body and gold separated by "---"`);
  const [header, body, goldLines] = parts as [string, string, string];
  const field = (name: string): string | undefined =>
    header.match(new RegExp(`^${name}:\\s*(.*)$`, "m"))?.[1]?.trim();
  const title = field("title");
  const split = field("split") ?? "dev";
  if (!title) throw new EntityEvalError(`entities-eval: ${id}: no title`);
  if (split !== "dev" && split !== "holdout" && split !== "wire") throw new EntityEvalError(`entities-eval: ${id}: bad split "${split}"`);
  const gold = goldLines
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = line.match(/^(person|organization|place):\s*(.+?)(?:\s*=\s*(\d+))?$/);
      if (!match) throw new EntityEvalError(`entities-eval: ${id}: bad gold line "${line}"`);
      const [, type, name, mentions] = match as [string, EntityType, string, string | undefined];
      return mentions ? { name, type, mentions: Number(mentions) } : { name, type };
    });
  return { id, title, text: body.trim(), split, gold };
}

function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Micro precision, recall and F1 over (canonical name, type) pairs, story by story. */
export function scoreStories(stories: GoldStory[], tag: (title: string, text: string) => Entity[]): EvalReport {
  const raw = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityType,
    { tp: number; fp: number; fn: number }
  >;
  const errors: EvalError[] = [];
  for (const story of stories) {
    const key = (e: { name: string; type: EntityType }): string => `${e.type}\u0000${e.name.toLowerCase()}`;
    const gold = new Map(story.gold.map((e) => [key(e), e]));
    const found = new Map(tag(story.title, story.text).map((e) => [key(e), e]));
    for (const [k, e] of found) {
      if (gold.has(k)) raw[e.type].tp++;
      else {
        raw[e.type].fp++;
        errors.push({ story: story.id, error: "spurious", name: e.name, type: e.type });
      }
    }
    for (const [k, e] of gold) {
      if (found.has(k)) continue;
      raw[e.type].fn++;
      errors.push({ story: story.id, error: "missed", name: e.name, type: e.type });
    }
  }
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, counts(raw[t].tp, raw[t].fp, raw[t].fn)])) as Record<
    EntityType,
    Counts
  >;
  const sum = (f: "tp" | "fp" | "fn"): number => ENTITY_TYPES.reduce((n, t) => n + raw[t][f], 0);
  return { stories: stories.length, overall: counts(sum("tp"), sum("fp"), sum("fn")), byType, errors };
}

/** One labelled page of ../shared/data/pages-dev (see its README): gold entities with aliases and doubt. */
export interface GoldPage {
  id: string;
  /** "" when the file's title was rebuilt from the URL: it is not page text and gives no entities. */
  title: string;
  text: string;
  gold: { name: string; type: EntityType; aliases: string[]; doubtful: boolean }[];
}

/** Reads one page file: "# SOURCE/OUTLET/TITLE" header lines, a blank line, then the excerpt verbatim. */
export function parseGoldPage(id: string, raw: string, gold: GoldPage["gold"]): GoldPage {
  const blank = raw.indexOf("\n\n");
  if (!raw.startsWith("# ") || blank < 0) throw new EntityEvalError(`entities-eval: page ${id}: no header`);
  const title = raw.slice(0, blank).match(/^# TITLE: (.*)$/m)?.[1] ?? "";
  return { id, title: /\[(?:from URL slug|headline not in stored text)/.test(title) ? "" : title, text: raw.slice(blank + 2), gold };
}

/** The pages-dev README's normalization: lowercase, possessive 's and punctuation stripped, spaces collapsed. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

export interface PageError {
  page: string;
  error: "missed" | "spurious";
  name: string;
  type: EntityType;
}

export interface PageReport {
  pages: number;
  overall: Counts;
  byType: Record<EntityType, Counts>;
  /** Predictions that matched a doubtful gold entity: neither right nor wrong. */
  ignored: number;
  errors: PageError[];
}

/**
 * Document-level canonical micro F1 as pages-dev/README.md scores it: a prediction is right when its normalized
 * name equals the normalized gold name or an alias and the type agrees; each gold entity counts once; a
 * prediction of a doubtful entity is ignored and doubtful entities are never misses. `expand` maps a printed
 * form to its standard expansions ("U.S." → "United States"; "AAP" → "Aam Aadmi Party" and "Australian
 * Associated Press", an abbreviation two names share), so either side may use any of them.
 */
export function scorePages(
  pages: GoldPage[],
  tag: (title: string, text: string) => Entity[],
  expand: (name: string) => string | readonly string[],
): PageReport {
  const keysOf = (name: string): string[] => [name, ...[expand(name)].flat()].map(normalizeName);
  const raw = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityType,
    { tp: number; fp: number; fn: number }
  >;
  const errors: PageError[] = [];
  let ignored = 0;
  for (const page of pages) {
    const forms = page.gold.map((g) => new Set([g.name, ...g.aliases].flatMap(keysOf)));
    const used = new Set<number>();
    for (const e of tag(page.title, page.text)) {
      const keys = keysOf(e.name);
      const i = page.gold.findIndex((g, k) => g.type === e.type && keys.some((key) => forms[k]?.has(key)));
      const g = page.gold[i];
      if (g?.doubtful) {
        ignored++;
      } else if (g && !used.has(i)) {
        used.add(i);
        raw[e.type].tp++;
      } else {
        raw[e.type].fp++;
        errors.push({ page: page.id, error: "spurious", name: e.name, type: e.type });
      }
    }
    page.gold.forEach((g, i) => {
      if (g.doubtful || used.has(i)) return;
      raw[g.type].fn++;
      errors.push({ page: page.id, error: "missed", name: g.name, type: g.type });
    });
  }
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, counts(raw[t].tp, raw[t].fp, raw[t].fn)])) as Record<
    EntityType,
    Counts
  >;
  const sum = (f: "tp" | "fp" | "fn"): number => ENTITY_TYPES.reduce((n, t) => n + raw[t][f], 0);
  return { pages: pages.length, overall: counts(sum("tp"), sum("fp"), sum("fn")), byType, ignored, errors };
}
