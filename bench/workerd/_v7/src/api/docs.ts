/**
 * GET /docs: the API reference as one HTML page. The operations, their parameters and responses are written
 * out server-side from the OpenAPI document, so the page is complete without JavaScript; where a browser
 * can reach the CDN, Scalar renders the same document interactively below them.
 */
import { Hono } from "hono";
import { escapeXml as escapeHtml } from "./feeds-out";
import { openApiDocument } from "./openapi";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
}

interface OperationDoc {
  summary: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string }>;
  security?: unknown[];
}

function operationHtml(method: string, path: string, op: OperationDoc): string {
  const params = (op.parameters ?? [])
    .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ", required" : ""})${p.description ? ` — ${escapeHtml(p.description)}` : ""}</li>`)
    .join("");
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<li><code>${status}</code> ${escapeHtml(r.description)}</li>`)
    .join("");
  return `<section id="${method}-${escapeHtml(path)}"><h3><code>${method.toUpperCase()} ${escapeHtml(path)}</code>${op.security ? " <small>(admin)</small>" : ""}</h3>
<p>${escapeHtml(op.summary)}</p>${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}<h4>Responses</h4><ul>${responses}</ul></section>`;
}

export function docsPage(): string {
  const doc = openApiDocument() as { info: { title: string; description: string }; paths: Record<string, Record<string, OperationDoc>> };
  const operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => operationHtml(method, path, op)))
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}section{border-top:1px solid #ddd}</style>
</head><body>
<h1>${escapeHtml(doc.info.title)} API</h1>
<p>${escapeHtml(doc.info.description)} Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2>
${operations}
<h2>Interactive reference</h2>
<script id="api-reference" data-url="/v1/openapi.json"></script>
<script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference@1"></script>
</body></html>`;
}

export const docs = new Hono<{ Bindings: Env }>().get("/", (c) => c.html(docsPage()));
