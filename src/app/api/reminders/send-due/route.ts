import { json, withStaff } from "@/lib/http";
import { sendDueNow } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

/** Admins: send everything of the organisation that is due now. */
export const POST = withStaff({ roles: ["ADMIN"] }, async ({ staff, rt }) => json(await sendDueNow(rt, staff)));
