/**
 * problem+json (RFC 9457): every 4xx/5xx leaves the API in this one shape. Handlers throw ApiError;
 * the app's onError turns it (or anything else) into a response, so no handler formats errors itself.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface FieldError {
  field: string;
  message: string;
}

/** The closed set of problems this API can report, with their status and title. */
const PROBLEMS = {
  "invalid-request": { status: 400, title: "Invalid request" },
  unauthorized: { status: 401, title: "Unauthorized" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  internal: { status: 500, title: "Internal error" },
  "admin-disabled": { status: 503, title: "Admin endpoints disabled" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

const TYPE_BASE = "https://wirewatch.dev/problems/";

export function problemResponse(c: Context, code: ProblemCode, detail: string, errors?: FieldError[]): Response {
  const { status, title } = PROBLEMS[code];
  const body = { type: TYPE_BASE + code, title, status, detail, ...(errors ? { errors } : {}) };
  return c.body(JSON.stringify(body), status, { "content-type": "application/problem+json" });
}

/** Maps Hono's own HTTP exceptions (malformed JSON, body limit...) onto our problem codes. */
function codeForStatus(status: number): ProblemCode {
  const match = Object.entries(PROBLEMS).find(([, p]) => p.status === status);
  return (match?.[0] as ProblemCode | undefined) ?? (status >= 500 ? "internal" : "invalid-request");
}

/** The app's single error exit. Unknown errors are logged and answered without leaking internals. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return problemResponse(c, err.code, err.detail, err.errors);
  if (err instanceof HTTPException) return problemResponse(c, codeForStatus(err.status), err.message || "Request rejected");
  console.error(`api: unhandled error on ${c.req.method} ${new URL(c.req.url).pathname}: ${err.message}`);
  return problemResponse(c, "internal", "The server could not complete the request.");
}
