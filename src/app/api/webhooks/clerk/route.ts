import { AppError, notFound } from "@/lib/errors";
import { json, withWebhook } from "@/lib/http";
import { verifyClerkWebhook } from "@/integrations/clerk/webhook";
import { applyClerkEvent } from "@/services/staff/clerk-sync.service";

export const dynamic = "force-dynamic";

/** Clerk's user events (svix-signed). Exists only when Clerk is configured. */
export const POST = withWebhook(async ({ req, rt, rawBody }) => {
  if (!rt.clerk) throw notFound("Route");
  if (!rt.clerk.webhookSecret) throw new AppError("UNAVAILABLE", "CLERK_WEBHOOK_SIGNING_SECRET is not configured");
  const event = await verifyClerkWebhook({ headers: req.headers, rawBody }, rt.clerk.webhookSecret);
  const svixId = req.headers.get("svix-id") ?? req.headers.get("webhook-id");
  if (!event || !svixId) throw new AppError("UNAUTHENTICATED", "signature: not a valid Clerk webhook signature");
  const result = await applyClerkEvent({ db: rt.db, adminEmails: rt.clerk.adminEmails }, { svixId, event });
  return json({ received: true, ...result });
});
