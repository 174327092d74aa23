/**
 * Cron housekeeping for clusters: band keys only serve to find new copies within the candidate window, so
 * keys of stories dated before it are deleted, a bounded number per tick so one tick never holds D1 long.
 * Signatures and clusters stay: they describe stories that are still stored.
 */
import { WINDOW_MS } from "../cluster/params";
import { pruneBandKeys } from "../store/clusters";

/** Stories whose keys are deleted per batch, and batches per tick: at most 600 stories (19,200 keys) a tick. */
export const PRUNE_BATCH = 150;
const PRUNE_ROUNDS = 4;
/** A day of slack past the window, so a copy dated a little late still finds its original. */
const SLACK_MS = 86_400_000;

export async function pruneClusterKeys(env: Env, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - WINDOW_MS - SLACK_MS).toISOString();
  let pruned = 0;
  for (let round = 0; round < PRUNE_ROUNDS; round++) {
    const n = await pruneBandKeys(env.DB, before, PRUNE_BATCH);
    pruned += n;
    if (n < PRUNE_BATCH) break;
  }
  return pruned;
}
