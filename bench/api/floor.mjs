/**
 * The floor for the API bench: a minimal node:http server answering GET /v1/stories with the very same
 * store code (queryStories: the same SQL, the same row mapping) over better-sqlite3 on a copy of the same
 * SQLite file. Run with tsx so it can import the TypeScript store: node --import tsx bench/api/floor.mjs FILE PORT
 */
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { decodeCursor, queryStories, queryStoryFields } from "../../src/store/stories.ts";

const [file, port] = process.argv.slice(2);
const sqlite = new Database(file, { readonly: true });
const statements = new Map();

/** D1's numbered parameters (?1) become better-sqlite3's named ones (@p1); statements are prepared once. */
function prepared(sql) {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = sqlite.prepare(sql.replace(/\?(\d+)/g, "@p$1"));
    statements.set(sql, stmt);
  }
  return stmt;
}

/** Just enough of D1Database for the read path: prepare().bind().all()/first(). */
const d1 = {
  prepare(sql) {
    const bound = (params) => ({
      all: async () => ({ results: prepared(sql).all(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) }),
      first: async () => prepared(sql).get(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) ?? null,
    });
    return { bind: (...params) => bound(params), ...bound([]) };
  },
};

function filterOf(url) {
  const q = url.searchParams;
  const cursor = q.get("cursor");
  return {
    entities: q.getAll("entity"),
    entityType: q.get("entity_type") ?? undefined,
    flags: q.getAll("flag"),
    noFlags: q.getAll("no_flag"),
    wire: q.get("wire") ?? undefined,
    feedId: q.has("feed") ? Number(q.get("feed")) : undefined,
    q: q.get("q") ?? undefined,
    since: q.get("since") ?? undefined,
    until: q.get("until") ?? undefined,
    limit: Number(q.get("limit") ?? 50),
    cursor: cursor ? decodeCursor(cursor) ?? undefined : undefined,
  };
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://floor");
  if (url.pathname === "/v1/health") return res.end('{"ok":true}');
  if (url.pathname !== "/v1/stories") {
    res.statusCode = 404;
    return res.end();
  }
  const fields = url.searchParams.get("fields");
  const filter = filterOf(url);
  const body = JSON.stringify(await (fields ? queryStoryFields(d1, filter, fields.split(",")) : queryStories(d1, filter)));
  res.setHeader("content-type", "application/json");
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`floor listening on ${port}`));
