/**
 * The interface's writes and annotate calls go through the public API in-process, with the session's token
 * as the bearer: the same validation, the same problems, no back door (CONTRACT.md, "The web interface").
 */
import type { Context } from "hono";

/** The Worker's own fetch, injected by the app, so that ui/ reaches the API without importing its wiring. */
export type ApiFetch = (req: Request, env: Env, ctx: ExecutionContext) => Promise<Response>;

export interface ApiAnswer<T> {
  status: number;
  ok: boolean;
  body: T;
  /** The problem's detail, for a failed call: what the page tells the editor. */
  detail: string;
}

export async function callApi<T = unknown>(
  c: Context<{ Bindings: Env }>,
  fetchApi: ApiFetch,
  path: string,
  init: { method?: string; token?: string | null; json?: unknown; body?: string; type?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers = new Headers({ accept: "application/json" });
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body: string | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  } else if (init.type) headers.set("content-type", init.type);
  const req = new Request(new URL(path, c.req.url), { method: init.method ?? "GET", headers, body });
  const res = await fetchApi(req, c.env, c.executionCtx);
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  const detail = res.ok ? "" : typeof (parsed as { detail?: unknown } | null)?.detail === "string" ? (parsed as { detail: string }).detail : `The API answered ${res.status}.`;
  return { status: res.status, ok: res.ok, body: parsed as T, detail };
}
