import { json, withPublic } from "@/lib/http";
import { checkReadiness } from "@/services/health/health.service";

export const dynamic = "force-dynamic";

/** Readiness: the database answers, and Redis when it is configured. 503 names what is down. */
export const GET = withPublic({}, async ({ rt }) => {
  const report = await checkReadiness(rt);
  return json(report, report.status === "ok" ? 200 : 503);
});
