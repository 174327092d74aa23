/**
 * Stage 3b: names that a wire story's layout types, whatever the words look like. The model reads prose; these
 * lines are tables and slugs, where a name's type comes from its place in the line:
 * - a dateline line with an ISO date ("MADRID 1997-03-09", "HAMBURG, Germany 1997-05-01"): the city and the
 *   region or country after it are places;
 * - a results row with two sides and two scores ("Real Betis 2 Sporting Gijon 1", "Arsenal 2 (Wright 23)
 *   Barnsley 0"): each side is a team, an organization, unless it is a country or a home nation (a national
 *   team is its place, docs/ENTITY-GUIDELINES.md rule 7);
 * - a cricket batting line ("R. Mahanama c Flower b Streak 41", "A. de Silva not out 88"): the batter, the
 *   fielder and the bowler are people;
 * - a squad list, two or more "Player (Club, Country)" entries on a line: the player is a person, the club an
 *   organization, the country a place;
 * - a team sheet, a side's name and a colon, then six players or more by comma or semicolon, on a line that
 *   names the substitutes, the referee or a formation ("Argentina: Romero, Mascherano, ... Subs: Musacchio,
 *   ..."): each player is a person.
 * The mentions come back as token ranges with their type settled, replacing what the model found there.
 */
import { countries } from "countries-list";
import type { EntityType } from "../../model";
import { lookupAlias } from "../gazetteer";
import type { TaggedMention } from "./decode";
import type { Token } from "./tokens";

/** A mention the layout settles: its type is final and outvotes the model's reading elsewhere in the story. */
export interface LayoutMention extends TaggedMention {
  forced: true;
}

const WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’&-]*`;
const PARTICLE = String.raw`(?:de|del|della|do|da|dos|di|van|von|der|la|le|y|of|and)`;
const NAME = String.raw`${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${WORD}){0,4}`;
const ISO_DATELINE_RE = new RegExp(String.raw`^[ \t]*(${WORD}(?:[ \t-]${WORD}){0,3})(?:,[ \t]*(${WORD}(?:[ \t]${WORD}){0,2}))?[ \t]+\d{4}-\d{2}-\d{2}[ \t]*$`, "u");
const RESULT_RE = new RegExp(String.raw`^[ \t]*(${NAME})[ \t]+\d{1,3}[ \t]+(${NAME})[ \t]+\d{1,3}(?=[ \t.,;]|$)`, "u");
const INITIALED = String.raw`(?:\p{Lu}\.[ \t]?){0,2}(?:${PARTICLE}[ \t]+)?${WORD}(?:[ \t]${WORD})?`;
const BATTING_RE = new RegExp(
  String.raw`^[ \t]*(${INITIALED})[ \t]+(?:(?:c[ \t]+(${INITIALED})[ \t]+)?(?:st[ \t]+(${INITIALED})[ \t]+)?(?:lbw[ \t]+)?b[ \t]+(${INITIALED})|not[ \t]+out|run[ \t]+out)[ \t]+\d{1,3}[ \t]*$`,
  "u",
);
const LOWER_RE = /\p{Ll}/u;
/**
 * A squad list's entry: a player, then the club and its country in brackets ("Awal Mohammed (Maritzburg, South
 * Africa)", "Baba Rahman (FC Augsburg, Germany)"). Where the bracket's second part is a country, the first is the
 * player's club, an organization, whatever its words look like.
 */
const BRACKET_PAIR_RE = /\([^(),\n]+,[^(),\n]+\)/u;
const SQUAD_RE = new RegExp(String.raw`(${NAME})[ \t]*\([ \t]*(${NAME})[ \t]*,[ \t]*(${NAME})[ \t]*\)`, "gu");

/** A side's word on a team sheet: no full stop, which ends the sheet before it ("Buffarini. Chile:"). */
const HEAD_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’&-]*`;
/** A team sheet's side and colon, after a formation if any: "Argentina:", "Chile (4-3-3):". */
const SHEET_HEAD_RE = new RegExp(String.raw`(?:^|(?<=[\s.]))${HEAD_WORD}(?:[ \t]+${HEAD_WORD}){0,3}(?:[ \t]*\(\d(?:-\d){2,3}\))?[ \t]*:[ \t]*`, "gu");
/** What makes a line of names a team sheet and not a list of tags or countries. */
const SHEET_SIGNAL_RE = /\b(?:Subs|Substitutes|Replacements|Subs not used|Referee|Booked)\b|\(\d(?:-\d){2,3}\)/u;
/** One player's name on a sheet: one to three words, with name particles. */
const PLAYER_RE = new RegExp(String.raw`^${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${WORD}){0,2}$`, "u");
/** Labels inside a sheet that start a list of more people: the bench, the referee, the coach. */
const SUBS_RE = /[ \t]*\b(?:Subs not used|Substitutes|Replacements|Subs|Referee|Coach|Manager)[ \t]*:[ \t]*/gu;

/**
 * The players of a line's team sheets, with their offsets in the line: six names or more after a side's colon,
 * separated by commas or semicolons, read until a piece is no name; "Subs:" inside a piece starts the bench's
 * list, a full stop ends the sheet. Names the lists know as something else (a place, a body) are left out.
 */
function sheetPlayers(line: string): { name: string; at: number }[] {
  if (!line.includes(":") || !SHEET_SIGNAL_RE.test(line)) return [];
  const out: { name: string; at: number }[] = [];
  let read = 0;
  for (const head of line.matchAll(SHEET_HEAD_RE)) {
    // "Higuain Subs:" inside a sheet already read is its bench, no new side.
    if (head.index < read) continue;
    const from = head.index + head[0].length;
    const players: { name: string; at: number }[] = [];
    // The sheet runs to the line's end or a sentence's full stop, whichever comes first.
    const stop = line.slice(from).search(/(?<=\p{Ll})\.(?:\s|$)/u);
    const body = line.slice(from, stop < 0 ? undefined : from + stop).replace(SUBS_RE, (m) => ",".padEnd(m.length, " "));
    let at = 0;
    for (const piece of body.split(/[,;]/u)) {
      const lead = piece.length - piece.trimStart().length;
      // A substitution or a booking in brackets after a name ("Mercado (Montiel 80)") is read no further.
      const name = piece.replace(/\([^)]*\)?/gu, "").trim();
      if (name !== "") {
        if (!PLAYER_RE.test(name)) break;
        const kind = lookupAlias(name)?.kind;
        if (kind === undefined || kind === "person") players.push({ name, at: from + at + lead });
      }
      at += piece.length + 1;
    }
    read = from + at;
    if (players.length >= 6) out.push(...players);
  }
  return out;
}

/** Countries and the home nations, folded: a side of that name is a national team, typed as its place. */
const NATIONS = new Set(
  [...Object.values(countries).map((c) => c.name), "England", "Scotland", "Wales", "Northern Ireland", "United States", "United Kingdom"].map((n) =>
    n.toLowerCase(),
  ),
);

function isNation(name: string): boolean {
  const known = lookupAlias(name);
  return known?.kind === "place" && NATIONS.has(known.canonical.toLowerCase());
}

/** A line whose layout types its names (a results row, a batting line): a table row, never a menu item. */
export function isLayoutLine(line: string): boolean {
  if (line.includes("(") && squadEntries(line).length >= 2) return true;
  // Both layouts hold a score or a run count: a line without a digit is neither, and most lines have none.
  if (!DIGIT_RE.test(line)) return false;
  return RESULT_RE.test(blankBrackets(line)) || BATTING_RE.test(line);
}

const DIGIT_RE = /\d/;

/** Scorers and notes in brackets blanked to spaces, so offsets stay true and the sides and scores line up. */
function blankBrackets(line: string): string {
  return line.includes("(") ? line.replace(/\([^)\n]*\)/g, (p) => " ".repeat(p.length)) : line;
}

/** A line's squad entries (SQUAD_RE) whose bracket ends in a country: [player, club, country] with offsets. */
function squadEntries(line: string): { name: string; at: number }[][] {
  const out: { name: string; at: number }[][] = [];
  // Two brackets holding a comma, or no squad list: the cheap test spares the name pattern on prose lines.
  const first = BRACKET_PAIR_RE.exec(line);
  if (first === null || !BRACKET_PAIR_RE.test(line.slice(first.index + first[0].length))) return out;
  for (const m of line.matchAll(SQUAD_RE)) {
    const [whole, player, club, country] = m as unknown as [string, string, string, string];
    if (!isNation(country)) continue;
    const at = m.index;
    const clubAt = whole.indexOf(club, player.length);
    out.push([
      { name: player, at },
      { name: club, at: at + clubAt },
      { name: country, at: at + whole.indexOf(country, clubAt + club.length) },
    ]);
  }
  return out;
}

/** The token range that covers exactly [start, end) of a line of the body, if tokens bound it there. */
function range(tokens: Token[], byStart: Map<number, number>, byEnd: Map<number, number>, start: number, end: number): [number, number] | undefined {
  const a = byStart.get(start);
  const b = byEnd.get(end);
  return a !== undefined && b !== undefined && b >= a ? [a, b + 1] : undefined;
}

/** The layout mentions of a body (the tokens of field "text", in order, as tokenize() gives them). */
export function layoutMentions(text: string, tokens: Token[]): LayoutMention[] {
  const out: LayoutMention[] = [];
  // Built on the first layout line found: most stories have none.
  let byStart: Map<number, number> | undefined;
  let byEnd: Map<number, number> | undefined;
  const add = (type: EntityType, start: number, end: number): void => {
    if (!byStart || !byEnd) {
      byStart = new Map();
      byEnd = new Map();
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i] as Token;
        if (t.field !== "text") continue;
        byStart.set(t.start, i);
        byEnd.set(t.end, i);
      }
    }
    const r = range(tokens, byStart, byEnd, start, end);
    if (r) out.push({ type, start: r[0], end: r[1], forced: true });
  };
  let offset = 0;
  let first = true;
  for (const line of text.split("\n")) {
    const at = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    if (first) {
      first = false;
      const m = ISO_DATELINE_RE.exec(line);
      // The city is in capitals, as datelines write it; "Updated 2024-03-12" is no dateline.
      if (m?.[1] && !LOWER_RE.test(m[1])) {
        const city = at + line.indexOf(m[1]);
        add("place", city, city + m[1].length);
        if (m[2]) {
          const region = at + line.indexOf(m[2], city - at + m[1].length);
          add("place", region, region + m[2].length);
        }
        continue;
      }
    }
    if (line.includes("(")) {
      // Two or more entries make a squad list; one alone may be anything ("Jane Doe (Reuters, Kenya)").
      const squad = squadEntries(line);
      if (squad.length >= 2) {
        for (const [player, club, country] of squad) {
          add("person", at + player!.at, at + player!.at + player!.name.length);
          add("organization", at + club!.at, at + club!.at + club!.name.length);
          add("place", at + country!.at, at + country!.at + country!.name.length);
        }
        continue;
      }
    }
    const players = sheetPlayers(line);
    if (players.length > 0) {
      for (const player of players) add("person", at + player.at, at + player.at + player.name.length);
      continue;
    }
    if (!DIGIT_RE.test(line)) continue;
    // Scorers and notes in brackets are read on their own; blanked, the two sides and scores line up.
    const bare = blankBrackets(line);
    const result = RESULT_RE.exec(bare);
    if (result?.[1] && result[2]) {
      const home = at + bare.indexOf(result[1]);
      const away = at + bare.indexOf(result[2], home - at + result[1].length);
      for (const [name, start] of [[result[1], home], [result[2], away]] as const) {
        add(isNation(name) ? "place" : "organization", start, start + name.length);
      }
      continue;
    }
    const batting = BATTING_RE.exec(line);
    if (batting) {
      let from = 0;
      for (const name of batting.slice(1)) {
        if (!name) continue;
        const start = line.indexOf(name, from);
        from = start + name.length;
        add("person", at + start, at + start + name.length);
      }
    }
  }
  return out;
}

/** The model's mentions with the layout's in their place: any model mention overlapping a layout one goes. */
export function withLayout(mentions: TaggedMention[], layout: LayoutMention[]): TaggedMention[] {
  if (layout.length === 0) return mentions;
  const kept = mentions.filter((m) => !layout.some((l) => m.start < l.end && l.start < m.end));
  return [...kept, ...layout].sort((a, b) => a.start - b.start);
}
