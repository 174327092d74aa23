/**
 * Reads the labelled real-page set ../shared/data/pages-dev (or PAGES_DEV_DIR) at evaluation time, as flag cases.
 * Its texts are never copied into the repository: this loader is the only way they reach the evaluation.
 *
 * A page file is `# SOURCE:`, `# OUTLET:`, `# TITLE:` header lines, a blank line, then the excerpt verbatim. A title
 * rebuilt from the URL slug is not page text, so the case gets no title. A `null` label (the excerpt is cut before
 * the flag could show) is kept as null and left out of that flag's score.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FLAG_NAMES, type FlagName } from "../src/model";
import { canonicalWire } from "../src/annotate/wires";
import type { FlagCase } from "./eval-flags";

interface GoldFlags {
  syndicated: boolean | null;
  unedited: boolean | null;
  auto_generated: boolean | null;
  ai_generated: boolean | null;
  wire: string[] | null;
}

interface Gold {
  docs: Record<string, { flags: GoldFlags }>;
}

/** Where pages-dev lives: PAGES_DEV_DIR, else ../shared/data/pages-dev beside the repository. */
export function pagesDevDir(): string {
  const fromEnv = process.env.PAGES_DEV_DIR;
  if (fromEnv !== undefined && fromEnv !== "") return resolve(fromEnv);
  return resolve(fileURLToPath(new URL("../../shared/data/pages-dev/", import.meta.url)));
}

/** Splits a page file into its title (when it is page text) and the excerpt. */
export function parsePageFile(raw: string): { title: string; text: string; outlet: string; url: string } {
  const breakAt = raw.indexOf("\n\n");
  const header = breakAt === -1 ? raw : raw.slice(0, breakAt);
  const text = breakAt === -1 ? "" : raw.slice(breakAt + 2);
  const field = (name: string): string => new RegExp(`^# ${name}: ?(.*)$`, "mu").exec(header)?.[1]?.trim() ?? "";
  const title = field("TITLE");
  const fromSlug = /\[(?:from URL slug|headline not in stored text)/u.test(title);
  return { title: fromSlug ? "" : title, text, outlet: field("OUTLET"), url: field("SOURCE") };
}

/** The gold agency label ("AP", "PTI") under the project's canonical name; unknown agencies keep their label. */
function canonicalLabel(label: string): string {
  return canonicalWire(label) ?? label;
}

/** Loads every page and its gold flags; throws naming the file when the set is missing or malformed. */
export async function loadPagesDev(dir: string = pagesDevDir()): Promise<FlagCase[]> {
  const gold = JSON.parse(await readFile(join(dir, "gold.json"), "utf8")) as Gold;
  // "001.txt" in pages-dev; a held-out sample may prefix its labeller ("a01.txt").
  const names = (await readdir(dir)).filter((name) => /^[a-z]*\d+\.txt$/u.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const id = name.replace(/\.txt$/u, "");
      const labels = gold.docs[id]?.flags;
      if (labels === undefined) throw new Error(`eval-flags: ${name} has no entry in ${join(dir, "gold.json")}`);
      const { title, text, outlet, url } = parsePageFile(await readFile(join(dir, name), "utf8"));
      const expected = Object.fromEntries(FLAG_NAMES.map((flag: FlagName) => [flag, labels[flag]])) as FlagCase["expected"];
      expected.wire_services = labels.wire === null ? null : labels.wire.map(canonicalLabel);
      return { id, outlet_style: outlet, title, text, url, expected };
    }),
  );
}
