/**
 * Wire services and press-release wires under one canonical name each, so a story attributed to "PTI",
 * "pti" or "Press Trust of India" is filed, filtered and counted as the same agency.
 */

export interface WireService {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Host names of the agency's own sites (a subdomain matches too): its copy there is not syndication. */
  readonly domains?: readonly string[];
}

export const WIRE_SERVICES: readonly WireService[] = [
  { name: "Reuters", aliases: ["Reuters", "Thomson Reuters", "Reuters News"], domains: ["reuters.com"] },
  { name: "Associated Press", aliases: ["AP", "The Associated Press", "Associated Press", "A.P."], domains: ["apnews.com", "ap.org"] },
  { name: "Press Trust of India", aliases: ["PTI", "Press Trust of India"], domains: ["ptinews.com"] },
  { name: "Asian News International", aliases: ["ANI", "Asian News International"], domains: ["aninews.in"] },
  {
    name: "Indo-Asian News Service",
    aliases: ["IANS", "Indo-Asian News Service", "Indo Asian News Service"],
    domains: ["ians.in", "ianslive.in"],
  },
  { name: "Agence France-Presse", aliases: ["AFP", "Agence France-Presse", "Agence France Presse"], domains: ["afp.com"] },
  { name: "Xinhua", aliases: ["Xinhua", "Xinhua News Agency", "Xinhuanet"], domains: ["news.cn", "xinhuanet.com"] },
  { name: "United News of India", aliases: ["UNI", "United News of India"], domains: ["uniindia.com"] },
  { name: "Bloomberg", aliases: ["Bloomberg", "Bloomberg News"], domains: ["bloomberg.com"] },
  { name: "Dow Jones", aliases: ["Dow Jones", "Dow Jones Newswires"], domains: ["dowjones.com"] },
  { name: "Kyodo", aliases: ["Kyodo", "Kyodo News"], domains: ["kyodonews.net", "kyodonews.jp"] },
  { name: "Yonhap", aliases: ["Yonhap", "Yonhap News Agency"], domains: ["yna.co.kr", "yonhapnews.co.kr"] },
  { name: "dpa", aliases: ["dpa", "Deutsche Presse-Agentur"], domains: ["dpa.com"] },
  // Financial newswires whose market copy finance portals carry ("CANBERRA (dpa-AFX) -", "Copyright RTT News/dpa-AFX").
  { name: "dpa-AFX", aliases: ["dpa-AFX", "dpa AFX"], domains: ["dpa-afx.de"] },
  { name: "RTT News", aliases: ["RTT News", "RTTNews"], domains: ["rttnews.com"] },
  { name: "EFE", aliases: ["EFE", "Agencia EFE"], domains: ["efe.com"] },
  { name: "ANSA", aliases: ["ANSA"], domains: ["ansa.it"] },
  { name: "Anadolu Agency", aliases: ["AA", "Anadolu Agency", "Anatolian Agency", "Anadolu"], domains: ["aa.com.tr"] },
  { name: "Bernama", aliases: ["Bernama"], domains: ["bernama.com"] },
  { name: "Antara", aliases: ["Antara", "Antara News"], domains: ["antaranews.com"] },
  { name: "PA Media", aliases: ["PA Media", "PA", "Press Association"], domains: ["pa.media"] },
  { name: "Australian Associated Press", aliases: ["AAP", "Australian Associated Press"], domains: ["aap.com.au"] },
  { name: "NZ Newswire", aliases: ["NZ Newswire", "New Zealand Newswire"] },
  { name: "Canadian Press", aliases: ["The Canadian Press", "Canadian Press", "CP"], domains: ["thecanadianpress.com"] },
  { name: "United Press International", aliases: ["UPI", "United Press International"], domains: ["upi.com"] },
  { name: "TASS", aliases: ["TASS", "ITAR-TASS"], domains: ["tass.com", "tass.ru"] },
  { name: "Interfax", aliases: ["Interfax"], domains: ["interfax.com", "interfax.ru"] },
  { name: "Jiji Press", aliases: ["Jiji", "Jiji Press"], domains: ["jiji.com"] },
  // "CNA" is also Singapore's Channel NewsAsia: held apart below, read only in a dateline's brackets ("TAIPEI (CNA) -").
  { name: "Central News Agency", aliases: ["Central News Agency", "CNA"], domains: ["focustaiwan.tw", "cna.com.tw"] },
  // Kashmir's agencies, whose sign-offs ("(KNO)", "(GNS)") close the valley's papers' copy.
  { name: "Kashmir News Observer", aliases: ["KNO", "Kashmir News Observer"] },
  { name: "Global News Service", aliases: ["GNS", "Global News Service"] },
  { name: "Associated Press of Pakistan", aliases: ["APP", "Associated Press of Pakistan"], domains: ["app.com.pk"] },
  { name: "Lusa", aliases: ["Lusa"], domains: ["lusa.pt"] },
  // The South African Press Association (closed 2015), whose "Sapa-AFP" and "Sapa" sign-offs archives still carry.
  { name: "Sapa", aliases: ["Sapa", "SAPA", "South African Press Association"] },
  { name: "Europa Press", aliases: ["Europa Press"], domains: ["europapress.es"] },
  { name: "WAM", aliases: ["WAM", "Emirates News Agency"], domains: ["wam.ae"] },
  { name: "PR Newswire", aliases: ["PRNewswire", "PR Newswire"], domains: ["prnewswire.com"] },
  { name: "Business Wire", aliases: ["BUSINESS WIRE", "Business Wire"], domains: ["businesswire.com"] },
  { name: "GlobeNewswire", aliases: ["GLOBE NEWSWIRE", "GlobeNewswire"], domains: ["globenewswire.com"] },
  // National agencies whose copy regional and aggregator sites carry. Canonical names keep the form the entity
  // gazetteer already lists (KUNA, IRNA, Saudi Press Agency), so an agency's entity keeps its name. Short
  // aliases that are also everyday abbreviations (SPA, MAP, TAP, MENA) are held apart in rules.ts.
  { name: "WAFA", aliases: ["WAFA", "Palestine News and Information Agency", "Palestinian News and Information Agency"], domains: ["wafa.ps"] },
  { name: "Nam News Network", aliases: ["NNN", "Nam News Network"] },
  { name: "Bangladesh Sangbad Sangstha", aliases: ["BSS", "Bangladesh Sangbad Sangstha"], domains: ["bssnews.net"] },
  { name: "Philippine News Agency", aliases: ["PNA", "Philippine News Agency"], domains: ["pna.gov.ph"] },
  { name: "Middle East News Agency", aliases: ["MENA", "Middle East News Agency"], domains: ["mena.org.eg"] },
  // Pakistan's DNA News Agency ("ISLAMABAD, MAY 10 (DNA) —") and South Africa's African News Agency ("– African
  // News Agency (ANA)"): both abbreviations are everyday ones too (the molecule, an airline), held apart below.
  { name: "DNA", aliases: ["DNA", "DNA News Agency"] },
  { name: "African News Agency", aliases: ["African News Agency", "ANA"] },
  { name: "Saudi Press Agency", aliases: ["SPA", "Saudi Press Agency"], domains: ["spa.gov.sa"] },
  { name: "KUNA", aliases: ["KUNA", "Kuwait News Agency"], domains: ["kuna.net.kw"] },
  { name: "Qatar News Agency", aliases: ["QNA", "Qatar News Agency"], domains: ["qna.org.qa"] },
  { name: "IRNA", aliases: ["IRNA", "Islamic Republic News Agency"], domains: ["irna.ir"] },
  { name: "Korean Central News Agency", aliases: ["KCNA", "Korean Central News Agency"], domains: ["kcna.kp"] },
  { name: "RIA Novosti", aliases: ["RIA Novosti", "RIA-Novosti"], domains: ["ria.ru"] },
  { name: "Ukrinform", aliases: ["Ukrinform", "UkrinForm"], domains: ["ukrinform.net", "ukrinform.ua"] },
  { name: "Austria Presse Agentur", aliases: ["APA", "Austria Presse Agentur", "APA-Austria Presse Agentur"], domains: ["apa.at"] },
  { name: "Belga", aliases: ["Belga"], domains: ["belganewsagency.eu"] },
  { name: "NTB", aliases: ["NTB", "Norsk Telegrambyrå"], domains: ["ntb.no"] },
  { name: "TT", aliases: ["TT", "Tidningarnas Telegrambyrå"], domains: ["tt.se"] },
  { name: "Agencia Brasil", aliases: ["Agência Brasil", "Agencia Brasil"], domains: ["agenciabrasil.ebc.com.br"] },
  { name: "Télam", aliases: ["Télam", "Telam"], domains: ["telam.com.ar"] },
  { name: "News Agency of Nigeria", aliases: ["NAN", "News Agency of Nigeria"], domains: ["nannews.ng"] },
  { name: "Kenya News Agency", aliases: ["KNA", "Kenya News Agency"], domains: ["kenyanews.go.ke"] },
  { name: "Ethiopian News Agency", aliases: ["ENA", "Ethiopian News Agency"], domains: ["ena.et"] },
  { name: "Thai News Agency", aliases: ["Thai News Agency"], domains: ["tna.mcot.net"] },
  { name: "Maghreb Arabe Presse", aliases: ["MAP", "Maghreb Arabe Presse"], domains: ["mapexpress.ma", "mapnews.ma"] },
  { name: "Tunis Afrique Presse", aliases: ["TAP", "Tunis Afrique Presse"], domains: ["tap.info.tn"] },
  { name: "Algérie Presse Service", aliases: ["APS", "Algérie Presse Service", "Algerie Presse Service"], domains: ["aps.dz"] },
  { name: "SANA", aliases: ["SANA", "Syrian Arab News Agency"], domains: ["sana.sy"] },
  { name: "Oman News Agency", aliases: ["ONA", "Oman News Agency"], domains: ["omannews.gov.om"] },
  { name: "Bahrain News Agency", aliases: ["BNA", "Bahrain News Agency"], domains: ["bna.bh"] },
  { name: "National News Agency", aliases: ["NNA", "National News Agency"], domains: ["nna-leb.gov.lb"] },
  { name: "Prensa Latina", aliases: ["Prensa Latina"], domains: ["prensa-latina.cu", "plenglish.com"] },
  { name: "Notimex", aliases: ["Notimex"], domains: ["notimex.gob.mx"] },
  { name: "Andina", aliases: ["Andina", "Agencia Andina"], domains: ["andina.pe"] },
  { name: "Vietnam News Agency", aliases: ["VNA", "Vietnam News Agency"], domains: ["vnanet.vn"] },
  { name: "United News of Bangladesh", aliases: ["UNB", "United News of Bangladesh"], domains: ["unb.com.bd"] },
  { name: "Rastriya Samachar Samiti", aliases: ["RSS", "Rastriya Samachar Samiti"], domains: ["rss.gov.np"] },
  { name: "Ghana News Agency", aliases: ["GNA", "Ghana News Agency"], domains: ["gna.org.gh"] },
  { name: "SAnews", aliases: ["SAnews", "SAnews.gov.za"], domains: ["sanews.gov.za"] },
  { name: "Tasnim", aliases: ["Tasnim", "Tasnim News Agency"], domains: ["tasnimnews.com"] },
  { name: "Mehr News Agency", aliases: ["Mehr News Agency"], domains: ["mehrnews.com"] },
  { name: "Fars News Agency", aliases: ["Fars News Agency"], domains: ["farsnews.ir"] },
  { name: "AGERPRES", aliases: ["AGERPRES", "Agerpres"], domains: ["agerpres.ro"] },
  { name: "HINA", aliases: ["HINA"], domains: ["hina.hr"] },
  { name: "CTK", aliases: ["CTK", "ČTK"], domains: ["ctk.cz"] },
  { name: "PAP", aliases: ["PAP", "Polish Press Agency"], domains: ["pap.pl"] },
  { name: "ANP", aliases: ["ANP"], domains: ["anp.nl"] },
  { name: "BTA", aliases: ["BTA", "Bulgarian News Agency"], domains: ["bta.bg"] },
  { name: "MTI", aliases: ["MTI", "Hungarian News Agency"], domains: ["mti.hu"] },
  // Capital Market Publishers' market-news agency, whose copy Business Standard carries under its name alone.
  { name: "Capital Market", aliases: ["Capital Market"], domains: ["capitalmarket.com"] },
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
  "MENA", "SPA", "APA", "NTB", "TT", "MAP", "TAP", "APS", "ONA", "BNA", "NNA", "RSS", "PAP", "ANP", "BTA", "MTI", "DNA", "ANA", "CNA",
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

const BY_DOMAIN: ReadonlyMap<string, string> = new Map(WIRE_SERVICES.flatMap((wire) => (wire.domains ?? []).map((domain) => [domain, wire.name] as const)));

/**
 * The wire whose own site a page's address is on ("https://en.yna.co.kr/view/…" → Yonhap), or null: an
 * agency publishing its own copy is the publisher, not a syndicator. Unparseable addresses give null.
 */
export function wireOfSite(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
  // The host itself, then each parent domain: "en.yna.co.kr", "yna.co.kr", "co.kr", "kr".
  for (let suffix = host; suffix !== ""; suffix = suffix.includes(".") ? suffix.slice(suffix.indexOf(".") + 1) : "") {
    const wire = BY_DOMAIN.get(suffix);
    if (wire !== undefined) return wire;
  }
  return null;
}
