/** Whether a CSS selector is one the extractor (linkedom's css-select) can run, so a feed never stores a broken one. */
import { parseHTML } from "linkedom/worker";

const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");

export function isValidSelector(selector: string): boolean {
  try {
    document.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
