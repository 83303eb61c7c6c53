import { json, withStaff } from "@/lib/http";
import { resolveEscalation } from "@/services/escalation/escalation.service";
import { escalationIdParams, resolveEscalationBody } from "@/services/messaging/messaging.schemas";

export const dynamic = "force-dynamic";

/** Resolving the last open hand-off of a patient resumes automatic replies. */
export const POST = withStaff({ params: escalationIdParams, body: resolveEscalationBody }, async ({ params, body, staff, rt }) =>
  json(await resolveEscalation(rt, staff, params.id, body)),
);
