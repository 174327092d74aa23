/**
 * annotate(): one story's title and plain-text body in, flags + entities + cleaned body out. Pure.
 *
 * Flags run first because they also clean the body: entities are then tagged on the cleaned text, so a
 * disclaimer ("...not been edited by Devdiscourse staff") or a desk slug never yields an entity.
 */
import type { Annotation, Entity, Flags } from "../model";
import { ENTITY_TAGGER_VERSION } from "./entities";
import { tagEntitiesTrained } from "./entities/index";
import { detectFlags } from "./flags";
import { FLAG_RULES_VERSION } from "./rules";
import { canonicalWire } from "./wires";

/**
 * Stored with every story. It only ever grows (both parts only grow), so "annotator_version < current"
 * finds every story that re-annotation has still to reach.
 */
export const ANNOTATOR_VERSION = FLAG_RULES_VERSION * 1000 + ENTITY_TAGGER_VERSION;

/** `url`: the story's address, when known (an agency's copy on its own site is not syndicated). */
export function annotate(input: { title: string; text: string; url?: string | null }): Annotation {
  const { flags, content_text } = detectFlags(input.title, input.text, { url: input.url ?? null });
  return { flags, entities: entitiesOf(input.title, content_text, flags), content_text };
}

/**
 * The story's entities: the tagger's, on the cleaned body, plus every agency the flags credit for the copy that
 * the body no longer names. A credit line ("(With inputs from Reuters)", "Credit: Associated Press") is cut from
 * content_text with the other notices, yet the agency is the story's (docs/ENTITY-GUIDELINES.md rule 11): it is
 * an organization with no mention in the text, so no spans (`mentions` 0), listed last.
 */
export function entitiesOf(title: string, contentText: string, flags: Pick<Flags, "wire_services">): Entity[] {
  const entities = tagEntitiesTrained(title, contentText);
  for (const wire of flags.wire_services) {
    const named = entities.some((e) => e.type === "organization" && (canonicalWire(e.name) ?? e.name) === wire);
    if (!named) entities.push({ name: wire, type: "organization", mentions: 0, spans: [] });
  }
  return entities;
}
