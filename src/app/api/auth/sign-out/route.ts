import { json } from "@/lib/http";
import { clearSessionCookie } from "@/lib/session";

export const dynamic = "force-dynamic";

export function POST() {
  return json({ signedOut: true }, 200, { "set-cookie": clearSessionCookie() });
}
