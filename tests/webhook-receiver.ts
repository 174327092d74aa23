/**
 * A real webhook receiver on 127.0.0.1 for the alert tests (vitest globalSetup, runs in Node). It verifies every
 * delivery's Standard Webhooks signature with the reference library, as a subscriber would, and answers as each
 * hook is scripted to:
 *
 *   PUT  /hooks/<name>            { "secret": "whsec_…", "script"?: (status | "hang")[] } sets up a hook and forgets
 *                                 what it received; each POST takes the script's next answer, then 200 for ever
 *   POST /hooks/<name>            a delivery: 401 when its signature does not verify (whatever the script says),
 *                                 else the scripted answer; "hang" never answers
 *   GET  /hooks/<name>/received   what it received, oldest first: webhook-id, -timestamp, the parsed body,
 *                                 whether the signature verified (and why not), and the status it answered
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  interface ProvidedContext {
    /** Base URL of the webhook receiver started by tests/webhook-receiver.ts, e.g. "http://127.0.0.1:41235". */
    webhookReceiver: string;
  }
}

export interface Received {
  webhookId: string | null;
  timestamp: string | null;
  body: unknown;
  verified: boolean;
  error: string | null;
  /** The status answered, or "hang". */
  answered: number | "hang";
}

interface Hook {
  secret: string;
  script: (number | "hang")[];
  received: Received[];
}

const hooks = new Map<string, Hook>();

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = /^\/hooks\/([\w-]+)(\/received)?$/.exec(new URL(req.url ?? "/", "http://x").pathname);
  if (!match) return void res.writeHead(404).end();
  const [, name = "", received] = match;
  if (req.method === "PUT" && !received) {
    const { secret, script = [] } = JSON.parse(await readBody(req)) as { secret: string; script?: Hook["script"] };
    hooks.set(name, { secret, script, received: [] });
    return void res.writeHead(204).end();
  }
  const hook = hooks.get(name);
  if (!hook) return void res.writeHead(404).end();
  if (req.method === "GET" && received) return json(res, 200, hook.received);
  if (req.method !== "POST" || received) return void res.writeHead(405).end();

  const raw = await readBody(req);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
  let verified = false;
  let error: string | null = null;
  let body: unknown = raw;
  try {
    body = new Webhook(hook.secret).verify(raw, headers);
    verified = true;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const answer = verified ? (hook.script.shift() ?? 200) : 401;
  hook.received.push({
    webhookId: headers["webhook-id"] ?? null,
    timestamp: headers["webhook-timestamp"] ?? null,
    body,
    verified,
    error,
    answered: answer,
  });
  // A receiver that never answers: the connection stays open until the client gives up (or the run ends).
  if (answer === "hang") return;
  json(res, answer, { ok: answer < 300 });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    // No keep-alive: a pooled connection the server closes while idle would fail the client's next request.
    res.setHeader("connection", "close");
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("webhookReceiver", `http://127.0.0.1:${port}`);
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}
