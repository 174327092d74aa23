/** Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here. */
declare namespace Cloudflare {
  interface Env {
    /** Bearer token for admin endpoints (`wrangler secret put ADMIN_TOKEN`); unset means admin is closed. */
    ADMIN_TOKEN?: string;
    // Declared as `wrangler types` would declare them from wrangler.toml, so a regenerated
    // worker-configuration.d.ts merges with these instead of conflicting.
    /** Alert deliveries (wrangler.toml: wirewatch-alerts), one AlertMessage each, consumed by src/alerts/deliver.ts. */
    ALERT_QUEUE: Queue;
    /** Webhook POST timeout in milliseconds (wrangler.toml: 10000). */
    WEBHOOK_TIMEOUT_MS: string;
    /** Full articles (issue 13), declared by hand beside wrangler.toml: one message per article page to fetch. */
    ARTICLE_QUEUE: Queue<import("./ingest/article-plan").ArticleMessage>;
    /** Milliseconds between two article fetches from one origin (default 3000). */
    ARTICLE_SPACING_MS?: string;
    /** Cap on an article page, in bytes after decompression (default 5 MB). */
    MAX_ARTICLE_BYTES?: string;
    /** Story bodies (issue 17, wrangler.toml [[r2_buckets]]): content_html and source_text, gzip JSON per story. */
    BODIES: R2Bucket;
    /** Days a story's body is kept in R2 (by sort_at); unset or empty keeps every body. */
    RETAIN_DAYS?: string;
    /** Days a whole story is kept (by sort_at), tombstoned when removed; unset or empty keeps every story. */
    RETAIN_STORY_DAYS?: string;
  }
}
