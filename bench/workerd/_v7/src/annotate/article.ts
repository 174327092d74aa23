/**
 * annotateArticle(): annotate() for a story read from its page. Extractors keep the article element and drop
 * what wire copy needs around it, so before annotating, the page's other visible blocks are tried one by one
 * against the text rules: a block that is a dateline or byline of its own (Readability moves a short dateline
 * into its byline) goes before the text, a closing disclaimer placed after the article element goes after it,
 * everything else (navigation, comments, related links) stays out. The page's provenance signals then add
 * their stated evidence. Pure.
 */
import type { Annotation, Flags, PageSignal } from "../model";
import { annotate } from "./index";
import { detectFlags } from "./flags";
import { FLAG_RULES } from "./rules";

/** What annotateArticle reads of an extracted page (src/extract: ExtractedPage). */
export interface ArticleInput {
  paragraphs: readonly string[];
  outside: readonly string[];
  byline: string | null;
  signals: readonly PageSignal[];
}

export interface ArticleAnnotation {
  annotation: Annotation;
  /** The text annotated: the story's text with the blocks taken in, stored as the story's source text. */
  text: string;
}

/** Blocks longer than this are stories or comments, not a disclaimer or dateline; more than this many are not read. */
const MAX_BLOCK_CHARS = 1_000;
const MAX_BLOCKS = 400;

const WHERE = new Map(FLAG_RULES.map((rule) => [rule.id, rule.where]));

/** Ends like a dateline that runs into the story ("KINGSTON, March 11 (Reuters) -"). */
const DATELINE_END = /[-–—:]\s*$/u;
const DATELINE_MAX_CHARS = 100;

export function articleText(input: ArticleInput): string {
  const before: string[] = [];
  const after: string[] = [];
  let lead: string | null = null;
  const candidates = input.byline ? [input.byline, ...input.outside] : input.outside;
  for (const block of candidates.slice(0, MAX_BLOCKS)) {
    if (block.length > MAX_BLOCK_CHARS) continue;
    const { flags } = detectFlags("", block);
    if (flags.evidence.length === 0) continue;
    const wheres = new Set(flags.evidence.map((e) => WHERE.get(e.rule)));
    if (wheres.has("opening") && lead === null && DATELINE_END.test(block)) lead = block;
    else if (wheres.has("opening") || wheres.has("byline")) before.push(block);
    else after.push(block);
  }
  const paragraphs = [...input.paragraphs];
  // A dateline the page set in an element of its own, kept by the extractor as a paragraph: it runs into the story.
  const [first, second] = paragraphs;
  if (first !== undefined && second !== undefined && first.length <= DATELINE_MAX_CHARS && DATELINE_END.test(first)) {
    paragraphs.splice(0, 2, `${first} ${second}`);
  }
  if (lead !== null) paragraphs[0] = paragraphs.length > 0 ? `${lead} ${paragraphs[0]}` : lead;
  return [...new Set([...before, ...paragraphs, ...after])].join("\n\n");
}

/** The page signals' flags, wires and stated evidence, added to what the text rules found. */
export function withSignals(flags: Flags, signals: readonly PageSignal[]): Flags {
  const out: Flags = { ...flags, wire_services: [...flags.wire_services], evidence: [...flags.evidence] };
  const seen = new Set(out.evidence.map((e) => `${e.flag}\u0000${e.rule}\u0000${e.text}`));
  const note = (flag: Flags["evidence"][number]["flag"], rule: string, text: string): void => {
    const k = `${flag}\u0000${rule}\u0000${text}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.evidence.push({ flag, rule, text, kind: "stated" });
  };
  for (const s of signals) {
    for (const flag of s.flags) {
      out[flag] = true;
      note(flag, s.rule, s.text);
    }
    for (const wire of s.wire_services) {
      if (!out.wire_services.includes(wire)) out.wire_services.push(wire);
      note("wire", s.rule, s.text);
    }
  }
  return out;
}

export function annotateArticle(title: string, input: ArticleInput, url: string | null = null): ArticleAnnotation {
  const text = articleText(input);
  const annotation = annotate({ title, text, url });
  return { annotation: { ...annotation, flags: withSignals(annotation.flags, input.signals) }, text };
}
