import { frontendApiHost } from "@/integrations/clerk/config";

/**
 * Headers every response carries. The Content-Security-Policy names our own origin and, with
 * Clerk, exactly what Clerk's components load: clerk-js and its API from the instance's Frontend
 * API host, avatars from img.clerk.com, the bot-protection challenge (Cloudflare Turnstile) and
 * Clerk's protect endpoints, and blob: workers. Telemetry is switched off on the provider, so
 * clerk-telemetry.com is not allowed.
 *
 * 'unsafe-inline' scripts are for Next.js's own inline bootstrap scripts (no nonces yet);
 * 'unsafe-eval' only in development, where React's tooling needs it.
 */
export function contentSecurityPolicy(options: { clerkPublishableKey?: string; development: boolean }): string {
  const fapiHost = options.clerkPublishableKey ? frontendApiHost(options.clerkPublishableKey) : undefined;
  const clerk = fapiHost !== undefined;
  const fapi = fapiHost ? [`https://${fapiHost}`] : [];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      "'unsafe-inline'",
      ...(options.development ? ["'unsafe-eval'"] : []),
      ...fapi,
      ...(clerk ? ["https://challenges.cloudflare.com", "https://*.protect.clerk.com"] : []),
    ],
    "connect-src": ["'self'", ...fapi, ...(clerk ? ["https://*.protect.clerk.com:*"] : [])],
    "img-src": ["'self'", "data:", "blob:", ...(clerk ? ["https://img.clerk.com"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'"],
    "frame-src": clerk ? ["'self'", "https://challenges.cloudflare.com", "https://*.protect.clerk.com"] : ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: { clerkPublishableKey?: string; development: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // the staff app uses none of these; nothing it embeds may either
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(options.development ? {} : { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }),
  };
}
