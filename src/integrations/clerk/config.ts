/**
 * Clerk's configuration, as the runtime and the proxy hold it. Built from env in one place
 * (`clerkConfigFromEnv`); tests hand their own to `setRuntime` with a key pair of their own.
 */
export type ClerkConfig = {
  /**
   * PEM public key (Dashboard -> API keys -> JWT public key): session tokens verify with no network.
   * Without it (CLERK_JWT_KEY unset) Clerk's JWKS is fetched with the secret key, and cached.
   */
  jwtKey?: string;
  secretKey: string;
  publishableKey: string;
  /** `whsec_...` secret of the Clerk webhook endpoint; without it the webhook route refuses everything. */
  webhookSecret?: string;
  /** Lower-cased emails that become approved admins on sign-up (ADMIN_EMAILS, comma separated). */
  adminEmails: string[];
};

type ClerkEnv = {
  CLERK_SECRET_KEY?: string;
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY?: string;
  CLERK_JWT_KEY?: string;
  CLERK_WEBHOOK_SIGNING_SECRET?: string;
  ADMIN_EMAILS?: string;
};

/** Clerk is on when both keys are set (as `clerkEnabled` in env.ts says); CLERK_JWT_KEY makes it networkless. */
export function clerkConfigFromEnv(env: ClerkEnv): ClerkConfig | undefined {
  const { CLERK_SECRET_KEY: secretKey, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey } = env;
  if (!secretKey || !publishableKey) return undefined;
  return {
    // env files often carry the PEM on one line with literal "\n"
    jwtKey: env.CLERK_JWT_KEY?.replace(/\\n/g, "\n"),
    secretKey,
    publishableKey,
    webhookSecret: env.CLERK_WEBHOOK_SIGNING_SECRET,
    adminEmails: parseAdminEmails(env.ADMIN_EMAILS),
  };
}

export function parseAdminEmails(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.includes("@"));
}

/**
 * The Frontend API host inside a publishable key: `pk_test_` / `pk_live_` + base64(`<host>$`).
 * The browser loads clerk-js from it and talks to it, so the CSP names it.
 */
export function frontendApiHost(publishableKey: string): string | undefined {
  const match = /^pk_(test|live)_(.+)$/.exec(publishableKey);
  if (!match?.[2]) return undefined;
  const decoded = Buffer.from(match[2], "base64").toString("utf8");
  if (!decoded.endsWith("$")) return undefined;
  const host = decoded.slice(0, -1);
  return /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? host : undefined;
}
