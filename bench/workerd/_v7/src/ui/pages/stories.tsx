/**
 * Stories: the newest stories under a filter bar whose every control is a GET parameter of the same name as
 * in GET /v1/stories, so a view is a URL to bookmark or share, and the API, the feeds out and this page
 * filter alike (one storyFilter, one store query). Paging is by the API's cursor; the feeds-out links repeat the view.
 */
import { FLAG_NAMES, type Feed, type Story } from "../../model";
import { FLAG_LABELS, FlagBadges, Time, queryOf } from "../components";
import { Layout, Notice } from "../layout";

/** The members of a Story a row shows (the list reads only these). */
export type StoryRow = Pick<Story, "id" | "feed_id" | "title" | "published_at" | "fetched_at" | "flags">;

/** The view's parameters as a URL query, without the cursor (the first page of the same view). */
export function viewParams(url: URL): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (k !== "cursor" && v.trim() !== "") out.append(k, v.trim());
  return out;
}

export function Results(props: { url: URL; stories: StoryRow[]; nextCursor: string | null; feeds: Map<number, Feed>; error?: string }) {
  const view = viewParams(props.url);
  const next = new URLSearchParams(view);
  if (props.nextCursor) next.set("cursor", props.nextCursor);
  const paged = props.url.searchParams.has("cursor");
  return (
    <>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <p class="meta" role="status">
        {props.error ? "No stories shown." : `${props.stories.length} ${props.stories.length === 1 ? "story" : "stories"} on this page${paged ? " (a later page)" : ""}.`}
      </p>
      <p class="formats">
        {"This view as "}
        <a href={`/v1/stories.rss${queryOf(view)}`}>RSS</a>
        {" · "}
        <a href={`/v1/stories.atom${queryOf(view)}`}>Atom</a>
        {" · "}
        <a href={`/v1/stories.json${queryOf(view)}`}>JSON Feed</a>
        {" · "}
        <a href={`/v1/stories${queryOf(view)}`}>API JSON</a>
      </p>
      <ol class="stories">
        {props.stories.map((s) => {
          const feed = props.feeds.get(s.feed_id);
          return (
            <li>
              <h2>
                <a href={`/stories/${s.id}`}>{s.title || "(untitled)"}</a>
              </h2>
              <div class="meta">
                {feed?.title ?? feed?.url ?? `Feed ${s.feed_id}`}
                {" · "}
                <Time at={s.published_at ?? s.fetched_at} />
              </div>
              <FlagBadges flags={s.flags} />
            </li>
          );
        })}
      </ol>
      <nav class="pager" aria-label="Pages">
        {paged ? (
          <a href={`/${queryOf(view)}`} data-page>
            Newest stories
          </a>
        ) : null}
        {props.nextCursor ? (
          <a href={`/${queryOf(next)}`} data-page rel="next">
            Next page
          </a>
        ) : (
          <span class="muted">{props.stories.length > 0 ? "End of the list." : ""}</span>
        )}
      </nav>
    </>
  );
}

function Check(props: { name: string; value: string; checked: boolean; label: string }) {
  return (
    <label>
      <input type="checkbox" name={props.name} value={props.value} checked={props.checked} />
      {props.label}
    </label>
  );
}

export function FilterBar(props: { url: URL; feeds: Feed[] }) {
  const p = props.url.searchParams;
  const has = (name: string, value: string) => p.getAll(name).includes(value);
  const entities = p.getAll("entity").filter((e) => e.trim() !== "");
  return (
    <form class="filters" method="get" action="/" data-instant role="search" aria-label="Filter stories">
      <div>
        <label for="f-q">Search title and text</label>
        <input id="f-q" type="search" name="q" value={p.get("q") ?? ""} placeholder={'e.g. Haiti or "security council"'} />
      </div>
      <fieldset>
        <legend>Has flag</legend>
        {FLAG_NAMES.map((f) => (
          <Check name="flag" value={f} checked={has("flag", f)} label={FLAG_LABELS[f]} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Does not have flag</legend>
        {FLAG_NAMES.map((f) => (
          <Check name="no_flag" value={f} checked={has("no_flag", f)} label={FLAG_LABELS[f]} />
        ))}
      </fieldset>
      <div>
        <label for="f-wire">Wire service</label>
        <input id="f-wire" type="text" name="wire" value={p.get("wire") ?? ""} placeholder="PTI, Reuters, AP…" />
      </div>
      <div>
        <label for="f-feed">Feed</label>
        <select id="f-feed" name="feed">
          <option value="">All feeds</option>
          {props.feeds.map((f) => (
            <option value={String(f.id)} selected={p.get("feed") === String(f.id)}>
              {f.title ?? f.url}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-entity">Entity</label>
        <input id="f-entity" type="text" name="entity" value={entities[0] ?? ""} placeholder="Haiti, Antony Blinken…" />
        {entities.slice(1).map((e, i) => (
          <input type="text" name="entity" value={e} aria-label={`Entity ${i + 2}`} />
        ))}
      </div>
      <div>
        <label for="f-entity-type">Entity type</label>
        <select id="f-entity-type" name="entity_type">
          <option value="">Any type</option>
          {(["person", "organization", "place"] as const).map((t) => (
            <option value={t} selected={p.get("entity_type") === t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-since">Published from</label>
        <input id="f-since" type="date" name="since" value={(p.get("since") ?? "").slice(0, 10)} />
      </div>
      <div>
        <label for="f-until">Published before</label>
        <input id="f-until" type="date" name="until" value={(p.get("until") ?? "").slice(0, 10)} />
      </div>
      <fieldset>
        <legend>Evidence</legend>
        {/* evidence=stated as in GET /v1/stories (CONTRACT.md): flags count only what the text itself says. */}
        <Check name="evidence" value="stated" checked={p.get("evidence") === "stated"} label="Stated only, not inferred" />
      </fieldset>
      <div class="actions">
        <button type="submit">Apply filters</button>
        <a href="/">Clear</a>
      </div>
    </form>
  );
}

export function StoriesPage(props: { url: URL; feeds: Feed[]; admin: boolean; results: ReturnType<typeof Results> }) {
  return (
    <Layout title="Stories" section="stories" admin={props.admin}>
      <h1>Stories</h1>
      <FilterBar url={props.url} feeds={props.feeds} />
      <section id="results" aria-label="Results" tabindex={-1}>
        {props.results}
      </section>
    </Layout>
  );
}
