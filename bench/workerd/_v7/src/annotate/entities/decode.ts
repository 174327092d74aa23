/** Stage 4: BILOU tags back into typed mentions over token ranges. */
import type { EntityType } from "../../model";
import type { Tag } from "./features";

export interface TaggedMention {
  type: EntityType;
  /** Token range [start, end). */
  start: number;
  end: number;
}

/** Reads B…L and U runs; a malformed run (which greedy decoding never produces) is dropped. */
export function mentionsFromTags(tags: readonly Tag[]): TaggedMention[] {
  const out: TaggedMention[] = [];
  let open: { type: string; start: number } | undefined;
  tags.forEach((tag, i) => {
    const kind = tag[0];
    const type = tag.slice(2);
    if (kind === "U") out.push({ type: type as EntityType, start: i, end: i + 1 });
    if (kind === "B") open = { type, start: i };
    if (kind === "L" && open?.type === type) out.push({ type: type as EntityType, start: open.start, end: i + 1 });
    if (kind !== "I" && kind !== "B") open = undefined;
  });
  return out;
}

/** Mention token ranges as BILOU tags, for training from gold spans. */
export function tagsFromMentions(length: number, mentions: readonly TaggedMention[]): Tag[] {
  const tags: Tag[] = Array.from({ length }, () => "O");
  for (const m of mentions) {
    if (m.end - m.start === 1) tags[m.start] = `U-${m.type}`;
    else for (let k = m.start; k < m.end; k++) tags[k] = `${k === m.start ? "B" : k === m.end - 1 ? "L" : "I"}-${m.type}`;
  }
  return tags;
}
