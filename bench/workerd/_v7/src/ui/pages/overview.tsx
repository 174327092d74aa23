/**
 * Overview: 30 days of coverage, stories per day in all, by flag and by wire, as server-rendered SVG. Each
 * bar opens the stories it counts. The window ends with the newest story (today, on a live deployment), so
 * an archive that stopped still shows its last month.
 */
import { FLAG_NAMES } from "../../model";
import type { FlagWireDaily } from "../../store/daily";
import { DayBars, SeriesTable } from "../charts";
import { FLAG_LABELS } from "../components";
import { Layout } from "../layout";

function nextDay(day: string): string {
  return new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
}

function dayLink(extra: Record<string, string>) {
  return (day: string) => `/?${new URLSearchParams({ ...extra, since: day, until: nextDay(day) })}`;
}

export function OverviewPage(props: { daily: FlagWireDaily; admin: boolean }) {
  const { days } = props.daily;
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  return (
    <Layout title="Overview" section="overview" admin={props.admin}>
      <h1>Overview</h1>
      <p class="meta">{`Stories per day, ${days[0] ?? ""} to ${days.at(-1) ?? ""} (the 30 days up to the newest story): ${sum(props.daily.total)} stories.`}</p>
      <div class="charts">
        <figure>
          <figcaption>{`All stories (${sum(props.daily.total)})`}</figcaption>
          <DayBars label="All stories per day" series={{ days, values: props.daily.total }} href={dayLink({})} />
          <SeriesTable caption="all stories per day" series={{ days, values: props.daily.total }} />
        </figure>
      </div>
      <h2>By flag</h2>
      <div class="charts">
        {FLAG_NAMES.map((f) => (
          <figure>
            <figcaption>{`${FLAG_LABELS[f]} (${sum(props.daily.flags[f])})`}</figcaption>
            <DayBars label={`${FLAG_LABELS[f]} stories per day`} series={{ days, values: props.daily.flags[f] }} href={dayLink({ flag: f })} />
            <SeriesTable caption={`${FLAG_LABELS[f]} stories per day`} series={{ days, values: props.daily.flags[f] }} />
          </figure>
        ))}
      </div>
      <h2>By wire</h2>
      {props.daily.wires.length === 0 ? (
        <p class="muted">No story in this window is attributed to a wire service.</p>
      ) : (
        <div class="charts">
          {props.daily.wires.map((w) => (
            <figure>
              <figcaption>{`${w.wire} (${sum(w.values)})`}</figcaption>
              <DayBars label={`${w.wire} stories per day`} series={{ days, values: w.values }} href={dayLink({ wire: w.wire })} />
              <SeriesTable caption={`${w.wire} stories per day`} series={{ days, values: w.values }} />
            </figure>
          ))}
        </div>
      )}
    </Layout>
  );
}
