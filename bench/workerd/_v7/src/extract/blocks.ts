/**
 * Element → paragraphs of plain text. A block element (p, h2, li, blockquote, …) is one paragraph; a <br>
 * pair inside a div of bare text splits it as browsers render it. Whitespace collapses as in HTML rendering,
 * so the paragraphs compare word for word with a hand-marked body.
 */

/** Elements whose text is never shown to a reader. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "button", "select", "textarea", "input"]);

/** Elements that start a paragraph of their own. */
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "ul", "ol", "li",
  "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "table", "tr", "td", "th", "hr", "form",
  "address", "details", "summary",
]);

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  getAttribute?(name: string): string | null;
}

/** Paragraphs of visible text under `root`, in document order, each whitespace-collapsed and non-empty. */
export function paragraphsOf(root: DomNode, skip: (element: DomNode) => boolean = () => false): string[] {
  const out: string[] = [];
  let line = "";
  const flush = (): void => {
    const text = line.replace(/[\s\u2028]+/g, " ").trim();
    if (text !== "") out.push(text);
    line = "";
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toLowerCase();
    if (HIDDEN.has(name) || isHidden(node) || (node !== root && skip(node))) return;
    if (name === "br") {
      // One <br> is a line break inside a paragraph; writers mark paragraphs with two.
      if (/\u2028\s*$/.test(line)) flush();
      else line += "\u2028";
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    // Sibling links, not childNodes: linkedom builds a fresh childNodes array on every access.
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Hidden by the page itself: the hidden attribute, aria-hidden, or an inline display:none. */
function isHidden(node: DomNode): boolean {
  const attr = (name: string): string | null => node.getAttribute?.(name) ?? null;
  if (attr("hidden") !== null || attr("aria-hidden") === "true") return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr("style") ?? "");
}
