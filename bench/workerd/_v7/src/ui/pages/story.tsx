/**
 * Story: the body with every entity mention linked to its page and every flag's evidence highlighted where
 * it stands (a disclaimer removed from the body is listed under it instead), the cluster of copies in other
 * feeds, where the text came from (the feed or the fetched article page), and the raw API fields a click away.
 * Entity `spans` are used when present; without them the names are found in the text.
 */
import { raw } from "hono/html";
import type { Evidence, Feed, Story } from "../../model";
import { entityHref, FLAG_LABELS, FlagBadges, Time } from "../components";
import { Layout } from "../layout";
import { evidenceRanges, markText, type Segment, type UiEntity } from "../marks";

export interface ClusterRef {
  id: number | string;
  size: number;
  feeds: number;
}

export interface ClusterMember {
  story_id: number;
  feed_id: number;
  title: string;
  url: string | null;
  published_at: string | null;
  similarity: number;
  first: boolean;
}

/** A Story as the UI reads it: entities may come without spans (an older annotation). */
export type UiStory = Omit<Story, "entities"> & { entities: UiEntity[] };

function evidenceLabel(e: Evidence): string {
  return e.flag === "wire" ? "Wire attribution" : FLAG_LABELS[e.flag];
}

function Marked(props: { segments: Segment[]; evidence: Evidence[] }) {
  // An evidence sentence split by an entity mention is several marks; only the first carries the anchor id.
  const anchored = new Set<number>();
  return (
    <>
      {props.segments.map((seg) => {
        const inner = seg.entity ? (
          <a class={`entity ${seg.entity.type}`} href={entityHref(seg.entity)} title={`${seg.entity.name} (${seg.entity.type})`}>
            {seg.text}
          </a>
        ) : (
          seg.text
        );
        if (seg.evidence === undefined) return inner;
        const e = props.evidence[seg.evidence]!;
        const first = !anchored.has(seg.evidence);
        anchored.add(seg.evidence);
        return (
          <mark class="evidence" id={first ? `ev-${seg.evidence}` : undefined} title={`Evidence: ${evidenceLabel(e)} (${e.rule})`}>
            {inner}
          </mark>
        );
      })}
    </>
  );
}

/** One entry per evidence text: a disclaimer that set three flags is one sentence, listed once with its flags. */
function EvidenceList(props: { story: UiStory }) {
  const evidence = props.story.flags.evidence;
  if (evidence.length === 0) return <p class="muted">No flag was set on this story, so there is no evidence to show.</p>;
  const inBody = evidenceRanges(evidence, props.story.content_text);
  const groups = new Map<string, number[]>();
  evidence.forEach((e, i) => groups.set(e.text, [...(groups.get(e.text) ?? []), i]));
  return (
    <ul class="evidence-list">
      {[...groups].map(([text, indices]) => {
        const items = indices.map((i) => evidence[i]!);
        const first = indices[0]!;
        const stories = [...new Set(items.flatMap((e) => e.stories ?? []))];
        const similarity = items.find((e) => e.similarity !== undefined)?.similarity;
        return (
          <li>
            <strong>{[...new Set(items.map(evidenceLabel))].join(", ")}</strong>
            {` · ${items.map((e) => `rule ${e.rule}`).join(", ")} · ${[...new Set(items.map((e) => e.kind))].join(", ")}`}
            {similarity !== undefined ? ` · similarity ${similarity.toFixed(2)}` : ""}
            <br />
            {inBody[first] ? (
              <>
                <a href={`#ev-${first}`}>Highlighted in the body</a>
                {": "}
                <q>{text}</q>
              </>
            ) : (
              <>
                <span>Removed from the body: </span>
                <blockquote class="evidence-removed">
                  <mark class="evidence">{text}</mark>
                </blockquote>
              </>
            )}
            {stories.length > 0 ? (
              <div>
                {"Rests on "}
                {stories.map((id, k) => (
                  <>
                    {k > 0 ? ", " : ""}
                    <a href={`/stories/${id}`}>{`story ${id}`}</a>
                  </>
                ))}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function ClusterSection(props: { cluster: ClusterRef | null | undefined; members: ClusterMember[] | null; storyId: number; feeds: Map<number, Feed> }) {
  if (!props.cluster) return <p class="muted">No copy of this story has been found in another feed.</p>;
  const { cluster } = props;
  return (
    <>
      <p>
        {`Cluster ${cluster.id}: ${cluster.size} ${cluster.size === 1 ? "copy" : "copies"} in ${cluster.feeds} ${cluster.feeds === 1 ? "feed" : "feeds"}. `}
        <a href={`/?cluster=${encodeURIComponent(String(cluster.id))}`}>All its stories</a>
      </p>
      {props.members ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col">Outlet</th>
                <th scope="col">Published</th>
                <th scope="col">Similarity</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((m) => (
                <tr>
                  <td>
                    {m.story_id === props.storyId ? <strong>{`${m.title} (this story)`}</strong> : <a href={`/stories/${m.story_id}`}>{m.title}</a>}
                    {m.first ? " · first published" : ""}
                  </td>
                  <td>{props.feeds.get(m.feed_id)?.title ?? `Feed ${m.feed_id}`}</td>
                  <td>
                    <Time at={m.published_at} />
                  </td>
                  <td>{m.similarity.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

export function StoryPage(props: { story: UiStory; feed: Feed | null; feeds: Map<number, Feed>; clusterMembers: ClusterMember[] | null; admin: boolean }) {
  const s = props.story;
  const body = markText(s.content_text, s.entities, s.flags.evidence);
  const title = markText(s.title, s.entities.filter((e) => e.spans), [], "title")[0] ?? [{ text: s.title }];
  return (
    <Layout title={s.title || "Story"} section="stories" admin={props.admin}>
      <article class="story">
        <h1>
          <Marked segments={title} evidence={[]} />
        </h1>
        <p class="meta">
          {props.feed ? <a href={`/?feed=${props.feed.id}`}>{props.feed.title ?? props.feed.url}</a> : `Feed ${s.feed_id}`}
          {s.author ? ` · ${s.author}` : ""}
          {" · "}
          <Time at={s.published_at ?? s.fetched_at} />
          {s.url ? (
            <>
              {" · "}
              <a href={s.url} rel="noopener noreferrer">
                Original article
              </a>
            </>
          ) : null}
        </p>
        <FlagBadges flags={s.flags} />
        <section class="body" aria-label="Story text">
          {body.length === 0 ? <p class="muted">This story has no body text.</p> : body.map((para) => <p>{<Marked segments={para} evidence={s.flags.evidence} />}</p>)}
        </section>
        <h2>Evidence</h2>
        <EvidenceList story={s} />
        <h2>Entities</h2>
        {s.entities.length === 0 ? (
          <p class="muted">No entity is tagged in this story.</p>
        ) : (
          <ul class="entity-list">
            {s.entities.map((e) => (
              <li>
                <a href={entityHref(e)}>{e.name}</a>
                {` · ${e.type} · ${e.mentions} ${e.mentions === 1 ? "mention" : "mentions"}`}
              </li>
            ))}
          </ul>
        )}
        <h2>Other outlets that carried it</h2>
        <ClusterSection cluster={s.cluster} members={props.clusterMembers} storyId={s.id} feeds={props.feeds} />
        <h2>Source</h2>
        <dl class="facts">
          <dt>Feed</dt>
          <dd>{props.feed ? `${props.feed.title ?? "(untitled)"}: ${props.feed.url}` : `Feed ${s.feed_id} (removed)`}</dd>
          <dt>Text from</dt>
          <dd>{s.content_source === "article" ? "the fetched article page (the feed's own text is its summary)" : "the feed"}</dd>
          {s.article ? (
            <>
              <dt>Article fetch</dt>
              <dd>
                {s.article.status}
                {s.article.fetched_at ? <> · <Time at={s.article.fetched_at} /></> : null}
                {s.article.error ? ` · ${s.article.error}` : ""}
              </dd>
            </>
          ) : null}
          <dt>GUID</dt>
          <dd>{s.guid}</dd>
          <dt>First stored</dt>
          <dd>
            <Time at={s.fetched_at} />
          </dd>
          {s.categories.length > 0 ? (
            <>
              <dt>Categories</dt>
              <dd>{s.categories.join(", ")}</dd>
            </>
          ) : null}
        </dl>
        {s.content_html ? (
          <details>
            <summary>As the feed formatted it (sanitized HTML)</summary>
            {/* content_html is stored only after the allowlist sanitizer (src/html/sanitize.ts) */}
            <div class="sanitized">{raw(s.content_html)}</div>
          </details>
        ) : null}
        <details>
          <summary>Raw fields</summary>
          <p>
            <a href={`/v1/stories/${s.id}`}>This story in the API</a>
          </p>
          <pre>{JSON.stringify(s, null, 2)}</pre>
        </details>
      </article>
    </Layout>
  );
}
