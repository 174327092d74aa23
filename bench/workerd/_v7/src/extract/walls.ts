/**
 * Pages that stand between a reader and the story: a bot challenge (Cloudflare, DataDome, a CAPTCHA), a
 * page that shows nothing without JavaScript, a cookie or consent wall. They are recorded as what they are,
 * never stored as the story. A cookie banner over a real article is not a wall: the consent and JavaScript
 * tests only apply when the page has almost no story text of its own (300 characters).
 */

export type WallKind = "bot-challenge" | "javascript-required" | "consent-wall";

export interface Wall {
  kind: WallKind;
  /** Why: the marker found. */
  reason: string;
}

/** A page whose story has more text than this is an article, whatever its banners say. */
const WALL_MAX_TEXT_CHARS = 300;
/** A story this short that is all about cookies and consent is the consent prompt itself. */
const CONSENT_STORY_MAX_CHARS = 1_200;
/** Only the first part of a page's visible text is read for a wall's wording. */
const WALL_WINDOW_CHARS = 5_000;

const CHALLENGE_MARKERS: readonly [RegExp, string][] = [
  [/<title>\s*(?:Just a moment\.\.\.|Attention Required! \| Cloudflare|Access denied \| [^<]* used Cloudflare)/i, "Cloudflare challenge"],
  [/\/cdn-cgi\/challenge-platform\/|window\._cf_chl_opt|cf-browser-verification|id="challenge-form"/i, "Cloudflare challenge"],
  [/captcha-delivery\.com|geo\.captcha-delivery/i, "DataDome CAPTCHA"],
  [/<title>[^<]*(?:are you a robot|verify you are (?:a )?human|bot verification|access to this page has been denied)[^<]*<\/title>/i, "bot check"],
  [/px-captcha|perimeterx/i, "PerimeterX challenge"],
];

const JAVASCRIPT_REQUIRED =
  /\b(?:please\s+)?(?:enable|turn\s+on|activate)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required|must\s+be\s+enabled)\b|\brequires\s+javascript\b/i;
const CONSENT = /\b(?:cookies?|consent|privacy\s+(?:settings|choices|preferences)|personal\s+data)\b/i;
const CONSENT_ACTION = /\b(?:accept(?:\s+all)?|agree|i\s+consent|reject\s+all|manage\s+(?:options|preferences|cookies)|before\s+you\s+continue)\b/i;

/**
 * Whether the page is a wall. `html` is the raw page, `storyText` the text extracted as its story,
 * `visibleText` all its readable text (banners included) and `finalUrl` where the fetch ended (consent hosts
 * such as consent.example.com are walls by address).
 */
export function detectWall(html: string, storyText: string, visibleText: string, finalUrl: string | null): Wall | null {
  const head = html.slice(0, 200_000);
  for (const [marker, reason] of CHALLENGE_MARKERS) if (marker.test(head)) return { kind: "bot-challenge", reason };
  const host = finalUrl ? safeHost(finalUrl) : null;
  if (host !== null && /^(?:consent|consent-pref|privacy|cmp)\./.test(host)) return { kind: "consent-wall", reason: `redirected to ${host}` };
  const story = storyText.trim();
  // The consent prompt may be all the extractor found: then it is the "story".
  if (story.length <= CONSENT_STORY_MAX_CHARS && CONSENT.test(story) && CONSENT_ACTION.test(story)) {
    return { kind: "consent-wall", reason: "the page's only text is a cookie or consent prompt" };
  }
  if (story.length > WALL_MAX_TEXT_CHARS) return null;
  const text = visibleText.slice(0, WALL_WINDOW_CHARS);
  const js = JAVASCRIPT_REQUIRED.exec(text);
  if (js) return { kind: "javascript-required", reason: `the page says "${js[0]}"` };
  if (CONSENT.test(text) && CONSENT_ACTION.test(text)) return { kind: "consent-wall", reason: "a cookie or consent prompt and little else" };
  return null;
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
