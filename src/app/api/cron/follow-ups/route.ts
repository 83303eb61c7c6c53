import { json, withCron } from "@/lib/http";
import { runFollowUpCron } from "@/services/consultation/follow-up.service";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Every few minutes: consultation follow-ups that came due, and triage dialogs waiting on the patient. */
export const GET = withCron(async ({ rt }) => json(await runFollowUpCron(rt)));
