/**
 * How scripts/train-entities.ts trains the shipped weights. weights.ts records the configuration it was
 * trained with; a unit test checks that the two agree, so a changed setting without retraining is caught.
 */
export const TRAINING_CONFIG = {
  /** Weight table rows: a power of two (features hash into them). */
  buckets: 1 << 17,
  epochs: 8,
  /** Seeds the per-epoch shuffle of the training documents. */
  seed: 12,
  /** Every devEvery-th GUM and WikiGold document is the dev split, never trained on. */
  devEvery: 10,
  /** Own stories count this many times per epoch: they are the closest to what the Worker tags. */
  ownWeight: 3,
  /** Our page-like texts (fixtures/entities-pages/) count this many times per epoch. */
  pageWeight: 2,
};
