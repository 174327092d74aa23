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
  }
}
