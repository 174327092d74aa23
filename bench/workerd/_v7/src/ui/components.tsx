/** Small pieces several pages show: flag and wire badges, times, entity links. Badges always carry text. */
import { type EntityType, FLAG_NAMES, type FlagName, type Flags } from "../model";

export const FLAG_LABELS: Record<FlagName, string> = {
  syndicated: "Syndicated",
  unedited: "Unedited",
  auto_generated: "Auto-generated",
  ai_generated: "AI-written",
};

export function FlagBadges(props: { flags: Flags }) {
  const set = FLAG_NAMES.filter((f) => props.flags[f]);
  const wires = props.flags.wire_services;
  if (set.length === 0 && wires.length === 0) return <></>;
  return (
    <ul class="badges" aria-label="Flags and wires">
      {set.map((f) => {
        const inferredOnly = props.flags.evidence.some((e) => e.flag === f) && props.flags.evidence.filter((e) => e.flag === f).every((e) => e.kind === "inferred");
        return <li class={`badge ${f}${inferredOnly ? " inferred" : ""}`}>{inferredOnly ? `${FLAG_LABELS[f]} (inferred)` : FLAG_LABELS[f]}</li>;
      })}
      {wires.map((w) => (
        <li class="badge wire">{`Wire: ${w}`}</li>
      ))}
    </ul>
  );
}

/** "12 Mar 2024, 01:59 UTC", in a <time> carrying the ISO value. */
export function Time(props: { at: string | null | undefined }) {
  if (!props.at) return <span class="muted">no date</span>;
  const d = new Date(props.at);
  if (Number.isNaN(d.getTime())) return <span>{props.at}</span>;
  const text = `${d.getUTCDate()} ${d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" })} ${d.getUTCFullYear()}, ${d.toISOString().slice(11, 16)} UTC`;
  return <time datetime={d.toISOString()}>{text}</time>;
}

export function entityHref(e: { type: EntityType; name: string }): string {
  return `/entities/${e.type}/${encodeURIComponent(e.name)}`;
}

/** The query string of a URLSearchParams, "?"-prefixed, or "" when empty. */
export function queryOf(params: URLSearchParams): string {
  const s = params.toString();
  return s ? `?${s}` : "";
}
