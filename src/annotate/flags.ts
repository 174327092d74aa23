/**
 * Syndication and automation flags with evidence, and the cleaned body. The rules live as data in rules.ts;
 * this module only decides where each rule may look (the opening and closing windows of the story, whole
 * short paragraphs for bylines), turns a match into evidence, and cuts disclaimers, slugs, inserts and photo
 * credits out of the body. Regexes are compiled once, at module load.
 */
import type { Evidence, FlagName, Flags } from "../model";
import {
  BRACKETED_CHARS,
  BRACKETED_NAME,
  CLEANING_RULES,
  FLAG_RULES,
  LEADING_WIRE,
  TRAILING_WIRE,
  type CleaningRule,
  type FlagRule,
  type RuleWhere,
} from "./rules";
import { findSpunText } from "./spinning";
import { wireOfSite, wiresNamedIn } from "./wires";

/**
 * Datelines sit in the first lines; captions, a byline or lines of site chrome (menus, headline lists, an "about the
 * agency" box on a reposting site) may come before them, sometimes a whole screen of it.
 */
const OPENING_CHARS = 2000;
/** Disclaimers, sign-offs and slugs sit in the last lines, sometimes followed by a credit or an insert. */
const CLOSING_CHARS = 1500;
/** The longest wire name with its closing bracket and stop, and room for the edge before it. */
const TRAILING_WIRE_CHARS = 40;
/** A byline, slug or credit is a line of its own and short. */
const BYLINE_MAX_CHARS = 160;
/** What may remain of a paragraph that opens with a disclaimer and still be its tail ("Only the headline..."). */
const DISCLAIMER_TAIL_MAX_CHARS = 160;
/** A longer tail goes too when it is the publisher's liability boilerplate ("Mid-day accepts no responsibility"). */
const DISCLAIMER_BOILERPLATE_MAX_CHARS = 600;
const DISCLAIMER_BOILERPLATE =
  /\b(?:responsibility|liability|reserves\s+the\s+(?:sole\s+)?right|accepts\s+no|holds\s+no|prior\s+to\s+publication|the\s+original\s+article)\b/iu;

interface CompiledRule {
  readonly rule: FlagRule;
  readonly regex: RegExp;
}

/** Whether one of a rule's hints occurs in the lower-cased text at or after `from`. */
function hinted(hints: readonly string[], lower: string, from: number): boolean {
  return hints.some((hint) => lower.indexOf(hint, from) !== -1);
}

function compileRules(where: RuleWhere): readonly CompiledRule[] {
  return FLAG_RULES.filter((rule) => rule.where === where).map((rule) => ({
    rule,
    regex: new RegExp(rule.pattern.source, rule.pattern.flags.includes("g") ? rule.pattern.flags : `${rule.pattern.flags}g`),
  }));
}

const RULES_BY_WHERE: Readonly<Record<RuleWhere, readonly CompiledRule[]>> = {
  opening: compileRules("opening"),
  closing: compileRules("closing"),
  byline: compileRules("byline"),
  anywhere: compileRules("anywhere"),
  title: compileRules("title"),
};

/** The catalogue lacks something this module relies on: a programming error, raised at module load. */
export class FlagCatalogueError extends Error {
  override readonly name = "FlagCatalogueError";
}

function cleaningPattern(id: string): RegExp {
  const rule = CLEANING_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new FlagCatalogueError(`flags: cleaning rule ${id} is missing from the catalogue`);
  return rule.pattern;
}

const LEADING_ARTIFACT = cleaningPattern("scrape-date-artifact");
const PARAGRAPH_CLEANERS = CLEANING_RULES.filter((rule) => rule.scope === "paragraph");
const INLINE_CLEANERS = CLEANING_RULES.filter((rule) => rule.scope === "inline").map((rule) => ({
  hints: rule.hints,
  regex: new RegExp(rule.pattern.source, `${rule.pattern.flags}g`),
}));

/** A sentence ends at . ! or ? (plus closing quotes) before whitespace and a capital, digit or opening mark. */
const SENTENCE_END = /[.!?]["”’)\]]*\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/gu;
/** Tokens whose trailing full stop does not end a sentence ("U.S.", "Mr.", "Jan."). */
const ABBREVIATION =
  /(?:^|\s|\()(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|No|Inc|Ltd|Co|Corp|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/u;
/** A disclaimer someone is quoted or reported as writing is news about the disclaimer, not one. */
const REPORTED_SPEECH =
  /\b(?:said|says|saying|told|tells|according\s+to|admitted|claimed|claims|noted|notes|wrote|writes|reads|stated|labell?ed|flagged|quoted|reportedly|warned|warns|argued|argues|critici[sz]ed)\b/iu;

interface Paragraph {
  readonly text: string;
  /** The text lower-cased once, for the rules' hints. */
  readonly lower: string;
  /** Offset of the paragraph in the body, counting a two-character break between paragraphs. */
  readonly start: number;
  readonly cuts: Cut[];
  drop: boolean;
  /** Whether the paragraph opens (LEADING_WIRE) or closes (TRAILING_WIRE) with a wire's name, tested on first need. */
  wireAtStart?: boolean;
  wireAtEnd?: boolean;
  /** The wires the opening names in brackets (bracketedWires), found on first need. */
  bracketedWires?: ReadonlySet<string>;
}

interface Cut {
  readonly start: number;
  readonly end: number;
  /** A disclaimer that opens its paragraph takes its short tail with it. */
  readonly takesTail: boolean;
}

class FlagCollector {
  readonly flags: Record<FlagName, boolean> = {
    auto_generated: false,
    unedited: false,
    syndicated: false,
    ai_generated: false,
  };
  readonly wires: string[] = [];
  readonly evidence: Evidence[] = [];
  private readonly seen = new Set<string>();

  /** The wire whose own site the story is on: its credits there are the publisher's own, not syndication. */
  constructor(private readonly ownWire: string | null = null) {}

  add(rule: Pick<FlagRule, "id" | "flags" | "kind">, text: string, wires: readonly string[]): void {
    if (this.ownWire !== null && wires.includes(this.ownWire)) {
      // "SEOUL, May 2 (Yonhap) --" on yna.co.kr: a credit naming only the site's own agency says nothing; one
      // naming another agency too still credits that one. Rules that state more than syndication keep counting.
      const others = wires.filter((wire) => wire !== this.ownWire);
      if (others.length === 0 && rule.flags.every((flag) => flag === "syndicated")) return;
      wires = others;
    }
    const kind = rule.kind ?? "stated";
    for (const flag of rule.flags) {
      this.flags[flag] = true;
      this.note({ flag, rule: rule.id, text, kind });
    }
    for (const wire of wires) {
      if (!this.wires.includes(wire)) this.wires.push(wire);
      this.note({ flag: "wire", rule: rule.id, text, kind });
    }
  }

  private note(evidence: Evidence): void {
    const key = `${evidence.flag}\u0000${evidence.text}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.evidence.push(evidence);
  }
}

/**
 * Flags a story as auto-generated, unedited, syndicated or AI-written, names the wires it came from with the
 * evidence for each, and returns the body without disclaimers, desk slugs, inserts and photo credits. `url`, the
 * story's address when known, tells an agency's own site apart: its own dateline there is not syndication.
 */
export function detectFlags(title: string, text: string, opts: { url?: string | null } = {}): { flags: Flags; content_text: string } {
  const collector = new FlagCollector(wireOfSite(opts.url));
  scanTitle(title, collector);
  const headline = title.trim();
  const paragraphs = splitParagraphs(text.replace(LEADING_ARTIFACT, ""));
  const last = paragraphs.at(-1);
  const total = last === undefined ? 0 : last.start + last.text.length;
  const closingFrom = Math.max(0, total - CLOSING_CHARS);
  const { opening, closing, anywhere } = rulesHintedIn(paragraphs, closingFrom);
  // The closing rules a paragraph of prose after this one rules out (`lastProse`), found on first need.
  let proseAfter: boolean[] | undefined;
  const closingBefore = closing.some(({ rule }) => rule.lastProse) ? closing.filter(({ rule }) => !rule.lastProse) : closing;

  for (const [index, paragraph] of paragraphs.entries()) {
    const { text: body, start } = paragraph;
    const end = start + body.length;
    const inOpening = start < OPENING_CHARS;
    const inClosing = end > closingFrom;
    if (inOpening) scanRules(opening, paragraph, 0, OPENING_CHARS - start, collector);
    if (inClosing) {
      if (closingBefore !== closing) proseAfter ??= prosesAfter(paragraphs);
      scanRules(proseAfter?.[index] ? closingBefore : closing, paragraph, Math.max(0, closingFrom - start), body.length, collector);
    }
    if ((inOpening || inClosing) && body.length <= BYLINE_MAX_CHARS) {
      const beside = [paragraphs[index - 1]?.text ?? "", paragraphs[index + 1]?.text ?? ""];
      scanRules(RULES_BY_WHERE.byline, paragraph, 0, body.length, collector, beside, headline);
    }
    scanRules(anywhere, paragraph, 0, body.length, collector);
    cleanParagraph(paragraph);
  }
  scanSpinning(paragraphs, collector);

  return {
    flags: { ...collector.flags, wire_services: collector.wires, evidence: collector.evidence },
    content_text: assembleContent(paragraphs),
  };
}

/** A paragraph of the story's own prose: long, and written in lower-case words. */
const PROSE_WORDS_RE = /(?<![\p{L}\p{N}])\p{Ll}{2,}(?![\p{L}\p{N}])/gu;
function isProse(paragraph: Paragraph): boolean {
  return paragraph.text.length >= 120 && (paragraph.text.match(PROSE_WORDS_RE)?.length ?? 0) >= 12;
}

/** For each paragraph, whether a paragraph of prose comes anywhere after it. */
function prosesAfter(paragraphs: readonly Paragraph[]): boolean[] {
  const out = new Array<boolean>(paragraphs.length).fill(false);
  let seen = false;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    out[i] = seen;
    if (isProse(paragraphs[i] as Paragraph)) seen = true;
  }
  return out;
}

/**
 * The opening, closing and anywhere rules whose hints occur in their window of the story at all: one search of
 * the window per hint instead of one per paragraph, and most stories hold none of most rules' hints. A prefilter
 * only: a paragraph's hint is in its window, so no rule that could match is left out.
 */
function rulesHintedIn(paragraphs: readonly Paragraph[], closingFrom: number): Record<"opening" | "closing" | "anywhere", readonly CompiledRule[]> {
  // Paragraph i starts at paragraphs[i].start in this text, as splitParagraphs counts the breaks.
  const lower = paragraphs.map((paragraph) => paragraph.lower).join("\n\n");
  const lastOpening = paragraphs.findLast((paragraph) => paragraph.start < OPENING_CHARS);
  const opening = lastOpening === undefined ? "" : lower.slice(0, lastOpening.start + lastOpening.text.length);
  const keep = (rules: readonly CompiledRule[], window: string, from: number): readonly CompiledRule[] => {
    // Rules share hints ("published", "generated", "edited"): each is searched for once per window.
    const found = new Map<string, boolean>();
    const has = (hint: string): boolean => {
      let at = found.get(hint);
      if (at === undefined) found.set(hint, (at = window.indexOf(hint, from) !== -1));
      return at;
    };
    return rules.filter(({ rule }) => rule.wireAt !== undefined || rule.hints.some(has));
  };
  return {
    opening: keep(RULES_BY_WHERE.opening, opening, 0),
    closing: keep(RULES_BY_WHERE.closing, lower, closingFrom),
    anywhere: keep(RULES_BY_WHERE.anywhere, lower, 0),
  };
}

/** Machine-spun or machine-translated copy: the sentence holding the first telltale phrase is the (inferred) evidence. */
function scanSpinning(paragraphs: readonly Paragraph[], collector: FlagCollector): void {
  const spun = findSpunText(paragraphs);
  if (spun === null) return;
  const body = paragraphs[spun.paragraph]!.text;
  const [start, end] = enclosingSentence(body, spun.index, spun.index + spun.phrases[0]!.length);
  collector.add({ ...spun.rule, kind: "inferred" }, body.slice(start, end), []);
}

function scanTitle(title: string, collector: FlagCollector): void {
  const headline = title.trim();
  if (headline === "") return;
  const lower = headline.toLowerCase();
  for (const { rule, regex } of RULES_BY_WHERE.title) {
    if (!hinted(rule.hints, lower, 0)) continue;
    regex.lastIndex = 0;
    const match = regex.exec(headline);
    if (match !== null) collector.add(rule, headline, wiresOf(rule, match));
  }
}

function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const body = line.trim();
    if (body === "") continue;
    paragraphs.push({ text: body, lower: body.toLowerCase(), start: offset, cuts: [], drop: false });
    offset += body.length + 2;
  }
  return paragraphs;
}

/** Runs each rule over paragraph[from, to): a match must start inside the window but may read past it. */
function scanRules(
  rules: readonly CompiledRule[],
  paragraph: Paragraph,
  from: number,
  to: number,
  collector: FlagCollector,
  beside: readonly string[] = [],
  headline = "",
): void {
  const body = paragraph.text;
  for (const { rule, regex } of rules) {
    if (rule.wireAt !== undefined) {
      if (!namesWireAt(paragraph, rule.wireAt)) continue;
    } else if (!hinted(rule.hints, paragraph.lower, from)) continue;
    if (rule.bracketed !== undefined) {
      const named = (paragraph.bracketedWires ??= bracketedWires(body));
      if (!rule.bracketed.some((wire) => named.has(wire))) continue;
    }
    if (rule.beside !== undefined && !beside.some((text) => rule.beside!.test(text) || (rule.besideHeadline === true && text === headline && headline !== ""))) {
      continue;
    }
    regex.lastIndex = from;
    for (let match = regex.exec(body); match !== null && match.index < to; match = regex.exec(body)) {
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const matchEnd = match.index + match[0].length;
      const [spanStart, spanEnd] =
        rule.evidence === "sentence" ? enclosingSentence(body, match.index, matchEnd) : trimmedSpan(body, match.index, matchEnd);
      if (rule.evidence === "sentence" && isReported(body, spanStart, spanEnd, match.index, matchEnd)) continue;
      collector.add(rule, body.slice(spanStart, spanEnd), wiresOf(rule, match));
      if (rule.clean) {
        const takesTail = rule.evidence === "sentence" && body.slice(0, spanStart).trim() === "";
        paragraph.cuts.push({ start: spanStart, end: spanEnd, takesTail });
      }
    }
  }
}

/**
 * Whether the first BRACKETED_CHARS of a paragraph hold a wire's name in brackets ("(Reuters)", "(NNN-WAFA)") or
 * after a comma before one (", Xinhua)"): every dateline does, and most bracketed text ("(R)", "(pictured)") names
 * none, so one test here spares the ten dateline patterns, and a paragraph naming one runs only that wire's.
 */
export function bracketedWires(body: string): ReadonlySet<string> {
  const named = new Set<string>();
  const close = body.lastIndexOf(")", BRACKETED_CHARS);
  if (close === -1) return named;
  for (const match of body.slice(0, close + 1).matchAll(BRACKETED_NAME)) {
    for (const wire of wiresNamedIn(match[1]!)) named.add(wire);
  }
  return named;
}

/** The ends of a paragraph are cheap to test, its lower-cased wire names costly to search for: see FlagRule.wireAt. */
function namesWireAt(paragraph: Paragraph, end: "start" | "end"): boolean {
  if (end === "start") return (paragraph.wireAtStart ??= LEADING_WIRE.test(paragraph.text));
  return (paragraph.wireAtEnd ??= TRAILING_WIRE.test(paragraph.text.slice(-TRAILING_WIRE_CHARS)));
}

function wiresOf(rule: FlagRule, match: RegExpExecArray): readonly string[] {
  if (rule.wire !== undefined) return [rule.wire];
  const named = match.groups?.wire ?? match.groups?.wire2;
  return named === undefined || named === "" ? [] : wiresNamedIn(named);
}

function trimmedSpan(body: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(body.charAt(from))) from += 1;
  while (to > from && /\s/u.test(body.charAt(to - 1))) to -= 1;
  return [from, to];
}

/** The parenthetical the match sits in, else the sentence (or sentences) it spans. */
function enclosingSentence(body: string, start: number, end: number): [number, number] {
  const open = body.lastIndexOf("(", start);
  if (open !== -1 && open > body.lastIndexOf(")", start - 1) && start - open <= 300) {
    const close = body.indexOf(")", Math.max(open, end - 1));
    if (close !== -1 && close - end <= 400) return [open, close + 1];
  }
  let sentenceStart = 0;
  let sentenceEnd = body.length;
  SENTENCE_END.lastIndex = 0;
  for (let boundary = SENTENCE_END.exec(body); boundary !== null; boundary = SENTENCE_END.exec(body)) {
    if (body.charAt(boundary.index) === "." && ABBREVIATION.test(body.slice(Math.max(0, boundary.index - 12), boundary.index))) {
      continue;
    }
    const after = boundary.index + boundary[0].length;
    if (after <= start) {
      sentenceStart = after;
    } else if (boundary.index >= end - 1) {
      sentenceEnd = boundary.index + boundary[0].trimEnd().length;
      break;
    }
  }
  return trimmedSpan(body, sentenceStart, sentenceEnd);
}

function isReported(body: string, spanStart: number, spanEnd: number, matchStart: number, matchEnd: number): boolean {
  if (insideQuotation(body, matchStart)) return true;
  const around = `${body.slice(spanStart, matchStart)} ${body.slice(matchEnd, spanEnd)}`;
  return REPORTED_SPEECH.test(around) || /["“”]/u.test(body.slice(spanStart, matchStart));
}

function insideQuotation(body: string, index: number): boolean {
  let straight = 0;
  for (let i = body.indexOf('"'); i !== -1 && i < index; i = body.indexOf('"', i + 1)) straight += 1;
  return straight % 2 === 1 || body.lastIndexOf("“", index) > body.lastIndexOf("”", index);
}

function cleanParagraph(paragraph: Paragraph): void {
  const { text: body, lower } = paragraph;
  const isCaption = (rule: CleaningRule): boolean => hinted(rule.hints, lower, 0) && rule.pattern.test(body);
  if (body.length <= BYLINE_MAX_CHARS + 40 && PARAGRAPH_CLEANERS.some(isCaption)) {
    paragraph.drop = true;
    return;
  }
  for (const inline of INLINE_CLEANERS) {
    if (!hinted(inline.hints, lower, 0)) continue;
    for (const match of body.matchAll(inline.regex)) {
      paragraph.cuts.push({ start: match.index, end: match.index + match[0].length, takesTail: false });
    }
  }
}

function assembleContent(paragraphs: readonly Paragraph[]): string {
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.drop) continue;
    if (paragraph.cuts.length === 0) {
      kept.push(paragraph.text);
      continue;
    }
    const remaining = withoutCuts(paragraph.text, paragraph.cuts);
    const tailOnly = paragraph.cuts.some((cut) => cut.takesTail) && isDisclaimerTail(remaining);
    if (remaining !== "" && !tailOnly) kept.push(remaining);
  }
  return kept.join("\n\n");
}

function isDisclaimerTail(remaining: string): boolean {
  return (
    remaining.length <= DISCLAIMER_TAIL_MAX_CHARS ||
    (remaining.length <= DISCLAIMER_BOILERPLATE_MAX_CHARS && DISCLAIMER_BOILERPLATE.test(remaining))
  );
}

function withoutCuts(body: string, cuts: readonly Cut[]): string {
  const ordered = [...cuts].sort((a, b) => a.start - b.start);
  let result = "";
  let position = 0;
  for (const cut of ordered) {
    if (cut.start > position) result += body.slice(position, cut.start);
    position = Math.max(position, cut.end);
  }
  result += body.slice(position);
  return result.replace(/\s{2,}/gu, " ").replace(/\s+([.,;:!?])/gu, "$1").trim();
}
