/**
 * The version a stored story was processed with: its annotation (flag rules and entity tagger) and its
 * cluster signature. Stored in stories.annotator_version. Each part only grows and the signature's stays under
 * 100, so the whole only grows, and "annotator_version < STORED_VERSION" finds every story that re-annotation
 * (src/ingest/reannotate.ts) has still to reach: a new signature version re-signs and re-clusters every story
 * the way a new annotator re-annotates it.
 */
import { ANNOTATOR_VERSION } from "../annotate";
import { SIGNATURE_VERSION } from "../cluster/params";

export const STORED_VERSION = ANNOTATOR_VERSION * 100 + SIGNATURE_VERSION;
