/**
 * Which stories get their article page fetched, decided as the feed consumer stores them.
 *
 * A feed's content_mode says: `feed` never, `article` every item with a link, `auto` (the default) the items
 * whose feed body is a summary: shorter than SUMMARY_MAX_CHARS, ending in an ellipsis or a "read more", or
 * much shorter (under a quarter) than the median of the feed's own full items in the same fetch. Only stories
 * this fetch writes as new or changed are considered, so an unchanged item's URL is never fetched twice; at
 * most ARTICLES_PER_FEED_PASS per feed per fetch are sent, the rest are recorded as skipped.
 */
import type { ContentMode, NormalizedItem } from "../model";
import { articlePlanStatement, articleResetStatement, articleSourcedGuids } from "../store/articles";

/** A feed body shorter than this is a summary. */
export const SUMMARY_MAX_CHARS = 500;
/** An item at least this long counts as one of the feed's full items. */
export const FULL_ITEM_MIN_CHARS = 1_500;
/** A body under this share of the feed's median full item is a summary. */
export const MUCH_SHORTER_RATIO = 0.25;
/** The per-feed budget: article fetches one feed fetch may send. */
export const ARTICLES_PER_FEED_PASS = 20;
/**
 * How long a pending article's message may take to be handled before the cron sends it again (its send failed,
 * or it was lost). The article consumer renews the lease whenever it puts a message off on purpose.
 */
export const ARTICLE_LEASE_MS = 60 * 60_000;

const TEASER_END = /(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\[\s*more\s*\]|»)\s*$|\b(?:read more|continue reading|read the full (?:story|article)|full story)\W*$/iu;

/** One queue message: fetch this story's article page. The hash pins the story's content it was planned for. */
export interface ArticleMessage {
  feedId: number;
  guid: string;
  url: string;
  hash: string;
}

/** Why an item's feed body is a summary, or null when it is a full story (auto mode). */
export function summaryReason(text: string, fullMedianChars: number | null): string | null {
  const body = text.trim();
  if (body.length < SUMMARY_MAX_CHARS) return `short (${body.length} characters, under ${SUMMARY_MAX_CHARS})`;
  if (TEASER_END.test(body)) return "ends in an ellipsis or a read-more link";
  if (fullMedianChars !== null && body.length < MUCH_SHORTER_RATIO * fullMedianChars) {
    return `much shorter than the feed's full items (${body.length} characters against a median of ${fullMedianChars})`;
  }
  return null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function fetchable(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}

/** Collects one feed fetch's article plans: statements for its D1 batch, messages for after it commits. */
export class ArticlePlanner {
  readonly messages: ArticleMessage[] = [];
  private readonly fullLengths: number[] = [];
  private fromArticles = new Set<string>();

  constructor(
    private readonly feedId: number,
    private readonly mode: ContentMode,
    private readonly budget = ARTICLES_PER_FEED_PASS,
    private readonly now: Date = new Date(),
  ) {}

  /** Called once per chunk of normalized items, before any of them is planned. */
  async chunk(db: D1Database, items: readonly NormalizedItem[]): Promise<void> {
    for (const item of items) if (item.text.length >= FULL_ITEM_MIN_CHARS) this.fullLengths.push(item.text.length);
    this.fromArticles = await articleSourcedGuids(db, this.feedId, items.map((i) => i.guid));
  }

  /**
   * Whether a stored story's text came from its article: its feed item unchanged, the feed must not
   * overwrite it (re-annotation reaches it from its stored source text instead).
   */
  keeps(guid: string): boolean {
    return this.fromArticles.has(guid);
  }

  /** The statements that record the plan for a story this fetch writes as new or changed. */
  plan(db: D1Database, item: NormalizedItem): D1PreparedStatement[] {
    const url = item.url;
    const wanted =
      this.mode !== "feed" && fetchable(url) && (this.mode === "article" || summaryReason(item.text, median(this.fullLengths)) !== null);
    // A story whose text came from its page, rewritten from a changed feed item that needs no page: the feed's again.
    if (!wanted || url === null) return this.keeps(item.guid) ? [articleResetStatement(db, this.feedId, item.guid)] : [];
    if (this.messages.length >= this.budget) {
      return [articlePlanStatement(db, this.feedId, item.guid, { status: "skipped", error: `over the per-feed budget of ${this.budget} article fetches per pass` })];
    }
    this.messages.push({ feedId: this.feedId, guid: item.guid, url, hash: item.content_hash });
    const leaseUntil = new Date(this.now.getTime() + ARTICLE_LEASE_MS).toISOString();
    return [articlePlanStatement(db, this.feedId, item.guid, { status: "pending", error: null, leaseUntil })];
  }

  /** Sends the planned messages; call after the batch that stored the stories has committed. */
  async send(queue: Queue<ArticleMessage>): Promise<void> {
    for (let i = 0; i < this.messages.length; i += 100) {
      await queue.sendBatch(this.messages.slice(i, i + 100).map((body) => ({ body })));
    }
  }
}
