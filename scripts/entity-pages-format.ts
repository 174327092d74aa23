/**
 * Page-like training texts for the entity tagger (fixtures/entities-pages/): pages written for the project in
 * the shape real news pages arrive in (menus, headline lists, share bars, credits, capitals lines, datelines,
 * results tables), labelled mention by mention with inline marks:
 *
 *   title: [[Korlabad|O]] edge [[Sennford|O]] as [[Ravi Lal|P]] scores late
 *   ---
 *   KORLABAD, March 3 (PTI) ...the text, with every mention marked [[surface|P|O|L]]...
 *
 * P = person, O = organization, L = place. Unmarked words are not entities (page chrome is left unmarked:
 * the names in a "Trending" list are not the story's). Unlike fixtures/entities/, whose spans come from the
 * rule tagger where it agrees with a document-level list, these carry every span, misses included.
 * Read for training by scripts/entity-data.ts; checked by scripts/entity-pages.ts and tests/unit/entity-pages.test.ts.
 */
import type { Token } from "../src/annotate/entities/tokens";
import type { EntityType, SpanField } from "../src/model";

export interface MarkedMention {
  type: EntityType;
  field: SpanField;
  /** UTF-16 offsets [start, end) into the field's text once the marks are removed. */
  start: number;
  end: number;
}

export interface MarkedPage {
  id: string;
  title: string;
  text: string;
  mentions: MarkedMention[];
}

const TYPES: Record<string, EntityType> = { P: "person", O: "organization", L: "place" };
const MARK_RE = /\[\[([^[\]|\n]+)\|([POL])\]\]/g;

/** One field's text without its marks, and the marks' offsets; any stray "[[", "]]" or bad type throws. */
function unmark(raw: string, field: SpanField, where: string): { text: string; mentions: MarkedMention[] } {
  const mentions: MarkedMention[] = [];
  let text = "";
  let last = 0;
  for (const m of raw.matchAll(MARK_RE)) {
    text += raw.slice(last, m.index);
    const surface = m[1] as string;
    if (surface !== surface.trim()) throw new Error(`${where}: mark "${surface}" starts or ends with a space`);
    mentions.push({ type: TYPES[m[2] as string] as EntityType, field, start: text.length, end: text.length + surface.length });
    text += surface;
    last = m.index + m[0].length;
  }
  text += raw.slice(last);
  const stray = /\[\[|\]\]|\|[POL]\]/.exec(text);
  if (stray) throw new Error(`${where}: malformed mark near "${text.slice(Math.max(0, stray.index - 30), stray.index + 30)}"`);
  return { text, mentions };
}

export function parseMarkedPage(id: string, raw: string): MarkedPage {
  const cut = raw.indexOf("\n---\n");
  if (cut < 0) throw new Error(`${id}: no "---" line after the header`);
  const header = raw.slice(0, cut).split("\n");
  const titleLine = header.find((l) => l.startsWith("title:"));
  if (titleLine === undefined) throw new Error(`${id}: no "title:" line`);
  const title = unmark(titleLine.slice(6).trim(), "title", `${id} title`);
  const body = unmark(raw.slice(cut + 5).replace(/\s+$/, ""), "text", id);
  return { id, title: title.text, text: body.text, mentions: [...title.mentions, ...body.mentions] };
}

/** A page's mentions as token ranges over tokenize(title) then tokenize(text); a mark off the tokens throws. */
export function mentionTokens(page: MarkedPage, tokens: Token[]): { type: EntityType; start: number; end: number }[] {
  return page.mentions.map((m) => {
    const start = tokens.findIndex((t) => t.field === m.field && t.start === m.start);
    const end = tokens.findIndex((t) => t.field === m.field && t.end === m.end);
    if (start < 0 || end < start) {
      const text = m.field === "title" ? page.title : page.text;
      const near = tokens.filter((t) => t.field === m.field && t.end > m.start - 12 && t.start < m.end + 12).map((t) => t.text);
      throw new Error(`${page.id}: mark "${text.slice(m.start, m.end)}" is not on token boundaries (tokens there: ${near.join(" · ")})`);
    }
    return { type: m.type, start, end: end + 1 };
  });
}

