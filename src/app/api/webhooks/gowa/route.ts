import { json, withWebhook } from "@/lib/http";
import { acceptGowaWebhook } from "@/services/messaging/webhook.service";

export const dynamic = "force-dynamic";

/** GOWA events: verified on the raw body, stored durably, answered at once, processed after. */
export const POST = withWebhook(async ({ req, rt, rawBody }) =>
  json(await acceptGowaWebhook(rt, rawBody, req.headers.get("x-hub-signature-256"))),
);
