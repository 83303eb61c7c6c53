import { json, withStaff } from "@/lib/http";
import { getAiUsage } from "@/services/messaging/conversation.service";
import { aiUsageQuery } from "@/services/messaging/messaging.schemas";

export const dynamic = "force-dynamic";

/** Claude tokens and cost for the organisation, per model. */
export const GET = withStaff({ query: aiUsageQuery, roles: ["ADMIN", "PHARMACIST"] }, async ({ query, staff, rt }) =>
  json(await getAiUsage(rt, staff, query.days)),
);
