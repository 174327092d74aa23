/**
 * annotatePage(): a news page's HTML → the annotation of its story, with what the page says about itself.
 * The one code path shared by the article queue consumer and POST /v1/annotate with `extract`, so both give
 * the same result for the same page. Pure: nothing is fetched.
 */
import type { Annotation, PageSignal } from "../model";
import { extractPage, type ExtractedPage, type ExtractOptions } from "../extract";
import { annotateArticle } from "./article";

export interface PageArticle {
  title: string | null;
  byline: string | null;
  published_at: string | null;
  site_name: string | null;
  signals: PageSignal[];
}

export interface AnnotatedPage {
  annotation: Annotation;
  /** The annotated text (stored as the story's source text). */
  text: string;
  article: PageArticle;
  page: ExtractedPage;
}

/** `title` is the story's own headline when it has one (the feed's); else the page's headline is used. */
export function annotatePage(html: string, opts: ExtractOptions & { title?: string | null } = {}): AnnotatedPage {
  const page = extractPage(html, opts);
  const title = opts.title?.trim() || page.title || "";
  const { annotation, text } = annotateArticle(title, page, opts.url ?? null);
  return {
    annotation,
    text,
    article: { title: page.title, byline: page.byline, published_at: page.published_at, site_name: page.site_name, signals: page.signals },
    page,
  };
}
