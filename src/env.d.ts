/** Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here. */
declare namespace Cloudflare {
  interface Env {
    /** Bearer token for admin endpoints (`wrangler secret put ADMIN_TOKEN`); unset means admin is closed. */
    ADMIN_TOKEN?: string;
  }
}
