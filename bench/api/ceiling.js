/**
 * The ceiling for the API bench: a Worker that answers every request with a constant body of `?bytes=N`
 * bytes and does nothing else (no D1, no routing, no serialization). Whatever latency it shows under the
 * bench's load is the dev server's and the machine's, and no query can do better.
 */
const bodies = new Map();

export default {
  fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/v1/health") return Response.json({ ok: true });
    const bytes = Math.min(Number(url.searchParams.get("bytes")) || 0, 1 << 20);
    let body = bodies.get(bytes);
    if (body === undefined) {
      body = `{"pad":"${"x".repeat(Math.max(bytes - 10, 0))}"}`;
      bodies.set(bytes, body);
    }
    return new Response(body, { headers: { "content-type": "application/json" } });
  },
};
