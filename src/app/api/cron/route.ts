import { json, withCron } from "@/lib/http";
import { runReminderCron } from "@/services/reminder/dispatch.service";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Vercel Cron, every minute: due reminders, nudges, closing reply windows. `{due, sent, failed, skipped, deferred, ...}` */
export const GET = withCron(async ({ rt }) => json(await runReminderCron(rt, { budgetMs: rt.cronBudgetMs })));
