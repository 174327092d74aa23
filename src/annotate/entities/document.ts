/**
 * Stage 5: from mentions to entities, over the whole story. A role word, an honorific or a leading "The" is
 * never part of a name; shouted words are title-cased; the gazetteer gives canonical names ("U.N." → "United
 * Nations"); a surname links to the full name the story uses ("Blinken" → "Antony Blinken") and an acronym to
 * its expansion; and one surface gets one type in a story, by a vote the gazetteer weighs most in.
 */
import type { Entity, EntityType, MentionSpan } from "../../model";
import { CLUB_NAMES, FIRST_NAMES, foldWord, LEGAL_SUFFIX_WORDS, lookupAlias, ORG_SUFFIX_WORDS, PERSON_CUE_WORDS, PLACE_SUFFIX_WORDS, PORTFOLIO } from "../gazetteer";
import type { TaggedMention } from "./decode";
import { isGeoName } from "../gazetteer/geonames";
import { hash, writesLower } from "./features";
import { spanKey } from "./rule-mentions";
import type { Token } from "./tokens";

/** Honorifics and role words that come before a name and are never part of it (also a feature: features.ts). */
export const HONORIFICS = new Set(
  "mla mlas mlc mp alhaji hajiya shri smt datuk dato datin seri mr mrs ms miss dr sir dame lord lady sheikh prof professor gen general sen senator rep gov governor president pm minister chief judge justice king queen prince princess pope rev father sister brother col lt capt sgt maj adm brig cmdr supt insp det hon police editors editor reporter reporters correspondent alhaji administrator shadow deputy acting chairperson speaker mp mla mlc".split(" "),
);
const CAP_RE = /^\p{Lu}/u;
/**
 * Officials' letters in South Asian copy ("Bihar CM Nitish Kumar", "DGP Gaurav Yadav"), written in capitals:
 * a role, never part of the person's name. Cut from names here only: isRole() and the honorifics also shape the
 * model's features and its training data.
 */
const ROLE_LETTERS = new Set("CM DCM DGP IGP ADGP SSP DSP SHO SDM CP ACP DCP DIG AIG CJ CJP".split(" "));
/**
 * Last words of a two-word name or longer that end no person's name: a firm's and a team's words the lists leave
 * out (the organization words are also a feature of the model, so they are not added there), and a holiday's or
 * a page button's.
 */
const NOT_SURNAMES_ORG = new Set(
  "Resources Tech Sport Sports Municipality Networks Gallery Giants Stars Fighters Rovers Wanderers Blasters Warriors Knights Lions Tigers Bulls Observer Inquirer Dispatch Bulletin Courier Syndicate Hospitals Paribahan Shimbun".split(" "),
);
/** Malay, Spanish and Portuguese words that open a body's name ("Dewan Negara", "Sociedad Química y Minera"), never a person's. */
const ORG_FIRST_WORDS = new Set("Dewan Majlis Jabatan Kementerian Persatuan Universiti Parti Pertubuhan Suruhanjaya Sociedad Compañía Companhia Empresa Grupo Banco".split(" "));
const NOT_SURNAMES_NONE = new Set("Day Subscription Menu Newsletter".split(" "));
/** Last words that make a body of any name they end, a place's included (not a building's: "Centre", "Church"). */
const BODY_ENDS = new Set(
  "Police Party Bank Ministry Department Council Committee Agency Authority Commission Army Navy Command Force Forces Brigade Union Association Federation League Corporation Company Ltd Limited Inc Corp Group Holdings Airlines Airways Board Bureau Court Tribunal University College".split(" "),
);
/** Faiths' adjectives that the gazetteer's demonyms leave out ("Islamic", "Coptic"). */
const FAITH_ADJECTIVES = new Set("Islamic Orthodox Evangelical Pentecostal Anglican Coptic Maronite Lutheran Methodist Presbyterian".split(" "));
/**
 * Words a credit or a byline runs on into after a person's name, never its end ("REUTERS/Ann Wang/File Photo",
 * "Reporting by Fransiska Nangoy Editing by ...", "Nora Buli Reuters"); and post-nominal letters ("QC", "SAN").
 */
const PERSON_TAIL_WORDS = new Set("Photo PHOTO File FILE Editing Reporting Writing Reuters REUTERS QC KC SAN MBE OBE CBE".split(" "));
/** A constituency's or a district's last word after its town ("Techiman South", "Embakasi North"). */
const COMPASS_ENDS = new Set(["North", "South", "East", "West", "Central"]);
/** Last words of a place's name that are also surnames ("Jongno Ward", but "Rachel Ward"): a place only after no given name. */
const GUARDED_PLACE_ENDS = new Set(["Ward", "Lane"]);
/** Social platforms' names, which a share bar lists in a row ("Tumblr Pinterest Google+ LinkedIn"). */
const SHARE_WORDS = new Set("Facebook Twitter Pinterest Tumblr LinkedIn WhatsApp Reddit Telegram Google+ Email E-mail Print Messenger".split(" "));
/** A weather or an alert system's levels ("Status Orange", "Code Red"), which name no one. */
const WARNING_WORDS = new Set(["Status", "Code", "Alert", "Level"]);
const WARNING_COLOURS = new Set(["Red", "Orange", "Yellow", "Amber", "Green", "Blue", "Purple", "Black", "White"]);
/**
 * A road's or a building's words the place suffixes leave out: Malay and Indonesian before the name ("Jalan
 * Ampang", "Kompleks Istana Kepresidenan"), Ireland's "Co" before a county ("Co Cork"), others after.
 */
const ROAD_FIRST_WORDS = new Set("Jalan Jln Lorong Persiaran Lebuhraya Kompleks Istana Masjid Co Metro Estadio Estádio Stade Stadio Stadion Barangay Brgy River".split(" "));
const ROAD_LAST_WORDS = new Set("Highway Expressway Motorway Circle Esplanade Esplanad Estate Pref Prefecture".split(" "));
/** A venue's last word: the guideline's venues are places. */
export const VENUE_WORDS = new Set("Dome Arena Stadium Oval Coliseum Velodrome Ballpark Theater Theatre Theatro Mall Terminal".split(" "));
/** Words before "Station" that make it a service's post ("Police Station"), not a railway station (a place). */
const STATION_OWNERS = new Set("Police Garda Fire Power Space Radio Research Pumping Ranger Coastguard".split(" "));
/** Royal, noble and saints' titles that open an institution's name ("Princess Marina Hospital", "King Fahd University"). */
export const INSTITUTION_TITLES = new Set("King Queen Prince Princess Sir Dame Lady Lord Saint St Sheikh Sultan Emir Pope Imam Mahatma".split(" "));
/** A title word that opens a body's name as its adjective: "General Statistics Office", "General Directorate of Security". */
const ADJECTIVE_TITLES = new Set(["General"]);
/** The word of a state's formal name ("People's Republic of China", "Kingdom of Saudi Arabia"). */
export const STATE_HEADS = new Set(["Republic", "Kingdom", "Sultanate", "Emirate", "Principality", "Commonwealth"]);
/**
 * "the People's Republic of China" in a story that also says "China" is China: one place, under the country's
 * canonical name (docs/ENTITY-GUIDELINES.md rule 2). A story that names the state only in full keeps the full
 * name, the fullest form it uses.
 */
function mergeStateNames(tallies: Tallies): void {
  for (const [key, tally] of tallies) {
    const country = stateCanonical(tally.name);
    const into = country === undefined ? undefined : tallies.get(foldWord(country));
    if (!into || into === tally) continue;
    into.spans.push(...tally.spans);
    for (const [type, votes] of tally.votes) into.votes.set(type, (into.votes.get(type) ?? 0) + votes);
    into.order = Math.min(into.order, tally.order);
    tallies.delete(key);
  }
}

const STATE_NAME_RE = /^(?:[\p{L}’']+\s+)*?(?:Republic|Kingdom|Sultanate|Emirate|Principality|Commonwealth)\s+of\s+(?:the\s+)?(.+)$/u;

/**
 * The country a state's formal name the lists do not know stands for ("People's Republic of China" → "China",
 * "Republic of Namibia" → "Namibia"), by its canonical name; undefined where the words after "of" are no place
 * the lists know.
 */
function stateCanonical(name: string): string | undefined {
  // Every state's formal name has " of " in it; most names are settled without the pattern.
  const country = name.includes("of") ? STATE_NAME_RE.exec(name)?.[1] : undefined;
  const known = country === undefined ? undefined : lookupAlias(country);
  return known?.kind === "place" ? known.canonical : undefined;
}
/** Stock exchanges' letters, which name an index when a number follows them. */
const EXCHANGE_LETTERS = new Set("ASX NSE BSE TSX JSE NZX SGX NYSE KSE PSX DSE CSE NGX SET IDX".split(" "));
/** Words that open a football club's name and no person's (given names such as "Real" or "Inter" are left out). */
const CLUB_PREFIXES = new Set("FC AFC CF CD AC SC SV VfB VfL VfR TSG RB SK FK NK KV KRC RC RCD UD SD CA Olympique Dynamo Dinamo Sporting Atletico Atlético Lokomotiv Spartak Zenit Hapoel Maccabi Beitar Slavia Sparta Legia Wisla Steaua".split(" "));
/** Words a Title-Case headline or a page's chrome capitalises that name nothing, alone or together. */
const HEADLINE_WORDS = new Set(
  ("Says Say Said Calls Call Warns Warn Slams Slam Urges Urge Hits Hit Fires Fire Seeks Seek Plans Plan Vows Vow Backs " +
    "Eyes Gets Takes Makes Launches Launch Announces Announce Rejects Reject Denies Deny Claims Claim Demands Demand " +
    "Members Member Update Updates Live Watch Video Photos Read Opinion Analysis Explained Exclusive Breaking " +
    "Subscribe Share Comments More Latest Min Mins").split(" "),
);
const WEEKDAYS = new Set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
const COMPASS_WORDS = new Set(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]);
/** "al-Shabab", "el-Sisi": a lowercase particle joined to a capitalised name. */
/** Lower-case Arabic articles that open a group's name as English copy writes it ("al Qaeda", "al Shabaab"). */
export const ARTICLE_WORDS = new Set(["al", "el", "ad", "ash"]);
const PARTICLE_RE = /^(?:al|el|ad|as|ash|at|ibn|bin|abu|van|von|de|da|di|du|le|la)-\p{Lu}/u;
const WORD_RE = /^[\p{L}\p{N}]/u;
const POSSESSIVES = new Set(["'s", "’s", "'S", "’S"]);
/** What follows "News" in a digest or section heading: "World News Summary", "Top News Roundup". */
const DIGEST_WORDS = new Set(["Summary", "Roundup", "Round-up", "Digest", "Wrap", "Briefs", "Brief", "Bulletin", "Desk", "Headlines", "Update", "Updates"]);
/** A section's name before "News" in such a heading. */
const SECTION_WORDS = new Set(
  "World Health Business Sports Sport Top Latest Breaking Market Markets Tech Technology Science Entertainment Politics Local National International Global Regional Economic Financial Lifestyle".split(" "),
);

interface Named {
  type: EntityType;
  words: Token[];
  /** Canonical name from the gazetteer, when it knows the surface. */
  known?: string;
  knownType?: EntityType;
  /** Settled by the story's layout (layout.ts): its type outvotes every other reading. */
  forced?: boolean;
  /** Read from the name's own words ("NHS Grampian"): outvotes the rules' and the model's readings. */
  sure?: boolean;
  /** Named by the rule tagger's own resolution of the same words. */
  fromRules?: boolean;
}

/** "Lieutenant-Colonel", "Major-General", "Vice-Admiral": a rank whose hyphenated parts are all titles. */
function isHyphenatedRank(word: string): boolean {
  if (!word.includes("-")) return false;
  return word.split("-").every((part) => part !== "" && lookupAlias(part)?.kind === "title");
}

/** A role word, an honorific or a title ("MLA", "Dr.", "Minister"): never part of a person's name. */
export function isRole(word: string): boolean {
  const w = word.replace(/\.$/, "").toLowerCase();
  return HONORIFICS.has(w) || PERSON_CUE_WORDS.has(w) || lookupAlias(word)?.kind === "title";
}

/**
 * The name's own words: leading roles, honorifics and "The", trailing punctuation dropped. In a person, a role
 * anywhere before the name ends what precedes it ("Jasper Mayor Richard Ireland" → "Richard Ireland"); a
 * person mention that ends in a role ("Shadow Health Secretary") names no one and gives no words.
 */
function nameWords(tokens: Token[], m: TaggedMention): Token[] {
  let words = tokens.slice(m.start, m.end);
  // "US$52 000", "A$3m", "HK$": a country's letters run into a currency sign are the currency, no place.
  const last = words[words.length - 1] as Token;
  const next = tokens[m.end];
  if (next && CURRENCY_SIGNS.has(next.text) && next.start === last.end && next.field === last.field) return [];
  // "31-year-old North Melbourne man", "Two Harare men": an age or a count before a name is no part of it.
  while (words.length > 1 && (AGE_RE.test((words[0] as Token).text) || (m.type !== "organization" && NUMBER_WORDS.has((words[0] as Token).text)))) words = words.slice(1);
  // An editor's brackets inside a quote ("Gareth [Southgate]") are no part of the name's words.
  if (words.some((w) => w.text === "[" || w.text === "]")) words = words.filter((w) => w.text !== "[" && w.text !== "]");
  if (words.length === 0) return [];
  // A possessive closes a name: "BBC Arabic's Gaza correspondent" names BBC Arabic. Not where an institution's
  // word ends the words after it: "Royal Children's Hospital", "St Mary's College" are one name.
  // Nor in a state's style: "People's Republic of China".
  const possessive = words.findIndex((w, k) => k > 0 && k < words.length - 1 && POSSESSIVES.has(w.text) && !STATE_HEADS.has((words[k + 1] as Token).text));
  if (possessive > 0 && !ORG_SUFFIX_WORDS.has((words[words.length - 1] as Token).text)) words = words.slice(0, possessive);
  // A digest heading run into the text ("Reuters Health News Summary Following is ..."): the name stops before it.
  const digest = words.findIndex((w, k) => w.text === "News" && DIGEST_WORDS.has(tokens[m.start + k + 1]?.text ?? ""));
  if (digest >= 0) words = words.slice(0, digest > 0 && SECTION_WORDS.has((words[digest - 1] as Token).text) ? digest - 1 : digest);
  if (words.length === 0) return [];
  // A single letter ("L" in a table's won-lost column, "C" for a position) names nothing.
  if (words.length === 1 && /^\p{Lu}\.?$/u.test((words[0] as Token).text)) return [];
  // "the Kingdom", "the Republic": a state's style word alone names no state; "an Islamic college": a faith's
  // adjective the demonym list leaves out names nothing either.
  if (words.length === 1 && (STATE_HEADS.has((words[0] as Token).text) || FAITH_ADJECTIVES.has((words[0] as Token).text))) return [];
  // An honorific or a role alone ("MLA" read before "Ravi Kumar Desai") names no one and nothing.
  if (words.length === 1 && HONORIFICS.has((words[0] as Token).text.replace(/\.$/, "").toLowerCase()) && !lookupAlias((words[0] as Token).text)) return [];
  if (m.type === "person") {
    if (isRole((words[words.length - 1] as Token).text)) return [];
    // "Homeland Security", "Public Security" (of a ministry the model split), "Global Entrepreneurship Summit":
    // a portfolio's words alone, or a meeting's name, are no person.
    if (words.every((w) => PORTFOLIO.has(foldWord(w.text))) || MEETING_WORDS.has((words[words.length - 1] as Token).text)) return [];
    let cut = -1;
    words.forEach((w, k) => {
      if (k < words.length - 1 && (isRole(w.text) || ROLE_LETTERS.has(w.text))) cut = k;
    });
    words = words.slice(cut + 1);
  }
  while (words.length > 1) {
    const first = (words[0] as Token).text.replace(/\.$/, "").toLowerCase();
    // A title word that is also a portfolio opens a department's name ("Justice Department", "Defense Ministry").
    const portfolio = m.type === "organization" && PORTFOLIO.has(foldWord((words[0] as Token).text)) && ORG_SUFFIX_WORDS.has((words[1] as Token).text);
    // Nor is a title that opens a league's or a party's name ("Premier League", "Chancellor College"), or an
    // institution named for a royal or a saint ("Princess Marina Referral Hospital", "King Fahd University").
    // So is an office's holder in the possessive before one ("Magistrate's Court", "Attorney General's Office").
    const titled = m.type === "organization" && ORG_SUFFIX_WORDS.has((words[words.length - 1] as Token).text) && (words.length === 2 || INSTITUTION_TITLES.has((words[0] as Token).text) || ADJECTIVE_TITLES.has((words[0] as Token).text) || words.some((w, k) => k > 0 && k < 3 && POSSESSIVES.has(w.text)));
    const title = !portfolio && !titled && lookupAlias((words[0] as Token).text)?.kind === "title";
    // "A." is an initial ("A. K. Singh"), not the article.
    const initial = words[1]?.text === "." && (words[1] as Token).start === (words[0] as Token).end;
    if (first === "the" || (first === "a" && !initial) || first === "an" || first === "courtesy" || title || (m.type === "person" && (HONORIFICS.has(first) || PERSON_CUE_WORDS.has(first) || ROLE_LETTERS.has((words[0] as Token).text)))) {
      words = words.slice(1);
    } else break;
  }
  // "Lieutenant-Colonel Thulani Zwane", "Major-General Bheki Langa": a rank written with a hyphen, every part a
  // title, is no part of the name either.
  while (m.type === "person" && words.length > 2 && isHyphenatedRank((words[0] as Token).text)) words = words.slice(1);
  // "Defenseman Joel Edmundson": a player's position opening a sentence is no part of the name.
  while (m.type === "person" && words.length > 2 && (POSITIONS.has((words[0] as Token).text) || OCCUPATIONS.has((words[0] as Token).text))) words = words.slice(1);
  // "State-of-the-art Nyarugenge Hospital": a sentence's opening modifier.
  while (words.length > 1 && (words[0] as Token).text.includes("-") && MODIFIER_COMPOUND.test((words[0] as Token).text)) words = words.slice(1);
  // "Dane Bjarne Riisager": a nationality before a person's name is no part of it.
  while (m.type === "person" && words.length > 1 && lookupAlias((words[0] as Token).text)?.kind === "demonym") words = words.slice(1);
  // "Rex Tillerson Saturday", "Jokowi Calls": a weekday after a name, or a headline verb after a person's, is no part of it.
  while (words.length > 1) {
    const end = (words[words.length - 1] as Token).text;
    if (WEEKDAYS.has(end) || (m.type === "person" && (HEADLINE_WORDS.has(end) || TITLE_CASE_FUNCTION_WORDS.has(end) || PERSON_TAIL_WORDS.has(end) || /^\p{N}+$/u.test(end)))) words = words.slice(0, -1);
    else break;
  }
  // "Basilan island": a trailing lower-case word (not a particle) is no part of a name; nor is a trailing
  // article, where a name runs into the next headline ("Hindustan Times The ...").
  while (words.length > 1) {
    const end = (words[words.length - 1] as Token).text;
    // A closing bracket whose opening one is inside the name is part of it ("CPI(M)", "JD(U)").
    const closes = end === ")" && words.some((w) => w.text === "(");
    if ((!WORD_RE.test(end) && !closes) || (/^\p{Ll}/u.test(end) && !PARTICLE_RE.test(end)) || end === "The" || end === "A" || end === "An") words = words.slice(0, -1);
    else break;
  }
  // "Mulago Opens Isolation Unit", "Pheu Thai Lawmakers Split": a Title-Case headline's verb, or a group of
  // people, ends the name before it.
  const verb = words.findIndex((w, k) => k > 0 && (HEADLINE_VERBS.has(w.text) || GROUP_NOUNS.has(w.text)));
  if (verb > 0) words = words.slice(0, verb);
  // "Associated Press Oct.": a month after a name is no part of it.
  while (words.length > 1) {
    const end = (words[words.length - 1] as Token).text;
    if (MONTHS.has(end)) words = words.slice(0, -1);
    else break;
  }
  // "Islamic extremist group Hamas": lower-case words inside a name, other than its connectors, end what came
  // before. Only words of four letters or more: the short ones are particles of names ("Dar es Salaam").
  const inner = words.findLastIndex((w, k) => k > 0 && k < words.length - 1 && w.text.length >= 4 && /^\p{Ll}/u.test(w.text) && !NAME_CONNECTORS.has(w.text) && !PARTICLE_RE.test(w.text));
  if (inner > 0) words = words.slice(inner + 1);
  // A stock index is no organization ("S&P BSE Sensex", "Hang Seng Index").
  if (INDEX_WORDS.has((words[words.length - 1] as Token).text)) return [];
  return withoutGluedSentence(withoutGluedCredit(words));
}

/** A sentence run into the name's last word over its full stop, the space lost ("Goodluck Jonathan.Standing trial"). */
const GLUED_SENTENCE_RE = /^(\p{Lu}\p{Ll}{2,})\.\p{Lu}\p{Ll}+$/u;

/** The name's words with the next sentence's first word cut off its last word (the word and its span end at the stop). */
function withoutGluedSentence(words: Token[]): Token[] {
  const last = words[words.length - 1] as Token;
  if (last.text.indexOf(".") < 0) return words;
  const text = GLUED_SENTENCE_RE.exec(last.text)?.[1];
  if (!text) return words;
  return [...words.slice(0, -1), { ...last, text, end: last.start + text.length }];
}

/** An agency's credit run into the name before it, as pages join a byline to its credit ("Peter Nichollsreuters", "Steven DeareAAP"). */
const GLUED_CREDIT_RE = /^(?:(\p{Lu}\p{Ll}{2,})(?:reuters|afp|AAP|AFP|PTI|IANS|ANI|AP|UNI|EFE|dpa)|(\p{Lu}{3,})(?:REUTERS|AFP|AAP|PTI|IANS))$/u;

/** The name's words with a credit glued to its last word cut off (the word and its span end before it). */
function withoutGluedCredit(words: Token[]): Token[] {
  const last = words[words.length - 1] as Token;
  // Every credit ends in a capital or in "reuters", "afp", "dpa": most names end in another lower-case letter.
  const end = last.text.charCodeAt(last.text.length - 1);
  if (last.text.length < 5 || !((end >= 65 && end <= 90) || end === 115 || end === 112 || end === 97)) return words;
  const glued = GLUED_CREDIT_RE.exec(last.text);
  const text = glued?.[1] ?? glued?.[2];
  if (!text) return words;
  return [...words.slice(0, -1), { ...last, text, end: last.start + text.length }];
}

/** Verbs of a Title-Case headline, never a word inside a name (not "Falls", "Forces" or "Reports", which are: "Canadian Armed Forces"). */
const HEADLINE_VERBS = new Set(
  ("Says Warns Slams Urges Seeks Vows Backs Rejects Denies Demands Launches Announces Opens Walks Passes Beats Crush Crushes " +
    "Looms Splits Cuts Wins Loses Signs Seals Faces Hails Welcomes Blames Targets Adds Drops Jumps Surges Plunges Slumps Soars " +
    "Extends Quits Resigns Visits Arrives Orders Bans Probes Arrests Charges Sues Names Appoints Unveils Confirms " +
    "Adjourns Shakes Hits Kills Rocks Jails Frees Fines Sworn Clinches Sacks Sinks Halts Delays Suspends Approves Upholds Dismisses Acquits Convicts").split(" "),
);
/** Months as a dateline writes them after a name; not May, June, April or August, which are also names. */
const MONTHS = new Set("Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec. January February March July September October November December".split(" "));
/**
 * Plural nouns for groups of people, which a headline capitalises after a place ("Nairobi Leaders Meet");
 * not "Workers", "Farmers" or "Voters", which end names ("League of Women Voters").
 */
const GROUP_NOUNS = new Set("Leaders Members Residents Officials Fans Lawmakers Villagers Protesters".split(" "));
/** Lower-case words that join the words of one name ("Bank of America", "Trinidad and Tobago", "Office for National Statistics"). */
const NAME_CONNECTORS = new Set("of and for the de del della di da do dos das du des la le von van der den ten ter y e et upon on in at & bin bint ibn ben bat abu al el".split(" "));
/** Last words of a stock index's name. */
const INDEX_WORDS = new Set(["Sensex", "Nifty", "Index"]);

/** Players' positions, capitalised where a sentence opens with one before the player's name. */
const POSITIONS = new Set(
  ("Defenseman Defenceman Goalie Winger Fullback Full-back Centre-back Center-back Playmaker Linebacker Shortstop Outfielder Wicketkeeper Opener Jockey " +
    // Rugby's positions, which team sheets and match reports put before a player's name ("Lock Tupou Vaa'i").
    "Lock Prop Hooker Flanker Fly-half Flyhalf Scrum-half Scrumhalf Halfback Five-eighth First-five Number-eight").split(" "),
);
/**
 * Occupations, capitalised where a sentence opens with one before a person's name ("Politician Juan Guaidó",
 * "Activist Ahmed Mansoor"): no part of the name.
 */
const OCCUPATIONS = new Set(
  "Councillor Councilor Alderman Congressman Congresswoman Assemblyman Assemblywoman Legislator Politician Activist Journalist Businessman Businesswoman Entrepreneur Tycoon Actor Actress Singer Rapper Novelist Economist Analyst Lawyer Farmer Teacher Filmmaker Photographer Artist Poet Scientist Researcher Historian Footballer Cricketer Boxer Striker Midfielder Defender Goalkeeper Cyclist Golfer Sprinter".split(" "),
);
/**
 * A name's first word that is a modifier, not a name: a compound of three parts or more in lower case after the
 * first ("State-of-the-art", "Up-to-date"), or a name and a participle or a noun that make an adjective
 * ("Chinese-language Apple Daily", "Iran-backed Hezbollah", "Lagos-based Punch").
 */
const MODIFIER_COMPOUND = /^(?:\p{Lu}\p{Ll}*(?:-\p{Ll}+){2,}|\p{Lu}[\p{L}.]*-(?:language|backed|led|based|owned|run|funded|born|speaking|controlled|allied|linked|aligned|affiliated|listed|headquartered|registered|origin))$/u;
/** Last words of clubs' names that no one calls the club by alone ("Leicester City", "Ipswich Town"). */
const CLUB_WORDS = new Set("City Town County Athletic Rovers Wanderers Albion Argyle Juniors".split(" "));
/** First words of a public service named after its region ("Ambulance Victoria", "Health Canada", "Transport Scotland"). */
const SERVICE_WORDS = new Set("NHS Ambulance Transport Health Tourism Statistics Elections Parks Sport Water Hydro Ports Forestry Revenue Environment Immigration Fisheries Met".split(" "));
/** Last words of a meeting's or a contest's name, which the guideline does not tag ("Quadrilateral Security Dialogue"). */
const MEETING_WORDS = new Set("Summit Dialogue Festival Cup Championship Championships Awards Games Olympics Expo".split(" "));
/** Function words a Title-Case headline capitalises, never the last word of a person's name ("Shehbaz Sharif Calls For"). */
const TITLE_CASE_FUNCTION_WORDS = new Set("For To In On At Of With As And After Over From Into Amid Against".split(" "));
const CURRENCY_SIGNS = new Set(["$", "€", "£", "¥"]);
const AGE_RE = /^\p{N}+-(?:year|yr|month|week)s?-old$/iu;
/** Counts before a name ("Two Harare men"); not "Ten", which opens surnames ("Ten Hag"). */
const NUMBER_WORDS = new Set("Two Three Four Five Six Seven Eight Nine Eleven Twelve Dozens Hundreds Thousands".split(" "));

/**
 * "Head of Emergency Operations Aaron Davis", "US Secretary of Defense James Mattis": after a role and "of"
 * (before the mention or inside it), the portfolio's words end where a given name opens a name of two words
 * or more; that name is the person the mention is about.
 */
function portfolioPerson(tokens: Token[], m: TaggedMention): TaggedMention | undefined {
  const words = tokens.slice(m.start, m.end);
  const before = tokens[m.start - 1];
  const role = tokens[m.start - 2];
  const roleOf = words.findIndex((w, k) => k < words.length - 3 && words[k + 1]?.text === "of" && isRole(w.text));
  const from = roleOf >= 0 ? roleOf + 2 : before?.text === "of" && role && isRole(role.text) ? 0 : -1;
  if (from < 0 || words.length - from < 3) return undefined;
  const given = words.findIndex((w, k) => k > from && k < words.length - 1 && FIRST_NAMES.has(w.text.toLowerCase()));
  if (given < 0 || !words.slice(from, given).every((w) => !FIRST_NAMES.has(w.text.toLowerCase()))) return undefined;
  return { type: "person", start: m.start + given, end: m.end };
}

/** Words after a place's name that make it a police station or post ("Kharar police station", "Sector 5 Police Station"). */
const STATION_WORDS = new Set(["station", "outpost", "post", "chowki", "thana"]);
/**
 * The force a station belongs to: "police", and Ireland's "garda" ("Birr garda station"); in lower case, as a
 * station's name writes it before "station" (entities/index.ts's withPoliceStations() reads the same words).
 */
export const FORCE_WORDS = new Set(["police", "garda"]);

/**
 * Where a police station's name ends, when the mention is followed by "police station" or "garda station" (in
 * any case) or itself ends in "Police" before "station"; 0 otherwise. The words must be on the mention's line.
 */
function stationEnd(tokens: Token[], m: TaggedMention): number {
  const last = tokens[m.end - 1] as Token;
  const next = tokens[m.end];
  const after = tokens[m.end + 1];
  const sameLine = (t: Token | undefined): t is Token => !!t && t.field === last.field && t.line === last.line;
  if (FORCE_WORDS.has(last.text.toLowerCase()) && sameLine(next) && STATION_WORDS.has(next.text.toLowerCase())) return m.end + 1;
  if (sameLine(next) && FORCE_WORDS.has(next.text.toLowerCase()) && sameLine(after) && STATION_WORDS.has(after.text.toLowerCase())) return m.end + 2;
  return 0;
}

/** Whether the mention itself ends in "police station" after a name ("Kharar police station" tagged whole). */
function endsInStation(tokens: Token[], m: TaggedMention): boolean {
  if (m.end - m.start < 3) return false;
  return FORCE_WORDS.has((tokens[m.end - 2] as Token).text.toLowerCase()) && STATION_WORDS.has((tokens[m.end - 1] as Token).text.toLowerCase());
}

/** Honorifics that only ever stand before a person's name, never inside an organization's or a place's. */
const PERSONAL_HONORIFICS = new Set("mr mrs ms dr pm mla mlc mp shri smt sen rep gov prof sheikh datuk".split(" "));

/**
 * "PM Shehbaz", "Dr Ruto" read as an organization or a place: a personal honorific and one to three
 * capitalised words, none an institution's word, are a person.
 */
function honorificLed(tokens: Token[], m: TaggedMention): boolean {
  const words = tokens.slice(m.start, m.end);
  if (words.length < 2 || words.length > 4 || !PERSONAL_HONORIFICS.has((words[0] as Token).text.replace(/\.$/, "").toLowerCase())) return false;
  return words.slice(1).every((w) => CAP_RE.test(w.text) && !ORG_SUFFIX_WORDS.has(w.text) && lookupAlias(w.text)?.kind !== "place");
}

function display(word: string): string {
  // Shouted datelines and bylines ("NAIROBI", "JIM GOMEZ") read as names; short capitals stay acronyms.
  // Not agencies' letters joined by a hyphen ("NNN-VNA", "NNN-WAFA"), each part short.
  if (word.length > 4 && word === word.toUpperCase() && !word.includes(".") && /\p{Lu}/u.test(word) && !word.split("-").every((part) => part.length <= 4)) {
    return word.toLowerCase().replace(/(^|[-\s'’])\p{L}/gu, (c) => c.toUpperCase());
  }
  return word;
}

/** Joins tokens as the text wrote them: no space before punctuation that was attached. */
function surface(words: Token[]): string {
  let out = "";
  words.forEach((w, i) => {
    const prev = words[i - 1];
    out += (prev && prev.end < w.start ? " " : "") + display(w.text);
  });
  return out;
}

/** "DETROIT RED WINGS" → "Detroit Red Wings": a name in capitals, written as a name. */
function titleCase(name: string): string {
  // Agencies' letters joined by a hyphen ("NNN-VNA") stay letters.
  if (!name.includes(" ") && name.includes("-") && name.split("-").every((part) => part.length <= 4)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
}

function withoutLegalSuffix(name: string): string {
  const words = name.split(" ");
  while (words.length > 1 && LEGAL_SUFFIX_WORDS.has((words[words.length - 1] as string).replace(/\.$/, ""))) words.pop();
  return words.join(" ");
}

/** An abbreviation as a story defines one in brackets: two to eight capitals, or "&" between them ("PKK", "AT&T"). */
const BRACKET_ABBREVIATION = /^\p{Lu}[\p{Lu}&]{1,7}$/u;

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => CAP_RE.test(w))
    .map((w) => w[0])
    .join("");
}

const KNOWN_KINDS: Record<string, EntityType | undefined> = {
  person: "person",
  place: "place",
  organization: "organization",
  agency: "organization",
};

/** Merges one story's mentions into entities: canonical names, linked short forms, one type per name. */
export function resolveEntities(
  tokens: Token[],
  mentions: TaggedMention[],
  ruled: Map<number, Entity>,
  lowercase: Set<string>,
): Entity[] {
  const named: (Named & { span: MentionSpan; order: number; end: number })[] = [];
  for (const mention of mentions) {
    // Where the rules read the same words as a person, the person's cuts apply ("MLA Ravi Desai" → "Ravi Desai").
    const whole = tokens[mention.start] as Token;
    const wholeSpan: MentionSpan = { field: whole.field, start: whole.start, end: (tokens[mention.end - 1] as Token).end };
    const portfolio = "forced" in mention ? undefined : portfolioPerson(tokens, mention);
    const m = portfolio ?? (mention.type !== "person" && !("forced" in mention) && (ruled.get(spanKey(wholeSpan))?.type === "person" || honorificLed(tokens, mention)) ? { ...mention, type: "person" as const } : mention);
    const inside = endsInStation(tokens, mention);
    const station = inside ? mention.end : stationEnd(tokens, mention);
    if (station > 0 && !("forced" in m)) {
      // "Kharar police station": the station is the organization, its lower-case words included.
      const own = nameWords(tokens, { ...m, ...(inside ? { end: m.end - 2 } : {}), type: "organization" });
      if (own.length > 0) {
        const words = [...own, ...tokens.slice(inside ? mention.end - 2 : mention.end, station)].filter((w, k, all) => all.indexOf(w) === k);
        const head = words[0] as Token;
        const tail = words[words.length - 1] as Token;
        if (CAP_RE.test(head.text)) {
          named.push({ type: "organization", words, known: surface(words), knownType: "organization", span: { field: head.field, start: head.start, end: tail.end }, order: mention.start, end: station });
          continue;
        }
      }
    }
    const words = nameWords(tokens, m);
    if (words.length === 0) continue;
    const first = words[0] as Token;
    const last = words[words.length - 1] as Token;
    // A lower-case opening word is a particle ("al-Shabaab"), or the article of a name the lists know ("al Qaeda").
    if (!CAP_RE.test(first.text) && !/^\p{N}/u.test(first.text) && !PARTICLE_RE.test(first.text) && !(words.length > 1 && ARTICLE_WORDS.has(first.text) && lookupAlias(surface(words)))) continue;
    const span: MentionSpan = { field: first.field, start: first.start, end: last.end };
    const name = surface(words);
    const phrase = lookupAlias(name);
    if ("forced" in m) {
      const same = phrase && KNOWN_KINDS[phrase.kind] === m.type;
      const shouted = !/\p{Ll}/u.test(name);
      const known = same ? phrase.canonical : shouted ? titleCase(name) : name;
      // A player a table names by surname ("Di Maria" on a team sheet) links to the full name the story's prose
      // gives ("Angel Di Maria"), as any surname does: the layout settles the type, not the name.
      if (m.type === "person" && !same && !shouted) {
        named.push({ type: m.type, words, knownType: m.type, forced: true, span, order: m.start, end: m.end });
        continue;
      }
      named.push({ type: m.type, words, known, knownType: m.type, forced: true, span, order: m.start, end: m.end });
      continue;
    }
    // Capitalised ordinary words ("Says", "Fires Ballistic Missile" in a Title-Case headline): the story
    // writes every one of them in lower case elsewhere, and no gazetteer knows them.
    if (!phrase && words.every((w) => writesLower(tokens, lowercase, w.text))) continue;
    // An exchange's letters before a number are its index ("ASX 200", "NSE 500", "TSX 60"): no entity.
    if (words.length === 1 && EXCHANGE_LETTERS.has(first.text) && /^\d{2,4}$/u.test(tokens[m.end]?.text ?? "") && tokens[m.end]?.line === first.line) continue;
    // A compass word alone ("the North said") names nothing the guideline tags.
    if (!phrase && words.length === 1 && COMPASS_WORDS.has(first.text.toLowerCase())) continue;
    // Headline verbs and page words capitalised by a Title-Case line ("Warns", "Calls", "Members", "Update").
    if (!phrase && words.every((w) => HEADLINE_WORDS.has(w.text))) continue;
    // "NHS Grampian", "Ambulance Victoria", "Transport Canada": a public service's word before a region's name
    // is that region's service, whoever read it as a person or a place.
    if (!phrase && m.type !== "organization" && words.length > 1 && words.length <= 3 && SERVICE_WORDS.has(first.text) && !words.some((w) => isRole(w.text))) {
      named.push({ type: "organization", words, known: name, knownType: "organization", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // "FC Augsburg", "Olympique Marseille", "SV Werder Bremen": a club's word opens no person's name, whoever
    // read one there.
    if (!phrase && m.type === "person" && words.length > 1 && CLUB_PREFIXES.has(first.text)) {
      named.push({ type: "organization", words, known: name, knownType: "organization", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // "Republic Day", "Yearly Subscription": a holiday, or a page's button, is no person; a team's words ("Yomiuri
    // Giants", "Aduana Stars") or a firm's the lists leave out ("HCL Tech") end an organization's name.
    if (m.type === "person" && words.length > 1 && NOT_SURNAMES_NONE.has(last.text) && !FIRST_NAMES.has(first.text.toLowerCase())) continue;
    // "Status Orange", "Code Red": a warning's level is nobody.
    if (m.type === "person" && words.length === 2 && WARNING_WORDS.has(first.text) && WARNING_COLOURS.has(last.text)) continue;
    // "Salmon Arm RCMP", "NPA Gauteng": a known body's letters in a two- or three-word "person" make the whole a body.
    if (m.type === "person" && words.length > 1 && words.length <= 3 && !phrase && words.some((w) => w.text.length >= 3 && /^\p{Lu}+$/u.test(w.text) && lookupAlias(w.text)?.kind === "organization")) {
      named.push({ type: "organization", words, known: name, knownType: "organization", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // A share bar's row of platforms is no one ("Tumblr Pinterest Google+ LinkedIn").
    if (words.length > 1 && words.filter((w) => SHARE_WORDS.has(w.text)).length >= 2) continue;
    // "Techiman South", "Jongno Ward": a town's constituency or ward, where no given name opens the words.
    if (m.type === "person" && words.length === 2 && (COMPASS_ENDS.has(last.text) || GUARDED_PLACE_ENDS.has(last.text)) && !FIRST_NAMES.has(first.text.toLowerCase()) && !phrase) {
      named.push({ type: "place", words, known: name, knownType: "place", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // "Quezon City Police District": a force's word inside a place's name makes the whole the force's unit.
    if (m.type === "place" && words.length > 2 && words.slice(1, -1).some((w) => w.text === "Police") && (!phrase || KNOWN_KINDS[phrase.kind] !== "place")) {
      named.push({ type: "organization", words, known: name, knownType: "organization", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    const teamOrFirm = m.type === "person" && words.length > 1 && (NOT_SURNAMES_ORG.has(last.text) || ORG_FIRST_WORDS.has(first.text));
    // "Uasin Gishu", "Rahim Yar Khan": a GeoNames place's whole name that opens with no given name is the place,
    // where the model guessed a person (people's names hardly ever are a town's: "John Day" opens with one).
    if (m.type === "person" && words.length > 1 && !FIRST_NAMES.has(first.text.toLowerCase()) && !phrase && isGeoName(hash(words.map((w) => foldWord(w.text)).join(" ")))) {
      named.push({ type: "place", words, span, order: m.start, end: m.end });
      continue;
    }
    // "Jalan Perkasa", "Pan-American Highway", "Dorval Circle": a road's word opens or ends a place's name; a
    // venue's word ("Tokyo Dome", "Manchester Arena") ends a place's, whatever the model read.
    // A person's two words ending in a division's word ("Garvin County", "Kathmandu Valley") are the division.
    if ((m.type === "person" && words.length > 1 && (ROAD_FIRST_WORDS.has(first.text) || ROAD_LAST_WORDS.has(last.text) || PLACE_SUFFIX_WORDS.has(last.text))) || (m.type !== "place" && words.length > 1 && (VENUE_WORDS.has(last.text) || (last.text === "Station" && !STATION_OWNERS.has((words[words.length - 2] as Token).text))))) {
      named.push({ type: "place", words, known: name, knownType: "place", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // "Dar es Salaam Special Zone Police", "Kaduna State High Court": a body's word ends a name that opens with
    // a place; the whole is the body, whatever the model read.
    if (m.type === "place" && words.length > 1 && BODY_ENDS.has(last.text) && (!phrase || KNOWN_KINDS[phrase.kind] !== "place")) {
      named.push({ type: "organization", words, known: phrase ? phrase.canonical : name, knownType: "organization", sure: true, span, order: m.start, end: m.end });
      continue;
    }
    // Where the rules found the same words, their resolution (coreference, abbreviations) names it.
    const rule = ruled.get(spanKey(span));
    if (rule && teamOrFirm && rule.type === "person") {
      named.push({ type: "organization", words, known: rule.name, knownType: "organization", fromRules: true, span, order: m.start, end: m.end });
      continue;
    }
    if (rule) {
      // The rules may have kept an official's letters in the name ("CM Nitish Kumar"), which are a role, or a
      // shouted article ("THE National Prosecuting Authority").
      const lead = rule.name.indexOf(" ");
      const opener = lead > 0 ? rule.name.slice(0, lead) : "";
      const known = (rule.type === "person" && ROLE_LETTERS.has(opener)) || opener === "THE" ? rule.name.slice(lead + 1) : rule.name;
      named.push({ type: m.type, words, known, knownType: rule.type, fromRules: true, span, order: m.start, end: m.end });
      continue;
    }
    const knownType = phrase ? KNOWN_KINDS[phrase.kind] : undefined;
    // A title or a demonym alone ("President", "Kenyan") is no entity.
    if (phrase && !knownType) continue;
    // "Loop Mobile", "Yonhap News": two or more words ending in a company's or an institution's word name no person.
    const orgLike = teamOrFirm || (m.type === "person" && words.length > 1 && ORG_SUFFIX_WORDS.has(last.text));
    named.push({
      type: orgLike ? "organization" : m.type,
      words,
      ...(knownType && phrase ? { known: phrase.canonical, knownType } : {}),
      span,
      order: m.start,
      end: m.end,
    });
  }

  // Full names first, so every short form can find the longest name it belongs to.
  const fullPersons = named.filter((n) => n.type === "person" && !n.known && n.words.length >= 2).map((n) => surface(n.words));
  const bySurname = new Map<string, string>();
  const byFirst = new Map<string, string | null>();
  for (const full of [...fullPersons].sort((a, b) => b.split(" ").length - a.split(" ").length)) {
    const parts = full.split(" ").map(foldWord);
    const lastName = parts[parts.length - 1] as string;
    if (!bySurname.has(lastName)) bySurname.set(lastName, full);
    const firstName = parts[0] as string;
    byFirst.set(firstName, byFirst.has(firstName) && byFirst.get(firstName) !== full ? null : full);
  }
  // A table's players ("Fuenzalida" on a team sheet) find the full name wherever it came from, the rules' too.
  const anySurname = new Map<string, string>();
  for (const n of named) {
    if (n.type !== "person" || n.forced || n.words.length < 2) continue;
    const full = n.known ?? surface(n.words);
    const parts = full.split(" ").map(foldWord);
    const lastName = parts[parts.length - 1] as string;
    if ((anySurname.get(lastName)?.split(" ").length ?? 0) < parts.length) anySurname.set(lastName, full);
  }
  const longOrgs = named.filter((n) => n.type === "organization" && n.words.length >= 2).map((n) => n.known ?? withoutLegalSuffix(surface(n.words)));
  const byInitials = new Map<string, string>();
  for (const org of longOrgs) byInitials.set(initials(org), org);
  // "Republican People’s Party (CHP)", "Kurdistan Workers' Party (PKK)": capitals in brackets just after an
  // organization's name are its abbreviation where they are not its initials too (often they are the initials
  // in the body's own language), and the story's later "CHP" alone is the party. Not a name the gazetteer
  // knows as something else ("(AFP)" after a ministry is the agency's credit).
  // "General Statistics Office": where the rules' resolution left the adjective out ("the GSO" → "Statistics
  // Office"), the shorter name is the longer one the story gives.
  const byAdjectiveDropped = new Map<string, string>();
  for (const org of longOrgs) {
    const [first, ...rest] = org.split(" ");
    if (ADJECTIVE_TITLES.has(first as string) && rest.length >= 2) byAdjectiveDropped.set(foldWord(rest.join(" ")), org);
  }
  const byBracket = new Map<string, string>();
  const byOrder = new Map(named.map((n) => [n.order, n]));
  for (const n of named) {
    if ((n.knownType ?? n.type) !== "organization" || n.words.length < 2 || tokens[n.end]?.text !== "(") continue;
    const short = byOrder.get(n.end + 1);
    const text = short?.words.length === 1 ? (short.words[0] as Token).text : "";
    if (!short || tokens[short.end]?.text !== ")" || !BRACKET_ABBREVIATION.test(text) || lookupAlias(text) !== undefined) continue;
    if (!byBracket.has(text)) byBracket.set(text, n.known ?? withoutLegalSuffix(surface(n.words)));
  }

  // "Toronto rebounded from a loss", "Glory are still winless": in a story that names the Toronto Maple Leafs
  // or Perth Glory, the town alone, or the nickname alone, is the club (a word two clubs share is neither).
  const clubByTown = new Map<string, string | null>();
  const clubByNickname = new Map<string, string | null>();
  const claim = (map: Map<string, string | null>, word: string, club: string): void => {
    const key = foldWord(word);
    map.set(key, map.has(key) && map.get(key) !== club ? null : club);
  };
  for (const n of named) {
    if (n.knownType !== "organization" || !n.known || !CLUB_NAMES.has(n.known) || !n.known.includes(" ")) continue;
    const parts = n.known.split(" ");
    claim(clubByTown, parts[0] as string, n.known);
    const nickname = parts[parts.length - 1] as string;
    if (!ORG_SUFFIX_WORDS.has(nickname) && !CLUB_WORDS.has(nickname)) claim(clubByNickname, nickname, n.known);
  }

  const tallies: Tallies = new Map();
  let previous: { key: string; end: number } | undefined;
  for (const n of named) {
    let name = n.known ?? surface(n.words);
    let type = n.knownType ?? n.type;
    let weight = n.forced || n.sure ? 5 : n.known ? 3 : 1;
    // A club's town or nickname alone (not in capitals: a dateline's town stays the town).
    const single = n.words.length === 1 && /\p{Ll}/u.test((n.words[0] as Token).text) ? foldWord((n.words[0] as Token).text) : undefined;
    const club = single === undefined ? undefined : ((n.type !== "person" ? clubByTown.get(single) : undefined) ?? clubByNickname.get(single) ?? undefined);
    if (club) {
      name = club;
      type = "organization";
      weight = 3;
    }
    // A surname the rules linked to a longer name of their own ("Davis" → "Emergency Operations Aaron Davis")
    // goes to the full name this story's mentions read, where there is one.
    const surnameOf = n.fromRules && n.words.length === 1 && type === "person" ? bySurname.get(foldWord(surface(n.words))) : undefined;
    // A player's surname on a team sheet, or a surname with its particle ("Di Maria"): the full name the story gives.
    const playerOf = n.forced && !n.known && type === "person" ? anySurname.get(foldWord((n.words[n.words.length - 1] as Token).text)) : undefined;
    const player = playerOf !== undefined && surface(n.words).split(" ").map(foldWord).every((p) => playerOf.split(" ").map(foldWord).includes(p)) ? playerOf : undefined;
    if (player) name = player;
    else if (surnameOf) name = surnameOf;
    else if (!club && !n.known && n.words.length === 1) {
      const key = foldWord(name);
      const person = bySurname.get(key) ?? byFirst.get(key) ?? undefined;
      const expansion = /^\p{Lu}[\p{Lu}.&]+$/u.test(name) ? (byInitials.get(name.replace(/\./g, "")) ?? byBracket.get(name)) : undefined;
      if (person) {
        name = person;
        type = "person";
        weight = 2;
      } else if (expansion) {
        name = expansion;
        type = "organization";
        weight = 2;
      }
    } else if (!n.known && n.type === "person") {
      // "Antony Blinken" inside a longer "Secretary Antony J. Blinken" is one person.
      const parts = name.split(" ").map(foldWord);
      const longer = bySurname.get(parts[parts.length - 1] as string);
      if (longer && longer !== name && parts.every((p) => longer.split(" ").map(foldWord).includes(p))) name = longer;
    }
    if (type === "organization") name = withoutLegalSuffix(name);
    if (type === "organization") name = byAdjectiveDropped.get(foldWord(name)) ?? name;
    const key = foldWord(name);
    // "Caribbean Community (CARICOM)": the bracketed abbreviation defines the name just read, it is no new mention.
    const defines = previous?.key === key && previous.end === n.order - 1 && tokens[n.order - 1]?.text === "(" && tokens[n.end]?.text === ")";
    previous = { key, end: n.end };
    if (defines) continue;
    const tally = tallies.get(key) ?? { name, votes: new Map<EntityType, number>(), spans: [], order: n.order };
    tally.votes.set(type, (tally.votes.get(type) ?? 0) + weight);
    tally.spans.push(n.span);
    tallies.set(key, tally);
  }

  mergeShortOrganizations(tallies);
  mergeStateNames(tallies);
  const entities: (Entity & { order: number })[] = [];
  for (const t of tallies.values()) {
    const type = leading(t.votes) ?? "person";
    const spans = t.spans.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === "title" ? -1 : 1));
    entities.push({ name: t.name, type, mentions: spans.length, spans, order: t.order });
  }
  entities.sort((a, b) => b.mentions - a.mentions || a.order - b.order);
  return entities.map(({ order: _order, ...e }) => e);
}

type Tallies = Map<string, { name: string; votes: Map<EntityType, number>; spans: MentionSpan[]; order: number }>;

/** The type a tally's votes give. */
function leading(votes: Map<EntityType, number>): EntityType | undefined {
  let type: EntityType | undefined;
  let best = -1;
  for (const [k, v] of votes) if (v > best) [type, best] = [k, v];
  return type;
}

/** Whether `long` is `short` with one more word inside it (never its first or last), both split into words. */
function oneWordLeftOut(short: readonly string[], long: readonly string[]): boolean {
  for (let k = 1; k < long.length - 1; k++) {
    let same = true;
    for (let j = 0; j < short.length && same; j++) same = short[j] === long[j < k ? j : j + 1];
    if (same) return true;
  }
  return false;
}

/**
 * "the Reserve Bank" and "RBA" (→ Reserve Bank of Australia) in one story are one bank: an organization of two
 * or more words that opens the longer name of another organization in the same story, word for word before its
 * "of" ("Reserve Bank" → "Reserve Bank of Australia", "National Bank" → "National Bank of Kenya"), is that one.
 * So is a name with one word left out inside ("Lagos Police Command" of the "Lagos State Police Command"). Only
 * where exactly one longer name fits: "Central Bank" beside two central banks is left as it is.
 */
function mergeShortOrganizations(tallies: Tallies): void {
  const orgs = [...tallies.entries()].filter(([, t]) => leading(t.votes) === "organization");
  // Names by their first word, last word and length, so a name one word shorter finds its candidates at once.
  const byEnds = new Map<string, [string, string[]][]>();
  const endsKey = (words: readonly string[]): string => `${words[0]}\u0000${words[words.length - 1]}\u0000${words.length}`;
  for (const [key] of orgs) {
    const words = key.split(" ");
    const list = byEnds.get(endsKey(words));
    if (list) list.push([key, words]);
    else byEnds.set(endsKey(words), [[key, words]]);
  }
  for (const [key, short] of orgs) {
    const words = key.split(" ");
    if (words.length < 2) continue;
    let longer = orgs.filter(([other]) => other !== key && other.startsWith(`${key} of `));
    // "Lagos Police Command" of the "Lagos State Police Command": one word left out inside, first and last kept.
    if (longer.length === 0) {
      const candidates = byEnds.get(`${words[0]}\u0000${words[words.length - 1]}\u0000${words.length + 1}`) ?? [];
      const keys = new Set(candidates.filter(([, long]) => oneWordLeftOut(words, long)).map(([other]) => other));
      longer = orgs.filter(([other]) => keys.has(other));
    }
    if (longer.length !== 1) continue;
    const [, long] = longer[0] as [string, typeof short];
    long.spans.push(...short.spans);
    for (const [type, vote] of short.votes) long.votes.set(type, (long.votes.get(type) ?? 0) + vote);
    long.order = Math.min(long.order, short.order);
    tallies.delete(key);
  }
}
