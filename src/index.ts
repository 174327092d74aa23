/**
 * The Worker's entry points: HTTP (the API), cron (start an ingest pass, advance re-annotation) and
 * queue (ingest one feed per message).
 */
import { consumeAlertBatch } from "./alerts/deliver";
import { sweepAlerts } from "./alerts/run";
import { createApp } from "./api/app";
import { pruneClusterKeys } from "./ingest/prune";
import { reannotateBatch } from "./ingest/reannotate";
import { consumeBatch, type FeedMessage, startIngest } from "./ingest/run";
import type { AlertMessage } from "./store/alerts";

const app = createApp({ startIngest, reannotate: reannotateBatch });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(startIngest(env, { trigger: `cron ${controller.cron}` }));
    // After an annotator upgrade, every tick re-annotates one batch of older stories until none is left.
    ctx.waitUntil(reannotateBatch(env));
    // Alert deliveries whose message was lost, or whose alert is back from a pause or a backoff, go out again.
    ctx.waitUntil(sweepAlerts(env));
    ctx.waitUntil(pruneClusterKeys(env));
  },
  async queue(batch, env, _ctx) {
    switch (batch.queue) {
      case "wirewatch-alerts":
        await consumeAlertBatch(batch as MessageBatch<AlertMessage>, env);
        break;
      default:
        await consumeBatch(batch as MessageBatch<FeedMessage>, env);
    }
  },
} satisfies ExportedHandler<Env, FeedMessage | AlertMessage>;
