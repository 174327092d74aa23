/** POST /v1/annotate: run the annotator on a caller's text or HTML, or extract and annotate a whole page. Stores nothing. */
import { Hono } from "hono";
import { annotate } from "../annotate";
import { annotatePage } from "../annotate/page";
import { htmlToText } from "../html/text";
import { limitBody } from "./body-limit";
import { AnnotateBody } from "./schemas";
import { valid } from "./validate";

const MAX_BODY_BYTES = 1024 * 1024;

export const annotateRoute = new Hono<{ Bindings: Env }>().post(
  "/",
  limitBody(MAX_BODY_BYTES),
  valid("json", AnnotateBody),
  async (c) => {
    const body = c.req.valid("json");
    if (body.extract && body.html !== undefined) {
      // The same extraction and page reading as the article stage of ingest (annotate/page.ts).
      const { annotation, article } = annotatePage(body.html, { url: body.url ?? null, title: body.title ?? null });
      return c.json({ ...annotation, article });
    }
    const text = body.text ?? (await htmlToText(body.html ?? ""));
    const title = body.title ?? "";
    // The title comes back too: entity spans with field "title" point into it.
    return c.json({ title, ...annotate({ title, text, url: body.url ?? null }) });
  },
);
