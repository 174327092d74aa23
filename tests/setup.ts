import { applyD1Migrations, env } from "cloudflare:test";

// Idempotent: D1 records applied migrations, so this is cheap for every file after the first.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
