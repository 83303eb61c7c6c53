import { createHmac, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import type { ClerkConfig } from "../../src/integrations/clerk/config";

/**
 * Clerk, offline: an RSA key pair of our own stands in for the instance's signing key, and a
 * `whsec_` secret of our own signs webhooks the way svix does. Nothing here talks to Clerk.
 */
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
export const TEST_CLERK_JWT_KEY = keys.publicKey.export({ type: "spki", format: "pem" }).toString();
export const TEST_CLERK_WEBHOOK_SECRET = `whsec_${Buffer.from("careloop-test-webhook-secret-32b").toString("base64")}`;
/** `pk_test_` + base64("<frontend api host>$"), the format Clerk issues. */
export const TEST_CLERK_FRONTEND_API = "careloop-test.clerk.accounts.dev";
export const TEST_CLERK_PUBLISHABLE_KEY = `pk_test_${Buffer.from(`${TEST_CLERK_FRONTEND_API}$`).toString("base64")}`;

export function testClerkConfig(overrides: Partial<ClerkConfig> = {}): ClerkConfig {
  return {
    jwtKey: TEST_CLERK_JWT_KEY,
    secretKey: "sk_test_careloop_offline",
    publishableKey: TEST_CLERK_PUBLISHABLE_KEY,
    webhookSecret: TEST_CLERK_WEBHOOK_SECRET,
    adminEmails: [],
    ...overrides,
  };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A session token shaped like Clerk's (RS256, sub/sid/azp/iat/nbf/exp), signed with our key or `privateKey`. */
export function mintSessionToken(
  sub: string,
  options: { nowSeconds?: number; ttlSeconds?: number; privateKey?: typeof keys.privateKey } = {},
): string {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", kid: "ins_careloop_test", typ: "JWT" };
  const payload = {
    azp: "http://localhost:3000",
    exp: now + (options.ttlSeconds ?? 60),
    iat: now,
    iss: `https://${TEST_CLERK_FRONTEND_API}`,
    nbf: now - 10,
    sid: `sess_${randomUUID().replace(/-/g, "")}`,
    sub,
    v: 2,
  };
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = sign("RSA-SHA256", Buffer.from(input), options.privateKey ?? keys.privateKey).toString("base64url");
  return `${input}.${signature}`;
}

/** A key pair Clerk never heard of: its tokens must be refused. */
export const forgerKey = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

/** svix headers for `body`: v1 = base64 HMAC-SHA256 over `${id}.${timestamp}.${body}` with the decoded secret. */
export function signWebhook(body: string, options: { secret?: string; id?: string; timestampSeconds?: number } = {}) {
  const secret = options.secret ?? TEST_CLERK_WEBHOOK_SECRET;
  const id = options.id ?? `msg_${randomUUID().replace(/-/g, "")}`;
  const timestamp = String(options.timestampSeconds ?? Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}`, "content-type": "application/json" };
}

/** A `user.created` / `user.updated` payload as Clerk sends it (trimmed to the fields we read, plus a few). */
export function clerkUserEvent(
  type: "user.created" | "user.updated",
  user: { id: string; email: string; firstName?: string; lastName?: string },
) {
  const emailId = `idn_${randomUUID().replace(/-/g, "")}`;
  return {
    type,
    object: "event",
    timestamp: Date.now(),
    instance_id: "ins_careloop_test",
    data: {
      id: user.id,
      object: "user",
      username: null,
      first_name: user.firstName ?? "Test",
      last_name: user.lastName ?? "User",
      image_url: "https://img.clerk.com/placeholder",
      has_image: false,
      primary_email_address_id: emailId,
      primary_phone_number_id: null,
      email_addresses: [
        { id: emailId, object: "email_address", email_address: user.email, verification: { status: "verified", strategy: "email_code" }, linked_to: [] },
      ],
      phone_numbers: [],
      external_accounts: [],
      public_metadata: {},
      private_metadata: {},
      unsafe_metadata: {},
      created_at: Date.now(),
      updated_at: Date.now(),
    },
  };
}

export const clerkUserDeletedEvent = (id: string) => ({
  type: "user.deleted",
  object: "event",
  timestamp: Date.now(),
  data: { id, object: "user", deleted: true },
});

export const newClerkUserId = () => `user_${randomUUID().replace(/-/g, "").slice(0, 27)}`;
