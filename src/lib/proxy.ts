import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import type { ClerkConfig } from "@/integrations/clerk/config";
import { securityHeaders } from "./security-headers";

/**
 * What runs in front of every page and API route (`src/proxy.ts`).
 *
 * With Clerk: `clerkMiddleware` with the instance's JWT key (it does not read CLERK_JWT_KEY from the
 * environment itself), so session tokens verify without a network call. Pages need a signed-in
 * Clerk user; sign-in and sign-up are public; API routes skip Clerk here altogether — they
 * authenticate in `withStaff` and answer JSON 401, never a redirect; webhooks, health and the dev
 * sign-in are public.
 * Without Clerk: a pass-through (the dev sign-in's cookie is checked by the pages and routes).
 * Either way every response gets the security headers.
 */
export type ProxyOptions = { clerk?: ClerkConfig; development: boolean };
export type Proxy = (req: NextRequest, event: NextFetchEvent) => Promise<Response>;

const isPublicPage = createRouteMatcher(["/sign-in(.*)", "/sign-up(.*)"]);
// API routes authenticate in `withStaff` (JSON 401), webhooks by signature, health not at all
const isApiRoute = createRouteMatcher(["/api/(.*)"]);

export function createProxy(options: ProxyOptions): Proxy {
  const headers = securityHeaders({ clerkPublishableKey: options.clerk?.publishableKey, development: options.development });
  const withHeaders = (res: Response) => {
    for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
    return res;
  };
  const { clerk } = options;
  if (!clerk) return async () => withHeaders(NextResponse.next());
  const clerkProxy = clerkMiddleware(
    async (auth, req) => {
      if (!isPublicPage(req)) await auth.protect();
    },
    {
      // Not `secretKey`: passed as an option Clerk insists on CLERK_ENCRYPTION_KEY to forward it to
      // server components; it reads CLERK_SECRET_KEY from the environment itself. The JWT key it
      // does not read (Clerk 7), so it is passed here.
      jwtKey: clerk.jwtKey,
      publishableKey: clerk.publishableKey,
      signInUrl: "/sign-in",
      signUpUrl: "/sign-up",
    },
  );
  return async (req, event) => {
    // no Clerk work on API routes: nothing there calls Clerk's auth(), and GOWA webhooks come in bulk
    if (isApiRoute(req)) return withHeaders(NextResponse.next());
    return withHeaders((await clerkProxy(req, event)) ?? NextResponse.next());
  };
}
