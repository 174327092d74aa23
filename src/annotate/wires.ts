/**
 * Wire services and press-release wires under one canonical name each, so a story attributed to "PTI",
 * "pti" or "Press Trust of India" is filed, filtered and counted as the same agency.
 */

export interface WireService {
  readonly name: string;
  readonly aliases: readonly string[];
}

export const WIRE_SERVICES: readonly WireService[] = [
  { name: "Reuters", aliases: ["Reuters", "Thomson Reuters", "Reuters News"] },
  { name: "Associated Press", aliases: ["AP", "The Associated Press", "Associated Press", "A.P."] },
  { name: "Press Trust of India", aliases: ["PTI", "Press Trust of India"] },
  { name: "Asian News International", aliases: ["ANI", "Asian News International"] },
  {
    name: "Indo-Asian News Service",
    aliases: ["IANS", "Indo-Asian News Service", "Indo Asian News Service"],
  },
  { name: "Agence France-Presse", aliases: ["AFP", "Agence France-Presse", "Agence France Presse"] },
  { name: "Xinhua", aliases: ["Xinhua", "Xinhua News Agency", "Xinhuanet"] },
  { name: "United News of India", aliases: ["UNI", "United News of India"] },
  { name: "Bloomberg", aliases: ["Bloomberg", "Bloomberg News"] },
  { name: "Dow Jones", aliases: ["Dow Jones", "Dow Jones Newswires"] },
  { name: "Kyodo", aliases: ["Kyodo", "Kyodo News"] },
  { name: "Yonhap", aliases: ["Yonhap", "Yonhap News Agency"] },
  { name: "dpa", aliases: ["dpa", "Deutsche Presse-Agentur"] },
  { name: "EFE", aliases: ["EFE", "Agencia EFE"] },
  { name: "ANSA", aliases: ["ANSA"] },
  { name: "Anadolu Agency", aliases: ["AA", "Anadolu Agency", "Anatolian Agency", "Anadolu"] },
  { name: "Bernama", aliases: ["Bernama"] },
  { name: "Antara", aliases: ["Antara", "Antara News"] },
  { name: "PA Media", aliases: ["PA Media", "PA", "Press Association"] },
  { name: "Australian Associated Press", aliases: ["AAP", "Australian Associated Press"] },
  { name: "Canadian Press", aliases: ["The Canadian Press", "Canadian Press", "CP"] },
  { name: "United Press International", aliases: ["UPI", "United Press International"] },
  { name: "TASS", aliases: ["TASS", "ITAR-TASS"] },
  { name: "Interfax", aliases: ["Interfax"] },
  { name: "Jiji Press", aliases: ["Jiji", "Jiji Press"] },
  { name: "Central News Agency", aliases: ["Central News Agency"] },
  // Kashmir's agencies, whose sign-offs ("(KNO)", "(GNS)") close the valley's papers' copy.
  { name: "Kashmir News Observer", aliases: ["KNO", "Kashmir News Observer"] },
  { name: "Global News Service", aliases: ["GNS", "Global News Service"] },
  { name: "Associated Press of Pakistan", aliases: ["APP", "Associated Press of Pakistan"] },
  { name: "Lusa", aliases: ["Lusa"] },
  { name: "Europa Press", aliases: ["Europa Press"] },
  { name: "WAM", aliases: ["WAM", "Emirates News Agency"] },
  { name: "PR Newswire", aliases: ["PRNewswire", "PR Newswire"] },
  { name: "Business Wire", aliases: ["BUSINESS WIRE", "Business Wire"] },
  { name: "GlobeNewswire", aliases: ["GLOBE NEWSWIRE", "GlobeNewswire"] },
  // National agencies whose copy regional and aggregator sites carry. Canonical names keep the form the entity
  // gazetteer already lists (KUNA, IRNA, Saudi Press Agency), so an agency's entity keeps its name. Short
  // aliases that are also everyday abbreviations (SPA, MAP, TAP, MENA) are held apart in rules.ts.
  { name: "WAFA", aliases: ["WAFA", "Palestine News and Information Agency", "Palestinian News and Information Agency"] },
  { name: "Nam News Network", aliases: ["NNN", "Nam News Network"] },
  { name: "Bangladesh Sangbad Sangstha", aliases: ["BSS", "Bangladesh Sangbad Sangstha"] },
  { name: "Philippine News Agency", aliases: ["PNA", "Philippine News Agency"] },
  { name: "Middle East News Agency", aliases: ["MENA", "Middle East News Agency"] },
  { name: "Saudi Press Agency", aliases: ["SPA", "Saudi Press Agency"] },
  { name: "KUNA", aliases: ["KUNA", "Kuwait News Agency"] },
  { name: "Qatar News Agency", aliases: ["QNA", "Qatar News Agency"] },
  { name: "IRNA", aliases: ["IRNA", "Islamic Republic News Agency"] },
  { name: "Korean Central News Agency", aliases: ["KCNA", "Korean Central News Agency"] },
  { name: "RIA Novosti", aliases: ["RIA Novosti", "RIA-Novosti"] },
  { name: "Ukrinform", aliases: ["Ukrinform"] },
  { name: "Austria Presse Agentur", aliases: ["APA", "Austria Presse Agentur", "APA-Austria Presse Agentur"] },
  { name: "Belga", aliases: ["Belga"] },
  { name: "NTB", aliases: ["NTB", "Norsk Telegrambyrå"] },
  { name: "TT", aliases: ["TT", "Tidningarnas Telegrambyrå"] },
  { name: "Agencia Brasil", aliases: ["Agência Brasil", "Agencia Brasil"] },
  { name: "Télam", aliases: ["Télam", "Telam"] },
  { name: "News Agency of Nigeria", aliases: ["NAN", "News Agency of Nigeria"] },
  { name: "Kenya News Agency", aliases: ["KNA", "Kenya News Agency"] },
  { name: "Ethiopian News Agency", aliases: ["ENA", "Ethiopian News Agency"] },
  { name: "Maghreb Arabe Presse", aliases: ["MAP", "Maghreb Arabe Presse"] },
  { name: "Tunis Afrique Presse", aliases: ["TAP", "Tunis Afrique Presse"] },
  { name: "Algérie Presse Service", aliases: ["APS", "Algérie Presse Service", "Algerie Presse Service"] },
  { name: "SANA", aliases: ["SANA", "Syrian Arab News Agency"] },
  { name: "Oman News Agency", aliases: ["ONA", "Oman News Agency"] },
  { name: "Bahrain News Agency", aliases: ["BNA", "Bahrain News Agency"] },
  { name: "National News Agency", aliases: ["NNA", "National News Agency"] },
  { name: "Prensa Latina", aliases: ["Prensa Latina"] },
  { name: "Notimex", aliases: ["Notimex"] },
  { name: "Andina", aliases: ["Andina", "Agencia Andina"] },
  { name: "Vietnam News Agency", aliases: ["VNA", "Vietnam News Agency"] },
  { name: "United News of Bangladesh", aliases: ["UNB", "United News of Bangladesh"] },
  { name: "Rastriya Samachar Samiti", aliases: ["RSS", "Rastriya Samachar Samiti"] },
  { name: "Ghana News Agency", aliases: ["GNA", "Ghana News Agency"] },
  { name: "SAnews", aliases: ["SAnews", "SAnews.gov.za"] },
  { name: "Tasnim", aliases: ["Tasnim", "Tasnim News Agency"] },
  { name: "Mehr News Agency", aliases: ["Mehr News Agency"] },
  { name: "Fars News Agency", aliases: ["Fars News Agency"] },
  { name: "AGERPRES", aliases: ["AGERPRES", "Agerpres"] },
  { name: "HINA", aliases: ["HINA"] },
  { name: "CTK", aliases: ["CTK", "ČTK"] },
  { name: "PAP", aliases: ["PAP", "Polish Press Agency"] },
  { name: "ANP", aliases: ["ANP"] },
  { name: "BTA", aliases: ["BTA", "Bulgarian News Agency"] },
  { name: "MTI", aliases: ["MTI", "Hungarian News Agency"] },
  // Capital Market Publishers' market-news agency, whose copy Business Standard carries under its name alone.
  { name: "Capital Market", aliases: ["Capital Market"] },
];

function aliasKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

const BY_ALIAS: ReadonlyMap<string, string> = new Map(
  WIRE_SERVICES.flatMap((wire) => [wire.name, ...wire.aliases].map((alias) => [aliasKey(alias), wire.name] as const)),
);

/** The canonical name of a wire service from any of its names, in any case; null when it is not a wire. */
export function canonicalWire(name: string): string | null {
  const key = aliasKey(name);
  return BY_ALIAS.get(key) ?? BY_ALIAS.get(key.replace(/^the /, "")) ?? null;
}

/** An alias as a pattern: pages put no-break or doubled spaces between its words ("Press Trust of India"). */
function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

/**
 * Regex source matching any alias of the given wires (all wires when omitted; only the aliases `keep` accepts)
 * as written in copy: as listed or in capitals ("REUTERS"). Case-sensitive on purpose: "ap" or "aa" in running text is not an agency. Longest
 * first, so "Associated Press of Pakistan" wins over "Associated Press".
 */
export function wireAliasSource(names?: readonly string[], keep: (alias: string) => boolean = () => true): string {
  const wires = names === undefined ? WIRE_SERVICES : WIRE_SERVICES.filter((wire) => names.includes(wire.name));
  return [...new Set(wires.flatMap((wire) => wire.aliases.flatMap((alias) => [alias, alias.toUpperCase()])))]
    .filter(keep)
    .sort((a, b) => b.length - a.length)
    .map(escapeForRegExp)
    .join("|");
}

/**
 * Agency abbreviations that are also everyday words or abbreviations in capitals ("MAP", "TAP", "SPA", "MENA",
 * "TT"): the flag rules take them only inside a dateline's brackets, never alone on a line, in a sign-off or a
 * credit, where "MAP" is a button and "Source: SPA" a share-purchase agreement.
 */
export const WORD_LIKE_ALIASES: ReadonlySet<string> = new Set([
  "MENA", "SPA", "APA", "NTB", "TT", "MAP", "TAP", "APS", "ONA", "BNA", "NNA", "RSS", "PAP", "ANP", "BTA", "MTI",
]);
/**
 * Short agency names that also start longer names ("SANA JAMAL" in a capitalised byline, "MAP Kinase", "TAP Air
 * Portugal"): in running text they name the agency only when no capitalised word follows.
 */
const NAME_PART_ALIASES: ReadonlySet<string> = new Set([...WORD_LIKE_ALIASES, "SANA", "NAN", "ENA", "KNA", "PNA", "GNA", "HINA"]);

const ALIAS_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wireAliasSource()})(?![\\p{L}\\p{N}])`, "gu");
const NAME_GOES_ON = /^[\s\u00a0]+\p{Lu}/u;

/** Canonical names of every wire named in a short attribution such as "PTI and Reuters", in order. */
export function wiresNamedIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ALIAS_IN_TEXT)) {
    if (NAME_PART_ALIASES.has(match[0]) && NAME_GOES_ON.test(text.slice(match.index + match[0].length))) continue;
    const name = canonicalWire(match[0]);
    if (name !== null && !found.includes(name)) found.push(name);
  }
  return found;
}
