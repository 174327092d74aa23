/** The small pages: Try it (POST /v1/annotate on pasted text), login, and the page every refusal shows. */
import type { Annotation, Evidence } from "../../model";
import { entityHref, FLAG_LABELS, FlagBadges } from "../components";
import { Layout, Notice, type Section } from "../layout";
import { evidenceRanges, markText, type UiEntity } from "../marks";

export interface TryInput {
  title: string;
  body: string;
  format: "text" | "html";
}

function MarkedParagraphs(props: { text: string; entities: UiEntity[]; evidence: Evidence[] }) {
  return (
    <>
      {markText(props.text, props.entities, props.evidence).map((para) => (
        <p>
          {para.map((seg) => {
            const inner = seg.entity ? (
              <a class={`entity ${seg.entity.type}`} href={entityHref(seg.entity)}>
                {seg.text}
              </a>
            ) : (
              seg.text
            );
            return seg.evidence === undefined ? inner : <mark class="evidence">{inner}</mark>;
          })}
        </p>
      ))}
    </>
  );
}

export function TryPage(props: { input: TryInput; result?: Annotation & { entities: UiEntity[] }; error?: string; admin: boolean }) {
  const r = props.result;
  return (
    <Layout title="Try it" section="try" admin={props.admin}>
      <h1>Try it</h1>
      <p>Paste a story's text or HTML to see the flags, their evidence and the entities wirewatch finds in it. Nothing is stored.</p>
      <form method="post" action="/try" class="admin-forms">
        <div>
          <label for="try-title">Title (optional)</label>
          <input id="try-title" type="text" name="title" value={props.input.title} />
          <label for="try-body">Text or HTML</label>
          <textarea id="try-body" name="body" required rows={10}>
            {props.input.body}
          </textarea>
          <fieldset>
            <legend>The pasted body is</legend>
            <label>
              <input type="radio" name="format" value="text" checked={props.input.format === "text"} />
              plain text
            </label>
            <label>
              <input type="radio" name="format" value="html" checked={props.input.format === "html"} />
              HTML
            </label>
          </fieldset>
          <button type="submit">Annotate</button>
        </div>
      </form>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      {r ? (
        <section aria-label="Result" id="try-result">
          <h2>Flags</h2>
          {r.flags.evidence.length === 0 && r.flags.wire_services.length === 0 ? <p>No flag is set: nothing in the text says it is syndicated, unedited or automated.</p> : <FlagBadges flags={r.flags} />}
          <h2>Evidence</h2>
          {r.flags.evidence.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul>
              {r.flags.evidence.map((e, i) => (
                <li>
                  <strong>{e.flag === "wire" ? "Wire attribution" : FLAG_LABELS[e.flag]}</strong>
                  {` · rule ${e.rule} · ${e.kind} · `}
                  {evidenceRanges(r.flags.evidence, r.content_text)[i] ? "highlighted below: " : "removed from the text: "}
                  <mark class="evidence">{e.text}</mark>
                </li>
              ))}
            </ul>
          )}
          <h2>Entities</h2>
          {r.entities.length === 0 ? (
            <p class="muted">None found.</p>
          ) : (
            <ul>
              {r.entities.map((e) => (
                <li>{`${e.name} · ${e.type} · ${e.mentions} ${e.mentions === 1 ? "mention" : "mentions"}`}</li>
              ))}
            </ul>
          )}
          <h2>Text, marked</h2>
          <MarkedParagraphs text={r.content_text} entities={r.entities} evidence={r.flags.evidence} />
        </section>
      ) : null}
    </Layout>
  );
}

export function LoginPage(props: { next: string; error?: string; admin: boolean; status?: string }) {
  return (
    <Layout title="Log in" section="login" admin={props.admin}>
      <h1>Log in</h1>
      {props.status ? <Notice kind="ok">{props.status}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <form method="post" action="/login" class="admin-forms">
        <div>
          <input type="hidden" name="next" value={props.next} />
          <label for="login-token">Admin token</label>
          <input id="login-token" type="password" name="token" required autocomplete="current-password" />
          <p class="meta">The token is kept in a secure cookie for five days; log out to forget it sooner.</p>
          <button type="submit">Log in</button>
        </div>
      </form>
    </Layout>
  );
}

export function MessagePage(props: { title: string; message: string; section?: Section; admin: boolean }) {
  return (
    <Layout title={props.title} section={props.section} admin={props.admin}>
      <h1>{props.title}</h1>
      <Notice kind="error">{props.message}</Notice>
      <p>
        <a href="/">Back to the stories</a>
      </p>
    </Layout>
  );
}
