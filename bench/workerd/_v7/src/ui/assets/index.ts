/**
 * Fingerprinted assets: each file's name carries a hash of its content, so it is cached for a year as
 * immutable (RFC 8246) and a deploy that changes it changes its name. Any other name is a 404, never a stale file.
 */
import { Hono } from "hono";
import { CLIENT_JS } from "./client";
import { STYLES_CSS } from "./styles";

/** FNV-1a, 32 bits: enough to tell two versions of a file apart, and synchronous, so names are fixed at load. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const FILES = [
  { name: "app", ext: "js", body: CLIENT_JS, type: "text/javascript; charset=utf-8" },
  { name: "app", ext: "css", body: STYLES_CSS, type: "text/css; charset=utf-8" },
].map((f) => ({ ...f, path: `/assets/${f.name}.${fingerprint(f.body)}.${f.ext}` }));

export const SCRIPT_PATH = FILES[0]!.path;
export const STYLE_PATH = FILES[1]!.path;

export const assets = new Hono<{ Bindings: Env }>().get("/assets/:file", (c) => {
  const file = FILES.find((f) => f.path === new URL(c.req.url).pathname);
  if (!file) return c.text("No such asset.", 404, { "cache-control": "no-store" });
  return c.body(file.body, 200, {
    "content-type": file.type,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
});
