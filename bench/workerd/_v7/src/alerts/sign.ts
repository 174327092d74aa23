/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-signature` is "v1," + base64 of
 * HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>", keyed by the base64 part of a "whsec_" secret.
 * The reference implementation (`standardwebhooks`, pure JavaScript) runs in workerd, so it signs here and
 * receivers can verify with the same library in any language.
 */
import { Webhook } from "standardwebhooks";

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The three Standard Webhooks headers for `body`, sent as `id` at `at`. */
export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}
