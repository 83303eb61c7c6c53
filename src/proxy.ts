import type { NextFetchEvent, NextRequest } from "next/server";
import { clerkConfigFromEnv } from "@/integrations/clerk/config";
import { clerkEnabled, env } from "@/lib/env";
import { type Proxy, createProxy } from "@/lib/proxy";

/** Next 16's request proxy (formerly middleware): Clerk when configured, security headers always. See src/lib/proxy.ts. */
let handler: Proxy | undefined;

export function proxy(req: NextRequest, event: NextFetchEvent) {
  // built on the first request, not at import: `next build` loads this file without the runtime env
  if (!handler) {
    const config = env();
    handler = createProxy({ clerk: clerkEnabled(config) ? clerkConfigFromEnv(config) : undefined, development: config.NODE_ENV !== "production" });
  }
  return handler(req, event);
}

export const config = {
  matcher: [
    // everything but Next internals and static files (Clerk's recommended matcher)
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api|trpc)(.*)",
  ],
};
