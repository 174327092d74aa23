/**
 * Re-annotation: when the rules or the tagger change (ANNOTATOR_VERSION grows), stored stories are
 * annotated again from their stored source text, in resumable batches, without refetching anything.
 * Each batch is one D1 batch; a story changed by a fetch meanwhile is left to its newer annotation.
 */
import { ANNOTATOR_VERSION, annotate } from "../annotate";
import { withSignals } from "../annotate/article";
import { countStale, storiesForReannotation, storyWriteStatements } from "../store/stories";

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
    version: ANNOTATOR_VERSION,
    afterId: opts.after ?? 0,
    limit,
    all: opts.all ?? false,
  });
  const statements = rows.flatMap((r) => {
    const annotation = annotate({ title: r.item.title, text: r.item.text });
    // A story read from its article page keeps the page's stated provenance (full articles).
    if (r.signals.length > 0) annotation.flags = withSignals(annotation.flags, r.signals);
    return storyWriteStatements(env.DB, r.feedId, { item: r.item, annotation, annotatorVersion: ANNOTATOR_VERSION }, r.fetchedAt, {
      ifUnchanged: true,
    });
  });
  if (statements.length > 0) await env.DB.batch(statements);
  return {
    annotator_version: ANNOTATOR_VERSION,
    processed: rows.length,
    next_after: rows.length === limit ? (rows.at(-1)?.id ?? null) : null,
    remaining: await countStale(env.DB, ANNOTATOR_VERSION),
  };
}
