import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The dev sign-in's session: `<payload>.<signature>`, payload = base64url JSON {sub, exp},
 * signature = HMAC-SHA256 with the session secret. Stateless, so the same cookie works in
 * every app instance; a disabled user is still refused because the wrapper reloads the user.
 */
export const SESSION_COOKIE = "careloop_session";
const DEFAULT_TTL_SECONDS = 12 * 60 * 60;

export type SessionClaims = { sub: string; exp: number };

const sign = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest("base64url");

export function createSessionToken(staffId: string, secret: string, now = Date.now(), ttlSeconds = DEFAULT_TTL_SECONDS): string {
  const claims: SessionClaims = { sub: staffId, exp: Math.floor(now / 1000) + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The staff id inside a valid, unexpired token; null for anything else. */
export function readSessionToken(token: string | undefined, secret: string, now = Date.now()): string | null {
  if (!token) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<SessionClaims>;
    if (typeof claims.sub !== "string" || typeof claims.exp !== "number") return null;
    return claims.exp * 1000 > now ? claims.sub : null;
  } catch {
    return null;
  }
}

export function sessionCookie(token: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${options.maxAgeSeconds ?? DEFAULT_TTL_SECONDS}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export const clearSessionCookie = () => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
