/** Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here. */
declare namespace Cloudflare {
  interface Env {
    /** Bearer token for admin endpoints (`wrangler secret put ADMIN_TOKEN`); unset means admin is closed. */
    ADMIN_TOKEN?: string;
    /** Alert deliveries (wrangler.toml: wirewatch-alerts), consumed by src/alerts/deliver.ts. */
    ALERT_QUEUE: Queue<import("./store/alerts").AlertMessage>;
    /** Webhook POST timeout in milliseconds (default 10 s). */
    WEBHOOK_TIMEOUT_MS?: string;
  }
}
