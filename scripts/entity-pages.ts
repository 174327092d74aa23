/**
 * Checks the marked-up page texts of fixtures/entities-pages/ (format: scripts/entity-pages-format.ts): every
 * mark well formed and on token boundaries, with a note for a surface marked once and left bare elsewhere.
 *
 *   npx tsx scripts/entity-pages.ts [DIR]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tokenize } from "../src/annotate/entities/tokens";
import { type MarkedPage, mentionTokens, parseMarkedPage } from "./entity-pages-format";

/** Every page of a directory, sorted by name. */
export function readMarkedPages(dir: string): MarkedPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseMarkedPage(f.replace(/\.txt$/, ""), readFileSync(join(dir, f), "utf8")));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "fixtures", "entities-pages"));
  let failed = 0;
  const counts: Record<string, number> = { person: 0, organization: 0, place: 0 };
  let pages = 0;
  let chars = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".txt")).sort()) {
    try {
      const page = parseMarkedPage(f, readFileSync(join(dir, f), "utf8"));
      mentionTokens(page, [...tokenize(page.title, "title"), ...tokenize(page.text, "text")]);
      for (const m of page.mentions) counts[m.type] = (counts[m.type] ?? 0) + 1;
      pages++;
      chars += page.text.length;
      // The same surface marked in one place and left bare in another prose line is usually a slip.
      const marked = new Set(page.mentions.filter((m) => m.field === "text").map((m) => page.text.slice(m.start, m.end)));
      for (const s of marked) {
        const bare = [...page.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu"))].filter(
          (hit) => !page.mentions.some((m) => m.field === "text" && m.start <= hit.index && hit.index < m.end),
        );
        if (bare.length) console.log(`note ${f}: "${s}" marked, and also left bare ${bare.length}× (fine only in chrome or inside a longer name)`);
      }
    } catch (e) {
      failed++;
      console.log(`ERROR ${(e as Error).message}`);
    }
  }
  console.log(`${pages} pages, ${chars} characters; mentions: person ${counts.person}, organization ${counts.organization}, place ${counts.place}; ${failed} with errors`);
  process.exitCode = failed ? 1 : 0;
}
