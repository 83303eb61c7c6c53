import { json, withStaff } from "@/lib/http";
import { reminderIdParams } from "@/services/reminder/reminder.schemas";
import { sendReminderNow } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

/** Sends this reminder now, through the same exactly-once path as the cron. */
export const POST = withStaff({ params: reminderIdParams }, async ({ params, staff, rt }) => json(await sendReminderNow(rt, staff, params.id)));
