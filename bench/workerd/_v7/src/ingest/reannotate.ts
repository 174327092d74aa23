/**
 * Re-annotation: when the rules, the tagger or the cluster signature change (STORED_VERSION grows), stored stories are
 * annotated again from their stored source text, in resumable batches, without refetching anything.
 * Each batch is one D1 batch; a story changed by a fetch meanwhile is left to its newer annotation.
 */
import { matchStories } from "../alerts/run";
import { annotate } from "../annotate";
import { STORED_VERSION } from "./version";
import { withSignals } from "../annotate/article";
import { countStale, storiesForReannotation, storyWriteStatements } from "../store/stories";
import { backlogStatements } from "../store/alerts";
import { ClusterBatch, clusterInputOf, storiesChangedByClustering } from "./cluster";

export interface ReannotateResult {
  annotator_version: number;
  processed: number;
  /** Pass it back as `after` to continue; null when this pass has reached the end. */
  next_after: number | null;
  /** Stories still annotated by an older version after this batch. */
  remaining: number;
}

/** Stories per batch: annotation is ~1 ms each, well inside one invocation's CPU limit. */
export const REANNOTATE_BATCH = 200;

export async function reannotateBatch(
  env: Env,
  opts: { after?: number; limit?: number; all?: boolean } = {},
): Promise<ReannotateResult> {
  const limit = opts.limit ?? REANNOTATE_BATCH;
  const rows = await storiesForReannotation(env.DB, {
    version: STORED_VERSION,
    afterId: opts.after ?? 0,
    limit,
    all: opts.all ?? false,
  }, env.BODIES);
  // A new annotation may clean the body differently: its signature and clusters are recomputed with it.
  const clusters = new ClusterBatch(env.DB);
  const annotated = rows.map((r) => {
    const annotation = annotate({ title: r.item.title, text: r.item.text, url: r.item.url });
    // A story read from its article page keeps the page's stated provenance (full articles).
    if (r.signals.length > 0) annotation.flags = withSignals(annotation.flags, r.signals);
    return { r, annotation };
  });
  await clusters.add(
    annotated.map(({ r, annotation }) => {
      const at = r.item.published_at ?? r.fetchedAt;
      return clusterInputOf({ feedId: r.feedId, feedUrl: r.feedUrl ?? "", guid: r.item.guid, url: r.item.url, at }, annotation);
    }),
  );
  const statements = annotated.flatMap(({ r, annotation }) =>
    storyWriteStatements(
      env.DB,
      r.feedId,
      { item: r.item, annotation, annotatorVersion: STORED_VERSION },
      r.fetchedAt,
      // The body is unchanged: the row keeps pointing where it is.
      { ifUnchanged: true, body: r.body },
    ),
  );
  const clustered = clusters.finish();
  const ids = rows.map((r) => r.id);
  const now = new Date().toISOString();
  if (statements.length > 0) {
    await env.DB.batch([
      ...statements,
      ...clustered.statements,
      ...backlogStatements(env.DB, ids, "reannotation", now),
      ...backlogStatements(env.DB, clustered.changed, "clustering", now),
    ]);
  }
  // A story whose new annotation newly meets an alert fires it (one already matched never fires again), and so
  // does a copy whose inferred flags the new signatures changed.
  await matchStories(env, ids, { trigger: "reannotation" });
  const copies = (await storiesChangedByClustering(env.DB, clustered.changed)).filter((id) => !ids.includes(id));
  await matchStories(env, copies, { trigger: "clustering" });
  return {
    annotator_version: STORED_VERSION,
    processed: rows.length,
    next_after: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
    remaining: await countStale(env.DB, STORED_VERSION),
  };
}
