import { verifyToken } from "@clerk/backend";

/** Clerk keeps the short-lived session token in this cookie; API clients send it as a bearer token. */
export const CLERK_SESSION_COOKIE = "__session";

export type ClerkSessionSource = { authorization: string | null; cookie: string | undefined };

/**
 * The Clerk user id (`sub`) of a valid session token, or null. Verified offline with the
 * instance's PEM key (signature, `exp`, `nbf`, Clerk's default skew of 5 s); without one, against
 * Clerk's JWKS fetched with the secret key. The bearer token wins over the cookie, as in Clerk's
 * own `authenticateRequest`.
 */
export async function verifyClerkSession(source: ClerkSessionSource, options: { jwtKey?: string; secretKey: string }): Promise<string | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(source.authorization ?? "")?.[1];
  const token = bearer ?? source.cookie;
  if (!token) return null;
  try {
    const claims = await verifyToken(token, options.jwtKey ? { jwtKey: options.jwtKey } : { secretKey: options.secretKey });
    return typeof claims.sub === "string" && claims.sub !== "" ? claims.sub : null;
  } catch {
    // expired, forged, malformed: all simply "no session"
    return null;
  }
}
