/**
 * Feed dates → ISO 8601 UTC. Feeds write RFC 822/1123 (RSS), RFC 3339 (Atom, JSON Feed) and a long tail of
 * CMS-invented forms; this module reads all of those without `Date.parse`, whose leniency differs by engine.
 *
 * Decisions (each one a guess a reader may look up):
 * - A date with no zone is UTC.
 * - Two-digit years follow RFC 5322 §4.3: 00–49 → 20xx, 50–99 → 19xx; three-digit years add 1900.
 * - Single-letter military zones other than "Z" count as UTC: RFC 822 got their signs backwards, so RFC 5322 §4.3
 *   says to treat them as "-0000" (unknown offset).
 * - "IST" is India (+05:30), not Israel or Ireland: the feeds this project reads that write "IST" are Indian.
 *   Other abbreviations take their most common meaning in English-language news (CST is US Central, not China).
 * - All-numeric dates: year first is y-m-d; with slashes, m/d/y unless the first field exceeds 12 (then d/m/y);
 *   with dots or dashes, d.m.y.
 * - A date later than the fetch time plus a small tolerance is clamped to the fetch time and its raw string kept.
 */

export class DateError extends Error {
  override name = "DateError";
}

export interface FeedDate {
  /** "2024-03-11T20:29:00.000Z", or null when absent or unparseable. */
  iso: string | null;
  /** The string as the feed wrote it (trimmed), kept only when it could not be parsed or was clamped. */
  raw: string | null;
}

/** Publishers' clocks drift and CDNs cache: a date a few minutes ahead of ours is not a lie. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
/** An audit string, not a document. */
const MAX_RAW_LENGTH = 200;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const WEEKDAYS = new Set([
  "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday",
  "fri", "friday", "sat", "saturday", "sun", "sunday",
]);

/** Words that join the parts of a written date ("March 12, 2024 at 1:59 AM") and carry no value. */
const FILLER_WORDS = new Set(["at", "on", "of", "the"]);

/** Offsets in minutes east of UTC. RFC 822 names first, then the abbreviations news feeds actually write. */
const ZONES: Record<string, number> = {
  gmt: 0, ut: 0, utc: 0, z: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ast: -240, adt: -180, nst: -210, ndt: -150, akst: -540, akdt: -480, hst: -600,
  bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, west: 60, msk: 180,
  wat: 60, cat: 120, eat: 180, sast: 120, pkt: 300, npt: 345, bdt: 360, ict: 420, wib: 420, hkt: 480,
  sgt: 480, pht: 480, awst: 480, jst: 540, kst: 540, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const ISO_DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:(?:t|\s+)(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(.*)$/i;
const SLASHED_ISO = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b(.*)$/;
const TIME = /\b(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([ap])\.?\s?m\b\.?)?/i;
const NUMERIC_OFFSET = /(?:^|[\s(])(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?=[\s)]|$)/i;
const NUMERIC_DATE = /\b(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\b/;
const COMMENT = /\([^)]*\)/g;
const TOKEN = /(\d+)(?:st|nd|rd|th)?|([a-z]+)\.?/gi;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

/**
 * Reads a feed date. `fetchedAt` is the ISO time of the fetch, the ceiling for plausible dates.
 * Absent or blank input gives { iso: null, raw: null }.
 */
export function parseFeedDate(raw: string | null, fetchedAt: string): FeedDate {
  const fetchedMs = Date.parse(fetchedAt);
  if (Number.isNaN(fetchedMs)) throw new DateError(`dates: fetchedAt is not an ISO date-time: ${fetchedAt}`);
  const trimmed = raw?.trim() ?? "";
  if (trimmed === "") return { iso: null, raw: null };
  const kept = trimmed.slice(0, MAX_RAW_LENGTH);
  const ms = parseDateMs(trimmed.replace(/\s+/g, " "));
  if (ms === null) return { iso: null, raw: kept };
  if (ms > fetchedMs + FUTURE_TOLERANCE_MS) return { iso: new Date(fetchedMs).toISOString(), raw: kept };
  return { iso: new Date(ms).toISOString(), raw: null };
}

/** Milliseconds since the epoch, or null when the string is not a date this module understands. */
function parseDateMs(s: string): number | null {
  const fields = parseIsoLike(s) ?? parseWritten(s);
  return fields === null ? null : toEpochMs(fields);
}

/** RFC 3339 / ISO 8601 (extended and basic), and the "2024-03-12 01:59:00" form many CMSs emit. */
function parseIsoLike(s: string): Fields | null {
  const slashed = SLASHED_ISO.exec(s);
  const source = slashed ? `${slashed[1]}-${pad2(slashed[2]!)}-${pad2(slashed[3]!)}${slashed[4]}` : s;
  const m = ISO_DATE_TIME.exec(source);
  if (!m) return null;
  const offsetMinutes = parseZone(m[8]!);
  if (offsetMinutes === null) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] ? Number(m[4]) : 0,
    minute: m[5] ? Number(m[5]) : 0,
    second: m[6] ? Number(m[6]) : 0,
    millisecond: m[7] ? fractionToMs(m[7]) : 0,
    offsetMinutes,
  };
}

/** A trailing zone after an ISO time: nothing, "Z", a numeric offset, or a named zone. */
function parseZone(zone: string): number | null {
  const z = zone.replace(COMMENT, " ").trim();
  if (z === "") return 0;
  const offset = NUMERIC_OFFSET.exec(z);
  if (offset && offset.index === 0 && offset[0].length === z.length) return offsetMinutes(offset);
  return ZONES[z.toLowerCase()] ?? null;
}

/**
 * RFC 822/1123/850, asctime, JavaScript's Date#toString and prose ("Tuesday, March 12, 2024 1:59 AM"):
 * the time, the offset and RFC 822 comments are taken out first, then every remaining word and number must
 * be accounted for, so free text never passes for a date.
 */
function parseWritten(input: string): Fields | null {
  let s = input.replace(COMMENT, " ");
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  const time = TIME.exec(s);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = time[3] ? Number(time[3]) : 0;
    millisecond = time[4] ? fractionToMs(time[4]) : 0;
    const meridiem = time[5]?.toLowerCase();
    if (meridiem && hour >= 1 && hour <= 12) hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
    s = s.slice(0, time.index) + " " + s.slice(time.index + time[0].length);
  }
  let offset: number | null = null;
  const numericOffset = NUMERIC_OFFSET.exec(s);
  if (numericOffset) {
    offset = offsetMinutes(numericOffset);
    if (offset === null) return null;
    s = s.slice(0, numericOffset.index) + " " + s.slice(numericOffset.index + numericOffset[0].length);
  }
  const date = readDate(s, offset);
  if (date === null) return null;
  return { ...date, hour, minute, second, millisecond };
}

/** The calendar date and zone from what is left of a written date once its time and offset are out. */
function readDate(s: string, knownOffset: number | null): Omit<Fields, "hour" | "minute" | "second" | "millisecond"> | null {
  let offset = knownOffset;
  const numericDate = NUMERIC_DATE.exec(s);
  let month: number | null = null;
  const numbers: string[] = [];
  const rest = numericDate ? s.slice(0, numericDate.index) + " " + s.slice(numericDate.index + numericDate[0].length) : s;
  for (const token of rest.matchAll(TOKEN)) {
    if (token[1] !== undefined) {
      numbers.push(token[1]);
      continue;
    }
    const word = token[2]!.toLowerCase();
    if (WEEKDAYS.has(word) || FILLER_WORDS.has(word)) continue;
    if (MONTHS[word] !== undefined && month === null) {
      month = MONTHS[word];
      continue;
    }
    const zone = ZONES[word] ?? militaryZone(word);
    if (zone === null) return null;
    // "+0530 IST": the numeric offset is the precise one, the name a gloss.
    offset ??= zone;
  }
  const zoneMinutes = offset ?? 0;
  if (numericDate) {
    if (month !== null || numbers.length > 0) return null;
    return readNumericDate(numericDate, zoneMinutes);
  }
  if (month === null || numbers.length !== 2) return null;
  const [first, second] = numbers as [string, string];
  const yearFirst = first.length >= 3;
  return {
    year: expandYear(yearFirst ? first : second),
    month,
    day: Number(yearFirst ? second : first),
    offsetMinutes: zoneMinutes,
  };
}

function readNumericDate(m: RegExpExecArray, offsetMinutes: number): Omit<Fields, "hour" | "minute" | "second" | "millisecond"> | null {
  const [, a, separator, b, c] = m as unknown as [string, string, string, string, string];
  if (a.length === 4) return { year: Number(a), month: Number(b), day: Number(c), offsetMinutes };
  if (b.length > 2 || a.length > 2) return null;
  const usOrder = separator === "/" && Number(a) <= 12;
  return {
    year: expandYear(c),
    month: Number(usOrder ? a : b),
    day: Number(usOrder ? b : a),
    offsetMinutes,
  };
}

/** RFC 822 military zones; see the module comment for why they all mean UTC. */
function militaryZone(word: string): number | null {
  return word.length === 1 && word !== "j" ? 0 : null;
}

function offsetMinutes(m: RegExpExecArray): number | null {
  const hours = Number(m[2]);
  const minutes = m[3] ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function expandYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digits.length === 3) return 1900 + year;
  return year;
}

function fractionToMs(digits: string): number {
  return Number(digits.slice(0, 3).padEnd(3, "0"));
}

function pad2(digits: string): string {
  return digits.padStart(2, "0");
}

/** Validates every field (Date.UTC would silently roll "Feb 30" into March) and applies the offset. */
function toEpochMs(f: Fields): number | null {
  if (f.year < 1900 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1) return null;
  if (f.day > new Date(Date.UTC(f.year, f.month, 0)).getUTCDate()) return null;
  const endOfDay = f.hour === 24 && f.minute === 0 && f.second === 0 && f.millisecond === 0;
  if ((f.hour > 23 && !endOfDay) || f.minute > 59 || f.second > 60) return null;
  // A leap second is real but JavaScript time has none: 23:59:60 reads as 23:59:59.
  const second = Math.min(f.second, 59);
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, second, f.millisecond);
  return ms - f.offsetMinutes * 60_000;
}
