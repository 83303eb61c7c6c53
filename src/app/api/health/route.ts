import { json } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Touches nothing else. */
export function GET() {
  return json({ status: "ok" });
}
