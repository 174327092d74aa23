/**
 * The Worker's entry points: HTTP (the API), cron (start an ingest pass, advance re-annotation) and
 * queue (ingest one feed per message; fetch one article page per message on the article queue).
 */
import { consumeAlertBatch } from "./alerts/deliver";
import { sweepAlerts } from "./alerts/run";
import { createApp } from "./api/app";
import { pruneClusterKeys } from "./ingest/prune";
import { reannotateBatch } from "./ingest/reannotate";
import { consumeArticles, sweepArticles } from "./ingest/article";
import { consumeBatch, type IngestMessage, startIngest } from "./ingest/run";
import { applyRetention, moveInlineBodies, sweepOrphanBodies } from "./ingest/storage";
import type { ArticleMessage } from "./ingest/article-plan";
import type { AlertMessage } from "./store/alerts";

/** The article queue's name in wrangler.toml (full articles); a batch from neither it nor the alerts queue is the feed queue's. */
const ARTICLE_QUEUE_NAME = "wirewatch-articles";

const app = createApp({ startIngest, reannotate: reannotateBatch, moveBodies: moveInlineBodies });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(startIngest(env, { trigger: `cron ${controller.cron}` }));
    // After an annotator upgrade, every tick re-annotates one batch of older stories until none is left.
    ctx.waitUntil(reannotateBatch(env));
    // Alert deliveries whose message was lost, or whose alert is back from a pause or a backoff, go out again.
    ctx.waitUntil(sweepAlerts(env));
    ctx.waitUntil(pruneClusterKeys(env));
    // Pending article fetches whose queue message was never sent or was lost go out again.
    ctx.waitUntil(sweepArticles(env));
    // Bodies still in D1 (from before migrations/0009, or a failed R2 write) move to R2 a batch a tick; then
    // retention, then a page of the sweep for bodies no story points at.
    ctx.waitUntil(moveInlineBodies(env).then(() => applyRetention(env)).then(() => sweepOrphanBodies(env)));
  },
  async queue(batch, env, _ctx) {
    switch (batch.queue) {
      case "wirewatch-alerts":
        await consumeAlertBatch(batch as MessageBatch<AlertMessage>, env);
        break;
      case ARTICLE_QUEUE_NAME:
        await consumeArticles(batch as MessageBatch<ArticleMessage>, env);
        break;
      default:
        await consumeBatch(batch as MessageBatch<IngestMessage>, env, undefined, moveInlineBodies);
    }
  },
} satisfies ExportedHandler<Env, IngestMessage | AlertMessage | ArticleMessage>;
