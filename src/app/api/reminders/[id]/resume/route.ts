import { json, withStaff } from "@/lib/http";
import { reminderIdParams } from "@/services/reminder/reminder.schemas";
import { setReminderPaused } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

export const POST = withStaff({ params: reminderIdParams }, async ({ params, staff, rt }) =>
  json(await setReminderPaused(rt, staff, params.id, false)),
);
