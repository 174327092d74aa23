/**
 * The Worker's entry points: HTTP (the API), cron (start an ingest pass, advance re-annotation) and
 * queue (ingest one feed per message).
 */
import { createApp } from "./api/app";
import { pruneClusterKeys } from "./ingest/prune";
import { reannotateBatch } from "./ingest/reannotate";
import { consumeBatch, type FeedMessage, startIngest } from "./ingest/run";

const app = createApp({ startIngest, reannotate: reannotateBatch });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(startIngest(env, { trigger: `cron ${controller.cron}` }));
    // After an annotator upgrade, every tick re-annotates one batch of older stories until none is left.
    ctx.waitUntil(reannotateBatch(env));
    ctx.waitUntil(pruneClusterKeys(env));
  },
  async queue(batch, env, _ctx) {
    await consumeBatch(batch, env);
  },
} satisfies ExportedHandler<Env, FeedMessage>;
