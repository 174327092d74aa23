/**
 * Where to mark a story's text: entity mentions (from the tagger's `spans` when the API carries them) and the
 * evidence sentences that set its flags. Pure: offsets in, paragraphs of segments out, for the JSX to wrap.
 * Offsets are UTF-16 code units into content_text (or the title), as CONTRACT.md defines `spans`.
 */
import type { Entity, Evidence } from "../model";

export interface Span {
  field: "title" | "text";
  start: number;
  end: number;
}

/** An entity as the UI reads it: `spans` arrives with the entities issue and is optional until then. */
export type UiEntity = Entity & { spans?: Span[] };

interface Range {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  entity?: UiEntity;
  /** Index into the story's evidence list. */
  evidence?: number;
}

const WORD = /[\p{L}\p{N}]/u;

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i]!);
}

/** Every whole-word occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): Range[] {
  const found: Range[] = [];
  if (needle === "") return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    if (!isWordAt(text, i - 1) && !isWordAt(text, i + needle.length)) found.push({ start: i, end: i + needle.length });
  }
  return found;
}

/**
 * The entity's mentions in one field. With spans, exactly those. Without (stories annotated before spans
 * landed), the canonical name, and for a person the surname alone, as whole words: a fallback that can miss
 * aliases ("U.N." for "United Nations") but never marks a word the name does not spell.
 */
export function mentionRanges(entity: UiEntity, field: "title" | "text", text: string): Range[] {
  if (entity.spans) return entity.spans.filter((s) => s.field === field && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const full = occurrences(text, entity.name);
  if (entity.type !== "person") return full;
  const surname = entity.name.split(/\s+/).at(-1) ?? "";
  const alone = surname === entity.name ? [] : occurrences(text, surname).filter((r) => !full.some((f) => r.start >= f.start && r.end <= f.end));
  return [...full, ...alone];
}

/** Where each evidence text stands in the body, or null when it was removed from it (a disclaimer). */
export function evidenceRanges(evidence: Evidence[], text: string): (Range | null)[] {
  return evidence.map((e) => {
    const at = e.text === "" ? -1 : text.indexOf(e.text);
    return at < 0 ? null : { start: at, end: at + e.text.length };
  });
}

/** Drops ranges that overlap an earlier-starting one, so marks never interleave. */
function disjoint<T extends Range>(ranges: T[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const r of sorted) if (kept.length === 0 || r.start >= kept.at(-1)!.end) kept.push(r);
  return kept;
}

/**
 * Splits `text` into paragraphs (blank-line separated, as content_text is written) of segments, each inside
 * at most one entity mention and at most one evidence sentence. A mention inside an evidence sentence stays
 * marked: the two kinds nest by splitting at every boundary.
 */
export function markText(text: string, entities: UiEntity[], evidence: Evidence[], field: "title" | "text" = "text"): Segment[][] {
  const mentions = disjoint(entities.flatMap((entity) => mentionRanges(entity, field, text).map((r) => ({ ...r, entity }))));
  const proofs = disjoint(
    evidenceRanges(evidence, text).flatMap((r, index) => (r ? [{ ...r, index }] : [])),
  );
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...mentions, ...proofs]) cuts.add(r.start).add(r.end);
  for (let i = text.indexOf("\n\n"); i >= 0; i = text.indexOf("\n\n", i + 2)) cuts.add(i).add(i + 2);
  const points = [...cuts].sort((a, b) => a - b);

  const paragraphs: Segment[][] = [[]];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const piece = text.slice(start, points[k + 1]);
    if (piece === "\n\n") {
      paragraphs.push([]);
      continue;
    }
    const entity = mentions.find((m) => m.start <= start && start < m.end)?.entity;
    const proof = proofs.find((p) => p.start <= start && start < p.end)?.index;
    paragraphs.at(-1)!.push({ text: piece, ...(entity ? { entity } : {}), ...(proof !== undefined ? { evidence: proof } : {}) });
  }
  return paragraphs.filter((p) => p.length > 0);
}
