import { json, withStaff } from "@/lib/http";
import { adherenceQuery } from "@/services/reminder/reminder.schemas";
import { getAdherence } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

/** Confirmed over sent for 7 and 30 days: a patient, a volunteer's patients, or the organisation. */
export const GET = withStaff({ query: adherenceQuery }, async ({ query, staff, rt }) => json(await getAdherence(rt, staff, query)));
