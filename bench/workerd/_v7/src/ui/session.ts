/**
 * The interface's login and its guards. The admin token is typed once and kept in an HttpOnly, Secure,
 * SameSite=Strict cookie; admin actions pass it to the API as its bearer token, so the interface has no
 * power the API does not give that token. Forms that change state must come from this origin (hono/csrf:
 * Origin or Sec-Fetch-Site), on top of SameSite, and every page carries a CSP that allows no inline script.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { tokensEqual } from "../api/auth";

export const SESSION_COOKIE = "wirewatch_admin";
/** A login lasts a working week; a lost laptop's cookie does not last for ever. */
const SESSION_SECONDS = 5 * 86_400;

export type LoginResult = "ok" | "wrong" | "disabled";

export async function logIn(c: Context<{ Bindings: Env }>, given: string): Promise<LoginResult> {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) return "disabled";
  const token = given.trim();
  if (token === "" || !(await tokensEqual(token, expected))) return "wrong";
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: "Strict", path: "/", maxAge: SESSION_SECONDS });
  return "ok";
}

export function logOut(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

/** The token of a valid session, or null: a cookie holding a stale token (after a rotation) is no session. */
export async function sessionToken(c: Context<{ Bindings: Env }>): Promise<string | null> {
  const token = getCookie(c, SESSION_COOKIE);
  const expected = c.env.ADMIN_TOKEN;
  if (!token || !expected) return null;
  return (await tokensEqual(token, expected)) ? token : null;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers for every page of the interface (the API's JSON keeps its own). */
export function pageHeaders(): MiddlewareHandler {
  return async function pageHeaders(c, next) {
    await next();
    c.res.headers.set("content-security-policy", CSP);
    c.res.headers.set("x-content-type-options", "nosniff");
    c.res.headers.set("referrer-policy", "same-origin");
    c.res.headers.set("x-frame-options", "DENY");
  };
}

/**
 * Cross-site form posts are refused with a page saying so. hono/csrf checks only form content types, so any
 * other body on a form route is refused too: these routes read forms and nothing else.
 */
export function formGuard(refused: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const sameOrigin = csrf();
  return async function formGuard(c, next) {
    const type = c.req.header("content-type") ?? "";
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return refused(c);
    let blocked = false;
    await sameOrigin(c, async () => {
      await next();
    }).catch((err: unknown) => {
      if (err instanceof HTTPException && err.status === 403) blocked = true;
      else throw err;
    });
    if (blocked) return refused(c);
  };
}
