import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// `npm run bench`, workerd half: the bench files run inside workerd with a real local D1 and queue, against the
// bench server (bench/server.ts) that serves the generated feeds and collects the results.
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
            ADMIN_TOKEN: "bench-admin-token",
            ALLOW_PRIVATE_FEEDS: "true",
          },
        },
      }),
    ],
    test: {
      globalSetup: ["bench/server.ts"],
      setupFiles: ["tests/setup.ts"],
      include: (process.env.BENCH_FILES ?? "bench/workerd/*.workerd.ts").split(","),
      testTimeout: 300_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  };
});
