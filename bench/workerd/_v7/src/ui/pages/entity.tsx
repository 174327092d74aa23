/** Entity: the profile GET /v1/entities/:type/:name serves, its stories per day, and its latest stories. */
import type { Feed, Story } from "../../model";
import type { EntityProfile } from "../../store/entities";
import { DayBars, type DaySeries, SeriesTable } from "../charts";
import { entityHref, FlagBadges, Time } from "../components";
import { Layout } from "../layout";

function nextDay(day: string): string {
  return new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
}

export function EntityPage(props: { profile: EntityProfile; series: DaySeries; stories: Story[]; feeds: Map<number, Feed>; admin: boolean }) {
  const p = props.profile;
  const filter = new URLSearchParams({ entity: p.name, entity_type: p.type });
  return (
    <Layout title={p.name} section="stories" admin={props.admin}>
      <h1>{p.name}</h1>
      <p class="meta">{`${p.type[0]!.toUpperCase()}${p.type.slice(1)}`}</p>
      <dl class="facts">
        <dt>Stories</dt>
        <dd>
          <a href={`/?${filter}`}>{String(p.story_count)}</a>
        </dd>
        <dt>First seen</dt>
        <dd>
          <Time at={p.first_seen} />
        </dd>
        <dt>Last seen</dt>
        <dd>
          <Time at={p.last_seen} />
        </dd>
        <dt>Syndicated</dt>
        <dd>{`${Math.round(p.syndicated_share * 100)}% of its stories`}</dd>
      </dl>
      <h2>Stories per day</h2>
      <DayBars
        label={`Stories about ${p.name} per day`}
        series={props.series}
        href={(day) => `/?${new URLSearchParams({ entity: p.name, entity_type: p.type, since: day, until: nextDay(day) })}`}
      />
      <SeriesTable caption={`stories about ${p.name} per day`} series={props.series} />
      <div class="charts">
        <section>
          <h2>Seen with</h2>
          {p.co_occurring.length === 0 ? (
            <p class="muted">No other entity shares a story with it.</p>
          ) : (
            <ul>
              {p.co_occurring.map((e) => (
                <li>
                  <a href={entityHref(e)}>{e.name}</a>
                  {` · ${e.type} · ${e.story_count} shared ${e.story_count === 1 ? "story" : "stories"}`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>Top feeds</h2>
          <ul>
            {p.top_feeds.map((f) => (
              <li>
                <a href={`/?${new URLSearchParams({ entity: p.name, entity_type: p.type, feed: String(f.feed_id) })}`}>{f.title ?? `Feed ${f.feed_id}`}</a>
                {` · ${f.story_count} ${f.story_count === 1 ? "story" : "stories"}`}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <h2>Latest stories</h2>
      <ol class="stories">
        {props.stories.map((s) => (
          <li>
            <h3>
              <a href={`/stories/${s.id}`}>{s.title || "(untitled)"}</a>
            </h3>
            <div class="meta">
              {props.feeds.get(s.feed_id)?.title ?? `Feed ${s.feed_id}`}
              {" · "}
              <Time at={s.published_at ?? s.fetched_at} />
            </div>
            <FlagBadges flags={s.flags} />
          </li>
        ))}
      </ol>
      <p>
        <a href={`/?${filter}`}>All its stories</a>
        {" · "}
        <a href={`/v1/entities/${p.type}/${encodeURIComponent(p.name)}`}>Profile in the API</a>
      </p>
    </Layout>
  );
}
