/**
 * Server-rendered SVG charts: a bar per day, and a sparkline. No script and no inline style, so they draw
 * under the CSP and without JavaScript; each carries a text summary for screen readers, each bar a <title>
 * and, where a day has stories, a link to the stories of that day.
 */
export interface DaySeries {
  days: string[];
  values: number[];
}

const W = 600;
const H = 160;
const PAD = { top: 10, right: 8, bottom: 22, left: 30 };

function summary(label: string, s: DaySeries): string {
  const total = s.values.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...s.values);
  const peak = max > 0 ? s.days[s.values.indexOf(max)] : undefined;
  return `${label}: ${total} stories from ${s.days[0] ?? "?"} to ${s.days.at(-1) ?? "?"}${peak ? `, most on ${peak} (${max})` : ""}.`;
}

/** A bar chart of stories per day. `href(day)` links a bar to the stories it counts. */
export function DayBars(props: { label: string; series: DaySeries; href?: (day: string) => string }) {
  const { days, values } = props.series;
  const max = Math.max(1, ...values);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(1, step * 0.8);
  return (
    // A group, not an img: its bars may be links, and an img's children are not reachable.
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={summary(props.label, props.series)}>
      <line class="axis" x1={PAD.left} y1={PAD.top + plotH} x2={W - PAD.right} y2={PAD.top + plotH} />
      <text x={PAD.left - 4} y={PAD.top + 8} text-anchor="end">
        {String(max)}
      </text>
      <text x={PAD.left - 4} y={PAD.top + plotH} text-anchor="end">
        0
      </text>
      {days.map((day, i) => {
        const v = values[i] ?? 0;
        const h = (v / max) * plotH;
        const bar = (
          <rect class="bar" x={(PAD.left + i * step + (step - barW) / 2).toFixed(1)} y={(PAD.top + plotH - h).toFixed(1)} width={barW.toFixed(1)} height={h.toFixed(1)}>
            <title>{`${day}: ${v} ${v === 1 ? "story" : "stories"}`}</title>
          </rect>
        );
        return v > 0 && props.href ? (
          <a href={props.href(day)} aria-label={`${day}: ${v} ${v === 1 ? "story" : "stories"}`}>
            {bar}
          </a>
        ) : (
          bar
        );
      })}
      <text x={PAD.left} y={H - 6}>
        {days[0] ?? ""}
      </text>
      <text x={W - PAD.right} y={H - 6} text-anchor="end">
        {days.at(-1) ?? ""}
      </text>
    </svg>
  );
}

/** A tiny line of stories per day, for a table row. */
export function Sparkline(props: { label: string; series: DaySeries }) {
  const { values } = props.series;
  const w = 120;
  const h = 24;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(" ");
  return (
    <svg class="spark" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={summary(props.label, props.series)}>
      <polyline points={points} />
    </svg>
  );
}

/** The numbers behind a chart, a click away, for anyone who wants them exactly. */
export function SeriesTable(props: { caption: string; series: DaySeries }) {
  return (
    <details>
      <summary>{`Numbers: ${props.caption}`}</summary>
      <div class="table-wrap">
        <table>
          <caption class="muted">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Stories</th>
            </tr>
          </thead>
          <tbody>
            {props.series.days.map((d, i) => (
              <tr>
                <td>{d}</td>
                <td>{String(props.series.values[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
