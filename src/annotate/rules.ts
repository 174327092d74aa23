/**
 * The flag rule catalogue, kept as data: every way a publisher or agency tells readers that a story is wire copy,
 * was published unedited from a feed, or was written by software. Each rule carries the real wording it was
 * written from (with its outlet) and a near miss it must not match; tests/unit/flags-rules.test.ts holds every
 * rule to both. Bump FLAG_RULES_VERSION on any change here so stored stories get re-annotated.
 */
import type { FlagName } from "../model";
import { WIRE_SERVICES, WORD_LIKE_ALIASES, wireAliasSource } from "./wires";

export const FLAG_RULES_VERSION: number = 19;

/**
 * Where a rule may match. opening: the first ~2000 characters (datelines). closing: the last ~1500 characters
 * (disclaimers, sign-offs, desk slugs). byline: a whole short paragraph in either window. anywhere: any paragraph.
 * title: the headline.
 */
export type RuleWhere = "opening" | "closing" | "byline" | "anywhere" | "title";

export interface Phrasing {
  readonly outlet: string;
  readonly text: string;
}

export interface FlagRule {
  readonly id: string;
  readonly flags: readonly FlagName[];
  /** Compiled once here; a named group `wire` holds the agency name(s) the match attributes the story to. */
  readonly pattern: RegExp;
  readonly where: RuleWhere;
  /**
   * Lower-case fragments without whitespace, one of which every match contains: the rule is skipped where none
   * occurs, which keeps a plain story from paying for every pattern.
   */
  readonly hints: readonly string[];
  /** The outlet or agency whose wording `example` is. */
  readonly outlet: string;
  /** Real wording, verbatim (the story text around a dateline is written for this project). */
  readonly example: string;
  /** A near miss the rule must not match. */
  readonly counterExample: string;
  /** Further real wordings of the same family, from other outlets, that the rule must also match. */
  readonly variants?: readonly Phrasing[];
  /**
   * sentence: the evidence is the whole sentence or parenthetical around the match, and it is ignored when it is
   * quoted or reported ("the note says ..."). match: the evidence is the match itself (datelines, bylines, slugs).
   */
  readonly evidence: "sentence" | "match";
  /** Whether the evidence is removed from content_text (disclaimers, slugs), or stays (datelines, bylines). */
  readonly clean: boolean;
  /** The canonical wire the rule attributes the story to, when the wording names it implicitly. */
  readonly wire?: string;
  /**
   * A byline rule with `beside` fires only when the paragraph just before or after matches it: a wire's name
   * alone on a line is a credit next to the byline's time line, and a menu entry anywhere else.
   */
  readonly beside?: RegExp;
  /** With `beside`: the paragraph just before or after may instead be the story's headline itself. */
  readonly besideHeadline?: boolean;
  /**
   * A closing credit that no paragraph of prose may follow: "Source: Bloomberg." between a market report's
   * paragraphs credits its chart, not the story. flags.ts skips the rule on such a paragraph.
   */
  readonly lastProse?: boolean;
  /**
   * Every match opens (start) or closes (end) the paragraph with a wire's name, as written ("Xinhua, March 2,
   * 2017", "dpa/xy"; "... the statement said. IANS"). flags.ts then tests that once per paragraph, with one
   * anchored pattern (LEADING_WIRE, TRAILING_WIRE), instead of the rule's hints: as lower-case fragments the wire
   * names ("ap", "pa", "uni") occur in almost every line.
   */
  readonly wireAt?: "start" | "end";
  /**
   * Every match names a wire in brackets, or after a comma before a bracket, in the paragraph's first 160
   * characters ("(Reuters)", "(NNN-WAFA)", ", Xinhua)"): the datelines. flags.ts tests that once per paragraph
   * (BRACKETED_NAME, then the names against the wire list) and runs only the datelines of the wires it names.
   * The value is the canonical names the rule's pattern knows.
   */
  readonly bracketed?: readonly string[];
  /**
   * inferred: the text does not say it is wire copy, wirewatch reads it from the wording (an agency's own
   * eyewitness); the evidence carries kind "inferred" so `evidence=stated` leaves it out. Default stated.
   */
  readonly kind?: "stated" | "inferred";
}

/** Text that is removed from content_text without setting any flag. */
export interface CleaningRule {
  readonly id: string;
  readonly pattern: RegExp;
  /** leading: the start of the body. paragraph: a whole short paragraph. inline: a span inside any paragraph. */
  readonly scope: "leading" | "paragraph" | "inline";
  /** As for FlagRule: lower-case fragments one of which every match contains. */
  readonly hints: readonly string[];
  readonly example: string;
  readonly counterExample: string;
}

const MONTH_NAMES = [
  "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
  "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
];
const MONTH = [...MONTH_NAMES, ...MONTH_NAMES.map((month) => month.toUpperCase())]
  .sort((a, b) => b.length - a.length)
  .join("|");
/** "March 3", "3 March", "Mar. 3, 2024", and the Ethiopian agency's "March 3/2024". */
const DATE = `(?:(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+(?:${MONTH})\\.?)(?:,?\\s+\\d{4}|\\/\\d{4})?`;
/** Words of a place name are apart by one space as written, or by no-break or doubled spaces as pages render them. */
const GAP = "(?:\\s{1,3}|/)";
/** ", Kenya", ", N.Y.", ", Tamil Nadu", ", United Arab Emirates": the state or country AP and Reuters put after the city. */
const REGION = "(?:,\\s*\\p{Lu}[\\p{L}.]{1,12}(?:\\s{1,3}\\p{Lu}[\\p{L}.]{1,12}){0,2})";
/** "KINGSTON", "New Delhi", "NEW YORK/LONDON", "ALBANY, N.Y.", "Navsari (Gujarat) [India]". */
const PLACE =
  `[\\p{Lu}][\\p{L}\\p{M}.'’&-]*(?:${GAP}[\\p{L}\\p{M}.'’&-]+){0,4}` +
  `(?:${REGION}(?=\\s*(?:[—–-]\\s*)?\\())?` +
  "(?:\\s*\\([\\p{L} .-]{2,30}\\))?(?:\\s*\\[[\\p{L} .-]{2,30}\\])?";
/** A dash some sites put between the place and the agency: "BUENOS AIRES, Argentina — (AP) —". */
const PLACE_DASH = "(?:\\s*[—–])?\\s*";
/**
 * What follows the agency in a dateline: "-", "—", "--", "_" (old AP feeds), ":" (ANI), ".-" (EFE), and a dash a
 * page's encoding broke ("(AP) ? The", "(AP) â€” The") before the story's first word.
 */
const SEP = "(?:\\s*(?:[-–—_:]{1,2}|\\.-|\\.\\s*[-–—]|(?:\\?|â€.)(?=\\s+\\p{Lu})))";
/** A sentence starts here: the paragraph start or after closing punctuation. */
const SENTENCE_START = "(?<=^|[.!?\"”’)]\\s*)";

/** Every wire alias a credit, byline or sign-off may name: not the ones that are everyday words (wires.ts). */
const ALL_WIRES = wireAliasSource(undefined, (alias) => !WORD_LIKE_ALIASES.has(alias.toUpperCase()));
/** Agencies joined by a hyphen or slash in one credit: "(NNN-WAFA)", "– NNN-WAFA", "(AFP/Reuters)". */
const JOINED_WIRES = `(?:${ALL_WIRES})(?:[-/](?:${ALL_WIRES}))*`;
/**
 * The opening of a photo caption run into a paragraph ("Above, the Burj Khalifa. (Reuters)", "Pictured: the
 * harbour. (AFP)", "FILE PHOTO: ..."): an agency in brackets after it credits the picture, not the story.
 */
const PHOTO_CAPTION = `(?:(?:^|[.!?"”’]\\s+)(?:(?:Above|Below|Top|Inset|Left|Right|Centre|Center|Main picture|Main image)[,:]|Pictured\\b|Photo:|File photo\\b|FILE PHOTO\\b))`;
/**
 * A name in brackets, or after a comma and before a bracket, in a paragraph's opening: where a dateline names its
 * agency. Its name must be a wire for any `bracketed` rule to run.
 */
export const BRACKETED_NAME = /(?:\(|,\s*)([^()]{1,60}?)\)/gu;
/** How far into a paragraph a dateline's agency may sit (the datelines' own lookahead reads 160 characters). */
export const BRACKETED_CHARS = 220;

/** A paragraph that opens with a wire's name, optionally after "The": the test that `wireAt: "start"` rules share. */
export const LEADING_WIRE = new RegExp(`^(?:[Tt]he\\s+)?(?:${ALL_WIRES})(?![\\p{L}\\p{N}])`, "u");
const WIRE_LIST = `(?:${ALL_WIRES})(?:\\s*(?:,|/|&|and)\\s*(?:[Tt]he\\s+)?(?:${ALL_WIRES}))*`;

/** An AP-style capitalised dateline city: "WASHINGTON", "GAUHATI", "NEW YORK". */
const CAPS_CITY = "\\p{Lu}[\\p{Lu}\\p{M}.'’&-]*(?:\\s{1,3}\\p{Lu}[\\p{Lu}\\p{M}.'’&-]*|/\\p{Lu}[\\p{Lu}\\p{M}.'’&-]*){0,4}";
/** The same with an optional state or country: "WASHINGTON", "PORTLAND, Ore.". */
const CAPS_PLACE = `${CAPS_CITY}${REGION}?`;
/** A place as written in mixed case: "Gaza Strip", "Rio de Janeiro". */
const MIXED_PLACE = "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s{1,3}[\\p{L}\\p{M}.'’-]+){0,3}";
/** Agency abbreviations that are also everyday ones: "Andhra Pradesh (AP)", "Aam Aadmi Party (AAP)". */
const AMBIGUOUS_ALIASES = new Set(["AP", "A.P.", "AA", "AAP", "CP", "PA", "UNI", "APP", "WAM", "PNA", "SANA", "NAN", "ENA", "KNA", "GNA", "HINA", ...WORD_LIKE_ALIASES]);
/** Agencies whose copy South Asian sites close with the agency's name alone ("... said. IANS"). */
const SIGNOFF_WIRES = wireAliasSource(
  ["Press Trust of India", "Indo-Asian News Service", "Asian News International", "Kashmir News Observer", "Global News Service"],
  (alias) => !AMBIGUOUS_ALIASES.has(alias),
);
/**
 * The end of a paragraph that closes on a sign-off agency's name (its last 40 characters are tested): `wireAt:
 * "end"`. Only the agencies whose bare name closes copy (SIGNOFF_WIRES, the one rule that uses it), so the test
 * stays cheap however many wires wires.ts lists.
 */
export const TRAILING_WIRE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SIGNOFF_WIRES})\\)?\\.?\\s*$`, "u");

/**
 * A dateline naming the agency: a date before "(Agency)" ("New Delhi, Jul 7 (PTI)"), or a separator after it
 * ("NAIROBI (Reuters) -"), or the dateline alone in its paragraph (a page that sets it in its own element).
 * Pages drop the dash ("New Delhi, (PTI) The Supreme Court", "GAUHATI, India  (AP)  Rescuers"), so a capital
 * after the agency also ends a dateline when the place leaves no doubt: a comma after it, a capitalised city
 * with its country, or nothing before the agency at all. An ambiguous abbreviation without a date needs an
 * AP-style capitalised city ("WASHINGTON (AP) —") or a city and region with AP's dash ("Gaza Strip, Gaza Strip
 * (AP) —"), so "Andhra Pradesh (AP) - The cabinet", "Aam Aadmi Party (AAP) — " and "The Press Trust of India
 * (PTI) Board" are no datelines. The country may come between the city and the date ("SEOUL, South Korea, Jan. 3
 * (UPI) --"), and a page may lose the opening bracket ("MUMBAI, Xinhua) - "): then a distinct agency name, a comma
 * before it and a separator after it must all be there.
 */
function dateline(names: readonly string[]): RegExp {
  const all = wireAliasSource(names);
  const distinct = wireAliasSource(names, (alias) => !AMBIGUOUS_ALIASES.has(alias));
  const ambiguous = wireAliasSource(names, (alias) => AMBIGUOUS_ALIASES.has(alias));
  const story = "\\s+(?=\\p{Lu}\\p{Ll})";
  // A second agency may share the brackets: "(NNN-WAFA)", "(AFP/Reuters)". Any capitalised name here, not the
  // alias list again (five copies of it took the pattern past the size V8 optimises); wiresOf keeps the wires.
  const more = "(?:[-/]\\p{Lu}[\\p{L}]{1,15}){0,2}";
  const undated = [
    ...(distinct === ""
      ? []
      : [
          `(?:${PLACE},?${PLACE_DASH})?(?=\\((?:${distinct})${more}\\)${SEP})`,
          `(?:${PLACE},\\s*)?(?=\\((?:${distinct})${more}\\)${story})`,
          // The dateline alone in its paragraph, not a photo caption ending in the agency's name ("Park Seo-yeon
          // celebrates her victory. (Yonhap)"): a caption has lower-case words of four letters or more.
          `(?![^(]*\\s\\p{Ll}{4,})${PLACE},?\\s*(?=\\((?:${distinct})${more}\\)\\s*$)`,
          `${PLACE},\\s*(?=(?:${distinct})\\)${SEP})`,
        ]),
    ...(ambiguous === ""
      ? []
      : [
          `${CAPS_PLACE}${PLACE_DASH}(?=\\((?:${ambiguous})\\)(?:${SEP}|\\s*$))`,
          `${CAPS_CITY}${REGION}\\s*(?=\\((?:${ambiguous})\\)${story})`,
          `${MIXED_PLACE}${REGION}\\s*(?=\\((?:${ambiguous})\\)\\s*[—–])`,
          `(?=\\((?:${ambiguous})\\)${SEP})`,
        ]),
  ];
  // The lookahead first: most paragraphs name no agency in brackets (or after a comma) near their start and fail
  // it at once; it tests a cheap character before trying the aliases, which keeps the wider opening window cheap.
  return new RegExp(
    `^(?=.{0,160}?(?:\\(|,\\s*)(?:${all})${more}\\))(?:${undated.join("|")}|(?:${PLACE}${REGION}?,?\\s*)?${DATE}\\s*(?=\\())\\(?(?<wire>(?:${all})${more})\\)${SEP}?`,
    "u",
  );
}

const DEDICATED_DATELINES = [
  "Reuters", "Associated Press", "Press Trust of India", "Asian News International", "Indo-Asian News Service",
  "Agence France-Presse", "Xinhua", "Bloomberg",
];
const OTHER_WIRES = [
  "United News of India", "Kyodo", "Yonhap", "dpa", "EFE", "ANSA", "Anadolu Agency", "Bernama", "Antara",
  "Australian Associated Press", "Canadian Press", "United Press International", "TASS", "Interfax",
  "Jiji Press", "Associated Press of Pakistan", "Lusa", "WAM", "dpa-AFX",
].filter((name) => !DEDICATED_DATELINES.includes(name));
/**
 * National agencies, in a rule of their own: one pattern holding every alias would pass the size (20 KB of source)
 * up to which V8 optimises a regular expression, and run at a fraction of the speed.
 */
const NATIONAL_WIRES = [
  "WAFA", "Nam News Network", "Bangladesh Sangbad Sangstha",
  "Philippine News Agency", "Middle East News Agency", "Saudi Press Agency", "KUNA", "Qatar News Agency", "IRNA",
  "Korean Central News Agency", "RIA Novosti", "Ukrinform", "Austria Presse Agentur", "Belga", "NTB", "TT",
  "Agencia Brasil", "Télam", "News Agency of Nigeria", "Kenya News Agency", "Ethiopian News Agency",
  "Maghreb Arabe Presse", "Tunis Afrique Presse", "Algérie Presse Service", "SANA", "Oman News Agency",
  "Bahrain News Agency", "National News Agency", "Prensa Latina", "Europa Press", "Central News Agency", "Notimex",
  "Andina", "Vietnam News Agency", "United News of Bangladesh", "Rastriya Samachar Samiti", "Ghana News Agency", "SAnews",
  "Tasnim", "Mehr News Agency", "Fars News Agency", "AGERPRES", "HINA", "CTK", "PAP", "ANP", "BTA", "MTI", "DNA",
  "African News Agency",
];

/**
 * The longest word of every wire alias, lower-cased: the hints of a rule whose match is a wire's name and nothing
 * else ("associated" rather than "the", which every paragraph holds).
 */
const WIRE_HINTS: readonly string[] = [
  ...new Set(
    WIRE_SERVICES.flatMap((wire) =>
      wire.aliases.map((alias) => alias.toLowerCase().split(/\s+/u).reduce((a, b) => (b.length > a.length ? b : a))),
    ),
  ),
];
/**
 * A byline's time line: short, with a clock time and an update word or a time zone ("Last Updated : Nov 07 2014 |
 * 9:12 PM IST", "December 4, 2023 07:40 am | Updated 07:41 am IST - ATHENS").
 */
const TIMESTAMP_LINE =
  /^(?=.{0,120}$)(?=.*\b\d{1,2}[:.]\d{2}\b)(?=.*\b(?:Updated|UPDATED|Published|PUBLISHED|Posted|Created|IST|GMT|UTC|EST|EDT|CET|BST|PKT|EAT|WAT|[AaPp]\.?[Mm]\.?)(?![\p{L}]))/u;
/** A bare date line under a credit ("5/2/2007", "March 2, 2007"): blogs that repost agency copy set one. */
const DATE_LINE = new RegExp(
  `^(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(?:\\s*[-–,|]?\\s*\\d{1,2}[:.]\\d{2}(?=[^\\n]{0,40}$).*)?|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?${DATE})$`,
  "u",
);
/** A byline's date, with its weekday and clock time when it has them: "Monday, March 3, 2025, 9:12 p.m.". */
const BYLINE_DATE = `(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?${DATE}(?:,?\\s+\\d{1,2}[:.]\\d{2}\\s*(?:[AaPp]\\.?[Mm]\\.?)?)?`;
/** Agencies known by capitals alone ("AAP", "PTI"): the ones a byline can run into with no space. */
const CAPITALS_WIRES = wireAliasSource(undefined, (alias) => /^[A-Z]{2,6}$/u.test(alias) && !WORD_LIKE_ALIASES.has(alias));
/**
 * The authors' line of a US paper's byline, the agency then on a line of its own ("Erica Werner and David Espo",
 * "By Ana Ruiz"): two names or more, or "By", so a menu entry ("World News") is not taken for one.
 */
const NAME = "\\p{Lu}[\\p{Ll}'’-]+(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{Ll}'’-]+)){1,2}";
const AUTHORS_LINE = new RegExp(`^(?:By\\s+${NAME}(?:(?:,|\\s+and|\\s*&)\\s+${NAME})*|${NAME}(?:(?:,|\\s+and|\\s*&)\\s+${NAME})+)$`, "u");
/** What may stand beside a wire's name alone on a line for the name to be the story's credit. */
/** The desk's city alone in capitals above the agency's name ("MONTREAL" over "The Canadian Press"), no section name. */
const CITY_LINE =
  "^(?!(?:NEWS|WORLD|SPORTS?|BUSINESS|POLITICS|OPINION|HOME|MENU|LATEST|VIDEOS?|ENTERTAINMENT|LIFESTYLE|TECH|HEALTH|SCIENCE|MARKETS|MORE|TOP|LIVE|WATCH|NATION|NATIONAL|LOCAL|CANADA|ASIA|AFRICA|EUROPE|AMERICAS)$)" +
  "\\p{Lu}{3,}(?:[ .'-]\\p{Lu}+){0,3}(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?$";
/** The agency's name with the desk's city on the line beside a bare credit ("PTI" over "PTI, New Delhi,"). */
const WIRE_CITY_LINE = `^(?:${ALL_WIRES}),\\s*\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?,?$`;
/** A page's field label over its value ("Author" over "NZ Newswire ,"). */
const FIELD_LABEL = "^(?:By|BY|Author|Authors|AUTHOR|Written by|Story by):?$";
const CREDIT_NEIGHBOUR = new RegExp(`${TIMESTAMP_LINE.source}|${DATE_LINE.source}|${AUTHORS_LINE.source}|${FIELD_LABEL}|${CITY_LINE}|${WIRE_CITY_LINE}`, "u");
/** Agencies in capitals whose name a page runs into the story's last full stop ("could not be ridiculed.APP"). */
const GLUED_SIGNOFF_WIRES = wireAliasSource(
  ["Press Trust of India", "Indo-Asian News Service", "Asian News International", "Associated Press of Pakistan", "United News of India", "Bangladesh Sangbad Sangstha", "News Agency of Nigeria"],
  (alias) => /^[A-Z]{3,5}$/u.test(alias),
);

/**
 * Agencies whose copy cites their own staff as eyewitnesses ("An AFP journalist saw"); outlets citing an agency
 * write "AFP reported" or "told AFP" instead. Not "AP": as a hint it would send every paragraph through the rule.
 */
const EYEWITNESS_WIRES = wireAliasSource(
  ["Agence France-Presse", "Reuters", "Associated Press", "Xinhua", "Anadolu Agency"],
  (alias) => !/^(?:Reuters News|Thomson Reuters|A\.P\.|AP|AA)$/u.test(alias),
);
const AGENCY_STAFF =
  "(?:journalists?|correspondents?|reporters?|photographers?|witness(?:es)?|cameram[ae]n|videographers?|team|crew)";

/** Self-reference that opens an AI or automation disclosure: "This instant news alert was generated". */
const THIS_ITEM_WAS =
  "(?:[Pp](?:arts?|ortions?)\\s+of\\s+)?[Tt]his\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:article|story|report|content|post|piece|alert|summary|recap|preview|" +
  "update|text|copy|write-?up|brief|item)\\s+(?:was|were|is|are|has\\s+been|have\\s+been|had\\s+been)\\s+" +
  "(?:(?:partially|partly|fully|entirely|automatically|originally|initially|largely|in\\s+part)\\s+)?" +
  "(?:generated|written|created|produced|drafted|compiled|prepared|authored|composed|assisted)";

/** Andhra Pradesh and its towns, which Indian sites follow with "(AP)", the state's abbreviation. */
const AP_TOWNS = [
  "Andhra", "Amaravati", "Vijayawada", "Visakhapatnam", "Vizag", "Guntur", "Tirupati", "Tirumala", "Nellore", "Kurnool",
  "Kakinada", "Rajahmundry", "Rajamahendravaram", "Anantapur", "Anantapuramu", "Kadapa", "Ongole", "Eluru", "Srikakulam",
  "Vizianagaram", "Chittoor", "Machilipatnam", "Puttaparthi", "Hyderabad", "Srisailam", "Nandyal", "Tenali",
].join("|");

export const FLAG_RULES: readonly FlagRule[] = [
  // ── Outlet disclaimers ────────────────────────────────────────────────────────────────────────────────────
  {
    id: "disclaimer-not-edited-by-staff",
    hints: ["edited", "modified", "altered", "reworked"],
    flags: ["unedited"],
    pattern:
      /\b(?:this|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:story|article|report|copy|content|news|item|post|piece|text|feed|write-?up)\s+(?:and\s+)?(?:(?:has|have|had)\s+not\s+been|(?:is|was|were|are)\s+not)\s+(?:edited|modified|altered|reworked)\s+by\s+(?:the\s+)?(?:[\p{L}\p{N}.'’&-]+\s+){0,4}?(?:[\p{L}\p{N}'’&-]+(?:'s|’s)?\s+(?:staff|team|editors?|editorial(?:\s+(?:team|staff|desk|board))?|desk|newsroom)\b|[\p{L}\p{N}-]+\.(?:com|in|net|org|co\.\p{L}{2})|[\p{L}\p{N}'’&-]+\s+and\s+(?:is|was|has\s+been)\s+(?:auto[- ]?generated|auto[- ]?published|published|sourced)\b)/iu,
    where: "closing",
    outlet: "Devdiscourse",
    example: "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
    counterExample: "The transcript has not been edited by White House staff.",
    variants: [
      {
        outlet: "NDTV",
        text: "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
      },
      {
        outlet: "Free Press Journal",
        text: "(This story has not been edited by FPJ's editorial team and is auto-generated from an agency feed.)",
      },
      {
        outlet: "The Telegraph (India)",
        text: "Except for the headline, this story has not been edited by The Telegraph Online staff and has been published from a syndicated feed.",
      },
      {
        outlet: "Outlook",
        text: "(This story has not been edited by Outlook staff and is auto-generated from news agency feeds. Source: PTI)",
      },
      { outlet: "The Week (India)", text: "(This story has not been edited by THE WEEKLY and is auto-generated from PTI)" },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-auto-generated-from-wire",
    hints: ["generated", "published"],
    flags: ["auto_generated", "syndicated"],
    pattern: new RegExp(
      `\\b(?:[Aa]uto(?:matically)?[- ]?|AUTO[- ]?)(?:generated|published|GENERATED|PUBLISHED)\\s+(?:from|via|FROM|VIA)\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?![\\p{L}\\p{N}])(?!\\s+(?:[Pp]hotos?|[Ii]mages?|[Vv]ideos?|[Gg]raphics?)\\b)`,
      "u",
    ),
    where: "closing",
    outlet: "The Week (India)",
    example: "(This story has not been edited by THE WEEKLY and is auto-generated from PTI)",
    counterExample: "The subtitles were auto-generated from AP video footage shot on Sunday.",
    variants: [{ outlet: "generic agency disclaimer", text: "This copy is auto-published from Reuters and has not been reviewed." }],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-auto-generated-from-feed",
    hints: ["generated", "published"],
    flags: ["auto_generated", "syndicated"],
    pattern:
      /\bauto(?:matically)?[- ]?(?:generated|published)\s+(?:(?:news|story|report|article|content|copy|item|wire|agency)\s+){0,2}(?:from|via|off|through)\s+(?:an?\s+|the\s+)?(?<wire>(?:[\p{L}\p{N}.&'’-]+\s+){0,4}?)(?:feeds?|news\s+service|wire(?:\s+service)?|agency|agencies)\b/iu,
    where: "closing",
    outlet: "ThePrint",
    example:
      "This report is auto-generated from Press Trust of India news service. ThePrint holds no responsibility for its content.",
    counterExample: "The captions on the broadcast were auto-generated by speech software and contained errors.",
    variants: [
      {
        outlet: "ThePrint",
        text: "Disclaimer: This report is auto-generated from the ANI news service. ThePrint holds no responsibility for its content.",
      },
      {
        outlet: "Devdiscourse",
        text: "(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
      },
      {
        outlet: "Business Standard",
        text: "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
      },
      {
        outlet: "LatestLY",
        text: "(This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)",
      },
      {
        outlet: "Republic World",
        text: "Disclaimer: This story is auto-generated from a syndicated feed; only the image & headline may have been reworked by www.republicworld.com",
      },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-published-from-feed",
    hints: ["published"],
    flags: ["auto_generated", "syndicated"],
    pattern:
      /\b(?:is|was|were|are|been|being)\s+(?:directly\s+|automatically\s+)?(?:auto-?)?published\s+(?:directly\s+)?(?:from|via|off|through)\s+(?:an?\s+|the\s+)?(?<wire>(?:[\p{L}\p{N}.&'’-]+\s+){0,4}?)(?:feeds?|wire\s+service|news\s+service)\b/iu,
    where: "closing",
    outlet: "NDTV",
    example:
      "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
    counterExample: "The essay was published from a prison cell in 1963, her lawyer noted.",
    variants: [
      {
        outlet: "Hindustan Times",
        text: "This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.",
      },
      {
        outlet: "Times Now",
        text: "Disclaimer: This post has been auto-published from an agency feed without any modifications to the text and has not been reviewed by an editor",
      },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-generated-from-automated-feed",
    hints: ["automated"],
    flags: ["auto_generated", "syndicated"],
    pattern:
      /\b(?:generated|produced|created)\s+(?:automatically\s+)?from\s+(?:an?\s+|the\s+)?automated\s+(?:[\p{L}-]+\s+){0,3}?feeds?\b/iu,
    where: "closing",
    outlet: "Bloomberg",
    example: "This article was generated from an automated news agency feed without modifications to text.",
    counterExample: "The chart was generated from an automated weather station network.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-without-modifications",
    hints: ["without"],
    flags: ["unedited"],
    pattern:
      /\bwithout\s+(?:any\s+)?(?:modifications?|changes|alterations?|edits|editing)\s+to\s+(?:the\s+)?(?:text|content|copy|body)\b(?:\.\s*Only\s+the\s+headline\s+(?:has|have)\s+been\s+changed)?/iu,
    where: "closing",
    outlet: "Hindustan Times",
    example:
      "This story has been published from a wire agency feed without modifications to the text. Only the headline has been changed.",
    counterExample: "The bill passed without modifications to the tax schedule.",
    variants: [
      {
        outlet: "Bloomberg",
        text: "This article was generated from an automated news agency feed without modifications to text.",
      },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-only-headline-reworked",
    hints: ["headline", "image", "picture", "photo"],
    flags: ["unedited"],
    pattern:
      /\bonly\s+the\s+(?:headline|image|picture|photo)s?(?:\s*(?:&|and)\s*(?:the\s+)?(?:headline|image|picture|photo)s?)?(?:\s+of\s+this\s+(?:report|story|article))?\s+(?:may\s+have|has|have)\s+been\s+(?:reworked|changed|edited|modified)\b/iu,
    where: "closing",
    outlet: "Business Standard",
    example:
      "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
    counterExample: "Only the headline act has been changed for Saturday's concert, organisers confirmed.",
    variants: [
      {
        outlet: "Republic World",
        text: "Disclaimer: This story is auto-generated from a syndicated feed; only the image & headline may have been reworked by www.republicworld.com",
      },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-unedited-story-from-feed",
    hints: ["unedited"],
    flags: ["unedited"],
    pattern:
      /\bunedited\s+(?:and\s+auto[- ]?generated\s+)?(?:story|copy|report|article|content|item|text)\s+(?:from|of|via)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:feeds?|agency|agencies|wires?|news\s+service)\b/iu,
    where: "closing",
    outlet: "LatestLY",
    example:
      "(This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)",
    counterExample: "The channel later aired an unedited version of the interview.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-staff-may-not-have-edited",
    hints: ["modified", "edited", "reviewed", "checked"],
    flags: ["unedited"],
    pattern:
      /\b(?:staff|team|editors?|desk)\s+(?:may|might|did|does|do|have|has)\s+not\s+(?:have\s+)?(?:modified|edited|reviewed|checked)(?:\s+or\s+(?:modified|edited|reviewed|checked))?\s+(?:the\s+)?(?:content|text|copy|story|body|article)/iu,
    where: "closing",
    outlet: "LatestLY",
    example:
      "(This is an unedited and auto-generated story from Syndicated News feed, LatestLY Staff may not have modified or edited the content body)",
    counterExample: "Hospital staff may not have checked the patient's records, the inquiry found.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-sourced-from-syndicated-feed",
    hints: ["sourced"],
    flags: ["syndicated"],
    pattern:
      /\b(?:has\s+been|have\s+been|is|are|was|were)\s+sourced\s+from\s+(?:an?\s+|the\s+)?(?:third[- ]party\s+)?(?:syndicated|agency|wire|news\s+agency)\s+(?:news\s+)?feeds?\b/iu,
    where: "closing",
    outlet: "Mid-day",
    example:
      "This story has been sourced from a third party syndicated feed, agencies. Mid-day accepts no responsibility or liability for its dependability, trustworthiness, reliability and data of the text.",
    counterExample: "The water is sourced from a spring fed by melting snow.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-inputs-from-agencies",
    hints: ["input"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[(\\[*\\-–—]?\\s*(?:[Ww]ith\\s+)?(?:[Aa]dditional\\s+)?[Ii]nputs?\\s+(?:[Ff]rom|[Bb]y)\\s+(?:[Tt]he\\s+)?` +
        `(?<wire>(?:[Nn]ews\\s+)?(?:[Aa]genc(?:y|ies)|[Ww]ires?(?:\\s+services?)?|${WIRE_LIST})` +
        `(?:\\s*(?:,|&|and)\\s*(?:[Oo]ther\\s+)?(?:[Aa]genc(?:y|ies)|${WIRE_LIST}))*)\\b`,
      "u",
    ),
    where: "closing",
    outlet: "India Today",
    example: "(With inputs from agencies)",
    counterExample: "The plan was drafted with inputs from state governments and farmers' groups.",
    variants: [
      { outlet: "The Economic Times", text: "(With inputs from PTI)" },
      { outlet: "Zee News", text: "(With inputs from agencies)" },
      { outlet: "India.com", text: "(With Inputs From Agencies)" },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-agency-inputs",
    hints: ["input"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[(\\[*\\-–—]?\\s*[Ww]ith\\s+(?<wire>[Aa]genc(?:y|ies)|${WIRE_LIST})\\s+[Ii]nputs?\\b`,
      "u",
    ),
    where: "closing",
    outlet: "Hindustan Times",
    example: "(With agency inputs)",
    counterExample: "With farmer inputs costing more each season, the subsidy matters.",
    variants: [{ outlet: "India TV", text: "(With PTI inputs)" }],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "disclaimer-source-wire",
    hints: ["source", "fuente", "fonte", "quelle", "kaynak", "sumber", "bron"],
    flags: ["syndicated"],
    // "Source" as other languages' pages print it too: Fuente, Fonte, Quelle, Kaynak, Sumber, Bron.
    pattern: new RegExp(`(?<=^|[.(;|]\\s*)(?:Source|SOURCE|source|Fuente|FUENTE|Fonte|FONTE|Quelle|QUELLE|Kaynak|KAYNAK|Sumber|SUMBER|Bron)\\s*:\\s*(?<wire>${WIRE_LIST})(?:\\s+(?:[Nn]ews\\s+)?[Aa]gency|\\s+NEWS\\s+AGENCY)?(?:\\s*\\/\\s*\\p{Lu}[\\p{L}\\p{N}]{1,15})?(?=\\s*[).]?\\s*$|\\s*\\))`, "u"),
    where: "closing",
    lastProse: true,
    outlet: "Outlook",
    example:
      "(This story has not been edited by Outlook staff and is auto-generated from news agency feeds. Source: PTI)",
    counterExample: "Image Source : PTI",
    variants: [
      { outlet: "a Turkish daily's English page", text: "Kaynak: Anadolu Agency" },
      { outlet: "an aggregator of Malaysian copy", text: "Source: BERNAMA News Agency" },
      { outlet: "Greek Reporter (in lower case, in brackets, on the last line)", text: "(source: Reuters)" },
    ],
    evidence: "match",
    clean: false,
  },

  // ── Republication and distribution notices ────────────────────────────────────────────────────────────────
  {
    id: "republished-from-the-conversation",
    hints: ["conversation"],
    flags: ["syndicated"],
    pattern: /\b[Tt]his\s+article\s+is\s+republished\s+from\s+The\s+Conversation\b/u,
    where: "closing",
    outlet: "The Conversation",
    example:
      "This article is republished from The Conversation under a Creative Commons license. Read the original article.",
    counterExample: "The Conversation published an analysis of the census data on Monday.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "republished-originally-published",
    hints: ["originally", "published", "appeared", "reprinted", "syndicated", "reposted"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[(\\[*]?\\s*(?:[Tt]his|[Tt]he\\s+following)\\s+(?:article|story|piece|post|report|column|essay|interview)\\s+` +
        `(?:(?:is|was|has\\s+been)\\s+(?:re-?published|reprinted|syndicated)\\s+(?:from|with\\s+permission|courtesy|by|under|through)` +
        `|(?:was\\s+)?(?:originally|first)\\s+(?:published|appeared|ran)\\s+(?:on|in|by|at)\\s+` +
        `(?!(?:the\\s+)?(?:print|our|this|its)\\b|(?:${MONTH})\\b|\\d))` +
        `|${SENTENCE_START}[(\\[*]?\\s*(?:Republished|Reprinted|Reposted)\\s+with\\s+(?:kind\\s+)?permission\\s+(?:from|of|by)\\b`,
      "u",
    ),
    where: "closing",
    outlet: "ProPublica",
    example:
      "This story was originally published by ProPublica, a Pulitzer Prize-winning investigative newsroom.",
    counterExample: "This story was originally published on March 4 and has been updated with the final tally.",
    variants: [
      { outlet: "KFF Health News", text: "This article was reprinted from khn.org, a national newsroom that produces in-depth journalism about health issues." },
      { outlet: "Grist", text: "This story was originally published by Grist." },
      { outlet: "Nieman Lab", text: "Republished with permission from the author." },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "distributed-by-stacker",
    hints: ["stacker"],
    flags: ["syndicated"],
    pattern: /\b(?:reviewed\s+and\s+)?distributed\s+by\s+Stacker(?:\s+Media)?\b/u,
    where: "closing",
    outlet: "Stacker",
    example: "This story was produced by Stacker and reviewed and distributed by Stacker Media.",
    counterExample: "Stacker distributed the grant money to six schools.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "distributed-by-syndicate",
    hints: ["distributed"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `(?:(?:©|\\([cC]\\)|Copyright)\\s*\\d{4}\\s+[^©]{2,80}?\\s+)?\\b[Dd]istributed\\s+by\\s+(?:Tribune\\s+Content\\s+Agency|King\\s+Features(?:\\s+Syndicate)?|` +
        `Andrews\\s+McMeel\\s+Syndication|Creators\\s+Syndicate|Washington\\s+Post\\s+Writers\\s+Group|(?:[\\p{Lu}][\\p{L}&.'’]*\\s+){1,3}(?:Syndicate|Syndication|Content\\s+Agency)|` +
        // An agency that passes on another outlet's piece ("This article, distributed by The Associated Press, was").
        `(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})(?![\\p{L}\\p{N}]))\\b`,
      "u",
    ),
    where: "closing",
    outlet: "Tribune Content Agency",
    example: "©2024 Tribune Content Agency, LLC. Distributed by Tribune Content Agency, LLC.",
    counterExample: "The $2 billion loan was syndicated by four banks and distributed by the lead arranger.",
    variants: [
      { outlet: "Creators Syndicate", text: "Distributed by Creators Syndicate, Inc." },
      { outlet: "The Conversation via AP", text: "Editor’s note: This article, distributed by The Associated Press, was first published on The Conversation." },
    ],
    evidence: "sentence",
    clean: true,
  },

  // ── Wire copyright lines and sign-offs ────────────────────────────────────────────────────────────────────
  {
    id: "wire-copyright-line",
    hints: ["copyright", "©", "(c)"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}(?:Copyright|COPYRIGHT|©|\\([cC]\\))\\s*(?:(?:Copyright|©|\\([cC]\\))\\s*)?(?:\\d{4}\\s*)?(?:[Tt]he\\s+)?(?<wire>${JOINED_WIRES})(?![\\p{L}\\p{N}])`,
      "u",
    ),
    where: "closing",
    outlet: "Associated Press",
    example:
      "Copyright 2025 The Associated Press. All rights reserved.",
    counterExample: "Copyright 2024 The Kingston Ledger. All rights reserved.",
    variants: [
      {
        outlet: "Reuters",
        text: "(c) Copyright Thomson Reuters 2024. Click For Restrictions - https://agency.reuters.com/en/copyright.html",
      },
      { outlet: "Bloomberg", text: "©2024 Bloomberg L.P." },
      { outlet: "Dow Jones", text: "Copyright (c) 2024 Dow Jones & Company, Inc." },
      { outlet: "finanznachrichten.de (RTT News and dpa-AFX copy)", text: "Copyright RTT News/dpa-AFX" },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "dow-jones-end",
    hints: ["(end)"],
    flags: ["syndicated"],
    pattern: /\(END\)\s*(?<wire>Dow Jones Newswires)/u,
    where: "closing",
    outlet: "Dow Jones",
    example: "(END) Dow Jones Newswires",
    counterExample: "Dow Jones Newswires reported the figure first.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "canadian-press-first-published",
    hints: ["canadian"],
    flags: ["syndicated"],
    pattern: /\b[Tt]his\s+report\s+by\s+(?<wire>[Tt]he\s+Canadian\s+Press)\s+was\s+first\s+published\b/u,
    where: "closing",
    outlet: "The Canadian Press",
    example: "This report by The Canadian Press was first published March 12, 2024.",
    counterExample: "A report by the Canadian Press Gallery was first discussed in committee.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "reuters-reporting-editing-credit",
    hints: ["editing"],
    flags: ["syndicated"],
    pattern:
      /(?<=^|[.!?"”’]\s*)\(?(?:[Aa]dditional\s+)?[Rr]eporting\s+by\s+[^()]{2,300}?;\s*(?:(?:[Ww]riting|[Aa]dditional\s+reporting)\s+by\s+[^()]{2,200}?;\s*)*[Ee]diting\s+by\s+[^()]{2,200}?(?:\)|\.?(?=\s*$))/u,
    where: "closing",
    outlet: "Reuters",
    example: "(Reporting by Dave Graham; Editing by Jonathan Oatis)",
    counterExample: "(Reporting by Maria Santos)",
    variants: [
      { outlet: "Reuters", text: "Reporting by Lewis Jackson; Editing by Jan Harvey" },
    ],
    evidence: "match",
    clean: false,
    wire: "Reuters",
  },
  {
    id: "wire-contributed-to-report",
    hints: ["contributed"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?:\\s+(?:writers?|reporters?|correspondents?|journalists?|staff|photographers?))?` +
        `(?:\\s+[^.]{1,160}?)?\\s+contributed\\s+(?:to\\s+(?:this|the)\\s+(?:report|story|article)|reporting|to\\s+this\\s+reporting)`,
      "u",
    ),
    where: "closing",
    outlet: "Associated Press",
    example: "Associated Press writer Dánica Coto in San Juan, Puerto Rico, contributed to this report.",
    counterExample: "Staff writer Ana Ruiz contributed to this report.",
    variants: [{ outlet: "Reuters", text: "Reuters contributed to this report." }],
    evidence: "sentence",
    clean: false,
  },
  {
    id: "based-on-reporting-by-wire",
    hints: ["reporting", "reports", "material", "information"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[(\\[*\\-–—]?\\s*(?:(?:[Bb]ased\\s+on|[Cc]ompiled\\s+from|(?:[Tt]his\\s+(?:story|article|report)\\s+)?(?:[Ii]ncludes|[Ii]ncorporates)|[Ww]ith)\\s+(?:additional\\s+)?` +
        `(?:reporting|reports|material|information)\\s+(?:by|from)|(?:[Ss]ome|[Pp]art\\s+of\\s+the)\\s+(?:information|reporting|material)\\s+(?:for|in)\\s+this\\s+(?:report|story|article)\\s+came\\s+from)` +
        `\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?![\\p{L}\\p{N}])`,
      "u",
    ),
    where: "closing",
    outlet: "Radio Free Europe/Radio Liberty",
    example: "Based on reporting by AP and AFP",
    counterExample: "Based on reporting by our Kabul correspondent, the figures were revised.",
    variants: [
      { outlet: "US regional papers", text: "This story includes reporting from Reuters." },
      { outlet: "a US broadcaster's website", text: "Some information for this report came from The Associated Press and Reuters." },
    ],
    evidence: "sentence",
    clean: false,
  },
  {
    id: "posted-by-wire",
    hints: ["posted", "provided", "published"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[Tt]his\\s+(?:article|story|report|post)\\s+(?:was|is|has\\s+been)\\s+(?:originally\\s+)?(?:posted|provided|published)\\s+by\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?:\\s+News)?\\.?(?=\\s*$)`,
      "u",
    ),
    where: "closing",
    outlet: "a news-reposting blog",
    example: "This article was posted by AP News.",
    counterExample: "This article was posted by AP News, a reader wrote, but it was not.",
    evidence: "sentence",
    clean: false,
  },
  {
    id: "with-files-from-wire",
    hints: ["files"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `${SENTENCE_START}[(\\[*\\-–—]?\\s*[Ww]ith\\s+files\\s+from\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})`,
      "u",
    ),
    where: "closing",
    outlet: "CBC News",
    example: "With files from The Canadian Press",
    counterExample: "With files from CBC's Jane Doe",
    variants: [{ outlet: "CBC News", text: "With files from Reuters" }],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "wire-parenthetical-signoff",
    hints: [")"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `\\((?<=(?:^|[.!?"”’]\\s*)\\()(?<!${PHOTO_CAPTION}[^.!?\\n]{0,160}[.!?"”’]\\s*\\()(?:(?:[Cc]ourtesy:?\\s+)?(?<wire>${JOINED_WIRES})(?:,?\\s+${DATE})?|[Aa]gencies|AGENCIES)\\)\\.?(?:\\s+\\p{Lu}{2,4}(?:\\/\\p{Lu}{2,4})+)?(?=\\s*$)`,
      "u",
    ),
    where: "closing",
    outlet: "Asian News International",
    example: "The minister will visit the flood-hit districts on Friday. (ANI)",
    counterExample: "The minister belongs to the Aam Aadmi Party (AAP)",
    variants: [
      { outlet: "Indo-Asian News Service", text: "The results are expected next week. (IANS)" },
      { outlet: "China.org.cn", text: "Output rose in every province, the bureau said.\n(Xinhua News Agency March 2, 2006)" },
      { outlet: "generic agency credit", text: "Talks resume on Monday. (Agencies)" },
      { outlet: "Metro Cebu (PNA copy, the editors' initials after the credit)", text: "Seas will be slight to moderate. (PNA) BNB/JLD" },
      { outlet: "Colombo Gazette", text: "The alert level was raised last week. (Courtesy Reuters)" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "wire-dash-signoff",
    hints: ["-", "–", "—", "_", "*", "•"],
    flags: ["syndicated"],
    // An asterisk or bullet marks the sign-off on some sites ("... all New Zealanders. *AFP").
    // The agency's abbreviation may follow its name: "– African News Agency (ANA)".
    pattern: new RegExp(`[-–—_*•](?<=(?:^|[.!?"”’]\\s*)[-–—_*•])[-–—]?\\s*(?<wire>${JOINED_WIRES})(?:\\s*\\(\\p{Lu}{2,6}\\))?\\.?(?=\\s*$)`, "u"),
    where: "closing",
    outlet: "Agence France-Presse",
    example: "Rescue teams were still searching the area late on Sunday. — AFP",
    counterExample: "Rescue teams were still searching the area late on Sunday, officials told AFP.",
    variants: [
      { outlet: "Reuters", text: "-- Reuters" },
      { outlet: "The National (UAE), AFP copy", text: "He said he wanted to govern for every region. *AFP" },
      { outlet: "IOL (African News Agency copy)", text: "– African News Agency (ANA)" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "wire-bare-signoff",
    hints: WIRE_HINTS,
    wireAt: "end",
    flags: ["syndicated"],
    // The agency's name alone after the story's last sentence ("... the statement said. IANS"): how South Asian
    // sites close their agencies' copy. Only those agencies: a photo caption ends "... in Kabul. AFP" too.
    pattern: new RegExp(`(?<=[.!?"”’]\\s{1,3})(?<wire>${SIGNOFF_WIRES})(?=\\s*$)`, "u"),
    where: "closing",
    outlet: "News24 (India), IANS copy",
    example: "The ministry said the border talks would resume next month. IANS",
    counterExample: "The ministry said the border talks would resume next month, IANS reported.",
    variants: [{ outlet: "generic Indian site, PTI copy", text: "Police have registered a case and begun an inquiry. PTI" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-author-field-wire",
    hints: ["author"],
    flags: ["syndicated"],
    // An author field naming the agency on one line: "Author : ENA" under an Ethiopian News Agency story.
    pattern: new RegExp(`^(?:Author|AUTHOR|Authors)\\s*:\\s*(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})\\s*$`, "u"),
    where: "byline",
    outlet: "AllAfrica (Ethiopian News Agency copy)",
    example: "Author : ENA",
    counterExample: "Author : Abebe Kebede",
    evidence: "match",
    clean: false,
  },
  {
    id: "wire-glued-signoff",
    hints: [".pti", ".ians", ".ani", ".app", ".uni", ".bss", ".nan"],
    flags: ["syndicated"],
    // The agency's capitals run into the story's last full stop, the space lost as the page's text is read.
    pattern: new RegExp(`(?<=\\p{Ll}{2}\\.)(?<wire>${GLUED_SIGNOFF_WIRES})(?=\\s*$)`, "u"),
    where: "closing",
    outlet: "Times of Islamabad (APP copy)",
    example: "He said the judicial verdicts could not be ridiculed.APP",
    counterExample: "He said the verdicts could not be ridiculed by the APP.",
    variants: [{ outlet: "a portal reposting PTI copy", text: "Police have registered a case.PTI" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "wire-initials-list-signoff",
    hints: ["/"],
    flags: ["syndicated"],
    // Deutsche Welle closes with its editors' initials and the agencies it used: "shs/msh (AP, dpa)".
    pattern: new RegExp(`^\\p{Ll}{1,4}(?:\\/\\p{Ll}{1,4})+\\s*\\((?<wire>${WIRE_LIST})\\)\\.?$`, "u"),
    where: "closing",
    outlet: "Deutsche Welle",
    example: "shs/msh (AP, dpa)",
    counterExample: "shs/msh (Bild, Spiegel)",
    variants: [{ outlet: "Deutsche Welle", text: "jsi/sms (AFP, Reuters)" }],
    evidence: "match",
    clean: false,
  },

  {
    id: "yonhap-staff-email",
    hints: ["@yna.co.kr"],
    flags: ["syndicated"],
    // Yonhap's English copy closes with the reporter's agency address, then "(END)".
    pattern: /(?<![\p{L}\p{N}._-])[\p{L}\p{N}._-]{1,40}@yna\.co\.kr(?![\p{L}\p{N}.-])/u,
    where: "closing",
    outlet: "Yonhap",
    example: "The two sides will meet again in June.\nkimsy@yna.co.kr\n(END)",
    counterExample: "Readers may write to the desk at letters@koreaherald.com.",
    evidence: "match",
    clean: false,
    wire: "Yonhap",
  },
  {
    id: "kyodo-equals-signoff",
    hints: ["=="],
    flags: ["syndicated"],
    pattern: /==(?<=(?:^|[.!?"”’]\s*)==)\s*(?<wire>Kyodo|KYODO)(?=\s*$)/u,
    where: "closing",
    outlet: "Kyodo",
    example: "The ministry will publish the final figure in April.\n==Kyodo",
    counterExample: "Kyodo == the agency == reported it first.",
    evidence: "match",
    clean: false,
  },

  // ── Desk slugs ────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: "pti-desk-slug",
    hints: ["pti"],
    flags: ["syndicated"],
    pattern: /PTI(?<=(?:^|[.!?"”’]\s*)PTI)(?:\s+[A-Z]{2,4}){1,6}(?=\s*$)/u,
    where: "closing",
    outlet: "Press Trust of India",
    example: "PTI NIT KJ",
    counterExample: "The figures were first reported by PTI on Monday.",
    evidence: "match",
    clean: true,
    wire: "Press Trust of India",
  },
  {
    id: "uni-desk-slug",
    hints: ["uni"],
    flags: ["syndicated"],
    pattern: /UNI(?<=(?:^|[.!?"”’]\s*)UNI)(?:\s+[A-Z]{1,4}){1,6}(?:\s+\d{3,4})?(?=\s*$)/u,
    where: "closing",
    outlet: "United News of India",
    example: "UNI XR SSP 1505",
    counterExample: "UNI students protested outside the campus gate.",
    evidence: "match",
    clean: true,
    wire: "United News of India",
  },
  {
    id: "ians-desk-slug",
    hints: ["ians"],
    flags: ["syndicated"],
    pattern: /[-–—](?<=(?:^|[.!?"”’]\s*)[-–—])[-–—]?\s*IANS\s+[a-z]{2,5}(?:\/[a-z]{0,5})*\/?(?=\s*$)/u,
    where: "closing",
    outlet: "Indo-Asian News Service",
    example: "--IANS ksk/pgh",
    counterExample: "--IANS reported the figure first.",
    evidence: "match",
    clean: true,
    wire: "Indo-Asian News Service",
  },
  {
    id: "initials-desk-slug",
    hints: ["/"],
    flags: ["syndicated"],
    pattern: /^(?!(?:and\/or|he\/she|his\/her|him\/her|s\/he)$)[a-z]{2,5}(?:[-/][a-z]{2,5}){1,4}\/?$/u,
    where: "byline",
    outlet: "Agence France-Presse",
    example: "bur-jm/sst",
    counterExample: "and/or",
    evidence: "match",
    clean: true,
  },
  {
    id: "wire-initials-desk-slug",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    pattern: new RegExp(`^(?<wire>${ALL_WIRES})(?:[-/](?:[a-z]{2,5}|[A-Z]{2,4})){1,3}\\/?$`, "u"),
    where: "byline",
    outlet: "dpa (German-language broadcaster's sign-off)",
    example: "dpa/xy",
    counterExample: "AP/Wide World",
    variants: [
      { outlet: "Agence France-Presse", text: "AFP/bur/jk" },
      { outlet: "dpa (German-language broadcaster's sign-off)", text: "dpa/KW" },
    ],
    evidence: "match",
    clean: true,
  },

  // ── Wire bylines ──────────────────────────────────────────────────────────────────────────────────────────
  {
    id: "byline-by-wire",
    hints: ["by"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?:(?:Article|Story|Report|News)\\s+)?(?:By|BY|by|Written\\s+by|Reported\\s+by)\\s*:?\\s+(?:[\\p{L}.'’-]+(?:\\s+[\\p{L}.'’-]+){0,4}?(?:\\s*,|\\s*\\||\\s+and|\\s+for)?\\s+)?` +
        `(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?:\\s+(?:[Ss]taff|[Rr]eporters?|[Nn]ews|[Dd]esk|[\\p{Lu}][\\p{Ll}]+\\s+[Ww]riter|[Ww]riter|[Cc]orrespondent))?[.,]?` +
        `(?:\\s*\\|\\s*(?=[^|]*\\d)[\\p{L}\\p{N} ,:./-]{1,60}|\\s+(?:Published|Updated|Posted|Last\\s+[Uu]pdated)\\s*:?\\s+(?=[^|]*\\d)[\\p{L}\\p{N} ,:./-]{1,60})?$`,
      "u",
    ),
    where: "byline",
    outlet: "Associated Press",
    example: "By The Associated Press",
    counterExample: "By Priya Sharma, Staff Reporter",
    variants: [
      { outlet: "Associated Press", text: "By JOSH BOAK AP Economics Writer" },
      { outlet: "Reuters", text: "By Reuters Staff" },
      { outlet: "Press Trust of India", text: "Written by: PTI" },
      { outlet: "United Press International", text: "By UPI Staff | Feb. 14, 2019" },
      { outlet: "a religious news site's author line", text: "Article By Mark Hosenball, Reuters" },
      { outlet: "Khaleej Times (the credit and the time on one line)", text: "By AFP Published: Wed 28 Sep 2022, 8:52 PM" },
      { outlet: "an Indian news portal (a comma after the agency)", text: "By Xinhua," },
      { outlet: "a Canadian broadcaster's site (the byline in lower case)", text: "by The Associated Press" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-agencies",
    hints: ["agenc", "wire"],
    flags: ["syndicated"],
    pattern:
      /^(?:(?:By|From)\s+)?(?:(?:[\p{L}'’.-]+\s+){1,3}(?:and|&|with)\s+)?(?:[Nn]ews\s+)?(?:[Aa]gencies|AGENCIES|[Ww]ire\s+[Rr]eports|[Ww]ire\s+[Ss]ervices|[Aa]gency\s+[Rr]eports)\.?(?:\s*\|\s*(?=[^|]*(?:\d|Updated|Published|Posted))[\p{L}\p{N} ,:./-]{1,60}){0,3}$/u,
    where: "byline",
    outlet: "The Guardian",
    example: "Guardian staff and agencies",
    counterExample: "Government agencies",
    variants: [
      { outlet: "Generic (US regional newspapers)", text: "From wire reports" },
      { outlet: "Indian portal (the credit on the time line)", text: "Agencies | Updated: Mar 3, 2024, 10:15 IST" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-updated",
    hints: ["|"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})\\s*\\|\\s*(?:\\p{Lu}[\\p{L}.'’-]+(?:\\s{1,3}\\p{Lu}[\\p{L}.'’-]+){0,3}\\s*\\|\\s*)?` +
        `(?:(?:Updated|Published|Posted|Created)(?:\\s+on)?\\s*:?\\s*[\\p{L}\\p{N} ,:./|-]{0,80}|${BYLINE_DATE})$`,
      "u",
    ),
    where: "byline",
    outlet: "Asian News International",
    example: "ANI | Updated: Mar 12, 2024 14:32 IST",
    counterExample: "Priya Sharma | Updated: Mar 12, 2024 14:32 IST",
    variants: [
      { outlet: "Devdiscourse", text: "Reuters | Updated: 14-02-2025 11:08 IST | Created: 14-02-2025 11:07 IST" },
      { outlet: "Devdiscourse", text: "PTI | Kolkata | Updated: 02-09-2024 18:40 IST" },
      { outlet: "a US regional paper (the agency and the date on one line)", text: "The Associated Press | Monday, March 3, 2025, 9:12 p.m." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-updated-glued",
    hints: ["|"],
    flags: ["syndicated"],
    // The credit and time line run on from the headline when a page's blocks are joined without a break
    // ("... Chinese embassy in U.S.Reuters | Beijing | Updated: 17-04-2021 11:18 IST"): the agency, a bar, an
    // optional place and a bar, then the time stamp's word, which no headline has.
    pattern: new RegExp(
      `(?<=[\\p{L}\\p{N}.,:;!?"”’)\\]]\\s?)(?<wire>${ALL_WIRES})\\s*\\|\\s*(?:\\p{Lu}[\\p{L}.'’-]+(?:\\s{1,3}\\p{Lu}[\\p{L}.'’-]+){0,3}\\s*\\|\\s*)?(?:Updated|Published|Posted|Created)(?:\\s+on)?\\s*:`,
      "u",
    ),
    where: "opening",
    outlet: "Devdiscourse (headline and credit joined)",
    example: "China resolutely opposed to U.S., Japan joint statement - Chinese embassy in U.S.Reuters | Beijing | Updated: 17-04-2021 11:18 IST",
    counterExample: "Shares of Reuters rose | Markets | Sports",
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-place",
    hints: ["|"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?<wire>${ALL_WIRES})\\s*\\|\\s*(?!(?:File|Representational|Representative|Photo|Image|Picture|Video)\\b)` +
        `\\p{Lu}[\\p{L}.'’-]+(?:\\s{1,3}\\p{Lu}[\\p{L}.'’-]+){0,3}$`,
      "u",
    ),
    where: "byline",
    outlet: "Business Standard",
    example: "Press Trust of India  |  Patna",
    counterExample: "PTI | Representational image",
    variants: [{ outlet: "Business Standard", text: "IANS | New Delhi" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-name-glued-wire",
    hints: WIRE_HINTS,
    flags: ["syndicated"],
    // The writer's name and the agency set in two elements and joined with no space when a page's text is read
    // ("Jane MarshallAAP"): a short line of two to four names whose last runs straight into the agency's capitals.
    pattern: new RegExp(`^(?:\\p{Lu}[\\p{Ll}'’-]+\\s+){1,3}\\p{Lu}[\\p{Ll}'’-]*\\p{Ll}(?<wire>${CAPITALS_WIRES})$`, "u"),
    where: "byline",
    outlet: "PerthNow (byline and agency joined)",
    example: "Jane MarshallAAP",
    counterExample: "Jane Marshall",
    variants: [{ outlet: "a portal reposting PTI", text: "Ravi Shankar RaoPTI" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-name-comma-wire",
    hints: WIRE_HINTS,
    flags: ["syndicated"],
    // The writer's name, a comma and the agency on a line of their own: The Canadian Press's and AP's byline.
    pattern: new RegExp(`^(?:By\\s+)?(?:${NAME}|\\p{Lu}{2,}(?:\\s+\\p{Lu}\\.?)?(?:\\s+\\p{Lu}{2,}){1,2}),\\s+(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})$`, "u"),
    where: "byline",
    outlet: "CTV News (Canadian Press copy)",
    example: "Gregory Strong, The Canadian Press",
    counterExample: "Gregory Strong, The Globe and Mail",
    variants: [{ outlet: "a US paper's site (AP copy)", text: "JIM GOMEZ, Associated Press" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-timestamp-source-wire",
    hints: ["source"],
    flags: ["syndicated"],
    // The story's time line naming its source agency: "October 22, 2019, 01.18 PM | Source: Reuters".
    pattern: new RegExp(`^(?=[^|]{0,60}\\d)[^|]{4,60}\\|\\s*(?:Source|SOURCE)\\s*:\\s*(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})$`, "u"),
    where: "byline",
    outlet: "Kontan (Reuters copy)",
    example: "October 22, 2019, 01.18 PM | Source: Reuters",
    counterExample: "October 22, 2019, 01.18 PM | Source: Bloomberg Businessweek",
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-over-related",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    // The agency alone closing the story, just above the site's related-stories block ("Reuters" / "You may also
    // like"): a photo's credit stands under its caption, not over a list of links.
    pattern: new RegExp(`^(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})$`, "mu"),
    beside: /^(?:You may also like|You might also like|Related(?: (?:stories|articles|news|posts))?|Read more|Read next|More (?:stories|news|from [\p{L} ]{2,30})|Also read|Recommended(?: for you)?|Most read|Trending(?: now)?)\s*:?$/iu,
    where: "byline",
    outlet: "Africanews (Reuters copy)",
    example: "Reuters\nYou may also like",
    counterExample: "Reuters reported the talks had failed.\nYou may also like",
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-beside-timestamp",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    // The country a monitoring service puts after the agency ("Anadolu Agency, Turkey" over the date) may follow.
    pattern: new RegExp(`^(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})(?:,\\s*\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?)?(?:\\s*,)?$`, "mu"),
    beside: CREDIT_NEIGHBOUR,
    // The agency alone under the story's own headline is its byline ("Maple Leafs overwhelm Hurricanes" / "AP").
    besideHeadline: true,
    where: "byline",
    outlet: "Business Standard",
    example: "Capital Market\nLast Updated : Nov 07 2014 | 9:12 PM IST",
    counterExample: "AP Photo",
    variants: [
      { outlet: "The Hindu", text: "December 4, 2023 07:40 am | Updated 07:41 am IST - ATHENS\nAP" },
      { outlet: "The Detroit News", text: "Lisa Mascaro and Kevin Freking\nAssociated Press" },
      { outlet: "a blog reposting agency copy", text: "Yonhap\n3/14/2008" },
      { outlet: "Hürriyet Daily News", text: "Anatolian Agency\n12.05.2010 - 09:41 | Son Güncelleme:" },
      { outlet: "The Seattle Times", text: "By\nThe Associated Press" },
      { outlet: "a forum reposting a monitoring service's copy", text: "Anadolu Agency, Turkey\nJune 26 2009" },
      { outlet: "The Globe and Mail (the desk's city over the agency)", text: "MONTREAL\nThe Canadian Press" },
      { outlet: "Newstalk ZB (an author field)", text: "Author\nNZ Newswire ," },
      { outlet: "Deccan Herald (the credit, then the credit with the desk's city)", text: "PTI\nPTI, New Delhi," },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-bullet-wire",
    hints: ["•", "·", "▪"],
    flags: ["syndicated"],
    // The agency alone after a bullet on the byline row ("• Kyodo"), over the story's first paragraph or beside the
    // headline: a bulleted list of sources or links has another bullet beside it, not prose.
    pattern: new RegExp(`^[•·▪]\\s*(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})$`, "mu"),
    beside: /^(?=.{100,})\p{Lu}/u,
    besideHeadline: true,
    where: "byline",
    outlet: "The Japan Times (Kyodo copy)",
    example: "• Kyodo\nA 28-year-old man who held a restaurant manager hostage in Tokyo on Sunday told police he had copied the attack.",
    counterExample: "• Kyodo reported that police had arrested a man in Tokyo.",
    evidence: "match",
    clean: false,
  },
  {
    id: "lead-wire-run-in",
    hints: ["-cp-", "-ap-", "-pa-", "—cp—", "—ap—"],
    flags: ["syndicated"],
    // A feed's credit between dashes run into the first word, the space lost: "-CP-A Nova Scotia provincial court judge".
    pattern: /^[-—](?<wire>CP|AP|PA)[-—](?=\p{Lu})/u,
    where: "opening",
    outlet: "Canadian Press copy on a regional site",
    example: "-CP-A Nova Scotia provincial court judge has been sanctioned for his conduct on the bench.",
    counterExample: "A Nova Scotia provincial court judge (CP-A grade) has been sanctioned for his conduct on the bench.",
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-dated-by-wire",
    hints: ["by"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?=[^|]{0,60}$)(?=.*\\d)(?:[\\p{L}\\p{N},.:/–—-]+\\s+){1,8}?(?:By|BY)\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})(?:\\s+[Ss]taff)?\\.?$`,
      "u",
    ),
    where: "byline",
    outlet: "TimesLIVE (date, time and the agency on one line)",
    example: "14 May 2025 - 08:30 By Reuters",
    counterExample: "14 May 2025 - 08:30 By Thandi Mokoena",
    variants: [{ outlet: "generic byline", text: "March 3, 2024 By AFP" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-city-beside-timestamp",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?<wire>${ALL_WIRES})\\s+(?!(?:File|Representational|Representative|Photo|PHOTO|Image|Picture|Video|News|Staff|Reports?)\\b)` +
        `\\p{Lu}[\\p{Ll}.'’-]+(?:\\s\\p{Lu}[\\p{Ll}.'’-]+){0,2}$`,
      "mu",
    ),
    beside: TIMESTAMP_LINE,
    where: "byline",
    outlet: "Business Standard (the agency and the desk's city, no bar)",
    example: "Press Trust of India Chennai\n2 min read Last Updated : Mar 12 2024 | 9:12 PM IST",
    counterExample: "PTI Photo\n2 min read Last Updated : Mar 12 2024 | 9:12 PM IST",
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-editor-line",
    hints: ["editor"],
    flags: ["syndicated"],
    // China's state outlets give the source and the desk editor on the time line ("08:14 Xinhua Editor: Mo Li").
    pattern: new RegExp(
      `(?:^|(?<=[\\s\\d|]))(?:Source\\s*:\\s*)?(?<wire>${ALL_WIRES})\\s*\\|?\\s*` +
        // Xinhua's own pages put the time between ("Source: Xinhua| 2024-03-01 10:21:33|Editor: huaxia").
        `(?:\\d{4}-\\d{2}-\\d{2}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*\\|\\s*)?Editor\\s*:\\s*\\p{L}`,
      "u",
    ),
    where: "byline",
    outlet: "ECNS (time, source and editor on one line)",
    example: "2015-09-26 08:14Xinhua Editor: Mo Hong'e",
    counterExample: "Reuters editor Alessandra Galloni spoke at the forum.",
    variants: [
      { outlet: "China Daily", text: "Source: Xinhua | Editor: Li Yan" },
      { outlet: "Xinhua (English site)", text: "Source: Xinhua| 2024-03-01 10:21:33|Editor: huaxia" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-wire-dated",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    pattern: new RegExp(`^(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})(?:,|\\s*\\|)?\\s+${DATE}(?:\\s+[^.!?|]{0,30})?$`, "u"),
    where: "byline",
    outlet: "China.org.cn (the agency and date under the headline)",
    example: "Xinhua, March 2, 2017 Adjust font size:",
    counterExample: "Reuters, March 2, reported that the talks had failed.",
    variants: [
      { outlet: "generic credit line", text: "PTI, Jan 5, 2024" },
      { outlet: "a state information office's site", text: "Xinhua | May 24, 2024" },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-share-bar-wire-dated",
    hints: ["print", "mail", "share", "tweet", "comment"],
    flags: ["syndicated"],
    // The agency and date under the headline with the page's share bar glued before them, as a reposting site's
    // template renders it ("0 Comment(s)Print E-mail Xinhua, December 01, 2017").
    pattern: new RegExp(
      `^(?:\\d+\\s*Comments?(?:\\(s\\))?\\s*)?(?:(?:Print|PRINT|E-?[Mm]ail|EMAIL|Share|SHARE|Tweet|Font\\s+size)\\s*[:|]?\\s*){1,4}` +
        `(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})(?:,|\\s*\\|)?\\s+(?:${DATE}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/\\d{2,4})(?:\\s+[^.!?|]{0,30})?$`,
      "u",
    ),
    where: "byline",
    outlet: "China.org.cn (the share bar, then the agency and date)",
    example: "0 Comment(s)Print E-mail Xinhua, March 2, 2017",
    counterExample: "0 Comment(s)Print E-mail China Daily, March 2, 2017",
    variants: [{ outlet: "a reposting site's credit row", text: "Print | Email | Anadolu Agency | 2024-03-02" }],
    evidence: "match",
    clean: false,
  },
  {
    id: "section-label-wire-news",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    // The feed's section label over the story ("AP News" above the headline, "ANI General News" above the first
    // paragraph): a site that files an agency's feed under its own section. Beside the headline or the story's
    // prose only: in a menu the same words sit among other short entries.
    // An agency's own desk label ("Anadolu Agency WORLD") sits there the same way.
    pattern: new RegExp(
      `^(?:[Tt]he\\s+)?(?<wire>${ALL_WIRES})\\s+(?:(?:(?:General|World|National|Top|Latest|Breaking)\\s+)?(?:News|NEWS)|` +
        `WORLD|POLITICS|ECONOMY|BUSINESS|SPORTS?|MIDDLE\\s+EAST|ASIA(?:-PACIFIC)?|AFRICA|EUROPE|AMERICAS|ENERGY|HEALTH)$`,
      "mu",
    ),
    beside: /^(?=.{100,})\p{Lu}[^\n]*[.!?"”’]$/u,
    besideHeadline: true,
    where: "byline",
    outlet: "Business Standard (an agency feed's section label)",
    example: "ANI General News\nThe health minister told the upper house on Tuesday that no state had held back its count of deaths.",
    counterExample: "Reuters News Agency\nThe health minister told the upper house on Tuesday that no state had held back its count of deaths.",
    variants: [
      {
        outlet: "a regional news site (the agency feed's label over the story)",
        text: "AP News\nMEXICO CITY — The new president said on Wednesday that relations with Washington were good and talks would follow.",
      },
      {
        outlet: "Anadolu Agency (its desk label under the headline)",
        text: "Anadolu Agency WORLD\nThe ministry said on Monday that 40 trucks of aid had crossed into the region, and that more would follow this week.",
      },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "byline-provided-by-wire",
    hints: ["provided"],
    flags: ["syndicated"],
    pattern: new RegExp(`^(?:©\\s*)?(?:[Pp]rovided|PROVIDED)\\s+(?:by|BY)\\s+(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})\\.?$`, "u"),
    where: "byline",
    outlet: "MSN (an aggregator's credit under the headline)",
    example: "© Provided by The Canadian Press",
    counterExample: "© Provided by Kingston Ledger",
    evidence: "match",
    clean: false,
  },
  {
    id: "credit-line-wire",
    hints: ["credit"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `^(?:(?:Text|Story|News)\\s+)?(?:Credits?|CREDITS?)\\s*:\\s*(?:[Tt]he\\s+)?(?<wire>${WIRE_LIST})` +
        `(?:\\s*\\((?:${ALL_WIRES})\\))?(?!\\s*(?:/|[Pp]hoto|PHOTO|[Ii]mages?|[Ff]ile))(?=\\s*(?:\\||$))`,
      "u",
    ),
    where: "byline",
    outlet: "New Delhi Times",
    example: "Credit : Associated Press (AP) | Photo Credit : (AP)",
    counterExample: "Photo Credit : (AP)",
    variants: [{ outlet: "generic credit line", text: "Credit: Reuters" }],
    evidence: "match",
    clean: false,
  },

  {
    id: "agency-eyewitness",
    hints: ["afp", "reuters", "associated", "xinhua", "anadolu"],
    flags: ["syndicated"],
    pattern: new RegExp(
      `(?<=^|[.!?"”’]\\s+|,\\s+|\\s+and\\s+)(?:(?:[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal)\\s+(?<wire>${EYEWITNESS_WIRES})\\s+${AGENCY_STAFF}(?:\\s+and\\s+${AGENCY_STAFF})?\\s+` +
        `(?:(?:in|at|on|near|outside)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}\\s+)?` +
        `(?:saw|counted|heard|witnessed|observed|could\\s+see|filmed|photographed)\\b` +
        `|according\\s+to\\s+(?:an?\\s+)?(?<wire2>${EYEWITNESS_WIRES})\\s+${AGENCY_STAFF}(?=\\s+(?:at|in|on)\\b|[,.]))`,
      "u",
    ),
    where: "anywhere",
    outlet: "Agence France-Presse",
    example: "An AFP journalist in Khartoum saw smoke rising over the airport after the shelling.",
    counterExample: "An AFP journalist was wounded in the strike, the agency said, and a colleague told an AFP reporter.",
    variants: [
      { outlet: "Reuters", text: "A Reuters witness saw at least three bodies near the checkpoint." },
      { outlet: "Agence France-Presse", text: "The shelling went on into the night, according to AFP reporters, who heard more blasts." },
      { outlet: "Reuters copy on a Cypriot daily", text: "Police closed the square, and a Reuters photographer saw two vans leave." },
      { outlet: "Reuters copy on a Cypriot daily", text: "A Reuters reporter and photographer saw the man led away." },
      { outlet: "AFP copy on a Nigerian site", text: "Most homes in the village were flattened, according to an AFP team." },
    ],
    evidence: "match",
    clean: false,
    kind: "inferred",
  },

  {
    id: "agency-reports-that",
    hints: ["(nan)"],
    flags: ["syndicated"],
    // The News Agency of Nigeria's own copy names itself in a formula ("The News Agency of Nigeria (NAN) reports
    // that", "NAN recalls that"); an outlet citing it writes "according to" or "told NAN" instead.
    pattern: /(?<=^|[.!?"”’]\s+|[—–:]\s+|\s-\s+)(?:The\s+)?(?<wire>News\s+Agency\s+of\s+Nigeria)\s+\(NAN\)\s+(?:reports|recalls|learnt|gathered)\s+that\b/u,
    where: "anywhere",
    outlet: "News Agency of Nigeria",
    example: "The News Agency of Nigeria (NAN) reports that the committee will submit its findings next week.",
    counterExample: "The minister told the News Agency of Nigeria (NAN) that the committee would report next week.",
    variants: [{ outlet: "NAN copy on a Nigerian daily", text: "The governor spoke in Ilorin. The News Agency of Nigeria (NAN) recalls that the road was closed in May." }],
    evidence: "match",
    clean: false,
    kind: "inferred",
  },

  // ── Wire datelines ────────────────────────────────────────────────────────────────────────────────────────
  {
    id: "dateline-reuters",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Reuters"]),
    bracketed: ["Reuters"],
    where: "opening",
    outlet: "Reuters",
    example: "KINGSTON, March 11 (Reuters) - Ministers met behind closed doors for a second day.",
    counterExample: "Reuters said on Tuesday it would open a bureau in Kingston.",
    variants: [
      { outlet: "Reuters", text: "NAIROBI (Reuters) - Police fired tear gas at protesters." },
      { outlet: "Reuters", text: "LIMA, Peru, March 11 (Reuters) - The central bank held its rate." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-associated-press",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Associated Press"]),
    bracketed: ["Associated Press"],
    where: "opening",
    outlet: "Associated Press",
    example: "SAN DIEGO (AP) _ The port reopened on Monday.",
    counterExample: "Andhra Pradesh (AP) - The state cabinet on Monday approved the port project.",
    variants: [
      { outlet: "Associated Press", text: "WASHINGTON (AP) — The Senate adjourned without a vote." },
      { outlet: "AP copy on a US broadcaster's site", text: "DUBAI, United Arab Emirates (AP) — Oil giant Saudi Aramco said its profit rose." },
      { outlet: "AP copy, its dash broken by the page's encoding", text: "SAO PAULO (AP) ? Brazil's state-run oil company said output rose." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-pti",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Press Trust of India"]),
    bracketed: ["Press Trust of India"],
    where: "opening",
    outlet: "Press Trust of India",
    example: "New Delhi, Jul 7 (PTI) The Centre on Sunday extended the deadline for filing returns.",
    counterExample: "New Delhi: The Centre on Sunday told PTI it would extend the deadline.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-ani",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Asian News International"]),
    bracketed: ["Asian News International"],
    where: "opening",
    outlet: "Asian News International",
    example: "Navsari (Gujarat) [India], July 13 (ANI): Heavy rain lashed the district for a third day.",
    counterExample: "Navsari (Gujarat): Heavy rain lashed the district, ANI reported.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-ians",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Indo-Asian News Service"]),
    bracketed: ["Indo-Asian News Service"],
    where: "opening",
    outlet: "Indo-Asian News Service",
    example: "Mumbai, March 12 (IANS) The Sensex closed higher for a third straight session.",
    counterExample: "Mumbai: The Sensex closed higher, according to IANS.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-afp",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Agence France-Presse"]),
    bracketed: ["Agence France-Presse"],
    where: "opening",
    outlet: "Agence France-Presse",
    example: "Paris (AFP) - Farmers blocked roads around the capital on Monday.",
    counterExample: "PARIS — Farmers blocked roads around the capital, AFP reported.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-xinhua",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Xinhua"]),
    bracketed: ["Xinhua"],
    where: "opening",
    outlet: "Xinhua",
    example: "BEIJING, March 12 (Xinhua) -- The central bank kept its lending rate unchanged.",
    variants: [{ outlet: "Xinhua copy on a markets blog (its bracket lost)", text: "SHANGHAI, Xinhua) - The index closed lower for a second day." }],
    counterExample: "BEIJING — The central bank kept rates unchanged, Xinhua said.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-bloomberg",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(["Bloomberg"]),
    bracketed: ["Bloomberg"],
    where: "opening",
    outlet: "Bloomberg",
    example: "(Bloomberg) -- Oil rose for a third day as traders weighed supply risks.",
    counterExample: "Michael Bloomberg (born 1942) is a businessman.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-other-wire",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(OTHER_WIRES),
    bracketed: OTHER_WIRES,
    where: "opening",
    outlet: "Yonhap",
    example: "SEOUL, March 12 (Yonhap) -- North Korea fired a ballistic missile into the East Sea.",
    counterExample: "NEW DELHI, March 12 (TDI): The council approved the budget.",
    variants: [
      { outlet: "Kyodo", text: "TOKYO, March 12 (Kyodo) -- The yen weakened past 150 to the dollar." },
      { outlet: "Bernama", text: "KUALA LUMPUR, March 12 (Bernama) -- The ringgit opened higher." },
      { outlet: "United News of India", text: "Bhopal, Mar 12 (UNI) The state cabinet approved the scheme." },
      { outlet: "EFE", text: "Madrid, Mar 12 (EFE).- The government approved the decree." },
      { outlet: "ANSA", text: "(ANSA) - ROME, MAR 12 - The cabinet met on Tuesday." },
      { outlet: "United Press International", text: "SEOUL, South Korea, Jan. 3 (UPI) -- The two Koreas restored their hotline." },
      { outlet: "Jiji Press", text: "Tokyo, Dec. 2 (Jiji Press)--The cabinet approved the extra budget." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-national-agency",
    hints: [")"],
    flags: ["syndicated"],
    pattern: dateline(NATIONAL_WIRES),
    bracketed: NATIONAL_WIRES,
    where: "opening",
    outlet: "Kuwait News Agency",
    example: "KUWAIT, Jan 9 (KUNA) -- The cabinet approved a plan to build 12,000 homes.",
    counterExample: "WASHINGTON — The bank expects growth in the Middle East and North Africa (MENA) – a region of 450 million people – to slow.",
    variants: [
      { outlet: "Nam News Network (WAFA copy)", text: "GAZA, Mar 4 (NNN-WAFA) – The health ministry warned of fuel shortages." },
      { outlet: "Syrian Arab News Agency", text: "DAMASCUS, March 3 (SANA) – Engineers restored power to three districts." },
      { outlet: "Ethiopian News Agency", text: "Addis Ababa, June 5/2024 (ENA) – The ministry launched a planting drive." },
      { outlet: "Vietnam News Agency", text: "Hanoi (VNA) – The central bank kept its policy rate unchanged." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-wire-after-comma",
    // The dash, not the comma, as the hint: a comma is in nearly every paragraph, a double or long dash is not.
    hints: ["--", "—", "–"],
    flags: ["syndicated"],
    // The agency after the place without brackets, then a dash: "SEOUL, Yonhap -- ", "Tehran, March 3, IRNA -- ".
    // Distinct names only, and a capital after the dash, so "In Rome, Reuters – the agency – said" is no dateline.
    pattern: new RegExp(
      // A cheap test first: a dash within the first 120 characters, after a comma.
      `^(?=[^\\n]{0,120}?,[^\\n]{1,60}?(?:--|[—–]))(?!(?:In|At|On|From|For|By|And|But|The|As|When|While|After|Before)\\s)${PLACE},\\s*(?:${DATE},?\\s*)?` +
        `(?<wire>${wireAliasSource(undefined, (alias) => !AMBIGUOUS_ALIASES.has(alias.toUpperCase()))})\\s*(?:--|[—–])\\s*(?=["“]?\\p{Lu})`,
      "u",
    ),
    where: "opening",
    outlet: "Yonhap",
    example: "SEOUL, Yonhap -- The military said the North fired two short-range missiles.",
    counterExample: "In Seoul, Yonhap -- The agency itself -- was the first to report it.",
    variants: [{ outlet: "IRNA", text: "Tehran, March 3, IRNA -- The foreign ministry spokesman rejected the claim." }],
    evidence: "match",
    clean: false,
  },
  {
    id: "lead-wire-dash",
    hints: WIRE_HINTS,
    wireAt: "start",
    flags: ["syndicated"],
    // The agency alone before a dash where a dateline would stand ("IRNA – Iran's Foreign Ministry ..."), as sites
    // reposting a state agency's copy open it. Distinct names only (not "AP", "PA", "UNI"), then a capital.
    pattern: new RegExp(
      `^(?:[Tt]he\\s+)?(?<wire>(?:${wireAliasSource(undefined, (alias) => !AMBIGUOUS_ALIASES.has(alias.toUpperCase()))})(?:[-/](?:${ALL_WIRES}))*)\\s*(?:--|[-—–])\\s+(?=["“‘]?\\p{Lu})`,
      "u",
    ),
    where: "opening",
    outlet: "The Iran Project (IRNA copy)",
    example: "IRNA – Iran’s Foreign Ministry spokesman said on Monday that the proposal was still pending.",
    counterExample: "Xinhua-backed outlets – among them several in Africa – carried the report.",
    variants: [
      { outlet: "a regional portal, Xinhua copy", text: "Xinhua - China's exports rose 7 percent in March, customs data showed." },
      { outlet: "a Gulf site, WAFA copy", text: "WAFA — Israeli forces detained 14 Palestinians overnight." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-slashed-wire",
    hints: ["/"],
    flags: ["syndicated"],
    // TASS sets its name between slashes after the date: "MOSCOW, March 5. /TASS/. The Kremlin said".
    pattern: new RegExp(`^${PLACE}${REGION}?,\\s*${DATE}\\.?\\s*\\/(?<wire>${ALL_WIRES})\\/\\.?(?=\\s)`, "u"),
    where: "opening",
    outlet: "TASS",
    example: "MOSCOW, March 5. /TASS/. The Kremlin said talks would resume next week.",
    counterExample: "MOSCOW, March 5. The Kremlin said /TASS/ had the statement first.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-app-urdupoint",
    hints: ["urdupoint"],
    flags: ["syndicated"],
    // UrduPoint sets APP's name and its own in one bracket after the city: "LAHORE, (APP - UrduPoint / Pakistan Point
    // News - 2nd Dec, 2026 ) :". Its own stories carry the same bracket without the agency.
    pattern: new RegExp(`^(?:${CAPS_CITY}|${MIXED_PLACE}${REGION}?)\\s*,?\\s*\\(\\s*(?<wire>APP)\\s*-\\s*UrduPoint\\b[^()]{0,80}\\)\\s*:?`, "u"),
    where: "opening",
    outlet: "UrduPoint (APP copy)",
    example: "LAHORE, (APP - UrduPoint / Pakistan Point News - 2nd Dec, 2026 ) :The Punjab government on Tuesday approved the plan.",
    counterExample: "LAHORE, (UrduPoint / Pakistan Point News - 2nd Dec, 2026 ) :The Punjab government on Tuesday approved the plan.",
    variants: [
      { outlet: "UrduPoint (APP copy)", text: "ISLAMABAD, (APP - UrduPoint / Pakistan Point News - 14th Mar, 2025) Federal Minister said on Friday." },
      { outlet: "UrduPoint (APP copy, the city in mixed case)", text: "Galle, Sri Lanka, (APP - UrduPoint / Pakistan Point News - 18th Jan, 2021 ) :England won the first Test." },
    ],
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-urdupoint-agency",
    hints: ["urdupoint"],
    flags: ["syndicated"],
    // UrduPoint's bracket with a foreign agency after its own name: "ABU DHABI, (UrduPoint / Pakistan Point News /
    // WAM - 02nd May, 2021)". Its own stories end the bracket at the date.
    pattern: new RegExp(`^${CAPS_CITY}\\s*,?\\s*\\(\\s*UrduPoint\\s*\\/\\s*Pakistan\\s+Point\\s+News\\s*\\/\\s*(?<wire>${ALL_WIRES})\\s*-[^()]{0,40}\\)\\s*:?`, "u"),
    where: "opening",
    outlet: "UrduPoint (WAM copy)",
    example: "ABU DHABI, (UrduPoint / Pakistan Point News / WAM - 02nd May, 2021) The Crown Prince received the minister.",
    counterExample: "ABU DHABI, (UrduPoint / Pakistan Point News - 02nd May, 2021) The Crown Prince received the minister.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-square-bracket-wire",
    hints: ["["],
    flags: ["syndicated"],
    // The agency in square brackets after the city: "SYDNEY - [AAP] Australian shares have closed higher".
    pattern: new RegExp(`^${CAPS_PLACE}\\s*(?:[-–—]\\s*)?\\[(?<wire>${ALL_WIRES})\\]\\s*(?:[-–—:]\\s*)?(?=\\p{Lu})`, "u"),
    where: "opening",
    outlet: "Morningstar Australia (AAP copy)",
    example: "SYDNEY - [AAP] Australian shares have closed higher on broad-based gains.",
    counterExample: "SYDNEY - [UPDATED] Australian shares have closed higher on broad-based gains.",
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-wire-via-distributor",
    hints: ["via"],
    flags: ["syndicated"],
    // A distributor named in the agency's brackets: "COLOMBO, Jun 10, 2005 (Xinhua via COMTEX) --".
    pattern: new RegExp(`^${PLACE},?\\s*(?:${DATE}\\s*)?\\((?<wire>${ALL_WIRES})\\s+via\\s+\\p{Lu}[\\p{L}.&-]{1,20}(?:\\s\\p{Lu}[\\p{L}.&-]{1,20})?\\)${SEP}`, "u"),
    where: "opening",
    outlet: "ReliefWeb (Xinhua copy through COMTEX)",
    example: "COLOMBO, Jun 10, 2005 (Xinhua via COMTEX) -- Sri Lanka's president met the monks on Friday.",
    counterExample: "COLOMBO, Jun 10, 2005 (Xinhua via COMTEX) reported that the president met the monks.",
    evidence: "match",
    clean: false,
  },
  {
    id: "lead-writes-wire",
    hints: ["writes", "reports"],
    flags: ["syndicated"],
    // Bulgarian, Balkan and Bangladeshi outlets credit the agency at the end of the lead's first sentence:
    // ", writes BTA.", ", reports BSS.". Any alias, word-like ones too: after ", writes" or ", reports" and before
    // the full stop it can only be the agency.
    pattern: new RegExp(`(?<=\\p{Ll}[”"’]?),\\s+(?:writes|reports)\\s+(?<wire>${wireAliasSource()})\\s*\\.(?=\\s|$)`, "u"),
    where: "opening",
    outlet: "Fakti.bg (BTA copy)",
    example: "Jordan's foreign minister said today the region was at the brink of war, quoted by Reuters, writes BTA.",
    counterExample: "Jordan's foreign minister said today the region was at the brink of war, writes BTA's correspondent.",
    variants: [{ outlet: "The Independent (Bangladesh), BSS copy", text: "Police recovered 12 crude bombs from a house in the district on Friday, reports BSS." }],
    // The lead is reported speech ("said today"), so the evidence is the credit itself.
    evidence: "match",
    clean: false,
  },
  {
    id: "dateline-ap-colon",
    hints: ["(ap)"],
    flags: ["syndicated"],
    // A site that recasts AP's dateline with a colon and the city in mixed case ("Jerusalem (AP): Israeli forces").
    // Indian sites write Andhra Pradesh as "(AP)" after its towns: those are no dateline.
    pattern: new RegExp(
      `^(?!(?:${AP_TOWNS})\\b)\\p{Lu}[\\p{Ll}'’-]+(?:\\s\\p{Lu}[\\p{Ll}'’-]+){0,2}\\s*\\((?<wire>AP)\\)\\s*:\\s+(?=\\p{Lu})`,
      "u",
    ),
    bracketed: ["Associated Press"],
    where: "opening",
    outlet: "a regional site recasting AP datelines",
    example: "Jerusalem (AP): Israeli forces raided a camp in the northern West Bank on Tuesday, officials said.",
    counterExample: "Vijayawada (AP): The state government on Tuesday said the new capital plan would go ahead.",
    variants: [{ outlet: "a regional site recasting AP datelines", text: "Mexico City (AP): Mexico's president said on Monday the talks would go on." }],
    evidence: "match",
    clean: false,
  },
  {
    id: "aggregator-provider-wire",
    hints: ["menafn"],
    flags: ["syndicated"],
    // A news aggregator's header naming the provider: syndicated wire copy when the provider is an agency
    // ("(MENAFN- Nam News Network)"), a partner newspaper's own story otherwise.
    pattern: new RegExp(`\\(MENAFN\\s*[-–—]\\s*(?<wire>${ALL_WIRES})(?:\\s*\\((?:${ALL_WIRES})\\))?\\)`, "u"),
    where: "opening",
    outlet: "MENAFN",
    example: "(MENAFN- Kuwait News Agency (KUNA)) The cabinet met on Monday.",
    counterExample: "(MENAFN- Gulf Times) The cabinet met on Monday.",
    evidence: "match",
    clean: false,
  },
  {
    id: "press-release-prnewswire",
    hints: ["/prnewswire"],
    flags: ["syndicated"],
    pattern: /^[^\n]{0,160}?\/(?<wire>PRNewswire)(?:-[\p{L}]+)*\/\s*(?:--|—|–|-)/u,
    where: "opening",
    outlet: "PR Newswire",
    example: "NEW YORK, March 12, 2024 /PRNewswire/ -- Acme Corp. today announced a new plant.",
    counterExample: "Acme Corp. announced the plant in a statement distributed by PR Newswire.",
    evidence: "match",
    clean: false,
  },
  {
    id: "press-release-businesswire",
    hints: ["(business", "(globe"],
    flags: ["syndicated"],
    pattern: /^[^\n]{0,160}?\((?<wire>BUSINESS WIRE|GLOBE NEWSWIRE)\)\s*(?:--|—|–|-)/u,
    where: "opening",
    outlet: "Business Wire",
    example: "SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. today reported quarterly results.",
    counterExample: "Acme Corp. filed the results with Business Wire on Monday.",
    variants: [
      { outlet: "GlobeNewswire", text: "TORONTO, March 12, 2024 (GLOBE NEWSWIRE) -- Acme Corp. today announced a dividend." },
    ],
    evidence: "match",
    clean: false,
  },

  // ── Headlines ─────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: "title-reuters-slug",
    hints: ["-"],
    flags: ["syndicated"],
    pattern:
      /^(?:UPDATE\s+\d{1,2}|RPT|REFILE|CORRECTED|EXCLUSIVE|WRAPUP(?:\s+\d{1,2})?|INSIGHT|ANALYSIS|FACTBOX|EXPLAINER|BREAKINGVIEWS|GRAPHIC|BRIEF|FOCUS|COLUMN)(?:-(?:UPDATE\s+\d{1,2}|EXCLUSIVE|ANALYSIS|GRAPHIC|CORRECTED|REFILE|RPT|INSIGHT))*-(?=\S)/u,
    where: "title",
    outlet: "Reuters",
    example: "UPDATE 2-Blinken says he hopes for progress on Haiti",
    counterExample: "COVID-19 cases rise in Kingston",
    evidence: "match",
    clean: false,
    wire: "Reuters",
  },

  // ── Automation and AI ─────────────────────────────────────────────────────────────────────────────────────
  {
    id: "ai-automated-insights",
    hints: ["insights"],
    flags: ["ai_generated", "auto_generated"],
    pattern: new RegExp(`${THIS_ITEM_WAS}\\s+by\\s+Automated\\s+Insights\\b`, "u"),
    where: "anywhere",
    outlet: "Associated Press",
    example:
      "This story was generated by Automated Insights (http://automatedinsights.com/ap) using data from Zacks Investment Research.",
    counterExample: "Automated Insights was founded in Durham, North Carolina, in 2007.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "ai-benzinga-content-engine",
    hints: ["benzinga"],
    flags: ["ai_generated", "auto_generated"],
    pattern: new RegExp(
      `${THIS_ITEM_WAS}\\s+(?:by|with\\s+the\\s+help\\s+of|using)\\s+Benzinga(?:'s|’s)?\\s+(?:automated\\s+content\\s+engine|Neuro)\\b`,
      "u",
    ),
    where: "anywhere",
    outlet: "Benzinga",
    example: "This story was generated by Benzinga's automated content engine.",
    counterExample: "Benzinga's automated content engine was discussed at the conference.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "ai-marketbeat-narrative-science",
    hints: ["narrative"],
    flags: ["ai_generated", "auto_generated"],
    pattern: new RegExp(`${THIS_ITEM_WAS}\\s+by\\s+[Nn]arrative\\s+[Ss]cience\\b`, "u"),
    where: "anywhere",
    outlet: "MarketBeat",
    example:
      "This instant news alert was generated by narrative science technology and financial data from MarketBeat in order to provide readers with the fastest and most accurate reporting.",
    counterExample: "Narrative Science was acquired by Salesforce in 2021.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "ai-self-disclosure",
    hints: ["ai", "a.i.", "intelligence", "language", "llm", "chatgpt", "gpt-", "automation"],
    flags: ["ai_generated"],
    pattern: new RegExp(
      `${THIS_ITEM_WAS}\\s+(?:(?:in\\s+part|partly|partially)\\s+)?(?:by|with|using|via|through|with\\s+(?:the\\s+)?(?:help|assistance|support|aid|use)\\s+(?:of|from))\\s+` +
        `(?:(?:an?|the|our|its|some)\\s+)?(?:[\\p{Lu}][\\p{L}'’-]*\\s+)?` +
        `(?:AI|A\\.I\\.|artificial\\s+intelligence|[Gg]enerative\\s+AI|[Gg]en\\s?AI|large\\s+language\\s+models?|LLMs?|ChatGPT|GPT-\\d|` +
        `automation\\s+technolog(?:y|ies)|natural[\\s-]language\\s+generation)` +
        `(?![\\p{L}\\p{N}])(?!\\s+[\\p{Lu}][\\p{Ll}])` +
        `(?!\\s+(?:experts?|researchers?|scientists?|reporters?|correspondents?|editors?|specialists?|analysts?|` +
        `ethicists?|critics?|columnists?|writers?|journalists?|startups?|compan(?:y|ies)|firms?|policy|regulation|ethics|safety)\\b)`,
      "u",
    ),
    where: "anywhere",
    outlet: "CNET",
    example: "This article was assisted by an AI engine and reviewed, fact-checked and edited by our editorial staff.",
    counterExample: "This report was produced by the AI Now Institute at New York University.",
    variants: [
      {
        outlet: "CNET",
        text: "This article was generated using automation technology and thoroughly edited and fact-checked by an editor on our editorial staff.",
      },
      { outlet: "phrasing named in issue 3", text: "This article was written with the assistance of AI tools." },
    ],
    evidence: "sentence",
    clean: true,
  },
  {
    id: "ai-generated-label",
    // "generated" is in "AI-generated": the longer fragments would only scan the paragraph again.
    hints: ["generated", "written", "assisted"],
    flags: ["ai_generated"],
    pattern:
      /(?<=^|[.!?"”’(*:]\s*)[Tt]his\s+(?:is\s+an?\s+AI[- ](?:generated|written|assisted)\s+(?:article|story|report|summary|content|piece|post)|(?:article|story|report|summary|content|piece|post)\s+(?:is|was)\s+AI[- ](?:generated|written|assisted))\b/u,
    where: "anywhere",
    outlet: "generic label (wording not tied to one outlet)",
    example: "This summary is AI-generated.",
    counterExample: "Critics said the rival site's story was AI-generated and riddled with errors.",
    evidence: "sentence",
    clean: true,
  },
  {
    id: "ai-summary-label",
    hints: ["summar", "reduced"],
    flags: ["ai_generated"],
    // A label line of a page that publishes software's summary of another outlet's story: "AI summarized text"
    // over it, or a summariser's "Reduced by 72%" beside it. The line alone: in a sentence it is news.
    pattern: /^(?:(?:AI|A\.I\.)[- ](?:summari[sz]ed|generated)\s+(?:text|summary|news|article|story)|(?:Original\s+)?[Rr]educed\s+by\s+\d{1,3}\s?%)\.?$/u,
    where: "anywhere",
    outlet: "Tengele (label over an AI summary)",
    example: "AI summarized text",
    counterExample: "The bank said emissions were reduced by 72% since 2010.",
    variants: [{ outlet: "Infodecay (a summariser's label)", text: "Reduced by 72%" }],
    evidence: "match",
    clean: true,
  },
  {
    // A chatbot's reply published as the story: its refusal or its request for the text to rewrite. The page
    // never says so, the wording gives it away, so the evidence is inferred; quoted or reported, it is news
    // about chatbots and the sentence guard leaves it alone.
    id: "ai-chatbot-reply",
    hints: ["model", "sorry", "provide", "rewritten", "paraphrased"],
    flags: ["ai_generated"],
    pattern: new RegExp(
      `(?<=^|[.!?:"”’*]\\s*)(?:` +
        `As\\s+an\\s+AI(?:\\s+language)?\\s+model,?\\s+I\\b` +
        `|I(?:['’]m|\\s+am)\\s+sorry,?\\s+but\\s+(?:I\\s+(?:cannot|can['’]t|am\\s+unable\\s+to|am\\s+not\\s+able\\s+to)\\s+` +
        `(?:generate|write|create|produce|rewrite|summari[sz]e|complete)\\s+(?:an?|the|this|that|your)\\s+(?:news\\s+)?(?:article|story|summary|text|post|content)` +
        `|it\\s+(?:seems|appears)\\s+(?:like\\s+|that\\s+)?you(?:['’]ve|\\s+have)\\s+provided)` +
        `|Please\\s+provide\\s+(?:me\\s+with\\s+)?the\\s+(?:text|content|article)\\s+(?:that\\s+)?(?:you\\s+(?:would\\s+like|want)\\s+me\\s+to|for\\s+me\\s+to)\\b` +
        `|(?:Certainly!\\s+|Sure!\\s+)?Here(?:\\s+is|['’]s)\\s+(?:a|the)\\s+(?:rewritten|paraphrased)\\s+(?:version|article)\\b` +
        `|Based\\s+on\\s+the\\s+(?:provided|given)\\s+(?:text|article|content|information|passage)(?:\\s+from\\s+[^,.]{1,40})?,\\s+here\\s+(?:is|are)\\b)`,
      "u",
    ),
    where: "opening",
    kind: "inferred",
    outlet: "sites that publish a chatbot's output unread (wording written for this project in that style)",
    example: "I’m sorry, but I cannot generate a news article from the content provided, as it does not contain enough detail.",
    counterExample: "I'm sorry, but I cannot agree with the council's plan to close the library.",
    variants: [
      { outlet: "chatbot reply published as an article", text: "As an AI language model, I cannot write an article without a topic." },
      { outlet: "chatbot reply published as an article", text: "Please provide the text you would like me to rewrite as a news story." },
      { outlet: "chatbot reply published as an article", text: "I'm sorry, but it seems like you've provided a photo caption instead of an article." },
      { outlet: "chatbot reply published as an article", text: "Certainly! Here is a rewritten version of the report:" },
      { outlet: "chatbot reply published as an article", text: "Based on the provided text, here are some possible improvements to the summary:" },
    ],
    evidence: "sentence",
    clean: false,
  },
];

export const CLEANING_RULES: readonly CleaningRule[] = [
  {
    id: "scrape-date-artifact",
    hints: ["date"],
    pattern: /^\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s+/u,
    scope: "leading",
    example: " date 2024-03-12 U.S. Secretary of State Antony Blinken said on Monday",
    counterExample: "The date 2024-03-12 was set for the hearing.",
  },
  {
    id: "also-read-insert",
    hints: ["read", "watch", "see", "related"],
    pattern:
      /^(?:Also\s+[Rr]ead|ALSO\s+READ|Read\s+[Aa]lso|READ\s+ALSO|Read\s+[Mm]ore|READ\s+MORE|Also\s+[Ww]atch|ALSO\s+WATCH|Also\s+[Ss]ee|Must\s+[Rr]ead|MUST\s+READ|READ|Related|RELATED)\s*(?:\||:|[-–—]|»)\s*\S/u,
    scope: "paragraph",
    example: "Also Read | Haiti's prime minister agrees to resign",
    counterExample: "Also read by millions, the column ran for forty years.",
  },
  {
    id: "photo-credit-caption",
    hints: ["source", "photo", "image", "picture", "pic", "credit", "courtesy"],
    pattern:
      /^[(\[]?\s*(?:Image\s+[Ss]ource|IMAGE\s+SOURCE|(?:File\s+|FILE\s+|Representative\s+|Representational\s+)?(?:[Pp]hoto(?:graph)?s?|PHOTO|[Ii]mages?|IMAGE|[Pp]ictures?|[Pp]ics?)(?:\s+[Cc]redits?|\s+[Cc]ourtesy|\s+[Ss]ource)?|[Cc]redits?|[Cc]ourtesy)\s*[:|]\s*\S/u,
    scope: "paragraph",
    example: "Image Source : PTI",
    counterExample: "Photographs from the scene showed damaged cars.",
  },
  {
    id: "photo-credit-inline",
    hints: ["photo", "image", "picture", "pic"],
    pattern:
      /[(\[](?:(?:[\p{Lu}][\p{L}]*\s+)?(?:Photo|PHOTO|Image|Pic|File\s+[Pp]hoto)(?:\s*[:/]\s*[^()[\]]{1,60})?|(?:Photo|Image|Picture)\s+(?:[Cc]redit|[Cc]ourtesy|[Ss]ource)\s*:\s*[^()[\]]{1,60})[)\]]|\|\s*(?:Photo|Image|Picture)\s*(?:[Cc]redit|[Ss]ource|[Cc]ourtesy)?\s*:\s*[^|]{1,60}$/u,
    scope: "inline",
    example: "President Joe Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)",
    counterExample: "The photo agency (founded in 1947) closed its Paris office.",
  },
];

/**
 * Machine-spun copy: article spinners swap words for thesaurus "synonyms" without reading them, which leaves
 * phrases no writer or editor would let through ("final 12 months" for last year, "West Financial institution"
 * for West Bank). The text never says it was rewritten by software, so the evidence is inferred; it takes
 * several distinct phrases, because any one of them can turn up in honest prose.
 */
export interface SpinningRule {
  readonly id: string;
  readonly flags: readonly FlagName[];
  /**
   * Each spun phrase with the wording it replaced: lower-case ASCII, no numbered groups (a named one may be
   * repeated with \k<name>, each name used by one phrase of the catalogue); matched on the
   * lower-cased text, on word boundaries.
   */
  readonly phrases: readonly {
    readonly spun: RegExp;
    readonly original: string;
    /**
     * Lower-case words (whole runs of ASCII letters and digits) every match contains, each entry one word or
     * alternatives apart by "|": a story that holds the words of too few phrases is passed over without running
     * the patterns.
     */
    readonly words: readonly string[];
  }[];
  /** How many distinct phrases a story needs before it counts as spun. */
  readonly minDistinct: number;
  readonly outlet: string;
  /** Written for this project in the style of spun news copy. */
  readonly example: string;
  /** Honest prose with fewer than `minDistinct` lookalikes. */
  readonly counterExample: string;
}

export const SPUN_TEXT_RULE: SpinningRule = {
  id: "ai-spun-synonyms",
  flags: ["ai_generated"],
  phrases: [
    { spun: /final\s+12\s+months/, original: "last year", words: ["final", "months"] },
    { spun: /subsequent\s+12\s+months/, original: "next year", words: ["subsequent", "months"] },
    { spun: /well\s+being\s+(?:ministry|ministers?|division|department|officers|officials|authorities|group|organi[sz]ation|care|employees)/, original: "health ministry", words: ["well", "being"] },
    { spun: /(?:west|world|central|reserve)\s+financial\s+institution/, original: "West Bank / World Bank / central bank", words: ["financial", "institution"] },
    { spun: /upward\s+push/, original: "rise", words: ["upward"] },
    { spun: /\d[\d,]*\s+(?:other\s+)?folks/, original: "N people", words: ["folks"] },
    { spun: /choice\s+of\s+(?:lifeless|useless)/, original: "number of dead", words: ["choice", "lifeless|useless"] },
    { spun: /(?:demise|dying)\s+toll/, original: "death toll", words: ["demise|dying", "toll"] },
    { spun: /air\s+moves/, original: "air strikes", words: ["moves"] },
    { spun: /essentially\s+the\s+most/, original: "the most", words: ["essentially"] },
    { spun: /electrical\s+energy\s+(?:provides|provide|cuts?|outages?)/, original: "electricity supplies", words: ["electrical"] },
    { spun: /dwelling\s+prerequisites/, original: "living conditions", words: ["prerequisites"] },
    { spun: /(?:rescue|help|aid|civil\s+defen[cs]e)\s+employees/, original: "rescue workers", words: ["employees"] },
    { spun: /native\s+officers/, original: "local officials", words: ["native", "officers"] },
    { spun: /medical\s+sufferers/, original: "medical patients", words: ["sufferers"] },
    { spun: /girls\s+and\s+youngsters/, original: "women and children", words: ["youngsters"] },
    { spun: /seek\s+via/, original: "search through", words: ["seek", "via"] },
    { spun: /(?:a|the)\s+supply\s+(?:informed|instructed)/, original: "a source told", words: ["supply", "informed|instructed"] },
    { spun: /anadolu\s+company/, original: "Anadolu Agency", words: ["anadolu"] },
    { spun: /ecu\s+(?:union|fee|parliament|central\s+financial\s+institution)/, original: "European Union", words: ["ecu", "union|fee|parliament|central"] },
    { spun: /high\s+minister/, original: "Prime Minister", words: ["high", "minister"] },
    { spun: /(?:ultimate|superb|perfect|splendid|very\s+best)\s+court(?:\s+docket|room)/, original: "Supreme Court", words: ["ultimate|superb|perfect|splendid|best", "court|courtroom"] },
    { spun: /counterfeit\s+(?:consciousness|intelligence)/, original: "artificial intelligence", words: ["counterfeit"] },
    { spun: /profound\s+(?:learning|studying)/, original: "deep learning", words: ["profound"] },
    { spun: /haze\s+(?:figuring|computing)/, original: "cloud computing", words: ["haze"] },
    { spun: /sensible\s+(?:telephones?|telephone)/, original: "smartphone", words: ["sensible", "telephone|telephones"] },
    { spun: /inventory\s+marketplace/, original: "stock market", words: ["inventory", "marketplace"] },
    { spun: /within\s+the\s+(?:wake|metropolis)\s+of/, original: "in the wake of / in the city of", words: ["within", "wake|metropolis"] },
    { spun: /greater\s+than\s+(?:a|two|three|four|five|six)\s+dozen/, original: "more than two dozen", words: ["greater", "dozen"] },
    { spun: /encounter\s+masks?/, original: "face mask", words: ["encounter", "mask|masks"] },
    { spun: /curiosity\s+(?:charges|fees|prices)/, original: "interest rates", words: ["curiosity"] },
    { spun: /(?:information|press)\s+convention\s+(?:on|in|at|after)/, original: "news conference", words: ["convention"] },
    { spun: /[a-z]+-drove\s+(?:organization|organisation|government|administration|coalition|alliance|group)/, original: "X-led administration", words: ["drove"] },
    { spun: /unrefined\s+(?:petroleum|oil)/, original: "crude oil", words: ["unrefined"] },
    { spun: /(?:erratic|electric|electrical)\s+force\s+(?:supply|supplies|outages?|cuts?)/, original: "power supply", words: ["force"] },
    { spun: /(?:put|puts|putting)\s+(?:[a-z]+\s+){0,4}?set\s+up\s+to/, original: "put in place to", words: ["set", "put|puts|putting"] },
    { spun: /a\s+ton\s+of\s+(?:measures|policies|programmes|programs|projects|reforms|steps)/, original: "a lot of measures", words: ["ton"] },

    { spun: /chief\s+of\s+employees/, original: "chief of staff", words: ["employees"] },
    { spun: /(?:labour|conservative|democratic|republican|communist|liberal|green|nationwide|people's|bharatiya\s+janata)\s+(?:occasion|celebration)/, original: "Labour Party", words: ["occasion|celebration"] },
    { spun: /synthetic\s+intelligence/, original: "artificial intelligence", words: ["synthetic"] },
    { spun: /chief\s+(?:government|govt)\s+(?:officer|officers)/, original: "chief executive officer", words: ["government|govt", "officer|officers"] },
    { spun: /(?:final|this|subsequent|previous)\s+yr\b/, original: "last year", words: ["yr"] },
    { spun: /(?:could|might)\s+\d{1,2},?\s+20\d\d/, original: "May 5, 2024", words: ["could|might"] },
    { spun: /native\s+(?:elections?|council|councils|authorit(?:y|ies)|polls)/, original: "local elections", words: ["native"] },
    { spun: /home\s+(?:of\s+representatives|speaker|republicans|democrats)/, original: "House of Representatives", words: ["home"] },
  ],
  minDistinct: 3,
  outlet: "autoblog copy of spun wire stories (wording written for this project)",
  example:
    "The Well being Ministry stated the demise toll had risen to 40 since final 12 months, with 12 other folks wounded in air moves on Sunday.",
  counterExample:
    "The choir's 20 folks singers said their wellbeing had improved; the Ultimate Frisbee club met the health ministry last year.",
};

/**
 * Machine translation from Portuguese or Spanish news copy: the date after the weekday ("this Saturday, 2,",
 * "nesta sexta-feira (12)") and newsroom idioms carried over word for word ("Sought by the report" for
 * "Procurado pela reportagem", "head of the folder" for the ministry, "a pasta"). English copy writes neither.
 */
export const TRANSLATION_CALQUE_RULE: SpinningRule = {
  id: "ai-translation-calques",
  flags: ["ai_generated"],
  phrases: [
    {
      spun: /(?:this|last|next|on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*(?:,\s*\d{1,2}(?![.,]?\d)(?=\s*[,.;])|\(\d{1,2}\))/,
      original: "on Saturday (2 May)",
      words: ["monday|tuesday|wednesday|thursday|friday|saturday|sunday"],
    },
    { spun: /(?:sought|contacted|searched|wanted)\s+(?:out\s+)?by\s+the\s+report(?:ing)?/, original: "asked for comment", words: ["sought|contacted|searched|wanted", "report|reporting"] },
    { spun: /(?:head|holder|command)\s+of\s+the\s+folder/, original: "head of the ministry", words: ["folder"] },
  ],
  minDistinct: 2,
  outlet: "machine translations of Brazilian newspaper copy (wording written for this project)",
  example:
    "The governor met union leaders this Friday (12) at the palace. Sought by the report, the secretary did not comment.",
  counterExample:
    "Police said on Sunday, 12.5 inches of rain fell; a reporter who contacted the ministry was told to wait.",
};

/**
 * Machine translation from languages other than Portuguese and Spanish, by what engines leave that no writer
 * does: a closing quote moved off its sentence (`tensed, ”he said`, the engine's spacing around a quote it
 * re-placed), a newsroom label carried over word for word (Turkish "son dakika" as "last minute news"), and
 * Hindi copy's fixed phrases calqued: "let us tell you that" (bata den ki), "it has been told that" (bataya gaya
 * hai ki), a sentence opening "Also said that" with its subject dropped, "Kovid" for Covid. Two distinct ones.
 */
export const TRANSLATION_ARTIFACT_RULE: SpinningRule = {
  id: "ai-translation-artifacts",
  flags: ["ai_generated"],
  phrases: [
    { spun: /[,.!?] +\u201d ?[a-z]+\s+(?:said|says|added|stated|noted|told)/, original: ',” he said', words: ["said|says|added|stated|noted|told"] },
    { spun: /last\s+minute(?:\s+news|\s*[:|])/, original: "breaking news", words: ["last", "minute"] },
    { spun: /let\s+(?:us|me)\s+(?:tell\s+you|inform(?:\s+you)?)\s+that/, original: "(nothing: a Hindi connective)", words: ["let", "tell|inform"] },
    { spun: /it\s+(?:has\s+been|was|is\s+being)\s+told\s+that/, original: "it was reported that", words: ["told"] },
    { spun: /(?<=(?:^|\n|[.!?]\s{1,3}))(?:also|further)\s+(?:said|told|stated|informed)\s+that/, original: "He also said that", words: ["also|further", "said|told|stated|informed"] },
    { spun: /kovid(?:-?19)?/, original: "Covid-19", words: ["kovid"] },
  ],
  minDistinct: 2,
  outlet: "machine translations of Hindi and Turkish news copy (wording written for this project)",
  example:
    "LAST MINUTE NEWS: The minister spoke to reporters in the capital. “We are ready to talk about every issue, ”he said. Let us tell you that the visit had been put off twice.",
  counterExample:
    "The talks were saved at the last minute. “We are ready to talk,” he said. He also said that the visit would go ahead, and told reporters it had been put off twice.",
};

/**
 * Wire copy run through a paraphraser or a round-trip translation (English to another language and back) to pass
 * as new: the words are ordinary, their roles are not. The engine keeps the nouns of the fixed phrases of war and
 * disaster copy and swaps the verbs, so inanimate things act ("a missile attacked a building", "rockets continued
 * to fire", "debris that once lived in"), strikes "kill" homes, "ceasefire" turns into a verb, militants become
 * "radicals", and a dateline's city and region come back as one place named twice ("Gaza Strip, Gaza Strip (AP)").
 * A reporter may slip once; two distinct ones in the opening take a machine.
 */
export const MACHINE_REWRITE_RULE: SpinningRule = {
  id: "ai-machine-rewrite",
  flags: ["ai_generated"],
  phrases: [
    {
      spun: /(?<place>[a-z][a-z.'-]*(?: [a-z][a-z.'-]*){0,2}), \k<place>\s*\((?:ap|afp|reuters|upi|xinhua|ians|pti|ani)\)/,
      original: "GAZA CITY, Gaza Strip (AP)",
      words: ["ap|afp|reuters|upi|xinhua|ians|pti|ani"],
    },
    {
      spun: /(?:air\s?strikes?|strikes?|shelling|bombardments?|bombings?|raids?)\s+kill(?:s|ed)?\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of)\s+(?:(?:large|big|family|residential|apartment)\s+){0,2}(?:homes|houses|buildings|towers)/,
      original: "strikes destroy six family homes",
      words: ["kill|kills|killed", "homes|houses|buildings|towers"],
    },
    {
      spun: /(?:missiles?|rockets?|shells?|mortars?)\s+(?:attacked|collided\s+with)\s+(?:a|an|the|their|his|her|its)\s+[a-z]+/,
      original: "a missile hit a building",
      words: ["attacked|collided"],
    },
    {
      spun: /(?:rockets|missiles|shells|mortars)\s+(?:continued|continue|began|kept)\s+to\s+fire/,
      original: "rockets were still being fired",
      words: ["fire"],
    },
    { spun: /(?:rubble|debris|ruins|wreckage)\s+(?:that|which)\s+(?:once\s+)?lived\s+in/, original: "the ruins of what was home to", words: ["lived"] },
    { spun: /(?:efforts?|attempts?)\s+to\s+cease-?fire/, original: "efforts toward a ceasefire", words: ["cease|ceasefire"] },
    { spun: /radical\s+(?:targets|positions|hideouts|strongholds)/, original: "militant targets", words: ["radical"] },
  ],
  minDistinct: 2,
  outlet: "reposting sites that machine-rewrite agency copy (wording written for this project)",
  example:
    "Donetsk Region, Donetsk Region (AP) — Russian shelling kill four residential buildings overnight, officials said, as rockets continued to fire from across the river.",
  counterExample:
    "DONETSK, Ukraine (AP) — A missile hit an apartment block and militants continued to fire rockets at the rubble of homes that once housed 40 families.",
};

/** The machine-text rules findSpunText runs, in order: the first that a story meets is the one cited. */
export const MACHINE_TEXT_RULES: readonly SpinningRule[] = [
  SPUN_TEXT_RULE,
  TRANSLATION_CALQUE_RULE,
  TRANSLATION_ARTIFACT_RULE,
  MACHINE_REWRITE_RULE,
];
