/** Summaries of timing samples, shared by the Node and workerd halves of the bench. */

export interface Summary {
  /** Milliseconds. */
  median: number;
  p95: number;
  mean: number;
  /** How many samples the summary is over. */
  n: number;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error("bench: no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), mean, n: sorted.length };
}
