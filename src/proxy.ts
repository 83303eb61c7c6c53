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
    // everything but Next internals, static files and webhooks (Clerk's recommended matcher, less the
    // webhooks: machine-to-machine, verified by signature, and GOWA sends them in bursts where a
    // proxy hop per request cost p99 31 -> 180 ms in bench:webhook)
    "/((?!_next|api/webhooks/|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
  ],
};
