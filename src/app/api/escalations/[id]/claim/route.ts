import { json, withStaff } from "@/lib/http";
import { claimEscalation } from "@/services/escalation/escalation.service";
import { escalationIdParams } from "@/services/messaging/messaging.schemas";

export const dynamic = "force-dynamic";

export const POST = withStaff({ params: escalationIdParams }, async ({ params, staff, rt }) => json(await claimEscalation(rt, staff, params.id)));
