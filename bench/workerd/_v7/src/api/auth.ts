/**
 * Admin guard: `Authorization: Bearer <ADMIN_TOKEN>`. With no token configured, admin is closed (503),
 * never open by default. The comparison is constant-time so response timing does not leak the token.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./problems";

const encoder = new TextEncoder();

/** Hashing both sides first gives equal-length inputs, as timingSafeEqual requires, whatever was sent. */
export async function tokensEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  return crypto.subtle.timingSafeEqual(a, b);
}

export function adminOnly(): MiddlewareHandler<{ Bindings: Env }> {
  return async function adminOnly(c, next) {
    const expected = c.env.ADMIN_TOKEN;
    if (!expected) {
      throw new ApiError("admin-disabled", "No ADMIN_TOKEN is configured, so admin endpoints are disabled.");
    }
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !(await tokensEqual(match[1], expected))) {
      c.header("WWW-Authenticate", 'Bearer realm="wirewatch admin"');
      throw new ApiError("unauthorized", "A valid admin bearer token is required.");
    }
    await next();
  };
}
