import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Every test runs inside workerd with a real local D1, migrated by tests/setup.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");
  return {
    plugins: [
      cloudflareTest({
        main: "src/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: "test-admin-token",
            ALLOW_PRIVATE_FEEDS: "true",
            // Full articles: every test page is on one local origin, so the spacing between fetches is shortened.
            ARTICLE_SPACING_MS: "150",
          },
          // A second, empty database: tests/integration/storage.test.ts builds one with the schema before
          // migrations/0009 there, to migrate a database the previous code wrote.
          d1Databases: { LEGACY_DB: "wirewatch-legacy" },
        },
      }),
    ],
    test: {
      globalSetup: ["tests/feed-server.ts", "tests/webhook-receiver.ts"],
      setupFiles: ["tests/setup.ts"],
      include: ["tests/**/*.test.ts"],
      testTimeout: 30_000,
    },
  };
});
