import { json, withStaff } from "@/lib/http";
import { listEscalations } from "@/services/escalation/escalation.service";
import { listEscalationsQuery } from "@/services/messaging/messaging.schemas";

export const dynamic = "force-dynamic";

export const GET = withStaff({ query: listEscalationsQuery }, async ({ query, staff, rt }) =>
  json(await listEscalations(rt, staff, query)),
);
