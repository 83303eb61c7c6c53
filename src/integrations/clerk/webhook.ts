import type { UserJSON } from "@clerk/backend";
import { type WebhookEvent, verifyWebhook } from "@clerk/backend/webhooks";

export type { WebhookEvent };

/**
 * Checks the svix signature (`svix-id`, `svix-timestamp`, `svix-signature` over the exact raw
 * body) with the endpoint's `whsec_` secret — no network. Null for anything that does not verify.
 */
export async function verifyClerkWebhook(
  input: { headers: Headers; rawBody: string },
  signingSecret: string,
): Promise<WebhookEvent | null> {
  const request = new Request("http://webhook.local/", { method: "POST", headers: input.headers, body: input.rawBody });
  try {
    return await verifyWebhook(request, { signingSecret });
  } catch {
    return null;
  }
}

/** What we keep of a Clerk user. */
export type ClerkUserProfile = { clerkId: string; email: string | null; name: string };

/** Pure: a Clerk `UserJSON` payload -> our profile (primary email, display name). */
export function toClerkUserProfile(user: Pick<UserJSON, "id" | "email_addresses" | "primary_email_address_id" | "first_name" | "last_name" | "username">): ClerkUserProfile {
  const addresses = user.email_addresses ?? [];
  const primary = addresses.find((a) => a.id === user.primary_email_address_id) ?? addresses[0];
  const email = primary?.email_address?.trim().toLowerCase() || null;
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  const name = fullName || user.username || email?.split("@")[0] || "New user";
  return { clerkId: user.id, email, name };
}
