import { json, withCron } from "@/lib/http";
import { moveDashboardWindows } from "@/services/dashboard/dashboard.service";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Every five minutes: each organisation's 30-day adherence windows move on after its local midnight. `{moved}` */
export const GET = withCron(async ({ rt }) => json(await moveDashboardWindows(rt)));
