import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      LEGACY_DB: D1Database;
    }
  }
}

declare module "vitest" {
  interface ProvidedContext {
    /** Base URL of the local feed server started by tests/feed-server.ts, e.g. "http://127.0.0.1:41234". */
    feedServer: string;
  }
}
