import { json, withStaff } from "@/lib/http";
import { patientIdParams } from "@/services/patient/patient.schemas";
import { createReminderBody } from "@/services/reminder/reminder.schemas";
import { createReminder, listReminders } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: patientIdParams }, async ({ params, staff, rt }) => json(await listReminders(rt, staff, params.id)));

export const POST = withStaff({ params: patientIdParams, body: createReminderBody }, async ({ params, body, staff, rt }) =>
  json(await createReminder(rt, staff, params.id, body), 201),
);
