import { json, withStaff } from "@/lib/http";
import { reminderIdParams, updateReminderBody } from "@/services/reminder/reminder.schemas";
import { deleteReminder, getReminderOrThrow, toReminderView, updateReminder } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: reminderIdParams }, async ({ params, staff, rt }) =>
  json(toReminderView(await getReminderOrThrow(rt, staff, params.id))),
);

export const PATCH = withStaff({ params: reminderIdParams, body: updateReminderBody }, async ({ params, body, staff, rt }) =>
  json(await updateReminder(rt, staff, params.id, body)),
);

export const DELETE = withStaff({ params: reminderIdParams }, async ({ params, staff, rt }) => {
  await deleteReminder(rt, staff, params.id);
  return new Response(null, { status: 204 });
});
