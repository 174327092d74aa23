/**
 * /v1/alerts: saved story queries that push matching stories to a signed webhook (admin only: an alert holds
 * a webhook URL and its secret). The query is validated by the GET /v1/stories schema and resolved by the same
 * storyFilter, so an alert accepts exactly the filters the list does and means the same by them.
 */
import { Hono } from "hono";
import type * as z from "zod";
import { type AlertWrite, createTestDelivery, deleteAlert, getAlert, getDelivery, insertAlert, listAlerts, listDeliveries, updateAlert } from "../store/alerts";
import { checkFeedUrl } from "../url-safety";
import { adminOnly } from "./auth";
import { limitBody } from "./body-limit";
import { ApiError } from "./problems";
import { AlertQuery, CreateAlertBody, DeliveriesQuery, IdParam, PatchAlertBody } from "./schemas";
import { storyFilter, withSearchErrors } from "./stories";
import { valid } from "./validate";

const MAX_ALERT_BODY_BYTES = 64 * 1024;
/** A test delivery's lease: past it without an outcome, the cron sends it again. */
const TEST_LEASE_MS = 15 * 60_000;

/** A new Standard Webhooks secret: 32 random bytes, "whsec_" + base64. */
function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** Errors about the query name their field inside the body ("query.entity_type"). */
function inQuery(err: unknown): never {
  if (err instanceof ApiError && err.errors) {
    const errors = err.errors.map((e) => ({ ...e, field: `query.${e.field}` }));
    throw new ApiError(err.code, err.detail.replace(/^Invalid (\w+)/, "Invalid query.$1"), errors);
  }
  throw err;
}

/**
 * The validated query as stored and shown (empty lists and absent members left out), and the store filter it
 * resolves to. A `q` the full-text parser refuses is a 400 now, not a silent miss at every ingest.
 */
async function compileQuery(db: D1Database, query: z.infer<typeof AlertQuery>): Promise<Pick<AlertWrite, "query" | "filter">> {
  try {
    const { limit: _limit, cursor: _cursor, ...filter } = storyFilter({ ...query, limit: 1 });
    if (filter.q !== undefined) {
      await withSearchErrors(filter as Parameters<typeof withSearchErrors>[0], () =>
        db.prepare("SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?1 LIMIT 1").bind(filter.q).all(),
      );
    }
    // `evidence: "any"` is the default, so it is left out like an absent member.
    const shown = Object.fromEntries(
      Object.entries(query).filter(([k, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(k === "evidence" && v === "any")),
    );
    return { query: shown, filter };
  } catch (err) {
    return inQuery(err);
  }
}

function checkedWebhookUrl(url: string, env: Env): string {
  const check = checkFeedUrl(url, { allowPrivate: env.ALLOW_PRIVATE_FEEDS === "true" });
  if (!check.ok) throw new ApiError("invalid-request", `Invalid webhook.url: ${check.reason}`, [{ field: "webhook.url", message: check.reason }]);
  return check.url.href;
}

export const alerts = new Hono<{ Bindings: Env }>()
  .use("*", adminOnly())

  .post("/", limitBody(MAX_ALERT_BODY_BYTES), valid("json", CreateAlertBody), async (c) => {
    const body = c.req.valid("json");
    const webhookUrl = checkedWebhookUrl(body.webhook.url, c.env);
    const secret = body.webhook.secret ?? generateSecret();
    const alert = await insertAlert(
      c.env.DB,
      { name: body.name, ...(await compileQuery(c.env.DB, body.query)), webhookUrl, secret, mode: body.mode, paused: body.paused },
      new Date().toISOString(),
    );
    // The secret is shown here, once: no later answer carries it.
    return c.json({ ...alert, webhook: { url: alert.webhook.url, secret } }, 201, { Location: `/v1/alerts/${alert.id}` });
  })

  .get("/", async (c) => c.json({ alerts: await listAlerts(c.env.DB) }))

  .get("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    const alert = await getAlert(c.env.DB, id);
    if (!alert) throw new ApiError("not-found", `No alert with id ${id}.`);
    return c.json(alert);
  })

  .patch("/:id", limitBody(MAX_ALERT_BODY_BYTES), valid("param", IdParam), valid("json", PatchAlertBody), async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const patch: Partial<AlertWrite> = {
      name: body.name,
      mode: body.mode,
      paused: body.paused,
      secret: body.webhook?.secret,
      webhookUrl: body.webhook?.url === undefined ? undefined : checkedWebhookUrl(body.webhook.url, c.env),
      ...(body.query === undefined ? {} : await compileQuery(c.env.DB, body.query)),
    };
    const alert = await updateAlert(c.env.DB, id, patch, new Date().toISOString());
    if (!alert) throw new ApiError("not-found", `No alert with id ${id}.`);
    return c.json(patch.secret === undefined ? alert : { ...alert, webhook: { url: alert.webhook.url, secret: patch.secret } });
  })

  .delete("/:id", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (!(await deleteAlert(c.env.DB, id))) throw new ApiError("not-found", `No alert with id ${id}.`);
    return c.body(null, 204);
  })

  .get("/:id/deliveries", valid("param", IdParam), valid("query", DeliveriesQuery), async (c) => {
    const { id } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    if (!(await getAlert(c.env.DB, id))) throw new ApiError("not-found", `No alert with id ${id}.`);
    return c.json(await listDeliveries(c.env.DB, id, { limit, beforeId: cursor }));
  })

  // A signed delivery carrying no story, through the same queue and consumer as real ones; follow it in the
  // delivery log (Location). It goes even while the alert is paused or backing off.
  .post("/:id/test", valid("param", IdParam), async (c) => {
    const { id } = c.req.valid("param");
    if (!(await getAlert(c.env.DB, id))) throw new ApiError("not-found", `No alert with id ${id}.`);
    const now = Date.now();
    const deliveryId = await createTestDelivery(c.env.DB, id, {
      now: new Date(now).toISOString(),
      leaseUntil: new Date(now + TEST_LEASE_MS).toISOString(),
    });
    await c.env.ALERT_QUEUE.send({ deliveryId });
    return c.json(await getDelivery(c.env.DB, deliveryId), 202, { Location: `/v1/alerts/${id}/deliveries` });
  });
