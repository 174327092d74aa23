/**
 * The entity tagger's training data, read for training (train-entities.ts) and evaluation (eval-entities.ts)
 * alike: ../shared/data/ner/{gum,wikigold}.conll (GUM and WikiGold, see their README for licences), with GUM's
 * "country acting politically" organizations mapped to places as docs/ENTITY-GUIDELINES.md says; and the
 * project's own labelled stories (fixtures/entities/, split dev only: the held-out ones stay out), labelled by
 * the spans of the rule tagger's entities that agree with the story's gold list. Nothing is copied into the
 * repository.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tagEntities } from "../src/annotate/entities";
import { parseGoldStory } from "../src/annotate/entities-eval";
import { type TaggedMention, mentionsFromTags, tagsFromMentions } from "../src/annotate/entities/decode";
import { buildContext, type DocContext, NEVER_START, type Tag } from "../src/annotate/entities/features";
import { decode, type Weights } from "../src/annotate/entities/model";
import { isRole } from "../src/annotate/entities/document";
import { ruleTags } from "../src/annotate/entities/rule-mentions";
import { classifyLines, type Token, tokenize } from "../src/annotate/entities/tokens";
import { TRAINING_CONFIG } from "../src/annotate/entities/training-config";
import { type MarkedPage, mentionTokens, parseMarkedPage } from "./entity-pages-format";
import { lookupAlias } from "../src/annotate/gazetteer";
import type { EntityType } from "../src/model";

const root = join(import.meta.dirname, "..");
const dataDir = join(root, "..", "shared", "data", "ner");

export interface Doc {
  id: string;
  text: string;
  source: "gum" | "wikigold" | "own" | "page";
  tokens: Token[];
  shouted: boolean[];
  gold: Tag[];
  /** The rule tagger's tags over the tokens (a feature). */
  rules: string[];
}

const TYPE: Record<string, EntityType> = { PER: "person", ORG: "organization", LOC: "place" };

/** CoNLL documents, one sentence per line, with BILOU gold tags. */
function readConll(file: string, source: "gum" | "wikigold"): Doc[] {
  const docs: Doc[] = [];
  let doc: Doc | undefined;
  let sentence: { text: string; tag: string }[] = [];
  const flush = (): void => {
    if (!doc || sentence.length === 0) return;
    const line = doc.tokens.length ? (doc.tokens[doc.tokens.length - 1] as Token).line + 1 : 0;
    const text = sentence.map((t) => t.text).join(" ");
    const shouted = classifyLines(text)[0]?.shouted ?? false;
    const base = doc.tokens.length;
    const mentions: TaggedMention[] = [];
    // The document's text is rebuilt as tokens joined by spaces, a sentence a line, for the rule tagger.
    let at = doc.text.length;
    sentence.forEach((t, k) => {
      doc!.tokens.push({ text: t.text, field: "text", start: at, end: at + t.text.length, line, sentStart: k === 0 });
      at += t.text.length + 1;
      doc!.shouted.push(shouted);
      if (t.tag.startsWith("B-")) mentions.push({ type: TYPE[t.tag.slice(2)] as EntityType, start: base + k, end: base + k + 1 });
      else if (t.tag.startsWith("I-")) (mentions[mentions.length - 1] as TaggedMention).end = base + k + 1;
    });
    for (const m of mentions) {
      // "The Guardian", "In Gaza" as some annotators span them: the tagger never starts a name on such a word.
      while (m.end - m.start > 1 && NEVER_START.has((sentence[m.start - base] as { text: string }).text)) m.start++;
      // GUM types a country acting politically ("North Korea puts…", a national team) as an organization;
      // our guideline, like the pages we are measured on, says a country is always a place.
      const name = sentence.slice(m.start - base, m.end - base).map((t) => t.text).join(" ");
      if (m.type === "organization" && lookupAlias(name)?.kind === "place") m.type = "place";
    }
    const tags = tagsFromMentions(mentions.length ? base + sentence.length : base + sentence.length, mentions);
    doc.gold.push(...tags.slice(base));
    doc.text += `${text}\n`;
    sentence = [];
  };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("-DOCSTART-")) {
      flush();
      doc = { id: line.slice(11).trim() || `${source}-${docs.length}`, source, tokens: [], shouted: [], gold: [], rules: [], text: "" };
      docs.push(doc);
    } else if (line.trim() === "") flush();
    else {
      const [text, tag] = line.split("\t") as [string, string];
      if (!doc) {
        doc = { id: `${source}-0`, source, tokens: [], shouted: [], gold: [], rules: [], text: "" };
        docs.push(doc);
      }
      sentence.push({ text, tag });
    }
  }
  flush();
  for (const d of docs) d.rules = ruleTags(d.tokens, tagEntities("", d.text)).tags;
  return docs.filter((d) => d.tokens.length > 0);
}

/** The project's own dev stories, tokenized as the Worker tokenizes them, labelled where the rule tagger agrees with gold. */
function readOwn(): Doc[] {
  const dir = join(root, "fixtures", "entities");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseGoldStory(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")))
    .filter((s) => s.split === "dev")
    .map((s): Doc => {
      const tokens = [...tokenize(s.title, "title"), ...tokenize(s.text, "text")];
      const lines = classifyLines(s.text);
      const shouted = tokens.map((t) => (t.field === "title" ? false : (lines[t.line]?.shouted ?? false)));
      const labelled = new Set(s.gold.map((g) => `${g.type}\u0000${g.name.toLowerCase()}`));
      const mentions: TaggedMention[] = [];
      const ruled = tagEntities(s.title, s.text);
      for (const e of ruled) {
        if (!labelled.has(`${e.type}\u0000${e.name.toLowerCase()}`)) continue;
        for (const span of e.spans ?? []) {
          let start = tokens.findIndex((t) => t.field === span.field && t.start === span.start);
          const end = tokens.findIndex((t) => t.field === span.field && t.end === span.end);
          // A role the rules kept in front of a person ("MLA Ravi Desai") is no part of the name (as in ruleTags).
          if (e.type === "person" && start >= 0) while (start < end && isRole((tokens[start] as Token).text)) start++;
          if (start >= 0 && end >= start) mentions.push({ type: e.type, start, end: end + 1 });
        }
      }
      const gold = tagsFromMentions(tokens.length, mentions);
      return { id: s.id, text: s.text, source: "own", tokens, shouted, gold, rules: ruleTags(tokens, ruled).tags };
    });
}

/** A byline's line: "By Elena Marsh, Staff Reporter", "Written by: ...". */
const BYLINE_LINE = /^\s*(?:By|BY|Written\s+by|Reported\s+by|Edited\s+by)\b/u;

/**
 * The writer a byline names is not the story's entity (docs/ENTITY-GUIDELINES.md: bylines are clutter; pages-dev
 * counts such names as doubtful), so the person marks on byline lines are left out of training; an agency there
 * ("By AFP") stays an organization (rule 11).
 */
function withoutBylinePersons(page: MarkedPage): MarkedPage {
  const lineStarts = [0, ...[...page.text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const lineOf = (at: number): string => {
    let k = lineStarts.length - 1;
    while (k > 0 && (lineStarts[k] as number) > at) k--;
    const start = lineStarts[k] as number;
    const end = page.text.indexOf("\n", start);
    return page.text.slice(start, end === -1 ? undefined : end);
  };
  return { ...page, mentions: page.mentions.filter((m) => !(m.type === "person" && m.field === "text" && BYLINE_LINE.test(lineOf(m.start)))) };
}

/**
 * The page-like texts we wrote and marked mention by mention (fixtures/entities-pages/), tokenized as the
 * Worker tokenizes them: every mark is a gold span, every unmarked token is O (chrome included).
 */
function readPages(): Doc[] {
  // ENTITY_PAGES_DIR: another folder of page texts, for experiments only (the shipped weights use the fixtures).
  const dir = process.env.ENTITY_PAGES_DIR ?? join(root, "fixtures", "entities-pages");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f): Doc => {
      const page: MarkedPage = withoutBylinePersons(parseMarkedPage(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")));
      const tokens = [...tokenize(page.title, "title"), ...tokenize(page.text, "text")];
      const lines = classifyLines(page.text);
      const shouted = tokens.map((t) => (t.field === "title" ? false : (lines[t.line]?.shouted ?? false)));
      const gold = tagsFromMentions(tokens.length, mentionTokens(page, tokens));
      return { id: page.id, text: page.text, source: "page", tokens, shouted, gold, rules: ruleTags(tokens, tagEntities(page.title, page.text)).tags };
    });
}

/** Every document, split as the training configuration says, with its feature context. */
export function loadTrainingData(): { train: Doc[]; dev: Doc[]; pageDev: Doc[]; contexts: Map<Doc, DocContext> } {
  const corpora = [...readConll(join(dataDir, "gum.conll"), "gum"), ...readConll(join(dataDir, "wikigold.conll"), "wikigold"), ...readOwn()];
  const pages = readPages();
  const all = [...corpora, ...pages];
  const { devEvery } = TRAINING_CONFIG;
  const isDev = (d: Doc, i: number): boolean => d.source !== "own" && i % devEvery === devEvery - 1;
  const pageDev = pages.filter((_, i) => i % devEvery === devEvery - 1);
  return {
    train: [...corpora.filter((d, i) => !isDev(d, i)), ...pages.filter((d) => !pageDev.includes(d))],
    dev: corpora.filter(isDev),
    pageDev,
    contexts: new Map(all.map((d) => [d, buildContext(d.tokens, d.shouted, d.rules)])),
  };
}

/** Mention-level precision, recall and F1 (exact span and type) of a weight table on some documents. */
export function mentionScores(docs: Doc[], contexts: Map<Doc, DocContext>, weights: Weights): string {
  const rows: string[] = [];
  for (const type of ["person", "organization", "place", "all"] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of docs) {
      const key = (m: TaggedMention): string => `${m.type}:${m.start}:${m.end}`;
      const pick = (ms: TaggedMention[]): Set<string> => new Set(ms.filter((m) => type === "all" || m.type === type).map(key));
      const gold = pick(mentionsFromTags(d.gold));
      const found = pick(mentionsFromTags(decode(weights, contexts.get(d)!)));
      for (const k of found) if (gold.has(k)) tp++;
      else fp++;
      for (const k of gold) if (!found.has(k)) fn++;
    }
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    rows.push(`${type.padEnd(13)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
  }
  return rows.join("\n");
}
