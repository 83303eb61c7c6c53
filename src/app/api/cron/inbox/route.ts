import { json, withCron } from "@/lib/http";
import { sweepInbox } from "@/services/messaging/webhook.service";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Every minute: webhook events acknowledged but never finished, and verifications that expired. */
export const GET = withCron(async ({ rt }) => json(await sweepInbox(rt, { budgetMs: 40_000 })));
