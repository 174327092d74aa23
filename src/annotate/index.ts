/**
 * annotate(): one story's title and plain-text body in, flags + entities + cleaned body out. Pure.
 *
 * Flags run first because they also clean the body: entities are then tagged on the cleaned text, so a
 * disclaimer ("...not been edited by Devdiscourse staff") or a desk slug never yields an entity.
 */
import type { Annotation } from "../model";
import { ENTITY_TAGGER_VERSION } from "./entities";
import { tagEntitiesTrained } from "./entities/index";
import { detectFlags } from "./flags";
import { FLAG_RULES_VERSION } from "./rules";

/**
 * Stored with every story. It only ever grows (both parts only grow), so "annotator_version < current"
 * finds every story that re-annotation has still to reach.
 */
export const ANNOTATOR_VERSION = FLAG_RULES_VERSION * 1000 + ENTITY_TAGGER_VERSION;

/** `url`: the story's address, when known (an agency's copy on its own site is not syndicated). */
export function annotate(input: { title: string; text: string; url?: string | null }): Annotation {
  const { flags, content_text } = detectFlags(input.title, input.text, { url: input.url ?? null });
  return { flags, entities: tagEntitiesTrained(input.title, content_text), content_text };
}
