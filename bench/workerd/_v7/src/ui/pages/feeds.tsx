/**
 * Feeds: every feed's health for anyone; for a logged-in admin, the forms that add, import, pause, resume
 * and fetch them. Each form posts to this origin's /feeds/* routes, which call the admin API with the session.
 */
import type { Feed } from "../../model";
import type { FeedError } from "../../store/feeds";
import type { IngestRun } from "../../store/runs";
import { Sparkline, type DaySeries } from "../charts";
import { Time } from "../components";
import { Layout, Notice } from "../layout";

function Status(props: { feed: Feed }) {
  const f = props.feed;
  const label = f.paused ? "paused" : f.status;
  return <span class={`status-${f.paused ? "pending" : f.status}`}>{label === "ok" ? "OK" : label === "error" ? `Error (${f.error_count} in a row)` : label[0]!.toUpperCase() + label.slice(1)}</span>;
}

function AdminForms() {
  return (
    <div class="admin-forms">
      <form method="post" action="/feeds/add">
        <h2>Add a feed</h2>
        <label for="add-url">Feed URL</label>
        <input id="add-url" type="url" name="url" required placeholder="https://example.com/rss.xml" />
        <label for="add-title">Title (optional)</label>
        <input id="add-title" type="text" name="title" />
        <button type="submit">Add feed</button>
      </form>
      <form method="post" action="/feeds/import" enctype="multipart/form-data">
        <h2>Import OPML</h2>
        <label for="opml-file">OPML file</label>
        <input id="opml-file" type="file" name="file" accept=".opml,.xml,text/x-opml,application/xml" />
        <label for="opml-text">or paste it</label>
        <textarea id="opml-text" name="opml" rows={4}></textarea>
        <button type="submit">Import</button>
      </form>
      <form method="post" action="/feeds/ingest">
        <h2>Fetch now</h2>
        <p class="meta">Starts an ingest pass over every feed that is due, or over all of them.</p>
        <label>
          <input type="checkbox" name="force" value="true" />
          Fetch every feed, due or not
        </label>
        <button type="submit">Start ingest</button>
      </form>
    </div>
  );
}

export function FeedsPage(props: { feeds: Feed[]; sparks: Map<number, DaySeries>; errors: Map<number, FeedError[]>; days: string[]; admin: boolean; notice?: { kind: "ok" | "error"; text: string } }) {
  const empty: DaySeries = { days: props.days, values: props.days.map(() => 0) };
  return (
    <Layout title="Feeds" section="feeds" admin={props.admin}>
      <h1>Feeds</h1>
      {props.notice ? <Notice kind={props.notice.kind}>{props.notice.text}</Notice> : null}
      {props.admin ? (
        <AdminForms />
      ) : (
        <p>
          <a href="/login?next=/feeds">Log in</a> to add, import, pause or fetch feeds.
        </p>
      )}
      <h2>{`${props.feeds.length} ${props.feeds.length === 1 ? "feed" : "feeds"}`}</h2>
      <div class="table-wrap">
        <table class="feeds-table">
          <thead>
            <tr>
              <th scope="col">Feed</th>
              <th scope="col">Status</th>
              <th scope="col">Last fetch</th>
              <th scope="col">Next fetch</th>
              <th scope="col">Stories</th>
              <th scope="col">Per day</th>
              <th scope="col">Last error or warning</th>
              {props.admin ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.feeds.map((f) => (
              <tr id={`feed-${f.id}`} data-feed-url={f.url}>
                <td>
                  <a href={`/?feed=${f.id}`}>{f.title ?? "(untitled)"}</a>
                  <div class="meta">{f.url}</div>
                </td>
                <td class="feed-status">
                  <Status feed={f} />
                </td>
                <td>
                  <Time at={f.last_fetched_at} />
                </td>
                <td>{f.paused ? <span class="muted">never (paused)</span> : <Time at={f.next_fetch_at} />}</td>
                <td class="feed-stories">{String(f.story_count)}</td>
                <td>
                  <Sparkline label={`Stories per day in ${f.title ?? f.url}`} series={props.sparks.get(f.id) ?? empty} />
                </td>
                <td>
                  {f.last_error ? <div class="status-error">{f.last_error}</div> : null}
                  {(props.errors.get(f.id)?.length ?? 0) > 0 ? (
                    <details>
                      <summary>{`Last ${props.errors.get(f.id)!.length} errors`}</summary>
                      <ul>
                        {props.errors.get(f.id)!.map((e) => (
                          <li>
                            <Time at={e.at} />
                            {`${e.status ? ` · HTTP ${e.status}` : ""} · ${e.message}`}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                  {f.last_warning ? <div class="status-pending">{`Warning: ${f.last_warning}`}</div> : null}
                  {!f.last_error && !f.last_warning ? <span class="muted">none</span> : null}
                </td>
                {props.admin ? (
                  <td>
                    <form class="inline-form" method="post" action={`/feeds/${f.id}/${f.paused ? "resume" : "pause"}`}>
                      <button type="submit" class="secondary" aria-label={`${f.paused ? "Resume" : "Pause"} ${f.title ?? f.url}`}>
                        {f.paused ? "Resume" : "Pause"}
                      </button>
                    </form>{" "}
                    <form class="inline-form" method="post" action="/feeds/ingest">
                      <input type="hidden" name="feed" value={String(f.id)} />
                      <input type="hidden" name="force" value="true" />
                      <button type="submit" class="secondary" aria-label={`Fetch now: ${f.title ?? f.url}`}>
                        Fetch now
                      </button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="formats">
        <a href="/v1/feeds.opml">These feeds as OPML</a>
      </p>
    </Layout>
  );
}

/** One ingest run's progress; the page refreshes itself (no script needed) until every feed has reported. */
export function RunPage(props: { run: IngestRun; admin: boolean }) {
  const r = props.run;
  const done = r.finished_at !== null;
  return (
    <Layout title={`Ingest run ${r.id}`} section="feeds" admin={props.admin} head={done ? undefined : <meta http-equiv="refresh" content="2" />}>
      <h1>{`Ingest run ${r.id}`}</h1>
      <p role="status" class="run-state">
        {done ? `Finished: ${r.feeds_done} of ${r.feeds_total} feeds fetched.` : `Running: ${r.feeds_done} of ${r.feeds_total} feeds fetched so far. This page refreshes every 2 seconds.`}
      </p>
      <progress max={String(Math.max(1, r.feeds_total))} value={String(r.feeds_total === 0 ? 1 : r.feeds_done)} aria-label="Feeds fetched">
        {`${r.feeds_done} of ${r.feeds_total}`}
      </progress>
      <dl class="facts">
        <dt>Started</dt>
        <dd>
          <Time at={r.started_at} />
          {` (${r.trigger})`}
        </dd>
        <dt>Feeds OK</dt>
        <dd>{String(r.feeds_ok)}</dd>
        <dt>Not modified</dt>
        <dd>{String(r.feeds_not_modified)}</dd>
        <dt>Failed</dt>
        <dd>{String(r.feeds_failed)}</dd>
        <dt>Items seen</dt>
        <dd>{String(r.items_seen)}</dd>
        <dt>New stories</dt>
        <dd>{String(r.stories_new)}</dd>
        <dt>Updated stories</dt>
        <dd>{String(r.stories_updated)}</dd>
      </dl>
      <p>
        <a href="/feeds">Back to the feeds</a>
      </p>
    </Layout>
  );
}
